"""Proposals, stance judgements and editors' corrections in the ledger.

A judgement ties one statement to one proposal; its actors are the statement's speakers.
Corrections are kept beside what extraction found, never written over it, so re-extracting
or re-judging never loses an editor's work: :func:`judged_statement` applies them when
positions are computed. When an article is revised, :func:`carry_corrections` copies them to
the same statements in the new revision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from factbox.extract.compare import greedy_pairs
from factbox.records import ActorKind, InputError, Span, Statement, StoredStatement
from factbox.stance.records import (
    STANCES,
    Actor,
    Cue,
    CueRole,
    EditorCorrection,
    JudgedStatement,
    MatchEvidence,
    Proposal,
    ProposalMatch,
    Slot,
    Stance,
    StanceJudgement,
)
from factbox.store.schema import articles, corrections, judgements, proposals, statements

ProposalOutcome = Literal["added", "changed", "unchanged"]
CorrectionField = Literal["stance", "speaker", "not_statement"]
CORRECTION_FIELDS: tuple[CorrectionField, ...] = ("stance", "speaker", "not_statement")
ACTOR_KINDS: tuple[ActorKind, ...] = ("person", "country", "organization", "unknown")
CARRY_SIMILARITY = 0.9
"""How alike (``difflib`` ratio of the case- and space-folded words) a revised statement with
the same source must be for a correction to follow it: a typo fixed, not a claim changed."""


@dataclass(frozen=True, slots=True)
class MatchedJudgement:
    """A statement's judgement on a proposal, with the match that tied it to the proposal."""

    match: ProposalMatch
    judgement: StanceJudgement

    @property
    def evidence_span(self) -> Span:
        """From the first to the last word that matched or decided."""
        spans = [e.span for e in self.match.evidence] + [c.span for c in self.judgement.cues]
        return (min(s for s, _ in spans), max(e for _, e in spans))


@dataclass(frozen=True, slots=True)
class Correction:
    """An editor's fix of one statement.

    - ``stance``: ``value`` is a stance label; ``proposal`` is required.
    - ``speaker``: ``value`` is a list of ``{"actor_id", "actor", "actor_kind", "name"}``
      objects that replace the statement's speakers as actors (all proposals).
    - ``not_statement``: ``value`` is ``true`` (it is not a statement: drop it everywhere) or
      ``false`` (undo an earlier one).
    """

    statement_id: int
    field: CorrectionField
    value: Any
    proposal: str | None = None
    editor: str | None = None
    reason: str | None = None
    id: int | None = None
    created_at: dt.datetime | None = None
    carried_from: int | None = None
    """The correction of the same statement in the article's previous revision that this one
    copies (set when an article is revised; ``created_at`` stays the editor's time)."""


@dataclass(slots=True)
class StoredJudgement:
    """A current statement tied to a proposal by extraction, by a correction, or both."""

    stored: StoredStatement
    proposal: str
    found: MatchedJudgement | None
    """What extraction found; None when only an editor's correction ties it to the proposal."""
    corrections: list[Correction] = field(default_factory=list)
    """Corrections of this statement that apply to this proposal, oldest first."""


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _span_json(span: Span | None) -> list[int] | None:
    return [span[0], span[1]] if span is not None else None


def _span(value: Any) -> Span:
    return (int(value[0]), int(value[1]))


def judgement_values(statement_id: int, found: MatchedJudgement) -> dict[str, Any]:
    judgement, match = found.judgement, found.match
    others_start, others_end = judgement.others_span or (None, None)
    evidence_start, evidence_end = found.evidence_span
    return {
        "statement_id": statement_id,
        "proposal": judgement.proposal,
        "stance": judgement.stance,
        "confidence": judgement.confidence,
        "about": judgement.about,
        "others": judgement.others,
        "others_start": others_start,
        "others_end": others_end,
        "others_actor_id": judgement.others_actor_id,
        "cues": [
            {"text": c.text, "span": _span_json(c.span), "role": c.role} for c in judgement.cues
        ],
        "match_score": match.score,
        "match_evidence": [e.as_json() for e in match.evidence],
        "evidence_start": evidence_start,
        "evidence_end": evidence_end,
        "judged_at": _now(),
    }


