"""A "Source:" line (where the copy came from) is page furniture: it never speaks. A bare
label is told apart from an anonymous source by its missing article ("A source close to the
talks said" speaks)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from extract_support import plain_article
from spacy.language import Language

from factbox.extract import extract_article
from factbox.extract.furniture import page_furniture
from factbox.records import Statement

POLNEAR = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear"


def extract(nlp: Language, body: str, day: dt.date) -> list[Statement]:
    return extract_article(nlp(body), plain_article(body, day)).statements


# A "Source:" line ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "furniture"),
    [
        ("Source", True),
        ("Photo credit", True),
        # with an article or more words it is an anonymous source, who speaks
        ("A source close to the talks", False),
        ("Source close to the talks", False),
        ("Sources", False),
    ],
)
def test_a_bare_source_label_is_furniture(source: str, furniture: bool) -> None:
    assert page_furniture().is_furniture(source) is furniture


def test_a_source_line_never_speaks(nlp: Language) -> None:
    body = (
        "Source: Northern Herald with reference to the public broadcaster of Sweden\n\n"
        "The Swedish prime minister said the plan was not relevant now."
    )
    found = extract(nlp, body, dt.date(2024, 2, 27))
    assert all(s.source_text.lower() != "source" for s in found)
    assert any(s.source_text == "The Swedish prime minister" for s in found)


def test_a_source_line_in_polnear_never_speaks(nlp: Language) -> None:
    path = POLNEAR / "dev" / "text" / "wash-post_2016-09-18_e-u-leaders-weigh-plans-for-grea.txt"
    if not path.is_file():
        pytest.skip("PolNeAR corpus not available")
    paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
    at = next(i for i, p in enumerate(paragraphs) if p.startswith("Source: "))
    body = "\n\n".join(paragraphs[at - 2 : at + 1])
    for statement in extract(nlp, body, dt.date(2016, 9, 18)):
        assert statement.source_text.lower() != "source"
