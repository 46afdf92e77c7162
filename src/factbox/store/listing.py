"""The ledger's listings, a page at a time (orders and cursors: ``factbox.paging``).

Each page is one query that walks an index from the cursor's key and stops after ``limit``
rows, so its cost does not grow with the ledger or with how deep the page is:

- articles: ``ix_articles_listing`` (``is_current``, ``published``, ``id``), dated rows
  first, then undated ones, each read backwards from the cursor; the statement counts are
  one grouped query over the page's ids (``ix_statements_article``).
- statements: the primary key, backwards; an actor's: ``ix_speakers_actor_statement``.
- the editors' queue (``store.reports.group_page``): ``ix_report_groups_status`` for one
  status, ``ix_report_groups_recent`` for all.

A search (titles and speakers' names, case-insensitive, anywhere in the words) walks the
same index and checks each article's title and speakers until a page is full: a common
name fills a page after a few dozen articles, a name no article holds reads them all (a
substring match has no index to use).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from factbox.leads import SOURCE_CHARS
from factbox.paging import ArticleKey
from factbox.records import ArticleRow
from factbox.store.copies import article_ref
from factbox.store.schema import CHANGED, articles, meta, speakers, statements

SEARCH_WINDOW = 300
"""How many articles one page of a search looks through at most: the cost of a page
does not grow with the ledger, however rare the name searched for."""

ARTICLE_REF_COLUMNS = (
    articles.c.id,
    articles.c.key,
    articles.c.revision,
    articles.c.title,
    articles.c.url,
    articles.c.published,
    articles.c.source_name,
    # what an untitled article's first sentence is found in (not the whole body)
    sa.case(
        (
            sa.or_(articles.c.title.is_(None), articles.c.title == ""),
            sa.func.substr(articles.c.body, 1, SOURCE_CHARS),
        ),
        else_=None,
    ).label("opening"),
)
"""What an ``ArticleRef`` is made of (``store.copies.article_ref``), without the texts."""
_LISTED = (
    *ARTICLE_REF_COLUMNS,
    articles.c.format,
    articles.c.place,
    articles.c.agency,
    articles.c.content_hash,
    articles.c.ingested_at,
)


def _pattern(search: str) -> str:
    """A LIKE pattern that finds ``search`` as it is (its ``%`` and ``_`` are not wildcards)."""
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _search(search: str) -> sa.ColumnElement[bool]:
    pattern = _pattern(search)
    # Correlated: each article in the listing's order is checked through its statements'
    # speakers (``ix_statements_article``, ``ix_speakers_statement``) until a page is full.
    # OFFSET 0 keeps PostgreSQL from turning it into one scan of every speaker (a hashed
    # subplan), which its estimate of a rare name's rows makes look cheap.
    said_by = (
        sa.select(sa.literal(1))
        .where(
            statements.c.article_id == articles.c.id,
            speakers.c.statement_id == statements.c.id,
            sa.or_(
                speakers.c.name.ilike(pattern, escape="\\"),
                speakers.c.text.ilike(pattern, escape="\\"),
                speakers.c.actor.ilike(pattern, escape="\\"),
            ),
        )
        .offset(0)
        .exists()
    )
    return sa.or_(articles.c.title.ilike(pattern, escape="\\"), said_by)


def _article_row(row: Any, counts: dict[int, int]) -> ArticleRow:
    return ArticleRow(
        ref=article_ref(row, row.opening or ""),
        format=row.format,
        place=row.place,
        agency=row.agency,
        content_hash=row.content_hash,
        ingested_at=row.ingested_at,
        statements=counts.get(row.id, 0),
    )


class ListingTables:
    """Pages of articles and statement ids (mixed into ``Ledger``)."""

    engine: Engine

    def change_stamp(self) -> str:
        """A value that changes with every write of what positions are computed from
        (``schema.CHANGED``)."""
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(meta.c.value).where(meta.c.name == CHANGED))
            return str(value.scalar_one_or_none() or "")

    def article_page(
        self, after: ArticleKey | None, limit: int, search: str | None = None
    ) -> tuple[list[ArticleRow], ArticleKey | None]:
        """Up to ``limit`` current articles after ``after``, newest published first, the
        undated after the dated; only those whose title or a speaker's name holds
        ``search`` when it is given.

        A search looks through the next ``SEARCH_WINDOW`` articles only; when they hold
        fewer than ``limit`` matches and more articles follow, the second value is the key
        of the last article looked at, where the search goes on (else None)."""
        where: list[sa.ColumnElement[bool]] = [articles.c.is_current.is_(True)]
        with self.engine.connect() as conn:
            window_end = None
            if search:
                where.append(_search(search))
                window_end = _window_end(conn, after, SEARCH_WINDOW)
            rows = _in_order(conn, sa.select(*_LISTED).where(*where), after, window_end, limit)
            counts = _statement_counts(conn, [row.id for row in rows])
        resume = window_end if len(rows) < limit else None
        return [_article_row(row, counts) for row in rows], resume

    def statement_id_page(
        self, before: int | None, limit: int, actor_id: str | None = None
    ) -> list[int]:
        """Up to ``limit`` ids of current statements below ``before``, highest first; only
        those one of whose extracted speakers speaks for ``actor_id`` when it is given."""
        if actor_id is None:
            column = statements.c.id
            query = sa.select(column)
        else:
            column = speakers.c.statement_id
            query = (
                sa.select(column)
                .distinct()
                .join(statements, statements.c.id == column)
                .where(speakers.c.actor_id == actor_id)
            )
        # EXISTS rather than a join to the articles, so the database walks the ids in order
        # and looks each one's article up (a join lets SQLite start from the current
        # articles and sort every statement they hold).
        query = query.where(
            sa.exists().where(
                articles.c.id == statements.c.article_id, articles.c.is_current.is_(True)
            )
        )
        if before is not None:
            query = query.where(column < before)
        with self.engine.connect() as conn:
            found = conn.execute(query.order_by(column.desc()).limit(limit)).scalars()
            return [int(row_id) for row_id in found]


def _in_order(
    conn: Connection,
    base: sa.Select[Any],
    after: ArticleKey | None,
    last: ArticleKey | None,
    limit: int,
) -> list[Any]:
    """Up to ``limit`` rows of ``base`` after ``after`` in the listing's order, none past
    ``last``: the dated ones walking the index back from the cursor, then the undated."""
    rows: list[Any] = []
    key = sa.tuple_(articles.c.published, articles.c.id)
    if after is None or after.published is not None:
        dated = base.where(articles.c.published.is_not(None))
        if after is not None:
            dated = dated.where(key < sa.tuple_(_day(after), sa.literal(after.id)))
        if last is not None and last.published is not None:
            dated = dated.where(key >= sa.tuple_(_day(last), sa.literal(last.id)))
        order = (articles.c.published.desc(), articles.c.id.desc())
        rows += conn.execute(dated.order_by(*order).limit(limit)).all()
    if len(rows) < limit and (last is None or last.published is None):
        undated = base.where(articles.c.published.is_(None))
        if after is not None and after.published is None:
            undated = undated.where(articles.c.id < after.id)
        if last is not None:
            undated = undated.where(articles.c.id >= last.id)
        rows += conn.execute(undated.order_by(articles.c.id.desc()).limit(limit - len(rows))).all()
    return rows


def _day(key: ArticleKey) -> sa.ColumnElement[Any]:
    return sa.literal(key.published, sa.Date)


def _window_end(conn: Connection, after: ArticleKey | None, size: int) -> ArticleKey | None:
    """The key of the ``size``-th current article after ``after`` (read from the listing's
    index alone), or None when fewer follow."""
    keys = sa.select(articles.c.published, articles.c.id).where(articles.c.is_current.is_(True))
    found = _in_order(conn, keys, after, None, size)
    return ArticleKey(found[-1].published, found[-1].id) if len(found) == size else None


def _statement_counts(conn: Connection, article_ids: Sequence[int]) -> dict[int, int]:
    if not article_ids:
        return {}
    rows = conn.execute(
        sa.select(statements.c.article_id, sa.func.count())
        .where(statements.c.article_id.in_(list(article_ids)))
        .group_by(statements.c.article_id)
    )
    return {int(article_id): int(n) for article_id, n in rows}
