"""Helpers shared by extraction tests: a plain-text article and its extracted statements, a
parsed text with the tagger's scores set by hand, a statement's spans as text, and exact
content F1 on PolNeAR dev with and without a learned model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from factbox.evaluate.corpus import load_corpus
from factbox.evaluate.relations import relation_from_statement
from factbox.evaluate.scorer import Scores, score_article, total
from factbox.extract.pipeline import extract_article
from factbox.extract.tagger import BEGIN, INSIDE, ROLE_SCORES
from factbox.records import Article, Statement


def plain_article(body: str, published: dt.date | None, place: str | None = None) -> Article:
    """A plain-text article of ``body`` published on ``published``, without a title (with a
    dateline ``place`` when given)."""
    return Article(
        key="t",
        source_name="t",
        format="text",
        raw=body,
        body=body,
        title=None,
        published=published,
        content_hash="t",
        place=place,
    )


def extracted(nlp: Language, body: str, published: dt.date | None) -> list[Statement]:
    """The statements extraction finds in ``body``, speakers and dates resolved."""
    return extract_article(nlp(body), plain_article(body, published)).statements


def speaker_actor(nlp: Language, body: str, text: str, published: dt.date | None) -> str | None:
    """The actor id of the last speaker whose words are ``text`` among those extraction
    finds in ``body`` (the test fails when there is none)."""
    found = [
        speaker
        for statement in extracted(nlp, body, published)
        for speaker in statement.speakers
        if speaker.text == text
    ]
    assert found, (text, [s.text for st in extracted(nlp, body, published) for s in st.speakers])
    return found[-1].actor_id


def doc_with_scores(
    nlp: Language, text: str, marks: dict[int, list[str]], score: float = 0.95
) -> Doc:
    """``text`` parsed, with the tagger's scores replaced: for each role, the listed words are
    inside a span of it with probability ``score`` (the first of each run begins one)."""
    doc = nlp(text)
    roles = np.zeros((len(doc), 3, 2), dtype=np.float32)
    for role, words in marks.items():
        previous = -2
        for token in doc:
            if token.text in words:
                roles[token.i, role, INSIDE] = score
                roles[token.i, role, BEGIN] = 0.9 if token.i != previous + 1 else 0.05
                previous = token.i
    doc._.set(ROLE_SCORES, roles)
    return doc


def statement_spans(text: str, statement: Statement) -> tuple[str, str, str | None]:
    """The statement's cue, content and source (None without one) as text."""
    assert statement.cue_span is not None
    return (
        text[slice(*statement.cue_span)],
        text[slice(*statement.content_span)],
        text[slice(*statement.source_span)] if statement.source_span else None,
    )


POLNEAR_DEV = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear" / "dev"
"""PolNeAR dev beside the repository (tests that need it skip when it is absent)."""


def dev_content_f1(
    nlp: Language, limit: int, *finders: Callable[[Doc], list[Statement]]
) -> list[float]:
    """Exact content F1 of each of ``finders`` over the first ``limit`` PolNeAR dev articles."""
    articles = load_corpus(POLNEAR_DEV, limit=limit).articles
    scores: list[list[Scores]] = [[] for _ in finders]
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        for find, into in zip(finders, scores, strict=True):
            relations = [relation_from_statement(s) for s in find(doc)]
            into.append(score_article(article.text, article.relations, relations))
    return [total(found).content.exact.f1 for found in scores]
