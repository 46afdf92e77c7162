"""Ingest: read inputs (text, HTML, JSONL, feeds, folders, stdin) into clean articles."""

from factbox.ingest.readers import DEFAULT_MAX_BYTES, prepare_article, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "prepare_article", "read_inputs"]
