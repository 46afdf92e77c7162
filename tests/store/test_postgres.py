"""The ledger on a real PostgreSQL server: the same results as on SQLite, revisions with
corrections carried over, migrations, and re-ingest without duplicates."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pg_server import fresh_database

from factbox import api
from factbox.editorial import NewReport
from factbox.extract.nlp import load_nlp
from factbox.extract.parses import parse_model, restore_parse
from factbox.store import Ledger
from factbox.store.reports import (
    get_group,
    report_count,
    save_reports,
)
from factbox.store.schema import SCHEMA_VERSION

_numbers = itertools.count(1)


@pytest.fixture()
def pg_ledger(server: str) -> Iterator[Ledger]:
    ledger = Ledger(fresh_database(server, f"factbox_test_{os.getpid()}_{next(_numbers)}"))
    yield ledger
    ledger.close()


def demo_run(ledger: Ledger) -> dict[str, Any]:
    """What the demo shows: statements, and positions on each proposal, without row ids."""
    api.load_proposals(api.demo_proposals(), ledger)
    summary = api.ingest([api.demo_articles()], ledger)
    assert summary.ok, summary.failed
    statements = [
        (
            s.article.key,
            s.statement.kind,
            s.statement.cue,
            s.statement.content,
            s.statement.content_span,
            s.statement.source_text,
            s.statement.said_on,
            tuple((p.name, p.actor_id) for p in s.statement.speakers),
        )
        for s in api.statements(ledger)
    ]
    positions = {
        proposal.slug: [
            (p.actor_id, p.stance, p.since, len(p.evidence))
            for p in api.positions(proposal.slug, ledger).positions
        ]
        for proposal in api.proposals(ledger)
    }
    return {"statements": statements, "positions": positions}


def test_demo_gives_the_same_ledger_on_postgresql_as_on_sqlite(
    pg_ledger: Ledger, tmp_path: Path
) -> None:
    assert pg_ledger.engine.dialect.name == "postgresql"
    on_postgres = demo_run(pg_ledger)
    on_sqlite = demo_run(Ledger(tmp_path / "demo.db"))
    assert len(on_postgres["statements"]) >= 60
    assert on_postgres == on_sqlite
    # Running it again stores nothing new.
    again = api.ingest([api.demo_articles()], pg_ledger)
    assert again.ingested == [] and again.revised == []
    assert len(api.statements(pg_ledger)) == len(on_postgres["statements"])


FICO = """Slovakia will not send soldiers, Fico says
Monday, 26 February 2024

