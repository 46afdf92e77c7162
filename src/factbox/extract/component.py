"""``factbox_extract``: all of extraction as a spaCy pipeline component.

Extraction runs where the parse runs, so ``nlp.pipe(n_process=N)`` (``--jobs N``) and the
Dask workers (``factbox.cluster``) run all of it, and the calling process only stores what
comes back. Every consumer of extraction (ingest and the parts of long articles, reextract,
the cluster's workers, ``factbox eval polnear``) reads it from this component.

**In and out.** A Doc to extract from carries its article (``doc._.factbox_article``: an
``Article``, made by ``article_doc``); the component leaves the ``Extraction`` (records.py)
in ``doc._.factbox_extraction``. A Doc without an article passes through untouched, so a
parse alone (proposals, the paragraphs the stance stage reads again) costs no extraction.
An article whose extraction raises gets an ``Extraction`` with no statements and the
error, so one bad article never sinks the batch it travels in.

**What crosses between processes.** spaCy 3.8's ``nlp.pipe(n_process=N)`` sends every input
to a worker as text or ``Doc.to_bytes()`` and every result back as ``Doc.to_bytes()``; only
the ``as_tuples`` context is pickled (``Language._multiprocessing_pipe``, ``_apply_pipes``).
``Doc.to_bytes`` keeps ``doc.user_data``, where extension values live, through msgpack,
which holds plain data and numpy arrays only. So both extensions keep their record pickled
as bytes in ``user_data`` behind a getter and setter (each read unpickles a fresh copy), and
resolution's caches, which msgpack cannot hold, are cleared after each article
(``pipeline.clear_caches``). Only Docs this process or its workers made are read back.

**People known from earlier articles.** Resolving "Fico said" may need a person named in an
earlier article. ``ExtractComponent.knowing(people)`` sets who is known when a run starts;
the component adds each article's people as it goes, so in one process every article sees
the people of all before it, as a sequential run does. A worker sees only those of the
articles it did itself; every answer extraction had is kept in the ``Extraction``, and
``in_turn`` (called by the parent on each result, in input order, with the people known at
that article's turn) checks them. Where one differs, only what depends on the known people
is done again there, from the Doc that came back (no second parse): the speakers (person,
role, actor) and the dates, which follow the speakers (``extract.pipeline.resolve_people``,
about a third of extraction's time); finding the spans, validating the cues and linking
sources to contents stay as the worker did them. The caller's follow-up (ingest's vectors
and stance) is kept for every statement that came out the same. So the statements never
depend on the number of processes, and the parent's share of the work stays small.

**What is left out.** The token vectors the model's own layers leave (``doc.tensor``, about
two thirds of a serialised Doc; factbox never reads them: ``doc.vector`` and
``doc.similarity`` on an extracted Doc are not meaningful) are dropped from each Doc an
article is extracted from, so a worker's result is small and quick to send and read.

**Settings and data.** ``conventions`` (component config): ``factbox`` (what the ledger
stores: speakers and dates resolved) or ``polnear`` (span boundaries as PolNeAR's annotators
draw them, no resolution; for ``factbox eval polnear``). The lexicons, the learned cue
tables, the statement scorer and the furniture list are loaded when the component is made,
before ``nlp.pipe`` starts its workers, which then share them.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Protocol

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from factbox.extract.attributions import Conventions, find_attributions
from factbox.extract.confidence import load_statement_scorer
from factbox.extract.cues import load_cue_lexicon
from factbox.extract.doc_text import doc_text
from factbox.extract.furniture import page_furniture
from factbox.extract.learned import load_cue_classifier, load_learned_cues
from factbox.extract.pipeline import (
    answers_hold,
    clear_caches,
    extract_article,
    resolve_people,
)
from factbox.extract.speakers import KnownPeople
from factbox.records import Article, Extraction, Person

COMPONENT = "factbox_extract"
ARTICLE = "factbox_article"
"""Doc extension: the ``Article`` the Doc is the parse of (its ``raw`` and ``body`` left
empty: the body is the Doc's text)."""
EXTRACTION = "factbox_extraction"
"""Doc extension: the ``Extraction`` the component left, or None."""
FOLLOW_UP = "factbox_follow_up"
"""Doc extension: what the run's follow-up step (``knowing(..., then=...)``) made of the
extraction, or None."""
CONVENTIONS: tuple[Conventions, ...] = ("factbox", "polnear")


def _pickled_extension(name: str) -> None:
    """A Doc extension whose value is kept pickled in ``doc.user_data`` (see the module's
    docstring: msgpack carries bytes, not records)."""
    key = f"factbox:{name}"

    def get(doc: Doc) -> Any:
        raw = doc.user_data.get(key)
        return None if raw is None else pickle.loads(raw)

    def set_(doc: Doc, value: Any) -> None:
        if value is None:
            doc.user_data.pop(key, None)
        else:
            doc.user_data[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    if not Doc.has_extension(name):
        Doc.set_extension(name, getter=get, setter=set_)


_pickled_extension(ARTICLE)
_pickled_extension(EXTRACTION)
_pickled_extension(FOLLOW_UP)

FollowUp = Callable[[Doc, Extraction], object]
"""A step the caller runs on each extraction where it is made (ingest's vectors and
stance); its result must pickle."""


class LearningPeople(KnownPeople, Protocol):
    """Known people that take in the people of each article extracted."""

    def add(self, person: Person) -> None: ...


def article_doc(nlp: Language, article: Article) -> Doc:
    """``article``'s body as a Doc the pipeline extracts from (tokenised, not yet parsed)."""
    doc = nlp.make_doc(article.body)
    doc._.set(ARTICLE, replace(article, raw="", body=""))
    return doc


def text_article(name: str) -> Article:
    """An article with nothing known but its text (no date, place or agency)."""
    return Article(key=name, source_name=name, format="text", raw="", body="", content_hash="")


class ExtractComponent:
    """Extracts the statements of each Doc that carries its article (module docstring)."""

    def __init__(self, conventions: Conventions = "factbox") -> None:
        self.conventions: Conventions = conventions
        self.known: LearningPeople | None = None
        self.then: FollowUp | None = None
        for load in _DATA:
            load()

    @contextmanager
    def knowing(
        self, people: LearningPeople | None, then: FollowUp | None = None
    ) -> Iterator[None]:
        """Extract with ``people`` known before the first article (the component adds each
        article's people to it: pass a copy the caller does not read), and run ``then`` on
        each extraction that did not fail, keeping its result in ``doc._.factbox_follow_up``.
        Both reach the workers of an ``nlp.pipe(n_process=N)`` started inside the block."""
        before = self.known, self.then
        self.known, self.then = people, then
        try:
            yield
        finally:
            self.known, self.then = before

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.get(ARTICLE)
        if article is None:
            return doc
        found = self.extract(doc, article, self.known)
        doc._.set(EXTRACTION, found)
        if self.known is not None:
            for person in found.people:
                self.known.add(person)
        if self.then is not None and found.error is None:
            doc._.set(FOLLOW_UP, self.then(doc, found))
            clear_caches(doc)  # whatever the follow-up read of the Doc's text or tokens
        # The last component: nothing reads the token vectors the model's layers left (two
        # thirds of a worker's result, which it cannot send on until this process reads it).
        doc.tensor = numpy.zeros((0,), dtype="float32")
        return doc

    def extract(self, doc: Doc, article: Article, known: KnownPeople | None) -> Extraction:
        """The extraction of one Doc with ``known`` people; never raises for the text."""
        try:
            if self.conventions == "polnear":
                found = Extraction(find_attributions(doc, conventions="polnear"), [])
                clear_caches(doc)  # no resolution ran to clear them
                return found
            return extract_article(doc, replace(article, body=doc_text(doc)), known)
        except Exception as exc:  # one article's bug must not sink its batch
            clear_caches(doc)
            return Extraction([], [], error=repr(exc))

    def in_turn(self, doc: Doc, known: KnownPeople | None) -> Extraction | None:
        """``doc``'s extraction as it is at its turn in input order, with ``known`` the
        people of the articles before it: the one left on it when every answer still holds,
        else with its speakers and dates resolved again here (``resolve_people``: the spans,
        cues and links the worker found stay), which replaces it on the Doc. None if the Doc
        was not extracted. The follow-up's result is left as it was, for the caller to keep
        what of it still holds (``ingesting.Judging.in_turn``): read both before this."""
        found: Extraction | None = doc._.get(EXTRACTION)
        if found is None or found.error is not None or answers_hold(found, known):
            return found
        article = replace(doc._.get(ARTICLE), body=doc_text(doc))
        statements = [replace(statement, speakers=[]) for statement in found.statements]
        try:
            found = resolve_people(doc, article, statements, known)
        except Exception as exc:  # as in extract: one article's bug must not sink its run
            clear_caches(doc)
            found = Extraction([], [], error=repr(exc))
        doc._.set(EXTRACTION, found)
        return found


_DATA: tuple[Callable[[], object], ...] = (
    load_cue_lexicon,
    load_learned_cues,
    load_cue_classifier,
    load_statement_scorer,
    page_furniture,
)


@Language.factory(COMPONENT, default_config={"conventions": "factbox"})
def make_extract(nlp: Language, name: str, conventions: str) -> ExtractComponent:
    """The ``factbox_extract`` pipeline component (after the attribution tagger)."""
    if conventions not in CONVENTIONS:
        raise ValueError(f"conventions must be one of {CONVENTIONS}, not {conventions!r}")
    return ExtractComponent("polnear" if conventions == "polnear" else "factbox")


def extractor(nlp: Language) -> ExtractComponent:
    """The pipeline's ``factbox_extract`` component."""
    component = nlp.get_pipe(COMPONENT)
    assert isinstance(component, ExtractComponent)
    return component
