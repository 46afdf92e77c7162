"""Choosing the similarity threshold of matching by meaning on the real-news stance set.

    python bench/similarity_threshold.py [--no-cache]

The set's articles (``bench/stance_real/``, texts from PolNeAR beside the repository) are
ingested once (``stance_real.ingested_ledger``); then every proposal of the set is judged
against them once with matching by meaning at a low threshold, keeping each match's
similarity, and once with the previous matcher (words only, every statement parsed). For
each threshold of a grid, the matches are those found by words plus those found by meaning
at or above it; a match is right when its statement overlaps the evidence sentence of an
item on that proposal ("span only" in ``bench/stance_real.py``), in articles annotated for
that proposal. Precision: right matches over matches; recall: items with a right match over
items.

The threshold is the one with the best F1 on the ``calibrate`` half; the figures reported
are those of the ``measure`` half at that threshold, beside the previous matcher's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from stance_real import OffsetMap, ingested_ledger, write_articles
from stance_set import (
    DEFAULT_CORPUS,
    SET_DIR,
    Item,
    SetArticle,
    Span,
    article_path,
    in_half,
    items_of,
    load_articles,
    load_items,
    overlaps,
)

from factbox import api
from factbox.embed import load_encoder
from factbox.extract.nlp import load_nlp
from factbox.stance import Proposal, load_proposals
from factbox.stance.semantic import SIMILARITY_THRESHOLD, WORD_MATCH_FLOOR, ProposalVectors
from factbox.store import Ledger

FLOORS = [0.0, 0.1, 0.15, 0.2, 0.25, 0.3]
GRID = [round(0.30 + 0.025 * step, 3) for step in range(17)]


@dataclass(frozen=True, slots=True)
class Tie:
    """A statement tied to a proposal, where it is in PolNeAR's text, and by what."""

    proposal: str
    article: str
    span: Span | None
    similarity: float | None
    """The cosine of a match by meaning; None for a match by words."""
    cosine: float
    """The statement's cosine with the proposal, however it matched."""


def ties(
    ledger: Ledger,
    found: dict[str, list[tuple[int, api.MatchedJudgement]]],
    maps: dict[int, tuple[str, OffsetMap]],
    proposals: Sequence[Proposal],
) -> list[Tie]:
    by_id = {s.id: s for s in ledger.statements()}
    encoder = load_encoder()
    vectors = api.statement_vectors(ledger, encoder, lambda text: 0)
    cosines, _ = ProposalVectors(encoder, proposals).scores(vectors.matrix)
    row_of = {statement_id: row for row, statement_id in enumerate(vectors.ids.tolist())}
    column_of = {p.slug: column for column, p in enumerate(proposals)}
    result = []
    for slug, rows in found.items():
        for statement_id, matched in rows:
            stored = by_id[statement_id]
            article, offsets = maps[stored.article.id]
            evidence = matched.match.slot("similarity")
            result.append(
                Tie(
                    slug,
                    article,
                    offsets.span(stored.statement.span),
                    evidence.similarity if evidence is not None else None,
                    float(cosines[row_of[statement_id], column_of[slug]]),
                )
            )
    return result


