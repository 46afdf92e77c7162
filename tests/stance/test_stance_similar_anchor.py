"""Where the reading of a match by meaning starts when the statement names none of the
proposal's words: a pronoun that may stand for the thing named before ("this", "it") as a
subject is what the statement is said of, before the main verb's object or the verb itself.
Sentences written for these tests, and one of PolNeAR's (a senator on the Paris climate
agreement: "While this is a step forward it goes nowhere near far enough", guideline 7:
wanting more than the proposal supports it)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import MakeStatement, Who

from factbox.ingesting import judge
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal
from factbox.stance.semantic import Similarity

PACT = Proposal(
    "climate-pact",
    "Join the Paris climate agreement",
    "Countries sign, ratify and carry out the Paris agreement on climate change",
)
CLOSE = {PACT.slug: Similarity(0.6, PACT.title)}
SENATOR = Who("the senator", "US", "United States", "country")


@pytest.fixture(scope="module")
def pact_matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [PACT])


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # PolNeAR (train): the senator's words on the Paris agreement
        (
            "While this is a step forward it goes nowhere near far enough. The planet is in "
            "crisis.",
            "supports",
        ),
        # written for this test: said of "it", a judgement of the thing itself
        ("It is a disaster for our workers and it will cost us dearly.", "opposes"),
    ],
)
def test_a_subject_pronoun_is_where_a_match_by_meaning_is_read(
    make_statement: MakeStatement,
    pact_matcher: ProposalMatcher,
    content: str,
    stance: str,
) -> None:
    text = f'The senator said: "{content}"'
    parsed = make_statement(text, content, "said", (SENATOR,))
    found = judge(parsed.doc, parsed.statement, pact_matcher, CLOSE)
    assert [item.match.slug for item in found] == [PACT.slug]
    theme = found[0].match.slot("theme")
    assert theme is not None and theme.text.lower() in ("this", "it")
    assert found[0].judgement.stance == stance
