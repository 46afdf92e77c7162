"""Cleaning a ``SourceItem`` into an ``Article``: the body statements will point into."""

from __future__ import annotations

import hashlib

from factbox.ingest.datelines import parse_date_text
from factbox.ingest.layout import ArticleLayout, collapse_whitespace, parse_layout
from factbox.ingest.webpages import (
    ExtractedText,
    extract_from_fragment,
    extract_from_page,
    looks_like_html,
    looks_like_html_document,
)
from factbox.records import Article, InputError, SourceItem

PARAGRAPH_SEPARATOR = "\n\n"


def content_hash(title: str | None, body: str) -> str:
    """sha256 of the normalised title and body: the same text always gives the same hash."""
    normalised = collapse_whitespace(title or "") + "\n" + body
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def _extract_html(item: SourceItem) -> ExtractedText:
    markup = item.raw
    extracted = (
        extract_from_page(markup)
        if looks_like_html_document(markup)
        else extract_from_fragment(markup)
    )
    if extracted is None:
        raise InputError(item.name, "no article body found in the HTML")
    return extracted


def _is_markup(item: SourceItem) -> bool:
    if item.format == "html":
        return True
    if item.format == "text":
        return False
    # JSONL "html" fields and feed content are fragments; a "text" field or a plain-text
    # feed summary has no tags.
    return looks_like_html(item.raw)


def prepare_article(item: SourceItem) -> Article:
    """Clean an item: title, dateline, byline, place lead and boilerplate out of the body.

    Raises ``InputError`` when no article text is left (or HTML has no article body).
    """
    given_title = item.title
    given_published = parse_date_text(item.published) if item.published else None
    url = item.url
    layout: ArticleLayout
    if _is_markup(item):
        extracted = _extract_html(item)
        given_title = given_title or extracted.title
        given_published = given_published or extracted.published
        url = url or extracted.url
        layout = parse_layout(extracted.text, title=given_title, one_paragraph_per_line=True)
    else:
        layout = parse_layout(item.raw, title=given_title)
    body = PARAGRAPH_SEPARATOR.join(layout.paragraphs)
    if not body:
        raise InputError(
            item.name, "no article text after removing title, dateline and boilerplate"
        )
    title = layout.title
    return Article(
        key=item.key,
        source_name=item.name,
        format=item.format,
        raw=item.raw,
        body=body,
        content_hash=content_hash(title, body),
        title=title,
        url=url,
        published=given_published or layout.published,
        place=layout.place,
        agency=layout.agency,
    )
