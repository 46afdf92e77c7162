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
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from factbox.extract.doc_text import doc_text
from factbox.store.parses import StoredParse


def parse_model(nlp: Language) -> str:
    """The name parses by ``nlp`` are stored under: its language, name and version."""
    return f"{nlp.lang}_{nlp.meta.get('name', '')}@{nlp.meta.get('version', '')}"[:64]


def keep_parse(doc: Doc, model: str, start: int = 0) -> StoredParse:
    """``doc`` as stored, for the body text from ``start`` that it parsed."""
    data = DocBin(docs=[doc], store_user_data=False).to_bytes()
    return StoredParse(start, start + len(doc_text(doc)), model, data)


def restore_parse(stored: StoredParse, vocab: Vocab) -> Doc:
    """The ``Doc`` a stored parse holds, on ``vocab`` (the judging pipeline's)."""
    (doc,) = DocBin().from_bytes(stored.data).get_docs(vocab)
    return doc
