"""Editors' corrections applied to statements: one set of pure functions every view goes
through.

A correction is kept beside what extraction found (``factbox.records.Correction``), never
written over it, so re-extracting or re-judging never loses an editor's work. Reading a
statement applies them here:

- the latest ``not_statement`` correction that says true hides the statement from every
  public view (:func:`corrected_statement` returns None; editors still see it);
- the latest ``speaker`` correction replaces the statement's speakers: each corrected actor
  keeps the extracted speaker's words when the statement had one speaker and the editor named
  no one else; ``no_actor`` says the speaker speaks for no state or organisation;
- ``stance`` corrections belong to one proposal: :func:`judged_statement` lets the latest one
  replace the extracted stance in positions.

Every corrected statement carries its corrections (who, when, why), so each view can mark it.
When an article is revised, :func:`follow_statements` says which new statement each corrected
old one became, so the ledger can copy the corrections over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any

from factbox.extract.actors import actor_index
from factbox.extract.compare import greedy_pairs
from factbox.records import (
    ACTOR_KINDS,
    CORRECTION_FIELDS,
    STANCES,
    ActorKind,
    Correction,
    CorrectionField,
    InputError,
    Speaker,
    Stance,
    Statement,
    StoredStatement,
)
from factbox.stance.records import (
    EditorCorrection,
    JudgedStatement,
    MatchedJudgement,
    StanceJudgement,
    StoredJudgement,
)

CARRY_SIMILARITY = 0.9
"""How alike (``difflib`` ratio of the case- and space-folded words) a revised statement with
the same source must be for a correction to follow it: a typo fixed, not a claim changed."""


# -- making and checking corrections ------------------------------------------------------


def speaker_value(
    actor_ids: Sequence[str] = (), speaker: str | None = None, *, no_actor: bool = False
) -> list[dict[str, Any]]:
    """The value of a speaker correction: who said it (``speaker``, a name) and whom they
    speak for (``actor_ids``, one per actor of a group statement, or ``no_actor``).

    ``InputError`` when it says nothing (no name, no actor, not ``no_actor``), when an actor
    id is unknown, or when ``no_actor`` comes with actors.
    """
    name = (speaker or "").strip() or None
    ids = [a.strip() for a in actor_ids if a.strip()]
    if no_actor and ids:
        raise InputError(", ".join(ids), "--no-actor and --actor contradict each other")
    if not ids and not name and not no_actor:
        raise InputError(
            "speaker",
            "name the speaker or the actor they speak for "
            "(or say they speak for no state: --no-actor)",
        )
    if no_actor:
        kind = "person" if name else "unknown"
        return [
            {"name": name, "actor_id": None, "actor": None, "actor_kind": kind, "no_actor": True}
        ]
    if not ids:
        return [{"name": name, "actor_id": None, "actor": None, "actor_kind": "person"}]
    items = []
    for actor_id in ids:
        found = actor_index().actor(actor_id.upper())
        if found is None:
            raise InputError(
                actor_id, "not a known actor id (a country's ISO code, or NATO, EU...)"
            )
        items.append(
            {"name": name, "actor_id": found.id, "actor": found.name, "actor_kind": found.kind}
        )
    return items


def check_correction(correction: Correction) -> None:
    """Raise ``InputError`` when a correction's value does not fit its field."""
    name = f"statement {correction.statement_id}"
    if correction.field not in CORRECTION_FIELDS:
        raise InputError(
            name, f"cannot correct {correction.field!r} (fields: {', '.join(CORRECTION_FIELDS)})"
        )
    if correction.field == "stance":
        if correction.proposal is None:
            raise InputError(name, "a stance correction needs a proposal")
        if correction.value not in STANCES:
            raise InputError(name, f"stance must be one of {', '.join(STANCES)}")
    elif correction.field == "not_about":
        if correction.proposal is None:
            raise InputError(name, "a not_about correction needs a proposal")
        if not isinstance(correction.value, bool):
            raise InputError(name, "not_about takes true or false")
    elif correction.field == "not_statement":
        if not isinstance(correction.value, bool):
            raise InputError(name, "not_statement takes true or false")
    else:
        _check_speakers(name, correction.value)


def _check_speakers(name: str, items: Any) -> None:
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise InputError(name, "a speaker correction is a list of actors")
    for item in items:
        if item.get("actor_kind", "unknown") not in ACTOR_KINDS:
            raise InputError(name, f"actor_kind must be one of {', '.join(ACTOR_KINDS)}")
        if not (item.get("name") or item.get("actor_id") or item.get("actor")):
            if item.get("no_actor") is not True:
                raise InputError(
                    name,
                    "a corrected speaker needs a name or an actor "
                    "(to say they speak for no state: --no-actor)",
                )


