"""Finding the statements about a proposal by sentence vectors, then checking them on the parse.

Each statement gets a vector when it is ingested (:mod:`factbox.embed`): of its content, and,
when the content holds a phrase that refers back ("such a step", "the plan"), of the three
sentences before the statement and the words of its own sentence before it, followed by the
content, so the vector carries what the phrase points at; when it is short and starts with a
pronoun ("it's disastrous"), of the one sentence before and those words.
A proposal's *phrases* are its title, its description, the two together and each of its
terms; each phrase gets a vector too. A statement's similarity to a proposal is the highest
cosine between its vector and a phrase's, and the phrase that gave it is the *nearest phrase*.

Similarity finds statements in words the synonym table never listed ("boots on the ground",
"the nuclear agreement with Tehran"), for any proposal a user types. It cannot tell "send
troops" from "withdraw troops", or "troops to Ukraine" from "troops to Poland": those are
left to the parse (``ProposalMatcher.match_similar``), which rejects a similar statement
whose proposal words are all blocked (another action governs the theme, a conflicting place,
another theme's word modifies it). A statement whose words match the proposal
(``ProposalMatcher.match``) matches whatever its similarity.

``SIMILARITY_THRESHOLD`` (a match by meaning) and ``WORD_MATCH_FLOOR`` (any match, words
included) were chosen on one half of the real-news stance set and measured on the other
(``docs/stance.md``, ``bench/similarity_threshold.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from factbox.embed.encoder import SentenceEncoder
from factbox.records import Statement
from factbox.stance.records import Proposal

SIMILARITY_THRESHOLD = 0.475
"""Lowest cosine between a statement's vector and a proposal phrase's for a match by meaning
(chosen on the calibrate half of the real-news stance set: best F1)."""
WORD_MATCH_FLOOR = 0.25
"""Lowest cosine for a match by words too, where vectors are at hand: on the calibrate half
it kept every right match by words and dropped those about something else ("union voters"
for Britain leaving the European Union); and fewer statements are parsed."""

ANTECEDENT_SENTENCES = 3
"""How many sentences before a referring statement ("such a step would ...") are searched
for the proposal it refers to (``ProposalMatcher.match_in_context``; a sentence that refers
back itself searches as far again), and go into its vector."""

_SENTENCE_END = re.compile(r"(?:[.!?][\"'\u201d\u2019)\]]*\s+|\n\s*)")


@dataclass(frozen=True, slots=True)
class Similarity:
    """How close a statement's vector is to a proposal, and the proposal phrase it is closest to."""

    score: float
    phrase: str


def _sentence_start(body: str, position: int) -> int:
    """Where the sentence holding ``position`` starts (after the last sentence end before it)."""
    start = 0
    for found in _SENTENCE_END.finditer(body, 0, position):
        start = found.end()
    return start


def rough_sentences(text: str) -> list[str]:
    """``text`` cut after each full stop, question or exclamation mark and line break (a
    test on words needs no better: "Mr. Smith" cut in two loses nothing)."""
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def rough_sentence_starts(text: str) -> list[int]:
    """Where each of ``rough_sentences`` starts in ``text`` (empty ones included)."""
    return [0, *(found.end() for found in _SENTENCE_END.finditer(text))]


def sentences_before(body: str, position: int, count: int = 1) -> str:
    """The ``count`` sentences before the one holding ``position`` (fewer at the start)."""
    start = _sentence_start(body, position)
    end = start
    for _ in range(count):
        before = body[:start].rstrip()
        if not before:
            break
        start = _sentence_start(before, len(before))
    return " ".join(body[start:end].split())


def statement_text(body: str, statement: Statement, context: Callable[[str], int]) -> str:
    """What a statement's vector is computed from: its content, after the ``context(content)``
    sentences before the statement (the matcher's ``context_sentences``: where it looks for
    what a referring phrase or a pronoun stands for) and the words of its own sentence before
    the content, when that is not 0."""
    content = " ".join(statement.content.split())
    count = context(statement.content)
    if not count:
        return content
    before = sentences_before(body, statement.span[0], count)
    # and the words of the statement's own sentence before it ("Sanders, who says [it's
    # disastrous]" after a sentence on the pact): where a pronoun's antecedent often is
    end = (statement.content_span or statement.span)[0]
    own = " ".join(body[_sentence_start(body, end) : end].split())
    return " ".join(part for part in (before, own, content) if part)


def proposal_phrases(proposal: Proposal) -> list[str]:
    """The texts a proposal is searched by: title, description, both, each term."""
    phrases = [proposal.title, proposal.description]
    if proposal.description:
        phrases.append(f"{proposal.title}. {proposal.description}")
    phrases += proposal.terms
    unique: list[str] = []
    for phrase in (" ".join(p.split()) for p in phrases):
        if phrase and phrase not in unique:
            unique.append(phrase)
    return unique


class ProposalVectors:
    """The vectors of proposals' phrases, and the similarity of statement vectors to them."""

    def __init__(self, encoder: SentenceEncoder, proposals: Sequence[Proposal]) -> None:
        self.slugs = [p.slug for p in proposals]
        self.phrases = [proposal_phrases(p) for p in proposals]
        flat = [phrase for phrases in self.phrases for phrase in phrases]
        self._matrix = encoder.encode(flat)
        self._owner = np.repeat(np.arange(len(proposals)), [len(p) for p in self.phrases])

    def scores(
        self, vectors: npt.NDArray[np.float32]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        """For each statement (row) and proposal (column): the best cosine, and the index of
        the phrase (among that proposal's) that gave it."""
        cosines = vectors @ self._matrix.T
        best = np.full((len(vectors), len(self.slugs)), -1.0, dtype=np.float32)
        nearest = np.zeros((len(vectors), len(self.slugs)), dtype=np.int64)
        start = 0
        for column, phrases in enumerate(self.phrases):
            block = cosines[:, start : start + len(phrases)]
            if len(vectors):
                nearest[:, column] = block.argmax(axis=1)
                best[:, column] = block.max(axis=1)
            start += len(phrases)
        return best, nearest

    def similar(
        self, vectors: npt.NDArray[np.float32], threshold: float = WORD_MATCH_FLOOR
    ) -> list[dict[str, Similarity]]:
        """For each statement vector: the proposals it is similar to, at ``threshold`` or
        above (by default the floor for any match, not yet one by meaning)."""
        best, nearest = self.scores(vectors)
        found: list[dict[str, Similarity]] = [{} for _ in range(len(vectors))]
        rows, columns = np.nonzero(best >= threshold)
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            phrase = self.phrases[column][int(nearest[row, column])]
            found[row][self.slugs[column]] = Similarity(
                round(float(best[row, column]), 3), phrase
            )
        return found
