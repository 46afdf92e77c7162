"""Turning input bytes into text, or saying clearly why they are not text.

Order: byte-order mark, strict UTF-8, UTF-8 with a few damaged bytes, the charset the
document declares (HTML meta charset, XML encoding declaration), then detection:
charset-normalizer's candidates plus the preferred single-byte encodings of
``data/ingest/encodings.toml``, ranked by how well each decoding reads (see ``_detect``).

Nothing is guessed silently. Bytes that are mostly well-formed UTF-8 (more valid multi-byte
sequences than invalid bytes) are UTF-8 with damage: the bad bytes become U+FFFD and the
note says how many. A single-byte decoding is a guess, right for a cp1252 or KOI8-R file but
wrong for random bytes (which read as letters in almost any code page), so the note names the
encoding chosen. A declared charset is the document's own word and gets no note.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import charset_normalizer

from factbox.ingest.resources import load_ingest_table

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARATION_WINDOW = 4096
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.I)
# Browsers read "latin-1" labels as windows-1252 (WHATWG Encoding Standard), and so do we:
# files labelled ISO-8859-1 very often hold cp1252 quotes and dashes.
_LABEL_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}
# C0 and C1 control characters other than tab, line feed, form feed and carriage return.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ANALYSED_CHARS = 100_000
"""Encoding candidates are compared on this much of their decoded text."""
# Punctuation that belongs inside words: apostrophes, non-ASCII hyphens, the Catalan middle dot.
_IN_WORD_PUNCTUATION = frozenset("’‘ʼ‐‑·")
# Scripts written with an alphabet, where one word never mixes two of them.
_ALPHABETIC_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})


class NotText(Exception):
    """The bytes are not readable text; the message says why."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text from bytes, and a one-line note when it was not plainly UTF-8 or declared."""

    text: str
    note: str | None = None


# A well-formed UTF-8 sequence of two to four bytes (RFC 3629, no overlongs or surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


@dataclass(frozen=True, slots=True)
class _DetectionSettings:
    preferred: tuple[str, ...]
    alphabets: tuple[frozenset[str], ...]
    max_chaos: float
    max_control_share: float


@dataclass(frozen=True, slots=True)
class _Candidate:
    encoding: str
    text: str
    proposed_by_detector: bool
    coherence: float = 0.0


@cache
def _settings() -> _DetectionSettings:
    table = load_ingest_table("encodings.toml")
    alphabets = load_ingest_table("alphabets.toml")
    return _DetectionSettings(
        preferred=tuple(codecs.lookup(name).name for name in table["preferred"]),
        alphabets=tuple(
            frozenset(letters) for script in alphabets.values() for letters in script.values()
        ),
        max_chaos=float(table["max_chaos"]),
        max_control_share=float(table["max_control_share"]),
    )


def declared_encoding(data: bytes) -> str | None:
    """The encoding the document declares in its first bytes, if it is one Python knows."""
    head = data[:_DECLARATION_WINDOW]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _LABEL_ALIASES.get(name, name)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_CHARS.findall(text)) / len(text)


def _checked(text: str) -> str:
    if _control_share(text) > _settings().max_control_share:
        raise NotText("binary data (control characters), not text")
    return text


def _script(char: str) -> str:
    """The first word of the character's Unicode name: LATIN, CYRILLIC, GREEK..."""
    return unicodedata.name(char, "").split(" ", 1)[0]


def _misfits(text: str) -> int:
    """Non-ASCII characters next to letters that do not fit there.

    A wrong single-byte decoding turns letters into symbols ("powiedzia³", "£odzi"), into
    letters of another script ("dйclarй") or swaps their case ("нІНІСТР" from KOI8 bytes read
    as cp1251); a right one gives letters of the word's own script, capitals only at the start
    of words, and punctuation (quotes, dashes) only at their edges.
    """
    count = 0
    for index, char in enumerate(text):
        if ord(char) < 0x80 or char in _IN_WORD_PUNCTUATION:
            continue
        before = text[index - 1] if index > 0 else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        neighbours = [c for c in (before, after) if c.isalpha()]
        if not neighbours:
            continue
        category = unicodedata.category(char)
        if category.startswith("L"):
            script = _script(char)
            misfit = (before.islower() and char.isupper()) or (
                script in _ALPHABETIC_SCRIPTS
                and any(
                    _script(n) in _ALPHABETIC_SCRIPTS and _script(n) != script for n in neighbours
                )
            )
        elif category.startswith("P"):
            misfit = len(neighbours) == 2
        else:
            misfit = not category.startswith("M")
        count += misfit
    return count


