"""The steps of an ingest run, shared by the one-machine run (``api.ingest``), the Dask run
(``factbox.cluster``) and the feed watcher (``factbox.watch``).

1. Triage, where the items are read (cheap, in the calling process): each item is cleaned
   into an ``Article``; one whose text is already the current revision of its key is
   unchanged; one that is a syndicated copy of a stored or earlier article is stored at once,
   without statements (``factbox.syndication``); the rest are pending, with the bands of
   their MinHash signature.
2. Extraction (the costly part): statements and people, by the pipeline's
   ``factbox_extract`` component in whichever process parses (``factbox.extract.component``;
   done again in this process, from the same parse, only where the people known from
   earlier articles answer otherwise than they did there); then each statement's sentence
   vector (``factbox.embed``; where the run has an encoder) and the stance of each statement
   on the stored proposals, by words and by meaning.
3. Storing: one transaction per article, which leaves an unchanged article unchanged, so
   storing the same result twice (a retried task) writes it once.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from factbox.corrections import follow_statements
from factbox.embed.encoder import PADDING_SLACK, SentenceEncoder, load_encoder
from factbox.extract.component import EXTRACTION, FOLLOW_UP, ExtractComponent
from factbox.extract.doc_text import doc_text
from factbox.extract.parses import keep_parse
from factbox.ingest.parts import PART_CHARS
from factbox.records import (
    Article,
    ArticleRef,
    Extraction,
    IngestFailure,
    IngestNote,
    InputError,
    Person,
    SourceItem,
    Statement,
)
from factbox.stance import Proposal, ProposalMatcher, classify, statement_span
from factbox.stance.classify import not_about_it, slots_of
from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import context_sentences
from factbox.stance.semantic import (
    SIMILARITY_THRESHOLD,
    ProposalVectors,
    Similarity,
    statement_text,
)
from factbox.store import Ledger, SaveOutcome
from factbox.store.judgements import MatchedJudgement
from factbox.store.ledger import PeopleDirectory
from factbox.store.parses import StoredParse
from factbox.store.vectors import EncodedStatements
from factbox.syndication import CopyFinder

Outcome = SaveOutcome | str
ProgressCallback = Callable[[str, Outcome], None]


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """How a run parses and extracts the articles it ingests (``factbox.pipeline``)."""

    batch_size: int = 16
    n_process: int = 1
    """Local parser processes (``nlp.pipe``), when no ``cluster`` is given."""
    vectors: bool | None = None
    """Store statement vectors (None: ``$FACTBOX_VECTORS``, on)."""
    cluster: str | None = None
    """``tcp://HOST:PORT`` or ``local:N``: parse on a Dask cluster (``factbox.cluster``)."""
    cluster_timeout: float | None = None
    part_chars: int = PART_CHARS
    """Longer articles are parsed in parts at paragraph breaks (``ingest.parts``)."""


@dataclass(slots=True)
class IngestSummary:
    """What an ingest run did, item by item."""

    ingested: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    """Syndicated copies of another article: stored, their statements are the other's."""
    notes: list[IngestNote] = field(default_factory=list)
    """What the user should know though nothing failed: links skipped, bytes replaced, a
    text already stored under another name."""
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

    def unchanged(self, name: str, note: str | None = None) -> None:
        if note is not None:
            self.summary.notes.append(IngestNote(name, note))
        self.summary.unchanged.append(name)
        self.report(name, "unchanged")

    def stored(
        self, article: Article, outcome: SaveOutcome, statements: int, ledger: Ledger | None = None
    ) -> None:
        """Count one stored article; ``ledger`` names the other article of a ``duplicate``."""
        if outcome == "duplicate":
            copy = ledger.same_text(article.content_hash) if ledger is not None else None
            self.unchanged(article.source_name, same_text_note(copy) if copy else None)
            return
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


def same_text_note(copy: ArticleRef) -> str:
    return f"same text as article {copy.id} ({copy.source_name}); not stored again"


def _already_stored(
    article: Article, ledger: Ledger, queued: dict[str, str], run: IngestRun
) -> bool:
    """Whether ``article``'s text was read earlier in this run or is stored, under its own
    key or another (the same file under another path); counted as unchanged if so."""
    first = queued.get(article.content_hash)
    if first is not None:
        run.unchanged(article.source_name, f"same text as {first}; read once")
        return True
    current = ledger.current_hash(article.key)
    if current == article.content_hash:
        run.unchanged(article.source_name)
        return True
    copy = ledger.same_text(article.content_hash) if current is None else None
    if copy is not None:
        run.unchanged(article.source_name, same_text_note(copy))
        return True
    return False


