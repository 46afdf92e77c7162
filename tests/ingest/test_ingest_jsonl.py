"""JSONL: one article per line; a bad line is one failure naming its line number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factbox.ingest import prepare_article, read_inputs
from factbox.records import IngestFailure, SourceItem

FIXTURES = Path(__file__).parent / "fixtures"


def test_jsonl_lines_become_items_and_bad_lines_failures() -> None:
    path = FIXTURES / "articles.jsonl"
    results = list(read_inputs([str(path)]))
    by_name = {r.name: r for r in results}
    assert list(by_name) == [f"{path}:{n}" for n in (1, 2, 3, 4, 5, 7, 8)]

    reasons = {
        n: result.reason
        for n in (4, 5, 7)
        if isinstance(result := by_name[f"{path}:{n}"], IngestFailure)
    }
    assert reasons[4].startswith("not valid JSON (")
    assert reasons[5] == "expected a JSON object, got an array"
    assert reasons[7] == 'object has no "text" or "html" field'

    items = [r for r in results if isinstance(r, SourceItem)]
    assert [i.key for i in items] == [
        "kl-1001",
        "https://kyiv-ledger.example/news/1002",
        "1003",
        "kl-1007",
    ]
    assert all(i.format == "jsonl" for i in items)


def test_jsonl_text_uses_the_fields_for_title_and_date() -> None:
    path = FIXTURES / "articles.jsonl"
    items = [r for r in read_inputs([str(path)]) if isinstance(r, SourceItem)]
    first, second, third, fourth = (prepare_article(i) for i in items)

    assert first.title == "Kyiv and Warsaw set date for border talks"
    assert first.published == dt.date(2024, 2, 27)
    assert first.url == "https://kyiv-ledger.example/news/1001"
    assert first.place == "KYIV"
    assert first.body == (
        "Ukraine and Poland will hold talks on the border blockade on March 5, the Ukrainian "
        'government said on Tuesday.\n\n"We expect concrete decisions," a government '
        "spokeswoman said."
    )

    # "html" field: a fragment, its boilerplate paragraph dropped; date in a common form.
    assert second.title == "Slovakia to keep grain ban"
    assert second.published == dt.date(2024, 2, 27)
    assert (second.place, second.agency) == ("BRATISLAVA", "Reuters")
    assert second.body == (
        "Slovakia will keep its ban on Ukrainian grain imports, the agriculture minister said."
        "\n\nThe ban covers wheat, maize and sunflower seeds."
    )

    # No title field: the first line is the title and the dateline gives the date.
    assert third.title == "Lithuania pledges more shells"
    assert third.published == dt.date(2024, 2, 27)
    assert third.place == "VILNIUS"

    assert fourth.title is None
    assert fourth.published is None


def test_every_kind_of_bad_line_is_reported_and_good_lines_still_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        '{"text": "Leaders met in Oslo on Monday."}',
        "{not json}",
        '"just a string"',
        "42",
        '{"html": ""}',
        '{"text": 17}',
        '{"text": "Fine.", "title": ["a"]}',
        '{"text": "Fine.", "id": {"x": 1}}',
        '{"text": "Leaders met in Bergen on Tuesday."}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(read_inputs([str(path)]))
    assert [r.name for r in results] == [f"{path}:{n}" for n in range(1, 10)]
    assert [type(r).__name__ for r in results] == (
        ["SourceItem"] + ["IngestFailure"] * 7 + ["SourceItem"]
    )
    reasons = [r.reason for r in results if isinstance(r, IngestFailure)]
    assert reasons[0].startswith("not valid JSON")
    assert reasons[1:] == [
        "expected a JSON object, got a string",
        "expected a JSON object, got a number",
        '"text"/"html" is empty',
        '"text" must be a string, not a number',
        '"title" must be a string, not an array',
        '"id" must be a string or an integer, not an object',
    ]
    # Lines without id or url are keyed by the resolved path and their line number.
    keys = [r.key for r in results if isinstance(r, SourceItem)]
    assert keys == [f"{path.resolve()}:1", f"{path.resolve()}:9"]


def test_jsonl_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n', "utf-8")
    results = list(read_inputs([str(path)]))
    assert [(r.name, getattr(r, "key", None)) for r in results] == [
        (f"{path}:1", "a"),
        (f"{path}:2", "b"),
    ]
