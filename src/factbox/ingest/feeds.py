"""Reading RSS and Atom feeds through feedparser, one item per article.

feedparser is only ever given the bytes we already read (as a stream), so it fetches nothing.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from factbox.records import IngestFailure, SourceItem

_XML_DECLARED_ENCODING = re.compile(r"""(\A\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")
# A numeric character reference (&#1114112; or &#x110000;); feedparser's fallback parser
# calls chr() on it and raises past the end of Unicode (found by bench/fuzz.py).
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_LAST_CODE_POINT = 0x10FFFF


def _valid_reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    digits = (hexadecimal or decimal).lstrip("0")
    value = int(digits or "0", 16 if hexadecimal else 10) if len(digits) < 10 else -1
    return match.group() if 0 < value <= _LAST_CODE_POINT else "&#xFFFD;"


def _as_utf8_document(text: str) -> bytes:
    """The feed as UTF-8 bytes, with its XML declaration saying so.

    We decode inputs ourselves (so a feed gets the same charset handling as any other input);
    the declaration must then not claim the original encoding any more.
    """
    text = _CHARACTER_REFERENCE.sub(_valid_reference, text)
    return _XML_DECLARED_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")


def _text_field(entry: Any, field: str) -> str | None:
    value = entry.get(field)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _content(entry: Any) -> str | None:
    """content:encoded / Atom content first, else the summary (description)."""
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value
    return _text_field(entry, "summary")


def _web_link(entry: Any) -> str | None:
    link = _text_field(entry, "link")
    if link and link.startswith(("http://", "https://")):
        return link
    return None


def read_feed(text: str, name: str, key_base: str) -> Iterator[SourceItem | IngestFailure]:
    """Items of an RSS or Atom document, named ``name#N`` (N counts items from 1)."""
    import feedparser  # imported when a feed is read, not by every command

    try:
        parsed = feedparser.parse(io.BytesIO(_as_utf8_document(text)))
    except Exception as exc:  # a parser bug on odd input is this input's failure, not ours
        yield IngestFailure(name, f"the feed parser failed on this feed ({exc})")
        return
    entries = list(parsed.get("entries") or [])
    if not any(_content(entry) for entry in entries):
        if parsed.get("bozo"):
            problem = " ".join(str(parsed.get("bozo_exception")).split())
            yield IngestFailure(name, f"not a well-formed RSS or Atom feed ({problem})")
        elif not parsed.get("version"):
            yield IngestFailure(name, "not an RSS or Atom feed")
        elif not entries:
            yield IngestFailure(name, "feed has no items")
        else:
            yield IngestFailure(name, "no feed item has content or a summary")
        return
    for number, entry in enumerate(entries, start=1):
        item_name = f"{name}#{number}"
        content = _content(entry)
        if content is None:
            yield IngestFailure(item_name, "feed item has no content or summary")
            continue
        identifier = _text_field(entry, "id")
        url = _web_link(entry)
        yield SourceItem(
            name=item_name,
            format="feed",
            raw=content,
            key=identifier or url or f"{key_base}#{number}",
            id=identifier,
            url=url,
            title=_text_field(entry, "title"),
            published=_text_field(entry, "published") or _text_field(entry, "updated"),
        )
