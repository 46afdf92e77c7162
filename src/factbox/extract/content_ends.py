"""Where a content ends: a learned cut of the tail PolNeAR's annotators leave out.

After the statements are found and their contents chosen (rules, tagger, span chooser), one
common way a predicted content overlaps a gold content without matching it, on PolNeAR dev, is
a content that starts where the annotators start but runs on: over a relative clause
("the health of Donald Trump[, who is 70]"), a participle ("... people[, focusing on people
under 30]"), a second verb phrase ("he would order a review[ and warned against hackers]"), a
phrase that modifies the reporting rather than what was reported ("noted the comments[ on
its website]") or the next sentence. The annotators do not always leave these out: the same
kinds of words are inside the gold content as often as outside it for some cues and
sentences, so no fixed rule gains.

So each content (its last piece, under PolNeAR's conventions only) is offered the places
where it could end earlier: before each word from which the rest of the piece hangs on words
before it in the parse (the words kept form whole phrases; ``cut_points``). A logistic
regression over what lies past the cut (``cut_features``: the kind of its first word, the
mark before it, the relations by which it hangs on the kept words, its length, whether it is
another sentence or holds a reporting verb, how sure the tagger is that it is content) gives
each place a probability that the annotators end there; the content is cut at the likeliest
place when that is at least the threshold chosen on dev. The weights are fitted by
``bench/train_content_ends.py`` on the extractor's own output over a PolNeAR train sample,
labelled by whether the cut content is a gold one; they ship in
``factbox/data/content_ends.json``.

A content the tagger draws whole is not cut: when one of its (Viterbi-decoded) content spans
runs from the content's first word to its last (marks at the edges aside), the rules and the
tagger agree on both edges, and on PolNeAR the cutter's cuts of such contents broke more gold
contents than they fixed ("said [the candidate was headed to the venue ..., which she was
doing when ...]": the annotators let it run on). The model sees the tagger's scores over the
tail one word at a time; the agreement of two different readers on the whole span is what it
lacks (docs/quality.md).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from factbox.extract.boundaries import with_pieces
from factbox.extract.doc_text import doc_text
from factbox.extract.learned import logistic
from factbox.extract.span_choice import word_class
from factbox.extract.tagged import viterbi_spans
from factbox.extract.tagger import BEGIN, CONTENT, INSIDE, ROLE_SCORES
from factbox.records import Span, Statement

CONTENT_ENDS_PATH = Path(__file__).resolve().parent.parent / "data" / "content_ends.json"
TokenRange = tuple[int, int]
_PROBABILITY_EDGES = (0.2, 0.5, 0.8, 0.9, 0.95)
_REPORTING_LEMMAS = frozenset({"say", "tell", "add", "note", "write", "according", "report"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_CLOSED_CLASSES = frozenset({"ADP", "CCONJ", "SCONJ", "PRON", "DET", "PART"})
_MARKS = {",": "comma", ";": "semicolon", ":": "colon", "\u2014": "dash", "\u2013": "dash"}


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if value < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def _mark_before(doc: Doc, i: int) -> str:
    """The kind of mark right before word ``i`` (spaces skipped): a comma, a dash, a quote."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or not doc[j].is_punct:
        return "none"
    text = doc[j].text
    if text in _MARKS:
        return _MARKS[text]
    if text in ("--", "-"):
        return "dash"
    if doc[j].is_quote:
        return "quote"
    return "stop" if text in ".!?" else "other"


def piece_tokens(doc: Doc, starts: list[int], piece: Span) -> TokenRange:
    """The tokens a character piece covers (``starts``: every token's first character)."""
    first = max(bisect_right(starts, piece[0]) - 1, 0)
    last = bisect_left(starts, piece[1])
    return first, max(last, first + 1)


def cut_points(doc: Doc, tokens: TokenRange) -> list[int]:
    """The words of ``tokens`` (after its first) before which the piece can end: no word
    before depends on a word from there on, so what is kept is made of whole phrases, and the
    words dropped hang on kept words (or stand apart, as another sentence does)."""
    start, end = tokens
    heads = [doc[k].head.i for k in range(start, end)]
    points: list[int] = []
    reach = -1  # the furthest head inside the piece that a word so far depends on
    for i in range(start + 1, end):
        head = heads[i - 1 - start]
        if head < end:
            reach = max(reach, head)
        token = doc[i]
        if reach >= i or token.is_punct or token.is_space:
            continue
        if any(not doc[k].is_punct and not doc[k].is_space for k in range(start, i)):
            points.append(i)
    return points


