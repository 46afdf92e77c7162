"""How far annotators agree with each other, and the extractor with each of them.

Articles annotated by several people give the ceiling a corpus allows: if two trained
annotators draw the same cue in only seven cases of ten, no system scored against one of them
can be expected to do much better. Each unordered pair of annotation files of an article is
scored with the same scorer as the extractor (the alphabetically first of the pair as gold),
and the counts are summed over pairs and articles. The extractor is scored against every
annotator of those articles in turn, so both figures weigh the annotators alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from factbox.evaluate.brat import read_brat
from factbox.evaluate.corpus import AnnotatedArticle, Corpus
from factbox.evaluate.relations import Relation, relations_from_brat
from factbox.evaluate.scorer import Scores, score_article, total


@dataclass(frozen=True, slots=True)
class Agreement:
    """Pairwise scores over the articles with several annotation files."""

    articles: tuple[str, ...]
    annotation_files: int
    pairs: int
    between_annotators: Scores
    system: Scores | None
    """The predictions scored against each annotator in turn; None when none were given."""


def several_annotated(corpora: Sequence[Corpus]) -> list[AnnotatedArticle]:
    """The articles of ``corpora`` with more than one annotation file, in corpus order."""
    return [
        article
        for corpus in corpora
        for article in corpus.articles
        if len(article.annotation_files) > 1
    ]


def annotations_of(article: AnnotatedArticle) -> list[list[Relation]]:
    """The relations of each annotation file of ``article``, in policy order."""
    return [
        relations_from_brat(read_brat(file.path, len(article.text))).relations
        for file in article.annotation_files
    ]


def measure_agreement(
    articles: Sequence[AnnotatedArticle],
    predictions: Sequence[Sequence[Relation]] | None = None,
) -> Agreement:
    """Score every pair of annotators of each article, and ``predictions`` (one list per
    article, same order) against each annotator."""
    if predictions is not None and len(predictions) != len(articles):
        raise ValueError("one list of predicted relations per article is needed")
    between: list[Scores] = []
    against_system: list[Scores] = []
    files = 0
    for index, article in enumerate(articles):
        annotations = annotations_of(article)
        files += len(annotations)
        for gold, other in combinations(annotations, 2):
            between.append(score_article(article.text, gold, other))
        if predictions is not None:
            predicted = list(predictions[index])
            against_system.extend(
                score_article(article.text, gold, predicted) for gold in annotations
            )
    return Agreement(
        articles=tuple(article.name for article in articles),
        annotation_files=files,
        pairs=len(between),
        between_annotators=total(between),
        system=total(against_system) if predictions is not None else None,
    )
