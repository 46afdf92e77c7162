"""Fuzzing the places input comes in: the readers, extraction and the reports API.

    python bench/fuzz.py [--inputs 100000] [--seconds 900] [--seed 1]

Inputs are mutations of real-shaped seeds (the bundled demo articles and the test
fixtures: plain text, HTML, JSONL, RSS and Atom) and inputs built from scratch for each
format. A mutation flips, inserts, deletes, repeats or splices bytes, or inserts a token
from a dictionary of the constructs readers have to survive (tags left open, CDATA,
entities, byte-order marks, NUL, broken UTF-8, bidi controls, deep nesting, huge numbers).

Most inputs go to the readers (bytes to ``SourceItem`` to ``Article``): bad input must end
as an ``IngestFailure`` or ``InputError``, never another exception, and an article must
come out well formed. One input in ``EXTRACTION_EVERY`` is a short text parsed by the real
spaCy pipeline and extracted, every span inside the text; one in ``REPORTS_EVERY`` is a
report (mutated JSON) posted to the web app in process, which must not answer 5xx.

The run stops at ``--inputs`` inputs or ``--seconds``, whichever comes first, and prints
the count, the count per target and every crash (target, exception, a reproducer's repr),
exit 1 if there was any. The tests run a short version (tests/test_fuzz.py).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from factbox.ingest.articles import prepare_article
from factbox.ingest.readers import _items_from_bytes
from factbox.records import IngestFailure, IngestNote, InputError, SourceItem

EXTRACTION_EVERY = 200
REPORTS_EVERY = 50
MAX_INPUT_BYTES = 16 * 1024
PROGRESS_EVERY = 10_000
SUFFIXES = ["", ".txt", ".html", ".jsonl", ".xml", ".rss", ".atom"]

TOKENS: list[bytes] = [
    b"<", b">", b"</", b"<p>", b"</p>", b"<div>", b"<article>", b"</article>", b"<script>",
    b"<title>", b"</title>", b"<br/>", b"<!--", b"-->", b"<![CDATA[", b"]]>", b"<?xml ",
    b'<?xml version="1.0" encoding="koi8-r"?>', b'<meta charset="utf-16">', b"<!DOCTYPE html>",
    b"&amp;", b"&#0;", b"&#x110000;", b"&nbsp;", b"&bogus;", b"<rss><channel><item>",
    b"</item></channel></rss>", b'<feed xmlns="http://www.w3.org/2005/Atom"><entry>',
    b"</entry></feed>", b"<description>", b"<content:encoded>", b"<pubDate>", b"<link>",
    b"{", b"}", b"[", b"]", b'"', b":", b",", b"\\", b'{"title": ', b'"body": ', b'"html": ',
    b'"url": ', b'"published": ', b'"id": ', b"null", b"true", b"1e999", b"-0",
    b"99999999999999999999999", b"\n", b"\n\n", b"\r\n", b"\r", b"\t", b" ", b"\x00",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"\xe2\x80\xae", b"\xe2\x81\xa7", b"\xe2\x80\x8b", b"\xe2\x80\x9c", b"\xe2\x80\x9d",
    b"\xc2\xa0", b"PARIS (Reuters) - ", b"By Jane Doe", b"Updated: 10:42", b"27 February 2024",
    b'"We are ready," he said.', b"said on Tuesday", b"\xc2\xa9 2024", b"Read more:",
    b"Share this", b"\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2", b"<" * 50, b"[" * 200, b"{" * 200,
]

WORDS = (
    "the minister said on Tuesday that France would not send troops to Ukraine , \" . ' "
    "Macron Fiala told reporters in Brussels NATO EU according to he she they added warned "
    "— – ( ) : ; ? ! we are ready said not 2024 February 27 PARIS (Reuters) - By Doe"
).split()


def seeds() -> list[tuple[bytes, str]]:
    """The demo articles and the test fixtures, as (bytes, suffix)."""
    found: list[tuple[bytes, str]] = []
    demo = Path(str(resources.files("factbox") / "data" / "demo"))
    fixtures = Path(__file__).parents[1] / "tests" / "ingest" / "fixtures"
    for folder in (demo, fixtures):
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in (".txt", ".html", ".jsonl", ".xml", ".atom", ".rss"):
                    found.append((path.read_bytes(), path.suffix))
    return found


def mutate(data: bytes, rng: random.Random, pool: list[tuple[bytes, str]]) -> bytes:
    """One to eight random edits of ``data``."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(buffer))
        choice = rng.random()
        if choice < 0.3:
            token = rng.choice(TOKENS)
            buffer[at:at] = token * (1 if rng.random() < 0.9 else rng.randint(2, 300))
        elif choice < 0.45 and buffer:
            buffer[min(at, len(buffer) - 1)] = rng.randrange(256)
        elif choice < 0.6:
            buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif choice < 0.75:
            del buffer[at : at + rng.randint(1, 256)]
        elif choice < 0.85 and buffer:
            start = rng.randrange(len(buffer))
            piece = buffer[start : start + rng.randint(1, 512)]
            buffer[at:at] = piece * rng.randint(1, 4)
        elif choice < 0.95:
            other = rng.choice(pool)[0]
            start = rng.randrange(len(other) or 1)
            buffer[at:at] = other[start : start + rng.randint(1, 2048)]
        else:
            del buffer[at:]
    return bytes(buffer[:MAX_INPUT_BYTES])


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


