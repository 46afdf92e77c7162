"""Running the stages over the ledger: ingest (read, extract, judge, store) and judging the
stored statements against new or changed proposals.

The service (``factbox.service``) calls these with the ledger it holds; they are the only
code above the store that writes articles, statements and judgements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from factbox import rules
from factbox.corrections import is_rejected
from factbox.embed.encoder import SentenceEncoder, load_encoder
from factbox.extract.compare import StatementChange, pair_statements
from factbox.extract.component import ExtractComponent, article_doc, extractor
from factbox.extract.nlp import load_nlp
from factbox.extract.parses import parse_model, restore_parse
from factbox.extract.tagger import COMPONENT as ATTRIBUTION_TAGGER
from factbox.ingest import DEFAULT_MAX_BYTES
from factbox.ingest.parts import parse_parts
from factbox.ingesting import (
    Extracted,
    IngestRun,
    IngestSummary,
    Judged,
    Judging,
    ParseOptions,
    PendingArticle,
    ProgressCallback,
    StatementEmbedding,
    extract,
    judge,
    pending_articles,
    store,
    vector_model,
)
from factbox.records import (
    ArticleRef,
    Correction,
    IngestFailure,
    IngestNote,
    SourceItem,
    Span,
    Statement,
    StoredStatement,
)
from factbox.stance import (
    Cue,
    Proposal,
    ProposalMatch,
    ProposalMatcher,
    StanceJudgement,
)
from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import context_sentences
from factbox.stance.proposals import proposal_from_table
from factbox.stance.records import MatchedJudgement
from factbox.stance.semantic import (
    SIMILARITY_THRESHOLD,
    WORD_MATCH_FLOOR,
    ProposalVectors,
    Similarity,
    rough_sentence_starts,
    rough_sentences,
    statement_text,
)
from factbox.store import Ledger
from factbox.store.judgements import ProposalOutcome
from factbox.store.ledger import PeopleDirectory, StatementOutline
from factbox.store.vectors import EncodedStatements, StoredVectors
from factbox.worker_order import balanced_order, in_input_order
from factbox.workers import die_with_parent

WORKER_CHUNK = 1
"""Articles a parser process takes at a time with ``--jobs N`` (N > 1): each round of N
batches costs as much as its slowest batch (``factbox.worker_order``), so batches are small
and of about the same length."""

DEFAULT_OPTIONS = ParseOptions()


def ingest(
    paths: Sequence[str | Path],
    ledger: Ledger,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: str | None = None,
    options: ParseOptions = DEFAULT_OPTIONS,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Read, extract and store every article under ``paths``; one transaction per article.

    Bad items are reported in the summary and skipped; articles whose content is already
    in the ledger are not parsed again, and syndicated copies of a stored story are stored
    without statements of their own. Each statement's sentence vector is stored with it
    unless ``options.vectors`` is False (default: ``$FACTBOX_VECTORS``, on).
    ``options.cluster`` (``tcp://HOST:PORT`` or ``local:N``) parses on a Dask cluster
    instead of ``options.n_process`` local processes (``factbox.cluster``), within
    ``options.cluster_timeout`` seconds if given; its statements get their vectors when a
    proposal is first added. An article longer than ``options.part_chars`` (or the parser's
    ``max_length``) is parsed in parts at paragraph breaks (``ingest.parts``) and stored as
    one article (on one machine; a cluster parses it whole).
    """
    from factbox.ingest.readers import read_inputs  # only ingest reads inputs

    items = read_inputs([str(p) for p in paths], max_bytes=max_bytes)
    return ingest_items(items, ledger, model=model, options=options, progress=progress)


def ingest_items(
    items: Iterable[SourceItem | IngestFailure | IngestNote],
    ledger: Ledger,
    *,
    model: str | None = None,
    options: ParseOptions = DEFAULT_OPTIONS,
    progress: ProgressCallback | None = None,
) -> IngestSummary:
    """:func:`ingest` of items already read (a feed's, for ``factbox watch``)."""
    run = IngestRun(progress)
    pending = pending_articles(items, ledger, run)
    if options.cluster is not None:
        from factbox.cluster import ingest_on_cluster  # dask is an optional extra

        ingest_on_cluster(
            pending,
            ledger,
            run,
            options.cluster,
            model=model,
            batch_size=options.batch_size,
            timeout=options.cluster_timeout,
        )
        return run.summary
    known = ledger.people_directory()
    parsing = _Parsing.load(ledger, model, options)
    for found in parsing.extractions(pending, known, run.summary.notes):
        if isinstance(found, IngestFailure):
            run.fail(found)
            continue
        waiting = found.pending
        try:
            outcome = store(ledger, found)
        except Exception as exc:  # a ledger that refuses one article must not sink the rest
            run.fail(IngestFailure(waiting.article.source_name, f"not stored: {exc!r}"))
            continue
        run.stored(waiting.article, outcome, len(found.statements), ledger)
    return run.summary


