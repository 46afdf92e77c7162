"""Stance on shapes the real-news stance set showed (calibrate half), in sentences written
for these tests: penalties and warnings of what the proposal brings about, threats "unless"
it is done, inverted conditions, another actor's part of the proposal, the risk of it under
a word that accepts or refuses, evaluations without a stance verb, a view reported on
someone else's word, and a headline's verb the parser took for a name."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from stance_support import MakeStatement, Who

from factbox.stance.classify import classify, judge_statement, statement_span
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import MatchEvidence, Proposal, ProposalMatch, StanceJudgement

CANDIDATE = Who("he", None)
PRESIDENT = Who("the president", "US", "United States", "country", name="Barack Obama")
MEXICO = Who("the president", "MX", "Mexico", "country")
PROPOSALS = [
    Proposal(
        "leave-union",
        "Britain leaves the European Union",
        "The United Kingdom votes to leave the European Union and withdraws from it",
    ),
    Proposal("keep-accord", "Keep the nuclear accord", "The accord stays in force"),
    Proposal("barrier", "Build a wall on the border", "The republic builds a border wall"),
    Proposal(
        "refugees",
        "Take in Syrian refugees",
        "The country admits refugees fleeing the war in Syria",
    ),
    Proposal(
        "send-troops",
        "Send troops to Ukraine",
        "NATO members send ground troops to Ukraine",
        bodies=["nato"],
    ),
]


@pytest.fixture(scope="module")
def debates(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, PROPOSALS)


def judged(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    content: str,
    cue: str,
    speaker: Who = CANDIDATE,
    slug: str | None = None,
) -> StanceJudgement:
    parsed = make_statement(text, content, cue, (speaker,))
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    slug = slug or next(iter(found), "")
    assert slug in found, f"{content!r} must match {slug}"
    return found[slug]


@pytest.mark.parametrize(
    ("text", "content", "cue", "slug", "stance"),
    [
        # a penalty that follows the proposal, said of someone else: the speaker's warning
        ("Britain would go to the back of the queue if it voted to leave the European Union,"
         " he warned.", "Britain would go to the back of the queue if it voted to leave the"
         " European Union", "warned", "leave-union", "opposes"),
        # an inverted condition ("should it vote") is a condition, not a deontic "should"
        ("The president warned that Britain would go to the back of the queue should it vote"
         " to leave the European Union.", "Britain would go to the back of the queue should it"
         " vote to leave the European Union", "warned", "leave-union", "opposes"),
        # a warning of what it brings about stays a warning when hedged
        ("The nuclear accord could lead to a catastrophe for the region, he said.",
         "The nuclear accord could lead to a catastrophe for the region", "said",
         "keep-accord", "opposes"),
        # a threat unless it is done (or if it is not done) wants it done
        ("He threatened to cut off the money migrants send home unless the republic pays for"
         " a wall on the border.", "to cut off the money migrants send home unless the"
         " republic pays for a wall on the border", "threatened", "barrier", "supports"),
        ("He threatened to cut off the aid if they do not pay for the wall on the border.",
         "to cut off the aid if they do not pay for the wall on the border", "threatened",
         "barrier", "supports"),
        # a threat if it is done is a warning against it
        ("He threatened to cut off the aid if they build a wall on the border.",
         "to cut off the aid if they build a wall on the border", "threatened", "barrier",
         "opposes"),
        # evaluations without a stance verb
        ("Taking in Syrian refugees is a great thing for this country, he said.",
         "Taking in Syrian refugees is a great thing for this country", "said", "refugees",
         "supports"),
        ("The vote to leave the European Union is a sad day for Europe, he said.",
         "The vote to leave the European Union is a sad day for Europe", "said",
         "leave-union", "opposes"),
        # a refusal with "cannot" is a refusal, not a hedge
        ("We cannot support sending troops to Ukraine, he said.",
         "We cannot support sending troops to Ukraine", "said", "send-troops", "opposes"),
    ],
)
def test_the_speakers_own_stance(
    make_statement: MakeStatement,
    debates: ProposalMatcher,
    text: str,
    content: str,
    cue: str,
    slug: str,
    stance: str,
) -> None:
    found = judged(make_statement, debates, text, content, cue, slug=slug)
    assert (found.stance, found.about) == (stance, "speaker")


def test_a_condition_alone_is_no_call_for_it(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """A statement whose content is only an inverted condition ("should they vote to leave")
    says what would follow elsewhere: its "should" is no call for leaving."""
    found = judged(
        make_statement,
        debates,
        "The president has faced criticism for warning Britons, should they vote to leave the"
        " European Union.",
        "should they vote to leave the European Union",
        "faced",
        PRESIDENT,
        "leave-union",
    )
    assert found.stance == "unclear"


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
    content = text.split(",")[0]
    found = judged(make_statement, debates, text, content, "said", speaker, "barrier")
    assert (found.stance, found.about) == (stance, "speaker")


def test_the_risk_of_it_under_a_refusal_and_a_judgement_of_what_one_can_afford(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """"cannot afford [the risk of] taking them in" refuses taking them in, and what a
    country can afford is the speaker's judgement, whoever the subject."""
    found = judged(
        make_statement,
        debates,
        "America cannot afford to keep running the risk of taking in Syrian refugees, he said.",
        "America cannot afford to keep running the risk of taking in Syrian refugees",
        "said",
        slug="refugees",
    )
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


