"""No position without an actor, through the ledger: a speaker that resolves to no actor
is kept and shown (``unattributed``), never a position, and never counted by a body."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from factbox import api
from factbox.cli import app

ARTICLE = """Allies split over troops

27 February 2024

A senior diplomat said his country would not send troops to Ukraine.

Poland will not send its troops to Ukraine, Polish Prime Minister Donald Tusk said on Tuesday.
"""


def ledger(tmp_path: Path) -> Path:
    source = tmp_path / "split.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "ledger.db"
    api.ingest([source], db)
    proposal = api.make_proposal(
        "troops", "Send troops to Ukraine", "Western states send ground troops to Ukraine"
    )
    api.add_proposal(proposal, db)
    return db


def test_a_speaker_without_an_actor_is_shown_but_moves_nobody(tmp_path: Path) -> None:
    db = ledger(tmp_path)
    report = api.positions("troops", db, as_of=dt.date(2024, 3, 1))
    assert [(p.actor_id, p.stance) for p in report.positions] == [("PL", "opposes")]
    (kept,) = report.unattributed
    diplomat = report.evidence[kept].stored.statement
    assert [s.actor_id for s in diplomat.speakers] == [None]
    assert report.evidence[kept].judged.stance == "opposes"
    assert api.decide_on(report, "nato").blocking == ["PL"]

    printed = CliRunner().invoke(
        app,
        ["positions", "troops", "--as-of", "2024-03-01", "--format", "json", "--db", str(db)],
    )
    assert printed.exit_code == 0, printed.output
    found = json.loads(printed.output)
    assert [p["actor_id"] for p in found["positions"]] == ["PL"]
    assert [
        (u["statement"], [s["text"] for s in u["speakers"]]) for u in found["unattributed"]
    ] == [(kept, [diplomat.speakers[0].text])]
    table = CliRunner().invoke(
        app, ["positions", "troops", "--as-of", "2024-03-01", "--db", str(db)]
    )
    assert f"no known actor (no position): {kept}" in " ".join(table.output.split())
