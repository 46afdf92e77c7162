"""The web server: reader pages, their JSON twins, readers' reports and the editors' queue."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import datetime as dt
import io
import json
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.datastructures import FormData

from factbox.output import article_record, statement_record
from factbox.records import InputError, StoredStatement
from factbox.stance.records import STANCES, Position, Proposal
from factbox.store.ledger import ArticleRow, Ledger
from factbox.store.reports import (
    REPORT_STATUSES,
    TRANSITIONS,
    ArticleText,
    EditorSession,
    ReportComment,
    ReportGroup,
    ReportStatus,
    TransitionError,
    actor_article_ids,
    actor_names,
    article_for_url,
    article_text,
    current_article,
    ensure_tables,
    get_group,
    group_comments,
    hash_reporter,
    list_groups,
    purge_expired,
    set_status,
    status_counts,
)
from factbox.web import auth
from factbox.web.anchor import Anchor, anchor
from factbox.web.clients import RateLimiter, client_address, is_trusted
from factbox.web.corrections import CorrectionSink, default_sink
from factbox.web.factbox import (
    STANCE_LABELS,
    FactboxView,
    PositionsProvider,
    country_name,
    is_country,
    stance_map,
)
from factbox.web.intake import (
    MAX_BODY_BYTES,
    ReportIn,
    ReportWriter,
    clean_json,
    error_messages,
)
from factbox.web.notify import Notification, Notifier
from factbox.web.render import Excerpt, article_segments, excerpt, statement_label
from factbox.web.settings import IPNetwork, WebSettings

log = logging.getLogger("factbox.web")

HERE = Path(__file__).parent
MAP_CELL = 44

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

STATUS_LABELS: dict[str, str] = {
    "new": "new",
    "in_progress": "in progress",
    "fixed": "fixed",
    "rejected": "rejected",
    "spam": "spam",
}
STATUS_CLASS: dict[str, str] = {
    "new": "open",
    "in_progress": "supports",
    "fixed": "none",
    "rejected": "none",
    "spam": "unclear",
}
ACTION_LABELS: dict[str, dict[str, str]] = {
    source: {
        target: (
            "Reopen"
            if source in ("fixed", "rejected", "spam")
            else {
                "in_progress": "Start work",
                "fixed": "Mark fixed",
                "rejected": "Reject",
                "spam": "Spam",
                "new": "Back to new",
            }[target]
        )
        for target in targets
    }
    for source, targets in TRANSITIONS.items()
}
STATUS_FILTERS: list[tuple[str, str]] = [
    ("open", "new and in progress"),
    *[(s, STATUS_LABELS[s]) for s in REPORT_STATUSES],
    ("all", "all"),
]
ACTOR_KINDS = ("country", "organization", "person", "unknown")


@dataclass(slots=True)
class WebState:
    ledger: Ledger
    settings: WebSettings
    salt: str
    trusted: list[IPNetwork]
    limiter: RateLimiter
    login_limiter: RateLimiter
    writer: ReportWriter
    notifier: Notifier
    sink: CorrectionSink
    provider: PositionsProvider | None
    templates: jinja2.Environment
    background: list[asyncio.Task[None]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class QueueItem:
    group: ReportGroup
    comments: list[ReportComment]
    article: ArticleText | None
    anchor: Anchor | None
    excerpt: Excerpt | None
    statements: list[StoredStatement]
    transitions: tuple[ReportStatus, ...]

    @property
    def probably_fixed(self) -> bool:
        return self.anchor is not None and self.anchor.probably_fixed


@dataclass(frozen=True, slots=True)
class FactboxRow:
    position: Position
    quote: StoredStatement | None
    corrected: bool


# -- helpers ------------------------------------------------------------------------------


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address (never ``javascript:`` and the like)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _origin(url: str) -> str:
    parts = urlsplit(url.strip().lower())
    port = parts.port
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(
        who=statement_label,
        stance_label=lambda s: STANCE_LABELS.get(s, s),
        safe_url=safe_url,
    )
    return env


def _ledger(db: str | Path | Ledger) -> Ledger:
    return db if isinstance(db, Ledger) else Ledger(db)


def _proposals(ledger: Ledger) -> list[Proposal]:
    """The ledger's proposals, or none while it has no proposals table."""
    reader = getattr(ledger, "proposals", None)
    if reader is None:
        return []
    try:
        found = reader()
    except Exception:  # an older ledger without the table
        log.debug("no proposals table", exc_info=True)
        return []
    return list(found)


