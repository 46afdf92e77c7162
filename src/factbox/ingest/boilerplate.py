"""Site and wire-service boilerplate lines ("Read more:", "Share this article", copyright...).

The patterns live in ``data/ingest/boilerplate.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factbox.ingest.resources import load_ingest_table


@dataclass(frozen=True, slots=True)
class _BoilerplateRules:
    patterns: tuple[re.Pattern[str], ...]
    max_line_chars: int
    widget_label: re.Pattern[str] | None


@cache
def _rules() -> _BoilerplateRules:
    table = load_ingest_table("boilerplate.toml")
    patterns = tuple(re.compile(entry["regex"], re.IGNORECASE) for entry in table["pattern"])
    labels = [re.escape(label) for label in table.get("widget_labels", [])]
    label = re.compile(rf"(?:{'|'.join(labels)})\s*:\s+(?=\S)", re.IGNORECASE) if labels else None
    return _BoilerplateRules(
        patterns=patterns, max_line_chars=int(table["max_line_chars"]), widget_label=label
    )


def is_boilerplate(line: str) -> bool:
    """True if the whole line is site furniture rather than article text."""
    text = " ".join(line.split())
    rules = _rules()
    if not text or len(text) > rules.max_line_chars:
        return False
    if text[0].islower():
        # Site furniture starts a line of its own ("Read more:", "Share"); a lower-case start
        # is a hard-wrapped line of a sentence ("... would\nread more of the report").
        return False
    return any(pattern.fullmatch(text) for pattern in rules.patterns)


def without_widget_label(paragraph: str) -> str:
    """A paragraph without the page widget's label its text ran into ("Details: There is
    ..." -> "There is ...")."""
    label = _rules().widget_label
    if label is None:
        return paragraph
    found = label.match(paragraph)
    return paragraph[found.end() :] if found is not None else paragraph
