"""``factbox export``: a proposal's factbox as a folder of static files a newsroom can upload
to its CMS or open from disk, with no factbox server and no network.

The folder holds ``index.html`` (the same content as the server's factbox page, with the
map and seat diagrams inline), ``map.svg`` (the map on its own, for a CMS that wants an
image), ``site.css``, and, only when a report endpoint is given, ``report.js``: the page
then loads it from the folder and it posts readers' error reports to that endpoint. The
server behind the endpoint must list the origin the page will be served from in its allowed
origins (``--allowed-origin`` / ``FACTBOX_WEB_ALLOWED_ORIGINS``); a page opened from
``file://`` has no origin a server can allow, so reporting needs the page to be hosted.

Nothing in the page makes a request of its own: the stylesheet and script are beside it, the
drawings are inline SVG, and links (to the outlets' articles) are followed only when clicked.
Everything is rendered before the first file is written, so a bad slug or date leaves the
folder untouched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from factbox.records import InputError
from factbox.service import Factbox
from factbox.web.factbox import LEGEND, ExportLinks, factbox_view
from factbox.web.pages import HERE, environment

FILES = ("index.html", "map.svg", "site.css", "report.js")


@dataclass(frozen=True, slots=True)
class ExportSummary:
    slug: str
    as_of: dt.date
    out: Path
    files: list[str]


def report_endpoint(url: str) -> str:
    """An http(s) address with a host, as given; ``InputError`` otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(
            url,
            "not a report endpoint (an http(s) address, e.g. https://factbox.example/api/reports)",
        )
    return url.strip()


def export_factbox(
    factbox: Factbox,
    slug: str,
    out: Path,
    *,
    endpoint: str | None = None,
    as_of: dt.date | None = None,
    lang: str = "en",
) -> ExportSummary:
    """Write the static factbox of proposal ``slug`` into folder ``out`` (made if missing)."""
    endpoint = report_endpoint(endpoint) if endpoint else None
    if out.exists() and not out.is_dir():
        raise InputError(str(out), "not a folder")
    report = factbox.factbox(slug, as_of=as_of)
    view = factbox_view(report)
    html = (
        environment()
        .get_template("export.html")
        .render(
            view=view,
            links=ExportLinks(report),
            legend=LEGEND,
            lang=lang,
            endpoint=endpoint,
            generated=dt.date.today(),
        )
    )
    contents: dict[str, str] = {
        "index.html": html,
        "map.svg": '<?xml version="1.0" encoding="utf-8"?>\n' + str(view.map.svg) + "\n",
        "site.css": (HERE / "static" / "site.css").read_text(encoding="utf-8"),
    }
    if endpoint:
        contents["report.js"] = (HERE / "static" / "report.js").read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    stale = out / "report.js"
    if not endpoint and stale.exists():
        stale.unlink()  # an earlier export's script must not linger in a page without one
    for name, text in contents.items():
        partial = out / f".{name}.partial"
        partial.write_text(text, encoding="utf-8")
        partial.replace(out / name)
    return ExportSummary(slug, report.as_of, out, sorted(contents))
