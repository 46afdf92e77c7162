"""Reader pages and their JSON: articles with highlighted statements, actors, factboxes."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re

from conftest import Stored
from fastapi.testclient import TestClient
from support import BRUSSELS, TROOPS, save_troops_proposal

from factbox.stance.records import Position, PositionChange, Proposal
from factbox.web import FactboxView, WebSettings, create_app
from factbox.web.factbox import ledger_positions


def test_the_start_page_lists_articles(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<a href="/articles/1">Ministers weigh air defence</a>' in page.text
    assert '<a href="/articles/2">Macron keeps options open</a>' in page.text


def test_the_article_page_marks_every_statement(client: TestClient, stored: Stored) -> None:
    page = client.get(f"/articles/{stored.ids['brussels']}")
    assert page.status_code == 200
    text = page.text
    assert '<html lang="en">' in text and 'name="viewport"' in text
    revision = stored.ledger.current_hash("brussels")
    assert f'data-article-id="{stored.ids["brussels"]}" data-revision="{revision}"' in text
    marks = re.findall(
        r'<mark tabindex="0" id="s(\d+)" data-who="([^"]*)" '
        r'aria-describedby="who-(\d+)">',
        text,
    )
    assert len(marks) == 3
    for statement_id, _who, described_by in marks:
        assert statement_id == described_by
        assert f'<li id="who-{statement_id}">' in text
    assert "Said by Robert Fico (Prime Minister) — for Slovakia, SK" in {
        html.unescape(who) for _, who, _ in marks
    }
    # The article text is the stored body, word for word, once the marks are taken out.
    body = re.search(r'<div class="article-text">(.*?)</div>', text, re.S)
    assert body is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", body.group(1))) == BRUSSELS
    assert '<script src="/static/report.js" defer></script>' in text


def test_security_headers_forbid_inline_script(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_the_actor_page_lists_statements_of_all_its_speakers(client: TestClient) -> None:
    page = client.get("/actors/CZ")
    assert page.status_code == 200
    assert "his country would send more artillery shells before the summer" in page.text
    assert "Prague backed the French initiative on shells" in page.text
    assert "We will not send soldiers" not in page.text
    assert client.get("/actors/ZZ").status_code == 404
    data = client.get("/api/actors/CZ").json()
    assert data["names"] == ["Czechia"]
    assert len(data["statements"]) == 2
    assert {s["speakers"][0]["actor_id"] for s in data["statements"]} == {"CZ"}


def test_article_json_and_openapi(client: TestClient, stored: Stored) -> None:
    data = client.get(f"/api/articles/{stored.ids['brussels']}").json()
    assert data["body"] == BRUSSELS
    assert data["content_hash"] == stored.ledger.current_hash("brussels")
    for statement in data["statements"]:
        start, end = statement["content_span"]
        assert BRUSSELS[start:end] == statement["content"]
    assert client.get("/api/articles/999").status_code == 404
    listing = client.get("/api/articles").json()
    assert {a["key"] for a in listing} == {"brussels", "paris"}
    spec = client.get("/openapi.json").json()
    assert {"/api/reports", "/api/articles/{article_id}", "/api/actors/{actor_id}"} <= set(
        spec["paths"]
    )
    schema = spec["components"]["schemas"]["ReportIn"]
    assert schema["properties"]["comment"]["maxLength"] == 1000
    assert (
        spec["components"]["schemas"]["TextQuoteSelector"]["properties"]["exact"]["maxLength"]
        == 1000
    )


def test_factbox_pages_need_a_positions_provider(client: TestClient) -> None:
    assert client.get(f"/proposals/{TROOPS}").status_code == 404
    assert client.get(f"/api/proposals/{TROOPS}").status_code == 404


def _view(stored: Stored) -> FactboxView:
    day = dt.date(2024, 4, 4)
    return FactboxView(
        proposal=Proposal(slug=TROOPS, title="Send troops to Ukraine"),
        as_of=day,
        positions=[
            Position("CZ", "Czechia", "country", "supports", day, [1]),
            Position("SK", "Slovakia", "country", "opposes", day, [2]),
            Position("US", "United States", "country", "open", day, [2]),
            Position("NATO", "NATO", "organization", "unclear", day, [3]),
        ],
        changes=[
            PositionChange("SK", "Slovakia", "country", day, "opposes", None, 2, "correction", 1.0)
        ],
        corrected=frozenset({2}),
    )


def test_the_factbox_page_shows_table_map_and_timeline(stored: Stored) -> None:
    view = _view(stored)
    app = create_app(
        stored.ledger,
        WebSettings(salt="s"),
        positions_provider=lambda _l, slug, _d: view if slug == TROOPS else None,
    )
    with TestClient(app) as client:
        page = client.get(f"/proposals/{TROOPS}").text
        assert '<a href="/actors/SK">Slovakia</a>' in page
        assert "corrected by the editors" in page
        tiles = dict(
            re.findall(r'<title>([^<]+): [^<]+</title>\s*<rect [^>]*class="tile-(\w+)"', page)
        )
        assert tiles["Czechia"] == "supports"
        assert tiles["Slovakia"] == "opposes"
        assert tiles["United States"] == "open"  # outside the grid: drawn below it
        assert tiles["Poland"] == "none"
        assert "NATO" not in tiles
        assert "Slovakia: opposes" in page  # the map's text alternative
        assert client.get("/proposals/other").status_code == 404
        rows = list(csv.DictReader(io.StringIO(client.get(f"/proposals/{TROOPS}.csv").text)))
        assert [(r["actor_id"], r["stance"], r["corrected"]) for r in rows] == [
            ("CZ", "supports", ""),
            ("SK", "opposes", "yes"),
            ("US", "open", "yes"),
            ("NATO", "unclear", ""),
        ]
        assert rows[0]["quote"] == "his country would send more artillery shells before the summer"
        data = client.get(f"/api/proposals/{TROOPS}").json()
        assert data["positions"][1]["stance"] == "opposes"
        assert data["changes"][0]["source"] == "correction"


def test_the_factbox_over_the_ledger_shows_an_editors_correction(stored: Stored) -> None:
    save_troops_proposal(stored.ledger)
    app = create_app(stored.ledger, WebSettings(salt="s"), positions_provider=ledger_positions)
    with TestClient(app) as client:
        assert "No actor has a position" in client.get(f"/proposals/{TROOPS}").text
        app.state.web.sink.correct(
            2, "stance", "opposes", "olena", "He said no soldiers", proposal=TROOPS
        )
        page = client.get(f"/proposals/{TROOPS}").text
        assert '<a href="/actors/SK">Slovakia</a>' in page
        assert '<span class="stance stance-opposes">opposes</span>' in page
        assert "corrected by the editors" in page
        assert "nato: blocked" in page
