"""Editors: argon2 passwords, sessions, CSRF, the queue's statuses, filters and anchors."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from conftest import EDITOR, Stored
from fastapi.testclient import TestClient
from support import BRUSSELS, BRUSSELS_SAID, revise
from test_reports_api import report

from factbox.records import InputError
from factbox.store.reports import editors, get_group, list_groups
from factbox.web import WebSettings, create_app

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def login(client: TestClient, name: str = EDITOR[0], password: str = EDITOR[1]) -> str:
    """Sign in; returns the session's CSRF token from the queue page."""
    form = client.get("/editors/login")
    token = CSRF.search(form.text)
    assert token is not None
    response = client.post(
        "/editors/login",
        data={"name": name, "password": password, "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    queue = client.get("/editors/queue")
    found = CSRF.search(queue.text)
    assert found is not None
    return found.group(1)


def test_passwords_are_stored_as_argon2_hashes(stored: Stored) -> None:
    with stored.ledger.engine.connect() as conn:
        stored_hash = conn.execute(
            sa.select(editors.c.password_hash).where(editors.c.name == EDITOR[0])
        ).scalar_one()
    assert stored_hash.startswith("$argon2id$")
    assert EDITOR[1] not in stored_hash
    assert stored.factbox.verify_editor(*EDITOR) is not None
    assert stored.factbox.verify_editor(EDITOR[0], "wrong password") is None
    assert stored.factbox.verify_editor("nobody", EDITOR[1]) is None
    with pytest.raises(InputError):
        stored.factbox.add_editor("short", "1234567")
    with pytest.raises(InputError):
        stored.factbox.add_editor("", "long enough password")


def test_login_sets_a_strict_session_cookie(client: TestClient) -> None:
    form = client.get("/editors/login")
    token = CSRF.search(form.text)
    assert token is not None
    wrong = client.post(
        "/editors/login",
        data={"name": EDITOR[0], "password": "nope nope", "csrf_token": token.group(1)},
    )
    assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
    token = CSRF.search(wrong.text)
    assert token is not None
    right = client.post(
        "/editors/login",
        data={"name": EDITOR[0], "password": EDITOR[1], "csrf_token": token.group(1)},
        follow_redirects=False,
    )
    assert right.status_code == 303
    cookie = next(
        v
        for k, v in right.headers.multi_items()
        if k == "set-cookie" and v.startswith("factbox_session=")
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie


def test_cookies_are_secure_when_served_over_https(stored: Stored) -> None:
    with TestClient(
        create_app(stored.factbox, WebSettings(salt="s", cookie_secure=True)),
        base_url="https://testserver",
    ) as client:
        form = client.get("/editors/login")
        assert "Secure" in form.headers["set-cookie"]
        token = CSRF.search(form.text)
        assert token is not None
        right = client.post(
            "/editors/login",
            data={"name": EDITOR[0], "password": EDITOR[1], "csrf_token": token.group(1)},
            follow_redirects=False,
        )
        assert right.status_code == 303
        assert "Secure" in right.headers["set-cookie"]


def test_login_without_its_csrf_token_is_refused(client: TestClient) -> None:
    client.get("/editors/login")
    response = client.post(
        "/editors/login", data={"name": EDITOR[0], "password": EDITOR[1]}, follow_redirects=False
    )
    assert response.status_code == 403
    assert "factbox_session" not in response.headers.get("set-cookie", "")


def test_the_queue_needs_a_session(client: TestClient) -> None:
    response = client.get("/editors/queue", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/editors/login"
    client.cookies.set("factbox_session", "forged-token")
    assert client.get("/editors/queue", follow_redirects=False).status_code == 303


def test_state_changes_without_the_csrf_token_are_refused(
    client: TestClient, stored: Stored
) -> None:
    client.post("/api/reports", json=report())
    [group] = list_groups(stored.ledger)
    token = login(client)
    for data in ({"status": "spam"}, {"status": "spam", "csrf_token": "x" + token[1:]}):
        refused = client.post(f"/editors/reports/{group.id}/status", data=data)
        assert refused.status_code == 403
    assert client.post("/editors/logout", data={}).status_code == 403
    refused = client.post(
        "/editors/corrections",
        data={"statement_id": "1", "field": "not_statement", "reason": "x"},
    )
    assert refused.status_code == 403
    current = get_group(stored.ledger, group.id)
    assert current is not None and current.status == "new"
    accepted = client.post(
        f"/editors/reports/{group.id}/status",
        data={"status": "spam", "csrf_token": token},
        follow_redirects=False,
    )
    assert accepted.status_code == 303
    current = get_group(stored.ledger, group.id)
    assert current is not None and current.status == "spam" and current.updated_by == EDITOR[0]


def test_statuses_follow_the_queue_workflow(client: TestClient, stored: Stored) -> None:
    client.post("/api/reports", json=report())
    [group] = list_groups(stored.ledger)
    token = login(client)

    def move(status: str) -> int:
        return client.post(
            f"/editors/reports/{group.id}/status",
            data={"status": status, "csrf_token": token},
            follow_redirects=False,
        ).status_code

    assert move("in_progress") == 303
    assert move("fixed") == 303
    assert move("rejected") == 409  # closed: only reopening is allowed
    assert move("new") == 303  # reopen
    assert move("bogus") == 404
    current = get_group(stored.ledger, group.id)
    assert current is not None and current.status == "new"


def test_the_queue_filters_by_status_page_and_article(client: TestClient, stored: Stored) -> None:
    client.post("/api/reports", json=report(article_id="1"))
    client.post(
        "/api/reports",
        json=report(
            "Prague backed the French initiative",
            url="http://testserver/articles/2",
            article_id="2",
        ),
    )
    token = login(client)
    first = next(g for g in list_groups(stored.ledger) if g.article_id == 1)
    client.post(
        f"/editors/reports/{first.id}/status", data={"status": "rejected", "csrf_token": token}
    )

    def shown(**query: str) -> set[int]:
        text = client.get("/editors/queue", params=query).text
        return {int(n) for n in re.findall(r'<article class="report" id="r(\d+)"', text)}

    second = next(g for g in list_groups(stored.ledger) if g.article_id == 2)
    assert shown() == {second.id}
    assert shown(status="rejected") == {first.id}
    assert shown(status="all") == {first.id, second.id}
    assert shown(status="all", article="1") == {first.id}
    assert shown(status="all", page="http://testserver/articles/2") == {second.id}


def test_the_queue_highlights_the_selection_in_the_current_text(
    client: TestClient, stored: Stored
) -> None:
    client.post("/api/reports", json=report(article_id=str(stored.ids["brussels"])))
    login(client)
    page = client.get("/editors/queue").text
    assert "<mark>his country would send more artillery shells before the summer</mark>" in page
    assert "Probably fixed" not in page
    # The article is revised: the words are gone, the report says so and points near them.
    changed = BRUSSELS.replace("more artillery shells", "more 155mm shells")
    said = [s for s in BRUSSELS_SAID if "artillery" not in s.content]
    revise(stored.ledger, "brussels", "Ministers weigh air defence", changed, said)
    page = client.get("/editors/queue").text
    assert "Probably fixed" in page
    assert "revision 2" in page
    assert "<mark>his country would send more 155mm shells before the summer</mark>" in page


def test_a_report_from_elsewhere_is_shown_as_the_reader_saw_it(
    client: TestClient, stored: Stored
) -> None:
    client.post(
        "/api/reports",
        json=report("Teh minister", url="https://news.example/story", prefix="said ", suffix=" x"),
    )
    login(client)
    page = client.get("/editors/queue").text
    assert "As the reader saw it" in page
    assert "said <mark>Teh minister</mark> x" in page


def test_a_correction_from_the_queue_shows_on_the_article(
    client: TestClient, stored: Stored
) -> None:
    client.post("/api/reports", json=report(article_id=str(stored.ids["brussels"])))
    token = login(client)
    page = client.get("/editors/queue").text
    statement_id = int(re.findall(r'name="statement_id" value="(\d+)"', page)[0])
    response = client.post(
        "/editors/corrections",
        data={
            "csrf_token": token,
            "statement_id": str(statement_id),
            "field": "speaker",
            "actor_id": "SK",
            "actor": "Slovakia",
            "actor_kind": "country",
            "reason": "It was the Slovak minister",
        },
    )
    assert response.status_code == 200
    assert '<p class="notice" role="status">The correction was saved.</p>' in response.text
    article = client.get(f"/api/articles/{stored.ids['brussels']}").json()
    flags = {s["id"]: s["corrected"] for s in article["statements"]}
    assert flags[statement_id] is True and sum(flags.values()) == 1
    [shown] = [s for s in article["statements"] if s["id"] == statement_id]
    assert [sp["actor_id"] for sp in shown["speakers"]] == ["SK"]
    [fix] = shown["corrections"]
    assert (fix["field"], fix["editor"], fix["why"]) == (
        "speaker",
        EDITOR[0],
        "It was the Slovak minister",
    )
