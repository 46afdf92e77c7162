"""Syndicated copy: the same wire story printed by several outlets is one story.

An outlet that runs an agency's story adds its own header and footer, its name, a changed
headline, a trimmed or reworded sentence; the rest is word for word the same. Such texts
share most of their word shingles (runs of a few consecutive words), while two different
articles on the same events share few: reporters write their own sentences, and quotes are
short. So two articles are copies when the Jaccard similarity of their shingle sets reaches
a threshold chosen on real text (``data/ingest/syndication.toml``; ``bench/syndication.py``
measures it).

Comparing every new article with every stored one does not scale, so each article gets a
MinHash signature: for each of ``bands x rows`` seeded hash functions, the least hash over its
shingles. The probability that two texts agree on one function is their Jaccard similarity;
cutting the signature into bands of ``rows`` values and indexing each band gives the
candidates (texts that agree on a whole band) in a handful of indexed look-ups. Candidates
are then compared exactly, on their stored bodies.

The first article of a story stored keeps its statements; a copy is stored as an article of
its own (its outlet, URL and title are a source) with no statements, and the ledger lists it
among the sources of the first one's statements (``StoredStatement.copies``). A position is
then confirmed once by one agency's story, however many outlets ran it.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np

from factbox.ingest.resources import load_ingest_table
from factbox.records import Article
from factbox.store.copies import CopyOf

WORD = re.compile(r"\w+")
PRIME = (1 << 31) - 1
"""Hashes are taken modulo this prime (a Mersenne prime below 2^31): ``a * x + b`` stays
under 2^63, so numpy computes it in unsigned 64-bit integers without overflow."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How texts are compared (from ``data/ingest/syndication.toml``)."""

    shingle_words: int
    bands: int
    rows: int
    seed: int
    threshold: float


@lru_cache(maxsize=1)
def settings() -> Settings:
    table = load_ingest_table("syndication.toml")
    return Settings(
        shingle_words=int(table["shingle_words"]),
        bands=int(table["bands"]),
        rows=int(table["rows"]),
        seed=int(table["seed"]),
        threshold=float(table["threshold"]),
    )


def _hash32(text: str) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "little") % PRIME


def shingles(text: str, size: int | None = None) -> frozenset[int]:
    """Hashes of the runs of ``size`` consecutive lower-cased words of ``text`` (the whole
    text as one shingle when it is shorter)."""
    words = [w.casefold() for w in WORD.findall(text)]
    size = size or settings().shingle_words
    if len(words) <= size:
        return frozenset({_hash32(" ".join(words))}) if words else frozenset()
    return frozenset(_hash32(" ".join(words[i : i + size])) for i in range(len(words) - size + 1))


def jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    chosen = settings()
    rng = random.Random(chosen.seed)
    count = chosen.bands * chosen.rows
    a = np.array([rng.randrange(1, PRIME) for _ in range(count)], dtype=np.uint64)
    b = np.array([rng.randrange(0, PRIME) for _ in range(count)], dtype=np.uint64)
    return a, b


def signature(found: frozenset[int]) -> np.ndarray:
    """The MinHash signature of a shingle set (``bands * rows`` values)."""
    a, b = _permutations()
    if not found:
        return np.full(len(a), PRIME, dtype=np.uint64)
    values = np.fromiter(found, dtype=np.uint64, count=len(found))
    return ((np.outer(a, values) + b[:, None]) % PRIME).min(axis=1)


def bands(found: frozenset[int]) -> list[int]:
    """One bucket per band of the signature: a signed 64-bit hash of its ``rows`` values."""
    rows = settings().rows
    values = signature(found)
    return [
        int.from_bytes(
            hashlib.blake2b(values[i : i + rows].tobytes(), digest_size=8).digest(),
            "little",
            signed=True,
        )
        for i in range(0, len(values), rows)
    ]


class CandidateSource(Protocol):
    """Where stored articles come from: ``factbox.store.Ledger`` has these two methods."""

    def sharing_bands(self, bands: Sequence[int]) -> dict[str, int]: ...

    def current_bodies(self, keys: Iterable[str]) -> dict[str, str]: ...


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's shingles and the bands of its signature."""

    shingles: frozenset[int]
    bands: list[int]


class CopyFinder:
    """Finds, for each new article, the stored (or earlier in this run) article it copies.

    ``ledger`` answers for articles stored before; articles of this run not stored yet are
    remembered here (by their bands and body) until the run ends.
    """

    def __init__(self, ledger: CandidateSource, threshold: float | None = None) -> None:
        self.ledger = ledger
        self.threshold = settings().threshold if threshold is None else threshold
        self._buckets: dict[tuple[int, int], list[str]] = {}
        self._bodies: dict[str, str] = {}

    def fingerprint(self, article: Article) -> Fingerprint:
        found = shingles(article.body)
        return Fingerprint(found, bands(found))

    def find(self, article: Article, fingerprint: Fingerprint) -> CopyOf | None:
        """The most similar earlier article at or over the threshold, if any."""
        shared = dict(self.ledger.sharing_bands(fingerprint.bands))
        for band, bucket in enumerate(fingerprint.bands):
            for key in self._buckets.get((band, bucket), ()):
                shared[key] = shared.get(key, 0) + 1
        shared.pop(article.key, None)  # a revision is not a copy of the one before
        if not shared:
            return None
        bodies = {key: self._bodies[key] for key in shared if key in self._bodies}
        bodies.update(self.ledger.current_bodies([k for k in shared if k not in bodies]))
        best: CopyOf | None = None
        for key in sorted(bodies, key=lambda k: -shared[k]):
            similarity = jaccard(fingerprint.shingles, shingles(bodies[key]))
            if similarity >= self.threshold and (best is None or similarity > best.similarity):
                best = CopyOf(key, round(similarity, 4))
        return best

    def add(self, article: Article, fingerprint: Fingerprint) -> None:
        """Remember an article of this run that keeps its statements."""
        self._bodies[article.key] = article.body
        for band, bucket in enumerate(fingerprint.bands):
            self._buckets.setdefault((band, bucket), []).append(article.key)
