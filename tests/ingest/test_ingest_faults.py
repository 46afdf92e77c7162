"""Inputs that used to break ingest or slip through it: bodies too long for the parser,
damaged UTF-8, links out of the input folder, the same text under two names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from factbox import api, pipeline
from factbox.extract.nlp import load_nlp
from factbox.ingest import prepare_article, read_inputs
from factbox.ingest.parts import body_parts
from factbox.records import IngestFailure, IngestNote, SourceItem
from factbox.store import Ledger

PARAGRAPHS = [
    "BRUSSELS (Factbox Wire) - The Czech prime minister, Petr Fiala, said on Monday that his "
    "government was not considering sending soldiers to Ukraine.",
    '"We will keep sending ammunition and money," Fiala told reporters.',
    "The Polish prime minister, Donald Tusk, said Poland would not send troops either.",
    '"There will be no Polish boots on the ground," Tusk said in Warsaw.',
    "Officials in Brussels said the question would return at the summit in June.",
]


def long_story(repeats: int) -> str:
    body = "\n\n".join(
        f"{paragraph} (part {n})" for n in range(repeats) for paragraph in PARAGRAPHS
    )
    return f"Leaders reject ground troops\nTuesday, 27 February 2024\n\n{body}\n"


# -- parts ---------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    paragraphs=st.lists(st.text(min_size=0, max_size=80), min_size=1, max_size=30),
    limit=st.integers(min_value=1, max_value=200),
)
def test_parts_cover_the_body_in_order_within_the_limit(paragraphs: list[str], limit: int) -> None:
    body = "\n\n".join(paragraphs)
    parts = body_parts(body, limit)
    assert "".join(text for _, text in parts) == body
    for offset, text in parts:
        assert body[offset : offset + len(text)] == text
        assert len(text) <= limit


def test_parts_end_at_paragraph_breaks_when_paragraphs_fit() -> None:
    body = "\n\n".join(PARAGRAPHS * 4)
    parts = body_parts(body, 400)
    assert len(parts) > 1
    for _, text in parts[:-1]:
        assert text.endswith("\n\n")


# -- an article longer than the parser takes ------------------------------------------------


def test_an_article_over_the_parsers_max_length_is_stored_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """spaCy refuses texts over ``nlp.max_length`` (E088): the article is parsed in parts
    and stored as one, with every span pointing into its one body; the rest is stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    story = long_story(12)
    (folder / "long.txt").write_text(story, encoding="utf-8")
    (folder / "short.txt").write_text(long_story(1).replace("part 0", "short"), encoding="utf-8")

    def small_nlp(name: str | None = None) -> Language:
        nlp = load_nlp(name)
        monkeypatch.setattr(nlp, "max_length", 2000)  # the parser is shared: undone after
        return nlp

    monkeypatch.setattr(pipeline, "load_nlp", small_nlp)
    db = tmp_path / "ledger.db"
    summary = api.ingest([folder], db)
    assert summary.ok, summary.failed
    assert sorted(Path(name).name for name in summary.ingested) == ["long.txt", "short.txt"]
    assert any("parsed in" in note.note for note in summary.notes)
    rows = {Path(row.ref.source_name).name: row for row in api.articles(db)}
    long_row = rows["long.txt"]
    with Ledger(db) as ledger:
        body = ledger.article_body(long_row.ref.id)
    assert len(body) > 2000
    found = api.statements(db, article=str(long_row.ref.id))
    # Statements from the last parts too, each span pointing at its own words in the body.
    assert max(s.statement.span[0] for s in found) > len(body) - 1000
    for stored in found:
        start, end = stored.statement.content_span
        assert body[start:end] == stored.statement.content
        for speaker in stored.statement.speakers:
            if speaker.span is not None:
                assert body[speaker.span[0] : speaker.span[1]] == speaker.text


