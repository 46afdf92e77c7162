"""Running the stages over the ledger: ingest (read, extract, judge, store) and judging the
stored statements against new or changed proposals.

The service (``factbox.service``) calls these with the ledger it holds; they are the only
code above the store that writes articles, statements and judgements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc

from factbox import rules
from factbox.corrections import follow_statements, is_rejected
from factbox.extract import extract_article
from factbox.extract.compare import StatementChange, pair_statements
from factbox.extract.nlp import load_nlp
from factbox.ingest import DEFAULT_MAX_BYTES, prepare_article, read_inputs
from factbox.records import (
    Article,
    ArticleRef,
    Correction,
    IngestFailure,
    InputError,
    Span,
    Statement,
    StoredStatement,
)
from factbox.stance import (
    Cue,
    MatchEvidence,
    Proposal,
    ProposalMatch,
    ProposalMatcher,
    StanceJudgement,
    classify,
    statement_span,
)
from factbox.stance.proposals import proposal_from_table
from factbox.stance.records import MatchedJudgement
from factbox.store import Ledger, SaveOutcome
from factbox.store.judgements import ProposalOutcome

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


def ingest(
    paths: Sequence[str | Path],
    ledger: Ledger,
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
    stored_proposals = ledger.proposals()
    # Built once per run: it parses every proposal's title and description.
    matcher = ProposalMatcher(nlp, stored_proposals) if stored_proposals else None
    for doc, article in nlp.pipe(
        articles_to_parse(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        try:
            extraction = extract_article(doc, article, known)
        except Exception as exc:  # one article's extraction bug must not sink the batch
            fail(IngestFailure(article.source_name, f"extraction failed: {exc!r}"))
            continue
        judged: list[list[MatchedJudgement]] | None = None
        if matcher is not None:
            try:
                judged = [judge(doc, s, matcher) for s in extraction.statements]
            except Exception as exc:  # nor may one statement's stance
                fail(IngestFailure(article.source_name, f"stance failed: {exc!r}"))
                continue
        outcome = ledger.save_article(
            article, extraction.statements, extraction.people, judged, follow=follow_statements
        )
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
    batch_size: int = 16,
    n_process: int = 1,
    progress: ProgressCallback | None = None,
) -> ReextractSummary:
    """Run extraction and judging again on every current article of the ledger.

    An article whose statements come out the same keeps its revision, with its judgements
    replaced by the new ones. Otherwise the new statements become the next revision of the
    article (the same text), and every editor's correction goes with the statement that is
    the same one in the new extraction (``factbox.extract.compare``), marked
    ``carried_from`` as when an article is revised; a corrected statement the extraction no
    longer finds is kept as it was, with its corrections (unless an editor said it is no
    statement). Nothing is written for an article whose extraction fails.
    """
    summary = ReextractSummary()
    known = ledger.people_directory()
    fixes_of: dict[int, list[Correction]] = {}
    for fix in ledger.corrections():
        fixes_of.setdefault(fix.statement_id, []).append(fix)
    rows = ledger.articles()

    def texts() -> Iterator[tuple[str, tuple[ArticleRef, Article]]]:
        for row in rows:
            article = ledger.stored_article(row.ref.id)
            yield article.body, (row.ref, article)

    nlp = load_nlp(model)
    stored_proposals = ledger.proposals()
    matcher = ProposalMatcher(nlp, stored_proposals) if stored_proposals else None
    for doc, (ref, article) in nlp.pipe(
        texts(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        try:
            extraction = extract_article(doc, article, known)
            old = ledger.statements(article_id=ref.id)
            result = _reextracted(ref, old, extraction.statements, fixes_of)
            found = [*extraction.statements, *result.kept]
            found.sort(key=lambda s: (s.span, s.cue_span or (0, 0)))
            judged = [judge(doc, s, matcher) for s in found] if matcher is not None else None
        except Exception as exc:  # one article's failure must not sink the run
            summary.failed.append(IngestFailure(article.source_name, f"reextract failed: {exc!r}"))
            if progress is not None:
                progress(article.source_name, "failed")
            continue
        if result.outcome == "unchanged":
            if judged is not None:
                pairs = pair_statements([s.statement for s in old], found).pairs
                ledger.replace_judgements(
                    [s.id for s in old],
                    [(s.id, j) for i, s in enumerate(old) for j in judged[pairs[i]]],
                )
        else:
            position = {id(s): index for index, s in enumerate(found)}
            new_index = [position[id(s)] for s in (*extraction.statements, *result.kept)]
            follows = {old_id: new_index[index] for old_id, index in result.follows.items()}
            ledger.save_reextraction(ref.id, found, extraction.people, judged, follows)
        for person in extraction.people:
            known.add(person)
        summary.articles.append(result.report)
        if progress is not None:
            progress(article.source_name, result.outcome)
    return summary


@dataclass(slots=True)
class _Reextracted:
    report: ArticleReextraction
    kept: list[Statement]
    follows: dict[int, int]
    """Old statement id -> index into the new statements followed by the kept ones."""

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
    follows: dict[int, int] = {}
    kept: list[Statement] = []
    for index, stored in enumerate(old):
        fixes = fixes_of.get(stored.id)
        if not fixes:
            continue
        if index in pairing.pairs:
            follows[stored.id] = pairing.pairs[index]
        elif not is_rejected(fixes):
            follows[stored.id] = len(new) + len(kept)
            kept.append(stored.statement)
    kept_ids = {id(s) for s in kept}
    changes = [
        c
        for c in pairing.changes
        if not (c.change == "removed" and c.before is not None and id(c.before) in kept_ids)
    ]
    outcome: Literal["revised", "unchanged"] = "revised" if changes else "unchanged"
    carried = sum(1 for old_id, index in follows.items() if index < len(new))
    report = ArticleReextraction(ref, outcome, changes, carried, kept)
    return _Reextracted(report, kept, follows)


# -- stance: judging statements ---------------------------------------------------------


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
        speakers=[replace(sp, span=_moved(sp.span, delta)) for sp in statement.speakers],
    )


def _judgement_moved(found: MatchedJudgement, delta: int) -> MatchedJudgement:
    match: ProposalMatch = replace(
        found.match,
        evidence=tuple(
            MatchEvidence(e.slot, e.text, _move(e.span, delta)) for e in found.match.evidence
        ),
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
) -> list[_Window]:
    """The paragraphs each statement touches, and the ``CONTEXT_PARAGRAPHS`` before them for
    a statement whose content ``needs_context``, merged where they overlap.

    Parsing these instead of the whole article gives the classifier every word it reads
    (it walks up to the sentence root, cue included) at a fraction of the cost.
    """
    reaches: list[tuple[int, int, StoredStatement]] = []
    for stored in found:
        first, last = stored.statement.span
        start = body.rfind("\n", 0, first) + 1
        if needs_context(stored.statement.content):
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


def judge_ledger(
    ledger: Ledger,
    proposals: Sequence[Proposal],
    *,
    nlp: Language,
    batch_size: int = 64,
    progress: JudgeProgress | None = None,
) -> dict[str, list[tuple[int, MatchedJudgement]]]:
    """Judge every current statement against ``proposals``, re-parsing only the paragraphs
    around the statements (in batches through ``nlp.pipe``). Nothing is written."""
    found: dict[str, list[tuple[int, MatchedJudgement]]] = {p.slug: [] for p in proposals}
    if not proposals:
        return found
    matcher = ProposalMatcher(nlp, proposals)
    with_statements = [row for row in ledger.articles() if row.statements]
    total = len(with_statements)
    if progress is not None:
        progress(0, total)

    def windows() -> Iterator[tuple[str, tuple[int, _Window, bool]]]:
        for index, row in enumerate(with_statements):
            body = ledger.article_body(row.ref.id)
            parts = paragraph_windows(
                body, ledger.statements(article_id=row.ref.id), matcher.may_refer_back
            )
            for number, window in enumerate(parts):
                yield body[window.start : window.end], (index, window, number == len(parts) - 1)

    for doc, (index, window, last) in nlp.pipe(windows(), as_tuples=True, batch_size=batch_size):
        for stored in window.statements:
            moved = _statement_moved(stored.statement, -window.start)
            for item in judge(doc, moved, matcher):
                found[item.match.slug].append((stored.id, _judgement_moved(item, window.start)))
        if last and progress is not None:
            progress(index + 1, total)
    return found


# -- stance: proposals -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
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
    found = judge_ledger(ledger, changed, nlp=load_nlp(model), progress=progress) if changed else {}
    summaries = []
    for proposal in items:
        rows = found.get(proposal.slug, [])
        outcome = ledger.save_proposal(proposal, rows) if proposal in changed else "unchanged"
        matched = len(rows) if outcome != "unchanged" else ledger.judgement_count(proposal.slug)
        summaries.append(ProposalSummary(proposal, outcome, matched))
    return summaries
