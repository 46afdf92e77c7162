"""Stance on shapes found in reporting of other debates (leaving a union, keeping an accord,
sanctions, a border barrier), in sentences written for these tests: opposite actions, harms
the proposal would do, measures of degree, and "going to" as a commitment."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import DEBATES, MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.lexicon import load_concepts, parse_concepts
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, StanceJudgement
from factbox.stance.semantic import Similarity

MINISTER = Who("the minister", "DE", "Germany", "country")
def judged(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str
) -> dict[str, StanceJudgement]:
    parsed = make_statement(text, speakers=(MINISTER,))
    return {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}


@pytest.mark.parametrize(
    ("text", "slug", "stance"),
    [
        # the reverse action over the proposal's theme: the reverse stance
        ("He urged Britain to stay in the European Union.", "leave-union", "opposes"),
        ("Britain should remain within the European Union.", "leave-union", "opposes"),
        ("We will not scrap the nuclear accord.", "keep-accord", "supports"),
        ("They want to tear up the nuclear accord.", "keep-accord", "opposes"),
        ("We call for lifting the sanctions on the kingdom.", "new-sanctions", "opposes"),
        # the proposal's own action still reads as before
        ("We will impose new sanctions on the kingdom.", "new-sanctions", "supports"),
        ("Britain must leave the European Union.", "leave-union", "supports"),
    ],
)
def test_an_opposite_action_reads_the_reverse_stance(
    make_statement: MakeStatement, debates: ProposalMatcher, text: str, slug: str, stance: str
) -> None:
    found = judged(make_statement, debates, text)
    assert slug in found, f"{text!r} must match {slug}"
    assert found[slug].stance == stance
    assert found[slug].about == "speaker"


def test_an_action_without_an_opposite_in_the_table_is_still_another_action(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    # "send" has no pair in the table: withdrawing troops is not read as against sending
    found = judged(make_statement, debates, "We will withdraw troops from Ukraine.")
    assert "send-troops" not in found


def test_the_opposite_actions_are_data(nlp: Language) -> None:
    shipped = load_concepts()
    assert "remain" in shipped.opposite_actions("leave")
    assert "scrap" in shipped.opposite_actions("keep")
    table = parse_concepts({"opposite": [{"does": ["send"], "undoes": ["withdraw"]}]})
    assert table.opposite_actions("send") == frozenset({"withdraw"})
    assert table.opposite_actions("withdraw") == frozenset()
    matcher = ProposalMatcher(nlp, [DEBATES[-1]], table)
    span = nlp("We will withdraw our troops from Ukraine.")[:]
    (match,) = matcher.match(span)
    assert match.slot("opposite") is not None and match.slot("opposite").text == "withdraw"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Leaving the European Union could depress growth for years.", "opposes"),
        ("Leaving the European Union will hurt the economy, he warned.", "opposes"),
        ("Leaving the European Union will not hurt the economy.", "supports"),
    ],
)
def test_a_harm_the_proposal_does_is_a_warning_against_it(
    make_statement: MakeStatement, debates: ProposalMatcher, text: str, stance: str
) -> None:
    assert judged(make_statement, debates, text)["leave-union"].stance == stance


@pytest.mark.parametrize(
    "text",
    [
        "Building the wall on the border goes nowhere near far enough.",
        "Building a wall on the border is not enough.",
    ],
)
def test_wanting_more_of_it_supports_it(
    make_statement: MakeStatement, debates: ProposalMatcher, text: str
) -> None:
    assert judged(make_statement, debates, text)["barrier"].stance == "supports"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("We are going to build a wall on the border.", "supports"),
        ("We are not going to build a wall on the border.", "opposes"),
        ("They were going to talk about the wall on the border.", "open"),
    ],
)
def test_going_to_commits_as_will_does(
    make_statement: MakeStatement, debates: ProposalMatcher, text: str, stance: str
) -> None:
    found = judged(make_statement, debates, text)
    assert "barrier" in found
    assert found["barrier"].stance == stance


def test_a_match_by_meaning_that_names_only_other_countries_is_about_them(
    nlp: Language,
) -> None:
    deal = Proposal("iran-deal", "Keep the nuclear deal with Iran", "The accord with Iran holds")
    matcher = ProposalMatcher(nlp, [deal])
    near = Similarity(0.6, deal.title)
    elsewhere = nlp("He called on North Korea to give up its weapons programme.")[:]
    assert matcher.match_similar(elsewhere, deal.slug, near) is None
    # naming the proposal's country, or none at all, leaves it to the similarity
    same = nlp("He called on Iran to give up its weapons programme.")[:]
    assert matcher.match_similar(same, deal.slug, near) is not None
    unnamed = nlp("He said the pact would hold for another ten years.")[:]
    assert matcher.match_similar(unnamed, deal.slug, near) is not None
    # the country may be named outside the statement's content, in its sentence
    doc = nlp("He called on North Korea to give up its weapons programme.")
    content = doc[5:]
    assert content.text.startswith("to give up")
    assert matcher.match_similar(content, deal.slug, near) is None
