"""Ingest throughput on a Dask cluster of 1 and 2 local workers, against one process.

    python bench/scale.py [--limit N] [CORPUS_DIR...]

CORPUS_DIR defaults to PolNeAR's dev texts (../shared/corpora/polnear/dev/text), else the
demo articles. For each worker count a local cluster is started and warmed up (the model
loaded in every worker) before the clock starts, so the figures are the steady rate: parse,
extraction and storing into a fresh SQLite ledger. Prints articles/s for one process (the
baseline, measured in the same run), for 1 and 2 workers, the efficiency of 2 workers
(rate / (2 x the 1-worker rate)), and the ledger's write rate (articles stored per second,
records already extracted). On a machine shared with other jobs the rates move together;
read the ratios.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

from distributed import Client, LocalCluster

from factbox import api
from factbox.extract.component import article_doc, extractor
from factbox.extract.nlp import load_nlp
from factbox.ingest import read_inputs
from factbox.ingesting import Extracted, IngestRun, Judging, extract, pending_articles, store
from factbox.store import Ledger

REPO = Path(__file__).resolve().parents[1]
POLNEAR_DEV = REPO.parent / "shared" / "corpora" / "polnear" / "dev" / "text"


def article_files(corpus: list[Path], limit: int) -> list[str]:
    files: list[Path] = []
    for root in corpus:
        files.extend(sorted(p for p in root.rglob("*") if p.is_file() and p.suffix == ".txt"))
    return [str(f) for f in files[:limit]]


def one_process(files: list[str], folder: Path) -> float:
    load_nlp()
    start = time.perf_counter()
    summary = api.ingest(files, folder / "single.db")
    assert summary.ok, summary.failed
    return len(summary.ingested) / (time.perf_counter() - start)


def on_cluster(files: list[str], workers: int, folder: Path) -> float:
    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    ) as cluster:
        address = cluster.scheduler_address
        with Client(address) as client:
            client.wait_for_workers(workers)
        warm = api.ingest(files[:workers], folder / f"warm-{workers}.db", cluster=address)
        assert warm.ok, warm.failed
        start = time.perf_counter()
        summary = api.ingest(files, folder / f"cluster-{workers}.db", cluster=address)
        assert summary.ok, summary.failed
        return len(summary.ingested) / (time.perf_counter() - start)


def write_rate(files: list[str], folder: Path) -> float:
    """Articles stored per second, extraction done beforehand."""
    nlp = load_nlp()
    with Ledger(folder / "source.db") as source:
        run = IngestRun()
        pending = list(pending_articles(read_inputs(files), source, run))
        known = source.people_directory()
    found = []
    extracting = extractor(nlp)
    docs = ((article_doc(nlp, p.article), p) for p in pending)
    for doc, waiting in nlp.pipe(docs, as_tuples=True):
        result = extract(doc, waiting, known, extracting, Judging(None))
        if isinstance(result, Extracted):
            found.append(result)
    with Ledger(folder / "writes.db") as target:
        start = time.perf_counter()
        for result in found:
            store(target, result)
        return len(found) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=24, help="articles (default 24)")
    args = parser.parse_args()
    corpus = args.corpus or ([POLNEAR_DEV] if POLNEAR_DEV.is_dir() else [api.demo_articles()])
    files = article_files(corpus, args.limit)
    print(f"{len(files)} articles from {', '.join(str(c) for c in corpus)}")
    with tempfile.TemporaryDirectory(prefix="factbox-scale-") as tmp:
        folder = Path(tmp)
        baseline = one_process(files, folder)
        print(f"one process:   {baseline:6.2f} articles/s (baseline)")
        rates = {}
        for workers in (1, 2):
            rates[workers] = on_cluster(files, workers, folder)
            print(
                f"{workers} worker(s):   {rates[workers]:6.2f} articles/s "
                f"({rates[workers] / baseline:.2f} x one process)"
            )
        print(f"efficiency of 2 workers: {rates[2] / (2 * rates[1]):.2f}")
        print(f"ledger writes (SQLite): {write_rate(files, folder):6.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
