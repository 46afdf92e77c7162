"""Fit the chooser between the rules' content span and the tagger's (extract/span_choice.py).

    python bench/train_span_choice.py ../shared/corpora/polnear/train \
        --dev ../shared/corpora/polnear/dev [--sample 400] [--cache DIR]

Runs the extractor (PolNeAR conventions) over a sample of train with a chooser that never
replaces and records every disagreement: a content span of the rules (one span, or a content
in pieces) that one tagged content span overlaps and differs from. Each is labelled 1 when the
tagged span is the gold content (trimmed as the scorer trims; a gold content in pieces also
by its outer span), 0 when the rule's is, and left out when neither is. A logistic
regression (bench/train_attribution.py's ``train_logistic``) is fitted on these; then the
threshold and the least shared share are chosen on dev by exact content F1 (relation F1 breaks
ties), and everything is written to ``src/factbox/data/span_choice.json``. Parsed documents
are cached in ``--cache`` (outside the repository; see bench/boundaries.py).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
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
from factbox.extract.span_choice import SPAN_CHOICE_PATH, SpanChooser  # noqa: E402
from factbox.records import Span  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
"""Tried on dev (above 1: the chooser never replaces)."""
MIN_SHARED = (0.0, 0.25)


@dataclass(frozen=True, slots=True)
class RecordingChooser(SpanChooser):
    """Keeps every rule span and records what it was asked about."""

    seen: list[tuple[list[str], tuple[Span, ...], Span]] = field(default_factory=list)

    def prefers_tagger(
        self,
        features: list[str],
        rule: Span,
        tagged: Span,
        *,
        rule_pieces: tuple[Span, ...] = (),
    ) -> bool:
        self.seen.append((features, rule_pieces or (rule,), tagged))
        return False


def examples(
    articles: list[AnnotatedArticle], docs: list[Doc], min_shared: float
) -> list[tuple[list[str], int]]:
    found: list[tuple[list[str], int]] = []
    for article, doc in zip(articles, docs, strict=True):
        recorder = RecordingChooser({}, 2.0, min_shared)
        find_attributions(doc, conventions="polnear", span_chooser=recorder)
        gold = gold_contents(article)
        for features, rule, tagged in recorder.seen:
            tagged_right = trimmed(article.text, (tagged,)) in gold
            rule_right = trimmed(article.text, rule) in gold
            if tagged_right != rule_right:
                found.append((features, int(tagged_right)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = training_parser(__doc__)
    parser.add_argument("--out", type=Path, default=SPAN_CHOICE_PATH)
    args = parser.parse_args(argv)

    train, train_docs, dev, dev_docs = train_and_dev(args)
    found = examples(train, train_docs, min(MIN_SHARED))
    positives = sum(label for _, label in found)
    print(f"train: {len(train)} articles, {len(found)} disagreements, tagger right {positives}")
    weights = train_logistic(found)

    best: tuple[tuple[float, float], SpanChooser] | None = None
    for min_shared in MIN_SHARED:
        for threshold in THRESHOLDS:
            chooser = SpanChooser(weights, threshold, min_shared)
            summed = polnear_scores(dev, dev_docs, chooser=chooser)
            key = (summed.content.exact.f1, summed.relation.exact.f1)
            print(
                f"dev min_shared {min_shared} threshold {threshold}: exact F1 content "
                f"{100 * key[0]:.1f}, relation {100 * key[1]:.1f}"
            )
            if best is None or key > best[0]:
                best = (key, chooser)
    assert best is not None
    chosen = best[1]
    print(f"chosen: threshold {chosen.threshold}, min_shared {chosen.min_shared}")
    note = (
        "Chooser between the rules' content span and the tagger's; written by "
        "bench/train_span_choice.py (fitted on a PolNeAR train sample, threshold chosen on dev)."
    )
    write_model(args.out, chosen, note, train_articles=len(train), train_disagreements=len(found))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
