"""Reading inputs: files, folders, stdin, encodings, and every kind of bad input."""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import pytest

from factbox.ingest import DEFAULT_MAX_BYTES, prepare_article, read_inputs
from factbox.records import IngestFailure, IngestNote, SourceItem


def results_for(*paths: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[object]:
    return list(read_inputs([str(p) for p in paths], max_bytes=max_bytes))


def only_failure(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestFailure:
    results = results_for(path, max_bytes=max_bytes)
    assert len(results) == 1
    failure = results[0]
    assert isinstance(failure, IngestFailure), failure
    assert failure.name == str(path)
    return failure


def only_item(path: Path) -> SourceItem:
    results = [r for r in results_for(path) if not isinstance(r, IngestNote)]
    assert len(results) == 1
    item = results[0]
    assert isinstance(item, SourceItem), item
    return item


STORY = "Ministers meet on aid\n\nMinisters met in Rome on Tuesday and agreed to meet again.\n"


# --- bad inputs -------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    failure = only_failure(tmp_path / "nowhere.txt")
    assert failure.reason == "no such file or directory"


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\t\n  \r\n")
    assert only_failure(empty).reason == "empty file"
    assert only_failure(blank).reason == "empty file (only whitespace)"


def test_file_over_the_size_cap_names_both_sizes(tmp_path: Path) -> None:
    big = tmp_path / "archive.txt"
    with big.open("wb") as handle:
        handle.truncate(int(6.1 * 1024 * 1024))
    failure = only_failure(big)
    assert failure.reason == "file is 6.1 MB, over the 5.0 MB limit (set --max-bytes)"


def test_size_cap_can_be_set(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY * 40, encoding="utf-8")
    size = story.stat().st_size
    assert size > 2048
    failure = only_failure(story, max_bytes=1024)
    assert failure.reason == (
        f"file is {size / 1024:.1f} KB, over the 1.0 KB limit (set --max-bytes)"
    )
    assert isinstance(results_for(story, max_bytes=size)[0], SourceItem)


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    assert only_failure(image).reason == "binary data (contains NUL bytes), not text"


def test_undecodable_bytes(tmp_path: Path) -> None:
    noise = tmp_path / "noise.txt"
    generator = random.Random(7)
    noise.write_bytes(bytes(generator.randrange(0x80, 0x100) for _ in range(3000)))
    assert only_failure(noise).reason == "not UTF-8, and no plausible text encoding detected"


def test_control_characters_are_binary(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    generator = random.Random(3)
    dump.write_bytes(bytes(generator.randrange(1, 0x20) for _ in range(500)))
    assert only_failure(dump).reason == "binary data (control characters), not text"


# --- encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "cp1252",
            "Ministers’ “café” talks – Tuesday\n\nThe minister said the café in Liège "
            "would host the next round of talks in déjà-vu fashion.",
        ),
        (
            "latin-1",
            "Réunion à Genève\n\nLe ministre a déclaré que la réunion à Genève était "
            "très importante pour l'été.",
        ),
        (
            "cp1251",
            "Міністри зустрілися в Києві\n\nМіністр закордонних справ України заявив "
            "у вівторок, що коаліція знову збереться в Києві.",
        ),
        (
            "cp1250",
            "Ministrowie spotkali się w Łodzi\n\nMinister spraw zagranicznych powiedział "
            "we wtorek, że Polska nie zgodzi się na żadne ustępstwa.",
        ),
        ("cp1250", "Ministr zahraničí v úterý řekl, že Česko pošle Ukrajině další munici."),
        (
            "cp1250",
            "A külügyminiszter kedden azt mondta, hogy Magyarország nem támogatja a "
            "közös nyilatkozatot.",
        ),
        ("koi8_u", "Міністр заявив у вівторок, що коаліція знову збереться в Києві."),
    ],
)
def test_legacy_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / f"story-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    assert only_item(path).raw == text
    [note] = [r for r in results_for(path) if isinstance(r, IngestNote)]
    assert note.name == str(path) and note.note.startswith("not UTF-8; read as ")


def test_html_meta_charset_is_used(tmp_path: Path) -> None:
    page = tmp_path / "lodz.html"
    text = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">'
        "<title>Łódź</title></head><body><p>Zażółć gęślą jaźń.</p></body></html>"
    )
    page.write_bytes(text.encode("iso-8859-2"))
    assert only_item(page).raw == text


