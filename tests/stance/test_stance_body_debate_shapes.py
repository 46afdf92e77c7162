"""Stance on shapes of reporting on texts that international bodies decide on (the
sentences are written for these tests): the proposal's own description is no stance of the
speaker's ("the resolution *against* the settlements is balanced"), agreeing with one's own
position, a negative act that stops ("will no longer block"), the proposal failing ("will not
falter"), a hope over a possibility and a schedule with "can", and what was done with an
earlier text."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import MOTION, PACT, MakeStatement, Who

from factbox.stance.classify import (
    classify,
    judge_statement,
    spoken_by_the_proposal,
    statement_span,
)
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import MatchEvidence, ProposalMatch, StanceJudgement

CHILE = Who("the ambassador", "CL", "Chile", "country")


@pytest.fixture(scope="module")
def bodies(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [MOTION, PACT])


def judged(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    slug: str,
    speaker: Who = CHILE,
    cue: str = "said",
    kind: str | None = None,
    said_on: dt.date = dt.date(2016, 12, 22),
) -> StanceJudgement | None:
    content = text.split(", the ambassador said")[0] if ", the ambassador" in text else text
    parsed = make_statement(
        text, content=content, cue=cue, speakers=(speaker,), kind=kind, said_on=said_on
    )
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    return found.get(slug)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "The UN resolution is fair and matches Chile's position, the ambassador said.",
            "supports",
        ),
        ("This UN resolution conforms to our policy, the ambassador said.", "supports"),
        (
            "The UN resolution is in line with our long-held policy, the ambassador said.",
            "supports",
        ),
        ("The UN resolution does not match our position, the ambassador said.", "opposes"),
    ],
)
def test_agreeing_with_ones_own_position(
    make_statement: MakeStatement, bodies: ProposalMatcher, text: str, stance: str
) -> None:
    found = judged(make_statement, bodies, text, "harbour-motion")
    assert found is not None and found.stance == stance


def test_agreeing_with_someone_elses_position_takes_no_side(
    make_statement: MakeStatement, bodies: ProposalMatcher
) -> None:
    text = "The UN resolution matches Peru's position, the ambassador said."
    found = judged(make_statement, bodies, text, "harbour-motion")
    assert found is not None and found.stance == "unclear"


@pytest.mark.parametrize(
    ("slug", "text", "stance"),
    [
        # the text's own preposition or participle describes it, whatever it is against
        (
            "harbour-motion",
            "The draft UN resolution against the dredging is balanced, the ambassador said.",
            "supports",
        ),
        (
            "harbour-motion",
            "The draft UN resolution against the dredging is a mistake, the ambassador said.",
            "opposes",
        ),
        (
            "harbour-motion",
            "We support the draft UN resolution against the dredging, the ambassador said.",
            "supports",
        ),
        # a negative act that stops is not standing in the way: open (guideline 6)
        (
            "norway-deal",
            "They would no longer block the trade deal with Norway, the ambassador said.",
            "open",
        ),
        (
            "norway-deal",
            "They will not block the trade deal with Norway any more, the ambassador said.",
            "open",
        ),
        (
            "norway-deal",
            "They would block the trade deal with Norway, the ambassador said.",
            "opposes",
        ),
        # the proposal failing: negated, confidence that it happens; else a forecast
        (
            "norway-deal",
            "The trade deal with Norway will not falter, the ambassador said.",
            "supports",
        ),
        (
            "norway-deal",
            "I don't think the trade deal with Norway can fail, the ambassador said.",
            "supports",
        ),
        (
            "norway-deal",
            "The trade deal with Norway could collapse, the ambassador said.",
            "unclear",
        ),
        # a hope over a possibility is support, a doubt takes no side
        (
            "norway-deal",
            "She is very optimistic that the trade deal can be signed in time, the "
            "ambassador said.",
            "supports",
        ),
        (
            "norway-deal",
            "She is not sure that the trade deal can be signed, the ambassador said.",
            "unclear",
        ),
        # "can" with a time to come plans it; without one it only keeps it possible
        (
            "norway-deal",
            "The trade deal with Norway can be signed next week, the ambassador said.",
            "supports",
        ),
        ("norway-deal", "We can sign the trade deal with Norway, the ambassador said.", "open"),
        # limits set to it accept it only with conditions
        (
            "norway-deal",
            "He has sought to spell out limits to the trade deal with Norway, the ambassador said.",
            "open",
        ),
        # being unable to back it is not backing it
        (
            "norway-deal",
            "He told the council of his government's inability to back the trade deal with Norway,"
            " the ambassador said.",
            "opposes",
        ),
        (
            "norway-deal",
            "We are unable to sign the trade deal with Norway, the ambassador said.",
            "opposes",
        ),
    ],
)
def test_the_speakers_own_stance_on_shapes_of_body_debates(
    make_statement: MakeStatement, bodies: ProposalMatcher, slug: str, text: str, stance: str
) -> None:
    """The proposal's own description is no stance cue; a negative act that stops, the
    proposal failing, hoping, scheduling and limits read as the guidelines say."""
    found = judged(make_statement, bodies, text, slug)
    assert found is not None
    assert (found.stance, found.about) == (stance, "speaker")


@pytest.mark.parametrize(
    ("text", "about_it"),
    [
        ("In 2011 Chile vetoed a UN resolution demanding a halt to the dredging.", False),
        ("Previous UN resolutions on the dredging were vetoed by Chile.", False),
        ("On Friday Chile vetoed a UN resolution demanding a halt to the dredging.", True),
    ],
)
def test_what_was_done_with_an_earlier_text_is_not_about_this_one(
    make_statement: MakeStatement, bodies: ProposalMatcher, text: str, about_it: bool
) -> None:
    cue = "vetoed" if "vetoed a" in text else "were vetoed"
    content = text[text.index(" a UN") + 1 : -1] if "vetoed a" in text else text.split(" were")[0]
    parsed = make_statement(
        text,
        content=content,
        cue=cue,
        speakers=(CHILE,),
        kind="act",
        said_on=dt.date(2016, 12, 22),
    )
    found = {j.proposal for j in judge_statement(parsed.doc, parsed.statement, bodies)}
    assert ("harbour-motion" in found) == about_it


def test_the_text_itself_as_a_speaker_holds_no_stance_on_itself(
    make_statement: MakeStatement, bodies: ProposalMatcher
) -> None:
    text = (
        "A UN resolution condemning the dredging and the decision to allow the UN resolution "
        "to pass was assailed."
    )
    parsed = make_statement(
        text,
        content="the dredging and the decision to allow the UN resolution to pass",
        cue="condemning",
        speakers=(Who("A UN resolution", "UN", "United Nations", "organisation"),),
    )
    found = {j.proposal for j in judge_statement(parsed.doc, parsed.statement, bodies)}
    assert "harbour-motion" not in found


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (
            "We have long asked the UN council to do more on the harbour, and the position we "
            "adopted today is in line with our long-held policy on this issue, the ambassador "
            "said.",
            "supports",
        ),
        (
            "We have long asked the UN council to do more on the harbour, and the position "
            "they adopted is in line with their policy on this issue, the ambassador said.",
            "unclear",
        ),
    ],
)
def test_ones_own_position_in_line_with_ones_policy(
    make_statement: MakeStatement, nlp: Language, text: str, stance: str
) -> None:
    """Matched to the proposal (the paragraph names it), a statement that says of the
    speaker's own position only that it agrees with the speaker's policy supports it."""
    parsed = make_statement(text, text.split(", the ambassador")[0], "said", (CHILE,))
    span = statement_span(parsed.doc, parsed.statement)
    assert span is not None
    start = text.index("this issue")
    match = ProposalMatch(
        "harbour-motion", 0.6, (MatchEvidence("theme", "this issue", (start, start + 10)),)
    )
    assert classify(span, match, parsed.statement).stance == stance


def test_a_speaker_who_names_the_text_in_a_clause_is_still_a_speaker(
    make_statement: MakeStatement, bodies: ProposalMatcher
) -> None:
    envoys = "Two envoys, both of whom backed the UN resolution on the harbour dredging"
    parsed = make_statement(
        f"{envoys}, opposed it.",
        content="it",
        cue="opposed",
        speakers=(Who(envoys),),
        kind="act",
    )
    match = ProposalMatch("harbour-motion", 0.5, (MatchEvidence("theme", "it", (0, 0)),))
    assert not spoken_by_the_proposal(parsed.doc, parsed.statement, match, bodies)
