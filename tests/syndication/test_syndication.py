"""Syndicated copy counted once: one wire story printed by several outlets (each with its own
header, footer, headline and a reworded sentence) gives the statements of one copy, each
listing every outlet's article as a source; positions count each statement once."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factbox
from factbox import api
from factbox.cli import app
from factbox.records import SourceItem
from factbox.store import Ledger
from factbox.store.schema import SCHEMA_VERSION
from factbox.syndication import bands, jaccard, settings, shingles, signature

STORY = [
    "The Czech prime minister, Petr Fiala, said on Monday that his government would not send "
    "soldiers to Ukraine, a day after the idea was raised at a meeting of European leaders.",
    '"We will keep sending ammunition, and we will pay for more of it," Fiala told reporters '
    'in Prague. "But Czech troops will not go to Ukraine."',
    "The Polish prime minister, Donald Tusk, said Poland did not plan to send troops either, "
    "and that the question should not divide the allies.",
    "Slovakia's prime minister, Robert Fico, said his country would never send its soldiers "
    "to fight in Ukraine and warned that the talk made a wider war more likely.",
    "A spokesman for the Kremlin, Dmitry Peskov, said that the presence of Western troops "
    "would make a direct conflict with NATO inevitable.",
    "Officials in Brussels said the leaders would come back to the question at their summit "
    "in March, when the ammunition plan is also due to be agreed.",
]

OUTLETS = [
    ("Leaders rule out troops for Ukraine", "Staff and wire reports", "Reporting by the wire."),
    (
        "Prague and Warsaw say no to sending soldiers",
        "From our correspondents | Central Europe desk",
        "Sign up for our morning briefing on European politics.",
    ),
    (
        "No troops for Ukraine, say Fiala, Tusk and Fico",
        "Filed by the agency, edited by the Danube Herald",
        "Follow the Danube Herald for more on the war in Ukraine.",
    ),
    (
        "Central European leaders reject ground troops",
        "The Baltic Ledger | News agencies",
        "This story was provided by a news agency. Comments are closed.",
    ),
]

OTHER_STORY = [
    "French President Emmanuel Macron said on Monday that sending Western troops to Ukraine "
    "could not be ruled out, after hosting two dozen European leaders in Paris.",
    '"Nothing should be excluded," Macron told a news conference at the Elysee palace, '
    "adding that there was no consensus yet on the matter.",
    "Germany's chancellor, Olaf Scholz, said on Tuesday that no soldiers would be sent to "
    "Ukraine by European states or by NATO.",
]


def copy_text(number: int) -> str:
    """Outlet ``number``'s copy: its headline and header, the story with one sentence
    reworded, its footer."""
    headline, header, footer = OUTLETS[number]
    paragraphs = list(STORY)
    paragraphs[5 - number] = paragraphs[5 - number].replace(" said ", " told reporters ", 1)
    return "\n\n".join([headline, "Tuesday, 27 February 2024", header, *paragraphs, footer]) + "\n"


@pytest.fixture()
def story_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "outlets"
    folder.mkdir()
    for number in range(len(OUTLETS)):
        (folder / f"outlet-{number}.txt").write_text(copy_text(number), encoding="utf-8")
    return folder


def test_copies_differ_yet_are_over_the_threshold() -> None:
    first = shingles(copy_text(0))
    for number in range(1, len(OUTLETS)):
        other = shingles(copy_text(number))
        assert other != first
        assert settings().threshold <= jaccard(first, other) < 1.0
    assert jaccard(first, shingles("\n\n".join(OTHER_STORY))) < settings().threshold


def test_minhash_estimates_the_jaccard_similarity() -> None:
    pairs = [
        (shingles(copy_text(0)), shingles(copy_text(1))),
        (shingles(copy_text(0)), shingles("\n\n".join(STORY[:3]))),
        (shingles(copy_text(0)), shingles("\n\n".join(OTHER_STORY))),
    ]
    for first, second in pairs:
        estimate = float((signature(first) == signature(second)).mean())
        assert abs(estimate - jaccard(first, second)) < 0.2
    near = bands(pairs[0][0]), bands(pairs[0][1])
    assert any(a == b for a, b in zip(*near, strict=True))
    far = bands(pairs[2][0]), bands(pairs[2][1])
    assert not any(a == b for a, b in zip(*far, strict=True))


def _statement_json(db: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["statements", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    records: list[dict[str, object]] = json.loads(result.stdout)
    return records


def test_one_story_in_four_outlets_is_the_statements_of_one_copy(
    story_folder: Path, tmp_path: Path
) -> None:
    single = tmp_path / "single.db"
    api.ingest([story_folder / "outlet-2.txt"], single)
    alone = _statement_json(single)
    assert alone

    together = tmp_path / "together.db"
    result = CliRunner().invoke(app, ["ingest", str(story_folder), "--db", str(together)])
    assert result.exit_code == 0, result.output
    assert "copies 3;" in result.stderr
    records = _statement_json(together)
    assert len(records) == len(alone)
    assert sorted(r["content"] for r in records) == sorted(r["content"] for r in alone)
    with Ledger(together) as ledger:
        article_ids = {row.ref.id for row in ledger.articles()}
    assert len(article_ids) == len(OUTLETS)  # every outlet's article is stored
    for record in records:
        sources = record["sources"]
        assert isinstance(sources, list)
        assert {s["id"] for s in sources} == article_ids
        assert sources[0] == record["article"]

    again = CliRunner().invoke(app, ["ingest", str(story_folder), "--db", str(together)])
    assert "unchanged 4," in again.stderr and len(_statement_json(together)) == len(alone)
    api.reextract(together)  # a re-extraction leaves the copies without statements
    assert len(_statement_json(together)) == len(alone)


def test_a_position_is_confirmed_once_by_one_story(story_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    factbox.load_proposals(api.demo_proposals(), db)
    api.ingest([story_folder], db)
    report = factbox.positions("send-troops", db)
    czech = [p for p in report.positions if p.actor_id == "CZ"]
    assert czech and czech[0].stance == "opposes"
    for position in report.positions:
        quotes = [report.evidence[i] for i in position.evidence]
        assert len({q.stored.statement.content for q in quotes}) == len(quotes)
        for quote in quotes:
            assert len(quote.stored.copies) == len(OUTLETS) - 1


def test_a_different_story_on_the_same_events_keeps_its_statements(
    story_folder: Path, tmp_path: Path
) -> None:
    (story_folder / "paris.txt").write_text(
        "Macron keeps the door open\n\n" + "\n\n".join(OTHER_STORY) + "\n", encoding="utf-8"
    )
    db = tmp_path / "ledger.db"
    summary = api.ingest([story_folder], db)
    assert len(summary.copies) == len(OUTLETS) - 1
    assert any(s.article.key.endswith("paris.txt") for s in factbox.statements(db))


def test_a_copy_stored_in_an_earlier_run_is_found_in_the_ledger(
    story_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    api.ingest([story_folder / "outlet-0.txt"], db)
    summary = api.ingest([story_folder / "outlet-3.txt"], db)
    assert summary.copies == [str(story_folder / "outlet-3.txt")]
    with Ledger(db) as ledger:
        copy = ledger.copy_of(str((story_folder / "outlet-3.txt").resolve()))
    assert copy is not None and copy.key == str((story_folder / "outlet-0.txt").resolve())


def test_a_revision_is_not_a_copy_of_the_revision_before(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    item = SourceItem(name="wire", format="text", raw=copy_text(0), key="wire-1")
    api.ingest_items([item], db)
    revised = SourceItem(name="wire", format="text", raw=copy_text(1), key="wire-1")
    summary = api.ingest_items([revised], db)
    assert summary.revised == ["wire"] and not summary.copies


def test_a_ledger_of_schema_3_upgrades_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    Ledger(db).close()
    with sqlite3.connect(db) as conn:  # what a ledger of schema 3 had
        for table in ("feeds", "copies", "minhash_bands", "statement_vectors"):
            conn.execute(f"drop table {table}")
        conn.execute("update meta set value = '3' where name = 'schema_version'")
    api.ingest([api.demo_articles() / "01-paris-macron.txt"], db)
    with sqlite3.connect(db) as conn:
        version = conn.execute("select value from meta where name = 'schema_version'").fetchone()
        bands_stored = conn.execute("select count(*) from minhash_bands").fetchone()[0]
    assert int(version[0]) == SCHEMA_VERSION
    assert bands_stored == settings().bands
