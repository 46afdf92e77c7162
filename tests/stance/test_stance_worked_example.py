"""The worked example of docs/stance.md, from sentences through the parse to positions."""

from __future__ import annotations

import datetime as dt

from stance_support import MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.positions import history, positions
from factbox.stance.records import JudgedStatement

CZ = Who("Czechia", "CZ", "Czechia", "country")
PL = Who("Poland", "PL", "Poland", "country")
SK = Who("Slovakia", "SK", "Slovakia", "country")

WEEK = [
    (1, "Czechia, Poland and Slovakia said they are not considering sending troops.",
     "they are not considering sending troops", (CZ, PL, SK), 27, "opposes", "speaker"),
    (2, "Sending troops cannot be ruled out, the French president said.",
     "Sending troops cannot be ruled out", (Who("the French president", "FR", "France",
                                                  "country"),), 26, "open", "speaker"),
    (3, "Some countries are considering bilateral deals to send troops, the prime minister said.",
     "Some countries are considering bilateral deals to send troops",
     (Who("the prime minister", "SK", "Slovakia", "country"),), 27, "open", "others"),
    (4, "Western troops would lead to direct conflict, the Kremlin said.",
     "Western troops would lead to direct conflict", (Who("the Kremlin", "RU", "Russia",
                                                          "country"),), 27, "opposes", "speaker"),
    (5, "There are no plans for combat troops on the ground, the secretary general said.",
     "There are no plans for combat troops on the ground",
     (Who("the secretary general", "NATO", "NATO", "organization"),), 28, "opposes", "speaker"),
]


def judge_week(make_statement: MakeStatement, matcher: ProposalMatcher) -> list[JudgedStatement]:
    judged = []
    for statement_id, text, content, speakers, day, stance, about in WEEK:
        parsed = make_statement(text, content, "said", speakers, dt.date(2024, 2, day))
        (judgement,) = judge_statement(parsed.doc, parsed.statement, matcher)
        assert (judgement.stance, judgement.about) == (stance, about), text
        judged.append(JudgedStatement.from_statement(statement_id, parsed.statement, judgement))
    return judged


def test_the_week_gives_the_documented_positions(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    judged = judge_week(make_statement, matcher)
    found = positions(judged, as_of=dt.date(2024, 2, 28))
    feb = dt.date(2024, 2, 1)
    assert [(p.actor_id, p.stance, (p.since - feb).days + 1, p.evidence) for p in found] == [
        ("CZ", "opposes", 27, [1]),
        ("FR", "open", 26, [2]),
        ("NATO", "opposes", 28, [5]),
        ("PL", "opposes", 27, [1]),
        ("RU", "opposes", 27, [4]),
        ("SK", "opposes", 27, [1]),
    ]
    earlier = positions(judged, as_of=dt.date(2024, 2, 26))
    assert [(p.actor_id, p.stance) for p in earlier] == [("FR", "open")]
    assert [(c.actor_id, c.stance, c.source) for c in history(judged) if c.actor_id == "SK"] == [
        ("SK", "opposes", "extraction")
    ]
