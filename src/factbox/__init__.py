"""factbox: who said what, for whom, and when — from the articles themselves.

The way in is the service: ``with factbox.open("ledger.db") as fb: fb.ingest([...]);
fb.positions(slug)``; see :class:`factbox.service.Factbox`. The functions of
``factbox.api`` (``add_proposal``, ``statements``, ``positions``, ``decide``, ...) open it
for one call each. ``factbox.ingest`` is the ingest stage's package; the ingest function is
``Factbox.ingest`` (or ``factbox.api.ingest``).
"""

from __future__ import annotations

__version__ = "0.1.0"

from factbox.startup import defer_spacy_cli, group_entry_points  # noqa: E402

defer_spacy_cli()  # before anything imports spaCy: see factbox.startup
group_entry_points()

from factbox.api import (  # noqa: E402
    add_proposal,
    articles,
    decide,
    load_proposals,
    make_proposal,
    positions,
    proposals,
    reextract,
    statements,
)
from factbox.corrections import CorrectionRequest  # noqa: E402
from factbox.service import Factbox, open  # noqa: E402
from factbox.settings import Settings  # noqa: E402

__all__ = [
    "CorrectionRequest",
    "Factbox",
    "Settings",
    "__version__",
    "add_proposal",
    "articles",
    "decide",
    "load_proposals",
    "make_proposal",
    "open",
    "positions",
    "proposals",
    "reextract",
    "statements",
]
