"""What routes depend on (FastAPI ``Depends``): the server's state and its factbox service,
the editor's session, a form that passed the CSRF check, and request values parsed the way
the command line parses them (a bad one is a 422 naming it)."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Annotated, Any

import jinja2
from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData

from factbox.editorial import EditorSession
from factbox.paging import parse_limit
from factbox.parsing import parse_as_of, parse_id, parse_slug
from factbox.records import InputError
from factbox.service import Factbox
from factbox.web import auth
from factbox.web.clients import RateLimiter, client_address
from factbox.web.errors import NeedsLogin, Refused
from factbox.web.intake import ReportWriter
from factbox.web.notify import Notifier
from factbox.web.pages import render_page
from factbox.web.settings import IPNetwork, WebSettings

ACTOR_ID = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


@dataclass(slots=True)
class WebState:
    """Everything a running server holds: the service, settings, limits, background work."""

    factbox: Factbox
    settings: WebSettings
    salt: str
    trusted: list[IPNetwork]
    limiter: RateLimiter
    login_limiter: RateLimiter
    writer: ReportWriter
    notifier: Notifier
    templates: jinja2.Environment
    background: list[asyncio.Task[None]] = field(default_factory=list)

    def page(
        self, request: Request, template: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        return render_page(
            self.templates, self.settings.lang, request, template, status_code, **context
        )

    def client(self, request: Request) -> str:
        """The client's address (a trusted proxy's ``X-Forwarded-For`` believed)."""
        peer = request.client.host if request.client else None
        return client_address(peer, request.headers.get("x-forwarded-for"), self.trusted)


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


State = Annotated[WebState, Depends(web_state)]


def factbox_service(state: State) -> Factbox:
    return state.factbox


Service = Annotated[Factbox, Depends(factbox_service)]


# -- values in addresses --------------------------------------------------------------------


def article_id_value(article_id: str) -> int:
    return parse_id(article_id, "an article id")


def statement_id_value(statement_id: str) -> int:
    return parse_id(statement_id, "a statement id")


def group_id_value(group_id: str) -> int:
    return parse_id(group_id, "a report id")


def slug_value(slug: str) -> str:
    return parse_slug(slug)


def actor_id_value(actor_id: str) -> str:
    if not ACTOR_ID.match(actor_id):
        raise InputError(actor_id, "not an actor id (FR, NATO: upper-case letters and digits)")
    return actor_id


def as_of_value(as_of: str | None = None) -> dt.date | None:
    return parse_as_of(as_of)


def after_value(after: str | None = None) -> str | None:
    """A page cursor as given (the service checks it: a bad one is a 400)."""
    return after[:64] if after else None


def limit_value(limit: str | None = None) -> int:
    return parse_limit(limit)


ArticleId = Annotated[int, Depends(article_id_value)]
StatementId = Annotated[int, Depends(statement_id_value)]
GroupId = Annotated[int, Depends(group_id_value)]
Slug = Annotated[str, Depends(slug_value)]
ActorId = Annotated[str, Depends(actor_id_value)]
AsOf = Annotated[dt.date | None, Depends(as_of_value)]
After = Annotated[str | None, Depends(after_value)]
Limit = Annotated[int, Depends(limit_value)]


# -- editors ---------------------------------------------------------------------------------


def optional_session(request: Request, factbox: Service) -> EditorSession | None:
    return auth.session_for(factbox, request.cookies.get(auth.SESSION_COOKIE))


MaybeSession = Annotated[EditorSession | None, Depends(optional_session)]


def editor_session(session: MaybeSession) -> EditorSession:
    if session is None:
        raise NeedsLogin()
    return session


Session = Annotated[EditorSession, Depends(editor_session)]


def form_text(form: FormData, name: str, limit: int = 1000) -> str:
    value = form.get(name)
    return value[:limit] if isinstance(value, str) else ""


@dataclass(frozen=True, slots=True)
class EditorForm:
    """A form an editor sent, with its CSRF token checked against the session's."""

    session: EditorSession
    form: FormData

    def text(self, name: str, limit: int = 1000) -> str:
        return form_text(self.form, name, limit)


async def checked_form(request: Request, session: Session) -> EditorForm:
    form = await request.form()
    if not auth.same_token(session.csrf_token, form_text(form, "csrf_token", 128)):
        raise Refused("The form was stale or forged (CSRF check).")
    return EditorForm(session, form)


CheckedForm = Annotated[EditorForm, Depends(checked_form)]
