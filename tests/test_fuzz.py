"""Fuzzing as a habit: Hypothesis drives the readers, extraction and the reports API, and a
short run of bench/fuzz.py (the long run is ``python bench/fuzz.py``) must find no crash."""

from __future__ import annotations

import importlib.util
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factbox.extract.nlp import load_nlp

FUZZ_SCRIPT = Path(__file__).parents[1] / "bench" / "fuzz.py"


def load_fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_fuzz", FUZZ_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_fuzz"] = module
    spec.loader.exec_module(module)
    return module


fuzz = load_fuzz()

WORD = st.sampled_from(fuzz.WORDS) | st.text(min_size=1, max_size=8)
SENTENCE = st.lists(WORD, min_size=0, max_size=25).map(" ".join)
MARKUP = st.sampled_from(["", "<b>", "</b>", "<p>", "</p>", "<br>", "&amp;", "&#x110000;", "<!--"])
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(
    title=SENTENCE,
    paragraphs=st.lists(st.tuples(MARKUP, SENTENCE, MARKUP), min_size=0, max_size=6),
    full_page=st.booleans(),
)
def test_html_of_any_shape_is_read_or_refused(
    title: str, paragraphs: list[tuple[str, str, str]], full_page: bool
) -> None:
    body = "".join(f"<p>{a}{text}{b}</p>" for a, text, b in paragraphs)
    page = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    fuzz.read_one((page if full_page else body).encode("utf-8", "surrogatepass"), ".html")


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | SENTENCE,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(SENTENCE, inner, max_size=3),
    max_leaves=8,
)
FIELDS = st.sampled_from(["title", "body", "text", "html", "url", "published", "id", "other"])


@SETTINGS
@given(records=st.lists(st.dictionaries(FIELDS, JSON, max_size=5) | JSON, max_size=4))
def test_jsonl_of_any_shape_is_read_or_refused(records: list[Any]) -> None:
    lines = "\n".join(json.dumps(record) for record in records)
    fuzz.read_one(lines.encode("utf-8", "surrogatepass"), ".jsonl")


@SETTINGS
@given(
    items=st.lists(st.tuples(SENTENCE, SENTENCE, MARKUP, SENTENCE), max_size=4),
    atom=st.booleans(),
)
def test_feeds_of_any_shape_are_read_or_refused(
    items: list[tuple[str, str, str, str]], atom: bool
) -> None:
    def escaped(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;")

    if atom:
        entries = "".join(
            f"<entry><title>{escaped(t)}</title><content type='html'>{escaped(m + c)}</content>"
            f"<updated>{escaped(d)}</updated></entry>"
            for t, c, m, d in items
        )
        document = f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
    else:
        entries = "".join(
            f"<item><title>{escaped(t)}</title><description>{escaped(m + c)}</description>"
            f"<pubDate>{escaped(d)}</pubDate></item>"
            for t, c, m, d in items
        )
        document = f"<rss version='2.0'><channel>{entries}</channel></rss>"
    fuzz.read_one(document.encode("utf-8", "surrogatepass"), ".xml")


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    sentences=st.lists(
        st.tuples(SENTENCE, st.sampled_from(['"', "“", "”", "", " said", ", he said."])),
        min_size=1,
        max_size=4,
    )
)
def test_extraction_of_short_random_texts_keeps_spans_inside(
    nlp: Any, sentences: list[tuple[str, str]]
) -> None:
    text = " ".join(words + mark for words, mark in sentences)[:600]
    fuzz.extract_one(nlp, text)


@pytest.fixture(scope="module")
def post(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    with fuzz._reports_client(str(tmp_path_factory.mktemp("reports"))) as poster:
        yield poster


SELECTOR = st.fixed_dictionaries(
    {"type": st.sampled_from(["TextQuoteSelector", "TextPositionSelector", "x"])},
    optional={
        "exact": SENTENCE | JSON,
        "prefix": SENTENCE,
        "suffix": SENTENCE,
        "start": st.integers(),
        "end": st.integers(),
    },
)
REPORT = st.fixed_dictionaries(
    {},
    optional={
        "url": st.sampled_from(["http://testserver/articles/1", "https://x/#y", "ftp://x"])
        | SENTENCE,
        "selector": st.lists(SELECTOR, max_size=3) | JSON,
        "comment": SENTENCE | JSON,
        "article_id": st.integers().map(str) | SENTENCE | JSON,
        "revision": SENTENCE,
        "website": SENTENCE,
    },
)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(payload=REPORT | JSON)
def test_the_reports_api_never_answers_a_server_error(post: Any, payload: Any) -> None:
    post(json.dumps(payload).encode("utf-8", "surrogatepass"))


def test_a_short_fuzz_run_finds_no_crash() -> None:
    tally = fuzz.run(inputs=600, seconds=120, seed=14)
    assert tally.inputs >= 100  # the time bound leaves room for far more even on a busy machine
    assert {"readers", "reports", "extraction"} <= set(tally.by_target)
    assert tally.crashes == [], tally.crashes[:5]


def test_the_fuzzer_reports_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0

    def breaks_sometimes(data: bytes, suffix: str) -> int:
        nonlocal calls
        calls += 1
        if calls % 7 == 0:
            raise KeyError("planted")
        return 0

    monkeypatch.setattr(fuzz, "read_one", breaks_sometimes)
    tally = fuzz.run(inputs=30, seconds=60, seed=1, extraction=False)
    assert tally.crashes and all("planted" in c.error for c in tally.crashes)
    assert all(c.target == "readers" for c in tally.crashes)
