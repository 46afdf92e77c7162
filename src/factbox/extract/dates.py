"""When a statement was made: ``said_on`` and its basis."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from factbox.records import DateBasis, Span


def resolve_said_on(
    doc: Doc, span: Span, published: dt.date | None
) -> tuple[dt.date | None, DateBasis]:
    """The date the statement at ``span`` was made, and how we know it."""
    raise NotImplementedError
