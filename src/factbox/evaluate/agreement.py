"""How far annotators agree with each other, and the extractor with each of them.

Articles annotated by several people give the ceiling a corpus allows: if two trained
annotators draw the same cue in only seven cases of ten, no system scored against one of them
can be expected to do much better. Each unordered pair of annotation files of an article is
scored with the same scorer as the extractor (the alphabetically first of the pair as gold),
and the counts are summed over pairs and articles.

A system that learned what most annotators do could agree with each of them more than they
agree with each other, so a second figure holds each annotator out in turn and scores against
them the spans most of the others marked (per role for source, cue and content; whole
relations for the relation row). The extractor is scored against every annotator in turn, so
all three figures weigh the annotators alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from factbox.evaluate.brat import read_brat
from factbox.evaluate.corpus import AnnotatedArticle, Corpus
from factbox.evaluate.relations import ROLES, Relation, Role, relations_from_brat
from factbox.evaluate.scorer import Scores, score_article, total
from factbox.evaluate.textspans import trimmed


@dataclass(frozen=True, slots=True)
class Agreement:
    """Pairwise scores over the articles with several annotation files."""

    articles: tuple[str, ...]
    annotation_files: int
    pairs: int
    between_annotators: Scores
    consensus: Scores
    """Each annotator against what most of the article's other annotators marked."""
    system: Scores | None
    """The predictions scored against each annotator in turn; None when none were given."""

    def sides(self) -> list[tuple[str, Scores]]:
        """``(label, scores)`` in the order reports show them: annotators, consensus, factbox."""
        sides = [("annotators", self.between_annotators), ("consensus", self.consensus)]
        if self.system is not None:
            sides.append(("factbox", self.system))
        return sides


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
    by_role: list[Scores] = []
    by_relation: list[Scores] = []
    against_system: list[Scores] = []
    files = 0
    for index, article in enumerate(articles):
        annotations = annotations_of(article)
        files += len(annotations)
        for gold, other in combinations(annotations, 2):
            between.append(score_article(article.text, gold, other))
        for held_out, gold in enumerate(annotations):
            others = annotations[:held_out] + annotations[held_out + 1 :]
            by_role.append(score_article(article.text, gold, role_majority(article.text, others)))
            by_relation.append(
                score_article(article.text, gold, relation_majority(article.text, others))
            )
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
        consensus=replace(total(by_role), relation=total(by_relation).relation),
        system=total(against_system) if predictions is not None else None,
    )


def _majority(
    annotations: Sequence[Sequence[Relation]],
    key: Callable[[Relation], Hashable | None],
) -> list[Relation]:
    """One relation for each key more than half of ``annotations`` have (each counted once)."""
    votes: Counter[Hashable] = Counter()
    example: dict[Hashable, Relation] = {}
    for relations in annotations:
        keys = {key(relation): relation for relation in relations}
        for found, relation in keys.items():
            if found is not None:
                votes[found] += 1
                example.setdefault(found, relation)
    return [example[found] for found, count in votes.items() if 2 * count > len(annotations)]


def relation_majority(text: str, annotations: Sequence[Sequence[Relation]]) -> list[Relation]:
    """The relations whose cue, source and content most annotators drew alike."""

    def key(relation: Relation) -> Hashable:
        return tuple(
            trimmed(text, pieces) if (pieces := relation.role(role)) else None for role in ROLES
        )

    return _majority(annotations, key)


def role_majority(text: str, annotations: Sequence[Sequence[Relation]]) -> list[Relation]:
    """For each role, the spans most annotators marked, each as a relation of that role only
    (good for role scores, not for relation scores)."""
    majority: list[Relation] = []
    for role in ROLES:

        def key(relation: Relation, role: Role = role) -> Hashable | None:
            pieces = relation.role(role)
            return trimmed(text, pieces) if pieces else None

        for relation in _majority(annotations, key):
            pieces = relation.role(role)
            majority.append(
                Relation(
                    cue=pieces if role == "cue" else None,
                    content=pieces if role == "content" else None,
                    source=pieces if role == "source" else None,
                )
            )
    return majority
