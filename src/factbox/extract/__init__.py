"""Extraction: attributed statements from a parsed article."""

from factbox.extract.pipeline import extract_statements

__all__ = ["extract_statements"]
