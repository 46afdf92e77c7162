"""Proposals that let a state into a body, written as a user would ("Let Norway join the
EU", "Allow Serbia to join", "Iceland joins the EU", "the Union takes Norway in as a
member"), and sibling proposals of two states that one sentence may name together. Sentences
written for these tests after shapes of news on enlargement:

- a permitting verb ("let", "allow", "permit") leads to the verb it lets happen: the
  proposal is the state's joining, as "Invite Norway to join" is;
- the state that is the subject of a joining verb ("Iceland joins the EU") is the one let
  in, and the body it joins is the one that lets it in;
- "takes Norway in as a member": a role of joining after "as" makes the object a state let
  in;
- a list that holds the proposal's state ("the accession of Serbia and Norway") is about
  each state it names, but another state of the same place set is not the proposal's state;
- the body a joining verb names ("plans to join the EU") is not a rival state;
- a sentence close in meaning that names the state let in, with no word of joining
  ("Norway would be a valuable addition"), is matched by meaning, and one that names only
  the sibling's state is not;
- "the full backing of Denmark" is a word of support, as "support" is.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import stances_by_actor

from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import ProposalMatcher, derive_slots
from factbox.stance.records import Proposal
from factbox.stance.semantic import Similarity

NORWAY = Proposal(
    "norway-eu",
    "Let Norway join the EU",
    "The Union takes Norway in as a member",
    bodies=["eu-council"],
)
SERBIA = Proposal(
    "serbia-eu",
    "Allow Serbia to join the EU",
    "The Union takes Serbia in as a member",
    bodies=["eu-council"],
)
ICELAND = Proposal("iceland-eu", "Iceland joins the EU", "", bodies=["eu-council"])
SOLDIERS = Proposal("soldiers-norway", "Let allies send soldiers to Norway", "")


@pytest.fixture(scope="module")
def siblings(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [NORWAY, SERBIA])


def near(proposal: Proposal) -> Similarity:
    return Similarity(0.7, proposal.title)


@pytest.mark.parametrize(
    ("proposal", "state"),
    [(NORWAY, "NO"), (SERBIA, "RS"), (ICELAND, "IS")],
)
def test_a_state_let_in_is_the_joining_whatever_the_title_verb(
    nlp: Language, proposal: Proposal, state: str
) -> None:
    slots = derive_slots(nlp, proposal, load_concepts())
    assert slots.joined == frozenset({state})
    assert {"membership", "accession"} <= slots.theme.words
    assert "let" not in slots.action.words and "allow" not in slots.action.words


def test_the_body_a_state_joins_is_the_one_that_lets_it_in(nlp: Language) -> None:
    slots = derive_slots(nlp, ICELAND, load_concepts())
    assert "eu" in slots.agent.words
    assert "iceland" not in slots.agent.words


def test_a_permitting_verb_over_another_action_keeps_that_action(nlp: Language) -> None:
    slots = derive_slots(nlp, SOLDIERS, load_concepts())
    assert slots.joined == frozenset()
    assert "send" in slots.action.words
    assert "soldier" in slots.theme.words


def test_taken_in_as_a_member_is_a_state_let_in(nlp: Language) -> None:
    only_description = Proposal("x", "The Union takes Norway in as a member", "")
    slots = derive_slots(nlp, only_description, load_concepts())
    assert slots.joined == frozenset({"NO"})


@pytest.mark.parametrize(
    "text",
    [
        "Two governments said they would block the accession of Serbia and Norway.",
        "Two governments said they would block the accession of Norway and Serbia.",
        "The minister opposed the membership of Serbia and Norway in the Union.",
    ],
)
def test_a_list_of_both_states_matches_both_proposals_by_words(
    nlp: Language, siblings: ProposalMatcher, text: str
) -> None:
    found = {m.slug for m in siblings.match(nlp(text)[:])}
    assert found == {NORWAY.slug, SERBIA.slug}


def test_one_state_alone_stays_with_its_own_proposal(
    nlp: Language, siblings: ProposalMatcher
) -> None:
    found = {m.slug for m in siblings.match(nlp("The minister opposed Serbia's accession.")[:])}
    assert found == {SERBIA.slug}


def test_another_state_of_the_same_place_set_is_not_the_proposals_state(nlp: Language) -> None:
    # Romania and Bulgaria share a place set ("nato-eastern-flank"): a list of Croatia and
    # Romania is no sentence about Bulgaria's accession
    bulgaria = Proposal(
        "bulgaria-schengen",
        "Admit Bulgaria to the Schengen area",
        "Bulgaria becomes a full member of the Schengen area",
        bodies=["eu-council"],
    )
    matcher = ProposalMatcher(nlp, [bulgaria])
    span = nlp("The Netherlands will agree to the accession of Croatia and Romania.")[:]
    assert matcher.match(span) == []
    assert matcher.match_similar(span, bulgaria.slug, near(bulgaria)) is None


def test_the_body_joined_is_no_rival_state(nlp: Language, siblings: ProposalMatcher) -> None:
    doc = nlp("Both Norway and Serbia confirmed their plans to join the EU.")
    span = doc.char_span(doc.text.index("their"), len(doc.text) - 1)
    assert span is not None
    assert siblings.match_similar(span, NORWAY.slug, near(NORWAY)) is not None


def test_a_close_sentence_naming_the_state_is_matched_by_meaning(
    nlp: Language, siblings: ProposalMatcher
) -> None:
    span = nlp("Norway would be a valuable addition to the Union, the minister said.")[:]
    assert siblings.match_similar(span, NORWAY.slug, near(NORWAY)) is not None
    assert siblings.match_similar(span, SERBIA.slug, near(SERBIA)) is None


def test_a_content_that_names_only_the_siblings_state_is_not_matched_by_meaning(
    nlp: Language, siblings: ProposalMatcher
) -> None:
    # the sentence before names both; this one names Serbia alone, under a noun of stance
    doc = nlp(
        "Norway and Serbia applied last week. "
        "Hungary will maintain its opposition to Serbia joining the Union, he said."
    )
    start = doc.text.index("Hungary")
    span = doc.char_span(start, doc.text.index(", he said"))
    assert span is not None
    assert siblings.match_similar(span, NORWAY.slug, near(NORWAY)) is None
    assert siblings.match_similar(span, SERBIA.slug, near(SERBIA)) is not None


def test_the_backing_of_the_speakers_state_supports_it(nlp: Language) -> None:
    matcher = ProposalMatcher(nlp, [NORWAY])
    text = (
        "Danish Prime Minister Jens Hansen said Norway's accession has the full backing of"
        " Denmark."
    )
    found = stances_by_actor(nlp, matcher, text, NORWAY.slug, dt.date(2024, 3, 5))
    assert found.get("DK") == "supports"


TALKS_WITH_NORWAY = Proposal(
    "norway-talks",
    "Open EU membership talks with Norway",
    "The European Union formally opens accession negotiations with Norway",
    bodies=["eu-council"],
)


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("The report recommends accession talks with Norway.", True),
        ("The report recommends accession talks with Norway and Serbia.", True),
        ("The leaders backed the start of membership talks.", True),
        # another state the talks are with or for: that state's case
        ("The report recommends accession talks with Serbia.", False),
        ("The report recommends the start of accession talks with Serbia.", False),
        ("The report recommends an initiation of accession talks for Belgrade to join the bloc.",
         False),
    ],
)
def test_talks_with_another_state_are_that_states_case(
    nlp: Language, text: str, matched: bool
) -> None:
    matcher = ProposalMatcher(nlp, [TALKS_WITH_NORWAY])
    found = matcher.match(nlp(text)[:])
    assert any(m.slug == "norway-talks" for m in found) is matched
