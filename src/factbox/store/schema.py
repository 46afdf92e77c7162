"""The ledger's schema, in SQLAlchemy Core so SQLite and PostgreSQL share it."""

from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = 1

metadata = sa.MetaData()

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("is_current", sa.Boolean, nullable=False),
    sa.Column("source_name", sa.Text, nullable=False),
    sa.Column("format", sa.String(16), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("place", sa.Text),
    sa.Column("agency", sa.Text),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("key", "revision", name="uq_articles_key_revision"),
)
sa.Index("ix_articles_current", articles.c.key, articles.c.is_current)

statements = sa.Table(
    "statements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("cue", sa.Text, nullable=False),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("content_start", sa.Integer, nullable=False),
    sa.Column("content_end", sa.Integer, nullable=False),
    sa.Column("source_text", sa.Text, nullable=False),
    sa.Column("source_start", sa.Integer),
    sa.Column("source_end", sa.Integer),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("said_on", sa.Date),
    sa.Column("said_on_basis", sa.String(16), nullable=False),
)
sa.Index("ix_statements_article", statements.c.article_id)

speakers = sa.Table(
    "speakers",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "statement_id",
        sa.Integer,
        sa.ForeignKey("statements.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
    sa.Column("name", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("actor_id", sa.String(32)),
    sa.Column("actor", sa.Text),
    sa.Column("actor_kind", sa.String(16), nullable=False),
)
sa.Index("ix_speakers_statement", speakers.c.statement_id)
sa.Index("ix_speakers_actor", speakers.c.actor_id)

people = sa.Table(
    "people",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("role", sa.Text),
    sa.Column("actor_id", sa.String(32)),
    sa.Column("actor", sa.Text),
    sa.Column("actor_kind", sa.String(16), nullable=False),
    sa.Column("first_seen", sa.Date),
    sa.Column("last_seen", sa.Date),
)
