"""Verbs of working for something that count only with their particle ("push for", "press
ahead", "lobby for") count with a clause in the infinitive too: "pushing to make the
agreement binding" works for it, "pushing to block it" against it. One sentence of PolNeAR
(on the Paris climate agreement) and sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal

PACT = Proposal(
    "climate-pact",
    "Join the Paris climate agreement",
    "Countries sign, ratify and carry out the Paris agreement on climate change",
)
LEADERS = Who("Many leaders", "US", "United States", "country")


@pytest.fixture(scope="module")
def pact_matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [PACT])


@pytest.mark.parametrize(
    ("text", "content", "cue", "stance"),
    [
        # PolNeAR (nyt, April 2016)
        (
            "Many leaders are pushing to make the Paris agreement legally binding years earlier.",
            "to make the Paris agreement legally binding years earlier",
            "are pushing",
            "supports",
        ),
        (
            "Many leaders lobbied to ratify the Paris agreement.",
            "to ratify the Paris agreement",
            "lobbied",
            "supports",
        ),
        (
            "Many leaders are pressing to block the Paris agreement.",
            "to block the Paris agreement",
            "are pressing",
            "opposes",
        ),
        # without "for" or a clause in the infinitive the verb says nothing of it
        (
            "Many leaders pushed the Paris agreement off the agenda.",
            "the Paris agreement",
            "pushed",
            "unclear",
        ),
    ],
)
def test_a_verb_of_working_for_it_counts_with_an_infinitive(
    make_statement: MakeStatement,
    pact_matcher: ProposalMatcher,
    text: str,
    content: str,
    cue: str,
    stance: str,
) -> None:
    parsed = make_statement(text, content, cue, (LEADERS,))
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, pact_matcher)}
    assert found[PACT.slug].stance == stance
