"""The reports API: report.js posts a reader's report of an error here (same site, or one of
the allowed origins), rate-limited per client address, stored by the group-commit writer."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from factbox.editorial import hash_reporter
from factbox.web.clients import is_trusted
from factbox.web.deps import State, WebState
from factbox.web.intake import MAX_BODY_BYTES, ReportIn, clean_json, error_messages
from factbox.web.notify import Notification

router = APIRouter(prefix="/api", tags=["reports"])


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of ``url``, lower-case, the default port left out."""
    parts = urlsplit(url.strip().lower())
    port = parts.port
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def _requestorigin_of(request: Request, state: WebState) -> str:
    """The server's own origin as the browser sees it (a trusted proxy may say https)."""
    scheme = request.url.scheme
    peer = request.client.host if request.client else None
    proto = request.headers.get("x-forwarded-proto")
    if proto and peer and is_trusted(peer, state.trusted):
        scheme = proto.split(",")[0].strip().lower()
    host = request.headers.get("host", request.url.netloc)
    return origin_of(f"{scheme}://{host}")


def _origin_allowed(origin: str | None, request: Request, state: WebState) -> bool:
    if origin is None:
        return True  # not a browser's cross-site request; the rate limit still applies
    if origin == "null":
        return False
    normal = origin_of(origin)
    if normal == _requestorigin_of(request, state):
        return True
    return normal in {origin_of(o) for o in state.settings.allowed_origins}


def _cors_headers(origin: str | None, request: Request, state: WebState) -> dict[str, str]:
    if origin is None or origin_of(origin) == _requestorigin_of(request, state):
        return {}
    # Retry-After is not a CORS-safelisted header: report.js on another site reads it on a 429
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Expose-Headers": "Retry-After",
        "Vary": "Origin",
    }


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


@router.options("/reports", include_in_schema=False)
async def report_preflight(request: Request, state: State) -> Response:
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


async def _report_in(request: Request, cors: dict[str, str]) -> ReportIn | JSONResponse:
    """The posted report, or the answer that refuses it."""
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
        return ReportIn.model_validate(clean_json(data))
    except ValidationError as exc:
        return JSONResponse({"detail": error_messages(exc.errors())}, 422, headers=cors)


@router.post(
    "/reports",
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
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReportIn"}}},
        }
    },
)
async def post_report(request: Request, state: State) -> Response:
    origin = request.headers.get("origin")
    if not _origin_allowed(origin, request, state):
        return JSONResponse({"detail": "reports from this origin are not accepted"}, 403)
    cors = _cors_headers(origin, request, state)
    address = state.client(request)
    allowed, wait = state.limiter.allow(address)
    if not allowed:
        return JSONResponse(
            {"detail": "too many reports; try again later"},
            429,
            headers={**cors, "Retry-After": str(max(1, round(wait)))},
        )
    report = await _report_in(request, cors)
    if isinstance(report, JSONResponse):
        return report
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