@dataclass(slots=True)
class _Parsing:
    """What parsing, extracting and judging need for one run over the ledger's proposals:
    the pipeline, the matcher and the encoder are loaded once, for ingest and reextract
    alike, so both extract, judge and embed a text the same way."""

    nlp: Language
    options: ParseOptions
    extracting: ExtractComponent
    judging: Judging
    model_name: str

    @classmethod
    def load(cls, ledger: Ledger, model: str | None, options: ParseOptions) -> _Parsing:
        nlp = load_nlp(model)
        if options.n_process > 1:
            die_with_parent()
        stored_proposals = ledger.proposals()
        # Built once per run: it parses every proposal's title and description.
        matcher = ProposalMatcher(nlp, stored_proposals) if stored_proposals else None
        embedding = StatementEmbedding.load(matcher, stored_proposals, options.vectors)
        return cls(nlp, options, extractor(nlp), Judging(matcher, embedding), parse_model(nlp))

    def extractions(
        self, pending: Iterable[PendingArticle], known: PeopleDirectory, notes: list[IngestNote]
    ) -> Iterator[Extracted | IngestFailure]:
        """One extraction (or failure) per pending article, in input order; an article
        longer than ``options.part_chars`` is parsed in parts and joined (``notes`` says
        so). ``known`` holds the people of the ledger, and gains those of every article
        as its turn comes."""
        options = self.options
        parts = _parts(pending, min(options.part_chars, self.nlp.max_length), notes)
        chunk = options.batch_size
        if options.n_process == 1:
            numbered: Iterable[tuple[int, _Part]] = enumerate(parts)
        else:
            chunk = max(1, min(options.batch_size, WORKER_CHUNK))
            numbered = balanced_order(parts, _length, options.n_process, chunk)
        docs = ((article_doc(self.nlp, part.pending.article), (n, part)) for n, part in numbered)
        parsed: list[Extracted | IngestFailure] = []
        with self.extracting.knowing(PeopleDirectory(known.persons()), then=self.judging):
            parsed_docs = self.nlp.pipe(
                docs, as_tuples=True, batch_size=chunk, n_process=options.n_process
            )
            for doc, part in in_input_order((n, (doc, part)) for doc, (n, part) in parsed_docs):
                extracting, judging = self.extracting, self.judging
                parsed.append(
                    extract(doc, part.pending, known, extracting, judging, self.model_name)
                )
                if part.last:
                    yield _joined(part.whole, part.offsets, parsed)
                    parsed = []


@dataclass(frozen=True, slots=True)
class _Part:
    """One part of a pending article as it goes through the parser (``ingest.parts``):
    ``pending`` holds the part's text as its body; ``whole`` is the article."""

    whole: PendingArticle
    pending: PendingArticle
    offsets: tuple[int, ...]
    """The offset in the whole body of every part of the article."""
    last: bool


def _length(part: _Part) -> int:
    """What a part costs to parse and extract, about: its length."""
    return len(part.pending.article.body)


def _parts(
    pending: Iterable[PendingArticle], limit: int, notes: list[IngestNote]
) -> Iterator[_Part]:
    """Each pending article as the parts to parse (one, unless it is longer than ``limit``),
    each holding its text as its article's body."""
    for waiting in pending:
        article = waiting.article
        parts = parse_parts(article.body, limit)
        if len(parts) > 1:
            notes.append(
                IngestNote(
                    article.source_name,
                    f"{len(article.body):,} characters: parsed in {len(parts)} parts "
                    "at paragraph breaks, stored as one article",
                )
            )
        offsets = tuple(offset for offset, _ in parts)
        for number, (_, text) in enumerate(parts):
            part = (
                waiting
                if len(parts) == 1
                else replace(waiting, article=replace(article, body=text))
            )
            yield _Part(waiting, part, offsets, number == len(parts) - 1)


