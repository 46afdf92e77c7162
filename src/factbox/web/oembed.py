"""oEmbed for factbox pages (https://oembed.com): a CMS given the address of a factbox page
asks ``/oembed?url=...`` and gets a ``rich`` answer whose ``html`` is an ``<iframe>`` of the
embeddable page (``/embed/proposals/SLUG``), sized within the ``maxwidth`` and ``maxheight``
it asked for (spec section 2.2). Only JSON is offered; ``format=xml`` is answered 501 as the
spec asks of a format a provider does not support."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape

from factbox.stance.proposals import SLUG
from factbox.stance.records import Proposal

OEMBED_FORMATS = ("json",)
WIDTH = 720
HEIGHT = 1200
MIN_SIDE = 200


def proposal_of(url: str) -> str | None:
    """The slug of a factbox page's address (``https://host/proposals/SLUG``), else None."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    segments = parts.path.strip("/").split("/")
    if len(segments) == 2 and segments[0] in ("proposals", "embed") and SLUG.match(segments[1]):
        return segments[1]
    if len(segments) == 3 and segments[:2] == ["embed", "proposals"] and SLUG.match(segments[2]):
        return segments[2]
    return None


def embed_size(maxwidth: int | None, maxheight: int | None) -> tuple[int, int]:
    """The iframe's width and height: the defaults, within the consumer's maxima."""
    width = WIDTH if maxwidth is None else max(MIN_SIDE, min(WIDTH, maxwidth))
    height = HEIGHT if maxheight is None else max(MIN_SIDE, min(HEIGHT, maxheight))
    return width, height


def oembed_record(proposal: Proposal, base: str, width: int, height: int) -> dict[str, Any]:
    src = f"{base.rstrip('/')}/embed/proposals/{proposal.slug}"
    html = (
        f'<iframe src="{escape(src)}" width="{width}" height="{height}" '
        f'title="{escape(proposal.title)}: factbox" loading="lazy" '
        'style="border:0;max-width:100%"></iframe>'
    )
    return {
        "version": "1.0",
        "type": "rich",
        "provider_name": "factbox",
        "provider_url": base.rstrip("/") + "/",
        "title": proposal.title,
        "html": html,
        "width": width,
        "height": height,
    }
