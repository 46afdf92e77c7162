"""The ledger's schema versions and the steps between them.

``STEPS`` maps each version to the step that brings a ledger of the version before it up to
it; opening a ledger runs, in one transaction, every step above the version it records, then
records ``SCHEMA_VERSION``. A new ledger gets the whole schema at once. Each step checks what
is already there, so a step that meets its own work (a half-upgraded copy) does nothing.

The editors' tables (``store.editorial_schema``) have no version of their own: they are
created whenever they are missing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from factbox.store import schema
from factbox.store.editorial_schema import EDITORIAL_TABLES, report_groups_recent_index

Step = Callable[[Connection], None]


def _columns(conn: Connection, table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(conn).get_columns(table)}


def _add_stance_tables(conn: Connection) -> None:
    """2: proposals, judgements and corrections."""
    for table in (schema.proposals, schema.judgements, schema.corrections):
        table.create(conn, checkfirst=True)


def _add_carried_from(conn: Connection) -> None:
    """3: ``corrections.carried_from``, the correction a carried one copies."""
    if "carried_from" not in _columns(conn, "corrections"):
        conn.execute(sa.text("ALTER TABLE corrections ADD COLUMN carried_from INTEGER"))


def _add_statement_vectors(conn: Connection) -> None:
    """4: ``statement_vectors``, each statement's sentence vector."""
    schema.statement_vectors.create(conn, checkfirst=True)


def _add_scale_tables(conn: Connection) -> None:
    """5: ``feeds`` (``factbox watch``), ``copies`` and ``minhash_bands`` (syndication)."""
    for table in schema.SCALE_TABLES:
        table.create(conn, checkfirst=True)


def _add_content_hash_index(conn: Connection) -> None:
    """6: ``ix_articles_content_hash``, to find an article by its text under another key."""
    schema.content_hash_index.create(conn, checkfirst=True)


LISTING_INDEXES = (
    schema.articles_listing_index,
    schema.speakers_actor_index,
    report_groups_recent_index,
)
"""The indexes schema version 7 added: every listing reads a page in index order."""


def _add_listing_indexes(conn: Connection) -> None:
    """7: the listings' indexes (``ix_speakers_actor_statement`` takes the place of
    ``ix_speakers_actor``, its first column) and ``meta``'s ``changed`` row."""
    for table in EDITORIAL_TABLES:  # the queue's index needs its table (made just below)
        table.create(conn, checkfirst=True)
    for index in LISTING_INDEXES:
        index.create(conn, checkfirst=True)
    if "ix_speakers_actor" in {i["name"] for i in sa.inspect(conn).get_indexes("speakers")}:
        conn.execute(sa.text("DROP INDEX ix_speakers_actor"))
    mark_changed(conn)


def _add_article_parses(conn: Connection) -> None:
    """8: ``article_parses``, each article's parse as extraction made it. The articles of an
    older ledger have none: judging re-parses their statements' paragraphs, as before, until
    ``factbox reextract`` stores their parses."""
    schema.article_parses.create(conn, checkfirst=True)


def mark_changed(conn: Connection) -> None:
    """Record, in the transaction on ``conn``, that what computed views read has changed."""
    stamp = uuid.uuid4().hex
    updated = conn.execute(
        schema.meta.update().where(schema.meta.c.name == schema.CHANGED).values(value=stamp)
    )
    if not updated.rowcount:
        conn.execute(schema.meta.insert().values(name=schema.CHANGED, value=stamp))


def up_to_date(conn: Connection) -> bool:
    """Whether the ledger on ``conn`` is at ``SCHEMA_VERSION`` with every table, so opening it
    writes nothing (a read-only ledger still opens)."""
    tables = set(sa.inspect(conn).get_table_names())
    if not set(schema.metadata.tables) <= tables:
        return False
    if not {t.name for t in EDITORIAL_TABLES} <= tables:
        return False
    version = conn.execute(
        sa.select(schema.meta.c.value).where(schema.meta.c.name == "schema_version")
    ).scalar_one_or_none()
    return version == str(SCHEMA_VERSION)


STEPS: dict[int, Step] = {
    2: _add_stance_tables,
    3: _add_carried_from,
    4: _add_statement_vectors,
    5: _add_scale_tables,
    6: _add_content_hash_index,
    7: _add_listing_indexes,
    8: _add_article_parses,
}
SCHEMA_VERSION = schema.SCHEMA_VERSION
assert sorted(STEPS) == list(range(2, SCHEMA_VERSION + 1)), "one step per schema version"


class SchemaTooNew(RuntimeError):
    """The ledger was written by a newer factbox."""


def _stored_version(conn: Connection) -> int | None:
    schema.meta.create(conn, checkfirst=True)
    value = conn.execute(
        sa.select(schema.meta.c.value).where(schema.meta.c.name == "schema_version")
    ).scalar_one_or_none()
    return None if value is None else int(value)


def upgrade(conn: Connection, url: str = "ledger") -> int:
    """Bring the ledger on ``conn`` to ``SCHEMA_VERSION``; returns the version it had (0 for a
    new ledger). ``SchemaTooNew`` for a ledger of a later version."""
    version = _stored_version(conn)
    if version is None:
        schema.metadata.create_all(conn)
        conn.execute(schema.meta.insert().values(name="schema_version", value=str(SCHEMA_VERSION)))
        mark_changed(conn)
        return 0
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{url}: ledger schema version {version} is newer than this factbox "
            f"({SCHEMA_VERSION}); upgrade factbox"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        STEPS[number](conn)
    for table in EDITORIAL_TABLES:
        table.create(conn, checkfirst=True)
    if version < SCHEMA_VERSION:
        conn.execute(
            schema.meta.update()
            .where(schema.meta.c.name == "schema_version")
            .values(value=str(SCHEMA_VERSION))
        )
    return version
