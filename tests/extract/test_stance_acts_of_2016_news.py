"""Stance acts in sentence shapes of PolNeAR's 2016 news (the sentences are written for these
tests): a position held in a noun ("X's advice that ...", "X's pledge to ...", "her turn
against ...", "sounded a call for ..."), acts that carry a proposal out ("secured the deal",
"imposed sanctions", "committed their nations to the accord"), and people the parser hung
under a time that opens the sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import extracted
from spacy.language import Language

from factbox.records import Statement

DAY = dt.date(2016, 9, 7)


def statements(nlp: Language, body: str) -> list[Statement]:
    return extracted(nlp, body, DAY)


def acts(nlp: Language, body: str) -> list[tuple[str, str, tuple[str | None, ...]]]:
    """(cue, content, speakers' actor ids) of each act statement."""
    return [
        (s.cue, s.content, tuple(k.actor_id for k in s.speakers))
        for s in statements(nlp, body)
        if s.kind == "act"
    ]


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        (
            "The senator backed President Obama's advice that the kingdom should stay in "
            "the union.",
            "advice",
            "the kingdom should stay in the union",
        ),
        (
            "Critics attacked Obama's decision to take in more refugees from the war.",
            "decision",
            "to take in more refugees from the war",
        ),
        (
            "The rift over Mr. Obama's push for a trade agreement with Japan grew.",
            "push for",
            "a trade agreement with Japan",
        ),
        (
            "President Obama sounded a call for the country to accept more refugees.",
            "call",
            "for the country to accept more refugees",
        ),
    ],
)
def test_a_position_held_in_a_noun_is_its_holders_act(
    nlp: Language, body: str, cue: str, content: str
) -> None:
    assert (cue, content, ("US",)) in acts(nlp, body)


def test_a_noun_without_its_clause_or_preposition_is_no_act(nlp: Language) -> None:
    assert not [a for a in acts(nlp, "Obama's decision surprised the senators.") if a[0]]
    assert not [
        a for a in acts(nlp, "Critics attacked Obama's advice to the students.") if "advice" in a[0]
    ]


def test_a_possessive_pronoun_holds_the_noun(nlp: Language) -> None:
    body = (
        "Hillary Clinton spoke in Ohio on Monday. "
        "Her turn against the Pacific trade pact makes sense."
    )
    found = [s for s in statements(nlp, body) if s.kind == "act"]
    assert [(s.cue, s.content) for s in found] == [("turn against", "the Pacific trade pact")]
    assert [k.name for k in found[0].speakers] == ["Hillary Clinton"]
    assert [k.actor_id for k in found[0].speakers] == [None]


@pytest.mark.parametrize(
    ("body", "cue", "actors"),
    [
        ("Mr. Obama has secured a landmark deal with Iran.", "has secured", ("US",)),
        ("After a test in January, the Security Council imposed sanctions.", "imposed", ("UN",)),
        (
            "Mr. Obama and Mr. Xi formally committed their two nations to the Paris accord.",
            "formally committed",
            ("US", "CN"),
        ),
    ],
)
def test_carrying_a_proposal_out_is_an_act(
    nlp: Language, body: str, cue: str, actors: tuple[str, ...]
) -> None:
    assert [(c, a) for c, _, a in acts(nlp, body)] == [(cue, actors)]


def test_people_hung_under_an_opening_time_are_the_speakers(nlp: Language) -> None:
    body = (
        "And this past weekend in Hangzhou, China, Mr. Obama and Mr. Xi formally "
        "committed their two nations to the Paris accord."
    )
    [act] = [s for s in statements(nlp, body) if s.kind == "act"]
    assert [(k.name, k.actor_id) for k in act.speakers] == [
        ("Barack Obama", "US"),
        ("Xi Jinping", "CN"),
    ]


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("Mr. Trump has hailed the vote to leave the union.", "has hailed"),
        ("Mr. Trump lambasted the nuclear deal negotiated by the president.", "lambasted"),
    ],
)
def test_praise_and_scorn_are_acts(nlp: Language, body: str, cue: str) -> None:
    assert [c for c, _, _ in acts(nlp, body)] == [cue]


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        (
            "Greece will agree to the enlargement of the customs union next year.",
            "will agree to",
            "the enlargement of the customs union",
        ),
        (
            "Ireland did not agree to the new fishing quotas.",
            "did not agree to",
            "the new fishing quotas",
        ),
    ],
)
def test_agreeing_to_a_thing_is_an_act(nlp: Language, body: str, cue: str, content: str) -> None:
    assert [(c, t) for c, t, _ in acts(nlp, body)] == [(cue, content)]


def test_agreeing_to_do_something_is_no_act_on_a_thing(nlp: Language) -> None:
    assert acts(nlp, "Greece agreed to meet the ministers again on Friday.") == []
