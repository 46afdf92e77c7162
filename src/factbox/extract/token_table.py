"""A Doc's token attributes read once per article, as plain Python lists.

spaCy makes a new ``Token`` object at every ``doc[i]`` and at every step of ``for token in
doc``, and looks a string attribute (``token.lower_``, ``pos_``, ``dep_``, ``lemma_``) up in
the vocabulary's string store at every read: about 0.2 microseconds each. Extraction's rules
scan the whole Doc about a dozen times per article, mostly to pick out the few tokens a rule
applies to (cue verbs, verbs of passing, participles of sponsoring), and each scan read the
same attributes again; three parts worked out the same paragraph numbers, two the same line
breaks.

So what those scans read is taken from the Doc once, each column when first asked for:
string attributes with ``Doc.to_array`` (a hash is looked up in the string store once per
process, not once per token), and kept as lists indexed by token. A scan tests the lists and
makes ``Token`` objects only for the tokens that pass. Nothing is decided differently: every
list holds exactly what the ``Token`` attribute it is named after gives (``lemma`` lower-cased,
as the rules compare it; ``head`` the head's index).

The table is kept in ``doc.user_data`` under the extraction's cache prefix, so
``pipeline.clear_caches`` drops it with resolution's other per-article caches (the component
clears them before the Doc can be serialised: msgpack cannot hold the table), and checked
against the Doc's length in tokens, as ``doc_text`` checks its text. Resolving the people
again keeps it (it reads the Doc alone, not the people known), so finding the statements and
resolving their speakers build it once. Callers read its lists and never change them.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_QUOTE,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    ORTH,
    POS,
    TAG,
)
from spacy.strings import StringStore
from spacy.tokens import Doc

from factbox.extract.doc_text import doc_text

TOKEN_TABLE_KEY = "factbox.token_table"
_IOB = ("", "I", "O", "B")
"""``token.ent_iob_`` by the code ``Doc.to_array(ENT_IOB)`` gives."""


class _Strings(dict[int, str]):
    """String hashes to their strings, each looked up in a string store once per process
    (a hash stands for the same string in every vocabulary: it is the string's hash). 0, no
    value, is the empty string."""

    def __init__(self) -> None:
        super().__init__({0: ""})
        self.store: StringStore | None = None

    def __missing__(self, key: int) -> str:
        assert self.store is not None
        value: str = self.store[key]
        self[key] = value
        return value

    def column(self, doc: Doc, attribute: int) -> list[str]:
        """The strings of ``attribute`` (``LOWER``, ``DEP``, ...) of each token of ``doc``."""
        self.store = doc.vocab.strings
        return list(map(self.__getitem__, doc.to_array(attribute).tolist()))


_STRINGS = _Strings()


@lru_cache(maxsize=4096)
def _features(morph: str) -> dict[str, tuple[str, ...]]:
    """A morphological analysis as spaCy writes it ("Number=Sing|PronType=Int,Rel"), field
    to values; one dict per distinct analysis (callers do not change it)."""
    fields: dict[str, tuple[str, ...]] = {}
    for feature in morph.split("|") if morph else ():
        field, _, values = feature.partition("=")
        fields[field] = tuple(values.split(","))
    return fields


class TokenTable:
    """Per token of one Doc, what the scans read (module docstring): each column is made
    when first read."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.size = len(doc)

    @cached_property
    def text(self) -> list[str]:
        """``token.text``."""
        return _STRINGS.column(self.doc, ORTH)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``start < end``): the text from the first token's start
        to the last one's end."""
        last = end - 1
        return self.whole_text[self.starts[start] : self.starts[last] + len(self.text[last])]

    @cached_property
    def whole_text(self) -> str:
        """``doc.text`` (``doc_text``)."""
        return doc_text(self.doc)

    @cached_property
    def lower(self) -> list[str]:
        """``token.lower_``."""
        return _STRINGS.column(self.doc, LOWER)

    @cached_property
    def pos(self) -> list[str]:
        """``token.pos_``."""
        return _STRINGS.column(self.doc, POS)

    @cached_property
    def dep(self) -> list[str]:
        """``token.dep_``."""
        return _STRINGS.column(self.doc, DEP)

    @cached_property
    def lemma(self) -> list[str]:
        """``token.lemma_.lower()``."""
        return [word.lower() for word in _STRINGS.column(self.doc, LEMMA)]

    @cached_property
    def tag(self) -> list[str]:
        """``token.tag_``."""
        return _STRINGS.column(self.doc, TAG)

    @cached_property
    def ent_type(self) -> list[str]:
        """``token.ent_type_``."""
        return _STRINGS.column(self.doc, ENT_TYPE)

    @cached_property
    def ent_iob(self) -> list[str]:
        """``token.ent_iob_``: "B", "I", "O" or "" (not set)."""
        return [_IOB[code] for code in self.doc.to_array(ENT_IOB).tolist()]

    @cached_property
    def is_quote(self) -> list[bool]:
        """``token.is_quote``."""
        return [bool(flag) for flag in self.doc.to_array(IS_QUOTE).tolist()]

    @cached_property
    def features(self) -> list[dict[str, tuple[str, ...]]]:
        """Each token's morphological features, field to values: ``features[i].get(field,
        ())`` holds what ``token.morph.get(field, [])`` lists."""
        strings = _STRINGS.column(self.doc, MORPH)
        return [_features(text) for text in strings]

    @cached_property
    def head(self) -> list[int]:
        """``token.head.i``."""
        offsets = self.doc.to_array(HEAD).astype(np.int64)
        return (np.arange(self.size, dtype=np.int64) + offsets).tolist()

    @cached_property
    def line_breaks(self) -> list[int]:
        """The whitespace tokens that hold a line break, in order."""
        spaces = np.flatnonzero(self.doc.to_array(IS_SPACE)).tolist()
        return [i for i in spaces if "\n" in self.doc[i].text]

    @cached_property
    def paragraph_of(self) -> list[int]:
        """The paragraph of each token: a line break (in a token or the space after it) ends
        a paragraph. Counted on the text's line breaks and the tokens' offsets at once, not
        token by token."""
        if not self.size:
            return []
        text = self.whole_text
        starts = self.doc.to_array(IDX).astype(np.int64)
        ends = np.append(starts[1:], len(text))  # each token's text with its trailing space
        breaks = np.asarray([m.start() for m in re.finditer("\n", text)], dtype=np.int64)
        ending = np.searchsorted(breaks, starts) < np.searchsorted(breaks, ends)
        numbers: list[int] = np.concatenate(([0], np.cumsum(ending[:-1]))).tolist()
        return numbers

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The (start, end) token range of each of ``doc.sents``."""
        return [(sentence.start, sentence.end) for sentence in self.doc.sents]

    @cached_property
    def sentence_of(self) -> list[int]:
        """The number of each token's sentence in ``sentences``."""
        numbers = [0] * self.size
        for number, (start, end) in enumerate(self.sentences):
            numbers[start:end] = [number] * (end - start)
        return numbers

    @cached_property
    def starts(self) -> list[int]:
        """``token.idx``: where each token starts in the text."""
        starts: list[int] = self.doc.to_array(IDX).tolist()
        return starts


def token_table(doc: Doc) -> TokenTable:
    """``doc``'s ``TokenTable``, made once per Doc."""
    kept = doc.user_data.get(TOKEN_TABLE_KEY)
    if isinstance(kept, TokenTable) and kept.doc is doc and kept.size == len(doc):
        return kept
    table = TokenTable(doc)
    doc.user_data[TOKEN_TABLE_KEY] = table
    return table
