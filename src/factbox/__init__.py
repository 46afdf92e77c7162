"""factbox: who said what, for whom, and when — from the articles themselves.

The way in is the service: ``with factbox.open("ledger.db") as fb: fb.ingest([...]);
fb.positions(slug)``; see :class:`factbox.service.Factbox`. The functions of
``factbox.api`` (``add_proposal``, ``statements``, ``positions``, ``decide``, ...) open it
for one call each. ``factbox.ingest`` is the ingest stage's package; the ingest function is
``Factbox.ingest`` (or ``factbox.api.ingest``).

The names below are imported on first use (``__getattr__``), not with the package: so the
``factbox`` command (``factbox.cli``) can set up how spaCy is imported before anything
imports it (``factbox.startup``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from factbox.startup import defer_spacy_cli, group_entry_points  # noqa: E402

defer_spacy_cli()  # before anything imports spaCy: see factbox.startup
group_entry_points()

if TYPE_CHECKING:
    from factbox.api import (
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
    from factbox.corrections import CorrectionRequest
    from factbox.service import Factbox, open
    from factbox.settings import Settings

_HOME = {
    "CorrectionRequest": "factbox.corrections",
    "Factbox": "factbox.service",
    "Settings": "factbox.settings",
    "add_proposal": "factbox.api",
    "articles": "factbox.api",
    "decide": "factbox.api",
    "load_proposals": "factbox.api",
    "make_proposal": "factbox.api",
    "open": "factbox.service",
    "positions": "factbox.api",
    "proposals": "factbox.api",
    "reextract": "factbox.api",
    "statements": "factbox.api",
}
"""Each name of ``__all__`` and the module it comes from."""

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


def __getattr__(name: str) -> Any:
    """A name of ``__all__``, imported from its module when first asked for."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'factbox' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
