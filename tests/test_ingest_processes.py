"""``factbox ingest`` as real processes: two runs on one ledger at once, and a run with
parser workers killed with ``kill -9``."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

COUNTRIES = [
    ("Czech", "Petr Fiala"),
    ("Polish", "Donald Tusk"),
    ("Swedish", "Ulf Kristersson"),
    ("Spanish", "Pedro Sanchez"),
]


def story(n: int) -> str:
    adjective, name = COUNTRIES[n % len(COUNTRIES)]
    surname = name.split()[-1]
    return (
        f"{adjective} leader rejects ground troops (story {n})\n"
        "Tuesday, 27 February 2024\n\n"
        f"BRUSSELS (Factbox Wire) - The {adjective} prime minister, {name}, said on Monday "
        "that his government was not considering sending soldiers to Ukraine.\n\n"
        f'"We will keep sending ammunition," {surname} told reporters in week {n}.\n'
    )


def write_stories(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story-{n:03d}.txt").write_text(story(n), encoding="utf-8")
    return folder


def ingest_command(folder: Path, db: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "factbox", "ingest", str(folder), "--db", db, *extra]


def run_two_at_once(folder: Path, db: str) -> list[subprocess.CompletedProcess[str]]:
    """Start two ingests of ``folder`` into ``db`` together and wait for both."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    runs = [
        subprocess.Popen(
            ingest_command(folder, db),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    done = []
    for run in runs:
        out, err = run.communicate(timeout=600)
        done.append(subprocess.CompletedProcess(run.args, run.returncode, out, err))
    return done


def assert_both_finished(runs: list[subprocess.CompletedProcess[str]], total: int) -> None:
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr and "Error" not in run.stderr, run.stderr
    # Between them the two runs stored each article once (as itself or as a syndicated copy:
    # these stories differ in a few words).
    stored = sum(
        int(r.stderr.split("ingested ")[1].split(",")[0])
        + int(r.stderr.split("copies ")[1].split(";")[0] if "copies " in r.stderr else 0)
        for r in runs
    )
    assert stored == total


def test_two_ingests_into_one_sqlite_ledger_both_finish_without_duplicates(
    tmp_path: Path,
) -> None:
    total = 12
    folder = write_stories(tmp_path / "wire", total)
    db = tmp_path / "ledger.db"
    runs = run_two_at_once(folder, str(db))
    assert_both_finished(runs, total)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == total
        keys = conn.execute("select count(distinct key) from articles").fetchone()[0]
    assert keys == total


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid ...: comm may hold spaces, so split after its ")".
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_parser_workers_die_with_a_killed_ingest(tmp_path: Path) -> None:
    folder = write_stories(tmp_path / "wire", 400)
    command = ingest_command(folder, str(tmp_path / "ledger.db"), "-j", "2")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    parent = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    workers: list[int] = []
    while time.monotonic() < deadline and parent.poll() is None:
        workers = [pid for pid in _children(parent.pid) if _alive(pid)]
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    assert len(workers) >= 2, "the ingest should have started its two parser workers"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # clean up before failing
        os.kill(pid, signal.SIGKILL)
    assert left == [], "parser workers outlived the killed ingest by 10 s"


def test_two_parser_processes_store_what_one_process_stores(tmp_path: Path) -> None:
    """Extraction, vectors and stance run in the parser processes; a surname first named in
    full in an article the other process had ("Fiala said") still resolves to the person."""
    from factbox import api
    from factbox.pipeline import make_proposal

    folder = write_stories(tmp_path / "wire", 3)
    (folder / "story-003.txt").write_text(
        "Prague keeps its line\nWednesday, 28 February 2024\n\n"
        "PRAGUE (Factbox Wire) - Fiala said on Tuesday that sending soldiers to Ukraine "
        "was not on the table.\n",
        encoding="utf-8",
    )
    troops = make_proposal("troops", "Send ground troops to Ukraine", terms=["soldiers"])
    found = []
    for jobs in (1, 2):
        db = tmp_path / f"jobs{jobs}.db"
        api.add_proposal(troops, db)
        summary = api.ingest([folder], db, n_process=jobs, batch_size=1)
        assert summary.ok and len(summary.ingested) == 4
        statements = [(s.article.key, s.statement) for s in api.statements(db)]
        judged = [(j.stored.statement, j.found) for j in api.judged_statements("troops", db)]
        found.append((statements, judged))
    assert found[0] == found[1]
    statements, judged = found[0]
    fiala = [s for key, s in statements if key.endswith("story-003.txt")]
    assert [sp.name for s in fiala for sp in s.speakers] == ["Petr Fiala"]
    assert judged
