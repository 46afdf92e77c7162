"""The public JSON and CSV shapes of every record, defined once.

``factbox ... --format json``, the web's ``/api/*`` and the CSV exports all render records
through these functions, so the same thing has the same fields everywhere. Each JSON shape
is a ``TypedDict``: the web's OpenAPI schema is generated from them. Field names are part of
the public contract: change them only with a note in CHANGELOG.md.

Spans are ``[start, end]`` character offsets into the stored article body; dates are ISO
``YYYY-MM-DD``; times ISO ``YYYY-MM-DDTHH:MM:SS`` (UTC).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from typing_extensions import TypedDict

from factbox.pipeline import ArticleReextraction
from factbox.records import (
    ArticleRef,
    ArticleRow,
    ArticleText,
    Correction,
    Page,
    Span,
    Speaker,
    Statement,
    StoredStatement,
)
from factbox.rules import Decision
from factbox.service import ActorReport, Evidence, FactboxReport, PositionsReport
from factbox.stance import Position, PositionChange, Proposal

# -- shapes -----------------------------------------------------------------------------------


class CorrectionJSON(TypedDict):
    field: str
    value: Any
    proposal: str | None
    editor: str | None
    why: str | None
    at: str | None


class SpeakerJSON(TypedDict):
    text: str
    span: list[int] | None
    name: str | None
    role: str | None
    actor_id: str | None
    actor: str | None
    actor_kind: str


class ArticleRefJSON(TypedDict):
    id: int
    key: str
    revision: int
    title: str | None
    url: str | None
    published: str | None


class StatementFieldsJSON(TypedDict):
    kind: str
    cue: str
    cue_span: list[int] | None
    content: str
    content_span: list[int]
    span: list[int]
    source_text: str
    source_span: list[int] | None
    speakers: list[SpeakerJSON]
    said_on: str | None
    said_on_basis: str


class StatementJSON(StatementFieldsJSON):
    id: int
    article: ArticleRefJSON
    sources: list[ArticleRefJSON]
    """The article and its syndicated copies: every outlet that printed the statement."""
    corrected: bool
    corrections: list[CorrectionJSON]


class ArticleJSON(ArticleRefJSON):
    source: str
    format: str
    place: str | None
    agency: str | None
    content_hash: str
    statements: int


class ArticlesPageJSON(TypedDict):
    items: list[ArticleJSON]
    next: str | None
    """The cursor of the next page (``?after=``); null on the last page."""


class ArticleTextJSON(TypedDict):
    id: int
    key: str
    revision: int
    current: bool
    title: str | None
    url: str | None
    published: str | None
    content_hash: str
    body: str
    statements: list[StatementJSON]


class ProposalJSON(TypedDict):
    slug: str
    title: str
    description: str
    terms: list[str]
    bodies: list[str]
    statements: int


class CueJSON(TypedDict):
    text: str
    span: list[int] | None
    role: str


class QuoteJSON(TypedDict):
    statement: int
    article: int
    sources: list[int]
    title: str | None
    said_on: str | None
    text: str
    span: list[int]
    stance: str
    confidence: float
    source: str
    cues: list[CueJSON]
    match: list[dict[str, object]]
    """What tied the statement to the proposal: words (slot, text, span), or the similarity
    and the proposal's nearest phrase."""
    speakers: list[SpeakerJSON]
    corrected: bool
    corrections: list[CorrectionJSON]


class PositionJSON(TypedDict):
    actor_id: str | None
    actor: str | None
    actor_kind: str
    stance: str
    since: str
    evidence: list[int]
    corrected: bool
    quotes: list[QuoteJSON]


class PositionsJSON(TypedDict):
    proposal: str
    as_of: str
    positions: list[PositionJSON]
    unattributed: list[QuoteJSON]


class ChangeJSON(TypedDict):
    actor_id: str | None
    actor: str | None
    actor_kind: str
    on: str
    stance: str
    previous: str | None
    statement: int
    source: str
    confidence: float


class HistoryJSON(TypedDict):
    proposal: str
    as_of: str
    history: list[ChangeJSON]


class DecisionJSON(TypedDict):
    proposal: str | None
    body: str
    as_of: str
    rule: str
    members: list[str]
    outcome: str
    supporting: list[str]
    open: list[str]
    opposing: list[str]
    silent: list[str]
    blocking: list[str]
    needed: str | None
    can_act_alone: list[str]
    explanation: list[str]


class FactboxJSON(TypedDict):
    proposal: ProposalJSON
    as_of: str
    positions: list[PositionJSON]
    unattributed: list[QuoteJSON]
    history: list[ChangeJSON]
    decisions: list[DecisionJSON]


class ActorPositionJSON(TypedDict):
    proposal: str
    stance: str
    since: str
    evidence: list[int]


