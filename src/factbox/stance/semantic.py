"""Finding the statements about a proposal by sentence vectors, then checking them on the parse.

Each statement gets a vector when it is ingested (:mod:`factbox.embed`): of its content, and,
when the content holds a phrase that refers back ("such a step", "the plan"), of the three
sentences before the statement followed by the content, so the vector carries what the phrase
points at.
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

A statement close in meaning that names none of the proposal's words, for a theme the concept
table does not know ("the wall", "the accord"), must still name the theme in its own words:
one of its noun phrases (a noun with the words before it, or a named entity) must be close
to the proposal's theme phrase ("the accord" to "the Iran nuclear deal", "Brexit" to "the
European Union"; ``ThemeNames``, ``THEME_NAME_THRESHOLD``), or it must refer back ("such a
policy"). A statement near a proposal's topic but about something else ("climate change" for
joining the Paris agreement, "Mexico must rebut his claims" for the border wall) names it
not.

``SIMILARITY_THRESHOLD`` (a match by meaning), ``WORD_MATCH_FLOOR`` (any match, words
included) and ``THEME_NAME_THRESHOLD`` were chosen on one half of the real-news stance set and
measured on the other (``docs/stance.md``, ``bench/similarity_threshold.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.tokens import Span as SpacySpan

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

THEME_NAME_THRESHOLD = 0.55
"""Lowest cosine between a noun phrase of a statement matched by meaning alone and the
proposal's theme phrase, for the statement to name the theme. Chosen on the calibrate half of
the real-news stance set (best F1 of matching, span only, over 0.30-0.65: 0.465 against 0.439
without the check), and measured on the other half (F1 0.448 against 0.440)."""

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


def statement_text(body: str, statement: Statement, refers_back: Callable[[str], bool]) -> str:
    """What a statement's vector is computed from: its content, after the sentences before
    the statement where the matcher looks for an antecedent (``ANTECEDENT_SENTENCES``) when
    the content may refer back to one (``refers_back``, the matcher's test)."""
    content = " ".join(statement.content.split())
    if not refers_back(statement.content):
        return content
    before = sentences_before(body, statement.span[0], ANTECEDENT_SENTENCES)
    return f"{before} {content}" if before else content


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


def noun_phrases(span: SpacySpan) -> list[str]:
    """The noun phrases of ``span``: each noun or proper noun with the words before it in its
    phrase (inside the span), and each named entity."""
    phrases = []
    for token in span:
        if token.pos_ in ("NOUN", "PROPN"):
            start = max(token.left_edge.i, span.start)
            phrases.append(token.doc[start : token.i + 1].text)
    phrases += [e.text for e in span.ents]
    return list(dict.fromkeys(" ".join(p.split()) for p in phrases if p.strip()))


class ThemeNames:
    """Whether a statement names a proposal's theme in words of its own: a noun phrase whose
    vector is close to the theme phrase's (``THEME_NAME_THRESHOLD``)."""

    def __init__(
        self,
        encoder: SentenceEncoder,
        themes: dict[str, str],
        threshold: float = THEME_NAME_THRESHOLD,
    ) -> None:
        self.encoder = encoder
        self.threshold = threshold
        self._slugs = [slug for slug, phrase in themes.items() if phrase]
        self._themes = encoder.encode([themes[slug] for slug in self._slugs])

    def closeness(self, span: SpacySpan, slug: str) -> float:
        """The highest cosine between a noun phrase of ``span`` and ``slug``'s theme phrase
        (1.0 for a proposal without one: nothing to check)."""
        if slug not in self._slugs:
            return 1.0
        phrases = noun_phrases(span)
        if not phrases:
            return 0.0
        theme = self._themes[self._slugs.index(slug)]
        return float((self.encoder.encode(phrases) @ theme).max())

    def names(self, span: SpacySpan, slug: str) -> bool:
        return self.closeness(span, slug) >= self.threshold
