"""Stance on shapes the real-news stance set showed (calibrate half), in sentences written
for these tests: penalties and warnings of what the proposal brings about, threats "unless"
it is done, inverted conditions, another actor's part of the proposal, the risk of it under
a word that accepts or refuses, evaluations without a stance verb, a view reported on
someone else's word, and a headline's verb the parser took for a name."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from stance_support import MakeStatement, Who

from factbox.stance.classify import classify, judge_statement, statement_span
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import MatchEvidence, ProposalMatch, StanceJudgement

CANDIDATE = Who("he", None)


@dataclass(frozen=True)
class Said:
    """``content`` of ``text``, said by ``speaker`` with ``cue``: its stance on ``slug``."""

    text: str
    content: str
    slug: str
    stance: str
    cue: str = "said"
    speaker: Who = CANDIDATE


PRESIDENT = Who("the president", "US", "United States", "country", name="Barack Obama")
MEXICO = Who("the president", "MX", "Mexico", "country")


def said(text: str, slug: str, stance: str) -> Said:
    """"<text>, he said.": the candidate's words."""
    return Said(f"{text}, he said.", text, slug, stance)


def judged(make_statement: MakeStatement, matcher: ProposalMatcher, case: Said) -> StanceJudgement:
    parsed = make_statement(case.text, case.content, case.cue, (case.speaker,))
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert case.slug in found, f"{case.content!r} must match {case.slug}"
    return found[case.slug]


OWN = {
    "penalty": [
        # a penalty that follows the proposal, said of someone else: the speaker's warning
        Said("Britain would go to the back of the queue if it voted to leave the European"
             " Union, he warned.", "Britain would go to the back of the queue if it voted to"
             " leave the European Union", "leave-union", "opposes", "warned"),
        # an inverted condition ("should it vote") is a condition, not a deontic "should"
        Said("The president warned that Britain would go to the back of the queue should it"
             " vote to leave the European Union.", "Britain would go to the back of the queue"
             " should it vote to leave the European Union", "leave-union", "opposes",
             "warned"),
        # a harm that follows it, whatever good is named in what is lost
        said("If we build a wall on the border, we will lose our best trading partner",
             "barrier", "opposes"),
        said("Leaving the European Union would be a leap in the dark", "leave-union",
             "opposes"),
        # a warning of what it brings about stays a warning when hedged
        said("The nuclear accord could lead to a catastrophe for the region", "keep-accord",
             "opposes"),
    ],
    "threat": [
        # a threat unless it is done (or if it is not done) wants it done
        Said("He threatened to cut off the money migrants send home unless the republic pays"
             " for a wall on the border.", "to cut off the money migrants send home unless"
             " the republic pays for a wall on the border", "barrier", "supports",
             "threatened"),
        Said("He threatened to cut off the aid if they do not pay for the wall on the border.",
             "to cut off the aid if they do not pay for the wall on the border", "barrier",
             "supports", "threatened"),
        # an ultimatum: what the speaker will do unless it is done
        said("We will leave the alliance unless they pay for the wall on the border",
             "barrier", "supports"),
        # a threat if it is done is a warning against it
        Said("He threatened to cut off the aid if they build a wall on the border.",
             "to cut off the aid if they build a wall on the border", "barrier", "opposes",
             "threatened"),
    ],
    "evaluation": [
        said("Taking in Syrian refugees is a great thing for this country", "refugees",
             "supports"),
        said("The vote to leave the European Union is a sad day for Europe", "leave-union",
             "opposes"),
        # against undoing it is firmly for it, when it is an evaluation
        said("Tearing up the nuclear accord would be a disaster", "keep-accord", "supports"),
        # what it makes of the world
        said("The nuclear accord has made the world safer", "keep-accord", "supports"),
        said("The wall he wants to build on the border is a fantasy", "barrier", "opposes"),
        # reactions
        said("We are pleased with the nuclear accord", "keep-accord", "supports"),
        said("We are deeply disappointed by the vote to leave the European Union",
             "leave-union", "opposes"),
    ],
    "refusal": [
        # "cannot" over a stance word refuses, it does not hedge
        said("We cannot support sending troops to Ukraine", "send-troops", "opposes"),
        # fearing that others will do it is against it; so is a ban on it
        said("They fear the leaders will send troops to Ukraine after the vote", "send-troops",
             "opposes"),
        said("He called for a ban on admitting Syrian refugees", "refugees", "opposes"),
        # verbs that refuse or undo what they govern, the particle parsed as an adverb or a
        # preposition
        said("It is shameful that the country is turning away Syrian refugees", "refugees",
             "supports"),
        said("We will pull out of the nuclear accord", "keep-accord", "opposes"),
        said("We signed an order to keep Syrian refugees out of the state", "refugees",
             "opposes"),
    ],
    "discussion": [
        # not having discussed it says nothing of it; dismissing it in the present does
        said("We did not discuss sending troops to Ukraine", "send-troops", "unclear"),
        said("Nobody is talking about sending troops to Ukraine", "send-troops", "opposes"),
    ],
    "holding back": [
        # criticising those who fail or drag their feet wants it done
        said("He criticised Congress for failing to ratify the nuclear accord", "keep-accord",
             "supports"),
        said("We blast the senators who are dragging their feet on the nuclear accord",
             "keep-accord", "supports"),
    ],
    "opponents": [
        # criticising its opponents supports it: a copula's evaluation of them is the
        # speaker's judgement, not their stance
        said("Those who oppose taking in Syrian refugees are on the wrong side of history",
             "refugees", "supports"),
    ],
    "result": [
        # accepting a result is not standing in its way
        said("We will respect the decision of the British people to leave the European Union",
             "leave-union", "open"),
        # one's share of it judged bearable accepts it; judged too heavy, refuses it
        said("In truth the number of Syrian refugees the country must take in is not large",
             "refugees", "open"),
        said("The number of Syrian refugees we must admit is manageable", "refugees", "open"),
        # the parser takes "[the number of refugees] the country must take" for a clause
        Said("In truth, the number of Syrian refugees Portugal must receive during a period of two"
             " years ... is not large.", "In truth, the number of Syrian refugees Portugal must"
             " receive during a period of two years ... is not large.", "refugees", "open", "",
             MEXICO),
        said("The number of Syrian refugees we must admit is not manageable", "refugees",
             "opposes"),
    ],
    "concession": [
        # others' opposition it was done despite is conceded, not the speaker's
        said("The wall on the border was built despite opposition because it was urgent",
             "barrier", "supports"),
    ],
}
OWN_CASES = [(shape, case) for shape, cases in OWN.items() for case in cases]


