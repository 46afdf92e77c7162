"""Ingest on a Dask cluster of two worker processes on loopback into a throwaway PostgreSQL:
the same statements as a one-process run into SQLite, and nothing lost or doubled when a
worker is killed mid-run. Bounded: a handful of articles, a timeout on every run, and the
cluster's processes stopped at the end."""

from __future__ import annotations

import os
import signal
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pg_server import fresh_database

from factbox import api
from factbox.cluster import parse_cluster
from factbox.records import InputError, StoredStatement
from factbox.store import Ledger

distributed = pytest.importorskip("distributed")

RUN_TIMEOUT = 300.0


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two worker processes (one thread each) and a scheduler, all on 127.0.0.1."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=40,
    ) as running:
        yield running


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Any, ...]]:
    db = tmp_path_factory.mktemp("single") / "single.db"
    summary = api.ingest([api.demo_articles()], db)
    assert summary.ok and summary.ingested
    return comparable(api.statements(db))


def comparable(found: list[StoredStatement]) -> list[tuple[Any, ...]]:
    """Statements without row ids: article, words, spans, speakers and dates."""
    return sorted(
        (
            s.article.key,
            s.statement.kind,
            s.statement.cue,
            s.statement.cue_span,
            s.statement.content,
            s.statement.content_span,
            s.statement.source_text,
            s.statement.span,
            tuple((sp.text, sp.name, sp.actor_id, sp.actor_kind) for sp in s.statement.speakers),
            s.statement.said_on,
        )
        for s in found
    )


def demo_on_cluster(ledger: Ledger, cluster: Any, **options: Any) -> api.IngestSummary:
    return api.ingest(
        [api.demo_articles()],
        ledger,
        cluster=cluster.scheduler_address,
        cluster_timeout=RUN_TIMEOUT,
        **options,
    )


def test_cluster_addresses_are_checked() -> None:
    assert parse_cluster("local:2").local_workers == 2
    assert parse_cluster("tcp://127.0.0.1:8786").scheduler == "tcp://127.0.0.1:8786"
    for bad in ("local:0", "local:two", "127.0.0.1:8786"):
        with pytest.raises(InputError):
            parse_cluster(bad)


def test_two_workers_into_postgresql_give_the_single_process_statements(
    cluster: Any, server: str, reference: list[tuple[Any, ...]]
) -> None:
    url = fresh_database(server, f"factbox_cluster_{os.getpid()}")
    with Ledger(url) as ledger:
        summary = demo_on_cluster(ledger, cluster)
        assert summary.ok, summary.failed
        assert comparable(api.statements(ledger)) == reference
        again = demo_on_cluster(ledger, cluster)
        assert not again.ingested and len(again.unchanged) == len(summary.ingested)
        assert comparable(api.statements(ledger)) == reference


def worker_processes() -> list[Any]:
    """The worker processes the cluster's nannies started (children of this process)."""
    psutil = pytest.importorskip("psutil")
    return [
        child
        for child in psutil.Process().children(recursive=True)
        if any("spawn_main" in part for part in child.cmdline())
    ]


def test_a_killed_worker_loses_nothing_and_doubles_nothing(
    cluster: Any, server: str, reference: list[tuple[Any, ...]]
) -> None:
    url = fresh_database(server, f"factbox_killed_{os.getpid()}")
    workers = worker_processes()
    assert len(workers) == 2
    killed: list[int] = []

    def kill_a_worker(_name: str, _outcome: str) -> None:
        """At the first stored article, while the other tasks are still out."""
        if not killed:
            killed.append(workers[0].pid)
            os.kill(workers[0].pid, signal.SIGKILL)

    with Ledger(url) as ledger:
        summary = demo_on_cluster(ledger, cluster, batch_size=2, progress=kill_a_worker)
        assert killed, "no worker was killed"
        assert summary.ok, summary.failed
        stored = comparable(api.statements(ledger))
        with ledger.engine.connect() as conn:
            rows = conn.execute(sa.text("select key, count(*) from articles group by key"))
            counts = {key: n for key, n in rows}
    assert stored == reference
    assert set(counts.values()) == {1}
    assert len(counts) == len(summary.ingested) == len(reference_keys(reference))


def reference_keys(reference: list[tuple[Any, ...]]) -> set[str]:
    return {row[0] for row in reference}


def test_local_cluster_from_the_command_line_into_sqlite(tmp_path: Path) -> None:
    """``--cluster local:1``: the workers send their records back and this process writes
    the SQLite file."""
    from typer.testing import CliRunner

    from factbox.cli import app

    db = tmp_path / "ledger.db"
    article = str(api.demo_articles() / "02-brussels-nato.txt")
    result = CliRunner().invoke(app, ["ingest", article, "--db", str(db), "--cluster", "local:1"])
    assert result.exit_code == 0, result.output
    assert "ingested 1," in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from statements").fetchone()[0] > 0
    bad = CliRunner().invoke(app, ["ingest", article, "--db", str(db), "--cluster", "local:0"])
    assert bad.exit_code == 2 and "factbox: error: local:0:" in bad.stderr
