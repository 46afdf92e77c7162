"""Running the factbox extractor over an annotated split (PolNeAR layout) and scoring it."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from factbox.evaluate.brat import format_brat, read_brat
from factbox.evaluate.corpus import (
    AnnotatedArticle,
    AnnotatorPolicy,
    Corpus,
    annotation_files,
    load_corpus,
)
from factbox.evaluate.relations import (
    Relation,
    relation_from_statement,
    relations_from_brat,
    relations_to_brat,
)
from factbox.evaluate.scorer import Scores, score_article, total
from factbox.records import InputError

if TYPE_CHECKING:
    from factbox.extract.attributions import Conventions

View = Literal["all", "exclude-beliefs"]
VIEWS: tuple[View, ...] = ("all", "exclude-beliefs")
BELIEF_KIND = "belief"
FACTBOX = "factbox"
"""What predictions are called when they come from the extractor (else: their folder)."""


@dataclass(frozen=True, slots=True)
class Predictions:
    """Predicted relations for each article (same order as the corpus) and what they cost."""

    relations: list[list[Relation]]
    origin: str
    seconds: float
    load_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article's scores under each view."""

    name: str
    publisher: str
    scores: dict[View, Scores]


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Everything a report shows about one scored run."""

    directory: str
    origin: str
    annotator_policy: AnnotatorPolicy
    results: list[ArticleResult]
    seconds: float
    load_seconds: float
    several_annotations: int
    unannotated: int
    skipped_events: int
    predicted_kinds: dict[str, int] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return len(self.results)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def scores(self, view: View) -> Scores:
        return total(result.scores[view] for result in self.results)

    def by_publisher(self, view: View) -> dict[str, tuple[int, Scores]]:
        """``publisher -> (articles, scores)``, publishers in name order."""
        grouped: dict[str, list[Scores]] = {}
        for result in self.results:
            grouped.setdefault(result.publisher, []).append(result.scores[view])
        return {name: (len(grouped[name]), total(grouped[name])) for name in sorted(grouped)}


def keep_for_view(relations: Sequence[Relation], view: View) -> list[Relation]:
    """The predicted relations a view scores: all, or all but attributed beliefs."""
    if view == "exclude-beliefs":
        return [relation for relation in relations if relation.kind != BELIEF_KIND]
    return list(relations)


def extract_predictions(
    articles: Sequence[AnnotatedArticle],
    batch_size: int = 16,
    conventions: Conventions = "polnear",
) -> Predictions:
    """Parse every article with the factbox pipeline and find its attributions.

    ``conventions="polnear"`` draws span boundaries the way PolNeAR's annotators do
    ("that" inside the content, the addressee outside the cue); ``"factbox"`` scores
    exactly what the factbox stores.

    ``seconds`` covers parsing and extraction; loading the model is ``load_seconds``.
    """
    # Imported here so that scoring stored predictions does not need the extractor.
    from factbox.extract.component import EXTRACTION, article_doc, text_article
    from factbox.extract.nlp import load_nlp

    started = time.perf_counter()
    nlp = load_nlp(conventions=conventions)
    loaded = time.perf_counter()
    relations: list[list[Relation]] = []
    docs = (
        article_doc(nlp, replace(text_article(article.name), body=article.text))
        for article in articles
    )
    for doc in nlp.pipe(docs, batch_size=batch_size):
        extraction = doc._.get(EXTRACTION)
        if extraction.error is not None:
            raise RuntimeError(f"extraction failed: {extraction.error}")
        relations.append([relation_from_statement(s) for s in extraction.statements])
    finished = time.perf_counter()
    return Predictions(relations, FACTBOX, finished - loaded, loaded - started)


def read_predictions(directory: Path, articles: Sequence[AnnotatedArticle]) -> Predictions:
    """Predictions stored as BRAT files (``NAME.ann`` or ``NAME_SYSTEM.ann``) in ``directory``;
    an article without a file has no predictions."""
    if not directory.is_dir():
        raise InputError(str(directory), "predictions folder not found")
    started = time.perf_counter()
    files = annotation_files(directory, (article.name for article in articles))
    relations: list[list[Relation]] = []
    for article in articles:
        found = files.get(article.name)
        if not found:
            relations.append([])
            continue
        document = read_brat(found[0].path, len(article.text))
        relations.append(relations_from_brat(document).relations)
    return Predictions(relations, str(directory), time.perf_counter() - started)


def write_predictions(
    directory: Path, corpus: Corpus, predictions: Predictions, system: str = FACTBOX
) -> None:
    """Store predictions as ``NAME_SYSTEM.ann`` files (``Kind`` attributes keep the kind)."""
    directory.mkdir(parents=True, exist_ok=True)
    for article, relations in zip(corpus.articles, predictions.relations, strict=True):
        document = relations_to_brat(relations)
        path = directory / f"{article.name}_{system}.ann"
        path.write_text(format_brat(document, article.text), encoding="utf-8")


def evaluate(corpus: Corpus, predictions: Predictions, policy: AnnotatorPolicy) -> Evaluation:
    """Score ``predictions`` against the corpus gold under every view."""
    if len(predictions.relations) != len(corpus.articles):
        raise ValueError("one list of predicted relations per article is needed")
    results: list[ArticleResult] = []
    kinds: dict[str, int] = {}
    for article, predicted in zip(corpus.articles, predictions.relations, strict=True):
        for relation in predicted:
            kind = relation.kind or "unknown"
            kinds[kind] = kinds.get(kind, 0) + 1
        scores = {
            view: score_article(article.text, article.relations, keep_for_view(predicted, view))
            for view in VIEWS
        }
        results.append(ArticleResult(article.name, article.publisher, scores))
    return Evaluation(
        directory=str(corpus.directory),
        origin=predictions.origin,
        annotator_policy=policy,
        results=results,
        seconds=predictions.seconds,
        load_seconds=predictions.load_seconds,
        several_annotations=corpus.several_annotations,
        unannotated=len(corpus.unannotated),
        skipped_events=corpus.skipped_events,
        predicted_kinds=dict(sorted(kinds.items())),
    )


def evaluate_directory(
    directory: Path,
    limit: int | None = None,
    policy: AnnotatorPolicy = "first",
    predictions_dir: Path | None = None,
    write_dir: Path | None = None,
    conventions: Conventions = "polnear",
) -> Evaluation:
    """Load a split, predict (extractor, or stored BRAT predictions) and score."""
    corpus = load_corpus(directory, limit, policy)
    if predictions_dir is not None:
        predictions = read_predictions(predictions_dir, corpus.articles)
    else:
        predictions = extract_predictions(corpus.articles, conventions=conventions)
    if write_dir is not None:
        write_predictions(write_dir, corpus, predictions)
    return evaluate(corpus, predictions, policy)