def test_byte_order_marks(tmp_path: Path) -> None:
    utf8 = tmp_path / "bom8.txt"
    utf8.write_bytes(b"\xef\xbb\xbf" + STORY.encode("utf-8"))
    utf16 = tmp_path / "bom16.txt"
    utf16.write_bytes(STORY.encode("utf-16"))
    assert only_item(utf8).raw == STORY
    assert only_item(utf16).raw == STORY


# --- files, folders, stdin ----------------------------------------------------------------


def test_text_file_item_is_keyed_by_its_resolved_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "story").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    item = only_item(Path("story"))
    assert item.name == "story"
    assert item.key == str((tmp_path / "story").resolve())
    assert item.format == "text"


def test_folder_is_walked_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "a" / "d").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "b.txt").write_text(STORY, encoding="utf-8")
    (root / "a" / "c.txt").write_text(STORY, encoding="utf-8")
    (root / "a" / "d" / "e.html").write_text(
        "<p>ROME (ANSA) - Ministers met.</p>", encoding="utf-8"
    )
    (root / "a" / ".draft.txt").write_text(STORY, encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text(STORY, encoding="utf-8")
    (root / "z.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    names = [r.name for r in results_for(root)]
    assert names == [
        str(root / "a" / "c.txt"),
        str(root / "a" / "d" / "e.html"),
        str(root / "b.txt"),
        f"{root / 'z.jsonl'}:1",
        f"{root / 'z.jsonl'}:2",
    ]


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / ".keep").write_text("", encoding="utf-8")
    failure = only_failure(folder)
    assert failure.reason == "folder has no article files to read (hidden files are skipped)"


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    results = results_for(tmp_path / "missing.txt", good)
    assert [type(r).__name__ for r in results] == ["IngestFailure", "SourceItem"]


def stdin_with(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_stdin_text_is_keyed_by_its_content(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_with(monkeypatch, STORY.encode("utf-8"))
    (first,) = read_inputs(["-"])
    stdin_with(monkeypatch, STORY.encode("utf-8"))
    (again,) = read_inputs(["-"])
    stdin_with(monkeypatch, STORY.replace("Rome", "Oslo").encode("utf-8"))
    (other,) = read_inputs(["-"])
    assert isinstance(first, SourceItem) and isinstance(again, SourceItem)
    assert isinstance(other, SourceItem)
    assert first.name == "<stdin>"
    assert first.key.startswith("<stdin>:")
    assert first.key == again.key
    assert first.key != other.key
    article = prepare_article(first)
    assert article.title == "Ministers meet on aid"
    assert article.body == "Ministers met in Rome on Tuesday and agreed to meet again."


def test_stdin_jsonl_lines_are_named_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_with(monkeypatch, b'{"id": "s1", "text": "One."}\n\n[1]\n')
    results = list(read_inputs(["-"]))
    assert [(r.name, type(r).__name__) for r in results] == [
        ("<stdin>:1", "SourceItem"),
        ("<stdin>:3", "IngestFailure"),
    ]


def test_stdin_over_the_cap_and_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin_with(monkeypatch, STORY.encode("utf-8") * 100)
    (too_big,) = read_inputs(["-"], max_bytes=2048)
    assert isinstance(too_big, IngestFailure)
    assert too_big.name == "<stdin>"
    assert too_big.reason == "input is larger, over the 2.0 KB limit (set --max-bytes)"
    stdin_with(monkeypatch, b"")
    (empty,) = read_inputs(["-"])
    assert isinstance(empty, IngestFailure)
    assert empty.reason == "empty input"


def test_html_sniffed_in_a_file_without_extension(tmp_path: Path) -> None:
    page = tmp_path / "saved-page"
    page.write_text("<!doctype html><html><body><p>x</p></body></html>", encoding="utf-8")
    assert only_item(page).format == "html"


def test_folder_skips_notes_beside_articles(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    folder.mkdir()
    (folder / "README.md").write_text("# Notes on this folder\n\nNot an article.\n")
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "story.txt").write_text("Fiala rules out troops\n\nPetr Fiala said no.\n")
    names = [item.name for item in read_inputs([str(folder)])]
    assert names == [str(folder / "story.txt")]
