"""A proposal that lets a state into a body ("Invite Moldova to join NATO"), in sentences
written for these tests after shapes of news on enlargement:

- the proposal is about the state's joining, not the state: its theme is the joining
  (``state_joining`` in ``synonyms.toml``: membership, accession ... and "join"), the state
  a qualifier; so aid, arms or fuel for the state are not the proposal;
- the state as the object of letting in ("invite Moldova", "if Moldova is admitted") is its
  joining, and so is the state that "is ready to join";
- another state's joining ("Finland's accession", "Norway will join") is another thing;
- a verb of the proposal's action that introduces a clause ("admitted that ...") is one of
  saying, not the proposal's action;
- the judging word of an adjective complement may be the second of two ("unprecedented and
  absurd when ..."), and the proposal said to be "the only guarantee" is supported;
- failing to obtain something ("failed to obtain a promise that it would never join") tells
  what was wanted, not a holding back;
- a step the proposal needs ("an accession action plan", "steps for joining") is a
  condition on it, and not needing it removes a hurdle (the negation is the step's).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from factbox.stance.classify import classify, slots_of
from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import ProposalMatcher, derive_slots
from factbox.stance.records import Proposal

JOIN = Proposal(
    "moldova-nato",
    "Invite Moldova to join NATO",
    "NATO invites Moldova to become a member of the alliance",
    bodies=["nato"],
)
SEND = Proposal("send-troops", "Send troops to Moldova", "Allies send troops to Moldova")


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [JOIN])


def test_the_theme_is_the_joining_and_the_state_a_qualifier(nlp: Language) -> None:
    slots = derive_slots(nlp, JOIN, load_concepts())
    assert {"membership", "accession", "join"} <= slots.theme.words
    assert "moldova" not in slots.theme.words
    assert "moldova" in slots.qualifier.words
    assert slots.joined == frozenset({"MD"})


def test_a_state_that_is_not_let_in_keeps_its_theme(nlp: Language) -> None:
    slots = derive_slots(nlp, SEND, load_concepts())
    assert slots.joined == frozenset()
    assert "troop" in slots.theme.words


@pytest.mark.parametrize(
    "text",
    [
        "Moldova's membership of the alliance would make the region safer.",
        "The allies should invite Moldova at the next summit.",
        "If Moldova is admitted, the eastern border will be shorter.",
        "Moldova is ready to join the alliance, the minister said.",
    ],
)
def test_the_states_joining_is_the_proposal(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert [m.slug for m in matcher.match(nlp(text))] == ["moldova-nato"]


@pytest.mark.parametrize(
    "text",
    [
        "The allies accepted a plan to ship fuel to Moldova.",
        "Finland's accession made Moldova's neighbours safer.",
        "Norway will join the alliance's exercise in the spring.",
    ],
)
def test_other_things_for_the_state_and_other_states_joining_are_not(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert matcher.match(nlp(text)) == []


def test_a_verb_of_the_action_that_opens_a_clause_is_no_action(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    doc = nlp("The government admitted that Moldova could not join the alliance this year.")
    found = matcher.match(doc)
    assert [m.slug for m in found] == ["moldova-nato"]
    assert "action" not in {e.slot for e in found[0].evidence}


def _stance(nlp: Language, matcher: ProposalMatcher, text: str) -> str:
    doc = nlp(text)
    found = matcher.match(doc)
    assert [m.slug for m in found] == ["moldova-nato"]
    return classify(doc[:], found[0], slots=slots_of(matcher, "moldova-nato")).stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The government had admitted that Moldova could not join the alliance.", "opposes"),
        # not this year: a time limit, a condition (rule 2; tests/stance/test_stance_time_limits)
        ("The government had admitted that Moldova could not join the alliance this year.", "open"),
    ],
)
def test_a_clause_a_verb_of_the_action_opens_is_not_the_action_done(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert _stance(nlp, matcher, text) == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "It is unprecedented and absurd when there is no date for Moldova's membership.",
            "supports",
        ),
        ("It is sad and wrong that Moldova's membership is still blocked.", "supports"),
    ],
)
def test_the_judging_word_may_be_the_second_of_two_adjectives(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert _stance(nlp, matcher, text) == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Moldova's membership is the only real guarantee of its security.", "supports"),
        ("Alliance membership is the only answer for Moldova, she said.", "supports"),
    ],
)
def test_the_proposal_said_to_be_the_only_answer_is_supported(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert _stance(nlp, matcher, text) == stance


def test_the_only_answer_needs_its_only(nlp: Language, matcher: ProposalMatcher) -> None:
    text = "Moldova's membership is a guarantee of its security, the minister said."
    doc = nlp(text)
    found = matcher.match(doc)
    classifier_cues = classify(doc[:], found[0], slots=slots_of(matcher, "moldova-nato")).cues
    assert "guarantee" not in {c.text for c in classifier_cues}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "Moscow sought and failed to obtain a promise that Moldova would never join NATO.",
            "opposes",
        ),
        (
            "Moscow failed to secure guarantees that Moldova would never join the alliance.",
            "opposes",
        ),
        ("The alliance failed to admit Moldova.", "open"),
    ],
)
def test_failing_to_obtain_tells_what_was_wanted(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert _stance(nlp, matcher, text) == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "We hope the allies decide that Moldova does not need an accession action plan "
            "or any steps for joining NATO.",
            "supports",
        ),
        ("Moldova needs a long accession plan before joining NATO.", "open"),
    ],
)
def test_a_step_needed_on_the_way_is_a_condition_and_not_needing_it_removes_a_hurdle(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert _stance(nlp, matcher, text) == stance
