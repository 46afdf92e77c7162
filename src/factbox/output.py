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
from rich.text import Text

from factbox.api import ArticleReextraction, Evidence, PositionsReport
from factbox.records import ArticleRef, Speaker, Statement, StoredStatement
from factbox.rules import Decision
from factbox.stance import Position, PositionChange, Proposal
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


def _article_ref_record(a: ArticleRef) -> dict[str, Any]:
    return {
        "id": a.id,
        "key": a.key,
        "revision": a.revision,
        "title": a.title,
        "url": a.url,
        "published": a.published.isoformat() if a.published else None,
    }


def statement_record(stored: StoredStatement) -> dict[str, Any]:
    return (
        {
            "id": stored.id,
            "article": _article_ref_record(stored.article),
            # the article and its syndicated copies: every outlet that printed the statement
            "sources": [_article_ref_record(a) for a in (stored.article, *stored.copies)],
        }
        | statement_fields(stored.statement)
    )


def statement_fields(s: Statement) -> dict[str, Any]:
    """A statement's own fields (no id, no article), as ``statements`` shows them."""
    return {
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


def reextract_record(result: ArticleReextraction) -> dict[str, Any]:
    """One article of a ``reextract`` run: outcome, counts and each change."""
    return {
        "article": _article_ref_record(result.article),
        "outcome": result.outcome,
        "added": sum(1 for c in result.changes if c.change == "added"),
        "removed": sum(1 for c in result.changes if c.change == "removed"),
        "changed": sum(1 for c in result.changes if c.change == "changed"),
        "corrections_carried": result.carried,
        "kept_for_corrections": [statement_fields(s) for s in result.kept],
        "changes": [
            {
                "change": c.change,
                "fields": list(c.fields),
                "before": statement_fields(c.before) if c.before is not None else None,
                "after": statement_fields(c.after) if c.after is not None else None,
            }
            for c in result.changes
        ],
    }


def reextract_rows(result: ArticleReextraction) -> list[dict[str, Any]]:
    """Flat rows for tables and CSV: one per changed statement."""
    rows = []
    for c in result.changes:
        s = c.statement
        rows.append(
            {
                "article": result.article.id,
                "change": c.change,
                "fields": ", ".join(c.fields),
                "speakers": "; ".join(_speaker_label(sp) for sp in s.speakers) or s.source_text,
                "cue": s.cue,
                "content": s.content,
                "span": f"{s.span[0]}-{s.span[1]}",
            }
        )
    return rows


def article_row(row: ArticleRow) -> dict[str, Any]:
    record = article_record(row)
    return {k: record[k] for k in ("id", "published", "title", "revision", "statements", "source")}


# Columns of free text that wrap in tables; every other column stays on one line.
WRAPPED_COLUMNS = frozenset({"content", "said", "title", "speakers", "source", "cue", "evidence"})


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
    table = Table(title=title, show_lines=True, expand=True)
    columns = list(rows[0]) if rows else ["(none)"]
    for column in columns:
        wide = column in WRAPPED_COLUMNS
        table.add_column(
            column,
            overflow="fold",
            no_wrap=not wide,
            ratio=3 if column in {"content", "said", "title"} else (1 if wide else None),
        )
    for row in rows:
        table.add_row(*(str(row[c]) for c in columns))
    console.print(table)


# -- proposals, positions, decisions -------------------------------------------------------


class DecisionFormat(StrEnum):
    table = "table"
    json = "json"


def print_json(value: Any, console: Console) -> None:
    console.file.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def proposal_record(proposal: Proposal, statements: int) -> dict[str, Any]:
    return {
        "slug": proposal.slug,
        "title": proposal.title,
        "description": proposal.description,
        "terms": list(proposal.terms),
        "bodies": list(proposal.bodies),
        "statements": statements,
    }


def proposal_row(proposal: Proposal, statements: int) -> dict[str, Any]:
    return {
        "slug": proposal.slug,
        "title": proposal.title,
        "description": proposal.description,
        "terms": "; ".join(proposal.terms),
        "bodies": ", ".join(proposal.bodies),
        "statements": statements,
    }


def _span_list(span: tuple[int, int] | None) -> list[int] | None:
    return [span[0], span[1]] if span is not None else None


def quote_record(evidence: Evidence) -> dict[str, Any]:
    """One statement as evidence: what was said, where, and what decided its stance."""
    stored, judged = evidence.stored, evidence.judged
    cues = evidence.found.judgement.cues if evidence.found and not judged.correction else ()
    matched = evidence.found.match.evidence if evidence.found else ()
    return {
        "statement": stored.id,
        "article": stored.article.id,
        "sources": [a.id for a in (stored.article, *stored.copies)],
        "title": stored.article.title,
        "said_on": judged.said_on.isoformat() if judged.said_on else None,
        "text": stored.statement.content,
        "span": list(stored.statement.content_span),
        "stance": judged.stance,
        "confidence": 1.0 if judged.correction else judged.judgement.confidence,
        "source": judged.source,
        "cues": [{"text": c.text, "span": _span_list(c.span), "role": c.role} for c in cues],
        "match": [e.as_json() for e in matched],
    }


def position_record(position: Position, report: PositionsReport) -> dict[str, Any]:
    return {
        "actor_id": position.actor_id,
        "actor": position.actor,
        "actor_kind": position.actor_kind,
        "stance": position.stance,
        "since": position.since.isoformat(),
        "evidence": list(position.evidence),
        "quotes": [quote_record(report.evidence[i]) for i in position.evidence],
    }


def unattributed_record(evidence: Evidence) -> dict[str, Any]:
    """A statement kept without a position: its speakers resolve to no actor."""
    speakers = evidence.stored.statement.speakers
    return {**quote_record(evidence), "speakers": [s.text for s in speakers]}


def positions_record(report: PositionsReport) -> dict[str, Any]:
    return {
        "proposal": report.proposal.slug,
        "as_of": report.as_of.isoformat(),
        "positions": [position_record(p, report) for p in report.positions],
        "unattributed": [unattributed_record(report.evidence[i]) for i in report.unattributed],
    }


def _cue_words(evidence: Evidence) -> str:
    if evidence.judged.correction is not None:
        return "(editor's correction)"
    if evidence.found is None:
        return ""
    return " ".join(c.text for c in evidence.found.judgement.cues)


def position_row(position: Position, report: PositionsReport) -> dict[str, Any]:
    """A flat row: the actor, its stance, and the latest statement that says so."""
    latest = report.evidence[position.evidence[-1]]
    return {
        "actor_id": position.actor_id or "",
        "actor": position.actor or "",
        "kind": position.actor_kind,
        "stance": position.stance,
        "since": position.since.isoformat(),
        "evidence": "; ".join(str(i) for i in position.evidence),
        "cues": _cue_words(latest),
        "said": latest.stored.statement.content,
    }


def change_record(change: PositionChange) -> dict[str, Any]:
    return {
        "actor_id": change.actor_id,
        "actor": change.actor,
        "actor_kind": change.actor_kind,
        "on": change.on.isoformat(),
        "stance": change.stance,
        "previous": change.previous,
        "statement": change.statement_id,
        "source": change.source,
        "confidence": change.confidence,
    }


def history_record(report: PositionsReport) -> dict[str, Any]:
    return {
        "proposal": report.proposal.slug,
        "as_of": report.as_of.isoformat(),
        "history": [change_record(c) for c in report.history],
    }


def change_row(change: PositionChange, report: PositionsReport) -> dict[str, Any]:
    return {
        "actor_id": change.actor_id or "",
        "actor": change.actor or "",
        "on": change.on.isoformat(),
        "stance": change.stance,
        "previous": change.previous or "",
        "statement": change.statement_id,
        "source": change.source,
        "said": report.evidence[change.statement_id].stored.statement.content,
    }


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "-"


def print_decision(decision: Decision, console: Console, *, body_name: str | None = None) -> None:
    """The outcome first, then who stands where and why."""
    console.print(
        f"{decision.body} on {decision.proposal} as of {decision.as_of.isoformat()}: "
        f"{decision.outcome.upper()}",
        markup=False,
        highlight=False,
    )
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    rows = [
        ("body", body_name or decision.body),
        ("rule", decision.rule),
        ("members", str(len(decision.members))),
        (f"supporting ({len(decision.supporting)})", _ids(decision.supporting)),
        (f"open ({len(decision.open)})", _ids(decision.open)),
        (f"opposing ({len(decision.opposing)})", _ids(decision.opposing)),
        (f"silent ({len(decision.silent)})", _ids(decision.silent)),
        ("blocking", _ids(decision.blocking)),
        ("needed", decision.needed or "-"),
        ("can act alone", _ids(decision.can_act_alone)),
    ]
    for label, value in rows:
        table.add_row(label, Text(value))
    console.print(table)
    console.print(Text("why:", style="bold"))
    for line in decision.explanation:
        console.print(Text(f"- {line}"))
