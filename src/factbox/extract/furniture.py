"""Page furniture and news agencies, which never speak for anyone.

Share, print and "Details" links, a "Source:" line naming where the copy came from, photo
credits ("Photo: Reuters/...", "(AP Photo/...)"), newsletter prompts and bylines can end up
where a speaker stands ("Share: ...", "Details: There is ..."), and a wire agency's name
reads like a source ("AFP: Macron said ...", "the AP reports"). The extractor (factbox
conventions) drops such a source: the words belong to whoever the agency quotes, who is a
statement of their own. The words come from ``roles.json`` (``never_speakers``); the labels
of ``alone`` only as the whole source ("Source", never "a source close to the talks"): a
singular noun with no article is a label, not a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factbox.extract.actors import roles_data


@dataclass(frozen=True, slots=True)
class PageFurniture:
    """Sources that are page furniture or news agencies, never speakers (``roles.json``,
    ``never_speakers``)."""

    labels: frozenset[str]
    agencies: frozenset[str]
    glued: frozenset[str]
    """Widget labels that live blogs glue to the names around them ("FlagShareLikeReply")."""
    alone: frozenset[str] = frozenset()
    """Labels that are furniture only as the whole source, with no article or other word
    ("Source: European Pravda with reference to ..."): "a source close to ..." speaks."""

    def is_label(self, source: str) -> bool:
        """A page widget's label ("Share", "Details", "Photo: ..."), not an agency."""
        words = [w for w in _FURNITURE_SPLIT.split(source.lower()) if w]
        return bool(words) and (
            " ".join(words) in self.labels
            or " ".join(words) in self.alone
            or (len(words) <= _MAX_FURNITURE_WORDS and words[0] in self.labels)
        )

    def is_furniture(self, source: str, agency: str | None = None) -> bool:
        """ "Share", "Details", "Photo: Reuters/...", "(AP Photo/...)", "Jane Doe via Getty
        Images", "AFP", "By Jane Doe": a label alone or opening a short source, a label glued
        to a name, an agency's name or credit, or the article's own agency."""
        words = [w for w in _FURNITURE_SPLIT.split(source.lower()) if w]
        if not words:
            return False
        text = " ".join(words)
        if any(self._has_glued_label(word) for word in _FURNITURE_SPLIT.split(source)):
            return True
        agencies = self.agencies | ({agency.lower()} if agency else set())
        if text in self.labels or text in self.alone or text in agencies:
            return True
        if self._agencies_listed(source.lower(), agencies):
            return True  # "according to Reuters and Ansa": agencies carry others' words
        if len(words) <= _MAX_FURNITURE_WORDS and (
            words[0] in self.labels or " ".join(words[:2]) in self.labels
        ):
            return True
        if "via" in words and " ".join(words[words.index("via") + 1 :]) in agencies:
            return True  # a photo credit: "Jane Doe via Getty Images"
        return "photo" in words and any(word in agencies for word in words)

    @staticmethod
    def _agencies_listed(text: str, agencies: set[str] | frozenset[str]) -> bool:
        """A list of agencies only ("reuters and ansa", "afp, ap and reuters")."""
        parts = [p.strip() for p in re.split(r",|\band\b", text)]
        parts = [p for p in parts if p]
        return len(parts) > 1 and all(p in agencies for p in parts)

    def _has_glued_label(self, word: str) -> bool:
        """ "CarterFlagShareLikeReplySara": a label glued between capitalised pieces."""
        pieces = _GLUED_PIECE.findall(word)
        return len(pieces) > 1 and any(piece.lower() in self.glued for piece in pieces)


_FURNITURE_SPLIT = re.compile(r"[^\w'-]+")
_GLUED_PIECE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_MAX_FURNITURE_WORDS = 5


@lru_cache(maxsize=1)
def page_furniture() -> PageFurniture:
    data = roles_data()["never_speakers"]
    return PageFurniture(
        labels=frozenset(word.lower() for word in data["labels"]),
        agencies=frozenset(name.lower() for name in data["agencies"]),
        glued=frozenset(word.lower() for word in data.get("glued", [])),
        alone=frozenset(word.lower() for word in data.get("alone", [])),
    )
