"""Stance on shapes of real reporting about what the proposal does and what follows it, in
sentences written for these tests: a decision named as the act (with a criticism of it
above), a benefit the proposal does, letting a text itself pass, a question of what would
follow a condition, verdicts on whether it works or happens, feelings, abstaining from a
text, and the deciding body's own act."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import DEBATES, MOTION, PACT, MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.positions import lets_pass
from factbox.stance.records import Proposal, StanceJudgement

MINISTER = Who("the minister", "FR", "France", "country")


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [*DEBATES, PACT])


def judged(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    slug: str,
    content: str | None = None,
    cue: str | None = None,
    kind: str | None = None,
) -> StanceJudgement:
    parsed = make_statement(text, content=content, cue=cue, speakers=(MINISTER,), kind=kind)
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert slug in found, f"{text!r} must match {slug}"
    return found[slug]


SHAPES = {
    # a benefit the proposal does argues for it; negated, against it
    "benefit": [
        # (main had this one and the third right by another way: "will", the negation)
        ("The nuclear accord will boost trade and strengthen security.", "keep-accord", "supports"),
        ("Leaving the European Union could strengthen our economy.", "leave-union", "supports"),
        ("The wall on the border will not help anyone.", "barrier", "opposes"),
        # the harm of the same shape still warns against it
        ("Leaving the European Union could weaken our economy.", "leave-union", "opposes"),
        # a verb with an object is no participle of the word "open"
        ("The nuclear accord will open doors to new markets.", "keep-accord", "supports"),
        # a stance word as a verb with an object is read as a harm, when it is one
        ("Leaving the European Union would risk our economy.", "leave-union", "opposes"),
        # with the proposal as its object, it is the holder's stance on it (a control)
        ("We will ban Syrian refugees from the state.", "refugees", "opposes"),
    ],
    # a question of what would follow a condition warns against the condition
    "question": [
        ("What will happen to our farmers if Britain leaves the European Union?", "leave-union",
         "opposes"),
        # the condition is the proposal's reverse: the warning is for it
        ("If Britain remains in the European Union, what will happen to our fishermen?",
         "leave-union", "supports"),
        ("What happens if the nuclear accord collapses?", "keep-accord", "supports"),
        ("Who will protect our jobs if the wall on the border is built?", "barrier", "opposes"),
        # a yes-or-no question asks, and takes no side
        ("If Britain leaves the European Union, will we be safer?", "leave-union", "unclear"),
    ],
    # a verdict that it does not work or will not happen
    # (the calibrate half's items read it as the speaker's opposition, not as a forecast
    # without a side)
    "verdict": [
        ("The sanctions on the kingdom are simply not working.", "new-sanctions", "opposes"),
        ("No wall on the border is going to fix that.", "barrier", "opposes"),
        ("Britain leaving the European Union will not happen.", "leave-union", "opposes"),
    ],
    # a feeling is the feeler's, about something else than the feeler
    "feeling": [
        # the proposal's own words are the one who feels: nothing said of it
        ("Syrian refugees are worried about the winter.", "refugees", "unclear"),
        ("Syrian refugees are disappointed and afraid.", "refugees", "unclear"),
        # a feeling about it, felt by someone else, is a stance on it
        ("We are worried that Britain will leave the European Union.", "leave-union", "opposes"),
        ("The minister is pleased that Britain is leaving the European Union.", "leave-union",
         "supports"),
    ],
    # abstaining "from" a text or a vote abstains in the vote
    "abstaining": [
        ("We will abstain from the trade deal with Norway.", "norway-deal", "open"),
        ("We will abstain from voting on the trade deal with Norway.", "norway-deal", "open"),
        # abstaining from doing it is not doing it
        ("We will abstain from sending troops to Ukraine.", "send-troops", "opposes"),
    ],
}


@pytest.mark.parametrize(
    ("text", "slug", "stance"),
    [
        pytest.param(*case, id=f"{shape}-{n}")
        for shape, cases in SHAPES.items()
        for n, case in enumerate(cases)
    ],
)
def test_the_stance_of_each_shape(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str, slug: str, stance: str
) -> None:
    assert judged(make_statement, matcher, text, slug).stance == stance


@pytest.mark.parametrize(
    ("text", "content", "slug", "stance"),
    [
        # what was decided is the holder's; the critics' words above the act are not read
        (
            "Critics keep criticising the government's decision to take in more Syrian refugees.",
            "to take in more Syrian refugees",
            "refugees",
            "supports",
        ),
        (
            "The government's decision to take in more Syrian refugees was criticised.",
            "to take in more Syrian refugees",
            "refugees",
            "supports",
        ),
        (
            "The government's decision not to take in Syrian refugees was criticised.",
            "not to take in Syrian refugees",
            "refugees",
            "opposes",
        ),
        # the decision to abstain, or to let the text itself pass, is open, not opposes
        (
            "Critics attacked the decision to abstain on the trade deal with Norway.",
            "to abstain on the trade deal with Norway",
            "norway-deal",
            "open",
        ),
        (
            "The decision to allow the trade deal with Norway to pass angered the critics.",
            "to allow the trade deal with Norway to pass",
            "norway-deal",
            "open",
        ),
    ],
)
def test_a_decision_named_as_the_act_is_the_holders(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    content: str,
    slug: str,
    stance: str,
) -> None:
    judgement = judged(make_statement, matcher, text, slug, content, "decision", "act")
    assert (judgement.stance, judgement.about) == (stance, "speaker")


@pytest.mark.parametrize(
    ("text", "slug", "stance", "passes"),
    [
        ("We will allow the trade deal with Norway to pass.", "norway-deal", "open", True),
        ("We will let the trade deal with Norway go through.", "norway-deal", "open", True),
        ("We will not allow the trade deal with Norway to pass.", "norway-deal", "opposes", False),
        ("They refused to allow the trade deal with Norway to pass.", "norway-deal", "opposes",
         False),
        # one's share judged bearable: accepted, a commitment as firm as a vote
        ("The number of Syrian refugees allotted to us is not large.", "refugees", "open", True),
        ("The number of Syrian refugees allotted to us is manageable.", "refugees", "open", True),
        ("The number of Syrian refugees allotted to us is not manageable.", "refugees", "opposes",
         False),
    ],
)
def test_letting_the_text_itself_pass_is_open(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    slug: str,
    stance: str,
    passes: bool,
) -> None:
    judgement = judged(make_statement, matcher, text, slug)
    assert (judgement.stance, judgement.about) == (stance, "speaker")
    assert (judgement.stance == "open" and lets_pass(judgement.cues)) is passes


def test_letting_others_do_it_is_still_theirs(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    text = "We allow allies to send troops to Ukraine."
    judgement = judged(make_statement, matcher, text, "send-troops")
    assert judgement.about == "others"


UNBOUND_MOTION = Proposal(MOTION.slug, MOTION.title, MOTION.description)
"""The same text with no ``bodies``: its description names the deciding organ."""


@pytest.mark.parametrize("motion", [MOTION, UNBOUND_MOTION], ids=["bodies", "named"])
@pytest.mark.parametrize(
    ("speaker", "judged_about_it"),
    [
        # the deciding body's act on its own text is the outcome, not the UN's position
        (Who("The Security Council", "UN", "United Nations", "organization"), False),
        # a member's act on the same text is its position
        (Who("France", "FR", "France", "country"), True),
    ],
)
def test_the_deciding_bodys_own_adoption_is_no_position(
    make_statement: MakeStatement,
    nlp: Language,
    motion: Proposal,
    speaker: Who,
    judged_about_it: bool,
) -> None:
    matcher = ProposalMatcher(nlp, [motion])
    text = f"{speaker.text} approved the UN resolution on harbour dredging."
    parsed = make_statement(
        text,
        content="the UN resolution on harbour dredging",
        cue="approved",
        speakers=(speaker,),
        kind="act",
    )
    found = judge_statement(parsed.doc, parsed.statement, matcher)
    assert any(j.proposal == "harbour-motion" for j in found) is judged_about_it
    if judged_about_it:
        assert found[0].stance == "supports"


def test_the_decision_to_abstain_from_a_text_is_open(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    text = "Critics slammed the government's decision to abstain from the trade deal with Norway."
    content = "to abstain from the trade deal with Norway"
    judgement = judged(make_statement, matcher, text, "norway-deal", content, "decision", "act")
    assert (judgement.stance, judgement.about) == ("open", "speaker")
