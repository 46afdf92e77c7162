"""Many processes opening one new SQLite ledger at the same moment.

Switching a new database to write-ahead logging takes an exclusive lock, and SQLite refuses
one of two connections racing for it with "database is locked" without waiting. CI met it
once as two ``factbox ingest`` runs starting together; here the race is made often by
starting several processes behind a barrier, many times over.
"""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path
from typing import Any

from factbox.store.ledger import prepare_sqlite_connection

PROCESSES = 6
ROUNDS = 40


def open_at_once(db: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        connection = sqlite3.connect(db)
        prepare_sqlite_connection(connection)
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
        connection.close()
        results.put(mode)
    except sqlite3.Error as exc:
        results.put(f"error: {exc}")


def test_processes_opening_a_new_ledger_together_all_get_it_in_wal_mode(
    tmp_path: Path,
) -> None:
    context = mp.get_context("fork")
    outcomes: list[str] = []
    for round_number in range(ROUNDS):
        db = str(tmp_path / f"ledger-{round_number}.db")
        barrier = context.Barrier(PROCESSES)
        results = context.Queue()
        processes = [
            context.Process(target=open_at_once, args=(db, barrier, results))
            for _ in range(PROCESSES)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=60)
        outcomes.extend(results.get(timeout=10) for _ in processes)
    assert outcomes == ["wal"] * (PROCESSES * ROUNDS), sorted(set(outcomes))