def _joined(
    whole: PendingArticle, offsets: Sequence[int], parsed: Sequence[Extracted | IngestFailure]
) -> Extracted | IngestFailure:
    """One article's extraction from those of its parts, every span moved into its body."""
    if len(parsed) == 1:
        return parsed[0]
    done: list[Extracted] = []
    for found in parsed:
        if isinstance(found, IngestFailure):
            return IngestFailure(whole.article.source_name, found.reason)
        done.append(found)
    statements = [
        _statement_moved(s, offset)
        for offset, found in zip(offsets, done, strict=True)
        for s in found.statements
    ]
    people = [person for found in done for person in found.people]
    judged: list[list[MatchedJudgement]] | None = None
    if all(found.judged is not None for found in done):  # judged by every part, or none
        judged = [
            [_judgement_moved(j, offset) for j in found_judged]
            for offset, found in zip(offsets, done, strict=True)
            for found_judged in found.judged or []
        ]
    vectors: EncodedStatements | None = None
    encoded = [found.vectors for found in done if found.vectors is not None]
    if encoded and len(encoded) == len(done):
        vectors = EncodedStatements(encoded[0].model, np.concatenate([e.matrix for e in encoded]))
    parses = [
        replace(kept, start=kept.start + offset, end=kept.end + offset)
        for offset, found in zip(offsets, done, strict=True)
        for kept in found.parses
    ]
    return Extracted(whole, statements, people, judged, vectors, parses)


@dataclass(slots=True)
class ArticleReextraction:
    """What re-extracting one stored article changed."""

    article: ArticleRef
    outcome: Literal["revised", "unchanged"]
    """``revised``: its statements changed, so a new revision (same text) holds them."""
    changes: list[StatementChange] = field(default_factory=list)
    carried: int = 0
    """Statements whose editors' corrections moved to a statement of the new extraction."""
    kept: list[Statement] = field(default_factory=list)
    """Statements an editor corrected that the new extraction no longer finds: kept as they
    were, with their corrections, so no editor's work is lost."""


@dataclass(slots=True)
class ReextractSummary:
    """What ``reextract`` did, article by article."""

    articles: list[ArticleReextraction] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    notes: list[IngestNote] = field(default_factory=list)
    """Articles parsed in parts, as ``ingest`` notes them."""

    def count(self, change: str) -> int:
        """How many statements were ``added``, ``removed`` or ``changed`` in all."""
        return sum(1 for a in self.articles for c in a.changes if c.change == change)

    @property
    def revised(self) -> list[ArticleReextraction]:
        return [a for a in self.articles if a.outcome == "revised"]

    @property
    def ok(self) -> bool:
        return not self.failed


def reextract(
    ledger: Ledger,
    *,
    model: str | None = None,
    options: ParseOptions = DEFAULT_OPTIONS,
    progress: ProgressCallback | None = None,
) -> ReextractSummary:
    """Run extraction and judging again on every current article of the ledger.

    Articles are parsed, extracted, judged and embedded as ``ingest`` does them (the same
    parts of a long article, the same worker order with ``options.n_process`` > 1, the
    same matching by words and by meaning), so a ledger re-extracted by a release holds
    what ingesting its articles with that release would.

    An article whose statements come out the same keeps its revision, with its judgements
    replaced by the new ones. Otherwise the new statements become the next revision of the
    article (the same text), with their vectors, and every editor's correction goes with the
    statement that is the same one in the new extraction (``factbox.extract.compare``),
    marked ``carried_from`` as when an article is revised; a corrected statement the
    extraction no longer finds is kept as it was, with its corrections (unless an editor
    said it is no statement), and judged again. Either way the article's parse is stored
    anew (``factbox.extract.parses``): this is how the articles of a ledger from before
    parses were kept get theirs. Nothing is written for an article whose extraction fails.
    """
    summary = ReextractSummary()
    known = ledger.people_directory()
    fixes_of: dict[int, list[Correction]] = {}
    for fix in ledger.corrections():
        fixes_of.setdefault(fix.statement_id, []).append(fix)
    copies = ledger.copy_keys()  # syndicated copies have no statements of their own
    rows = [row for row in ledger.articles() if row.ref.key not in copies]
    parsing = _Parsing.load(ledger, model, options)
    pending = (PendingArticle(ledger.stored_article(row.ref.id), []) for row in rows)
    for row, found in zip(rows, parsing.extractions(pending, known, summary.notes), strict=True):
        ref = row.ref
        if not isinstance(found, IngestFailure):
            try:
                report = _store_reextraction(ledger, ref, found, fixes_of, parsing)
            except Exception as exc:  # one article's failure must not sink the run
                found = IngestFailure(found.pending.article.source_name, repr(exc))
        if isinstance(found, IngestFailure):
            summary.failed.append(IngestFailure(found.name, f"reextract failed: {found.reason}"))
            if progress is not None:
                progress(found.name, "failed")
            continue
        summary.articles.append(report)
        if progress is not None:
            progress(found.pending.article.source_name, report.outcome)
    return summary


