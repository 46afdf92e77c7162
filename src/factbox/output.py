"""Turning records into the public JSON/CSV/table shapes.

JSON field names here are part of the public contract (see CHANGELOG.md).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table

from factbox.records import Speaker, StoredStatement
from factbox.store import ArticleRow


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def speaker_record(speaker: Speaker) -> dict[str, Any]:
    return {
        "text": speaker.text,
        "span": list(speaker.span) if speaker.span else None,
        "name": speaker.name,
        "role": speaker.role,
        "actor_id": speaker.actor_id,
        "actor": speaker.actor,
        "actor_kind": speaker.actor_kind,
    }


def statement_record(stored: StoredStatement) -> dict[str, Any]:
    s = stored.statement
    a = stored.article
    return {
        "id": stored.id,
        "article": {
            "id": a.id,
            "key": a.key,
            "revision": a.revision,
            "title": a.title,
            "url": a.url,
            "published": a.published.isoformat() if a.published else None,
        },
        "kind": s.kind,
        "cue": s.cue,
        "cue_span": list(s.cue_span) if s.cue_span else None,
        "content": s.content,
        "content_span": list(s.content_span),
        "span": list(s.span),
        "source_text": s.source_text,
        "source_span": list(s.source_span) if s.source_span else None,
        "speakers": [speaker_record(sp) for sp in s.speakers],
        "said_on": s.said_on.isoformat() if s.said_on else None,
        "said_on_basis": s.said_on_basis,
    }


def article_record(row: ArticleRow) -> dict[str, Any]:
    r = row.ref
    return {
        "id": r.id,
        "key": r.key,
        "revision": r.revision,
        "title": r.title,
        "url": r.url,
        "published": r.published.isoformat() if r.published else None,
        "source": r.source_name,
        "format": row.format,
        "place": row.place,
        "agency": row.agency,
        "content_hash": row.content_hash,
        "statements": row.statements,
    }


def _speaker_label(speaker: Speaker) -> str:
    who = speaker.name or speaker.text
    if speaker.role and speaker.name:
        who = f"{speaker.name} ({speaker.role})"
    elif speaker.role:
        who = speaker.role
    return f"{who} [{speaker.actor_id}]" if speaker.actor_id else who


def statement_row(stored: StoredStatement) -> dict[str, Any]:
    """A flat row for tables and CSV."""
    s = stored.statement
    return {
        "id": stored.id,
        "article": stored.article.id,
        "said_on": s.said_on.isoformat() if s.said_on else "",
        "basis": s.said_on_basis,
        "kind": s.kind,
        "speakers": "; ".join(_speaker_label(sp) for sp in s.speakers) or s.source_text,
        "actors": "; ".join(sp.actor_id or "?" for sp in s.speakers),
        "cue": s.cue,
        "content": s.content,
        "span": f"{s.span[0]}-{s.span[1]}",
    }


def article_row(row: ArticleRow) -> dict[str, Any]:
    record = article_record(row)
    return {k: record[k] for k in ("id", "published", "title", "revision", "statements", "source")}


def render(
    records: Sequence[dict[str, Any]],
    rows: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    console: Console,
    *,
    title: str | None = None,
) -> None:
    """Print ``records`` as JSON, or the flat ``rows`` as CSV or a rich table."""
    if fmt is OutputFormat.json:
        console.file.write(json.dumps(list(records), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        console.file.write(buffer.getvalue())
        return
    table = Table(title=title, show_lines=False)
    columns = list(rows[0]) if rows else ["(none)"]
    for column in columns:
        table.add_column(column, overflow="fold", max_width=60 if column == "content" else None)
    for row in rows:
        table.add_row(*(str(row[c]) for c in columns))
    console.print(table)
