"""Dateline recognition: common forms are read, ordinary sentences with dates are not."""

from __future__ import annotations

import datetime as dt

import pytest

from factbox.ingest.datelines import match_dateline, parse_date_text, parse_dateline

FEB_27 = dt.date(2024, 2, 27)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday, 27 February 2024", FEB_27),
        ("Feb 27, 2024", FEB_27),
        ("27.02.2024", FEB_27),
        ("2024-02-27", FEB_27),
        ("February 27, 2024 10:42 AM", FEB_27),
        ("27 Feb 2024 | 14:05 CET", FEB_27),
        ("Updated: Feb 28, 2024 08:15 a.m. ET", dt.date(2024, 2, 28)),
        ("Published 3 March 2024, 09:15 GMT+1", dt.date(2024, 3, 3)),
        ("Last updated on 4 March 2024 at 18:30", dt.date(2024, 3, 4)),
        ("Sept. 5th, 2023", dt.date(2023, 9, 5)),
        ("27th of February, 2024", FEB_27),
        ("2024-02-27T10:42:00+01:00", FEB_27),
        ("Tue, 27 Feb 2024 10:42:00 +0100", FEB_27),
        ("Tuesday 27 February 2024 14.05", FEB_27),
        ("02/27/2024", FEB_27),
        ("05/03/2024", dt.date(2024, 3, 5)),
        ("  MONDAY, 4 MARCH 2024  ", dt.date(2024, 3, 4)),
    ],
)
def test_common_dateline_forms_give_their_date(line: str, expected: dt.date) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Talks resumed on 27 February 2024.",
        "On 27 Feb 2024, leaders met in Brussels",
        "The deadline is 2024-03-01",
        "Kyiv Ledger, 27 February 2024 edition",
        "The summit of February 27, 2024 ended without a deal",
        "31.02.2024",
        "February 2024",
        "27 February",
        "Feb 27 at 10:42 AM",
        "Tuesday",
        "",
        "Updated: " + "the ministers met again on 27 February 2024 and agreed to keep talking",
    ],
)
def test_lines_that_are_more_than_a_date_are_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


def test_dateline_kind_tells_published_from_updated() -> None:
    updated = match_dateline("Updated: Feb 28, 2024 08:15 a.m. ET")
    published = match_dateline("Published: 27 Feb 2024")
    plain = match_dateline("Tuesday, 27 February 2024")
    assert updated is not None and updated.kind == "updated"
    assert published is not None and published.kind == "published"
    assert plain is not None and plain.kind == "plain"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-27", FEB_27),
        ("2024-02-27T00:30:00+01:00", FEB_27),
        ("2024-02-26T23:30:00-05:00", dt.date(2024, 2, 26)),
        ("Tue, 27 Feb 2024 00:30:00 +0200", FEB_27),
        ("Feb 27, 2024", FEB_27),
        ("27 February 2024", FEB_27),
        ("next Tuesday", None),
        ("", None),
    ],
)
def test_field_dates_keep_the_calendar_date_as_written(
    value: str, expected: dt.date | None
) -> None:
    assert parse_date_text(value) == expected
