"""The ``factbox`` command line: a thin layer over ``factbox.api``."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from factbox import api
from factbox.ingest import DEFAULT_MAX_BYTES
from factbox.output import (
    OutputFormat,
    article_record,
    article_row,
    render,
    statement_record,
    statement_row,
)
from factbox.records import InputError
from factbox.store import Ledger, default_db

app = typer.Typer(
    help="Turn news copy into a sourced ledger of who said what, for whom, and when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=False)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger: a SQLite file or a SQLAlchemy URL [default: $FACTBOX_DB or ./factbox.db]",
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def fail(name: str, problem: str, code: int = 1) -> NoReturn:
    err.print(f"factbox: error: {name}: {problem}", markup=False, highlight=False)
    raise typer.Exit(code)


def _open(db: str | None) -> Ledger:
    target = db or default_db()
    try:
        return Ledger(target)
    except Exception as exc:  # an unusable ledger is one message, not a traceback
        fail(target, f"cannot open the ledger ({exc})")


def _run_ingest(
    paths: list[str], ledger: Ledger, max_bytes: int, model: str | None, jobs: int
) -> api.IngestSummary:
    if not err.is_terminal:
        return api.ingest(paths, ledger, max_bytes=max_bytes, model=model, n_process=jobs)
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def tick(name: str, outcome: str) -> None:
            bar.update(task, advance=1, description=f"{outcome}: {name}")

        return api.ingest(
            paths, ledger, max_bytes=max_bytes, model=model, n_process=jobs, progress=tick
        )


def _print_summary(summary: api.IngestSummary) -> None:
    err.print(
        f"ingested {len(summary.ingested)}, revised {len(summary.revised)}, "
        f"unchanged {len(summary.unchanged)}, failed {len(summary.failed)}; "
        f"{summary.statements} statements extracted",
        highlight=False,
    )
    for failure in summary.failed:
        err.print(
            f"factbox: error: {failure.name}: {failure.reason}", markup=False, highlight=False
        )


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    db: DbOption = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    model: Annotated[
        str | None,
        typer.Option("--model", help="spaCy pipeline [default: $FACTBOX_MODEL or en_core_web_sm]"),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parser processes.")] = 1,
) -> None:
    """Ingest articles (text, HTML, JSONL, RSS/Atom) and extract their statements."""
    ledger = _open(db)
    try:
        summary = _run_ingest(paths, ledger, max_bytes, model, jobs)
    except RuntimeError as exc:
        fail(model or "model", str(exc))
    finally:
        ledger.close()
    _print_summary(summary)
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def statements(
    db: DbOption = None,
    article: Annotated[
        str | None, typer.Option("--article", help="An article id, or its key (id, URL or path).")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List extracted statements: who said what, when, with source spans."""
    ledger = _open(db)
    try:
        found = api.statements(ledger, article=article)
    except InputError as exc:
        fail(exc.name, exc.reason)
    finally:
        ledger.close()
    render(
        [statement_record(s) for s in found],
        [statement_row(s) for s in found],
        fmt,
        out,
        title="Statements",
    )


@app.command()
def articles(db: DbOption = None, fmt: FormatOption = OutputFormat.table) -> None:
    """List the articles in the ledger (current revisions)."""
    ledger = _open(db)
    try:
        rows = api.articles(ledger)
    finally:
        ledger.close()
    render(
        [article_record(r) for r in rows],
        [article_row(r) for r in rows],
        fmt,
        out,
        title="Articles",
    )


@app.command()
def demo(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Keep the demo ledger in this file [default: a temporary file]."),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Ingest the bundled demo articles and print the statements they contain."""
    with tempfile.TemporaryDirectory(prefix="factbox-demo-") as tmp:
        ledger = _open(db or str(Path(tmp) / "demo.db"))
        try:
            summary = _run_ingest([str(api.demo_articles())], ledger, DEFAULT_MAX_BYTES, None, 1)
            _print_summary(summary)
            found = api.statements(ledger)
        finally:
            ledger.close()
    render(
        [statement_record(s) for s in found],
        [statement_row(s) for s in found],
        fmt,
        out,
        title="Statements in the demo articles",
    )
    if not summary.ok:
        raise typer.Exit(1)


def _mount_optional() -> None:
    try:
        from factbox.evaluate.cli import eval_app
    except ImportError:
        return
    app.add_typer(eval_app, name="eval", help="Measure extraction against annotated corpora.")


_mount_optional()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("factbox: interrupted; finished articles are saved, re-run to continue")
        sys.exit(130)
