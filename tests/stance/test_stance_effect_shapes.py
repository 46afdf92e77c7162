"""Stance from what the proposal raises, lowers or makes so, in sentences written for these
tests: raising a good or lowering a bad argues for it, raising a bad or lowering a good
warns against it (``[effects]`` of the lexicon); negated, the reading turns. The shape of
"would make the country less safe" is PolNeAR's (a candidate's foreign policy)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import DEBATES, MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher

MINISTER = Who("the minister", "FR", "France", "country")


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, DEBATES)


CASES = [
    # raising a good, lowering a bad: for it
    ("Leaving the European Union would increase our shared security.", "leave-union", "supports"),
    ("The nuclear accord will reduce tensions in the region.", "keep-accord", "supports"),
    # raising a bad, lowering a good: against it
    ("The nuclear accord would raise the risk of war.", "keep-accord", "opposes"),
    ("Leaving the European Union would reduce our security.", "leave-union", "opposes"),
    # making something so, by the quality (with "less" turning it)
    ("Leaving the European Union would make the country stronger.", "leave-union", "supports"),
    ("Leaving the European Union would make the country less safe.", "leave-union", "opposes"),
    ("The wall on the border will make the republic more vulnerable.", "barrier", "opposes"),
    # negated: reversed
    ("Leaving the European Union would not increase our security.", "leave-union", "opposes"),
]


@pytest.mark.parametrize(("text", "slug", "expected"), CASES)
def test_effect_of_the_proposal(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str, slug: str, expected: str
) -> None:
    parsed = make_statement(text, speakers=(MINISTER,))
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert slug in found, f"{text!r} must match {slug}"
    assert found[slug].stance == expected, text
    assert found[slug].about == "speaker"


NEUTRAL = [
    # what is raised is neither good nor bad: no benefit, no harm
    "Leaving the European Union would increase the number of forms.",
    # the proposal is what is raised, not what raises: no effect of it
    "The minister will raise the nuclear accord with the council.",
]


@pytest.mark.parametrize("text", NEUTRAL)
def test_no_effect_without_a_good_or_bad(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str
) -> None:
    parsed = make_statement(text, speakers=(MINISTER,))
    for judgement in judge_statement(parsed.doc, parsed.statement, matcher):
        assert not any(c.text in ("increase", "raise") for c in judgement.cues), text
