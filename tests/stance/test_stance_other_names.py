"""A proposal's words as the copy writes them otherwise, in sentences written for these tests:

- one word, two spellings: a proposal typed in British spelling finds American copy and the
  other way round ("defence spending" / "defense spending"; ``spelling_endings`` in
  ``synonyms.toml``), without making other words of short ones ("four" is not "for");
- an organisation the theme names ("the European Union") is written by its other names
  ("the EU", "the E.U."): they are theme words, which need another slot as any theme word
  does; not its seat ("Brussels"), and not when they only say whose people or part it is
  ("EU ministers") or who acts ("the EU voted");
- a country or organisation that is the proposal's subject ("Denmark") is the agent by any
  of its names as the subject of the action ("Copenhagen");
- a theme that is the noun of the proposal's action ("spending") is told as its verb with the
  theme's place or modifier ("spend more on the military"), not without ("spent years");
- the head of a name in lower case before another noun ("union voters") is a common noun,
  not the name ("the European Union");
- a content that may stand for a thing named before it ("we never talked about that") is
  judged in an article with a statement near a proposal, however far its own vector.
"""

from __future__ import annotations

from typing import cast

import pytest
from spacy.language import Language
from test_stance_own_action import _Outlines

from factbox.pipeline import candidate_statements
from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, ProposalMatch
from factbox.store.ledger import Ledger, StatementOutline

EXIT = Proposal(
    "union-exit",
    "Denmark leaves the European Union",
    "Danish voters choose in a referendum to leave the European Union",
    bodies=["state"],
)
DEFENCE = Proposal(
    "defence-budget",
    "Belgium raises its defence spending",
    "Belgium spends more on its own defence",
    bodies=["state"],
)
HARBOR = Proposal(
    "harbor-levy",
    "Introduce a harbor fee for cruise ships",
    "The city council introduces a harbor fee for every cruise ship that docks",
    bodies=["state"],
)


@pytest.fixture(scope="module")
def named(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [EXIT, DEFENCE, HARBOR])


def matched(nlp: Language, matcher: ProposalMatcher, text: str) -> list[ProposalMatch]:
    return matcher.match_in_context(nlp(text)[:])


@pytest.mark.parametrize(
    ("word", "spelled"),
    [
        ("defence", "defense"),
        ("defense", "defence"),
        ("favour", "favor"),
        ("organise", "organize"),
        ("centre", "center"),
        ("catalogue", "catalog"),
        ("programme", "program"),
    ],
)
def test_a_word_is_looked_for_in_its_other_spelling(word: str, spelled: str) -> None:
    assert spelled in load_concepts().variants(word)


@pytest.mark.parametrize("word", ["four", "hour", "fence", "rise", "after"])
def test_a_short_word_keeps_its_one_spelling(word: str) -> None:
    assert load_concepts().variants(word) == {word}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("The defense spending figures came out on Monday.", "defence-budget"),
        ("A harbour fee would hurt the town, she said.", "harbor-levy"),
    ],
)
def test_copy_in_the_other_spelling_matches(
    nlp: Language, named: ProposalMatcher, text: str, slug: str
) -> None:
    assert [m.slug for m in matched(nlp, named, text)] == [slug]


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Denmark should leave the EU as soon as it can, she said.", "EU"),
        ("The prime minister wants Denmark to stay in the E.U.", "E.U."),
        ("Copenhagen must leave the EU next year.", "EU"),
    ],
)
def test_another_name_of_the_organisation_is_the_theme(
    nlp: Language, named: ProposalMatcher, text: str, theme: str
) -> None:
    matches = matched(nlp, named, text)
    assert [m.slug for m in matches] == ["union-exit"]
    evidence = matches[0].slot("theme")
    assert evidence is not None and evidence.text == theme


def test_the_subject_named_otherwise_is_the_agent(nlp: Language, named: ProposalMatcher) -> None:
    matches = matched(nlp, named, "Copenhagen must leave the EU next year.")
    agent = matches[0].slot("agent")
    assert agent is not None and agent.text == "Copenhagen"


@pytest.mark.parametrize(
    "text",
    [
        "EU ministers voted on the fishing quotas on Monday.",  # its people, not the union
        "The EU's rules on fishing will be voted on next week.",  # what it owns
        "Officials in Brussels will vote on the fishing quotas.",  # its seat
        "The EU voted to leave the fishing quotas as they were.",  # who acts
        "The prime minister praised the EU for its handling of the crisis.",  # no other slot
    ],
)
def test_the_organisation_named_otherwise_needs_its_own_role(
    nlp: Language, named: ProposalMatcher, text: str
) -> None:
    assert "union-exit" not in [m.slug for m in matched(nlp, named, text)]


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("The government must spend far more on defense, the general said.", True),
        ("Belgium should spend more on its military.", True),
        ("Military spending is about to sink again.", True),
        ("He spent years in a Belgian prison.", False),
        ("The ministers spent hours on the new rail plan.", False),
    ],
)
def test_the_theme_told_as_its_verb(
    nlp: Language, named: ProposalMatcher, text: str, matches: bool
) -> None:
    assert ("defence-budget" in [m.slug for m in matched(nlp, named, text)]) is matches


def test_a_name_s_head_in_lower_case_before_a_noun_is_another_thing(
    nlp: Language, named: ProposalMatcher
) -> None:
    # "union" of "the European Union" names a trade union before "voters", "members"
    for text in (
        "In the end union voters always end up voting to leave the party.",
        "He said union members would vote to leave the federation.",
    ):
        assert "union-exit" not in [m.slug for m in matched(nlp, named, text)]
    kept = matched(nlp, named, "Danes voted to leave the European Union.")
    assert [m.slug for m in kept] == ["union-exit"]


def test_a_pronoun_far_from_every_proposal_is_judged_in_an_article_near_one(
    named: ProposalMatcher,
) -> None:
    body = (
        "Denmark should leave the EU as soon as it can, the minister said.\n\n"
        'Asked about the plan at lunch, the premier replied: "We never talked about that."'
    )
    outlines = [
        StatementOutline(1, 3, body.split("\n\n")[0], 0),
        StatementOutline(2, 3, "We never talked about that", body.index("We never")),
    ]
    ledger = cast(Ledger, _Outlines(body, outlines))
    # only the lead's vector is near the proposal; "that" may stand for what it names
    assert candidate_statements(ledger, named, close=set(), near={1}) == {1, 2}
    # in an article with no statement near, nothing is read
    assert candidate_statements(ledger, named, close=set(), near=set()) == set()
