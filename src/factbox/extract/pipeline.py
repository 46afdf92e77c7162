"""Glue: find attributions in a parsed article, then resolve speakers and dates.

A statement whose source is page furniture or a news agency ("Share: ...", "AFP: ...") is
left out (``furniture.py``): whoever the agency quotes is a statement of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from factbox.extract.attributions import find_attributions
from factbox.extract.dates import resolve_said_on
from factbox.extract.furniture import page_furniture
from factbox.extract.speakers import ArticleContext, KnownPeople, resolve_speakers
from factbox.records import Article, Person, Statement


@dataclass(slots=True)
class Extraction:
    """What one article yields: its statements, and the people it names."""

    statements: list[Statement]
    people: list[Person]


def extract_article(doc: Doc, article: Article, known: KnownPeople | None = None) -> Extraction:
    """Statements in ``doc`` (the parse of ``article.body``) with speakers and dates resolved."""
    context = ArticleContext(doc, article, known)
    furniture = page_furniture()
    statements = [
        statement
        for statement in find_attributions(doc)
        if not furniture.is_furniture(statement.source_text, article.agency)
    ]
    for statement in statements:
        statement.speakers = resolve_speakers(statement, doc, context)
        statement.said_on, statement.said_on_basis = resolve_said_on(
            doc, statement.span, article.published, cue=statement.cue_span
        )
    return Extraction(statements=statements, people=context.people())


def extract_statements(
    doc: Doc, article: Article, known: KnownPeople | None = None
) -> list[Statement]:
    """All attributed statements in ``doc``, in text order."""
    return extract_article(doc, article, known).statements
