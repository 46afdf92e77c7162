"""``factbox watch`` against a feed server on loopback that changes its feed, answers 304 to
conditional requests, fails, and answers too slowly: each new item is ingested once, nothing
twice, the backoff shows in the log, and SIGTERM stops the watcher cleanly."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factbox.records import InputError
from factbox.store import Ledger
from factbox.store.feeds import FeedState
from factbox.watch import backoff, describe_duration, fetch, parse_duration

SPEAKERS = [
    ("Petr Fiala", "Czech prime minister", "Prague"),
    ("Donald Tusk", "Polish prime minister", "Warsaw"),
    ("Robert Fico", "Slovak prime minister", "Bratislava"),
    ("Ulf Kristersson", "Swedish prime minister", "Stockholm"),
]


def item(number: int) -> str:
    name, role, city = SPEAKERS[number % len(SPEAKERS)]
    body = (
        f"<p>{city} (Feed Wire) - The {role}, {name}, said on Monday that his government "
        f"would consider the request number {number} from Kyiv.</p>"
        f"<p>&quot;We will decide on it within {number + 2} weeks,&quot; {name.split()[-1]} "
        f"told reporters in {city}.</p>"
    )
    return (
        f"<item><title>Story {number}</title><guid>urn:test:story-{number}</guid>"
        f"<link>https://news.test/story-{number}</link>"
        f"<pubDate>Tue, 27 Feb 2024 10:0{number}:00 GMT</pubDate>"
        f"<description><![CDATA[{body}]]></description></item>"
    )


def feed(numbers: list[int]) -> bytes:
    items = "".join(item(n) for n in numbers)
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Test wire</title><link>https://news.test/</link>{items}</channel></rss>"
    ).encode()


class FeedServer:
    """Serves /news.xml (versions with ETags, 304 when unchanged), /flaky.xml (500 for its
    first three requests) and /slow.xml (its first answer too slow), and logs requests."""

    def __init__(self) -> None:
        self.news = [0, 1]
        self.requests: list[tuple[str, str | None]] = []
        self.flaky_left = 3
        self.slow_left = 1
        self.lock = threading.Lock()

    def handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: object) -> None:
                pass

            def send_feed(self, body: bytes, etag: str) -> None:
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802 - the http.server hook's name
                with server.lock:
                    server.requests.append((self.path, self.headers.get("If-None-Match")))
                    news = list(server.news)
                    flaky = server.flaky_left if self.path == "/flaky.xml" else 0
                    server.flaky_left -= 1 if flaky else 0
                    slow = server.slow_left if self.path == "/slow.xml" else 0
                    server.slow_left -= 1 if slow else 0
                if self.path == "/news.xml":
                    self.send_feed(feed(news), f'"news-{len(news)}"')
                elif self.path == "/flaky.xml":
                    if flaky:
                        self.send_error(500, "Feed generator down")
                        return
                    self.send_feed(feed([10]), '"flaky-1"')
                elif self.path == "/slow.xml":
                    if slow:
                        time.sleep(2.5)
                    self.send_feed(feed([20]), '"slow-1"')
                else:
                    self.send_error(404)

        return Handler


@pytest.fixture()
def feed_server() -> Iterator[tuple[FeedServer, str]]:
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), state.handler())
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_durations() -> None:
    assert parse_duration("10m") == 600 and parse_duration("1.5s") == 1.5
    assert parse_duration("250ms") == 0.25 and parse_duration("2") == 2
    for bad in ("soon", "-1s", "0", "10 parsecs"):
        with pytest.raises(InputError):
            parse_duration(bad)
    assert describe_duration(600) == "10m" and describe_duration(0.4) == "0.4s"


def test_backoff_doubles_up_to_its_cap() -> None:
    assert [backoff(10, n, 60) for n in range(5)] == [10, 20, 40, 60, 60]


def test_conditional_request_gets_not_modified(feed_server: tuple[FeedServer, str]) -> None:
    server, base = feed_server
    first = fetch(f"{base}/news.xml", FeedState(f"{base}/news.xml"), timeout=5)
    assert first.text is not None and first.etag == '"news-2"'
    again = fetch(f"{base}/news.xml", FeedState(f"{base}/news.xml", etag=first.etag), timeout=5)
    assert again.text is None
    assert server.requests[-1] == ("/news.xml", '"news-2"')


def _keys(db: Path) -> list[str]:
    try:
        with sqlite3.connect(db) as conn:
            return [row[0] for row in conn.execute("select key from articles")]
    except sqlite3.Error:
        return []


def _wait_for(check: Callable[[], bool], process: subprocess.Popen[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if process.poll() is not None:
            raise AssertionError(
                f"watch exited early: {process.stderr.read() if process.stderr else ''}"
            )
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("timed out waiting for the watcher")
        time.sleep(0.1)


def test_watch_ingests_each_new_item_once_backs_off_and_stops_on_sigterm(
    feed_server: tuple[FeedServer, str], tmp_path: Path
) -> None:
    server, base = feed_server
    db = tmp_path / "ledger.db"
    command = [
        sys.executable,
        "-m",
        "factbox",
        "watch",
        f"{base}/news.xml",
        f"{base}/flaky.xml",
        f"{base}/slow.xml",
        "--db",
        str(db),
        "--every",
        "0.2s",
        "--max-backoff",
        "0.8s",
        "--timeout",
        "1s",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        expected = {
            "urn:test:story-0",
            "urn:test:story-1",
            "urn:test:story-10",
            "urn:test:story-20",
        }
        _wait_for(lambda: expected <= set(_keys(db)), process, 240)
        with server.lock:
            server.news = [0, 1, 2]  # the feed changes: one new item
        _wait_for(lambda: "urn:test:story-2" in _keys(db), process, 60)
        seen = len(server.requests)
        _wait_for(lambda: len(server.requests) > seen + 6, process, 30)  # more polls: 304s
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            _, log = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert process.returncode == 0, log
    keys = _keys(db)
    assert sorted(keys) == sorted(expected | {"urn:test:story-2"})  # each item once
    assert "HTTP 500" in log
    for delay in ("0.4s", "0.8s"):  # 0.2s doubled, then doubled again up to the cap
        assert f"next try in {delay}" in log, log
    assert "1.6s" not in log
    assert "timed out" in log or "cannot fetch" in log  # the slow answer
    assert "not modified" in log
    assert "SIGTERM: stopping" in log and log.rstrip().endswith("stopped")
    conditional = [etag for path, etag in server.requests if path == "/news.xml" and etag]
    assert conditional
    with Ledger(db) as ledger:
        state = ledger.feed_state(f"{base}/news.xml")
    assert state.etag == '"news-3"' and state.failures == 0
