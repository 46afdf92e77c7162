"""Spans as sets of character pieces, and the two views the scorer compares them by.

A span is a tuple of ``(start, end)`` pieces (BRAT allows discontinuous spans). Two views:

- the *trimmed* form: every piece loses surrounding whitespace and punctuation (quote marks
  included), empty pieces are dropped, and pieces separated only by whitespace/punctuation are
  joined. A span that is punctuation only (the colon cue of ``WALLACE: ...``) loses only its
  whitespace. Exact matching compares trimmed forms.
- the *units*: the whitespace tokens of the text that the span touches. A token is a maximal run
  of non-whitespace characters; its *core* is the token without leading/trailing punctuation;
  tokens that are all punctuation are ignored. A span touches a token when one of its pieces
  overlaps the token's core by at least one character. A span that touches no token
  (punctuation only) is measured by its non-space characters instead, so two colon cues can
  overlap. Overlap matching compares unit sets.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from factbox.records import Span

Pieces = tuple[Span, ...]

_TOKEN = re.compile(r"\S+")
# Backtick and acute accent are symbols (Sk) in Unicode but serve as quote marks in news copy.
_EXTRA_TRIM = frozenset("`´")


def is_trim_char(char: str) -> bool:
    """Whitespace, punctuation (Unicode category P*) or a quote-like symbol."""
    return char.isspace() or unicodedata.category(char).startswith("P") or char in _EXTRA_TRIM


def is_quote_mark(char: str) -> bool:
    """A quotation mark: Unicode initial/final quote (Pi/Pf), ASCII quotes, low-9 quotes."""
    return unicodedata.category(char) in ("Pi", "Pf") or char in "\"'„‚"


def trim_piece(text: str, piece: Span) -> Span:
    """``piece`` without surrounding whitespace and punctuation (may become empty)."""
    start, end = piece
    while start < end and is_trim_char(text[start]):
        start += 1
    while end > start and is_trim_char(text[end - 1]):
        end -= 1
    return (start, end)


def trimmed(text: str, pieces: Iterable[Span]) -> Pieces:
    """The trimmed form of a span: the key exact matching compares."""
    pieces = list(pieces)
    kept = sorted(p for p in (trim_piece(text, piece) for piece in pieces) if p[0] < p[1])
    if not kept:
        kept = sorted(p for p in (_strip_spaces(text, piece) for piece in pieces) if p[0] < p[1])
    merged: list[Span] = []
    for start, end in kept:
        if merged:
            last_start, last_end = merged[-1]
            gap = text[last_end:start] if start > last_end else ""
            if all(is_trim_char(c) for c in gap):
                merged[-1] = (last_start, max(last_end, end))
                continue
        merged.append((start, end))
    return tuple(merged)


def _strip_spaces(text: str, piece: Span) -> Span:
    start, end = piece
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def outer(pieces: Pieces) -> Span:
    """The contiguous span from the first start to the last end."""
    return (min(p[0] for p in pieces), max(p[1] for p in pieces))


@dataclass(frozen=True, slots=True)
class TokenIndex:
    """The cores of the whitespace tokens of one text, for turning spans into token sets."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> TokenIndex:
        starts: list[int] = []
        ends: list[int] = []
        for match in _TOKEN.finditer(text):
            start, end = trim_piece(text, match.span())
            if start < end:
                starts.append(start)
                ends.append(end)
        return cls(tuple(starts), tuple(ends))

    def units(self, text: str, pieces: Iterable[Span]) -> frozenset[int]:
        """Token indices the pieces touch or, when they touch none, their non-space characters
        (as negative numbers, ``-1 - offset``, so they never equal a token index)."""
        pieces = list(pieces)
        found = self.tokens(pieces)
        if found:
            return found
        return frozenset(
            -1 - offset
            for start, end in pieces
            for offset in range(start, end)
            if not text[offset].isspace()
        )

    def tokens(self, pieces: Iterable[Span]) -> frozenset[int]:
        """Indices of the tokens whose cores the pieces overlap."""
        found: set[int] = set()
        for start, end in pieces:
            # First token whose core ends after ``start``; walk while cores start before ``end``.
            index = bisect.bisect_right(self.ends, start)
            while index < len(self.starts) and self.starts[index] < end:
                found.add(index)
                index += 1
        return frozenset(found)


def overlap_ratio(gold: frozenset[int], predicted: frozenset[int]) -> float:
    """``|gold & predicted| / max(|gold|, |predicted|)``; 0 when either is empty."""
    if not gold or not predicted:
        return 0.0
    return len(gold & predicted) / max(len(gold), len(predicted))
