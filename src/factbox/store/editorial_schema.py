"""The editors' tables: readers' reports, their groups and status changes, editors and their
sessions. They share the ledger's metadata (``store.schema``) and are created, when missing,
whenever a ledger is opened (see ``store.migrations``)."""

from __future__ import annotations

import sqlalchemy as sa

from factbox.store.schema import metadata

report_groups = sa.Table(
    "report_groups",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("group_key", sa.String(64), nullable=False, unique=True),
    sa.Column("page_url", sa.Text, nullable=False),
    sa.Column("article_id", sa.Integer),
    sa.Column("revision", sa.String(128)),
    sa.Column("exact", sa.Text, nullable=False),
    sa.Column("prefix", sa.Text, nullable=False),
    sa.Column("suffix", sa.Text, nullable=False),
    sa.Column("position_start", sa.Integer),
    sa.Column("position_end", sa.Integer),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Column("first_reported", sa.DateTime, nullable=False),
    sa.Column("last_reported", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime),
    sa.Column("updated_by", sa.Text),
)
sa.Index("ix_report_groups_status", report_groups.c.status, report_groups.c.last_reported)
sa.Index("ix_report_groups_page", report_groups.c.page_url)
sa.Index("ix_report_groups_article", report_groups.c.article_id)
# The queue with every status, latest reported first (``factbox.paging``).
report_groups_recent_index = sa.Index(
    "ix_report_groups_recent", report_groups.c.last_reported, report_groups.c.id
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "group_id",
        sa.Integer,
        sa.ForeignKey("report_groups.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("comment", sa.Text, nullable=False),
    sa.Column("reporter_hash", sa.String(64), nullable=False),
    sa.Column("origin", sa.Text),
)
sa.Index("ix_reports_group", reports.c.group_id)
sa.Index("ix_reports_created", reports.c.created_at)

report_events = sa.Table(
    "report_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "group_id",
        sa.Integer,
        sa.ForeignKey("report_groups.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("editor", sa.Text, nullable=False),
    sa.Column("status_from", sa.String(16), nullable=False),
    sa.Column("status_to", sa.String(16), nullable=False),
)
sa.Index("ix_report_events_group", report_events.c.group_id)

editors = sa.Table(
    "editors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

editor_sessions = sa.Table(
    "editor_sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column(
        "editor_id", sa.Integer, sa.ForeignKey("editors.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("csrf_token", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("expires_at", sa.DateTime, nullable=False),
)

EDITORIAL_TABLES = (
    report_groups,
    reports,
    report_events,
    editors,
    editor_sessions,
)
