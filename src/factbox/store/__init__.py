"""The ledger (SQLite by default; any SQLAlchemy URL). Only the service (``factbox.service``)
uses it; nothing above the service imports this package."""

from factbox.store.ledger import (
    ArticleRow,
    Ledger,
    PeopleDirectory,
    SaveOutcome,
    database_url,
)

__all__ = ["ArticleRow", "Ledger", "PeopleDirectory", "SaveOutcome", "database_url"]
