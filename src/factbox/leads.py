"""What to call an untitled article: its first sentence.

Plain-text and many JSONL inputs carry no title, and a file's path means nothing to a reader
(and tells the public about the server's folders). The lists show such an article by the
first sentence of its body instead, cut at a word boundary when it runs long.

The sentence ends at the first ``.``, ``!`` or ``?`` (closing quotes and brackets kept) that
is followed by white space or the end of the text, unless the word before the full stop is a
common abbreviation of a title or of a name's part ("Mr.", "Sen.", "Jr.") or a single letter
("U.S.", "J. Smith"), which end no sentence in news copy often enough to matter. Only the
first paragraph is read: a plain-text article's first line is often its headline.
"""

from __future__ import annotations

import re

LEAD_CHARS = 160
"""The longest lead shown; a longer first sentence is cut at a word and ends with "…"."""
SOURCE_CHARS = 600
"""How much of a body is enough to find its first sentence (what the lists read of it)."""

_PARAGRAPH = re.compile(r"\n\s*\n")
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"(\w+)[.!?][\"'”’)\]]*$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st sen rep gov gen lt col capt sgt prof jr sr inc co corp ltd no vs "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _ends_sentence(text: str, end: int) -> bool:
    word = _WORD_BEFORE.search(text[max(0, end - 40) : end])  # the word before, not the text
    if word is None or text[end - 1] in "!?":
        return True
    before = word.group(1)
    if len(before) == 1:
        return not before.isalpha()
    return before.casefold() not in _ABBREVIATIONS


def first_sentence(body: str, limit: int = LEAD_CHARS) -> str | None:
    """The first sentence of ``body`` on one line (None for a body with no words)."""
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH.split(body[:SOURCE_CHARS]))
    text = next((p for p in paragraphs if p), "")
    if not text:
        return None
    sentence = text
    for found in _END.finditer(text):
        if _ends_sentence(text, found.end()):
            sentence = text[: found.end()]
            break
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"