def pending_articles(
    items: Iterable[SourceItem | IngestFailure | IngestNote], ledger: Ledger, run: IngestRun
) -> Iterator[PendingArticle]:
    """Triage (see the module's docstring): failures, notes, unchanged articles (the same
    text under any key) and copies are dealt with here; what needs parsing is yielded."""
    from factbox.ingest.articles import prepare_article  # HTML cleaning: only ingest needs it

    queued: dict[str, str] = {}  # content hash -> the name it was first read under
    finder = CopyFinder(ledger)
    for item in items:
        if isinstance(item, IngestFailure):
            run.fail(item)
            continue
        if isinstance(item, IngestNote):
            run.summary.notes.append(item)
            continue
        try:
            article = prepare_article(item)
        except InputError as exc:
            run.fail(IngestFailure(exc.name, exc.reason))
            continue
        if _already_stored(article, ledger, queued, run):
            continue
        queued[article.content_hash] = article.source_name
        fingerprint = finder.fingerprint(article)
        copy = finder.find(article, fingerprint)
        if copy is not None:
            try:
                outcome = ledger.save_article(article, [], [], copy_of=copy)
            except Exception as exc:  # a ledger that refuses one article must not sink the rest
                run.fail(IngestFailure(article.source_name, f"not stored: {exc!r}"))
                continue
            if outcome == "unchanged":  # another ingest stored it since (a concurrent run)
                run.unchanged(article.source_name)
                continue
            run.summary.copies.append(article.source_name)
            run.report(article.source_name, f"copy of {copy.key}")
            continue
        finder.add(article, fingerprint)
        yield PendingArticle(article, fingerprint.bands)


def judge(
    doc: Doc,
    statement: Statement,
    matcher: ProposalMatcher,
    similar: dict[str, Similarity] | None = None,
    threshold: float = SIMILARITY_THRESHOLD,
) -> list[MatchedJudgement]:
    """Every proposal ``statement`` is about, with its stance on it; ``doc`` is the parse of
    the text the statement's spans point into.

    The same as ``stance.judge_statement``, keeping the match (the words that tied the
    statement to the proposal) for the ledger. ``similar``: when the statement has a vector,
    the proposals it is near (``WORD_MATCH_FLOOR``); a match by words needs to be among
    them, and those at ``threshold`` or above that its words did not match are checked on
    the parse (``ProposalMatcher.match_similar``). None: words alone.
    """
    span = statement_span(doc, statement)
    if span is None or not len(span):
        return []
    matches = matcher.match_in_context(span)
    if similar is not None:
        # a statement that refers back ("such a step") was embedded with one sentence
        # before it; its antecedent may be further back, where the vector cannot see
        matches = [m for m in matches if m.slug in similar or m.slot("antecedent")]
    by_words = {m.slug for m in matches}
    for slug, similarity in (similar or {}).items():
        if slug not in by_words and similarity.score >= threshold:
            found = matcher.match_similar(span, slug, similarity)
            if found is not None:
                matches.append(found)
    return [
        MatchedJudgement(
            match, classify(span, match, statement, slots=slots_of(matcher, match.slug))
        )
        for match in matches
        if not not_about_it(span, match, statement, matcher)
    ]


VECTORS_ENV = "FACTBOX_VECTORS"
"""Set to ``off`` (or 0, no, false) to ingest without statement vectors; on by default."""


def vectors_enabled(setting: bool | None = None) -> bool:
    """``setting`` if given, else ``$FACTBOX_VECTORS`` (on unless off, 0, no or false)."""
    if setting is not None:
        return setting
    return os.environ.get(VECTORS_ENV, "on").strip().lower() not in {"off", "0", "no", "false"}


def vector_model(encoder: SentenceEncoder) -> str:
    """The name a vector is stored under: the encoder and its model file's hash, so vectors
    of a rebuilt model are never compared with another's."""
    return f"{encoder.name}@{encoder.manifest.sha256.get('model.onnx', '')[:12]}"


@dataclass(slots=True)
class StatementEmbedding:
    """What a run needs to give each statement its vector: the encoder, how many sentences
    before a statement it is embedded with (``context_sentences``: one that refers back, or a
    pronoun that may stand for a thing named just before), and the stored
    proposals' vectors, to find the proposals each statement is near."""

    encoder: SentenceEncoder
    context: Callable[[str], int]
    near: ProposalVectors | None

    @classmethod
    def load(
        cls,
        matcher: ProposalMatcher | None,
        proposals: Sequence[Proposal],
        setting: bool | None = None,
    ) -> StatementEmbedding | None:
        """None when vectors are switched off (``vectors_enabled``)."""
        if not vectors_enabled(setting):
            return None
        encoder = load_encoder()
        concepts = matcher.table if matcher is not None else load_concepts()
        near = ProposalVectors(encoder, list(proposals)) if proposals else None
        return cls(encoder, lambda text: context_sentences(text, concepts), near)

    def encode(self, body: str, statements: Sequence[Statement]) -> EncodedStatements:
        texts = [statement_text(body, s, self.context) for s in statements]
        vectors = self.encoder.encode(texts, padding_slack=PADDING_SLACK)
        return EncodedStatements(vector_model(self.encoder), vectors)


