"""How likely an extracted attribution is one an annotator would mark (data/statement_scorer.json).

The cue finder proposes; this scorer, a logistic regression over what the finished statement
looks like (its cue word and how it was found, its source, its content, where it sits), decides
which proposals to keep. It is trained by ``bench/train_attribution.py`` on the extractor's own
output over the PolNeAR train split, labelled by whether its cue or its content is a gold one
(an annotated attribution), so it learns where the finder's mechanisms go wrong rather than
which phrases to look for.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from factbox.extract.cues import CueLexicon
from factbox.extract.doc_text import doc_text
from factbox.extract.learned import (
    CueClassifier,
    FeatureWeights,
    LearnedCues,
    weights_and_threshold,
)
from factbox.records import Statement

STATEMENT_SCORER_PATH = Path(__file__).resolve().parent.parent / "data" / "statement_scorer.json"
_CONTEXT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "agent", "dative"})


def _bucket(value: float, edges: Sequence[float]) -> str:
    """The first edge ``value`` does not exceed, as text (``more`` past the last)."""
    return next((str(edge) for edge in edges if value <= edge), "more")


def _span(doc: Doc, chars: tuple[int, int]) -> Span | None:
    return doc.char_span(chars[0], chars[1], alignment_mode="expand")


@dataclass(frozen=True, slots=True)
class StatementContext:
    """What the features of a statement are read against."""

    lexicon: CueLexicon
    learned: LearnedCues
    classifier: CueClassifier


def statement_features(
    doc: Doc, statement: Statement, others: Sequence[Statement], context: StatementContext
) -> list[str]:
    """What the scorer sees of one statement; ``others`` are the document's statements.

    Shared by training and extraction, so both see the same.
    """
    features = ["bias", f"kind={statement.kind}"]
    cue = _span(doc, statement.cue_span) if statement.cue_span is not None else None
    if cue is None or statement.cue_span is None:
        features.append("no-cue")
        return features
    cue_start = statement.cue_span[0]
    root = cue.root
    lemma = root.lemma_.lower()
    lemma_rate = context.learned.cue_probability(lemma, root.pos_)
    first_paragraph = "\n" not in doc_text(doc)[:cue_start]
    features += [
        f"lemma={lemma}",
        f"pos={root.pos_}",
        f"tag={root.tag_}",
        f"dep={root.dep_}",
        f"lemma,kind={lemma},{statement.kind}",
        f"lemma,dep={lemma},{root.dep_}",
        f"cue-words={_bucket(len(cue), (1, 2, 3, 5))}",
        f"in-lexicon={context.lexicon.is_cue_lemma(lemma)}",
        f"lemma-rate={_bucket(lemma_rate, (0.05, 0.2, 0.4, 0.6, 0.8))}",
        "arcs="
        + ",".join(sorted({child.dep_ for child in root.children if child.dep_ in _CONTEXT_DEPS})),
        f"first-paragraph={first_paragraph}",
        f"starts-sentence={root.sent.start == cue.start}",
        f"before={doc[cue.start - 1].lower_ if cue.start else '<s>'}",
        "nested="
        + str(
            any(
                other is not statement
                and other.content_span[0] <= cue_start < other.content_span[1]
                for other in others
            )
        ),
    ]
    if root.pos_ == "VERB":
        features.append(
            f"classifier={_bucket(context.classifier.probability(root), (0.1, 0.3, 0.5, 0.7, 0.9))}"
        )
    source = _span(doc, statement.source_span) if statement.source_span is not None else None
    if source is not None and statement.source_span is not None:
        head = source.root
        entity = head.ent_type_ or next((t.ent_type_ for t in source if t.ent_type_), "")
        features += [
            f"source={head.pos_}:{entity}",
            f"source-pronoun={head.lower_ if head.pos_ == 'PRON' else '-'}",
            f"source-words={_bucket(len(source), (1, 2, 4, 8))}",
            f"source-side={'left' if statement.source_span[0] < cue_start else 'right'}",
            f"lemma,source={lemma},{head.pos_}:{entity}",
        ]
    else:
        features.append("no-source")
    content = _span(doc, statement.content_span)
    if content is not None:
        features += [
            f"content-words={_bucket(len(content), (1, 2, 4, 8, 16, 32))}",
            f"content-side={'left' if statement.content_span[0] < cue_start else 'right'}",
            f"content-root={content.root.dep_}:{content.root.pos_}",
            f"lemma,content-root={lemma},{content.root.dep_}",
        ]
    return features


@dataclass(frozen=True, slots=True)
class StatementScorer(FeatureWeights):
    """Logistic regression over ``statement_features``."""

    def keep(
        self, doc: Doc, statements: Sequence[Statement], context: StatementContext
    ) -> list[Statement]:
        """The statements scored at or above the threshold, in their order."""
        return [
            statement
            for statement in statements
            if self.probability(statement_features(doc, statement, statements, context))
            >= self.threshold
        ]


def parse_statement_scorer(data: dict[str, Any]) -> StatementScorer:
    return StatementScorer(*weights_and_threshold(data))


@lru_cache(maxsize=1)
def load_statement_scorer() -> StatementScorer:
    """The scorer shipped in ``factbox/data/statement_scorer.json``."""
    with STATEMENT_SCORER_PATH.open(encoding="utf-8") as handle:
        return parse_statement_scorer(json.load(handle))
