"""factbox: who said what, for whom, and when — from the articles themselves.

The Python API mirrors the command line: ``factbox.ingest(paths, db)``,
``factbox.reextract(db)``, ``factbox.statements(db)``, ``factbox.articles(db)``,
``factbox.add_proposal(...)``, ``factbox.positions(slug, db)``, ``factbox.decide(slug, body, db)``.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Binding the API functions after the stage packages are imported makes ``factbox.ingest``
# the function (the stage package stays importable as ``factbox.ingest.<module>``).
from factbox.api import (  # noqa: E402
    add_proposal,
    articles,
    decide,
    ingest,
    load_proposals,
    make_proposal,
    positions,
    proposals,
    reextract,
    statements,
)

__all__ = [
    "__version__",
    "add_proposal",
    "articles",
    "decide",
    "ingest",
    "load_proposals",
    "make_proposal",
    "positions",
    "proposals",
    "reextract",
    "statements",
]
