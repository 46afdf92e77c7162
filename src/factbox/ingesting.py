"""The steps of an ingest run, shared by the one-machine run (``api.ingest``), the Dask run
(``factbox.cluster``) and the feed watcher (``factbox.watch``).

1. Triage, where the items are read (cheap, in the calling process): each item is cleaned
   into an ``Article``; one whose text is already the current revision of its key is
   unchanged; one that is a syndicated copy of a stored or earlier article is stored at once,
   without statements (``factbox.syndication``); the rest are pending, with the bands of
   their MinHash signature.
2. Extraction (the costly part, in whichever process parses): statements, people and the
   stance of each statement on the stored proposals.
3. Storing: one transaction per article, which leaves an unchanged article unchanged, so
   storing the same result twice (a retried task) writes it once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from factbox.extract import extract_article
from factbox.ingest import prepare_article
from factbox.records import Article, IngestFailure, InputError, Person, SourceItem, Statement
from factbox.stance import ProposalMatcher, classify, statement_span
from factbox.store import Ledger, SaveOutcome
from factbox.store.judgements import MatchedJudgement
from factbox.store.ledger import PeopleDirectory
from factbox.syndication import CopyFinder

Outcome = SaveOutcome | str
ProgressCallback = Callable[[str, Outcome], None]


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did, item by item."""

    ingested: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    """Syndicated copies of another article: stored, their statements are the other's."""
    statements: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


class IngestRun:
    """The summary of a run and its progress callback, kept together."""

    def __init__(self, progress: ProgressCallback | None = None) -> None:
        self.summary = IngestSummary()
        self.progress = progress

    def report(self, name: str, outcome: Outcome) -> None:
        if self.progress is not None:
            self.progress(name, outcome)

    def fail(self, failure: IngestFailure) -> None:
        self.summary.failed.append(failure)
        self.report(failure.name, "failed")

    def stored(self, article: Article, outcome: SaveOutcome, statements: int) -> None:
        if outcome == "unchanged":
            self.summary.unchanged.append(article.source_name)
        else:
            (self.summary.ingested if outcome == "ingested" else self.summary.revised).append(
                article.source_name
            )
            self.summary.statements += statements
        self.report(article.source_name, outcome)


@dataclass(frozen=True, slots=True)
class PendingArticle:
    """An article to parse, with the bands it is stored with (``factbox.syndication``)."""

    article: Article
    bands: list[int]


def pending_articles(
    items: Iterable[SourceItem | IngestFailure], ledger: Ledger, run: IngestRun
) -> Iterator[PendingArticle]:
    """Triage (see the module's docstring): failures, unchanged articles and copies are
    dealt with here; what needs parsing is yielded."""
    queued: set[tuple[str, str]] = set()
    finder = CopyFinder(ledger)
    for item in items:
        if isinstance(item, IngestFailure):
            run.fail(item)
            continue
        try:
            article = prepare_article(item)
        except InputError as exc:
            run.fail(IngestFailure(exc.name, exc.reason))
            continue
        identity = (article.key, article.content_hash)
        if identity in queued or ledger.current_hash(article.key) == article.content_hash:
            run.summary.unchanged.append(article.source_name)
            run.report(article.source_name, "unchanged")
            continue
        queued.add(identity)
        fingerprint = finder.fingerprint(article)
        copy = finder.find(article, fingerprint)
        if copy is not None:
            try:
                ledger.save_article(article, [], [], copy_of=copy)
            except Exception as exc:  # a ledger that refuses one article must not sink the rest
                run.fail(IngestFailure(article.source_name, f"not stored: {exc!r}"))
                continue
            run.summary.copies.append(article.source_name)
            run.report(article.source_name, f"copy of {copy.key}")
            continue
        finder.add(article, fingerprint)
        yield PendingArticle(article, fingerprint.bands)


def judge(doc: Doc, statement: Statement, matcher: ProposalMatcher) -> list[MatchedJudgement]:
    """Every proposal ``statement`` is about, with its stance on it; ``doc`` is the parse of
    the text the statement's spans point into.

    The same as ``stance.judge_statement``, keeping the match (the words that tied the
    statement to the proposal) for the ledger.
    """
    span = statement_span(doc, statement)
    if span is None or not len(span):
        return []
    return [
        MatchedJudgement(match, classify(span, match, statement))
        for match in matcher.match_in_context(span)
    ]


@dataclass(slots=True)
class Extracted:
    """What parsing one article gave: its statements, the people named, and each
    statement's judgements on the stored proposals (``None`` when there are none)."""

    pending: PendingArticle
    statements: list[Statement]
    people: list[Person]
    judged: list[list[MatchedJudgement]] | None


def extract(
    doc: Doc, pending: PendingArticle, known: PeopleDirectory, matcher: ProposalMatcher | None
) -> Extracted | IngestFailure:
    """Extract and judge one parsed article; a failure names the article and the step."""
    article = pending.article
    try:
        extraction = extract_article(doc, article, known)
    except Exception as exc:  # one article's extraction bug must not sink the batch
        return IngestFailure(article.source_name, f"extraction failed: {exc!r}")
    judged: list[list[MatchedJudgement]] | None = None
    if matcher is not None:
        try:
            judged = [judge(doc, s, matcher) for s in extraction.statements]
        except Exception as exc:  # nor may one statement's stance
            return IngestFailure(article.source_name, f"stance failed: {exc!r}")
    for person in extraction.people:
        known.add(person)
    return Extracted(pending, extraction.statements, extraction.people, judged)


def store(ledger: Ledger, found: Extracted) -> SaveOutcome:
    """Write one extracted article in one transaction (unchanged if already stored)."""
    return ledger.save_article(
        found.pending.article,
        found.statements,
        found.people,
        found.judged,
        bands=found.pending.bands,
    )
