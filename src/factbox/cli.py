"""The ``factbox`` command line: a thin layer over ``factbox.api``.

Before anything here imports spaCy, thinc is kept from importing torch in this process
(``factbox.startup.keep_torch_out_of_thinc``: no command uses it, and importing it cost
about 1.7 s of CPU of every command where the ``train`` extra is installed), and the garbage
collector waits until the imports are done (``factbox.startup.long_lived``). ``main`` ends
the process without freeing every object (``factbox.startup.exit_without_teardown``).
"""

from __future__ import annotations

from factbox.startup import (
    exit_without_teardown,
    keep_torch_out_of_thinc,
    pause_collection,
    resume_collection,
)

keep_torch_out_of_thinc()
_collection = pause_collection()  # the imports' objects live as long as the command

import datetime as dt
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from factbox import api, service
from factbox.corrections import CorrectionRequest
from factbox.embed import ModelFileError
from factbox.embed.encoder import REBUILD_COMMAND
from factbox.evaluate.cli import eval_app
from factbox.extract.tagger import REBUILD_COMMAND as TAGGER_REBUILD_COMMAND
from factbox.extract.tagger import ModelFileError as TaggerModelFileError
from factbox.ingest import DEFAULT_MAX_BYTES
from factbox.output import DecisionFormat, OutputFormat, print_decision, print_json, render
from factbox.paging import DEFAULT_LIMIT, MAX_LIMIT, parse_limit
from factbox.parsing import parse_as_of, parse_id, parse_slug, parse_stance
from factbox.records import (
    Correction,
    IngestFailure,
    InputError,
    Page,
    SourceItem,
    Stance,
    StoredStatement,
)
from factbox.serialize import (
    FactboxJSON,
    article_record,
    article_row,
    change_row,
    decision_record,
    factbox_record,
    history_record,
    position_row,
    positions_record,
    proposal_record,
    proposal_row,
    reextract_record,
    reextract_rows,
    statement_record,
    statement_row,
)
from factbox.service import Factbox, every_item, latest_said_on
from factbox.settings import Settings

resume_collection(_collection)

app = typer.Typer(
    help="Turn news copy into a sourced ledger of who said what, for whom, and when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
# Piped or redirected output gets a wide table rather than rich's 80-column default.
out = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)  # one error, one line, however long
T = TypeVar("T")

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
        "their members of that day \\[default: the date of the latest evidence].",
    ),
]


def fail(name: str, problem: str, code: int = 1) -> NoReturn:
    err.print(f"factbox: error: {name}: {problem}", markup=False, highlight=False)
    raise typer.Exit(code)


def model_file_error(exc: ModelFileError) -> NoReturn:
    fail(str(exc.path), f"{exc.problem}; rebuild it with: {REBUILD_COMMAND}")


