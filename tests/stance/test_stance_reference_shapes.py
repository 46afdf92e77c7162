"""Statements that name the proposal only by pointing back at it or by a word for anything,
in sentences written for these tests after shapes found in real reporting (the February 2024
debate on sending troops to Ukraine; PolNeAR has the same shapes: "ruled out such a move",
"in that case", "its position on the issue: ..."):

- a referring phrase followed by the list of who said it ("ruled out such an opportunity:
  the Czech prime minister, ...");
- "in this case": the proposal is the condition, the clause says what would follow;
- the armed forces named as "the military" or "the army";
- a word that stands for anything ("we are not ruling out different things", "nothing can
  be taken off the table") in a statement close in meaning to the proposal;
- a position stated on the proposal and given after a colon.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import MakeStatement, Who

from factbox.ingesting import judge
from factbox.records import StatementKind
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import ProposalMatch, StanceJudgement
from factbox.stance.semantic import Similarity

SLUG = "troops-to-ukraine"
CLOSE = {SLUG: Similarity(0.6, "Send troops to Ukraine")}
SPOKESMAN = Who("the spokesman", "RU", "Russia", "country")
LEADERS = (
    Who("the Czech prime minister", "CZ", "Czechia", "country"),
    Who("the Swedish prime minister", "SE", "Sweden", "country"),
)


def judged(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    content: str,
    cue: str,
    speakers: tuple[Who, ...] = (SPOKESMAN,),
    kind: StatementKind | None = None,
    near: bool = False,
) -> tuple[ProposalMatch, StanceJudgement]:
    """The one proposal the statement is about, as ``factbox.ingesting.judge`` finds it;
    ``near``: its vector is close to the proposal's (else words alone)."""
    parsed = make_statement(text, content, cue, speakers, kind=kind)
    found = judge(parsed.doc, parsed.statement, matcher, CLOSE if near else None)
    assert len(found) == 1, "the statement must match the proposal once"
    return found[0].match, found[0].judgement


def test_a_referring_phrase_before_the_list_of_who_said_it_refers_back(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    text = (
        "The Dutch premier said sending troops to Ukraine was not on the agenda. The following"
        " leaders also ruled out such an opportunity: the Czech prime minister, the Swedish"
        " prime minister."
    )
    match, judgement = judged(
        make_statement, matcher, text, "such an opportunity", "also ruled out", LEADERS, "act"
    )
    assert [e.slot for e in match.evidence][:2] == ["theme", "antecedent"]
    assert match.evidence[0].text == "such an opportunity"
    assert (judgement.stance, judgement.about) == ("opposes", "speaker")


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        # what would follow is a war: a warning against it
        ("In this case, a war with the alliance would be unavoidable", "opposes"),
        # "need" says what would have to follow, not that the speaker wants it
        ("In that case, we will need to talk about the certainty of a conflict", "opposes"),
    ],
)
def test_in_this_case_makes_the_proposal_a_condition(
    make_statement: MakeStatement, matcher: ProposalMatcher, sentence: str, stance: str
) -> None:
    text = f"Paris has floated sending troops to Ukraine. {sentence}, the spokesman said."
    match, judgement = judged(make_statement, matcher, text, sentence, "said")
    assert match.evidence[0].text in ("this case", "that case")
    assert judgement.stance == stance
    assert any(cue.role == "consequence" for cue in judgement.cues)


def test_without_a_case_to_refer_to_the_same_clause_is_not_about_the_proposal(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    text = "Prices rose again. In this case, a war would be unavoidable, the spokesman said."
    parsed = make_statement(text, "In this case, a war would be unavoidable", "said")
    assert judge(parsed.doc, parsed.statement, matcher) == []


def test_the_military_is_troops_but_military_aid_is_not(
    make_statement: MakeStatement, matcher: ProposalMatcher, nlp: Language
) -> None:
    text = "Slovakia will not send the Slovak military to Ukraine, the spokesman said."
    match, judgement = judged(
        make_statement, matcher, text, "Slovakia will not send the Slovak military to Ukraine",
        "said",
    )
    assert match.slot("theme") is not None and match.slot("theme").text == "military"
    assert judgement.stance == "opposes"
    assert matcher.match(nlp("Germany will send more military aid to Ukraine.")) == []
    # an adjective: the effort is the thing, even when close in meaning to the proposal
    effort = nlp("Both governments should concentrate on supporting Ukraine's military effort.")
    found = matcher.match_similar(effort[:], SLUG, CLOSE[SLUG])
    assert found is None or found.evidence[0].text != "military"


@pytest.mark.parametrize(
    ("text", "content", "stance"),
    [
        (
            "These are the signals we are sending to Moscow, that we are not ruling out"
            " different things, the spokesman said.",
            "These are the signals we are sending to Moscow, that we are not ruling out"
            " different things",
            "open",
        ),
        (
            "Nothing can be taken off the table, no option can be rejected out of hand, the"
            " spokesman said.",
            "Nothing can be taken off the table, no option can be rejected out of hand",
            "open",
        ),
    ],
)
def test_a_word_for_anything_carries_the_stance_of_a_statement_near_the_proposal(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str, content: str, stance: str
) -> None:
    parsed = make_statement(text, content, "said", (SPOKESMAN,))
    assert judge(parsed.doc, parsed.statement, matcher, {}) == []  # no words of the proposal
    match, judgement = judged(make_statement, matcher, text, content, "said", near=True)
    assert match.slot("similarity") is not None
    assert match.evidence[0].text != "hand"  # an idiom's noun is no action of the proposal
    assert (judgement.stance, judgement.about) == (stance, "speaker")


def test_a_position_given_after_a_colon_is_the_stance_on_what_it_refers_to(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    text = (
        "Hungary does not want to send soldiers to Ukraine. The spokesman said: \"Our country"
        " has already stated its position on this issue: we do not agree.\""
    )
    content = "Our country has already stated its position on this issue: we do not agree."
    match, judgement = judged(make_statement, matcher, text, content, "said")
    assert match.evidence[0].text == "this issue"
    assert (judgement.stance, judgement.about) == ("opposes", "speaker")


def test_the_clause_a_cue_hangs_on_is_someone_elses(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    """Another speaker's verb above the cue's clause frames nothing of the statement."""
    minister = Who("the French minister", "FR", "France", "country")
    text = (
        "The spokesman denied that American troops could be sent, as the French minister"
        " had suggested Western troops could be sent to Ukraine."
    )
    match, judgement = judged(
        make_statement, matcher, text, "Western troops could be sent to Ukraine",
        "had suggested", (minister,),
    )
    assert match.slot("theme") is not None
    assert judgement.stance == "open"
    assert all(cue.text != "denied" for cue in judgement.cues)


def test_a_referring_phrase_among_listed_examples_does_not_point_back(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    # "those issues" is one of the examples of "conditions" ("premature to call for a vote,
    # because there are other qualifications that need to be met, including democratisation
    # and some of those issues"), not the proposal named before
    text = (
        "Allies discussed sending troops to Ukraine. The president said it was premature to "
        "decide, because there are other conditions that need to be met, including reforms "
        "and some of those issues."
    )
    doc = nlp(text)
    second = list(doc.sents)[1]
    assert matcher.match_in_context(second) == []


def test_a_referring_phrase_outside_a_list_of_examples_still_points_back(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    text = (
        "Allies discussed sending troops to Ukraine. The president said such a step would "
        "need other conditions, including reforms."
    )
    second = list(nlp(text).sents)[1]
    found = matcher.match_in_context(second)
    assert [m.slug for m in found] == [SLUG]
    assert found[0].evidence[0].text == "such a step"
