"""Reader pages and their JSON: articles with highlighted statements, actors, factboxes."""

from __future__ import annotations

import csv
import html
import io
import re

from conftest import Stored
from fastapi.testclient import TestClient
from support import BRUSSELS, TROOPS, save_troops_proposal

from factbox.corrections import CorrectionRequest
from factbox.stance.records import (
    Cue,
    MatchedJudgement,
    MatchEvidence,
    Proposal,
    ProposalMatch,
    Stance,
    StanceJudgement,
)


def test_the_start_page_lists_articles(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<a href="/articles/1">Ministers weigh air defence</a>' in page.text
    assert '<a href="/articles/2">Macron keeps options open</a>' in page.text


def test_the_article_page_marks_every_statement(client: TestClient, stored: Stored) -> None:
    page = client.get(f"/articles/{stored.ids['brussels']}")
    assert page.status_code == 200
    text = page.text
    assert '<html lang="en">' in text and 'name="viewport"' in text
    revision = stored.ledger.current_hash("brussels")
    assert f'data-article-id="{stored.ids["brussels"]}" data-revision="{revision}"' in text
    marks = re.findall(
        r'<mark tabindex="0" id="s(\d+)" data-who="([^"]*)" '
        r'aria-describedby="who-(\d+)">',
        text,
    )
    assert len(marks) == 3
    for statement_id, _who, described_by in marks:
        assert statement_id == described_by
        assert f'id="who-{statement_id}"' in text
        assert f'<a href="#s{statement_id}">' in text
    assert "Said by Robert Fico (Prime Minister) — for Slovakia" in {
        html.unescape(who) for _, who, _ in marks
    }
    # listed once each: the quote, then the speaker with the actor they speak for
    assert "“We will not send soldiers, but we will send everything else”" in text
    assert 'Robert Fico (Prime Minister), for <a href="/actors/SK">Slovakia</a>' in text
    assert "Said by" not in text.split('id="statements-heading"')[1]
    # The article text is the stored body, word for word, once the marks are taken out.
    body = re.search(r'<div class="article-text">(.*?)</div>', text, re.S)
    assert body is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", body.group(1))) == BRUSSELS
    assert '<script src="/static/report.js" defer></script>' in text


def test_security_headers_forbid_inline_script(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_the_actor_page_lists_statements_of_all_its_speakers(client: TestClient) -> None:
    page = client.get("/actors/CZ")
    assert page.status_code == 200
    assert "his country would send more artillery shells before the summer" in page.text
    assert "Prague backed the French initiative on shells" in page.text
    assert "We will not send soldiers" not in page.text
    assert client.get("/actors/ZZ").status_code == 404
    data = client.get("/api/actors/CZ").json()
    assert data["names"] == ["Czechia"]
    assert len(data["statements"]) == 2
    assert {s["speakers"][0]["actor_id"] for s in data["statements"]} == {"CZ"}


def test_article_json_and_openapi(client: TestClient, stored: Stored) -> None:
    data = client.get(f"/api/articles/{stored.ids['brussels']}").json()
    assert data["body"] == BRUSSELS
    assert data["content_hash"] == stored.ledger.current_hash("brussels")
    for statement in data["statements"]:
        start, end = statement["content_span"]
        assert BRUSSELS[start:end] == statement["content"]
    assert client.get("/api/articles/999").status_code == 404
    listing = client.get("/api/articles").json()
    assert {a["key"] for a in listing["items"]} == {"brussels", "paris"}
    assert listing["next"] is None
    spec = client.get("/openapi.json").json()
    assert {"/api/reports", "/api/articles/{article_id}", "/api/actors/{actor_id}"} <= set(
        spec["paths"]
    )
    statement = spec["components"]["schemas"]["StatementJSON"]["properties"]
    assert {"speakers", "corrected", "corrections"} <= set(statement)
    schema = spec["components"]["schemas"]["ReportIn"]
    assert schema["properties"]["comment"]["maxLength"] == 1000
    assert (
        spec["components"]["schemas"]["TextQuoteSelector"]["properties"]["exact"]["maxLength"]
        == 1000
    )


def test_an_unknown_proposal_is_not_found_and_a_bad_slug_or_date_is_named(
    client: TestClient,
) -> None:
    assert client.get(f"/proposals/{TROOPS}").status_code == 404
    missing = client.get(f"/api/proposals/{TROOPS}")
    assert missing.status_code == 404 and TROOPS in missing.json()["detail"]
    bad = client.get("/api/proposals/Not_A_Slug")
    assert bad.status_code == 422 and "Not_A_Slug" in bad.json()["detail"]
    page = client.get("/proposals/Not_A_Slug")
    assert page.status_code == 422 and "Not_A_Slug" in page.text


def _judged(stored: Stored, statement_id: int, stance: Stance) -> tuple[int, MatchedJudgement]:
    """What extraction would have stored for a statement on the troops proposal."""
    [found] = [s for s in stored.factbox.statements() if s.id == statement_id]
    start, end = found.statement.content_span
    match = ProposalMatch(
        TROOPS, 1.0, (MatchEvidence("action", found.statement.content, (start, end)),)
    )
    judgement = StanceJudgement(
        TROOPS, stance, 0.8, (Cue(found.statement.cue, (start, end), "lexicon"),)
    )
    return statement_id, MatchedJudgement(match, judgement)


def _troops_factbox(stored: Stored) -> None:
    """CZ supports by extraction; SK, NATO and (re-assigned from France) the US by editors."""
    stored.ledger.save_proposal(
        Proposal(slug=TROOPS, title="Send troops to Ukraine", bodies=["nato"]),
        [_judged(stored, 1, "supports")],
    )
    factbox = stored.factbox
    factbox.correct(2, "stance", "opposes", proposal=TROOPS, editor="olena", reason="no soldiers")
    factbox.correct(3, "stance", "unclear", proposal=TROOPS, editor="olena", reason="vague")
    factbox.correct_statement(
        CorrectionRequest(4, editor="o", why="w", actors=["US"], stances={TROOPS: "open"})
    )


def test_the_factbox_page_shows_table_map_and_timeline(client: TestClient, stored: Stored) -> None:
    _troops_factbox(stored)
    page = client.get(f"/proposals/{TROOPS}").text
    assert '<a href="/actors/SK">Slovakia</a>' in page
    assert "corrected by the editors" in page
    drawn: dict[str, str] = {}
    for actor, stance in re.findall(r'data-actor="(\w+)" data-stance="(\w+)"', page):
        drawn.setdefault(actor, stance)
    assert drawn["CZ"] == "supports"
    assert drawn["SK"] == "opposes"
    assert drawn["US"] == "open"  # outside Europe: drawn on the world map below it
    assert drawn["FR"] == "none"  # its statement was re-assigned to the US
    assert "NATO" not in drawn  # an organisation: listed in the inset, not drawn
    assert re.search(r'data-inset="NATO">.*NATO: unclear', page)
    assert "Slovakia: opposes" in page  # the map's text alternative
    rows = list(csv.DictReader(io.StringIO(client.get(f"/proposals/{TROOPS}.csv").text)))
    assert {r["actor_id"]: (r["stance"], r["corrected"]) for r in rows} == {
        "CZ": ("supports", ""),
        "SK": ("opposes", "yes"),
        "US": ("open", "yes"),
        "NATO": ("unclear", "yes"),
    }
    [czech] = [r for r in rows if r["actor_id"] == "CZ"]
    assert czech["said"] == "his country would send more artillery shells before the summer"
    data = client.get(f"/api/proposals/{TROOPS}").json()
    assert {p["actor_id"]: p["stance"] for p in data["positions"]}["SK"] == "opposes"
    assert {c["source"] for c in data["history"]} == {"extraction", "correction"}
    assert [d["body"] for d in data["decisions"]] == ["nato"]
    [us] = [p for p in data["positions"] if p["actor_id"] == "US"]
    assert us["corrected"] is True
    assert us["quotes"][0]["corrections"][0]["editor"] == "o"


def test_the_factbox_over_the_ledger_shows_an_editors_correction(
    client: TestClient, stored: Stored
) -> None:
    save_troops_proposal(stored.ledger)
    assert "No actor has a position" in client.get(f"/proposals/{TROOPS}").text
    stored.factbox.correct(
        2, "stance", "opposes", proposal=TROOPS, editor="olena", reason="He said no soldiers"
    )
    page = client.get(f"/proposals/{TROOPS}").text
    assert '<a href="/actors/SK">Slovakia</a>' in page
    assert '<span class="stance stance-opposes">opposes</span>' in page
    assert "corrected by the editors" in page
    assert "North Atlantic Treaty Organization (North Atlantic Council): blocked" in page


def test_the_proposal_list_and_a_statement_link(client: TestClient, stored: Stored) -> None:
    assert client.get("/api/proposals").json() == []
    save_troops_proposal(stored.ledger)
    [listed] = client.get("/api/proposals").json()
    assert (listed["slug"], listed["bodies"], listed["statements"]) == (TROOPS, ["nato"], 0)
    link = client.get("/statements/2", follow_redirects=False)
    assert link.status_code == 303
    assert link.headers["location"] == f"/articles/{stored.ids['brussels']}#s2"
    assert client.get("/statements/999").status_code == 404


def test_bad_values_in_addresses_are_named_not_replaced(client: TestClient, stored: Stored) -> None:
    save_troops_proposal(stored.ledger)
    for path, value in [
        (f"/api/proposals/{TROOPS}?as_of=2024-02-30", "2024-02-30"),
        (f"/proposals/{TROOPS}?as_of=yesterday", "yesterday"),
        (f"/proposals/{TROOPS}.csv?as_of=28.02.2024", "28.02.2024"),
        ("/api/articles/first", "first"),
        ("/articles/-1", "-1"),
        ("/api/actors/cz", "cz"),
        ("/statements/2x", "2x"),
    ]:
        response = client.get(path)
        assert response.status_code == 422, path
        assert value in (response.json()["detail"] if "/api/" in path else response.text)
    day = client.get(f"/api/proposals/{TROOPS}?as_of=2024-02-27").json()
    assert day["as_of"] == "2024-02-27"


def test_an_id_beyond_what_the_ledger_can_hold_is_named(client: TestClient) -> None:
    response = client.get(f"/api/articles/{2**31}")
    assert response.status_code == 422 and str(2**31) in response.json()["detail"]
    assert client.get(f"/api/articles/{2**31 - 1}").status_code == 404
