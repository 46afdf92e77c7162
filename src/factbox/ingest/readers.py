"""Reading inputs into ``SourceItem`` records and cleaning them into ``Article`` records."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factbox.records import Article, IngestFailure, SourceItem

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def read_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[SourceItem | IngestFailure]:
    """Yield one ``SourceItem`` per article found, or an ``IngestFailure`` per bad input.

    Paths may be files, folders (walked recursively, sorted) or ``-`` for stdin.
    Never raises for bad input: a bad file or JSONL line becomes a failure and reading goes on.
    """
    raise NotImplementedError


def prepare_article(item: SourceItem) -> Article:
    """Clean an item: title, dateline, place/byline and boilerplate out of the body.

    Raises ``InputError`` (e.g. HTML with no article body).
    """
    raise NotImplementedError
