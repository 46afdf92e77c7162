"""Attribution relations (cue, content, source) as the scorer sees them, gold or predicted."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from factbox.evaluate.brat import Attribute, BratDocument, Event, TextBound
from factbox.evaluate.textspans import Pieces, is_quote_mark
from factbox.records import Statement

RelationType = Literal["direct", "indirect", "no-source"]
RELATION_TYPES: tuple[RelationType, ...] = ("direct", "indirect", "no-source")
Role = Literal["source", "cue", "content"]
ROLES: tuple[Role, ...] = ("source", "cue", "content")

KIND_ATTRIBUTE = "Kind"
"""BRAT attribute on an event that carries a predicted statement's ``kind``."""

# BRAT numbers repeated roles of one event: Content, Content2, ...
_ROLE_NUMBER = re.compile(r"\d+$")
_BRAT_NAME_BY_ROLE: dict[Role, str] = {"source": "Source", "cue": "Cue", "content": "Content"}
_ROLE_BY_BRAT_NAME: dict[str, Role] = {name: role for role, name in _BRAT_NAME_BY_ROLE.items()}
# Trailing punctuation allowed between a quoted content and its closing quote mark.
_CLOSING_PUNCTUATION = ",.;:?!"


@dataclass(frozen=True, slots=True)
class Relation:
    """One attribution: each role is a span of pieces, or None when absent."""

    cue: Pieces | None
    content: Pieces | None
    source: Pieces | None
    trigger: Pieces | None = None
    """Gold only: the annotated attribution trigger (words that belong to the relation)."""
    kind: str | None = None
    """Predicted only: the statement kind (``direct``, ``indirect``, ``mixed``, ``belief``)."""

    def role(self, role: Role) -> Pieces | None:
        if role == "source":
            return self.source
        if role == "cue":
            return self.cue
        return self.content


@dataclass(frozen=True, slots=True)
class GoldRelations:
    """The relations of one annotation file, and how many events were left out (no cue, no
    content: an annotator marked a trigger only)."""

    relations: list[Relation]
    skipped_events: int


def relations_from_brat(document: BratDocument) -> GoldRelations:
    """Every event with a cue or a content argument becomes a relation.

    Arguments are grouped by role name without its number, so ``Content2`` (the second part of
    a split quote) joins ``Content``. A relation without a ``Source`` argument is a no-source
    relation whatever its label says.
    """
    relations: list[Relation] = []
    skipped = 0
    for event in document.events:
        pieces: dict[Role, list[tuple[int, int]]] = {}
        for role_name, target in event.arguments:
            role = _ROLE_BY_BRAT_NAME.get(_ROLE_NUMBER.sub("", role_name))
            bound = document.text_bounds.get(target)
            if role is not None and bound is not None:
                pieces.setdefault(role, []).extend(bound.pieces)
        if "cue" not in pieces and "content" not in pieces:
            skipped += 1
            continue
        trigger = document.text_bounds.get(event.trigger)
        relations.append(
            Relation(
                cue=_pieces(pieces.get("cue")),
                content=_pieces(pieces.get("content")),
                source=_pieces(pieces.get("source")),
                trigger=trigger.pieces if trigger is not None else None,
                kind=document.attribute(event.id, KIND_ATTRIBUTE),
            )
        )
    return GoldRelations(relations=relations, skipped_events=skipped)


def relation_from_statement(statement: Statement) -> Relation:
    """A factbox statement as a predicted relation (each span is one piece)."""
    return Relation(
        cue=(statement.cue_span,) if statement.cue_span is not None else None,
        content=statement.content_pieces or (statement.content_span,),
        source=(statement.source_span,) if statement.source_span is not None else None,
        kind=statement.kind,
    )


def relations_to_brat(relations: Iterable[Relation]) -> BratDocument:
    """Relations as standoff annotation in the PolNeAR style (trigger = cue), kind as ``Kind``."""
    document = BratDocument(text_bounds={}, events=[], attributes=[])

    def add_bound(label: str, pieces: Pieces) -> str:
        identifier = f"T{len(document.text_bounds) + 1}"
        document.text_bounds[identifier] = TextBound(identifier, label, pieces)
        return identifier

    for number, relation in enumerate(relations, start=1):
        arguments: list[tuple[str, str]] = []
        for role in ROLES:
            pieces = relation.role(role)
            if pieces:
                name = _BRAT_NAME_BY_ROLE[role]
                arguments.append((name, add_bound(name, pieces)))
        trigger_pieces = relation.cue or relation.content or relation.source
        if trigger_pieces is None:
            continue
        label = "Attribution" if relation.source else "Attribution-no-source"
        event_id = f"E{number}"
        document.events.append(
            Event(event_id, label, add_bound(label, trigger_pieces), tuple(arguments))
        )
        if relation.kind is not None:
            document.attributes.append(
                Attribute(
                    f"A{len(document.attributes) + 1}", KIND_ATTRIBUTE, event_id, relation.kind
                )
            )
    return document


def relation_type(relation: Relation, text: str) -> RelationType:
    """``no-source`` without a source; ``direct`` when the content starts or ends with a quote
    mark or sits between quote marks; else ``indirect``."""
    if relation.source is None:
        return "no-source"
    if relation.content and _is_quoted(relation.content, text):
        return "direct"
    return "indirect"


def _is_quoted(content: Pieces, text: str) -> bool:
    start = min(piece[0] for piece in content)
    end = max(piece[1] for piece in content)
    words = text[start:end].strip()
    if not words:
        return False
    if is_quote_mark(words[0]) or is_quote_mark(words[-1]):
        return True
    before = start - 1
    while before >= 0 and text[before].isspace():
        before -= 1
    after = end
    while after < len(text) and (text[after].isspace() or text[after] in _CLOSING_PUNCTUATION):
        after += 1
    return (
        before >= 0
        and after < len(text)
        and is_quote_mark(text[before])
        and is_quote_mark(text[after])
    )


def _pieces(found: Sequence[tuple[int, int]] | None) -> Pieces | None:
    if not found:
        return None
    return tuple(sorted(set(found)))
