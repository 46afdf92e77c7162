"""Stance in ministers' reactions to a debate in an international body, on sentences written
for these tests in the shapes such reporting takes: a first-person stance over a pronoun in
the sentence after the one that names the proposal ("... the package was long debated. We
support it, but ...")."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import DEBATES, MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, StanceJudgement

PACKAGE = Proposal(
    "twelfth-package",
    "EU 12th sanctions package against Iran",
    "The European Union adopts its 12th package of sanctions against Iran",
)
MINISTER = Who("the minister", "BG", "Bulgaria", "country")


@pytest.fixture(scope="module")
def reactions(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [*DEBATES, PACKAGE])


def judged(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str
) -> dict[str, StanceJudgement]:
    parsed = make_statement(text, speakers=(MINISTER,))
    return {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "The debate about the 12th sanctions package was long. We back it, but two"
            " governments are holding it up.",
            "supports",
        ),
        ("The debate about the 12th sanctions package was long. We oppose it.", "opposes"),
        (
            "We discussed the 12th sanctions package today. We do not support it.",
            "opposes",
        ),
    ],
)
def test_a_first_person_stance_over_a_pronoun_in_the_next_sentence_is_the_speakers(
    make_statement: MakeStatement, reactions: ProposalMatcher, text: str, stance: str
) -> None:
    found = judged(make_statement, reactions, text)[PACKAGE.slug]
    assert (found.stance, found.about) == (stance, "speaker")


@pytest.mark.parametrize(
    "text",
    [
        # someone else's stance over the pronoun is not the speaker's commitment
        "The debate about the 12th sanctions package was long. They support it.",
        # a stance on something else
        "The debate about the 12th sanctions package was long. We support the farmers.",
    ],
)
def test_only_the_speakers_own_word_over_a_pronoun_counts(
    make_statement: MakeStatement, reactions: ProposalMatcher, text: str
) -> None:
    found = judged(make_statement, reactions, text)[PACKAGE.slug]
    assert found.stance not in ("supports", "opposes")