def cut_features(
    doc: Doc, roles: np.ndarray | None, tokens: TokenRange, cut: int, statement: Statement
) -> list[str]:
    """What the model sees of one place a content could end (before word ``cut``)."""
    start, end = tokens
    tail = [doc[k] for k in range(cut, end) if not doc[k].is_space]
    kept = [doc[k] for k in range(start, cut) if not doc[k].is_space and not doc[k].is_punct]
    first = doc[cut]
    mark = _mark_before(doc, cut)
    hanging = sorted({t.dep_ for t in tail if not cut <= t.head.i < end})
    onto_root = any(
        t.head.i < cut and not start <= t.head.head.i < end for t in tail if t.head.i < cut
    )
    features = [
        "bias",
        f"first={word_class(first)}",
        f"mark={mark}",
        f"tail={_bucket(len(tail), (2, 4, 8, 16))}",
        f"kept={_bucket(len(kept), (2, 4, 8, 16))}",
        f"onto-root={'yes' if onto_root else 'no'}",
        f"kind={statement.kind}",
    ]
    features += [f"hangs={dep}" for dep in hanging]
    features += [f"hangs,mark={dep},{mark}" for dep in hanging]
    if any(t.is_sent_start for t in tail):
        features.append("sentence")
    if any(t.lemma_.lower() in _REPORTING_LEMMAS and t.pos_ == "VERB" for t in tail):
        features.append("reporting-verb")
    if any(t.is_quote for t in tail):
        features.append("quote-mark")
    if any(t.ent_type_ in _TIME_ENTITIES for t in tail):
        features.append("time")
    if first.pos_ in _CLOSED_CLASSES or first.tag_ in ("WDT", "WP", "WRB"):
        features.append(f"word={first.lower_}")
    verbs = [t for t in tail if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")]
    if verbs:  # "... and warned X": a verb of the source's own, or a clause of the content
        own = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verbs[0].children)
        features.append(f"conj-verb-subject={'yes' if own else 'no'}")
    roots = [doc[k] for k in range(start, cut) if not start <= doc[k].head.i < end]
    root = roots[0].dep_ if roots else "-"
    features.append(f"root={root}")
    features.append(f"root,first={root},{word_class(first)}")
    opening = "that" if kept and kept[0].lower_ == "that" else "-"
    features.append(f"opens={'quote' if doc[start].is_quote else opening}")
    if roles is not None:
        before = cut - 1
        while before > start and (doc[before].is_punct or doc[before].is_space):
            before -= 1
        for name, value in (
            ("tail-inside", roles[cut:end, CONTENT, INSIDE].mean()),
            ("first-inside", roles[cut, CONTENT, INSIDE]),
            ("first-begin", roles[cut, CONTENT, BEGIN]),
            ("last-kept-inside", roles[before, CONTENT, INSIDE]),
        ):
            features.append(f"{name}={_bucket(float(value), _PROBABILITY_EDGES)}")
    return features


@dataclass(frozen=True, slots=True)
class EndCutter:
    """Logistic regression over ``cut_features``; a content is cut at its likeliest place
    when that place's probability is at least ``threshold``."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: list[str]) -> float:
        return logistic(sum(self.weights.get(feature, 0.0) for feature in features))

    def choose(self, candidates: list[tuple[int, list[str]]]) -> int | None:
        """The cut (a word index) to make among ``candidates``, or None."""
        best: tuple[float, int] | None = None
        for cut, features in candidates:
            probability = self.probability(features)
            if best is None or probability > best[0]:
                best = (probability, cut)
        return best[1] if best is not None and best[0] >= self.threshold else None


def _trimmed_end(doc: Doc, start: int, cut: int) -> int:
    """The token end of a piece cut before ``cut``, without the marks left at its end."""
    end = cut
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def cut_candidates(
    doc: Doc, starts: list[int], statement: Statement
) -> list[tuple[Span, list[str]]]:
    """Each place the statement's content could end earlier, as the new last piece
    (characters) and its features."""
    pieces = statement.content_pieces or (statement.content_span,)
    tokens = piece_tokens(doc, starts, pieces[-1])
    roles = doc._.get(ROLE_SCORES)
    scores = np.asarray(roles) if roles is not None else None
    out: list[tuple[Span, list[str]]] = []
    for cut in cut_points(doc, tokens):
        end = _trimmed_end(doc, tokens[0], cut)
        last = doc[end - 1]
        piece = (pieces[-1][0], last.idx + len(last.text))
        if piece[1] <= piece[0]:
            continue
        out.append((piece, cut_features(doc, scores, tokens, cut, statement)))
    return out


def _without_marks(doc: Doc, start: int, end: int) -> TokenRange:
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def tagged_contents(doc: Doc) -> set[TokenRange]:
    """The tagger's (Viterbi-decoded) content spans, marks at either edge dropped; none when
    the tagger did not run."""
    roles = doc._.get(ROLE_SCORES)
    if roles is None:
        return set()
    spans = viterbi_spans(doc, np.asarray(roles), CONTENT)
    return {_without_marks(doc, span.start, span.end) for span in spans}


def tagged_whole(
    doc: Doc, starts: list[int], statement: Statement, tagged: set[TokenRange]
) -> bool:
    """Whether one of the tagger's content spans (``tagged``, of ``tagged_contents``) runs
    from the statement's first content word to its last: tagger and rules agree on both
    edges."""
    pieces = statement.content_pieces or (statement.content_span,)
    first = piece_tokens(doc, starts, pieces[0])
    last = piece_tokens(doc, starts, pieces[-1])
    content = _without_marks(doc, first[0], last[1])
    return content[0] < content[1] and content in tagged


def cut_tails(doc: Doc, statements: list[Statement], cutter: EndCutter) -> list[Statement]:
    """The statements with each content cut where ``cutter`` says the annotators end it,
    but for contents the tagger draws whole (``tagged_whole``)."""
    starts = [token.idx for token in doc]
    text = doc_text(doc)
    tagged = tagged_contents(doc)
    out: list[Statement] = []
    for statement in statements:
        if tagged_whole(doc, starts, statement, tagged):
            out.append(statement)
            continue
        candidates = cut_candidates(doc, starts, statement)
        chosen = cutter.choose([(i, features) for i, (_, features) in enumerate(candidates)])
        if chosen is not None:
            pieces = statement.content_pieces or (statement.content_span,)
            statement = with_pieces(statement, [*pieces[:-1], candidates[chosen][0]], text)
        out.append(statement)
    return out


def parse_end_cutter(data: dict[str, Any]) -> EndCutter:
    return EndCutter(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
    )


@lru_cache(maxsize=1)
def load_end_cutter() -> EndCutter | None:
    """The cutter shipped in ``factbox/data/content_ends.json`` (None when absent)."""
    if not CONTENT_ENDS_PATH.is_file():
        return None
    with CONTENT_ENDS_PATH.open(encoding="utf-8") as handle:
        return parse_end_cutter(json.load(handle))
