"""POST /api/reports: limits, origins, rate limits, honeypot, grouping, hashing, retention."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import sqlalchemy as sa
from conftest import LiveFactory, Stored
from fastapi.testclient import TestClient

from factbox.editorial import hash_reporter
from factbox.store.reports import (
    list_groups,
    purge_expired,
    report_count,
    reports,
)
from factbox.web import WebSettings, create_app

EXACT = "his country would send more artillery shells before the summer"


def report(
    exact: str = EXACT,
    *,
    url: str = "http://testserver/articles/1",
    prefix: str = "Jan Lipavsky said ",
    suffix: str = ".",
    comment: str = "",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "url": url,
        "selector": [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": 10, "end": 10 + len(exact)},
        ],
        "comment": comment,
        **extra,
    }


def test_a_report_is_stored_with_its_selection_and_article(
    client: TestClient, stored: Stored
) -> None:
    response = client.post(
        "/api/reports",
        json=report(comment="It was the foreign minister", article_id="1", revision="abc123"),
    )
    assert response.status_code == 202
    [group] = list_groups(stored.ledger)
    assert (group.exact, group.prefix, group.suffix) == (EXACT, "Jan Lipavsky said ", ".")
    assert group.article_id == 1 and group.revision == "abc123"
    assert group.position == (10, 10 + len(EXACT))
    assert group.count == 1 and group.status == "new"


def test_identical_reports_are_grouped_with_a_counter(client: TestClient, stored: Stored) -> None:
    for _ in range(3):
        assert client.post("/api/reports", json=report()).status_code == 202
    client.post("/api/reports", json=report(suffix=" soon"))
    client.post("/api/reports", json=report(url="http://testserver/articles/2"))
    groups = {(g.page_url, g.suffix): g.count for g in list_groups(stored.ledger)}
    assert groups == {
        ("http://testserver/articles/1", "."): 3,
        ("http://testserver/articles/1", " soon"): 1,
        ("http://testserver/articles/2", "."): 1,
    }
    assert report_count(stored.ledger) == 5


def test_the_url_fragment_does_not_split_a_group(client: TestClient, stored: Stored) -> None:
    client.post("/api/reports", json=report(url="http://testserver/articles/1#s1"))
    client.post("/api/reports", json=report(url="http://testserver/articles/1"))
    [group] = list_groups(stored.ledger)
    assert group.count == 2 and group.page_url == "http://testserver/articles/1"


def test_honeypot_reports_are_answered_but_not_stored(client: TestClient, stored: Stored) -> None:
    response = client.post("/api/reports", json=report(website="http://spam.example"))
    assert response.status_code == 202
    assert response.json() == client.post("/api/reports", json=report()).json()
    assert report_count(stored.ledger) == 1


def test_every_field_has_a_size_limit(client: TestClient, stored: Stored) -> None:
    too_long = {
        "exact": report("x" * 1001),
        "prefix": report(prefix="p" * 33),
        "suffix": report(suffix="s" * 33),
        "comment": report(comment="c" * 1001),
        "url": report(url="http://testserver/" + "u" * 2048),
        "article_id": report(article_id="1" * 19),
        "revision": report(revision="r" * 129),
        "website": report(website="w" * 201),
    }
    for name, body in too_long.items():
        response = client.post("/api/reports", json=body)
        assert response.status_code == 422, name
        assert any(name in line for line in response.json()["detail"]), (name, response.json())
    at_limit = report("x" * 1000, prefix="p" * 32, suffix="s" * 32, comment="c" * 1000)
    assert client.post("/api/reports", json=at_limit).status_code == 202
    assert report_count(stored.ledger) == 1


def test_a_body_over_the_byte_limit_is_refused_with_413(client: TestClient) -> None:
    body = json.dumps(report(comment="c" * 40_000))
    response = client.post(
        "/api/reports", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "at most" in response.json()["detail"]

    def chunks() -> Any:
        for _ in range(40):
            yield b" " * 1024

    streamed = client.post(
        "/api/reports", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert streamed.status_code == 413


def test_malformed_reports_are_refused(client: TestClient, stored: Stored) -> None:
    bad = [
        report("   "),
        report(url="javascript:alert(1)"),
        {**report(), "selector": []},
        {**report(), "selector": [{"type": "TextPositionSelector", "start": 1, "end": 2}]},
        {**report(), "unexpected": 1},
        {**report(), "selector": [{"type": "TextPositionSelector", "start": 5, "end": 2}]},
    ]
    for body in bad:
        assert client.post("/api/reports", json=body).status_code == 422, body
    not_json = client.post(
        "/api/reports", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 422
    form = client.post("/api/reports", data={"url": "http://testserver/"})
    assert form.status_code == 415
    assert report_count(stored.ledger) == 0


def test_a_selection_cut_inside_an_emoji_is_stored_cleanly(
    client: TestClient, stored: Stored
) -> None:
    # JSON.stringify writes a lone surrogate as an escape; the server must not choke on it.
    body = json.dumps(report(prefix="flag \ud83c", exact="text"), ensure_ascii=True)
    response = client.post(
        "/api/reports", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 202
    [group] = list_groups(stored.ledger)
    assert group.prefix == "flag \ufffd"


def test_forged_origins_are_refused(stored: Stored) -> None:
    settings = WebSettings(salt="s", allowed_origins=("https://news.example",))
    with TestClient(create_app(stored.factbox, settings)) as client:
        forged = client.post(
            "/api/reports", json=report(), headers={"Origin": "https://evil.example"}
        )
        assert forged.status_code == 403
        assert "access-control-allow-origin" not in forged.headers
        assert (
            client.post("/api/reports", json=report(), headers={"Origin": "null"}).status_code
            == 403
        )
        same = client.post("/api/reports", json=report(), headers={"Origin": "http://testserver"})
        assert same.status_code == 202
        embedded = client.post(
            "/api/reports", json=report(), headers={"Origin": "https://news.example"}
        )
        assert embedded.status_code == 202
        assert embedded.headers["access-control-allow-origin"] == "https://news.example"
    assert report_count(stored.ledger) == 2


def test_cors_preflight_only_for_allowed_origins(stored: Stored) -> None:
    settings = WebSettings(salt="s", allowed_origins=("https://news.example",))
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    with TestClient(create_app(stored.factbox, settings)) as client:
        allowed = client.options(
            "/api/reports", headers={**preflight, "Origin": "https://news.example"}
        )
        assert allowed.status_code == 204
        assert allowed.headers["access-control-allow-origin"] == "https://news.example"
        assert "POST" in allowed.headers["access-control-allow-methods"]
        assert "content-type" in allowed.headers["access-control-allow-headers"].lower()
        refused = client.options(
            "/api/reports", headers={**preflight, "Origin": "https://evil.example"}
        )
        assert refused.status_code == 403
        assert "access-control-allow-origin" not in refused.headers


def test_rate_limit_per_client_address(stored: Stored) -> None:
    settings = WebSettings(salt="s", rate_limit=3)
    with TestClient(create_app(stored.factbox, settings)) as client:
        codes = [client.post("/api/reports", json=report()).status_code for _ in range(5)]
        assert codes == [202, 202, 202, 429, 429]
        limited = client.post("/api/reports", json=report())
        assert int(limited.headers["retry-after"]) >= 1
    assert report_count(stored.ledger) == 3


def test_spoofed_forwarded_for_does_not_dodge_the_rate_limit(
    stored: Stored, live: LiveFactory
) -> None:
    server = live(WebSettings(salt="s", rate_limit=2))
    codes = []
    with httpx.Client(base_url=server.url) as http:
        for n in range(5):
            spoof = {"X-Forwarded-For": f"203.0.113.{n}", "X-Real-IP": f"198.51.100.{n}"}
            codes.append(http.post("/api/reports", json=report(), headers=spoof).status_code)
    assert codes == [202, 202, 429, 429, 429]


def test_forwarded_for_is_believed_from_a_trusted_proxy(stored: Stored, live: LiveFactory) -> None:
    server = live(WebSettings(salt="s", rate_limit=1, trusted_proxies=("127.0.0.1",)))
    with httpx.Client(base_url=server.url) as http:

        def send(chain: str) -> int:
            return http.post(
                "/api/reports", json=report(), headers={"X-Forwarded-For": chain}
            ).status_code

        # Each reader behind the proxy has its own allowance; the left-most (client-written)
        # part of a chain does not change who is counted.
        assert send("203.0.113.1") == 202
        assert send("203.0.113.2") == 202
        assert send("203.0.113.1") == 429
        assert send("198.51.100.9, 203.0.113.2") == 429
    hashes = {
        row.reporter_hash
        for row in stored.ledger.engine.connect().execute(sa.select(reports.c.reporter_hash))
    }
    assert hashes == {hash_reporter("203.0.113.1", "s"), hash_reporter("203.0.113.2", "s")}


def test_reporter_addresses_are_stored_only_as_salted_hashes(
    stored: Stored, live: LiveFactory
) -> None:
    server = live(WebSettings(salt="pepper"))
    httpx.post(f"{server.url}/api/reports", json=report())
    with stored.ledger.engine.connect() as conn:
        rows = conn.execute(sa.select(reports)).all()
    assert len(rows) == 1
    assert rows[0].reporter_hash == hash_reporter("127.0.0.1", "pepper")
    assert rows[0].reporter_hash != hash_reporter("127.0.0.1", "other salt")
    dump = "\n".join(stored.ledger.engine.raw_connection().driver_connection.iterdump())
    assert "127.0.0.1" not in dump


def test_retention_deletes_old_reports_and_their_empty_groups(
    client: TestClient, stored: Stored
) -> None:
    client.post("/api/reports", json=report())
    client.post("/api/reports", json=report("the talks had been productive"))
    with stored.ledger.engine.begin() as conn:
        old = dt.datetime(2020, 1, 1)
        first = min(r.id for r in conn.execute(sa.select(reports.c.id)))
        conn.execute(reports.update().where(reports.c.id == first).values(created_at=old))
        from factbox.store.reports import report_groups

        conn.execute(
            report_groups.update()
            .where(report_groups.c.exact == EXACT)
            .values(last_reported=old, first_reported=old)
        )
    assert purge_expired(stored.ledger, retention_days=30) == 1
    assert [g.exact for g in list_groups(stored.ledger)] == ["the talks had been productive"]
    assert purge_expired(stored.ledger, retention_days=30) == 0


def test_retention_runs_when_the_server_starts(stored: Stored) -> None:
    with TestClient(create_app(stored.factbox, WebSettings(salt="s"))) as client:
        client.post("/api/reports", json=report())
    with stored.ledger.engine.begin() as conn:
        conn.execute(reports.update().values(created_at=dt.datetime(2000, 1, 1)))
    with TestClient(create_app(stored.factbox, WebSettings(salt="s", retention_days=7))):
        assert report_count(stored.ledger) == 0
