"""Stance on shapes of 2016 and 2023 reporting on deals and decisions in international
bodies, in sentences written for these tests: the proposal's own action as no stance word
("open talks" for a proposal to open them, "send back" for a deal to return people), a noun
of the proposal's own theme as what it is called, coming into effect, satisfaction, and
negative evaluations told as a noun ("a bad decision", "the height of irresponsibility")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import pytest
from spacy.language import Language
from stance_support import MakeStatement
from test_stance_after_the_fact import judged

from factbox.pipeline import candidate_statements
from factbox.stance.classify import slots_of
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal
from factbox.store.ledger import Ledger, StatementOutline

TALKS = Proposal(
    "norway-talks",
    "Opening EU trade negotiations with Norway",
    "The Council decision to open trade negotiations with Norway",
)
"""A proposal whose title's verb is a stance word ("open"), in capitals before a name."""
RETURNS = Proposal(
    "returns-deal",
    "EU deal on returning migrants to the republic",
    "The agreement to return irregular migrants to the republic",
)
"""A deal named as a noun phrase, whose "to" clause is its action ("return")."""


@pytest.fixture(scope="module")
def own(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [TALKS, RETURNS])


def test_a_title_verb_in_capitals_before_a_name_is_the_action(own: ProposalMatcher) -> None:
    # "Opening EU ..." parses as a name; read again in lower case, "open" is the verb
    talks = slots_of(own, "norway-talks")
    assert talks is not None and "open" in talks.action.source
    # a noun phrase's "to" clause names its action, and it is still a thing decided on
    returns = slots_of(own, "returns-deal")
    assert returns is not None and returns.action.source == ("return",)
    assert returns.purpose_action and not talks.purpose_action


@pytest.mark.parametrize(
    ("content", "stance", "about"),
    [
        # deciding to do the proposal's own action is support, not the stance word "open"
        ("The Council decided to open trade negotiations with Norway", "supports", "others"),
        ("We agreed to open trade negotiations with Norway", "supports", "speaker"),
        # a plan told with "be to" is said to happen
        ("Brussels is to open trade negotiations with Norway", "supports", "others"),
        # an adjective the theme hangs on is still its holder's stance
        ("Sweden is open to trade negotiations with Norway", "open", None),
        # refusing the action is refusing the proposal
        ("We refuse to open trade negotiations with Norway", "opposes", "speaker"),
    ],
)
def test_the_proposals_own_action_is_no_stance_word(
    make_statement: MakeStatement,
    own: ProposalMatcher,
    content: str,
    stance: str,
    about: str | None,
) -> None:
    judgement = judged(make_statement, own, content, "norway-talks")
    assert judgement.stance == stance
    assert about is None or judgement.about == about


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # the proposal's own theme noun is what it is called: the evaluation decides
        ("The decision to open trade negotiations with Norway was a politicised one", "opposes"),
        ("The decision to open trade negotiations with Norway is historic", "supports"),
        ("We welcome the decision to open trade negotiations with Norway", "supports"),
        # an adjective that says something rules over its noun
        ("Starting trade negotiations with Norway was a bad decision", "opposes"),
        # what a noun of degree is "of"
        ("Opening trade negotiations with Norway would be the height of irresponsibility",
         "opposes"),
    ],
)
def test_what_is_said_of_it_decides_not_its_name(
    make_statement: MakeStatement, own: ProposalMatcher, content: str, stance: str
) -> None:
    assert judged(make_statement, own, content, "norway-talks").stance == stance


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # "send back" refuses a proposal to take people in, not a deal to return them
        ("We will send irregular migrants back under the deal", "supports"),
        # coming into effect on a day: settled, to be carried out
        ("The deal on returning migrants would go into effect on March 20", "supports"),
        ("The deal on returning migrants will take effect on Monday", "supports"),
        # negated, it only dates it
        ("The deal on returning migrants will not take effect before June", "unclear"),
        # satisfaction with it
        ("We are satisfied with the deal on returning migrants", "supports"),
        ("We express great satisfaction with the deal on returning migrants", "supports"),
        ("The deal on returning migrants could be illegal", "opposes"),
    ],
)
def test_a_deal_carried_out_welcomed_or_warned_against(
    make_statement: MakeStatement, own: ProposalMatcher, content: str, stance: str
) -> None:
    assert judged(make_statement, own, content, "returns-deal").stance == stance


def test_a_person_the_deal_is_made_with_names_no_other_topic(
    nlp: Language, own: ProposalMatcher
) -> None:
    text = (
        "Leaders backed a deal to send back irregular migrants to the republic. "
        "They sketched an accord with Prime Minister Jan Novak on Monday. "
        "The chancellor pushed for the accord to calm voters."
    )
    doc = nlp(text)
    last = list(doc.sents)[-1]
    found = {m.slug: m for m in own.match_in_context(last)}
    assert "returns-deal" in found
    assert found["returns-deal"].slot("antecedent") is not None


class _Outlines:
    """The three ledger reads ``candidate_statements`` makes, over one article."""

    def __init__(self, body: str, outlines: list[StatementOutline]) -> None:
        self.body = body
        self.outlines = outlines

    def statement_outlines(self, ids: Iterable[int] | None = None) -> list[StatementOutline]:
        return [o for o in self.outlines if ids is None or o.id in set(ids)]

    def article_outlines(self, article_ids: Iterable[int]) -> list[StatementOutline]:
        return [o for o in self.outlines if o.article_id in set(article_ids)]

    def article_bodies(self, article_ids: Iterable[int]) -> dict[int, str]:
        return {i: self.body for i in article_ids}


def test_the_own_thing_named_again_is_judged_however_far_its_vector(own: ProposalMatcher) -> None:
    body = (
        "Leaders backed a deal to send back irregular migrants to the republic.\n\n"
        "The chancellor, who pushed for the accord to calm voters, said things were moving."
    )
    lead = body.split("\n\n")[0]
    outlines = [
        StatementOutline(1, 7, lead, 0),
        StatementOutline(2, 7, "the accord to calm voters", body.index("the accord")),
    ]
    ledger = cast(Ledger, _Outlines(body, outlines))
    # only the lead's vector is near the proposal; "the accord" points back at it
    assert candidate_statements(ledger, own, close=set(), near={1}) == {1, 2}
    # in an article with no statement near, nothing is read
    assert candidate_statements(ledger, own, close=set(), near=set()) == set()


def test_an_inability_to_back_it_is_a_refusal(nlp: Language) -> None:
    from factbox.stance.classify import _held_back_by_noun
    from factbox.stance.lexicon import load_acts

    doc = nlp("Officials regretted Belgium's inability to back the trade deal.")
    verb = next(t for t in doc if t.lemma_ == "back")
    held = _held_back_by_noun(verb, doc[verb.i : verb.i + 1], load_acts())
    assert held is not None and (held[0].lower_, held[1]) == ("inability", "opposes")
