"""Stance on shapes the held-out debates of a ban, a ratification and a draft resolution
showed, in sentences written for these tests: refusing a proposal that is itself a ban,
consent under a condition, criticism of those who hold it back, a chair's procedure,
campaigning for it, and another party doing the same act on its own behalf."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, StanceJudgement

BOILERS = Proposal(
    "boiler-ban",
    "Ban new oil boilers in the EU from 2030",
    "The EU regulation requiring that no new oil boilers are installed in the EU from 2030",
    bodies=["eu-council"],
)
"""A proposal that is itself a ban: its own action is the refusal."""

HE = Who("he", None)


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [BOILERS])


def judged(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    content: str,
    slug: str,
    speaker: Who = HE,
) -> StanceJudgement:
    """The judgement of "<content>, he said." on ``slug``."""
    text = f"{content}, {speaker.text} said."
    parsed = make_statement(text, content=content, cue="said", speakers=(speaker,))
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert slug in found, f"{content!r} must match {slug}"
    return found[slug]


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # refusing the ban refuses the proposal, however far the ban is from the thing
        ("The government will never accept an EU ban on the installation of new oil boilers",
         "opposes"),
        ("We will never accept a ban on new oil boilers", "opposes"),
        ("We back the ban on the installation of new oil boilers", "supports"),
        # refusing what the ban forbids backs it; wanting it allowed is against it
        ("We will not allow new oil boilers after 2030", "supports"),
        ("We will not permit the installation of new oil boilers after 2030", "supports"),
        ("New oil boilers must still be permitted after 2030", "opposes"),
    ],
)
def test_refusing_a_ban_and_refusing_what_it_forbids(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    found = judged(make_statement, matcher, content, "boiler-ban")
    assert (found.stance, found.about) == (stance, "speaker")
