"""What ``factbox watch`` keeps of each feed between polls (the ``feeds`` table)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from factbox.store.schema import feeds


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed's validators from its last successful answer, and the failures since."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    checked_at: dt.datetime | None = None
    failures: int = 0


class FeedTables:
    """Reading and writing feed state (mixed into ``Ledger``)."""

    engine: Engine

    def feed_state(self, url: str) -> FeedState:
        """What is remembered of ``url`` (a fresh state for a feed never polled)."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(feeds).where(feeds.c.url == url)).first()
        if row is None:
            return FeedState(url)
        return FeedState(url, row.etag, row.last_modified, row.checked_at, row.failures)

    def save_feed_state(self, state: FeedState) -> None:
        values = {
            "etag": state.etag,
            "last_modified": state.last_modified,
            "checked_at": state.checked_at,
            "failures": state.failures,
        }
        with self.engine.begin() as conn:
            updated = conn.execute(feeds.update().where(feeds.c.url == state.url).values(values))
            if not updated.rowcount:
                conn.execute(feeds.insert().values(url=state.url, **values))
