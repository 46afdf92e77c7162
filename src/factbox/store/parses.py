"""Article parses in the ledger (table ``article_parses``).

Extraction parses every article; the parse is kept (as bytes: ``factbox.extract.parses``
makes and reads them, this module only stores them) so that judging the stored statements
against a proposal added later reads it instead of running the parser again. An article
parsed in parts (``ingest.parts``) has one row per part. A parse made by another pipeline
than the one judging counts as none: those articles are parsed again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from factbox.store.chunks import chunks
from factbox.store.schema import article_parses


@dataclass(frozen=True, slots=True)
class StoredParse:
    """The parse of ``body[start:end]`` of an article, made by pipeline ``model``."""

    start: int
    end: int
    model: str
    data: bytes

    def holds(self, span: tuple[int, int]) -> bool:
        """Whether a span of the body lies inside this part."""
        return self.start <= span[0] and span[1] <= self.end


def insert_parses(conn: Connection, article_id: int, parses: Sequence[StoredParse]) -> None:
    """Store (or replace) the parses of article revision ``article_id``."""
    conn.execute(article_parses.delete().where(article_parses.c.article_id == article_id))
    if parses:
        conn.execute(
            article_parses.insert(),
            [
                {
                    "article_id": article_id,
                    "part_start": p.start,
                    "part_end": p.end,
                    "model": p.model,
                    "parse": p.data,
                }
                for p in parses
            ],
        )


class ParseTables:
    """The ledger's article parses (mixed into ``Ledger``)."""

    engine: Engine

    def save_parses(self, article_id: int, parses: Sequence[StoredParse]) -> None:
        with self.engine.begin() as conn:
            insert_parses(conn, article_id, parses)

    def article_parses(
        self, article_ids: Iterable[int], model: str
    ) -> dict[int, list[StoredParse]]:
        """The parses by ``model`` of these article revisions, each article's in body order;
        an article with none is left out."""
        wanted = sorted(set(article_ids))
        found: dict[int, list[StoredParse]] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(wanted):
                query = (
                    sa.select(article_parses)
                    .where(
                        article_parses.c.article_id.in_(chunk),
                        article_parses.c.model == model,
                    )
                    .order_by(article_parses.c.article_id, article_parses.c.part_start)
                )
                for row in conn.execute(query):
                    found.setdefault(row.article_id, []).append(
                        StoredParse(row.part_start, row.part_end, row.model, bytes(row.parse))
                    )
        return found
