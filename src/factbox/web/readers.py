"""Readers' pages and their JSON twins: articles with their statements marked, actors,
proposals' factboxes (table, map, timeline, CSV). Every statement comes from the service with
the editors' corrections applied; a statement an editor rejected is not shown."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from factbox.records import InputError
from factbox.serialize import (
    ActorJSON,
    ArticlesPageJSON,
    ArticleTextJSON,
    FactboxJSON,
    ProposalJSON,
    StatementsPageJSON,
    actor_record,
    article_text_record,
    articles_page_record,
    factbox_record,
    position_row,
    proposal_record,
    spreadsheet_rows,
    statements_page_record,
)
from factbox.web.deps import (
    ActorId,
    After,
    ArticleId,
    AsOf,
    Limit,
    Service,
    Slug,
    State,
    StatementId,
    actor_id_value,
)
from factbox.web.errors import NotFound
from factbox.web.factbox import (
    LEGEND,
    ServerLinks,
    country_name,
    factbox_view,
    is_country,
)
from factbox.web.oembed import OEMBED_FORMATS, embed_size, oembed_record, proposal_of
from factbox.web.pages import page_links
from factbox.web.render import article_pieces

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["reading"])


@pages.get("/", response_class=HTMLResponse)
def index(request: Request, state: State, after: After, limit: Limit, q: str = "") -> HTMLResponse:
    factbox = state.factbox
    found = factbox.articles_page(after=after, limit=limit, search=q)
    return state.page(
        request,
        "index.html",
        proposals=factbox.proposals(),
        factboxes=True,
        articles=found.items,
        search=q,
        links=page_links(request, found.next, "#articles"),
    )


@pages.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, state: State, article_id: ArticleId) -> HTMLResponse:
    article = state.factbox.article(article_id)
    if article is None:
        raise NotFound("There is no article with that id.")
    factbox = state.factbox
    stored = factbox.statements(article.id)
    return state.page(
        request,
        "article.html",
        article=article,
        pieces=article_pieces(article.body, stored),
        statements=sorted(stored, key=lambda s: (s.statement.span, s.id)),
        stances=factbox.stances(stored),
        proposals={p.slug: p for p in factbox.proposals()},
    )


@pages.get("/statements/{statement_id}")
def statement_link(factbox: Service, statement_id: StatementId) -> Response:
    found = factbox.statement(statement_id)
    if found is None:
        raise NotFound("There is no current statement with that id.")
    return RedirectResponse(f"/articles/{found.article.id}#s{found.id}", status_code=303)


@pages.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(
    request: Request, state: State, actor_id: ActorId, after: After, limit: Limit
) -> HTMLResponse:
    actor = state.factbox.actor(actor_id, after=after, limit=limit)
    if not after and not actor.statements and not actor.positions:
        raise NotFound("No statements or positions for that actor.")
    names = actor.names
    name = country_name(actor_id) if is_country(actor_id) else (names[0] if names else actor_id)
    return state.page(
        request,
        "actor.html",
        actor_id=actor_id,
        name=name,
        statements=actor.statements,
        positions=actor.positions,
        links=page_links(request, actor.next, "#statements-heading"),
    )


@pages.get("/proposals/{slug}.csv")
def factbox_csv(factbox: Service, slug: Slug, as_of: AsOf) -> Response:
    report = factbox.positions(slug, as_of=as_of)
    rows = [position_row(p, report) for p in report.positions]
    out = io.StringIO()
    if rows:
        writer = csv.writer(out)
        writer.writerow(list(rows[0]))
        writer.writerows(spreadsheet_rows([list(row.values()) for row in rows]))
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{slug}.csv"'},
    )


def _view(state: State, slug: str, as_of: AsOf) -> dict[str, Any]:
    factbox = state.factbox
    report = factbox.factbox(slug, as_of=as_of)
    view = factbox_view(report)
    return {"view": view, "links": ServerLinks(slug), "legend": LEGEND}


@pages.get("/proposals/{slug}", response_class=HTMLResponse)
def factbox_page(request: Request, state: State, slug: Slug, as_of: AsOf) -> HTMLResponse:
    return state.page(request, "factbox.html", **_view(state, slug, as_of))


@pages.get("/embed/proposals/{slug}", response_class=HTMLResponse)
def factbox_embed(request: Request, state: State, slug: Slug, as_of: AsOf) -> HTMLResponse:
    """The factbox alone, for an ``<iframe>`` (links open in the embedding page's place)."""
    context = _view(state, slug, as_of)
    return state.page(request, "embed.html", report_script=False, **context)


@pages.get("/oembed", response_model=None)
def oembed(
    request: Request,
    state: State,
    url: str,
    maxwidth: int | None = None,
    maxheight: int | None = None,
    format: str = "json",  # noqa: A002 - the oEmbed spec names it so
) -> Response:
    """oEmbed (https://oembed.com, section 2.2) for a factbox page's address: a ``rich``
    answer whose ``html`` is an ``<iframe>`` of the embeddable page."""
    if format not in OEMBED_FORMATS:
        return Response("only format=json is offered", status_code=501, media_type="text/plain")
    slug = proposal_of(url)
    if slug is None:
        raise NotFound("That address is not a factbox page of this server.")
    try:
        proposal = state.factbox.proposal(slug)
    except InputError:
        raise NotFound("There is no such proposal.") from None
    base = state.settings.public_url or str(request.base_url)
    width, height = embed_size(maxwidth, maxheight)
    return JSONResponse(oembed_record(proposal, base, width, height))


@api.get("/proposals", summary="Proposals in the ledger")
def api_proposals(factbox: Service) -> list[ProposalJSON]:
    return [proposal_record(p, factbox.statement_count(p.slug)) for p in factbox.proposals()]


@api.get(
    "/proposals/{slug}",
    summary="A proposal's factbox: positions, their history and decisions",
    responses={404: {"description": "No such proposal"}, 422: {"description": "A bad value"}},
)
def api_factbox(factbox: Service, slug: Slug, as_of: AsOf) -> FactboxJSON:
    return factbox_record(factbox.factbox(slug, as_of=as_of), factbox.statement_count(slug))


PAGED: dict[int | str, dict[str, Any]] = {
    400: {"description": "A page cursor no listing gave out"},
    422: {"description": "A bad page size or search"},
}


@api.get(
    "/articles",
    summary="A page of current articles, newest published first; ?q= searches titles and "
    "speakers",
    responses=PAGED,
)
def api_articles(factbox: Service, after: After, limit: Limit, q: str = "") -> ArticlesPageJSON:
    found = factbox.articles_page(after=after, limit=limit, search=q)
    return articles_page_record(found, public=True)


@api.get(
    "/statements",
    summary="A page of current statements (corrections applied), newest first; ?actor= "
    "keeps those of one actor",
    responses=PAGED,
)
def api_statements(
    factbox: Service, after: After, limit: Limit, actor: str = ""
) -> StatementsPageJSON:
    chosen = actor_id_value(actor) if actor else None
    found = factbox.statements_page(after=after, limit=limit, actor=chosen)
    return statements_page_record(found, public=True)


@api.get(
    "/articles/{article_id}",
    summary="An article revision: its text and statements (corrections applied)",
    responses={404: {"description": "No such article"}, 422: {"description": "A bad id"}},
)
def api_article(factbox: Service, article_id: ArticleId) -> ArticleTextJSON:
    article = factbox.article(article_id)
    if article is None:
        raise NotFound("no such article")
    return article_text_record(article, factbox.statements(article.id), public=True)


@api.get(
    "/actors/{actor_id}",
    summary="A page of an actor's statements (corrections applied), newest first, and its "
    "positions",
    responses={404: {"description": "Nothing for that actor"}, **PAGED},
)
def api_actor(factbox: Service, actor_id: ActorId, after: After, limit: Limit) -> ActorJSON:
    actor = factbox.actor(actor_id, after=after, limit=limit)
    if not after and not actor.statements and not actor.positions:
        raise NotFound("no statements for that actor")
    return actor_record(actor, public=True)
