"""A kept parse is the bytes spaCy's ``DocBin`` makes of the Doc, made without its token loop."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import DocBin, Span

from factbox.extract.component import COMPONENT as EXTRACT
from factbox.extract.parses import parse_bytes

# Written for these tests: names, a title, odd spacing, contractions, a quote, a number.
TEXTS = (
    "Ruritania's foreign minister, Ana Vel, said on Tuesday that the treaty \"won't pass\".\n\n"
    "  The opposition's 42 deputies  can't block it, she added -- not alone.",
    "Yes.",
    "",
)


def _docbin_bytes(doc: object) -> bytes:
    return DocBin(docs=[doc], store_user_data=False).to_bytes()  # type: ignore[list-item]


def test_the_bytes_are_docbin_s_own(nlp: Language) -> None:
    with nlp.select_pipes(disable=[EXTRACT]):
        docs = list(nlp.pipe(TEXTS))
    assert len(docs[0]) > 30
    for doc in docs:
        assert parse_bytes(doc) == _docbin_bytes(doc)


def test_a_doc_with_span_groups_and_an_entity_id_keeps_their_strings(nlp: Language) -> None:
    with nlp.select_pipes(disable=[EXTRACT]):
        doc = nlp(TEXTS[0])
    doc.spans["found"] = [Span(doc, 0, 2, label="PLACE_OF_ORIGIN", kb_id="Q1", span_id="x1")]
    doc[5].ent_id_ = "a-person-id"
    doc[6].ent_kb_id_ = "a-kb-id"
    kept = parse_bytes(doc)
    assert kept == _docbin_bytes(doc)
    strings = DocBin().from_bytes(kept).strings
    assert {"PLACE_OF_ORIGIN", "a-person-id", "a-kb-id", "Ruritania"} <= strings
