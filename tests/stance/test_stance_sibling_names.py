"""Sibling proposals that differ only in the country they name ("admit Cyprus", "admit
Ireland"): a statement about one country's case is not matched to the other's by meaning,
and a place given by a common noun may be named by its proper noun alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal
from factbox.stance.semantic import Similarity

CYPRUS = Proposal(
    "cyprus-schengen",
    "Admit Cyprus to the Schengen area",
    "Cyprus becomes a full member of the Schengen area",
    bodies=["eu-council"],
)
IRELAND = Proposal(
    "ireland-schengen",
    "Admit Ireland to the Schengen area",
    "Ireland becomes a full member of the Schengen area",
    bodies=["eu-council"],
)


@pytest.fixture(scope="module")
def siblings(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [CYPRUS, IRELAND])


def near(proposal: Proposal) -> Similarity:
    return Similarity(0.7, proposal.title)


@pytest.mark.parametrize(
    "text",
    [
        "Two governments said they would block Ireland's accession next week.",
        "The cabinet opposed full membership for Ireland.",
        "The ministers refused to admit Ireland before the summer.",
    ],
)
def test_another_country_where_the_named_one_would_go_is_its_own_case(
    nlp: Language, siblings: ProposalMatcher, text: str
) -> None:
    span = nlp(text)[:]
    assert siblings.match_similar(span, CYPRUS.slug, near(CYPRUS)) is None
    # the country it names keeps it, by its words or by meaning
    by_words = any(m.slug == IRELAND.slug for m in siblings.match(span))
    assert by_words or siblings.match_similar(span, IRELAND.slug, near(IRELAND)) is not None


def test_a_statement_naming_both_countries_stays_with_both(
    nlp: Language, siblings: ProposalMatcher
) -> None:
    span = nlp("Two governments said they would block the accession of Ireland and Cyprus.")[:]
    assert siblings.match_similar(span, CYPRUS.slug, near(CYPRUS)) is not None
    assert siblings.match_similar(span, IRELAND.slug, near(IRELAND)) is not None


def test_a_match_by_meaning_needs_the_named_country_near_it(
    nlp: Language, siblings: ProposalMatcher
) -> None:
    doc = nlp(
        "Cyprus hopes to end passport checks with its neighbours soon. "
        "Ministers will meet again on Friday. "
        "Such a step would help trade, the minister said."
    )
    last = list(doc.sents)[-1]
    assert siblings.match_similar(last, CYPRUS.slug, near(CYPRUS)) is not None
    assert siblings.match_similar(last, IRELAND.slug, near(IRELAND)) is None


def test_a_place_given_by_a_common_noun_may_be_named_by_its_proper_noun(
    nlp: Language, siblings: ProposalMatcher
) -> None:
    found = siblings.match(nlp("The admission of Cyprus to Schengen was delayed again.")[:])
    assert [m.slug for m in found] == [CYPRUS.slug]
    target = found[0].slot("target")
    assert target is not None and target.text == "Schengen"
