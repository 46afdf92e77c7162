"""Telling an input's format from its file extension and, when that is not enough, its content."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from factbox.ingest.webpages import looks_like_html_document
from factbox.records import SourceFormat

EXTENSION_FORMATS: dict[str, SourceFormat] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

# The root element of a feed, after any XML declaration, comments, processing instructions
# and doctype.
_FEED_ROOT = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*"
    r"<(?:[\w.\-]+:)?(?:rss|feed|RDF)\b",
    re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class FormatGuess:
    """The format to read an input as, or why it cannot be read."""

    format: SourceFormat | None
    problem: str | None = None


def is_feed(text: str) -> bool:
    return _FEED_ROOT.match(text[:8192]) is not None


def _first_line_is_json_object(text: str) -> bool:
    for line in text.split("\n"):
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except (ValueError, RecursionError):
                return False
    return False


def sniff_format(text: str) -> SourceFormat:
    """The format of content with no telling extension; plain text when nothing else fits."""
    if is_feed(text):
        return "feed"
    if looks_like_html_document(text):
        return "html"
    if text.lstrip().startswith("{") and _first_line_is_json_object(text):
        return "jsonl"
    return "text"


def guess_format(suffix: str, text: str) -> FormatGuess:
    """Known extensions decide (an .xml file must be a feed or XHTML); others are sniffed."""
    by_extension = EXTENSION_FORMATS.get(suffix.lower())
    if by_extension is None:
        return FormatGuess(sniff_format(text))
    if by_extension == "feed" and not is_feed(text):
        if looks_like_html_document(text):
            return FormatGuess("html")
        return FormatGuess(None, "XML but not an RSS or Atom feed (no <rss> or <feed> root)")
    return FormatGuess(by_extension)
