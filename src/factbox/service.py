"""The one way into the data: a factbox service holding one ledger.

``factbox.open(db)`` gives a :class:`Factbox`; the command line, the web app and Python
callers all go through its methods, and nothing above it imports ``factbox.store``. It is
opened once and closed once (a context manager).

Every statement it hands out has the editors' corrections applied (``factbox.corrections``):
speakers re-assigned, and statements an editor said are not statements left out of every
public view (editors' views ask for them with ``editors=True``). Positions, decisions,
actor pages and article pages all read statements through it, so they agree.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from factbox import corrections as fixes
from factbox import pipeline, rules, stance
from factbox.editorial import (
    Editor,
    EditorSession,
    NewReport,
    ReportComment,
    ReportGroup,
    ReportStatus,
    SavedReport,
    check_password,
    check_transition,
    editor_name,
    hash_password,
    needs_rehash,
    password_matches,
)
from factbox.extract.nlp import load_nlp
from factbox.ingest import DEFAULT_MAX_BYTES
from factbox.ingest.parts import PART_CHARS
from factbox.paging import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    ArticleKey,
    ReportKey,
    article_cursor,
    check_limit,
    id_cursor,
    parse_article_cursor,
    parse_id_cursor,
    parse_report_cursor,
    report_cursor,
)
from factbox.pipeline import (
    IngestSummary,
    JudgeProgress,
    ParseOptions,
    ProgressCallback,
    ProposalSummary,
    ReextractSummary,
)
from factbox.records import (
    ArticleRef,
    ArticleRow,
    ArticleText,
    Correction,
    CorrectionField,
    IngestFailure,
    IngestNote,
    InputError,
    MissingError,
    Page,
    SourceItem,
    StoredStatement,
)
from factbox.rules import Body, Decision
from factbox.settings import Settings
from factbox.stance import JudgedStatement, Position, PositionChange, Proposal
from factbox.stance.records import MatchedJudgement
from factbox.store import Ledger
from factbox.store import reports as queue
from factbox.store.feeds import FeedState

if TYPE_CHECKING:
    from factbox.web.export import ExportSummary

__all__ = [
    "ActorReport",
    "ComputedViews",
    "Evidence",
    "Factbox",
    "FactboxReport",
    "IngestSummary",
    "PositionsReport",
    "ProposalSummary",
    "ReextractSummary",
    "open",
]

T = TypeVar("T")
SEARCH_CHARS = 200
"""The longest search the article listing takes."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """A statement as evidence of a stance: the statement (corrections applied) and how it
    was judged."""

    stored: StoredStatement
    judged: JudgedStatement
    found: MatchedJudgement | None


@dataclass(slots=True)
class PositionsReport:
    """Where every actor stands on a proposal as of a date, with the statements that say so."""

    proposal: Proposal
    as_of: dt.date
    positions: list[Position]
    history: list[PositionChange]
    evidence: dict[int, Evidence]
    """Every statement judged on the proposal (corrections applied), by statement id."""
    unattributed: list[int] = field(default_factory=list)
    """Statements that would count but whose speaker resolves to no actor: shown, never a
    position."""
    votes: list[Position] | None = None
    """The positions a body's rule counts (``stance.positions(..., votes=True)``): a count
    or a whole membership that reaches a member ("EU leaders agreed on it") is its vote,
    even where statements naming it said otherwise before; None: ``positions``."""


@dataclass(slots=True)
class FactboxReport:
    """A proposal's factbox: positions and the decision of each body that could adopt it."""

    positions: PositionsReport
    decisions: list[Decision]
    bodies: dict[str, Body] = field(default_factory=dict)
    """The bodies decided on, by the reference each decision names (``decision.body``)."""

    @property
    def proposal(self) -> Proposal:
        return self.positions.proposal

    @property
    def as_of(self) -> dt.date:
        return self.positions.as_of


@dataclass(slots=True)
class ActorReport:
    """What an actor said (corrections applied) and where it stands on each proposal."""

    actor_id: str
    names: list[str]
    """The names its speakers gave it, most frequent first."""
    statements: list[StoredStatement]
    positions: list[tuple[Proposal, Position]]
    next: str | None = None
    """The cursor of the next page of its statements (None on the last)."""


