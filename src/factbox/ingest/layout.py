"""The layout of news copy as plain text: title, dateline, byline, place lead, paragraphs.

Wire copy and text copied from news sites put a header above the story (title, a dateline such
as "Tuesday, 27 February 2024", a byline) and open the first paragraph with a place/agency lead
("PARIS (Reuters) -"). ``parse_layout`` takes those apart and returns the paragraphs of the
story itself, each with its whitespace normalised, without the site's boilerplate lines.

A title is a short first line that does not end like a sentence; but a first line with a line
of dates right under it is the title whatever its ending or length (a headline ending in a
period, or copy whose lead sentence stands in for the headline): the dates are the header's.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from factbox.ingest.boilerplate import is_boilerplate, without_widget_label
from factbox.ingest.datelines import Dateline, match_dateline
from factbox.ingest.resources import load_ingest_table

HEADER_SCAN_LINES = 8
"""How many non-empty lines at the top may be header (title, datelines, bylines)."""

LEAD_PARAGRAPHS = 2
"""How many paragraphs from the top may open with the place/agency lead."""

MAX_TITLE_CHARS = 200
MAX_BYLINE_CHARS = 80

WRAP_WIDTH = 100
"""A block whose lines are all at most this long is hard-wrapped prose: its lines are joined.
A block with any longer line holds one paragraph per line (text copied from web pages)."""

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))
_HEADER_SEGMENT_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_SENTENCE_ENDINGS = (".", "!", "?", "…", '"', "”", "’", "»", ")")
_TITLE_FORBIDDEN_ENDINGS = (".", ",", ";", ":", '."', ".”", ".’")
_HAS_WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class ArticleLayout:
    """The parts of an article found in its text."""

    paragraphs: tuple[str, ...]
    title: str | None
    published: dt.date | None
    place: str | None
    agency: str | None


@dataclass(frozen=True, slots=True)
class _LayoutPatterns:
    bylines: tuple[re.Pattern[str], ...]
    place_lead: re.Pattern[str]


@cache
def _patterns() -> _LayoutPatterns:
    table = load_ingest_table("layout.toml")
    bylines = tuple(re.compile(entry["regex"], re.VERBOSE) for entry in table["byline"])
    place_lead = re.compile(table["place_lead"]["regex"], re.VERBOSE)
    return _LayoutPatterns(bylines=bylines, place_lead=place_lead)


def normalise_text(text: str) -> str:
    """Unix newlines, NFC, no invisible characters (zero-width space, BOM, soft hyphen)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE)
    return unicodedata.normalize("NFC", text)


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def is_byline(line: str, *, explicit_only: bool = False) -> bool:
    """True for "By Jane Doe", "By Jane Doe, Reuters" and, unless ``explicit_only``,
    "Jane Doe, Reuters"."""
    text = collapse_whitespace(line)
    if not text or len(text) > MAX_BYLINE_CHARS or text.endswith("."):
        return False
    bylines = _patterns().bylines
    candidates = bylines[:1] if explicit_only else bylines
    return any(pattern.fullmatch(text) for pattern in candidates)


def split_place_lead(paragraph: str) -> tuple[str | None, str | None, str]:
    """(place, agency, rest of the paragraph) for a paragraph opening with a wire lead."""
    match = _patterns().place_lead.match(paragraph)
    if match is None:
        return None, None, paragraph
    place, agency = match.group("place"), match.group("agency")
    rest = paragraph[match.end() :]
    if place is None and agency is None:
        return None, None, paragraph
    # Without "(Agency)" only an all-capitals place followed by a new sentence counts:
    # "BRUSSELS — The ..." but not "NATO — the alliance ...".
    if agency is None and (place is None or not place.isupper() or rest[:1].islower()):
        return None, None, paragraph
    return place, (agency.strip() if agency else None), rest


def _same_text(left: str, right: str) -> bool:
    return collapse_whitespace(left).casefold() == collapse_whitespace(right).casefold()


def _could_be_title(line: str) -> bool:
    text = collapse_whitespace(line)
    if len(text) > MAX_TITLE_CHARS or text.endswith(_TITLE_FORBIDDEN_ENDINGS):
        return False
    place, agency, _ = split_place_lead(text)
    return place is None and agency is None


def _header_datelines(line: str) -> list[Dateline] | None:
    """Datelines of a header line made only of datelines, bylines and boilerplate, else None.

    Handles lines such as "By Jane Doe | 27 Feb 2024 | 14:05 CET".
    """
    whole = match_dateline(line)
    if whole is not None:
        return [whole]
    segments = _HEADER_SEGMENT_SEPARATOR.split(line)
    if len(segments) < 2:
        return None
    dated = [s for s in segments if not (is_byline(s) or is_boilerplate(s))]
    if not dated:
        return []
    dateline = match_dateline(" | ".join(dated))
    return [dateline] if dateline is not None else None


def _dated_below(lines: Sequence[str], index: int) -> bool:
    """The next non-empty line after ``lines[index]`` is made only of datelines (and
    bylines or boilerplate around them)."""
    for below in lines[index + 1 :]:
        if below.strip():
            return bool(_header_datelines(below.strip()))
    return False


@dataclass(slots=True)
class _Header:
    body_start: int
    title: str | None
    datelines: list[Dateline]


