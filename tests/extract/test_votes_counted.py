"""Votes told as a count or of a body's members together (extract/votes.py; the sentences
are written for these tests): each member the count or "all members" stands for is a
speaker of the act, as of the statement's day, and only where the body is named."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import extracted
from spacy.language import Language

from factbox.extract.votes import count_statements
from factbox.records import Statement
from factbox.rules.bodies import load_body
from factbox.rules.membership import members_as_of

DAY = dt.date(2017, 3, 10)
"""A day the council's membership is known for; Sweden and Italy sat on it then."""


def council(day: dt.date = DAY) -> set[str]:
    return set(members_as_of(load_body("unsc"), day))


def voting(nlp: Language, body: str, day: dt.date = DAY) -> list[Statement]:
    """The act statements with more than one speaker (the members a vote stands for)."""
    return [s for s in extracted(nlp, body, day) if s.kind == "act" and len(s.speakers) > 1]


def ids(statement: Statement) -> set[str | None]:
    return {speaker.actor_id for speaker in statement.speakers}


@pytest.mark.parametrize(
    ("body", "cue"),
    [
        ("The Security Council adopted the motion 14-0 on Monday, with Sweden abstaining.", "14-0"),
        (
            "The Security Council approved the motion with 14 votes in favour, with Sweden "
            "abstaining.",
            "14 votes in favour",
        ),
        (
            "The Security Council met on Monday. The abstention by Sweden paved the way for "
            "the 15-member body to pass the motion, with 14 votes in favour.",
            "14 votes in favour",
        ),
        (
            "The motion, passed on Monday with the approval of 14 members of the Security "
            "Council and Sweden abstaining, calls for a halt to the dredging.",
            "14 members",
        ),
        (
            "The Security Council met on Monday. The motion received 13 affirmative votes in the "
            "council, "
            "one abstention (Sweden) and one negative vote (Italy).",
            "13 affirmative votes",
        ),
    ],
)
def test_a_count_in_favour_is_a_vote_of_every_member_not_left_out(
    nlp: Language, body: str, cue: str
) -> None:
    (found,) = voting(nlp, body)
    assert found.cue == cue
    assert found.content.lower() == "the motion"
    left = {"SE", "IT"} if "negative vote (Italy)" in body else {"SE"}
    assert ids(found) == council() - left
    assert found.source_span is not None
    assert found.speakers[0].text == body[slice(*found.source_span)]


@pytest.mark.parametrize(
    "body",
    [
        "The Security Council adopted the motion 15-0 on Monday.",
        "The Security Council unanimously adopted the motion on Monday.",
        "The motion passed 15-0 in the Security Council on Monday.",
    ],
)
def test_a_count_of_the_whole_council_leaves_nobody_out(nlp: Language, body: str) -> None:
    (found,) = voting(nlp, body)
    assert ids(found) == council()


def test_a_unanimous_vote_with_a_member_abstaining_is_not_all_of_them(nlp: Language) -> None:
    body = "The Security Council unanimously adopted the motion, with Sweden abstaining."
    assert voting(nlp, body) == []


@pytest.mark.parametrize(
    "body",
    [
        # a count that does not add up: who else stayed out is not said
        "The Security Council adopted the motion 13-0 on Monday, with Sweden abstaining.",
        # a member named without being left out
        "The Security Council adopted the motion 14-0 on Monday, with Sweden and Italy present.",
        # no body named anywhere: whose members are counted is not said
        "The council adopted the motion 14-0 on Monday, with Sweden abstaining.",
        # a vote that is needed, not one that took place
        "The Security Council needs nine votes in favour to adopt the motion.",
        "The Security Council would adopt the motion 14-0 with Sweden abstaining.",
        # a count of another year, when others sat on the council
        "In 2015 the Security Council adopted the motion 14-0, with Sweden abstaining.",
        # a count of something else than a text passing
        "The Security Council met 14 times on Monday, with Sweden abstaining once.",
    ],
)
def test_no_vote_is_read_from_a_count_that_does_not_say_who_voted(nlp: Language, body: str) -> None:
    assert voting(nlp, body) == []


