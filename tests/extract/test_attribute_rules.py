"""The array attribute rules set what spaCy's attribute_ruler sets, token for token."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from factbox.extract.attribute_rules import ArrayAttributeRules, from_ruler
from factbox.extract.nlp import default_model_name

POLNEAR_DEV = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "polnear" / "dev"
COMPARED = [POS, TAG, DEP, LEMMA, MORPH, HEAD]

# Written for these tests: contractions, "gon na", pronouns as subjects and objects, "'s" as
# a verb and a possessive, "but" as an adverb, whitespace runs, quotes and dashes.
SENTENCES = (
    "Ruritania's president said it ain't gonna happen, but she's not ruling it out.\n\n"
    "\"We're ready,\" they told him -- and you'll see 'em there.  I can't say more.\n"
    "That is what these officials, and those before them, have always wanted; "
    "this one's different.\tHe'd have gone, y'all know, but only to vote."
)


@pytest.fixture(scope="module")
def stock() -> Language:
    return spacy.load(default_model_name())


def _before_the_ruler(stock: Language, texts: list[str]) -> list[Doc]:
    disabled = stock.pipe_names[stock.pipe_names.index("attribute_ruler") :]
    with stock.select_pipes(disable=disabled):
        return list(stock.pipe(texts))


def _differing(stock: Language, texts: list[str]) -> tuple[int, int]:
    ruler = stock.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    rules = from_ruler(ruler)
    assert rules is not None
    tokens = differing = 0
    for doc in _before_the_ruler(stock, texts):
        theirs, ours = ruler(doc.copy()), rules(doc.copy())
        tokens += len(doc)
        differing += int((theirs.to_array(COMPARED) != ours.to_array(COMPARED)).any(1).sum())
    return tokens, differing


def test_the_rules_set_what_the_ruler_sets(stock: Language) -> None:
    tokens, differing = _differing(stock, [SENTENCES, "", " \n ", "Yes."])
    assert tokens > 70
    assert differing == 0


def test_the_rules_change_what_the_parse_left(stock: Language) -> None:
    """Not a no-op: the tag map gives parts of speech the tagger never sets."""
    (doc,) = _before_the_ruler(stock, [SENTENCES])
    ruler = stock.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    rules = from_ruler(ruler)
    assert rules is not None
    before = doc.to_array([POS])
    after = rules(doc).to_array([POS])
    assert (before != after).sum() > len(doc) // 2


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev is not beside the repository")
def test_the_rules_set_what_the_ruler_sets_on_news(stock: Language) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((POLNEAR_DEV / "text").glob("*.txt"))]
    tokens, differing = _differing(stock, texts[:12])
    assert tokens > 5000
    assert differing == 0


def test_a_rule_of_another_kind_leaves_the_ruler(stock: Language) -> None:
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert from_ruler(ruler) is None
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    assert from_ruler(ruler) is None


def test_factbox_loads_the_rules_in_the_ruler_s_place(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRules)
    doc = nlp("She said they were not gonna send troops.")
    said = doc[1]
    assert (said.pos_, said.lemma_) == ("VERB", "say")
    assert np.all(doc.to_array([POS]) != 0)
