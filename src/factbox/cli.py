"""The ``factbox`` command line: a thin layer over ``factbox.api``."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from factbox import api
from factbox.embed import ModelFileError
from factbox.embed.encoder import REBUILD_COMMAND
from factbox.evaluate.cli import eval_app
from factbox.ingest import DEFAULT_MAX_BYTES
from factbox.output import (
    DecisionFormat,
    OutputFormat,
    article_record,
    article_row,
    change_row,
    history_record,
    position_row,
    positions_record,
    print_decision,
    print_json,
    proposal_record,
    proposal_row,
    reextract_record,
    reextract_rows,
    render,
    statement_record,
    statement_row,
)
from factbox.records import IngestFailure, InputError, StoredStatement
from factbox.rules import decision_record, load_body
from factbox.store import Ledger, default_db

app = typer.Typer(
    help="Turn news copy into a sourced ledger of who said what, for whom, and when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped or redirected output gets a wide table rather than rich's 80-column default.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)  # one error, one line, however long

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Ledger: a SQLite file or a SQLAlchemy URL \\[default: $FACTBOX_DB or ./factbox.db]",
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline \\[default: $FACTBOX_MODEL or en_core_web_sm]"),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="The day to look at: statements said later are left out, and bodies have "
        "their members of that day \\[default: today].",
    ),
]


def fail(name: str, problem: str, code: int = 1) -> NoReturn:
    err.print(f"factbox: error: {name}: {problem}", markup=False, highlight=False)
    raise typer.Exit(code)


def model_file_error(exc: ModelFileError) -> NoReturn:
    fail(str(exc.path), f"{exc.problem}; rebuild it with: {REBUILD_COMMAND}")


def _open(db: str | None) -> Ledger:
    target = db or default_db()
    try:
        return Ledger(target)
    except Exception as exc:  # an unusable ledger is one message, not a traceback
        first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
        fail(target, f"cannot open the ledger ({first_line})")


def _progress_bar(label: str, detail: str) -> Progress:
    """A transient progress bar on stderr: label, bar, count, detail, elapsed time."""
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(detail),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def _run_ingest(
    paths: list[str],
    ledger: Ledger,
    max_bytes: int,
    model: str | None,
    jobs: int,
    vectors: bool | None = None,
    cluster: str | None = None,
) -> api.IngestSummary:
    if not err.is_terminal:
        return api.ingest(
            paths,
            ledger,
            max_bytes=max_bytes,
            model=model,
            n_process=jobs,
            vectors=vectors,
            cluster=cluster,
        )
    with _progress_bar("ingest", "{task.description}") as bar:
        task = bar.add_task("", total=None)

        def tick(name: str, outcome: str) -> None:
            bar.update(task, advance=1, description=f"{outcome}: {name}")

        return api.ingest(
            paths,
            ledger,
            max_bytes=max_bytes,
            model=model,
            n_process=jobs,
            progress=tick,
            vectors=vectors,
            cluster=cluster,
        )


def _print_failures(failed: list[IngestFailure]) -> None:
    for failure in failed:
        err.print(
            f"factbox: error: {failure.name}: {failure.reason}", markup=False, highlight=False
        )


def _print_summary(summary: api.IngestSummary) -> None:
    copies = f", copies {len(summary.copies)}" if summary.copies else ""
    err.print(
        f"ingested {len(summary.ingested)}, revised {len(summary.revised)}, "
        f"unchanged {len(summary.unchanged)}, failed {len(summary.failed)}{copies}; "
        f"{summary.statements} statements extracted",
        highlight=False,
    )
    _print_failures(summary.failed)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    db: DbOption = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    model: ModelOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parser processes.")] = 1,
    vectors: Annotated[
        bool | None,
        typer.Option(
            "--vectors/--no-vectors",
            help="Store each statement's sentence vector, for finding the statements about a "
            "proposal (without: they are computed when a proposal is added) "
            "\\[default: $FACTBOX_VECTORS or on].",
            show_default=False,
        ),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            metavar="tcp://HOST:PORT|local:N",
            help="Parse on a Dask cluster: a scheduler's address, or local:N to start N "
            "workers here (needs factbox[cluster]).",
        ),
    ] = None,
) -> None:
    """Ingest articles (text, HTML, JSONL, RSS/Atom) and extract their statements."""
    if cluster is not None:
        from factbox.cluster import parse_cluster

        try:
            parse_cluster(cluster)
        except InputError as exc:
            fail(exc.name, exc.reason, 2)
    ledger = _open(db)
    try:
        summary = _run_ingest(paths, ledger, max_bytes, model, jobs, vectors, cluster)
    except ModelFileError as exc:
        model_file_error(exc)
    except RuntimeError as exc:
        fail(cluster or model or "model", str(exc))
    except OSError as exc:  # a scheduler that cannot be reached
        fail(cluster or "cluster", f"cannot reach the cluster ({exc})")
    finally:
        ledger.close()
    _print_summary(summary)
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def reextract(
    db: DbOption = None,
    model: ModelOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parser processes.")] = 1,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run extraction and judging again on the stored articles, keeping every editor's
    correction; list the statements that were added, removed or changed."""
    ledger = _open(db)
    try:
        summary = api.reextract(ledger, model=model, n_process=jobs)
    except RuntimeError as exc:
        fail(model or "model", str(exc))
    finally:
        ledger.close()
    render(
        [reextract_record(a) for a in summary.articles],
        [row for a in summary.articles for row in reextract_rows(a)],
        fmt,
        out,
        title="Changes",
    )
    carried = sum(a.carried for a in summary.articles)
    kept = sum(len(a.kept) for a in summary.articles)
    err.print(
        f"re-extracted {len(summary.articles)} articles: revised {len(summary.revised)}, "
        f"failed {len(summary.failed)}; statements added {summary.count('added')}, "
        f"removed {summary.count('removed')}, changed {summary.count('changed')}; "
        f"corrections carried for {carried} statements, {kept} corrected statements kept",
        highlight=False,
    )
    _print_failures(summary.failed)
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(metavar="FEED_URL...", help="RSS or Atom feeds.")],
    db: DbOption = None,
    every: Annotated[
        str, typer.Option("--every", help="Poll each feed this often (30s, 10m, 1h).")
    ] = "10m",
    max_backoff: Annotated[
        str,
        typer.Option(
            "--max-backoff", help="Longest wait after failed polls (each doubles the wait)."
        ),
    ] = "1h",
    timeout: Annotated[
        str, typer.Option("--timeout", help="Give up on a feed that has not answered by then.")
    ] = "30s",
    model: ModelOption = None,
) -> None:
    """Keep the ledger current: poll feeds with conditional requests and ingest new items,
    until SIGINT or SIGTERM."""
    import signal
    import threading

    from factbox.watch import Watcher, parse_duration

    try:
        every_s, backoff_s, timeout_s = (parse_duration(t) for t in (every, max_backoff, timeout))
    except InputError as exc:
        fail(exc.name, exc.reason, 2)
    for url in feeds:
        if not url.startswith(("http://", "https://")):
            fail(url, "not an http(s) URL", 2)
    ledger = _open(db)
    stop = threading.Event()

    def stop_on(signum: int, _frame: object) -> None:
        err.print(f"factbox: watch: {signal.Signals(signum).name}: stopping", highlight=False)
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop_on)

    def log(line: str) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        err.print(f"{stamp} factbox: watch: {line}", markup=False, highlight=False)

    watcher = Watcher(
        feeds,
        ledger,
        api.ingest_items,
        every=every_s,
        max_backoff=backoff_s,
        timeout=timeout_s,
        log=log,
        stop=stop,
        ingest_options={"model": model},
    )
    try:
        watcher.run()
    except RuntimeError as exc:
        fail(model or "model", str(exc))
    finally:
        ledger.close()


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