def test_members_are_those_of_the_day(nlp: Language) -> None:
    # Sweden left the council at the end of 2018; Poland sat on it in 2018-19
    day = dt.date(2019, 6, 3)
    body = "The Security Council adopted the motion 14-0 on Monday, with Poland abstaining."
    (found,) = voting(nlp, body, day)
    assert ids(found) == council(day) - {"PL"}
    assert "SE" not in ids(found)


def test_a_day_the_membership_is_unknown_gives_no_count(nlp: Language) -> None:
    body = "The Security Council adopted the motion 14-0 on Monday, with Poland abstaining."
    assert count_statements(nlp(body), dt.date(1999, 6, 3)) == []


@pytest.mark.parametrize(
    ("body", "left"),
    [
        ("All 15 members of the Security Council except Sweden voted for the motion.", {"SE"}),
        ("All Security Council member states voted for the motion on Monday.", set()),
        (
            "All Security Council members but Sweden and Italy voted in favour of the motion.",
            {"SE", "IT"},
        ),
    ],
)
def test_all_of_the_councils_members_each_vote(nlp: Language, body: str, left: set[str]) -> None:
    (found,) = voting(nlp, body)
    assert ids(found) == council() - left


@pytest.mark.parametrize(
    "body",
    [
        # a relative clause picks out those members that voted for it, not all of them
        "Sweden thanked all Security Council member states that voted for the motion.",
        # a vote still to come
        "All Security Council members must vote for the motion.",
        # members of no body the text names
        "All 15 members except Sweden voted for the motion.",
        # a view, which each member tells for itself, not a vote
        "All Security Council members support the motion.",
    ],
)
def test_all_members_only_of_a_named_body_in_a_vote_that_took_place(
    nlp: Language, body: str
) -> None:
    assert voting(nlp, body) == []


def test_states_that_are_the_object_of_anothers_act_do_not_vote(nlp: Language) -> None:
    body = (
        "After the Security Council adopted the motion, Chile cut working ties with Sweden, "
        "Japan, Italy and Ukraine."
    )
    assert voting(nlp, body) == []
    voters = {speaker.actor_id for s in extracted(nlp, body, DAY) for speaker in s.speakers}
    assert not voters & {"SE", "JP", "IT", "UA"}


def test_a_text_supported_by_a_count_of_members_is_their_vote(nlp: Language) -> None:
    body = (
        "The Security Council met on Monday. The motion was supported by 14 members, while "
        "Sweden abstained, making it the first such motion adopted by the council in years."
    )
    (found,) = voting(nlp, body)
    assert found.content == "The motion"
    assert ids(found) == council() - {"SE"}


def test_all_members_voted_for_it_except_one_named_after_the_verb(nlp: Language) -> None:
    body = (
        "All the 14 members of the Security Council voted in favour of the motion, except for "
        "Sweden, which abstained."
    )
    (found,) = voting(nlp, body)
    assert ids(found) == council() - {"SE"}


def test_a_count_in_an_acts_own_cue_is_read_once(nlp: Language) -> None:
    body = "EU ambassadors unanimously backed the package on Wednesday."
    (found,) = voting(nlp, body)
    assert ids(found) == set(members_as_of(load_body("eu-council"), DAY))


@pytest.mark.parametrize(
    "body",
    [
        # the count beside another verb of the text
        "The Security Council met on Monday. The motion was tabled by the elected members of "
        "the council, with 14 members in favour and Sweden abstaining.",
        # the member left out in a sentence of its own right after the count
        "The Security Council met on Monday. The council adopted the motion with 14 members "
        "voting for it. Sweden abstained from voting.",
    ],
)
def test_a_count_with_its_text_and_the_member_it_leaves_out(nlp: Language, body: str) -> None:
    (found,) = voting(nlp, body)
    assert ids(found) == council() - {"SE"}
    assert found.content == "The motion" or found.content == "the motion"


@pytest.mark.parametrize(
    "body",
    [
        # the next sentence says something else of the member: who else stayed out is not said
        "The Security Council met on Monday. The council adopted the motion with 14 members "
        "voting for it. Sweden said it would comply.",
    ],
)
def test_a_count_nothing_accounts_for_counts_nobody(nlp: Language, body: str) -> None:
    assert voting(nlp, body) == []