def _store_reextraction(
    ledger: Ledger,
    ref: ArticleRef,
    found: Extracted,
    fixes_of: dict[int, list[Correction]],
    parsing: _Parsing,
) -> ArticleReextraction:
    """Compare one article's new extraction with its stored statements and write it: new
    judgements on the same statements, or a new revision."""
    old = ledger.statements(article_id=ref.id)
    result = _reextracted(ref, old, found.statements, fixes_of)
    kept = _judged_kept(found, result.kept, parsing)
    statements = [*found.statements, *result.kept]
    order = sorted(
        range(len(statements)),
        key=lambda i: (statements[i].span, statements[i].cue_span or (0, 0)),
    )
    rank = {place: position for position, place in enumerate(order)}
    judged = None
    if found.judged is not None and kept.judged is not None:
        every = [*found.judged, *kept.judged]
        judged = [every[i] for i in order]
    statements = [statements[i] for i in order]
    if result.outcome == "unchanged":  # every old statement has its place
        if judged is not None:
            ledger.replace_judgements(
                [s.id for s in old],
                [(s.id, j) for i, s in enumerate(old) for j in judged[rank[result.places[i]]]],
            )
        ledger.save_parses(ref.id, found.parses)
        return result.report
    vectors = None
    if found.vectors is not None and kept.vectors is not None:
        matrix = np.concatenate([found.vectors.matrix, kept.vectors.matrix])
        vectors = EncodedStatements(found.vectors.model, matrix[order])
    ledger.save_reextraction(
        ref.id,
        statements,
        found.people,
        judged,
        {old_id: rank[place] for old_id, place in result.follows.items()},
        parses=found.parses,
        vectors=vectors,
    )
    return result.report


def _judged_kept(found: Extracted, kept: Sequence[Statement], parsing: _Parsing) -> Judged:
    """Vectors and judgements of the corrected statements the new extraction no longer
    finds, each judged on the new parse of the part of the article that holds it (none
    where no one part holds it whole)."""
    embedding = parsing.judging.embedding
    body = found.pending.article.body
    encoded = embedding.encode(body, kept) if embedding is not None and kept else None
    if parsing.judging.matcher is None:
        return Judged(None, encoded)
    judged: list[list[MatchedJudgement]] = []
    docs: dict[int, Doc] = {}  # each part's parse restored once
    for index, statement in enumerate(kept):
        first, last = statement.span
        holding = [p for p in found.parses if p.start <= first and last <= p.end]
        if not holding:
            judged.append([])
            continue
        part = holding[0]
        if part.start not in docs:
            docs[part.start] = restore_parse(part, parsing.nlp.vocab)
        doc = docs[part.start]
        row = None
        if encoded is not None:
            row = EncodedStatements(encoded.model, encoded.matrix[index : index + 1])
        done = parsing.judging.judged(doc, [_statement_moved(statement, -part.start)], row)
        judged.extend(
            [_judgement_moved(j, part.start) for j in made] for made in done.judged or [[]]
        )
    return Judged(judged, encoded)


@dataclass(slots=True)
class _Reextracted:
    report: ArticleReextraction
    kept: list[Statement]
    places: dict[int, int]
    """Old statement's index -> its index in the new statements followed by the kept ones
    (every old statement that is the same as a new one, or kept)."""
    follows: dict[int, int]
    """Old statement id -> its place, for the statements editors corrected."""

    @property
    def outcome(self) -> str:
        return self.report.outcome


