"""Readers' reports coming in: the JSON they are sent as, its limits, and the writer.

The writer is one thread that takes every report waiting and stores them in one
transaction (group commit); a request is answered only after its report is committed.
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import threading
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from factbox.editorial import NewReport, SavedReport
from factbox.parsing import MAX_ID
from factbox.service import Factbox

log = logging.getLogger("factbox.web")

MAX_BODY_BYTES = 32 * 1024
MAX_EXACT = 1000
MAX_CONTEXT = 32
MAX_COMMENT = 1000
MAX_URL = 2048
BATCH = 512


def clean_text(value: str) -> str:
    """Drop NUL and lone UTF-16 surrogates (a selection cut inside an emoji)."""
    text = value.replace("\x00", "")
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean_json(value: Any) -> Any:
    """Parsed JSON with every string passed through :func:`clean_text`."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_json(item) for item in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): clean_json(v) for k, v in value.items()}
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class TextQuoteSelector(_Strict):
    """The selected words and up to 32 characters on each side (W3C Web Annotation)."""

    type: Literal["TextQuoteSelector"]
    exact: str = Field(min_length=1, max_length=MAX_EXACT)
    prefix: str = Field(default="", max_length=MAX_CONTEXT)
    suffix: str = Field(default="", max_length=MAX_CONTEXT)

    @field_validator("exact", mode="after")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the selection is empty")
        return value


class TextPositionSelector(_Strict):
    """Offsets of the selection in the page's ``document.body.textContent``."""

    type: Literal["TextPositionSelector"]
    start: int = Field(ge=0, le=100_000_000)
    end: int = Field(ge=0, le=100_000_000)

    @model_validator(mode="after")
    def _ordered(self) -> TextPositionSelector:
        if self.end < self.start:
            raise ValueError("end comes before start")
        return self


Selector = Annotated[TextQuoteSelector | TextPositionSelector, Field(discriminator="type")]


class ReportIn(_Strict):
    """A reader's report of an error, as report.js sends it."""

    url: str = Field(min_length=1, max_length=MAX_URL, description="The page's address")
    selector: list[Selector] = Field(min_length=1, max_length=2)
    comment: str = Field(default="", max_length=MAX_COMMENT)
    article_id: str | None = Field(default=None, max_length=18, pattern=r"^[0-9]+$")
    revision: str | None = Field(default=None, max_length=128, pattern=r"^[0-9A-Za-z:._-]*$")
    website: str = Field(default="", max_length=200, description="Leave empty (honeypot)")

    @field_validator("url", mode="after")
    @classmethod
    def _web_address(cls, value: str) -> str:
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("the page address must be an http or https URL")
        # The fragment is the reader's place on the page, not another page.
        return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))

    @field_validator("article_id", mode="after")
    @classmethod
    def _row_id(cls, value: str | None) -> str | None:
        if value is not None and not 0 < int(value) <= MAX_ID:
            raise ValueError("not an article id (out of range)")
        return value

    @field_validator("comment", mode="after")
    @classmethod
    def _clean_comment(cls, value: str) -> str:
        return value.strip()

    @model_validator(mode="after")
    def _one_quote(self) -> ReportIn:
        kinds = [s.type for s in self.selector]
        if kinds.count("TextQuoteSelector") != 1 or kinds.count("TextPositionSelector") > 1:
            raise ValueError("send one TextQuoteSelector and at most one TextPositionSelector")
        return self

    @property
    def quote(self) -> TextQuoteSelector:
        return next(s for s in self.selector if isinstance(s, TextQuoteSelector))

    @property
    def position(self) -> tuple[int, int] | None:
        found = next((s for s in self.selector if isinstance(s, TextPositionSelector)), None)
        return (found.start, found.end) if found else None

    def to_report(self, reporter_hash: str, origin: str | None) -> NewReport:
        quote = self.quote
        return NewReport(
            page_url=self.url,
            exact=quote.exact,
            prefix=quote.prefix,
            suffix=quote.suffix,
            position=self.position,
            comment=self.comment,
            reporter_hash=reporter_hash,
            article_id=int(self.article_id) if self.article_id else None,
            revision=self.revision or None,
            origin=origin[:200] if origin else None,
        )


def error_messages(errors: list[Any]) -> list[str]:
    """Pydantic errors as one line each: ``field.path: message``."""
    lines = []
    for error in errors:
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
        lines.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return lines


_Job = tuple[NewReport, "concurrent.futures.Future[SavedReport]"]
_STOP = None


class ReportWriter:
    """Stores reports from a queue in batches, one transaction per batch."""

    def __init__(self, factbox: Factbox) -> None:
        self.factbox = factbox
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self.batches = 0

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="factbox-reports", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        if self._thread is not None:
            self._queue.put(_STOP)
            self._thread.join(timeout=30)
            self._thread = None

    def submit(self, report: NewReport) -> concurrent.futures.Future[SavedReport]:
        future: concurrent.futures.Future[SavedReport] = concurrent.futures.Future()
        if self._thread is None:
            future.set_exception(RuntimeError("the report writer is not running"))
            return future
        self._queue.put((report, future))
        return future

    def _take(self) -> tuple[list[_Job], bool]:
        first = self._queue.get()
        if first is None:
            return [], True
        jobs = [first]
        while len(jobs) < BATCH:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is None:
                self._write(jobs)
                return [], True
            jobs.append(job)
        return jobs, False

    def _write(self, jobs: list[_Job]) -> None:
        try:
            saved = self.factbox.save_reports([report for report, _ in jobs])
        except Exception as exc:  # answer every waiting request, then keep serving
            if len(jobs) > 1:
                # One bad report must not fail the others: store them one by one.
                log.warning("storing %d reports together failed; storing each alone", len(jobs))
                for job in jobs:
                    self._write([job])
                return
            log.exception("storing a report failed")
            jobs[0][1].set_exception(exc)
            return
        self.batches += 1
        for (_, future), result in zip(jobs, saved, strict=True):
            future.set_result(result)

    def _run(self) -> None:
        while True:
            jobs, stop = self._take()
            if jobs:
                self._write(jobs)
            if stop:
                return
