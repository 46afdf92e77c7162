"""A proposal whose name begins with a negative word ("a no-fly zone", "a no-deal exit"),
in sentences written for these tests: news copy often leaves the hyphen out ("a no fly
zone"), and the "no" is then part of the thing's name, not a negation of it; a "no" before
a proposal's word that the proposal never writes with "no" still negates."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import stances_by_actor

from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal

DAY = dt.date(2016, 10, 10)
ZONE = Proposal(
    "no-fly-zone",
    "Norway sets up a no-fly zone over the fjords",
    "Norway imposes a no-fly zone over the fjords to stop low flights.",
)
TROOPS = Proposal("send-troops", "Send troops to the fjords", "Norway sends troops to the fjords.")


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [ZONE, TROOPS])


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "The Swedish foreign ministry said Sweden backs a no fly zone over the fjords.",
            "supports",
        ),
        (
            "The Swedish foreign ministry said Sweden rejects a no fly zone over the fjords.",
            "opposes",
        ),
        (
            "The Swedish foreign ministry said Sweden backs a no-fly zone over the fjords.",
            "supports",
        ),
    ],
)
def test_the_no_of_the_proposals_own_compound_is_no_negation(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert stances_by_actor(nlp, matcher, text, "no-fly-zone", DAY).get("SE") == stance


def test_a_no_the_proposal_never_writes_still_negates(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = "The Swedish foreign ministry said Sweden will send no troops to the fjords."
    assert stances_by_actor(nlp, matcher, text, "send-troops", DAY).get("SE") == "opposes"
