"""The parse extraction read, kept with the article so judging does not parse it again.

Judging a statement against a proposal reads the parse around it: the sentence up to its
root, the cue, the paragraphs before it where "such a step" finds what it refers to.
Ingest has that parse in hand, and judges the statements against the stored proposals on
it; a proposal added later needed the statements' paragraphs parsed again, the largest part
of what ``proposal add`` did beyond starting up. So ingest keeps each article's parse (per
part, for an article parsed in parts) as a spaCy ``DocBin`` without user data (tokens, their
tags, lemmas, morphology, dependencies, entities and sentence starts, compressed: about 17
bytes a token), and judging restores it on the loaded pipeline's vocabulary. Judging every
statement of PolNeAR train (14,492) so took 8.5 s of CPU, against 101 s parsing their
paragraphs again; keeping the parse costs ingest about 1% of parsing. What is restored is
the very parse ingest judged on, so a proposal judged at ingest and one added later see the
same words (and the same article before them), and what extraction's components keep on the
``Doc`` (the attribution tagger's scores) is left out: stance reads the parse alone.

A parse is stored under the pipeline's name and version (``parse_model``); one made by
another pipeline counts as none.

The bytes are ``DocBin``'s own, but made without its loop over tokens: ``DocBin.add`` reads
nine strings of every token (text, tag, lemma, norm, morphology, dependency, entity type, KB
id and entity id) through a new ``Token`` each, some 60,000 look-ups an article, to collect
the strings the parse names. Those strings are the ones of the distinct hashes in the token
array ``DocBin`` stores anyway, so ``keep_parse`` looks each distinct hash up once (a
morphology by its analysis, whose text is not the hash's string when it is empty): the
same set, so the same bytes (``tests/extract/test_parses.py``), at about a fifth of the
CPU time.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, DocBin, MorphAnalysis
from spacy.vocab import Vocab

from factbox.extract.doc_text import doc_text
from factbox.store.parses import StoredParse


def parse_model(nlp: Language) -> str:
    """The name parses by ``nlp`` are stored under: its language, name and version."""
    return f"{nlp.lang}_{nlp.meta.get('name', '')}@{nlp.meta.get('version', '')}"[:64]


def keep_parse(doc: Doc, model: str, start: int = 0) -> StoredParse:
    """``doc`` as stored, for the body text from ``start`` that it parsed."""
    return StoredParse(start, start + len(doc_text(doc)), model, parse_bytes(doc))


NAMED_BY_STRING = (ORTH, TAG, LEMMA, NORM, DEP, ENT_TYPE, ENT_KB_ID, ENT_ID)
"""The token attributes whose string ``DocBin.add`` keeps is the string of their hash."""


def parse_bytes(doc: Doc) -> bytes:
    """``DocBin(docs=[doc], store_user_data=False).to_bytes()``, byte for byte, with the
    strings of the parse collected from its distinct hashes (see the module's docstring)."""
    kept = DocBin(store_user_data=False)
    attrs: list[int | str] = list(kept.attrs)
    array = doc.to_array(attrs)
    if array.ndim == 1:
        array = array.reshape((array.shape[0], 1))
    kept.tokens.append(array)
    kept.spaces.append(np.asarray(doc.to_array(SPACY).reshape((-1, 1)), dtype=bool))
    kept.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
    if len(doc):
        column = {attr: index for index, attr in enumerate(attrs)}
        strings = doc.vocab.strings
        named = np.unique(array[:, [column[attr] for attr in NAMED_BY_STRING]])
        kept.strings.update(strings[int(key)] for key in named)
        kept.strings.update(
            str(MorphAnalysis.from_id(doc.vocab, int(key)))
            for key in np.unique(array[:, column[MORPH]])
        )
    kept.cats.append(doc.cats)
    kept.span_groups.append(doc.spans.to_bytes())
    for group in doc.spans.values():
        for span in group:
            kept.strings.add(span.label_)
            if span.kb_id in doc.vocab.strings:
                kept.strings.add(span.kb_id_)
            if span.id in doc.vocab.strings:
                kept.strings.add(span.id_)
    return kept.to_bytes()


def restore_parse(stored: StoredParse, vocab: Vocab) -> Doc:
    """The ``Doc`` a stored parse holds, on ``vocab`` (the judging pipeline's)."""
    (doc,) = DocBin().from_bytes(stored.data).get_docs(vocab)
    return doc
