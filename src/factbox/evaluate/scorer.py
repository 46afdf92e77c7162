"""Scoring predicted attribution relations against gold ones, for one article at a time.

Span level (source, cue, content, each on its own): the distinct spans of a role in the gold
relations are matched one-to-one against the distinct spans of that role in the predictions.

- **exact**: the trimmed forms are equal (see ``textspans``). A discontinuous gold span also
  accepts its outer span (first start to last end) when every word in its gaps belongs to the
  same relation's source, cue or trigger: that is the only way a system that predicts one
  contiguous span can cover a quote split by its attribution (``"A," she said, "B."``). Spans
  whose gaps hold other words must be predicted piece by piece.
- **overlap**: overlap ratio ``|G & P| / max(|G|, |P|)`` of the whitespace-token sets (the
  "units" of ``textspans``), at least 0.5; a discontinuous gold span is the union of its
  pieces. Pairs are matched greedily by best ratio, so one prediction covers at most one gold
  span and vice versa.

Relation level: a predicted relation matches a gold relation when its cue, source and content
each match that relation's (under exact, or under overlap), a role absent on both sides counting
as a match (so no-source relations match when neither has a source). Matching is one-to-one,
greedy by mean role ratio.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from factbox.evaluate.relations import (
    RELATION_TYPES,
    ROLES,
    Relation,
    RelationType,
    Role,
    relation_type,
)
from factbox.evaluate.textspans import Pieces, TokenIndex, outer, overlap_ratio, trimmed

OVERLAP_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Counts:
    """How many gold and predicted items, and how many of each were matched."""

    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.matched_gold + other.matched_gold,
            self.matched_predicted + other.matched_predicted,
        )

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class MatchCounts:
    """Counts under exact and under overlap matching."""

    exact: Counts = Counts()
    overlap: Counts = Counts()

    def __add__(self, other: MatchCounts) -> MatchCounts:
        return MatchCounts(self.exact + other.exact, self.overlap + other.overlap)


def _empty_by_role() -> dict[Role, int]:
    return dict.fromkeys(ROLES, 0)


def _empty_by_type() -> dict[RelationType, MatchCounts]:
    return {kind: MatchCounts() for kind in RELATION_TYPES}


@dataclass(frozen=True, slots=True)
class Scores:
    """The counts for one article, or summed over many."""

    source: MatchCounts = MatchCounts()
    cue: MatchCounts = MatchCounts()
    content: MatchCounts = MatchCounts()
    relation: MatchCounts = MatchCounts()
    by_type: dict[RelationType, MatchCounts] = field(default_factory=_empty_by_type)
    """Relation-level counts by relation type (gold type for recall, predicted for precision)."""
    outer_span_matches: dict[Role, int] = field(default_factory=_empty_by_role)
    """Exact span matches that needed the outer-span rule for a discontinuous gold span."""

    def role(self, role: Role) -> MatchCounts:
        if role == "source":
            return self.source
        if role == "cue":
            return self.cue
        return self.content

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            source=self.source + other.source,
            cue=self.cue + other.cue,
            content=self.content + other.content,
            relation=self.relation + other.relation,
            by_type={k: self.by_type[k] + other.by_type[k] for k in RELATION_TYPES},
            outer_span_matches={
                r: self.outer_span_matches[r] + other.outer_span_matches[r] for r in ROLES
            },
        )


def total(scores: Iterable[Scores]) -> Scores:
    """The sum of per-article scores."""
    summed = Scores()
    for score in scores:
        summed = summed + score
    return summed


@dataclass(frozen=True, slots=True)
class _GoldSpan:
    key: Pieces
    exact_keys: frozenset[Pieces]
    tokens: frozenset[int]


@dataclass(frozen=True, slots=True)
class _PredictedSpan:
    key: Pieces
    tokens: frozenset[int]


def _exact(gold: _GoldSpan, predicted: _PredictedSpan) -> bool:
    return bool(predicted.key) and predicted.key in gold.exact_keys


def _ratio(gold: _GoldSpan, predicted: _PredictedSpan) -> float:
    return overlap_ratio(gold.tokens, predicted.tokens)


class _ArticleSpans:
    """Turns the role spans of one article's relations into comparable forms."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = TokenIndex.of(text)

    def gold(self, relation: Relation, role: Role) -> _GoldSpan | None:
        pieces = relation.role(role)
        if pieces is None:
            return None
        key = trimmed(self.text, pieces)
        exact_keys = {key} if key else set()
        if len(key) > 1 and self._gaps_belong_to_relation(key, relation, role):
            exact_keys.add(trimmed(self.text, (outer(key),)))
        return _GoldSpan(key, frozenset(exact_keys), self.index.units(self.text, pieces))

    def predicted(self, pieces: Pieces | None) -> _PredictedSpan | None:
        if pieces is None:
            return None
        return _PredictedSpan(trimmed(self.text, pieces), self.index.units(self.text, pieces))

    def _gaps_belong_to_relation(self, key: Pieces, relation: Relation, role: Role) -> bool:
        gap_tokens = self.index.tokens((outer(key),)) - self.index.tokens(key)
        others: list[tuple[int, int]] = list(relation.trigger or ())
        for other in ROLES:
            if other != role:
                others.extend(relation.role(other) or ())
        return gap_tokens <= self.index.tokens(others)


