"""Printing records on the terminal: JSON, CSV or a rich table (the shapes themselves are
``factbox.serialize``)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from factbox.rules import Decision
from factbox.serialize import spreadsheet_rows


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


# Columns of free text that wrap in tables; every other column stays on one line.
WRAPPED_COLUMNS = frozenset({"content", "said", "title", "speakers", "source", "cue", "evidence"})


def render(
    records: Sequence[Mapping[str, Any]],
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
            writer = csv.writer(buffer)
            writer.writerow(list(rows[0]))
            writer.writerows(spreadsheet_rows([list(row.values()) for row in rows]))
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


class DecisionFormat(StrEnum):
    table = "table"
    json = "json"


def print_json(value: Any, console: Console) -> None:
    console.file.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


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
