"""A Doc's text, joined once per article.

spaCy makes ``doc.text`` anew at every read, joining every token's text and trailing space;
extraction reads it from about ten places per article, which on PolNeAR dev cost more CPU
time than the lemmatizer. The text is kept in ``doc.user_data`` under the extraction's cache
prefix (``clear_caches`` drops it with the rest) and checked against the Doc's length in
tokens, the one thing a later component could change without changing the text itself.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_TEXT_KEY = "factbox.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, made once per Doc."""
    kept = doc.user_data.get(DOC_TEXT_KEY)
    if kept is not None and kept[0] == len(doc):
        text: str = kept[1]
        return text
    text = doc.text
    doc.user_data[DOC_TEXT_KEY] = (len(doc), text)
    return text
