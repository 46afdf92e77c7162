"""The chooser between the rules' content span and the tagger's (span_choice.py)."""

from __future__ import annotations

import numpy as np
import pytest
from extract_support import POLNEAR_DEV, dev_content_f1
from spacy.language import Language

from factbox.extract.attributions import find_attributions
from factbox.extract.span_choice import (
    SpanChooser,
    choice_features,
    load_span_chooser,
    pieces_features,
)
from factbox.extract.tagged import combine
from factbox.extract.tagger import BEGIN, CONTENT, CUE, INSIDE, ROLE_SCORES, SOURCE
from factbox.records import Statement

# Written for these tests, in the shape of a cue with an object and a prepositional
# complement ("accused X of Y"), where PolNeAR's annotators and the parse start the content
# at different words.
ACCUSED = "The union accused the port authority of delaying the ferries."


def _roles(nlp: Language, text: str, marks: dict[int, str]) -> tuple[object, np.ndarray]:
    doc = nlp(text)
    roles = np.zeros((len(doc), 3, 2), dtype=np.float32)
    for role, words in marks.items():
        start = text.index(words)
        inside = [t.i for t in doc if start <= t.idx < start + len(words)]
        roles[inside, role, INSIDE] = 0.97
        roles[inside[0], role, BEGIN] = 0.95
    doc._.set(ROLE_SCORES, roles)
    return doc, roles


def _rule(text: str) -> Statement:
    content = "the port authority of delaying the ferries"
    at = text.index(content)
    return Statement(
        kind="indirect",
        cue="accused",
        cue_span=(10, 17),
        content=content,
        content_span=(at, at + len(content)),
        source_text="The union",
        source_span=(0, 9),
        span=(0, at + len(content)),
    )


def test_features_say_which_edge_differs_and_by_what_word(nlp: Language) -> None:
    doc, roles = _roles(nlp, ACCUSED, {CONTENT: "delaying the ferries"})
    rule = (3, 10)  # "the port authority of delaying the ferries"
    tagged = (7, 10)  # "delaying the ferries"
    assert doc[rule[0] : rule[1]].text == "the port authority of delaying the ferries"
    features = choice_features(doc, roles, rule, tagged, (2, 3))
    assert doc[2].text == "accused"
    assert "start=rule-wider" in features
    assert "end=same" in features
    assert "start,rule-wider,first=prep" in features  # "of" meets the shared words
    assert "start,rule-wider,words=<5" in features


def test_the_chooser_replaces_the_rule_span_only_when_it_prefers_the_tagger(
    nlp: Language,
) -> None:
    marks = {CUE: "accused", SOURCE: "The union", CONTENT: "delaying the ferries"}
    doc, _ = _roles(nlp, ACCUSED, marks)
    rule = _rule(ACCUSED)
    prefers = SpanChooser({"start,rule-wider,first=prep": 3.0}, 0.5, 0.25)
    (chosen,) = combine(doc, [rule], chooser=prefers)
    assert chosen.content == "delaying the ferries"
    never = SpanChooser({"start,rule-wider,first=prep": 3.0}, 1.01, 0.25)
    (kept,) = combine(doc, [rule], chooser=never)
    assert kept.content == rule.content
    little_shared = SpanChooser({"start,rule-wider,first=prep": 3.0}, 0.5, 0.5)
    (kept,) = combine(doc, [rule], chooser=little_shared)  # 3 of 7 words shared
    assert kept.content == rule.content


def test_the_shipped_chooser_is_loaded() -> None:
    chooser = load_span_chooser()
    assert chooser is not None
    assert 0 < chooser.threshold <= 1 and chooser.weights


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev is not beside the repository")
def test_on_polnear_dev_the_chooser_finds_more_exact_contents(nlp: Language) -> None:
    """On real news the shipped chooser draws more gold contents than keeping the rules'."""
    shipped = load_span_chooser()
    assert shipped is not None
    never = SpanChooser(shipped.weights, 1.01, shipped.min_shared)
    chosen, kept = dev_content_f1(
        nlp,
        20,
        lambda doc: find_attributions(doc, conventions="polnear", span_chooser=shipped),
        lambda doc: find_attributions(doc, conventions="polnear", span_chooser=never),
    )
    assert chosen > kept


# Written for these tests, in the shape of a PolNeAR train sentence where the rules cut a
# content in two around its cue while the annotators mark only the clause after it ("On the
# spur of the moment I decided on [X]" / "When I began, I saw she expected [me to read]").
PIECES = "At the last minute the mayor decided on a plan to reopen the port."


def _in_pieces(text: str) -> Statement:
    first, second = "At the last minute", "a plan to reopen the port"
    a, b = text.index(first), text.index(second)
    cue = text.index("decided on")
    return Statement(
        kind="indirect",
        cue="decided on",
        cue_span=(cue, cue + len("decided on")),
        content=f"{first} {second}",
        content_span=(a, b + len(second)),
        source_text="the mayor",
        source_span=(text.index("the mayor"), text.index("the mayor") + len("the mayor")),
        span=(a, b + len(second)),
        content_pieces=((a, a + len(first)), (b, b + len(second))),
    )


def test_pieces_features_say_where_the_tagged_span_lies() -> None:
    base = ["bias", "start=rule-wider", "end=same", "after-cue=no"]
    inside = pieces_features(base, [(0, 4), (8, 14)], (8, 14))
    assert "pieces,tagged=in-one-piece" in inside and "pieces=2" in inside
    assert "pieces,start=rule-wider" in inside and "pieces,after-cue=no" not in inside
    assert "pieces,tagged=covers" in pieces_features(base, [(2, 4), (8, 14)], (0, 14))
    assert "pieces,tagged=across" in pieces_features(base, [(0, 4), (8, 14)], (2, 10))


def test_a_content_in_pieces_gives_way_to_the_tagged_span_the_chooser_prefers(
    nlp: Language,
) -> None:
    marks = {CUE: "decided on", SOURCE: "the mayor", CONTENT: "a plan to reopen the port"}
    doc, _ = _roles(nlp, PIECES, marks)
    rule = _in_pieces(PIECES)
    weights = {"pieces,tagged=in-one-piece": 3.0}
    chosen, kept = (
        combine(doc, [rule], chooser=SpanChooser(weights, threshold, 0.0))[0]
        for threshold in (0.5, 1.01)
    )
    assert chosen.content == "a plan to reopen the port" and chosen.content_pieces == ()
    assert chosen.span[0] == rule.source_span[0]  # still covers the source
    assert kept.content_pieces == rule.content_pieces
