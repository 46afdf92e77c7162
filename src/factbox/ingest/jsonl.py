"""Reading JSON Lines: one article object per line.

Each object needs ``text`` or ``html``; ``id``, ``url``, ``title`` and ``published`` are optional.
A bad line becomes one ``IngestFailure`` named ``path:LINE`` and the other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from factbox.records import IngestFailure, SourceItem

_OPTIONAL_STRING_FIELDS = ("url", "title", "published")


class _BadLine(Exception):
    pass


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    return "a " + type(value).__name__


def _optional_string(record: dict[str, Any], field: str) -> str | None:
    value = record.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine(f'"{field}" must be a string, not {_json_kind(value)}')
    return value.strip() or None


def _identifier(record: dict[str, Any]) -> str | None:
    value = record.get("id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _BadLine(f'"id" must be a string or an integer, not {_json_kind(value)}')
    return str(value).strip() or None


def _content(record: dict[str, Any]) -> str:
    for field in ("text", "html"):
        value = record.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise _BadLine(f'"{field}" must be a string, not {_json_kind(value)}')
        if value.strip():
            return value
    if "text" in record or "html" in record:
        raise _BadLine('"text"/"html" is empty')
    raise _BadLine('object has no "text" or "html" field')


def _item(line: str, item_name: str, fallback_key: str) -> SourceItem:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise _BadLine(f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:  # "[[[[..." deeper than Python's stack (found by bench/fuzz.py)
        raise _BadLine("JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise _BadLine(f"expected a JSON object, got {_json_kind(record)}")
    raw = _content(record)
    identifier = _identifier(record)
    url, title, published = (_optional_string(record, field) for field in _OPTIONAL_STRING_FIELDS)
    return SourceItem(
        name=item_name,
        format="jsonl",
        raw=raw,
        key=identifier or url or fallback_key,
        id=identifier,
        url=url,
        title=title,
        published=published,
    )


def read_jsonl(text: str, name: str, key_base: str) -> Iterator[SourceItem | IngestFailure]:
    """Items of a JSONL document; ``key_base`` (the resolved path) keys lines with no id or url."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item_name = f"{name}:{number}"
        try:
            yield _item(line, item_name, f"{key_base}:{number}")
        except _BadLine as problem:
            yield IngestFailure(item_name, str(problem))