def _alphabet_fit(text: str, alphabets: tuple[frozenset[str], ...]) -> float:
    """Share of the text's distinct non-ASCII letters that one language's alphabet holds."""
    letters = {
        char
        for char in text.lower()
        if ord(char) >= 0x80 and char.isalpha() and _script(char) in _ALPHABETIC_SCRIPTS
    }
    if not letters:
        return 1.0
    return max(len(letters & alphabet) for alphabet in alphabets) / len(letters)


def _candidates(data: bytes, settings: _DetectionSettings) -> list[_Candidate]:
    candidates: dict[str, _Candidate] = {}
    for match in charset_normalizer.from_bytes(data):
        if match.chaos > settings.max_chaos:
            continue
        # The detector names one of several encodings that decode these bytes identically;
        # call it by the preferred name when there is one.
        equivalent = {codecs.lookup(name).name for name in match.could_be_from_charset}
        encoding = next((p for p in settings.preferred if p in equivalent), match.encoding)
        candidates.setdefault(
            encoding, _Candidate(encoding, str(match), True, float(match.coherence))
        )
    for encoding in settings.preferred:
        if encoding not in candidates:
            try:
                candidates[encoding] = _Candidate(encoding, data.decode(encoding), False)
            except UnicodeDecodeError:
                continue
    return list(candidates.values())


def _detect(data: bytes) -> _Candidate | None:
    """The most plausible decoding, or None if none is plausible.

    Ranked by: fewest misfit characters inside words, then the best fit of the non-ASCII
    letters to one language's alphabet (data/ingest/alphabets.toml), then the order of
    ``preferred``, then charset-normalizer's coherence. A preferred encoding the detector did
    not propose must decode with no misfit at all, into letters one alphabet holds.
    """
    settings = _settings()
    ranked: list[tuple[tuple[int, float, int, float], _Candidate]] = []
    for candidate in _candidates(data, settings):
        sample = candidate.text[:_ANALYSED_CHARS]
        misfits = _misfits(sample)
        fit = _alphabet_fit(sample, settings.alphabets)
        if not candidate.proposed_by_detector and (misfits or fit < 1.0):
            continue
        preference = (
            settings.preferred.index(candidate.encoding)
            if candidate.encoding in settings.preferred
            else len(settings.preferred)
        )
        ranked.append(((misfits, -round(fit, 2), preference, -candidate.coherence), candidate))
    if not ranked:
        return None
    return min(ranked, key=lambda pair: pair[0])[1]


def _damaged_utf8(data: bytes) -> Decoded | None:
    """``data`` as UTF-8 with its bad bytes replaced, when most of its non-ASCII is UTF-8."""
    valid = sum(len(m.group()) for m in _UTF8_MULTIBYTE.finditer(data))
    if not valid:
        return None
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    if non_ascii - valid > valid:
        return None  # more stray bytes than UTF-8: another encoding
    plural = "s" if replaced != 1 else ""
    return Decoded(text, f"{replaced} invalid UTF-8 byte sequence{plural} replaced with U+FFFD")


def decode_text(data: bytes) -> Decoded:
    """The text of ``data`` and what was done to read it; ``NotText`` with a one-line reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(_checked(data.decode(encoding)))
            except UnicodeDecodeError as error:
                raise NotText(
                    f"invalid {encoding} after its byte-order mark ({error.reason})"
                ) from None
    if b"\x00" in data:
        raise NotText("binary data (contains NUL bytes), not text")
    try:
        return Decoded(_checked(data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return Decoded(_checked(damaged.text), damaged.note)
    declared = declared_encoding(data)
    if declared is not None:
        try:
            return Decoded(_checked(data.decode(declared)))
        except UnicodeDecodeError:
            pass  # the declaration is wrong; fall back to detection
    detected = _detect(data)
    if detected is None:
        raise NotText("not UTF-8, and no plausible text encoding detected")
    return Decoded(
        _checked(detected.text),
        f"not UTF-8; read as {detected.encoding} (a guess: convert the file to UTF-8 "
        "if its text looks wrong)",
    )


def decode_bytes(data: bytes) -> str:
    """The text of ``data``; raises ``NotText`` with a one-line reason."""
    return decode_text(data).text
