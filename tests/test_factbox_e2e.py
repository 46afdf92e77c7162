"""The factbox end to end: the bundled demo week through ingest, proposals, positions and
decisions on the command line, against the editors' hand-written expectations
(tests/fixtures/demo_expectations.toml).

The expectations give, per statement, its speakers' actor ids and the speaker's stance on
sending troops to Ukraine. From them the tests derive where each actor should stand at the
end of the week, and compare with what factbox prints. Where the extractor and the stance
classifier do not reproduce every expectation yet, the tests measure how many they do,
print the misses, and assert a floor the current code meets.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from factbox import api
from factbox.cli import app
from factbox.records import StoredStatement
from factbox.rules import load_body, members_as_of
from factbox.store import Ledger

EXPECTATIONS = Path(__file__).parent / "fixtures" / "demo_expectations.toml"
SLUG = "send-troops"
CLEAR = ("supports", "open", "opposes")

# Measured on the demo week: all 13 actor positions derived from the expectations are
# reproduced (RU's "such a step" and "such a deployment" now take the proposal named in the
# sentences before them), and all 9 NATO members expected to oppose are listed as opposing.
POSITION_FLOOR = 13
NATO_OPPOSING_FLOOR = 9
# Statements whose expected stance is supports/open/opposes and that carry exactly that
# stance as the speaker's own: 32 of 40 (19 when first written, before statements that refer
# back to the proposal were resolved and members' troops stopped counting as outsiders).
# Most remaining misses speak of the proposal only through a pronoun or a vaguer phrase
# ("nothing can be taken off the table", "one of them", "In that case"). The floor leaves
# 2 of slack.
STATEMENT_FLOOR = 30


@dataclass(frozen=True, slots=True)
class Expected:
    file: str
    record_id: str | None
    content_contains: str
    actor_ids: tuple[str, ...]
    said_on: dt.date
    stance: str


def load_expectations() -> list[Expected]:
    data = tomllib.loads(EXPECTATIONS.read_text(encoding="utf-8"))
    return [
        Expected(
            file=article["file"],
            record_id=article.get("id"),
            content_contains=statement["content_contains"],
            actor_ids=tuple(s["actor_id"] for s in statement["speakers"] if s["actor_id"]),
            said_on=dt.date.fromisoformat(statement["said_on"]),
            stance=statement["stance"],
        )
        for article in data["article"]
        for statement in article["statement"]
    ]


EXPECTED = load_expectations()
# The end of the demo week: the day the last article was published.
AS_OF = max(
    dt.date.fromisoformat(a["published"])
    for a in tomllib.loads(EXPECTATIONS.read_text(encoding="utf-8"))["article"]
)


def expected_positions(as_of: dt.date) -> dict[str, str]:
    """Each actor's position from the editors' statements: the latest dated clear stance;
    unclear only when the actor never took a clear one. Actors whose latest clear
    statements disagree on one day are left out (the expectations cannot decide)."""
    by_actor: dict[str, list[tuple[dt.date, str]]] = {}
    for item in EXPECTED:
        if item.stance == "none" or item.said_on > as_of:
            continue
        for actor_id in item.actor_ids:
            by_actor.setdefault(actor_id, []).append((item.said_on, item.stance))
    found: dict[str, str] = {}
    for actor_id, items in by_actor.items():
        clear = [(day, s) for day, s in items if s in CLEAR]
        if not clear:
            found[actor_id] = "unclear"
            continue
        last = max(day for day, _ in clear)
        latest = {s for day, s in clear if day == last}
        if len(latest) == 1:
            found[actor_id] = latest.pop()
    return found


def all_opposing_actors() -> set[str]:
    """Actors every one of whose expected statements on the proposal says opposes."""
    stances: dict[str, set[str]] = {}
    for item in EXPECTED:
        if item.stance != "none":
            for actor_id in item.actor_ids:
                stances.setdefault(actor_id, set()).add(item.stance)
    return {a for a, s in stances.items() if s == {"opposes"}}


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args])


def ok(*args: str | Path) -> Result:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo week ingested first, the demo proposal loaded after (so every statement is
    judged when the proposal is added)."""
    path = tmp_path_factory.mktemp("factbox") / "demo.db"
    ok("ingest", api.demo_articles(), "--db", path)
    ok("proposal", "load", api.demo_proposals(), "--db", path)
    return path


