"""Keeping a factbox current from feeds: ``factbox watch FEED_URL... --every 10m``.

Each feed is polled every ``every`` seconds with a conditional request: the ``ETag`` and
``Last-Modified`` of its last answer go back as ``If-None-Match`` and ``If-Modified-Since``
(kept in the ledger's ``feeds`` table, so a restarted watcher sends them too), and a feed that
has not changed answers 304 with no body. A changed feed is read like any feed file, and its
items go through the same ingest as files (``factbox.ingesting``): an item whose text is
already stored under its key is unchanged, a syndicated copy is stored as one, only new
items are parsed. The validators are stored only after the items are, so a watcher stopped
in between fetches the feed again and finds the stored items unchanged: no item is lost or
ingested twice.

A poll that fails (no answer in ``timeout`` seconds, a refused connection, an HTTP error, a
document that is not a feed) is tried again after ``every * 2^failures`` seconds, at most
``max_backoff``, and logged with the delay; the first poll that succeeds resets it.
SIGINT and SIGTERM stop the watcher between two articles or two polls.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from factbox.ingest import DEFAULT_MAX_BYTES
from factbox.ingest.decoding import NotText, decode_bytes
from factbox.ingest.feeds import read_feed
from factbox.ingesting import IngestSummary
from factbox.records import IngestFailure, InputError, SourceItem
from factbox.store.feeds import FeedState

DURATION = re.compile(r"^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$")
UNIT_SECONDS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
USER_AGENT = "factbox-watch (+conditional requests; polls a feed at a fixed interval)"

Log = Callable[[str], None]
IngestItems = Callable[..., IngestSummary]


class FeedLedger(Protocol):
    """Where a watcher keeps what it knows of each feed: a ``Ledger`` or the service."""

    def feed_state(self, url: str) -> FeedState: ...

    def save_feed_state(self, state: FeedState) -> None: ...


def parse_duration(text: str) -> float:
    """Seconds in ``10m``, ``30s``, ``1h``, ``1.5s``, ``250ms``, ``2d`` or a bare number of
    seconds; ``InputError`` otherwise."""
    found = DURATION.match(text.strip())
    if found is None or float(found.group(1)) <= 0:
        raise InputError(text, "not a duration (for example 30s, 10m, 1h)")
    return float(found.group(1)) * UNIT_SECONDS[found.group(2) or "s"]


def describe_duration(seconds: float) -> str:
    for unit in ("h", "m"):
        if seconds >= UNIT_SECONDS[unit] and seconds % UNIT_SECONDS[unit] == 0:
            return f"{seconds / UNIT_SECONDS[unit]:g}{unit}"
    return f"{seconds:g}s"


def backoff(every: float, failures: int, cap: float) -> float:
    """The wait after ``failures`` failed polls in a row (0: the normal interval)."""
    return min(cap, every * 2**failures) if failures else every


class FeedError(Exception):
    """A poll that did not give a feed; the message says why."""


@dataclass(frozen=True, slots=True)
class Answer:
    """A feed's answer: its text (``None`` for 304 Not Modified) and its validators."""

    text: str | None
    etag: str | None
    last_modified: str | None


def fetch(url: str, state: FeedState, timeout: float, max_bytes: int = DEFAULT_MAX_BYTES) -> Answer:
    """GET ``url`` with the validators of ``state``; ``FeedError`` for any failure."""
    headers = {"User-Agent": USER_AGENT}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Answer(None, state.etag, state.last_modified)
        raise FeedError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FeedError(f"cannot fetch ({error.reason})") from None
    except (TimeoutError, OSError) as error:
        raise FeedError(f"cannot fetch ({error or 'timed out'})") from None
    if len(data) > max_bytes:
        raise FeedError(f"feed larger than {max_bytes} bytes")
    try:
        text = decode_bytes(data)
    except NotText as problem:
        raise FeedError(str(problem)) from None
    return Answer(text, etag, modified)


class Stopped(Exception):
    """Raised between two articles when the watcher is asked to stop."""


class Watcher:
    """Polls feeds into a ledger until ``stop`` is set."""

    def __init__(
        self,
        urls: Sequence[str],
        ledger: FeedLedger,
        ingest_items: IngestItems,
        *,
        every: float,
        max_backoff: float,
        timeout: float,
        log: Log,
        stop: threading.Event | None = None,
        ingest_options: dict[str, Any] | None = None,
    ) -> None:
        self.urls = list(dict.fromkeys(urls))
        self.ledger = ledger
        self.ingest_items = ingest_items
        self.every = every
        self.max_backoff = max(max_backoff, every)
        self.timeout = timeout
        self.log = log
        self.stop = stop or threading.Event()
        self.ingest_options = ingest_options or {}

    def _failed(self, state: FeedState, problem: str) -> float:
        failures = state.failures + 1
        delay = backoff(self.every, failures, self.max_backoff)
        self.ledger.save_feed_state(replace(state, failures=failures, checked_at=_now()))
        self.log(
            f"{state.url}: {problem}; {failures} failed poll(s) in a row, "
            f"next try in {describe_duration(delay)}"
        )
        return delay

    def _check_stop(self, _name: str, _outcome: str) -> None:
        if self.stop.is_set():
            raise Stopped

    def poll(self, url: str) -> float:
        """Poll one feed and ingest its new items; the seconds until its next poll."""
        state = self.ledger.feed_state(url)
        try:
            answer = fetch(url, state, self.timeout)
        except FeedError as problem:
            return self._failed(state, str(problem))
        if answer.text is None:
            self.log(f"{url}: not modified")
            self.ledger.save_feed_state(replace(state, failures=0, checked_at=_now()))
            return self.every
        items = list(read_feed(answer.text, url, url))
        if not any(isinstance(item, SourceItem) for item in items):
            reasons = "; ".join(i.reason for i in items if isinstance(i, IngestFailure))
            return self._failed(state, reasons or "no items")
        summary = self.ingest_items(
            items, self.ledger, progress=self._check_stop, **self.ingest_options
        )
        self.log(
            f"{url}: {len(summary.ingested)} new, {len(summary.revised)} revised, "
            f"{len(summary.unchanged)} unchanged, {len(summary.copies)} copies, "
            f"{len(summary.failed)} failed item(s); {summary.statements} statements"
        )
        for failure in summary.failed:
            self.log(f"{failure.name}: {failure.reason}")
        self.ledger.save_feed_state(
            FeedState(url, answer.etag, answer.last_modified, _now(), failures=0)
        )
        return self.every

    def run(self) -> None:
        """Poll every feed when it is due until ``stop`` is set."""
        due = {url: time.monotonic() for url in self.urls}
        try:
            while not self.stop.is_set():
                url = min(due, key=lambda u: due[u])
                if self.stop.wait(max(0.0, due[url] - time.monotonic())):
                    break
                due[url] = time.monotonic() + self.poll(url)
        except Stopped:
            pass
        self.log("stopped")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
