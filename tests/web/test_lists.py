"""The lists on the web and on the command line: a page at a time with links to the next,
search over titles and speakers on the home page, untitled articles by their first
sentence, and a cursor or page size that is not one refused (400 / 422, one line)."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from conftest import Stored
from fastapi.testclient import TestClient
from support import TROOPS, article, save_troops_proposal, statements_of
from test_editors import login
from typer.testing import CliRunner

from factbox.cli import app
from factbox.editorial import NewReport
from factbox.service import Factbox
from factbox.store import Ledger

UNTITLED = (
    "Ministers met in Vilnius on Friday. They said little.\n\n"
    'Lithuanian President Gitanas Nauseda said the talks "went well".'
)


def add_articles(stored: Stored, count: int) -> None:
    """``count`` more articles, dated in turn on two days (ties), every third untitled."""
    for number in range(count):
        body = f"Story {number} begins here. It goes on.\n\n{UNTITLED}"
        said = statements_of(body, [], dt.date(2024, 5, 1))
        on = dt.date(2024, 5, 1 + number % 2)
        title = "" if number % 3 == 0 else f"Story {number}"
        stored.ledger.save_article(
            article(f"/srv/feeds/story-{number}.txt", title, body, on), said
        )


def links(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<a href="(/articles/\d+)"', page)]


def test_the_home_page_goes_page_by_page(client: TestClient, stored: Stored) -> None:
    add_articles(stored, 9)
    seen: list[str] = []
    page = client.get("/?limit=4")
    pages = 1
    while True:
        assert page.status_code == 200
        seen += links(page.text)
        found = re.search(r'<a href="([^"]+)" rel="next">Next page</a>', page.text)
        if found is None:
            break
        assert 'href="/?limit=4#articles">First page</a>' in page.text or pages == 1
        page = client.get(html.unescape(found.group(1)))
        pages += 1
    assert pages == 3
    assert len(seen) == len(set(seen)) == 11
    every = [f"/articles/{row.ref.id}" for row in stored.factbox.articles()]
    assert seen == every


def test_untitled_articles_show_their_first_sentence_never_a_path(
    client: TestClient, stored: Stored
) -> None:
    add_articles(stored, 3)
    page = client.get("/").text
    assert ">Story 0 begins here.</a>" in page
    assert "/srv/feeds" not in page and "story-0.txt" not in page
    assert ">Story 1</a>" in page


def test_the_home_page_searches_titles_and_speakers(client: TestClient, stored: Stored) -> None:
    page = client.get("/", params={"q": "fico"}).text
    assert links(page) == [f"/articles/{stored.ids['brussels']}"]
    assert 'value="fico"' in page
    page = client.get("/", params={"q": "MACRON keeps"}).text
    assert links(page) == [f"/articles/{stored.ids['paris']}"]
    page = client.get("/", params={"q": "Lipavsky"}).text
    assert set(links(page)) == {f"/articles/{i}" for i in stored.ids.values()}
    nothing = client.get("/", params={"q": "<b>Nobody</b>"}).text
    assert links(nothing) == [] and "&lt;b&gt;Nobody&lt;/b&gt;" in nothing
    api = client.get("/api/articles", params={"q": "fico"}).json()
    assert [a["key"] for a in api["items"]] == ["brussels"] and api["next"] is None


def test_json_lists_are_pages_with_a_next_cursor(client: TestClient, stored: Stored) -> None:
    add_articles(stored, 4)
    first = client.get("/api/articles?limit=5").json()
    assert len(first["items"]) == 5 and first["next"]
    rest = client.get("/api/articles", params={"limit": 5, "after": first["next"]}).json()
    assert len(rest["items"]) == 1 and rest["next"] is None
    keys = [a["key"] for a in first["items"] + rest["items"]]
    assert len(set(keys)) == 6 and "/srv/feeds/story-0.txt" not in keys  # public keys only
    statements = client.get("/api/statements?limit=2").json()
    assert len(statements["items"]) == 2 and statements["next"]
    more = client.get("/api/statements", params={"after": statements["next"]}).json()
    ids = [s["id"] for s in statements["items"] + more["items"]]
    assert ids == sorted({s.id for s in stored.factbox.statements()}, reverse=True)
    czech = client.get("/api/actors/CZ?limit=1").json()
    assert len(czech["statements"]) == 1 and czech["next"]
    second = client.get("/api/actors/CZ", params={"limit": 1, "after": czech["next"]}).json()
    assert second["next"] is None
    assert {s["speakers"][0]["actor_id"] for s in czech["statements"] + second["statements"]} == {
        "CZ"
    }
    assert czech["statements"][0]["id"] > second["statements"][0]["id"]
    assert client.get("/api/statements", params={"actor": "CZ"}).json()["items"] == (
        czech["statements"] + second["statements"]
    )


def test_the_actor_page_links_its_next_page(client: TestClient) -> None:
    first = client.get("/actors/CZ?limit=1").text
    found = re.search(r'<a href="([^"]+)" rel="next">Next page</a>', first)
    assert found is not None
    second = client.get(html.unescape(found.group(1))).text
    assert "First page" in second and 'rel="next"' not in second
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", first + second)
    assert len(quotes) == len(set(quotes)) == 2


@pytest.mark.parametrize("path", ["/", "/api/articles", "/actors/CZ", "/api/statements"])
def test_a_bad_cursor_is_400_and_a_bad_page_size_422(client: TestClient, path: str) -> None:
    for cursor in ("nonsense", "0", "2024-02-30_4", "1" * 30):
        answer = client.get(path, params={"after": cursor})
        assert answer.status_code == 400, cursor
        assert "not a page cursor" in answer.text
    for size in ("0", "201", "-5", "ten", "1e3"):
        answer = client.get(path, params={"limit": size})
        assert answer.status_code == 422, size
        assert "not a page size" in answer.text
    assert client.get(path, params={"limit": "200"}).status_code == 200


def test_the_queue_pages_through_reports(client: TestClient, stored: Stored) -> None:
    when = dt.datetime(2024, 5, 2, 8, 0)
    for number in range(7):  # five reported at the same moment: ties in the queue's order
        report = NewReport(
            page_url=f"http://testserver/articles/{stored.ids['brussels']}",
            exact=f"words {number}",
            prefix="",
            suffix="",
            position=None,
            comment="",
            reporter_hash="h",
        )
        stored.factbox.save_reports([report], now=when + dt.timedelta(minutes=number // 5))
    login(client)
    page = client.get("/editors/queue?status=all")
    seen: list[str] = []
    while True:
        seen += re.findall(r'<article class="report" id="(r\d+)"', page.text)
        found = re.search(r'<a href="([^"]+)" rel="next">Next page</a>', page.text)
        if found is None:
            break
        assert "status=all" in found.group(1)
        page = client.get(html.unescape(found.group(1)))
    assert len(seen) == len(set(seen)) == 7
    assert client.get("/editors/queue?after=r5").status_code == 400


def ledger_path(stored: Stored) -> str:
    return str(Path(stored.ledger.url.removeprefix("sqlite:///")))


def test_the_cli_lists_a_page_and_prints_the_next_cursor(stored: Stored) -> None:
    add_articles(stored, 3)
    runner = CliRunner()
    db = ledger_path(stored)
    first = runner.invoke(app, ["articles", "--db", db, "--limit", "2", "-f", "json"])
    assert first.exit_code == 0, first.output
    cursor = re.search(r"next page: --after (\S+)", first.stderr)
    assert cursor is not None
    rest = runner.invoke(
        app, ["articles", "--db", ledger_path(stored), "--after", cursor.group(1), "-f", "csv"]
    )
    assert rest.exit_code == 0 and "next page" not in rest.stderr
    every = runner.invoke(app, ["statements", "--db", ledger_path(stored), "--all", "-f", "json"])
    assert every.exit_code == 0 and "next page" not in every.stderr
    czech = runner.invoke(
        app, ["statements", "--db", ledger_path(stored), "--actor", "CZ", "-f", "json"]
    )
    assert czech.exit_code == 0 and czech.stdout.count('"actor_id": "CZ"') == 2


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["articles", "--after", "yesterday"], "yesterday: not a page cursor"),
        (["statements", "--after", "12_3"], "12_3: not a page cursor"),
        (["articles", "--limit", "0"], "0: not a page size"),
        (["statements", "--limit", "5000"], "5000: not a page size"),
    ],
)
def test_the_cli_names_a_bad_cursor_or_size_in_one_line(
    stored: Stored, options: list[str], named: str
) -> None:
    result = CliRunner().invoke(app, [*options, "--db", ledger_path(stored)])
    assert result.exit_code == 1
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"factbox: error: {named}")


def test_positions_are_kept_until_the_ledger_changes(stored: Stored) -> None:
    save_troops_proposal(stored.ledger)
    factbox = stored.factbox
    first = factbox.positions(TROOPS)
    assert first.positions == [] and factbox.positions(TROOPS) is first
    assert factbox.factbox(TROOPS) is factbox.factbox(TROOPS)
    factbox.correct(1, "stance", "supports", proposal=TROOPS, editor="o", reason="r")
    second = factbox.positions(TROOPS)
    assert [(p.actor_id, p.stance) for p in second.positions] == [("CZ", "supports")]
    assert factbox.factbox(TROOPS).positions is second
    # another process writes to the same ledger: this one sees it on its next request
    with Factbox(Ledger(stored.ledger.url)) as other:
        other.correct(2, "stance", "opposes", proposal=TROOPS, editor="o", reason="r")
    third = factbox.positions(TROOPS)
    assert {(p.actor_id, p.stance) for p in third.positions} == {
        ("CZ", "supports"),
        ("SK", "opposes"),
    }
    assert factbox.positions(TROOPS, as_of=dt.date(2024, 1, 1)).positions == []
