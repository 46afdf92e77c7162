"""An editor's correction, made on the command line or in the editors' queue, is what every
view shows: ``factbox statements --format json``, ``/api/articles/{id}``, ``/api/actors/{id}``,
the pages and the factbox; a statement that is not a statement is in no public view."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EDITOR, Stored
from fastapi.testclient import TestClient
from support import TROOPS, save_troops_proposal
from test_editors import login
from typer.testing import CliRunner

from factbox.cli import app as cli

FICO = "We will not send soldiers, but we will send everything else"


def run(*args: str | Path) -> Any:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result


def cli_statements(db: Path) -> dict[int, dict[str, Any]]:
    result = run("statements", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return {s["id"]: s for s in json.loads(result.stdout)}


def fico_id(stored: Stored) -> int:
    [found] = [s for s in stored.factbox.statements() if s.statement.content == FICO]
    return found.id


def db_of(stored: Stored) -> Path:
    return Path(stored.ledger.url.removeprefix("sqlite:///"))


def actor_ids(statement: dict[str, Any]) -> list[str | None]:
    return [sp["actor_id"] for sp in statement["speakers"]]


def assert_shown_for_austria(client: TestClient, stored: Stored, statement_id: int) -> None:
    """AT for the statement, marked corrected, in the CLI's JSON and both API answers."""
    listed = cli_statements(db_of(stored))[statement_id]
    assert actor_ids(listed) == ["AT"] and listed["corrected"] is True
    assert listed["speakers"][0]["actor"] == "Austria"
    article = client.get(f"/api/articles/{stored.ids['brussels']}").json()
    [shown] = [s for s in article["statements"] if s["id"] == statement_id]
    assert actor_ids(shown) == ["AT"] and shown["corrected"] is True
    assert shown == listed  # one record, one shape, on the command line and the web
    austria = client.get("/api/actors/AT").json()
    assert [s["id"] for s in austria["statements"]] == [statement_id]
    assert austria["statements"][0]["corrected"] is True
    slovakia = client.get("/api/actors/SK")
    assert slovakia.status_code == 404  # its only statement now speaks for Austria
    page = client.get("/actors/AT").text
    assert FICO in page and "corrected by the editors" in page


def assert_in_no_public_view(client: TestClient, stored: Stored, statement_id: int) -> None:
    assert statement_id not in cli_statements(db_of(stored))
    listed = {a["key"]: a["statements"] for a in client.get("/api/articles").json()["items"]}
    assert listed == {"brussels": 2, "paris": 2}  # the Brussels article had 3
    article = client.get(f"/api/articles/{stored.ids['brussels']}").json()
    assert statement_id not in {s["id"] for s in article["statements"]}
    assert client.get("/api/actors/AT").status_code == 404
    assert f'id="s{statement_id}"' not in client.get(f"/articles/{stored.ids['brussels']}").text
    assert client.get(f"/statements/{statement_id}").status_code == 404
    factbox = client.get(f"/api/proposals/{TROOPS}").json()
    assert statement_id not in {e for p in factbox["positions"] for e in p["evidence"]}


def test_factbox_correct_on_the_command_line_is_seen_everywhere(
    client: TestClient, stored: Stored
) -> None:
    save_troops_proposal(stored.ledger)
    statement_id = fico_id(stored)
    db = db_of(stored)
    stance = run("correct", statement_id, "--stance", f"{TROOPS}=opposes", "--editor", "e",
                 "--why", "no soldiers", "--db", db)  # fmt: skip
    assert stance.exit_code == 0, stance.output
    result = run(
        "correct", statement_id, "--actor", "AT", "--editor", "e", "--why", "w", "--db", db
    )
    assert result.exit_code == 0, result.output
    assert f"statement {statement_id}: speaker" in result.stdout
    assert_shown_for_austria(client, stored, statement_id)
    factbox = client.get(f"/api/proposals/{TROOPS}").json()
    [austria] = [p for p in factbox["positions"] if p["actor_id"] == "AT"]
    assert austria["corrected"] is True and austria["stance"] == "opposes"
    assert "SK" not in {p["actor_id"] for p in factbox["positions"]}

    rejected = run("correct", statement_id, "--not-a-statement", "--editor", "e", "--why",
                   "a caption", "--db", db)  # fmt: skip
    assert rejected.exit_code == 0, rejected.output
    assert_in_no_public_view(client, stored, statement_id)
    # The editors still see it, marked.
    assert stored.factbox.statement(statement_id, editors=True) is not None


