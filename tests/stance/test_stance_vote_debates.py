"""Stance on shapes found in reporting of votes in the EU and NATO (a trade measure, an
accession), in sentences written for these tests: a proposal typed as a noun phrase, the
proposal as the time frame of another act, a rejected alternative, calls to think again,
"not yet", and "overdue"."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.lexicon import load_concepts, parse_concepts
from factbox.stance.matching import ProposalMatcher, derive_slots
from factbox.stance.records import Proposal, StanceJudgement

MINISTER = Who("the minister", "DE", "Germany", "country")
LEVIES = Proposal(
    "tariffs",
    "EU extra tariffs on Ruritanian bicycles",
    "The Commission's definitive anti-dumping duties on imports of bicycles made in "
    "Ruritania, put to a vote of the member states in March",
)
ACCESSION = Proposal(
    "accession",
    "Freedonia's accession to the alliance",
    "Freedonia becoming a member of the alliance, which every member must ratify",
)


@pytest.fixture(scope="module")
def votes(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [LEVIES, ACCESSION])


def judged(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str
) -> dict[str, StanceJudgement]:
    parsed = make_statement(text, speakers=(MINISTER,))
    return {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}


def test_a_title_that_is_a_noun_phrase_gives_its_head_as_the_theme(nlp: Language) -> None:
    # alone, the parser makes "EU" the root and "tariffs" its object
    slots = derive_slots(nlp, LEVIES, load_concepts())
    assert "tariff" in slots.theme.source
    assert "eu" not in slots.theme.source
    # the description's reduced relative ("..., put to a vote") is no action of the proposal
    assert "put" not in slots.action.source


def test_a_measure_typed_without_a_verb_takes_its_natural_action(nlp: Language) -> None:
    table = parse_concepts(
        {
            "set": [
                {"name": "measures", "kind": "theme", "members": ["tariff", "tariff"]},
                {"name": "impose", "kind": "action", "members": ["impose", "slap"]},
            ],
            "opposite": [{"does": ["impose"], "undoes": ["lift"]}],
            "natural_action": [{"theme": "measures", "action": "impose"}],
        }
    )
    slots = derive_slots(nlp, LEVIES, table)
    assert {"impose", "slap"} <= slots.action.words
    assert "lift" in slots.opposite.words
    # without the entry the proposal has no action, and "impose" governs the theme as another
    bare = parse_concepts({k: v for k, v in table_data().items() if k != "natural_action"})
    assert not derive_slots(nlp, LEVIES, bare).action.words


def table_data() -> dict[str, object]:
    return {
        "set": [
            {"name": "measures", "kind": "theme", "members": ["tariff", "tariff"]},
            {"name": "impose", "kind": "action", "members": ["impose", "slap"]},
        ],
    }


@pytest.mark.parametrize(
    ("text", "slug", "stance"),
    [
        # the proposal's natural action is its own: imposing them is supporting them
        (
            "We support the plan to impose the tariffs on Ruritanian bicycles.",
            "tariffs",
            "supports",
        ),
        # the proposal as what another act must come before: a condition
        (
            "We call on the Commission to negotiate with Ruritania ahead of the vote on "
            "the tariffs on bicycles.",
            "tariffs",
            "open",
        ),
        (
            "It would be fair for their prime minister to visit us before the ratification "
            "of Freedonia's accession.",
            "accession",
            "open",
        ),
        # after it, the proposal only dates the act
        (
            "We will talk to the carmakers after the vote on the tariffs on bicycles.",
            "tariffs",
            "unclear",
        ),
        # the rejected alternative
        (
            "The Union should seek an agreement on prices instead of resorting to tariffs on "
            "Ruritanian bicycles.",
            "tariffs",
            "opposes",
        ),
        (
            "We prefer talks with Ruritania rather than tariffs on its bicycles.",
            "tariffs",
            "opposes",
        ),
        # asked to think again
        ("The Union should reconsider the tariffs on Ruritanian bicycles.", "tariffs", "open"),
        # criticism of the delay
        (
            "It is long overdue for the parliament to ratify Freedonia's accession.",
            "accession",
            "supports",
        ),
        # praise of progress without a stance verb
        (
            "The extra tariffs on Ruritanian bicycles are a step in the right direction.",
            "tariffs",
            "supports",
        ),
        ("Freedonia's accession to the alliance was a step forward.", "accession", "supports"),
        # not done yet
        (
            "We remain the only member yet to ratify Freedonia's accession.",
            "accession",
            "open",
        ),
    ],
)
def test_vote_debate_shapes(
    make_statement: MakeStatement, votes: ProposalMatcher, text: str, slug: str, stance: str
) -> None:
    found = judged(make_statement, votes, text)
    assert slug in found, f"{text!r} must match {slug}"
    assert found[slug].stance == stance, found[slug]


def test_an_act_before_the_proposal_is_still_a_condition_when_it_is_not_the_vote(
    make_statement: MakeStatement, votes: ProposalMatcher
) -> None:
    # the time word on the proposal's own verb is not on the walk up from the proposal
    found = judged(
        make_statement, votes, "We will ratify Freedonia's accession before the summit."
    )
    assert found["accession"].stance == "supports"
