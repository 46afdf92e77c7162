"""Stance on the sentence shapes of real reporting, in sentences written for these tests:
contrast and concession, negation inside an appositive or quoted clause, reactions to
someone's remarks, conditions, demands and criticism of those who hold back, abstaining,
and stance acts (statements of kind ``act``, whose cue carries the stance)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

import pytest
from stance_support import MakeStatement, Who

from factbox.records import StatementKind
from factbox.stance.classify import classify, judge_statement, statement_span
from factbox.stance.lexicon import parse_acts
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import StanceJudgement

MINISTER = Who("the minister", "DE", "Germany", "country")
MACRON = Who("Macron", "FR", "France", "country", name="Emmanuel Macron")


@dataclass(frozen=True)
class Case:
    text: str
    content: str
    stance: str
    about: str = "speaker"
    cue: str | None = "said"
    speaker: Who = MINISTER
    kind: StatementKind | None = None


def judge(make_statement: MakeStatement, matcher: ProposalMatcher, case: Case) -> StanceJudgement:
    parsed = make_statement(case.text, case.content, case.cue, (case.speaker,), kind=case.kind)
    judgements = judge_statement(parsed.doc, parsed.statement, matcher)
    assert len(judgements) == 1, "the statement must match the proposal once"
    for cue in judgements[0].cues:
        assert case.text[cue.span[0] : cue.span[1]] == cue.text
    return judgements[0]


def said(text: str, stance: str, about: str = "speaker", speaker: Who = MINISTER) -> Case:
    """``text`` said by the minister: "<text>, the minister said." """
    return Case(f"{text}, the minister said.", text, stance, about, speaker=speaker)


def act(text: str, cue: str, content: str, stance: str) -> Case:
    return Case(text, content, stance, cue=cue, kind="act")


SHAPES = {
    "contrast": [
        # the speaker's own refusal decides; what it lets others do is theirs
        said("We will not do it ourselves, but we respect allies who decide to send soldiers"
             " to Ukraine", "opposes"),
        said("Although some allies may send troops to Ukraine, we will not take part",
             "opposes"),
        said("Some allies may send troops to Ukraine, but we will not join them", "opposes"),
        said("We respect allies who decide to send soldiers to Ukraine", "supports", "others"),
        said("We will allow allies to send troops to Ukraine", "unclear", "others"),
        said("We will not allow allies to send troops to Ukraine", "opposes"),
        # a concessive clause is not governed by its main clause
        said("Although Germany is against sending troops to Ukraine, it will not block a"
             " decision of the alliance", "opposes"),
    ],
    "appositive": [
        said("The earlier agreement still holds, that is, no soldiers will be sent to Ukraine",
             "opposes"),
        said("What was agreed still applies, namely that there will be no ground troops in"
             " Ukraine", "opposes"),
        said("The rule we agreed, no Western soldiers on Ukrainian soil, still stands",
             "opposes"),
        # a discussion reported keeps what was said in it; "no ..., no ..." is one negation
        said("It was discussed that what we agreed at the start also holds for the future,"
             " namely that there will be no ground troops, no soldiers in Ukraine sent by"
             " European states", "opposes"),
        Case("He said the participants had agreed \"that there will be no ground troops, no"
             " soldiers on Ukrainian soil who are sent there by European states.\"",
             "the participants had agreed \"that there will be no ground troops, no soldiers"
             " on Ukrainian soil who are sent there by European states.\"", "opposes"),
        said("There will be no ground troops and soldiers in Ukraine sent from European"
             " states", "opposes"),
        # the negation inside a quoted phrase hangs on its preposition
        Case("The premier said the issue of sending troops to Ukraine was \"not on the"
             " agenda.\"", "the issue of sending troops to Ukraine was \"not on the agenda.\"",
             "opposes"),
    ],
    "undecided": [
        said("The bloc has not made a decision on the dispatch of troops to Ukraine",
             "unclear"),
        said("There is no consensus to send troops to Ukraine", "unclear"),
        # a verb against it, negated, over the decision: not standing in its way (rule 6),
        # where "has not made a decision" is a decision not yet taken
        said("We will not oppose the alliance's decision to send troops to Ukraine", "open"),
        said("We will not block the decision to send troops to Ukraine", "open"),
        said("We have not taken a decision to send troops to Ukraine", "unclear"),
        said("There is no consensus today to send troops to Ukraine. But nothing can be"
             " ruled out", "open"),
        said("There is no agreement on sending troops to Ukraine. But we exclude nothing",
             "open"),
        # adverbs between "to" and its verb: the parser joins the verb to "there is" instead
        said("There is no consensus today to officially, openly, and with endorsement, send"
             " troops to Ukraine", "unclear"),
        said("There is no consensus today to officially, openly, and with endorsement, send"
             " troops to Ukraine. But in terms of dynamics, nothing should be ruled out",
             "open"),
        Case("The minister declined to provide details about which nations were considering"
             " sending troops to Ukraine.", "to provide details about which nations were"
             " considering sending troops to Ukraine", "unclear", cue="declined"),
    ],
    "reaction": [
        # the reactors' stance, never the author's of the remarks
        Case("His comments on sending troops to Ukraine met with opposition from Berlin.",
             "His comments on sending troops to Ukraine met with opposition from Berlin",
             "opposes", "others", cue=None, speaker=MACRON),
        Case("Macron's remarks about possibly sending troops to Ukraine drew sharp criticism.",
             "Macron's remarks about possibly sending troops to Ukraine drew sharp criticism",
             "unclear", cue=None, speaker=MACRON),
        # a statement whose cue is the remark: what is said of the remark is no part of it
        Case("Macron's comments on sending troops to Ukraine were criticised by Berlin.",
             "on sending troops to Ukraine", "unclear", cue="comments", speaker=MACRON),
        # passive reaction: the reacted-to keeps their own stance
        said("After it refused to rule out sending troops to Ukraine, the government was"
             " criticised by the opposition", "open"),
    ],
    "listed under": [
        # a noun the proposal is listed under is its set, not a judgement of it
        said("His remarks about the war, including the possibility of sending troops to"
             " Ukraine, were carefully thought through", "open"),
    ],
    "told by another": [
        # a view the speaker reports someone else saying is the teller's, not the speaker's
        said("Russia says that sending troops to Ukraine would be a dangerous escalation",
             "opposes", "others"),
        said("Sending troops to Ukraine would be a dangerous escalation", "opposes"),
    ],
    "condition": [
        said("We would send troops to Ukraine only if the alliance decides so", "open"),
        said("Only if the alliance decides would we send soldiers to Ukraine", "open"),
        said("We will not send soldiers to Ukraine unless the alliance as a whole decides to",
             "open"),
        said("Troops could go to Ukraine only under a NATO flag", "open"),
    ],
    "demand": [
        said("Stop hesitating and send troops to Ukraine", "supports"),
        said("Send troops to Ukraine now", "supports"),
        said("Do not send troops to Ukraine", "opposes"),
        said("Stop hesitating about sending troops to Ukraine", "supports"),
        said("We criticise those who hesitate to send troops to Ukraine", "supports"),
        said("Berlin is hesitating to send troops to Ukraine", "open"),
        act("The minister criticised Berlin for refusing to send troops to Ukraine.",
            "criticised", "Berlin for refusing to send troops to Ukraine", "supports"),
    ],
    "abstain": [
        said("We will not stand in the way of allies sending troops to Ukraine", "open"),
        said("We would abstain in a vote on sending troops to Ukraine", "open"),
        said("Germany remains neutral on sending troops to Ukraine", "open"),
        said("We will abstain from sending troops to Ukraine", "opposes"),
    ],
    "undoing": [
        # asking to undo it is against it; a vow is a commitment
        said("We call for the suspension of the deployment of troops to Ukraine", "opposes"),
        said("Our vow to send troops to Ukraine stands", "supports"),
    ],
    "act": [
        act("Germany has not ruled out sending troops to Ukraine.", "has not ruled out",
            "sending troops to Ukraine", "open"),
        act("Germany did not back sending troops to Ukraine.", "did not back",
            "sending troops to Ukraine", "opposes"),
        act("Germany rejected the idea of sending troops to Ukraine.", "rejected",
            "the idea of sending troops to Ukraine", "opposes"),
        act("Germany rejected calls to send troops to Ukraine.", "rejected",
            "calls to send troops to Ukraine", "opposes"),
        act("Germany declined to send troops to Ukraine.", "declined",
            "to send troops to Ukraine", "opposes"),
        act("Germany declined to rule out sending troops to Ukraine.", "declined",
            "to rule out sending troops to Ukraine", "open"),
        act("Germany vetoed the deployment of troops to Ukraine.", "vetoed",
            "the deployment of troops to Ukraine", "opposes"),
        act("Germany welcomed the deployment of troops to Ukraine.", "welcomed",
            "the deployment of troops to Ukraine", "supports"),
        act("Germany called for sending troops to Ukraine.", "called for",
            "sending troops to Ukraine", "supports"),
        act("Germany did not call for sending troops to Ukraine.", "did not call for",
            "sending troops to Ukraine", "unclear"),
        act("Germany endorsed France's plan to send troops to Ukraine.", "endorsed",
            "France's plan to send troops to Ukraine", "supports"),
        act("Scholz distanced himself from sending troops to Ukraine.",
            "distanced himself from", "sending troops to Ukraine", "opposes"),
        act("Germany never rejected sending troops to Ukraine.", "never rejected",
            "sending troops to Ukraine", "open"),
    ],
}
CASES = [(shape, case) for shape, cases in SHAPES.items() for case in cases]


@pytest.mark.parametrize(("shape", "case"), CASES, ids=[f"{s}: {c.text[:50]}" for s, c in CASES])
def test_shape(
    make_statement: MakeStatement, matcher: ProposalMatcher, shape: str, case: Case
) -> None:
    judged = judge(make_statement, matcher, case)
    assert (judged.stance, judged.about) == (case.stance, case.about)


def test_a_reaction_names_its_reactors(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    case = SHAPES["reaction"][0]
    judged = judge(make_statement, matcher, case)
    assert (judged.others, judged.others_actor_id) == ("Berlin", "DE")


def test_an_act_is_the_speakers_own_and_its_cue_decides(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    """The same words as a reported statement and as an act: the act's cue decides."""
    text = "Germany rejected the idea of sending troops to Ukraine."
    content = "the idea of sending troops to Ukraine"
    as_act = judge(make_statement, matcher, act(text, "rejected", content, "opposes"))
    assert as_act.about == "speaker"
    assert [(c.text, c.role) for c in as_act.cues if c.role == "act"] == [("rejected", "act")]


