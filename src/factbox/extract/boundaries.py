"""Content boundaries drawn the way PolNeAR's annotators draw them, after all statements are found.

Measured on a sample of PolNeAR train (``bench/boundaries.py``), the largest class of predicted
contents that overlap a gold content without matching it miss part of a quote split by its
attribution (``"A," she said. "B."``): the annotators mark one relation whose content has
both pieces, while the rules took ``A`` for the quote before the cue and the tagger added
``B`` as a second statement of the same cue. So, under the PolNeAR conventions only (the
factbox's own statements keep their boundaries), statements whose cues start at the same word
and do not name different sources become one statement whose content has the pieces of both,
when nothing but punctuation and that attribution's cue and source lies between the pieces
(and no paragraph break): one cue, one content. The same holds when the cue stands between
the two pieces with other words beside it (``"A," she said on a visit to the port, smiling.
"B."``) and both pieces are quotes: the annotators still mark one content in two pieces,
leaving those words out (on the 400 train articles: exact content F1 64.95 to 65.14; dev 61.43
to 61.53). Unquoted pieces on either side of a cue are more often two contents.

An attribution standing between a clause's subject and its verb ("Hawaii, as an adviser
pointed out, normally does not get ...") leaves the subject out of a content drawn from the
verb on; the annotators mark it as the content's first piece, so it becomes one when a comma
(and at most "as") is all that stands between the subject and the source. The parser often
hangs such a subject on the attribution's verb, so its subjects count too. It seldom fires (one
content gained on dev, one on the 400 train articles, none lost). The content's end is then
judged by a learned model (content_ends.py).

An attribution inside a relative clause ("the levy, which the mayor said would pay for ...";
"what aides called a new era") leaves the relative word out of a content drawn from the cue
on; the annotators start the content at it, so it becomes the content's first piece when it
stands right before the source and hangs (through the content) on the cue, unless a
preposition governs it ("in which she said ...") or the content is a clause of its own
("which he said that ..."). On the 400 train articles 11 contents gained, 6 lost; dev +0.03.
A content piece never opens with its own cue: where one does (a tagged or parse span run over
the cue, "[said] was not ..."), it starts after the cue (train +13 contents, none lost; dev
63.63 to 63.73).

Tried on the same sample and left out because they lowered exact content F1 on train and dev
(the annotators do both): words that open the sentence before a parenthetical attribution as a
content piece ("Sooner or later, she said, ..."), dropping a sentence-opening conjunction from
a content ("But the goal is ..."), and reporting a content in pieces as its outer span.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc

from factbox.extract.doc_text import doc_text
from factbox.records import Span, Statement

_QUOTE_MARKS = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_CLOSING = frozenset(",.;:!?")
_GAP_MARKS = frozenset(",.;:!?\"'“”‘’`´—–- \n\t")


def _pieces(statement: Statement) -> tuple[Span, ...]:
    return statement.content_pieces or (statement.content_span,)


def with_pieces(statement: Statement, pieces: Sequence[Span], text: str) -> Statement:
    """``statement`` whose content is ``pieces`` (sorted, merged where they touch)."""
    merged: list[Span] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    content_span = (merged[0][0], merged[-1][1])
    edges = [content_span] + [e for e in (statement.cue_span, statement.source_span) if e]
    return dataclasses.replace(
        statement,
        content=" ".join(text[a:b] for a, b in merged),
        content_span=content_span,
        content_pieces=tuple(merged) if len(merged) > 1 else (),
        span=(min(e[0] for e in edges), max(e[1] for e in edges)),
    )


def _only_attribution_between(
    text: str, left: Span, right: Span, statement: Statement, other: Statement
) -> bool:
    """Whether the text between two content pieces holds nothing but the statements' cue
    and source (and punctuation, spaces, at most one sentence end)."""
    gap_start, gap_end = left[1], right[0]
    if gap_end < gap_start:
        return False
    covered = [
        span
        for span in (statement.cue_span, statement.source_span, other.source_span)
        if span is not None
    ]
    for i in range(gap_start, gap_end):
        if text[i] in _GAP_MARKS or any(a <= i < b for a, b in covered):
            continue
        return False
    return text.count("\n\n", gap_start, gap_end) == 0


def _around_cue(text: str, left: Span, right: Span, cue: Span | None) -> bool:
    """Whether the cue stands between two content pieces of one paragraph: a quote split by
    its attribution, whatever else the attribution says (``"A," she said on Friday, smiling.
    "B."``)."""
    if cue is None or not left[1] <= cue[0] or not cue[1] <= right[0]:
        return False
    if not (_closes_quote(text, left[1]) and _opens_quote(text, right[0])):
        return False  # two clauses of one cue ("said A, and B") stay two contents
    return text.count("\n\n", left[1], right[0]) == 0


def _closes_quote(text: str, end: int) -> bool:
    """Whether a quote mark follows ``end`` (past a closing comma or stop)."""
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return end < len(text) and text[end] in _QUOTE_MARKS


def _opens_quote(text: str, start: int) -> bool:
    """Whether a quote mark stands right before ``start``."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return start > 0 and text[start - 1] in _QUOTE_MARKS


