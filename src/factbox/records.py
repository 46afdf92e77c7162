"""The typed records that flow between stages.

Every span is a pair of character offsets ``(start, end)`` into ``Article.body``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

Span = tuple[int, int]
T = TypeVar("T")

StatementKind = Literal["direct", "indirect", "mixed", "belief", "act"]
"""``act``: a stance stated by an act without a speech verb ("rejected the idea", "has not
ruled out sending troops"); its content is what the act is about, its cue the act's verb."""
ActorKind = Literal["person", "country", "organization", "unknown"]
DateBasis = Literal["explicit", "relative", "article"]
SourceFormat = Literal["text", "html", "jsonl", "feed"]
Stance = Literal["supports", "open", "opposes", "unclear"]
"""Where an actor stands on a proposal (the stance stage judges it, the rules count it)."""
STANCES: tuple[Stance, ...] = ("supports", "open", "opposes", "unclear")


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One article as read from an input, before it is cleaned.

    ``name`` says where it came from (a path, ``path:line`` for JSONL, ``<stdin>``)
    and is what error messages and summaries show.
    """

    name: str
    format: SourceFormat
    raw: str
    key: str
    """Identity across revisions: the item's id, else its URL, else its path."""
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article ready for extraction."""

    key: str
    source_name: str
    format: SourceFormat
    raw: str
    """The input exactly as read (decoded), boilerplate included."""
    body: str
    """The text that statements point into: title/dateline/boilerplate removed."""
    content_hash: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    place: str | None = None
    """Dateline place, e.g. ``PARIS`` from ``PARIS (Reuters) -``."""
    agency: str | None = None


@dataclass(slots=True)
class Speaker:
    """Who a statement is attributed to, resolved as far as the text allows."""

    text: str
    """The words of the source span this speaker came from."""
    span: Span | None
    name: str | None = None
    role: str | None = None
    actor_id: str | None = None
    actor: str | None = None
    actor_kind: ActorKind = "unknown"


@dataclass(slots=True)
class Statement:
    """An attributed statement: cue + content + source, with offsets into the body."""

    kind: StatementKind
    cue: str
    cue_span: Span | None
    content: str
    content_span: Span
    source_text: str
    source_span: Span | None
    span: Span
    """The whole stretch of text the statement covers (source, cue and content)."""
    speakers: list[Speaker] = field(default_factory=list)
    said_on: dt.date | None = None
    said_on_basis: DateBasis = "article"
    content_pieces: tuple[Span, ...] = ()
    """The content's pieces when the cue or source interrupts it (``"We are ready," he
    said, "but not alone."``); empty when ``content_span`` is the whole of it."""


@dataclass(slots=True)
class Extraction:
    """What extraction found in one article: its statements, the people it names, and the
    answers it had from the people known before the article.

    The answers let a caller that extracted articles out of order (in worker processes)
    check that the people known at the article's turn give the same ones; extraction
    depends on the known people only through them.
    """

    statements: list[Statement]
    people: list[Person]
    looked_up: dict[str, Person | None] = field(default_factory=dict)
    """Each name looked up among the known people, and the person found (None: nobody)."""
    holders: dict[tuple[str, str], Person | None] = field(default_factory=dict)
    """Each (role key, actor id) asked of the known people, and who holds it."""
    error: str | None = None
    """Why extraction failed (the exception), when it did; then nothing else is set."""


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not be ingested, and why (one line)."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestNote:
    """Something a reader did that the user should know of, though nothing failed: a link
    out of the input folder skipped, bytes that were not UTF-8 replaced (one line)."""

    name: str
    note: str


class InputError(Exception):
    """Bad input: the message names the problem; ``name`` names the input."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class MissingError(InputError):
    """Input that names something the ledger does not hold (a proposal, an article...)."""


class CursorError(InputError):
    """A page cursor (``--after``, ``?after=``) that no listing gave out: the web answers
    400, the command line one line and exit 1."""


@dataclass(frozen=True, slots=True)
class Person:
    """A person the ledger has seen: name, role and the actor they speak for."""

    name: str
    role: str | None
    actor_id: str | None
    actor: str | None
    actor_kind: ActorKind
    seen_on: dt.date | None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article revision as the ledger knows it."""

    id: int
    key: str
    revision: int
    title: str | None
    url: str | None
    published: dt.date | None
    source_name: str
    lead: str | None = None
    """The first sentence of an untitled article's body (``factbox.leads``), what lists call
    it; None when it has a title."""


CorrectionField = Literal["stance", "not_about", "speaker", "not_statement"]
CORRECTION_FIELDS: tuple[CorrectionField, ...] = ("stance", "not_about", "speaker", "not_statement")
ACTOR_KINDS: tuple[ActorKind, ...] = ("person", "country", "organization", "unknown")


@dataclass(frozen=True, slots=True)
class Correction:
    """An editor's fix of one statement, kept beside what extraction found.

    - ``stance``: ``value`` is a stance label; ``proposal`` is required.
    - ``not_about``: ``value`` is ``true`` (the statement is not about ``proposal``, which is
      required) or ``false``; the latest of a proposal's ``stance`` and ``not_about`` wins.
    - ``speaker``: ``value`` is a list of ``{"name", "actor_id", "actor", "actor_kind"}``
      objects that replace the statement's speakers (for every proposal); an object with
      ``"no_actor": true`` and no actor says the speaker speaks for no state.
    - ``not_statement``: ``value`` is ``true`` (it is not a statement: drop it from every
      public view) or ``false`` (undo an earlier one).
    """

    statement_id: int
    field: CorrectionField
    value: Any
    proposal: str | None = None
    editor: str | None = None
    reason: str | None = None
    id: int | None = None
    created_at: dt.datetime | None = None
    carried_from: int | None = None
    """The correction of the same statement in the article's previous revision that this one
    copies (set when an article is revised; ``created_at`` stays the editor's time)."""


@dataclass(slots=True)
class StoredStatement:
    """A statement read back from the ledger, with its id and article.

    ``corrections`` are the editors' corrections already applied to ``statement`` (the
    service applies them; see ``factbox.corrections``), oldest first.
    """

    id: int
    article: ArticleRef
    statement: Statement
    copies: tuple[ArticleRef, ...] = ()
    """Syndicated copies of the article that say the same (``factbox.syndication``): they
    are sources of this statement too, and have no statements of their own."""
    corrections: tuple[Correction, ...] = ()

    @property
    def corrected(self) -> bool:
        return bool(self.corrections)

    @property
    def rejected(self) -> bool:
        """An editor said (and did not take back) that this is not a statement."""
        said = [c.value for c in self.corrections if c.field == "not_statement"]
        return bool(said) and said[-1] is True


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """An article revision with its statement count, for listings."""

    ref: ArticleRef
    format: str
    place: str | None
    agency: str | None
    content_hash: str
    ingested_at: dt.datetime
    statements: int


@dataclass(frozen=True, slots=True)
class ArticleText:
    """One stored article revision with its text."""

    id: int
    key: str
    revision: int
    is_current: bool
    title: str | None
    url: str | None
    published: dt.date | None
    content_hash: str
    body: str


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a listing, in the listing's order, and the cursor of the page after it
    (None on the last page). Cursors come from ``factbox.paging``; a listing's next page
    starts right after the last item of this one, so rows added meanwhile never make a row
    repeat or go missing across pages."""

    items: list[T]
    next: str | None