class SecurityHeaders:
    """Adds CSP and friends to every response (pure ASGI, so the report path stays fast)."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(
        self,
        scope: MutableMapping[str, Any],
        receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
        send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


# -- the application ----------------------------------------------------------------------


def create_app(
    db: str | Path | Ledger,
    settings: WebSettings | None = None,
    *,
    positions_provider: PositionsProvider | None = None,
    correction_sink: CorrectionSink | None = None,
) -> FastAPI:
    """The factbox web application over the ledger ``db``.

    ``positions_provider`` turns on the proposal (factbox) pages; without it they answer 404.
    """
    config = settings or WebSettings()
    ledger = _ledger(db)
    ensure_tables(ledger)
    if not config.salt:
        log.warning("no FACTBOX_WEB_SALT set: reporter hashes will not match across restarts")
    state = WebState(
        ledger=ledger,
        settings=config,
        salt=config.salt or secrets.token_hex(16),
        trusted=config.trusted_networks(),
        limiter=RateLimiter(config.rate_limit),
        login_limiter=RateLimiter(10),
        writer=ReportWriter(ledger),
        notifier=Notifier(config),
        sink=correction_sink or default_sink(ledger),
        provider=positions_provider,
        templates=_environment(),
    )

    async def purge_periodically() -> None:
        while True:
            await asyncio.sleep(config.purge_interval_seconds)
            try:
                await asyncio.to_thread(purge_expired, ledger, config.retention_days)
            except Exception:
                log.exception("purging old reports failed")

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        purged = purge_expired(ledger, config.retention_days)
        if purged:
            log.info("deleted %d reports older than %d days", purged, config.retention_days)
        state.writer.start()
        state.notifier.start()
        state.background.append(asyncio.create_task(purge_periodically()))
        try:
            yield
        finally:
            for task in state.background:
                task.cancel()
            state.writer.stop()
            await asyncio.to_thread(state.notifier.stop)

    app = FastAPI(
        title="factbox",
        summary="Who said what, for whom, and when; readers' error reports.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = state
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(
        request: Request, template: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        context.setdefault("lang", config.lang)
        context.setdefault("editor", None)
        context.setdefault("report_script", True)
        html = state.templates.get_template(template).render(request=request, **context)
        return HTMLResponse(html, status_code=status_code)

    def not_found(request: Request, message: str) -> HTMLResponse:
        return page(request, "error.html", 404, title="Not found", message=message)

    _reader_routes(app, state, page, not_found)
    _report_routes(app, state)
    _editor_routes(app, state, page)
    _customise_openapi(app)
    return app


# -- reader pages and JSON -----------------------------------------------------------------

PageRenderer = Callable[..., HTMLResponse]


def _statements_for_actor(ledger: Ledger, actor_id: str) -> list[StoredStatement]:
    found: list[StoredStatement] = []
    for article_id in actor_article_ids(ledger, actor_id):
        found += [
            item
            for item in ledger.statements(article_id=article_id)
            if any(s.actor_id == actor_id for s in item.statement.speakers)
        ]
    return found


def _view(state: WebState, slug: str, as_of: dt.date | None = None) -> FactboxView | None:
    if state.provider is None:
        return None
    return state.provider(state.ledger, slug, as_of)


def _factbox_rows(state: WebState, view: FactboxView) -> list[FactboxRow]:
    wanted = {p.evidence[-1] for p in view.positions if p.evidence}
    by_id: dict[int, StoredStatement] = {}
    if wanted:
        by_id = {s.id: s for s in state.ledger.current_statements(wanted)}
    return [
        FactboxRow(
            position=p,
            quote=by_id.get(p.evidence[-1]) if p.evidence else None,
            corrected=bool(set(p.evidence) & view.corrected),
        )
        for p in view.positions
    ]


def _position_json(row: FactboxRow) -> dict[str, Any]:
    p = row.position
    return {
        "actor_id": p.actor_id,
        "actor": p.actor,
        "actor_kind": p.actor_kind,
        "stance": p.stance,
        "since": p.since.isoformat(),
        "evidence": list(p.evidence),
        "quote": row.quote.statement.content if row.quote else None,
        "article": row.quote.article.id if row.quote else None,
        "corrected": row.corrected,
    }


def _factbox_json(state: WebState, view: FactboxView) -> dict[str, Any]:
    return {
        "proposal": {
            "slug": view.proposal.slug,
            "title": view.proposal.title,
            "description": view.proposal.description,
        },
        "as_of": view.as_of.isoformat(),
        "positions": [_position_json(row) for row in _factbox_rows(state, view)],
        "changes": [
            {
                "actor_id": c.actor_id,
                "actor": c.actor,
                "on": c.on.isoformat(),
                "stance": c.stance,
                "previous": c.previous,
                "statement": c.statement_id,
                "source": c.source,
            }
            for c in view.changes
        ],
        "decisions": [
            {
                "body": d.body,
                "as_of": d.as_of.isoformat(),
                "rule": d.rule,
                "outcome": d.outcome,
                "blocking": list(d.blocking),
                "explanation": list(d.explanation),
            }
            for d in view.decisions
        ],
    }


def _as_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _reader_routes(
    app: FastAPI, state: WebState, page: PageRenderer, not_found: Callable[..., HTMLResponse]
) -> None:
    ledger = state.ledger

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        rows: list[ArticleRow] = ledger.articles()
        return page(
            request,
            "index.html",
            proposals=_proposals(ledger),
            factboxes=state.provider is not None,
            articles=rows,
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: int) -> HTMLResponse:
        article = article_text(ledger, article_id)
        if article is None:
            return not_found(request, "There is no article with that id.")
        stored = ledger.statements(article_id=article.id)
        return page(
            request,
            "article.html",
            article=article,
            segments=article_segments(article.body, stored),
            statements=stored,
            corrected=state.sink.corrected([s.id for s in stored]),
        )

    @app.get("/statements/{statement_id}", include_in_schema=False)
    def statement_link(request: Request, statement_id: int) -> Response:
        found = next(iter(ledger.current_statements([statement_id])), None)
        if found is None:
            return not_found(request, "There is no current statement with that id.")
        return RedirectResponse(f"/articles/{found.article.id}#s{found.id}", status_code=303)

    def actor_positions(actor_id: str) -> list[tuple[Proposal, Position]]:
        found: list[tuple[Proposal, Position]] = []
        if state.provider is None:
            return found
        for proposal in _proposals(ledger):
            view = _view(state, proposal.slug)
            for position in view.positions if view else []:
                if position.actor_id == actor_id:
                    found.append((proposal, position))
        return found

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: str) -> HTMLResponse:
        stored = _statements_for_actor(ledger, actor_id)
        positions = actor_positions(actor_id)
        if not stored and not positions:
            return not_found(request, "No statements or positions for that actor.")
        names = actor_names(ledger, actor_id)
        name = country_name(actor_id) if is_country(actor_id) else (names[0] if names else actor_id)
        return page(
            request,
            "actor.html",
            actor_id=actor_id,
            name=name,
            statements=stored,
            positions=positions,
        )

    # -- factbox (needs positions from the lead's provider) --------------------------------

    @app.get("/proposals/{slug}.csv", include_in_schema=False)
    def factbox_csv(request: Request, slug: str, as_of: str | None = None) -> Response:
        view = _view(state, slug, _as_of(as_of))
        if view is None:
            return not_found(request, "No factbox for that proposal.")
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            ["actor_id", "actor", "actor_kind", "stance", "since", "evidence", "quote", "corrected"]
        )
        for row in _factbox_rows(state, view):
            p = row.position
            writer.writerow(
                [
                    p.actor_id or "",
                    p.actor or "",
                    p.actor_kind,
                    p.stance,
                    p.since.isoformat(),
                    " ".join(str(i) for i in p.evidence),
                    row.quote.statement.content if row.quote else "",
                    "yes" if row.corrected else "",
                ]
            )
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{slug}.csv"'},
        )

    @app.get("/proposals/{slug}", response_class=HTMLResponse, include_in_schema=False)
    def factbox_page(request: Request, slug: str, as_of: str | None = None) -> HTMLResponse:
        view = _view(state, slug, _as_of(as_of))
        if view is None:
            return not_found(request, "No factbox for that proposal.")
        shown = stance_map(view.positions)
        rows_used = max([t.row for t in shown.tiles + shown.elsewhere], default=0) + 1
        return page(
            request,
            "factbox.html",
            view=view,
            rows=_factbox_rows(state, view),
            stance_map=shown,
            cell=MAP_CELL,
            map_width=shown.columns * MAP_CELL,
            map_height=rows_used * MAP_CELL,
            legend=[*STANCES, "none"],
        )

    # -- JSON ----------------------------------------------------------------------------

    @app.get("/api/proposals", tags=["reading"], summary="Proposals in the ledger")
    def api_proposals() -> list[dict[str, Any]]:
        return [
            {
                "slug": p.slug,
                "title": p.title,
                "description": p.description,
                "terms": list(p.terms),
                "bodies": list(p.bodies),
            }
            for p in _proposals(ledger)
        ]

    @app.get(
        "/api/proposals/{slug}",
        tags=["reading"],
        summary="A proposal's factbox: positions, changes and decisions",
        response_model=None,
    )
    def api_factbox(slug: str, as_of: str | None = None) -> dict[str, Any] | JSONResponse:
        view = _view(state, slug, _as_of(as_of))
        if view is None:
            return JSONResponse({"detail": "no factbox for that proposal"}, status_code=404)
        return _factbox_json(state, view)

    @app.get("/api/articles", tags=["reading"], summary="Current revisions of every article")
    def api_articles() -> list[dict[str, Any]]:
        return [article_record(row) for row in ledger.articles()]

    @app.get(
        "/api/articles/{article_id}",
        tags=["reading"],
        summary="An article revision: its text and statements",
        response_model=None,
    )
    def api_article(article_id: int) -> dict[str, Any] | JSONResponse:
        article = article_text(ledger, article_id)
        if article is None:
            return JSONResponse({"detail": "no such article"}, status_code=404)
        stored = ledger.statements(article_id=article.id)
        corrected = state.sink.corrected([s.id for s in stored])
        return {
            "id": article.id,
            "key": article.key,
            "revision": article.revision,
            "current": article.is_current,
            "title": article.title,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "content_hash": article.content_hash,
            "body": article.body,
            "statements": [{**statement_record(s), "corrected": s.id in corrected} for s in stored],
        }

    @app.get(
        "/api/actors/{actor_id}",
        tags=["reading"],
        summary="An actor's statements and positions",
        response_model=None,
    )
    def api_actor(actor_id: str) -> dict[str, Any] | JSONResponse:
        stored = _statements_for_actor(ledger, actor_id)
        positions = actor_positions(actor_id)
        if not stored and not positions:
            return JSONResponse({"detail": "no statements for that actor"}, status_code=404)
        return {
            "actor_id": actor_id,
            "names": actor_names(ledger, actor_id),
            "statements": [statement_record(s) for s in stored],
            "positions": [
                {
                    "proposal": proposal.slug,
                    "stance": position.stance,
                    "since": position.since.isoformat(),
                    "evidence": list(position.evidence),
                }
                for proposal, position in positions
            ],
        }


# -- readers' reports -----------------------------------------------------------------------


def _request_origin(request: Request, state: WebState) -> str:
    """The server's own origin as the browser sees it (a trusted proxy may say https)."""
    scheme = request.url.scheme
    peer = request.client.host if request.client else None
    proto = request.headers.get("x-forwarded-proto")
    if proto and peer and is_trusted(peer, state.trusted):
        scheme = proto.split(",")[0].strip().lower()
    host = request.headers.get("host", request.url.netloc)
    return _origin(f"{scheme}://{host}")