class ActorJSON(TypedDict):
    actor_id: str
    names: list[str]
    statements: list[StatementJSON]
    """A page of its statements, newest first."""
    next: str | None
    """The cursor of the next page of its statements (``?after=``); null on the last."""
    positions: list[ActorPositionJSON]


class StatementsPageJSON(TypedDict):
    items: list[StatementJSON]
    next: str | None
    """The cursor of the next page (``?after=``); null on the last page."""


# -- what the public may see ------------------------------------------------------------------

_PATH_KEY = re.compile(r"^(?:[A-Za-z]:)?[\\/]")
"""A key that is a file's path on the machine that ingested it (POSIX or Windows)."""
_SEPARATORS = re.compile(r"[\\/]")


def file_name(name: str) -> str:
    """The last part of a path: ``story.txt`` of ``/srv/news/story.txt``."""
    return _SEPARATORS.split(name)[-1]


def public_key(key: str) -> str:
    """An article key as the public may see it: an id or URL as it is, a file's path only
    by the file's name (with a JSONL line or feed item number), never the server's folders."""
    return file_name(key) if _PATH_KEY.match(key) else key


def article_name(title: str | None, key: str, lead: str | None = None) -> str:
    """What to call an article in public: its title, else its first sentence (``lead``),
    else its public key."""
    return title or lead or public_key(key)


# Cells a spreadsheet would run as a formula (or that hide one behind a tab or return), per
# OWASP's "CSV Injection" advice: such a cell is prefixed with an apostrophe, which
# spreadsheets show as text and do not evaluate.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that no spreadsheet evaluates; numbers and other text are left as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def spreadsheet_rows(rows: Iterable[Sequence[object]]) -> list[list[object]]:
    """Every cell of ``rows`` through :func:`spreadsheet_safe`."""
    return [[spreadsheet_safe(cell) for cell in row] for row in rows]


# -- records ----------------------------------------------------------------------------------


def span_list(span: Span | None) -> list[int] | None:
    return [span[0], span[1]] if span is not None else None


def correction_record(correction: Correction) -> CorrectionJSON:
    made = correction.created_at
    return {
        "field": correction.field,
        "value": correction.value,
        "proposal": correction.proposal,
        "editor": correction.editor,
        "why": correction.reason,
        "at": made.isoformat(timespec="seconds") if made else None,
    }


def speaker_record(speaker: Speaker) -> SpeakerJSON:
    return {
        "text": speaker.text,
        "span": span_list(speaker.span),
        "name": speaker.name,
        "role": speaker.role,
        "actor_id": speaker.actor_id,
        "actor": speaker.actor,
        "actor_kind": speaker.actor_kind,
    }


def article_ref_record(ref: ArticleRef, *, public: bool = False) -> ArticleRefJSON:
    """``public``: the key as :func:`public_key` shows it (the web's records)."""
    return {
        "id": ref.id,
        "key": public_key(ref.key) if public else ref.key,
        "revision": ref.revision,
        "title": ref.title,
        "url": ref.url,
        "published": ref.published.isoformat() if ref.published else None,
    }


def statement_fields(s: Statement) -> StatementFieldsJSON:
    """A statement's own fields (no id, no article, no corrections)."""
    return {
        "kind": s.kind,
        "cue": s.cue,
        "cue_span": span_list(s.cue_span),
        "content": s.content,
        "content_span": list(s.content_span),
        "span": list(s.span),
        "source_text": s.source_text,
        "source_span": span_list(s.source_span),
        "speakers": [speaker_record(sp) for sp in s.speakers],
        "said_on": s.said_on.isoformat() if s.said_on else None,
        "said_on_basis": s.said_on_basis,
    }


def statement_record(stored: StoredStatement, *, public: bool = False) -> StatementJSON:
    """``public``: article keys as :func:`public_key` shows them."""
    return {
        "id": stored.id,
        "article": article_ref_record(stored.article, public=public),
        "sources": [article_ref_record(a, public=public) for a in (stored.article, *stored.copies)],
        **statement_fields(stored.statement),
        "corrected": stored.corrected,
        "corrections": [correction_record(c) for c in stored.corrections],
    }


def article_record(row: ArticleRow, *, public: bool = False) -> ArticleJSON:
    """``public``: the key and source without the server's folders."""
    return {
        **article_ref_record(row.ref, public=public),
        "source": file_name(row.ref.source_name) if public else row.ref.source_name,
        "format": row.format,
        "place": row.place,
        "agency": row.agency,
        "content_hash": row.content_hash,
        "statements": row.statements,
    }


