"""A state said to be a member by a copula ("Iceland is a new member", "Montenegro is ready
to be a member"), in sentences written for these tests after a shape of news on
enlargement (a minister's quote that first welcomes another state, then turns to the
proposal's): the subject of the copula is the one whose joining the noun tells, so another
state's is another thing and the proposal's state's is the proposal; a body's name before
"member" is the body joined, even where the parser takes the bare name for a place; and the
speaker's "We will support them" two sentences on points back at the proposal's states."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import MONTENEGRO_ENTRY, stances_by_actor

from factbox.stance.matching import ProposalMatcher

DAY = dt.date(2024, 3, 5)
ENTRY = MONTENEGRO_ENTRY


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [ENTRY])


def matched(nlp: Language, matcher: ProposalMatcher, text: str) -> bool:
    return bool(matcher.match(nlp(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Iceland is a new Schengen member.",
        "Iceland became a full member of the Schengen area.",
    ],
)
def test_another_state_said_to_be_a_member_is_another_joining(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert not matched(nlp, matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Montenegro is ready to be a Schengen member.",
        "Montenegro and Serbia are ready to be Schengen members.",
    ],
)
def test_the_proposals_state_said_to_be_a_member_is_its_joining(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert matched(nlp, matcher, text)


def czech_stance(nlp: Language, matcher: ProposalMatcher, text: str) -> str | None:
    return stances_by_actor(nlp, matcher, text, ENTRY.slug, DAY).get("CZ")


def test_a_quote_that_first_welcomes_another_state_is_judged_on_the_proposals(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = (
        "“Iceland is a new Schengen member. Montenegro and Serbia are ready to be Schengen "
        "members. I’m convinced their time will come soon. We will support them on this "
        "priority,” the Czech interior minister said."
    )
    assert czech_stance(nlp, matcher, text) == "supports"


def test_them_two_sentences_on_is_the_object_pointing_back(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    support = (
        'The Czech minister said: "Montenegro and Serbia are ready to join Schengen. I am '
        'convinced their time will come soon. We will support them on this priority."'
    )
    assert czech_stance(nlp, matcher, support) == "supports"
    against = (
        'The Czech minister said: "Montenegro and Serbia are ready to join Schengen. I am '
        'convinced their time will come soon. We will oppose them on this priority."'
    )
    assert czech_stance(nlp, matcher, against) == "opposes"
