"""Reports of a council's vote and of who sponsored its text, extracted and judged (the
sentences are written for these tests, in the shapes of reports of a Security Council
resolution): each member a count of votes in favour stands for supports the text while the
member the sentence names as abstaining is open."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import plain_article
from spacy.language import Language

from factbox.extract.pipeline import extract_article
from factbox.rules.bodies import load_body
from factbox.rules.membership import members_as_of
from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal

TRUCE = Proposal(
    "harbour-truce",
    "UN Security Council demand for a truce in the harbour",
    "Sweden and Peru's draft resolution demanding an immediate truce in the harbour and the "
    "release of all detained sailors",
)
DAY = dt.date(2017, 3, 10)
"""A day the council's membership is known for; Sweden sat on it then."""


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [TRUCE])


def stances(nlp: Language, matcher: ProposalMatcher, body: str) -> dict[str, str]:
    """Each actor's stance on the truce from the statements of ``body`` judged about it (the
    last statement of an actor decides)."""
    doc = nlp(body)
    found: dict[str, str] = {}
    for statement in extract_article(doc, plain_article(body, DAY)).statements:
        for judgement in judge_statement(doc, statement, matcher):
            for speaker in statement.speakers:
                if speaker.actor_id is not None:
                    found[speaker.actor_id] = judgement.stance
    return found


@pytest.mark.parametrize(
    "body",
    [
        "The Security Council voted on the truce in the harbour on Monday. The resolution was "
        "supported by 14 members, while Sweden abstained, making it the first truce resolution "
        "adopted by the council in years.",
        "The Security Council voted on the truce in the harbour on Monday. All the 14 members "
        "of the Security Council voted in favour of the resolution, except for Sweden, which "
        "abstained from voting.",
    ],
)
def test_a_count_in_favour_supports_and_the_member_named_abstaining_is_open(
    nlp: Language, matcher: ProposalMatcher, body: str
) -> None:
    found = stances(nlp, matcher, body)
    others = set(members_as_of(load_body("unsc"), DAY)) - {"SE"}
    assert found.get("SE") == "open"
    assert {found.get(member) for member in others} == {"supports"}


@pytest.mark.parametrize(
    ("body", "sponsors"),
    [
        # (a text "drafted by" a state the proposal does not name is another sponsor's text:
        # stance/matching.py)
        (
            "The vote on the resolution, driven in part by Sweden, a member of the council, is "
            "set for Monday.",
            {"SE"},
        ),
        (
            "The resolution, drafted by Sweden and Peru, was put to a vote in the council on "
            "Monday.",
            {"SE", "PE"},
        ),
        # the sponsors back the text whatever another member did with it
        ("Russia vetoed the resolution drafted by Sweden and Peru.", {"SE", "PE"}),
    ],
)
def test_a_sponsor_named_in_a_participle_of_the_text_supports_it(
    nlp: Language, matcher: ProposalMatcher, body: str, sponsors: set[str]
) -> None:
    found = stances(nlp, matcher, body)
    assert {found.get(sponsor) for sponsor in sponsors} == {"supports"}
    assert found.get("RU") in (None, "opposes")


def test_a_participle_of_something_else_than_a_text_names_no_sponsor(nlp: Language) -> None:
    body = "The convoy, driven by Swedish soldiers, reached the harbour."
    doc = nlp(body)
    statements = extract_article(doc, plain_article(body, DAY)).statements
    assert not [s for s in statements if s.cue == "driven"]