def _read_header(lines: Sequence[str], given_title: str | None) -> _Header:
    title = given_title
    title_found = given_title is not None
    datelines: list[Dateline] = []
    non_empty_seen = 0
    remaining_non_empty = sum(1 for line in lines if line.strip())
    for index, raw_line in enumerate(lines):
        line = raw_line.strip()
        if not line:
            continue
        if non_empty_seen >= HEADER_SCAN_LINES:
            return _Header(index, title, datelines)
        non_empty_seen += 1
        remaining_non_empty -= 1
        if given_title is not None and _same_text(line, given_title):
            continue
        header_datelines = _header_datelines(line)
        if header_datelines is not None:
            datelines.extend(header_datelines)
            continue
        # "Jane Doe, Reuters" only counts once the title is known: before that such a line
        # is more likely a headline in title case.
        if is_byline(line, explicit_only=not title_found) or is_boilerplate(line):
            continue
        if not _HAS_WORD_CHARACTER.search(line):
            continue
        continues = index + 1 < len(lines) and lines[index + 1].lstrip()[:1].islower()
        if not title_found and remaining_non_empty > 0 and not continues and _could_be_title(line):
            title = collapse_whitespace(line)
            title_found = True
            continue
        if not title_found and non_empty_seen == 1 and _dated_below(lines, index):
            # The first line with a line of dates right under it is the header's title even
            # when it reads like a sentence (a headline ending in a period, or a lead used as
            # the headline): the dates under it are the article's, not the story's.
            title = collapse_whitespace(line)
            title_found = True
            continue
        return _Header(index, title, datelines)
    return _Header(len(lines), title, datelines)


def _join_wrapped(lines: Sequence[str]) -> str:
    joined = ""
    for line in (collapse_whitespace(line) for line in lines):
        if not joined:
            joined = line
        elif len(joined) >= 2 and joined.endswith("-") and joined[-2].isalpha():
            joined += line  # a word broken at the line end: "Jean-" + "Claude"
        else:
            joined += " " + line
    return joined


def _blocks(lines: Sequence[str]) -> list[list[str]]:
    """Runs of lines between blank lines (or lines with no letters or digits, like '* * *')."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip() and _HAS_WORD_CHARACTER.search(line):
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _wrapped_paragraphs(block: Sequence[str]) -> list[str]:
    """A hard-wrapped block as paragraphs: one, unless boilerplate lines cut it."""
    if is_boilerplate(_join_wrapped(block)):
        return []  # e.g. "(Reporting by ...; Editing by" wrapped onto a second line
    paragraphs: list[str] = []
    run: list[str] = []
    for line in [*block, ""]:
        if line and not is_boilerplate(line):
            run.append(line)
        elif run:
            paragraphs.append(_join_wrapped(run))
            run = []
    return paragraphs


def _merge_continuations(lines: Sequence[str]) -> list[str]:
    """Join a line to the one before when it carries on its sentence.

    A paragraph never opens with a small letter, so "He said: "We will" + "not waver."" (a
    <br> inside a paragraph) is one paragraph.
    """
    merged: list[str] = []
    for line in lines:
        if merged and line[:1].islower() and not merged[-1].endswith(_SENTENCE_ENDINGS):
            merged[-1] = _join_wrapped([merged[-1], line])
        else:
            merged.append(line)
    return merged


def _paragraphs(lines: Sequence[str], *, one_per_line: bool) -> list[str]:
    paragraphs: list[str] = []
    for block in _blocks(lines):
        if one_per_line or any(len(collapse_whitespace(line)) > WRAP_WIDTH for line in block):
            paragraphs.extend(
                _merge_continuations(
                    [collapse_whitespace(line) for line in block if not is_boilerplate(line)]
                )
            )
        else:
            paragraphs.extend(_wrapped_paragraphs(block))
    return [without_widget_label(paragraph) for paragraph in paragraphs]


def _choose_published(datelines: Sequence[Dateline]) -> dt.date | None:
    for kind in ("published", "plain", "updated"):
        for dateline in datelines:
            if dateline.kind == kind:
                return dateline.date
    return None


def parse_layout(
    text: str, *, title: str | None = None, one_paragraph_per_line: bool = False
) -> ArticleLayout:
    """Take a plain-text article apart.

    ``title``: a title known from elsewhere (a JSONL field, HTML metadata). Then the first line
    is not taken as the title, but dropped if it repeats it.
    ``one_paragraph_per_line``: every line is a paragraph (text extracted from HTML).
    """
    lines = normalise_text(text).split("\n")
    given_title = collapse_whitespace(title) if title and title.strip() else None
    header = _read_header(lines, given_title)
    paragraphs = _paragraphs(lines[header.body_start :], one_per_line=one_paragraph_per_line)
    place: str | None = None
    agency: str | None = None
    # The lead opens the first paragraph, or the second when a standfirst comes first.
    for index in range(min(LEAD_PARAGRAPHS, len(paragraphs))):
        place, agency, rest = split_place_lead(paragraphs[index])
        if place is None and agency is None:
            continue
        if rest:
            paragraphs[index] = rest
        else:
            paragraphs.pop(index)
        break
    return ArticleLayout(
        paragraphs=tuple(paragraphs),
        title=header.title,
        published=_choose_published(header.datelines),
        place=place,
        agency=agency,
    )