@dataclass(frozen=True, slots=True)
class CorrectionRequest:
    """What one editor asks of one statement (``factbox correct`` and the editors' form)."""

    statement_id: int
    editor: str
    why: str
    actors: Sequence[str] = ()
    """Whom the speaker speaks for (several for a group statement)."""
    no_actor: bool = False
    """The speaker speaks for no state or organisation."""
    speaker: str | None = None
    stances: Mapping[str, Stance] = field(default_factory=dict)
    """Proposal slug to the statement's stance on it."""
    not_about: Sequence[str] = ()
    not_a_statement: bool = False


def planned_corrections(request: CorrectionRequest) -> list[Correction]:
    """The corrections a request makes, each checked; ``InputError`` for a request that asks
    for nothing, lacks the editor or the reason, or contradicts itself."""
    statement_id = request.statement_id
    actors, no_actor, speaker = request.actors, request.no_actor, request.speaker
    stances, not_about = request.stances, request.not_about
    editor, why = request.editor, request.why
    who = (editor or "").strip()
    reason = (why or "").strip()
    if not who:
        raise InputError("editor", "say who corrects (--editor NAME)")
    if not reason:
        raise InputError("why", "say why (--why TEXT)")
    clash = set(stances or {}) & set(not_about)
    if clash:
        raise InputError(", ".join(sorted(clash)), "a stance and not about the same proposal")
    planned: list[Correction] = []

    def add(field: CorrectionField, value: Any, proposal: str | None = None) -> None:
        planned.append(Correction(statement_id, field, value, proposal, who, reason))

    if actors or no_actor or (speaker or "").strip():
        add("speaker", speaker_value(actors, speaker, no_actor=no_actor))
    for slug, label in (stances or {}).items():
        add("stance", label, slug)
    for slug in not_about:
        add("not_about", True, slug)
    if request.not_a_statement:
        add("not_statement", True)
    if not planned:
        raise InputError(
            f"statement {statement_id}",
            "nothing to correct (give --actor, --no-actor, --speaker, --stance, --not-about "
            "or --not-a-statement)",
        )
    for correction in planned:
        check_correction(correction)
    return planned


def correction_field(text: str) -> CorrectionField:
    """``text`` as a correction field; ``InputError`` naming the known ones otherwise."""
    for known in CORRECTION_FIELDS:
        if known == text:
            return known
    raise InputError(
        text or "field", f"a correction field is one of {', '.join(CORRECTION_FIELDS)}"
    )


# -- applying them ------------------------------------------------------------------------


def _latest(fixes: Iterable[Correction]) -> dict[CorrectionField, Correction]:
    latest: dict[CorrectionField, Correction] = {}
    for fix in fixes:
        latest[fix.field] = fix
    return latest


def is_rejected(fixes: Iterable[Correction]) -> bool:
    """Did an editor say (and not take back) that this is not a statement?"""
    found = _latest(f for f in fixes if f.field == "not_statement").get("not_statement")
    return found is not None and found.value is True


def _actor_kind(value: Any) -> ActorKind:
    for kind in ACTOR_KINDS:
        if kind == value:
            return kind
    return "unknown"


def corrected_speakers(statement: Statement, value: Sequence[dict[str, Any]]) -> list[Speaker]:
    """The speakers a speaker correction gives ``statement``."""
    only = statement.speakers[0] if len(statement.speakers) == 1 else None
    speakers = []
    for item in value:
        name = item.get("name") or None
        actor_id = item.get("actor_id") or None
        actor = item.get("actor") or None
        kind = _actor_kind(item.get("actor_kind"))
        if name is None and only is not None:
            speakers.append(replace(only, actor_id=actor_id, actor=actor, actor_kind=kind))
        elif name is None:
            speakers.append(
                Speaker(
                    statement.source_text, statement.source_span, None, None, actor_id, actor, kind
                )
            )
        else:
            speakers.append(Speaker(name, None, name, None, actor_id, actor, kind))
    return speakers


