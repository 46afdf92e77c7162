"""A refusal limited to a time or an occasion (the guidelines' rule 2), in sentences written
for these tests: "not now", "not yet", "not at this summit", "not in <the city of a meeting>",
"not while the war goes on", "not this year", "premature" are a condition (open); a refusal
without such a limit, or one dated in the past, still opposes.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_stance_state_joining import JOIN, _stance

from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [JOIN])


@pytest.mark.parametrize(
    "text",
    [
        "The allies will not invite Moldova at this summit.",
        "Alliance leaders would not issue a formal invitation to Moldova in Riga.",
        "The allies will not invite Moldova for now.",
        "Moldova's membership is not a matter for now, the minister said.",
        "Alliance leaders would not issue an invitation to Moldova in Riga.",
        "Moldova will not join NATO while the conflict goes on.",
        "No invitation to Moldova will be issued at the summit.",
        "The alliance has not yet invited Moldova.",
        "It is premature to invite Moldova, the minister said.",
    ],
)
def test_a_refusal_limited_to_a_time_or_an_occasion_is_open(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert _stance(nlp, matcher, text) == "open"


@pytest.mark.parametrize(
    "text",
    [
        "The allies will not invite Moldova.",
        "The allies will never invite Moldova.",
        "No invitation to Moldova will be issued.",
        # a place of the proposal's own is no occasion
        "Moldova cannot join NATO, said the minister in Chisinau.",
    ],
)
def test_a_refusal_without_a_limit_opposes(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert _stance(nlp, matcher, text) == "opposes"


def test_a_time_word_of_the_judgement_above_is_no_limit_of_the_refusal(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = "It is now more urgent than ever that a vote on Moldova's membership must not happen."
    assert _stance(nlp, matcher, text) == "opposes"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("There is still no date for Moldova's membership, which is unacceptable.", "supports"),
        ("The allies will not invite Moldova, which is a mistake.", "supports"),
        ("The allies will not invite Moldova, which is wise.", "opposes"),
    ],
)
def test_a_relative_that_judges_the_whole_refusal_composes_over_it(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert _stance(nlp, matcher, text) == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Berlin is prepared to veto Moldova's membership.", "opposes"),
        ("Berlin is prepared to block Moldova's membership.", "opposes"),
        ("Berlin is ready to invite Moldova.", "open"),
    ],
)
def test_readiness_keeps_an_act_against_it(
    nlp: Language, matcher: ProposalMatcher, text: str, stance: str
) -> None:
    assert _stance(nlp, matcher, text) == stance


UKRAINE = Proposal(
    "ukraine-nato",
    "Invite Ukraine to join NATO",
    "NATO invites Ukraine to become a member of the alliance",
    bodies=["nato"],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some capitals are ready to thwart Volodymyr Zelenskyy's attempts to join.", True),
        ("Some capitals are ready to thwart Olaf Scholz's attempts to join.", False),
    ],
)
def test_a_leaders_attempts_to_join_are_the_joining_of_the_state_he_leads(
    nlp: Language, text: str, expected: bool
) -> None:
    found = ProposalMatcher(nlp, [UKRAINE]).match(nlp(text))
    assert bool(found) == expected


def test_a_mention_that_only_corrects_does_not_decide_the_next_sentence(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = (
        "Let me be clear: the text was about the summit's wording, not about Moldova's "
        "membership. It is absurd that there is no timeframe for the Moldova membership."
    )
    assert _stance(nlp, matcher, text) == "supports"


def test_a_circumstance_of_the_joining_is_no_judgement_of_it(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = "Berlin is prepared to block Moldova's bid to join amid fears of a wider war."
    assert _stance(nlp, matcher, text) == "opposes"
