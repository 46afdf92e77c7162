"""Faults an attacker or a careless input finds: server paths in public pages, ids out of
range, spreadsheet formulas in CSV, script links, bidi controls, HEAD requests."""

from __future__ import annotations

import concurrent.futures
import csv
import datetime as dt
import io
from dataclasses import replace

import pytest
from conftest import Stored
from fastapi.testclient import TestClient
from rich.console import Console
from support import PARIS, PARIS_SAID, article, statements_of
from test_editors import login
from test_reports_api import report

from factbox.output import OutputFormat, render
from factbox.serialize import public_key, spreadsheet_safe
from factbox.service import PositionsReport
from factbox.stance.records import Position, Proposal
from factbox.store.reports import report_count
from factbox.web import WebSettings, create_app, readers
from factbox.web.intake import ReportIn, ReportWriter

TOO_BIG = "9223372036854775808"  # 2**63: no SQLite integer holds it
EIGHTEEN_DIGITS = "123456789012345678"  # holds in SQLite, not in PostgreSQL's INTEGER


def store_from_path(stored: Stored, path: str, title: str | None, url: str | None) -> int:
    on = dt.date(2024, 2, 27)
    body = f"{PARIS}\n\nThis is copy number {len(stored.ledger.articles())}."
    found = replace(article(path, title or "", body, on, url=url), title=title)
    stored.ledger.save_article(found, statements_of(body, PARIS_SAID, on))
    ref = stored.ledger.find_article(path)
    assert ref is not None
    return ref.id


# -- no server path in public --------------------------------------------------------------


def test_public_pages_and_api_show_a_files_name_not_its_server_path(
    client: TestClient, stored: Stored
) -> None:
    path = "/srv/newsroom/private-desk/2024/paris-followup.txt"
    article_id = store_from_path(stored, path, None, None)
    for url in ("/", f"/articles/{article_id}", "/api/articles", f"/api/articles/{article_id}"):
        text = client.get(url).text
        assert "/srv/newsroom" not in text and "private-desk" not in text, url
        # lists call an untitled article by its first sentence, the rest by the file's name
        assert "paris-followup.txt" in text or url == "/", url
    home = client.get("/").text
    assert f'<a href="/articles/{article_id}">{PARIS.split(" Ukraine.")[0]} Ukraine.</a>' in home
    assert "/srv/newsroom" not in client.get("/api/actors/FR").text
    listing = {a["id"]: a for a in client.get("/api/articles").json()["items"]}
    assert listing[article_id]["key"] == "paris-followup.txt"
    assert listing[article_id]["source"] == "paris-followup.txt"


def test_public_keys_keep_ids_and_urls() -> None:
    assert public_key("brussels") == "brussels"
    assert public_key("https://example.org/a/b") == "https://example.org/a/b"
    assert public_key("/srv/news/feed.xml#3") == "feed.xml#3"
    assert public_key("C:\\news\\story.txt") == "story.txt"


# -- ids out of range ------------------------------------------------------------------------


@pytest.mark.parametrize("number", [TOO_BIG, EIGHTEEN_DIGITS, "0", "99999999999999999999999"])
def test_ids_out_of_range_are_not_found(client: TestClient, number: str) -> None:
    for url in (f"/api/articles/{number}", f"/articles/{number}", f"/statements/{number}"):
        assert client.get(url).status_code in (404, 422), url


def test_a_report_with_an_article_id_out_of_range_is_refused(client: TestClient) -> None:
    response = client.post("/api/reports", json=report(article_id=EIGHTEEN_DIGITS))
    assert response.status_code == 422
    assert "article_id" in response.text


def test_one_bad_report_does_not_fail_the_others_in_its_batch(stored: Stored) -> None:
    writer = ReportWriter(stored.factbox)
    good: concurrent.futures.Future[object] = concurrent.futures.Future()
    bad: concurrent.futures.Future[object] = concurrent.futures.Future()
    fine = ReportIn.model_validate(report()).to_report("0" * 64, None)
    # An id no database column holds: the batch's insert fails on every engine.
    broken = replace(fine, exact="broken", article_id=2**80)
    writer._write([(fine, good), (broken, bad)])  # type: ignore[list-item]
    assert good.result(timeout=0).count == 1  # type: ignore[attr-defined]
    assert bad.exception(timeout=0) is not None
    assert report_count(stored.ledger) == 1


# -- CSV, links, bidi controls, HEAD -----------------------------------------------------------


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell
    buffer = io.StringIO()
    render([{}], [{"id": 1, "content": cell}], OutputFormat.csv, Console(file=buffer))
    [row] = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["content"] == "'" + cell and row["id"] == "1"


def test_the_factbox_csv_neutralises_an_actor_that_is_a_formula(
    stored: Stored, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = dt.date(2024, 4, 4)
    formula = Position("CZ", "@SUM(1+1)*cmd|' /C calc'!A0", "country", "supports", day, [1])
    positions = PositionsReport(Proposal(slug="p", title="P"), day, [formula], [], {})
    monkeypatch.setattr(stored.factbox, "positions", lambda *_a, **_k: positions)
    # the row's other cells need stored evidence; the actor's cell is the one under test
    monkeypatch.setattr(
        readers, "position_row", lambda position, _report: {"actor": position.actor}
    )
    with TestClient(create_app(stored.factbox, WebSettings(salt="s"))) as client:
        rows = list(csv.DictReader(io.StringIO(client.get("/proposals/p.csv").text)))
    assert rows[0]["actor"].startswith("'@SUM")


def test_only_http_links_are_rendered_from_article_urls(
    client: TestClient, stored: Stored
) -> None:
    bad = store_from_path(stored, "bad-link", "Bad link", "javascript:alert(document.domain)")
    page = client.get(f"/articles/{bad}").text
    assert "javascript:" not in page and ">original<" not in page
    good = store_from_path(stored, "good-link", "Good link", "https://example.org/story")
    assert 'href="https://example.org/story"' in client.get(f"/articles/{good}").text


def test_bidi_controls_are_shown_inert_in_the_queue_and_pages(
    client: TestClient, stored: Stored
) -> None:
    sneaky = "approved\u202e detaler ton\u202c; see \u2067note\u2069"
    response = client.post("/api/reports", json=report(comment=sneaky))
    assert response.status_code == 202
    login(client)
    queue = client.get("/editors/queue").text
    assert "[U+202E]" in queue and "[U+2067]" in queue
    for control in ("\u202e", "\u202c", "\u2067", "\u2069"):
        assert control not in queue
    titled = store_from_path(stored, "bidi", "Title \u202eevil", None)
    page = client.get(f"/articles/{titled}").text
    assert "\u202e" not in page and "Title [U+202E]evil" in page


@pytest.mark.parametrize("url", ["/", "/api/articles", "/articles/1", "/openapi.json"])
def test_head_answers_like_get_without_a_body(client: TestClient, url: str) -> None:
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert "content-security-policy" in head.headers


def test_head_on_a_post_only_route_is_not_allowed(client: TestClient) -> None:
    assert client.head("/api/reports").status_code == 405