def open(  # noqa: A001 - ``factbox.open(db)`` reads as opening the factbox
    db: str | Path | None = None, *, settings: Settings | None = None
) -> Factbox:
    """Open the factbox of ledger ``db`` (default: ``settings.db``)."""
    chosen = settings or Settings()
    if db is not None:
        chosen = chosen.with_db(db)
    return Factbox(Ledger(chosen.db), chosen)


class ComputedViews:
    """Views computed from the whole ledger (a proposal's positions, its factbox), kept
    until the ledger changes.

    Computing a proposal's positions reads every statement judged on it; a factbox page
    asks for them on every request. Each view is kept with the ledger's change stamp
    (``Ledger.change_stamp``: one indexed read, set anew by every write of articles,
    judgements, corrections or proposals, by whatever process makes it) and served while
    the stamp is the same. The stamp is read before computing, so a write during the
    computation makes the next request compute again. The ``size`` most recently used views
    are kept; callers must not change what they are given.
    """

    def __init__(self, stamp: Callable[[], str], size: int = 64) -> None:
        self._stamp = stamp
        self._size = size
        self._lock = threading.Lock()
        self._views: OrderedDict[Hashable, tuple[str, Any]] = OrderedDict()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        stamp = self._stamp()
        with self._lock:
            kept = self._views.get(key)
            if kept is not None and kept[0] == stamp:
                self._views.move_to_end(key)
                found: T = kept[1]
                return found
        value = compute()
        with self._lock:
            self._views[key] = (stamp, value)
            self._views.move_to_end(key)
            while len(self._views) > self._size:
                self._views.popitem(last=False)
        return value


