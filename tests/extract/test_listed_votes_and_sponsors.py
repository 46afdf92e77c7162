"""Votes and sponsorships of several states in the shapes reports on a body's vote use (the
sentences are written for these tests): the states listed after the relative clause of a
noun ("the countries that voted for it - A, B and C - were summoned"), sponsors as the
agent of a passive ("was put forward by A, B and C", "was submitted by A and B"), and a
speaker set off from the verb by a stray comma ("But Hansen, insisted: ...")."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import extracted
from spacy.language import Language

DAY = dt.date(2016, 12, 26)


def acts(nlp: Language, body: str) -> list[tuple[str, str, tuple[str | None, ...]]]:
    """(cue, content, speakers' actor ids) of each act statement."""
    return [
        (s.cue, s.content, tuple(k.actor_id for k in s.speakers))
        for s in extracted(nlp, body, DAY)
        if s.kind == "act"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Envoys from eight of the 12 states that voted for the motion and keep embassies in "
        "the capital - Norway, Chile, Japan and Peru - were called in on Sunday.",
        "Ambassadors from five of the countries that voted for the motion - Norway, Chile, "
        "Japan and Peru - were summoned on Sunday.",
    ],
)
def test_states_listed_after_the_clause_of_their_noun_each_voted(nlp: Language, body: str) -> None:
    found = [(cue, content, ids) for cue, content, ids in acts(nlp, body) if cue == "voted for"]
    assert found == [("voted for", "the motion", ("NO", "CL", "JP", "PE"))]


def test_a_dash_before_no_list_of_states_keeps_the_noun(nlp: Language) -> None:
    body = "The countries that voted for the motion - a large majority - were praised."
    found = [ids for cue, _, ids in acts(nlp, body) if cue == "voted for"]
    assert found in ([], [(None,)])  # no state is made up from the words after the dash


@pytest.mark.parametrize(
    ("body", "ids"),
    [
        (
            "The motion was put forward for a vote on Friday by Norway, Chile, Peru and Senegal.",
            ("NO", "CL", "PE", "SN"),
        ),
        ("The draft was submitted by Norway and Chile on Monday.", ("NO", "CL")),
        # a hyphenated verb the tokenizer keeps whole, and a group noun with its list
        ("The draft is co-sponsored by Norway, Chile and Peru.", ("NO", "CL", "PE")),
        (
            "The draft is co-sponsored by two Andean nations: Chile and Peru, as well as "
            "Norway and Senegal.",
            ("CL", "PE", "NO", "SN"),
        ),
    ],
)
def test_sponsors_as_the_agent_of_a_passive_each_sponsor_it(
    nlp: Language, body: str, ids: tuple[str, ...]
) -> None:
    ((_, content, found),) = acts(nlp, body)
    assert found == ids
    assert content.lower().startswith("the ")


def test_a_speaker_set_off_from_the_verb_by_a_comma_is_still_the_speaker(
    nlp: Language,
) -> None:
    body = 'But Hansen, insisted: "This plan conforms to our policy and we will move it forward."'
    (statement,) = [s for s in extracted(nlp, body, DAY) if s.cue == "insisted"]
    assert statement.source_text == "Hansen"
    assert statement.content.startswith("This plan conforms")


def test_a_time_set_off_before_the_verb_is_no_speaker(nlp: Language) -> None:
    body = (
        "OSLO - Prime Minister Ola Hansen revelled in a long-awaited moment Sunday - signing "
        "Norway's free trade deal with the European Union, but not before naming the hurdles "
        "ahead."
    )
    (found,) = [s for s in extracted(nlp, body, DAY) if s.cue == "signing"]
    assert "Hansen" in found.source_text
    assert [k.actor_id for k in found.speakers] == ["NO"]


@pytest.mark.parametrize(
    "body",
    [
        "The vote on Monday at the 15-member council passed the motion 14-0 with Norway, which "
        "usually backs such motions, abstaining.",
        "The vote on Monday at the 15-member council was 14 in favour with Norway abstaining.",
    ],
)
def test_a_participle_after_with_is_the_act_of_the_name_before_it(nlp: Language, body: str) -> None:
    found = [ids for cue, _, ids in acts(nlp, body) if cue == "abstaining"]
    assert found == [("NO",)]


def test_a_participle_after_a_with_phrase_set_off_by_a_comma_is_the_subjects(
    nlp: Language,
) -> None:
    body = (
        "Sen. Jane Roe warned that the vote could shape the future with Norway, remarking that "
        "it showed the need to scrap the fishing accord."
    )
    found = [s for s in extracted(nlp, body, DAY) if s.cue == "remarking"]
    assert all("Norway" not in s.source_text for s in found)


def test_a_participle_of_something_else_than_a_text_names_no_sponsor(nlp: Language) -> None:
    body = "The convoy, driven by Norwegian soldiers, reached the harbour."
    assert [cue for cue, _, _ in acts(nlp, body) if cue == "driven"] == []
    # the same participle of a text is its sponsor's act
    body = "The motion, driven by Norway, reached the council."
    assert ("driven", "The motion", ("NO",)) in acts(nlp, body)


@pytest.mark.parametrize(
    ("body", "ids"),
    [
        # the participle joined to the clause's verb, the sponsors listed after "including"
        (
            "The council on Monday debated the motion by Norway and co-sponsored by several "
            "other states including Chile, Peru and Senegal.",
            ("CL", "PE", "SN"),
        ),
        # joined to a participle that describes the text
        (
            "The motion, written by Norway and co-sponsored by Chile and Peru, failed.",
            ("CL", "PE"),
        ),
    ],
)
def test_a_participle_joined_to_another_still_names_the_text_s_sponsors(
    nlp: Language, body: str, ids: tuple[str, ...]
) -> None:
    assert [found for cue, _, found in acts(nlp, body) if cue == "co-sponsored"] == [ids]


def test_a_joined_participle_with_its_own_subject_or_no_text_names_no_sponsor(
    nlp: Language,
) -> None:
    body = "The council met on Monday and was co-sponsored by several states including Chile."
    assert [cue for cue, _, _ in acts(nlp, body) if cue == "co-sponsored"] == []
    body = "The council debated the convoy and co-sponsored by states including Chile and Peru."
    assert [cue for cue, _, _ in acts(nlp, body) if cue == "co-sponsored"] == []


@pytest.mark.parametrize(
    ("body", "voters"),
    [
        # the shape of a 2016 report on the Security Council's vote on Aleppo
        (
            "Norway also vetoed the resolution, with Angola and China abstaining from the vote.",
            ("AO", "CN"),
        ),
        ("Norway also voted against the resolution, with China abstaining.", ("CN",)),
    ],
)
def test_a_with_clause_with_its_own_subject_is_that_subjects_act(
    nlp: Language, body: str, voters: tuple[str, ...]
) -> None:
    # not part of the main verb's act: the names before the participle abstained
    found = [ids for cue, _, ids in acts(nlp, body) if cue == "abstaining"]
    assert found == [voters]
