"""The table of offices covers 2015-2016 too: a speaker an article of that time names without
an office speaks for the state or organisation they served that day, and not after."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import extracted
from spacy.language import Language

from factbox.extract.nlp import load_nlp
from factbox.extract.offices import office_table


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def speakers_actors(nlp: Language, body: str, published: dt.date) -> list[str | None]:
    statements = extracted(nlp, body, published)
    assert statements, body
    return [speaker.actor_id for s in statements for speaker in s.speakers]


@pytest.mark.parametrize(
    ("body", "during", "after"),
    [
        ("Mr. Obama said on Monday that the accord would hold.", "US", None),
        ("Mr. Ban said the council must act quickly.", "UN", None),
        ("Ms. Merkel said on Tuesday that the union would stay together.", "DE", "DE"),
    ],
)
def test_a_name_without_an_office_speaks_for_whom_it_served_that_day(
    nlp: Language, body: str, during: str | None, after: str | None
) -> None:
    assert speakers_actors(nlp, body, dt.date(2016, 5, 4)) == [during]
    assert speakers_actors(nlp, body, dt.date(2017, 3, 1)) == [after]


def test_a_former_office_holder_running_for_office_speaks_for_no_state(nlp: Language) -> None:
    body = "Mrs. Clinton said on Monday that the accord would hold."
    assert speakers_actors(nlp, body, dt.date(2016, 5, 4)) == [None]
    assert office_table().held_on("Hillary Clinton", dt.date(2010, 5, 4)) is not None


@pytest.mark.parametrize(
    "body",
    [
        "Syrian residents said on Monday that they welcomed the decision.",
        "A majority of Britons said in the poll that the union had failed them.",
        "The Texas governor said on Monday that the state would sue.",
    ],
)
def test_residents_voters_and_governors_speak_for_no_state(nlp: Language, body: str) -> None:
    assert speakers_actors(nlp, body, dt.date(2016, 5, 4)) == [None]


def test_a_lower_case_title_without_a_country_speaks_for_whom_the_table_says(
    nlp: Language,
) -> None:
    # "president" with no country word, and no country the article could lend it: the
    # table of offices says whose president he was that day.
    body = "The government will not accept the plan, president Klaus Iohannis said on Thursday."
    assert speakers_actors(nlp, body, dt.date(2015, 9, 10)) == ["RO"]
    assert speakers_actors(nlp, body, dt.date(2014, 6, 1)) == [None]


def test_an_earlier_term_of_a_holder_the_table_knows_later_counts_too(nlp: Language) -> None:
    # a surname alone, in 2015: the table's earlier term, not "held none of its offices"
    body = "Fico responded that the country would fight back."
    assert speakers_actors(nlp, body, dt.date(2015, 9, 22)) == ["SK"]
    assert speakers_actors(nlp, body, dt.date(2020, 9, 22)) == [None]