def insert_judgements(conn: Connection, rows: Iterable[tuple[int, MatchedJudgement]]) -> int:
    values = [judgement_values(statement_id, found) for statement_id, found in rows]
    if values:
        conn.execute(judgements.insert(), values)
    return len(values)


def _stance(value: Any) -> Stance:
    if value not in STANCES:
        raise ValueError(f"not a stance: {value!r}")
    stance: Stance = value
    return stance


def _matched(row: Any) -> MatchedJudgement:
    cues = tuple(
        Cue(text=c["text"], span=_span(c["span"]), role=_cue_role(c["role"])) for c in row.cues
    )
    others_span = (row.others_start, row.others_end) if row.others_start is not None else None
    judgement = StanceJudgement(
        proposal=row.proposal,
        stance=_stance(row.stance),
        confidence=row.confidence,
        cues=cues,
        about="others" if row.about == "others" else "speaker",
        others=row.others,
        others_span=others_span,
        others_actor_id=row.others_actor_id,
    )
    match = ProposalMatch(
        slug=row.proposal,
        score=row.match_score,
        evidence=tuple(
            MatchEvidence(
                slot=_slot(e["slot"]),
                text=e["text"],
                span=_span(e["span"]),
                similarity=e.get("similarity"),
                phrase=e.get("phrase"),
            )
            for e in row.match_evidence
        ),
    )
    return MatchedJudgement(match=match, judgement=judgement)


def _cue_role(value: str) -> CueRole:
    return value  # type: ignore[return-value]


def _slot(value: str) -> Slot:
    return value  # type: ignore[return-value]


def _correction(row: Any) -> Correction:
    return Correction(
        statement_id=row.statement_id,
        field=row.field,
        value=row.value,
        proposal=row.proposal,
        editor=row.editor,
        reason=row.reason,
        id=row.id,
        created_at=row.created_at,
        carried_from=row.carried_from,
    )


def _folded(text: str) -> str:
    return " ".join(text.lower().split())


def _likeness(old_content: str, old_source: str, new: Statement) -> float:
    """1.0 for the same words; the content's similarity for the same source; else 0."""
    old_words, new_words = _folded(old_content), _folded(new.content)
    if old_words == new_words:
        return 1.0
    if _folded(old_source) != _folded(new.source_text):
        return 0.0
    return SequenceMatcher(None, old_words, new_words, autojunk=False).ratio()


def carry_corrections(
    conn: Connection, old_article_id: int, revised: Sequence[tuple[int, Statement]]
) -> int:
    """Copy the corrections of an article's previous revision to the same statements in the
    revised one (``revised``: new statement ids with their statements); returns how many.

    A statement is the same when its words are (after folding case and spaces), or when its
    source is and its content differs by no more than a typo (``CARRY_SIMILARITY``). Each old
    statement follows at most one new one, the likest. A correction of a statement whose
    words changed stays with the old revision: the editor judged other words.
    """
    old = conn.execute(
        sa.select(statements.c.id, statements.c.content, statements.c.source_text).where(
            statements.c.article_id == old_article_id
        )
    ).all()
    fixes = corrections_of(conn, [row.id for row in old])
    if not fixes:
        return 0
    corrected = {fix.statement_id for fix in fixes}
    follows = greedy_pairs(
        (likeness, row.id, new_id)
        for row in old
        if row.id in corrected
        for new_id, statement in revised
        if (likeness := _likeness(row.content, row.source_text, statement)) >= CARRY_SIMILARITY
    )
    return copy_corrections(conn, fixes, follows)


def corrections_of(conn: Connection, statement_ids: Sequence[int]) -> list[Any]:
    """The correction rows of these statements, oldest first."""
    return list(
        conn.execute(
            sa.select(corrections)
            .where(corrections.c.statement_id.in_(list(statement_ids)))
            .order_by(corrections.c.created_at, corrections.c.id)
        ).all()
    )


