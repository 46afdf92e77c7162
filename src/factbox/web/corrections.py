"""Where the editors' queue sends corrections of statements.

``field`` is ``stance`` (``value`` a stance label, ``proposal`` required), ``speaker``
(``value`` a list of ``{"actor_id", "actor", "actor_kind", "name"}``) or ``not_statement``
(``value`` true, or false to undo).
"""

from __future__ import annotations

from typing import Any, Protocol

import sqlalchemy as sa

from factbox.store.ledger import Ledger
from factbox.store.reports import ensure_tables, utcnow, web_corrections

FIELDS = ("stance", "speaker", "not_statement")


class CorrectionSink(Protocol):
    def correct(
        self,
        statement_id: int,
        field: str,
        value: Any,
        editor: str,
        reason: str,
        proposal: str | None = None,
    ) -> None:
        """Record an editor's correction; raise ``InputError`` when it cannot apply."""

    def corrected(self, statement_ids: list[int]) -> set[int]:
        """Which of ``statement_ids`` carry an editor's correction."""


class LedgerCorrectionSink:
    """Writes to the ledger's shared ``corrections`` table through ``Ledger.add_correction``."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def correct(
        self,
        statement_id: int,
        field: str,
        value: Any,
        editor: str,
        reason: str,
        proposal: str | None = None,
    ) -> None:
        from factbox.store.judgements import CORRECTION_FIELDS, Correction

        chosen = next((f for f in CORRECTION_FIELDS if f == field), None)
        if chosen is None:
            from factbox.records import InputError

            raise InputError(field, f"a correction field is one of {', '.join(FIELDS)}")
        self.ledger.add_correction(
            Correction(
                statement_id=statement_id,
                field=chosen,
                value=value,
                proposal=proposal,
                editor=editor,
                reason=reason or None,
            )
        )

    def corrected(self, statement_ids: list[int]) -> set[int]:
        wanted = set(statement_ids)
        return {c.statement_id for c in self.ledger.corrections() if c.statement_id in wanted}


class TableCorrectionSink:
    """Writes to this package's own ``web_corrections`` table (no shared table yet)."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        ensure_tables(ledger)

    def correct(
        self,
        statement_id: int,
        field: str,
        value: Any,
        editor: str,
        reason: str,
        proposal: str | None = None,
    ) -> None:
        from factbox.records import InputError

        if field not in FIELDS:
            raise InputError(field, f"a correction field is one of {', '.join(FIELDS)}")
        with self.ledger.engine.begin() as conn:
            conn.execute(
                web_corrections.insert().values(
                    statement_id=statement_id,
                    proposal=proposal,
                    field=field,
                    value=value,
                    editor=editor,
                    reason=reason or None,
                    created_at=utcnow(),
                )
            )

    def corrected(self, statement_ids: list[int]) -> set[int]:
        with self.ledger.engine.connect() as conn:
            rows = conn.execute(
                sa.select(web_corrections.c.statement_id)
                .distinct()
                .where(web_corrections.c.statement_id.in_(statement_ids))
            ).all()
        return {int(row.statement_id) for row in rows}


def default_sink(ledger: Ledger) -> CorrectionSink:
    if hasattr(ledger, "add_correction"):
        return LedgerCorrectionSink(ledger)
    return TableCorrectionSink(ledger)
