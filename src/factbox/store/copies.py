"""Syndicated copies in the ledger: the MinHash bands of every article with statements of its
own, and which stored articles are copies of which (``factbox.syndication`` decides).

A copy is an article row like any other (its text, title, outlet, URL), with no statements;
the statements of the article it copies list it among their sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from factbox.leads import first_sentence
from factbox.records import ArticleRef
from factbox.store.chunks import chunks
from factbox.store.schema import articles, copies, minhash_bands


@dataclass(frozen=True, slots=True)
class CopyOf:
    """The article (by key) a syndicated copy repeats, and how alike their texts are
    (Jaccard similarity of word shingles, 0..1)."""

    key: str
    similarity: float


def remember_copy(conn: Connection, key: str, copy_of: CopyOf | None, bands: Sequence[int]) -> None:
    """Record, for a new revision of ``key``, whether it is a copy and else its bands (a
    revision replaces what the one before it had)."""
    conn.execute(copies.delete().where(copies.c.key == key))
    conn.execute(minhash_bands.delete().where(minhash_bands.c.key == key))
    if copy_of is not None:
        conn.execute(
            copies.insert().values(key=key, of_key=copy_of.key, similarity=copy_of.similarity)
        )
    elif bands:
        conn.execute(
            minhash_bands.insert(),
            [{"band": band, "bucket": bucket, "key": key} for band, bucket in enumerate(bands)],
        )


def article_ref(row: Any, opening: str | None = None) -> ArticleRef:
    """The article reference of a row of ``articles``; an untitled one's lead is the first
    sentence of ``opening`` (the start of its body; default: the row's body)."""
    return ArticleRef(
        id=row.id,
        key=row.key,
        revision=row.revision,
        title=row.title,
        url=row.url,
        published=row.published,
        source_name=row.source_name,
        lead=None if row.title else first_sentence(row.body if opening is None else opening),
    )


class CopyTables:
    """Looking up copies and candidates (mixed into ``Ledger``)."""

    engine: Engine

    def sharing_bands(self, bands: Sequence[int]) -> dict[str, int]:
        """Keys of stored articles that share a bucket with ``bands``, with how many they
        share."""
        if not bands:
            return {}
        where = sa.or_(
            *(
                sa.and_(minhash_bands.c.band == band, minhash_bands.c.bucket == bucket)
                for band, bucket in enumerate(bands)
            )
        )
        query = (
            sa.select(minhash_bands.c.key, sa.func.count().label("n"))
            .where(where)
            .group_by(minhash_bands.c.key)
        )
        with self.engine.connect() as conn:
            return {row.key: int(row.n) for row in conn.execute(query)}

    def current_bodies(self, keys: Iterable[str]) -> dict[str, str]:
        """The body of the current revision of each of ``keys`` that is stored."""
        wanted = sorted(set(keys))
        if not wanted:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(articles.c.key, articles.c.body).where(
                    articles.c.key.in_(wanted), articles.c.is_current.is_(True)
                )
            )
            return {row.key: row.body for row in rows}

    def copy_of(self, key: str) -> CopyOf | None:
        """What the article ``key`` is a copy of, if it is one."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(copies).where(copies.c.key == key)).first()
        return CopyOf(row.of_key, row.similarity) if row is not None else None

    def copy_keys(self) -> set[str]:
        """The keys of every article stored as a syndicated copy."""
        with self.engine.connect() as conn:
            return set(conn.execute(sa.select(copies.c.key)).scalars())

    def copies_of(self, keys: Iterable[str]) -> dict[str, list[ArticleRef]]:
        """For each of ``keys``, the current revisions of the articles that copy it, in the
        order they were stored."""
        wanted = sorted(set(keys))
        found: dict[str, list[ArticleRef]] = {}
        if not wanted:
            return found
        with self.engine.connect() as conn:
            for chunk in chunks(wanted):
                rows = conn.execute(
                    sa.select(copies.c.of_key, articles)
                    .join(articles, articles.c.key == copies.c.key)
                    .where(
                        copies.c.of_key.in_(chunk),
                        articles.c.is_current.is_(True),
                    )
                    .order_by(articles.c.id)
                )
                for row in rows:
                    found.setdefault(row.of_key, []).append(article_ref(row))
        return found
