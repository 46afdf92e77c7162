"""factbox: who said what, for whom, and when — from the articles themselves.

The Python API mirrors the command line: ``factbox.ingest(paths, db)``,
``factbox.statements(db)``, ``factbox.articles(db)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["articles", "ingest", "statements", "__version__"]

if TYPE_CHECKING:
    from factbox.api import articles, ingest, statements


def __getattr__(name: str) -> Any:
    # The API pulls in spaCy; import it only when it is used.
    if name in ("articles", "ingest", "statements"):
        from factbox import api

        return getattr(api, name)
    raise AttributeError(f"module 'factbox' has no attribute {name!r}")