class Factbox:
    """One ledger and every way to read and change it. Close it once (or use ``with``)."""

    def __init__(self, ledger: Ledger, settings: Settings | None = None) -> None:
        self._ledger = ledger
        self.settings = settings or Settings(db=ledger.url)
        self._views = ComputedViews(ledger.change_stamp)

    @property
    def url(self) -> str:
        return self._ledger.url

    def close(self) -> None:
        self._ledger.close()

    def __enter__(self) -> Factbox:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- ingest and proposals ----------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        batch_size: int = 16,
        n_process: int = 1,
        progress: ProgressCallback | None = None,
        vectors: bool | None = None,
        cluster: str | None = None,
        cluster_timeout: float | None = None,
        part_chars: int = PART_CHARS,
    ) -> IngestSummary:
        """Read, extract, judge and store every article under ``paths`` (see
        ``factbox.pipeline.ingest``: statement vectors, syndicated copies, a Dask cluster)."""
        options = ParseOptions(batch_size, n_process, vectors, cluster, cluster_timeout, part_chars)
        return pipeline.ingest(
            paths,
            self._ledger,
            max_bytes=max_bytes,
            model=self.settings.model,
            options=options,
            progress=progress,
        )

    def ingest_items(
        self,
        items: Iterable[SourceItem | IngestFailure | IngestNote],
        *,
        progress: ProgressCallback | None = None,
        vectors: bool | None = None,
    ) -> IngestSummary:
        """:meth:`ingest` of items already read (a feed's, for ``factbox watch``)."""
        return pipeline.ingest_items(
            items,
            self._ledger,
            model=self.settings.model,
            options=ParseOptions(vectors=vectors),
            progress=progress,
        )

    def feed_state(self, url: str) -> FeedState:
        """What ``factbox watch`` remembers of a feed (``factbox.watch``)."""
        return self._ledger.feed_state(url)

    def save_feed_state(self, state: FeedState) -> None:
        self._ledger.save_feed_state(state)

    def reextract(
        self,
        *,
        batch_size: int = 16,
        n_process: int = 1,
        progress: ProgressCallback | None = None,
        vectors: bool | None = None,
        part_chars: int = PART_CHARS,
    ) -> ReextractSummary:
        """Run extraction and judging again on every current article, carrying every
        editor's correction (see ``factbox.pipeline.reextract``)."""
        options = ParseOptions(batch_size, n_process, vectors, part_chars=part_chars)
        return pipeline.reextract(
            self._ledger, model=self.settings.model, options=options, progress=progress
        )

    def add_proposals(
        self, items: Sequence[Proposal], *, progress: JudgeProgress | None = None
    ) -> list[ProposalSummary]:
        """Store proposals; every new or changed one is judged against all current
        statements."""
        for proposal in items:
            for body in proposal.bodies:
                self.body(body)
        return pipeline.add_proposals(
            items, self._ledger, model=self.settings.model, progress=progress
        )

    def load_proposals(
        self, path: str | Path, *, progress: JudgeProgress | None = None
    ) -> list[ProposalSummary]:
        """Store the ``[[proposal]]`` tables of a TOML file."""
        return self.add_proposals(stance.load_proposals(path), progress=progress)

    def proposals(self) -> list[Proposal]:
        return self._ledger.proposals()

    def proposal(self, slug: str) -> Proposal:
        """A stored proposal; ``InputError`` naming the known ones if there is no such slug."""
        found = self._ledger.proposal(slug)
        if found is None:
            known = ", ".join(p.slug for p in self.proposals()) or "none yet; add one first"
            raise MissingError(slug, f"no such proposal in the ledger (known: {known})")
        return found

    def statement_count(self, slug: str) -> int:
        """How many current statements extraction judged to be about proposal ``slug``."""
        return self._ledger.judgement_count(slug)

    def nlp_model(self) -> Any:
        """The spaCy pipeline of the settings (loaded once per process)."""
        return load_nlp(self.settings.model)

    # -- articles and statements -------------------------------------------------------

    def articles_page(
        self, *, after: str | None = None, limit: int = DEFAULT_LIMIT, search: str | None = None
    ) -> Page[ArticleRow]:
        """A page of current articles, newest published first, the undated after the
        dated (``factbox.paging``); ``search``: only those whose title or a speaker's name
        holds it (case-insensitive; a page of a search looks through a bounded number of
        articles, so it may hold fewer than ``limit`` and still have a next page).
        Statement counts leave out the statements editors rejected. ``CursorError`` for a
        cursor no listing gave out."""
        key = parse_article_cursor(after) if after else None
        check_limit(limit)
        words = " ".join((search or "").split())
        if len(words) > SEARCH_CHARS:
            raise InputError(words[:40] + "…", f"a search is at most {SEARCH_CHARS} characters")
        rows, resume = self._ledger.article_page(key, limit + 1, words or None)
        shown = self._without_rejected(rows[:limit])
        if len(rows) > limit:
            resume = ArticleKey(shown[-1].ref.published, shown[-1].ref.id)
        return Page(shown, article_cursor(resume) if resume else None)

    def articles(self, *, search: str | None = None) -> list[ArticleRow]:
        """Every page of :meth:`articles_page`, in its order."""
        return list(every_item(lambda after: self.articles_page(after=after, search=search)))

    def _without_rejected(self, rows: list[ArticleRow]) -> list[ArticleRow]:
        """``rows`` with the statements editors rejected taken out of their counts."""
        ids = self._ledger.corrected_statement_ids("not_statement", [r.ref.id for r in rows])
        by_id = self._ledger.corrections_of(ids)
        rejected = Counter(
            s.article.id
            for s in self._ledger.current_statements(ids)
            if fixes.is_rejected(by_id.get(s.id, []))
        )
        return [replace(row, statements=row.statements - rejected[row.ref.id]) for row in rows]

    def find_article(self, ref: str) -> ArticleRef:
        """An article by numeric id or key (its id, URL or path); ``InputError`` if none."""
        found = self._ledger.find_article(ref)
        if found is None:
            raise MissingError(ref, "no such article in the ledger")
        return found

    def article(self, article_id: int) -> ArticleText | None:
        """One article revision with its text."""
        return queue.article_text(self._ledger, article_id)

    def current_article(self, key: str) -> ArticleText | None:
        return queue.current_article(self._ledger, key)

    def article_for_url(self, url: str) -> ArticleText | None:
        """The current revision of the article published at ``url``."""
        return queue.article_for_url(self._ledger, url)

    def current_hash(self, key: str) -> str | None:
        return self._ledger.current_hash(key)

    def _corrected(
        self, found: Iterable[StoredStatement], *, editors: bool = False
    ) -> list[StoredStatement]:
        stored = list(found)
        by_id = self._ledger.corrections_of(s.id for s in stored)
        shown = []
        for item in stored:
            fixed = fixes.corrected_statement(item, by_id.get(item.id, []), keep_rejected=editors)
            if fixed is not None:
                shown.append(fixed)
        return shown

    def statements(
        self, article: str | int | None = None, *, editors: bool = False
    ) -> list[StoredStatement]:
        """Statements of the current revision of every article, or of one article revision
        (``article``: its numeric id or key), corrections applied. Rejected statements are
        left out unless ``editors``."""
        if article is None:
            return self._corrected(self._ledger.statements(), editors=editors)
        ref = self.find_article(str(article))
        return self._corrected(self._ledger.statements(article_id=ref.id), editors=editors)

    def statements_page(
        self,
        *,
        after: str | None = None,
        limit: int = DEFAULT_LIMIT,
        actor: str | None = None,
        editors: bool = False,
    ) -> Page[StoredStatement]:
        """A page of current statements, newest stored first (``factbox.paging``),
        corrections applied; ``actor``: only those one of whose (corrected) speakers speaks
        for it. Rejected statements are left out unless ``editors``."""
        before = parse_id_cursor(after) if after else None
        check_limit(limit)
        reassigned = self._ledger.corrected_statement_ids("speaker") if actor else []
        kept: list[StoredStatement] = []
        while len(kept) <= limit:
            want = limit + 1 - len(kept)
            batch = self._ledger.statement_id_page(before, want, actor)
            low = batch[-1] if len(batch) == want else 0  # every id in [low, before) is read
            wanted = set(batch) | {
                i for i in reassigned if low <= i and (before is None or i < before)
            }
            found = self._corrected(self._ledger.current_statements(wanted), editors=editors)
            kept += sorted(
                (s for s in found if actor is None or _speaks_for(s, actor)),
                key=lambda s: s.id,
                reverse=True,
            )
            if len(batch) < want:
                break
            before = low
        nxt = id_cursor(kept[limit - 1].id) if len(kept) > limit else None
        return Page(kept[:limit], nxt)

    def statement(self, statement_id: int, *, editors: bool = False) -> StoredStatement | None:
        """A current statement, corrections applied (None if rejected, unless ``editors``)."""
        found = self._ledger.current_statements([statement_id])
        shown = self._corrected(found, editors=editors)
        return shown[0] if shown else None

    def stances(self, stored: Sequence[StoredStatement]) -> dict[int, list[fixes.StatementStance]]:
        """Each statement's stance on every proposal it is about, by statement id: what
        extraction judged, with the editors' corrections the statement carries applied (see
        ``factbox.corrections.statement_stances``)."""
        found = self._ledger.judgements_of(s.id for s in stored)
        return {s.id: fixes.statement_stances(s.corrections, found.get(s.id, {})) for s in stored}

    def actor(
        self, actor_id: str, *, after: str | None = None, limit: int = DEFAULT_LIMIT
    ) -> ActorReport:
        """A page of an actor's statements (as corrected: a statement re-assigned to it is
        listed, one re-assigned away is not; newest first, as :meth:`statements_page`), the
        names its speakers gave it, and its position on every proposal."""
        page = self.statements_page(after=after, limit=limit, actor=actor_id)
        extracted = self._views.get(
            ("names", actor_id), lambda: queue.actor_names(self._ledger, actor_id)
        )
        names = Counter(dict.fromkeys(extracted, 0))
        names.update(
            sp.actor
            for s in page.items
            for sp in s.statement.speakers
            if sp.actor_id == actor_id and sp.actor
        )
        held = [
            (proposal, position)
            for proposal in self.proposals()
            for position in self.positions(proposal.slug).positions
            if position.actor_id == actor_id
        ]
        return ActorReport(
            actor_id, [n for n, _ in names.most_common()], page.items, held, page.next
        )

    # -- positions and decisions -------------------------------------------------------

    def positions(self, slug: str, *, as_of: dt.date | None = None) -> PositionsReport:
        """Each actor's position on proposal ``slug`` as of ``as_of`` (default: the date of
        the latest evidence, else today), and every change of it: the latest dated evidence
        wins, an editor's correction wins over extraction (see ``factbox.stance.positions``).

        The default is the latest evidence's date rather than today so that a factbox shows
        the bodies' members of the day the last statement was made, and reads the same
        tomorrow as today until new evidence arrives."""
        key = ("positions", slug, as_of, dt.date.today() if as_of is None else None)
        return self._views.get(key, lambda: self._positions(slug, as_of))

    def _positions(self, slug: str, as_of: dt.date | None) -> PositionsReport:
        proposal = self.proposal(slug)
        evidence: dict[int, Evidence] = {}
        for item in self._ledger.judgements(slug):
            judged = fixes.judged_statement(item)
            stored = fixes.corrected_statement(item.stored, item.corrections)
            if judged is not None and stored is not None:
                evidence[item.stored.id] = Evidence(stored, judged, item.found)
        found = [e.judged for e in evidence.values()]
        latest = max((j.said_on for j in found if j.said_on), default=None)
        day = as_of or latest or dt.date.today()
        return PositionsReport(
            proposal=proposal,
            as_of=day,
            positions=stance.positions(found, day),
            history=stance.history(found, day),
            evidence=evidence,
            unattributed=stance.unattributed(found, day),
            votes=stance.positions(found, day, votes=True),
        )

    def history(self, slug: str, *, as_of: dt.date | None = None) -> PositionsReport:
        """The same report as :meth:`positions`; its ``history`` lists each change."""
        return self.positions(slug, as_of=as_of)

    def body(self, body: str) -> Body:
        """A body by reference (``nato``, ``state:FR``, ...), shipped or from the settings'
        folders; ``InputError`` if unknown."""
        return rules.load_body(body, self.settings.bodies)

    def decide(
        self,
        slug: str,
        body: str,
        *,
        as_of: dt.date | None = None,
        rule: str | None = None,
    ) -> Decision:
        """Can ``body`` adopt proposal ``slug`` as of ``as_of``, on the positions of that
        day?"""
        return self.decide_on(self.positions(slug, as_of=as_of), body, rule=rule)

    def decide_on(self, report: PositionsReport, body: str, *, rule: str | None = None) -> Decision:
        """:meth:`decide` on positions already computed."""
        return decide_with(report, self.body(body), body, rule=rule)

    def factbox(self, slug: str, *, as_of: dt.date | None = None) -> FactboxReport:
        """A proposal's positions with the decision of every body it names (kept until the
        ledger changes: :class:`ComputedViews`)."""

        def compute() -> FactboxReport:
            report = self.positions(slug, as_of=as_of)
            bodies = {ref: self.body(ref) for ref in report.proposal.bodies}
            decisions = [decide_with(report, body, ref) for ref, body in bodies.items()]
            return FactboxReport(report, decisions, bodies)

        key = ("factbox", slug, as_of, dt.date.today() if as_of is None else None)
        return self._views.get(key, compute)

    def export(
        self,
        slug: str,
        out: str | Path,
        *,
        report_endpoint: str | None = None,
        as_of: dt.date | None = None,
    ) -> ExportSummary:
        """Write proposal ``slug``'s factbox as static files into folder ``out`` (see
        ``factbox.web.export``); returns its ``ExportSummary``."""
        from factbox.web.export import export_factbox  # the web's templates draw it

        return export_factbox(self, slug, Path(out), endpoint=report_endpoint, as_of=as_of)

    # -- corrections -------------------------------------------------------------------

    def correct(
        self,
        statement_id: int,
        field: CorrectionField,
        value: Any,
        *,
        proposal: str | None = None,
        editor: str | None = None,
        reason: str | None = None,
    ) -> Correction:
        """Record one correction of a statement (see ``factbox.records.Correction``);
        ``InputError`` for a bad one."""
        correction = Correction(statement_id, field, value, proposal, editor, reason)
        fixes.check_correction(correction)
        return self._ledger.add_correction(correction)

    def correct_statement(self, request: fixes.CorrectionRequest) -> list[Correction]:
        """What ``factbox correct`` and the editors' form do: every correction asked for, all
        checked before any is stored, all stored or none."""
        planned = fixes.planned_corrections(request)
        return self._ledger.add_corrections(planned)

    def corrections(self, statement_id: int | None = None) -> list[Correction]:
        return self._ledger.corrections(statement_id)

    # -- readers' reports and the editors' queue ----------------------------------------

    def save_reports(
        self, batch: Sequence[NewReport], now: dt.datetime | None = None
    ) -> list[SavedReport]:
        """Store reports in one transaction, each joining (or starting) its group."""
        return queue.save_reports(self._ledger, batch, now)

    def purge_reports(self, retention_days: int, now: dt.datetime | None = None) -> int:
        """Delete reports older than ``retention_days``; returns how many."""
        return queue.purge_expired(self._ledger, retention_days, now)

    def report_count(self) -> int:
        return queue.report_count(self._ledger)

    def report_groups_page(
        self,
        statuses: Sequence[ReportStatus] | None = None,
        *,
        after: str | None = None,
        limit: int = DEFAULT_LIMIT,
        page_url: str | None = None,
        article_id: int | None = None,
    ) -> Page[ReportGroup]:
        """A page of report groups in any of ``statuses`` (None: all), latest reported
        first (``factbox.paging``)."""
        key = parse_report_cursor(after) if after else None
        check_limit(limit)
        found = queue.group_page(
            self._ledger, statuses, key, limit + 1, page_url=page_url, article_id=article_id
        )
        last = found[limit - 1] if len(found) > limit else None
        nxt = report_cursor(ReportKey(last.last_reported, last.id)) if last else None
        return Page(found[:limit], nxt)

    def report_groups(
        self,
        statuses: Sequence[ReportStatus] | None = None,
        *,
        page_url: str | None = None,
        article_id: int | None = None,
    ) -> list[ReportGroup]:
        """Every page of :meth:`report_groups_page`, in its order."""
        return list(
            every_item(
                lambda after: self.report_groups_page(
                    statuses, after=after, limit=MAX_LIMIT, page_url=page_url, article_id=article_id
                )
            )
        )

    def report_group(self, group_id: int) -> ReportGroup | None:
        return queue.get_group(self._ledger, group_id)

    def report_comments(self, group_ids: Sequence[int]) -> dict[int, list[ReportComment]]:
        return queue.group_comments(self._ledger, group_ids)

    def status_counts(self) -> dict[ReportStatus, int]:
        return queue.status_counts(self._ledger)

    def set_report_status(self, group_id: int, status: ReportStatus, editor: str) -> ReportGroup:
        """Move a group to ``status``; ``TransitionError`` or ``LookupError``."""
        return queue.set_status(self._ledger, group_id, status, editor, check_transition)

    # -- editors and their sessions ------------------------------------------------------

    def add_editor(self, name: str, password: str) -> Editor:
        """Add an editor (or set a new password for one), stored as an argon2 hash."""
        clean = editor_name(name)
        check_password(clean, password)
        return queue.insert_editor(self._ledger, clean, hash_password(password))

    def find_editor(self, name: str) -> Editor | None:
        return queue.find_editor(self._ledger, name)

    def verify_editor(self, name: str, password: str) -> Editor | None:
        """The editor if ``password`` is theirs, else None (same cost either way)."""
        editor = queue.find_editor(self._ledger, name.strip())
        if not password_matches(editor.password_hash if editor else None, password):
            return None
        if editor is not None and needs_rehash(editor.password_hash):
            queue.set_password_hash(self._ledger, editor.id, hash_password(password))
        return editor

    def start_session(
        self, editor: Editor, token: str, csrf_token: str, lifetime: dt.timedelta
    ) -> None:
        queue.create_session(self._ledger, editor.id, token, csrf_token, lifetime)

    def session(self, token: str) -> EditorSession | None:
        return queue.find_session(self._ledger, token)

    def end_session(self, token: str) -> None:
        queue.end_session(self._ledger, token)


