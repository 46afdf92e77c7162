"""The ledger's schema, in SQLAlchemy Core so SQLite and PostgreSQL share it (the steps
between versions: ``store.migrations``)."""

from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = 8
"""1: articles, statements, speakers, people. 2: proposals, judgements, corrections.
3: ``corrections.carried_from`` (a correction carried over to a revised article).
4: ``statement_vectors`` (each statement's sentence vector, for matching proposals).
5: ``feeds`` (what ``factbox watch`` remembers of each feed), ``copies`` and
``minhash_bands`` (syndicated copies, ``factbox.syndication``).
6: ``ix_articles_content_hash`` (the same text under another key is found by its hash).
7: the listings' indexes (``LISTING_INDEXES``: every list is read a page at a time, in index
order) and the ``changed`` row of ``meta`` (what caches of computed views compare).
8: ``article_parses`` (the parse each article was extracted from, so judging a new proposal
reads it instead of parsing again)."""

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
content_hash_index = sa.Index("ix_articles_content_hash", articles.c.content_hash)
# The article listing: current revisions, newest published first (``factbox.paging``).
articles_listing_index = sa.Index(
    "ix_articles_listing", articles.c.is_current, articles.c.published, articles.c.id
)

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
# An actor's statements, newest first: the index gives them in statement order.
speakers_actor_index = sa.Index(
    "ix_speakers_actor_statement", speakers.c.actor_id, speakers.c.statement_id
)

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

proposals = sa.Table(
    "proposals",
    metadata,
    sa.Column("slug", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("terms", sa.JSON, nullable=False),
    sa.Column("bodies", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

# One row per (statement, proposal) the statement is about; its actors are the statement's
# speakers (``speakers``), so a statement with three countries as speakers is one row here
# and three positions. Spans are offsets into the article body, like every span.
judgements = sa.Table(
    "judgements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "statement_id",
        sa.Integer,
        sa.ForeignKey("statements.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column(
        "proposal",
        sa.String(64),
        sa.ForeignKey("proposals.slug", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("stance", sa.String(16), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("about", sa.String(16), nullable=False),
    sa.Column("others", sa.Text),
    sa.Column("others_start", sa.Integer),
    sa.Column("others_end", sa.Integer),
    sa.Column("others_actor_id", sa.String(32)),
    # [{"text", "span": [start, end], "role"}]: the words that decided the stance
    sa.Column("cues", sa.JSON, nullable=False),
    sa.Column("match_score", sa.Float, nullable=False),
    # [{"slot", "text", "span": [start, end]}]: the words that tied it to the proposal
    sa.Column("match_evidence", sa.JSON, nullable=False),
    # from the first to the last word of match evidence and cues
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("judged_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("statement_id", "proposal", name="uq_judgements_statement_proposal"),
)
sa.Index("ix_judgements_proposal", judgements.c.proposal)

# An editor's fix of what extraction said. ``proposal`` is set for stance corrections and
# null for those about the statement itself (speaker, not_statement). The latest
# correction of a (statement, proposal, field) wins.
corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "statement_id",
        sa.Integer,
        sa.ForeignKey("statements.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("proposal", sa.String(64), sa.ForeignKey("proposals.slug", ondelete="CASCADE")),
    sa.Column("field", sa.String(16), nullable=False),
    sa.Column("value", sa.JSON, nullable=False),
    sa.Column("editor", sa.Text),
    sa.Column("reason", sa.Text),
    sa.Column("created_at", sa.DateTime, nullable=False),
    # The correction (of the same statement in the previous revision) this one copies.
    sa.Column("carried_from", sa.Integer),
)
sa.Index("ix_corrections_statement", corrections.c.statement_id)

# One sentence vector per statement (``factbox.embed``), for finding the statements about a
# proposal without parsing them all: ``vector`` holds ``dim`` little-endian float16 values
# of unit length; ``model`` names the encoder, and a vector of another model counts as none.
statement_vectors = sa.Table(
    "statement_vectors",
    metadata,
    sa.Column(
        "statement_id",
        sa.Integer,
        sa.ForeignKey("statements.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("model", sa.String(64), nullable=False),
    sa.Column("dim", sa.Integer, nullable=False),
    sa.Column("vector", sa.LargeBinary, nullable=False),
)
# The parse of an article revision as extraction made it, one row per part parsed
# (``ingest.parts``: a part starts at ``part_start`` of the body and ends before
# ``part_end``; most articles are one part): ``parse`` holds a spaCy DocBin of that text
# (``factbox.extract.parses``), ``model`` names the pipeline, and a parse of another counts as
# none. Judging a new proposal restores these instead of parsing the statements again.
article_parses = sa.Table(
    "article_parses",
    metadata,
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("part_start", sa.Integer, primary_key=True),
    sa.Column("part_end", sa.Integer, nullable=False),
    sa.Column("model", sa.String(64), nullable=False),
    sa.Column("parse", sa.LargeBinary, nullable=False),
)

# What ``factbox watch`` remembers of a feed between polls: the validators of its last answer
# (sent back as If-None-Match / If-Modified-Since) and how many polls in a row failed.
feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("checked_at", sa.DateTime),
    sa.Column("failures", sa.Integer, nullable=False),
)

# An article that is a syndicated copy of another (the same wire story in another outlet):
# it is stored, but has no statements of its own; the statements of ``of_key``'s current
# revision stand for it and list it among their sources. Keys, not ids, so a revision of
# either side keeps the link.
copies = sa.Table(
    "copies",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("of_key", sa.Text, nullable=False),
    sa.Column("similarity", sa.Float, nullable=False),
)
sa.Index("ix_copies_of_key", copies.c.of_key)

# Locality-sensitive hashing of every article that has statements of its own: one row per
# band of its MinHash signature; two articles sharing a (band, bucket) are compared.
minhash_bands = sa.Table(
    "minhash_bands",
    metadata,
    sa.Column("band", sa.Integer, primary_key=True),
    sa.Column("bucket", sa.BigInteger, primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
)
sa.Index("ix_minhash_bands_key", minhash_bands.c.key)

SCALE_TABLES = (feeds, copies, minhash_bands)
"""The tables schema version 5 added (its migration step creates them)."""

CHANGED = "changed"
"""The ``meta`` row that every write of articles, statements, judgements, corrections or
proposals sets to a new random value: a view computed from them (a proposal's positions)
is current while this value is the one it was computed under."""
