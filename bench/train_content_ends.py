"""Fit where contents end (extract/content_ends.py): the model that cuts a content's tail.

    python bench/train_content_ends.py ../shared/corpora/polnear/train \
        --dev ../shared/corpora/polnear/dev [--sample 400] [--cache DIR]

Runs the extractor (PolNeAR conventions, no cut) over a sample of train and offers every
statement's content its places to end earlier (``cut_candidates``). A statement whose content
is a gold content makes every place a negative example; one whose content is not makes the
place where the cut content is a gold one (trimmed as the scorer trims; a gold content in
pieces also by its outer span) a positive example and leaves its other places out, as it
does statements where no place and not the content is gold. A logistic regression
(bench/train_attribution.py's ``train_logistic``) is fitted on these; the threshold is chosen
on dev by exact content F1 (relation F1 breaks ties) and written with the weights to
``src/factbox/data/content_ends.json``. Parsed documents are cached in ``--cache`` (outside
the repository; see bench/boundaries.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from boundaries import (  # noqa: E402
    gold_contents,
    polnear_scores,
    train_and_dev,
    training_parser,
)
from train_attribution import train_logistic, write_model  # noqa: E402

from factbox.evaluate.corpus import AnnotatedArticle  # noqa: E402
from factbox.evaluate.textspans import trimmed  # noqa: E402
from factbox.extract.attributions import find_attributions  # noqa: E402
from factbox.extract.content_ends import (  # noqa: E402
    CONTENT_ENDS_PATH,
    EndCutter,
    cut_candidates,
)

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
"""Tried on dev (above 1: nothing is cut)."""
NEVER = EndCutter({}, 2.0)


def examples(articles: list[AnnotatedArticle], docs: list[Doc]) -> list[tuple[list[str], int]]:
    found: list[tuple[list[str], int]] = []
    for article, doc in zip(articles, docs, strict=True):
        text, gold = article.text, gold_contents(article)
        starts = [token.idx for token in doc]
        for statement in find_attributions(doc, conventions="polnear", end_cutter=NEVER):
            pieces = statement.content_pieces or (statement.content_span,)
            candidates = cut_candidates(doc, starts, statement)
            if trimmed(text, pieces) in gold:
                found += [(features, 0) for _, features in candidates]
                continue
            for piece, features in candidates:
                if trimmed(text, (*pieces[:-1], piece)) in gold:
                    found.append((features, 1))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = training_parser(__doc__)
    parser.add_argument("--out", type=Path, default=CONTENT_ENDS_PATH)
    args = parser.parse_args(argv)

    train, train_docs, dev, dev_docs = train_and_dev(args)
    found = examples(train, train_docs)
    positives = sum(label for _, label in found)
    print(f"train: {len(train)} articles, {len(found)} places, {positives} where gold ends")
    weights = train_logistic(found)

    best: tuple[tuple[float, float], EndCutter] | None = None
    for threshold in THRESHOLDS:
        cutter = EndCutter(weights, threshold)
        summed = polnear_scores(dev, dev_docs, cutter=cutter)
        key = (summed.content.exact.f1, summed.relation.exact.f1)
        print(
            f"dev threshold {threshold}: exact F1 content {100 * key[0]:.2f}, "
            f"relation {100 * key[1]:.2f}"
        )
        if best is None or key > best[0]:
            best = (key, cutter)
    assert best is not None
    print(f"chosen: threshold {best[1].threshold}")
    note = (
        "Where contents end (content_ends.py); written by bench/train_content_ends.py "
        "(fitted on a PolNeAR train sample, threshold chosen on dev)."
    )
    write_model(args.out, best[1], note, train_articles=len(train), train_places=len(found))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