def decide_with(
    report: PositionsReport, found: Body, ref: str, *, rule: str | None = None
) -> Decision:
    """The decision of body ``found`` (given as ``ref``) on the positions of ``report``."""
    if found.parametric and found.rule().kind != "coalition":
        raise InputError(ref, f"name the member, e.g. '{found.id}:FR'")
    try:
        found.rule(rule)
    except KeyError:
        known = ", ".join(r.id for r in found.rules)
        problem = f"body {found.id!r} has no such rule (rules: {known})"
        raise InputError(str(rule), problem) from None
    counted = report.positions if report.votes is None else report.votes
    stances = {p.actor_id: p.stance for p in counted if p.actor_id}
    return rules.decide(found, report.as_of, stances, proposal=report.proposal.slug, rule=rule)


def every_item(page: Callable[[str | None], Page[T]]) -> Iterator[T]:
    """Every item of a listing, a page at a time: ``page(cursor)`` gives the page after
    ``cursor`` (None: the first)."""
    after: str | None = None
    while True:
        found = page(after)
        yield from found.items
        if found.next is None:
            return
        after = found.next


def _speaks_for(stored: StoredStatement, actor_id: str) -> bool:
    return any(sp.actor_id == actor_id for sp in stored.statement.speakers)


def latest_said_on(found: Iterable[StoredStatement]) -> dt.date | None:
    """The latest date any of these statements was said on."""
    return max((s.statement.said_on for s in found if s.statement.said_on), default=None)
