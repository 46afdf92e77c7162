"""A Doc's token attributes read once per article, as plain Python lists.

spaCy makes a new ``Token`` object at every ``doc[i]`` and at every step of ``for token in
doc``, and looks a string attribute (``token.lower_``, ``pos_``, ``dep_``, ``lemma_``) up in
the vocabulary's string store at every read: about 0.2 microseconds each, for a few
thousand reads per token of an article. Extraction's rules scan the whole Doc about a dozen
times per article, mostly to pick out the few tokens a rule applies to (cue verbs, verbs of
passing, participles of sponsoring, names), and each scan read the same attributes again.

So the attributes those scans read are taken from the Doc once, with ``Doc.to_array`` (each
distinct string hash looked up once, not once per token), and kept as lists indexed by token:
a scan tests the lists and makes ``Token`` objects only for the tokens that pass. Nothing is
decided differently: every list holds exactly what the ``Token`` attribute of the same name
gives (``lemma`` lower-cased, as the rules compare it; ``head`` the head's index).

The table is kept in ``doc.user_data`` under the extraction's cache prefix, so
``pipeline.clear_caches`` drops it with resolution's other per-article caches, and checked
against the Doc's length in tokens, as ``doc_text`` checks its text.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, POS, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

_KEY = "factbox.token_table"
_COLUMNS = [LOWER, POS, DEP, TAG, LEMMA, HEAD, IS_SPACE]


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Per token of one Doc: what ``Token`` gives for the attributes the scans read."""

    lower: list[str]
    pos: list[str]
    dep: list[str]
    tag: list[str]
    lemma: list[str]
    """``token.lemma_.lower()``."""
    head: list[int]
    """``token.head.i``."""
    line_breaks: list[int]
    """The whitespace tokens holding a line break, in order."""

    def indices(self, column: list[str], values: frozenset[str] | set[str]) -> list[int]:
        """The tokens whose ``column`` value is one of ``values``, in order."""
        return [i for i, value in enumerate(column) if value in values]


class _Strings(dict[int, str]):
    """String hashes to their strings, each looked up in a string store once per process
    (a hash names the same string in every vocabulary: it is the string's hash). 0, no
    value, is the empty string."""

    def __init__(self) -> None:
        super().__init__({0: ""})
        self.store: StringStore | None = None

    def __missing__(self, key: int) -> str:
        assert self.store is not None
        value: str = self.store[key]
        self[key] = value
        return value

    def column(self, doc: Doc, hashes: np.ndarray) -> list[str]:
        self.store = doc.vocab.strings
        return list(map(self.__getitem__, hashes.tolist()))


_STRINGS = _Strings()


def token_table(doc: Doc) -> TokenTable:
    """``doc``'s ``TokenTable``, made once per Doc."""
    kept = doc.user_data.get(_KEY)
    if isinstance(kept, TokenTable) and len(kept.lower) == len(doc):
        return kept
    n = len(doc)
    array = doc.to_array(_COLUMNS).reshape(n, len(_COLUMNS))
    spaces = np.flatnonzero(array[:, 6]).tolist()
    table = TokenTable(
        lower=_STRINGS.column(doc, array[:, 0]),
        pos=_STRINGS.column(doc, array[:, 1]),
        dep=_STRINGS.column(doc, array[:, 2]),
        tag=_STRINGS.column(doc, array[:, 3]),
        lemma=[word.lower() for word in _STRINGS.column(doc, array[:, 4])],
        head=(np.arange(n, dtype=np.int64) + array[:, 5].astype(np.int64)).tolist(),
        line_breaks=[i for i in spaces if "\n" in doc[i].text],
    )
    doc.user_data[_KEY] = table
    return table
