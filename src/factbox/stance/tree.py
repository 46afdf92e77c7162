"""Small helpers over the spaCy dependency parse, shared by matching and classifying."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from factbox.records import Span

_DIGIT_PLURAL = re.compile(r"^(.*\d)s$")
_SPLIT = re.compile(r"[\s\-]+")


def forms(token: Token) -> set[str]:
    """The lower-case forms a token is looked up by: its lemma and its text.

    "F-16s" is also looked up as "f-16" (spaCy leaves plurals of model names alone).
    """
    found = {token.lemma_.lower(), token.lower_}
    if token.tag_ in {"NNP", "NNPS"} and token.lower_.endswith("s") and len(token) > 3:
        # spaCy keeps plural names as they are ("Eurofighters", "Patriots")
        found.add(token.lower_[:-1])
    for form in list(found):
        plural = _DIGIT_PLURAL.match(form)
        if plural:
            found.add(plural.group(1))
    return found


def words_of(token: Token) -> list[str]:
    """A token's lemma as the words phrases are matched on ("cease-fire" -> cease, fire)."""
    words = [w for w in _SPLIT.split(token.lemma_.lower()) if w]
    if words:
        plural = _DIGIT_PLURAL.match(words[-1])
        if plural:
            words[-1] = plural.group(1)
    return words


def is_hyphen(token: Token) -> bool:
    return token.tag_ == "HYPH" or token.text in {"-", "\u2010", "\u2011"}


def find_phrases(
    tokens: Iterable[Token], phrases: Iterable[tuple[str, ...]]
) -> Iterator[tuple[Token, Token]]:
    """Yield (first, last) token of every occurrence of any phrase, hyphens ignored."""
    sequence: list[tuple[str, Token]] = []
    for token in tokens:
        if is_hyphen(token):
            continue
        sequence.extend((word, token) for word in words_of(token))
    words = [w for w, _ in sequence]
    for phrase in phrases:
        size = len(phrase)
        for start in range(len(words) - size + 1):
            if tuple(words[start : start + size]) == phrase:
                yield sequence[start][1], sequence[start + size - 1][1]


def phrase_head(first: Token, last: Token) -> Token:
    """The token of a contiguous stretch whose head lies outside it (the last such)."""
    doc = first.doc
    inside = range(first.i, last.i + 1)
    heads = [doc[i] for i in inside if doc[i].head.i not in inside or doc[i].head.i == i]
    return heads[-1] if heads else last


def ancestors_with_depth(token: Token) -> dict[int, int]:
    depth = {token.i: 0}
    current = token
    steps = 0
    while current.head.i != current.i:
        current = current.head
        steps += 1
        depth[current.i] = steps
    return depth


def tree_distance(a: Token, b: Token) -> int:
    """Edges on the dependency path between two tokens (a large number if unconnected)."""
    if a.doc is not b.doc or a.sent.start != b.sent.start:
        return 1_000
    up = ancestors_with_depth(a)
    current = b
    steps = 0
    while current.i not in up:
        if current.head.i == current.i:
            return 1_000
        current = current.head
        steps += 1
    return steps + up[current.i]


def char_span(token: Token) -> Span:
    return (token.idx, token.idx + len(token.text))


def stretch_span(first: Token, last: Token) -> Span:
    return (first.idx, last.idx + len(last.text))


def in_span(token: Token, span: SpacySpan) -> bool:
    return span.start <= token.i < span.end
