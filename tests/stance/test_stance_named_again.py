"""A proposal's own thing named again, and a proposal's name on its own, in sentences
written for these tests after shapes of real reporting (the 2016 campaign's trade pact,
border wall and climate accord):

- a mention of the proposal's theme, or a word of its kind from the concept table, that
  points back ("she opposes the deal", "his proposed wall", "a wall will not keep people
  away") refers to the proposal the article named before it, in the sentences just before
  or in the title; one that names another topic ("the deal with Cuba"), or follows a
  nearer mention of another thing of that kind, does not; the blocking checks still hold;
- an acronym the title or description gives, or the initials of a proper-noun theme,
  matches alone ("We're against PTP"), not as part of another name.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from factbox.pipeline import first_mentions
from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import OWN_ANTECEDENT_SENTENCES, ProposalMatcher, derive_slots
from factbox.stance.records import Proposal, ProposalMatch

PACT = Proposal(
    "ratify-pact",
    "Ratify the Pacific Trade Partnership",
    "The member countries ratify the PTP trade agreement",
)
COMMERCE = Proposal("commerce", "Ratify the Atlantic Commerce Partnership")
BARRIER = Proposal("barrier", "Build a wall on the border", "The republic builds a border wall")
ACCORD = Proposal("keep-accord", "Keep the nuclear accord", "The accord stays in force")
PACT_NAMED = "The senator spoke about the Pacific Trade Partnership on Monday."
WALL_NAMED = "The candidate promised a wall on the border."


@pytest.fixture(scope="module")
def named_again(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [PACT, BARRIER, ACCORD])


def last_sentence(nlp: Language, text: str) -> Span:
    return list(nlp(text).sents)[-1]


def found(nlp: Language, matcher: ProposalMatcher, text: str) -> list[ProposalMatch]:
    """What the matcher ties the last sentence of ``text`` to, in its context."""
    return matcher.match_in_context(last_sentence(nlp, text))


@pytest.mark.parametrize(
    ("text", "slug", "mention"),
    [
        (f"{PACT_NAMED} She now says she opposes the deal.", "ratify-pact", "the deal"),
        (
            f"{PACT_NAMED} She said she could not support the 12-nation trade deal.",
            "ratify-pact",
            "the 12-nation trade deal",
        ),
        (
            f"{WALL_NAMED} Crowds cheered. His proposed wall would be tall.",
            "barrier",
            "His proposed wall",
        ),
        (
            f"{WALL_NAMED} A wall is not going to keep people away, the mayor said.",
            "barrier",
            "A wall",
        ),
        (
            "Leaders praised the nuclear accord. This agreement is our best chance.",
            "keep-accord",
            "This agreement",
        ),
    ],
)
def test_the_proposal_s_own_thing_named_again_refers_back(
    nlp: Language, named_again: ProposalMatcher, text: str, slug: str, mention: str
) -> None:
    matches = found(nlp, named_again, text)
    assert [m.slug for m in matches] == [slug]
    evidence = matches[0].evidence
    assert (evidence[0].slot, evidence[0].text) == ("theme", mention)
    # the words of the sentence it points back to follow, as for "such a step"
    assert evidence[1:] and all(e.slot == "antecedent" for e in evidence[1:])
    assert all(e.text in text.split(mention)[0] for e in evidence[1:])


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("She now says she opposes the deal.", "the article never named the proposal"),
        (f"{PACT_NAMED} She said the deal with Cuba was bad.", "another topic after the noun"),
        (f"{PACT_NAMED} She opposes the Cuba deal.", "another topic before the noun"),
        (
            f"{PACT_NAMED} The chamber then turned to the Cuba deal. She opposes the deal.",
            "a nearer deal of another topic",
        ),
        (f"{PACT_NAMED} She opposes deals.", "nothing points back"),
        ("Leaders praised the nuclear accord. A deal is not going to come soon.", "any deal"),
        (f"{WALL_NAMED} He would rather build the wall in Norway.", "a conflicting place"),
    ],
)
def test_a_mention_that_names_something_else_does_not_refer_back(
    nlp: Language, named_again: ProposalMatcher, text: str, why: str
) -> None:
    assert found(nlp, named_again, text) == [], why


FILLER = "The weather was mild. " * (OWN_ANTECEDENT_SENTENCES + 2)


def test_the_title_names_the_proposal_for_a_mention_far_below_it(
    nlp: Language, named_again: ProposalMatcher
) -> None:
    text = f"Candidate stands by his border wall\n\n{FILLER}He said the wall would be tall."
    matches = found(nlp, named_again, text)
    assert [m.slug for m in matches] == ["barrier"]
    assert [e.text for e in matches[0].evidence[1:]] == ["wall", "border"]


def test_a_proposal_named_far_back_in_the_body_is_out_of_reach(
    nlp: Language, named_again: ProposalMatcher
) -> None:
    text = f"Local news\n\n{WALL_NAMED} {FILLER}He said the wall would be tall."
    assert found(nlp, named_again, text) == []


def test_the_proposal_s_names_come_from_its_title_and_description(nlp: Language) -> None:
    table = load_concepts()
    assert derive_slots(nlp, PACT, table).names == {"ptp"}
    # the initials of a proper-noun theme, when the user gave no acronym
    assert derive_slots(nlp, COMMERCE, table).names == {"acp"}
    # an actor's name or acronym names who acts, not the proposal
    leave = Proposal("leave", "Britain leaves the European Union")
    spending = Proposal("spending", "NATO allies raise their defence spending")
    assert derive_slots(nlp, leave, table).names == frozenset()
    assert derive_slots(nlp, spending, table).names == frozenset()
    # words of the concept table's referent set name the theme again
    assert {"deal", "pact", "accord"} <= derive_slots(nlp, PACT, table).referents


@pytest.mark.parametrize(
    "text", ["We're against PTP before the election.", "Unions protested against the PTP."]
)
def test_a_name_of_the_proposal_matches_on_its_own(
    nlp: Language, named_again: ProposalMatcher, text: str
) -> None:
    matches = named_again.match(nlp(text))
    assert [m.slug for m in matches] == ["ratify-pact"]
    assert [(e.slot, e.text) for e in matches[0].evidence][0] == ("theme", "PTP")


def test_a_name_inside_another_name_is_not_the_proposal(
    nlp: Language, named_again: ProposalMatcher
) -> None:
    doc = nlp("Shares of PTP Holdings Inc. rose on Monday.")
    assert any(len(e) > 1 and "PTP" in e.text for e in doc.ents), "the parse must see the name"
    assert named_again.match(doc) == []


def test_words_tell_which_statements_may_name_a_proposal_again(
    named_again: ProposalMatcher,
) -> None:
    assert named_again.may_name_again("she opposes the deal") == {"ratify-pact", "keep-accord"}
    assert named_again.may_name_again("a wall will not keep them out") == {"barrier"}
    assert named_again.may_name_again("deals were struck") == set()
    assert named_again.may_name_again("a deal was struck") == set()
    # parsed with the paragraphs before it where the article's parse was not kept
    assert named_again.may_point_back("she opposes the deal")
    assert not named_again.may_point_back("deals were struck")


def test_first_mentions_finds_where_each_proposal_is_first_named(
    named_again: ProposalMatcher,
) -> None:
    body = f"Weather report\n\nIt rained. {PACT_NAMED} {WALL_NAMED} {PACT_NAMED}"
    first = first_mentions(body, named_again)
    assert first == {"ratify-pact": body.index(PACT_NAMED), "barrier": body.index(WALL_NAMED)}
