"""Statement vectors in the ledger (table ``statement_vectors``).

A vector is stored as ``dim`` little-endian float16 values (768 bytes for 384 dimensions):
half the size of float32, and the cosines a search computes from them differ from float32's
by less than 0.001, far below any threshold's resolution. Reading all current statements'
vectors is one query; the search itself is a matrix product in numpy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from factbox.store.chunks import chunks
from factbox.store.schema import articles, statement_vectors, statements

STORED_DTYPE = np.dtype("<f2")


@dataclass(frozen=True, slots=True)
class StoredVectors:
    """Current statements' vectors: row ``i`` of ``matrix`` belongs to ``ids[i]``."""

    ids: npt.NDArray[np.int64]
    matrix: npt.NDArray[np.float32]

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class EncodedStatements:
    """Vectors of an article's statements, in statement order, from encoder ``model``."""

    model: str
    matrix: npt.NDArray[np.float32]


def vector_rows(
    ids: Sequence[int], matrix: npt.NDArray[np.float32], model: str
) -> list[dict[str, object]]:
    if len(ids) != len(matrix):
        raise ValueError("one vector per statement id")
    packed = np.ascontiguousarray(matrix, dtype=STORED_DTYPE)
    return [
        {"statement_id": statement_id, "model": model, "dim": packed.shape[1], "vector": row}
        for statement_id, row in zip(ids, (r.tobytes() for r in packed), strict=True)
    ]


def insert_vectors(
    conn: Connection, ids: Sequence[int], matrix: npt.NDArray[np.float32], model: str
) -> int:
    """Store (or replace) the vectors of these statements."""
    rows = vector_rows(ids, matrix, model)
    if not rows:
        return 0
    for chunk in chunks(ids):
        conn.execute(statement_vectors.delete().where(statement_vectors.c.statement_id.in_(chunk)))
    conn.execute(statement_vectors.insert(), rows)
    return len(rows)


class VectorTables:
    """The ledger's statement vectors (mixed into ``Ledger``)."""

    engine: Engine

    def save_vectors(self, ids: Sequence[int], matrix: npt.NDArray[np.float32], model: str) -> int:
        with self.engine.begin() as conn:
            return insert_vectors(conn, ids, matrix, model)

    def vectors(self, model: str, dim: int) -> StoredVectors:
        """The vectors of every current statement that has one from ``model``."""
        query = (
            sa.select(statement_vectors.c.statement_id, statement_vectors.c.vector)
            .join(statements, statements.c.id == statement_vectors.c.statement_id)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(
                articles.c.is_current.is_(True),
                statement_vectors.c.model == model,
                statement_vectors.c.dim == dim,
            )
            .order_by(statement_vectors.c.statement_id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        if not rows:
            return StoredVectors(ids, np.zeros((0, dim), dtype=np.float32))
        packed = np.frombuffer(b"".join(row[1] for row in rows), dtype=STORED_DTYPE)
        return StoredVectors(ids, packed.reshape(len(rows), dim).astype(np.float32))

    def statements_without_vectors(self, model: str, dim: int) -> list[int]:
        """Ids of current statements with no vector from ``model`` (an older ledger's)."""
        has = sa.select(statement_vectors.c.statement_id).where(
            statement_vectors.c.model == model, statement_vectors.c.dim == dim
        )
        query = (
            sa.select(statements.c.id)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(articles.c.is_current.is_(True), statements.c.id.not_in(has))
            .order_by(statements.c.id)
        )
        with self.engine.connect() as conn:
            return [int(row_id) for row_id in conn.execute(query).scalars()]
