"""Regenerate the PolNeAR quality tables: docs/quality.md and the README block.

    python bench/quality.py [--corpus DIR] [--split dev] [--agreement-splits train,dev]

Runs the extractor over the split, scores it, and rewrites docs/quality.md with every figure
followed by the one it replaces (read from the current docs/quality.md). The articles of the
agreement splits that several annotators annotated give the annotators' agreement with each
other, beside the extractor's with each of them. README.md is changed
only between its ``<!-- quality:start -->`` and ``<!-- quality:end -->`` markers, if it has them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factbox.evaluate.agreement import Agreement, measure_agreement, several_annotated
from factbox.evaluate.corpus import load_corpus
from factbox.evaluate.polnear import evaluate_directory, extract_predictions, read_predictions
from factbox.evaluate.quality import (
    read_previous,
    readme_block,
    render_quality_doc,
    replace_between_markers,
)
from factbox.records import InputError

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "polnear"
COMMAND = "python bench/quality.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="PolNeAR folder")
    parser.add_argument("--split", default="dev", help="split folder inside the corpus")
    parser.add_argument("--docs", type=Path, default=REPO / "docs" / "quality.md")
    parser.add_argument("--readme", type=Path, default=REPO / "README.md")
    parser.add_argument(
        "--predictions", type=Path, help="score stored BRAT predictions instead of the extractor"
    )
    parser.add_argument(
        "--conventions",
        choices=("polnear", "factbox"),
        default="polnear",
        help="span conventions of the extractor (see factbox eval polnear --help)",
    )
    parser.add_argument(
        "--agreement-splits",
        default="train,dev",
        help="comma-separated splits whose several-annotated articles measure agreement "
        "('' to leave it out)",
    )
    args = parser.parse_args(argv)

    try:
        evaluation = evaluate_directory(
            args.corpus / args.split,
            predictions_dir=args.predictions,
            conventions=args.conventions,
        )
    except InputError as exc:
        print(f"factbox: error: {exc.name}: {exc.reason}", file=sys.stderr)
        return 1
    except NotImplementedError:
        print("factbox: error: extractor: not implemented yet", file=sys.stderr)
        return 1
    try:
        agreement = measure_splits(
            args.corpus, args.agreement_splits, args.conventions, args.predictions
        )
    except InputError as exc:
        print(f"factbox: error: {exc.name}: {exc.reason}", file=sys.stderr)
        return 1

    previous = read_previous(args.docs.read_text(encoding="utf-8")) if args.docs.exists() else {}
    args.docs.parent.mkdir(parents=True, exist_ok=True)
    args.docs.write_text(
        render_quality_doc(evaluation, previous, args.split, COMMAND, agreement), encoding="utf-8"
    )
    print(f"wrote {args.docs}")
    if args.readme.exists():
        updated = replace_between_markers(
            args.readme.read_text(encoding="utf-8"),
            readme_block(evaluation, previous, args.split, agreement),
        )
        if updated is not None:
            args.readme.write_text(updated, encoding="utf-8")
            print(f"updated {args.readme} between the quality markers")
        else:
            print(f"{args.readme} has no quality markers; left unchanged")
    return 0


def measure_splits(
    corpus: Path, splits: str, conventions: str, predictions_dir: Path | None
) -> Agreement | None:
    """Agreement over the several-annotated articles of ``splits`` that exist, or None; the
    system side is the extractor, or the stored predictions when they are scored instead."""
    directories = [corpus / name for name in splits.split(",") if name and (corpus / name).is_dir()]
    articles = several_annotated([load_corpus(directory) for directory in directories])
    if not articles:
        return None
    if predictions_dir is not None:
        predictions = read_predictions(predictions_dir, articles)
    else:
        predictions = extract_predictions(
            articles, conventions="factbox" if conventions == "factbox" else "polnear"
        )
    return measure_agreement(articles, predictions.relations)


if __name__ == "__main__":
    sys.exit(main())
