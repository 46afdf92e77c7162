"""Readers' error reports, editors and their sessions in the ledger (SQL only; the records
and the queue's rules are in ``factbox.editorial``)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from factbox.editorial import (
    REPORT_STATUSES,
    Editor,
    EditorSession,
    NewReport,
    ReportComment,
    ReportGroup,
    ReportStatus,
    SavedReport,
    report_status,
)
from factbox.paging import ReportKey
from factbox.records import ArticleText
from factbox.store.editorial_schema import (
    editor_sessions,
    editors,
    report_events,
    report_groups,
    reports,
)
from factbox.store.ledger import Ledger
from factbox.store.schema import articles, speakers, statements


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _group(row: Any) -> ReportGroup:
    position = None
    if row.position_start is not None and row.position_end is not None:
        position = (row.position_start, row.position_end)
    return ReportGroup(
        id=row.id,
        page_url=row.page_url,
        article_id=row.article_id,
        revision=row.revision,
        exact=row.exact,
        prefix=row.prefix,
        suffix=row.suffix,
        position=position,
        status=report_status(row.status),
        count=row._mapping["count"],
        first_reported=row.first_reported,
        last_reported=row.last_reported,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


# -- reports ------------------------------------------------------------------------


def _group_values(report: NewReport, now: dt.datetime, count: int) -> dict[str, Any]:
    return {
        "group_key": report.group_key,
        "page_url": report.page_url,
        "article_id": report.article_id,
        "revision": report.revision,
        "exact": report.exact,
        "prefix": report.prefix,
        "suffix": report.suffix,
        "position_start": report.position[0] if report.position else None,
        "position_end": report.position[1] if report.position else None,
        "status": "new",
        "count": count,
        "first_reported": now,
        "last_reported": now,
    }


def _add_to_groups(
    conn: Connection, first: dict[str, NewReport], added: Counter[str], now: dt.datetime
) -> None:
    """Add ``added[key]`` reports to each group, creating the groups that are new."""
    rows = [_group_values(first[key], now, count) for key, count in added.items()]
    dialect = conn.dialect.name
    if dialect in ("sqlite", "postgresql"):
        # imported here: the PostgreSQL dialect costs every command ~30 ms to import
        from sqlalchemy.dialects import postgresql, sqlite

        insert = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(report_groups)
        conn.execute(
            insert.on_conflict_do_update(
                index_elements=[report_groups.c.group_key],
                set_={
                    "count": report_groups.c.count + insert.excluded.count,
                    "last_reported": insert.excluded.last_reported,
                },
            ),
            rows,
        )
        return
    existing = set(
        conn.execute(
            sa.select(report_groups.c.group_key).where(report_groups.c.group_key.in_(list(added)))
        ).scalars()
    )
    for row in rows:
        key = row["group_key"]
        if key in existing:
            conn.execute(
                report_groups.update()
                .where(report_groups.c.group_key == key)
                .values(count=report_groups.c.count + added[key], last_reported=now)
            )
        else:
            conn.execute(report_groups.insert().values(**row))


def save_reports(
    ledger: Ledger, batch: Sequence[NewReport], now: dt.datetime | None = None
) -> list[SavedReport]:
    """Store reports in one transaction, each joining (or starting) its group.

    Three statements per batch whatever its size, so a busy server commits many reports at
    the cost of a few.
    """
    if not batch:
        return []
    when = now or utcnow()
    keys = [report.group_key for report in batch]
    added = Counter(keys)
    first: dict[str, NewReport] = {}
    for key, report in zip(keys, batch, strict=True):
        first.setdefault(key, report)
    with ledger.engine.begin() as conn:
        _add_to_groups(conn, first, added, when)
        groups = {
            row[0]: (int(row[1]), int(row[2]))
            for row in conn.execute(
                sa.select(
                    report_groups.c.group_key, report_groups.c.id, report_groups.c.count
                ).where(report_groups.c.group_key.in_(list(added)))
            )
        }
        conn.execute(
            reports.insert(),
            [
                {
                    "group_id": groups[key][0],
                    "created_at": when,
                    "comment": report.comment,
                    "reporter_hash": report.reporter_hash,
                    "origin": report.origin,
                }
                for key, report in zip(keys, batch, strict=True)
            ],
        )
    saved: list[SavedReport] = []
    seen: Counter[str] = Counter()
    for key in keys:
        group_id, total = groups[key]
        seen[key] += 1
        saved.append(SavedReport(group_id=group_id, count=total - added[key] + seen[key]))
    return saved


def purge_expired(ledger: Ledger, retention_days: int, now: dt.datetime | None = None) -> int:
    """Delete reports older than ``retention_days``, and groups left without reports.

    Returns how many reports were deleted.
    """
    cutoff = (now or utcnow()) - dt.timedelta(days=retention_days)
    with ledger.engine.begin() as conn:
        deleted = conn.execute(reports.delete().where(reports.c.created_at < cutoff)).rowcount
        remaining = sa.select(reports.c.group_id).distinct()
        conn.execute(
            report_groups.delete().where(
                report_groups.c.last_reported < cutoff, report_groups.c.id.not_in(remaining)
            )
        )
    return int(deleted or 0)


def report_count(ledger: Ledger) -> int:
    with ledger.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(reports)).scalar_one())


def list_groups(
    ledger: Ledger,
    *,
    status: ReportStatus | None = None,
    page_url: str | None = None,
    article_id: int | None = None,
    limit: int = 100,
) -> list[ReportGroup]:
    """The first ``limit`` groups of :func:`group_page` in ``status`` (None: any)."""
    statuses = None if status is None else [status]
    return group_page(ledger, statuses, None, limit, page_url=page_url, article_id=article_id)


def group_page(
    ledger: Ledger,
    statuses: Sequence[ReportStatus] | None,
    after: ReportKey | None,
    limit: int,
    *,
    page_url: str | None = None,
    article_id: int | None = None,
) -> list[ReportGroup]:
    """Up to ``limit`` report groups after ``after``, latest reported first (``id`` breaks
    ties), in any of ``statuses`` (None: all); read in the order of
    ``ix_report_groups_status`` or ``ix_report_groups_recent``."""
    query = sa.select(report_groups)
    if statuses is not None:
        query = query.where(report_groups.c.status.in_(list(statuses)))
    if page_url:
        query = query.where(report_groups.c.page_url == page_url)
    if article_id is not None:
        query = query.where(report_groups.c.article_id == article_id)
    if after is not None:
        query = query.where(
            sa.tuple_(report_groups.c.last_reported, report_groups.c.id)
            < sa.tuple_(sa.literal(after.last_reported, sa.DateTime), sa.literal(after.id))
        )
    order = (report_groups.c.last_reported.desc(), report_groups.c.id.desc())
    with ledger.engine.connect() as conn:
        return [_group(row) for row in conn.execute(query.order_by(*order).limit(limit)).all()]


def status_counts(ledger: Ledger) -> dict[ReportStatus, int]:
    with ledger.engine.connect() as conn:
        rows = conn.execute(
            sa.select(report_groups.c.status, sa.func.count()).group_by(report_groups.c.status)
        ).all()
    counts = dict.fromkeys(REPORT_STATUSES, 0)
    for status, count in rows:
        counts[report_status(status)] = int(count)
    return counts


def get_group(ledger: Ledger, group_id: int) -> ReportGroup | None:
    with ledger.engine.connect() as conn:
        row = conn.execute(sa.select(report_groups).where(report_groups.c.id == group_id)).first()
    return _group(row) if row is not None else None


def group_comments(ledger: Ledger, group_ids: Sequence[int]) -> dict[int, list[ReportComment]]:
    """The non-empty comments of each group, oldest first."""
    if not group_ids:
        return {}
    with ledger.engine.connect() as conn:
        rows = conn.execute(
            sa.select(reports.c.id, reports.c.group_id, reports.c.created_at, reports.c.comment)
            .where(reports.c.group_id.in_(list(group_ids)), reports.c.comment != "")
            .order_by(reports.c.created_at, reports.c.id)
        ).all()
    found: dict[int, list[ReportComment]] = {}
    for row in rows:
        found.setdefault(row.group_id, []).append(
            ReportComment(id=row.id, created_at=row.created_at, comment=row.comment)
        )
    return found


def set_status(
    ledger: Ledger,
    group_id: int,
    status: ReportStatus,
    editor: str,
    check: Callable[[ReportStatus, ReportStatus], None],
) -> ReportGroup:
    """Move a group to ``status`` if ``check(current, status)`` does not raise (the queue's
    rules: ``factbox.editorial.check_transition``); ``LookupError`` for no such group."""
    now = utcnow()
    with ledger.engine.begin() as conn:
        row = conn.execute(
            sa.select(report_groups.c.status).where(report_groups.c.id == group_id)
        ).first()
        if row is None:
            raise LookupError(f"no report group {group_id}")
        current = report_status(row.status)
        check(current, status)
        conn.execute(
            report_groups.update()
            .where(report_groups.c.id == group_id, report_groups.c.status == current)
            .values(status=status, updated_at=now, updated_by=editor)
        )
        conn.execute(
            report_events.insert().values(
                group_id=group_id, at=now, editor=editor, status_from=current, status_to=status
            )
        )
    group = get_group(ledger, group_id)
    assert group is not None
    return group


# -- editors and sessions -----------------------------------------------------------


def insert_editor(ledger: Ledger, name: str, password_hash: str) -> Editor:
    """Add an editor, or replace the password of an existing one."""
    with ledger.engine.begin() as conn:
        existing = conn.execute(sa.select(editors.c.id).where(editors.c.name == name)).first()
        if existing is None:
            editor_id = conn.execute(
                editors.insert()
                .values(name=name, password_hash=password_hash, created_at=utcnow())
                .returning(editors.c.id)
            ).scalar_one()
        else:
            editor_id = existing.id
            conn.execute(
                editors.update()
                .where(editors.c.id == editor_id)
                .values(password_hash=password_hash)
            )
            conn.execute(editor_sessions.delete().where(editor_sessions.c.editor_id == editor_id))
    return Editor(id=int(editor_id), name=name, password_hash=password_hash)


def find_editor(ledger: Ledger, name: str) -> Editor | None:
    with ledger.engine.connect() as conn:
        row = conn.execute(sa.select(editors).where(editors.c.name == name)).first()
    return Editor(id=row.id, name=row.name, password_hash=row.password_hash) if row else None


def set_password_hash(ledger: Ledger, editor_id: int, password_hash: str) -> None:
    with ledger.engine.begin() as conn:
        conn.execute(
            editors.update().where(editors.c.id == editor_id).values(password_hash=password_hash)
        )


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(
    ledger: Ledger, editor_id: int, token: str, csrf_token: str, lifetime: dt.timedelta
) -> None:
    now = utcnow()
    with ledger.engine.begin() as conn:
        conn.execute(editor_sessions.delete().where(editor_sessions.c.expires_at < now))
        conn.execute(
            editor_sessions.insert().values(
                token_hash=_token_hash(token),
                editor_id=editor_id,
                csrf_token=csrf_token,
                created_at=now,
                expires_at=now + lifetime,
            )
        )


def find_session(ledger: Ledger, token: str) -> EditorSession | None:
    with ledger.engine.connect() as conn:
        row = conn.execute(
            sa.select(editor_sessions, editors)
            .join(editors, editors.c.id == editor_sessions.c.editor_id)
            .where(
                editor_sessions.c.token_hash == _token_hash(token),
                editor_sessions.c.expires_at > utcnow(),
            )
        ).first()
    if row is None:
        return None
    m = row._mapping
    return EditorSession(
        editor=Editor(
            id=m[editors.c.id], name=m[editors.c.name], password_hash=m[editors.c.password_hash]
        ),
        csrf_token=m[editor_sessions.c.csrf_token],
        expires_at=m[editor_sessions.c.expires_at],
    )


def end_session(ledger: Ledger, token: str) -> None:
    with ledger.engine.begin() as conn:
        conn.execute(
            editor_sessions.delete().where(editor_sessions.c.token_hash == _token_hash(token))
        )


# -- articles as the web pages read them ----------------------------------------------


def _article(row: Any) -> ArticleText:
    return ArticleText(
        id=row.id,
        key=row.key,
        revision=row.revision,
        is_current=bool(row.is_current),
        title=row.title,
        url=row.url,
        published=row.published,
        content_hash=row.content_hash,
        body=row.body,
    )


def article_text(ledger: Ledger, article_id: int) -> ArticleText | None:
    with ledger.engine.connect() as conn:
        row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    return _article(row) if row is not None else None


def current_article(ledger: Ledger, key: str) -> ArticleText | None:
    with ledger.engine.connect() as conn:
        row = conn.execute(
            sa.select(articles).where(articles.c.key == key, articles.c.is_current.is_(True))
        ).first()
    return _article(row) if row is not None else None


def article_for_url(ledger: Ledger, url: str) -> ArticleText | None:
    """The current revision of the article published at ``url``, if the ledger has one."""
    with ledger.engine.connect() as conn:
        row = conn.execute(
            sa.select(articles)
            .where(articles.c.url == url, articles.c.is_current.is_(True))
            .order_by(articles.c.id.desc())
        ).first()
    return _article(row) if row is not None else None


def actor_statement_ids(ledger: Ledger, actor_id: str) -> list[int]:
    """Current statements one of whose extracted speakers speaks for ``actor_id``."""
    with ledger.engine.connect() as conn:
        rows = conn.execute(
            sa.select(statements.c.id)
            .distinct()
            .join(speakers, speakers.c.statement_id == statements.c.id)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(speakers.c.actor_id == actor_id, articles.c.is_current.is_(True))
        ).all()
    return [int(row.id) for row in rows]


def actor_names(ledger: Ledger, actor_id: str) -> list[str]:
    """The names speakers of ``actor_id`` were given, most frequent first."""
    with ledger.engine.connect() as conn:
        rows = conn.execute(
            sa.select(speakers.c.actor, sa.func.count().label("n"))
            .where(speakers.c.actor_id == actor_id, speakers.c.actor.is_not(None))
            .group_by(speakers.c.actor)
            .order_by(sa.desc("n"))
        ).all()
    return [str(row.actor) for row in rows]
