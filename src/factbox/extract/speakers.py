"""Resolving a statement's source span to speakers: person, role, actor."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc

from factbox.records import Article, Person, Speaker, Statement


class KnownPeople(Protocol):
    """People remembered across articles (the ledger's people table)."""

    def lookup(self, name: str) -> Person | None: ...


class ArticleContext:
    """What one article tells us about its people, for surnames and pronouns."""

    def __init__(self, doc: Doc, article: Article, known: KnownPeople | None = None) -> None:
        self.doc = doc
        self.article = article
        self.known = known

    def people(self) -> list[Person]:
        """People this article names with a role or actor (to remember in the ledger)."""
        raise NotImplementedError


def resolve_speakers(statement: Statement, doc: Doc, context: ArticleContext) -> list[Speaker]:
    """One speaker per person/actor in the statement's source span."""
    raise NotImplementedError
