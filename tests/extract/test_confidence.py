"""The statement scorer: which extracted attributions PolNeAR conventions keep."""

from __future__ import annotations

import dataclasses

from spacy.language import Language

from factbox.extract.attributions import find_attributions
from factbox.extract.confidence import (
    StatementContext,
    load_statement_scorer,
    parse_statement_scorer,
    statement_features,
)
from factbox.extract.cues import load_cue_lexicon
from factbox.extract.learned import load_cue_classifier, load_learned_cues


def context() -> StatementContext:
    return StatementContext(load_cue_lexicon(), load_learned_cues(), load_cue_classifier())


def test_features_describe_cue_source_and_content(nlp: Language) -> None:
    doc = nlp("Asked about the plan, the minister said on Monday that it was dead.")
    statements = find_attributions(doc, conventions="polnear", scored=False)
    (said,) = [s for s in statements if s.cue == "said"]
    features = statement_features(doc, said, statements, context())
    assert "lemma=say" in features
    assert "source-side=left" in features
    assert "content-side=right" in features
    assert any(f.startswith("source=NOUN") for f in features)
    assert "nested=False" in features


def test_scorer_keeps_what_scores_at_the_threshold(nlp: Language) -> None:
    doc = nlp("The minister said the plan was dead. He watched the debate on Monday.")
    statements = find_attributions(doc, conventions="polnear", scored=False)
    assert {s.cue for s in statements} == {"said", "watched"}
    scorer = parse_statement_scorer(
        {"threshold": 0.5, "weights": {"lemma=say": 2.0, "lemma=watch": -2.0}}
    )
    kept = scorer.keep(doc, statements, context())
    assert [s.cue for s in kept] == ["said"]
    lenient = parse_statement_scorer({"threshold": 0.1, "weights": {"lemma=watch": -2.0}})
    assert len(lenient.keep(doc, statements, context())) == 2


def test_shipped_scorer_trusts_a_plain_report_more_than_a_letter_sent(
    nlp: Language,
) -> None:
    scorer = load_statement_scorer()
    probabilities = {}
    for text in ("The minister said the plan was dead.", "He sent a letter to the board."):
        doc = nlp(text)
        (statement,) = find_attributions(doc, conventions="polnear", scored=False)
        features = statement_features(doc, statement, [statement], context())
        probabilities[statement.cue] = scorer.probability(features)
    assert probabilities["said"] >= scorer.threshold
    assert probabilities["sent"] < scorer.threshold
    assert probabilities["said"] > probabilities["sent"] + 0.3


def test_polnear_conventions_leave_out_what_the_scorer_rejects(nlp: Language) -> None:
    doc = nlp("He sent a letter to the board. The minister said the plan was dead.")
    unscored = find_attributions(doc, conventions="polnear", scored=False)
    scored = find_attributions(doc, conventions="polnear")
    assert [s.cue for s in unscored] == ["sent", "said"]
    assert [s.cue for s in scored] == ["said"]
    # The factbox's own conventions are not filtered by a PolNeAR-trained scorer.
    assert find_attributions(doc) == find_attributions(doc, scored=False)


# Written for this test, in the shape of readers' answers listed in a news article, each
# quote signed by a dash and the reader's name.
SIGNED = (
    "We asked readers what the new bridge toll means to them.\n\n"
    "\u201cI cross it twice a day to get to work. The toll will cost me a week\u2019s pay "
    "every month.\u201d \u2015 Marta Lindqvist\n\n"
    "\u201cThe ferry is slower, but I will take it from now on.\u201d \u2015 Tomas Berg\n"
)


def test_a_quote_signed_with_a_dash_stays_whatever_the_scorer_says(nlp: Language) -> None:
    doc = nlp(SIGNED)
    unscored = find_attributions(doc, conventions="polnear", scored=False)
    signed = [s for s in unscored if s.cue == "\u2015"]
    assert [s.source_text for s in signed] == ["Marta Lindqvist", "Tomas Berg"]
    strict = dataclasses.replace(load_statement_scorer(), threshold=1.01)
    kept = find_attributions(doc, conventions="polnear", statement_scorer=strict)
    assert [(s.cue, s.source_text) for s in kept if s.cue == "\u2015"] == [
        ("\u2015", "Marta Lindqvist"),
        ("\u2015", "Tomas Berg"),
    ]
    assert [s.content for s in kept if s.cue == "\u2015"] == [s.content for s in signed]
