"""Statements whose content names the proposal only by a pronoun, and proposals whose
description lists several actions, in sentences written for these tests after shapes of
real reporting (a trade pact, a border wall, refugees, a climate accord):

- a pronoun that is the statement's subject or object before any noun of its own ("it's
  a disaster", "which the neighbour should pay for", "they can be planted among us") stands
  for the proposal when the words of its sentence before the statement, or the one sentence
  before that, name the proposal with a theme of the pronoun's number; not when the
  proposal is further back, when a nearer thing of that number stands between, when the
  numbers differ, or for the "it" of "it is time to act";
- every verb of a description's list is the proposal's action ("sign, ratify and carry out
  the accord"), so "the accord is implemented" is the proposal's own act, not another one.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span
from stance_support import PARTNERSHIP

from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, ProposalMatch
from factbox.stance.semantic import Similarity

PACT = PARTNERSHIP
BARRIER = Proposal("barrier", "Build a wall on the border", "The republic builds a border wall")
REFUGEES = Proposal(
    "take-refugees",
    "Take in Syrian refugees",
    "The republic and other countries admit refugees fleeing the war in Syria",
)
ACCORD = Proposal(
    "climate-accord",
    "Join the Lisbon climate accord",
    "Countries sign, ratify and carry out the Lisbon accord on climate change",
)


@pytest.fixture(scope="module")
def pronouns(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [PACT, BARRIER, REFUGEES, ACCORD])


def found(
    nlp: Language, matcher: ProposalMatcher, text: str, content: str
) -> list[ProposalMatch]:
    """What the matcher ties ``content`` (the statement, the last place it is written in
    ``text``) to, in its context."""
    doc = nlp(text)
    start = text.rindex(content)
    span = doc.char_span(start, start + len(content), alignment_mode="expand")
    assert isinstance(span, Span)
    return matcher.match_in_context(span)


@pytest.mark.parametrize(
    ("text", "content", "slug", "pronoun"),
    [
        (
            'The governor, who has called the PTP deal "a betrayal", says it\'s "a disaster."',
            "it's \"a disaster.\"",
            "ratify-pact",
            "it",
        ),
        (
            "The candidate promised a tall wall on the border, which he said the neighbour "
            "should pay for.",
            "which he said the neighbour should pay for",
            "barrier",
            "which",
        ),
        (
            "A caller asked why young men come to the republic as Syrian refugees. "
            '"So they can be planted among us," the host said.',
            "So they can be planted among us",
            "take-refugees",
            "they",
        ),
    ],
)
def test_a_pronoun_stands_for_the_proposal_named_just_before(
    nlp: Language, pronouns: ProposalMatcher, text: str, content: str, slug: str, pronoun: str
) -> None:
    matches = found(nlp, pronouns, text, content)
    assert [m.slug for m in matches] == [slug]
    assert matches[0].evidence[0].text.lower() == pronoun
    assert matches[0].slot("antecedent") is not None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the proposal two sentences back: too far for a pronoun
        (
            "The governor attacked the PTP deal. The crowd cheered loudly. "
            'He says it\'s "a disaster."',
            "it's \"a disaster.\"",
        ),
        # numbers differ: "they" is not the wall
        (
            "The candidate promised a wall on the border. They are criminals, he said.",
            "They are criminals",
        ),
        # an expletive "it"
        (
            "The candidate promised a wall on the border. It is time to act, he said.",
            "It is time to act",
        ),
        # the statement names its own thing before the pronoun
        (
            "The candidate promised a wall on the border. The tunnels are deep and they are "
            "hard to find, the agent said.",
            "The tunnels are deep and they are hard to find",
        ),
        # a nearer thing of that number stands between
        (
            "The governor attacked the PTP deal. The new tax plan, he said, is a disaster "
            "and it should go.",
            "it should go",
        ),
    ],
)
def test_a_pronoun_is_not_tied_to_a_proposal_further_away(
    nlp: Language, pronouns: ProposalMatcher, text: str, content: str
) -> None:
    assert found(nlp, pronouns, text, content) == []


def test_each_verb_of_a_description_s_list_is_the_proposal_s_action(
    nlp: Language, pronouns: ProposalMatcher
) -> None:
    text = "He will make sure that the Lisbon accord is implemented in coming years."
    matches = found(nlp, pronouns, text, text)
    assert [m.slug for m in matches] == ["climate-accord"]
    assert matches[0].slot("action") is not None
    assert matches[0].slot("action").text == "implemented"  # type: ignore[union-attr]
    # another action still blocks: the accord is the object of another verb
    other = "He will make sure that the Lisbon accord is scrapped in coming years."
    assert found(nlp, pronouns, other, other) == []


SANCTIONS = Proposal(
    "new-sanctions",
    "Impose new sanctions on the kingdom",
    "The council imposes further sanctions on the kingdom",
)
TROOPS = Proposal(
    "send-troops", "Send troops to Ukraine", "NATO members send ground troops to Ukraine"
)


def test_a_judgement_alone_is_said_of_what_its_sentence_named_before_it(
    nlp: Language, pronouns: ProposalMatcher
) -> None:
    text = "The former president calls the plan for a border wall 'stupid', 'useless.'"
    matches = found(nlp, pronouns, text, "useless.")
    assert [m.slug for m in matches] == ["barrier"]
    assert matches[0].slot("antecedent") is not None
    # a judgement that starts its sentence has nothing before it to be said of
    assert found(nlp, pronouns, "The candidate promised a wall. Useless.", "Useless.") == []
    # a content with a noun of its own is not a judgement alone
    assert found(nlp, pronouns, f"{text[:-1]} 'a waste of money.'", "a waste of money.") == []


@pytest.mark.parametrize(
    ("content", "stands_for"),
    [
        ('it\'s "disastrous."', True),
        ("which he said the neighbour should pay for", True),
        ("useless.", True),
        ("It is now more important than ever that the country and its president hear us", False),
        ("the deal", False),  # a noun phrase: the parse tells whether it is named again
        ("Brexit", False),
        ("that the wall would work", False),  # "that" is mostly a conjunction
        ("We did not talk about that", True),  # last, "that" is a pronoun
        ("We did not talk about that with the neighbours across the river at all", False),
    ],
)
def test_what_may_stand_for_a_thing_named_before_is_told_without_parsing(
    pronouns: ProposalMatcher, content: str, stands_for: bool
) -> None:
    assert pronouns.may_stand_for(content) is stands_for


def test_a_pronoun_that_ends_a_short_content_stands_for_the_thing_asked_about(
    nlp: Language, pronouns: ProposalMatcher
) -> None:
    text = (
        "A reporter asked whether they had talked about his promise to build the wall on the "
        'border. "We did not talk about that," the candidate said.'
    )
    matches = found(nlp, pronouns, text, "We did not talk about that")
    assert [m.slug for m in matches] == ["barrier"]
    assert matches[0].evidence[0].text == "that"
    assert matches[0].slot("antecedent") is not None
    # with no such thing in the sentence before, it stands for nothing
    alone = 'A reporter asked about the weather. "We did not talk about that," he said.'
    assert found(nlp, pronouns, alone, "We did not talk about that") == []


def test_a_noun_of_the_proposal_s_kind_anchors_a_match_by_meaning(nlp: Language) -> None:
    matcher = ProposalMatcher(nlp, [SANCTIONS, TROOPS])
    close = Similarity(0.6, SANCTIONS.title)
    text = 'The members said they would take "further significant measures" if it tested again.'
    doc = nlp(text)
    match = matcher.match_similar(doc[:], "new-sanctions", close)
    assert match is not None
    assert match.evidence[0].text == "measures"
    # measures named for another thing are about that thing
    other = nlp("The members said they would take further significant drought measures.")
    assert matcher.match_similar(other[:], "new-sanctions", close) is None
    # measures are not a kind of troops: the table's words for troops would be there
    assert matcher.match_similar(doc[:], "send-troops", Similarity(0.6, TROOPS.title)) is None
