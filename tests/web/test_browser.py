"""Real-browser tests (Debian's chromium through Playwright) against a live uvicorn server.

Screenshots of the pages go to docs/screenshots/.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import EDITOR, SCREENSHOTS, LiveFactory, Stored
from support import TROOPS, save_troops_proposal

from factbox.store.reports import list_groups, report_count
from factbox.web import WebSettings

FICO = "We will not send soldiers, but we will send everything else"


def select_and_report(page: Any, selector: str, comment: str) -> None:
    """A reader selects a statement, presses Ctrl+Enter, writes a comment and sends."""
    page.locator(selector).select_text()
    page.keyboard.press("Control+Enter")
    dialog = page.get_by_role("dialog", name="Report an error")
    dialog.wait_for()
    page.get_by_label("Comment (optional)").fill(comment)
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Thank you! The editors will check it.").wait_for()


def sign_in(page: Any, base: str) -> None:
    page.goto(f"{base}/editors/login")
    page.get_by_label("Name").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/editors/queue")


def test_report_group_correct_and_see_it_on_the_factbox(
    stored: Stored, live: LiveFactory, browser: Any, page: Any
) -> None:
    save_troops_proposal(stored.ledger)
    server = live()
    article = f"{server.url}/articles/{stored.ids['brussels']}"

    page.goto(article)
    page.locator("#s2").focus()  # speaker and actor show on keyboard focus
    tip = page.evaluate("getComputedStyle(document.querySelector('#s2'), '::after').content")
    assert "Robert Fico (Prime Minister)" in tip and "Slovakia" in tip
    page.screenshot(path=str(SCREENSHOTS / "article.png"))

    page.locator("#s2").select_text()
    page.keyboard.press("Control+Enter")
    dialog = page.get_by_role("dialog", name="Report an error")
    dialog.wait_for()
    assert page.locator("dialog blockquote").text_content() == page.locator("#s2").text_content()
    for _ in range(6):  # the modal keeps focus off the page behind it
        outside = page.evaluate(
            "(() => { const a = document.activeElement;"
            " return a !== document.body && !a.closest('dialog'); })()"
        )
        assert not outside
        page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert not dialog.is_visible()

    select_and_report(page, "#s2", "Fico said this about Ukraine, not about NATO")
    page.screenshot(path=str(SCREENSHOTS / "report-dialog.png"))
    second_reader = browser.new_context()
    try:
        other = second_reader.new_page()
        other.goto(article)
        select_and_report(other, "#s2", "")
    finally:
        second_reader.close()
    [group] = list_groups(stored.ledger)
    assert group.count == 2
    assert group.article_id == stored.ids["brussels"]
    assert group.revision == stored.ledger.current_hash("brussels")
    assert FICO in group.exact

    sign_in(page, server.url)
    report = page.locator(f"#r{group.id}")
    assert "reported 2 times" in report.inner_text()
    assert FICO in (report.locator("blockquote mark").text_content() or "")
    page.screenshot(path=str(SCREENSHOTS / "queue.png"), full_page=True)

    report.get_by_role("button", name="Start work").click()
    report = page.locator(f"#r{group.id}")
    report.locator("summary").first.click()
    report.get_by_label("What to correct").select_option("stance")
    report.get_by_label("Proposal (for a stance").select_option(TROOPS)
    report.get_by_label("Stance", exact=True).select_option("opposes")
    report.get_by_label("Why").fill("He rules out sending soldiers")
    report.get_by_role("button", name="Save correction").click()
    page.get_by_text("saved.").wait_for()

    page.goto(f"{server.url}/proposals/{TROOPS}")
    opposed = page.locator(".stance-group", has=page.locator("#group-opposes"))
    row = opposed.get_by_role("row", name="Slovakia")
    assert "corrected by the editors" in row.inner_text()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture
def other_site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A plain static web server on another port: another origin."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


EMBEDDING_PAGE = """<!doctype html>
<html lang="uk"><head><meta charset="utf-8"><title>Новини</title></head>
<body><h1>Новини дня</h1>
<p id="story">Міністр закордонних справ сказав, що уряд надішле снаряди до літа.</p>
<script src="{factbox}/static/report.js" data-endpoint="{factbox}/api/reports" defer></script>
</body></html>
"""


def test_the_script_embedded_on_another_origin(
    stored: Stored, live: LiveFactory, page: Any, other_site: tuple[Path, str]
) -> None:
    folder, origin = other_site
    server = live(WebSettings(salt="s", allowed_origins=(origin,)))
    (folder / "story.html").write_text(EMBEDDING_PAGE.format(factbox=server.url), encoding="utf-8")
    page.goto(f"{origin}/story.html")
    page.locator("#story").select_text()
    page.keyboard.press("Control+Enter")
    page.get_by_role("dialog", name="Повідомити про помилку").wait_for()
    page.get_by_label("Коментар (необов’язково)").fill("Не міністр, а прем'єр")
    page.get_by_role("button", name="Надіслати").click()
    page.get_by_text("Дякуємо! Редактори перевірять.").wait_for()
    [group] = list_groups(stored.ledger)
    assert group.page_url == f"{origin}/story.html"
    assert group.exact.startswith("Міністр закордонних справ")
    assert group.article_id is None


def test_an_origin_not_on_the_allowlist_cannot_report(
    stored: Stored, live: LiveFactory, page: Any, other_site: tuple[Path, str]
) -> None:
    folder, origin = other_site
    server = live(WebSettings(salt="s", allowed_origins=("https://news.example",)))
    (folder / "story.html").write_text(EMBEDDING_PAGE.format(factbox=server.url), encoding="utf-8")
    page.goto(f"{origin}/story.html")
    page.locator("#story").select_text()
    page.keyboard.press("Control+Enter")
    page.get_by_role("button", name="Надіслати").click()
    page.get_by_text("На жаль, не вдалося надіслати.").wait_for()
    assert report_count(stored.ledger) == 0


def test_touch_screens_get_a_report_button(stored: Stored, live: LiveFactory, browser: Any) -> None:
    server = live()
    context = browser.new_context(
        has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844}
    )
    try:
        phone = context.new_page()
        phone.goto(f"{server.url}/articles/{stored.ids['brussels']}")
        phone.locator("#s1").select_text()
        button = phone.get_by_role("button", name="Report an error")
        button.wait_for()
        phone.screenshot(path=str(SCREENSHOTS / "article-phone.png"))
        button.tap()
        phone.get_by_role("dialog", name="Report an error").wait_for()
        phone.get_by_role("button", name="Send").tap()
        phone.get_by_text("Thank you! The editors will check it.").wait_for()
        # readable on a phone: nothing is wider than the screen
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
    finally:
        context.close()
    assert report_count(stored.ledger) == 1


PAYLOADS = {
    "exact": '<img src=x onerror="window.__xss=1;alert(1)">',
    "prefix": "</textarea><script>window.__xss=2</script>",
    "comment": "javascript:alert(3) </textarea><script>window.__xss=3</script>"
    '<a href="javascript:window.__xss=4">x</a>',
}


def test_script_payloads_render_inert_in_the_queue(
    stored: Stored, live: LiveFactory, page: Any
) -> None:
    import httpx

    server = live()
    body = {
        "url": "https://news.example/story?q=<script>window.__xss=5</script>",
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": PAYLOADS["exact"],
                "prefix": PAYLOADS["prefix"][:32],
                "suffix": '"><svg onload=alert(6)>',
            }
        ],
        "comment": PAYLOADS["comment"],
    }
    assert httpx.post(f"{server.url}/api/reports", json=body).status_code == 202
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, server.url)
    page.wait_for_load_state("load")
    injected = page.evaluate(
        """(() => ({
            xss: window.__xss === undefined ? null : window.__xss,
            img: document.querySelectorAll('img').length,
            svg: document.querySelectorAll('svg').length,
            inline: [...document.scripts].filter(s => !s.src).length,
            js_links: document.querySelectorAll('a[href^="javascript:"]').length,
        }))()"""
    )
    assert injected == {"xss": None, "img": 0, "svg": 0, "inline": 0, "js_links": 0}
    assert dialogs == []
    text = page.locator("article.report").inner_text()
    assert PAYLOADS["exact"] in text
    assert "window.__xss=3" in text


def test_the_dialog_shows_page_text_as_text(stored: Stored, live: LiveFactory, page: Any) -> None:
    import datetime as dt

    from support import article

    body = 'The caption read <img src=x onerror="window.__xss=1"> and nothing else.'
    stored.ledger.save_article(article("caption", "Caption", body, dt.date(2024, 4, 6)), [])
    ref = stored.ledger.find_article("caption")
    assert ref is not None
    server = live()
    page.goto(f"{server.url}/articles/{ref.id}")
    page.locator(".article-text").select_text()
    page.keyboard.press("Control+Enter")
    page.get_by_role("dialog").wait_for()
    assert page.locator("dialog blockquote").text_content() == body
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("window.__xss === undefined")
