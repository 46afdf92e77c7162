"""The factbox page and its static export in Debian's chromium: at 1280 and 390 px wide,
the export opened from ``file://`` with the network cut, axe-core on both, and an exported
page hosted on another origin reporting an error to the factbox server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import LiveFactory, Stored
from support import TROOPS
from test_accessibility import CHECKS, _axe
from test_pages import _troops_factbox

from factbox.store.reports import list_groups
from factbox.web import WebSettings

WIDTHS = (1280, 390)

SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _context(browser: Any, width: int, **options: Any) -> Any:
    return browser.new_context(
        viewport={"width": width, "height": 900}, is_mobile=width < 500, **options
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_factbox_page_fits_and_shows_cards_on_phones(
    stored: Stored, live: LiveFactory, browser: Any, width: int
) -> None:
    _troops_factbox(stored)
    server = live()
    context = _context(browser, width)
    try:
        page = context.new_page()
        page.goto(f"{server.url}/proposals/{TROOPS}")
        assert page.evaluate(SIDEWAYS) <= 0
        row = page.get_by_role("row", name="Slovakia")
        shown = row.evaluate("r => getComputedStyle(r).display")
        assert shown == ("block" if width < 500 else "table-row")
        box = row.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
        # dates and badges do not wrap
        for selector in ("table.positions time", ".stance"):
            heights = page.locator(selector).evaluate_all(
                "els => els.map(e => e.getClientRects().length)"
            )
            assert heights and max(heights) == 1
        svg = page.locator("svg.stance-map").bounding_box()
        assert 0 < svg["width"] <= width
    finally:
        context.close()


def _serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture
def exported(stored: Stored, tmp_path: Path) -> Iterator[Path]:
    _troops_factbox(stored)
    stored.factbox.export(TROOPS, tmp_path / "export")
    yield tmp_path / "export"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_export_opens_from_file_with_the_network_cut(
    exported: Path, browser: Any, width: int
) -> None:
    context = _context(browser, width, offline=True)
    attempted: list[str] = []

    def block(route: Any) -> None:
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            attempted.append(url)
            route.abort()

    try:
        context.route("**/*", block)
        page = context.new_page()
        page.goto((exported / "index.html").as_uri())
        page.wait_for_load_state("load")
        assert attempted == []
        # the stylesheet beside it applied (cards on phones, badges coloured)
        badge = page.locator(".stance-opposes").first
        assert badge.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(163, 33, 45)"
        assert page.evaluate(SIDEWAYS) <= 0
        czechia = "svg.stance-map path[data-actor='CZ'][data-stance='supports']"
        assert page.locator(czechia).count() >= 1
        assert page.locator("svg.stance-map").bounding_box()["width"] > 100
        assert page.get_by_role("row", name="Czechia").is_visible()
        assert page.locator("script").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_nothing_serious_on_the_factbox_and_its_export(
    stored: Stored, live: LiveFactory, exported: Path, browser: Any, width: int
) -> None:
    server = live()
    # axe is injected as an inline script, which the pages' CSP would rightly block.
    context = _context(browser, width, bypass_csp=True)
    try:
        page = context.new_page()
        problems = {}
        for name, address in (
            ("page", f"{server.url}/proposals/{TROOPS}"),
            ("embed", f"{server.url}/embed/proposals/{TROOPS}"),
            ("export", (exported / "index.html").as_uri()),
        ):
            page.goto(address)
            problems[name] = page.evaluate(CHECKS) + _axe(page)
        assert problems == {"page": [], "embed": [], "export": []}
    finally:
        context.close()


def test_an_exported_page_on_another_origin_reports_to_the_server(
    stored: Stored, live: LiveFactory, browser: Any, tmp_path: Path
) -> None:
    _troops_factbox(stored)
    (tmp_path / "site").mkdir()
    site, origin = _serve(tmp_path / "site")
    try:
        server = live(WebSettings(salt="s", allowed_origins=(origin,)))
        stored.factbox.export(
            TROOPS, tmp_path / "site" / "troops", report_endpoint=f"{server.url}/api/reports"
        )
        context = _context(browser, 1280)
        page = context.new_page()
        page.goto(f"{origin}/troops/index.html")
        page.locator("table.positions q").first.select_text()
        page.keyboard.press("Control+Enter")
        dialog = page.get_by_role("dialog")
        dialog.wait_for()
        dialog.locator("textarea").fill("Wrong date")
        dialog.get_by_role("button").first.click()
        for _ in range(50):
            if list_groups(stored.ledger):
                break
            page.wait_for_timeout(100)
        [group] = list_groups(stored.ledger)
        assert group.page_url == f"{origin}/troops/index.html"
        context.close()
    finally:
        site.shutdown()
        site.server_close()
