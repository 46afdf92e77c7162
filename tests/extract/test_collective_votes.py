"""A body's members deciding together, and a national legislature's members voting together
(extract/votes.py; the sentences are written for these tests): "all Allies have ratified
it", "the 30 member countries that approved it", "the parliaments of all member states voted
for it" are a vote of each member as of the day; "Portugal's lawmakers approved the bill" is
the state's act; a part of the members, a count of some, a view or a vote still to come is
no one's vote."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import extracted
from spacy.language import Language

from factbox.records import Statement
from factbox.rules.bodies import load_body
from factbox.rules.membership import members_as_of

DAY = dt.date(2021, 6, 1)
"""A day NATO had 30 members (North Macedonia in, Finland not yet) and the EU 27."""


def members(body: str, day: dt.date = DAY) -> set[str]:
    return set(members_as_of(load_body(body), day))


def acts(nlp: Language, body: str, day: dt.date = DAY) -> list[Statement]:
    return [s for s in extracted(nlp, body, day) if s.kind in ("act", "indirect")]


def voting(nlp: Language, body: str, day: dt.date = DAY) -> list[Statement]:
    """The act statements with more than one speaker (the members a vote stands for)."""
    return [s for s in acts(nlp, body, day) if len(s.speakers) > 1]


def ids(statement: Statement) -> set[str | None]:
    return {speaker.actor_id for speaker in statement.speakers}


@pytest.mark.parametrize(
    ("text", "body", "left"),
    [
        ("NATO ministers met on Monday. All Allies have now ratified the protocol.", "nato", set()),
        (
            "With its vote, Portugal became the last of the 30 NATO member countries that "
            "ratified the protocol.",
            "nato",
            set(),
        ),
        (
            "The parliaments of all NATO member states have now voted in favour of the protocol.",
            "nato",
            set(),
        ),
        ("All NATO allies except Turkey have ratified the protocol.", "nato", {"TR"}),
        ("The EU's 27 member states agreed on the package on Monday.", "eu-council", set()),
        ("Every member of the Security Council voted in favour of the text.", "unsc", set()),
    ],
)
def test_the_whole_membership_deciding_is_a_vote_of_each_member(
    nlp: Language, text: str, body: str, left: set[str]
) -> None:
    (found,) = voting(nlp, text)
    assert ids(found) == members(body) - left
    assert found.source_span is not None
    assert found.speakers[0].text == text[slice(*found.source_span)]


def test_the_members_are_those_of_the_statements_day(nlp: Language) -> None:
    # Finland joined NATO on 2023-04-04: 31 members after it
    day = dt.date(2023, 6, 1)
    text = "NATO ministers met on Monday. All Allies have now ratified the protocol."
    (found,) = voting(nlp, text, day)
    assert ids(found) == members("nato", day)
    assert "FI" in ids(found) and "FI" not in members("nato")


@pytest.mark.parametrize(
    "text",
    [
        # some of them, not all
        "Many NATO allies have ratified the protocol.",
        "NATO ministers met on Monday. Most member states have ratified the protocol.",
        "Several NATO allies ratified the protocol.",
        "NATO ministers met on Monday. Not all allies have ratified the protocol.",
        # a relative clause picks out those that did it
        "Portugal thanked all NATO member states that ratified the protocol.",
        # a count that is not the whole membership
        "The 12 NATO member countries that ratified the protocol met on Monday.",
        # a decision still to come, and a view in the present
        "NATO ministers met on Monday. All allies must approve the protocol.",
        "All NATO allies back the protocol.",
        # members of a body the votes data does not know
        "NATO ministers met on Monday. All members of the coalition ratified the protocol.",
        # no body named anywhere
        "All member states have now ratified the protocol.",
    ],
)
def test_no_member_votes_unless_all_of_them_did_it(nlp: Language, text: str) -> None:
    assert voting(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Portugal's lawmakers on Monday approved a bill on the protocol.",
        "Portuguese MPs ratified the protocol on Friday.",
    ],
)
def test_a_legislatures_members_together_vote_for_the_state(nlp: Language, text: str) -> None:
    (found,) = acts(nlp, text)
    assert ids(found) == {"PT"}


@pytest.mark.parametrize(
    "text",
    [
        # a part of the legislature, a count of some of its members, a lawmaker alone
        "Portuguese opposition lawmakers voted against the protocol.",
        "Portuguese lawmakers from the ruling party approved the protocol.",
        "46 Portuguese MPs voted in favour of the protocol.",
        "A Portuguese lawmaker approved the protocol.",
        # a vote still to come, a view, a regional legislature
        "Portuguese lawmakers must approve the protocol.",
        "Portuguese lawmakers criticised the protocol.",
        "Lawmakers in the Portuguese region of Madeira voted to block the protocol.",
    ],
)
def test_no_state_speaks_through_some_of_its_lawmakers(nlp: Language, text: str) -> None:
    assert all(ids(found) <= {None} for found in acts(nlp, text))


def test_one_of_a_bodys_members_is_not_the_body(nlp: Language) -> None:
    text = "Portugal is the only one of NATO's 30 members not to have ratified the protocol."
    assert all("NATO" not in ids(found) for found in acts(nlp, text))
    assert voting(nlp, text) == []


def test_a_vote_of_all_members_told_in_a_quote_is_an_act_of_its_own(nlp: Language) -> None:
    text = (
        '"Today is a good day. The parliaments of all NATO member states have now voted in '
        'favour of the protocol," the minister said.'
    )
    (found,) = voting(nlp, text)
    assert found.kind == "act"
    assert found.cue == "voted in favour of"
    assert found.content == "the protocol"
    assert ids(found) == members("nato")


@pytest.mark.parametrize(
    "text",
    [
        '"All NATO member states must vote in favour of the protocol," the minister said.',
        '"Many NATO member states have voted in favour of the protocol," the minister said.',
    ],
)
def test_no_act_of_its_own_for_a_vote_not_of_all_or_not_taken(nlp: Language, text: str) -> None:
    assert voting(nlp, text) == []


def test_the_remaining_members_are_all_but_those_the_sentence_names(nlp: Language) -> None:
    text = (
        "The Security Council voted on the text on Monday: Russia vetoed it, China abstained "
        "and the remaining 13 members voted in favour of it."
    )
    (found,) = voting(nlp, text)
    assert ids(found) == members("unsc") - {"RU", "CN"}


@pytest.mark.parametrize(
    "text",
    [
        # a count that does not add up with those named
        "The Security Council voted on the text on Monday: Russia vetoed it and the remaining "
        "12 members voted in favour of it.",
        # nobody named before them in the sentence
        "The Security Council voted on the text on Monday and the remaining members voted in "
        "favour of it.",
    ],
)
def test_the_remaining_members_only_when_those_left_out_add_up(nlp: Language, text: str) -> None:
    assert voting(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "left"),
    [
        # the members left out named in the sentences before the count
        (
            "Russia vetoed the Security Council text on Monday. China and India abstained "
            "from the vote. The remaining 12 council members voted in favour.",
            {"RU", "CN", "IN"},
        ),
        (
            "Russia vetoed the Security Council text on Monday. China and India abstained "
            "from the vote. The other 12 members of the council voted in favour of it.",
            {"RU", "CN", "IN"},
        ),
        (
            "Russia vetoed the Security Council text on Monday. China and India abstained "
            "from the vote. Twelve of the 15 members voted for the text.",
            {"RU", "CN", "IN"},
        ),
        # a count of the members for it, those left out named in its own sentence
        (
            "EU ministers met on Monday. 23 countries said yes while Austria, Malta and "
            "Cyprus abstained and only Hungary said no.",
            {"AT", "MT", "CY", "HU"},
        ),
    ],
)
def test_a_count_of_the_others_is_all_but_the_members_named_as_left_out(
    nlp: Language, text: str, left: set[str]
) -> None:
    (found,) = many_voting(nlp, text)
    assert ids(found) == members("unsc" if "Security" in text else "eu-council") - left


@pytest.mark.parametrize(
    "text",
    [
        # a count that the named members do not add up to
        "Russia vetoed the Security Council text on Monday. China abstained from the vote. "
        "The remaining 12 council members voted in favour.",
        "EU ministers met on Monday. 22 countries said yes while Austria, Malta and Cyprus "
        "abstained and only Hungary said no.",
        "Russia vetoed the Security Council text on Monday. China and India abstained "
        "from the vote. Twelve of the 16 members voted for the text.",
        # members named in the sentences before, but not as left out of the vote
        "France drafted the Security Council text on Monday. China and India praised it. "
        "The remaining 13 council members voted in favour.",
        # a count of some, no body's membership
        "Many countries said yes while Austria abstained.",
    ],
)
def test_a_count_of_the_others_only_when_those_named_as_left_out_add_up(
    nlp: Language, text: str
) -> None:
    assert many_voting(nlp, text) == []


def many_voting(nlp: Language, text: str) -> list[Statement]:
    """The act statements with more speakers than the sentences name (a count's members)."""
    return [s for s in voting(nlp, text) if len(s.speakers) > 4]


@pytest.mark.parametrize(
    "text",
    [
        # the members named bare with the body's name, deciding as a whole
        "EU states have agreed to fast-track the package.",
        "EU states have agreed to the package. It can now enter into force in May.",
        "European Union member states approved the package on Monday.",
        # a light verb's decision, after a dateline with a colon
        "BRUSSELS: The 27 European Union member states gave final approval on Monday to the "
        "package.",
        "EU member states gave the green light to the package on Monday.",
    ],
)
def test_the_members_named_as_a_whole_deciding_is_each_members_act(
    nlp: Language, text: str
) -> None:
    (found,) = many_voting(nlp, text)
    assert ids(found) == members("eu-council")
    assert all(speaker.text != "BRUSSELS" for s in acts(nlp, text) for speaker in s.speakers)


@pytest.mark.parametrize(
    "text",
    [
        # a part of them, a decision of a majority, a view in the present
        "Many EU states have agreed to fast-track the package.",
        "Some EU member states approved the package on Monday.",
        "EU states backed the package on Monday.",
        "EU states approve of the package.",
        # a light verb without a decision
        "EU member states gave the red light to the package on Monday.",
    ],
)
def test_members_named_bare_only_in_a_decision_of_the_whole(nlp: Language, text: str) -> None:
    assert many_voting(nlp, text) == []


def test_a_dateline_before_a_colon_is_never_a_speaker(nlp: Language) -> None:
    text = "BRUSSELS: Ministers met on Monday to discuss the package and the budget talks."
    assert all(
        speaker.text != "BRUSSELS" for s in extracted(nlp, text, DAY) for speaker in s.speakers
    )


def test_members_named_bare_without_the_body_in_the_phrase_are_no_one(nlp: Language) -> None:
    text = "The Security Council met on Monday. Members approved the statement on Friday."
    assert many_voting(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "EU governments on Monday approved the package over the objection of several "
        "countries.",
        "EU states approved the package on Monday. Three countries voted against it.",
        "EU states approved the package by a large majority on Monday.",
    ],
)
def test_members_named_bare_deciding_with_dissent_near_are_no_one(
    nlp: Language, text: str
) -> None:
    assert many_voting(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # inviting a state to join is the body's own decision, taken by all its members
        "NATO leaders formally invited Georgia to join the military alliance on Wednesday.",
        "All NATO allies invited Georgia to join the alliance.",
    ],
)
def test_the_members_inviting_a_state_is_each_members_act(nlp: Language, text: str) -> None:
    (found,) = many_voting(nlp, text)
    assert ids(found) == members("nato")


def test_some_members_inviting_a_state_is_no_ones_act(nlp: Language) -> None:
    assert many_voting(nlp, "Some NATO leaders invited Georgia to join the alliance.") == []
