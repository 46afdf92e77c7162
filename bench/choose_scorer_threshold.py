"""Choose the statement scorer's threshold with the tagger's combination in place.

    python bench/choose_scorer_threshold.py ../shared/corpora/polnear/train \
        --dev ../shared/corpora/polnear/dev [--sample 400] [--cache DIR]

bench/train_attribution.py fits the statement scorer (confidence.py) and picks its threshold
by two-fold cross-fitting on train over the rules' statements alone. The extractor no longer
stops there: a statement the scorer drops comes back when the tagger supports its cue and
content, and a tagged cue the rules left free can become a statement of its own (tagged.py).
So the threshold that suits the whole extractor is higher than the one that suits the rules
alone. This script keeps the scorer's weights and scores the whole extractor (PolNeAR
conventions) on the dev split and on a train sample at each threshold of ``THRESHOLDS``; it
keeps the thresholds that lower no role's exact F1 (source, cue, content) on either split
against the shipped threshold, takes among them the one with the best mean exact F1 of the
four rows (source, cue, content, relation) over both splits, and writes it to
``src/factbox/data/statement_scorer.json``. Run it after bench/train_attribution.py (which
writes the cross-fitted threshold) and whenever the tagger or its combination changes. The
scorer's weights and the tagger were fitted on train, so the train figures are optimistic;
both splits are asked because on dev alone the figures are flat over a wide range.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from boundaries import polnear_scores, train_and_dev, training_parser  # noqa: E402

from factbox.evaluate.scorer import Scores  # noqa: E402
from factbox.extract.confidence import STATEMENT_SCORER_PATH, load_statement_scorer  # noqa: E402

THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
ROLES = ("source", "cue", "content", "relation")


def figures(scores: Scores) -> tuple[float, ...]:
    """Exact F1 of each of ``ROLES``, in percent."""
    return tuple(100 * getattr(scores, role).exact.f1 for role in ROLES)


def main(argv: list[str] | None = None) -> int:
    parser = training_parser(__doc__)
    parser.add_argument("--out", type=Path, default=STATEMENT_SCORER_PATH)
    args = parser.parse_args(argv)

    train, train_docs, dev, dev_docs = train_and_dev(args)
    shipped = load_statement_scorer()
    table: dict[float, tuple[tuple[float, ...], tuple[float, ...]]] = {}
    for threshold in sorted({shipped.threshold, *THRESHOLDS}):
        scorer = dataclasses.replace(shipped, threshold=threshold)
        table[threshold] = (
            figures(polnear_scores(dev, dev_docs, scorer=scorer)),
            figures(polnear_scores(train, train_docs, scorer=scorer)),
        )
        dev_row, train_row = table[threshold]
        print(
            f"threshold {threshold}: dev "
            + " / ".join(f"{v:.2f}" for v in dev_row)
            + "; train sample "
            + " / ".join(f"{v:.2f}" for v in train_row)
        )
    base = table[shipped.threshold]

    def lowers_none(threshold: float) -> bool:
        return all(
            row[i] >= before[i]
            for row, before in zip(table[threshold], base, strict=True)
            for i in range(3)
        )

    allowed = [t for t in table if lowers_none(t)]
    best = max(allowed, key=lambda t: sum(table[t][0]) + sum(table[t][1]))
    print(f"chosen: threshold {best} (was {shipped.threshold})")
    data = json.loads(args.out.read_text(encoding="utf-8"))
    about = data["_about"].split(" Raised with the tagger")[0]
    data["_about"] = (
        f"{about} Raised with the tagger's combination in place by "
        "bench/choose_scorer_threshold.py (PolNeAR dev and a train sample of "
        f"{len(train)} articles; exact F1 source / cue / content / relation): "
        + "; ".join(
            f"{t}: dev {' / '.join(f'{v:.1f}' for v in table[t][0])}, "
            f"train {' / '.join(f'{v:.1f}' for v in table[t][1])}"
            for t in sorted(table)
        )
    )
    data["threshold"] = best
    args.out.write_text(json.dumps(data, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