def _json_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(8 if depth < 3 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([0, -1, 10**30, 1.5, True, False])
    if kind in (2, 3, 4):
        return _words(rng, rng.randint(0, 30))
    if kind in (5, 6):
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["title", "body", "text", "x"]): _json_value(rng, depth + 1)}


def built(rng: random.Random) -> tuple[bytes, str]:
    """An input made from scratch in one of the formats."""
    kind = rng.randrange(4)
    if kind == 0:
        paragraphs = [_words(rng, rng.randint(0, 40)) for _ in range(rng.randint(1, 6))]
        return "\n\n".join(paragraphs).encode(), ".txt"
    if kind == 1:
        body = "".join(f"<p>{_words(rng, rng.randint(0, 30))}</p>" for _ in range(4))
        title = _words(rng, 5)
        return f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode(), ""
    if kind == 2:
        lines = []
        for _ in range(rng.randint(1, 4)):
            record = {
                key: _json_value(rng)
                for key in rng.sample(["title", "body", "html", "url", "published", "id"], 3)
            }
            lines.append(json.dumps(record))
        return "\n".join(lines).encode(), ".jsonl"
    items = "".join(
        f"<item><title>{_words(rng, 4)}</title><description>{_words(rng, 30)}</description>"
        f"<pubDate>{rng.choice(['Tue, 27 Feb 2024 10:00:00 GMT', 'nonsense', ''])}</pubDate>"
        "</item>"
        for _ in range(rng.randint(0, 3))
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode(), ""


def read_one(data: bytes, suffix: str) -> int:
    """Read ``data`` as a file with ``suffix`` and clean every item; returns the articles.

    Raises on a crash: an exception other than bad input, or an article not well formed.
    """
    made = 0
    for item in _items_from_bytes(data, "fuzz" + suffix, suffix, "/fuzz/input" + suffix):
        if isinstance(item, IngestFailure | IngestNote):
            continue
        assert isinstance(item, SourceItem)
        try:
            article = prepare_article(item)
        except InputError:
            continue
        assert article.body and article.body == article.body.strip(), "body not trimmed"
        assert len(article.content_hash) == 64
        made += 1
    return made


def extract_one(nlp: Any, text: str) -> int:
    """Parse and extract ``text``; raises if a statement's span leaves the text."""
    from factbox.extract.component import EXTRACTION, article_doc
    from factbox.records import Article

    article = Article(
        key="fuzz", source_name="fuzz", format="text", raw=text, body=text, content_hash="0" * 64
    )
    extraction = nlp(article_doc(nlp, article))._.get(EXTRACTION)
    if extraction.error is not None:  # the component keeps an article's error; a crash here
        raise RuntimeError(extraction.error)
    found = extraction.statements
    for statement in found:
        for span in (statement.span, statement.content_span, statement.cue_span):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(text), f"span {span} outside the text"
    return len(found)


def report_payload(rng: random.Random) -> bytes:
    """A report as report.js sends it, mutated, or a JSON value made from scratch."""
    exact = _words(rng, rng.randint(1, 12))
    payload: dict[str, Any] = {
        "url": rng.choice(["http://testserver/articles/1", "javascript:x", "", "http://a/b#c"]),
        "selector": [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""},
            {"type": "TextPositionSelector", "start": 0, "end": len(exact)},
        ],
        "comment": _words(rng, rng.randint(0, 20)),
        "article_id": rng.choice(["1", "9223372036854775808", "123456789012345678", "x", None]),
    }
    if rng.random() < 0.3:
        return json.dumps(_json_value(rng)).encode()
    data = json.dumps(payload).encode()
    return mutate(data, rng, [(data, "")]) if rng.random() < 0.7 else data


