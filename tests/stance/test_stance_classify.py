"""Stance on our own sentences: negation, hedges, warnings, calls, conditions, others."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

import pytest
from stance_support import MakeStatement, Who

from factbox.stance.classify import classify, judge_statement, statement_span
from factbox.stance.lexicon import parse_lexicon
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import StanceJudgement

CHIEF = Who("the alliance's chief", "NATO", "NATO", "organization")
PRESIDENT = Who("the president", "FR", "France", "country")
MACRON = Who("Macron", "FR", "France", "country", name="Emmanuel Macron")
ZELENSKY = Who("Zelensky", "UA", "Ukraine", "country", name="Volodymyr Zelensky")
KREMLIN = Who("the Kremlin spokesman", "RU", "Russia", "country")
PM = Who("the prime minister", "SK", "Slovakia", "country")
CZ = Who("Czechia", "CZ", "Czechia", "country")
PL = Who("Poland", "PL", "Poland", "country")
SK = Who("Slovakia", "SK", "Slovakia", "country")


@dataclass(frozen=True)
class Case:
    text: str
    content: str
    stance: str
    decided_by: str
    """A word that must be among the cues."""
    speakers: tuple[Who, ...] = ()
    cue: str | None = "said"
    about: str = "speaker"
    others: str | None = None


CASES = [
    # negation and its scope
    Case("There are no plans for NATO combat troops on the ground, the alliance's chief said.",
         "There are no plans for NATO combat troops on the ground", "opposes", "no", (CHIEF,)),
    Case("Czechia, Poland and Slovakia said they are not considering sending soldiers to Ukraine.",
         "they are not considering sending soldiers to Ukraine", "opposes", "not",
         (CZ, PL, SK)),
    Case("Sending troops cannot be ruled out, the president said.",
         "Sending troops cannot be ruled out", "open", "ruled", (PRESIDENT,)),
    Case("France has not ruled out sending troops to Ukraine, Macron said.",
         "France has not ruled out sending troops to Ukraine", "open", "not", (MACRON,)),
    Case("The government does not exclude a deployment of soldiers, the minister said.",
         "The government does not exclude a deployment of soldiers", "open", "exclude",
         (Who("the minister", "IT", "Italy", "country"),)),
    Case("We have ruled out sending troops to Ukraine, the spokesman said.",
         "We have ruled out sending troops to Ukraine", "opposes", "ruled",
         (Who("the spokesman", "GB", "United Kingdom", "country"),)),
    Case("No ground forces will be sent by the alliance, the alliance's chief said.",
         "No ground forces will be sent by the alliance", "opposes", "No", (CHIEF,)),
    Case("Nobody is talking about sending NATO soldiers to Ukraine, the alliance's chief said.",
         "Nobody is talking about sending NATO soldiers to Ukraine", "opposes", "Nobody",
         (CHIEF,)),
    Case("We will never send our soldiers to Ukraine, the prime minister said.",
         "We will never send our soldiers to Ukraine", "opposes", "never", (PM,)),
    Case("Italy does not oppose sending troops to Ukraine, the minister said.",
         "Italy does not oppose sending troops to Ukraine", "open", "oppose",
         (Who("the minister", "IT", "Italy", "country"),)),
    Case("Italy is supportive of sending troops to Ukraine, the minister said.",
         "Italy is supportive of sending troops to Ukraine", "supports", "supportive",
         (Who("the minister", "IT", "Italy", "country"),)),
    # hedges and modality
    Case("We are ready to deploy soldiers to Ukraine, the president said.",
         "We are ready to deploy soldiers to Ukraine", "open", "ready", (PRESIDENT,)),
    Case("Our troops could be sent to Ukraine one day, the president said.",
         "Our troops could be sent to Ukraine one day", "open", "could", (PRESIDENT,)),
    Case("Sending Western troops to Ukraine is an option, the president said.",
         "Sending Western troops to Ukraine is an option", "open", "option", (PRESIDENT,)),
    Case("Sending Western troops to Ukraine is not an option, the prime minister said.",
         "Sending Western troops to Ukraine is not an option", "opposes", "option", (PM,)),
    # warnings and threats
    Case("Sending Western troops would lead to direct conflict, the Kremlin spokesman warned.",
         "Sending Western troops would lead to direct conflict", "opposes", "conflict",
         (KREMLIN,), cue="warned"),
    Case("The Kremlin spokesman warned against sending troops to Ukraine.",
         "against sending troops to Ukraine", "opposes", "against", (KREMLIN,), cue="warned"),
    Case("Western soldiers in Ukraine would be legitimate targets, the Kremlin spokesman said.",
         "Western soldiers in Ukraine would be legitimate targets", "opposes", "targets",
         (KREMLIN,)),
    Case("If Western troops were sent to Ukraine, a war with Russia would follow, he said.",
         "If Western troops were sent to Ukraine, a war with Russia would follow", "opposes",
         "war", (KREMLIN,)),
    Case("Moscow will retaliate if NATO troops are deployed in Ukraine, a spokesman said.",
         "Moscow will retaliate if NATO troops are deployed in Ukraine", "opposes", "retaliate",
         (Who("a spokesman", "RU", "Russia", "country"),)),
    # calls
    Case("The senator urged allies to send military personnel to Ukraine.",
         "allies to send military personnel to Ukraine", "supports", "urged",
         (Who("The senator", "US", "United States", "country"),), cue="urged"),
    Case("We must send troops to Ukraine now, the senator said.",
         "We must send troops to Ukraine now", "supports", "must",
         (Who("the senator", "US", "United States", "country"),)),
    Case("We call on our allies to send troops to Ukraine, the president said.",
         "We call on our allies to send troops to Ukraine", "supports", "call", (PRESIDENT,)),
    # conditions
    Case("We would not send troops without a UN mandate, the chancellor said.",
         "We would not send troops without a UN mandate", "open", "without",
         (Who("the chancellor", "DE", "Germany", "country"),)),
    Case("We will send troops to Ukraine only if the Security Council agrees, the president said.",
         "We will send troops to Ukraine only if the Security Council agrees", "open", "if",
         (PRESIDENT,)),
    # a stance noun equated with the proposal by a copula
    Case("The plan is to send troops to Ukraine in the spring, the minister said.",
         "The plan is to send troops to Ukraine in the spring", "supports", "plan",
         (Who("the minister", "FR", "France", "country"),)),
    # an evaluation as the subject of a small clause
    Case("Sending Western troops would make a direct conflict inevitable, the spokesman said.",
         "Sending Western troops would make a direct conflict inevitable", "opposes",
         "conflict", (KREMLIN,)),
    # others
    Case("Some countries are considering bilateral deals to send troops, the prime minister said.",
         "Some countries are considering bilateral deals to send troops", "open", "considering",
         (PM,), about="others", others="Some countries"),
    Case("France has not ruled out sending troops to Ukraine, Zelensky said.",
         "France has not ruled out sending troops to Ukraine", "open", "ruled", (ZELENSKY,),
         about="others", others="France"),
    Case("Several allies may deploy troops to Ukraine, the prime minister said.",
         "Several allies may deploy troops to Ukraine", "open", "may", (PM,),
         about="others", others="Several allies"),
    # a universal negative includes the speaker's own country; "their" countries are the
    # speakers' own
    Case("No Nordic or Baltic state will send soldiers to Ukraine, the chancellor said.",
         "No Nordic or Baltic state will send soldiers to Ukraine", "opposes", "No",
         (Who("the chancellor", "DE", "Germany", "country"),)),
    Case("Czechia, Poland and Slovakia said their countries would not send troops to Ukraine.",
         "their countries would not send troops to Ukraine", "opposes", "not", (CZ, PL, SK)),
    Case("Several allies said other countries would not send troops to Ukraine.",
         "other countries would not send troops to Ukraine", "opposes", "not", (CZ, PL),
         about="others", others="other countries"),
    # a deontic modal is the speaker's view whoever the subject is
    Case("Allies should put boots on the ground in Ukraine, the president said.",
         "Allies should put boots on the ground in Ukraine", "supports", "should", (PRESIDENT,)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.text[:60] for c in CASES])
def test_stance(make_statement: MakeStatement, matcher: ProposalMatcher, case: Case) -> None:
    parsed = make_statement(case.text, case.content, case.cue, case.speakers)
    judgements = judge_statement(parsed.doc, parsed.statement, matcher)
    assert len(judgements) == 1, "the statement must match the proposal once"
    (judged,) = judgements
    assert judged.proposal == "troops-to-ukraine"
    assert (judged.stance, judged.about, judged.others) == (case.stance, case.about, case.others)
    assert case.decided_by in [c.text for c in judged.cues]
    for cue in judged.cues:
        assert case.text[cue.span[0] : cue.span[1]] == cue.text
    assert 0.5 <= judged.confidence <= 1.0
    if judged.others_span is not None:
        assert case.text[judged.others_span[0] : judged.others_span[1]] == judged.others


def test_a_different_proposal_is_not_judged(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    parsed = make_statement(
        "We will send more ammunition to Ukraine, the minister said.",
        "We will send more ammunition to Ukraine",
        "said",
        (Who("the minister", "DE", "Germany", "country"),),
    )
    assert judge_statement(parsed.doc, parsed.statement, matcher) == []


def test_a_bare_mention_is_unclear_and_less_confident(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    mention = make_statement("Western troops in Ukraine were the main topic of the summit.")
    firm = make_statement("Western troops in Ukraine would be a grave mistake.")
    (unclear,) = judge_statement(mention.doc, mention.statement, matcher)
    (opposes,) = judge_statement(firm.doc, firm.statement, matcher)
    assert unclear.stance == "unclear" and opposes.stance == "opposes"
    assert unclear.confidence < opposes.confidence
    assert unclear.about == "speaker" and unclear.others is None


def test_the_speaker_is_recognised_by_the_country_they_speak_for(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    text = "Paris is prepared to dispatch soldiers to Ukraine, the minister said."
    content = "Paris is prepared to dispatch soldiers to Ukraine"
    french = make_statement(text, content, "said", (Who("the minister", "FR", "France"),))
    german = make_statement(text, content, "said", (Who("the minister", "DE", "Germany"),))
    own = judge_statement(french.doc, french.statement, matcher)
    reported = judge_statement(german.doc, german.statement, matcher)
    assert [(j.stance, j.about) for j in own] == [("open", "speaker")]
    assert [(j.stance, j.about, j.others) for j in reported] == [("open", "others", "Paris")]


def test_classify_takes_a_span_and_a_match(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    parsed = make_statement(
        "Talks went on. We are not considering sending troops, the minister said.",
        "We are not considering sending troops",
        "said",
        (Who("the minister", "CZ", "Czechia", "country"),),
    )
    span = statement_span(parsed.doc, parsed.statement)
    assert span is not None and span.text == "We are not considering sending troops"
    (match,) = matcher.match(span)
    judged = classify(span, match, parsed.statement)
    assert isinstance(judged, StanceJudgement)
    assert judged.stance == "opposes"
    assert [c.role for c in judged.cues if c.text in {"not", "considering"}] == [
        "negation",
        "lexicon",
    ]


def test_the_stance_words_are_data(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    """Moving "consider" from open to supports in the lexicon changes the verdict."""
    path = resources.files("factbox") / "data" / "stance" / "lexicon.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["verbs"]["open"].remove("consider")
    data["verbs"]["supports"].append("consider")
    changed = parse_lexicon(data)
    parsed = make_statement("We are considering sending troops to Ukraine.")
    span = statement_span(parsed.doc, parsed.statement)
    assert span is not None
    (match,) = matcher.match(span)
    assert classify(span, match, parsed.statement).stance == "open"
    assert classify(span, match, parsed.statement, changed).stance == "supports"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He did not say whether troops would be sent to Ukraine.",
         "whether troops would be sent to Ukraine"),
        ("She refused to say whether France would send soldiers.",
         "whether France would send soldiers"),
        ("Will the allies send troops to Ukraine?", "Will the allies send troops to Ukraine?"),
    ],
)
def test_a_proposal_in_question_is_unclear(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str, content: str
) -> None:
    """The frame's negation or refusal is about saying, not about the proposal."""
    parsed = make_statement(text, content)
    (judged,) = judge_statement(parsed.doc, parsed.statement, matcher)
    assert judged.stance == "unclear"