def _reextracted(
    ref: ArticleRef,
    old: Sequence[StoredStatement],
    new: Sequence[Statement],
    fixes_of: dict[int, list[Correction]],
) -> _Reextracted:
    """Compare one article's stored and new statements; decide where corrections go."""
    pairing = pair_statements([s.statement for s in old], new)
    places = dict(pairing.pairs)
    kept: list[Statement] = []
    for index, stored in enumerate(old):
        fixes = fixes_of.get(stored.id)
        if index not in places and fixes and not is_rejected(fixes):
            places[index] = len(new) + len(kept)
            kept.append(stored.statement)
    follows = {old[i].id: place for i, place in places.items() if fixes_of.get(old[i].id)}
    kept_ids = {id(s) for s in kept}
    changes = [
        c
        for c in pairing.changes
        if not (c.change == "removed" and c.before is not None and id(c.before) in kept_ids)
    ]
    outcome: Literal["revised", "unchanged"] = "revised" if changes else "unchanged"
    carried = sum(1 for old_id, index in follows.items() if index < len(new))
    report = ArticleReextraction(ref, outcome, changes, carried, kept)
    return _Reextracted(report, kept, places, follows)


# -- stance: judging statements ---------------------------------------------------------


def _moved(span: Span | None, delta: int) -> Span | None:
    return None if span is None else (span[0] + delta, span[1] + delta)


def _move(span: Span, delta: int) -> Span:
    return (span[0] + delta, span[1] + delta)


def _statement_moved(statement: Statement, delta: int) -> Statement:
    return replace(
        statement,
        cue_span=_moved(statement.cue_span, delta),
        content_span=_move(statement.content_span, delta),
        source_span=_moved(statement.source_span, delta),
        span=_move(statement.span, delta),
        content_pieces=tuple(_move(piece, delta) for piece in statement.content_pieces),
        speakers=[replace(sp, span=_moved(sp.span, delta)) for sp in statement.speakers],
    )


def _judgement_moved(found: MatchedJudgement, delta: int) -> MatchedJudgement:
    match: ProposalMatch = replace(
        found.match,
        evidence=tuple(replace(e, span=_move(e.span, delta)) for e in found.match.evidence),
    )
    judgement: StanceJudgement = replace(
        found.judgement,
        cues=tuple(Cue(c.text, _move(c.span, delta), c.role) for c in found.judgement.cues),
        others_span=_moved(found.judgement.others_span, delta),
    )
    return MatchedJudgement(match, judgement)


@dataclass(slots=True)
class _Window:
    """A stretch of an article body (whole paragraphs) around some of its statements."""

    start: int
    end: int
    statements: list[StoredStatement]


CONTEXT_PARAGRAPHS = 3
"""Paragraphs before a statement's own that its window takes in, where the proposal a
statement refers back to ("such a step") is looked for."""


def paragraph_windows(
    body: str,
    found: Sequence[StoredStatement],
    needs_context: Callable[[str], bool] = lambda content: False,
    needs_lead: Callable[[str], bool] = lambda content: False,
) -> list[_Window]:
    """The paragraphs each statement touches, and the ``CONTEXT_PARAGRAPHS`` before them for
    a statement whose content ``needs_context`` (all the article before it for one that
    ``needs_lead``: a reaction to a blocker, whose blocking may be told in the lead),
    merged where they overlap.

    Parsing these instead of the whole article gives the classifier every word it reads
    (it walks up to the sentence root, cue included) at a fraction of the cost.
    """
    reaches: list[tuple[int, int, StoredStatement]] = []
    for stored in found:
        first, last = stored.statement.span
        start = body.rfind("\n", 0, first) + 1
        if needs_lead(stored.statement.content):
            start = 0
        elif needs_context(stored.statement.content):
            start = _paragraphs_back(body, start, CONTEXT_PARAGRAPHS)
        end = body.find("\n", last)
        reaches.append((start, len(body) if end < 0 else end, stored))
    windows: list[_Window] = []
    for start, end, stored in sorted(reaches, key=lambda r: (r[0], r[2].statement.span)):
        if windows and start <= windows[-1].end:
            windows[-1].end = max(windows[-1].end, end)
            windows[-1].statements.append(stored)
        else:
            windows.append(_Window(start, end, [stored]))
    return windows


def _paragraphs_back(body: str, start: int, count: int) -> int:
    """Where the paragraph ``count`` non-empty lines before the one at ``start`` begins."""
    for _ in range(count):
        end = start - 1
        while end > 0 and body[end - 1] == "\n":
            end -= 1
        if end <= 0:
            return 0
        start = body.rfind("\n", 0, end) + 1
    return start