@pytest.mark.parametrize(
    ("shape", "case"), OWN_CASES, ids=[f"{s}: {c.text[:50]}" for s, c in OWN_CASES]
)
def test_the_speakers_own_stance(
    make_statement: MakeStatement, debates: ProposalMatcher, shape: str, case: Said
) -> None:
    found = judged(make_statement, debates, case)
    assert (found.stance, found.about) == (case.stance, "speaker")


def test_a_condition_alone_is_no_call_for_it(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """A statement whose content is only an inverted condition ("should they vote to leave")
    says what would follow elsewhere: its "should" is no call for leaving (the warning
    right before it reads against leaving: ``test_stance_evaluation_shapes``)."""
    case = Said(
        "The president has faced criticism for warning Britons, should they vote to leave the"
        " European Union.",
        "should they vote to leave the European Union",
        "leave-union",
        "unclear",
        "faced",
        PRESIDENT,
    )
    assert judged(make_statement, debates, case).stance != "supports"


@pytest.mark.parametrize(
    ("speaker", "text", "stance"),
    [
        # the proponent: the other actor's part says it will be built
        (CANDIDATE, "Mexico will pay for the wall on the border, he said.", "supports"),
        # someone else saying the other actor will not pay says only who will not pay
        (CANDIDATE, "Mexico will never pay for the wall on the border, he said.", "unclear"),
        # the payer's own refusal is its own stance
        (MEXICO, "Mexico will never pay for the wall on the border, the president said.",
         "opposes"),
    ],
)
def test_another_actors_part_of_the_proposal(
    make_statement: MakeStatement,
    debates: ProposalMatcher,
    speaker: Who,
    text: str,
    stance: str,
) -> None:
    case = Said(text, text.split(",")[0], "barrier", stance, speaker=speaker)
    found = judged(make_statement, debates, case)
    assert (found.stance, found.about) == (stance, "speaker")


def test_the_risk_of_it_under_a_refusal_and_a_judgement_of_what_one_can_afford(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """"cannot afford [the risk of] taking them in" refuses taking them in, and what a
    country can afford is the speaker's judgement, whoever the subject."""
    case = said(
        "America cannot afford to keep running the risk of taking in Syrian refugees",
        "refugees",
        "opposes",
    )
    found = judged(make_statement, debates, case)
    assert (found.stance, found.about) == ("opposes", "speaker")


def test_a_penalty_said_of_someone_else_from_the_main_verb(
    nlp: Language, make_statement: MakeStatement
) -> None:
    """A statement matched by meaning whose reading starts at its main verb: the
    complements of that verb are read ("will [be] at the back of the queue"), and a
    penalty is the speaker's warning, not the stance of those it is said of."""
    text = "Britain is going to be at the back of the queue, the president warned."
    parsed = make_statement(text, text.split(",")[0], "warned", (PRESIDENT,))
    span = statement_span(parsed.doc, parsed.statement)
    assert span is not None
    verb = next(t for t in span if t.lemma_ == "be" and t.dep_ == "xcomp")
    start = (verb.idx, verb.idx + len(verb))
    match = ProposalMatch("leave-union", 0.5, (MatchEvidence("theme", verb.text, start),))
    found = classify(span, match, parsed.statement)
    assert (found.stance, found.about) == ("opposes", "speaker")


@pytest.mark.parametrize(
    ("text", "content", "speaker", "about"),
    [
        # another's claim of the president's wish: not the president's position
        ("Trump said that President Obama wanted to admit 250,000 Syrian refugees.",
         "to admit 250,000 Syrian refugees", Who("President Obama", "US", "United States",
                                                 "country", name="Barack Obama"), "others"),
        # the president's own words, or his office's, are his
        ("President Obama said he wanted to admit 10,000 Syrian refugees.",
         "to admit 10,000 Syrian refugees", Who("President Obama", "US", "United States",
                                                "country", name="Barack Obama"), "speaker"),
        ("The White House said that President Obama wanted to admit 10,000 Syrian refugees.",
         "to admit 10,000 Syrian refugees", PRESIDENT, "speaker"),
    ],
)
def test_a_view_reported_on_someone_elses_word(
    make_statement: MakeStatement,
    debates: ProposalMatcher,
    text: str,
    content: str,
    speaker: Who,
    about: str,
) -> None:
    parsed = make_statement(text, content, "wanted", (speaker,), kind="belief")
    (found,) = judge_statement(parsed.doc, parsed.statement, debates)
    assert (found.stance, found.about) == ("supports", about)


def test_an_act_held_in_a_noun_inside_a_claim_is_presupposed_not_claimed(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """"Aides say she backs the president's opposition to leaving": the president's
    opposition is taken as known, not claimed by the aides: it is his own stance."""
    text = "Aides say she backs President Obama's opposition to Britain leaving the European Union."
    speaker = Who("President Obama", "US", "United States", "country", name="Barack Obama")
    parsed = make_statement(
        text, "Britain leaving the European Union", "opposition to", (speaker,), kind="act"
    )
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, debates)}
    assert (found["leave-union"].stance, found["leave-union"].about) == ("opposes", "speaker")


def test_a_headline_verb_the_parser_took_for_a_name(nlp: Language) -> None:
    """"Urges Britain to Remain In European Union" in a headline's capitals, with "Urges"
    parsed as a proper noun (as the small model does after "X Wades In:"): still an urge,
    over leaving's opposite, so against leaving. The parse is given, so the test does not
    depend on the model's mistakes."""
    words = ["Urges", "Britain", "to", "Remain", "In", "European", "Union", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True, True, True, True, True, True, False, False],
        pos=["PROPN", "PROPN", "PART", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"],
        tags=["NNP", "NNP", "TO", "VB", "IN", "NNP", "NNP", "."],
        deps=["ROOT", "dobj", "aux", "xcomp", "prep", "compound", "pobj", "punct"],
        heads=[0, 0, 3, 0, 3, 6, 4, 0],
        lemmas=["Urges", "Britain", "to", "remain", "in", "European", "Union", "."],
    )
    union, remain = doc[6], doc[3]
    match = ProposalMatch(
        "leave-union",
        0.5,
        (
            MatchEvidence("theme", union.text, (union.idx, union.idx + len(union))),
            MatchEvidence("opposite", remain.text, (remain.idx, remain.idx + len(remain))),
        ),
    )
    found = classify(doc[:], match)
    assert (found.stance, found.about) == ("opposes", "speaker")
    assert ("Urges", "lexicon") in [(c.text, c.role) for c in found.cues]


def test_a_verb_that_needs_its_particle_is_no_stance_word_without_it(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """"call" is a stance word only as "call for" / "call on": "calls the wall useless" is
    an evaluation, not a call for the wall."""
    found = judged(make_statement, debates, said("We call the border wall useless", "barrier",
                                                 "opposes"))
    assert found.stance == "opposes"
    assert "call" not in [c.text for c in found.cues]


@pytest.mark.parametrize(
    ("text", "content", "stance"),
    [
        # matched by meaning, read from a quotation mark: the content's own head decides,
        # and a copula's subject is what the speaker judges, not the stance's holder
        ("He thinks the exit is \"a great thing.\"", "the exit is \"a great thing.\"",
         "supports"),
        # an evaluation matched by meaning on its own
        ("He calls the idea \"useless.\"", "useless.\"", "opposes"),
    ],
)
def test_a_reading_that_starts_at_a_mark_or_an_evaluation(
    make_statement: MakeStatement, text: str, content: str, stance: str
) -> None:
    parsed = make_statement(text, content, text.split()[1], (CANDIDATE,))
    span = statement_span(parsed.doc, parsed.statement)
    assert span is not None
    start = next(t for t in reversed(span) if t.is_punct) if stance == "supports" else next(
        t for t in span if t.pos_ == "ADJ"
    )
    evidence = MatchEvidence("theme", start.text, (start.idx, start.idx + len(start)))
    found = classify(span, ProposalMatch("leave-union", 0.5, (evidence,)), parsed.statement)
    assert (found.stance, found.about) == (stance, "speaker")
