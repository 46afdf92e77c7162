"""The speaker's own word on the proposal two sentences after it, in one quote (sentences
written for this test): "Montenegro is ready to join. I am convinced its time will come.
We will support it." The first-person stance over a pronoun that points back decides, as
it does in the sentence right after; three sentences on, it does not."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import MONTENEGRO_ENTRY, stances_by_actor

from factbox.stance.matching import ProposalMatcher

DAY = dt.date(2024, 3, 5)
ENTRY = MONTENEGRO_ENTRY


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [ENTRY])


def czech_stance(nlp: Language, matcher: ProposalMatcher, text: str) -> str | None:
    return stances_by_actor(nlp, matcher, text, ENTRY.slug, DAY).get("CZ")


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
