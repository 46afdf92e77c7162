"""Getting article text out of HTML: whole pages through trafilatura, fragments directly.

A whole page (with <html>/<body>) has navigation, asides and footers around the article, and
trafilatura finds the article in it. A fragment (a feed item's content:encoded, a JSONL "html"
field) is the article already; its block elements are its paragraphs.
Neither path fetches anything: trafilatura is only given the markup.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from factbox.ingest.datelines import parse_date_text

_HTML_TAG = re.compile(
    r"<(?:/?(?:p|div|br|span|a|b|i|em|strong|h[1-6]|ul|ol|li|blockquote|article|section|main|"
    r"header|footer|figure|figcaption|img|table|tr|td|html|head|body|title|meta|script|style)"
    r"\b[^<>]*>|!doctype\s+html)",
    re.IGNORECASE,
)
_HTML_DOCUMENT = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table td th tr ul".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template iframe svg figure figcaption".split())
_VOID_TAGS = frozenset("br hr img meta link input wbr source".split())


@dataclass(frozen=True, slots=True)
class ExtractedText:
    """Article text from HTML, one paragraph per line, and the metadata the page gave."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None


def looks_like_html(text: str) -> bool:
    """True if the text carries HTML markup (common tags), not just a stray '<'."""
    return _HTML_TAG.search(text) is not None


def looks_like_html_document(text: str) -> bool:
    """True for a whole page (doctype, <html>, <head> or <body>) rather than a fragment."""
    return _HTML_DOCUMENT.search(text[:4096]) is not None


def extract_from_page(page: str) -> ExtractedText | None:
    """The article in a whole HTML page via trafilatura, or None if it finds no body."""
    # Imported here: only whole HTML pages need it, and loading it costs a fifth of a second.
    import trafilatura

    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        # Precision over recall: a page with no article should yield nothing, not its menus.
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if document is None:
        return None
    text = getattr(document, "text", None) or ""
    if not text.strip():
        return None
    title = getattr(document, "title", None)
    date_text = getattr(document, "date", None)
    url = getattr(document, "url", None)
    return ExtractedText(
        text=text,
        title=title if isinstance(title, str) and title.strip() else None,
        published=parse_date_text(date_text) if isinstance(date_text, str) else None,
        url=url if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
    )


class _FragmentText(HTMLParser):
    """Collects the text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip_depth = 0

    def _break(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS and tag not in _VOID_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip_depth == 0:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._break()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![CDATA[...]]>`` and the like; the standard library raises AssertionError on an
        unknown keyword (``<![CDAongs``, found by bench/fuzz.py), which ends it at its ``>``."""
        try:
            return int(super().parse_marked_section(i, report))
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1


def extract_from_fragment(fragment: str) -> ExtractedText | None:
    """The text of an HTML fragment, one paragraph per block element; None if it has none."""
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    if not parser.lines:
        return None
    return ExtractedText(text="\n".join(parser.lines))
