"""Judging a ledger against new proposals: what looking back for antecedents costs.

    python bench/judge.py [CORPUS_DIR ...] [--repeat 3] [--limit N]

CORPUS_DIR defaults to PolNeAR's dev texts (beside the repository) when present, else the
bundled demo articles. The articles are ingested once into a temporary ledger; then
``pipeline.judge_ledger`` judges every statement against the bundled troops proposal and a second
proposal on another topic, with the paragraphs before a referring statement taken in (the
default) and without them (the baseline), interleaved, best of ``--repeat``. The ratio is
baseline time over default time (1.0: the look back costs nothing).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from factbox import api, pipeline
from factbox.extract.nlp import default_model_name, load_nlp
from factbox.stance import Proposal, load_proposals
from factbox.store import Ledger
from ingest import article_files, default_corpus

OTHER = Proposal(
    "raise-top-tax", "Raise taxes on the rich", "Congress raises income taxes on top earners"
)


def time_judging(ledger: Ledger, proposals: list[Proposal], context: int) -> tuple[float, int]:
    saved = pipeline.CONTEXT_PARAGRAPHS
    pipeline.CONTEXT_PARAGRAPHS = context
    try:
        start = time.perf_counter()
        found = pipeline.judge_ledger(ledger, proposals, nlp=load_nlp())
        return time.perf_counter() - start, sum(len(items) for items in found.values())
    finally:
        pipeline.CONTEXT_PARAGRAPHS = saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()

    files = [
        path
        for path in article_files(args.corpus or default_corpus(), None)
        if path.suffix != ".toml"  # the demo folder's proposals
    ][: args.limit]
    proposals = [*load_proposals(api.demo_proposals()), OTHER]
    with tempfile.TemporaryDirectory(prefix="factbox-bench-") as tmp:
        summary = api.ingest([str(f) for f in files], Path(tmp) / "bench.db")
        ledger = Ledger(Path(tmp) / "bench.db")
        print(
            f"model {default_model_name()}; {len(summary.ingested)} articles, "
            f"{summary.statements} statements, {len(proposals)} proposals"
        )
        baseline: list[float] = []
        default: list[float] = []
        for _ in range(args.repeat):
            seconds, baseline_judged = time_judging(ledger, proposals, 0)
            baseline.append(seconds)
            seconds, default_judged = time_judging(ledger, proposals, pipeline.CONTEXT_PARAGRAPHS)
            default.append(seconds)
    print(f"own paragraphs only      : {min(baseline):6.2f} s, {baseline_judged} judgements")
    print(
        f"{pipeline.CONTEXT_PARAGRAPHS} paragraphs back (default): {min(default):6.2f} s, "
        f"{default_judged} judgements"
    )
    print(f"ratio (baseline / default time): {min(baseline) / min(default):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
