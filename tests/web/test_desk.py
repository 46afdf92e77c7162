"""The editors' desk: notices from a fixed set, error pages that lead back to the queue,
"probably fixed" only for text that existed and changed, and a correction form that shows the
statement's current values and its earlier corrections."""

from __future__ import annotations

import html
import re

from conftest import Stored
from fastapi.testclient import TestClient
from support import BRUSSELS, BRUSSELS_SAID, TROOPS, revise, save_troops_proposal
from test_editors import login
from test_reports_api import report

from factbox.store.reports import list_groups
from factbox.web.anchor import Anchor, finding

NOTICE = re.compile(r'<p class="notice" role="status">(.*?)</p>', re.S)


def test_notices_come_from_a_fixed_set(client: TestClient) -> None:
    login(client)
    for query in (
        "message=Your+account+is+locked%2C+call+555-0100",
        "notice=%3Cb%3Ecall+555-0100%3C%2Fb%3E",
        "notice=The+correction+was+saved.+Now+call+555-0100",
    ):
        page = client.get(f"/editors/queue?{query}").text
        assert NOTICE.findall(page) == [], query
        assert "555-0100" not in page.split('class="filters"')[0], query
    saved = client.get("/editors/queue?notice=correction-saved").text
    assert NOTICE.findall(saved) == ["The correction was saved."]


def test_error_pages_on_the_desk_lead_back_to_the_queue(client: TestClient) -> None:
    token = login(client)
    missing = client.post(
        "/editors/reports/999/status", data={"csrf_token": token, "status": "fixed"}
    )
    assert missing.status_code == 404
    assert '<a href="/editors/queue">Back to the reports queue</a>' in missing.text
    bad = client.post(
        "/editors/corrections",
        data={"csrf_token": token, "statement_id": "1", "field": "stance", "reason": "r"},
    )
    assert bad.status_code == 422
    assert '<a href="/editors/queue">Back to the reports queue</a>' in bad.text
    reader = client.get("/articles/999")
    assert reader.status_code == 404
    assert '<a href="/">Back to the start page</a>' in reader.text


def test_a_status_change_comes_back_to_the_report_with_a_notice(
    client: TestClient, stored: Stored
) -> None:
    client.post("/api/reports", json=report(article_id=str(stored.ids["brussels"])))
    token = login(client)
    [group] = list_groups(stored.ledger)
    moved = client.post(
        f"/editors/reports/{group.id}/status",
        data={"csrf_token": token, "status": "in_progress", "back": "/editors/queue?status=all"},
        follow_redirects=False,
    )
    back = f"/editors/queue?status=all&notice=status-changed#r{group.id}"
    assert moved.headers["location"] == back
    page = client.get(moved.headers["location"]).text
    assert [html.unescape(n) for n in NOTICE.findall(page)] == ["The report's status was changed."]


def test_probably_fixed_only_where_the_text_existed_and_changed() -> None:
    seen = "The minister said the plan was sound."
    current = "The minister said the plan was sound but slow."
    exact = Anchor("exact", (0, 3), 1.0)
    fuzzy = Anchor("fuzzy", (0, 3), 0.8)
    missing = Anchor("missing", None, 0.0)
    assert finding(exact, "The", current, seen) == "found"
    assert finding(fuzzy, "plan was sound.", current, seen) == "changed"
    # never in the text the reader saw: nothing was fixed, whatever the current text says
    assert finding(missing, "Statements in this article", current, seen) == "not_in_text"
    assert finding(missing, "Statements in this article", seen, seen) == "not_in_text"
    # the same revision: words that are not there were never there
    assert finding(fuzzy, "plan was sound!", seen, seen) == "not_in_text"
    assert finding(missing, "plan was sound.", current, None) == "not_found"


def test_a_report_on_words_that_were_never_in_the_article_is_not_probably_fixed(
    client: TestClient, stored: Stored
) -> None:
    article_id = str(stored.ids["brussels"])
    # the reader selected the list of statements under the article, not its text
    client.post(
        "/api/reports",
        json=report("Statements in this article", prefix="", suffix="", article_id=article_id),
    )
    login(client)
    page = client.get("/editors/queue").text
    assert "Probably fixed" not in page
    assert "not in the article's text as the reader saw it" in html.unescape(page)
    # revised since: the selection still was never in the article's text
    changed = BRUSSELS.replace("more artillery shells", "more 155mm shells")
    said = [s for s in BRUSSELS_SAID if "artillery" not in s.content]
    revise(stored.ledger, "brussels", "Ministers weigh air defence", changed, said)
    page = client.get("/editors/queue").text
    assert "Probably fixed" not in page


def _form_for(page: str, statement_id: int) -> str:
    start = page.index(f'name="statement_id" value="{statement_id}"')
    details = page.rindex("<details>", 0, start)
    return page[details : page.index("</details>", start)]


def test_the_correction_form_shows_current_values_and_earlier_corrections(
    client: TestClient, stored: Stored
) -> None:
    save_troops_proposal(stored.ledger)
    article_id = stored.ids["brussels"]
    client.post("/api/reports", json=report(article_id=str(article_id)))
    [lipavsky] = [
        s for s in stored.factbox.statements(article_id) if "artillery" in s.statement.content
    ]
    stored.factbox.correct(
        lipavsky.id, "stance", "open", proposal=TROOPS, editor="olena", reason="hedged"
    )
    stored.factbox.correct(
        lipavsky.id, "stance", "supports", proposal=TROOPS, editor="taras", reason="he commits"
    )
    login(client)
    form = html.unescape(_form_for(client.get("/editors/queue").text, lipavsky.id))
    assert 'name="actor_id" maxlength="200" value="CZ"' in form
    assert 'name="speaker" maxlength="200" value="Jan Lipavsky"' in form
    assert f'<option value="{TROOPS}" selected>' in form
    assert '<option value="supports" selected>' in form
    history = re.findall(r"<li>(.*?)</li>", form.split('class="history"')[1], re.S)
    assert [re.sub(r"<[^>]+>|\s+", " ", h).split("—")[0].strip() for h in history] == [
        f"stance on {TROOPS}: open",
        f"stance on {TROOPS}: supports",
    ]
    assert "olena" in history[0] and "hedged" in history[0]
    assert "taras" in history[1] and "he commits" in history[1]


def test_sending_the_shown_name_back_keeps_the_extracted_speaker(
    client: TestClient, stored: Stored
) -> None:
    article_id = stored.ids["brussels"]
    client.post("/api/reports", json=report(article_id=str(article_id)))
    token = login(client)
    [lipavsky] = [
        s for s in stored.factbox.statements(article_id) if "artillery" in s.statement.content
    ]
    response = client.post(
        "/editors/corrections",
        data={
            "csrf_token": token,
            "statement_id": str(lipavsky.id),
            "field": "speaker",
            "actor_id": "SK",
            "speaker": "Jan Lipavsky",
            "reason": "Wrong country",
        },
    )
    assert response.status_code == 200
    corrected = stored.factbox.statement(lipavsky.id)
    assert corrected is not None
    [speaker] = corrected.statement.speakers
    assert (speaker.name, speaker.role, speaker.actor_id) == (
        "Jan Lipavsky",
        "Foreign Minister",
        "SK",
    )
    assert speaker.text == lipavsky.statement.speakers[0].text