def test_parts_find_the_statements_one_parse_finds(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(long_story(3), encoding="utf-8")
    whole = api.ingest([story], tmp_path / "whole.db")
    split = api.ingest([story], tmp_path / "split.db", part_chars=500)
    assert whole.ok and split.ok
    assert any("parsed in" in note.note for note in split.notes)

    def found(db: Path) -> list[tuple[tuple[int, int], str]]:
        return [(s.statement.content_span, s.statement.content) for s in api.statements(db)]

    assert found(tmp_path / "split.db") == found(tmp_path / "whole.db")


# -- bytes that are not UTF-8 --------------------------------------------------------------


def test_damaged_utf8_is_replaced_and_reported_not_read_as_another_script(
    tmp_path: Path,
) -> None:
    text = "Le président a déclaré que la France était prête à aider l'Ukraine.\n"
    path = tmp_path / "damaged.txt"
    path.write_bytes(text.encode() * 3 + b"Une phrase coup\xe9e.\n")
    results = list(read_inputs([str(path)]))
    [item] = [r for r in results if isinstance(r, SourceItem)]
    [note] = [r for r in results if isinstance(r, IngestNote)]
    assert item.raw.startswith(text) and "coup\ufffde." in item.raw
    assert note.name == str(path) and "1 invalid UTF-8 byte sequence replaced" in note.note


def test_a_guessed_encoding_is_named_in_a_note(tmp_path: Path) -> None:
    path = tmp_path / "bytes.txt"
    path.write_bytes(b"Hello \xc1\xc2\xc3 world \xd0\xd1\xd2 said the minister.\n")
    results = list(read_inputs([str(path)]))
    notes = [r for r in results if isinstance(r, IngestNote)]
    assert len(notes) == 1 and "not UTF-8; read as" in notes[0].note


# -- links out of the folder ----------------------------------------------------------------


def test_a_link_to_a_file_outside_the_folder_is_skipped_with_a_note(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(long_story(1), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(long_story(1).replace("part 0", "own"), encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "story.txt")
    results = list(read_inputs([str(folder)]))
    items = [r for r in results if isinstance(r, SourceItem)]
    notes = [r for r in results if isinstance(r, IngestNote)]
    assert all(r.key != str(secret.resolve()) for r in items)
    assert [Path(n.name).name for n in notes] == ["leak.txt"]
    assert "outside the folder" in notes[0].note
    assert sorted(Path(i.name).name for i in items) == ["inside.txt", "story.txt"]
    assert not [r for r in results if isinstance(r, IngestFailure)]


def test_a_dangling_link_is_skipped_with_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(tmp_path / "gone.txt", folder / "gone.txt")
    results = list(read_inputs([str(folder)]))
    assert [type(r) for r in results] == [IngestNote]


# -- the same text under another name ------------------------------------------------------


def test_the_same_text_under_another_path_is_the_same_article(tmp_path: Path) -> None:
    story = long_story(1)
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(story, encoding="utf-8")
    (tmp_path / "a" / "copy.txt").write_text(story, encoding="utf-8")
    db = tmp_path / "ledger.db"
    first = api.ingest([tmp_path / "a"], db)
    second = api.ingest([tmp_path / "b"], db)
    assert len(first.ingested) == 1 and len(first.unchanged) == 1
    assert second.ingested == [] and len(second.unchanged) == 1
    assert any("same text as" in note.note for note in first.notes)
    assert any("same text as article" in note.note for note in second.notes)
    assert len(api.articles(db)) == 1
    assert len({s.statement.content_span for s in api.statements(db)}) == len(
        api.statements(db)
    )


# -- inputs bench/fuzz.py found crashing the readers ----------------------------------------


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (b"<p>The minister said it was fine.</p><![CDAongs x]]><p>More words.</p>", ".html"),
        (b'{"text": ' + b"[" * 100_000 + b"\n", ".jsonl"),
        (b'{"a": ' + b"[" * 100_000 + b"\n", ""),
        (
            b"<rss version='2.0'><channel><item><title>T</title><description>The minister "
            b"said &#x110000; it was fine.</description></item></channel></rss>",
            ".xml",
        ),
    ],
)
def test_inputs_the_fuzzer_found_are_read_or_refused(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for result in read_inputs([str(path)]):
        if isinstance(result, SourceItem):
            assert prepare_article(result).body
