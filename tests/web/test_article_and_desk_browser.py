"""In Debian's chromium, at 1280 and 390 px: every statement link on an article page lands on
a highlighted span (our articles, the bundled demo week, and a PolNeAR dev article ingested
here when ../shared is present); nothing scrolls sideways on article and queue pages; the
report dialog's buttons, its answer to a 429 and where focus goes when it closes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import SCREENSHOTS, LiveFactory, LiveServer, Stored
from support import store_overlaps
from test_accessibility import CHECKS, _axe
from test_browser import sign_in
from test_reports_api import report

from factbox import api
from factbox.api import demo_articles
from factbox.service import Factbox
from factbox.store.ledger import Ledger
from factbox.web import WebSettings, create_app

WIDTHS = [1280, 390]
PARTS = 3000
POLNEAR_DEV = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear" / "dev" / "text"
# a dev article whose statements overlap (nested and crossing)
POLNEAR_ARTICLE = "breitbart_2016-10-03_the-latest-trump-s-leaked-taxes-.txt"

# For every statement link in the list: where it lands. Reads the statement spans from the
# page's JSON twin, so a mark must start at its statement's first character.
LANDINGS = """async (spans) => {
  const body = document.querySelector('.article-text').textContent;
  const plain = getComputedStyle(document.body).backgroundColor;
  const out = [];
  for (const link of document.querySelectorAll('.statements a[href^="#s"]')) {
    const id = link.getAttribute('href').slice(1), target = document.getElementById(id);
    const [start, end] = spans[id.slice(1)];
    const before = document.createRange();
    if (target) {
      before.setStart(document.querySelector('.article-text'), 0);
      before.setEnd(target, 0);
    }
    out.push({
      id,
      tag: target ? target.tagName : null,
      highlighted: !!target && getComputedStyle(target).backgroundColor !== plain
        && getComputedStyle(target).backgroundColor !== 'rgba(0, 0, 0, 0)',
      boxes: target ? target.getClientRects().length : 0,
      at: target ? before.toString().length : -1,
      start,
      starts: !!target && body.slice(start, end).startsWith(target.textContent),
    });
  }
  return out;
}"""

WIDE = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _check_landings(page: Any, base: str, article_id: int) -> int:
    """Every statement link of the article lands on a highlighted mark at its first
    character; a few are clicked too. Returns how many statements the article has."""
    data = httpx.get(f"{base}/api/articles/{article_id}").json()
    spans = {str(s["id"]): s["span"] for s in data["statements"]}
    page.goto(f"{base}/articles/{article_id}")
    landings = page.evaluate(LANDINGS, spans)
    assert len(landings) == len(spans)
    wrong = [
        item
        for item in landings
        if not (
            item["tag"] == "MARK"
            and item["highlighted"]
            and item["boxes"]
            and item["at"] == item["start"]
            and item["starts"]
        )
    ]
    assert wrong == []
    for item in landings[:: max(1, len(landings) // 4)]:
        page.locator(f'.statements a[href="#{item["id"]}"]').click()
        box = page.evaluate(
            f"(() => {{ const r = document.getElementById('{item['id']}').getBoundingClientRect();"
            " return [r.top, r.bottom, innerHeight]; })()"
        )
        assert box[0] < box[2] and box[1] > 0, item  # scrolled into view
    assert page.evaluate(WIDE) <= 0
    return len(spans)


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized(browser: Any, request: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": request.param, "height": 900})
    yield context.new_page()
    context.close()


def test_every_statement_link_lands_on_its_highlight(
    stored: Stored, live: LiveFactory, sized: Any
) -> None:
    overlaps = store_overlaps(stored.ledger)
    server = live()
    for article_id in (stored.ids["brussels"], stored.ids["paris"], overlaps):
        assert _check_landings(sized, server.url, article_id) > 0
    width = sized.viewport_size["width"]
    sized.goto(f"{server.url}/articles/{overlaps}")
    sized.screenshot(path=str(SCREENSHOTS / f"article-overlaps-{width}.png"), full_page=True)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Factbox]:
    """The demo week, and one PolNeAR dev article when the corpus is there, as extracted;
    a body longer than ``PARTS`` characters is parsed in parts, as a long feature is, so the
    spans found in each part must come back to the right place in the whole body."""
    folder = tmp_path_factory.mktemp("ingested")
    inputs = [demo_articles()]
    if (POLNEAR_DEV / POLNEAR_ARTICLE).exists():
        (folder / POLNEAR_ARTICLE).write_bytes((POLNEAR_DEV / POLNEAR_ARTICLE).read_bytes())
        inputs.append(folder / POLNEAR_ARTICLE)
    summary = api.ingest(inputs, folder / "ledger.db", part_chars=PARTS)
    assert summary.ok, summary.failed
    factbox = Factbox(Ledger(folder / "ledger.db"))
    yield factbox
    factbox.close()


def test_extracted_articles_link_every_statement_to_its_highlight(
    ingested: Factbox, browser: Any
) -> None:
    with LiveServer(create_app(ingested, WebSettings(salt="s"))) as server:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            try:
                page = context.new_page()
                counted = {
                    row.ref.source_name: _check_landings(page, server.url, row.ref.id)
                    for row in ingested.articles()
                    if row.statements
                }
            finally:
                context.close()
            assert sum(counted.values()) > 0


def test_a_polnear_article_with_overlapping_statements_is_fully_marked(
    ingested: Factbox, browser: Any
) -> None:
    if not (POLNEAR_DEV / POLNEAR_ARTICLE).exists():
        pytest.skip("PolNeAR dev is not next to the repository (../shared/corpora/polnear)")
    [row] = [r for r in ingested.articles() if r.ref.source_name.endswith(POLNEAR_ARTICLE)]
    found = ingested.statements(row.ref.id)
    spans = [s.statement.span for s in found]
    crossing = [
        (a, b)
        for a in spans
        for b in spans
        if a[0] < b[0] < a[1] < b[1] or (a != b and a[0] == b[0])
    ]
    assert crossing, "the chosen article no longer has overlapping statements"
    with LiveServer(create_app(ingested, WebSettings(salt="s"))) as server:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        try:
            assert _check_landings(context.new_page(), server.url, row.ref.id) == len(found)
        finally:
            context.close()


def test_the_queue_is_cards_that_fit_the_screen(
    stored: Stored, live: LiveFactory, sized: Any
) -> None:
    server = live()
    long_page = "https://news.example/" + "a-very-long-address-without-spaces-" * 6
    for body in (
        report(article_id=str(stored.ids["brussels"]), comment="It was the foreign minister"),
        report("Nobody-said-this-ever-" * 8, url=long_page, comment="x" * 300),
    ):
        assert httpx.post(f"{server.url}/api/reports", json=body).status_code == 202
    sign_in(sized, server.url)
    sized.locator("details summary").first.click()
    assert sized.evaluate(WIDE) <= 0
    width = sized.viewport_size["width"]
    cards = sized.locator("article.report")
    assert cards.count() == 2
    for index in range(2):
        box = cards.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    sized.screenshot(path=str(SCREENSHOTS / f"queue-{width}.png"), full_page=True)


def _open_dialog(page: Any, selector: str) -> Any:
    page.locator(selector).select_text()
    page.keyboard.press("Control+Enter")
    dialog = page.get_by_role("dialog", name="Report an error")
    dialog.wait_for()
    return dialog


def test_send_and_cancel_look_and_act_differently(
    stored: Stored, live: LiveFactory, sized: Any
) -> None:
    server = live()
    sized.goto(f"{server.url}/articles/{stored.ids['brussels']}")
    dialog = _open_dialog(sized, "#s2")
    send = dialog.get_by_role("button", name="Send")
    cancel = dialog.get_by_role("button", name="Cancel")
    assert send.get_attribute("type") == "submit" and cancel.get_attribute("type") == "button"
    look = "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).fontWeight]"
    assert send.evaluate(look) != cancel.evaluate(look)
    first, second = send.bounding_box(), cancel.bounding_box()
    beside = second["x"] - (first["x"] + first["width"])
    below = second["y"] - (first["y"] + first["height"])
    assert max(beside, below) >= 8  # they do not touch
    for box in (first, second):
        assert box["height"] >= 32 and box["x"] + box["width"] <= sized.viewport_size["width"]
    assert sized.evaluate(WIDE) <= 0
    cancel.click()
    assert not dialog.is_visible()
    assert stored.factbox.report_count() == 0


BACK = """([tag, text]) => {
  const focused = document.activeElement;
  return focused.tagName + '#' + focused.id === tag && getSelection().toString() === text;
}"""


def _comes_back(page: Any, tag: str, text: str) -> None:
    """Focus on ``tag`` (``MARK#s2``) and ``text`` selected again, once the dialog's close
    event has run (it is queued, not run at once); fails after 5 seconds."""
    page.wait_for_function(BACK, arg=[tag, text], timeout=5000)


def test_focus_and_the_selection_come_back_when_the_dialog_closes(
    stored: Stored, live: LiveFactory, page: Any
) -> None:
    server = live()
    page.goto(f"{server.url}/articles/{stored.ids['brussels']}")
    said = page.locator("#s2").text_content()
    _open_dialog(page, "#s2").get_by_role("button", name="Cancel").click()
    _comes_back(page, "MARK#s2", said)
    _open_dialog(page, "#s2")
    page.keyboard.press("Escape")
    _comes_back(page, "MARK#s2", said)
    dialog = _open_dialog(page, "#s2")
    dialog.get_by_role("button", name="Send").click()
    page.get_by_text("Thank you! The editors will check it.").wait_for()
    dialog.get_by_role("button", name="Cancel").click()
    _comes_back(page, "MARK#s2", said)
    # a selection in plain text: focus goes to the text around it, the selection stays
    page.locator("h1").select_text()
    page.keyboard.press("Control+Enter")
    page.keyboard.press("Escape")
    _comes_back(page, "H1#", page.locator("h1").text_content())


def test_after_a_429_the_dialog_says_when_to_try_again(
    stored: Stored, live: LiveFactory, page: Any
) -> None:
    server = live(WebSettings(salt="s", rate_limit=1))
    page.goto(f"{server.url}/articles/{stored.ids['brussels']}")
    dialog = _open_dialog(page, "#s1")
    dialog.get_by_role("button", name="Send").click()
    page.get_by_text("Thank you! The editors will check it.").wait_for()
    page.keyboard.press("Escape")
    dialog = _open_dialog(page, "#s2")
    with page.expect_response("**/api/reports") as answer:
        dialog.get_by_role("button", name="Send").click()
    assert answer.value.status == 429
    wait = int(answer.value.headers["retry-after"])
    assert wait > 0
    message = dialog.locator("output")
    message.wait_for()
    text = message.text_content() or ""
    assert text.startswith("Too many reports. Try again after ")
    # the time shown is no earlier than the server's Retry-After, and within two minutes of it
    allowed = page.evaluate(
        f"[0, 1, 2].map(m => new Date(Date.now() + {wait} * 1000 + m * 60000)"
        ".toLocaleTimeString(document.documentElement.lang, {timeStyle: 'short'}))"
    )
    assert any(text.endswith(time) for time in allowed), (text, allowed)
    assert stored.factbox.report_count() == 1


def test_the_pages_touched_pass_axe_at_both_widths(
    stored: Stored, live: LiveFactory, browser: Any
) -> None:
    overlaps = store_overlaps(stored.ledger)
    server = live()
    body = report(article_id=str(stored.ids["brussels"]))
    assert httpx.post(f"{server.url}/api/reports", json=body).status_code == 202
    problems: dict[str, list[str]] = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        try:
            page = context.new_page()
            page.goto(f"{server.url}/articles/{overlaps}")
            problems[f"article {width}"] = page.evaluate(CHECKS) + _axe(page)
            sign_in(page, server.url)
            page.locator("details summary").first.click()
            problems[f"queue {width}"] = page.evaluate(CHECKS) + _axe(page)
            page.goto(f"{server.url}/editors/queue?notice=correction-saved")
            problems[f"queue notice {width}"] = page.evaluate(CHECKS) + _axe(page)
            page.goto(f"{server.url}/articles/{stored.ids['brussels']}")
            _open_dialog(page, "#s2")
            problems[f"dialog {width}"] = page.evaluate(CHECKS) + _axe(page)
        finally:
            context.close()
    assert problems == {name: [] for name in problems}