@dataclass(frozen=True, slots=True)
class Scores:
    """Matches found and right (precision), items and those recalled (recall)."""

    found: int
    right: int
    items: int
    recalled: int

    @property
    def f1(self) -> float:
        return _harmonic(_share(self.right, self.found), _share(self.recalled, self.items))

    def row(self, label: str) -> str:
        return (
            f"{label:<28} P {_share(self.right, self.found):.3f} ({self.right}/{self.found})  "
            f"R {_share(self.recalled, self.items):.3f} ({self.recalled}/{self.items})  "
            f"F1 {self.f1:.3f}"
        )


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _harmonic(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def score(
    found: Sequence[Tie], items: Sequence[Item], articles: Sequence[SetArticle]
) -> Scores:
    annotated = {(a.file, p) for a in articles for p in a.proposals}
    kept = [t for t in found if (t.article, t.proposal) in annotated]

    def right(tie: Tie) -> bool:
        return tie.span is not None and any(
            i.article == tie.article and i.proposal == tie.proposal and overlaps(tie.span, i.span)
            for i in items
        )

    recalled = sum(
        any(
            t.span is not None
            and t.article == i.article
            and t.proposal == i.proposal
            and overlaps(t.span, i.span)
            for t in kept
        )
        for i in items
    )
    return Scores(len(kept), sum(right(t) for t in kept), len(items), recalled)


def at(found: Sequence[Tie], threshold: float) -> list[Tie]:
    return [t for t in found if t.similarity is None or t.similarity >= threshold]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args()
    if not DEFAULT_CORPUS.is_dir():
        print(f"PolNeAR not found beside the repository ({DEFAULT_CORPUS}); nothing to measure")
        return 0
    articles = load_articles()
    items = load_items()
    proposals = load_proposals(SET_DIR / "proposals.toml")
    with tempfile.TemporaryDirectory(prefix="factbox-threshold-") as tmp:
        source = Path(tmp) / "articles.jsonl"
        write_articles(DEFAULT_CORPUS, articles, source)
        ingested = ingested_ledger(source, Path(tmp), not args.no_cache)
        ledger = Ledger(ingested.db)
        maps: dict[int, tuple[str, OffsetMap]] = {}
        texts = {a.file: article_path(DEFAULT_CORPUS, a.split, a.file) for a in articles}
        for row in ledger.articles():
            text = texts[row.ref.key].read_text(encoding="utf-8")
            maps[row.ref.id] = (row.ref.key, OffsetMap(ledger.article_body(row.ref.id), text))
        nlp = load_nlp()
        by_meaning = ties(
            ledger,
            api.judge_ledger(ledger, proposals, nlp=nlp, threshold=GRID[0], floor=-1.0),
            maps,
            proposals,
        )
        by_words = ties(
            ledger, api.judge_ledger(ledger, proposals, nlp=nlp, search=False), maps, proposals
        )
        ledger.close()

    halves = {half: in_half(articles, half) for half in ("calibrate", "measure")}
    print(f"{len(items)} items, {len(articles)} articles, {len(proposals)} proposals")
    print("calibrate half, by threshold:")
    best = GRID[0]
    best_f1 = -1.0
    calibrate_items = items_of(items, halves["calibrate"])
    for threshold in GRID:
        scores = score(at(by_meaning, threshold), calibrate_items, halves["calibrate"])
        print(scores.row(f"  {threshold:.3f}"))
        if scores.f1 > best_f1:
            best, best_f1 = threshold, scores.f1
    print(f"chosen on calibrate: {best:.3f} (shipped: {SIMILARITY_THRESHOLD:.3f})")
    print("calibrate half, matches by words kept only at or above a cosine floor:")
    floor, floor_f1 = FLOORS[0], -1.0
    for candidate in FLOORS:
        kept = [t for t in at(by_meaning, best) if t.cosine >= candidate]
        scores = score(kept, calibrate_items, halves["calibrate"])
        print(scores.row(f"  floor {candidate:.2f}"))
        if scores.f1 > floor_f1 + 1e-9:
            floor, floor_f1 = candidate, scores.f1
    print(f"floor chosen on calibrate: {floor:.2f} (shipped: {WORD_MATCH_FLOOR:.2f})")
    for half, chosen in halves.items():
        half_items = items_of(items, chosen)
        print(f"{half} half:")
        print(score(by_words, half_items, chosen).row("  previous matcher (words)"))
        chosen_ties = [t for t in at(by_meaning, best) if t.cosine >= floor]
        print(score(chosen_ties, half_items, chosen).row(f"  meaning {best:.3f}, floor {floor}"))
        shipped = [
            t for t in at(by_meaning, SIMILARITY_THRESHOLD) if t.cosine >= WORD_MATCH_FLOOR
        ]
        print(score(shipped, half_items, chosen).row("  shipped"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
