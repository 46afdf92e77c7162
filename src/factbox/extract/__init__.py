"""Extraction: attributed statements from a parsed article."""

from factbox.extract.pipeline import Extraction, extract_article, extract_statements

__all__ = ["Extraction", "extract_article", "extract_statements"]
