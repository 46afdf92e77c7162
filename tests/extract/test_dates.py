"""When statements were made, on wire-style sentences written for these tests."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from factbox.extract.dates import resolve_said_on
from factbox.extract.speakers import ArticleContext, resolve_speakers
from factbox.records import Article, Statement

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


# Dates that reach the saying through the parse ---------------------------------------------


def test_a_date_on_the_verb_a_participle_cue_hangs_from(nlp: Language) -> None:
    text = "The minister on Friday defended the budget, telling parliament that taxes would rise."
    assert said_on(nlp, text, cue="telling") == (dt.date(2024, 2, 23), "relative")


def test_a_participle_clause_on_the_speakers_is_the_occasion(nlp: Language) -> None:
    text = "Farm ministers, gathering in Vilnius on Monday, said the subsidies would stay."
    assert said_on(nlp, text, cue="said") == (dt.date(2024, 2, 26), "relative")


def test_a_date_in_a_relative_clause_on_the_speaker_is_not_the_saying(nlp: Language) -> None:
    text = "Farm ministers, who were elected on Monday, said the subsidies would stay."
    assert said_on(nlp, text, cue="said") == (WEDNESDAY, "article")


@pytest.mark.parametrize(
    "text",
    [
        # The parser hangs the clause on the date, or on the occasion's noun.
        "Leaders met after a summit of farm ministers on Monday, where Novak rejected the plan.",
        "The row began at a meeting on Monday at which Novak said the plan was dead.",
    ],
)
def test_a_saying_in_a_relative_clause_on_a_dated_occasion_is_on_that_day(
    nlp: Language, text: str
) -> None:
    cue = "rejected" if "rejected" in text else "said"
    assert said_on(nlp, text, statement_from="Novak", cue=cue) == (
        dt.date(2024, 2, 26),
        "relative",
    )


@pytest.mark.parametrize(
    "text",
    [
        "They met in the town where Novak said the plan was dead.",
        # The occasion is only counted from Monday, and the vote is dated, not the interview.
        "The vote took place on Monday. A paper printed an interview after the vote, in which "
        "Novak said the plan was dead.",
    ],
)
def test_a_relative_clause_on_an_occasion_without_a_day_of_its_own(
    nlp: Language, text: str
) -> None:
    assert said_on(nlp, text, statement_from="Novak", cue="said") == (WEDNESDAY, "article")


def test_a_dash_attribution_carries_its_date(nlp: Language) -> None:
    text = "\u201cWe will not yield.\u201d \u2014 Petra Novak, finance minister, 12 January"
    assert said_on(nlp, text, cue="\u2014") == (dt.date(2024, 1, 12), "explicit")


def test_a_date_on_the_line_above_is_not_the_saying(nlp: Language) -> None:
    text = "Rector Jan Kos, 12 January\n\nThe dean said the faculty would close."
    assert said_on(nlp, text, cue="said") == (WEDNESDAY, "article")


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        (
            "Oslo protested on Thursday, two days after Finnish President Aino Virtanen said "
            "the border would close.",
            "said the border",
            dt.date(2024, 2, 20),
        ),
        (
            "Tallinn spoke a day after the Latvian premier said the border would close.",
            "said",
            dt.date(2024, 2, 27),
        ),
    ],
)
def test_a_day_after_counts_back_from_the_clause_it_hangs_from(
    nlp: Language, text: str, cue: str, expected: dt.date
) -> None:
    cue_start = text.index(cue)
    doc = nlp(text)
    start = text.index("Finnish") if "Finnish" in text else text.index("the Latvian")
    found = resolve_said_on(doc, (start, len(text)), WEDNESDAY, cue=(cue_start, cue_start + 4))
    assert found == (expected, "relative")


# Dates carried from the statement before ----------------------------------------------------


def resolve_in_order(
    nlp: Language, text: str, statements: list[tuple[str, str, str]]
) -> list[tuple[dt.date | None, str]]:
    """Resolve (source, cue, sentence start) statements in text order, speakers first, as
    the pipeline does; each statement runs from its sentence start to the next full stop."""
    doc = nlp(text)
    article = Article("k", "k", "text", text, text, "0", published=WEDNESDAY)
    context = ArticleContext(doc, article)
    found = []
    for source, cue, sentence in statements:
        start = text.index(sentence)
        end = text.index(".", start) + 1
        source_start = text.index(source, start)
        cue_start = text.index(cue, start)
        statement = Statement(
            kind="indirect",
            cue=cue,
            cue_span=(cue_start, cue_start + len(cue)),
            content="",
            content_span=(cue_start + len(cue), end),
            source_text=source,
            source_span=(source_start, source_start + len(source)),
            span=(start, end),
        )
        statement.speakers = resolve_speakers(statement, doc, context)
        found.append(resolve_said_on(doc, statement.span, WEDNESDAY, cue=statement.cue_span))
    return found


def test_the_same_speaker_just_after_keeps_the_date(nlp: Language) -> None:
    text = (
        "Prime Minister Ilze Ozola said on Monday that the tax would go. "
        "She said it had been a mistake.\n\n"
        "\u201cWe listened,\u201d Ozola added."
    )
    found = resolve_in_order(
        nlp,
        text,
        [
            ("Prime Minister Ilze Ozola", "said", "Prime Minister"),
            ("She", "said", "She said"),
            ("Ozola", "added", "\u201cWe listened"),
        ],
    )
    assert found == [(dt.date(2024, 2, 26), "relative")] * 3


def test_another_speaker_does_not_keep_the_date(nlp: Language) -> None:
    text = (
        "Prime Minister Ilze Ozola said on Monday that the tax would go. "
        "Finance Minister Karlis Berzins said it would stay."
    )
    found = resolve_in_order(
        nlp,
        text,
        [
            ("Prime Minister Ilze Ozola", "said", "Prime Minister"),
            ("Finance Minister Karlis Berzins", "said", "Finance Minister"),
        ],
    )
    assert found[1] == (WEDNESDAY, "article")


@pytest.mark.parametrize(
    "second",
    [
        "Ozola said in an interview that it had been a mistake.",
        "Ozola said later that it had been a mistake.",
    ],
)
def test_a_new_occasion_does_not_keep_the_date(nlp: Language, second: str) -> None:
    text = "Prime Minister Ilze Ozola said on Monday that the tax would go. " + second
    found = resolve_in_order(
        nlp,
        text,
        [("Prime Minister Ilze Ozola", "said", "Prime Minister"), ("Ozola", "said", second)],
    )
    assert found[1] == (WEDNESDAY, "article")


def test_a_date_is_not_carried_past_the_next_paragraph(nlp: Language) -> None:
    text = (
        "Prime Minister Ilze Ozola said on Monday that the tax would go.\n\n"
        "The tax was introduced in 2019.\n\n"
        "Ozola said it had been a mistake."
    )
    found = resolve_in_order(
        nlp,
        text,
        [
            ("Prime Minister Ilze Ozola", "said", "Prime Minister"),
            ("Ozola", "said", "Ozola said it"),
        ],
    )
    assert found[1] == (WEDNESDAY, "article")


# The lead's day ----------------------------------------------------------------------------


def test_the_lead_gives_its_actor_s_later_statements_their_day(nlp: Language) -> None:
    text = (
        "The Latvian government said on Monday that the tax would go.\n\n"
        "A spokeswoman for the Latvian government, Ilze Ozola, said in a statement that it had "
        "been a mistake.\n\n"
        "Estonian Finance Minister Karlis Berzins said the tax would stay.\n\n"
        "Latvian Finance Minister Anna Kalnina later said it might return."
    )
    sources = [
        "The Latvian government",
        "A spokeswoman for the Latvian government",
        "Estonian Finance Minister Karlis Berzins",
        "Latvian Finance Minister Anna Kalnina",
    ]
    found = resolve_in_order(nlp, text, [(source, "said", source) for source in sources])
    monday = (dt.date(2024, 2, 26), "relative")
    assert found[:2] == [monday, monday]  # the same government, two paragraphs on
    assert found[2] == (WEDNESDAY, "article")  # another country's minister
    assert found[3] == (WEDNESDAY, "article")  # "later" sets the saying apart


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The Latvian government said on Monday that the tax would go.\n\n"
            "The Latvian government announced last month that it would review it.",
            "The Latvian government said",
            "The Latvian government announced",
        ),
        (  # a dated statement after the first paragraph is no lead
            "The tax will go, officials say.\n\n"
            "The Latvian government said on Monday that the tax would go.\n\n"
            "The Latvian government said it had been a mistake.",
            "The Latvian government said on",
            "The Latvian government said it",
        ),
    ],
    ids=["a-time-of-its-own", "no-lead"],
)
def test_where_the_lead_s_day_does_not_hold(
    nlp: Language, text: str, first: str, second: str
) -> None:
    source = "The Latvian government"
    cue = second.split()[3]
    found = resolve_in_order(nlp, text, [(source, "said", first), (source, cue, second)])
    assert found[1] == (WEDNESDAY, "article")


# Acts announced ahead of their day ------------------------------------------------------------

FRIDAY = dt.date(2016, 10, 28)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ruritania and Freedonia will sign the trade pact on Sunday.", "sign"),
        ("Ruritania and Freedonia will sign the trade pact on Sunday.", None),
        ("The two governments are to sign the trade pact on Sunday.", "sign"),
        ("The two governments are due to sign the trade pact on Monday.", "sign"),
        ("The two governments are going to sign the trade pact on Sunday.", "sign"),
    ],
)
def test_a_day_of_an_act_still_ahead_does_not_date_the_statement(
    nlp: Language, text: str, cue: str | None
) -> None:
    # The weekday is the act's, which lies ahead: placing it in the week before publication
    # would date an announcement days before it was made.
    assert said_on(nlp, text, published=FRIDAY, cue=cue) == (FRIDAY, "article")


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania signed the trade pact on Sunday.",
        "Ruritania's minister said on Sunday that it would sign the trade pact.",
    ],
)
def test_a_day_of_an_act_done_or_a_saying_still_dates_it(nlp: Language, text: str) -> None:
    assert said_on(nlp, text, published=FRIDAY) == (dt.date(2016, 10, 23), "relative")
