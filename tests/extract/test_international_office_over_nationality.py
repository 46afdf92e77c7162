"""A person the table of offices has in an organisation's office on the article's day, whom
the copy calls a state's minister ("the Spanish minister, Josep Borrell" in 2022, a slip of
translated copy or a nationality): they speak for the organisation. A state office the table
has them in that day stays the state's. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from extract_support import extracted
from spacy.language import Language

DAY = dt.date(2022, 5, 16)
BORRELL = (
    "“We cannot guarantee a conclusion because the positions are very firm”, warned the "
    "Spanish minister, Josep Borrell."
)


def actors_of(nlp: Language, body: str) -> list[str | None]:
    return [k.actor_id for s in extracted(nlp, body, DAY) for k in s.speakers]


def test_an_organisations_office_that_day_wins_over_a_nationality(nlp: Language) -> None:
    assert actors_of(nlp, BORRELL) == ["EU"]


def test_a_state_office_the_table_has_that_day_stays_the_states(nlp: Language) -> None:
    body = (
        "“We will support the embargo because it is right”, said the French president, "
        "Emmanuel Macron."
    )
    assert actors_of(nlp, body) == ["FR"]


def test_before_the_organisations_office_the_state_stays(nlp: Language) -> None:
    # in 2018 the table has Borrell in no EU office
    earlier = extracted(nlp, BORRELL, dt.date(2018, 9, 1))
    speakers = [k.actor_id for s in earlier for k in s.speakers]
    assert speakers and "EU" not in speakers
