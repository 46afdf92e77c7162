"""The web pages and JSON lists on a ledger of 100,000 real statements, on SQLite and on
PostgreSQL.

    python bench/pages.py [--cache DIR] [--statements 100000] [--requests 40] [--no-postgres]

The ledger: PolNeAR train ingested once (``bench/proposals.py``'s cached ledger, over 13,000
statements), with two proposals judged, kept in ``--cache`` (default: a folder in the
system's temporary directory, outside the repository). Each run copies it and multiplies its
rows with SQL inside the ledger (each copy of an article under a new key and id, with its
statements, speakers and judgements) until it holds ``--statements``; articles get the date
in their file name (and statements without a date of their own the article's, as ingest
gives them), so copies share dates (ties in the listing's order). On PostgreSQL a
throwaway server is started as the tests start one (``tests/store/pg_server.py``) and the
same rows are loaded into it.

For each page and list, ``--requests`` requests through the app in-process (after three
warm-up requests) give p50 and p95 in milliseconds; the budget is p95 under 100 ms. The
baseline, measured in the same run, is a static file through the same app (what any request
costs); each row prints its p95 as a multiple of it. "Previous" rows time what the previous
release did for the same page: the whole list read at once (every article with its statement
count; every statement of the actor). Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402
from proposals import POLNEAR, PROPOSALS, cached_ledger  # noqa: E402

from factbox.service import Factbox, every_item  # noqa: E402
from factbox.store import Ledger  # noqa: E402
from factbox.store.reports import actor_statement_ids  # noqa: E402
from factbox.store.schema import (  # noqa: E402
    articles,
    judgements,
    people,
    proposals,
    speakers,
    statements,
)
from factbox.web import WebSettings, create_app  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
from pg_server import fresh_database, postgres_server  # noqa: E402

BUDGET_MS = 100.0
JUDGED = PROPOSALS[:2]
ACTOR = "US"
FILE_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
COPIED = (articles, statements, speakers, judgements)
"""The tables whose rows are copied for each copy of the ledger's articles."""


def judged_ledger(cache: Path) -> Path:
    """PolNeAR train with ``JUDGED`` proposals judged and dates from file names (cached)."""
    path = cache / "pages-base-2.db"
    if path.exists():
        return path
    building = cache / "pages-base-2.building.db"
    shutil.copyfile(cached_ledger(cache), building)
    start = time.perf_counter()
    with Ledger(building) as ledger:
        Factbox(ledger).add_proposals(JUDGED)
        with ledger.engine.begin() as conn:
            rows = conn.execute(sa.select(articles.c.id, articles.c.key)).all()
            dated = [
                {"row_id": row.id, "day": dt.date.fromisoformat(found.group(1))}
                for row in rows
                if (found := FILE_DATE.search(row.key))
            ]
            conn.execute(
                articles.update()
                .where(articles.c.id == sa.bindparam("row_id"))
                .values(published=sa.bindparam("day")),
                dated,
            )
            # what ingest gives a statement with no date of its own in a dated article
            published = (
                sa.select(articles.c.published)
                .where(articles.c.id == statements.c.article_id)
                .scalar_subquery()
            )
            conn.execute(
                statements.update()
                .where(statements.c.said_on.is_(None))
                .values(said_on=published, said_on_basis="article")
            )
    print(f"built {path.name} in {time.perf_counter() - start:.0f} s")
    building.rename(path)
    return path


def _max_id(conn: sa.Connection, table: sa.Table) -> int:
    return int(conn.execute(sa.select(sa.func.max(table.c.id))).scalar_one() or 0)


def multiply(engine: sa.Engine, wanted: int) -> int:
    """Copy the ledger's articles (with statements, speakers and judgements) under new keys
    and ids until it holds ``wanted`` statements; returns how many it holds."""
    with engine.begin() as conn:
        base = {table.name: _max_id(conn, table) for table in COPIED}
        have = int(conn.execute(sa.select(sa.func.count()).select_from(statements)).scalar_one())
        copies = max(0, math.ceil(wanted / have) - 1)
        for number in range(1, copies + 1):
            offset = {name: top * number for name, top in base.items()}
            _copy_rows(conn, number, offset, base)
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn)
        return int(conn.execute(sa.select(sa.func.count()).select_from(statements)).scalar_one())


def _copy_rows(
    conn: sa.Connection, number: int, offset: dict[str, int], base: dict[str, int]
) -> None:
    shifted = {
        "id": lambda table: table.c.id + offset[table.name],
        "article_id": lambda table: table.c.article_id + offset["articles"],
        "statement_id": lambda table: table.c.statement_id + offset["statements"],
        "key": lambda table: table.c.key + f"#copy{number}",
    }
    for table in COPIED:
        columns = [c.name for c in table.columns]
        values = [shifted[name](table) if name in shifted else table.c[name] for name in columns]
        source = sa.select(*values).where(table.c.id <= base[table.name])
        conn.execute(table.insert().from_select(columns, source))


def _reset_sequences(conn: sa.Connection) -> None:
    for table in COPIED:
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT max(id) FROM {table.name}))"
            )
        )
    conn.execute(sa.text("ANALYZE"))


