"""When statements were made, on wire-style sentences written for these tests."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from factbox.extract.dates import resolve_said_on

WEDNESDAY = dt.date(2024, 2, 28)


def said_on(
    nlp: Language,
    text: str,
    published: dt.date | None = WEDNESDAY,
    statement_from: str | None = None,
    cue: str | None = None,
) -> tuple[dt.date | None, str]:
    """Resolve the statement that runs from ``statement_from`` (default: the whole text)."""
    doc = nlp(text)
    start = text.index(statement_from) if statement_from else 0
    cue_span = None
    if cue is not None:
        cue_start = text.index(cue)
        cue_span = (cue_start, cue_start + len(cue))
    return resolve_said_on(doc, (start, len(text)), published, cue=cue_span)


# Explicit dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fico said on February 26 that Kyiv should negotiate.", dt.date(2024, 2, 26)),
        ("Fico said on 26 February 2023 that Kyiv should negotiate.", dt.date(2023, 2, 26)),
        ("Fico told reporters on Feb. 26 that the plan was dead.", dt.date(2024, 2, 26)),
        ("On Feb. 27, Fico told reporters that the plan was dead.", dt.date(2024, 2, 27)),
        ("Fico said on Monday, Feb. 19, that the plan was dead.", dt.date(2024, 2, 19)),
    ],
)
def test_explicit_dates(nlp: Language, text: str, expected: dt.date) -> None:
    assert said_on(nlp, text) == (expected, "explicit")


def test_a_day_after_publication_belongs_to_the_previous_year(nlp: Language) -> None:
    text = "Fico said on Dec. 30 that the plan was dead."
    assert said_on(nlp, text, published=dt.date(2025, 1, 2)) == (dt.date(2024, 12, 30), "explicit")


def test_a_day_later_in_the_publication_month_is_last_year(nlp: Language) -> None:
    text = "Fico said on February 20 that the plan was dead."
    assert said_on(nlp, text, published=dt.date(2024, 2, 10)) == (dt.date(2023, 2, 20), "explicit")


def test_a_leap_day_that_cannot_be_placed_stays_with_the_article(nlp: Language) -> None:
    text = "Fico said on February 29 that the plan was dead."
    published = dt.date(2024, 2, 10)
    assert said_on(nlp, text, published=published) == (published, "article")


def test_explicit_year_is_kept_even_without_an_article_date(nlp: Language) -> None:
    text = "Fico said on 26 February 2024 that the plan was dead."
    assert said_on(nlp, text, published=None) == (dt.date(2024, 2, 26), "explicit")


# Relative dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fico said on Monday that Kyiv should negotiate.", dt.date(2024, 2, 26)),
        ("Fico said Tuesday that Kyiv should negotiate.", dt.date(2024, 2, 27)),
        ("Fico said on Thursday that Kyiv should negotiate.", dt.date(2024, 2, 22)),
        ("Fico said on Wednesday that Kyiv should negotiate.", WEDNESDAY),
        ("Fico said last Wednesday that Kyiv should negotiate.", dt.date(2024, 2, 21)),
        ("He told Reuters on Tuesday evening that the talks had failed.", dt.date(2024, 2, 27)),
        ("Polish diplomats said yesterday the proposal was premature.", dt.date(2024, 2, 27)),
        ("Officials said today that the talks were over.", WEDNESDAY),
        ("The Elysee said this morning that Macron would host the meeting.", WEDNESDAY),
    ],
)
def test_relative_dates(nlp: Language, text: str, expected: dt.date) -> None:
    assert said_on(nlp, text) == (expected, "relative")


def test_weekday_on_the_publication_day_is_that_day(nlp: Language) -> None:
    monday = dt.date(2024, 3, 4)
    text = "Fico said on Monday that the plan was dead."
    assert said_on(nlp, text, published=monday) == (monday, "relative")


def test_relative_dates_need_an_article_date(nlp: Language) -> None:
    assert said_on(nlp, "Fico said on Monday that the plan was dead.", published=None) == (
        None,
        "article",
    )


@given(
    published=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
    weekday=st.integers(min_value=0, max_value=6),
)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_weekday_is_within_the_week_before_publication(
    nlp: Language, published: dt.date, weekday: int
) -> None:
    name = calendar.day_name[weekday]
    day, basis = said_on(nlp, f"Fico said on {name} that the plan was dead.", published)
    assert basis == "relative"
    assert day is not None
    assert day.weekday() == weekday
    assert published - dt.timedelta(days=6) <= day <= published


@given(
    published=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
    stated=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_month_and_day_is_the_latest_such_day_up_to_publication(
    nlp: Language, published: dt.date, stated: dt.date
) -> None:
    written = f"{calendar.month_name[stated.month]} {stated.day}"
    day, basis = said_on(nlp, f"Fico said on {written} that the plan was dead.", published)
    if basis == "article":  # February 29 with no leap year in the year before publication
        assert (stated.month, stated.day, day) == (2, 29, published)
        return
    assert basis == "explicit"
    assert day is not None
    assert (day.month, day.day) == (stated.month, stated.day)
    assert published - dt.timedelta(days=366) < day <= published


# Dates that stay with the article ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials said last week that the talks were over.",
        "Fico said in February that the plan was dead.",
        "Fico said that the plan was dead.",
        "Fico said that the summit on March 3 would fail.",
        '"We met on Monday and we agreed," Fico said.',
        "Fico said the talks, planned for Friday, would fail.",
    ],
)
def test_no_date_of_the_saying_gives_the_article_date(nlp: Language, text: str) -> None:
    assert said_on(nlp, text) == (WEDNESDAY, "article")


def test_no_date_anywhere_and_no_article_date(nlp: Language) -> None:
    assert said_on(nlp, "Fico said that the plan was dead.", published=None) == (None, "article")


def test_the_saying_date_wins_over_a_date_in_the_content(nlp: Language) -> None:
    text = "Fico told reporters on Feb. 26 that the summit on March 3 would fail."
    assert said_on(nlp, text) == (dt.date(2024, 2, 26), "explicit")


def test_only_the_statement_sentence_counts(nlp: Language) -> None:
    text = "Fico met Macron on Monday. Fico said that the plan was dead."
    assert said_on(nlp, text, statement_from="Fico said") == (WEDNESDAY, "article")


def test_the_cue_pins_the_date_to_its_own_verb(nlp: Language) -> None:
    text = "Fico, who said on Monday that the plan was dead, arrived in Prague."
    assert said_on(nlp, text) == (WEDNESDAY, "article")
    assert said_on(nlp, text, cue="said") == (dt.date(2024, 2, 26), "relative")


# On the eve of ------------------------------------------------------------------------------


def test_eve_of_a_date(nlp: Language) -> None:
    text = "Fico said on the eve of February 22 that he would veto the plan."
    assert said_on(nlp, text) == (dt.date(2024, 2, 21), "explicit")


def test_eve_of_an_event_dated_earlier_in_the_article(nlp: Language) -> None:
    text = (
        "The summit took place in Brussels on February 22. "
        "On the eve of the summit, Fico said he would veto the plan."
    )
    assert said_on(nlp, text, statement_from="On the eve") == (dt.date(2024, 2, 21), "explicit")


def test_eve_of_an_event_on_a_weekday_just_ahead(nlp: Language) -> None:
    text = (
        "Leaders will meet at a summit in Brussels on Thursday. "
        "On the eve of the summit, Fico said he would veto the plan."
    )
    assert said_on(nlp, text, statement_from="On the eve") == (WEDNESDAY, "relative")


def test_eve_of_an_undated_event_stays_with_the_article(nlp: Language) -> None:
    text = "On the eve of the summit, Fico said he would veto the plan."
    assert said_on(nlp, text) == (WEDNESDAY, "article")
