"""Ingest: read inputs (text, HTML, JSONL, feeds, folders, stdin) into clean articles.

The readers (``read_inputs``, ``prepare_article``) are imported on first use: a command
that reads no input (``factbox proposal add``, the listings) does not import the HTML
cleaning, the feed parser and the charset detection (about 0.07 s of CPU).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factbox.ingest.readers import prepare_article, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "prepare_article", "read_inputs"]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
"""The largest input read (bytes); ``--max-bytes`` sets another."""


def __getattr__(name: str) -> Any:
    if name in ("prepare_article", "read_inputs"):
        from factbox.ingest import readers

        return getattr(readers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