def merge_same_cue(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """Statements sharing one cue span made one statement (item 1 of the module docstring)."""
    text = doc_text(doc)
    out: list[Statement] = []
    by_cue: dict[int, int] = {}
    for statement in statements:
        cue = statement.cue_span[0] if statement.cue_span is not None else None
        if cue is None or cue not in by_cue:
            if cue is not None:
                by_cue[cue] = len(out)
            out.append(statement)
            continue
        kept = out[by_cue[cue]]
        if (
            kept.source_span is not None
            and statement.source_span is not None
            and kept.source_span != statement.source_span
        ):
            out.append(statement)
            continue
        pieces = sorted([*_pieces(kept), *_pieces(statement)])
        first, second = (
            (kept, statement)
            if _pieces(kept)[0] <= _pieces(statement)[0]
            else (
                statement,
                kept,
            )
        )
        left, right = _pieces(first)[-1], _pieces(second)[0]
        if not (
            _around_cue(text, left, right, kept.cue_span)
            or _only_attribution_between(text, left, right, kept, statement)
        ):
            out.append(statement)
            continue
        merged = with_pieces(kept, pieces, text)
        if merged.source_span is None and statement.source_span is not None:
            merged = dataclasses.replace(
                merged, source_span=statement.source_span, source_text=statement.source_text
            )
        out[by_cue[cue]] = merged
    return out


_PARENTHETICAL_WORDS = frozenset({"as"})


def subject_before_attribution(doc: Doc, statement: Statement) -> Statement:
    """A content whose clause's subject stands before its parenthetical attribution
    ("Hawaii, as an adviser pointed out, normally does not ...") with that subject as a
    first piece."""
    if statement.content_pieces or statement.source_span is None or statement.cue_span is None:
        return statement
    if not statement.source_span[1] <= statement.content_span[0]:
        return statement
    if not statement.cue_span[1] <= statement.content_span[0]:
        return statement
    span = doc.char_span(*statement.content_span, alignment_mode="expand")
    source = doc.char_span(*statement.source_span, alignment_mode="expand")
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    if span is None or source is None or cue is None or not len(span) or not len(cue):
        return statement
    root = span.root
    # the parser often hangs the subject on the attribution's verb instead
    for child in [*root.children, *cue.root.children]:
        if child.dep_ not in ("nsubj", "nsubjpass") or child.i >= source.start:
            continue
        first, last = child.left_edge.i, child.right_edge.i
        if first < root.sent.start or last >= source.start:
            continue
        between = doc[last + 1 : source.start]
        if not all(t.is_punct or t.is_space or t.lower_ in _PARENTHETICAL_WORDS for t in between):
            continue
        if not any(t.is_punct for t in between):
            continue
        piece = (doc[first].idx, doc[last].idx + len(doc[last].text))
        return with_pieces(statement, [piece, statement.content_span], doc_text(doc))
    return statement


_RELATIVE_WORDS = frozenset({"which", "who", "whom", "what", "that"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})


def relative_word_before_attribution(doc: Doc, statement: Statement) -> Statement:
    """A content whose relative word stands before the attribution ("a plan, which he said
    would fail"; "what aides called a new era") with that word as a first piece."""
    if statement.source_span is None or statement.cue_span is None:
        return statement
    source_start, cue_start = statement.source_span[0], statement.cue_span[0]
    if not source_start < cue_start <= statement.content_span[0]:
        return statement
    source = doc.char_span(*statement.source_span, alignment_mode="expand")
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    if source is None or cue is None or not len(cue) or source.start == 0:
        return statement
    word = doc[source.start - 1]
    if word.lower_ not in _RELATIVE_WORDS or word.tag_ not in _RELATIVE_TAGS:
        return statement
    if cue.root not in word.ancestors or word.dep_ == "pobj" or doc[word.i - 1].pos_ == "ADP":
        return statement  # "in which he said ...": the word belongs to another phrase
    content = doc.char_span(*statement.content_span, alignment_mode="expand")
    if content is None or not len(content) or content[0].dep_ == "mark":
        return statement  # "which he has said that ...": the content is the clause
    piece = (word.idx, word.idx + len(word.text))
    return with_pieces(statement, [piece, *_pieces(statement)], doc.text)


def without_own_cue(doc: Doc, statement: Statement) -> Statement:
    """A content piece that opens with the statement's own cue ("[said] was not a prison
    sentence") starting after it."""
    cue = statement.cue_span
    if cue is None:
        return statement
    text = doc.text
    pieces = list(_pieces(statement))
    for number, (start, end) in enumerate(pieces):
        if start <= cue[0] < end and not text[start : cue[0]].strip():
            rest = end
            after = cue[1]
            while after < end and (text[after].isspace() or text[after] in _GAP_MARKS):
                after += 1
            if after >= rest:
                return statement
            pieces[number] = (after, rest)
            return with_pieces(statement, pieces, text)
    return statement


def adjust_boundaries(doc: Doc, statements: list[Statement]) -> list[Statement]:
    """The statements with the content boundaries PolNeAR draws (module docstring)."""
    return [
        relative_word_before_attribution(
            doc, subject_before_attribution(doc, without_own_cue(doc, s))
        )
        for s in merge_same_cue(doc, statements)
    ]