def positions_json(db: Path, as_of: dt.date = AS_OF) -> dict[str, Any]:
    result = ok("positions", SLUG, "--as-of", as_of.isoformat(), "--db", db, "--format", "json")
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def decision_json(db: Path, body: str, as_of: dt.date = AS_OF) -> dict[str, Any]:
    result = ok(
        "decide", SLUG, "--body", body, "--as-of", as_of.isoformat(), "--db", db, "-f", "json"
    )
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def test_positions_follow_the_editors_expectations(db: Path) -> None:
    printed = positions_json(db)
    assert printed["proposal"] == SLUG and printed["as_of"] == AS_OF.isoformat()
    got: dict[str, str] = {}
    for position in printed["positions"]:
        assert set(position) >= {
            "actor_id",
            "actor",
            "actor_kind",
            "stance",
            "since",
            "evidence",
        }
        assert position["stance"] in (*CLEAR, "unclear")
        assert dt.date.fromisoformat(position["since"]) <= AS_OF
        if position["actor_id"]:
            got[position["actor_id"]] = position["stance"]

    expected = expected_positions(AS_OF)
    reproduced = [a for a, s in expected.items() if got.get(a) == s]
    misses = {a: (s, got.get(a)) for a, s in expected.items() if got.get(a) != s}
    print(f"\nactor positions reproduced: {len(reproduced)} of {len(expected)}")
    for actor_id, (want, have) in sorted(misses.items()):
        print(f"  miss {actor_id}: expected {want}, got {have}")

    for actor_id in sorted(all_opposing_actors()):
        assert got.get(actor_id) == "opposes", actor_id
    contradictions = {
        a: (s, got[a])
        for a, s in expected.items()
        if a in got and {s, got[a]} == {"supports", "opposes"}
    }
    assert not contradictions
    assert len(reproduced) >= POSITION_FLOOR


def test_every_position_rests_on_statements_with_their_words(db: Path) -> None:
    printed = positions_json(db)
    stored = {s.id: s for s in api.statements(db)}
    with Ledger(db) as ledger:
        bodies = {s.article.id: ledger.article_body(s.article.id) for s in stored.values()}
    assert printed["positions"]
    for position in printed["positions"]:
        assert position["evidence"]
        assert [q["statement"] for q in position["quotes"]] == position["evidence"]
        for quote in position["quotes"]:
            statement = stored[quote["statement"]]
            body = bodies[statement.article.id]
            # the content may join the halves of a split quote, so it is compared with the
            # statement, and its span with the body's bounds
            assert quote["text"] == statement.statement.content
            assert tuple(quote["span"]) == statement.statement.content_span
            assert 0 <= quote["span"][0] < quote["span"][1] <= len(body)
            assert statement.statement.source_span is not None or statement.statement.speakers
            assert quote["stance"] == position["stance"]
            for cue in quote["cues"]:
                assert body[cue["span"][0] : cue["span"][1]] == cue["text"]
            if position["actor_id"]:
                ids = {sp.actor_id for sp in statement.statement.speakers}
                assert position["actor_id"] in ids


def test_a_position_always_has_an_actor_and_the_rest_is_shown(db: Path) -> None:
    """Speakers that resolve to no actor move nobody; statements that would have counted
    are listed under ``unattributed`` with the speakers' words."""
    printed = positions_json(db)
    assert all(position["actor_id"] for position in printed["positions"])
    stored = {s.id: s.statement for s in api.statements(db)}
    for item in printed["unattributed"]:
        statement = stored[item["statement"]]
        assert any(speaker.actor_id is None for speaker in statement.speakers)
        assert [s["text"] for s in item["speakers"]] == [
            speaker.text for speaker in statement.speakers
        ]
        assert item["text"] == statement.content


def test_nato_is_blocked_by_the_members_that_oppose(db: Path) -> None:
    printed = positions_json(db)
    got = {p["actor_id"]: p["stance"] for p in printed["positions"] if p["actor_id"]}
    expected = expected_positions(AS_OF)
    members = members_as_of(load_body("nato"), AS_OF)
    decision = decision_json(db, "nato")

    assert decision["outcome"] == "blocked"
    assert decision["members"] == members
    assert "SE" not in members  # Sweden joined on 2024-03-07, after the demo week
    assert decision["rule"] == "consensus"
    opposing = set(decision["opposing"])
    expected_opposing = {m for m in members if expected.get(m) == "opposes"}
    print(
        f"\nNATO members listed as opposing: {len(opposing & expected_opposing)} of "
        f"{len(expected_opposing)} expected; missing: {sorted(expected_opposing - opposing)}"
    )
    assert opposing <= expected_opposing
    assert opposing == {m for m in members if got.get(m) == "opposes"}
    assert set(decision["blocking"]) == opposing
    assert len(opposing & expected_opposing) >= NATO_OPPOSING_FLOOR
    willing = {a for a, s in got.items() if s in ("supports", "open") and len(a) == 2}
    assert set(decision["can_act_alone"]) == willing
    assert set(decision["silent"]) == {m for m in members if got.get(m) in (None, "unclear")}

    table = ok("decide", SLUG, "--body", "nato", "--as-of", AS_OF.isoformat(), "--db", db)
    assert "BLOCKED" in table.stdout
    for member in decision["blocking"]:
        assert member in table.stdout


def test_the_eu_council_is_blocked_too(db: Path) -> None:
    decision = decision_json(db, "eu-council")
    expected = expected_positions(AS_OF)
    members = members_as_of(load_body("eu-council"), AS_OF)
    assert decision["outcome"] == "blocked"
    assert set(decision["blocking"]) <= {m for m in members if expected.get(m) == "opposes"}
    assert decision["blocking"]