def copy_corrections(conn: Connection, fixes: Sequence[Any], follows: dict[int, int]) -> int:
    """Copy each correction row in ``fixes`` to the statement its statement ``follows``
    (old statement id -> new statement id), marked ``carried_from``; returns how many."""
    rows = [
        {
            "statement_id": follows[fix.statement_id],
            "proposal": fix.proposal,
            "field": fix.field,
            "value": fix.value,
            "editor": fix.editor,
            "reason": fix.reason,
            "created_at": fix.created_at,
            "carried_from": fix.id,
        }
        for fix in fixes
        if fix.statement_id in follows
    ]
    if rows:
        conn.execute(corrections.insert(), rows)
    return len(rows)


def _proposal(row: Any) -> Proposal:
    return Proposal(
        slug=row.slug,
        title=row.title,
        description=row.description,
        terms=list(row.terms),
        bodies=list(row.bodies),
    )


def _speaker_actors(value: Any) -> tuple[Actor, ...]:
    return tuple(
        Actor(
            actor_id=item.get("actor_id") or None,
            actor=item.get("actor") or item.get("name") or None,
            actor_kind=item.get("actor_kind") or "unknown",
        )
        for item in value
    )


def judged_statement(item: StoredJudgement) -> JudgedStatement | None:
    """The statement as positions see it: extraction with the latest corrections applied.

    None when an editor said it is not a statement, or when nothing (no extraction, no
    stance correction) ties it to the proposal.
    """
    latest: dict[CorrectionField, Correction] = {}
    for fix in item.corrections:
        latest[fix.field] = fix
    not_statement = latest.get("not_statement")
    if not_statement is not None and not_statement.value is True:
        return None
    statement = item.stored.statement
    stance_fix = latest.get("stance")
    editor_stance: EditorCorrection | None = None
    if stance_fix is not None:
        made = stance_fix.created_at or _now()
        editor_stance = EditorCorrection(
            stance=_stance(stance_fix.value),
            corrected_on=made.date(),
            editor=stance_fix.editor,
            note=stance_fix.reason,
        )
    if item.found is not None:
        judgement = item.found.judgement
    elif editor_stance is not None:
        judgement = StanceJudgement(item.proposal, editor_stance.stance, 1.0)
    else:
        return None
    judged = JudgedStatement.from_statement(item.stored.id, statement, judgement, editor_stance)
    speaker_fix = latest.get("speaker")
    if speaker_fix is not None:
        judged = JudgedStatement(
            judged.statement_id,
            judged.said_on,
            _speaker_actors(speaker_fix.value),
            judged.judgement,
            judged.correction,
        )
    return judged


def check_correction(correction: Correction) -> None:
    """Raise ``InputError`` when a correction's value does not fit its field."""
    name = f"statement {correction.statement_id}"
    if correction.field not in CORRECTION_FIELDS:
        raise InputError(
            name, f"cannot correct {correction.field!r} (fields: stance, speaker, not_statement)"
        )
    if correction.field == "stance":
        if correction.proposal is None:
            raise InputError(name, "a stance correction needs a proposal")
        if correction.value not in STANCES:
            raise InputError(name, f"stance must be one of {', '.join(STANCES)}")
    elif correction.field == "not_statement":
        if not isinstance(correction.value, bool):
            raise InputError(name, "not_statement takes true or false")
    else:
        items = correction.value
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise InputError(name, "a speaker correction is a list of actors")
        for item in items:
            if item.get("actor_kind", "unknown") not in ACTOR_KINDS:
                raise InputError(name, f"actor_kind must be one of {', '.join(ACTOR_KINDS)}")