def load_into(source: Path, url: str) -> None:
    """The rows of the SQLite ledger ``source`` in a new ledger at ``url``."""
    with Ledger(source) as old, Ledger(url) as new:
        with old.engine.connect() as reading, new.engine.begin() as writing:
            for table in (proposals, people, *COPIED):
                result = reading.execute(sa.select(table)).mappings()
                while chunk := result.fetchmany(2000):
                    writing.execute(table.insert(), [dict(row) for row in chunk])
            _reset_sequences(writing)


def timed(request: Callable[[], object], count: int) -> list[float]:
    for _ in range(3):
        request()
    found = []
    for _ in range(count):
        start = time.perf_counter()
        request()
        found.append((time.perf_counter() - start) * 1000)
    return found


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * len(ordered)))]


def deep_cursor(listing: Callable[[str | None], object], pages: int) -> str | None:
    """The cursor ``pages`` pages into a listing."""
    after: str | None = None
    for _ in range(pages):
        page = listing(after)
        after = page.next  # type: ignore[attr-defined]
        if after is None:
            break
    return after


def _getter(client: TestClient, path: str) -> Callable[[], object]:
    return lambda: client.get(path)


def measure(factbox: Factbox, label: str, count: int) -> list[float]:
    """Print p50/p95 of each page and list; returns the p95s."""
    with TestClient(create_app(factbox, WebSettings(salt="bench"))) as client:  # started
        return _measure(client, factbox, label, count)


def _measure(client: TestClient, factbox: Factbox, label: str, count: int) -> list[float]:
    deep_articles = deep_cursor(lambda a: factbox.articles_page(after=a, limit=50), 60)
    deep_actor = deep_cursor(lambda a: factbox.statements_page(after=a, limit=50, actor=ACTOR), 40)
    article_id = max(factbox.articles_page(limit=20).items, key=lambda r: r.statements).ref.id
    slug = JUDGED[0].slug
    paths = [
        "/static/site.css",
        "/",
        f"/?after={deep_articles}",
        "/?q=trump",
        f"/actors/{ACTOR}",
        f"/actors/{ACTOR}?after={deep_actor}",
        f"/articles/{article_id}",
        f"/proposals/{slug}",
        "/api/articles",
        f"/api/articles?after={deep_articles}",
        "/api/statements",
        f"/api/actors/{ACTOR}",
        f"/api/proposals/{slug}",
    ]
    print(f"{label}:")
    print(f"  {'request':<44} {'p50 ms':>8} {'p95 ms':>8} {'p95/base':>9} {'KiB':>6}")
    found = []
    base = None
    for path in paths:
        answer = client.get(path)
        assert answer.status_code == 200, (path, answer.status_code, answer.text[:200])
        p50, p95 = _percentiles(timed(_getter(client, path), count))
        base = base or p95
        shown = re.sub(r"after=[^&]+", "after=<deep>", path)
        kib = len(answer.content) / 1024
        print(f"  {shown:<44} {p50:>8.1f} {p95:>8.1f} {p95 / base:>9.1f} {kib:>6.0f}")
        if path != paths[0]:
            found.append(p95)
    for name, previous in previous_release(factbox).items():
        p50, p95 = _percentiles(timed(previous, max(3, count // 8)))
        print(f"  {name:<44} {p50:>8.1f} {p95:>8.1f} {p95 / (base or 1):>9.1f}")
    return found


def previous_release(factbox: Factbox) -> dict[str, Callable[[], object]]:
    """What the previous release read for the same pages: whole lists."""
    ledger = factbox._ledger

    def actor_statements() -> object:
        return ledger.current_statements(actor_statement_ids(ledger, ACTOR))

    return {
        "previous: / (every article, counted)": ledger.articles,
        f"previous: /actors/{ACTOR} (every statement)": actor_statements,
        "all pages of /api/articles, one after another": lambda: list(
            every_item(lambda a: factbox.articles_page(after=a, limit=200))
        ),
    }


@contextmanager
def postgres(source: Path) -> Iterator[str]:
    with postgres_server() as server:
        url = fresh_database(server, "factbox_bench_pages")
        load_into(source, url)
        yield url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "factbox")
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    if not (POLNEAR / "train" / "text").is_dir():
        print(f"PolNeAR not found beside the repository ({POLNEAR}); nothing to measure")
        return 0
    base = judged_ledger(args.cache)
    p95s: list[float] = []
    with tempfile.TemporaryDirectory(prefix="factbox-pages-") as tmp:
        path = Path(tmp) / "ledger.db"
        shutil.copyfile(base, path)
        with Ledger(path) as ledger:
            start = time.perf_counter()
            held = multiply(ledger.engine, args.statements)
            with ledger.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
            print(f"SQLite ledger: {held} statements ({time.perf_counter() - start:.0f} s to copy)")
            with Factbox(ledger) as factbox:
                p95s += measure(factbox, "SQLite", args.requests)
        if not args.no_postgres:
            start = time.perf_counter()
            with postgres(base) as url, Ledger(url) as ledger:
                held = multiply(ledger.engine, args.statements)
                print(f"PostgreSQL ledger: {held} statements ({time.perf_counter() - start:.0f} s)")
                with Factbox(ledger) as factbox:
                    p95s += measure(factbox, "PostgreSQL", args.requests)
    worst = max(p95s)
    print(f"worst p95 {worst:.1f} ms: {worst / BUDGET_MS:.2f} of the {BUDGET_MS:.0f} ms budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