@dataclass(slots=True)
class Extracted:
    """What parsing one article gave: its statements, the people named, each statement's
    judgements on the stored proposals (``None`` when there are none), their vectors, and
    the parse itself to keep (``factbox.extract.parses``)."""

    pending: PendingArticle
    statements: list[Statement]
    people: list[Person]
    judged: list[list[MatchedJudgement]] | None
    vectors: EncodedStatements | None = None
    parses: list[StoredParse] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Judged:
    """What follows extraction: each statement's vector and its judgements on the stored
    proposals (None where the run has no encoder, or no proposals), or why it failed."""

    judged: list[list[MatchedJudgement]] | None
    vectors: EncodedStatements | None
    failure: str | None = None


@dataclass(slots=True)
class Judging:
    """The step after extraction, run by the pipeline's extraction component where it
    extracts (``ExtractComponent.knowing(..., then=...)``), or here, for the statements whose
    speakers or dates were resolved again at their turn."""

    matcher: ProposalMatcher | None
    embedding: StatementEmbedding | None = None

    def __call__(self, doc: Doc, extraction: Extraction) -> Judged:
        """Vectors and judgements of ``extraction``'s statements."""
        return self.judged(doc, extraction.statements)

    def judged(
        self,
        doc: Doc,
        statements: Sequence[Statement],
        encoded: EncodedStatements | None = None,
        kept: Sequence[list[MatchedJudgement] | None] | None = None,
    ) -> Judged:
        """Vectors (``encoded`` when given: made for the same statement texts) and
        judgements of ``statements`` (a statement's entry in ``kept``, when not None, is its
        judgements already made)."""
        similar: list[dict[str, Similarity] | None] = [None for _ in statements]
        if self.embedding is not None:
            if encoded is None:
                encoded = self.embedding.encode(doc_text(doc), statements)
            if self.embedding.near is not None:
                similar = list(self.embedding.near.similar(encoded.matrix))
        judged: list[list[MatchedJudgement]] | None = None
        if self.matcher is not None:
            made = kept if kept is not None else [None for _ in statements]
            try:
                judged = [
                    done if done is not None else judge(doc, s, self.matcher, near_to)
                    for s, near_to, done in zip(statements, similar, made, strict=True)
                ]
            except Exception as exc:  # one statement's stance must not sink the batch
                return Judged(None, None, f"stance failed: {exc!r}")
        return Judged(judged, encoded)

    def in_turn(
        self, doc: Doc, extraction: Extraction, first: object, followed: object
    ) -> Judged:
        """What follows ``extraction``, the one taken at its turn, given the extraction
        ``first`` made where the Doc was parsed and what followed it there (``followed``).
        Resolving speakers again leaves the spans as they were, and with them the vectors
        (of the contents and the text before them); a statement whose speakers and date
        are the same keeps its judgements; the others are judged here."""
        if not isinstance(followed, Judged) or not isinstance(first, Extraction):
            return self(doc, extraction)
        statements = extraction.statements
        if first.statements == statements:
            return followed
        if followed.failure is not None or not same_texts(first.statements, statements):
            return self(doc, extraction)
        before = followed.judged
        kept = (
            None
            if before is None
            else [
                judged if was == now else None
                for was, now, judged in zip(first.statements, statements, before, strict=True)
            ]
        )
        return self.judged(doc, statements, followed.vectors, kept)


def extract(
    doc: Doc,
    pending: PendingArticle,
    known: PeopleDirectory,
    extracting: ExtractComponent,
    judging: Judging,
    parse_model: str | None = None,
) -> Extracted | IngestFailure:
    """Take one parsed article's extraction at its turn (``known``: the people of the
    ledger and of every article before it) with its vectors and judgements (made where it
    was extracted, and here for statements whose speakers were resolved again); a failure
    names the article and the step. ``parse_model``: keep the parse, under that pipeline's
    name."""
    article = pending.article
    first = doc._.get(EXTRACTION)
    followed = doc._.get(FOLLOW_UP)
    extraction = extracting.in_turn(doc, known)
    if extraction is None or extraction.error is not None:
        problem = "not extracted" if extraction is None else extraction.error
        return IngestFailure(article.source_name, f"extraction failed: {problem}")
    done = judging.in_turn(doc, extraction, first, followed)
    if done is not followed:
        doc._.set(FOLLOW_UP, done)  # what follows the extraction now on the Doc
    if done.failure is not None:
        return IngestFailure(article.source_name, done.failure)
    for person in extraction.people:
        known.add(person)
    parses = [keep_parse(doc, parse_model)] if parse_model is not None else []
    return Extracted(
        pending, extraction.statements, extraction.people, done.judged, done.vectors, parses
    )


def same_texts(before: Sequence[Statement], after: Sequence[Statement]) -> bool:
    """Whether two extractions of one article found statements of the same contents at the
    same places (what a statement's vector is computed from)."""
    return [(s.content, s.span) for s in before] == [(s.content, s.span) for s in after]


def store(ledger: Ledger, found: Extracted) -> SaveOutcome:
    """Write one extracted article in one transaction (unchanged if already stored)."""
    return ledger.save_article(
        found.pending.article,
        found.statements,
        found.people,
        found.judged,
        found.vectors,
        parses=found.parses,
        bands=found.pending.bands,
        follow=follow_statements,
    )
