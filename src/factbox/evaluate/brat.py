"""Reading and writing BRAT standoff annotation (``.ann`` files).

Only the line types attribution corpora use are read: text-bound annotations (``T``), events
(``E``) and attributes (``A``). Notes (``#``), relations (``R``), normalisations (``N``) and
equivalences (``*``) are skipped, and so are lines that continue the text field of a ``T`` line
whose quoted text ran over a line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factbox.evaluate.textspans import Pieces
from factbox.records import InputError

_ID_LINE = re.compile(r"^([TEARN*#])(\d*)\t")
_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t.*)?$")
_EVENT = re.compile(r"^(E\d+)\t(\S+):([TE]\d+)((?: \S+:[TE]\d+)*) *$")
_ATTRIBUTE = re.compile(r"^(A\d+)\t(\S+) ([TE]\d+)(?: (\S+))?$")


@dataclass(frozen=True, slots=True)
class TextBound:
    """A ``T`` line: a labelled span of one or more character pieces."""

    id: str
    label: str
    pieces: Pieces


@dataclass(frozen=True, slots=True)
class Event:
    """An ``E`` line: a labelled trigger with role-named arguments (``Cue:T2``)."""

    id: str
    label: str
    trigger: str
    arguments: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Attribute:
    """An ``A`` line: a named value (or flag, when ``value`` is None) on an annotation."""

    id: str
    name: str
    target: str
    value: str | None


@dataclass(slots=True)
class BratDocument:
    """The annotations of one ``.ann`` file."""

    text_bounds: dict[str, TextBound]
    events: list[Event]
    attributes: list[Attribute]

    def attribute(self, target: str, name: str) -> str | None:
        """The value of attribute ``name`` on ``target`` (``""`` for a flag), or None."""
        for attribute in self.attributes:
            if attribute.target == target and attribute.name == name:
                return attribute.value if attribute.value is not None else ""
        return None


def parse_brat(source: str, name: str, text_length: int | None = None) -> BratDocument:
    """Parse standoff lines; ``name`` is used in errors, ``text_length`` bounds the offsets."""
    document = BratDocument(text_bounds={}, events=[], attributes=[])
    for number, line in enumerate(source.split("\n"), start=1):
        line = line.rstrip("\r")
        kind = _ID_LINE.match(line)
        if kind is None or kind.group(1) not in "TEA":
            continue
        where = f"{name}:{number}"
        if kind.group(1) == "T":
            document.text_bounds[_ensure_new_id(document, line, where)] = _text_bound(
                line, where, text_length
            )
        elif kind.group(1) == "E":
            document.events.append(_event(line, where))
        else:
            document.attributes.append(_attribute(line, where))
    _check_references(document, name)
    return document


def read_brat(path: Path, text_length: int | None = None) -> BratDocument:
    """Read an ``.ann`` file (UTF-8)."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read annotation file ({exc})") from exc
    return parse_brat(source, str(path), text_length)


def format_brat(document: BratDocument, text: str) -> str:
    """Standoff lines for ``document``; ``text`` supplies each span's words."""
    lines: list[str] = []
    for bound in document.text_bounds.values():
        offsets = ";".join(f"{start} {end}" for start, end in bound.pieces)
        words = " ".join(text[start:end] for start, end in bound.pieces).replace("\n", " ")
        lines.append(f"{bound.id}\t{bound.label} {offsets}\t{words}")
    for event in document.events:
        arguments = "".join(f" {role}:{target}" for role, target in event.arguments)
        lines.append(f"{event.id}\t{event.label}:{event.trigger}{arguments}")
    for attribute in document.attributes:
        value = f" {attribute.value}" if attribute.value is not None else ""
        lines.append(f"{attribute.id}\t{attribute.name} {attribute.target}{value}")
    return "".join(line + "\n" for line in lines)


def _ensure_new_id(document: BratDocument, line: str, where: str) -> str:
    identifier = line.split("\t", 1)[0]
    if identifier in document.text_bounds:
        raise InputError(where, f"duplicate annotation id {identifier}")
    return identifier


def _text_bound(line: str, where: str, text_length: int | None) -> TextBound:
    match = _TEXT_BOUND.match(line)
    if match is None:
        raise InputError(where, "malformed text-bound line (want 'T1<TAB>Label START END')")
    pieces = tuple(_offsets(match.group(3)))
    for start, end in pieces:
        if start > end or (text_length is not None and end > text_length):
            raise InputError(where, f"offsets {start} {end} outside the text")
    return TextBound(id=match.group(1), label=match.group(2), pieces=pieces)


def _offsets(field: str) -> Iterable[tuple[int, int]]:
    for piece in field.split(";"):
        start, end = piece.split(" ")
        yield (int(start), int(end))


def _event(line: str, where: str) -> Event:
    match = _EVENT.match(line)
    if match is None:
        raise InputError(where, "malformed event line (want 'E1<TAB>Label:T1 Role:T2 ...')")
    arguments = tuple(
        (role, target) for role, target in (item.split(":", 1) for item in match.group(4).split())
    )
    return Event(
        id=match.group(1), label=match.group(2), trigger=match.group(3), arguments=arguments
    )


def _attribute(line: str, where: str) -> Attribute:
    match = _ATTRIBUTE.match(line)
    if match is None:
        raise InputError(where, "malformed attribute line (want 'A1<TAB>Name E1 [value]')")
    return Attribute(
        id=match.group(1), name=match.group(2), target=match.group(3), value=match.group(4)
    )


def _check_references(document: BratDocument, name: str) -> None:
    for event in document.events:
        for target in (event.trigger, *(target for _, target in event.arguments)):
            if target.startswith("T") and target not in document.text_bounds:
                raise InputError(name, f"event {event.id} refers to missing annotation {target}")