JudgeProgress = Callable[[int, int], None]
"""Called with (articles done, articles in all) while statements are judged."""


def statement_vectors(
    ledger: Ledger, encoder: SentenceEncoder, context: Callable[[str], int]
) -> StoredVectors:
    """Every current statement's vector. Statements without one (a ledger made before
    vectors, or ingested with them off) are embedded now and stored, once."""
    model = vector_model(encoder)
    missing = ledger.statements_without_vectors(model, encoder.dimension)
    chunk = 2000  # a few seconds of encoding per transaction
    for start in range(0, len(missing), chunk):
        found = ledger.current_statements(missing[start : start + chunk])
        bodies = ledger.article_bodies(s.article.id for s in found)
        texts = [statement_text(bodies[s.article.id], s.statement, context) for s in found]
        ledger.save_vectors([s.id for s in found], encoder.encode(texts), model)
    return ledger.vectors(model, encoder.dimension)


APPOSITION_CHARS = 200
"""How far after a statement's content an apposition naming a proposal is looked for."""


def candidate_statements(
    ledger: Ledger, matcher: ProposalMatcher, close: set[int], near: set[int] | None = None
) -> set[int]:
    """The current statements worth parsing for the matcher's proposals: those whose vector
    is close to one (``close``); and among those ``near`` one (all, if None), those whose
    words could match one (``ProposalMatcher.may_mention``) and those that may refer back
    ("such a step") to a sentence with such words in the paragraphs before them. The rest
    cannot match, and are not parsed. A statement that may name a proposal's own thing
    again ("the deal": ``ProposalMatcher.may_name_again``) is chosen when a sentence of its
    article before it may mention that proposal (near or not, in an article with a statement
    that is near), and so is one that may refer back or stand for a thing named before it
    ("we didn't discuss that"), whose own vector says nothing; one that ends with a noun of a
    proposal's kind, when the article's words after it, set off by a comma, may name that
    proposal ("a trade pact, the Pacific Trade Partnership": ``ProposalMatcher.may_be_apposed``)."""
    chosen = set(close)
    referring = []
    apposed: list[StatementOutline] = []
    again: list[tuple[StatementOutline, set[str]]] = []
    outlines = ledger.statement_outlines(near)
    if near is not None:
        # the proposal's own thing named again ("pushed for [the accord] to assuage voters")
        # says too little for its vector to be near: the words before it decide, as they do
        # for its match (``judge``); they are in an article with a statement that is near
        for outline in ledger.article_outlines({o.article_id for o in outlines}):
            slugs = matcher.may_name_again(outline.content) if outline.id not in near else None
            if slugs:
                again.append((outline, slugs))
            elif outline.id not in near and (
                matcher.may_refer_back(outline.content) or matcher.may_stand_for(outline.content)
            ):
                # so does a pronoun or a referring phrase ("we didn't discuss that", "so
                # they can be planted among us"): its match needs its antecedent before it
                referring.append(outline)
    for outline in outlines:
        if matcher.may_mention(outline.content):
            chosen.add(outline.id)
            continue
        if matcher.may_refer_back(outline.content) or matcher.may_stand_for(outline.content):
            referring.append(outline)
        slugs = matcher.may_name_again(outline.content)
        if slugs:
            again.append((outline, slugs))
        elif matcher.may_be_apposed(outline.content):
            apposed.append(outline)
    needed = {o.article_id for o in [*referring, *apposed]} | {o.article_id for o, _ in again}
    bodies = ledger.article_bodies(needed)
    for outline in apposed:
        # "a trade pact, the Pacific Trade Partnership": the name after the content
        body = bodies[outline.article_id]
        where = body.find(outline.content, outline.start)
        end = where + len(outline.content)
        after = body[end : end + APPOSITION_CHARS].lstrip(" ") if where >= 0 else ""
        if matcher.may_be_apposed(outline.content, after):
            chosen.add(outline.id)
    for outline in referring:
        body = bodies[outline.article_id]
        line = body.rfind("\n", 0, outline.start) + 1
        # a reaction to a blocker may look back to the article's lead for the blocking
        back = 0 if matcher.may_react(outline.content) else CONTEXT_PARAGRAPHS
        before = body[_paragraphs_back(body, line, back) if back else 0 : outline.start]
        if any(matcher.may_mention(sentence) for sentence in rough_sentences(before)):
            chosen.add(outline.id)
    first: dict[int, dict[str, int]] = {}
    for outline, slugs in again:
        if outline.article_id not in first:
            first[outline.article_id] = first_mentions(bodies[outline.article_id], matcher)
        mentioned = first[outline.article_id]
        if any(mentioned.get(slug, outline.start) < outline.start for slug in slugs):
            chosen.add(outline.id)
    return chosen


