"""The web server: factbox pages, the report script's API and the editors' queue, over the
factbox service (``factbox.service``)."""

from factbox.web.app import create_app
from factbox.web.server import serve
from factbox.web.settings import WebSettings

__all__ = ["WebSettings", "create_app", "serve"]
