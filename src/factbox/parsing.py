"""What a value given on the command line or in a web address means, the same for both: a
date (``--as-of``, ``?as_of=``), a proposal slug, a numeric id. A bad value is an
``InputError`` naming it (the CLI prints it and exits 1; the web answers 422)."""

from __future__ import annotations

import datetime as dt
import re

from factbox.records import STANCES, InputError, Stance
from factbox.stance.proposals import SLUG

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_ID = 2**31 - 1
"""The largest id a ledger row can have (32-bit integer columns on PostgreSQL); a larger one
in an address is refused rather than sent to the database."""


def parse_date(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` date."""
    try:
        if DATE.match(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise InputError(text, "not a date (expected YYYY-MM-DD)")


def parse_as_of(text: str | None) -> dt.date | None:
    """An optional ``as_of`` date: absent or empty means today (None)."""
    return parse_date(text) if text else None


def parse_slug(text: str) -> str:
    """A proposal slug: lower-case letters, digits and hyphens."""
    if not SLUG.match(text):
        raise InputError(text, "not a proposal slug (lower-case letters, digits and hyphens)")
    return text


def parse_id(text: str, what: str = "id") -> int:
    """A positive whole number (a statement's, an article's or a report group's id)."""
    if not text.isascii() or not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise InputError(text, f"not {what} (a positive whole number)")
    return int(text)


def parse_stance(text: str) -> Stance:
    for stance in STANCES:
        if stance == text:
            return stance
    raise InputError(text, f"not a stance (one of {', '.join(STANCES)})")