@pytest.mark.parametrize(
    ("text", "content", "speaker_id", "about", "others_id"),
    [
        ("Britain ruled out sending troops to Ukraine, a spokesman said.",
         "Britain ruled out sending troops to Ukraine", "GB", "speaker", None),
        ("Britain ruled out sending troops to Ukraine, a spokesman said.",
         "Britain ruled out sending troops to Ukraine", "DE", "others", "GB"),
        ("The Kremlin is considering a response to any deployment of troops, an aide said.",
         "The Kremlin is considering a response to any deployment of troops", "RU", "speaker",
         None),
    ],
)
def test_holders_are_resolved_to_actors(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    content: str,
    speaker_id: str,
    about: str,
    others_id: str | None,
) -> None:
    """Names, capitals and metonyms of the speaker's own country count as the speaker."""
    who = Who("a spokesman" if "spokesman" in text else "an aide", speaker_id, None, "country")
    parsed = make_statement(text, content, "said", (who,))
    (judged,) = judge_statement(parsed.doc, parsed.statement, matcher)
    assert (judged.about, judged.others_actor_id) == (about, others_id)


# Statements that refer back to the proposal ---------------------------------------------

ROUND_UP = (
    "Macron said Western countries could send troops to Ukraine. "
    "The Kremlin warned that such a step would lead to a direct conflict with NATO."
)


