"""The ledger: articles (with revisions), statements, speakers and people; proposals,
stance judgements and editors' corrections (``store.judgements``).

Only this package touches the database. Each article is written in one transaction, with
its statements' judgements, so an interrupted batch leaves every finished article whole
and nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from factbox.leads import first_sentence
from factbox.parsing import MAX_ID
from factbox.records import (
    ActorKind,
    Article,
    ArticleRef,
    ArticleRow,
    DateBasis,
    Person,
    Speaker,
    Statement,
    StatementKind,
    StoredStatement,
)
from factbox.store.chunks import chunks
from factbox.store.copies import CopyOf, CopyTables, article_ref, remember_copy
from factbox.store.feeds import FeedTables
from factbox.store.judgements import (
    FollowStatements,
    MatchedJudgement,
    StanceTables,
    carry_corrections,
    copy_corrections,
    corrections_of,
    insert_judgements,
)
from factbox.store.listing import ARTICLE_REF_COLUMNS, ListingTables
from factbox.store.migrations import mark_changed, up_to_date, upgrade
from factbox.store.parses import ParseTables, StoredParse, insert_parses
from factbox.store.schema import articles, judgements, people, speakers, statements
from factbox.store.vectors import EncodedStatements, VectorTables, insert_vectors

SaveOutcome = Literal["ingested", "revised", "unchanged", "duplicate"]
"""``duplicate``: the same text is already the current revision of another article."""

ARTICLE_WRITE_LOCK = 0x66616374  # "fact"
"""PostgreSQL advisory lock held while an article is written, so two ingests into one ledger
take turns per article (SQLite's BEGIN IMMEDIATE does the same there)."""


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given, else a SQLite file path."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser()}"


BUSY_TIMEOUT_MS = 10_000
"""How long a SQLite connection waits for another process's lock before giving up."""


def prepare_sqlite_connection(dbapi_connection: Any, _record: Any = None) -> None:
    """Settings for each new SQLite connection (the engine's ``connect`` hook)."""
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    _use_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _use_wal(cursor: Any) -> None:
    """Put the database in write-ahead-log mode, unless it is already.

    The mode is kept in the file, so only a new ledger changes it. Changing it takes an
    exclusive lock, and when two processes open a new ledger at once SQLite can refuse one
    of them with "database is locked" at once, without calling the busy handler (each
    holds a shared lock the other's change needs). The refused one tries again until the
    busy timeout has passed; by then the other has made the change.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@dataclass(frozen=True, slots=True)
class StatementOutline:
    """A current statement's id, article and words, for cheap tests before parsing."""

    id: int
    article_id: int
    content: str
    start: int
    """Where the statement starts in its article's body."""


class PeopleDirectory:
    """In-memory view of the people table; lookups by full name or by surname."""

    def __init__(self, persons: Iterable[Person] = ()) -> None:
        self._by_name: dict[str, Person] = {}
        self._by_surname: dict[str, list[Person]] = {}
        for person in persons:
            self.add(person)

    def add(self, person: Person) -> None:
        key = person.name.casefold()
        self._by_name[key] = person
        surname = key.split()[-1] if key.split() else key
        same = [p for p in self._by_surname.get(surname, []) if p.name.casefold() != key]
        self._by_surname[surname] = [*same, person]

    def lookup(self, name: str) -> Person | None:
        key = name.strip().casefold()
        found = self._by_name.get(key)
        if found is not None:
            return found
        candidates = self._by_surname.get(key, [])
        return candidates[0] if len(candidates) == 1 else None

    def persons(self) -> list[Person]:
        return list(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)


_OUTLINE_COLUMNS = (
    statements.c.id,
    statements.c.article_id,
    statements.c.content,
    statements.c.span_start,
)
"""The columns of a ``StatementOutline``, in its fields' order."""


class Ledger(StanceTables, VectorTables, ParseTables, CopyTables, FeedTables, ListingTables):
    """A handle on one database (SQLite file or SQLAlchemy URL)."""

    def __init__(self, db: str | Path) -> None:
        self.url = database_url(db)
        self.engine: Engine = sa.create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", prepare_sqlite_connection)
        self._migrate()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        with self.engine.connect() as conn:
            if up_to_date(conn):  # nothing to write: a read-only ledger opens too
                return
        # Under the write lock: two processes opening a new ledger at once would both
        # create its tables and both write its schema version.
        with self._write_transaction() as conn:
            upgrade(conn, self.url)

    # -- writing ---------------------------------------------------------------

    @contextmanager
    def _write_transaction(self) -> Iterator[Connection]:
        """A transaction that holds the ledger's write lock from its first statement.

        Two processes ingesting into one ledger both read "no such article" and then both
        insert it, unless the read and the write happen under one lock: SQLite's
        ``BEGIN IMMEDIATE`` takes the write lock at once (waiting up to the busy timeout),
        PostgreSQL takes an advisory lock for the transaction.
        """
        with self.engine.begin() as conn:
            dialect = conn.dialect.name
            if dialect == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            elif dialect == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(ARTICLE_WRITE_LOCK)))
            yield conn

    def same_text(self, content_hash: str) -> ArticleRef | None:
        """The current article whose text has this hash, under whatever key."""
        with self.engine.connect() as conn:
            row = self._same_text(conn, content_hash)
        return self._ref(row) if row is not None else None

    @staticmethod
    def _same_text(conn: Connection, content_hash: str) -> Any:
        return conn.execute(
            sa.select(articles)
            .where(articles.c.content_hash == content_hash, articles.c.is_current.is_(True))
            .order_by(articles.c.id)
            .limit(1)
        ).first()

    def current_hash(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(articles.c.content_hash).where(
                    articles.c.key == key, articles.c.is_current.is_(True)
                )
            ).scalar_one_or_none()

    def save_article(
        self,
        article: Article,
        found: list[Statement],
        persons: Iterable[Person] = (),
        judged: Sequence[Sequence[MatchedJudgement]] | None = None,
        vectors: EncodedStatements | None = None,
        *,
        parses: Sequence[StoredParse] = (),
        bands: Sequence[int] = (),
        copy_of: CopyOf | None = None,
        follow: FollowStatements | None = None,
    ) -> SaveOutcome:
        """Store one article revision with its statements, all or nothing.

        A new key whose text is already another current article's is not stored
        (``duplicate``). ``judged[i]`` holds the judgements of ``found[i]`` on stored
        proposals, and row ``i``
        of ``vectors`` its sentence vector; ``parses``: the parse extraction read (its parts').
        ``bands``: the buckets of its MinHash signature,
        kept so later copies find it. ``copy_of``: the article is a syndicated copy of another
        (see ``factbox.syndication``), stored without statements of its own. For a revision,
        ``follow`` says which new statement each corrected old one became, and their
        corrections are copied over (without it, they stay with the old revision).
        """
        _check_judged(found, judged)
        if vectors is not None and len(vectors.matrix) != len(found):
            raise ValueError("vectors must have one row per statement")
        if copy_of is not None and found:
            raise ValueError("a syndicated copy has no statements of its own")
        with self._write_transaction() as conn:
            current = conn.execute(
                sa.select(articles.c.id, articles.c.revision, articles.c.content_hash).where(
                    articles.c.key == article.key, articles.c.is_current.is_(True)
                )
            ).first()
            if current is not None and current.content_hash == article.content_hash:
                return "unchanged"
            if (
                current is None
                and copy_of is None
                and self._same_text(conn, article.content_hash) is not None
            ):
                return "duplicate"
            revision = 1 if current is None else current.revision + 1
            statement_ids = self._insert_revision(
                conn,
                article,
                revision,
                None if current is None else current.id,
                found,
                judged,
                parses,
            )
            if current is not None and follow is not None:
                revised = list(zip(statement_ids, found, strict=True))
                carry_corrections(conn, current.id, revised, follow)
            if vectors is not None:
                insert_vectors(conn, statement_ids, vectors.matrix, vectors.model)
            self._remember(conn, list(persons))
            remember_copy(conn, article.key, copy_of, bands)
        return "ingested" if revision == 1 else "revised"

    def _insert_revision(
        self,
        conn: Connection,
        article: Article,
        revision: int,
        previous_id: int | None,
        found: Sequence[Statement],
        judged: Sequence[Sequence[MatchedJudgement]] | None,
        parses: Sequence[StoredParse] = (),
    ) -> list[int]:
        """Make ``article`` the current revision ``revision`` with its statements, their
        judgements and its parses; returns the statement ids in order."""
        mark_changed(conn)
        if previous_id is not None:
            conn.execute(
                articles.update().where(articles.c.id == previous_id).values(is_current=False)
            )
        article_id = conn.execute(
            articles.insert()
            .values(
                key=article.key,
                revision=revision,
                is_current=True,
                source_name=article.source_name,
                format=article.format,
                title=article.title,
                url=article.url,
                published=article.published,
                place=article.place,
                agency=article.agency,
                raw=article.raw,
                body=article.body,
                content_hash=article.content_hash,
                ingested_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
            )
            .returning(articles.c.id)
        ).scalar_one()
        statement_ids = self._insert_statements(conn, article_id, found)
        insert_parses(conn, article_id, parses)
        if judged is not None:
            insert_judgements(
                conn,
                (
                    (statement_id, judgement)
                    for statement_id, found_judgements in zip(statement_ids, judged, strict=True)
                    for judgement in found_judgements
                ),
            )
        return statement_ids

    def save_reextraction(
        self,
        article_id: int,
        found: list[Statement],
        persons: Iterable[Person] = (),
        judged: Sequence[Sequence[MatchedJudgement]] | None = None,
        follows: Mapping[int, int] | None = None,
        parses: Sequence[StoredParse] = (),
        vectors: EncodedStatements | None = None,
    ) -> int:
        """Store a new extraction of the current revision ``article_id`` (same text) as the
        next revision, all or nothing; returns the new revision's id.

        ``follows`` maps an old statement id to the index in ``found`` of the statement that
        takes over its editors' corrections (copied with ``carried_from``, as when an
        article is revised); ``judged[i]`` holds the judgements of ``found[i]`` and row i of
        ``vectors`` its sentence vector; ``parses`` the new parse.
        """
        _check_judged(found, judged)
        if vectors is not None and len(vectors.matrix) != len(found):
            raise ValueError("vectors must have one row per statement")
        article = self.stored_article(article_id)
        with self.engine.begin() as conn:
            current = conn.execute(
                sa.select(articles.c.revision, articles.c.is_current).where(
                    articles.c.id == article_id
                )
            ).one()
            if not current.is_current:
                raise ValueError(f"article {article_id} is not a current revision")
            statement_ids = self._insert_revision(
                conn, article, current.revision + 1, article_id, found, judged, parses
            )
            if vectors is not None:
                insert_vectors(conn, statement_ids, vectors.matrix, vectors.model)
            targets = {old: statement_ids[index] for old, index in (follows or {}).items()}
            if targets:
                copy_corrections(conn, corrections_of(conn, list(targets)), targets)
            self._remember(conn, list(persons))
            new_id: int = conn.execute(
                sa.select(articles.c.id).where(
                    articles.c.key == article.key, articles.c.is_current.is_(True)
                )
            ).scalar_one()
        return new_id

    def replace_judgements(
        self, statement_ids: Sequence[int], found: Iterable[tuple[int, MatchedJudgement]]
    ) -> None:
        """Replace what extraction judged of these statements with ``found``, at once
        (editors' corrections are kept: they live beside judgements)."""
        with self.engine.begin() as conn:
            mark_changed(conn)
            for chunk in chunks(statement_ids):
                conn.execute(judgements.delete().where(judgements.c.statement_id.in_(chunk)))
            insert_judgements(conn, found)

    @staticmethod
    def _insert_statements(
        conn: Connection, article_id: int, found: Sequence[Statement]
    ) -> list[int]:
        """Insert an article's statements and speakers in two round trips; ids in order."""
        if not found:
            return []
        rows = []
        for ordinal, statement in enumerate(found):
            cue_start, cue_end = statement.cue_span or (None, None)
            source_start, source_end = statement.source_span or (None, None)
            rows.append(
                {
                    "article_id": article_id,
                    "ordinal": ordinal,
                    "kind": statement.kind,
                    "cue": statement.cue,
                    "cue_start": cue_start,
                    "cue_end": cue_end,
                    "content": statement.content,
                    "content_start": statement.content_span[0],
                    "content_end": statement.content_span[1],
                    "source_text": statement.source_text,
                    "source_start": source_start,
                    "source_end": source_end,
                    "span_start": statement.span[0],
                    "span_end": statement.span[1],
                    "said_on": statement.said_on,
                    "said_on_basis": statement.said_on_basis,
                }
            )
        ids = [
            int(row_id)
            for row_id in conn.execute(
                statements.insert().returning(statements.c.id, sort_by_parameter_order=True),
                rows,
            ).scalars()
        ]
        speaker_rows = [
            {
                "statement_id": statement_id,
                "ordinal": index,
                "text": speaker.text,
                "span_start": speaker.span[0] if speaker.span else None,
                "span_end": speaker.span[1] if speaker.span else None,
                "name": speaker.name,
                "role": speaker.role,
                "actor_id": speaker.actor_id,
                "actor": speaker.actor,
                "actor_kind": speaker.actor_kind,
            }
            for statement_id, statement in zip(ids, found, strict=True)
            for index, speaker in enumerate(statement.speakers)
        ]
        if speaker_rows:
            conn.execute(speakers.insert(), speaker_rows)
        return ids

    @staticmethod
    def _remember(conn: Connection, persons: Sequence[Person]) -> None:
        """Keep the latest-seen role and actor of each person, and the first date seen."""
        if not persons:
            return
        latest: dict[str, Person] = {}
        for person in persons:
            latest[person.name] = person
        existing = {
            row.name: row
            for row in conn.execute(
                sa.select(people.c.name, people.c.first_seen, people.c.last_seen).where(
                    people.c.name.in_(list(latest))
                )
            )
        }
        added: list[dict[str, Any]] = []
        seen_again: list[dict[str, Any]] = []
        seen_earlier: list[dict[str, Any]] = []
        for name, person in latest.items():
            values = {
                "role": person.role,
                "actor_id": person.actor_id,
                "actor": person.actor,
                "actor_kind": person.actor_kind,
            }
            seen = person.seen_on
            row = existing.get(name)
            if row is None:
                added.append({"name": name, "first_seen": seen, "last_seen": seen, **values})
                continue
            first_seen, last_seen = row.first_seen, row.last_seen
            if seen is not None and first_seen is not None and seen < first_seen:
                first_seen = seen
            if last_seen is None or seen is None or seen >= last_seen:
                seen_again.append(
                    {
                        "person": name,
                        "first_seen": first_seen or seen,
                        "last_seen": seen or last_seen,
                        **values,
                    }
                )
            elif first_seen != row.first_seen:
                seen_earlier.append({"person": name, "first_seen": first_seen})
        # one statement of each kind for all the article's people (a list of parameters)
        if added:
            conn.execute(people.insert(), added)
        # the SET clause of each update is made of its parameters' other keys
        by_name = people.update().where(people.c.name == sa.bindparam("person"))
        for changed in (seen_again, seen_earlier):
            if changed:
                conn.execute(by_name, changed)

    # -- reading ---------------------------------------------------------------

    def people_directory(self) -> PeopleDirectory:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(people)).all()
        return PeopleDirectory(
            Person(
                name=row.name,
                role=row.role,
                actor_id=row.actor_id,
                actor=row.actor,
                actor_kind=row.actor_kind,
                seen_on=row.last_seen,
            )
            for row in rows
        )

    def people(self) -> list[Person]:
        return sorted(self.people_directory()._by_name.values(), key=lambda p: p.name)

    @staticmethod
    def _ref(row: Any) -> ArticleRef:
        return article_ref(row)

    def articles(self, *, all_revisions: bool = False) -> list[ArticleRow]:
        counts = (
            sa.select(statements.c.article_id, sa.func.count().label("n"))
            .group_by(statements.c.article_id)
            .subquery()
        )
        query = (
            sa.select(articles, sa.func.coalesce(counts.c.n, 0).label("n"))
            .outerjoin(counts, counts.c.article_id == articles.c.id)
            .order_by(articles.c.published, articles.c.id)
        )
        if not all_revisions:
            query = query.where(articles.c.is_current.is_(True))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            ArticleRow(
                ref=self._ref(row),
                format=row.format,
                place=row.place,
                agency=row.agency,
                content_hash=row.content_hash,
                ingested_at=row.ingested_at,
                statements=row.n,
            )
            for row in rows
        ]

    def find_article(self, ref: str) -> ArticleRef | None:
        """An article by numeric id, or the current revision of a key (id, URL or path)."""
        query = sa.select(articles)
        if ref.isdigit():
            if not 0 < int(ref) <= MAX_ID:  # past the ledger's ids: never sent to the database
                return None
            query = query.where(articles.c.id == int(ref))
        else:
            query = query.where(articles.c.key == ref, articles.c.is_current.is_(True))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return self._ref(row) if row is not None else None

    def stored_article(self, article_id: int) -> Article:
        """An article revision as it was ingested (raw input, body and what was read)."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).one()
        return Article(
            key=row.key,
            source_name=row.source_name,
            format=row.format,
            raw=row.raw,
            body=row.body,
            content_hash=row.content_hash,
            title=row.title,
            url=row.url,
            published=row.published,
            place=row.place,
            agency=row.agency,
        )

    def article_body(self, article_id: int) -> str:
        with self.engine.connect() as conn:
            body: str = conn.execute(
                sa.select(articles.c.body).where(articles.c.id == article_id)
            ).scalar_one()
        return body

    def article_bodies(self, article_ids: Iterable[int]) -> dict[int, str]:
        """The bodies of these articles (one query per ``chunks`` of ids)."""
        ids = sorted(set(article_ids))
        found: dict[int, str] = {}
        with self.engine.connect() as conn:
            for chunk in chunks(ids):
                rows = conn.execute(
                    sa.select(articles.c.id, articles.c.body).where(articles.c.id.in_(chunk))
                )
                found.update({row.id: row.body for row in rows})
        return found

    def statement_outlines(self, ids: Iterable[int] | None = None) -> list[StatementOutline]:
        """Every current statement's id, article and content, in article and text order; or,
        given ``ids``, those statements' (one query by primary key per ``chunks`` of them:
        reading a few hundred of a large ledger's statements costs a tenth of reading all)."""
        with self.engine.connect() as conn:
            if ids is not None:
                by_id = sa.select(*_OUTLINE_COLUMNS)
                found = [
                    StatementOutline(*row)
                    for chunk in chunks(sorted(set(ids)))
                    for row in conn.execute(by_id.where(statements.c.id.in_(chunk)))
                ]
                return sorted(found, key=lambda outline: (outline.article_id, outline.start))
            query = (
                sa.select(*_OUTLINE_COLUMNS)
                .join(articles, articles.c.id == statements.c.article_id)
                .where(articles.c.is_current.is_(True))
                .order_by(articles.c.id, statements.c.ordinal)
            )
            return [StatementOutline(*row) for row in conn.execute(query)]

    def article_outlines(self, article_ids: Iterable[int]) -> list[StatementOutline]:
        """The outlines of every statement of these articles (one indexed query per
        ``chunks`` of them), in article and text order."""
        query = sa.select(*_OUTLINE_COLUMNS).order_by(statements.c.article_id, statements.c.ordinal)
        with self.engine.connect() as conn:
            return [
                StatementOutline(*row)
                for chunk in chunks(sorted(set(article_ids)))
                for row in conn.execute(query.where(statements.c.article_id.in_(chunk)))
            ]

    def statements(self, *, article_id: int | None = None) -> list[StoredStatement]:
        """Statements of current revisions (or of one revision), in article and text order."""
        if article_id is None:
            return self._select_statements(articles.c.is_current.is_(True))
        return self._select_statements(articles.c.id == article_id)

    def current_statements(self, ids: Iterable[int]) -> list[StoredStatement]:
        """The statements with these ids that belong to current revisions, in article and
        text order (one indexed query per ``chunks`` of ids, not a scan of the ledger)."""
        return self._stored_statements(sorted(set(ids)), current_only=True)

    def _stored_statements(
        self, ids: Sequence[int], *, current_only: bool = False
    ) -> list[StoredStatement]:
        """The statements with these ids, in article and text order."""
        found: list[StoredStatement] = []
        for chunk in chunks(ids):
            where: sa.ColumnElement[bool] = statements.c.id.in_(chunk)
            if current_only:
                where = sa.and_(where, articles.c.is_current.is_(True))
            found += self._select_statements(where)
        order = {
            s.id: (s.article.published or dt.date.min, s.article.id, s.statement.span)
            for s in found
        }
        return sorted(found, key=lambda s: order[s.id])

    def _select_statements(self, where: sa.ColumnElement[bool]) -> list[StoredStatement]:
        query = (
            sa.select(statements, *ARTICLE_REF_COLUMNS)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(where)
            .order_by(articles.c.published, articles.c.id, statements.c.ordinal)
        )
        chosen = (
            sa.select(statements.c.id)
            .join(articles, articles.c.id == statements.c.article_id)
            .where(where)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            speaker_rows = conn.execute(
                sa.select(speakers)
                .where(speakers.c.statement_id.in_(chosen))
                .order_by(speakers.c.statement_id, speakers.c.ordinal)
            ).all()
        by_statement: dict[int, list[Speaker]] = {}
        for sp in speaker_rows:
            by_statement.setdefault(sp.statement_id, []).append(
                Speaker(
                    text=sp.text,
                    span=_pair(sp.span_start, sp.span_end),
                    name=sp.name,
                    role=sp.role,
                    actor_id=sp.actor_id,
                    actor=sp.actor,
                    actor_kind=_actor_kind(sp.actor_kind),
                )
            )
        found = list(self._stored(rows, by_statement))
        copied = self.copies_of(s.article.key for s in found)
        for stored in found:
            stored.copies = tuple(copied.get(stored.article.key, ()))
        return found

    def _stored(
        self, rows: Iterable[Any], by_statement: dict[int, list[Speaker]]
    ) -> Iterator[StoredStatement]:
        refs: dict[int, ArticleRef] = {}
        for row in rows:
            m = row._mapping
            statement_id = m[statements.c.id]
            ref = refs.get(m[articles.c.id])
            if ref is None:
                title = m[articles.c.title]
                ref = refs[m[articles.c.id]] = ArticleRef(
                    id=m[articles.c.id],
                    key=m[articles.c.key],
                    revision=m[articles.c.revision],
                    title=title,
                    url=m[articles.c.url],
                    published=m[articles.c.published],
                    source_name=m[articles.c.source_name],
                    lead=None if title else first_sentence(m["opening"] or ""),
                )
            yield StoredStatement(
                id=statement_id,
                article=ref,
                statement=Statement(
                    kind=_kind(m[statements.c.kind]),
                    cue=m[statements.c.cue],
                    cue_span=_pair(m[statements.c.cue_start], m[statements.c.cue_end]),
                    content=m[statements.c.content],
                    content_span=(m[statements.c.content_start], m[statements.c.content_end]),
                    source_text=m[statements.c.source_text],
                    source_span=_pair(m[statements.c.source_start], m[statements.c.source_end]),
                    span=(m[statements.c.span_start], m[statements.c.span_end]),
                    speakers=by_statement.get(statement_id, []),
                    said_on=m[statements.c.said_on],
                    said_on_basis=_basis(m[statements.c.said_on_basis]),
                ),
            )

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                "articles": conn.execute(
                    sa.select(sa.func.count()).select_from(articles)
                ).scalar_one(),
                "statements": conn.execute(
                    sa.select(sa.func.count()).select_from(statements)
                ).scalar_one(),
            }


def _check_judged(
    found: Sequence[Statement], judged: Sequence[Sequence[MatchedJudgement]] | None
) -> None:
    if judged is not None and len(judged) != len(found):
        raise ValueError("judged must have one entry per statement")


def _pair(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _kind(value: str) -> StatementKind:
    assert value in ("direct", "indirect", "mixed", "belief", "act"), value
    return value  # type: ignore[return-value]


def _basis(value: str) -> DateBasis:
    assert value in ("explicit", "relative", "article"), value
    return value  # type: ignore[return-value]


def _actor_kind(value: str) -> ActorKind:
    assert value in ("person", "country", "organization", "unknown"), value
    return value  # type: ignore[return-value]
