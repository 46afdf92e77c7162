"""Running the app on uvicorn."""

from __future__ import annotations

from pathlib import Path

import uvicorn
from fastapi import FastAPI

from factbox.service import Factbox
from factbox.web.app import create_app
from factbox.web.settings import WebSettings


def serve(
    db: Factbox | str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: WebSettings | None = None,
    *,
    log_level: str = "info",
) -> None:
    """Serve factbox until interrupted.

    uvicorn's own proxy-header handling is off: ``X-Forwarded-For`` is believed only from
    the proxies in ``settings.trusted_proxies`` (see ``factbox.web.clients``).
    """
    app = create_app(db, settings or WebSettings.from_env())
    uvicorn.Server(uvicorn_config(app, host, port, log_level)).run()


def uvicorn_config(
    app: FastAPI, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info"
) -> uvicorn.Config:
    """How factbox runs on uvicorn: its own proxy-header handling off, no access log."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        proxy_headers=False,
        server_header=False,
        log_level=log_level,
        access_log=False,
        lifespan="on",
    )
