"""Proposals, stance judgements and editors' corrections in the ledger (SQL only).

A judgement ties one statement to one proposal; its actors are the statement's speakers.
Corrections are kept beside what extraction found, never written over it; the service
applies them when statements are read (``factbox.corrections``). When an article is revised,
:func:`carry_corrections` copies them to the statements the new revision's follow says are the
same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from factbox.records import (
    CORRECTION_FIELDS,
    Correction,
    CorrectionField,
    MissingError,
    Span,
    Statement,
    StoredStatement,
)
from factbox.stance.records import (
    STANCES,
    Cue,
    CueRole,
    MatchedJudgement,
    MatchEvidence,
    Proposal,
    ProposalMatch,
    Slot,
    Stance,
    StanceJudgement,
    StoredJudgement,
)
from factbox.store.chunks import chunks
from factbox.store.migrations import mark_changed
from factbox.store.schema import articles, corrections, judgements, proposals, statements

__all__ = [
    "CORRECTION_FIELDS",
    "Correction",
    "CorrectionField",
    "MatchedJudgement",
    "ProposalOutcome",
    "StoredJudgement",
]

ProposalOutcome = Literal["added", "changed", "unchanged"]

FollowStatements = Callable[
    [Sequence[tuple[int, str, str]], Sequence[tuple[int, Statement]]], dict[int, int]
]
"""Which revised statement each old one became (see ``factbox.corrections``): old
``(id, content, source_text)`` and new ``(id, statement)`` in, old id to new id out."""


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


def carry_corrections(
    conn: Connection,
    old_article_id: int,
    revised: Sequence[tuple[int, Statement]],
    follow: FollowStatements,
) -> int:
    """Copy the corrections of an article's previous revision to the statements of the
    revised one (``revised``: new statement ids with their statements) that ``follow``
    says they became; returns how many."""
    old = conn.execute(
        sa.select(statements.c.id, statements.c.content, statements.c.source_text).where(
            statements.c.article_id == old_article_id
        )
    ).all()
    fixes = corrections_of(conn, [row.id for row in old])
    if not fixes:
        return 0
    corrected = {fix.statement_id for fix in fixes}
    follows = follow(
        [(row.id, row.content, row.source_text) for row in old if row.id in corrected], revised
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
            mark_changed(conn)
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

        def current(statement_id: sa.ColumnElement[int]) -> sa.ColumnElement[bool]:
            # checked row by row from the proposal's judgements (``ix_judgements_proposal``)
            # and the corrections, rather than listing every current statement
            return sa.exists().where(
                statements.c.id == statement_id,
                articles.c.id == statements.c.article_id,
                articles.c.is_current.is_(True),
            )

        with self.engine.connect() as conn:
            found_rows = conn.execute(
                sa.select(judgements).where(
                    judgements.c.proposal == slug, current(judgements.c.statement_id)
                )
            ).all()
            fix_rows = conn.execute(
                sa.select(corrections)
                .where(
                    sa.or_(corrections.c.proposal == slug, corrections.c.proposal.is_(None)),
                    current(corrections.c.statement_id),
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

    def judgements_of(self, statement_ids: Iterable[int]) -> dict[int, dict[str, MatchedJudgement]]:
        """What extraction found of each of these statements, by proposal slug (statements
        judged on no proposal are left out)."""
        ids = sorted(set(statement_ids))
        found: dict[int, dict[str, MatchedJudgement]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                rows = conn.execute(
                    sa.select(judgements).where(judgements.c.statement_id.in_(chunk))
                ).all()
                for row in rows:
                    found.setdefault(row.statement_id, {})[row.proposal] = _matched(row)
        return found

    def judgement_count(self, slug: str | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(judgements)
        if slug is not None:
            query = query.where(judgements.c.proposal == slug)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    # -- corrections -----------------------------------------------------------------

    def add_correction(self, correction: Correction) -> Correction:
        """Store one correction (see :meth:`add_corrections`)."""
        return self.add_corrections([correction])[0]

    def add_corrections(self, items: Sequence[Correction]) -> list[Correction]:
        """Store editors' corrections (checked by the caller: ``factbox.corrections``), all
        or none; ``InputError`` for a statement or proposal the ledger does not hold."""
        saved = []
        with self.engine.begin() as conn:
            mark_changed(conn)
            for correction in items:
                self._check_refs(conn, correction)
                created = correction.created_at or _now()
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
                saved.append(replace(correction, id=new_id, created_at=created))
        return saved

    @staticmethod
    def _check_refs(conn: Connection, correction: Correction) -> None:
        exists = conn.execute(
            sa.select(statements.c.id).where(statements.c.id == correction.statement_id)
        ).first()
        if exists is None:
            raise MissingError(
                f"statement {correction.statement_id}", "no such statement in the ledger"
            )
        if correction.proposal is not None:
            known = conn.execute(
                sa.select(proposals.c.slug).where(proposals.c.slug == correction.proposal)
            ).first()
            if known is None:
                raise MissingError(correction.proposal, "no such proposal in the ledger")

    def corrections_of(self, statement_ids: Iterable[int]) -> dict[int, list[Correction]]:
        """The corrections of each of these statements that has any, oldest first."""
        ids = sorted(set(statement_ids))
        found: dict[int, list[Correction]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                rows = conn.execute(
                    sa.select(corrections)
                    .where(corrections.c.statement_id.in_(chunk))
                    .order_by(corrections.c.created_at, corrections.c.id)
                ).all()
                for row in rows:
                    found.setdefault(row.statement_id, []).append(_correction(row))
        return found

    def corrected_statement_ids(
        self, field: CorrectionField, article_ids: Sequence[int] | None = None
    ) -> list[int]:
        """Current statements with a correction of ``field`` (of these articles only, when
        ``article_ids`` are given)."""
        query = (
            sa.select(corrections.c.statement_id)
            .distinct()
            .join(statements, statements.c.id == corrections.c.statement_id)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(corrections.c.field == field, articles.c.is_current.is_(True))
        )
        if article_ids is not None:
            query = query.where(statements.c.article_id.in_(list(article_ids)))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [int(row.statement_id) for row in rows]

    def corrections(self, statement_id: int | None = None) -> list[Correction]:
        query = sa.select(corrections).order_by(corrections.c.created_at, corrections.c.id)
        if statement_id is not None:
            query = query.where(corrections.c.statement_id == statement_id)
        with self.engine.connect() as conn:
            return [_correction(row) for row in conn.execute(query).all()]
