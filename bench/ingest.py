"""End-to-end ingest throughput against bare spaCy parsing, measured in the same run.

    python bench/ingest.py [CORPUS_DIR ...] [--repeat 3] [--limit N] [--jobs 1,2]

CORPUS_DIR defaults to PolNeAR's dev texts (../shared/corpora/polnear/dev/text beside the
repository) when present, else the bundled demo articles. The baseline is ``nlp.pipe`` over
the very texts factbox parses (the cleaned article bodies) with the same spaCy model as
``spacy.load`` gives it (every component of the model, spaCy's own ``attribute_ruler``, none
of factbox's), batch size and process count; ``nlp.pipe`` of factbox's pipeline up to the
attribution tagger (``load_nlp`` with extraction switched off) is printed beside it. For
each process count in ``--jobs`` the ratio is end-to-end articles/s over baseline
articles/s (1.0 would mean the tagger, reading, extraction and storage cost nothing on top
of parsing); with more than one count, the ingest throughput of each over that of the first
is printed too (what ``--jobs N`` gains).

Ingest runs twice per process count: as shipped, and with the statement vectors switched off
(``vectors=False``). The two targets compose: issue 11 asks ingest with the attribution
tagger for at least 0.5 of bare parsing, and issue 12 lets the statement vectors take at most
a quarter of ingest's throughput on top (at least 0.75 of the same build without them), so
the ratio without vectors is issue 11's figure and the one with them is what a user gets.
Each measurement runs ``--repeat`` times, interleaved, and the best run of each counts.

Each run's CPU time (this process and the parser processes it waited for) is printed too: on
a machine shared with other jobs, wall-clock ratios move with the load, while with
``--jobs 1`` the CPU-time ratios are the same ratios with the other jobs' share taken out.
The load average is printed before and after the runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from factbox import api
from factbox.extract.component import COMPONENT as EXTRACT
from factbox.extract.nlp import default_model_name, load_nlp
from factbox.ingest import prepare_article, read_inputs
from factbox.records import InputError, SourceItem

REPO = Path(__file__).resolve().parents[1]
POLNEAR_DEV = REPO.parent / "shared" / "corpora" / "polnear" / "dev" / "text"


def default_corpus() -> list[Path]:
    return [POLNEAR_DEV] if POLNEAR_DEV.is_dir() else [api.demo_articles()]


def article_files(corpus: list[Path], limit: int | None) -> list[Path]:
    files: list[Path] = []
    for root in corpus:
        files.extend(
            sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
        )
    return files[:limit] if limit else files


def bodies(files: list[Path]) -> list[str]:
    texts = []
    for item in read_inputs([str(f) for f in files]):
        if isinstance(item, SourceItem):
            try:
                texts.append(prepare_article(item).body)
            except InputError:
                pass
    return texts


def cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes (the parser processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass(frozen=True, slots=True)
class Timing:
    wall: float
    cpu: float


@lru_cache(maxsize=1)
def stock_model() -> Language:
    """The spaCy model as ``spacy.load`` gives it: the baseline."""
    return spacy.load(default_model_name())


def time_parse(texts: list[str], batch_size: int, jobs: int, tagger: bool = False) -> Timing:
    """``nlp.pipe`` over ``texts``: the stock spaCy model, or factbox's pipeline up to the
    attribution tagger."""
    nlp = load_nlp() if tagger else stock_model()
    disabled = [EXTRACT] if tagger else []
    start, cpu = time.perf_counter(), cpu_seconds()
    with nlp.select_pipes(disable=disabled):
        for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
            pass
    return Timing(time.perf_counter() - start, cpu_seconds() - cpu)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def time_ingest(
    files: list[Path], batch_size: int, jobs: int, vectors: bool = True
) -> tuple[Timing, api.IngestSummary]:
    with tempfile.TemporaryDirectory(prefix="factbox-bench-") as tmp:
        start, cpu = time.perf_counter(), cpu_seconds()
        summary = api.ingest(
            [str(f) for f in files],
            Path(tmp) / "bench.db",
            batch_size=batch_size,
            n_process=jobs,
            vectors=vectors,
        )
        return Timing(time.perf_counter() - start, cpu_seconds() - cpu), summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--jobs", default="1,2", help="process counts, comma-separated")
    args = parser.parse_args()
    counts = [int(j) for j in args.jobs.split(",")]

    files = article_files(args.corpus or default_corpus(), args.limit)
    texts = bodies(files)
    words = sum(len(t.split()) for t in texts)
    load_nlp()  # load once, outside the timings
    time_parse(texts[:4], args.batch_size, 1)  # warm up
    time_parse(texts[:4], args.batch_size, 1, tagger=True)
    print(f"model {default_model_name()}; {len(files)} files, {len(texts)} articles, {words} words")
    print(f"load average before: {load_average()}")

    timings: dict[tuple[str, int], list[Timing]] = {}
    summary = None
    for _ in range(args.repeat):
        for jobs in counts:
            runs = {
                "bare": time_parse(texts, args.batch_size, jobs),
                "tagged": time_parse(texts, args.batch_size, jobs, tagger=True),
            }
            runs["ingest"], summary = time_ingest(files, args.batch_size, jobs)
            runs["no vectors"], _ = time_ingest(files, args.batch_size, jobs, vectors=False)
            for name, timing in runs.items():
                timings.setdefault((name, jobs), []).append(timing)
    assert summary is not None
    print(f"load average after: {load_average()}")
    if summary.failed:
        print(f"warning: {len(summary.failed)} files failed to ingest", file=sys.stderr)

    n = len(texts)
    wall = {key: min(t.wall for t in ts) for key, ts in timings.items()}
    cpu = {key: min(t.cpu for t in ts) for key, ts in timings.items()}
    for jobs in counts:
        names = ("bare", "tagged", "ingest", "no vectors")
        parse_s, tagged_s, ingest_s, plain_s = (wall[name, jobs] for name in names)
        parse_cpu, tagged_cpu, ingest_cpu, plain_cpu = (cpu[name, jobs] for name in names)
        print(f"--jobs {jobs}")
        print(
            f"  bare nlp.pipe : {n / parse_s:8.1f} articles/s  {words / parse_s:9.0f} words/s  "
            f"({parse_s:.2f} s, {parse_cpu:.2f} s CPU, the stock spaCy model)"
        )
        print(
            f"  with tagger   : {n / tagged_s:8.1f} articles/s  {words / tagged_s:9.0f} words/s  "
            f"({tagged_s:.2f} s, {tagged_cpu:.2f} s CPU, factbox's pipeline up to the tagger)"
        )
        print(
            f"  factbox ingest: {n / ingest_s:8.1f} articles/s  {words / ingest_s:9.0f} words/s  "
            f"({ingest_s:.2f} s, {ingest_cpu:.2f} s CPU, {summary.statements} statements)"
        )
        print(
            f"  ingest, no vectors: {n / plain_s:8.1f} articles/s  {words / plain_s:9.0f} words/s  "
            f"({plain_s:.2f} s, {plain_cpu:.2f} s CPU, statement vectors switched off)"
        )
        print(f"  ratio (tagged parse / bare parse throughput): {parse_s / tagged_s:.3f}")
        print(f"  ratio (ingest / bare parse throughput): {parse_s / ingest_s:.3f}")
        print(f"  ratio (ingest without vectors / bare parse throughput): {parse_s / plain_s:.3f}")
        print(f"  ratio (ingest / ingest without vectors throughput): {plain_s / ingest_s:.3f}")
        print(
            f"  by CPU time (tagged parse / bare parse; ingest / bare parse; ingest without "
            f"vectors / bare parse; ingest / ingest without vectors): "
            f"{parse_cpu / tagged_cpu:.3f}; {parse_cpu / ingest_cpu:.3f}; "
            f"{parse_cpu / plain_cpu:.3f}; {plain_cpu / ingest_cpu:.3f}"
        )
    for jobs in counts[1:]:
        gain = wall["ingest", counts[0]] / wall["ingest", jobs]
        print(f"ratio (ingest --jobs {jobs} / ingest --jobs {counts[0]} throughput): {gain:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
