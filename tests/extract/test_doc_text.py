"""The Doc's text kept once per Doc (``factbox.extract.doc_text``)."""

from __future__ import annotations

import spacy

from factbox.extract.doc_text import doc_text
from factbox.extract.pipeline import clear_caches


def test_doc_text_is_the_docs_text_and_is_kept() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The minister said on Monday that talks would go on.\n\nNobody else spoke.")
    assert doc_text(doc) == doc.text
    first = doc_text(doc)
    assert doc_text(doc) is first


def test_doc_text_follows_a_change_of_tokens_and_the_cache_clearing() -> None:
    nlp = spacy.blank("en")
    doc = nlp("New York said no.")
    kept = doc_text(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc_text(doc) == doc.text == kept
    assert doc_text(doc) is not kept  # made again for the new token count
    clear_caches(doc)
    assert not [key for key in doc.user_data if str(key).startswith("factbox.")]
