"""Helpers shared by extraction tests: a plain-text article and its extracted statements."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language

from factbox.extract.pipeline import extract_article
from factbox.records import Article, Statement


def plain_article(body: str, published: dt.date | None) -> Article:
    """A plain-text article of ``body`` published on ``published``, without a title."""
    return Article(
        key="t",
        source_name="t",
        format="text",
        raw=body,
        body=body,
        title=None,
        published=published,
        content_hash="t",
    )


def extracted(nlp: Language, body: str, published: dt.date | None) -> list[Statement]:
    """The statements extraction finds in ``body``, speakers and dates resolved."""
    return extract_article(nlp(body), plain_article(body, published)).statements
