"""Votes and sponsorships reported in narration (the sentences are written for these tests):
a text put forward or introduced by its sponsors is the proposal's text, as a text that is
vetoed or adopted is."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal

MOTION = Proposal(
    "harbour-motion",
    "UN resolution demanding a halt to harbour dredging",
    "A UN Security Council resolution demanding that the republic stop all dredging in the "
    "disputed harbour",
    bodies=["unsc"],
)


@pytest.fixture(scope="module")
def motion(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [MOTION])


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The resolution was put forward for a vote on Monday by Peru and Chile.", "put"),
        ("The resolution was introduced to the council by Peru and Chile.", "introduced"),
    ],
)
def test_a_text_its_sponsors_put_forward_is_the_proposals(
    nlp: Language, motion: ProposalMatcher, text: str, verb: str
) -> None:
    (found,) = motion.match(nlp(text))
    decision = found.slot("decision")
    assert decision is not None and decision.text == verb


def test_a_text_put_to_other_use_is_not_tied_by_the_verb(
    nlp: Language, motion: ProposalMatcher
) -> None:
    # "put" ties a text only as its sponsors' act: a harbour put to use is no text
    assert motion.match(nlp("The harbour was put to use by Peru and Chile.")) == []
