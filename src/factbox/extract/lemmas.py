"""The spaCy model's lemmatizer, asked once per distinct word analysis, with its word lists as sets.

spaCy's rule lemmatizer costs about a tenth of the parse's CPU time on a batch of news, and
nearly all of it is one line: a candidate lemma ("voted" minus "ed" plus "e") is looked up
in the model's list of known words of that part of speech, and the English tables hold those
lists as Python lists (57,000 nouns, 21,000 adjectives), so every lookup walks one. Its cache
hides that only for an analysis seen before in the process, so a new process (a command, a
parser worker) pays it for every new word. ``with_index_sets`` gives factbox a private copy
of the lemmatizer whose known-word lists are sets: the same membership answers, so the same
lemmas, in constant time.

The rest is per token: spaCy's lemmatizer walks every token in Python, reads its part of
speech and morphology through new objects, looks the analysis up in its cache and sets the
lemma through the token's string setter.

``DistinctLemmas`` reads the Doc's word, part-of-speech, morphology and lemma columns as one
array, looks up the analysis of each token that still lacks a lemma (the attribute rules set
some: "'s" as "be", "gon na") among those seen before, asks the model's own lemmatizer for
each it has not seen (from the first token that has it), and writes the column back in one
call. (A look-up per token in a dict costs less than sorting the rows to find the distinct
ones, which ``numpy.unique`` does.)
The lemmas are spaCy's: the model's lemmatizer decides every one, with its own tables and
mode; only how often it is asked changes. An analysis's lemma is kept for the life of the
process, as spaCy's own cache keeps it.
"""

from __future__ import annotations

import copy
import types
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

COMPONENT = "factbox_lemmas"
COLUMNS = [ORTH, POS, MORPH, LEMMA]
KNOWN_WORDS = "lemma_index"
"""The rule lemmatizer's table of known words for each part of speech (membership only)."""


def with_index_sets(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of ``lemmatizer`` whose known-word lists are frozen sets; the model's own
    lemmatizer and its tables are left as they are (they are serialised with the model)."""
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        held = lookups.add_table(name)
        for key, value in table.items():
            held[key] = frozenset(value) if name == KNOWN_WORDS else value
    private = copy.copy(lemmatizer)
    private.lookups = lookups
    private.cache = {}
    # spaCy keeps the chosen mode's method bound to the instance: bind it to the copy
    bound: Any = lemmatizer.lemmatize
    private.lemmatize = types.MethodType(bound.__func__, private)
    return private


class DistinctLemmas:
    """A drop-in for spaCy's ``lemmatizer`` (see the module's docstring): ``lemmatizer`` is
    the model's own, set by ``load_nlp``; without one the component changes nothing."""

    def __init__(self, lemmatizer: Any = None) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None or not len(doc):
            return doc
        rows: Any = doc.to_array(COLUMNS)
        overwrite = bool(getattr(self.lemmatizer, "overwrite", False))
        todo = np.arange(len(doc)) if overwrite else np.flatnonzero(rows[:, 3] == 0)
        if not len(todo):
            return doc
        strings = doc.vocab.strings
        known = self.known
        lemmas = []
        for at, (orth, pos, morph) in zip(todo.tolist(), rows[todo, :3].tolist(), strict=True):
            key = (orth, pos, morph)
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = strings.add(self.lemmatizer.lemmatize(doc[at])[0])
            lemmas.append(lemma)
        rows[todo, 3] = np.asarray(lemmas, dtype=np.uint64)
        doc.from_array([LEMMA], rows[:, 3:4])
        return doc


@Language.factory(COMPONENT)
def make_lemmas(nlp: Language, name: str) -> DistinctLemmas:
    """An empty ``factbox_lemmas``; ``load_nlp`` gives it the model's lemmatizer."""
    return DistinctLemmas()
