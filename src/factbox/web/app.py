"""The web application: routers by audience (readers' pages and JSON, the reports API, the
editors' queue) over one factbox service, with one error handler for all of them."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from factbox import service
from factbox.records import CursorError, InputError, MissingError
from factbox.service import Factbox
from factbox.web import editors, maps, readers, reports_api
from factbox.web.clients import RateLimiter
from factbox.web.deps import WebState
from factbox.web.errors import NeedsLogin, NotFound, WebError
from factbox.web.intake import ReportIn, ReportWriter
from factbox.web.notify import Notifier
from factbox.web.pages import HERE, environment
from factbox.web.settings import WebSettings

log = logging.getLogger("factbox.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


Message = MutableMapping[str, Any]
Send = Callable[[Message], Awaitable[None]]
Receive = Callable[[], Awaitable[Message]]


class _ResponseFilter:
    """Pure ASGI middleware that rewrites HTTP requests' scope and responses' messages (no
    request objects, so the report path stays fast)."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope, send = self.filtered(scope, send)
        await self.app(scope, receive, send)

    def filtered(self, scope: Message, send: Send) -> tuple[Message, Send]:
        raise NotImplementedError


class HeadAsGet(_ResponseFilter):
    """Answers ``HEAD`` on every ``GET`` route: the GET response's status and headers,
    without its body (RFC 9110 section 9.3.2)."""

    def filtered(self, scope: Message, send: Send) -> tuple[Message, Send]:
        if scope["method"] != "HEAD":
            return scope, send

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        return {**scope, "method": "GET"}, without_body


def embed_csp(allowed_origins: tuple[str, ...]) -> str:
    """The CSP of embeddable pages: framed by the allowed origins, or by anyone if none are
    configured (the page holds only what the public factbox page shows)."""
    ancestors = " ".join(allowed_origins) if allowed_origins else "*"
    return CSP.replace("frame-ancestors 'none'", f"frame-ancestors {ancestors}")


class SecurityHeaders(_ResponseFilter):
    """Adds CSP and friends to every response; ``/embed/`` pages may be framed
    (``embed_csp``), every other page may not."""

    def __init__(
        self, app: Callable[..., Awaitable[None]], allowed_origins: tuple[str, ...] = ()
    ) -> None:
        super().__init__(app)
        self.embed = embed_csp(allowed_origins).encode()

    def filtered(self, scope: Message, send: Send) -> tuple[Message, Send]:
        csp = self.embed if scope["path"].startswith("/embed/") else CSP.encode()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", csp),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                ]
                message["headers"] = headers
            await send(message)

        return scope, with_headers


def _state(factbox: Factbox, config: WebSettings) -> WebState:
    if not config.salt:
        log.warning("no FACTBOX_WEB_SALT set: reporter hashes will not match across restarts")
    return WebState(
        factbox=factbox,
        settings=config,
        salt=config.salt or secrets.token_hex(16),
        trusted=config.trusted_networks(),
        limiter=RateLimiter(config.rate_limit),
        login_limiter=RateLimiter(10),
        writer=ReportWriter(factbox),
        notifier=Notifier(config),
        templates=environment(),
    )


async def _purge_periodically(state: WebState) -> None:
    config = state.settings
    while True:
        await asyncio.sleep(config.purge_interval_seconds)
        try:
            await asyncio.to_thread(state.factbox.purge_reports, config.retention_days)
        except Exception:
            log.exception("purging old reports failed")


async def _prepare() -> None:
    """Start-up work done before readers wait for it, then the start-up heap frozen."""
    # The map's borders are projected once per process: do it now, not on a reader's time.
    await asyncio.to_thread(maps.prepare)
    # What start-up made (modules, models, the projected borders) lives as long as the
    # process: frozen out of the collector, a full collection no longer walks it, which
    # otherwise paused a request for 150-200 ms now and then (bench/pages.py).
    gc.freeze()


def _lifespan(state: WebState, owned: bool) -> Callable[[FastAPI], Any]:
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        days = state.settings.retention_days
        purged = state.factbox.purge_reports(days)
        if purged:
            log.info("deleted %d reports older than %d days", purged, days)
        state.writer.start()
        state.notifier.start()
        state.background.append(asyncio.create_task(_purge_periodically(state)))
        state.background.append(asyncio.create_task(_prepare()))
        try:
            yield
        finally:
            for task in state.background:
                task.cancel()
            state.writer.stop()
            await asyncio.to_thread(state.notifier.stop)
            if owned:
                state.factbox.close()

    return lifespan


def _error_response(request: Request, status: int, title: str, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": message}, status_code=status)
    state: WebState = request.app.state.web
    desk = request.url.path.startswith("/editors")
    back = (
        ("/editors/queue", "Back to the reports queue") if desk else ("/", "Back to the start page")
    )
    return state.page(request, "error.html", status, title=title, message=message, back=back)


def install_error_handlers(app: FastAPI) -> None:
    """Typed errors to HTML pages, or to JSON for ``/api/``: ``WebError`` with its status,
    a missing proposal, article or statement 404, a page cursor no listing gave out 400,
    any other bad value 422 naming it."""

    async def web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return _error_response(request, exc.status, exc.title, exc.message)

    async def input_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, InputError)
        if isinstance(exc, MissingError):
            return _error_response(request, NotFound.status, NotFound.title, str(exc))
        if isinstance(exc, CursorError):
            return _error_response(request, 400, "Not understood", str(exc))
        return _error_response(request, 422, "Not understood", str(exc))

    async def needs_login(_request: Request, _exc: Exception) -> Response:
        return RedirectResponse("/editors/login", status_code=303)

    app.add_exception_handler(WebError, web_error)
    app.add_exception_handler(InputError, input_error)
    app.add_exception_handler(NeedsLogin, needs_login)


def create_app(db: Factbox | str | Path, settings: WebSettings | None = None) -> FastAPI:
    """The factbox web application over the service ``db`` (or a ledger path it opens, and
    closes when the app shuts down)."""
    owned = not isinstance(db, Factbox)
    factbox = db if isinstance(db, Factbox) else service.open(db)
    state = _state(factbox, settings or WebSettings())
    app = FastAPI(
        title="factbox",
        summary="Who said what, for whom, and when; readers' error reports.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan(state, owned),
    )
    app.state.web = state
    app.add_middleware(SecurityHeaders, allowed_origins=state.settings.allowed_origins)
    app.add_middleware(HeadAsGet)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    install_error_handlers(app)
    for router in (readers.pages, readers.api, reports_api.router, editors.router):
        app.include_router(router)
    _customise_openapi(app)
    return app


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
