"""Fixtures for the web tests: a ledger with our articles, the app, a live server, a browser."""

from __future__ import annotations

import socket
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

# starlette's TestClient warns that it will move to another HTTP client one day.
warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))

from support import store_articles  # noqa: E402

from factbox.service import Factbox  # noqa: E402
from factbox.store.ledger import Ledger  # noqa: E402
from factbox.web import WebSettings, create_app  # noqa: E402
from factbox.web.server import uvicorn_config  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EDITOR = ("olena", "correct horse battery")
SCREENSHOTS = Path(__file__).parents[2] / "docs" / "screenshots"


@dataclass
class Stored:
    ledger: Ledger
    factbox: Factbox
    """The service over ``ledger`` (the app's way in)."""
    ids: dict[str, int]


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[Stored]:
    ledger = Ledger(tmp_path / "ledger.db")
    ids = store_articles(ledger)
    factbox = Factbox(ledger)
    factbox.add_editor(*EDITOR)
    yield Stored(ledger, factbox, ids)
    ledger.close()


@pytest.fixture
def settings() -> WebSettings:
    return WebSettings(salt="test-salt", rate_limit=1000)


@pytest.fixture
def client(stored: Stored, settings: WebSettings) -> Iterator[TestClient]:
    with TestClient(create_app(stored.factbox, settings)) as test_client:
        yield test_client


class LiveServer:
    """A real uvicorn server on 127.0.0.1 (a free port), in a thread."""

    def __init__(self, app: FastAPI) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn_config(app, log_level="warning"))
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.sock.close()


LiveFactory = Callable[..., LiveServer]


@pytest.fixture
def live(stored: Stored, settings: WebSettings) -> Iterator[LiveFactory]:
    """Start live servers of the app (with optional create_app keyword arguments)."""
    started: list[LiveServer] = []

    def start(web_settings: WebSettings | None = None, **options: Any) -> LiveServer:
        server = LiveServer(create_app(stored.factbox, web_settings or settings, **options))
        started.append(server.__enter__())
        return server

    yield start
    for server in reversed(started):
        server.__exit__(None, None, None)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()
