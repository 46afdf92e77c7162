"""Reading inputs into ``SourceItem`` records and cleaning them into ``Article`` records."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from factbox.ingest import DEFAULT_MAX_BYTES
from factbox.ingest.articles import prepare_article
from factbox.ingest.decoding import NotText, decode_text
from factbox.ingest.feeds import read_feed
from factbox.ingest.formats import EXTENSION_FORMATS, guess_format
from factbox.ingest.jsonl import read_jsonl
from factbox.records import IngestFailure, IngestNote, SourceItem

ReadResult = SourceItem | IngestFailure | IngestNote
"""What reading yields: an item to ingest, an input that failed, or a note on one."""

__all__ = ["DEFAULT_MAX_BYTES", "prepare_article", "read_inputs"]

STDIN_NAME = "<stdin>"
STDIN_ARGUMENT = "-"


def describe_size(size: int) -> str:
    """'6.1 MB', '12.0 KB', '300 bytes' (binary units, as the limit is set in bytes)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def _over_limit(size_text: str, max_bytes: int) -> str:
    return f"{size_text}, over the {describe_size(max_bytes)} limit (set --max-bytes)"


def _items_from_bytes(data: bytes, name: str, suffix: str, key_base: str) -> Iterator[ReadResult]:
    try:
        decoded = decode_text(data)
    except NotText as problem:
        yield IngestFailure(name, str(problem))
        return
    if decoded.note is not None:
        yield IngestNote(name, decoded.note)
    text = decoded.text
    if not text.strip():
        yield IngestFailure(name, "empty file (only whitespace)")
        return
    guess = guess_format(suffix, text)
    if guess.format is None:
        yield IngestFailure(name, guess.problem or "unknown format")
    elif guess.format == "jsonl":
        yield from read_jsonl(text, name, key_base)
    elif guess.format == "feed":
        yield from read_feed(text, name, key_base)
    else:
        yield SourceItem(name=name, format=guess.format, raw=text, key=key_base)


def _read_file(path: Path, name: str, max_bytes: int) -> Iterator[ReadResult]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield IngestFailure(name, _over_limit(f"file is {describe_size(size)}", max_bytes))
            return
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a pipe or a growing file has no size to stat
        if len(data) > max_bytes:
            yield IngestFailure(name, _over_limit("file is larger", max_bytes))
            return
    except OSError as error:
        yield IngestFailure(name, f"cannot read: {(error.strerror or str(error)).lower()}")
        return
    if not data:
        yield IngestFailure(name, "empty file")
        return
    yield from _items_from_bytes(data, name, path.suffix, str(path.resolve()))


def _read_stdin(max_bytes: int) -> Iterator[ReadResult]:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield IngestFailure(STDIN_NAME, _over_limit("input is larger", max_bytes))
        return
    if not data:
        yield IngestFailure(STDIN_NAME, "empty input")
        return
    digest = hashlib.sha256(data).hexdigest()[:16]
    yield from _items_from_bytes(data, STDIN_NAME, "", f"{STDIN_NAME}:{digest}")


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _is_article_file(name: str) -> bool:
    """In a folder, read files with an article extension or none (skip README.md, images)."""
    suffix = Path(name).suffix.lower()
    return not _is_hidden(name) and (suffix == "" or suffix in EXTENSION_FORMATS)


def _leads_out(path: Path, inside: Path) -> bool:
    """Whether ``path`` is a link whose target is not under the folder ``inside``."""
    if not path.is_symlink():
        return False
    try:
        path.resolve(strict=True).relative_to(inside)
    except (OSError, RuntimeError, ValueError):  # dangling, a loop, or outside
        return True
    return False


def _folder_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """Article files under the folder (not inside hidden folders), sorted by relative path,
    and the links among them that lead out of the folder (not read).

    A file named on the command line is always read; inside a folder only files with an
    article extension (or none) are, so notes and images beside the articles are skipped.
    Links to folders are not followed; a link to a file is read only if the file is inside
    the folder, so a link cannot publish a file from elsewhere on the machine.
    """
    inside = folder.resolve()
    found: list[Path] = []
    for root, folder_names, file_names in os.walk(folder):
        folder_names[:] = sorted(name for name in folder_names if not _is_hidden(name))
        found.extend(Path(root, name) for name in file_names if _is_article_file(name))
    found.sort(key=lambda path: path.relative_to(folder).parts)
    outside = [path for path in found if _leads_out(path, inside)]
    return [path for path in found if path not in outside], outside


def read_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """Yield one ``SourceItem`` per article found, an ``IngestFailure`` per bad input, and an
    ``IngestNote`` for what the user should know (a link skipped, bytes replaced).

    Paths may be files, folders (walked recursively, sorted, hidden files skipped) or ``-``
    for stdin. Never raises for bad input: a bad file or JSONL line becomes a failure and
    reading goes on.
    """
    for given in paths:
        if given == STDIN_ARGUMENT:
            yield from _read_stdin(max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            files, outside = _folder_files(path)
            for link in outside:
                yield IngestNote(
                    str(Path(given, link.relative_to(path))),
                    "skipped: a link to a file outside the folder",
                )
            if not files and not outside:
                yield IngestFailure(
                    given, "folder has no article files to read (hidden files are skipped)"
                )
            for file in files:
                yield from _read_file(file, str(Path(given, file.relative_to(path))), max_bytes)
        elif path.exists():
            yield from _read_file(path, given, max_bytes)
        else:
            yield IngestFailure(given, "no such file or directory")