def _origin_allowed(origin: str | None, request: Request, state: WebState) -> bool:
    if origin is None:
        return True  # not a browser's cross-site request; the rate limit still applies
    if origin == "null":
        return False
    normal = _origin(origin)
    if normal == _request_origin(request, state):
        return True
    return normal in {_origin(o) for o in state.settings.allowed_origins}


def _cors_headers(origin: str | None, request: Request, state: WebState) -> dict[str, str]:
    if origin is None or _origin(origin) == _request_origin(request, state):
        return {}
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}


def _queue_url(state: WebState, group_id: int) -> str | None:
    base = state.settings.public_url
    return f"{base.rstrip('/')}/editors/queue?status=all#r{group_id}" if base else None


async def _read_body(request: Request, limit: int) -> bytes | None:
    """The request body, or None when it is longer than ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                return None
        except ValueError:
            return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _report_routes(app: FastAPI, state: WebState) -> None:
    @app.options("/api/reports", include_in_schema=False)
    async def report_preflight(request: Request) -> Response:
        origin = request.headers.get("origin")
        if origin is None or not _origin_allowed(origin, request, state):
            return Response(status_code=403)
        return Response(
            status_code=204,
            headers={
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": "POST",
                "Access-Control-Allow-Headers": "Content-Type",
                "Access-Control-Max-Age": "600",
                "Vary": "Origin",
            },
        )

    @app.post(
        "/api/reports",
        tags=["reports"],
        summary="Report an error on a page",
        status_code=202,
        responses={
            202: {"description": "Received (a honeypot hit gets the same answer)"},
            403: {"description": "The page's origin may not send reports"},
            413: {"description": "The request is too large"},
            415: {"description": "Not JSON"},
            422: {"description": "A field is missing, too long or malformed"},
            429: {"description": "Too many reports from this address; see Retry-After"},
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ReportIn"}}
                },
            }
        },
    )
    async def post_report(request: Request) -> Response:
        origin = request.headers.get("origin")
        if not _origin_allowed(origin, request, state):
            return JSONResponse({"detail": "reports from this origin are not accepted"}, 403)
        cors = _cors_headers(origin, request, state)
        peer = request.client.host if request.client else None
        address = client_address(peer, request.headers.get("x-forwarded-for"), state.trusted)
        allowed, wait = state.limiter.allow(address)
        if not allowed:
            return JSONResponse(
                {"detail": "too many reports; try again later"},
                429,
                headers={**cors, "Retry-After": str(max(1, round(wait)))},
            )
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            return JSONResponse({"detail": "send application/json"}, 415, headers=cors)
        body = await _read_body(request, MAX_BODY_BYTES)
        if body is None:
            return JSONResponse(
                {"detail": f"a report is at most {MAX_BODY_BYTES} bytes"}, 413, headers=cors
            )
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return JSONResponse({"detail": ["body: not valid JSON"]}, 422, headers=cors)
        try:
            report = ReportIn.model_validate(clean_json(data))
        except ValidationError as exc:
            return JSONResponse({"detail": error_messages(exc.errors())}, 422, headers=cors)
        if report.website:
            return JSONResponse({"status": "received"}, 202, headers=cors)
        new = report.to_report(hash_reporter(address, state.salt), origin)
        saved = await asyncio.wrap_future(state.writer.submit(new))
        if saved.count == 1:
            state.notifier.submit(
                Notification(
                    group_id=saved.group_id,
                    page_url=new.page_url,
                    exact=new.exact,
                    comment=new.comment,
                    count=saved.count,
                    queue_url=_queue_url(state, saved.group_id),
                )
            )
        return JSONResponse({"status": "received"}, 202, headers=cors)


# -- editors --------------------------------------------------------------------------------


def _cookie(response: Response, state: WebState, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=state.settings.cookie_secure,
    )


def _back(value: str | None) -> str:
    """Where to go after an action: only back into the queue."""
    if value and value.startswith("/editors/queue") and "//" not in value and "\\" not in value:
        return value
    return "/editors/queue"


def _queue_item(state: WebState, group: ReportGroup, comments: list[ReportComment]) -> QueueItem:
    ledger = state.ledger
    article: ArticleText | None = None
    if group.article_id is not None:
        reported = article_text(ledger, group.article_id)
        if reported is not None:
            article = reported if reported.is_current else current_article(ledger, reported.key)
    if article is None:
        article = article_for_url(ledger, group.page_url)
    found: Anchor | None = None
    shown: Excerpt | None = None
    statements: list[StoredStatement] = []
    if article is not None:
        found = anchor(article.body, group.exact, group.prefix, group.suffix)
        if found.span is not None:
            shown = excerpt(article.body, found.span)
            start, end = found.span
            statements = [
                s
                for s in ledger.statements(article_id=article.id)
                if s.statement.span[0] < end and start < s.statement.span[1]
            ]
    return QueueItem(
        group=group,
        comments=comments,
        article=article,
        anchor=found,
        excerpt=shown,
        statements=statements,
        transitions=TRANSITIONS[group.status],
    )


def _form_text(form: FormData, name: str, limit: int = 1000) -> str:
    value = form.get(name)
    return value[:limit] if isinstance(value, str) else ""


def _editor_routes(app: FastAPI, state: WebState, page: PageRenderer) -> None:
    ledger = state.ledger

    def session_of(request: Request) -> EditorSession | None:
        return auth.session_for(ledger, request.cookies.get(auth.SESSION_COOKIE))

    def to_login() -> RedirectResponse:
        return RedirectResponse("/editors/login", status_code=303)

    def forbidden(request: Request, message: str) -> HTMLResponse:
        return page(
            request, "error.html", 403, title="Refused", message=message, report_script=False
        )

    async def checked_form(
        request: Request,
    ) -> tuple[EditorSession | None, FormData | None, Response | None]:
        session = session_of(request)
        if session is None:
            return None, None, to_login()
        form = await request.form()
        if not auth.same_token(session.csrf_token, _form_text(form, "csrf_token", 128)):
            return session, None, forbidden(request, "The form was stale or forged (CSRF check).")
        return session, form, None

    def login_form(request: Request, error: str = "", name: str = "", code: int = 200) -> Response:
        token = auth.new_token()
        response = page(
            request,
            "login.html",
            code,
            csrf_token=token,
            error=error,
            name=name,
            report_script=False,
        )
        _cookie(response, state, auth.LOGIN_CSRF_COOKIE, token, 3600)
        return response

    @app.get("/editors/login", include_in_schema=False)
    def login_page(request: Request) -> Response:
        if session_of(request) is not None:
            return RedirectResponse("/editors/queue", status_code=303)
        return login_form(request)

    @app.post("/editors/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = await request.form()
        expected = request.cookies.get(auth.LOGIN_CSRF_COOKIE)
        if not auth.same_token(expected, _form_text(form, "csrf_token", 128)):
            return forbidden(request, "The form was stale or forged (CSRF check). Reload it.")
        peer = request.client.host if request.client else None
        address = client_address(peer, request.headers.get("x-forwarded-for"), state.trusted)
        allowed, _ = state.login_limiter.allow(address)
        name = _form_text(form, "name", 64)
        if not allowed:
            return login_form(request, "Too many attempts; wait a minute.", name, 429)
        editor = await asyncio.to_thread(
            auth.verify_editor, ledger, name, _form_text(form, "password", 1025)
        )
        if editor is None:
            return login_form(request, "Wrong name or password.", name, 401)
        token = auth.start_session(ledger, editor)
        response = RedirectResponse("/editors/queue", status_code=303)
        _cookie(
            response, state, auth.SESSION_COOKIE, token, int(auth.SESSION_LIFETIME.total_seconds())
        )
        response.delete_cookie(auth.LOGIN_CSRF_COOKIE, path="/")
        return response

    @app.post("/editors/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        session, _form, refused = await checked_form(request)
        if refused is not None:
            return refused
        auth.close_session(ledger, request.cookies.get(auth.SESSION_COOKIE))
        response = to_login()
        response.delete_cookie(auth.SESSION_COOKIE, path="/")
        return response

    @app.get("/editors/queue", include_in_schema=False)
    def queue_page(
        request: Request,
        status: str = "open",
        article: str = "",
        message: str = "",
    ) -> Response:
        session = session_of(request)
        if session is None:
            return to_login()
        # "page" is the page address filter (the name a reader of the URL expects)
        page_filter = request.query_params.get("page", "")[:2048]
        article_id = int(article) if article.isdigit() and len(article) <= 18 else None
        wanted: list[ReportStatus | None]
        if status == "all":
            wanted = [None]
        elif status in REPORT_STATUSES:
            wanted = [s for s in REPORT_STATUSES if s == status]
        else:
            status = "open"
            wanted = ["new", "in_progress"]
        groups: list[ReportGroup] = []
        for one in wanted:
            groups += list_groups(
                ledger, status=one, page_url=page_filter or None, article_id=article_id
            )
        groups.sort(key=lambda g: (g.last_reported, g.id), reverse=True)
        comments = group_comments(ledger, [g.id for g in groups])
        items = [_queue_item(state, g, comments.get(g.id, [])) for g in groups]
        counts = status_counts(ledger)
        shown_counts: dict[str, int] = {k: v for k, v in counts.items()}
        shown_counts["open"] = counts["new"] + counts["in_progress"]
        query = {"status": status, "page": page_filter, "article": article}
        return page(
            request,
            "queue.html",
            editor=session.editor,
            csrf_token=session.csrf_token,
            items=items,
            filters={"status": status, "page": page_filter, "article": article},
            counts=shown_counts,
            status_options=STATUS_FILTERS,
            status_labels=STATUS_LABELS,
            status_class=STATUS_CLASS,
            action_labels=ACTION_LABELS,
            proposals=_proposals(ledger),
            stances=STANCES,
            actor_kinds=ACTOR_KINDS,
            back="/editors/queue?" + urlencode({k: v for k, v in query.items() if v}),
            message=message[:200],
            report_script=False,
        )

    @app.post("/editors/reports/{group_id}/status", include_in_schema=False)
    async def change_status(request: Request, group_id: int) -> Response:
        session, form, refused = await checked_form(request)
        if refused is not None or session is None or form is None:
            return refused or to_login()
        target = _form_text(form, "status", 32)
        chosen = next((s for s in REPORT_STATUSES if s == target), None)
        if chosen is None or get_group(ledger, group_id) is None:
            return page(
                request,
                "error.html",
                404,
                title="Not found",
                message="No such report or status.",
                report_script=False,
            )
        try:
            set_status(ledger, group_id, chosen, session.editor.name)
        except TransitionError as exc:
            return page(
                request,
                "error.html",
                409,
                title="Not allowed",
                message=str(exc),
                report_script=False,
            )
        return RedirectResponse(_back(_form_text(form, "back", 2300)) + f"#r{group_id}", 303)

    @app.post("/editors/corrections", include_in_schema=False)
    async def correct(request: Request) -> Response:
        session, form, refused = await checked_form(request)
        if refused is not None or session is None or form is None:
            return refused or to_login()
        statement_text = _form_text(form, "statement_id", 18)
        field_name = _form_text(form, "field", 32)
        proposal = _form_text(form, "proposal", 64) or None
        value: Any
        if field_name == "stance":
            value = _form_text(form, "stance", 16)
        elif field_name == "speaker":
            actor_id = _form_text(form, "actor_id", 32).strip() or None
            kind = _form_text(form, "actor_kind", 16)
            value = [
                {
                    "actor_id": actor_id,
                    "actor": _form_text(form, "actor", 200).strip() or actor_id,
                    "actor_kind": kind if kind in ACTOR_KINDS else "unknown",
                }
            ]
            proposal = None
        else:
            value = True
            proposal = None
        back = _back(_form_text(form, "back", 2300))
        if not statement_text.isdigit():
            return RedirectResponse(back, 303)
        try:
            state.sink.correct(
                int(statement_text),
                field_name,
                value,
                session.editor.name,
                _form_text(form, "reason", 1000),
                proposal=proposal,
            )
        except InputError as exc:
            return page(
                request,
                "error.html",
                422,
                title="Correction refused",
                message=str(exc),
                report_script=False,
            )
        joiner = "&" if "?" in back else "?"
        note = urlencode({"message": f"Correction of statement {statement_text} saved."})
        return RedirectResponse(f"{back}{joiner}{note}", 303)


def _customise_openapi(app: FastAPI) -> None:
    def schema() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(
            title=app.title, version=app.version, summary=app.summary, routes=app.routes
        )
        report_schema = ReportIn.model_json_schema(ref_template="#/components/schemas/{model}")
        components = spec.setdefault("components", {}).setdefault("schemas", {})
        for name, definition in report_schema.pop("$defs", {}).items():
            components[name] = definition
        components["ReportIn"] = report_schema
        app.openapi_schema = spec
        return spec

    app.openapi = schema  # type: ignore[method-assign]
