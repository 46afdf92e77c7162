"""Editors hear of new reports by email (a real SMTP server) and webhook (a real HTTP server)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from conftest import Stored
from fastapi.testclient import TestClient
from test_reports_api import report

from factbox.web import WebSettings, create_app


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.arrived = threading.Event()

    async def handle_DATA(self, _server: Any, _session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        self.arrived.set()
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


class Hook:
    def __init__(self) -> None:
        self.bodies: list[tuple[str, dict[str, Any]]] = []
        self.arrived = threading.Event()


@pytest.fixture
def webhook() -> Iterator[tuple[Hook, str]]:
    hook = Hook()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers["Content-Length"])
            hook.bodies.append((self.headers["Content-Type"], json.loads(self.rfile.read(length))))
            self.send_response(204)
            self.end_headers()
            hook.arrived.set()

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield hook, f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def test_a_new_report_is_mailed_and_posted_once_per_group(
    stored: Stored, smtp: tuple[Inbox, int], webhook: tuple[Hook, str]
) -> None:
    inbox, port = smtp
    hook, hook_url = webhook
    settings = WebSettings(
        salt="s",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_from="factbox@newsroom.test",
        smtp_to=("desk@newsroom.test",),
        webhook_url=hook_url,
        public_url="https://factbox.newsroom.test",
    )
    app = create_app(stored.factbox, settings)
    with TestClient(app) as client:
        payload = report(comment="Wrong minister <script>alert(1)</script>")
        # A reader cannot choose where the notice goes: unknown fields are refused outright.
        sneaky = client.post("/api/reports", json={**payload, "to": "attacker@evil.test"})
        assert sneaky.status_code == 422
        assert client.post("/api/reports", json=payload).status_code == 202
        assert client.post("/api/reports", json=payload).status_code == 202
        app.state.web.notifier.join()
    assert inbox.arrived.is_set() and hook.arrived.is_set()
    [(sender, recipients, raw)] = inbox.messages
    assert sender == "factbox@newsroom.test"
    assert recipients == ["desk@newsroom.test"]
    mail = message_from_bytes(raw)
    assert mail.get_content_type() == "text/plain"
    assert mail["Subject"] == "factbox: error report on http://testserver/articles/1"
    text = mail.get_payload(decode=True).decode("utf-8")
    assert "his country would send more artillery shells" in text
    assert "Wrong minister <script>alert(1)</script>" in text
    assert "https://factbox.newsroom.test/editors/queue" in text
    [(content_type, body)] = hook.bodies
    assert content_type == "application/json"
    assert body["event"] == "report.created"
    assert body["page_url"] == "http://testserver/articles/1"
    assert body["count"] == 1 and body["group_id"] >= 1


def test_a_dead_mail_server_does_not_slow_or_fail_the_report(stored: Stored) -> None:
    settings = WebSettings(
        salt="s", smtp_host="127.0.0.1", smtp_port=_free_port(), smtp_to=("desk@newsroom.test",)
    )
    app = create_app(stored.factbox, settings)
    with TestClient(app) as client:
        assert client.post("/api/reports", json=report()).status_code == 202
        app.state.web.notifier.join()
        assert app.state.web.notifier.failed == 1
