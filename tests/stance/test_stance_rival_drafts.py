"""A proposal that is a body's own decision ("The Security Council renews its mandate for
the monitoring mission"), in sentences written for these tests: what the body's members
do in a vote is done on it, a text noun that points back ("the draft", "this
resolution") names it again, and a member's rival draft ("Norway's draft", "the text for
a three-month extension") is a draft of it (guideline 15). A proposal whose subject is
the body's members is not the body's own decision and keeps its old reading."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_stance_told_anew import content_of

from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import ProposalMatcher, derive_slots
from factbox.stance.records import Proposal

MISSION = Proposal(
    "renew-mission",
    "Extend the UN monitoring mission in the Western Sahara",
    "The UN Security Council renews its mandate for the monitoring mission in the Western Sahara.",
    bodies=["unsc"],
)
MEMBERS_ACT = Proposal(
    "members-mission",
    "Extend the UN monitoring mission in the Western Sahara",
    "Council members extend the monitoring mission in the Western Sahara.",
    bodies=["unsc"],
)
NAMED = "On Friday the council debated extending the monitoring mission in the Western Sahara."


@pytest.fixture(scope="module")
def drafts(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [MISSION])


def test_the_body_as_subject_makes_the_proposal_its_own_decision(nlp: Language) -> None:
    table = load_concepts()
    assert derive_slots(nlp, MISSION, table).body_decides
    assert not derive_slots(nlp, MEMBERS_ACT, table).body_decides


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The draft was backed by Norway and Chile.", "The draft"),
        (
            "Should any member reject this resolution, it votes to end the mission.",
            "Should any member reject this resolution, it votes to end the mission",
        ),
        ("Only Norway and Chile voted for Norway's draft.", "Norway's draft"),
        (
            "Only Norway and Chile voted for the text for a three-month extension.",
            "the text for a three-month extension",
        ),
    ],
)
def test_a_text_of_the_bodys_decision_points_back(
    nlp: Language, drafts: ProposalMatcher, sentence: str, words: str
) -> None:
    span = content_of(nlp, f"{NAMED} {sentence}", words)
    assert [m.slug for m in drafts.match_in_context(span)] == ["renew-mission"]
    # with nothing named before it, the same words name no proposal
    alone = content_of(nlp, sentence, words)
    assert drafts.match_in_context(alone) == []


def test_a_text_does_not_point_back_at_the_members_own_act(nlp: Language) -> None:
    members = ProposalMatcher(nlp, [MEMBERS_ACT])
    text = f"{NAMED} Only Norway and Chile voted for Norway's draft."
    span = content_of(nlp, text, "Norway's draft")
    assert members.match_in_context(span) == []
