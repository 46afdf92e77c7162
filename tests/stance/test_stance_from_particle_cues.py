"""From raw sentences through extraction to stance: cues whose preposition carries the
content ("called for", "railed against"), which wire copy uses for positions."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factbox.extract.attributions import find_attributions
from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher


@pytest.mark.parametrize(
    ("text", "cue", "content", "stance"),
    [
        (
            "The Lithuanian president has called for a deployment of Western troops to Ukraine.",
            "has called for",
            "a deployment of Western troops to Ukraine",
            "supports",
        ),
        (
            "Fico, speaking in Bratislava, railed against sending troops to Ukraine.",
            "railed against",
            "sending troops to Ukraine",
            "opposes",
        ),
    ],
)
def test_particle_cue_gives_a_position(
    nlp: Language, matcher: ProposalMatcher, text: str, cue: str, content: str, stance: str
) -> None:
    doc = nlp(text)
    (statement,) = find_attributions(doc)
    assert (statement.cue, statement.content) == (cue, content)
    (judgement,) = judge_statement(doc, statement, matcher)
    assert (judgement.stance, judgement.about) == (stance, "speaker")


def test_a_platform_after_the_preposition_is_not_content(nlp: Language) -> None:
    for text in (
        'The Kremlin spokesman posted on Telegram: "The move would mean war."',
        'The Kremlin spokesman posted on social media: "The move would mean war."',
    ):
        statements = find_attributions(nlp(text))
        assert [s.content for s in statements] == ["The move would mean war."], text