@dataclass
class Crash:
    target: str
    error: str
    reproducer: str


@dataclass
class Tally:
    inputs: int = 0
    by_target: Counter[str] = field(default_factory=Counter)
    crashes: list[Crash] = field(default_factory=list)


def _try(
    tally: Tally, target: str, call: Callable[[], object], reproducer: object, echo: bool = False
) -> None:
    tally.inputs += 1
    tally.by_target[target] += 1
    try:
        call()
    except Exception as exc:
        lines = traceback.format_exception_only(type(exc), exc)
        crash = Crash(target, lines[-1].strip(), repr(reproducer)[:400])
        tally.crashes.append(crash)
        if echo:  # at once, so a run that is stopped still tells what it found
            number = len(tally.crashes)
            print(f"  crash {number} at input {tally.inputs:,}: {crash}", file=sys.stderr)


def run(
    inputs: int, seconds: float, seed: int, *, extraction: bool = True, progress: bool = False
) -> Tally:
    """Fuzz until ``inputs`` inputs or ``seconds`` have passed."""
    rng = random.Random(seed)
    pool = seeds()
    tally = Tally()
    nlp = None
    if extraction:
        from factbox.extract.nlp import load_nlp

        nlp = load_nlp()
    with tempfile.TemporaryDirectory(prefix="factbox-fuzz-") as tmp, _reports_client(tmp) as post:
        deadline = time.monotonic() + seconds
        while tally.inputs < inputs and time.monotonic() < deadline:
            number = tally.inputs + 1
            if progress and number % PROGRESS_EVERY == 0:
                print(f"  {number:,} inputs, {len(tally.crashes)} crashes", file=sys.stderr)
            if nlp is not None and number % EXTRACTION_EVERY == 0:
                text = _words(rng, rng.randint(1, 60))
                if rng.random() < 0.5:
                    text = mutate(text.encode(), rng, pool).decode("utf-8", "replace")[:2000]
                _try(tally, "extraction", lambda t=text: extract_one(nlp, t), text, progress)
            elif number % REPORTS_EVERY == 0:
                body = report_payload(rng)
                _try(tally, "reports", lambda b=body: post(b), body, progress)
            else:
                if rng.random() < 0.75:
                    data, suffix = rng.choice(pool)
                    data = mutate(data, rng, pool)
                    suffix = suffix if rng.random() < 0.8 else rng.choice(SUFFIXES)
                else:
                    data, suffix = built(rng)
                _try(
                    tally,
                    "readers",
                    lambda d=data, s=suffix: read_one(d, s),
                    (suffix, data),
                    progress,
                )
    return tally


class _Poster:
    """Posts a report body to the app in process; raises on a 5xx answer."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def __call__(self, body: bytes) -> int:
        response = self.client.post(
            "/api/reports", content=body, headers={"content-type": "application/json"}
        )
        if response.status_code >= 500:
            raise AssertionError(f"reports answered {response.status_code}")
        return int(response.status_code)


class _reports_client:
    """The web app over a fresh ledger in ``folder``, as a context giving a poster."""

    def __init__(self, folder: str) -> None:
        warnings.filterwarnings("ignore", message=".*httpx2.*")
        from fastapi.testclient import TestClient

        from factbox.web import WebSettings, create_app

        app = create_app(Path(folder) / "reports.db", WebSettings(salt="fuzz", rate_limit=10**9))
        self.client = TestClient(app)

    def __enter__(self) -> _Poster:
        self.client.__enter__()
        return _Poster(self.client)

    def __exit__(self, *exc: object) -> None:
        self.client.__exit__(*exc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=900.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-extraction", action="store_true")
    args = parser.parse_args()
    started = time.monotonic()
    tally = run(
        args.inputs, args.seconds, args.seed, extraction=not args.no_extraction, progress=True
    )
    elapsed = time.monotonic() - started
    targets = ", ".join(f"{name} {count:,}" for name, count in sorted(tally.by_target.items()))
    print(f"inputs: {tally.inputs:,} in {elapsed:.0f} s ({targets}); seed {args.seed}")
    print(f"crashes: {len(tally.crashes)}")
    for crash in tally.crashes[:50]:
        print(f"  {crash.target}: {crash.error}\n    input: {crash.reproducer}")
    sys.exit(1 if tally.crashes else 0)


if __name__ == "__main__":
    main()
