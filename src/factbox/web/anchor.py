"""Finding a reader's quoted selection again in the current text of an article.

First the exact words (the occurrence whose surroundings best match the quote's prefix and
suffix, then the one nearest the reported position); failing that, the stretch of text
most like the quote (difflib). A quote that is no longer there word for word is "probably
fixed": someone has changed the text since it was reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

AnchorKind = Literal["exact", "fuzzy", "missing"]

FUZZY_MIN_RATIO = 0.6
"""How alike the quote and the found text must be for a fuzzy anchor."""


@dataclass(frozen=True, slots=True)
class Anchor:
    kind: AnchorKind
    span: tuple[int, int] | None
    ratio: float
    """1.0 for an exact anchor; the difflib ratio of the found text for a fuzzy one."""

    @property
    def probably_fixed(self) -> bool:
        return self.kind != "exact"


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _exact(text: str, exact: str, prefix: str, suffix: str, hint: int | None) -> int | None:
    best: tuple[int, int] | None = None
    best_start: int | None = None
    start = text.find(exact)
    while start != -1:
        end = start + len(exact)
        context = _common_suffix(text[max(0, start - len(prefix)) : start], prefix)
        context += _common_prefix(text[end : end + len(suffix)], suffix)
        distance = abs(start - hint) if hint is not None else 0
        score = (context, -distance)
        if best is None or score > best:
            best, best_start = score, start
        start = text.find(exact, start + 1)
    return best_start


def _map_index(blocks: list[tuple[int, int, int]], needle_index: int, forward: bool) -> int | None:
    """Where ``needle_index`` of the needle falls in the text, by the matching blocks."""
    for a, b, size in blocks:
        if b <= needle_index < b + size:
            return a + (needle_index - b)
    if forward:
        later = [(a, b) for a, b, size in blocks if size and b >= needle_index]
        return later[0][0] if later else None
    earlier = [(a + size, b + size) for a, b, size in blocks if size and b + size <= needle_index]
    return earlier[-1][0] if earlier else None


def _fuzzy(text: str, exact: str, prefix: str, suffix: str) -> tuple[int, int, float] | None:
    needle = prefix + exact + suffix
    matcher = SequenceMatcher(None, text, needle, autojunk=False)
    blocks = [tuple(block) for block in matcher.get_matching_blocks() if block.size]
    if not blocks:
        return None
    typed = [(int(a), int(b), int(size)) for a, b, size in blocks]
    start = _map_index(typed, len(prefix), forward=True)
    end_last = _map_index(typed, len(prefix) + len(exact) - 1, forward=False)
    if start is None or end_last is None:
        return None
    end = end_last + 1 if end_last >= start else start
    if end <= start:
        return None
    ratio = SequenceMatcher(None, text[start:end], exact, autojunk=False).ratio()
    return start, end, ratio


def anchor(
    text: str,
    exact: str,
    prefix: str = "",
    suffix: str = "",
    hint: int | None = None,
    window: int = 4000,
) -> Anchor:
    """Find ``exact`` (with its ``prefix``/``suffix`` context) in ``text``.

    ``hint`` is where the quote was when reported (an offset into ``text``, if known); the
    fuzzy search looks within ``window`` characters of it, or the whole text without one.
    """
    if not exact:
        return Anchor("missing", None, 0.0)
    start = _exact(text, exact, prefix, suffix, hint)
    if start is not None:
        return Anchor("exact", (start, start + len(exact)), 1.0)
    offset = 0
    region = text
    if hint is not None and len(text) > 2 * window:
        offset = max(0, hint - window)
        region = text[offset : hint + window + len(exact)]
    found = _fuzzy(region, exact, prefix, suffix)
    if found is None or found[2] < FUZZY_MIN_RATIO:
        return Anchor("missing", None, found[2] if found else 0.0)
    return Anchor("fuzzy", (offset + found[0], offset + found[1]), found[2])


Finding = Literal["found", "changed", "not_in_text", "not_found"]
"""Where a reader's quote is now:

- ``found``: word for word in the current text;
- ``changed``: it was word for word in the revision the reader saw, and that text has changed
  since (the report is probably fixed; a fuzzy anchor shows the closest text);
- ``not_in_text``: it was not in the text the reader saw (they selected the title, the list of
  statements or other page text), so nothing was fixed;
- ``not_found``: not in the current text, and which text the reader saw is not known (a page
  on another site, or a revision the ledger no longer holds)."""


def finding(found: Anchor, exact: str, current: str, seen: str | None) -> Finding:
    """What an anchor ``found`` in the ``current`` text says about the report: ``seen`` is the
    text of the revision the reader reported on, when the ledger holds it."""
    if found.kind == "exact":
        return "found"
    if seen is None:
        return "not_found"
    if seen != current and exact in seen:
        return "changed"
    return "not_in_text"