def _extracted(item: Expected, found: list[StoredStatement]) -> StoredStatement | None:
    def same_article(s: StoredStatement) -> bool:
        if item.record_id is not None:
            return s.article.key == item.record_id
        return Path(s.article.source_name).name == item.file

    candidates = [
        s for s in found if same_article(s) and item.content_contains in s.statement.content
    ]
    return min(candidates, key=lambda s: len(s.statement.content), default=None)


def test_statement_stances_are_measured(db: Path) -> None:
    found = api.statements(db)
    judged = {j.stored.id: j for j in api.judged_statements(SLUG, db)}
    clear = [item for item in EXPECTED if item.stance in CLEAR]
    hits = 0
    print()
    for item in clear:
        stored = _extracted(item, found)
        own = None
        if stored is not None and stored.id in judged:
            found_judgement = judged[stored.id].found
            if found_judgement is not None and found_judgement.judgement.about == "speaker":
                own = found_judgement.judgement.stance
        if own == item.stance:
            hits += 1
        else:
            where = "not extracted" if stored is None else f"statement {stored.id}: {own}"
            print(f"  miss {item.file}: {item.content_contains!r} {item.stance} ({where})")
    print(f"statement stances reproduced: {hits} of {len(clear)}")
    assert hits >= STATEMENT_FLOOR


def test_history_and_csv_show_the_same_positions(db: Path) -> None:
    printed = positions_json(db)
    history = json.loads(
        ok(
            "positions", SLUG, "--history", "--as-of", AS_OF.isoformat(), "--db", db, "-f", "json"
        ).stdout
    )
    assert history["proposal"] == SLUG
    last: dict[str, dict[str, Any]] = {}
    for change in history["history"]:
        assert change["source"] in ("extraction", "correction")
        if change["actor_id"]:
            last[change["actor_id"]] = change
    for position in printed["positions"]:
        if position["actor_id"]:
            change = last[position["actor_id"]]
            assert change["stance"] == position["stance"]
            assert change["on"] == position["since"]
            assert change["statement"] in position["evidence"]

    rows = list(
        csv.DictReader(
            io.StringIO(
                ok("positions", SLUG, "--as-of", AS_OF.isoformat(), "--db", db, "-f", "csv").stdout
            )
        )
    )
    assert [(r["actor_id"], r["stance"]) for r in rows] == [
        (p["actor_id"] or "", p["stance"]) for p in printed["positions"]
    ]


def test_positions_as_of_an_earlier_day_leave_later_statements_out(db: Path) -> None:
    day = dt.date(2024, 2, 26)
    printed = positions_json(db, day)
    stored = {s.id: s for s in api.statements(db)}
    assert printed["positions"]
    for position in printed["positions"]:
        for statement_id in position["evidence"]:
            said_on = stored[statement_id].statement.said_on
            assert said_on is not None and said_on <= day


def test_proposal_list_counts_the_statements_about_it(db: Path) -> None:
    listed = json.loads(ok("proposal", "list", "--db", db, "-f", "json").stdout)
    [entry] = listed
    assert entry["slug"] == SLUG and entry["bodies"] == ["nato", "eu-council"]
    assert entry["statements"] == len(api.judged_statements(SLUG, db)) > 0


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("positions", "no-such-thing"), "no-such-thing"),
        (("positions", SLUG, "--as-of", "2024-02-30"), "2024-02-30"),
        (("positions", SLUG, "--as-of", "28.02.2024"), "28.02.2024"),
        (("decide", SLUG, "--body", "warsaw-pact"), "warsaw-pact"),
        (("decide", "no-such-thing", "--body", "nato"), "no-such-thing"),
        (("proposal", "add", "x", "--title", "Send troops", "--body", "nope"), "nope"),
    ],
)
def test_errors_are_one_line_naming_the_input(db: Path, args: tuple[str, ...], name: str) -> None:
    result = invoke(*args, "--db", db)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith(f"factbox: error: {name}: ")


def _demo_factbox(tmp: Path) -> Iterator[dict[str, Any]]:
    result = ok("demo", "--db", tmp / "demo.db", "--format", "json")
    printed = json.loads(result.stdout)
    assert printed["statements"]
    yield from printed["factbox"]


def test_demo_prints_positions_and_each_bodys_decision(tmp_path: Path) -> None:
    [factbox] = list(_demo_factbox(tmp_path))
    assert factbox["proposal"]["slug"] == SLUG
    as_of = dt.date.fromisoformat(factbox["as_of"])
    db = tmp_path / "demo.db"
    assert factbox["positions"] == positions_json(db, as_of)["positions"]
    assert [d["body"] for d in factbox["decisions"]] == ["nato", "eu-council"]
    for decision in factbox["decisions"]:
        assert decision == decision_json(db, decision["body"], as_of)
    assert factbox["decisions"][0]["outcome"] == "blocked"

    table = ok("demo", "--db", db).stdout
    assert "Statements in the demo articles" in table
    assert f"Positions on {SLUG}" in table
    assert table.count("BLOCKED") == 2