def test_a_statement_that_refers_back_takes_the_proposal_named_before_it(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    content = "such a step would lead to a direct conflict with NATO"
    parsed = make_statement(ROUND_UP, content, "warned", (KREMLIN,))
    (judged,) = judge_statement(parsed.doc, parsed.statement, matcher)
    assert (judged.stance, judged.about) == ("opposes", "speaker")
    span = statement_span(parsed.doc, parsed.statement)
    assert span is not None and matcher.match(span) == []  # the content alone names none
    (match,) = matcher.match_in_context(span)
    assert (match.evidence[0].slot, match.evidence[0].text) == ("theme", "such a step")
    assert {e.text for e in match.evidence if e.slot == "antecedent"} >= {"troops", "send"}
    for word in match.evidence:
        assert ROUND_UP[word.span[0] : word.span[1]] == word.text


@pytest.mark.parametrize(
    "text",
    [
        # nothing before it names the proposal
        "The Kremlin warned that such a step would lead to a direct conflict with NATO.",
        # the proposal is named too far back
        "Macron said Western countries could send troops to Ukraine. The talks ran late. "
        "Leaders dined at the palace. Ministers met at dawn. Aides briefed reporters. "
        "The Kremlin warned that such a step would lead to a direct conflict with NATO.",
    ],
)
def test_a_referring_statement_without_an_antecedent_in_reach_is_not_judged(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str
) -> None:
    content = "such a step would lead to a direct conflict with NATO"
    parsed = make_statement(text, content, "warned", (KREMLIN,))
    assert judge_statement(parsed.doc, parsed.statement, matcher) == []


def test_a_sentence_that_refers_back_itself_carries_the_search_on(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    text = (
        "Macron said Western countries could send troops to Ukraine. The talks ran late. "
        "Leaders dined at the palace. The Kremlin called such a step reckless. Aides briefed "
        "reporters. Ministers met at dawn. Peskov warned that such a deployment would lead to "
        "a direct conflict with NATO."
    )
    content = "such a deployment would lead to a direct conflict with NATO"
    parsed = make_statement(text, content, "warned", (KREMLIN,))
    (judged,) = judge_statement(parsed.doc, parsed.statement, matcher)
    assert (judged.stance, judged.about) == ("opposes", "speaker")


def test_a_noun_that_names_its_own_topic_does_not_refer_back(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    text = (
        "Macron said Western countries could send troops to Ukraine. "
        "Fiala said the ammunition plan had raised enough money."
    )
    parsed = make_statement(text, "the ammunition plan had raised enough money", "said", (CZ,))
    assert judge_statement(parsed.doc, parsed.statement, matcher) == []


def test_an_action_only_named_is_not_support(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    # "sending" is talked about, not said to happen: nothing here says where Italy stands.
    text = "Talk of sending troops to Ukraine had to be handled with great care, Tajani said."
    content = "Talk of sending troops to Ukraine had to be handled with great care"
    parsed = make_statement(text, content, "said", (Who("Tajani", "IT", "Italy", "country"),))
    (judged,) = judge_statement(parsed.doc, parsed.statement, matcher)
    assert judged.stance == "unclear"
    plain = make_statement("France sends troops to Ukraine, the minister said.",
                           "France sends troops to Ukraine", "said", (MACRON,))
    (judged,) = judge_statement(plain.doc, plain.statement, matcher)
    assert judged.stance == "supports"