class StanceTables:
    """The ledger's proposals, judgements and corrections (mixed into ``Ledger``)."""

    engine: Engine

    def _stored_statements(
        self, ids: Sequence[int], *, current_only: bool = False
    ) -> list[StoredStatement]:
        raise NotImplementedError  # provided by Ledger

    # -- proposals -------------------------------------------------------------------

    def save_proposal(
        self, proposal: Proposal, found: Iterable[tuple[int, MatchedJudgement]] = ()
    ) -> ProposalOutcome:
        """Add or change a proposal and replace its judgements with ``found``, all at once.

        Returns ``unchanged`` (and writes nothing) when the stored proposal is the same.
        """
        values = {
            "title": proposal.title,
            "description": proposal.description,
            "terms": list(proposal.terms),
            "bodies": list(proposal.bodies),
        }
        with self.engine.begin() as conn:
            row = conn.execute(
                sa.select(proposals).where(proposals.c.slug == proposal.slug)
            ).first()
            if row is not None and _proposal(row) == proposal:
                return "unchanged"
            now = _now()
            if row is None:
                conn.execute(
                    proposals.insert().values(
                        slug=proposal.slug, created_at=now, updated_at=now, **values
                    )
                )
            else:
                conn.execute(
                    proposals.update()
                    .where(proposals.c.slug == proposal.slug)
                    .values(updated_at=now, **values)
                )
            conn.execute(judgements.delete().where(judgements.c.proposal == proposal.slug))
            insert_judgements(conn, found)
        return "added" if row is None else "changed"

    def proposals(self) -> list[Proposal]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(proposals).order_by(proposals.c.slug)).all()
        return [_proposal(row) for row in rows]

    def proposal(self, slug: str) -> Proposal | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(proposals).where(proposals.c.slug == slug)).first()
        return _proposal(row) if row is not None else None

    # -- judgements ------------------------------------------------------------------

    def judgements(self, slug: str) -> list[StoredJudgement]:
        """Every current statement tied to ``slug`` by extraction or an editor, in article
        and text order, with the corrections that apply to it."""
        current = (
            sa.select(statements.c.id)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(articles.c.is_current.is_(True))
        )
        with self.engine.connect() as conn:
            found_rows = conn.execute(
                sa.select(judgements).where(
                    judgements.c.proposal == slug, judgements.c.statement_id.in_(current)
                )
            ).all()
            fix_rows = conn.execute(
                sa.select(corrections)
                .where(
                    corrections.c.statement_id.in_(current),
                    sa.or_(corrections.c.proposal == slug, corrections.c.proposal.is_(None)),
                )
                .order_by(corrections.c.created_at, corrections.c.id)
            ).all()
        found = {row.statement_id: _matched(row) for row in found_rows}
        fixes: dict[int, list[Correction]] = {}
        for row in fix_rows:
            fixes.setdefault(row.statement_id, []).append(_correction(row))
        stance_fixed = {
            statement_id
            for statement_id, items in fixes.items()
            if any(c.field == "stance" for c in items)
        }
        ids = sorted(set(found) | stance_fixed)
        return [
            StoredJudgement(
                stored=stored,
                proposal=slug,
                found=found.get(stored.id),
                corrections=fixes.get(stored.id, []),
            )
            for stored in self._stored_statements(ids)
        ]

    def judgement_count(self, slug: str | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(judgements)
        if slug is not None:
            query = query.where(judgements.c.proposal == slug)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    # -- corrections -----------------------------------------------------------------

    def add_correction(self, correction: Correction) -> Correction:
        """Store an editor's correction; raises ``InputError`` for a bad one."""
        check_correction(correction)
        name = f"statement {correction.statement_id}"
        created = correction.created_at or _now()
        with self.engine.begin() as conn:
            exists = conn.execute(
                sa.select(statements.c.id).where(statements.c.id == correction.statement_id)
            ).first()
            if exists is None:
                raise InputError(name, "no such statement in the ledger")
            if correction.proposal is not None:
                known = conn.execute(
                    sa.select(proposals.c.slug).where(proposals.c.slug == correction.proposal)
                ).first()
                if known is None:
                    raise InputError(correction.proposal, "no such proposal in the ledger")
            new_id = conn.execute(
                corrections.insert()
                .values(
                    statement_id=correction.statement_id,
                    proposal=correction.proposal,
                    field=correction.field,
                    value=correction.value,
                    editor=correction.editor,
                    reason=correction.reason,
                    created_at=created,
                )
                .returning(corrections.c.id)
            ).scalar_one()
        return Correction(
            statement_id=correction.statement_id,
            field=correction.field,
            value=correction.value,
            proposal=correction.proposal,
            editor=correction.editor,
            reason=correction.reason,
            id=new_id,
            created_at=created,
        )

    def corrections(self, statement_id: int | None = None) -> list[Correction]:
        query = sa.select(corrections).order_by(corrections.c.created_at, corrections.c.id)
        if statement_id is not None:
            query = query.where(corrections.c.statement_id == statement_id)
        with self.engine.connect() as conn:
            return [_correction(row) for row in conn.execute(query).all()]
