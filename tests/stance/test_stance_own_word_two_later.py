"""The speaker's own word on the proposal two sentences after it, in one quote (sentences
written for this test): "Montenegro is ready to join. I am convinced its time will come.
We will support it." The first-person stance over a pronoun that points back decides, as
it does in the sentence right after; three sentences on, it does not."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import plain_article

from factbox.extract import extract_article
from factbox.ingesting import judge
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal

DAY = dt.date(2024, 3, 5)
ENTRY = Proposal(
    "montenegro-schengen",
    "Admit Montenegro to the Schengen area",
    "Montenegro becomes a full member of the Schengen area",
    bodies=["eu-council"],
)


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [ENTRY])


def czech_stance(nlp: Language, matcher: ProposalMatcher, text: str) -> str | None:
    doc = nlp(text)
    found = None
    for statement in extract_article(doc, plain_article(text, DAY)).statements:
        for item in judge(doc, statement, matcher):
            if item.judgement.about == "speaker" and any(
                s.actor_id == "CZ" for s in statement.speakers
            ):
                found = item.judgement.stance
    return found


def test_we_will_support_it_two_sentences_on_decides(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = (
        'The Czech minister said: "Montenegro is ready to join Schengen. I am convinced its '
        'time will come soon. We will support it on this priority."'
    )
    assert czech_stance(nlp, matcher, text) == "supports"


def test_three_sentences_on_is_too_far(nlp: Language, matcher: ProposalMatcher) -> None:
    text = (
        'The Czech minister said: "Montenegro is ready to join Schengen. I am convinced its '
        'time will come soon. The talks were long. We will support it on this priority."'
    )
    assert czech_stance(nlp, matcher, text) != "supports"