def article_text_record(
    article: ArticleText, statements: list[StoredStatement], *, public: bool = False
) -> ArticleTextJSON:
    """``public``: keys without the server's folders."""
    return {
        "id": article.id,
        "key": public_key(article.key) if public else article.key,
        "revision": article.revision,
        "current": article.is_current,
        "title": article.title,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "content_hash": article.content_hash,
        "body": article.body,
        "statements": [statement_record(s, public=public) for s in statements],
    }


def proposal_record(proposal: Proposal, statements: int) -> ProposalJSON:
    return {
        "slug": proposal.slug,
        "title": proposal.title,
        "description": proposal.description,
        "terms": list(proposal.terms),
        "bodies": list(proposal.bodies),
        "statements": statements,
    }


def quote_record(evidence: Evidence) -> QuoteJSON:
    """One statement as evidence: what was said, where, and what decided its stance."""
    stored, judged = evidence.stored, evidence.judged
    cues = evidence.found.judgement.cues if evidence.found and not judged.correction else ()
    matched = evidence.found.match.evidence if evidence.found else ()
    return {
        "statement": stored.id,
        "article": stored.article.id,
        "sources": [a.id for a in (stored.article, *stored.copies)],
        "title": stored.article.title,
        "said_on": judged.said_on.isoformat() if judged.said_on else None,
        "text": stored.statement.content,
        "span": list(stored.statement.content_span),
        "stance": judged.stance,
        "confidence": 1.0 if judged.correction else judged.judgement.confidence,
        "source": judged.source,
        "cues": [{"text": c.text, "span": span_list(c.span), "role": c.role} for c in cues],
        "match": [e.as_json() for e in matched],
        "speakers": [speaker_record(sp) for sp in stored.statement.speakers],
        "corrected": stored.corrected,
        "corrections": [correction_record(c) for c in stored.corrections],
    }


def position_corrected(position: Position, report: PositionsReport) -> bool:
    """Did an editor correct any statement the position rests on?"""
    return any(report.evidence[i].stored.corrected for i in position.evidence)


def position_record(position: Position, report: PositionsReport) -> PositionJSON:
    return {
        "actor_id": position.actor_id,
        "actor": position.actor,
        "actor_kind": position.actor_kind,
        "stance": position.stance,
        "since": position.since.isoformat(),
        "evidence": list(position.evidence),
        "corrected": position_corrected(position, report),
        "quotes": [quote_record(report.evidence[i]) for i in position.evidence],
    }


def positions_record(report: PositionsReport) -> PositionsJSON:
    return {
        "proposal": report.proposal.slug,
        "as_of": report.as_of.isoformat(),
        "positions": [position_record(p, report) for p in report.positions],
        "unattributed": [quote_record(report.evidence[i]) for i in report.unattributed],
    }


def change_record(change: PositionChange) -> ChangeJSON:
    return {
        "actor_id": change.actor_id,
        "actor": change.actor,
        "actor_kind": change.actor_kind,
        "on": change.on.isoformat(),
        "stance": change.stance,
        "previous": change.previous,
        "statement": change.statement_id,
        "source": change.source,
        "confidence": change.confidence,
    }


def history_record(report: PositionsReport) -> HistoryJSON:
    return {
        "proposal": report.proposal.slug,
        "as_of": report.as_of.isoformat(),
        "history": [change_record(c) for c in report.history],
    }


def decision_record(decision: Decision) -> DecisionJSON:
    return {
        "proposal": decision.proposal,
        "body": decision.body,
        "as_of": decision.as_of.isoformat(),
        "rule": decision.rule,
        "members": list(decision.members),
        "outcome": decision.outcome,
        "supporting": list(decision.supporting),
        "open": list(decision.open),
        "opposing": list(decision.opposing),
        "silent": list(decision.silent),
        "blocking": list(decision.blocking),
        "needed": decision.needed,
        "can_act_alone": list(decision.can_act_alone),
        "explanation": list(decision.explanation),
    }


def factbox_record(report: FactboxReport, statements: int) -> FactboxJSON:
    """A proposal's factbox: the proposal (``statements``: how many are about it), positions,
    their history and the decision of every body it names."""
    found = report.positions
    return {
        "proposal": proposal_record(found.proposal, statements),
        "as_of": found.as_of.isoformat(),
        "positions": [position_record(p, found) for p in found.positions],
        "unattributed": [quote_record(found.evidence[i]) for i in found.unattributed],
        "history": [change_record(c) for c in found.history],
        "decisions": [decision_record(d) for d in report.decisions],
    }


def articles_page_record(page: Page[ArticleRow], *, public: bool = False) -> ArticlesPageJSON:
    return {"items": [article_record(r, public=public) for r in page.items], "next": page.next}


def statements_page_record(
    page: Page[StoredStatement], *, public: bool = False
) -> StatementsPageJSON:
    return {"items": [statement_record(s, public=public) for s in page.items], "next": page.next}