def _as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return api.parse_date(text)
    except InputError as exc:
        fail(exc.name, exc.reason)


@contextmanager
def _judging() -> Iterator[api.JudgeProgress | None]:
    """A progress bar on a terminal while statements are judged against proposals."""
    if not err.is_terminal:
        yield None
        return
    with _progress_bar("judging statements", "articles") as bar:
        task = bar.add_task("", total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tick


def _print_proposal_summaries(summaries: list[api.ProposalSummary]) -> None:
    for summary in summaries:
        out.print(
            f"{summary.outcome} {summary.proposal.slug}: "
            f"{summary.matched} statement(s) are about it",
            markup=False,
            highlight=False,
        )


proposal_app = typer.Typer(
    help="Track proposals: statements are judged against every proposal in the ledger.",
    no_args_is_help=True,
)
app.add_typer(proposal_app, name="proposal")


@proposal_app.command("add")
def proposal_add(
    slug: Annotated[
        str, typer.Argument(help="Short id: lower-case letters, digits, hyphens (send-troops).")
    ],
    title: Annotated[
        str,
        typer.Option(
            "--title",
            help="The proposal as a plain sentence, its action as the verb: "
            "'Send troops to Ukraine'.",
        ),
    ],
    description: Annotated[
        str,
        typer.Option(
            "--description",
            help="Who would do what: 'Western states send ground troops to Ukraine'.",
        ),
    ] = "",
    term: Annotated[
        list[str] | None,
        typer.Option(
            "--term",
            help="Another name of the proposal, matched on its own (repeatable): "
            "'reassurance force'.",
        ),
    ] = None,
    body: Annotated[
        list[str] | None,
        typer.Option(
            "--body",
            help="A body that could adopt it (repeatable): nato, eu-council, unsc, state:FR, "
            "coalition.",
        ),
    ] = None,
    db: DbOption = None,
    model: ModelOption = None,
) -> None:
    """Add a proposal, or change the one with this SLUG, and judge every statement in the
    ledger against it (new articles are judged as they are ingested).

    Title and description alone are enough to match paraphrases ("Western troops",
    "boots on the ground", "deploy soldiers").
    """
    ledger = _open(db)
    try:
        proposal = api.make_proposal(slug, title, description, term or [], body or [])
        with _judging() as tick:
            summary = api.add_proposal(proposal, ledger, model=model, progress=tick)
    except InputError as exc:
        fail(exc.name, exc.reason)
    except ModelFileError as exc:
        model_file_error(exc)
    except RuntimeError as exc:
        fail(model or "model", str(exc))
    finally:
        ledger.close()
    _print_proposal_summaries([summary])


@proposal_app.command("load")
def proposal_load(
    file: Annotated[Path, typer.Argument(help="A TOML file of [[proposal]] tables.")],
    db: DbOption = None,
    model: ModelOption = None,
) -> None:
    """Add or change the proposals of a TOML file and judge every statement against the
    new or changed ones. Each [[proposal]] table has slug, title, and optionally
    description, terms = [...] and bodies = [...]."""
    ledger = _open(db)
    try:
        with _judging() as tick:
            summaries = api.load_proposals(file, ledger, model=model, progress=tick)
    except InputError as exc:
        fail(exc.name, exc.reason)
    except ModelFileError as exc:
        model_file_error(exc)
    except RuntimeError as exc:
        fail(model or "model", str(exc))
    finally:
        ledger.close()
    _print_proposal_summaries(summaries)


@proposal_app.command("list")
def proposal_list(db: DbOption = None, fmt: FormatOption = OutputFormat.table) -> None:
    """List the proposals in the ledger, with how many statements are about each."""
    ledger = _open(db)
    try:
        found = [(p, ledger.judgement_count(p.slug)) for p in api.proposals(ledger)]
    finally:
        ledger.close()
    render(
        [proposal_record(p, n) for p, n in found],
        [proposal_row(p, n) for p, n in found],
        fmt,
        out,
        title="Proposals",
    )


def _print_positions(report: api.PositionsReport, fmt: OutputFormat, history: bool) -> None:
    if history:
        if fmt is OutputFormat.json:
            print_json(history_record(report), out)
            return
        rows = [change_row(c, report) for c in report.history]
        title = f"How positions on {report.proposal.slug} changed, up to {report.as_of}"
        render([], rows, fmt, out, title=title)
        return
    if fmt is OutputFormat.json:
        print_json(positions_record(report), out)
        return
    rows = [position_row(p, report) for p in report.positions]
    title = f"Positions on {report.proposal.slug} ({report.proposal.title}) as of {report.as_of}"
    render([], rows, fmt, out, title=title)
    if report.unattributed and fmt is OutputFormat.table:
        ids = ", ".join(str(i) for i in report.unattributed)
        out.print(f"Statements whose speaker is no known actor (no position): {ids}")


@app.command()
def positions(
    slug: Annotated[str, typer.Argument(help="The proposal's slug (see: factbox proposal list).")],
    as_of: AsOfOption = None,
    history: Annotated[
        bool,
        typer.Option(
            "--history", help="List each change of each actor's stance, with its statement."
        ),
    ] = False,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Where each government and organisation stands on a proposal, on whose word.

    One row per actor: its stance (supports, open, opposes, unclear), since when, and the
    statements that say so. The latest dated statement wins; an editor's correction wins
    over extraction; a statement by three countries gives each of them a position.
    """
    day = _as_of(as_of)
    ledger = _open(db)
    try:
        report = api.positions(slug, ledger, as_of=day)
    except InputError as exc:
        fail(exc.name, exc.reason)
    finally:
        ledger.close()
    _print_positions(report, fmt, history)


@app.command()
def decide(
    slug: Annotated[str, typer.Argument(help="The proposal's slug (see: factbox proposal list).")],
    body: Annotated[
        str,
        typer.Option(
            "--body",
            "-b",
            help="nato, eu-council, unsc, state:XX (one country), coalition (every state "
            "with a stance) or coalition:XX,YY; or a body file of your own in $FACTBOX_BODIES.",
        ),
    ],
    as_of: AsOfOption = None,
    rule: Annotated[
        str | None,
        typer.Option(
            "--rule", help="One of the body's rules, e.g. qmv for eu-council \\[default: its own]."
        ),
    ] = None,
    db: DbOption = None,
    fmt: Annotated[
        DecisionFormat, typer.Option("--format", "-f", help="Output format.")
    ] = DecisionFormat.table,
) -> None:
    """Can a body adopt the proposal? Prints the outcome (adopted, blocked or undetermined)
    and why.

    Each member of the body on the --as-of day gets its position from `factbox positions`,
    and the body's rule decides: NATO by consensus (one objection blocks); the EU Council by
    unanimity with constructive abstention (--rule qmv: 55% of members with 65% of the
    population); the UN Security Council by 9 of 15 votes with no permanent member against;
    state:XX by that country's own stance; a coalition by those willing.

    Listed: supporting, open, opposing and silent members (silent: no clear position);
    blocking (whose stance blocks adoption under the rule); needed (what would have to
    change); can act alone (states that support or are open and could act without it).

    Example: factbox decide send-troops --body nato --as-of 2024-02-28
    """
    day = _as_of(as_of)
    ledger = _open(db)
    try:
        decision = api.decide(slug, body, ledger, as_of=day, rule=rule)
        name = load_body(body).name
    except InputError as exc:
        fail(exc.name, exc.reason)
    finally:
        ledger.close()
    if fmt is DecisionFormat.json:
        print_json(decision_record(decision), out)
    else:
        print_decision(decision, out, body_name=name)


def _demo_factbox(
    ledger: Ledger, found: list[StoredStatement], fmt: OutputFormat
) -> list[dict[str, object]]:
    """Positions and decisions for the demo proposals; printed unless the format is JSON."""
    as_of = api.latest_said_on(found)
    records: list[dict[str, object]] = []
    for proposal in api.proposals(ledger):
        report = api.positions(proposal.slug, ledger, as_of=as_of)
        decisions = [api.decide_on(report, body) for body in proposal.bodies]
        records.append(
            {
                "proposal": proposal.slug,
                "positions": positions_record(report),
                "decisions": [decision_record(d) for d in decisions],
            }
        )
        if fmt is OutputFormat.table:
            out.print()
            _print_positions(report, fmt, history=False)
            for decision in decisions:
                out.print()
                print_decision(decision, out, body_name=load_body(decision.body).name)
    return records


@app.command()
def demo(
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Keep the demo ledger in this file \\[default: a temporary file]."
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="table: statements, positions, decisions; json: one object with all three; "
            "csv: the statements only.",
        ),
    ] = OutputFormat.table,
) -> None:
    """Ingest the bundled demo articles, then print the statements they contain, where each
    actor stands on the demo proposal, and the decision of each body that could adopt it
    (as of the day of the latest statement)."""
    with tempfile.TemporaryDirectory(prefix="factbox-demo-") as tmp:
        ledger = _open(db or str(Path(tmp) / "demo.db"))
        try:
            # Proposals first, so the articles are judged as they are ingested.
            api.load_proposals(api.demo_proposals(), ledger)
            summary = _run_ingest([str(api.demo_articles())], ledger, DEFAULT_MAX_BYTES, None, 1)
            _print_summary(summary)
            found = api.statements(ledger)
            if fmt is OutputFormat.json:
                factbox = _demo_factbox(ledger, found, fmt)
                print_json(
                    {"statements": [statement_record(s) for s in found], "factbox": factbox},
                    out,
                )
            else:
                render(
                    [statement_record(s) for s in found],
                    [statement_row(s) for s in found],
                    fmt,
                    out,
                    title="Statements in the demo articles",
                )
                if fmt is OutputFormat.table:
                    _demo_factbox(ledger, found, fmt)
        except ModelFileError as exc:
            model_file_error(exc)
        finally:
            ledger.close()
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allowed_origin: Annotated[
        list[str] | None,
        typer.Option(
            help="Another site allowed to embed report.js (repeat; or FACTBOX_WEB_ALLOWED_ORIGINS)."
        ),
    ] = None,
    trusted_proxy: Annotated[
        list[str] | None,
        typer.Option(
            help="A proxy whose X-Forwarded-For is believed (repeat; address or network)."
        ),
    ] = None,
) -> None:
    """Serve the web factbox, the report endpoint and the editors' queue.

    Every other setting (SMTP, webhook, retention, rate limit, salt) comes from
    FACTBOX_WEB_* environment variables; see docs/web.md.
    """
    from factbox.web import WebSettings
    from factbox.web import serve as run_server
    from factbox.web.factbox import ledger_positions

    try:
        settings = WebSettings.from_env(
            allowed_origins=tuple(allowed_origin) if allowed_origin else None,
            trusted_proxies=tuple(trusted_proxy) if trusted_proxy else None,
        )
    except ValueError as exc:
        fail("settings", str(exc))
    ledger = _open(db)
    run_server(ledger, host, port, settings, positions_provider=ledger_positions)


editor_app = typer.Typer(help="Manage the editors who triage reports.", no_args_is_help=True)
app.add_typer(editor_app, name="editor")


@editor_app.command("add")
def editor_add(
    name: Annotated[str, typer.Argument(help="The editor's login name.")],
    db: DbOption = None,
    password: Annotated[
        str,
        typer.Option(
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            envvar="FACTBOX_EDITOR_PASSWORD",
            help="Asked for when not given (or FACTBOX_EDITOR_PASSWORD).",
        ),
    ] = "",
) -> None:
    """Add an editor, or set a new password for one (stored as an argon2 hash)."""
    from factbox.web import add_editor

    ledger = _open(db)
    try:
        editor = add_editor(ledger, name, password)
    except InputError as exc:
        fail(exc.name, exc.reason)
    finally:
        ledger.close()
    err.print(f"editor {editor.name} saved", highlight=False, markup=False)


app.add_typer(eval_app, name="eval", help="Measure extraction against annotated corpora.")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("factbox: interrupted; finished articles are saved, re-run to continue")
        sys.exit(130)