BRATISLAVA (Test Wire) - Slovak Prime Minister Robert Fico said on Monday that Slovakia \
would not send any soldiers to Ukraine.
"""


def test_a_revision_carries_corrections_on_postgresql(pg_ledger: Ledger, tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "fico.txt").write_text(FICO, encoding="utf-8")
    api.load_proposals(api.demo_proposals(), pg_ledger)
    slug = api.proposals(pg_ledger)[0].slug
    api.ingest([wire], pg_ledger)
    (old,) = [j for j in pg_ledger.judgements(slug) if "soldiers" in j.stored.statement.content]
    fix = api.correct(old.stored.id, "stance", "open", pg_ledger, proposal=slug, editor="kb")
    (wire / "fico.txt").write_text(FICO + "\nParliament meets on Tuesday.\n", encoding="utf-8")
    assert len(api.ingest([wire], pg_ledger).revised) == 1
    (new,) = [j for j in pg_ledger.judgements(slug) if "soldiers" in j.stored.statement.content]
    assert new.stored.id != old.stored.id
    assert [(c.value, c.carried_from) for c in new.corrections] == [("open", fix.id)]
    assert api.positions(slug, pg_ledger).evidence[new.stored.id].judged.stance == "open"


def test_a_version_2_ledger_is_migrated_on_postgresql(pg_ledger: Ledger) -> None:
    with pg_ledger.engine.begin() as conn:
        conn.execute(sa.text("ALTER TABLE corrections DROP COLUMN carried_from"))
        conn.execute(sa.text("UPDATE meta SET value = '2' WHERE name = 'schema_version'"))
    reopened = Ledger(pg_ledger.url)
    with reopened.engine.connect() as conn:
        version = conn.execute(
            sa.text("SELECT value FROM meta WHERE name = 'schema_version'")
        ).scalar_one()
        columns = {c["name"] for c in sa.inspect(conn).get_columns("corrections")}
    reopened.close()
    assert int(version) == SCHEMA_VERSION
    assert "carried_from" in columns


def test_a_version_7_ledger_is_migrated_on_postgresql_and_keeps_parses(
    pg_ledger: Ledger, tmp_path: Path
) -> None:
    with pg_ledger.engine.begin() as conn:
        conn.execute(sa.text("DROP TABLE article_parses"))
        conn.execute(sa.text("UPDATE meta SET value = '7' WHERE name = 'schema_version'"))
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "fico.txt").write_text(FICO, encoding="utf-8")
    with Ledger(pg_ledger.url) as reopened:
        assert api.ingest([wire], reopened).ingested
        (article,) = reopened.articles()
        nlp = load_nlp()
        (kept,) = reopened.article_parses([article.ref.id], parse_model(nlp))[article.ref.id]
        restored = restore_parse(kept, nlp.vocab)
        assert restored.text == reopened.article_body(article.ref.id)
        assert [t.dep_ for t in restored] == [t.dep_ for t in nlp(restored.text)]
        with reopened.engine.connect() as conn:
            version = conn.execute(
                sa.text("SELECT value FROM meta WHERE name = 'schema_version'")
            ).scalar_one()
    assert int(version) == SCHEMA_VERSION


def test_readers_reports_group_on_postgresql(pg_ledger: Ledger) -> None:

    def report(comment: str, reporter: str) -> NewReport:
        return NewReport(
            page_url="https://news.example/fico",
            exact="would not send any soldiers",
            prefix="Slovakia ",
            suffix=" to Ukraine",
            position=(120, 147),
            comment=comment,
            reporter_hash=reporter,
        )

    first = save_reports(pg_ledger, [report("wrong stance", "a"), report("not open", "b")])
    assert [s.count for s in first] == [1, 2]
    assert first[0].group_id == first[1].group_id
    (later,) = save_reports(pg_ledger, [report("still wrong", "c")])
    assert (later.group_id, later.count) == (first[0].group_id, 3)
    group = get_group(pg_ledger, later.group_id)
    assert group is not None and group.count == 3 and group.status == "new"
    assert report_count(pg_ledger) == 3


def test_two_ingests_into_one_postgresql_ledger_both_finish_without_duplicates(
    server: str, tmp_path: Path
) -> None:
    """Two ``factbox ingest`` processes on one folder at once (the advisory write lock)."""
    sys.path.insert(0, str(Path(__file__).parents[1]))
    from test_ingest_processes import assert_both_finished, run_two_at_once, write_stories

    total = 8
    folder = write_stories(tmp_path / "wire", total)
    url = fresh_database(server, f"factbox_concurrent_{os.getpid()}")
    runs = run_two_at_once(folder, url)
    assert_both_finished(runs, total)
    ledger = Ledger(url)
    try:
        rows = ledger.articles()
    finally:
        ledger.close()
    assert len(rows) == total and len({row.ref.key for row in rows}) == total


def test_ids_out_of_range_are_not_found_and_one_bad_report_fails_alone(
    pg_ledger: Ledger,
) -> None:
    """On PostgreSQL, INTEGER is 32-bit: an 18-digit id must never reach a query."""
    import concurrent.futures
    import dataclasses

    from fastapi.testclient import TestClient

    from factbox.service import Factbox
    from factbox.web import WebSettings, create_app
    from factbox.web.intake import ReportIn, ReportWriter

    factbox = Factbox(pg_ledger)
    with TestClient(create_app(factbox, WebSettings(salt="s"))) as client:
        for number in ("9223372036854775808", "123456789012345678", "2147483648"):
            for url in (f"/api/articles/{number}", f"/articles/{number}", f"/statements/{number}"):
                assert client.get(url).status_code in (404, 422), url
        selection = {"type": "TextQuoteSelector", "exact": "words"}
        refused = client.post(
            "/api/reports",
            json={"url": "http://testserver/a", "selector": [selection], "article_id": "1" * 18},
        )
        assert refused.status_code == 422
    writer = ReportWriter(factbox)
    good: concurrent.futures.Future[Any] = concurrent.futures.Future()
    bad: concurrent.futures.Future[Any] = concurrent.futures.Future()
    fine = ReportIn.model_validate(
        {"url": "http://testserver/a", "selector": [selection], "article_id": "1"}
    ).to_report("0" * 64, None)
    broken = dataclasses.replace(fine, exact="broken", article_id=10**17)
    writer._write([(fine, good), (broken, bad)])
    assert good.result(timeout=0).count == 1
    assert bad.exception(timeout=0) is not None
    assert report_count(pg_ledger) == 1
