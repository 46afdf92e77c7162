"""The learned cue statistics and classifier, and the PolNeAR conventions they serve."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factbox.extract.attributions import find_attributions
from factbox.extract.learned import (
    load_cue_classifier,
    load_learned_cues,
    parse_learned_cues,
)
from factbox.records import Statement


def found(nlp: Language, text: str, conventions: str = "factbox") -> list[Statement]:
    """What the cue finder makes of ``text`` (without the statement scorer, which
    test_confidence.py covers)."""
    statements = find_attributions(
        nlp(text),
        conventions=conventions,  # type: ignore[arg-type]
        scored=False,
    )
    for statement in statements:
        if statement.cue_span is not None:
            assert text[slice(*statement.cue_span)] == statement.cue
        if statement.source_span is not None:
            assert text[slice(*statement.source_span)] == statement.source_text
    return statements


def test_counts_become_decisions_by_the_thresholds_in_the_file() -> None:
    learned = parse_learned_cues(
        {
            "decision": {"min_probability": 0.5, "min_cues": 5},
            "lemmas": {"note/VERB": [19, 20], "make/VERB": [12, 100], "rare/VERB": [3, 3]},
            "content_deps": {"ccomp": [90, 100], "prep": [20, 100], "intj": [4, 4]},
        }
    )
    assert learned.is_cue("note", "VERB")
    assert not learned.is_cue("make", "VERB")  # often seen, seldom a cue
    assert not learned.is_cue("rare", "VERB")  # too few cues to trust
    assert not learned.is_cue("note", "NOUN")
    assert learned.content_deps() == frozenset({"ccomp"})


def test_shipped_counts_know_the_common_cues() -> None:
    learned = load_learned_cues()
    assert learned.cue_probability("say", "VERB") > 0.8
    assert learned.cue_probability("take", "VERB") < 0.2
    assert "ccomp" in learned.content_deps()


def test_classifier_tells_a_reporting_verb_from_the_same_verb_used_plainly(
    nlp: Language,
) -> None:
    classifier = load_cue_classifier()
    reporting = nlp("The study found that most voters backed the plan.")
    plain = nlp("The police found the car in a field.")
    assert classifier.probability(reporting[2]) > classifier.probability(plain[2])
    assert classifier.is_cue(reporting[2])


def test_verb_outside_the_lexicon_with_a_clause_is_a_cue(nlp: Language) -> None:
    text = "A new poll shows that most Czechs oppose sending troops."
    (statement,) = found(nlp, text)
    assert (statement.source_text, statement.cue) == ("A new poll", "shows")
    assert statement.content == "most Czechs oppose sending troops"


def test_auxiliaries_and_negation_belong_to_the_cue(nlp: Language) -> None:
    (has_said,) = found(nlp, "Fico has repeatedly said that Slovakia would not send troops.")
    assert has_said.cue == "has repeatedly said"
    declined = "Fico did not say whether Slovakia would send troops."
    (did_not,) = found(nlp, declined, "polnear")
    assert did_not.cue == "did not say"
    assert did_not.content == "whether Slovakia would send troops"
    # Declining to answer an open question asserts nothing the factbox could use.
    assert found(nlp, declined) == []
    (did_not,) = found(nlp, "Fico did not say that Slovakia would send troops.")
    assert did_not.cue == "did not say"


def test_polnear_conventions_keep_that_and_take_objects(nlp: Language) -> None:
    (said,) = found(nlp, "Officials said that the summit would go ahead.", "polnear")
    assert said.content == "that the summit would go ahead"
    text = "The senator criticized the plan."
    assert [s.kind for s in found(nlp, text)] == ["act"]  # the factbox's stance act
    (criticized,) = found(nlp, text, "polnear")
    assert (criticized.source_text, criticized.cue, criticized.content) == (
        "The senator",
        "criticized",
        "the plan",
    )


def test_polnear_object_content_takes_what_the_counts_say_follows_it(nlp: Language) -> None:
    text = "The senator accused the minister of hiding the costs, adding nothing else."
    (accused, *_) = found(nlp, text, "polnear")
    assert accused.cue == "accused"
    assert accused.content == "the minister of hiding the costs"


def test_polnear_cue_takes_a_learned_particle(nlp: Language) -> None:
    text = "The mayor called on the unions to end the strike."
    (called,) = found(nlp, text, "polnear")
    assert called.cue == "called on"
    assert called.content == "the unions to end the strike"


def test_transcript_line_is_its_speakers_words(nlp: Language) -> None:
    text = (
        "The debate went on.\n\n"
        "PENCE: Well, the question really should be why the campaign invited him.\n\n"
        "KAINE: I think the answer is clear to everyone here."
    )
    statements = found(nlp, text)
    lines = [(s.source_text, s.cue, s.kind) for s in statements if s.cue == ":"]
    assert lines == [("PENCE", ":", "direct"), ("KAINE", ":", "direct")]
    assert statements[0].content.startswith("Well, the question")


def test_a_heading_with_a_colon_but_no_speech_is_not_a_statement(nlp: Language) -> None:
    assert found(nlp, "Update: none.\n\nThe talks ended early.") == []


def test_polnear_sourceless_cue_takes_its_whole_clause(nlp: Language) -> None:
    text = "The minister is expected to announce the plan."
    assert found(nlp, text) == []
    (expected,) = found(nlp, text, "polnear")
    assert expected.source_span is None
    assert expected.cue == "is expected"
    assert text[slice(*expected.content_span)] == "The minister is expected to announce the plan"
    words = [text[slice(*piece)] for piece in expected.content_pieces]
    assert words == ["The minister", "to announce the plan"]


def test_polnear_content_keeps_a_cue_nested_inside_it(nlp: Language) -> None:
    text = "Officials said the talks had stalled and that Kyiv had asked for more time."
    said = next(s for s in found(nlp, text, "polnear") if s.cue == "said")
    assert said.content == "the talks had stalled and that Kyiv had asked for more time"


def test_polnear_particle_object_is_the_content_when_nothing_else_is(nlp: Language) -> None:
    text = "The senator has called for a ceasefire in Gaza."
    (called,) = found(nlp, text, "polnear")
    assert called.cue == "has called for"
    assert called.content == "a ceasefire in Gaza"
    assert called.source_text == "The senator"


def test_polnear_passive_cue_with_an_agent_reports_its_subject(nlp: Language) -> None:
    text = "The resignation was first reported by the Financial Times."
    (reported,) = found(nlp, text, "polnear")
    assert reported.cue == "was first reported by"
    assert reported.source_text == "the Financial Times"
    assert reported.content == "The resignation"
    # A factbox wants what someone said, not that a story was reported.
    assert found(nlp, text) == []


def test_polnear_relative_pronoun_is_the_source(nlp: Language) -> None:
    text = "It was Petr Fiala, who said that Prague would send no troops, who won the vote."
    statements = [s for s in found(nlp, text, "polnear") if s.cue == "said"]
    assert [s.source_text for s in statements] == ["who"]
    # The factbox resolves the pronoun to the person.
    (factbox,) = [s for s in found(nlp, text) if s.cue == "said"]
    assert factbox.source_text == "Petr Fiala"


def test_polnear_source_leaves_out_a_participle_after_the_name(nlp: Language) -> None:
    text = (
        "Mark Rutte, speaking to reporters in Brussels on Monday, said the alliance had "
        "no plans to deploy combat troops."
    )
    (said,) = found(nlp, text, "polnear")
    assert said.source_text == "Mark Rutte"
    kept = "Mark Rutte, the alliance's secretary general, said the alliance had no plans."
    (said,) = found(nlp, kept, "polnear")
    assert said.source_text == "Mark Rutte, the alliance's secretary general"


def test_content_pieces_leave_out_the_cue_that_interrupts_them(nlp: Language) -> None:
    text = (
        "Paris, according to two diplomats, is ready to send instructors, and Warsaw, "
        "they said, would follow."
    )
    statements = found(nlp, text, "polnear")
    pieces = [s.content_pieces for s in statements if s.cue == "according to"]
    assert pieces and len(pieces[0]) == 2
    words = [text[slice(*piece)] for piece in pieces[0]]
    assert words[0] == "Paris"
    assert "according" not in " ".join(words)


def test_polnear_raising_verb_names_no_source_even_with_a_subject(nlp: Language) -> None:
    text = "But the chancellor seems to be running out of patience with Budapest."
    (seems,) = found(nlp, text, "polnear")
    assert seems.cue == "seems"
    assert seems.source_span is None
    # Subject and complement, without the cue between them.
    words = [text[slice(*piece)] for piece in seems.content_pieces]
    assert words == ["the chancellor", "to be running out of patience with Budapest"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After a week of talks, the senator seems ready to fight for the south.",
            ["the senator", "ready to fight for the south"],
        ),
        (
            "Though the rockets cannot reach the mainland, it is considered a threat to the port.",
            ["it", "a threat to the port"],
        ),
    ],
)
def test_polnear_linking_verb_content_is_subject_and_predicate(
    nlp: Language, text: str, expected: list[str]
) -> None:
    # An adjective or a noun after a raising or passive verb is what is said of the
    # subject, as a "to" clause is; the cue between them is no part of it.
    cue = next(s for s in found(nlp, text, "polnear") if s.source_span is None)
    assert [text[slice(*piece)] for piece in cue.content_pieces] == expected


def test_polnear_linking_verb_cue_takes_like_as_a_particle(nlp: Language) -> None:
    text = "The old ferry might seem like an odd choice for a minister who flies everywhere."
    (seem,) = [s for s in found(nlp, text, "polnear") if s.source_span is None]
    assert seem.cue == "might seem like"
    words = [text[slice(*piece)] for piece in seem.content_pieces]
    assert words == ["The old ferry", "an odd choice for a minister who flies everywhere"]


def test_polnear_linking_verb_leaves_out_an_it_that_stands_for_a_clause(nlp: Language) -> None:
    text = "It seems unfair to ask the coastal towns to pay for the dikes twice."
    (seems,) = [s for s in found(nlp, text, "polnear") if s.cue == "seems"]
    assert seems.content == "unfair to ask the coastal towns to pay for the dikes twice"
    assert seems.content_pieces == ()


def test_sourceless_share_decides_between_the_two_readings() -> None:
    learned = parse_learned_cues(
        {
            "decision": {"min_probability": 0.5, "min_cues": 5},
            "sourceless_share": {"seem|act": [97, 126], "ask|act": [20, 288]},
        }
    )
    assert learned.prefers_no_source("seem", "act")
    assert not learned.prefers_no_source("ask", "act")
    assert not learned.prefers_no_source("unknown", "act")


def test_polnear_cue_takes_the_words_after_it_that_the_counts_put_inside(
    nlp: Language,
) -> None:
    text = "The minister said Friday that the plan was dead."
    (said,) = found(nlp, text, "polnear")
    assert said.cue == "said Friday"
    assert said.content == "that the plan was dead"
    (factbox,) = found(nlp, text)
    assert factbox.cue == "said"
    # After a quote, PolNeAR keeps the cue to the verb.
    quoted = "“The plan is dead,” the minister said Friday."
    (after_quote,) = found(nlp, quoted, "polnear")
    assert after_quote.cue == "said"


def test_polnear_asked_about_names_no_source_and_takes_the_object(nlp: Language) -> None:
    text = "Asked about the plan on Monday, the minister said it was dead."
    asked, said = found(nlp, text, "polnear")
    assert (asked.cue, asked.source_span) == ("Asked about", None)
    assert asked.content.startswith("the plan")
    assert (said.cue, said.source_text, said.content) == ("said", "the minister", "it was dead")
