"""The HTML side: the template environment and rendering a page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from factbox.serialize import article_name
from factbox.web.factbox import STANCE_LABELS
from factbox.web.render import (
    correction_note,
    correction_text,
    current_values,
    inert_bidi,
    speaker_name,
    statement_label,
)

HERE = Path(__file__).parent


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address (never ``javascript:`` and the like)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


@dataclass(frozen=True, slots=True)
class PageLinks:
    """Where a list's pagination links go: the next page (None on the last) and the first
    (None on the first)."""

    next: str | None
    first: str | None


def page_links(request: Request, next_cursor: str | None, fragment: str = "") -> PageLinks:
    """The links to the next and the first page of the list ``request`` shows, keeping its
    other query values (search, filters, page size)."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "after" and v]
    base = request.url.path

    def link(values: list[tuple[str, str]]) -> str:
        return base + (f"?{urlencode(values)}" if values else "") + fragment

    return PageLinks(
        next=link([*kept, ("after", next_cursor)]) if next_cursor else None,
        first=link(kept) if request.query_params.get("after") else None,
    )


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=inert_bidi,
    )
    env.globals.update(
        who=statement_label,
        speaker_name=speaker_name,
        current_values=current_values,
        correction_text=correction_text,
        correction_note=correction_note,
        stance_label=lambda s: STANCE_LABELS.get(s, s),
        safe_url=safe_url,
        article_name=article_name,
    )
    return env


def render_page(
    templates: jinja2.Environment,
    lang: str,
    request: Request,
    template: str,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """A page from ``template``; the editors' pages carry no report script."""
    context.setdefault("lang", lang)
    context.setdefault("editor", None)
    context.setdefault("report_script", not request.url.path.startswith("/editors"))
    html = templates.get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)
