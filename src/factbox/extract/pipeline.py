"""Glue: find attributions in a parsed article, then resolve speakers and dates."""

from __future__ import annotations

from spacy.tokens import Doc

from factbox.extract.attributions import find_attributions
from factbox.extract.dates import resolve_said_on
from factbox.extract.speakers import ArticleContext, KnownPeople, resolve_speakers
from factbox.records import Article, Statement


def extract_statements(
    doc: Doc, article: Article, known: KnownPeople | None = None
) -> list[Statement]:
    """All attributed statements in ``doc`` (the parse of ``article.body``), in text order.

    Each statement comes back with its speakers resolved and ``said_on`` set.
    """
    context = ArticleContext(doc, article, known)
    statements = find_attributions(doc)
    for statement in statements:
        statement.speakers = resolve_speakers(statement, doc, context)
        statement.said_on, statement.said_on_basis = resolve_said_on(
            doc, statement.span, article.published
        )
    return statements
