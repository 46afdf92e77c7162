"""Turning stored text into pieces the templates print (always escaped by Jinja)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from factbox.records import Speaker, StoredStatement

# Unicode's explicit embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): one
# of them in a reader's report or an article turns the rest of a line around (a "Trojan
# Source" display). Printed, each becomes its visible code instead, e.g. "[U+202E]".
_BIDI_CONTROLS = {
    code: f"[U+{code:04X}]" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
}

_ANY_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    statement: StoredStatement | None = None


@dataclass(frozen=True, slots=True)
class Excerpt:
    before: str
    match: str
    after: str
    clipped_start: bool
    clipped_end: bool


def article_segments(body: str, stored: list[StoredStatement]) -> list[Segment]:
    """The body cut into plain text and statements; an overlapping statement is left out."""
    segments: list[Segment] = []
    cursor = 0
    for item in sorted(stored, key=lambda s: (s.statement.span[0], -s.statement.span[1])):
        start, end = item.statement.span
        if start < cursor or end <= start or end > len(body):
            continue
        if start > cursor:
            segments.append(Segment(body[cursor:start]))
        segments.append(Segment(body[start:end], item))
        cursor = end
    if cursor < len(body):
        segments.append(Segment(body[cursor:]))
    return segments


def speaker_label(speaker: Speaker) -> str:
    who = speaker.name or speaker.text
    if speaker.role and speaker.role.casefold() not in who.casefold():
        who = f"{who} ({speaker.role})"
    if speaker.actor or speaker.actor_id:
        actor = speaker.actor or speaker.actor_id or ""
        if speaker.actor_id and speaker.actor_id != actor:
            actor = f"{actor}, {speaker.actor_id}"
        who = f"{who} — for {actor}"
    return who


def statement_label(item: StoredStatement) -> str:
    speakers = item.statement.speakers
    if not speakers:
        return f"{item.statement.kind} statement; speaker not resolved"
    return "Said by " + "; ".join(speaker_label(s) for s in speakers)


def correction_note(item: StoredStatement) -> str:
    """Who corrected the statement, when and why (the latest correction)."""
    if not item.corrections:
        return ""
    last = item.corrections[-1]
    who = last.editor or "an editor"
    when = f" on {last.created_at.date().isoformat()}" if last.created_at else ""
    why = f": {last.reason}" if last.reason else ""
    return f"by {who}{when}{why}"


def excerpt(body: str, span: tuple[int, int], radius: int = 240) -> Excerpt:
    start, end = span
    left = max(0, start - radius)
    right = min(len(body), end + radius)
    return Excerpt(
        before=body[left:start],
        match=body[start:end],
        after=body[end:right],
        clipped_start=left > 0,
        clipped_end=right < len(body),
    )


def inert_bidi(value: Any) -> Any:
    """Jinja's ``finalize``: every printed string with its bidi controls shown as codes.

    Markup (already escaped) stays Markup: the codes hold no characters that need escaping.
    Text without any (nearly all) is returned as it is after one regular-expression scan,
    which is far quicker than ``str.translate`` over a page's inline SVG.
    """
    if isinstance(value, str) and _ANY_BIDI.search(value) is None:
        return value
    if isinstance(value, Markup):
        return Markup(str(value).translate(_BIDI_CONTROLS))
    if isinstance(value, str):
        return value.translate(_BIDI_CONTROLS)
    return value