@contextmanager
def _opened(db: str | None, model: str | None = None) -> Iterator[Factbox]:
    """The factbox service over ``db`` (settings from the options and the environment),
    closed on the way out; bad input and an unusable ledger are one line and exit 1."""
    settings = Settings.from_env(db=db, model=model)
    try:
        factbox = service.open(settings=settings)
    except Exception as exc:  # an unusable ledger is one message, not a traceback
        first_line = (str(exc).splitlines() or [type(exc).__name__])[0]
        fail(settings.db, f"cannot open the ledger ({first_line})")
    try:
        yield factbox
    except InputError as exc:
        fail(exc.name, exc.reason)
    except ModelFileError as exc:
        model_file_error(exc)
    except TaggerModelFileError as exc:
        fail(str(exc.path), f"{exc.problem}; rebuild it with: {TAGGER_REBUILD_COMMAND}")
    except RuntimeError as exc:  # a spaCy model that is not installed
        fail(model or "model", str(exc))
    finally:
        factbox.close()


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
    factbox: Factbox,
    max_bytes: int,
    jobs: int,
    vectors: bool | None = None,
    cluster: str | None = None,
) -> service.IngestSummary:
    if not err.is_terminal:
        return factbox.ingest(
            paths, max_bytes=max_bytes, n_process=jobs, vectors=vectors, cluster=cluster
        )
    with _progress_bar("ingest", "{task.description}") as bar:
        task = bar.add_task("", total=None)

        def tick(name: str, outcome: str) -> None:
            bar.update(task, advance=1, description=f"{outcome}: {name}")

        return factbox.ingest(
            paths,
            max_bytes=max_bytes,
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


def _print_summary(summary: service.IngestSummary) -> None:
    copies = f", copies {len(summary.copies)}" if summary.copies else ""
    for note in summary.notes:
        err.print(f"factbox: note: {note.name}: {note.note}", markup=False, highlight=False)
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
    with _opened(db, model) as factbox:
        try:
            summary = _run_ingest(paths, factbox, max_bytes, jobs, vectors, cluster)
        except OSError as exc:  # a scheduler that cannot be reached
            fail(cluster or "cluster", f"cannot reach the cluster ({exc})")
    _print_summary(summary)
    if not summary.ok:
        raise typer.Exit(1)


@app.command()
def reextract(
    db: DbOption = None,
    model: ModelOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parser processes.")] = 1,
    vectors: Annotated[
        bool | None,
        typer.Option(
            "--vectors/--no-vectors",
            help="Store the sentence vector of each statement that changed "
            "\\[default: $FACTBOX_VECTORS or on].",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run extraction and judging again on the stored articles, as ingest would do them,
    keeping every editor's correction; list the statements that were added, removed or
    changed."""
    with _opened(db, model) as factbox:
        summary = factbox.reextract(n_process=jobs, vectors=vectors)
    for note in summary.notes:
        err.print(f"factbox: note: {note.name}: {note.note}", markup=False, highlight=False)
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
    stop = threading.Event()

    def stop_on(signum: int, _frame: object) -> None:
        err.print(f"factbox: watch: {signal.Signals(signum).name}: stopping", highlight=False)
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop_on)

    def log(line: str) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        err.print(f"{stamp} factbox: watch: {line}", markup=False, highlight=False)

    def ingest_items(
        items: list[SourceItem | IngestFailure], factbox: Factbox, **options: Any
    ) -> service.IngestSummary:
        return factbox.ingest_items(items, **options)

    with _opened(db, model) as factbox:
        Watcher(
            feeds,
            factbox,
            ingest_items,
            every=every_s,
            max_backoff=backoff_s,
            timeout=timeout_s,
            log=log,
            stop=stop,
        ).run()


LimitOption = Annotated[
    str | None,
    typer.Option(
        "--limit",
        metavar="N",
        help=f"Rows per page, 1 to {MAX_LIMIT} \\[default: {DEFAULT_LIMIT}].",
    ),
]
AfterOption = Annotated[
    str | None,
    typer.Option(
        "--after",
        metavar="CURSOR",
        help="Start after this cursor: the one the previous page printed.",
    ),
]
AllOption = Annotated[
    bool, typer.Option("--all", help="Every page, one after another (no cursor printed).")
]


def _paged(
    listing: Callable[[str | None, int], Page[T]], after: str | None, limit: str | None, every: bool
) -> list[T]:
    """The page of ``listing`` the options ask for (every page with ``--all``); the cursor of
    the next page goes to stderr, so the output itself stays one table, JSON list or CSV."""
    size = parse_limit(limit)
    if every:
        return list(every_item(lambda cursor: listing(cursor, MAX_LIMIT)))
    found = listing(after, size)
    if found.next is not None:
        err.print(f"next page: --after {found.next}", markup=False, highlight=False)
    return found.items


@app.command()
def statements(
    db: DbOption = None,
    article: Annotated[
        str | None, typer.Option("--article", help="An article id, or its key (id, URL or path).")
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option("--actor", help="Only the statements of this actor (FR, NATO)."),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    after: AfterOption = None,
    every: AllOption = False,
) -> None:
    """List extracted statements: who said what, when, with source spans. Newest first, a
    page at a time; with --article, every statement of that article in text order."""
    with _opened(db) as factbox:
        if article is not None:
            found = factbox.statements(article)
        else:
            found = _paged(
                lambda cursor, size: factbox.statements_page(
                    after=cursor, limit=size, actor=actor
                ),
                after,
                limit,
                every,
            )
    render(
        [statement_record(s) for s in found],
        [statement_row(s) for s in found],
        fmt,
        out,
        title="Statements",
    )


@app.command()
def articles(
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    search: Annotated[
        str | None,
        typer.Option("--search", help="Only articles whose title or a speaker's name holds it."),
    ] = None,
    limit: LimitOption = None,
    after: AfterOption = None,
    every: AllOption = False,
) -> None:
    """List the articles in the ledger (current revisions), newest published first (the
    undated after the dated), a page at a time."""
    with _opened(db) as factbox:
        rows = _paged(
            lambda cursor, size: factbox.articles_page(after=cursor, limit=size, search=search),
            after,
            limit,
            every,
        )
    render(
        [article_record(r) for r in rows],
        [article_row(r) for r in rows],
        fmt,
        out,
        title="Articles",
    )


def _as_of(text: str | None) -> dt.date | None:
    try:
        return parse_as_of(text)
    except InputError as exc:
        fail(exc.name, exc.reason)


@contextmanager
def _judging() -> Iterator[service.JudgeProgress | None]:
    """A progress bar on a terminal while statements are judged against proposals."""
    if not err.is_terminal:
        yield None
        return
    with _progress_bar("judging statements", "articles") as bar:
        task = bar.add_task("", total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tick


def _print_proposal_summaries(summaries: list[service.ProposalSummary]) -> None:
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
    with _opened(db, model) as factbox, _judging() as tick:
        proposal = api.make_proposal(slug, title, description, term or [], body or [])
        summaries = factbox.add_proposals([proposal], progress=tick)
    _print_proposal_summaries(summaries)


@proposal_app.command("load")
def proposal_load(
    file: Annotated[Path, typer.Argument(help="A TOML file of [[proposal]] tables.")],
    db: DbOption = None,
    model: ModelOption = None,
) -> None:
    """Add or change the proposals of a TOML file and judge every statement against the
    new or changed ones. Each [[proposal]] table has slug, title, and optionally
    description, terms = [...] and bodies = [...]."""
    with _opened(db, model) as factbox, _judging() as tick:
        summaries = factbox.load_proposals(file, progress=tick)
    _print_proposal_summaries(summaries)


@proposal_app.command("list")
def proposal_list(db: DbOption = None, fmt: FormatOption = OutputFormat.table) -> None:
    """List the proposals in the ledger, with how many statements are about each."""
    with _opened(db) as factbox:
        found = [(p, factbox.statement_count(p.slug)) for p in factbox.proposals()]
    render(
        [proposal_record(p, n) for p, n in found],
        [proposal_row(p, n) for p, n in found],
        fmt,
        out,
        title="Proposals",
    )


def _print_positions(report: service.PositionsReport, fmt: OutputFormat, history: bool) -> None:
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
    with _opened(db) as factbox:
        report = factbox.positions(slug, as_of=day)
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
    with _opened(db) as factbox:
        decision = factbox.decide(slug, body, as_of=day, rule=rule)
        name = factbox.body(body).name
    if fmt is DecisionFormat.json:
        print_json(decision_record(decision), out)
    else:
        print_decision(decision, out, body_name=name)


def _demo_factbox(
    factbox: Factbox, found: list[StoredStatement], fmt: OutputFormat
) -> list[FactboxJSON]:
    """Positions and decisions for the demo proposals; printed unless the format is JSON."""
    as_of = latest_said_on(found)
    records: list[FactboxJSON] = []
    for proposal in factbox.proposals():
        shown = factbox.factbox(proposal.slug, as_of=as_of)
        report, decisions = shown.positions, shown.decisions
        records.append(factbox_record(shown, factbox.statement_count(proposal.slug)))
        if fmt is OutputFormat.table:
            out.print()
            _print_positions(report, fmt, history=False)
            for decision in decisions:
                out.print()
                print_decision(decision, out, body_name=factbox.body(decision.body).name)
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
        with _opened(db or str(Path(tmp) / "demo.db")) as factbox:
            # Proposals first, so the articles are judged as they are ingested.
            factbox.load_proposals(api.demo_proposals())
            summary = _run_ingest([str(api.demo_articles())], factbox, DEFAULT_MAX_BYTES, 1)
            _print_summary(summary)
            found = factbox.statements()
            if fmt is OutputFormat.json:
                boxes = _demo_factbox(factbox, found, fmt)
                print_json(
                    {"statements": [statement_record(s) for s in found], "factbox": boxes},
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
                    _demo_factbox(factbox, found, fmt)
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

    try:
        settings = WebSettings.from_env(
            allowed_origins=tuple(allowed_origin) if allowed_origin else None,
            trusted_proxies=tuple(trusted_proxy) if trusted_proxy else None,
        )
    except ValueError as exc:
        fail("settings", str(exc))
    with _opened(db) as factbox:
        run_server(factbox, host, port, settings)


@app.command()
def export(
    slug: Annotated[str, typer.Argument(help="The proposal's slug.")],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the factbox into.")],
    report_endpoint: Annotated[
        str | None,
        typer.Option(
            "--report-endpoint",
            metavar="URL",
            help="A factbox server's report endpoint (https://HOST/api/reports): the page "
            "then carries report.js posting there \\[default: no report script].",
        ),
    ] = None,
    as_of: AsOfOption = None,
    db: DbOption = None,
) -> None:
    """Write a proposal's factbox as static files (index.html, map.svg, site.css) that open
    from disk or any web host with no network and no factbox server.

    With --report-endpoint the page also carries report.js, posting readers' error reports
    to that server, which must list the page's origin in its allowed origins
    (factbox serve --allowed-origin). Example:
    factbox export send-troops --out factbox-send-troops
    """
    day = _as_of(as_of)
    with _opened(db) as factbox:
        summary = factbox.export(parse_slug(slug), out, report_endpoint=report_endpoint, as_of=day)
    out_files = ", ".join(summary.files)
    typer.echo(f"wrote {summary.out}: {out_files} (as of {summary.as_of.isoformat()})")


def _stance_options(items: list[str]) -> dict[str, Stance]:
    """``PROPOSAL=STANCE`` options as a mapping; ``InputError`` for a malformed one."""
    found: dict[str, Stance] = {}
    for item in items:
        slug, sign, label = item.partition("=")
        if not sign:
            raise InputError(item, "give --stance as PROPOSAL=STANCE (e.g. send-troops=opposes)")
        found[parse_slug(slug.strip())] = parse_stance(label.strip())
    return found


def _correction_line(correction: Correction) -> str:
    about = f" on {correction.proposal}" if correction.proposal else ""
    value = correction.value
    if correction.field == "speaker":
        value = (
            "; ".join(
                f"{i.get('name') or '(as extracted)'} for {i.get('actor_id') or 'no actor'}"
                for i in value
            )
            or "speaks for no actor"
        )
    return f"statement {correction.statement_id}: {correction.field}{about} = {value}"


@app.command()
def correct(
    statement_id: Annotated[str, typer.Argument(help="The statement's id (factbox statements).")],
    editor: Annotated[str, typer.Option("--editor", help="Who corrects (kept with it).")],
    why: Annotated[str, typer.Option("--why", help="Why (kept with it, shown to readers).")],
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor",
            help="The actor the speaker speaks for: a country's ISO code or an organisation's "
            "id (repeat for a group statement).",
        ),
    ] = None,
    no_actor: Annotated[
        bool, typer.Option("--no-actor", help="The speaker speaks for no state or organisation.")
    ] = False,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Who said it (a person's name).")
    ] = None,
    stance: Annotated[
        list[str] | None,
        typer.Option(
            "--stance",
            metavar="PROPOSAL=STANCE",
            help="The statement's stance on a proposal: supports, open, opposes, unclear "
            "(repeatable).",
        ),
    ] = None,
    not_about: Annotated[
        list[str] | None,
        typer.Option(
            "--not-about", metavar="PROPOSAL", help="It is not about this proposal (repeatable)."
        ),
    ] = None,
    not_a_statement: Annotated[
        bool,
        typer.Option(
            "--not-a-statement", help="It is not a statement: leave it out of every public view."
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Correct a statement as an editor: who said it and for whom, its stance on a proposal,
    or that it is no statement at all. Corrections are kept beside what extraction found
    and every view (tables, JSON, CSV, pages, positions) shows the corrected statement,
    marked as corrected with who, when and why.

    Example: factbox correct 12 --actor AT --editor olena --why "the Austrian minister said it"
    """
    with _opened(db) as factbox:
        saved = factbox.correct_statement(
            CorrectionRequest(
                parse_id(statement_id, "a statement id"),
                editor=editor,
                why=why,
                actors=actor or [],
                no_actor=no_actor,
                speaker=speaker,
                stances=_stance_options(stance or []),
                not_about=[parse_slug(p) for p in not_about or []],
                not_a_statement=not_a_statement,
            )
        )
    for correction in saved:
        out.print(_correction_line(correction), markup=False, highlight=False)


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
    with _opened(db) as factbox:
        editor = factbox.add_editor(name, password)
    err.print(f"editor {editor.name} saved", highlight=False, markup=False)


app.add_typer(eval_app, name="eval", help="Measure extraction against annotated corpora.")


def main() -> None:
    """The ``factbox`` command: runs one command and ends the process (without freeing
    every object first: ``factbox.startup.exit_without_teardown``)."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("factbox: interrupted; finished articles are saved, re-run to continue")
        sys.exit(130)
    except SystemExit as done:
        if done.code is not None and not isinstance(done.code, int):
            raise
        exit_without_teardown(done.code or 0)
