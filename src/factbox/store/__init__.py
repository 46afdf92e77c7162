"""The ledger (SQLite by default; any SQLAlchemy URL)."""

from factbox.store.ledger import (
    ArticleRow,
    Ledger,
    PeopleDirectory,
    SaveOutcome,
    database_url,
    default_db,
)

# The web tables (reports, editors, sessions) live on the same metadata: importing them here
# means every ledger opened through this package creates and migrates them too.
from factbox.store import reports  # noqa: E402,F401

__all__ = ["ArticleRow", "Ledger", "PeopleDirectory", "SaveOutcome", "database_url", "default_db"]