@pytest.mark.parametrize(
    ("text", "content", "cue", "slug", "stance"),
    [
        # fearing that others will do it is against it
        ("Activists said they fear the leaders will send troops to Ukraine after the vote.",
         "they fear the leaders will send troops to Ukraine after the vote", "said",
         "send-troops", "opposes"),
        # a ban on doing it, called for, is against it
        ("He called for a ban on admitting Syrian refugees, he said.",
         "He called for a ban on admitting Syrian refugees", "said", "refugees", "opposes"),
        # not having discussed it says nothing of it; dismissing it in the present does
        ("We did not discuss sending troops to Ukraine, he said.",
         "We did not discuss sending troops to Ukraine", "said", "send-troops", "unclear"),
        ("Nobody is talking about sending troops to Ukraine, he said.",
         "Nobody is talking about sending troops to Ukraine", "said", "send-troops",
         "opposes"),
    ],
)
def test_fears_bans_and_what_was_not_discussed(
    make_statement: MakeStatement,
    debates: ProposalMatcher,
    text: str,
    content: str,
    cue: str,
    slug: str,
    stance: str,
) -> None:
    found = judged(make_statement, debates, text, content, cue, slug=slug)
    assert (found.stance, found.about) == (stance, "speaker")


def test_a_verb_that_needs_its_particle_is_no_stance_word_without_it(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """"call" is a stance word only as "call for" / "call on": "calls the wall useless" is
    an evaluation, not a call for the wall."""
    found = judged(
        make_statement,
        debates,
        "We call the border wall useless, he said.",
        "We call the border wall useless",
        "said",
        slug="barrier",
    )
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


@pytest.mark.parametrize(
    ("text", "content", "slug", "stance"),
    [
        # accepting a result is not standing in its way
        ("We will respect the decision of the British people to leave the European Union,"
         " he said.", "We will respect the decision of the British people to leave the"
         " European Union", "leave-union", "open"),
        # against undoing it is firmly for it, when it is an evaluation
        ("Tearing up the nuclear accord would be a disaster, he said.",
         "Tearing up the nuclear accord would be a disaster", "keep-accord", "supports"),
        # what it makes of the world
        ("The nuclear accord has made the world safer, he said.",
         "The nuclear accord has made the world safer", "keep-accord", "supports"),
        ("The wall he wants to build on the border is a fantasy, she said.",
         "The wall he wants to build on the border is a fantasy", "barrier", "opposes"),
    ],
)
def test_results_accepted_and_evaluations_of_it(
    make_statement: MakeStatement, debates: ProposalMatcher, text: str, content: str,
    slug: str, stance: str,
) -> None:
    found = judged(make_statement, debates, text, content, "said", slug=slug)
    assert (found.stance, found.about) == (stance, "speaker")


@pytest.mark.parametrize(
    ("text", "content", "slug", "stance"),
    [
        # criticising those who fail or drag their feet wants it done
        ("He criticised Congress for failing to ratify the nuclear accord, he said.",
         "He criticised Congress for failing to ratify the nuclear accord", "keep-accord",
         "supports"),
        ("We blast the senators who are dragging their feet on the nuclear accord, he said.",
         "We blast the senators who are dragging their feet on the nuclear accord",
         "keep-accord", "supports"),
        # verbs that refuse or undo what they govern, their particle parsed as an adverb
        # or a preposition
        ("It is shameful that the country is turning away Syrian refugees, he said.",
         "It is shameful that the country is turning away Syrian refugees", "refugees",
         "supports"),
        ("We will pull out of the nuclear accord, he said.",
         "We will pull out of the nuclear accord", "keep-accord", "opposes"),
        ("We signed an order to keep Syrian refugees out of the state, he said.",
         "We signed an order to keep Syrian refugees out of the state", "refugees",
         "opposes"),
    ],
)
def test_holding_back_criticised_and_verbs_that_refuse_it(
    make_statement: MakeStatement, debates: ProposalMatcher, text: str, content: str,
    slug: str, stance: str,
) -> None:
    found = judged(make_statement, debates, text, content, "said", slug=slug)
    assert (found.stance, found.about) == (stance, "speaker")
