"""The pipeline as factbox loads it: paragraph breaks end sentences before the parser runs."""

import pytest
import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from factbox.extract.attributions import find_attributions
from factbox.extract.nlp import PARAGRAPHS, SAVED_TOKENIZER, default_model_name, whole_words

# Written for these tests. Left to itself the parser runs each of these paragraph breaks into
# the next paragraph.
STATION = (
    "Both hosts say management never tells them what to say.\n\n''I have never had a single "
    "segment spiked,'' Mr. Varga, 58, told me.\n\nMr. Varga works freelance."
)
UNFINISHED = "The minister said the talks would resume\n\n\"We are not giving up,\" she added."


def test_the_paragraph_component_runs_before_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(PARAGRAPHS) < names.index("parser")


def test_every_paragraph_starts_a_sentence(nlp: Language) -> None:
    for text in (STATION, UNFINISHED):
        doc = nlp(text)
        paragraph_starts = [
            doc[token.i + 1] for token in doc[:-1] if token.is_space and "\n" in token.text
        ]
        assert paragraph_starts
        assert all(token.is_sent_start for token in paragraph_starts)
        assert all(sentence.text.count("\n\n") <= 1 for sentence in doc.sents)


def test_a_quote_opening_a_paragraph_belongs_to_the_speaker_after_it(nlp: Language) -> None:
    doc = nlp(STATION)
    for conventions in ("polnear", "factbox"):
        found = {
            (
                STATION[slice(*s.source_span)] if s.source_span else None,
                STATION[slice(*s.content_span)],
            )
            for s in find_attributions(doc, conventions=conventions)
        }
        assert any(
            source is not None
            and source.startswith("Mr. Varga")
            and content.startswith("I have never")
            for source, content in found
        ), (conventions, found)
        # The quote is not the content of the verb in the paragraph before.
        assert not any(
            content.startswith("what to say") and "spiked" in content for _, content in found
        )


def test_a_hard_wrapped_line_does_not_start_a_sentence(nlp: Language) -> None:
    text = "The minister said the talks\nwould resume on Monday, and the envoys\nagreed."
    doc = nlp(text)
    after_breaks = [doc[token.i + 1] for token in doc[:-1] if "\n" in token.text]
    assert [token.text for token in after_breaks] == ["would", "agreed"]
    assert not any(token.is_sent_start for token in after_breaks)


def test_the_tokenizer_is_the_one_spacy_itself_loads(nlp: Language) -> None:
    # loaded with an empty tokenizer that the saved one fills (the model names spaCy's own)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == SAVED_TOKENIZER
    spacys = spacy.load(default_model_name(), exclude=["senter"])
    for form in whole_words():  # factbox keeps these whole ("co-sponsored")
        spacys.tokenizer.add_special_case(form, [{ORTH: form}])
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == spacys.tokenizer.to_bytes(exclude=["vocab"])
    text = "Don't e-mail U.S. officials at http://example.com/a?b=1 before 9:30am (re: N.Y.)."
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in spacys.make_doc(text)]


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("The draft is co-sponsored by Norway.", "co-sponsored", "co-sponsor"),
        ("Co-sponsored by Norway, the draft passed.", "Co-sponsored", "co-sponsor"),
        ("Norway and Chile are its co-sponsors.", "co-sponsors", "co-sponsor"),
    ],
)
def test_a_hyphenated_word_of_sponsoring_is_one_token_with_its_lemma(
    nlp: Language, text: str, word: str, lemma: str
) -> None:
    (token,) = [t for t in nlp(text) if t.text == word]
    assert token.lemma_ == lemma
