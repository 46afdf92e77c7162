"""The ledger on a real SQLite file: revisions, idempotence, people memory, read-back."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import sqlalchemy as sa

from factbox.records import Article, Person, Speaker, Statement
from factbox.store import Ledger, PeopleDirectory


def make_article(body: str, key: str = "wire/1", title: str = "Troops debate") -> Article:
    return Article(
        key=key,
        source_name=f"{key}.txt",
        format="text",
        raw=f"{title}\n\n{body}\n\nShare this article",
        body=body,
        content_hash=hashlib.sha256((title + body).encode()).hexdigest(),
        title=title,
        published=dt.date(2024, 2, 27),
    )


def statement_in(body: str, content: str, source: str) -> Statement:
    c0 = body.index(content)
    s0 = body.index(source)
    cue0 = body.index("said")
    return Statement(
        kind="indirect",
        cue="said",
        cue_span=(cue0, cue0 + 4),
        content=content,
        content_span=(c0, c0 + len(content)),
        source_text=source,
        source_span=(s0, s0 + len(source)),
        span=(min(c0, s0), max(c0 + len(content), cue0 + 4)),
        speakers=[
            Speaker(
                text=source,
                span=(s0, s0 + len(source)),
                name="Robert Fico",
                role="Prime Minister",
                actor_id="SK",
                actor="Slovakia",
                actor_kind="country",
            )
        ],
        said_on=dt.date(2024, 2, 26),
        said_on_basis="relative",
    )


BODY = "Robert Fico said on Monday that Slovakia would not send soldiers."


def test_save_then_read_back_keeps_every_span(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    article = make_article(BODY)
    stmt = statement_in(BODY, "Slovakia would not send soldiers", "Robert Fico")
    assert ledger.save_article(article, [stmt]) == "ingested"

    [stored] = ledger.statements()
    got = stored.statement
    body = ledger.article_body(stored.article.id)
    assert body[got.content_span[0] : got.content_span[1]] == got.content
    assert got.source_span is not None
    assert body[got.source_span[0] : got.source_span[1]] == "Robert Fico"
    assert got.speakers[0].actor_id == "SK"
    assert got.said_on == dt.date(2024, 2, 26)
    assert got.said_on_basis == "relative"
    assert stored.article.published == dt.date(2024, 2, 27)


def test_same_content_again_changes_nothing(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    article = make_article(BODY)
    stmt = statement_in(BODY, "Slovakia would not send soldiers", "Robert Fico")
    ledger.save_article(article, [stmt])
    before = ledger.counts()
    assert ledger.save_article(article, [stmt]) == "unchanged"
    assert ledger.counts() == before


def test_changed_text_under_same_key_is_a_new_revision(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    first = make_article(BODY)
    ledger.save_article(
        first, [statement_in(BODY, "Slovakia would not send soldiers", "Robert Fico")]
    )
    revised_body = BODY.replace("soldiers", "combat troops")
    revised = make_article(revised_body)
    assert (
        ledger.save_article(
            revised,
            [statement_in(revised_body, "Slovakia would not send combat troops", "Robert Fico")],
        )
        == "revised"
    )

    [current] = ledger.articles()
    assert current.ref.revision == 2
    assert [s.statement.content for s in ledger.statements()] == [
        "Slovakia would not send combat troops"
    ]
    assert len(ledger.articles(all_revisions=True)) == 2
    old = next(r for r in ledger.articles(all_revisions=True) if r.ref.revision == 1)
    assert [s.statement.content for s in ledger.statements(article_id=old.ref.id)] == [
        "Slovakia would not send soldiers"
    ]


def test_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    bad = statement_in(BODY, "Slovakia would not send soldiers", "Robert Fico")
    bad.kind = None  # type: ignore[assignment]  # violates NOT NULL mid-transaction
    try:
        ledger.save_article(make_article(BODY), [bad])
    except sa.exc.IntegrityError:
        pass
    else:  # pragma: no cover
        raise AssertionError("expected the NOT NULL violation")
    assert ledger.counts() == {"articles": 0, "statements": 0}


def test_people_memory_keeps_latest_role_and_first_seen(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    older = Person(
        "Jens Stoltenberg", "Prime Minister", "NO", "Norway", "country", dt.date(2013, 5, 1)
    )
    newer = Person(
        "Jens Stoltenberg",
        "Secretary-General",
        "NATO",
        "NATO",
        "organization",
        dt.date(2024, 2, 26),
    )
    ledger.save_article(make_article(BODY, key="a"), [], [newer])
    ledger.save_article(make_article(BODY + " More.", key="b"), [], [older])
    directory = ledger.people_directory()
    found = directory.lookup("Stoltenberg")
    assert found is not None
    assert found.actor_id == "NATO"
    assert directory.lookup("jens stoltenberg") == found
    with ledger.engine.connect() as conn:
        first_seen = conn.execute(sa.text("select first_seen from people")).scalar_one()
    assert str(first_seen) == "2013-05-01"


def test_people_of_one_article_are_each_added_or_updated(tmp_path: Path) -> None:
    """Several people an article names: new ones added, known ones seen later take the later
    role, one seen earlier than before keeps its role and moves its first date back."""
    ledger = Ledger(tmp_path / "l.db")
    day = dt.date
    first = [
        Person("Ana Vel", "Minister", "RU", "Ruritania", "country", day(2020, 3, 1)),
        Person("Olek Brun", "Senator", "RU", "Ruritania", "country", day(2020, 3, 1)),
        Person("Ida Marr", "Envoy", "GR", "Graustark", "country", day(2020, 3, 1)),
    ]
    second = [
        Person("Ana Vel", "Prime Minister", "RU", "Ruritania", "country", day(2021, 6, 2)),
        Person("Olek Brun", "Governor", "RU", "Ruritania", "country", day(2022, 1, 9)),
        Person("Ida Marr", "Spokeswoman", "GR", "Graustark", "country", day(2019, 1, 1)),
        Person("Piet Sand", None, None, None, "person", None),
    ]
    ledger.save_article(make_article(BODY, key="a"), [], first)
    ledger.save_article(make_article(BODY + " More.", key="b"), [], second)
    with ledger.engine.connect() as conn:
        rows = conn.execute(
            sa.text("select name, role, first_seen, last_seen from people order by name")
        ).all()
    assert [(r.name, r.role, str(r.first_seen), str(r.last_seen)) for r in rows] == [
        ("Ana Vel", "Prime Minister", "2020-03-01", "2021-06-02"),
        ("Ida Marr", "Envoy", "2019-01-01", "2020-03-01"),
        ("Olek Brun", "Governor", "2020-03-01", "2022-01-09"),
        ("Piet Sand", None, "None", "None"),
    ]


def test_surname_lookup_refuses_ambiguity() -> None:
    directory = PeopleDirectory(
        [
            Person("Petr Fiala", "Prime Minister", "CZ", "Czechia", "country", None),
            Person("Ivan Fiala", None, None, None, "person", None),
        ]
    )
    assert directory.lookup("Fiala") is None
    found = directory.lookup("Petr Fiala")
    assert found is not None and found.actor_id == "CZ"


def test_current_statements_by_id_leave_out_old_revisions(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    ledger.save_article(
        make_article(BODY), [statement_in(BODY, "Slovakia would not send soldiers", "Robert Fico")]
    )
    old_ids = [s.id for s in ledger.statements()]
    revised_body = BODY.replace("soldiers", "combat troops")
    revised = make_article(revised_body)
    ledger.save_article(
        revised,
        [statement_in(revised_body, "Slovakia would not send combat troops", "Robert Fico")],
    )
    (new,) = ledger.statements()
    found = ledger.current_statements([*old_ids, new.id, 10_000])
    assert [s.id for s in found] == [new.id]
    assert found[0].statement.content == "Slovakia would not send combat troops"
    assert ledger.current_statements([]) == []