def test_the_acts_are_data(make_statement: MakeStatement, matcher: ProposalMatcher) -> None:
    """Changing an act's class, or its reading under negation, in the table changes the
    verdict without code."""
    path = resources.files("factbox") / "data" / "stance" / "acts.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    shipped = parse_acts(data)
    data["acts"]["opposes"].remove("rule out")
    data["acts"]["supports"].append("rule out")
    data["negated"]["rule out"] = "unclear"
    changed = parse_acts(data)
    parsed = make_statement(
        "Germany has not ruled out sending troops to Ukraine.",
        "sending troops to Ukraine",
        "has not ruled out",
        (MINISTER,),
        kind="act",
    )
    span = statement_span(parsed.doc, parsed.statement)
    assert span is not None
    (match,) = matcher.match(span)
    assert classify(span, match, parsed.statement, acts=shipped).stance == "open"
    assert classify(span, match, parsed.statement, acts=changed).stance == "unclear"


def test_only_statements_of_kind_act_read_their_cue_as_an_act(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    """A speech cue is not an act: "said" carries no stance, "rejected" as a reported
    speech cue is read as before (a stance word above the content)."""
    reported = Case("Germany rejected the idea of sending troops to Ukraine.",
                    "the idea of sending troops to Ukraine", "opposes", cue="rejected")
    judged = judge(make_statement, matcher, reported)
    assert judged.stance == "opposes"
    assert all(c.role != "act" for c in judged.cues)
