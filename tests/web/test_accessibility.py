"""Accessibility: colour contrast of the stylesheet, and in-browser checks of every page.

The in-browser checks cover the serious classes that axe-core reports (missing lang, images
without alt, unlabelled form fields, nameless buttons and links, broken ARIA references,
duplicate ids). When ``FACTBOX_AXE_JS`` names a copy of axe-core's ``axe.min.js`` (CI
installs it from npm), axe itself runs too and must find no serious or critical violation.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import EDITOR, LiveFactory, Stored
from support import TROOPS, save_troops_proposal

CSS = Path(__file__).parents[2] / "src" / "factbox" / "web" / "static" / "site.css"

# (foreground, background) custom properties that the stylesheet puts together.
PAIRS = [
    ("text", "page"),
    ("muted", "page"),
    ("link", "page"),
    ("page", "link"),  # button text
    ("error", "page"),
    ("text", "mark"),
    ("text", "mark-focus"),
    ("text", "mark-inner"),
    ("tip-text", "tip"),
    ("supports-text", "supports"),
    ("opposes-text", "opposes"),
    ("open-text", "open"),
    ("unclear-text", "unclear"),
    ("none-text", "none"),
    ("notice-text", "notice"),
    ("supports-text", "opposes"),  # map labels share the white of the supports label
    ("supports-text", "unclear"),
    ("text", "open"),
    ("text", "none"),
]


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_colour_pair_meets_wcag_aa() -> None:
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", CSS.read_text()))
    low = {
        f"{fg} on {bg}": round(contrast(colours[fg], colours[bg]), 2)
        for fg, bg in PAIRS
        if contrast(colours[fg], colours[bg]) < 4.5
    }
    assert low == {}


CHECKS = """(() => {
  const problems = [];
  const visible = e => !e.closest('[hidden]') && e.type !== 'hidden';
  const byId = id => document.getElementById(id);
  if (!document.documentElement.lang) problems.push('html has no lang');
  if (!document.title.trim()) problems.push('page has no title');
  const viewport = document.querySelector('meta[name=viewport]');
  if (!viewport) problems.push('no viewport meta');
  else if (/user-scalable\\s*=\\s*no|maximum-scale\\s*=\\s*1(\\D|$)/.test(viewport.content))
    problems.push('zoom disabled');
  for (const img of document.querySelectorAll('img:not([alt])')) problems.push('img without alt');
  for (const svg of document.querySelectorAll('svg[role=img]'))
    if (!svg.getAttribute('aria-label') && !svg.getAttribute('aria-labelledby'))
      problems.push('svg image without a name');
  for (const field of document.querySelectorAll('input, select, textarea')) {
    if (!visible(field)) continue;
    const named = (field.labels && field.labels.length) || field.getAttribute('aria-label')
      || field.getAttribute('aria-labelledby');
    if (!named) problems.push('unlabelled field ' + (field.name || field.id));
  }
  for (const button of document.querySelectorAll('button'))
    if (!button.textContent.trim() && !button.getAttribute('aria-label'))
      problems.push('button without a name');
  for (const link of document.querySelectorAll('a[href]'))
    if (!link.textContent.trim() && !link.getAttribute('aria-label'))
      problems.push('link without text ' + link.getAttribute('href'));
  const ids = {};
  for (const el of document.querySelectorAll('[id]')) {
    if (ids[el.id]) problems.push('duplicate id ' + el.id);
    ids[el.id] = true;
  }
  for (const attr of ['aria-labelledby', 'aria-describedby'])
    for (const el of document.querySelectorAll('[' + attr + ']'))
      for (const id of el.getAttribute(attr).split(/\\s+/))
        if (!byId(id)) problems.push(attr + ' points at missing ' + id);
  for (const el of document.querySelectorAll('[tabindex]'))
    if (+el.getAttribute('tabindex') > 0) problems.push('positive tabindex');
  if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
  let level = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const next = +h.tagName[1];
    if (next > level + 1) problems.push('heading level skipped at ' + h.textContent.trim());
    level = next;
  }
  if (!document.querySelector('main')) problems.push('no main landmark');
  return problems;
})()"""


def _axe(page: Any) -> list[str]:
    source = os.environ.get("FACTBOX_AXE_JS")
    if not source:
        return []
    page.add_script_tag(content=Path(source).read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_every_page_passes_the_checks(stored: Stored, live: LiveFactory, browser: Any) -> None:
    # axe is injected as an inline script, which the pages' CSP would rightly block.
    context = browser.new_context(bypass_csp=True)
    try:
        _check_pages(stored, live, context.new_page())
    finally:
        context.close()


def _check_pages(stored: Stored, live: LiveFactory, page: Any) -> None:
    save_troops_proposal(stored.ledger)
    server = live()
    stored.factbox.correct(2, "stance", "opposes", proposal=TROOPS, editor="t")
    report = {
        "url": f"{server.url}/articles/{stored.ids['brussels']}",
        "selector": [{"type": "TextQuoteSelector", "exact": "productive and sober"}],
        "comment": "Quote marks are missing",
        "article_id": str(stored.ids["brussels"]),
    }
    assert httpx.post(f"{server.url}/api/reports", json=report).status_code == 202

    problems: dict[str, list[str]] = {}
    for path in [
        "/",
        f"/articles/{stored.ids['brussels']}",
        "/actors/CZ",
        f"/proposals/{TROOPS}",
        "/editors/login",
    ]:
        page.goto(server.url + path)
        problems[path] = page.evaluate(CHECKS) + _axe(page)

    page.goto(f"{server.url}/editors/login")
    page.get_by_label("Name").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/editors/queue")
    problems["/editors/queue"] = page.evaluate(CHECKS) + _axe(page)

    page.goto(f"{server.url}/articles/{stored.ids['brussels']}")
    page.locator("#s1").select_text()
    page.keyboard.press("Control+Enter")
    page.get_by_role("dialog").wait_for()
    problems["report dialog"] = page.evaluate(CHECKS) + _axe(page)
    assert problems == {path: [] for path in problems}


def test_statements_are_reachable_with_the_keyboard(
    stored: Stored, live: LiveFactory, page: Any
) -> None:
    server = live()
    page.goto(f"{server.url}/articles/{stored.ids['brussels']}")
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id"))
    assert {"s1", "s2", "s3"} <= set(reached)
    assert reached.index("s1") < reached.index("s2") < reached.index("s3")
