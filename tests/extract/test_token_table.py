"""The per-Doc token table (``factbox.extract.token_table``): the same values as spaCy's
``Token`` attributes, made once per Doc and dropped with the extraction's caches."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from factbox.extract.attributions import Conventions
from factbox.extract.component import COMPONENT, extractor, text_article
from factbox.extract.pipeline import clear_caches
from factbox.extract.token_table import token_table

TEXT = (
    "Prime Minister Jane Doe said on Monday that \u201cthe plan will not pass.\u201d\n\n"
    "The council, which voted 14-0 with Norway abstaining, rejected it. "
    "On the eve of the summit in Brussels, EU ministers called for talks.\n"
    "In favour: France, Germany."
)


@pytest.fixture(scope="module")
def parsed(nlp: Language) -> Doc:
    with nlp.select_pipes(disable=[COMPONENT]):
        return nlp(TEXT)


def test_columns_are_the_token_attributes(parsed: Doc) -> None:
    table = token_table(parsed)
    tokens = list(parsed)
    assert table.text == [t.text for t in tokens]
    assert table.lower == [t.lower_ for t in tokens]
    assert table.pos == [t.pos_ for t in tokens]
    assert table.dep == [t.dep_ for t in tokens]
    assert table.tag == [t.tag_ for t in tokens]
    assert table.lemma == [t.lemma_.lower() for t in tokens]
    assert table.ent_type == [t.ent_type_ for t in tokens]
    assert table.ent_iob == [t.ent_iob_ for t in tokens]
    assert table.is_quote == [t.is_quote for t in tokens]
    assert table.head == [t.head.i for t in tokens]
    assert table.starts == [t.idx for t in tokens]
    assert table.line_breaks == [t.i for t in tokens if t.is_space and "\n" in t.text]
    assert table.sentences == [(s.start, s.end) for s in parsed.sents]
    assert all(
        table.sentences[n][0] <= i < table.sentences[n][1] for i, n in enumerate(table.sentence_of)
    )
    assert table.paragraph_of[0] == 0 and table.paragraph_of[-1] == 2
    for start in range(len(parsed)):
        for end in range(start + 1, min(start + 6, len(parsed)) + 1):
            assert table.span_text(start, end) == parsed[start:end].text


def test_the_table_is_made_once_and_dropped_with_the_caches(parsed: Doc) -> None:
    table = token_table(parsed)
    assert token_table(parsed) is table
    clear_caches(parsed, keep_doc_views=True)
    assert token_table(parsed) is table  # it reads the Doc alone, not the people known
    clear_caches(parsed)
    assert token_table(parsed) is not table


def test_a_table_for_another_token_count_is_made_again(nlp: Language) -> None:
    doc = nlp.make_doc("New York said no.")
    before = token_table(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    after = token_table(doc)
    assert after is not before
    assert after.text == ["New York", "said", "no", "."]


@pytest.mark.parametrize("conventions", ["factbox", "polnear"])
def test_extraction_leaves_no_cache_so_the_doc_serialises(
    nlp: Language, parsed: Doc, conventions: Conventions
) -> None:
    component = extractor(nlp)
    before = component.conventions
    component.conventions = conventions
    try:
        found = component.extract(parsed, replace(text_article("a.txt"), body=TEXT), None)
    finally:
        component.conventions = before
    assert found.error is None and found.statements
    assert not [key for key in parsed.user_data if str(key).startswith("factbox.")]
    assert Doc(nlp.vocab).from_bytes(parsed.to_bytes()).text == TEXT
