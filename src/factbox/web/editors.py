"""The editors' side: login, the queue of readers' reports, status changes, and corrections
of statements (the same request as ``factbox correct``, through the same service method).
Every state change needs the session's CSRF token (``deps.checked_form``)."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from factbox.corrections import CorrectionRequest, StatementStance
from factbox.editorial import (
    REPORT_STATUSES,
    TRANSITIONS,
    ReportComment,
    ReportGroup,
    ReportStatus,
    TransitionError,
)
from factbox.parsing import parse_id, parse_slug, parse_stance
from factbox.records import STANCES, ArticleText, InputError, StoredStatement
from factbox.service import Factbox
from factbox.web import auth
from factbox.web.anchor import Anchor, Finding, anchor, finding
from factbox.web.deps import (
    After,
    CheckedForm,
    EditorForm,
    GroupId,
    MaybeSession,
    Service,
    Session,
    State,
    WebState,
    form_text,
)
from factbox.web.errors import NotAllowed, NotFound, Refused
from factbox.web.pages import page_links
from factbox.web.render import Excerpt, excerpt, shown_speaker

router = APIRouter(prefix="/editors", include_in_schema=False)

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
_ACTIONS = {
    "in_progress": "Start work",
    "fixed": "Mark fixed",
    "rejected": "Reject",
    "spam": "Spam",
    "new": "Back to new",
}
ACTION_LABELS: dict[str, dict[str, str]] = {
    source: {
        target: "Reopen" if source in ("fixed", "rejected", "spam") else _ACTIONS[target]
        for target in targets
    }
    for source, targets in TRANSITIONS.items()
}
STATUS_FILTERS: list[tuple[str, str]] = [
    ("open", "new and in progress"),
    *[(s, STATUS_LABELS[s]) for s in REPORT_STATUSES],
    ("all", "all"),
]
ACTOR_SEPARATORS = re.compile(r"[\s,;]+")
QUEUE_PAGE = 25
"""Report groups per page of the queue (each shows its article's excerpt and forms)."""


NOTICES: dict[str, str] = {
    "correction-saved": "The correction was saved.",
    "status-changed": "The report's status was changed.",
}
"""The notices the queue page can show, by the key its address names (``?notice=``): the
address chooses one of these, never the words printed."""


@dataclass(frozen=True, slots=True)
class QueueItem:
    group: ReportGroup
    comments: list[ReportComment]
    article: ArticleText | None
    """The current revision of the article the report is about."""
    anchor: Anchor | None
    finding: Finding | None
    excerpt: Excerpt | None
    statements: list[StoredStatement]
    """The statements the selection touches, as editors see them (rejected ones too)."""
    stances: dict[int, list[StatementStance]]
    transitions: tuple[ReportStatus, ...]

    @property
    def probably_fixed(self) -> bool:
        """Only when the quoted words were in the text the reader saw and that text changed."""
        return self.finding == "changed"


def _reported_articles(
    factbox: Factbox, group: ReportGroup
) -> tuple[ArticleText | None, ArticleText | None]:
    """The revision the reader reported on (when known) and the article's current one."""
    if group.article_id is not None:
        seen = factbox.article(group.article_id)
        if seen is not None:
            return seen, seen if seen.is_current else factbox.current_article(seen.key)
    return None, factbox.article_for_url(group.page_url)


def queue_item(factbox: Factbox, group: ReportGroup, comments: list[ReportComment]) -> QueueItem:
    seen, article = _reported_articles(factbox, group)
    found: Anchor | None = None
    what: Finding | None = None
    shown: Excerpt | None = None
    statements: list[StoredStatement] = []
    if article is not None:
        found = anchor(article.body, group.exact, group.prefix, group.suffix)
        what = finding(found, group.exact, article.body, seen.body if seen else None)
        if found.span is not None and what != "not_in_text":
            shown = excerpt(article.body, found.span)
            start, end = found.span
            statements = [
                s
                for s in factbox.statements(article.id, editors=True)
                if s.statement.span[0] < end and start < s.statement.span[1]
            ]
    return QueueItem(
        group,
        comments,
        article,
        found,
        what,
        shown,
        statements,
        factbox.stances(statements) if statements else {},
        TRANSITIONS[group.status],
    )


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


def back_to(value: str | None) -> str:
    """Where to go after an action: only back into the queue."""
    if value and value.startswith("/editors/queue") and "//" not in value and "\\" not in value:
        return value
    return "/editors/queue"


def _login_form(
    request: Request, state: WebState, error: str = "", name: str = "", code: int = 200
) -> Response:
    token = auth.new_token()
    response = state.page(request, "login.html", code, csrf_token=token, error=error, name=name)
    _cookie(response, state, auth.LOGIN_CSRF_COOKIE, token, 3600)
    return response


@router.get("/login")
def login_page(request: Request, state: State, session: MaybeSession) -> Response:
    if session is not None:
        return RedirectResponse("/editors/queue", status_code=303)
    return _login_form(request, state)


@router.post("/login")
async def login(request: Request, state: State) -> Response:
    form = await request.form()
    expected = request.cookies.get(auth.LOGIN_CSRF_COOKIE)
    if not auth.same_token(expected, form_text(form, "csrf_token", 128)):
        raise Refused("The form was stale or forged (CSRF check). Reload it.")
    allowed, _ = state.login_limiter.allow(state.client(request))
    name = form_text(form, "name", 64)
    if not allowed:
        return _login_form(request, state, "Too many attempts; wait a minute.", name, 429)
    editor = await asyncio.to_thread(
        state.factbox.verify_editor, name, form_text(form, "password", 1025)
    )
    if editor is None:
        return _login_form(request, state, "Wrong name or password.", name, 401)
    token = auth.start_session(state.factbox, editor)
    response = RedirectResponse("/editors/queue", status_code=303)
    lifetime = int(auth.SESSION_LIFETIME.total_seconds())
    _cookie(response, state, auth.SESSION_COOKIE, token, lifetime)
    response.delete_cookie(auth.LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, factbox: Service, _form: CheckedForm) -> Response:
    auth.close_session(factbox, request.cookies.get(auth.SESSION_COOKIE))
    response = RedirectResponse("/editors/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response


def _wanted(status: str) -> tuple[str, list[ReportStatus] | None]:
    """The status filter as shown, and the statuses it asks for (None: all)."""
    if status == "all":
        return status, None
    if status in REPORT_STATUSES:
        return status, [s for s in REPORT_STATUSES if s == status]
    return "open", ["new", "in_progress"]


@router.get("/queue")
def queue_page(
    request: Request,
    state: State,
    session: Session,
    status: str = "open",
    article: str = "",
    after: After = None,
    notice: str = "",
) -> Response:
    factbox = state.factbox
    # "page" is the page address filter (the name a reader of the URL expects)
    page_filter = request.query_params.get("page", "")[:2048]
    article_id = parse_id(article, "an article id") if article else None
    status, wanted = _wanted(status)
    found = factbox.report_groups_page(
        wanted, after=after, limit=QUEUE_PAGE, page_url=page_filter or None, article_id=article_id
    )
    groups = found.items
    comments = factbox.report_comments([g.id for g in groups])
    counts: dict[str, int] = {str(k): v for k, v in factbox.status_counts().items()}
    counts["open"] = counts["new"] + counts["in_progress"]
    query = {"status": status, "page": page_filter, "article": article}
    return state.page(
        request,
        "queue.html",
        editor=session.editor,
        csrf_token=session.csrf_token,
        items=[queue_item(factbox, g, comments.get(g.id, [])) for g in groups],
        filters=query,
        counts=counts,
        status_options=STATUS_FILTERS,
        status_labels=STATUS_LABELS,
        status_class=STATUS_CLASS,
        action_labels=ACTION_LABELS,
        proposals=factbox.proposals(),
        stances=STANCES,
        back="/editors/queue?" + urlencode({k: v for k, v in query.items() if v}),
        links=page_links(request, found.next),
        notice=NOTICES.get(notice),
    )


@router.post("/reports/{group_id}/status")
def change_status(factbox: Service, group_id: GroupId, sent: CheckedForm) -> Response:
    target = sent.text("status", 32)
    chosen = next((s for s in REPORT_STATUSES if s == target), None)
    if chosen is None or factbox.report_group(group_id) is None:
        raise NotFound("No such report or status.")
    try:
        factbox.set_report_status(group_id, chosen, sent.session.editor.name)
    except TransitionError as exc:
        raise NotAllowed(str(exc)) from None
    return RedirectResponse(_with_notice(sent, "status-changed", group_id), 303)


def _with_notice(sent: EditorForm, notice: str, group_id: int | None) -> str:
    """Back into the queue the form came from, with one of the fixed ``NOTICES``, at the
    report the form was on."""
    back = back_to(sent.text("back", 2300))
    joiner = "&" if "?" in back else "?"
    return f"{back}{joiner}{urlencode({'notice': notice})}" + (
        f"#r{group_id}" if group_id is not None else ""
    )


def _correct(factbox: Factbox, sent: EditorForm) -> int:
    """The correction the form asks for, stored through the service; its statement's id."""
    statement_id = parse_id(sent.text("statement_id", 18), "a statement id")
    field = sent.text("field", 32)
    proposal = sent.text("proposal", 64).strip()
    asked: dict[str, Any]
    if field == "speaker":
        current = factbox.statement(statement_id, editors=True)
        typed = sent.text("speaker", 200).strip()
        asked = {
            "actors": [a for a in ACTOR_SEPARATORS.split(sent.text("actor_id", 200)) if a],
            "no_actor": sent.text("no_actor", 8) == "yes",
            # the form shows the current name: sent back unchanged, it changes nothing
            "speaker": None if current and typed == shown_speaker(current) else typed,
        }
    elif field == "stance":
        asked = {"stances": {parse_slug(proposal): parse_stance(sent.text("stance", 16))}}
    elif field == "not_about":
        asked = {"not_about": [parse_slug(proposal)]}
    elif field == "not_statement":
        asked = {"not_a_statement": True}
    else:
        raise InputError(field or "field", "not a kind of correction")
    factbox.correct_statement(
        CorrectionRequest(
            statement_id, editor=sent.session.editor.name, why=sent.text("reason", 1000), **asked
        )
    )
    return statement_id


@router.post("/corrections")
def correct(factbox: Service, sent: CheckedForm) -> Response:
    _correct(factbox, sent)
    report = sent.text("report", 18)
    group_id = parse_id(report, "a report id") if report else None
    return RedirectResponse(_with_notice(sent, "correction-saved", group_id), 303)
