"""Every listing a page at a time, on SQLite and on PostgreSQL: walking the pages gives each
row once, in the listing's order, whatever the page size, with ties in the first sort key,
with rows stored between two pages, with editors' corrections that hide or move statements;
a cursor no listing gave out and a page size out of bounds are refused."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
import sqlalchemy as sa
from pg_server import fresh_database

from factbox.corrections import CorrectionRequest
from factbox.editorial import NewReport
from factbox.paging import MAX_LIMIT
from factbox.records import Article, CursorError, InputError, Page, Speaker, Statement
from factbox.service import Factbox
from factbox.store import Ledger, listing

T = TypeVar("T")
_numbers = itertools.count(1)
DAYS = (dt.date(2024, 3, 1), dt.date(2024, 3, 2), None)
"""Published dates, taken in turn: many articles share each one (ties), some are undated."""
PEOPLE = (("Anna Berg", "DE"), ("Louis Roche", "FR"), ("Marie Dubois", "FR"), ("Tom Hale", "US"))
ARTICLES = 17


def _statement(body: str, name: str, actor_id: str, sentence: str) -> Statement:
    start = body.index(sentence)
    content = sentence.split(" said ", 1)[1].rstrip(".")
    content_start = body.index(content, start)
    return Statement(
        kind="indirect",
        cue="said",
        cue_span=(start + len(name) + 1, start + len(name) + 5),
        content=content,
        content_span=(content_start, content_start + len(content)),
        source_text=name,
        source_span=(start, start + len(name)),
        span=(start, start + len(sentence) - 1),
        speakers=[Speaker(name, (start, start + len(name)), name, None, actor_id, actor_id)],
    )


def store_article(ledger: Ledger, number: int, title: str | None = None) -> None:
    """Article ``number``: two statements by two of ``PEOPLE``; every fifth has no title."""
    first, second = PEOPLE[number % 4], PEOPLE[(number + 1) % 4]
    sentences = [
        f"{first[0]} said plan {number} would hold.",
        f"{second[0]} said talks on plan {number} would go on.",
    ]
    body = f"Plan {number} was discussed on Monday.\n\n" + "\n\n".join(sentences)
    found = [
        _statement(body, person[0], person[1], sentence)
        for person, sentence in zip((first, second), sentences, strict=True)
    ]
    article = Article(
        key=f"/srv/news/story-{number}.txt",
        source_name=f"story-{number}.txt",
        format="text",
        raw=body,
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        title=title if title is not None else (None if number % 5 == 0 else f"Plan {number}"),
        published=DAYS[number % 3],
    )
    assert ledger.save_article(article, found) == "ingested"


@pytest.fixture(params=["sqlite", "postgresql"])
def factbox(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Factbox]:
    if request.param == "sqlite":
        ledger = Ledger(tmp_path / "ledger.db")
    else:
        server = request.getfixturevalue("server")
        name = f"factbox_listing_{os.getpid()}_{next(_numbers)}"
        ledger = Ledger(fresh_database(server, name))
    for number in range(ARTICLES):
        store_article(ledger, number)
    with Factbox(ledger) as service:
        yield service


def walk(listing: Callable[[str | None], Page[T]], allow_empty: bool = False) -> list[T]:
    """Every item, following the cursors page by page (``allow_empty``: a search's page
    may hold none of them and still lead on)."""
    found: list[T] = []
    after: str | None = None
    for _ in range(1000):
        page = listing(after)
        found += page.items
        if page.next is None:
            return found
        assert page.items or allow_empty, "a page with a next cursor has rows"
        after = page.next
    raise AssertionError("the cursors never end")


def article_order(factbox: Factbox) -> list[int]:
    """The listing's order worked out from the rows: dated newest first, then undated,
    newest stored first; ids break ties."""
    with factbox._ledger.engine.connect() as conn:
        rows = conn.execute(sa.text("select id, published from articles where is_current")).all()
    published = [(dt.date.fromisoformat(str(p)), i) for i, p in rows if p is not None]
    undated = [i for i, p in rows if p is None]
    return [i for _, i in sorted(published, reverse=True)] + sorted(undated, reverse=True)


@pytest.mark.parametrize("limit", [1, 2, 5, 6, MAX_LIMIT])
def test_article_pages_hold_every_article_once_in_order(factbox: Factbox, limit: int) -> None:
    listed = walk(lambda after: factbox.articles_page(after=after, limit=limit))
    assert [row.ref.id for row in listed] == article_order(factbox)
    assert all(row.statements == 2 for row in listed)


def test_an_article_stored_between_two_pages_moves_no_other(factbox: Factbox) -> None:
    first = factbox.articles_page(limit=4)
    store_article(factbox._ledger, 100)  # published on the latest day: sorts before the cursor
    rest = walk(lambda after: factbox.articles_page(after=after or first.next, limit=4))
    ids = [row.ref.id for row in first.items + rest]
    assert len(ids) == len(set(ids)) == ARTICLES
    assert ids == [i for i in article_order(factbox) if i in set(ids)]


def test_untitled_articles_are_listed_by_their_first_sentence(factbox: Factbox) -> None:
    rows = {row.ref.key: row.ref for row in factbox.articles()}
    untitled = rows["/srv/news/story-5.txt"]
    assert untitled.title is None
    assert untitled.lead == "Plan 5 was discussed on Monday."
    assert rows["/srv/news/story-6.txt"].lead is None


def test_search_finds_titles_and_speakers_as_written(
    factbox: Factbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    def keys(search: str) -> set[str]:
        found = walk(
            lambda after: factbox.articles_page(after=after, limit=2, search=search),
            allow_empty=True,
        )
        return {row.ref.key.rsplit("-", 1)[1] for row in found}

    assert keys("plan 12") == {"12.txt"}  # a title, whatever the case
    # Matches past the articles one page looks through are found on later pages.
    monkeypatch.setattr(listing, "SEARCH_WINDOW", 3)
    assert keys("plan 12") == {"12.txt"}
    # Tom Hale speaks in articles 3, 7, 11, 15 (first) and 2, 6, 10, 14 (second)
    assert keys("tom hale") == {f"{n}.txt" for n in (2, 3, 6, 7, 10, 11, 14, 15)}
    assert keys("  TOM   hale ") == keys("tom hale")
    assert keys("100%") == set()  # % is a character, not a wildcard
    assert keys("Plan_1") == set()
    assert keys("Tom Hale") == {f"{n}.txt" for n in (2, 3, 6, 7, 10, 11, 14, 15)}
    with pytest.raises(InputError, match="at most 200 characters"):
        factbox.articles_page(search="x" * 201)


def expected_statements(factbox: Factbox, actor: str | None) -> list[int]:
    every = factbox.statements()
    return sorted(
        (
            s.id
            for s in every
            if actor is None or any(sp.actor_id == actor for sp in s.statement.speakers)
        ),
        reverse=True,
    )


@pytest.mark.parametrize("limit", [1, 3, 7])
@pytest.mark.parametrize("actor", [None, "FR", "US"])
def test_statement_pages_follow_corrections(
    factbox: Factbox, limit: int, actor: str | None
) -> None:
    every = factbox.statements()
    moved = next(s for s in every if s.statement.speakers[0].actor_id == "DE")
    hidden = next(s for s in every if s.statement.speakers[0].actor_id == "US")
    factbox.correct_statement(CorrectionRequest(moved.id, editor="e", why="r", actors=["US"]))
    factbox.correct(hidden.id, "not_statement", True, editor="e", reason="a caption")
    listed = walk(lambda after: factbox.statements_page(after=after, limit=limit, actor=actor))
    ids = [s.id for s in listed]
    assert ids == expected_statements(factbox, actor)
    assert hidden.id not in ids
    assert (moved.id in ids) == (actor in (None, "US"))


def test_a_revised_article_lists_its_new_statements_only(factbox: Factbox) -> None:
    before = {s.id for s in walk(lambda a: factbox.statements_page(after=a, limit=5))}
    before_de = walk(lambda a: factbox.statements_page(after=a, limit=3, actor="DE"))
    ledger = factbox._ledger
    ref = ledger.find_article("/srv/news/story-4.txt")
    assert ref is not None
    article = ledger.stored_article(ref.id)
    body = article.body.replace("Monday", "Tuesday")
    revised = Article(
        key=article.key,
        source_name=article.source_name,
        format=article.format,
        raw=body,
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        title=article.title,
        published=article.published,
    )
    old = factbox.statements(ref.id)
    shifted = [
        _statement(body, sp.name or "", sp.actor_id or "", line)
        for s in old
        for sp in s.statement.speakers[:1]
        for line in article.body[s.statement.span[0] :].split("\n")[:1]
    ]
    assert ledger.save_article(revised, shifted) == "revised"
    after = {s.id for s in walk(lambda a: factbox.statements_page(after=a, limit=5))}
    new = {s.id for s in factbox.statements(factbox.find_article(article.key).id)}
    assert after == (before - {s.id for s in old}) | new
    assert len(after) == len(before)
    # an actor's listing too: the old revision's statement gives way to the new one's
    now_de = walk(lambda a: factbox.statements_page(after=a, limit=3, actor="DE"))
    assert len(now_de) == len(before_de)
    assert {s.id for s in before_de} - {s.id for s in now_de} == {
        s.id for s in old if s.statement.speakers[0].actor_id == "DE"
    }
    assert all(s.article.id != ref.id for s in now_de)


def test_report_groups_page_through_ties(factbox: Factbox) -> None:
    same = dt.datetime(2024, 3, 2, 9, 30)
    for number in range(7):
        report = NewReport(
            page_url=f"https://news.example/{number % 2}",
            exact=f"plan {number}",
            prefix="",
            suffix="",
            position=None,
            comment="",
            reporter_hash="h",
        )
        factbox.save_reports([report], now=same if number < 5 else same + dt.timedelta(hours=1))
    listed = walk(lambda after: factbox.report_groups_page(None, after=after, limit=2))
    assert len(listed) == len({g.id for g in listed}) == 7
    assert [(g.last_reported, g.id) for g in listed] == sorted(
        ((g.last_reported, g.id) for g in listed), reverse=True
    )
    news = walk(lambda after: factbox.report_groups_page(["new"], after=after, limit=3))
    assert [g.id for g in news] == [g.id for g in listed]
    one_page = walk(
        lambda after: factbox.report_groups_page(
            None, after=after, limit=1, page_url="https://news.example/0"
        )
    )
    assert [g.id for g in one_page] == [g.id for g in listed if g.page_url.endswith("/0")]


@pytest.mark.parametrize(
    "cursor", ["x", "0", "-3", "2024-13-01_5", "2024-03-01_", "99999999999", "1 ", "3\n", "٣"]
)
def test_a_cursor_no_listing_gave_out_is_refused(factbox: Factbox, cursor: str) -> None:
    with pytest.raises(CursorError, match="not a page cursor"):
        factbox.articles_page(after=cursor)
    if not cursor.startswith("2024"):
        with pytest.raises(CursorError, match="not a page cursor"):
            factbox.statements_page(after=cursor)
    with pytest.raises(CursorError, match="not a page cursor"):
        factbox.report_groups_page(None, after=cursor)


@pytest.mark.parametrize("limit", [0, -1, MAX_LIMIT + 1])
def test_a_page_size_out_of_bounds_is_refused(factbox: Factbox, limit: int) -> None:
    with pytest.raises(InputError, match="not a page size"):
        factbox.articles_page(limit=limit)
    with pytest.raises(InputError, match="not a page size"):
        factbox.statements_page(limit=limit)
