"""Extraction: attributed statements from a parsed article."""

from factbox.extract.pipeline import extract_article, extract_statements
from factbox.records import Extraction

__all__ = ["Extraction", "extract_article", "extract_statements"]
