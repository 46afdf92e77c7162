"""The web server: factbox pages, the report script's API and the editors' queue."""

from factbox.web.app import create_app
from factbox.web.auth import add_editor
from factbox.web.corrections import CorrectionSink, default_sink
from factbox.web.factbox import FactboxView, PositionsProvider
from factbox.web.server import serve
from factbox.web.settings import WebSettings

__all__ = [
    "CorrectionSink",
    "FactboxView",
    "PositionsProvider",
    "WebSettings",
    "add_editor",
    "create_app",
    "default_sink",
    "serve",
]
