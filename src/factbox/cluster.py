"""Ingest on a Dask distributed cluster: ``factbox ingest ... --cluster tcp://HOST:PORT`` (a
running scheduler) or ``--cluster local:N`` (N worker processes on this machine, on loopback).

The calling process reads the inputs and triages them (``factbox.ingesting``: unchanged
articles, syndicated copies), which costs little; the parse, extraction and judging, which
cost nearly all the time, run on the workers, in tasks of a few articles:

- Each worker loads the spaCy pipeline once, when it starts (``ModelPlugin``), and builds
  the proposal matcher once per set of proposals; tasks reuse both.
- The workers send their records back and this process stores them (PostgreSQL or SQLite),
  one transaction per article. Storing is idempotent: an article whose text is already the
  current revision of its key is left as it is, and a write that loses a race with another
  writer on a unique key is tried again. A worker that dies has its tasks run again by the
  scheduler on another worker (Dask retries a task whose worker died), and each article's
  records are stored once, when they come back: nothing is lost or stored twice.
- The same statements as a one-process run: extraction (the pipeline's ``factbox_extract``
  component) resolves a name through the people known from earlier articles, so each task
  takes the people known when it is sent, and the extraction notes every name it looked up
  and the answer. Results are stored in input order; one whose answers differ from those the
  people of all earlier articles give (someone first named in full in an article still in
  flight) is extracted again here by the same component, from the parse the worker sent
  with it (``Doc.to_bytes``), with them before it is stored: no second parse.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

import sqlalchemy as sa
from spacy.tokens import Doc

from factbox.extract.component import EXTRACTION, FOLLOW_UP, article_doc, extractor
from factbox.extract.nlp import load_nlp
from factbox.extract.parses import parse_model
from factbox.extract.pipeline import answers_hold
from factbox.ingesting import (
    Extracted,
    IngestRun,
    Judged,
    Judging,
    PendingArticle,
    extract,
    store,
)
from factbox.records import Extraction, IngestFailure, InputError, Person
from factbox.stance import Proposal, ProposalMatcher
from factbox.store import Ledger, SaveOutcome
from factbox.store.ledger import PeopleDirectory

LOCAL_PREFIX = "local:"
WRITE_ATTEMPTS = 5
ARTICLES_PER_TASK = 4
"""At most this many articles per task: small enough that two workers share a handful of
articles and a dead worker's retried work is short, large enough that a task's overhead (a
few milliseconds) is nothing beside its parse (about a second an article)."""
BATCHES_PER_WORKER = 2
"""Batches kept in flight per worker: one running, one waiting, so no worker idles while
this process reads and triages the next articles."""


@dataclass(frozen=True, slots=True)
class ClusterAddress:
    """A scheduler address, or the number of local workers to start."""

    scheduler: str | None
    local_workers: int


def parse_cluster(text: str) -> ClusterAddress:
    """``local:N`` or a scheduler address (``tcp://HOST:PORT``); ``InputError`` otherwise."""
    if text.startswith(LOCAL_PREFIX):
        count = text[len(LOCAL_PREFIX) :]
        if not count.isdigit() or int(count) < 1:
            raise InputError(text, "expected local:N with N a number of workers (1 or more)")
        return ClusterAddress(None, int(count))
    if "://" not in text:
        raise InputError(text, "expected a scheduler address (tcp://HOST:PORT) or local:N")
    return ClusterAddress(text, 0)


class ModelPlugin:
    """Loads the spaCy pipeline in each worker when it starts (and in each restarted one),
    so no batch waits for it; ``load_nlp`` caches it per process."""

    name = "factbox-model"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        load_nlp(self.model)

    def teardown(self, worker: Any) -> None:
        pass


@contextmanager
def connect(address: ClusterAddress, model: str | None, timeout: float = 60) -> Iterator[Any]:
    """A Dask client on the cluster (started here for ``local:N``, closed at the end)."""
    try:
        from distributed import Client, LocalCluster, WorkerPlugin
    except ImportError as exc:  # pragma: no cover - the optional extra is missing
        raise RuntimeError("--cluster needs Dask: pip install 'factbox[cluster]'") from exc

    class _Plugin(ModelPlugin, WorkerPlugin):
        pass

    if address.scheduler is None:
        cluster = LocalCluster(
            n_workers=address.local_workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        )
        client = Client(cluster, timeout=timeout)
    else:
        cluster = None
        client = Client(address.scheduler, timeout=timeout)
    try:
        client.register_plugin(_Plugin(model))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@dataclass(frozen=True, slots=True)
class Batch:
    """What one task gets: articles to parse and what extraction and judging need."""

    pending: list[PendingArticle]
    people: list[Person]
    proposals: list[Proposal]
    model: str | None


@dataclass(frozen=True, slots=True)
class Parsed:
    """A worker's result for one article, with the extraction the pipeline left (and the
    answers it had from the people known there) and the parse (``Doc.to_bytes``), to
    resolve the speakers again here if those answers have changed."""

    found: Extracted | IngestFailure
    extraction: Extraction | None
    doc: bytes

    def agrees_with(self, known: PeopleDirectory) -> bool:
        return self.extraction is None or answers_hold(self.extraction, known)


@lru_cache(maxsize=4)
def _matcher(model: str | None, proposals: tuple[Proposal, ...]) -> ProposalMatcher | None:
    return ProposalMatcher(load_nlp(model), list(proposals)) if proposals else None


def store_retrying(ledger: Ledger, found: Extracted) -> SaveOutcome:
    """``store``, again when another writer won a race on a unique key (the same person, or
    the same article key, written at once); the next attempt sees what it wrote."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            return store(ledger, found)
        except (sa.exc.IntegrityError, sa.exc.OperationalError):
            if attempt == WRITE_ATTEMPTS:
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def run_batch(batch: Batch) -> list[Parsed]:
    """Parse, extract and judge a batch of articles (on a worker), in order: a later article
    knows the people of the earlier ones, as in a one-process run."""
    nlp = load_nlp(batch.model)
    extracting = extractor(nlp)
    matcher = _matcher(batch.model, tuple(batch.proposals))
    known = PeopleDirectory(batch.people)
    results: list[Parsed] = []
    docs = ((article_doc(nlp, p.article), p) for p in batch.pending)
    with extracting.knowing(PeopleDirectory(batch.people)):
        for doc, pending in nlp.pipe(docs, as_tuples=True, batch_size=len(batch.pending)):
            found = extract(
                doc, pending, known, extracting, Judging(matcher), parse_model(nlp)
            )
            results.append(Parsed(found, doc._.get(EXTRACTION), doc.to_bytes()))
    return results


def _batches(pending: Iterable[PendingArticle], size: int) -> Iterator[list[PendingArticle]]:
    found = iter(pending)
    while batch := list(islice(found, size)):
        yield batch


def ingest_on_cluster(
    pending: Iterable[PendingArticle],
    ledger: Ledger,
    run: IngestRun,
    cluster: str,
    *,
    model: str | None = None,
    batch_size: int = ARTICLES_PER_TASK,
    timeout: float | None = None,
) -> None:
    """Parse and store ``pending`` on the cluster, at most ``batch_size`` (and
    ``ARTICLES_PER_TASK``) articles a task; outcomes go to ``run``. ``timeout``: seconds the
    whole run may take (``TimeoutError`` past it)."""
    from distributed import as_completed

    address = parse_cluster(cluster)
    known = ledger.people_directory()  # the people of the ledger and of every stored article
    proposals = ledger.proposals()
    batches = _batches(pending, max(1, min(batch_size, ARTICLES_PER_TASK)))
    sent: list[PendingArticle] = []  # every article sent, in input order
    first_of: dict[str, int] = {}  # a task's key -> the number of its first article
    arrived: dict[int, Parsed] = {}
    stored = 0  # how many articles, from the first, are stored

    def submit(client: Any, articles: list[PendingArticle]) -> Any:
        future = client.submit(
            run_batch, Batch(articles, known.persons(), proposals, model), pure=False
        )
        first_of[future.key] = len(sent)
        sent.extend(articles)
        return future

    def store_in_order() -> None:
        nonlocal stored
        while stored in arrived:
            parsed = arrived.pop(stored)
            found = parsed.found
            if not parsed.agrees_with(known):  # resolve again, with the people known now
                nlp = load_nlp(model)
                doc = Doc(nlp.vocab).from_bytes(parsed.doc)
                if isinstance(found, Extracted):  # what the worker judged, kept where it holds
                    doc._.set(FOLLOW_UP, Judged(found.judged, found.vectors))
                matcher = _matcher(model, tuple(proposals))
                found = extract(
                    doc,
                    sent[stored],
                    known,
                    extractor(nlp),
                    Judging(matcher),
                    parse_model(nlp),
                )
            _record(found, ledger, run, known)
            stored += 1

    with connect(address, model) as client:
        workers = max(1, len(client.scheduler_info()["workers"]))
        window = as_completed(
            [submit(client, b) for b in islice(batches, workers * BATCHES_PER_WORKER)],
            timeout=timeout,
        )
        for future in window:
            first = first_of.pop(future.key)
            for index, parsed in enumerate(future.result()):
                arrived[first + index] = parsed
            following = next(batches, None)
            if following is not None:
                window.add(submit(client, following))
            store_in_order()


def _record(
    found: Extracted | IngestFailure, ledger: Ledger, run: IngestRun, known: PeopleDirectory
) -> None:
    if isinstance(found, IngestFailure):
        run.fail(found)
        return
    try:
        outcome = store_retrying(ledger, found)
    except Exception as exc:  # a ledger that refuses one article must not sink the rest
        run.fail(IngestFailure(found.pending.article.source_name, f"not stored: {exc!r}"))
        return
    for person in found.people:
        known.add(person)
    run.stored(found.pending.article, outcome, len(found.statements), ledger)
