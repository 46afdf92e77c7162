"""Combining tagger scores with rule statements, on made-up sentences with scores set by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from extract_support import doc_with_scores, statement_spans
from spacy.language import Language

from factbox.evaluate.corpus import load_corpus
from factbox.evaluate.relations import relation_from_statement
from factbox.evaluate.scorer import score_article, total
from factbox.extract.attributions import find_attributions
from factbox.extract.tagged import Thresholds, combine, tagged_spans, viterbi_spans
from factbox.extract.tagger import BEGIN, CONTENT, CUE, INSIDE, ROLE_SCORES, SOURCE
from factbox.records import Statement

POLNEAR_DEV = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear" / "dev"

# Written for these tests.
NOTICE = "The ferries will run again next week, according to a notice from the port."
TWO_PARAGRAPHS = "The port reopened on Monday.\n\nThe ferries will run again, officials said."
REPORTED = "The harbour master said that the ferries would run again."


def _statement(text: str, cue: str, content: str, source: str | None) -> Statement:
    cue_at = text.index(cue)
    content_at = text.index(content)
    source_at = text.index(source) if source else None
    cue_span = (cue_at, cue_at + len(cue))
    content_span = (content_at, content_at + len(content))
    source_span = (source_at, source_at + len(source)) if source and source_at is not None else None
    edges = [cue_span, content_span] + ([source_span] if source_span else [])
    return Statement(
        kind="indirect",
        cue=cue,
        cue_span=cue_span,
        content=content,
        content_span=content_span,
        source_text=source or "",
        source_span=source_span,
        span=(min(e[0] for e in edges), max(e[1] for e in edges)),
    )


def test_without_tagger_scores_the_rule_statements_are_kept_as_they_are(nlp: Language) -> None:
    doc = nlp(REPORTED)
    doc._.set(ROLE_SCORES, None)
    rules = [_statement(REPORTED, "said", "that the ferries would run again", "The harbour master")]
    assert combine(doc, rules) == rules


def test_tagger_spans_break_where_a_new_span_begins(nlp: Language) -> None:
    doc = doc_with_scores(nlp, REPORTED, {SOURCE: ["harbour", "master"]})
    roles = doc._.get(ROLE_SCORES)
    roles[doc[2].i, SOURCE, BEGIN] = 0.9  # "master" begins a second source
    spans = tagged_spans(doc, roles, SOURCE, 0.5)
    assert [(doc[s.start : s.end].text) for s in spans] == ["harbour", "master"]


def test_viterbi_keeps_a_span_whole_across_one_doubtful_word(nlp: Language) -> None:
    doc = doc_with_scores(nlp, REPORTED, {CONTENT: ["the", "ferries", "would", "run", "again"]})
    roles = doc._.get(ROLE_SCORES)
    roles[doc[6].i, CONTENT, INSIDE] = 0.4  # "would": doubtful, between confident words
    (span,) = viterbi_spans(doc, roles, CONTENT)
    assert doc[span.start : span.end].text == "the ferries would run again"
    # Scored alone, without neighbours inside, the same word is outside.
    roles[doc[5].i, CONTENT, INSIDE] = roles[doc[7].i, CONTENT, INSIDE] = 0.1
    assert all(doc[s.start : s.end].text != "would" for s in viterbi_spans(doc, roles, CONTENT))


def test_viterbi_never_opens_a_span_on_a_continuation(nlp: Language) -> None:
    doc = doc_with_scores(nlp, REPORTED, {SOURCE: ["harbour", "master"]})
    roles = doc._.get(ROLE_SCORES)
    roles[doc[1].i, SOURCE, BEGIN] = 0.1  # "harbour" looks like a continuation, not a start
    roles[doc[1].i, SOURCE, INSIDE] = 0.6
    spans = viterbi_spans(doc, roles, SOURCE)
    assert [doc[s.start : s.end].text for s in spans] in (["harbour master"], ["master"])
    roles[doc[2].i, SOURCE, BEGIN] = 0.9  # "master" begins a second source
    assert [doc[s.start : s.end].text for s in viterbi_spans(doc, roles, SOURCE)][-1] == "master"


def test_viterbi_ends_a_span_at_a_line_break(nlp: Language) -> None:
    doc = doc_with_scores(
        nlp, TWO_PARAGRAPHS, {CONTENT: ["reopened", "on", "Monday", "ferries", "will"]}
    )
    roles = doc._.get(ROLE_SCORES)
    after = next(t.i for t in doc if "\n" in t.text)
    roles[after - 1 : after + 3, CONTENT] = (0.95, 0.05)  # across the break, nothing begins
    texts = [doc[s.start : s.end].text for s in viterbi_spans(doc, roles, CONTENT)]
    assert texts[0] == "reopened on Monday." and texts[1].startswith("The ferries")


def test_a_confident_cue_the_rules_missed_becomes_a_statement(nlp: Language) -> None:
    words = {
        CUE: ["according", "to"],
        CONTENT: ["The", "ferries", "will", "run", "again", "next", "week"],
        SOURCE: ["a", "notice", "from", "the", "port"],
    }
    doc = doc_with_scores(nlp, NOTICE, words)
    found = combine(doc, [])
    assert [statement_spans(NOTICE, s) for s in found] == [
        ("according to", "The ferries will run again next week", "a notice from the port")
    ]
    # The same cue found by the rules is not added twice.
    rule = _statement(NOTICE, "according to", "The ferries will run again next week", None)
    assert len(combine(doc, [rule])) == 1


def test_a_statement_without_a_tagged_source_has_none(nlp: Language) -> None:
    doc = doc_with_scores(
        nlp, NOTICE, {CUE: ["according", "to"], CONTENT: ["ferries", "will", "run", "again"]}
    )
    (statement,) = combine(doc, [])
    assert statement.source_span is None


def test_a_content_in_another_paragraph_is_not_linked(nlp: Language) -> None:
    words = {CUE: ["reopened"], CONTENT: ["ferries", "will", "run", "again"]}
    doc = doc_with_scores(nlp, TWO_PARAGRAPHS, words)
    assert combine(doc, []) == []


def test_a_rule_statement_the_tagger_rejects_is_dropped(nlp: Language) -> None:
    rule = _statement(REPORTED, "said", "that the ferries would run again", "The harbour master")
    rejected = doc_with_scores(nlp, REPORTED, {})
    assert combine(rejected, [rule]) == []
    supported = doc_with_scores(nlp, REPORTED, {CUE: ["said"]})
    assert combine(supported, [rule]) == [rule]


def test_a_rule_statement_without_source_takes_the_tagged_one(nlp: Language) -> None:
    rule = _statement(REPORTED, "said", "that the ferries would run again", None)
    doc = doc_with_scores(nlp, REPORTED, {CUE: ["said"], SOURCE: ["The", "harbour", "master"]})
    (statement,) = combine(doc, [rule], Thresholds(fill_source=0.5))
    assert statement_spans(REPORTED, statement) == (
        "said",
        "that the ferries would run again",
        "The harbour master",
    )


def test_the_factbox_convention_leaves_that_out_of_added_contents(nlp: Language) -> None:
    words = {
        CUE: ["said"],
        CONTENT: ["that", "the", "ferries", "would", "run", "again"],
        SOURCE: ["The", "harbour", "master"],
    }
    doc = doc_with_scores(nlp, REPORTED, words)
    (polnear,) = combine(doc, [])
    (factbox,) = combine(doc, [], polnear=False)
    assert statement_spans(REPORTED, polnear)[1] == "that the ferries would run again"
    assert statement_spans(REPORTED, factbox)[1] == "the ferries would run again"


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev is not beside the repository")
def test_on_polnear_dev_the_tagger_adds_exact_spans(nlp: Language) -> None:
    """On real news the combination finds gold spans the rules alone miss."""
    articles = load_corpus(POLNEAR_DEV, limit=20).articles
    with_tagger, rules_only = [], []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        combined = find_attributions(doc, conventions="polnear")
        doc._.set(ROLE_SCORES, None)
        alone = find_attributions(doc, conventions="polnear")
        for found, into in ((combined, with_tagger), (alone, rules_only)):
            relations = [relation_from_statement(s) for s in found]
            into.append(score_article(article.text, article.relations, relations))
    assert (
        total(with_tagger).content.exact.matched_gold > total(rules_only).content.exact.matched_gold
    )


def test_a_sure_tagged_source_replaces_the_rules_overlapping_one(nlp: Language) -> None:
    rule = _statement(REPORTED, "said", "that the ferries would run again", "The harbour master")
    words = {CUE: ["said"], SOURCE: ["harbour", "master"]}
    doc = doc_with_scores(nlp, REPORTED, words)
    (sure,) = combine(doc, [rule], Thresholds(replace_source=0.9))
    assert statement_spans(REPORTED, sure)[2] == "harbour master"
    (unsure,) = combine(doc, [rule], Thresholds(replace_source=0.99))
    assert statement_spans(REPORTED, unsure)[2] == "The harbour master"


def test_a_sure_tagged_content_without_a_statement_takes_the_nearest_cue(nlp: Language) -> None:
    words = {CUE: ["according", "to"], CONTENT: ["The", "ferries", "will", "run", "again"]}
    doc = doc_with_scores(nlp, NOTICE, words)
    roles = doc._.get(ROLE_SCORES)
    roles[:, CUE, INSIDE] *= 0.6  # a cue too weak to make a statement on its own (0.57)
    assert combine(doc, [], Thresholds(lone_content=1.01)) == []
    (statement,) = combine(doc, [], Thresholds(lone_content=0.9))
    assert statement_spans(NOTICE, statement)[:2] == ("according to", "The ferries will run again")


# Written for these tests: a tagged content that stops short of the phrase the parse has.
ADDRESS = "The senator did not address his tweets about the mayor."


def test_a_tagged_content_stopping_mid_phrase_takes_the_whole_phrase(nlp: Language) -> None:
    short = doc_with_scores(nlp, ADDRESS, {CUE: ["did", "not", "address"], CONTENT: ["his"]})
    (statement,) = combine(short, [])
    assert statement_spans(ADDRESS, statement)[:2] == (
        "did not address",
        "his tweets about the mayor",
    )
    # a tagged content that ends where its phrase does is kept as the tagger drew it
    whole = doc_with_scores(
        nlp, ADDRESS, {CUE: ["did", "not", "address"], CONTENT: ["his", "tweets"]}
    )
    (statement,) = combine(whole, [])
    assert statement_spans(ADDRESS, statement)[1] in ("his tweets", "his tweets about the mayor")
    assert combine(whole, [], polnear=False) == []  # no source: the factbox adds nothing


def test_a_tagged_content_ending_on_a_preposition_is_completed(nlp: Language) -> None:
    """A PolNeAR dev shape: 'is doubling down on [his attacks on a former Miss Universe]',
    where the tagger's content stopped at the preposition (too short a part of the phrase to
    be snapped to it)."""
    text = "The governor is doubling down on his attacks against a former senator from the coast."
    words = {
        CUE: ["is", "doubling", "down", "on"],
        CONTENT: ["his", "attacks", "against"],
        SOURCE: ["The", "governor"],
    }
    (statement,) = combine(doc_with_scores(nlp, text, words), [])
    assert statement_spans(text, statement) == (
        "is doubling down on",
        "his attacks against a former senator from the coast",
        "The governor",
    )
