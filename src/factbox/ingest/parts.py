"""Cutting an article body too long to parse at once into parts the parser takes.

spaCy refuses a text longer than ``nlp.max_length`` (error E088), and ``nlp.pipe`` parses a
batch of texts at once, so its memory grows with the characters in a batch: a 1.3 MB article
in a batch of 16 parts of 100,000 characters peaked at 3.2 GB, in parts of 25,000 at 1.7 GB,
and 0.8 GB parsed one 100,000-character part at a time. So a body longer than ``PART_CHARS``
is parsed in parts of ``PIECE_CHARS``, about the text of a batch of long news features. Each
part is a run of whole paragraphs (a quote never spans paragraphs
in news copy, so no statement is cut); only a single paragraph longer than the limit is cut
inside, at the last line break, sentence end or space before the limit, in that order.

Parts are ``(offset, text)`` pairs with ``body[offset:offset + len(text)] == text`` and
nothing left out, so a span found in a part moves back into the body by adding ``offset``.
"""

from __future__ import annotations

import re

PART_CHARS = 100_000
"""The longest body parsed whole (a long news feature is about 30,000 characters)."""
PIECE_CHARS = 20_000
"""The longest part of a body longer than that."""

# Where a part may end, best first: after a paragraph break, a line break, a sentence's
# end, any whitespace.
_CUTS = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"[.!?][\"'”’)]*\s"),
    re.compile(r"\s"),
)


def _cut(text: str, start: int, limit: int) -> int:
    """Where the part starting at ``start`` ends: the best cut in its first ``limit`` chars."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    for pattern in _CUTS:
        last = max(pattern.finditer(window), key=lambda match: match.end(), default=None)
        # A cut in the first half would leave many small parts; try a weaker kind of cut.
        if last is not None and last.end() > limit // 2:
            return start + last.end()
    return end


def parse_parts(
    body: str, whole: int = PART_CHARS, piece: int = PIECE_CHARS
) -> list[tuple[int, str]]:
    """``body`` whole if it is at most ``whole`` characters, else in parts of ``piece`` (or
    of ``whole``, if smaller)."""
    if len(body) <= whole:
        return [(0, body)]
    return body_parts(body, min(whole, piece))


def body_parts(body: str, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """``body`` in parts of at most ``limit`` characters, each with its offset."""
    if limit < 1:
        raise ValueError("limit must be positive")
    parts: list[tuple[int, str]] = []
    start = 0
    while start < len(body):
        end = _cut(body, start, limit)
        parts.append((start, body[start:end]))
        start = end
    return parts or [(0, body)]
