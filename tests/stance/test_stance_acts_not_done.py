"""Acts a report tells as not done, and sides of a vote taken, read end to end from
extraction (the sentences are written for these tests): an act still to come ("the only
member yet to ratify it", "has not yet ratified it") holds it back (open), neither the act
nor its refusal; an act under a noun that says it was not done ("Ruritania's refusal to
back it", "Ruritania's failure to block it") is no act of the noun's holder; "sided with the
majority" after the vote that passed the text is a vote for it; talks on it ("invited him
for negotiations on the accession") take no side."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import MOTION, stances_by_actor

from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal

DAY = dt.date(2024, 1, 10)
ACCESSION = Proposal(
    "accession",
    "Freedonia's accession to the alliance",
    "Freedonia becoming a member of the alliance, which every member must ratify",
    bodies=["nato"],
)
RELOCATION = Proposal(
    "relocation",
    "Relocate 90,000 migrants across the EU",
    "Mandatory quotas to distribute 90,000 migrants among EU member states",
    bodies=["eu-council"],
)


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [ACCESSION, MOTION, RELOCATION])


def stances(nlp: Language, matcher: ProposalMatcher, text: str, slug: str) -> dict[str, str]:
    """Each speaker's actor of a statement about ``slug`` -> its own stance (the last)."""
    return stances_by_actor(nlp, matcher, text, slug, DAY)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Hungary remains the only member yet to ratify Freedonia's accession.", "open"),
        ("Hungary has yet to approve Freedonia's accession.", "open"),
        ("Hungary has not yet ratified Freedonia's accession.", "open"),
        # done, or refused outright, as before
        ("Hungary ratified Freedonia's accession.", "supports"),
        ("Hungary has not ratified Freedonia's accession.", "opposes"),
    ],
)
def test_an_act_still_to_come_holds_the_proposal_back(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert stances(nlp, matcher, text, "accession") == {"HU": stance}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a refusing noun: the act refused
        ("Russia's refusal to back the resolution angered the council.", "opposes"),
        # a holding-back noun: the act held back, neither done nor refused
        ("Washington's failure to block the resolution was a surprise.", "open"),
        ("China's reluctance to back the resolution was noted.", "open"),
        # a noun that does not hold it back keeps the act
        ("Britain's decision to back the resolution was welcomed.", "supports"),
    ],
)
def test_an_act_under_a_noun_that_says_it_was_not_done(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    found = stances(nlp, matcher, text, "harbour-motion")
    assert found and set(found.values()) == {stance}, found


def test_siding_with_the_majority_after_the_vote_is_a_vote_for_it(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = (
        "EU governments on Tuesday approved a plan to relocate 90,000 migrants across the "
        "continent. Latvia, which had been opposed to quotas, sided with the majority."
    )
    assert stances(nlp, matcher, text, "relocation").get("LV") == "supports"
    # with no vote named before, the majority is of nothing
    assert "LV" not in stances(nlp, matcher, "Latvia sided with the majority.", "relocation")
    # the side alone is near no proposal: it is chosen for parsing with the sentences
    # before it, as "the draft" is; a longer content names its own topic
    assert matcher.may_refer_back("the majority")
    assert not matcher.may_refer_back("the majority of voters think the tax is too high")


@pytest.mark.parametrize(
    "text",
    [
        "Orban said he sent a letter to his Freedonian counterpart inviting him for "
        "negotiations on Freedonia's accession.",
        "Hungary called for negotiations on Freedonia's accession.",
    ],
)
def test_talks_on_the_proposal_take_no_side(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    found = stances(nlp, matcher, text, "accession")
    assert set(found.values()) <= {"unclear"}, found


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Hungary will agree to Freedonia's accession next month.", "supports"),
        ("Hungary did not agree to Freedonia's accession.", "opposes"),
    ],
)
def test_agreeing_to_it_is_an_act_for_it(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert stances(nlp, matcher, text, "accession") == {"HU": stance}
