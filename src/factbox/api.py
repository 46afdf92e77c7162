"""The Python API; ``factbox.cli`` is a thin layer over these functions."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from factbox.extract import extract_article
from factbox.extract.nlp import load_nlp
from factbox.ingest import DEFAULT_MAX_BYTES, prepare_article, read_inputs
from factbox.records import Article, IngestFailure, InputError, StoredStatement
from factbox.store import ArticleRow, Ledger, SaveOutcome

Outcome = SaveOutcome | str
ProgressCallback = Callable[[str, Outcome], None]


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did, item by item."""

    ingested: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    statements: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


def _ledger(db: str | Path | Ledger | None) -> Ledger:
    return db if isinstance(db, Ledger) else Ledger(db)


def ingest(
    paths: Sequence[str | Path],
    db: str | Path | Ledger | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: str | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Read, extract and store every article under ``paths``; one transaction per article.

    Bad items are reported in the summary and skipped; articles whose content is already
    in the ledger are not parsed again.
    """
    ledger = _ledger(db)
    summary = IngestSummary()
    known = ledger.people_directory()
    queued: set[tuple[str, str]] = set()

    def report(name: str, outcome: Outcome) -> None:
        if progress is not None:
            progress(name, outcome)

    def fail(failure: IngestFailure) -> None:
        summary.failed.append(failure)
        report(failure.name, "failed")

    def articles_to_parse() -> Iterator[tuple[str, Article]]:
        for item in read_inputs([str(p) for p in paths], max_bytes=max_bytes):
            if isinstance(item, IngestFailure):
                fail(item)
                continue
            try:
                article = prepare_article(item)
            except InputError as exc:
                fail(IngestFailure(exc.name, exc.reason))
                continue
            identity = (article.key, article.content_hash)
            if identity in queued or ledger.current_hash(article.key) == article.content_hash:
                summary.unchanged.append(article.source_name)
                report(article.source_name, "unchanged")
                continue
            queued.add(identity)
            yield article.body, article

    nlp = load_nlp(model)
    for doc, article in nlp.pipe(
        articles_to_parse(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        try:
            extraction = extract_article(doc, article, known)
        except Exception as exc:  # one article's extraction bug must not sink the batch
            fail(IngestFailure(article.source_name, f"extraction failed: {exc!r}"))
            continue
        outcome = ledger.save_article(article, extraction.statements, extraction.people)
        for person in extraction.people:
            known.add(person)
        if outcome == "unchanged":
            summary.unchanged.append(article.source_name)
        else:
            (summary.ingested if outcome == "ingested" else summary.revised).append(
                article.source_name
            )
            summary.statements += len(extraction.statements)
        report(article.source_name, outcome)
    return summary


def statements(
    db: str | Path | Ledger | None = None, *, article: str | None = None
) -> list[StoredStatement]:
    """Statements of the current revision of every article, or of one article.

    ``article`` is a numeric article id or an article key (its id, URL or path).
    """
    ledger = _ledger(db)
    if article is None:
        return ledger.statements()
    ref = ledger.find_article(article)
    if ref is None:
        raise InputError(article, "no such article in the ledger")
    return ledger.statements(article_id=ref.id)


def articles(db: str | Path | Ledger | None = None) -> list[ArticleRow]:
    """Current revisions of every article in the ledger."""
    return _ledger(db).articles()


def demo_articles() -> Path:
    """The folder of bundled demo articles."""
    return Path(str(resources.files("factbox") / "data" / "demo"))
