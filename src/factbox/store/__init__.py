"""The ledger (SQLite by default; any SQLAlchemy URL)."""

from factbox.store.ledger import (
    ArticleRow,
    Ledger,
    PeopleDirectory,
    SaveOutcome,
    database_url,
    default_db,
)

__all__ = ["ArticleRow", "Ledger", "PeopleDirectory", "SaveOutcome", "database_url", "default_db"]
