"""Ledgers written by earlier releases open and upgrade in place, step by numbered step."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

import factbox
from factbox import api
from factbox.extract.nlp import load_nlp
from factbox.extract.parses import parse_model
from factbox.store import Ledger
from factbox.store.migrations import STEPS, SchemaTooNew
from factbox.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parents[1] / "fixtures"
OLD_LEDGER = FIXTURES / "ledger-237d6a4.db"
"""Written by commit 237d6a4 (schema version 3): one demo article (04-bratislava-fico.txt),
the demo proposal, a speaker correction (statement 1 to AT), a stance correction, a reader's
report and an editor (olena, "correct horse battery")."""


FICO = """Slovakia will not send soldiers, Fico says
Monday, 26 February 2024

BRATISLAVA (Test Wire) - Slovak Prime Minister Robert Fico said on Monday that Slovakia \
would not send any soldiers to Ukraine.
"""


def stored_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("select value from meta where name='schema_version'").fetchone()[0])


def test_every_version_has_one_step() -> None:
    assert sorted(STEPS) == list(range(2, SCHEMA_VERSION + 1))


def test_a_ledger_of_the_previous_release_opens_and_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(OLD_LEDGER, path)
    assert stored_version(path) == 3
    with factbox.open(path) as service:
        statements = service.statements()
        assert len(statements) == 6
        [first] = [s for s in statements if s.id == 1]
        assert [sp.actor_id for sp in first.statement.speakers] == ["AT"]
        assert first.corrected and first.corrections[0].reason == "w"
        [proposal] = service.proposals()
        report = service.positions(proposal.slug)
        assert any(e.judged.source == "correction" for e in report.evidence.values())
        assert service.report_count() == 1
        assert service.verify_editor("olena", "correct horse battery") is not None
        # and it takes new work
        service.correct(2, "not_statement", True, editor="e", reason="a caption")
        assert 2 not in {s.id for s in service.statements()}
    assert stored_version(path) == SCHEMA_VERSION


def test_upgrading_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(OLD_LEDGER, path)
    Ledger(path).close()
    with sqlite3.connect(path) as conn:
        before = conn.execute("select sql from sqlite_master order by name").fetchall()
    Ledger(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("select sql from sqlite_master order by name").fetchall() == before


def test_a_ledger_from_a_newer_factbox_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Ledger(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"update meta set value = '{SCHEMA_VERSION + 1}'")
    with pytest.raises(SchemaTooNew, match="newer than this factbox"):
        Ledger(path)


def test_a_new_ledger_gets_the_whole_schema(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "new.db")
    with ledger.engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
    ledger.close()
    assert {"articles", "statements", "corrections", "report_groups", "editors"} <= tables
    assert "web_corrections" not in tables
    assert stored_version(tmp_path / "new.db") == SCHEMA_VERSION


def index_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("select name from sqlite_master where type = 'index'").fetchall()
    return {name for (name,) in rows if not name.startswith("sqlite_autoindex")}


def test_an_upgraded_ledger_gets_the_listing_indexes_of_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(OLD_LEDGER, path)
    assert "ix_articles_listing" not in index_names(path)
    with factbox.open(path) as service:
        [listed] = service.articles_page(limit=5).items
        assert listed.statements == 6
    Ledger(tmp_path / "new.db").close()
    assert index_names(tmp_path / "new.db") <= index_names(path)
    assert {"ix_articles_listing", "ix_speakers_actor_statement", "ix_report_groups_recent"} <= (
        index_names(path)
    )
    assert "ix_speakers_actor" not in index_names(path)
    with sqlite3.connect(path) as conn:
        [(stamp,)] = conn.execute("select value from meta where name = 'changed'").fetchall()
    assert len(stamp) == 32


def as_version_7(path: Path) -> None:
    """Make a ledger look as factbox with schema version 7 left it: no ``article_parses``."""
    with sqlite3.connect(path) as conn:
        conn.execute("drop table article_parses")
        conn.execute("update meta set value = '7' where name = 'schema_version'")


def test_a_version_7_ledger_upgrades_and_its_articles_are_judged_without_kept_parses(
    tmp_path: Path,
) -> None:
    new = tmp_path / "new.db"
    assert api.ingest([api.demo_articles()], new).ok
    old = tmp_path / "old.db"
    shutil.copy(new, old)
    as_version_7(old)
    with Ledger(old) as upgraded:
        assert upgraded.article_parses(range(1, 100), parse_model(load_nlp())) == {}
    assert stored_version(old) == SCHEMA_VERSION
    found = {}
    for path in (old, new):
        api.load_proposals(api.demo_proposals(), path)
        with Ledger(path) as ledger:
            found[path] = [
                (j.stored.id, j.found)
                for proposal in ledger.proposals()
                for j in ledger.judgements(proposal.slug)
            ]
    assert found[old] and found[old] == found[new]
    # what it ingests from now on keeps its parse
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "later.txt").write_text(FICO, encoding="utf-8")
    assert api.ingest([wire], old).ingested
    with Ledger(old) as ledger:
        (article,) = [a for a in ledger.articles() if a.ref.key.endswith("later.txt")]
        (kept,) = ledger.article_parses([article.ref.id], parse_model(load_nlp()))[article.ref.id]
        assert kept.end == len(ledger.article_body(article.ref.id))
