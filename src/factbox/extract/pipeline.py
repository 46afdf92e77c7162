"""Glue: find attributions in a parsed article, then resolve speakers and dates.

A statement whose source is page furniture or a news agency ("Share: ...", "AFP: ...") is
left out (``furniture.py``): whoever the agency quotes is a statement of their own. A vote
told as a count ("adopted 14-0 with Norway abstaining") is an act of each member of the body
it counts, and "all members (except X)" an act of each member named so (``votes.py``); a
sponsor named in a participle of its text ("the resolution, drafted by Algeria") is its act
(``sponsors.py``).

Extraction is two steps. ``find_statements`` finds the spans (the learned tagger's
candidates decoded on the parse, cues validated, sources linked to contents) and drops page
furniture; it reads the article alone. ``resolve_people`` then resolves each statement's
speakers (person, role, actor) and its date. Only this second step depends on the people
known from earlier articles, through the questions it asks of them (who is "Fico"? who is
France's prime minister?); the date depends on them through the speakers only (a statement
keeps the date of the one before when the same people made both). Every answer is noted in
the ``Extraction``, so a caller that extracted articles out of order (spaCy's worker
processes) can check them against the people known at each article's turn
(``answers_hold``) and, where one differs, run ``resolve_people`` again on the statements
found, which costs about a quarter of the whole. Resolution keeps per-article caches in
``doc.user_data``; they are cleared before (but for the Doc's text and token table, which
finding the statements made and which do not depend on the people) and after, so the same
Doc can be resolved again (with other known people) and serialised (``Doc.to_bytes``)
afterwards.
"""

from __future__ import annotations

from spacy.tokens import Doc

from factbox.extract.attributions import find_attributions
from factbox.extract.dates import resolve_said_on
from factbox.extract.doc_text import DOC_TEXT_KEY
from factbox.extract.furniture import page_furniture
from factbox.extract.speakers import (
    ArticleContext,
    KnownPeople,
    pronoun_actor,
    resolve_speakers,
    voices_of_first_persons,
)
from factbox.extract.sponsors import participle_sponsors
from factbox.extract.token_table import TOKEN_TABLE_KEY
from factbox.extract.votes import collective_statements, count_statements, voters
from factbox.records import Article, Extraction, Person, Statement

CACHE_PREFIX = "factbox."
"""The ``doc.user_data`` keys of resolution's per-article caches start so."""


class _NotedAnswers:
    """The known people as one article's extraction asks them, noting every answer."""

    def __init__(self, known: KnownPeople | None, extraction: Extraction) -> None:
        self.known = known
        self.extraction = extraction

    def lookup(self, name: str) -> Person | None:
        found = self.known.lookup(name) if self.known is not None else None
        self.extraction.looked_up[name] = found
        return found

    def holder(self, role_key: str, actor_id: str) -> Person | None:
        holder = getattr(self.known, "holder", None)
        found = holder(role_key, actor_id) if holder is not None else None
        self.extraction.holders[(role_key, actor_id)] = found
        return found


def answers_hold(extraction: Extraction, known: KnownPeople | None) -> bool:
    """Whether ``known`` gives every answer ``extraction`` had (then extracting with it
    gives the same statements and people)."""
    asked = _NotedAnswers(known, Extraction([], []))
    return all(asked.lookup(name) == found for name, found in extraction.looked_up.items()) and all(
        asked.holder(*key) == found for key, found in extraction.holders.items()
    )


_DOC_VIEWS = frozenset({DOC_TEXT_KEY, TOKEN_TABLE_KEY})
"""Caches that read the Doc alone (its text, its token table): resolving the people again
need not drop them."""


def clear_caches(doc: Doc, *, keep_doc_views: bool = False) -> None:
    """Drop resolution's per-article caches from ``doc``; with ``keep_doc_views``, those
    that depend on the Doc alone stay."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(CACHE_PREFIX)]:
        if not (keep_doc_views and key in _DOC_VIEWS):
            del doc.user_data[key]


def extract_article(doc: Doc, article: Article, known: KnownPeople | None = None) -> Extraction:
    """Statements in ``doc`` (the parse of ``article.body``) with speakers and dates resolved."""
    return resolve_people(doc, article, find_statements(doc, article), known)


def find_statements(doc: Doc, article: Article) -> list[Statement]:
    """The statements in ``doc`` with their spans and cues, speakers and dates not yet
    resolved; page furniture and agencies as sources left out."""
    furniture = page_furniture()
    found = [
        statement
        for statement in find_attributions(doc)
        if not furniture.is_furniture(statement.source_text, article.agency)
        and not _impersonal_passive(doc, statement)
    ]
    counts = count_statements(doc, article.published, found)
    counts += collective_statements(doc, article.published, [*found, *counts])
    more = counts + participle_sponsors(doc, found)
    return sorted([*found, *more], key=lambda s: s.span) if more else found


def _impersonal_passive(doc: Doc, statement: Statement) -> bool:
    """An impersonal passive "it" as the source ("It should be noted that ...", "it was
    said that ..."): the writer's own aside, nobody's statement. "It said" (an organisation
    named before) is active and stays."""
    if statement.source_text.strip().lower() != "it" or statement.cue_span is None:
        return False
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    return cue is not None and any(token.dep_ == "auxpass" for token in cue)


def resolve_people(
    doc: Doc, article: Article, statements: list[Statement], known: KnownPeople | None = None
) -> Extraction:
    """``statements`` (of ``find_statements``) with their speakers and dates resolved, in
    place, with ``known`` people, and the people ``doc`` names."""
    clear_caches(doc, keep_doc_views=True)
    extraction = Extraction(statements=statements, people=[])
    context = ArticleContext(doc, article, _NotedAnswers(known, extraction))
    for statement in statements:
        statement.speakers = resolve_speakers(statement, doc, context)
        statement.said_on, statement.said_on_basis = resolve_said_on(
            doc, statement.span, article.published, cue=statement.cue_span
        )
        members = voters(
            statement,
            doc,
            statement.said_on or article.published,
            lambda pronoun: pronoun_actor(pronoun, context),
        )
        if members is not None:  # a count, or all of a body's members: each member votes
            statement.speakers = members
    voices_of_first_persons(statements, context)
    clear_caches(doc)
    extraction.people = context.people()
    return extraction


def extract_statements(
    doc: Doc, article: Article, known: KnownPeople | None = None
) -> list[Statement]:
    """All attributed statements in ``doc``, in text order."""
    return extract_article(doc, article, known).statements