def test_the_editors_form_does_the_same(client: TestClient, stored: Stored) -> None:
    save_troops_proposal(stored.ledger)
    statement_id = fico_id(stored)
    token = login(client)
    client.post(
        "/api/reports",
        json={
            "url": f"http://testserver/articles/{stored.ids['brussels']}",
            "selector": [{"type": "TextQuoteSelector", "exact": "We will not send soldiers"}],
            "article_id": str(stored.ids["brussels"]),
        },
    )

    def correct(**fields: str) -> Any:
        data = {"csrf_token": token, "statement_id": str(statement_id), "reason": "w", **fields}
        return client.post("/editors/corrections", data=data, follow_redirects=False)

    assert correct(field="speaker", actor_id="AT").status_code == 303
    assert_shown_for_austria(client, stored, statement_id)
    assert correct(field="not_statement").status_code == 303
    assert_in_no_public_view(client, stored, statement_id)
    queue = client.get("/editors/queue").text
    assert f'name="statement_id" value="{statement_id}"' in queue
    assert "(rejected: not a statement)" in queue
    [fix, rejection] = [c for c in stored.factbox.corrections(statement_id)]
    assert (fix.editor, rejection.editor) == (EDITOR[0], EDITOR[0])


def test_a_speaker_correction_that_names_no_one_is_refused(
    client: TestClient, stored: Stored
) -> None:
    statement_id = fico_id(stored)
    db = db_of(stored)
    empty = run("correct", statement_id, "--editor", "e", "--why", "w", "--db", db)
    assert empty.exit_code == 1
    assert empty.output.strip().startswith(f"factbox: error: statement {statement_id}: nothing")
    token = login(client)
    refused = client.post(
        "/editors/corrections",
        data={"csrf_token": token, "statement_id": str(statement_id), "field": "speaker",
              "reason": "w"},
    )  # fmt: skip
    assert refused.status_code == 422
    assert "--no-actor" in refused.text
    assert stored.factbox.corrections(statement_id) == []
    # Saying the speaker speaks for no state is an explicit choice.
    nobody = run("correct", statement_id, "--no-actor", "--editor", "e", "--why", "w", "--db", db)
    assert nobody.exit_code == 0, nobody.output
    listed = cli_statements(db)[statement_id]
    assert actor_ids(listed) == [None] and listed["corrected"] is True
    assert listed["speakers"][0]["name"] == "Robert Fico"


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("--actor", "ZZ"), "ZZ"),
        (("--actor", "AT", "--no-actor"), "AT"),
        (("--stance", "troops-to-ukraine"), "troops-to-ukraine"),
        (("--stance", "troops-to-ukraine=against"), "against"),
        (("--not-about", "no-such-proposal"), "no-such-proposal"),
    ],
)
def test_bad_corrections_are_one_line_naming_the_input(
    stored: Stored, args: tuple[str, ...], name: str
) -> None:
    save_troops_proposal(stored.ledger)
    statement_id = fico_id(stored)
    result = run("correct", statement_id, *args, "--editor", "e", "--why", "w",
                 "--db", db_of(stored))  # fmt: skip
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"factbox: error: {name}: ")
    assert stored.factbox.corrections(statement_id) == []


def test_a_missing_statement_or_editor_is_refused(stored: Stored) -> None:
    db = db_of(stored)
    missing = run("correct", "999", "--not-a-statement", "--editor", "e", "--why", "w", "--db", db)
    assert missing.exit_code == 1 and "statement 999: no such statement" in missing.output
    bad_id = run("correct", "x1", "--not-a-statement", "--editor", "e", "--why", "w", "--db", db)
    assert bad_id.exit_code == 1 and "factbox: error: x1: not a statement id" in bad_id.output
    nobody = run("correct", "1", "--not-a-statement", "--editor", " ", "--why", "w", "--db", db)
    assert nobody.exit_code == 1 and "factbox: error: editor:" in nobody.output
    assert re.search(r"--why", run("correct", "--help").stdout)
