"""Readers' pages and their JSON twins: articles with their statements marked, actors,
proposals' factboxes (table, map, timeline, CSV). Every statement comes from the service with
the editors' corrections applied; a statement an editor rejected is not shown."""

from __future__ import annotations

import csv
import io

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from factbox.records import STANCES
from factbox.serialize import (
    ActorJSON,
    ArticleJSON,
    ArticleTextJSON,
    FactboxJSON,
    ProposalJSON,
    actor_record,
    article_record,
    article_text_record,
    factbox_record,
    position_row,
    proposal_record,
    spreadsheet_rows,
)
from factbox.web.deps import ActorId, ArticleId, AsOf, Service, Slug, State, StatementId
from factbox.web.errors import NotFound
from factbox.web.factbox import country_name, factbox_view, is_country, stance_map
from factbox.web.render import article_segments

MAP_CELL = 44

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api", tags=["reading"])


@pages.get("/", response_class=HTMLResponse)
def index(request: Request, state: State) -> HTMLResponse:
    factbox = state.factbox
    return state.page(
        request,
        "index.html",
        proposals=factbox.proposals(),
        factboxes=True,
        articles=factbox.articles(),
    )


@pages.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, state: State, article_id: ArticleId) -> HTMLResponse:
    article = state.factbox.article(article_id)
    if article is None:
        raise NotFound("There is no article with that id.")
    stored = state.factbox.statements(article.id)
    return state.page(
        request,
        "article.html",
        article=article,
        segments=article_segments(article.body, stored),
        statements=stored,
    )


@pages.get("/statements/{statement_id}")
def statement_link(factbox: Service, statement_id: StatementId) -> Response:
    found = factbox.statement(statement_id)
    if found is None:
        raise NotFound("There is no current statement with that id.")
    return RedirectResponse(f"/articles/{found.article.id}#s{found.id}", status_code=303)


@pages.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, state: State, actor_id: ActorId) -> HTMLResponse:
    actor = state.factbox.actor(actor_id)
    if not actor.statements and not actor.positions:
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


@pages.get("/proposals/{slug}", response_class=HTMLResponse)
def factbox_page(request: Request, state: State, slug: Slug, as_of: AsOf) -> HTMLResponse:
    view = factbox_view(state.factbox.factbox(slug, as_of=as_of))
    shown = stance_map(view.positions)
    rows_used = max([t.row for t in shown.tiles + shown.elsewhere], default=0) + 1
    return state.page(
        request,
        "factbox.html",
        view=view,
        rows=view.rows,
        stance_map=shown,
        cell=MAP_CELL,
        map_width=shown.columns * MAP_CELL,
        map_height=rows_used * MAP_CELL,
        legend=[*STANCES, "none"],
    )


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


@api.get("/articles", summary="Current revisions of every article")
def api_articles(factbox: Service) -> list[ArticleJSON]:
    return [article_record(row, public=True) for row in factbox.articles()]


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
    summary="An actor's statements (corrections applied) and positions",
    responses={404: {"description": "Nothing for that actor"}, 422: {"description": "A bad id"}},
)
def api_actor(factbox: Service, actor_id: ActorId) -> ActorJSON:
    actor = factbox.actor(actor_id)
    if not actor.statements and not actor.positions:
        raise NotFound("no statements for that actor")
    return actor_record(actor, public=True)
