"""Ingest end to end through the API and the CLI: idempotence, revisions, bad input, resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factbox
from factbox import api
from factbox.cli import app

COUNTRIES = [
    ("Czech", "Petr Fiala", "prime minister"),
    ("Polish", "Donald Tusk", "prime minister"),
    ("Swedish", "Ulf Kristersson", "prime minister"),
    ("Spanish", "Pedro Sanchez", "prime minister"),
    ("Dutch", "Mark Rutte", "caretaker prime minister"),
    ("German", "Olaf Scholz", "chancellor"),
]


def wire_story(n: int) -> str:
    adjective, name, role = COUNTRIES[n % len(COUNTRIES)]
    surname = name.split()[-1]
    return (
        f"{adjective} leader rejects ground troops (story {n})\n"
        f"Tuesday, 27 February 2024\n\n"
        f"BRUSSELS (Factbox Wire) - The {adjective} {role}, {name}, said on Monday that his "
        f"government was not considering sending soldiers to Ukraine.\n\n"
        f'"We will keep sending ammunition and money," {surname} told reporters. '
        f'"But there will be no {adjective} boots on the ground."\n\n'
        f"Officials in Brussels said the question would return at the summit in {2024 + n % 3}.\n"
    )


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "wire"
    (folder / "nested").mkdir(parents=True)
    for n in range(6):
        target = folder / ("nested" if n % 2 else "") / f"story-{n:02d}.txt"
        target.write_text(wire_story(n), encoding="utf-8")
    return folder


def test_ingest_twice_is_idempotent(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    first = api.ingest([corpus], db)
    assert len(first.ingested) == 6 and first.ok
    assert first.statements >= 12  # at least the reported clause and the quote of each story
    before = [(s.id, s.statement.content) for s in factbox.statements(db)]

    second = api.ingest([corpus], db)
    assert second.ingested == [] and len(second.unchanged) == 6
    assert [(s.id, s.statement.content) for s in factbox.statements(db)] == before


def test_revised_article_is_reextracted(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    feed = tmp_path / "feed.jsonl"
    original = {"id": "wire-77", "title": "Fico warns", "published": "2024-02-27"}
    feed.write_text(
        json.dumps({**original, "text": "Robert Fico said Slovakia would not send troops."}) + "\n"
    )
    api.ingest([feed], db)
    feed.write_text(
        json.dumps({**original, "text": "Robert Fico said Slovakia would send no soldiers at all."})
        + "\n"
    )
    summary = api.ingest([feed], db)
    assert summary.revised == [f"{feed}:1"]
    [row] = factbox.articles(db)
    assert row.ref.revision == 2 and row.ref.key == "wire-77"
    contents = [s.statement.content for s in factbox.statements(db)]
    assert any("no soldiers at all" in c for c in contents)
    assert not any("would not send troops" in c for c in contents)


def test_cli_bad_input_names_it_and_keeps_the_good(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(
        app, ["ingest", str(corpus), str(empty), str(missing), "--db", str(db)]
    )
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("factbox: error:")]
    assert any(str(missing) in line for line in errors)
    assert any(str(empty) in line for line in errors)
    assert len(errors) == 2
    assert len(factbox.articles(db)) == 6


def test_statements_json_contract(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    api.ingest([corpus], db)
    result = CliRunner().invoke(app, ["statements", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records
    bodies = {row.ref.id: row for row in factbox.articles(db)}
    for record in records:
        assert set(record) >= {
            "id",
            "article",
            "kind",
            "cue",
            "content",
            "span",
            "source_text",
            "speakers",
            "said_on",
            "said_on_basis",
        }
        assert set(record["article"]) >= {"id", "title", "url", "published"}
        assert record["kind"] in {"direct", "indirect", "mixed", "belief"}
        assert record["article"]["id"] in bodies
        for speaker in record["speakers"]:
            assert set(speaker) >= {"name", "role", "actor_id", "actor", "actor_kind"}


def _count_articles(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute("select count(*) from articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_killed_batch_loses_nothing_and_rerun_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    total = 60
    for n in range(total):
        (folder / f"story-{n:03d}.txt").write_text(wire_story(n), encoding="utf-8")
    db = tmp_path / "ledger.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "factbox", "ingest", str(folder), "--db", str(db)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count_articles(db) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before = _count_articles(db)
    assert 0 < done_before < total, "the kill should land mid-batch"

    with sqlite3.connect(db) as conn:  # every committed article is whole
        # (stories n and n + 6 have the same body: the second is a syndicated copy, stored
        # without statements of its own)
        orphans = conn.execute(
            "select count(*) from articles a where not exists "
            "(select 1 from statements s where s.article_id = a.id) "
            "and not exists (select 1 from copies c where c.key = a.key)"
        ).fetchone()[0]
    assert orphans == 0

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged {done_before}," in rerun.stderr
    assert _count_articles(db) == total

    clean = tmp_path / "clean.db"
    api.ingest([folder], clean)
    resumed = sorted((s.article.key, s.statement.content) for s in factbox.statements(db))
    fresh = sorted((s.article.key, s.statement.content) for s in factbox.statements(clean))
    assert resumed == fresh
