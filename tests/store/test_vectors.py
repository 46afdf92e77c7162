"""Statement vectors in the ledger: storage, current revisions only, and the schema 3 -> 4
migration (a ledger made before vectors opens, upgrades, and gets its vectors on first use)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import sqlalchemy as sa
from test_judgements import TROOPS, hand_statements, make_article

from factbox import api
from factbox.embed import load_encoder
from factbox.store import Ledger
from factbox.store.schema import SCHEMA_VERSION
from factbox.store.vectors import EncodedStatements


def unit_rows(count: int, dim: int = 8, seed: int = 3) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(count, dim)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_vectors_are_stored_with_their_statements(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    found = hand_statements()
    rows = unit_rows(len(found))
    ledger.save_article(make_article(), found, vectors=EncodedStatements("test@1", rows))
    stored = ledger.vectors("test@1", 8)
    ids = [s.id for s in ledger.statements()]
    assert stored.ids.tolist() == ids
    assert np.allclose(stored.matrix, rows, atol=2e-3)  # float16 on disk
    assert len(ledger.vectors("another@1", 8)) == 0
    assert ledger.statements_without_vectors("test@1", 8) == []
    assert ledger.statements_without_vectors("another@1", 8) == ids


def test_only_current_revisions_are_searched(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    found = hand_statements()
    ledger.save_article(make_article(), found, vectors=EncodedStatements("m", unit_rows(3)))
    revised = make_article(make_article().body + " Nothing else was said.")
    ledger.save_article(revised, found, vectors=EncodedStatements("m", unit_rows(3, seed=4)))
    current = {s.id for s in ledger.statements()}
    stored = ledger.vectors("m", 8)
    assert set(stored.ids.tolist()) == current and len(stored) == 3
    assert np.allclose(stored.matrix, unit_rows(3, seed=4), atol=2e-3)


def test_a_version_3_ledger_upgrades_and_gets_vectors_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    Ledger(path).save_article(make_article(), hand_statements())
    with sqlite3.connect(path) as conn:  # back to what a version-3 ledger held
        conn.execute("drop table statement_vectors")
        conn.execute("update meta set value = '3' where name = 'schema_version'")
    ledger = Ledger(path)
    with ledger.engine.connect() as conn:
        version = conn.execute(
            sa.text("select value from meta where name = 'schema_version'")
        ).scalar_one()
        tables = set(sa.inspect(conn).get_table_names())
    assert int(version) == SCHEMA_VERSION >= 4
    assert "statement_vectors" in tables
    encoder = load_encoder()
    model = api.vector_model(encoder)
    assert len(ledger.statements_without_vectors(model, encoder.dimension)) == 3

    summary = api.add_proposal(TROOPS, ledger)
    assert summary.matched == 2  # Fico's and Fiala's statements, not the ammunition plan
    assert ledger.statements_without_vectors(model, encoder.dimension) == []
    assert len(ledger.vectors(model, encoder.dimension)) == 3
