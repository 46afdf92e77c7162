"""Why predicted contents miss PolNeAR's: every content error of a split sorted by cause.

    python bench/content_causes.py [--corpus DIR] [--split train] [--sample 400] [--cache DIR]
                                   [--show 0]

Runs the extractor (PolNeAR conventions) over a sample of a split (every k-th article, parsed
documents cached in ``--cache`` as in bench/boundaries.py) and puts each gold content that no
prediction matches exactly, and each predicted content that matches no gold one, in one class:

- **boundary**: a content on the other side overlaps it by the scorer's overlap test (ratio at
  least 0.5) but is not the same span;
- **nested**: it overlaps a content on the other side, but by less than half: the prediction
  holds the gold content inside a larger one (``prediction wider``: a tail the annotators
  leave out, or an inner attribution they made its own relation) or lies inside it
  (``prediction narrower``); "another gold content" / "another prediction's" says the larger
  span is itself matched exactly, so only the inner relation is missing;
- **missed** (gold) / **false** (predicted): it touches no content on the other side. A missed
  gold content is split by whether the gold cue was predicted (``cue found``: the extractor
  saw the attribution but hung a content elsewhere, or none) and whether it has a source; a
  false content by whether its cue is a gold cue (a content attached to a real cue the
  annotators drew elsewhere) or not (a false attribution).

For missed gold contents it also counts how many the tagger's own (Viterbi-decoded) content
spans match exactly, and with what mean probability: the room for statements made from the
tagger's contents. The tagger was trained on PolNeAR train, so on train it is optimistic.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from boundaries import parsed, sample  # noqa: E402

from factbox.evaluate.corpus import AnnotatedArticle, load_corpus  # noqa: E402
from factbox.evaluate.relations import relation_from_statement  # noqa: E402
from factbox.evaluate.scorer import score_article, total  # noqa: E402
from factbox.evaluate.textspans import Pieces, TokenIndex, outer, overlap_ratio, trimmed  # noqa: E402
from factbox.extract.attributions import find_attributions  # noqa: E402
from factbox.extract.tagged import viterbi_spans  # noqa: E402
from factbox.extract.tagger import CONTENT, ROLE_SCORES  # noqa: E402
from factbox.records import Statement  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "polnear"


@dataclass(frozen=True, slots=True)
class ContentError:
    """One unmatched content, gold or predicted, and its class."""

    article: str
    side: str
    """"gold" (a gold content no prediction matches) or "predicted"."""
    cause: str
    span: Pieces
    other: Pieces | None
    """The best-overlapping content on the other side, if any touches it."""


def _best(
    units: frozenset[int], others: list[tuple[Pieces, frozenset[int]]]
) -> tuple[float, Pieces | None]:
    best: tuple[float, Pieces | None] = (0.0, None)
    for key, other in others:
        ratio = overlap_ratio(units, other)
        if ratio > best[0]:
            best = (ratio, key)
    return best


def _inside(units: frozenset[int], other: frozenset[int]) -> bool:
    """Whether ``units`` lie (at least four fifths of them) inside ``other``."""
    return units <= other or len(units & other) >= 0.8 * len(units)


def _overlap_cause(
    units: frozenset[int],
    others: list[tuple[Pieces, frozenset[int]]],
    matched: set[Pieces],
    inside_or_not: tuple[str, str],
) -> tuple[str | None, Pieces | None]:
    """ "boundary" or "nested:prediction ..." against the best-overlapping span on the other
    side (``inside_or_not`` names the prediction when ``units`` lie inside that span, and
    when not); None when nothing on the other side touches ``units``."""
    ratio, other = _best(units, others)
    if other is None:
        return None, None
    if ratio >= 0.5:
        return "boundary", other
    other_units = dict(others)[other]
    cause = f"nested:prediction {inside_or_not[0 if _inside(units, other_units) else 1]}"
    if other in matched:
        cause += ",the larger or other span is matched elsewhere"
    return cause, other


def article_causes(
    article: AnnotatedArticle, statements: list[Statement], tagged: set[Pieces]
) -> list[ContentError]:
    text = article.text
    index = TokenIndex.of(text)
    gold: dict[Pieces, tuple[frozenset[int], set[Pieces], bool]] = {}
    for relation in article.relations:
        if not relation.content:
            continue
        key = trimmed(text, relation.content)
        if not key:
            continue
        keys = {key}
        if len(key) > 1:
            keys.add(trimmed(text, (outer(key),)))
        gold[key] = (index.units(text, relation.content), keys, relation.source is not None)
    gold_cues = {trimmed(text, r.cue): r for r in article.relations if r.cue and r.content}
    predicted: dict[Pieces, tuple[frozenset[int], Pieces | None]] = {}
    for statement in statements:
        relation = relation_from_statement(statement)
        assert relation.content is not None
        key = trimmed(text, relation.content)
        if key:
            cue = trimmed(text, relation.cue) if relation.cue else None
            predicted[key] = (index.units(text, relation.content), cue)
    predicted_cues = {cue for _, cue in predicted.values() if cue}
    gold_list = [(key, units) for key, (units, _, _) in gold.items()]
    predicted_list = [(key, units) for key, (units, _) in predicted.items()]
    matched_predicted = {hit for _, keys, _ in gold.values() for hit in keys & predicted.keys()}
    matched_gold = {key for key, (_, keys, _) in gold.items() if keys & predicted.keys()}
    out: list[ContentError] = []
    for key, (units, _, has_source) in gold.items():
        if key in matched_gold:
            continue
        cause, other = _overlap_cause(
            units, predicted_list, matched_predicted, ("wider", "narrower or across")
        )
        if cause is None:
            gold_cue = next(
                (c for c, r in gold_cues.items() if r.content and trimmed(text, r.content) == key),
                None,
            )
            found = gold_cue is not None and gold_cue in predicted_cues
            cause = (
                f"missed:{'cue found' if found else 'cue missed'},"
                f"{'source' if has_source else 'no source'}"
            )
            if key in tagged:
                cause += ",tagger exact"
        out.append(ContentError(article.name, "gold", cause, key, other))
    for key, (units, cue) in predicted.items():
        if key in matched_predicted:
            continue
        cause, other = _overlap_cause(
            units, gold_list, matched_gold, ("narrower", "wider or across")
        )
        if cause is None:
            cause = f"false:{'gold cue' if cue in gold_cues else 'cue not gold'}"
        out.append(ContentError(article.name, "predicted", cause, key, other))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="train")
    parser.add_argument("--sample", type=int, default=400, help="articles (0: all)")
    parser.add_argument("--cache", type=Path, help="folder for parsed documents (not the repo)")
    parser.add_argument("--show", type=int, default=0, help="print this many examples per class")
    args = parser.parse_args(argv)

    articles = sample(load_corpus(args.corpus / args.split).articles, args.sample)
    docs = parsed(articles, args.cache)
    errors: list[ContentError] = []
    results = []
    for article, doc in zip(articles, docs, strict=True):
        statements = find_attributions(doc, conventions="polnear")
        predicted = [relation_from_statement(s) for s in statements]
        results.append(score_article(article.text, article.relations, predicted))
        roles = doc._.get(ROLE_SCORES)
        tagged = (
            {
                trimmed(
                    article.text, ((doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1])),)
                )
                for s in viterbi_spans(doc, np.asarray(roles), CONTENT)
            }
            if roles is not None
            else set()
        )
        errors.extend(article_causes(article, statements, tagged))
    content = total(results).content.exact
    print(
        f"{args.split}: {len(articles)} articles; content exact P/R/F1 "
        f"{100 * content.precision:.1f}/{100 * content.recall:.1f}/{100 * content.f1:.1f} "
        f"(gold {content.gold}, predicted {content.predicted})"
    )
    texts = {a.name: a.text for a in articles}
    for side in ("gold", "predicted"):
        mine = [e for e in errors if e.side == side]
        print(f"\n{side} contents unmatched: {len(mine)}")
        for cause, count in Counter(e.cause for e in mine).most_common():
            print(f"  {count:5d}  {cause}")
            for error in [e for e in mine if e.cause == cause][: args.show]:
                text = texts[error.article]
                print(f"        {side}: {text[outer(error.span)[0] : outer(error.span)[1]]!r}")
                if error.other:
                    print(f"        other: {text[outer(error.other)[0] : outer(error.other)[1]]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
