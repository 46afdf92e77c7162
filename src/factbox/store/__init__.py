"""The ledger (SQLite by default; any SQLAlchemy URL)."""

# The web tables (reports, editors, sessions) live on the same metadata: importing them here
# means every ledger opened through this package creates and migrates them too.
from factbox.store import reports  # noqa: F401
from factbox.store.ledger import (
    ArticleRow,
    Ledger,
    PeopleDirectory,
    SaveOutcome,
    database_url,
    default_db,
)

__all__ = ["ArticleRow", "Ledger", "PeopleDirectory", "SaveOutcome", "database_url", "default_db"]
