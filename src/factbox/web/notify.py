"""Telling editors about new reports: plain-text email (SMTP) and a JSON webhook.

Both run on a worker thread, never on the request path; recipients come only from the
server's settings.
"""

from __future__ import annotations

import json
import logging
import queue
import smtplib
import threading
import urllib.request
from dataclasses import asdict, dataclass
from email.message import EmailMessage

from factbox.web.settings import WebSettings

log = logging.getLogger("factbox.web")

_STOP = object()


@dataclass(frozen=True, slots=True)
class Notification:
    """A new group of reports (its first report)."""

    group_id: int
    page_url: str
    exact: str
    comment: str
    count: int
    queue_url: str | None

    def subject(self) -> str:
        page = "".join(ch for ch in self.page_url if ch.isprintable())[:120]
        return f"factbox: error report on {page}"

    def text(self) -> str:
        lines = [
            "A reader reported an error.",
            "",
            f"Page: {self.page_url}",
            "Selected text:",
            f"  {self.exact}",
        ]
        if self.comment:
            lines += ["Comment:", f"  {self.comment}"]
        if self.queue_url:
            lines += ["", f"Editors' queue: {self.queue_url}"]
        return "\n".join(lines) + "\n"

    def payload(self) -> dict[str, object]:
        return {"event": "report.created", **asdict(self)}


def send_email(settings: WebSettings, note: Notification, timeout: float = 10.0) -> None:
    if not settings.smtp_host or not settings.smtp_to:
        return
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = ", ".join(settings.smtp_to)
    message["Subject"] = note.subject()
    message.set_content(note.text())
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout) as smtp:
        smtp.send_message(message)


def send_webhook(settings: WebSettings, note: Notification, timeout: float = 10.0) -> None:
    if not settings.webhook_url:
        return
    request = urllib.request.Request(
        settings.webhook_url,
        data=json.dumps(note.payload()).encode("utf-8"),
        headers={"Content-Type": "application/json", "User-Agent": "factbox"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        response.read()


class Notifier:
    """A worker thread that sends each queued notification by email and webhook."""

    def __init__(self, settings: WebSettings, attempts: int = 3) -> None:
        self.settings = settings
        self.attempts = attempts
        self.enabled = bool((settings.smtp_host and settings.smtp_to) or settings.webhook_url)
        self._queue: queue.Queue[object] = queue.Queue(maxsize=10_000)
        self._thread: threading.Thread | None = None
        self.sent = 0
        self.failed = 0

    def start(self) -> None:
        if self.enabled and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="factbox-notify", daemon=True)
            self._thread.start()

    def submit(self, note: Notification) -> None:
        if not self.enabled:
            return
        try:
            self._queue.put_nowait(note)
        except queue.Full:
            log.warning("notification queue full; dropped group %s", note.group_id)

    def join(self) -> None:
        """Wait until every queued notification was sent or given up on."""
        self._queue.join()

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout=30)
            self._thread = None

    def _deliver(self, note: Notification) -> None:
        channels = []
        if self.settings.smtp_host and self.settings.smtp_to:
            channels.append(send_email)
        if self.settings.webhook_url:
            channels.append(send_webhook)
        for channel in channels:
            for attempt in range(self.attempts):
                try:
                    channel(self.settings, note)
                    self.sent += 1
                    break
                except Exception as exc:  # a mail or hook outage must not stop the worker
                    log.warning("%s failed (attempt %d): %s", channel.__name__, attempt + 1, exc)
                    threading.Event().wait(0.5 * (attempt + 1))
            else:
                self.failed += 1

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is _STOP:
                    return
                if isinstance(item, Notification):
                    self._deliver(item)
            finally:
                self._queue.task_done()