def first_mentions(body: str, matcher: ProposalMatcher) -> dict[str, int]:
    """Where the first sentence of ``body`` that may mention each proposal starts
    (``ProposalMatcher.may_mention``)."""
    found: dict[str, int] = {}
    starts = rough_sentence_starts(body)
    for start, end in zip(starts, [*starts[1:], len(body)], strict=True):
        for slug in matcher.may_mention(body[start:end]):
            found.setdefault(slug, start)
    return found


@dataclass(frozen=True, slots=True)
class NearStatements:
    """What the vector search found for some proposals: each current statement's
    similarities (those at or above the floor, by slug), the statements close to a proposal
    (at or above the threshold) and those near one (any similarity kept)."""

    similar: dict[int, dict[str, Similarity]]
    close: set[int]
    near: set[int]


def search_ledger(
    ledger: Ledger,
    proposals: Sequence[Proposal],
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    floor: float = WORD_MATCH_FLOOR,
    context: Callable[[str], int] | None = None,
) -> NearStatements:
    """Compare every current statement's vector with the proposals' phrases
    (``factbox.stance.semantic``); a statement without a vector is embedded first, with
    ``context`` sentences before it (default: the shipped concept table's
    ``context_sentences``, as the matcher counts them). Needs no spaCy pipeline, so
    ``add_proposals`` runs it on a thread while the pipeline loads."""
    if context is None:
        table = load_concepts()
        context = lambda text: context_sentences(text, table)  # noqa: E731
    encoder = load_encoder()
    vectors = statement_vectors(ledger, encoder, context)
    rows = ProposalVectors(encoder, proposals).similar(vectors.matrix, floor)
    similar = dict(zip(vectors.ids.tolist(), rows, strict=True))
    close = {i for i, row in similar.items() if any(s.score >= threshold for s in row.values())}
    return NearStatements(similar, close, {i for i, row in similar.items() if row})


def judge_ledger(
    ledger: Ledger,
    proposals: Sequence[Proposal],
    *,
    nlp: Language,
    batch_size: int = 64,
    progress: JudgeProgress | None = None,
    search: bool = True,
    threshold: float = SIMILARITY_THRESHOLD,
    floor: float = WORD_MATCH_FLOOR,
    searched: Callable[[], NearStatements] | None = None,
) -> dict[str, list[tuple[int, MatchedJudgement]]]:
    """Judge every current statement against ``proposals``. Nothing is written but the
    vectors of statements that had none.

    With ``search`` (the default), the statements' vectors are compared with the proposals'
    (``factbox.stance.semantic``) and only the candidates (``candidate_statements``) are
    judged; without it, every statement is. A statement is judged on the parse its article
    was extracted from, as ingest keeps it (``factbox.extract.parses``); an article without
    one (stored before parses were kept, or parsed by another pipeline) has the paragraphs
    around its statements parsed again (in batches through ``nlp.pipe``). ``searched``
    gives the search's result where it was started before (``search_ledger`` with the
    same proposals, threshold and floor)."""
    found: dict[str, list[tuple[int, MatchedJudgement]]] = {p.slug: [] for p in proposals}
    if not proposals:
        return found
    matcher = ProposalMatcher(nlp, proposals)
    similar: dict[int, dict[str, Similarity]] = {}
    if search:
        if searched is None:
            context = matcher.context_sentences
            found_near = search_ledger(
                ledger, proposals, threshold=threshold, floor=floor, context=context
            )
        else:
            found_near = searched()
        similar = found_near.similar
        candidates = candidate_statements(ledger, matcher, found_near.close, found_near.near)
        chosen = ledger.current_statements(candidates)
    else:
        chosen = ledger.statements()
    by_article: dict[int, list[StoredStatement]] = {}
    for stored_statement in chosen:
        by_article.setdefault(stored_statement.article.id, []).append(stored_statement)
    total = len(by_article)
    if progress is not None:
        progress(0, total)
    kept = ledger.article_parses(by_article, parse_model(nlp))
    done = 0

    def judge_in(doc: Doc, start: int, items: Iterable[StoredStatement]) -> None:
        """Judge ``items`` on ``doc``, the parse of the body from ``start``."""
        for stored in items:
            moved = _statement_moved(stored.statement, -start)
            near_to = similar.get(stored.id) if search else None
            for item in judge(doc, moved, matcher, near_to, threshold):
                found[item.match.slug].append((stored.id, _judgement_moved(item, start)))

    def article_done() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    to_parse: dict[int, list[StoredStatement]] = {}
    for article_id, items in by_article.items():
        parts = kept.get(article_id, [])
        placed = [[s for s in items if part.holds(s.statement.span)] for part in parts]
        if sum(map(len, placed)) != len(items):  # no parse kept (an older ledger's article)
            to_parse[article_id] = items
            continue
        for part, inside in zip(parts, placed, strict=True):
            if inside:
                judge_in(restore_parse(part, nlp.vocab), part.start, inside)
        article_done()

    def windows() -> Iterator[tuple[str, tuple[_Window, bool]]]:
        for article_id, items in to_parse.items():
            body = ledger.article_body(article_id)
            parts = paragraph_windows(body, items, matcher.may_point_back, matcher.may_react)
            for number, window in enumerate(parts):
                yield body[window.start : window.end], (window, number == len(parts) - 1)

    # the attribution tagger's scores are for extraction; stance reads the parse alone
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p == ATTRIBUTION_TAGGER]):
        for doc, (window, last) in nlp.pipe(windows(), as_tuples=True, batch_size=batch_size):
            judge_in(doc, window.start, window.statements)
            if last:
                article_done()
    return found


