"""Loading bodies: shipped data, user folders, parametric bodies, bad files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factbox.records import InputError
from factbox.rules import (
    Body,
    load_bodies,
    load_body,
    load_body_file,
    members_as_of,
    membership_known,
)
from factbox.rules.records import QmvParams, UnanimityParams, UnscParams
from factbox.settings import BODIES_ENV, Settings


def test_shipped_bodies_are_the_five_named_ones(shipped: dict[str, Body]) -> None:
    assert sorted(shipped) == ["coalition", "eu-council", "nato", "state", "unsc"]


def test_every_fact_in_shipped_bodies_names_a_known_source(shipped: dict[str, Body]) -> None:
    for body in shipped.values():
        keys = {s.key for s in body.sources}
        for membership in body.memberships:
            assert membership.sources, f"{body.id}/{membership.actor_id} has no source"
            assert set(membership.sources) <= keys
        for table in body.populations:
            assert table.sources and set(table.sources) <= keys


def test_nato_has_32_members_today_all_iso_codes(shipped: dict[str, Body]) -> None:
    members = members_as_of(shipped["nato"], dt.date(2025, 1, 1))
    assert len(members) == 32 == len(set(members))
    assert all(len(m) == 2 and m.isupper() for m in members)
    assert shipped["nato"].rule().kind == "consensus"


def test_eu_council_has_27_members_and_the_uk_with_its_exit(shipped: dict[str, Body]) -> None:
    eu = shipped["eu-council"]
    assert len(members_as_of(eu, dt.date(2025, 1, 1))) == 27
    uk = [m for m in eu.memberships if m.actor_id == "GB"]
    assert len(uk) == 1 and uk[0].left == dt.date(2020, 2, 1)
    assert {r.kind for r in eu.rules} == {"unanimity", "qmv"}
    unanimity = eu.rule("cfsp-unanimity").params
    assert isinstance(unanimity, UnanimityParams) and unanimity.constructive_abstention
    assert unanimity.abstention_limit is None  # not in the sourced facts
    qmv = eu.rule("qmv").params
    assert isinstance(qmv, QmvParams)
    assert (qmv.standard.member_percent, qmv.standard.population_percent) == (55, 65)
    assert qmv.standard.blocking_min_members == 4
    assert qmv.not_from_commission is not None and qmv.not_from_commission.member_percent == 72


def test_eu_population_gaps_stay_gaps(shipped: dict[str, Body]) -> None:
    tables = {t.year: t for t in shipped["eu-council"].populations}
    assert sorted(tables) == [2023, 2024, 2025]
    bulgaria_2023 = tables[2023].entry("BG")
    assert bulgaria_2023 is not None and bulgaria_2023.population is None
    assert bulgaria_2023.note and "UNCONFIRMED" in bulgaria_2023.note
    assert all(row.population is None for row in tables[2025].entries)
    assert all(row.share is not None for row in tables[2025].entries)
    assert tables[2025].total == 451_028_881


def test_unsc_rule_and_permanent_members(shipped: dict[str, Body]) -> None:
    unsc = shipped["unsc"]
    params = unsc.rule().params
    assert isinstance(params, UnscParams)
    assert (params.seats, params.votes_needed) == (9 + 6, 9)
    assert sorted(params.permanent) == ["CN", "FR", "GB", "RU", "US"]
    for year in range(2020, 2027):
        members = members_as_of(unsc, dt.date(year, 7, 1))
        assert len(members) == 15 and set(params.permanent) <= set(members)


def test_parametric_bodies_take_members_from_the_reference() -> None:
    state = load_body("state:fr", user_dir=None)
    assert state.id == "state:FR" and members_as_of(state, dt.date(2025, 1, 1)) == ["FR"]
    coalition = load_body("coalition:FR,GB,PL")
    assert members_as_of(coalition, dt.date(2025, 1, 1)) == ["FR", "GB", "PL"]
    with pytest.raises(InputError):
        load_body("state:FR,DE")
    with pytest.raises(InputError):
        load_body("nato:FR")
    with pytest.raises(InputError):
        load_body("no-such-body")


USER_TOML = """
id = "{body_id}"
name = "A council we made up"
default_rule = "consensus"

[[rules]]
id = "consensus"
kind = "consensus"

[[members]]
actor_id = "AA"
joined = 2001-01-01

[[members]]
actor_id = "BB"
joined = 2001-01-01
left = 2010-01-01
"""


def test_a_user_body_is_loaded_from_a_folder_argument(tmp_path: Path) -> None:
    (tmp_path / "made-up.toml").write_text(USER_TOML.format(body_id="made-up"))
    bodies = load_bodies(tmp_path)
    assert "nato" in bodies and "made-up" in bodies
    made_up = bodies["made-up"]
    assert members_as_of(made_up, dt.date(2009, 12, 31)) == ["AA", "BB"]
    assert members_as_of(made_up, dt.date(2010, 1, 1)) == ["AA"]


def test_a_user_body_is_loaded_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "from-env.toml").write_text(USER_TOML.format(body_id="from-env"))
    monkeypatch.setenv(BODIES_ENV, str(tmp_path))
    assert load_body("from-env", Settings.from_env().bodies).origin == "from-env.toml"
    with pytest.raises(InputError):  # nothing below the settings reads the environment
        load_body("from-env")


def test_a_user_body_replaces_a_shipped_one_with_the_same_id(tmp_path: Path) -> None:
    (tmp_path / "nato.toml").write_text(USER_TOML.format(body_id="nato"))
    assert members_as_of(load_body("nato", tmp_path), dt.date(2005, 1, 1)) == ["AA", "BB"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"rules": [{"kind": "majority"}]}, "rule kind"),
        ({"id": None}, "missing 'id'"),
        ({"members": [{"actor_id": "AA", "joined": "2001-02-30"}]}, "not a YYYY-MM-DD"),
        (
            {"members": [{"actor_id": "AA", "joined": "2001-01-01", "left": "2001-01-01"}]},
            "'left' must be after",
        ),
        (
            {"members": [{"actor_id": "AA", "joined": "2001-01-01", "sources": ["nope"]}]},
            "unknown source",
        ),
        ({"default_rule": "qmv"}, "default_rule"),
    ],
)
def test_bad_body_files_say_what_is_wrong(
    tmp_path: Path, change: dict[str, object], problem: str
) -> None:
    data: dict[str, object] = {
        "id": "bad",
        "rules": [{"kind": "consensus"}],
        "members": [{"actor_id": "AA", "joined": "2001-01-01"}],
    }
    data.update(change)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(InputError) as raised:
        load_body_file(path)
    assert raised.value.name == "bad.json"
    assert problem in raised.value.reason


def test_the_example_body_file_in_the_docs_loads(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    text = docs.read_text(encoding="utf-8")
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "five-eyes.toml").write_text(example)
    body = load_body("five-eyes", tmp_path)
    assert members_as_of(body, dt.date(1956, 1, 1)) == ["GB"]
    assert not membership_known(body, dt.date(1955, 12, 31))
