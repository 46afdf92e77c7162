"""Reports of a vote in a body, extracted and judged (the articles are written for these
tests): a proposal titled like a headline ("EU extra tariffs on imported solar panels"), the
members' votes on "the duties", "the new proposal" or "it", listed after a colon or a label,
abstentions with no object or from "the vote", a change of stance; and not votes on other
things (a non-binding earlier vote, a vote on another text)."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import plain_article
from spacy.language import Language

from factbox.extract.pipeline import extract_article
from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher, derive_slots
from factbox.stance.records import Proposal

DUTIES = Proposal(
    "panel-duties",
    "EU extra tariffs on imported solar panels",
    "The Commission's definitive duties on solar panels made abroad, put to a vote of the "
    "member states",
)
JOINING = Proposal(
    "norway-joins",
    "Norway's accession to the alliance",
    "Norway becoming a member of the alliance, which every existing member must approve and ratify",
)
DAY = dt.date(2025, 3, 7)
TITLE = "EU states back extra tariffs on imported solar panels"


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [DUTIES, JOINING])


def stances(
    nlp: Language, matcher: ProposalMatcher, body: str, slug: str = "panel-duties"
) -> dict[str, str]:
    """Each actor's stance on ``slug`` from the statements of ``body`` judged about it (the
    last statement of an actor decides)."""
    doc = nlp(body)
    found: dict[str, str] = {}
    for statement in extract_article(doc, plain_article(body, DAY)).statements:
        for judgement in judge_statement(doc, statement, matcher):
            if judgement.proposal != slug:
                continue
            for speaker in statement.speakers:
                if speaker.actor_id is not None:
                    found[speaker.actor_id] = judgement.stance
    return found


def test_a_headline_title_gives_its_noun_as_the_theme(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    slots = derive_slots(nlp, DUTIES, matcher.table)
    assert "tariff" in slots.theme.words and "duty" in slots.theme.words
    assert "eu" not in slots.theme.words
    assert "put" not in slots.action.words  # "put to a vote" describes the duties


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Austria, Estonia and Ireland voted in favour of the additional tariffs.",
            {"AT": "supports", "EE": "supports", "IE": "supports"},
        ),
        ("Malta and Slovakia voted against the duties.", {"MT": "opposes", "SK": "opposes"}),
        (
            "Seven countries backed the new proposal namely Poland, Denmark and Latvia.",
            {"PL": "supports", "DK": "supports", "LV": "supports"},
        ),
        (
            "Nine countries abstained: Portugal, Sweden and Romania.",
            {"PT": "open", "SE": "open", "RO": "open"},
        ),
        ("Portugal abstained from voting.", {"PT": "open"}),
        ("Sweden abstained from the Friday vote.", {"SE": "open"}),
        ("Slovakia has said it will vote against it.", {"SK": "opposes"}),
        (
            "Portugal also shifted its stance from supporting the duties to abstaining.",
            {"PT": "open"},
        ),
        ("The economy minister of Slovakia voiced opposition to the tariffs.", {"SK": "opposes"}),
    ],
)
def test_a_vote_on_the_measure_named_short_in_a_report_of_it(
    nlp: Language, matcher: ProposalMatcher, sentence: str, expected: dict[str, str]
) -> None:
    body = f"{TITLE}\n\nThe member states voted on Friday on the extra tariffs. {sentence}"
    found = stances(nlp, matcher, body)
    assert {actor: found.get(actor) for actor in expected} == expected


def test_label_lines_far_down_a_report_are_votes_on_its_measure(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    body = (
        f"{TITLE}\n\nThe Commission said the vote went its way.\n\nThe talks went on late.\n\n"
        "This is how the members voted, a diplomat said:\n\n"
        "In favour: Austria, Estonia, Ireland.\n\nAgainst: Malta, Slovakia.\n\n"
        "Abstain: Portugal, Sweden, Romania."
    )
    found = stances(nlp, matcher, body)
    assert {a: found.get(a) for a in ("AT", "EE", "IE", "MT", "SK", "PT", "SE", "RO")} == {
        "AT": "supports",
        "EE": "supports",
        "IE": "supports",
        "MT": "opposes",
        "SK": "opposes",
        "PT": "open",
        "SE": "open",
        "RO": "open",
    }


def test_an_abstention_from_a_vote_is_about_what_that_vote_was_on(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    body = (
        "Portugal sits out the vote\n\nPortugal has abstained from a vote in the EU on Friday "
        "about blocking the Commission's plans to impose higher tariffs on imported solar panels."
    )
    assert stances(nlp, matcher, body).get("PT") == "open"


@pytest.mark.parametrize(
    "sentence",
    [
        "Previously, Germany had abstained from a non-binding vote on these measures.",
        "Germany abstained from a vote on the fishing quotas.",
        "Germany voted against the fishing quotas.",
        "Germany voiced support for the farmers.",
    ],
)
def test_a_vote_on_another_thing_is_not_on_the_measure(
    nlp: Language, matcher: ProposalMatcher, sentence: str
) -> None:
    body = f"{TITLE}\n\nThe member states voted on Friday on the extra tariffs. {sentence}"
    assert "DE" not in stances(nlp, matcher, body)


def test_a_bare_abstention_in_an_article_about_nothing_voted_is_about_nothing(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    body = "Fishing talks end\n\nThe ministers met on Friday about fishing. Portugal abstained."
    assert "PT" not in stances(nlp, matcher, body)


@pytest.mark.parametrize(
    ("sentence", "actor", "stance"),
    [
        (
            "The US State Department also urged Ankara to formally finalize Norway's alliance "
            "ratification.",
            "US",
            "supports",
        ),
        (
            'The Dutch foreign minister said: "I look forward to the ratification."',
            "NL",
            "supports",
        ),
    ],
)
def test_a_step_of_joining_names_the_accession_again(
    nlp: Language, matcher: ProposalMatcher, sentence: str, actor: str, stance: str
) -> None:
    body = (
        "Norway's accession to the alliance nears\n\nTurkey's parliament approved Norway's "
        f"accession to the alliance on Tuesday. {sentence}"
    )
    assert stances(nlp, matcher, body, "norway-joins").get(actor) == stance
