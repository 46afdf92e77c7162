"""Proposals from TOML: fields, defaults and the errors a user sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from factbox.records import InputError
from factbox.stance.proposals import load_proposals, parse_proposals
from factbox.stance.records import Proposal

TWO = """
[[proposal]]
slug = "troops-to-ukraine"
title = "Send troops to Ukraine"
description = "NATO members or other Western states send ground troops to Ukraine"
terms = ["boots on the ground", "  reassurance force "]
bodies = ["nato", "state"]

[[proposal]]
slug = "no-fly-zone"
title = "Impose a no-fly zone over Ukraine"
"""


def test_load_reads_every_field_and_defaults(tmp_path: Path) -> None:
    path = tmp_path / "proposals.toml"
    path.write_text(TWO, encoding="utf-8")
    troops, zone = load_proposals(path)
    assert troops == Proposal(
        slug="troops-to-ukraine",
        title="Send troops to Ukraine",
        description="NATO members or other Western states send ground troops to Ukraine",
        terms=["boots on the ground", "reassurance force"],
        bodies=["nato", "state"],
    )
    assert (zone.slug, zone.description, zone.terms, zone.bodies) == ("no-fly-zone", "", [], [])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[proposal]]\nslug = "a"\ntitle = "A"\n[[proposal]]\nslug = "a"\ntitle = "B"\n',
         "defined twice"),
        ('[[proposal]]\nslug = "a"\n', "title is required"),
        ('[[proposal]]\nslug = "Send Troops"\ntitle = "A"\n', "slug must be"),
        ('[[proposal]]\nslug = "a"\ntitle = "A"\nterm = ["x"]\n', "unknown field(s) term"),
        ('[[proposal]]\nslug = "a"\ntitle = "A"\nterms = "x"\n', "terms must be a list"),
        ('[[proposal]\nslug = "a"\n', "not valid TOML"),
    ],
)
def test_bad_files_name_the_problem(text: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_proposals(text, "mine.toml")
    assert caught.value.name == "mine.toml"
    assert problem in caught.value.reason


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_proposals(tmp_path / "absent.toml")
