"""Extraction: attributed statements from a parsed article.

``extract_article`` and ``extract_statements`` (``factbox.extract.pipeline``) are imported
on first use, so a module that needs one part of extraction (``factbox.extract.actors``, as
stance does) does not import all of it: the rest is about 0.05 s of CPU that judging a
proposal never uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factbox.extract.pipeline import extract_article, extract_statements
    from factbox.records import Extraction

__all__ = ["Extraction", "extract_article", "extract_statements"]


def __getattr__(name: str) -> Any:
    if name in ("extract_article", "extract_statements"):
        from factbox.extract import pipeline

        return getattr(pipeline, name)
    if name == "Extraction":
        from factbox.records import Extraction

        return Extraction
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
