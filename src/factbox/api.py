"""The Python API as functions: each opens the factbox service (``factbox.open``), calls one
of its methods and closes it. Kept for callers written before the service; new code opens
the service once and calls its methods.

``db`` is a ledger path or URL (default: ``$FACTBOX_DB`` or ``./factbox.db``), an open
:class:`factbox.service.Factbox` (used as it is, left open) or a ``Ledger`` (wrapped, left
open).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from factbox import rules
from factbox import service as _service
from factbox.ingest import DEFAULT_MAX_BYTES
from factbox.ingest.parts import PART_CHARS
from factbox.ingesting import VECTORS_ENV, vector_model, vectors_enabled
from factbox.parsing import parse_date
from factbox.pipeline import (
    CONTEXT_PARAGRAPHS,
    IngestSummary,
    JudgeProgress,
    ProgressCallback,
    ProposalSummary,
    ReextractSummary,
    check_bodies,
    judge,
    judge_ledger,
    make_proposal,
    paragraph_windows,
    statement_vectors,
)
from factbox.records import (
    ArticleRow,
    Correction,
    CorrectionField,
    IngestFailure,
    IngestNote,
    SourceItem,
    StoredStatement,
)
from factbox.service import Evidence, Factbox, PositionsReport, decide_with, latest_said_on
from factbox.settings import Settings
from factbox.stance import Proposal
from factbox.stance.records import MatchedJudgement, StoredJudgement
from factbox.store import Ledger

__all__ = [
    "CONTEXT_PARAGRAPHS",
    "Evidence",
    "IngestSummary",
    "JudgeProgress",
    "PositionsReport",
    "ProposalSummary",
    "add_proposal",
    "add_proposals",
    "articles",
    "check_bodies",
    "correct",
    "decide",
    "decide_on",
    "demo_articles",
    "demo_proposals",
    "get_proposal",
    "history",
    "VECTORS_ENV",
    "MatchedJudgement",
    "ingest",
    "ingest_items",
    "statement_vectors",
    "vector_model",
    "vectors_enabled",
    "judge",
    "judge_ledger",
    "judged_statements",
    "latest_said_on",
    "load_proposals",
    "make_proposal",
    "paragraph_windows",
    "parse_date",
    "positions",
    "proposals",
    "reextract",
    "statements",
]

Db = str | Path | Ledger | Factbox | None


@contextmanager
def opened(db: Db = None, *, model: str | None = None) -> Iterator[Factbox]:
    """The service for ``db``: opened and closed here unless the caller holds it open."""
    if isinstance(db, Factbox):
        yield db
        return
    settings = Settings.from_env(db=None if isinstance(db, Ledger) else db, model=model)
    if isinstance(db, Ledger):
        yield Factbox(db, settings.with_db(db.url))
        return
    with _service.open(settings=settings) as factbox:
        yield factbox


def ingest(
    paths: Sequence[str | Path],
    db: Db = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: str | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    progress: ProgressCallback | None = None,
    vectors: bool | None = None,
    cluster: str | None = None,
    cluster_timeout: float | None = None,
    part_chars: int = PART_CHARS,
) -> IngestSummary:
    """Read, extract and store every article under ``paths`` (see ``Factbox.ingest``)."""
    with opened(db, model=model) as factbox:
        return factbox.ingest(
            paths,
            max_bytes=max_bytes,
            batch_size=batch_size,
            n_process=n_process,
            progress=progress,
            vectors=vectors,
            cluster=cluster,
            cluster_timeout=cluster_timeout,
            part_chars=part_chars,
        )


def ingest_items(
    items: Iterable[SourceItem | IngestFailure | IngestNote],
    db: Db = None,
    *,
    model: str | None = None,
    progress: ProgressCallback | None = None,
    vectors: bool | None = None,
) -> IngestSummary:
    """Ingest items already read (see ``Factbox.ingest_items``)."""
    with opened(db, model=model) as factbox:
        return factbox.ingest_items(items, progress=progress, vectors=vectors)


def reextract(
    db: Db = None,
    *,
    model: str | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    progress: ProgressCallback | None = None,
    vectors: bool | None = None,
) -> ReextractSummary:
    """Run extraction and judging again on the stored articles (see
    ``Factbox.reextract``)."""
    with opened(db, model=model) as factbox:
        return factbox.reextract(
            batch_size=batch_size, n_process=n_process, progress=progress, vectors=vectors
        )


def statements(db: Db = None, *, article: str | None = None) -> list[StoredStatement]:
    """Statements of the current revision of every article, or of one article."""
    with opened(db) as factbox:
        return factbox.statements(article)


def articles(db: Db = None) -> list[ArticleRow]:
    """Current revisions of every article in the ledger."""
    with opened(db) as factbox:
        return factbox.articles()


def demo_articles() -> Path:
    """The folder of bundled demo articles."""
    return Path(str(resources.files("factbox") / "data" / "demo"))


def demo_proposals() -> Path:
    """The bundled proposals the demo tracks."""
    return demo_articles() / "proposals.toml"


def add_proposals(
    items: Sequence[Proposal],
    db: Db = None,
    *,
    model: str | None = None,
    progress: JudgeProgress | None = None,
) -> list[ProposalSummary]:
    """Store proposals and judge every statement against the new or changed ones."""
    with opened(db, model=model) as factbox:
        return factbox.add_proposals(items, progress=progress)


def add_proposal(
    proposal: Proposal,
    db: Db = None,
    *,
    model: str | None = None,
    progress: JudgeProgress | None = None,
) -> ProposalSummary:
    """Store one proposal (see :func:`add_proposals`)."""
    [summary] = add_proposals([proposal], db, model=model, progress=progress)
    return summary


def load_proposals(
    path: str | Path,
    db: Db = None,
    *,
    model: str | None = None,
    progress: JudgeProgress | None = None,
) -> list[ProposalSummary]:
    """Store the ``[[proposal]]`` tables of a TOML file (see :func:`add_proposals`)."""
    with opened(db, model=model) as factbox:
        return factbox.load_proposals(path, progress=progress)


def proposals(db: Db = None) -> list[Proposal]:
    """Every proposal in the ledger, by slug."""
    with opened(db) as factbox:
        return factbox.proposals()


def get_proposal(slug: str, db: Db = None) -> Proposal:
    """A stored proposal; ``InputError`` naming the known ones if there is no such slug."""
    with opened(db) as factbox:
        return factbox.proposal(slug)


def judged_statements(slug: str, db: str | Path | Ledger | None = None) -> list[StoredJudgement]:
    """What the ledger holds on a proposal, corrections not yet applied (for benches)."""
    ledger = db if isinstance(db, Ledger) else Ledger(db or Settings.from_env().db)
    get_proposal(slug, ledger)
    return ledger.judgements(slug)


def positions(slug: str, db: Db = None, *, as_of: dt.date | None = None) -> PositionsReport:
    """Each actor's position on proposal ``slug`` as of ``as_of`` (see
    ``Factbox.positions``)."""
    with opened(db) as factbox:
        return factbox.positions(slug, as_of=as_of)


def history(slug: str, db: Db = None, *, as_of: dt.date | None = None) -> PositionsReport:
    """The same report as :func:`positions`; its ``history`` lists each change per actor."""
    return positions(slug, db, as_of=as_of)


def stances_of(report: PositionsReport) -> dict[str, rules.Stance]:
    """Actor id to stance, for the actors that have an id."""
    return {p.actor_id: p.stance for p in report.positions if p.actor_id}


def decide(
    slug: str,
    body: str,
    db: Db = None,
    *,
    as_of: dt.date | None = None,
    rule: str | None = None,
) -> rules.Decision:
    """Can ``body`` adopt proposal ``slug`` as of ``as_of`` (see ``Factbox.decide``)?"""
    with opened(db) as factbox:
        return factbox.decide(slug, body, as_of=as_of, rule=rule)


def decide_on(report: PositionsReport, body: str, *, rule: str | None = None) -> rules.Decision:
    """:func:`decide` on positions already computed."""
    found = rules.load_body(body, Settings.from_env().bodies)
    return decide_with(report, found, body, rule=rule)


def correct(
    statement_id: int,
    field: CorrectionField,
    value: Any,
    db: Db = None,
    *,
    proposal: str | None = None,
    editor: str | None = None,
    reason: str | None = None,
) -> Correction:
    """Record an editor's correction of a statement (see ``Factbox.correct``)."""
    with opened(db) as factbox:
        return factbox.correct(
            statement_id, field, value, proposal=proposal, editor=editor, reason=reason
        )
