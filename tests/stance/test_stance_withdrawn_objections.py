"""Objections taken back, read end to end from extraction (the sentences are written for
these tests): a "they" after a sentence whose plural subject lists its members ("Other
states, such as A, B and C, were wary. They ...") stands for each listed member; a verb that
takes back a stance held against something ("dropped their objections", "lifted its veto",
"withdrew its reservation to ...") is an act that leaves the holder no longer in the way
(open), on the thing its noun names or, with none, on the one named just before."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import plain_article, stances_by_actor

from factbox.extract import extract_article
from factbox.ingesting import judge
from factbox.stance.matching import ProposalMatcher
from factbox.stance.positions import lets_pass, positions
from factbox.stance.records import Actor, Cue, JudgedStatement, Proposal, StanceJudgement

DAY = dt.date(2024, 3, 5)
ENTRY = Proposal(
    "freedonia-entry",
    "Admit Freedonia to the customs union",
    "Freedonia becomes a full member of the customs union",
    bodies=["eu-council"],
)


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [ENTRY])


def stances(nlp: Language, matcher: ProposalMatcher, text: str) -> dict[str, str]:
    """Each speaker's actor of a statement about the entry -> its own stance (the last)."""
    return stances_by_actor(nlp, matcher, text, ENTRY.slug, DAY)


def test_they_after_a_listed_subject_is_each_member_and_dropping_objections_is_open(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = (
        "Freedonia has asked to join the customs union for years. Several governments, "
        "such as Portugal, Denmark and Ireland, were sceptical at first. They dropped their "
        "objections after the reforms were passed."
    )
    found = stances(nlp, matcher, text)
    assert {found.get(actor) for actor in ("PT", "DK", "IE")} == {"open"}, found


def test_they_after_a_plural_subject_that_lists_nobody_names_no_state(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = (
        "Freedonia has asked to join the customs union for years. Several governments were "
        "sceptical at first. They dropped their objections after the reforms were passed."
    )
    assert not {"PT", "DK", "IE"} & set(stances(nlp, matcher, text))


@pytest.mark.parametrize(
    "text",
    [
        "Portugal lifted its veto on Freedonia's accession to the customs union.",
        "Portugal has withdrawn its reservation to Freedonia's membership of the customs union.",
        "Portugal dropped its opposition to Freedonia's accession to the customs union.",
    ],
)
def test_taking_back_a_stance_against_it_is_open(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert stances(nlp, matcher, text).get("PT") == "open"


def test_lifting_another_states_veto_is_no_withdrawal(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = "Portugal lifted Denmark's veto on Freedonia's accession to the customs union."
    assert stances(nlp, matcher, text).get("PT") != "open"


def test_the_opposition_dropped_is_no_act_of_its_own(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = "Portugal dropped its opposition to Freedonia's accession to the customs union."
    doc = nlp(text)
    cues = [s.cue for s in extract_article(doc, plain_article(text, DAY)).statements]
    assert cues == ["dropped its opposition"]


@pytest.mark.parametrize(
    "text",
    [
        # the withdrawal inside what is said, under another verb
        "Portugal has agreed to lift its opposition to Freedonia joining the customs union.",
        "Portugal said it would drop its objections to Freedonia joining the customs union.",
    ],
)
def test_a_withdrawal_inside_the_content_is_open_not_the_noun_it_takes_back(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert stances(nlp, matcher, text).get("PT") == "open"


def test_keeping_an_objection_is_still_against_it(nlp: Language, matcher: ProposalMatcher) -> None:
    text = "Portugal said it would maintain its opposition to Freedonia joining the customs union."
    assert stances(nlp, matcher, text).get("PT") == "opposes"


def test_a_withdrawal_lets_the_proposal_pass(nlp: Language, matcher: ProposalMatcher) -> None:
    """Taking back an objection commits the holder not to block: an ``open`` as firm as a
    vote (``lets_pass``), so a same-day recall of the old block does not outrank it."""
    text = "Portugal has agreed to lift its opposition to Freedonia joining the customs union."
    doc = nlp(text)
    (statement,) = extract_article(doc, plain_article(text, DAY)).statements
    (item,) = [i for i in judge(doc, statement, matcher) if i.match.slug == ENTRY.slug]
    assert item.judgement.stance == "open"
    assert lets_pass(item.judgement.cues)


def test_objections_dropped_with_a_clause_that_points_back_are_on_the_thing_named_before(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    # a bare plural, its relative clause pointing back with "it": no topic of its own
    text = (
        "The council approved Freedonia's accession to the customs union after Portugal "
        "dropped objections that had been holding it up for weeks."
    )
    assert stances(nlp, matcher, text).get("PT") == "open"
    # objections with a topic of their own are about that topic
    other = "Portugal dropped objections that concerned the fishing quotas."
    assert "PT" not in stances(nlp, matcher, other)


def test_dropped_objections_are_chosen_for_judging_without_a_determiner(
    matcher: ProposalMatcher,
) -> None:
    # proposals added after the articles judge only the statements the cheap test picks
    assert matcher.may_refer_back("objections that had been holding it up for weeks")
    assert not matcher.may_refer_back("the weather held up the talks for weeks")


def test_taking_back_a_veto_replaces_the_veto() -> None:
    # a decision no longer to block is as firm as the veto it ends
    lisbon = (Actor("PT", "Portugal", "country"),)
    veto = StanceJudgement(ENTRY.slug, "opposes", 0.85, (Cue("vetoed", (0, 6), "act"),))
    dropped = StanceJudgement(ENTRY.slug, "open", 0.85, (Cue("dropped", (0, 7), "act"),))
    hedged = StanceJudgement(ENTRY.slug, "open", 0.85, (Cue("considering", (0, 11), "act"),))
    march, may = dt.date(2024, 3, 5), dt.date(2024, 5, 5)
    items = [JudgedStatement(1, march, lisbon, veto), JudgedStatement(2, may, lisbon, dropped)]
    assert [p.stance for p in positions(items)] == ["open"]
    # an open that only hedges does not take the veto back
    items = [JudgedStatement(1, march, lisbon, veto), JudgedStatement(2, may, lisbon, hedged)]
    assert [p.stance for p in positions(items)] == ["opposes"]
