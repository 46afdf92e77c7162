"""Adding a proposal to a large ledger, and what statement vectors cost at ingest.

    python bench/proposals.py [--cache DIR] [--repeat 2] [--ingest-limit N]
                              [--baseline OTHER/src] [--rounds 2]

1. ``factbox proposal add`` as a whole command (a new process: imports, model loads, vector
   search, restoring the candidates' kept parses, stance, writing, the process's end) on a
   ledger of every PolNeAR train article (over 10,000 statements), for three proposals;
   each run on a fresh copy of the ledger; each with its wall time, its CPU time (user +
   system) and the load average beside it; factbox's bytecode compiled first, as an install
   has it (``compile_bytecode``). Printed twice: as this environment runs it, and with torch
   hidden from the process (where the ``train`` extra installed torch, spaCy's thinc imported
   it at start-up until the command kept it out; a runtime install has no torch). With
   ``--baseline``, the ``src`` folder of another checkout (the previous version: a worktree
   of ``main``), each command runs on both, alternating, ``--rounds`` times, and the medians
   are printed side by side with their ratio, and whether the two wrote the same judgement
   rows (every field but ``judged_at``). Without it, the baseline in the same run is the
   previous method (parse every statement's paragraphs, no vectors, no kept parses) through
   the API.
2. Ingest throughput of PolNeAR dev with statement vectors and without (``vectors=False``),
   interleaved, best of ``--repeat``; the ratio is with / without, in wall time and in the
   process's CPU time (steadier on a shared machine).

The train ledger is built once and kept in ``--cache`` (default: a folder in the system's
temporary directory, outside the repository). Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import factbox
from factbox import api
from factbox.extract.nlp import load_nlp
from factbox.stance import Proposal
from factbox.store import Ledger
from factbox.store.schema import SCHEMA_VERSION
from ingest import REPO, article_files

POLNEAR = REPO.parent / "shared" / "corpora" / "polnear"
PROPOSALS = [
    Proposal(
        "iran-deal",
        "Keep the nuclear deal with Iran",
        "The United States stays in the agreement that limits Iran's nuclear programme",
    ),
    Proposal(
        "nato-spending",
        "NATO allies raise their defence spending",
        "Every NATO member spends at least two percent of its economy on defence",
    ),
    Proposal(
        "syrian-refugees",
        "Take in Syrian refugees",
        "The United States admits refugees fleeing the war in Syria",
    ),
]
HIDE_TORCH = "import sys; sys.modules['torch'] = None; from factbox.cli import main; main()"


def cached_ledger(cache: Path) -> Path:
    """The ledger of PolNeAR train, built with vectors on first use (once per schema
    version: a ledger of an earlier one lacks what ingest now stores, such as parses)."""
    name = f"polnear-train-v{SCHEMA_VERSION}"
    path = cache / f"{name}.db"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        building = cache / f"{name}.building.db"
        for stale in cache.glob(f"{name}.building.db*"):
            stale.unlink()
        start = time.perf_counter()
        files = article_files([POLNEAR / "train" / "text"], None)
        summary = api.ingest([str(f) for f in files], building, vectors=True)
        print(
            f"built {path.name}: {len(summary.ingested)} articles, {summary.statements} "
            f"statements in {time.perf_counter() - start:.0f} s"
        )
        Ledger(building).close()
        building.rename(path)
    return path


@dataclass(frozen=True, slots=True)
class CommandRun:
    """One ``proposal add``: its wall and CPU seconds and the judgement rows it wrote."""

    wall: float
    cpu: float
    judgements: list[tuple[object, ...]]


def time_command(
    ledger: Path, proposal: Proposal, hide_torch: bool, src: Path | None = None
) -> CommandRun:
    """Run ``factbox proposal add`` in a new process on a fresh copy of ``ledger`` (with
    ``src`` first on the path: another checkout's factbox)."""
    with tempfile.TemporaryDirectory(prefix="factbox-bench-") as tmp:
        copy = Path(tmp) / "ledger.db"
        shutil.copyfile(ledger, copy)
        args = ["proposal", "add", proposal.slug, "--title", proposal.title]
        args += ["--description", proposal.description, "--db", str(copy)]
        runner = ["-c", HIDE_TORCH, *args] if hide_torch else ["-m", "factbox", *args]
        env = dict(os.environ)
        if src is not None:
            env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
        before = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run([sys.executable, *runner], capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
        cpu = _children_cpu() - before
        if done.returncode != 0:
            raise SystemExit(f"proposal add failed: {done.stderr.strip()}")
        load = os.getloadavg()[0]
        which = "baseline" if src is not None else "this"
        print(
            f"    {which} {proposal.slug}: {done.stdout.strip()} ({seconds:.2f} s, "
            f"CPU {cpu:.2f} s, load average {load:.1f})"
        )
        return CommandRun(seconds, cpu, judgement_rows(copy, proposal.slug))


def judgement_rows(ledger: Path, slug: str) -> list[tuple[object, ...]]:
    """The proposal's judgement rows, every column but ``id`` and ``judged_at``, sorted."""
    with closing(sqlite3.connect(ledger)) as conn:
        names = [row[1] for row in conn.execute("PRAGMA table_info(judgements)")]
        kept = [n for n in names if n not in {"id", "judged_at"}]
        rows = conn.execute(
            f"SELECT {', '.join(kept)} FROM judgements WHERE proposal = ?", (slug,)
        ).fetchall()
    return sorted(rows, key=repr)


def compare_commands(ledger: Path, baseline: Path, rounds: int, hide_torch: bool) -> None:
    """Each proposal on the baseline and on this checkout in turn, ``rounds`` times; the
    medians side by side, and whether both wrote the same judgements."""
    this: list[CommandRun] = []
    other: list[CommandRun] = []
    same = True
    for _ in range(rounds):
        for proposal in PROPOSALS:
            before = time_command(ledger, proposal, hide_torch, baseline)
            after = time_command(ledger, proposal, hide_torch)
            same &= before.judgements == after.judgements
            other.append(before)
            this.append(after)

    def medians(runs: list[CommandRun]) -> tuple[float, float]:
        return statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs)

    (wall_before, cpu_before), (wall_after, cpu_after) = medians(other), medians(this)
    print(
        f"  median of {len(this)}: baseline {wall_before:.2f} s (CPU {cpu_before:.2f} s), "
        f"this {wall_after:.2f} s (CPU {cpu_after:.2f} s); ratio this / baseline "
        f"{wall_after / wall_before:.2f} (CPU {cpu_after / cpu_before:.2f}); "
        f"the same judgements: {'yes' if same else 'NO'}"
    )


def compile_bytecode(baseline: Path | None = None) -> None:
    """Compile factbox's modules to bytecode (``__pycache__`` beside them, ignored by git),
    and the baseline's.

    An installed factbox has its bytecode compiled at install; a source checkout run with
    ``PYTHONDONTWRITEBYTECODE`` set (as CI and the shared machines do) compiles every module
    at every start, about 0.15 s of the command that an installed factbox never pays."""
    packages = [Path(factbox.__file__).parent]
    if baseline is not None:
        packages.append(baseline / "factbox")
    for package in packages:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def _children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes: on a shared machine the
    wall time also counts the time the command waited for a core."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_previous_method(ledger_path: Path, proposal: Proposal) -> float:
    with tempfile.TemporaryDirectory(prefix="factbox-bench-") as tmp:
        copy = Path(tmp) / "ledger.db"
        shutil.copyfile(ledger_path, copy)
        with sqlite3.connect(copy) as conn:  # as before parses were kept: every one parsed
            conn.execute("DELETE FROM article_parses")
        ledger = Ledger(copy)
        nlp = load_nlp()
        start = time.perf_counter()
        found = api.judge_ledger(ledger, [proposal], nlp=nlp, search=False)
        seconds = time.perf_counter() - start
        ledger.close()
        print(f"    {proposal.slug}: {len(found[proposal.slug])} statements ({seconds:.2f} s)")
        return seconds


def time_ingest(files: list[Path], vectors: bool) -> tuple[float, float]:
    """Wall and CPU seconds (this process's) of one ingest."""
    with tempfile.TemporaryDirectory(prefix="factbox-bench-") as tmp:
        start, cpu = time.perf_counter(), time.process_time()
        api.ingest([str(f) for f in files], Path(tmp) / "bench.db", vectors=vectors)
        return time.perf_counter() - start, time.process_time() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "factbox")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--ingest-limit", type=int, default=None)
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--skip-previous", action="store_true")
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not (POLNEAR / "train" / "text").is_dir():
        print(f"PolNeAR not found beside the repository ({POLNEAR}); nothing to measure")
        return 0

    ledger = cached_ledger(args.cache)
    with Ledger(ledger) as opened:
        counts = opened.counts()
    print(f"ledger: {counts['articles']} articles, {counts['statements']} statements")
    compile_bytecode(args.baseline)
    for hide_torch in (False, True):
        label = "torch hidden (as installed without the train extra)" if hide_torch else "as is"
        print(f"factbox proposal add, whole command, {label}:")
        if args.baseline is not None:
            compare_commands(ledger, args.baseline, args.rounds, hide_torch)
            continue
        times = [time_command(ledger, p, hide_torch).wall for p in PROPOSALS]
        print(f"  mean {sum(times) / len(times):.2f} s, median {statistics.median(times):.2f} s")
    if not args.skip_previous and args.baseline is None:
        print("previous method (parse every statement), judging only, in process:")
        previous = time_previous_method(ledger, PROPOSALS[0])
        print(f"  ratio (previous judging time / new whole command): {previous / times[0]:.1f}")

    if not args.skip_ingest:
        files = article_files([POLNEAR / "dev" / "text"], args.ingest_limit)
        load_nlp()
        with_vectors: list[tuple[float, float]] = []
        without: list[tuple[float, float]] = []
        for _ in range(args.repeat):
            without.append(time_ingest(files, vectors=False))
            with_vectors.append(time_ingest(files, vectors=True))
        on, off = min(with_vectors), min(without)
        on_cpu, off_cpu = min(c for _, c in with_vectors), min(c for _, c in without)
        print(
            f"ingest of {len(files)} PolNeAR dev articles: without vectors {off[0]:.2f} s, "
            f"with vectors {on[0]:.2f} s; throughput ratio (with / without): "
            f"{off[0] / on[0]:.3f}; in CPU time {off_cpu:.1f} s against {on_cpu:.1f} s: "
            f"{off_cpu / on_cpu:.3f} (load average {os.getloadavg()[0]:.1f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
