"""Keyset pagination: the cursors and page sizes every listing shares (web and CLI alike).

A listing reads its rows in a fixed total order, and a page's cursor is the sort key of its
last row; the next page is the rows strictly after that key. Unlike an offset, the database
starts each page where the index says the key is, so page 500 costs what page 1 costs, and a
row stored between two requests never makes another row repeat or go missing.

The orders (each ends with an id, so ties in the first key are broken and the order is total):

- articles: newest published first (``published`` descending, then ``id`` descending), the
  undated ones after every dated one, newest stored first. Cursor ``YYYY-MM-DD_ID`` or
  ``ID`` (undated).
- statements (all, or an actor's): newest stored first, ``id`` descending. Cursor ``ID``.
- readers' report groups: latest reported first (``last_reported`` then ``id``, both
  descending). Cursor ``YYYY-MM-DDTHH:MM:SS.ffffff_ID``.

A cursor is text a listing gave out; anything else is a ``CursorError``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factbox.parsing import MAX_ID
from factbox.records import CursorError, InputError

DEFAULT_LIMIT = 50
"""Rows per page when none is asked for."""
MAX_LIMIT = 200
"""The most rows a page may ask for."""

_ARTICLE = re.compile(r"(?:([0-9]{4}-[0-9]{2}-[0-9]{2})_)?([0-9]{1,10})")
_ID = re.compile(r"[0-9]{1,10}")
_REPORT = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6})_([0-9]{1,10})"
)


@dataclass(frozen=True, slots=True)
class ArticleKey:
    """Where an article sits in the article listing's order."""

    published: dt.date | None
    id: int


@dataclass(frozen=True, slots=True)
class ReportKey:
    """Where a report group sits in the queue's order."""

    last_reported: dt.datetime
    id: int


def _bad_limit(value: object) -> InputError:
    return InputError(str(value), f"not a page size (a whole number from 1 to {MAX_LIMIT})")


def parse_limit(text: str | None, default: int = DEFAULT_LIMIT) -> int:
    """A page size from 1 to ``MAX_LIMIT`` (absent or empty: ``default``)."""
    if text is None or text == "":
        return default
    if not text.isascii() or not text.isdigit() or len(text) > 6:
        raise _bad_limit(text)
    return check_limit(int(text))


def check_limit(limit: int) -> int:
    """``limit`` if it is a page size from 1 to ``MAX_LIMIT``, else ``InputError``."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 < limit <= MAX_LIMIT:
        raise _bad_limit(limit)
    return limit


def _id(text: str, value: str) -> int:
    number = int(value)
    if not 0 < number <= MAX_ID:
        raise CursorError(text, "not a page cursor of this listing")
    return number


def article_cursor(key: ArticleKey) -> str:
    return f"{key.published.isoformat()}_{key.id}" if key.published else str(key.id)


def parse_article_cursor(text: str) -> ArticleKey:
    found = _ARTICLE.fullmatch(text)
    if found is None:
        raise CursorError(text, "not a page cursor of this listing")
    published = None
    if found.group(1):
        try:
            published = dt.date.fromisoformat(found.group(1))
        except ValueError:
            raise CursorError(text, "not a page cursor of this listing") from None
    return ArticleKey(published, _id(text, found.group(2)))


def id_cursor(row_id: int) -> str:
    return str(row_id)


def parse_id_cursor(text: str) -> int:
    if not _ID.fullmatch(text):
        raise CursorError(text, "not a page cursor of this listing")
    return _id(text, text)


def report_cursor(key: ReportKey) -> str:
    return f"{key.last_reported.isoformat(timespec='microseconds')}_{key.id}"


def parse_report_cursor(text: str) -> ReportKey:
    found = _REPORT.fullmatch(text)
    if found is None:
        raise CursorError(text, "not a page cursor of this listing")
    try:
        when = dt.datetime.fromisoformat(found.group(1))
    except ValueError:
        raise CursorError(text, "not a page cursor of this listing") from None
    return ReportKey(when, _id(text, found.group(2)))