@dataclass(slots=True)
class ProposalSummary:
    """What adding a proposal did: ``added``, ``changed`` (both re-judge every current
    statement against it) or ``unchanged``; ``matched`` counts statements about it."""

    proposal: Proposal
    outcome: ProposalOutcome
    matched: int


def check_bodies(proposal: Proposal) -> None:
    """Raise ``InputError`` for a body the proposal names that factbox does not know."""
    for body in proposal.bodies:
        rules.load_body(body)


def make_proposal(
    slug: str,
    title: str,
    description: str = "",
    terms: Sequence[str] = (),
    bodies: Sequence[str] = (),
) -> Proposal:
    """A proposal, checked as ``proposal load`` checks a file's (``InputError`` if bad)."""
    table: dict[str, object] = {
        "slug": slug,
        "title": title,
        "description": description,
        "terms": list(terms),
        "bodies": list(bodies),
    }
    return proposal_from_table(table, slug)


def add_proposals(
    items: Sequence[Proposal],
    ledger: Ledger,
    *,
    model: str | None = None,
    progress: JudgeProgress | None = None,
) -> list[ProposalSummary]:
    """Store proposals; every new or changed one is judged against all current statements
    (one pass over the ledger for all of them) and stored with its judgements at once."""
    for proposal in items:
        check_bodies(proposal)
    stored = {p.slug: p for p in ledger.proposals()}
    changed = [p for p in items if stored.get(p.slug) != p]
    found: dict[str, list[tuple[int, MatchedJudgement]]] = {}
    if changed:
        # The vector search needs no parse: it runs on a thread while the pipeline loads
        # (loading the encoder and reading SQLite leave the interpreter to the other thread
        # some of the time; a forked process instead cost more CPU than it saved on this
        # project's shared machine: docs/stance.md). Judging reads only the parse of stored
        # statements: the attribution tagger is not loaded.
        with ThreadPoolExecutor(max_workers=1) as pool:
            searching = pool.submit(search_ledger, ledger, changed)
            nlp = load_nlp(model, attribution=False)
            found = judge_ledger(
                ledger, changed, nlp=nlp, progress=progress, searched=searching.result
            )
    summaries = []
    for proposal in items:
        rows = found.get(proposal.slug, [])
        outcome = ledger.save_proposal(proposal, rows) if proposal in changed else "unchanged"
        matched = len(rows) if outcome != "unchanged" else ledger.judgement_count(proposal.slug)
        summaries.append(ProposalSummary(proposal, outcome, matched))
    return summaries