def _one_to_one(candidates: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one assignment of (score, gold, predicted) candidates, best score first."""
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gold, predicted in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gold not in used_gold and predicted not in used_predicted:
            used_gold.add(gold)
            used_predicted.add(predicted)
            pairs.append((gold, predicted))
    return pairs


def _distinct_gold(spans: Iterable[_GoldSpan | None]) -> list[_GoldSpan]:
    """One entry per trimmed span; a span shared by several relations keeps all its keys."""
    by_key: dict[Pieces, _GoldSpan] = {}
    for span in spans:
        if span is None or not span.key:
            continue
        known = by_key.get(span.key)
        if known is not None:
            span = _GoldSpan(span.key, known.exact_keys | span.exact_keys, span.tokens)
        by_key[span.key] = span
    return list(by_key.values())


def _distinct_predicted(spans: Iterable[_PredictedSpan | None]) -> list[_PredictedSpan]:
    by_key: dict[Pieces, _PredictedSpan] = {}
    for span in spans:
        if span is not None and span.key:
            by_key.setdefault(span.key, span)
    return list(by_key.values())


def _score_role(gold: list[_GoldSpan], predicted: list[_PredictedSpan]) -> tuple[MatchCounts, int]:
    """Counts for one role, and how many exact matches used a gold span's outer span."""
    exact_pairs = _one_to_one(
        [
            (1.0, g, p)
            for g, gold_span in enumerate(gold)
            for p, predicted_span in enumerate(predicted)
            if _exact(gold_span, predicted_span)
        ]
    )
    overlap_pairs = _one_to_one(
        [
            (ratio, g, p)
            for g, gold_span in enumerate(gold)
            for p, predicted_span in enumerate(predicted)
            if (ratio := _ratio(gold_span, predicted_span)) >= OVERLAP_THRESHOLD
        ]
    )
    outer_matches = sum(1 for g, p in exact_pairs if predicted[p].key != gold[g].key)
    sizes = (len(gold), len(predicted))
    counts = MatchCounts(
        exact=Counts(*sizes, len(exact_pairs), len(exact_pairs)),
        overlap=Counts(*sizes, len(overlap_pairs), len(overlap_pairs)),
    )
    return counts, outer_matches


def _relation_ratio(
    gold: dict[Role, _GoldSpan | None], predicted: dict[Role, _PredictedSpan | None], exact: bool
) -> float | None:
    """The mean role ratio when every role matches, else None."""
    ratios: list[float] = []
    for role in ROLES:
        gold_span, predicted_span = gold[role], predicted[role]
        if gold_span is None or predicted_span is None:
            if gold_span is not None or predicted_span is not None:
                return None
            ratios.append(1.0)
            continue
        if exact:
            if not _exact(gold_span, predicted_span):
                return None
            ratios.append(1.0)
            continue
        ratio = _ratio(gold_span, predicted_span)
        if ratio < OVERLAP_THRESHOLD:
            return None
        ratios.append(ratio)
    return sum(ratios) / len(ratios)


def _relation_counts(
    pairs: list[tuple[int, int]],
    gold_types: Sequence[RelationType],
    predicted_types: Sequence[RelationType],
) -> tuple[Counts, dict[RelationType, Counts]]:
    overall = Counts(len(gold_types), len(predicted_types), len(pairs), len(pairs))
    by_type: dict[RelationType, Counts] = {}
    for kind in RELATION_TYPES:
        by_type[kind] = Counts(
            gold=sum(1 for t in gold_types if t == kind),
            predicted=sum(1 for t in predicted_types if t == kind),
            matched_gold=sum(1 for g, _ in pairs if gold_types[g] == kind),
            matched_predicted=sum(1 for _, p in pairs if predicted_types[p] == kind),
        )
    return overall, by_type


def score_article(text: str, gold: Sequence[Relation], predicted: Sequence[Relation]) -> Scores:
    """Counts for one article's predicted relations against its gold relations."""
    spans = _ArticleSpans(text)
    gold_views = [{role: spans.gold(relation, role) for role in ROLES} for relation in gold]
    predicted_views = [
        {role: spans.predicted(relation.role(role)) for role in ROLES} for relation in predicted
    ]

    role_counts: dict[Role, MatchCounts] = {}
    outer_matches: dict[Role, int] = {}
    for role in ROLES:
        role_counts[role], outer_matches[role] = _score_role(
            _distinct_gold(view[role] for view in gold_views),
            _distinct_predicted(view[role] for view in predicted_views),
        )

    gold_types = [relation_type(relation, text) for relation in gold]
    predicted_types = [relation_type(relation, text) for relation in predicted]
    by_mode: dict[bool, tuple[Counts, dict[RelationType, Counts]]] = {}
    for exact in (True, False):
        candidates: list[tuple[float, int, int]] = []
        for g, gold_view in enumerate(gold_views):
            for p, predicted_view in enumerate(predicted_views):
                ratio = _relation_ratio(gold_view, predicted_view, exact)
                if ratio is not None:
                    candidates.append((ratio, g, p))
        by_mode[exact] = _relation_counts(_one_to_one(candidates), gold_types, predicted_types)

    return Scores(
        source=role_counts["source"],
        cue=role_counts["cue"],
        content=role_counts["content"],
        relation=MatchCounts(exact=by_mode[True][0], overlap=by_mode[False][0]),
        by_type={
            kind: MatchCounts(exact=by_mode[True][1][kind], overlap=by_mode[False][1][kind])
            for kind in RELATION_TYPES
        },
        outer_span_matches=outer_matches,
    )