def corrected_statement(
    stored: StoredStatement, fixes: Sequence[Correction], *, keep_rejected: bool = False
) -> StoredStatement | None:
    """``stored`` as the public sees it once ``fixes`` (its corrections, oldest first) apply.

    None when an editor said it is not a statement, unless ``keep_rejected`` (the editors'
    own views).
    """
    if not fixes:
        return stored
    if is_rejected(fixes) and not keep_rejected:
        return None
    statement = stored.statement
    speaker_fix = _latest(fixes).get("speaker")
    if speaker_fix is not None:
        statement = replace(statement, speakers=corrected_speakers(statement, speaker_fix.value))
    return StoredStatement(stored.id, stored.article, statement, stored.copies, tuple(fixes))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def editor_stance(fixes: Sequence[Correction]) -> EditorCorrection | bool | None:
    """An editor's latest reading of a statement on one proposal, from that proposal's
    ``stance`` and ``not_about`` corrections (``fixes``, oldest first): the correction, False
    when the editor said the statement is not about the proposal, None when no editor said
    anything."""
    readings = [c for c in fixes if c.field in ("stance", "not_about")]
    stance_fix = readings[-1] if readings else None
    if stance_fix is not None and stance_fix.field == "not_about":
        if stance_fix.value is True:
            return False
        stance_fix = next((c for c in reversed(readings) if c.field == "stance"), None)
    if stance_fix is None:
        return None
    made = stance_fix.created_at or _now()
    return EditorCorrection(
        stance=stance_fix.value,
        corrected_on=made.date(),
        editor=stance_fix.editor,
        note=stance_fix.reason,
    )


def judged_statement(item: StoredJudgement) -> JudgedStatement | None:
    """The statement as positions see it: extraction with the latest corrections applied.

    None when an editor said it is not a statement, or when nothing (no extraction, no
    stance correction) ties it to the proposal.
    """
    stored = corrected_statement(item.stored, item.corrections)
    if stored is None:
        return None
    reading = editor_stance(item.corrections)
    if reading is False:
        return None
    corrected = reading if isinstance(reading, EditorCorrection) else None
    if item.found is not None:
        judgement = item.found.judgement
    elif corrected is not None:
        judgement = StanceJudgement(item.proposal, corrected.stance, 1.0)
    else:
        return None
    return JudgedStatement.from_statement(stored.id, stored.statement, judgement, corrected)


@dataclass(frozen=True, slots=True)
class StatementStance:
    """Where one statement stands on one proposal, as every view shows it."""

    proposal: str
    stance: Stance
    corrected: bool
    """An editor's correction set it (else extraction found it)."""
    others: bool = False
    """The statement reports others' stance, not its speaker's own (it moves no position)."""


def statement_stances(
    fixes: Sequence[Correction], found: Mapping[str, MatchedJudgement]
) -> list[StatementStance]:
    """A statement's stance on each proposal: extraction's judgements (``found``, by
    proposal slug) with the editors' corrections of the statement (``fixes``, oldest first)
    applied the way positions apply them; a proposal an editor said it is not about is left
    out, one only an editor tied it to is in. In proposal order."""
    slugs = set(found) | {c.proposal for c in fixes if c.field == "stance" and c.proposal}
    stances = []
    for slug in sorted(slugs):
        reading = editor_stance([c for c in fixes if c.proposal == slug])
        judgement = found[slug].judgement if slug in found else None
        if reading is False:
            continue
        if isinstance(reading, EditorCorrection):
            stances.append(StatementStance(slug, reading.stance, True))
        elif judgement is not None:
            others = judgement.about == "others"
            stances.append(StatementStance(slug, judgement.stance, False, others))
    return stances


# -- carrying them to a revised article ---------------------------------------------------


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def likeness(old_content: str, old_source: str, new: Statement) -> float:
    """1.0 for the same words; the content's similarity for the same source; else 0."""
    old_words, new_words = _folded(old_content), _folded(new.content)
    if old_words == new_words:
        return 1.0
    if _folded(old_source) != _folded(new.source_text):
        return 0.0
    return SequenceMatcher(None, old_words, new_words, autojunk=False).ratio()


def follow_statements(
    old: Sequence[tuple[int, str, str]], revised: Sequence[tuple[int, Statement]]
) -> dict[int, int]:
    """Which revised statement each old one became: old ``(id, content, source_text)`` to
    new ``(id, statement)``, old id to new id.

    A statement is the same when its words are (after folding case and spaces), or when its
    source is and its content differs by no more than a typo (``CARRY_SIMILARITY``). Each
    old statement follows at most one new one, the likest. A statement whose words changed
    follows none: the editor judged other words.
    """
    return greedy_pairs(
        (alike, old_id, new_id)
        for old_id, content, source in old
        for new_id, statement in revised
        if (alike := likeness(content, source, statement)) >= CARRY_SIMILARITY
    )