def actor_record(actor: ActorReport, *, public: bool = False) -> ActorJSON:
    return {
        "actor_id": actor.actor_id,
        "names": actor.names,
        "statements": [statement_record(s, public=public) for s in actor.statements],
        "next": actor.next,
        "positions": [
            {
                "proposal": proposal.slug,
                "stance": position.stance,
                "since": position.since.isoformat(),
                "evidence": list(position.evidence),
            }
            for proposal, position in actor.positions
        ],
    }


# -- flat rows (tables and CSV) ------------------------------------------------------------------


def _speaker_label(speaker: Speaker) -> str:
    who = speaker.name or speaker.text
    if speaker.role and speaker.name:
        who = f"{speaker.name} ({speaker.role})"
    elif speaker.role:
        who = speaker.role
    return f"{who} [{speaker.actor_id}]" if speaker.actor_id else who


def _yes(value: bool) -> str:
    return "yes" if value else ""


def statement_row(stored: StoredStatement) -> dict[str, Any]:
    s = stored.statement
    return {
        "id": stored.id,
        "article": stored.article.id,
        "said_on": s.said_on.isoformat() if s.said_on else "",
        "basis": s.said_on_basis,
        "kind": s.kind,
        "speakers": "; ".join(_speaker_label(sp) for sp in s.speakers) or s.source_text,
        "actors": "; ".join(sp.actor_id or "?" for sp in s.speakers),
        "cue": s.cue,
        "content": s.content,
        "span": f"{s.span[0]}-{s.span[1]}",
        "corrected": _yes(stored.corrected),
    }


def reextract_record(result: ArticleReextraction) -> dict[str, Any]:
    """One article of a ``reextract`` run: outcome, counts and each change."""
    return {
        "article": article_ref_record(result.article),
        "outcome": result.outcome,
        "added": sum(1 for c in result.changes if c.change == "added"),
        "removed": sum(1 for c in result.changes if c.change == "removed"),
        "changed": sum(1 for c in result.changes if c.change == "changed"),
        "corrections_carried": result.carried,
        "kept_for_corrections": [statement_fields(s) for s in result.kept],
        "changes": [
            {
                "change": c.change,
                "fields": list(c.fields),
                "before": statement_fields(c.before) if c.before is not None else None,
                "after": statement_fields(c.after) if c.after is not None else None,
            }
            for c in result.changes
        ],
    }


def reextract_rows(result: ArticleReextraction) -> list[dict[str, Any]]:
    """Flat rows for tables and CSV: one per changed statement."""
    rows = []
    for c in result.changes:
        s = c.statement
        rows.append(
            {
                "article": result.article.id,
                "change": c.change,
                "fields": ", ".join(c.fields),
                "speakers": "; ".join(_speaker_label(sp) for sp in s.speakers) or s.source_text,
                "cue": s.cue,
                "content": s.content,
                "span": f"{s.span[0]}-{s.span[1]}",
            }
        )
    return rows


def article_row(row: ArticleRow) -> dict[str, Any]:
    record: dict[str, Any] = dict(article_record(row))
    return {k: record[k] for k in ("id", "published", "title", "revision", "statements", "source")}


def proposal_row(proposal: Proposal, statements: int) -> dict[str, Any]:
    return {
        "slug": proposal.slug,
        "title": proposal.title,
        "description": proposal.description,
        "terms": "; ".join(proposal.terms),
        "bodies": ", ".join(proposal.bodies),
        "statements": statements,
    }


def _cue_words(evidence: Evidence) -> str:
    if evidence.judged.correction is not None:
        return "(editor's correction)"
    if evidence.found is None:
        return ""
    return " ".join(c.text for c in evidence.found.judgement.cues)


def position_row(position: Position, report: PositionsReport) -> dict[str, Any]:
    """A flat row: the actor, its stance, and the latest statement that says so."""
    latest = report.evidence[position.evidence[-1]]
    return {
        "actor_id": position.actor_id or "",
        "actor": position.actor or "",
        "actor_kind": position.actor_kind,
        "stance": position.stance,
        "since": position.since.isoformat(),
        "evidence": "; ".join(str(i) for i in position.evidence),
        "cues": _cue_words(latest),
        "said": latest.stored.statement.content,
        "corrected": _yes(position_corrected(position, report)),
    }


def change_row(change: PositionChange, report: PositionsReport) -> dict[str, Any]:
    return {
        "actor_id": change.actor_id or "",
        "actor": change.actor or "",
        "on": change.on.isoformat(),
        "stance": change.stance,
        "previous": change.previous or "",
        "statement": change.statement_id,
        "source": change.source,
        "said": report.evidence[change.statement_id].stored.statement.content,
    }
