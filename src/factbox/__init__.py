"""factbox: who said what, for whom, and when — from the articles themselves.

The Python API mirrors the command line: ``factbox.ingest(paths, db)``,
``factbox.statements(db)``, ``factbox.articles(db)``.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Binding the API functions after the stage packages are imported makes ``factbox.ingest``
# the function (the stage package stays importable as ``factbox.ingest.<module>``).
from factbox.api import articles, ingest, statements  # noqa: E402

__all__ = ["__version__", "articles", "ingest", "statements"]
