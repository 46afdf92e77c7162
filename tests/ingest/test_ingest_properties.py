"""Properties that hold for any input: no crash, a well-formed body, a stable hash."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factbox.ingest import prepare_article, read_inputs
from factbox.records import IngestFailure, IngestNote, InputError, SourceItem

WORDS = st.sampled_from(
    [
        "Ministers",
        "met",
        "in",
        "PARIS",
        "(Reuters)",
        "-",
        "—",
        "said",
        "on",
        "Tuesday,",
        "27",
        "February",
        "2024",
        "By",
        "Jane",
        "Doe",
        "Read",
        "more:",
        "Share",
        "©",
        "“talks”",
        "Kyiv",
        "the",
        "aid.",
        "Updated:",
        "10:42",
        "AM",
        "|",
        "Ctrl+Enter",
        "Łódź",
        "café",
    ]
)
LINES = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)
TEXTS = st.lists(LINES, min_size=1, max_size=12).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_any_text_gives_a_clean_body_or_an_input_error(text: str) -> None:
    item = SourceItem(name="x.txt", format="text", raw=text, key="x")
    try:
        article = prepare_article(item)
    except InputError as error:
        assert error.name == "x.txt"
        return
    paragraphs = article.body.split("\n\n")
    assert all(p and p == " ".join(p.split()) for p in paragraphs)
    assert article.raw == text
    # The same words with other whitespace give the same article.
    spaced = "\r\n".join("  " + line.replace(" ", "   ") + " " for line in text.split("\n"))
    again = prepare_article(SourceItem(name="y.txt", format="text", raw=spaced, key="y"))
    assert again.body == article.body
    assert again.content_hash == article.content_hash


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.binary(min_size=0, max_size=400),
    suffix=st.sampled_from(["", ".txt", ".jsonl", ".html", ".xml"]),
)
def test_any_bytes_are_read_without_raising(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    for result in read_inputs([str(path)]):
        assert isinstance(result, (SourceItem, IngestFailure, IngestNote))
        assert result.name.startswith(str(path))
        if isinstance(result, IngestFailure):
            assert result.reason and "\n" not in result.reason
