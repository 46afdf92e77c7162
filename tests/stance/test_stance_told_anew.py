"""A proposal told anew in its own words, a call to act on what was named before, and a bare
step of it, in sentences written for these tests after shapes of real reporting (a record
of a president's deals, allies pressing the last member to ratify an accession):

- a noun of the proposal's kind ("accord", "pact") that two of the proposal's own words
  describe is the proposal ("corralled the world into a climate change accord"), whatever
  its determiner; one such word ("a trade deal") or a modifier that names another topic
  ("the Arctic climate accord") is not enough;
- a verb that stands for doing what was named just before, with nothing of its own to act
  on ("urging the premier to act quickly", "must take action"), takes the
  proposal of its own sentence's words before it or of the sentence before; not with an
  object, a particle or a topic of its own ("to act on pensions", "to move on");
- a step of the proposal's thing with no determiner after "before", "pending" ...
  ("visit the capital before ratification") is the step of the one in hand.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span
from stance_support import MakeStatement, Who

from factbox.ingesting import judge
from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import (
    ACTING_SENTENCES,
    ProposalMatcher,
    context_sentences,
    may_act,
)
from factbox.stance.records import Proposal, ProposalMatch

ACCORD = Proposal(
    "climate-accord",
    "Join the Lisbon climate agreement",
    "Countries sign, ratify and carry out the Lisbon agreement on climate change",
)
PACT = Proposal(
    "ocean-pact",
    "Ratify the Indian Ocean Partnership",
    "The member countries ratify the IOP trade agreement",
)
ACCESSION = Proposal(
    "accession",
    "Freedonia's accession to the alliance",
    "Freedonia becoming a member of the alliance, which every member must approve and ratify",
)
APPROVED = "Ruritania's parliament approved Freedonia's membership of the alliance on Tuesday."
ALLIES = (
    Who("the Czech minister", "CZ", "Czechia", "country"),
    Who("the Danish minister", "DK", "Denmark", "country"),
)


@pytest.fixture(scope="module")
def told(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [ACCORD, PACT, ACCESSION])


def content_of(nlp: Language, text: str, content: str) -> Span:
    doc = nlp(text)
    start = text.rindex(content)
    span = doc.char_span(start, start + len(content), alignment_mode="expand")
    assert span is not None
    return span


def found(nlp: Language, matcher: ProposalMatcher, text: str, content: str) -> list[ProposalMatch]:
    return matcher.match_in_context(content_of(nlp, text, content))


@pytest.mark.parametrize(
    ("text", "content", "slug", "theme"),
    [
        (
            "In a year he reopened ties with the island and corralled the world into a "
            "climate change accord.",
            "corralled the world into a climate change accord",
            "climate-accord",
            "climate change accord",
        ),
        (
            "He also sealed a free-trade pact in the Indian Ocean region.",
            "a free-trade pact",
            "ocean-pact",
            "trade pact in the Indian Ocean",
        ),
        (
            "The ministers argue that the 12-nation Indian Ocean trade accord will open doors.",
            "the 12-nation Indian Ocean trade accord will open doors",
            "ocean-pact",
            "Indian Ocean trade accord",
        ),
    ],
)
def test_a_word_of_the_proposal_s_kind_told_by_its_own_words_matches(
    nlp: Language, told: ProposalMatcher, text: str, content: str, slug: str, theme: str
) -> None:
    matches = found(nlp, told, text, content)
    assert [m.slug for m in matches] == [slug]
    evidence = matches[0].slot("theme")
    assert evidence is not None and evidence.text == theme


@pytest.mark.parametrize(
    "text",
    [
        "She has turned against a fisheries deal she once backed.",  # no word of its own
        "He corralled the world into an Arctic climate change accord.",  # another topic
        "Officials signed a trade pact with the island on Friday.",  # one word: any pact
    ],
)
def test_a_word_of_its_kind_told_by_too_few_of_its_words_or_another_topic_does_not(
    nlp: Language, told: ProposalMatcher, text: str
) -> None:
    assert told.match(nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "content", "verb"),
    [
        (
            f"{APPROVED} The Czech minister and the Danish minister were among those urging "
            "the premier to act quickly.",
            "to act quickly",
            "act",
        ),
        (
            f"{APPROVED} Budapest must take action without delay, the Czech minister said.",
            "Budapest must take action without delay",
            "take",
        ),
    ],
)
def test_a_verb_that_stands_for_doing_what_was_named_refers_back(
    nlp: Language, told: ProposalMatcher, text: str, content: str, verb: str
) -> None:
    matches = found(nlp, told, text, content)
    assert [m.slug for m in matches] == ["accession"]
    theme, antecedent = matches[0].slot("theme"), matches[0].slot("antecedent")
    assert theme is not None and theme.text == verb
    assert antecedent is not None and antecedent.span[1] <= len(APPROVED)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (f"{APPROVED} The minister urged the premier to act on pensions.", "to act on pensions"),
        (f"{APPROVED} The minister urged reporters to move on.", "to move on"),
        # a verb that copies another's act: after a veto, it would be vetoing
        (
            f"{APPROVED} Others may follow suit, the minister said.",
            "Others may follow suit",
        ),
        # the proposal named two sentences before, with another topic in between
        (
            f"{APPROVED} The weather in the capital was cold. The minister urged the premier "
            "to act quickly.",
            "to act quickly",
        ),
    ],
)
def test_a_verb_with_a_topic_of_its_own_or_far_from_the_proposal_does_not(
    nlp: Language, told: ProposalMatcher, text: str, content: str
) -> None:
    assert found(nlp, told, text, content) == []


def test_a_call_on_the_holder_to_act_supports_the_proposal(
    make_statement: MakeStatement, told: ProposalMatcher
) -> None:
    text = (
        f"{APPROVED} The Czech minister and the Danish minister were among those urging the "
        "premier to act quickly."
    )
    parsed = make_statement(text, "to act quickly", "urging", ALLIES)
    judged = judge(parsed.doc, parsed.statement, told)
    assert [(j.match.slug, j.judgement.stance) for j in judged] == [("accession", "supports")]


def test_a_bare_step_after_before_is_the_step_of_the_proposal_in_hand(
    nlp: Language, told: ProposalMatcher
) -> None:
    text = (
        f"{APPROVED} The foreign minister said it would be fair for their premier to visit "
        "the capital before ratification."
    )
    content = "it would be fair for their premier to visit the capital before ratification"
    matches = found(nlp, told, text, content)
    assert [m.slug for m in matches] == ["accession"]
    theme = matches[0].slot("theme")
    assert theme is not None and theme.text == "ratification"
    # with a determiner of any such thing, a step is not the one in hand
    assert (
        found(
            nlp,
            told,
            text.replace("before ratification", "before a ratification"),
            content.replace("before ratification", "before a ratification"),
        )
        == []
    )


def test_a_short_content_with_such_a_verb_is_parsed_with_the_sentences_before_it() -> None:
    table = load_concepts()
    assert may_act("to act quickly", table)
    assert may_act("the council should take action", table)
    assert not may_act("to act on the pensions of the teachers of the northern towns", table)
    assert not may_act("to decide quickly", table)
    # its vector carries the sentence before it, where what to do is
    assert context_sentences("to act quickly", table) == ACTING_SENTENCES
    assert context_sentences("to decide quickly", table) == 0


def test_a_that_read_as_a_conjunction_before_a_bare_noun_of_its_kind_points_back(
    nlp: Language, told: ProposalMatcher
) -> None:
    text = (
        "Nearly 200 countries signed onto the Lisbon agreement. He said that accord should "
        "guide the actions of countries going forward."
    )
    span = content_of(nlp, text, "accord should guide the actions of countries going forward")
    before = span.doc[span.start - 1]
    if before.dep_ != "mark":
        pytest.skip("the parser read 'that' as the noun's determiner: nothing to repair")
    matches = told.match_in_context(span)
    assert [m.slug for m in matches] == ["climate-accord"]
    theme = matches[0].slot("theme")
    assert theme is not None and theme.text == "accord"
    # a "that" before a noun of another kind stays a conjunction
    other = content_of(nlp, text.replace("that accord", "that trade"), "trade should guide")
    assert told.match_in_context(other) == []
