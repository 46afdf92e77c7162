"""factbox's lemmas component gives the model's own lemmatizer's lemmas, token for token."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from factbox.extract.lemmas import KNOWN_WORDS, DistinctLemmas, with_index_sets
from factbox.extract.nlp import default_model_name

POLNEAR_DEV = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "polnear" / "dev"

# Written for these tests: irregular and regular verbs, plurals, comparatives, words the
# model's word lists do not hold, a contraction the attribute rules lemmatise, repeats.
SENTENCES = (
    "The ministers voted, argued and fled; the delegations were wiser than their leaders.\n\n"
    "She's been saying the Zorblaxian envoys went further, and they've gone further still. "
    "The envoys' envoys voted again, and again the ministers argued better."
)


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(default_model_name())


def _model_lemmatizer(stock: Language) -> Lemmatizer:
    lemmatizer = stock.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return lemmatizer


def _before_the_lemmatizer(stock: Language, texts: list[str]) -> list[Doc]:
    disabled = stock.pipe_names[stock.pipe_names.index("lemmatizer") :]
    with stock.select_pipes(disable=disabled):
        return list(stock.pipe(texts))


def _differing(stock: Language, texts: list[str]) -> tuple[int, int]:
    theirs_lemmatizer = _model_lemmatizer(stock)
    ours_lemmatizer = DistinctLemmas(with_index_sets(theirs_lemmatizer))
    tokens = differing = 0
    for doc in _before_the_lemmatizer(stock, texts):
        theirs, ours = theirs_lemmatizer(doc.copy()), ours_lemmatizer(doc.copy())
        tokens += len(doc)
        differing += sum(a.lemma_ != b.lemma_ for a, b in zip(theirs, ours, strict=True))
    return tokens, differing


def test_the_lemmas_are_the_model_s(stock: Language) -> None:
    tokens, differing = _differing(stock, [SENTENCES, "", " \n ", "Yes.", SENTENCES])
    assert tokens > 60
    assert differing == 0


def test_lemmas_are_set_where_the_parse_left_none(stock: Language) -> None:
    (doc,) = _before_the_lemmatizer(stock, [SENTENCES])
    lemmas = DistinctLemmas(with_index_sets(_model_lemmatizer(stock)))(doc)
    assert [t.lemma_ for t in lemmas[:6]] == ["the", "minister", "vote", ",", "argue", "and"]
    assert all(t.lemma != 0 for t in lemmas)


def test_the_model_s_word_lists_stay_lists(stock: Language) -> None:
    """The copy holds sets; the model's own tables (serialised with it) are not changed."""
    lemmatizer = _model_lemmatizer(stock)
    private = with_index_sets(lemmatizer)
    theirs = lemmatizer.lookups.get_table(KNOWN_WORDS)
    ours = private.lookups.get_table(KNOWN_WORDS)
    assert all(isinstance(words, list) for words in theirs.values())
    assert all(isinstance(words, frozenset) for words in ours.values())
    assert private.lemmatize.__self__ is private


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev is not beside the repository")
def test_the_lemmas_are_the_model_s_on_news(stock: Language) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((POLNEAR_DEV / "text").glob("*.txt"))]
    tokens, differing = _differing(stock, texts[:12])
    assert tokens > 5000
    assert differing == 0


def test_factbox_loads_the_lemmas_in_the_lemmatizer_s_place(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("lemmatizer"), DistinctLemmas)
    doc = nlp("The ministers argued that they were not sending troops.")
    assert [t.lemma_ for t in doc[:3]] == ["the", "minister", "argue"]
