"""What the operator tells factbox, read once at the edges (command-line options and the
environment) and passed down: the ledger, the spaCy pipeline, folders of body files.

Nothing below the edges reads the environment; the web server's own settings
(``FACTBOX_WEB_*``) are ``factbox.web.WebSettings``, read at the same edge.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

DB_ENV = "FACTBOX_DB"
MODEL_ENV = "FACTBOX_MODEL"
BODIES_ENV = "FACTBOX_BODIES"
DEFAULT_DB = "factbox.db"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB
    """The ledger: a SQLite file or a SQLAlchemy URL."""
    model: str | None = None
    """The spaCy pipeline (a package or a path); None for the first installed default."""
    bodies: tuple[Path, ...] = ()
    """Folders of body files read after the shipped ones (later folders win)."""

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        db: str | Path | None = None,
        model: str | None = None,
    ) -> Settings:
        """Settings from ``FACTBOX_DB``, ``FACTBOX_MODEL`` and ``FACTBOX_BODIES`` (folders
        separated by ``os.pathsep``); ``db`` and ``model`` given here win."""
        env = os.environ if environ is None else environ
        folders = tuple(Path(p) for p in env.get(BODIES_ENV, "").split(os.pathsep) if p)
        return cls(
            db=str(db) if db is not None else env.get(DB_ENV) or DEFAULT_DB,
            model=model or env.get(MODEL_ENV) or None,
            bodies=folders,
        )

    def with_db(self, db: str | Path) -> Settings:
        return replace(self, db=str(db))
