"""Regenerate the factbox screenshots in docs/screenshots/ with one command:

    python bench/screenshots.py [--db LEDGER]

It ingests the bundled demo articles and the demo proposal (``factbox demo``'s data, written
for factbox: no real article's text) into a throwaway ledger, or uses ``--db``, serves the
web factbox on a free loopback port and photographs, in Debian's chromium
(``/usr/bin/chromium``) through Playwright:

- ``factbox.png``: the factbox page of the demo proposal at 1280 px wide;
- ``factbox-phone.png``: the same page at 390 px (cards, nothing sideways);
- ``factbox-export.png``: ``factbox export`` of it, opened from ``file://`` at 1280 px;
- ``home.png``, ``article.png``, ``actor.png`` and ``queue.png`` (the editors' desk, signed in,
  with one reader's report filed): the other pages at 1280 px, each with a ``-phone.png``
  twin at 390 px.

Whole pages are photographed (``full_page``), so a reviewer sees every section.
"""

from __future__ import annotations

import argparse
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from factbox import api, service
from factbox.service import Factbox
from factbox.web import WebSettings, create_app
from factbox.web.server import uvicorn_config

SCREENSHOTS = Path(__file__).parents[1] / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
SLUG = "send-troops"
WIDTHS = {"": 1280, "-phone": 390}
EDITOR = ("screenshots", "a password for the screenshots only")
ACTOR = "FR"


@contextmanager
def serving(factbox: Factbox) -> Iterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(
        uvicorn_config(create_app(factbox, WebSettings(salt="screenshots")), log_level="warning")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()


def demo_ledger(factbox: Factbox) -> None:
    factbox.load_proposals(api.demo_proposals())
    factbox.ingest([str(api.demo_articles())])


def page_addresses(factbox: Factbox, url: str) -> dict[str, str]:
    """Screenshot name stem -> address of the page it shows."""
    article = factbox.articles_page(limit=1).items[0]
    return {
        "factbox": f"{url}/proposals/{SLUG}",
        "home": f"{url}/",
        "article": f"{url}/articles/{article.ref.id}",
        "actor": f"{url}/actors/{ACTOR}",
        "queue": f"{url}/editors/queue",
    }


def file_a_report(page: Any, url: str, article_address: str) -> None:
    """File one reader's report on the article's first statement, as report.js would."""
    page.goto(article_address)
    words = page.locator("mark").first.inner_text()[:60]
    response = page.request.post(
        f"{url}/api/reports",
        data={
            "url": article_address,
            "selector": [{"type": "TextQuoteSelector", "exact": words, "prefix": "", "suffix": ""}],
            "comment": "The speaker is named wrongly here.",
        },
    )
    if not response.ok:
        refused = f"{response.status} {response.text()}"
        raise SystemExit(f"screenshots: the report was refused: {refused}")


def sign_in(page: Any, url: str) -> None:
    page.goto(f"{url}/editors/login")
    page.fill("input[name=name]", EDITOR[0])
    page.fill("input[name=password]", EDITOR[1])
    page.locator("form button[type=submit], form input[type=submit]").first.click()
    page.wait_for_url(f"{url}/editors/queue*")


def photograph(factbox: Factbox, out: Path, folder: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    export = factbox.export(SLUG, folder / "export")
    factbox.add_editor(*EDITOR)
    written = []
    with serving(factbox) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        addresses = page_addresses(factbox, url)
        shots = [
            (f"{stem}{suffix}.png", width, address)
            for stem, address in addresses.items()
            for suffix, width in WIDTHS.items()
        ]
        shots.append(("factbox-export.png", 1280, (export.out / "index.html").as_uri()))
        reported = False
        for name, width, address in shots:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, is_mobile=width < 500
            )
            page = context.new_page()
            if address == addresses["queue"]:
                if not reported:
                    file_a_report(page, url, addresses["article"])
                    reported = True
                sign_in(page, url)
            page.goto(address)
            page.screenshot(path=str(out / name), full_page=True)
            written.append(out / name)
            context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a ledger that already holds the demo (default: build one)")
    parser.add_argument("--out", type=Path, default=SCREENSHOTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factbox-shots-") as tmp:
        with service.open(args.db or str(Path(tmp) / "demo.db")) as factbox:
            if not args.db:
                demo_ledger(factbox)
            for path in photograph(factbox, args.out, Path(tmp)):
                print(path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path)


if __name__ == "__main__":
    main()
