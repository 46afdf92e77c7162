"""Turning stored text into pieces the templates print (always escaped by Jinja)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from factbox.corrections import StatementStance
from factbox.records import Correction, Speaker, StoredStatement

# Unicode's explicit embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): one
# of them in a reader's report or an article turns the rest of a line around (a "Trojan
# Source" display). Printed, each becomes its visible code instead, e.g. "[U+202E]".
_BIDI_CONTROLS = {
    code: f"[U+{code:04X}]" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
}

_ANY_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True, slots=True)
class Piece:
    """One step of an article's marked-up text: a run of ``text``, or a mark that opens
    (``opens``: its statement; ``first``: the statement's first mark, which carries its id)
    or closes (``closes``)."""

    text: str = ""
    opens: StoredStatement | None = None
    first: bool = False
    closes: bool = False


@dataclass(frozen=True, slots=True)
class Excerpt:
    before: str
    match: str
    after: str
    clipped_start: bool
    clipped_end: bool


def article_pieces(body: str, stored: list[StoredStatement]) -> list[Piece]:
    """The body with every statement marked, as properly nested marks.

    Statements may overlap: extraction finds a reported-speech statement inside a longer one,
    or two statements that share a clause ("promised to continue ... and said she would").
    HTML elements nest but do not cross, so each statement's stretch is walked boundary by
    boundary with a stack of open marks: at each boundary the statements that end there
    close; one that ends below others still open closes those above it first, and they
    reopen at once as continuation marks. Statements starting at the same offset open
    longest first, so the shorter one nests inside. Every statement thus has exactly one
    first mark (its link target, at its first character) and every character of it lies
    inside one of its marks. A span outside the body or empty is left out.
    """
    shown = sorted(
        (s for s in stored if 0 <= s.statement.span[0] < s.statement.span[1] <= len(body)),
        key=lambda s: (s.statement.span[0], -s.statement.span[1], s.id),
    )
    boundaries = sorted({0, len(body)} | {p for s in shown for p in s.statement.span})
    starting: dict[int, list[StoredStatement]] = {}
    for item in shown:
        starting.setdefault(item.statement.span[0], []).append(item)
    pieces: list[Piece] = []
    open_marks: list[StoredStatement] = []
    for here, following in zip(boundaries, boundaries[1:] + [len(body)], strict=True):
        ending = [m for m in open_marks if m.statement.span[1] == here]
        if ending:
            deepest = min(open_marks.index(m) for m in ending)
            above = open_marks[deepest:]
            pieces.extend(Piece(closes=True) for _ in above)
            open_marks = open_marks[:deepest]
            for item in above:
                if item.statement.span[1] != here:
                    open_marks.append(item)
                    pieces.append(Piece(opens=item))
        for item in starting.get(here, []):
            open_marks.append(item)
            pieces.append(Piece(opens=item, first=True))
        if following > here:
            pieces.append(Piece(text=body[here:following]))
    pieces.extend(Piece(closes=True) for _ in open_marks)
    return pieces


def speaker_label(speaker: Speaker) -> str:
    who = speaker_name(speaker)
    if speaker.actor or speaker.actor_id:
        who = f"{who} — for {speaker.actor or speaker.actor_id}"
    return who


def speaker_name(speaker: Speaker) -> str:
    """The speaker as the article page lists them: name and role, without the actor."""
    who = speaker.name or speaker.text
    if speaker.role and speaker.role.casefold() not in who.casefold():
        who = f"{who} ({speaker.role})"
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


def shown_speaker(item: StoredStatement) -> str:
    """The speaker's name the correction form starts from: the one name all the statement's
    speakers share (a group statement names one person for several actors), else empty."""
    names = {s.name for s in item.statement.speakers if s.name}
    return names.pop() if len(names) == 1 else ""


@dataclass(frozen=True, slots=True)
class CurrentValues:
    """A statement's current values as the correction form starts from them."""

    actor_ids: str
    speaker: str
    no_actor: bool
    proposal: str
    """The proposal chosen first: the first one the statement has a stance on."""
    stance: str


def current_values(item: StoredStatement, stances: Sequence[StatementStance]) -> CurrentValues:
    speakers = item.statement.speakers
    fixes = [c for c in item.corrections if c.field == "speaker"]
    no_actor = bool(fixes) and any(v.get("no_actor") is True for v in fixes[-1].value)
    first = stances[0] if stances else None
    return CurrentValues(
        actor_ids=", ".join(dict.fromkeys(s.actor_id for s in speakers if s.actor_id)),
        speaker=shown_speaker(item),
        no_actor=no_actor,
        proposal=first.proposal if first else "",
        stance=first.stance if first else "",
    )


def correction_text(correction: Correction) -> str:
    """What one correction said, in words (its field and value; the proposal it is on)."""
    value = correction.value
    on = correction.proposal or ""
    if correction.field == "stance":
        return f"stance on {on}: {value}"
    if correction.field == "not_about":
        return f"not about {on}" if value is True else f"about {on} after all"
    if correction.field == "not_statement":
        return "not a statement" if value is True else "a statement after all"
    said = []
    for item in value if isinstance(value, list) else []:
        who = item.get("name") or "the extracted speaker"
        actor = item.get("actor") or item.get("actor_id")
        if actor:
            who = f"{who}, for {actor}"
        elif item.get("no_actor") is True:
            who = f"{who}, for no state or organisation"
        said.append(who)
    return "speaker: " + "; ".join(said)


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
