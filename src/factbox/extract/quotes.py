"""Quoted passages: one pass over the text pairing quote marks, paragraph-aware."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from factbox.extract.cues import QuoteFamily
from factbox.records import Span

# A mark can open after these (besides whitespace and other quote marks), and close before these.
_OPEN_AFTER = frozenset("([{/:\u2014\u2013\u2015-")
_CLOSE_BEFORE = frozenset(".,;:!?)]}/\u2014\u2013\u2015-\u2026")
_TITLE_WORD = re.compile(r"[^\W_][\w'\u2019.-]*")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage; nested quotes are not reported separately."""

    outer: Span
    """From the first opening mark to the last closing mark, marks included."""
    parts: tuple[Span, ...]
    """The quoted words without marks or edge whitespace: one part per paragraph."""
    family: str


@dataclass(slots=True)
class _OpenQuote:
    mark: str
    start: int
    inner_start: int
    parts: list[Span] = field(default_factory=list)
    possessive_close: int | None = None
    """A closing mark that may instead be a plural possessive ("the allies' troops")."""
    awaiting_reopen: bool = False
    """The paragraph ended inside the quote; the next may reopen it with a fresh mark."""


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _may_be_possessive(text: str, pos: int) -> bool:
    after = pos + 1
    return (
        text[pos - 1] in "sS"
        and after + 1 < len(text)
        and text[after] == " "
        and text[after + 1].isalpha()
    )


def _closed(state: _OpenQuote, close_at: int, text: str, family: str) -> Quote | None:
    parts = [*state.parts, _trimmed(text, state.inner_start, close_at)]
    kept = tuple(part for part in parts if part[0] < part[1])
    if not kept:
        return None
    return Quote(outer=(state.start, close_at + 1), parts=kept, family=family)


class _QuoteScanner:
    """State of one left-to-right pass; one open quote at most per family."""

    def __init__(self, text: str, families: Iterable[QuoteFamily]) -> None:
        self.text = text
        self.family_of = {mark: family for family in families for mark in family.marks}
        self.open: dict[str, _OpenQuote] = {}
        self.found: list[Quote] = []
        self.paragraph_start = 0

    def _emit(self, family: str, close_at: int) -> None:
        state = self.open.pop(family)
        quote = _closed(state, close_at, self.text, family)
        if quote is not None:
            self.found.append(quote)

    def paragraph_break(self, pos: int) -> None:
        paragraph_blank = not self.text[self.paragraph_start : pos].strip()
        for name in list(self.open):
            state = self.open[name]
            if state.possessive_close is not None:
                self._emit(name, state.possessive_close)
            elif state.awaiting_reopen:
                if not paragraph_blank:
                    del self.open[name]
            else:
                state.parts.append(_trimmed(self.text, state.inner_start, pos))
                state.awaiting_reopen = True
        self.paragraph_start = pos + 1

    def mark(self, pos: int, mark: str) -> None:
        text = self.text
        family = self.family_of[mark]
        state = self.open.get(family.name)
        if state is not None and state.awaiting_reopen:
            at_paragraph_start = not text[self.paragraph_start : pos].strip()
            if at_paragraph_start and family.is_opener(mark):
                state.awaiting_reopen = False
                state.mark = mark
                state.inner_start = pos + 1
                return
            del self.open[family.name]
            state = None

        before = text[pos - 1] if pos > 0 else "\n"
        after = text[pos + 1] if pos + 1 < len(text) else "\n"
        if family.has_apostrophes and before.isalnum() and after.isalnum():
            return
        opener, closer = family.is_opener(mark), family.is_closer(mark)
        can_open = opener and (
            not closer
            or (
                not after.isspace()
                and (before.isspace() or before in _OPEN_AFTER or before in self.family_of)
            )
        )
        can_close = closer and (
            not opener
            or (
                not before.isspace()
                and (after.isspace() or after in _CLOSE_BEFORE or after in self.family_of)
            )
        )
        if state is None:
            if can_open:
                self.open[family.name] = _OpenQuote(mark, pos, pos + 1)
            return
        if can_close and mark in family.closers[state.mark]:
            if family.has_apostrophes and _may_be_possessive(text, pos):
                if state.possessive_close is None:
                    state.possessive_close = pos
                return
            self._emit(family.name, pos)
            return
        if can_open:
            # An opening mark while one is open: the earlier one was never closed.
            if state.possessive_close is not None:
                self._emit(family.name, state.possessive_close)
            self.open[family.name] = _OpenQuote(mark, pos, pos + 1)

    def finish(self) -> list[Quote]:
        for name in list(self.open):
            close_at = self.open[name].possessive_close
            if close_at is not None:
                self._emit(name, close_at)
        self.open.clear()
        return _outermost(self.found)


def _outermost(quotes: list[Quote]) -> list[Quote]:
    ordered = sorted(quotes, key=lambda quote: (quote.outer[0], -quote.outer[1]))
    kept: list[Quote] = []
    reach = -1
    for quote in ordered:
        if quote.outer[0] < reach:
            continue  # nested in (or crossing) an earlier quote
        kept.append(quote)
        reach = quote.outer[1]
    return kept


@lru_cache(maxsize=8)
def _mark_pattern(marks: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(marks))) + "\n]")


def find_quotes(text: str, families: tuple[QuoteFamily, ...]) -> list[Quote]:
    """Outermost quoted passages in text order.

    A paragraph that ends inside a quote continues it when the next paragraph opens
    with a fresh mark (the newspaper convention for quotes running over paragraphs).
    """
    scanner = _QuoteScanner(text, families)
    pattern = _mark_pattern(frozenset(scanner.family_of))
    for match in pattern.finditer(text):
        if match.group() == "\n":
            scanner.paragraph_break(match.start())
        else:
            scanner.mark(match.start(), match.group())
    return scanner.finish()


def is_title_like(words: str, minor_words: frozenset[str]) -> bool:
    """A quoted name rather than speech: two or more capitalised words, no sentence inside.

    A final stop is allowed: American copy sets it inside the closing mark (“Fox and Friends.”).
    """
    words = words.rstrip(".,;:!? ")
    if any(mark in words for mark in ".!?"):
        return False
    tokens = _TITLE_WORD.findall(words)
    if len(tokens) < 2:
        return False
    return all(
        token[0].isupper() or token[0].isdigit() or token.lower() in minor_words for token in tokens
    )
