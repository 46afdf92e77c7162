"""Recognising datelines: short lines at the top of an article that are (almost) only a date.

``match_dateline`` is strict on purpose: after the date itself, clock times and UTC offsets are
taken out of the line, every word left must be dateline vocabulary (weekday names, "Updated",
"Published", "at", time zones; see ``data/ingest/datelines.toml``). So "Tuesday, 27 February
2024" is a dateline and "Talks resumed on 27 February 2024." is not.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from factbox.ingest.resources import load_ingest_table

DatelineKind = Literal["published", "updated", "plain"]

MAX_DATELINE_CHARS = 80
"""Longer lines are body text, whatever dates they mention."""

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100

_TIME = re.compile(
    r"(?<!\d)\d{1,2}(?:[:.h]\d{2}(?::\d{2})?(?:\.\d+)?)?\s*(?:[ap]\.?\s?m\b\.?)"
    r"|(?<!\d)\d{1,2}[:.h]\d{2}(?::\d{2}(?:\.\d+)?)?(?!\d)",
    re.IGNORECASE,
)
_UTC_OFFSET = re.compile(r"(?:\b(?:utc|gmt))?\s*[+\-−]\s*\d{1,2}(?::?\d{2})?(?!\d)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A recognised dateline: its date and whether it says published or updated."""

    date: dt.date
    kind: DatelineKind


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    months: dict[str, int]
    weekdays: frozenset[str]
    published: frozenset[str]
    updated: frozenset[str]
    allowed: frozenset[str]
    date_patterns: tuple[re.Pattern[str], ...]


@cache
def _vocabulary() -> _Vocabulary:
    table = load_ingest_table("datelines.toml")
    months = {name.lower(): int(number) for name, number in table["months"].items()}
    words = table["words"]
    weekdays = frozenset(w.lower() for w in words["weekdays"])
    published = frozenset(w.lower() for w in words["published"])
    updated = frozenset(w.lower() for w in words["updated"])
    filler = frozenset(w.lower() for w in words["filler"])
    timezones = frozenset(w.lower() for w in words["timezones"])
    month_names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    month = rf"(?P<month_name>{month_names})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?"
    year = r"(?P<year>\d{4})"
    date_patterns = (
        # 2024-02-27, 2024-02-27T10:42:00Z, 2024/02/27
        re.compile(
            r"(?<!\d)(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
            r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
        ),
        # 27.02.2024, 27/02/2024, 27-02-2024 (day first)
        re.compile(
            r"(?<!\d)(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"
        ),
        # 27 February 2024, 27th of Feb. 2024, 27 Feb, 2024
        re.compile(rf"\b{day}\s+(?:of\s+)?{month},?\s+{year}\b", re.IGNORECASE),
        # February 27, 2024; Feb. 27th 2024
        re.compile(rf"\b{month}\s+{day},?\s+{year}\b", re.IGNORECASE),
    )
    return _Vocabulary(
        months=months,
        weekdays=weekdays,
        published=published,
        updated=updated,
        allowed=weekdays | published | updated | filler | timezones,
        date_patterns=date_patterns,
    )


def _date_from_match(match: re.Match[str], months: dict[str, int]) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    day = int(groups["day"])
    if groups.get("month_name"):
        month = months[groups["month_name"].lower()]
    else:
        month = int(groups["month"])
        if groups.get("sep") == "/" and month > 12 >= day and len(match.group(0)) <= 10:
            # 02/27/2024 can only be month first
            month, day = day, month
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _find_dates(line: str, vocabulary: _Vocabulary) -> list[tuple[int, int, dt.date]]:
    """All dates in the line as (start, end, date), without overlaps, in text order."""
    found: list[tuple[int, int, dt.date]] = []
    for pattern in vocabulary.date_patterns:
        for match in pattern.finditer(line):
            date = _date_from_match(match, vocabulary.months)
            if date is None:
                continue
            start, end = match.span()
            if any(start < other_end and other_start < end for other_start, other_end, _ in found):
                continue
            found.append((start, end, date))
    return sorted(found)


def match_dateline(line: str) -> Dateline | None:
    """The dateline on this line, or None if the line is anything more than a dated header."""
    text = line.strip()
    if not text or len(text) > MAX_DATELINE_CHARS:
        return None
    vocabulary = _vocabulary()
    dates = _find_dates(text, vocabulary)
    if not dates:
        return None
    leftover_parts: list[str] = []
    cursor = 0
    for start, end, _ in dates:
        leftover_parts.append(text[cursor:start])
        cursor = end
    leftover_parts.append(text[cursor:])
    leftover = " ".join(leftover_parts)
    leftover = _TIME.sub(" ", leftover)
    leftover = _UTC_OFFSET.sub(" ", leftover)
    words = [word.lower() for word in _WORD.findall(leftover)]
    if any(word.isdigit() or word not in vocabulary.allowed for word in words):
        return None
    before_first_date = {w.lower() for w in _WORD.findall(text[: dates[0][0]])}
    kind: DatelineKind = "plain"
    if before_first_date & vocabulary.updated:
        kind = "updated"
    elif before_first_date & vocabulary.published:
        kind = "published"
    return Dateline(date=dates[0][2], kind=kind)


def parse_dateline(line: str) -> dt.date | None:
    """The date of a dateline line, or None if the line is not a dateline."""
    dateline = match_dateline(line)
    return dateline.date if dateline else None


def parse_date_text(text: str) -> dt.date | None:
    """A date given as a field value (JSONL ``published``, a feed's pubDate), in any common form.

    The calendar date is kept as written: "2024-02-27T00:30:00+01:00" is 27 February.
    """
    value = text.strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    dateline = match_dateline(value)
    if dateline is not None:
        return dateline.date
    parsed = email.utils.parsedate_tz(value)
    if parsed is not None:
        year, month, day = parsed[0], parsed[1], parsed[2]
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None
