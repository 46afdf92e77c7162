"""The factbox page as newsrooms lay it out, its drawings (map and seat diagrams), the
embeddable page with oEmbed, and the static export, without a browser."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import Stored
from fastapi.testclient import TestClient
from support import TROOPS, save_troops_proposal
from test_pages import _troops_factbox
from typer.testing import CliRunner

from factbox.cli import app as cli_app
from factbox.corrections import CorrectionRequest
from factbox.web.graphics import STYLES
from factbox.web.maps import countries, stance_map
from factbox.web.seats import seat_diagram

# -- drawings --------------------------------------------------------------------------------


def _elements(svg: str, attribute: str) -> dict[str, str]:
    """``attribute``'s value to the element's whole opening tag, for every element that has it."""
    found = {}
    for tag in re.findall(r"<[a-z]+ [^>]*>", svg):
        value = re.search(rf'{attribute}="([^"]+)"', tag)
        if value and value.group(1) not in found:
            found[value.group(1)] = tag
    return found


def test_a_country_is_drawn_in_its_stance_pattern_and_members_are_outlined() -> None:
    figure = stance_map(
        {"FR": "supports", "PL": "opposes", "HU": "unclear", "ES": "open"},
        members=["FR", "PL", "DE"],
        body="NATO",
        title="A test map",
        prefix="t1",
    )
    svg = str(figure.svg)
    drawn = _elements(svg, "data-actor")
    for code, stance in {"FR": "supports", "PL": "opposes", "HU": "unclear", "ES": "open"}.items():
        assert f'fill="url(#t1-{stance})"' in drawn[code]
        assert f'data-stance="{stance}"' in drawn[code]
        pattern = re.search(rf'<pattern id="t1-{stance}".*?</pattern>', svg)
        assert pattern and STYLES[stance].fill in pattern.group(0)
    assert 'fill="url(#t1-none)"' in drawn["DE"]  # a member without a position
    assert set(_elements(svg, "data-member")) == {"FR", "PL", "DE"}
    # every country of the data inside the frame is drawn, each once
    assert {"IS", "PT", "GR", "FI", "UA", "TR", "GB"} <= set(drawn)


def test_small_states_get_a_marker_and_an_inset_entry_and_organisations_a_legend() -> None:
    figure = stance_map(
        {"LU": "supports", "MT": "opposes", "CY": "open", "FR": "supports"},
        organisations=[("NATO", "NATO", "unclear")],
        members=["LU", "FR"],
        body="NATO",
        prefix="t2",
    )
    markers = _elements(str(figure.svg), "data-small")
    assert {"LU": "supports", "MT": "opposes", "CY": "open"} == {
        code: re.search(r'data-stance="(\w+)"', tag).group(1)  # type: ignore[union-attr]
        for code, tag in markers.items()
    }
    assert [(e.actor_id, e.stance, e.member) for e in figure.small_states] == [
        ("CY", "open", False),
        ("LU", "supports", True),
        ("MT", "opposes", False),
    ]
    assert "FR" not in markers  # big enough to see
    assert [(e.actor_id, e.stance) for e in figure.organisations] == [("NATO", "unclear")]


def test_a_country_outside_europe_is_drawn_on_the_world_map() -> None:
    svg = str(stance_map({"US": "open", "FR": "supports"}, prefix="t3").svg)
    world = svg[svg.index('data-view="world"') :]
    assert 'data-actor="US" data-stance="open"' in world
    assert 'data-view="world"' not in str(stance_map({"FR": "supports"}, prefix="t3").svg)


def test_drawings_are_cached_until_a_position_or_member_changes() -> None:
    first = stance_map({"FR": "supports"}, members=["FR"], prefix="t4")
    assert stance_map({"FR": "supports"}, members=["FR"], prefix="t4") is first
    changed = stance_map({"FR": "opposes"}, members=["FR"], prefix="t4")
    assert changed is not first and 'data-actor="FR" data-stance="opposes"' in str(changed.svg)
    seats = seat_diagram(["FR"], {"FR": "supports"}, [], {}, title="t", prefix="s")
    assert seat_diagram(["FR"], {"FR": "supports"}, [], {}, title="t", prefix="s") is seats


def test_the_seat_diagram_has_a_mark_per_member_and_outlines_blockers() -> None:
    members = [code for code in ("FR", "DE", "PL", "HU", "SK", "IT", "ES") if code in countries()]
    stances = {"FR": "supports", "HU": "opposes", "SK": "opposes", "IT": "open", "ES": "unclear"}
    names = {code: countries()[code].name for code in members}
    figure = seat_diagram(members, stances, ["HU", "SK"], names, title="Council", prefix="s1")
    marks = _elements(str(figure.svg), "data-member")
    assert set(marks) == set(members)
    for code in members:
        stance = stances.get(code, "none")
        assert f'data-stance="{stance}"' in marks[code]
        assert f'fill="{STYLES[stance].fill}"' in marks[code]
        assert ("data-blocking" in marks[code]) == (code in ("HU", "SK"))
        assert ('stroke-width="3"' in marks[code]) == (code in ("HU", "SK"))
    # shapes differ by stance, not only colours
    assert marks["FR"].startswith("<circle") and marks["HU"].startswith("<rect")
    assert marks["IT"].startswith("<polygon")
    # the text equivalent names every member once, in its group
    listed = [name for group in figure.groups for _, name, _ in group.members]
    assert sorted(listed) == sorted(names.values())
    assert [g.stance for g in figure.groups] == ["supports", "open", "unclear", "none", "opposes"]


# -- the page --------------------------------------------------------------------------------


class _Rows(HTMLParser):
    """Per positions table: (group, caption, [(row name, source href)])."""

    def __init__(self) -> None:
        super().__init__()
        self.group = ""
        self.tables: list[tuple[str, str, list[tuple[str, str | None]]]] = []
        self._in: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "h3" and (found.get("id") or "").startswith("group-"):
            self.group = (found["id"] or "")[len("group-") :]
        elif tag == "table" and "positions" in (found.get("class") or ""):
            self.tables.append((self.group, "", []))
        elif (
            tag in ("caption", "th")
            and self.tables
            and (tag == "caption" or found.get("scope") == "row")
        ):
            self._in, self._text = tag, ""
        elif tag == "a" and found.get("class") == "source":
            name, _ = self.tables[-1][2][-1]
            self.tables[-1][2][-1] = (name, found.get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            group, caption, rows = self.tables[-1]
            if tag == "caption":
                self.tables[-1] = (group, self._text.strip(), rows)
            else:
                rows.append((" ".join(self._text.split()), None))
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data


def _tables(page: str) -> list[tuple[str, str, list[tuple[str, str | None]]]]:
    parser = _Rows()
    parser.feed(page)
    return parser.tables


def _more_positions(stored: Stored) -> None:
    """A joint statement for Poland and the United Kingdom, which both oppose."""
    stored.factbox.correct_statement(
        CorrectionRequest(5, editor="o", why="w", actors=["GB", "PL"], stances={TROOPS: "opposes"})
    )


def test_rows_are_grouped_by_stance_states_apart_and_sorted_by_name(
    client: TestClient, stored: Stored
) -> None:
    _troops_factbox(stored)
    _more_positions(stored)
    page = client.get(f"/proposals/{TROOPS}").text
    tables = _tables(page)
    layout = [
        (group, caption, [name.split(" corrected")[0] for name, _ in rows])
        for group, caption, rows in tables
    ]
    assert layout == [
        ("supports", "States", ["Czechia"]),
        ("open", "States", ["United States"]),
        ("opposes", "States", ["Poland", "Slovakia", "United Kingdom"]),  # GB < PL < SK by code
        ("unclear", "Organisations", ["NATO"]),
    ]
    # members of NATO with nothing said are listed under "no known position"
    none = page[page.index('id="group-none"') :]
    assert "France" in none[: none.index("</div>")]
    # the bodies by name, with their rule in one line
    assert "North Atlantic Treaty Organization (North Atlantic Council): blocked" in page
    assert "Rule: Consensus of all Allies" in page


def test_each_row_links_only_to_a_statement_of_its_own_actor(
    client: TestClient, stored: Stored
) -> None:
    _troops_factbox(stored)
    _more_positions(stored)
    codes = {"Czechia": "CZ", "United States": "US", "Poland": "PL", "Slovakia": "SK"}
    codes |= {"United Kingdom": "GB", "NATO": "NATO"}
    checked = 0
    for _, _, rows in _tables(client.get(f"/proposals/{TROOPS}").text):
        for name, href in rows:
            assert href is not None
            statement = stored.factbox.statement(int(href.rsplit("/", 1)[1]))
            assert statement is not None
            speakers = {s.actor_id for s in statement.statement.speakers}
            assert codes[name.split(" corrected")[0]] in speakers
            checked += 1
    assert checked == 6


def test_as_of_defaults_to_the_latest_evidence_on_the_web_and_in_the_cli(
    client: TestClient, stored: Stored
) -> None:
    _troops_factbox(stored)
    report = stored.factbox.positions(TROOPS)
    latest = max(e.stored.statement.said_on for e in report.evidence.values())  # type: ignore[type-var]
    assert report.as_of == latest != dt.date.today()
    page = client.get(f"/proposals/{TROOPS}").text
    assert f'As of <time datetime="{latest.isoformat()}"' in page
    assert client.get(f"/api/proposals/{TROOPS}").json()["as_of"] == latest.isoformat()
    result = CliRunner().invoke(
        cli_app, ["positions", TROOPS, "--db", stored.ledger.url, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert f'"as_of": "{latest.isoformat()}"' in result.output
    # a value given is parsed the CLI's way on the web too
    assert client.get(f"/proposals/{TROOPS}?as_of=2024-02-30").status_code == 422
    earlier = client.get(f"/proposals/{TROOPS}?as_of=2024-03-01").text
    assert 'As of <time datetime="2024-03-01"' in earlier


def test_the_timeline_is_in_date_order_with_evidence_links(
    client: TestClient, stored: Stored
) -> None:
    _troops_factbox(stored)
    page = client.get(f"/proposals/{TROOPS}").text
    timeline = page[
        page.index('<ol class="timeline">') : page.index(
            "</ol>", page.index('<ol class="timeline">')
        )
    ]
    items = timeline.split("<li>")[1:]
    dates = [re.search(r'datetime="([\d-]+)"', item).group(1) for item in items]  # type: ignore[union-attr]
    assert len(items) == len(stored.factbox.positions(TROOPS).history) >= 3
    assert dates == sorted(dates) and len(set(dates)) > 1
    assert all(re.search(r'href="/statements/\d+"', item) for item in items)


# -- embedding -------------------------------------------------------------------------------


def test_the_embeddable_page_and_oembed(client: TestClient, stored: Stored) -> None:
    save_troops_proposal(stored.ledger)
    embed = client.get(f"/embed/proposals/{TROOPS}")
    assert embed.status_code == 200 and "report.js" not in embed.text
    assert "frame-ancestors *" in embed.headers["content-security-policy"]
    assert (
        "frame-ancestors 'none'"
        in client.get(f"/proposals/{TROOPS}").headers["content-security-policy"]
    )
    # the page names its oEmbed address (discovery, oEmbed spec section 4)
    page = client.get(f"/proposals/{TROOPS}").text
    found = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    assert found
    discovered = client.get(found.group(1).replace("&amp;", "&"))
    assert discovered.json()["html"].startswith('<iframe src="http://testserver/embed/proposals/')
    answer = client.get(
        "/oembed", params={"url": f"https://testserver/proposals/{TROOPS}", "maxwidth": 400}
    )
    data = answer.json()
    assert (data["version"], data["type"], data["width"]) == ("1.0", "rich", 400)
    assert data["height"] > 0 and data["title"] == "Send troops to Ukraine"
    src = re.search(r'<iframe src="([^"]+)" width="400" height="(\d+)"', data["html"])
    assert src and src.group(1).endswith(f"/embed/proposals/{TROOPS}")
    assert (
        client.get("/oembed", params={"url": "https://x/proposals/nothing-here"}).status_code == 404
    )
    assert client.get("/oembed", params={"url": "https://x/articles/1"}).status_code == 404
    xml = client.get("/oembed", params={"url": f"https://x/proposals/{TROOPS}", "format": "xml"})
    assert xml.status_code == 501


def test_embedding_is_limited_to_the_allowed_origins(stored: Stored) -> None:
    from factbox.web import WebSettings, create_app

    save_troops_proposal(stored.ledger)
    settings = WebSettings(salt="s", allowed_origins=("https://news.example",))
    with TestClient(create_app(stored.factbox, settings)) as client:
        csp = client.get(f"/embed/proposals/{TROOPS}").headers["content-security-policy"]
    assert "frame-ancestors https://news.example;" in csp


# -- export ----------------------------------------------------------------------------------


def test_the_export_is_self_contained_and_carries_a_script_only_with_an_endpoint(
    stored: Stored, tmp_path: Path
) -> None:
    _troops_factbox(stored)
    plain = stored.factbox.export(TROOPS, tmp_path / "plain")
    assert plain.files == ["index.html", "map.svg", "site.css"]
    html = (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
    assert "<script" not in html
    # every address the page loads is a file beside it
    loaded = re.findall(r'<(?:link|script|img)[^>]+(?:href|src)="([^"]+)"', html)
    assert loaded == ["site.css"]
    assert 'data-actor="CZ" data-stance="supports"' in html
    assert (tmp_path / "plain" / "map.svg").read_text().count('data-actor="SK"') >= 1

    endpoint = "https://factbox.example/api/reports"
    stored.factbox.export(TROOPS, tmp_path / "plain", report_endpoint=endpoint)
    html = (tmp_path / "plain" / "index.html").read_text(encoding="utf-8")
    assert f'<script src="report.js" data-endpoint="{endpoint}" defer></script>' in html
    assert (tmp_path / "plain" / "report.js").exists()
    stored.factbox.export(TROOPS, tmp_path / "plain")  # again without: the script goes
    assert not (tmp_path / "plain" / "report.js").exists()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--report-endpoint", "javascript:alert(1)"], "javascript:alert(1)"),
        (["--as-of", "2024-13-01"], "2024-13-01"),
        ([], "nothing-here"),
    ],
)
def test_a_bad_export_is_one_line_and_writes_nothing(
    stored: Stored, tmp_path: Path, args: list[str], named: str
) -> None:
    save_troops_proposal(stored.ledger)
    slug = "nothing-here" if named == "nothing-here" else TROOPS
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli_app, ["export", slug, "--out", str(out), "--db", stored.ledger.url, *args]
    )
    assert result.exit_code == 1
    assert result.output.startswith(f"factbox: error: {named}: ")
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()
