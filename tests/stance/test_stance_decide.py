"""Deciding on what was found: judged statements -> positions -> a body's rule.

The judged statements are built by hand in the shape of a day's reporting on "send troops
to Ukraine" (late February 2024): the alliance's chief, three governments and Moscow say
no, Paris keeps it open, an unnamed diplomat says yes. NATO's membership comes from the
shipped body file (Sweden a member from 2024-03-07).
"""

from __future__ import annotations

import datetime as dt

from factbox import api
from factbox.rules import load_body, members_as_of
from factbox.stance.positions import history, positions
from factbox.stance.records import Actor, JudgedStatement, Proposal, Stance, StanceJudgement

TROOPS = Proposal("troops-to-ukraine", "Send troops to Ukraine", bodies=["nato"])
SAID_ON = dt.date(2024, 2, 27)
FOUND: list[tuple[Actor, Stance]] = [
    (Actor("NATO", "NATO", "organization"), "opposes"),
    (Actor("CZ", "Czechia", "country"), "opposes"),
    (Actor("PL", "Poland", "country"), "opposes"),
    (Actor("SE", "Sweden", "country"), "opposes"),
    (Actor("RU", "Russia", "country"), "opposes"),
    (Actor("FR", "France", "country"), "open"),
    (Actor(None, "a senior diplomat", "unknown"), "supports"),
]


def judged() -> list[JudgedStatement]:
    return [
        JudgedStatement(
            index,
            SAID_ON,
            (actor,),
            StanceJudgement(TROOPS.slug, stance, 0.85),
        )
        for index, (actor, stance) in enumerate(FOUND, start=1)
    ]


def report(as_of: dt.date) -> api.PositionsReport:
    items = judged()
    return api.PositionsReport(
        proposal=TROOPS,
        as_of=as_of,
        positions=positions(items, as_of),
        history=history(items, as_of),
        evidence={},
    )


def test_nato_is_blocked_by_its_members_who_said_no_before_sweden_joined() -> None:
    decision = api.decide_on(report(dt.date(2024, 2, 27)), "nato")
    assert decision.outcome == "blocked"
    assert len(decision.members) == 31 and "SE" not in decision.members
    assert decision.blocking == ["CZ", "PL"]  # Sweden not yet a member; Russia never
    assert decision.opposing == ["CZ", "PL"]
    assert decision.open == ["FR"]
    # every other member said nothing: listed as silent
    assert set(decision.silent) == set(decision.members) - {"CZ", "PL", "FR"}
    assert len(decision.silent) == 28
    # France keeps it open and could act without the alliance; no organisation can
    assert decision.can_act_alone == ["FR"]


def test_after_sweden_joined_it_is_among_the_blockers() -> None:
    decision = api.decide_on(report(dt.date(2024, 3, 8)), "nato")
    assert decision.outcome == "blocked"
    assert len(decision.members) == 32
    assert set(decision.blocking) == {"CZ", "PL", "SE"}
    assert set(decision.silent) == set(decision.members) - {"CZ", "PL", "SE", "FR"}
    assert decision.can_act_alone == ["FR"]


def test_the_positions_behind_the_decision_all_have_actors() -> None:
    found = report(dt.date(2024, 2, 27)).positions
    assert {(p.actor_id, p.stance) for p in found} == {
        ("NATO", "opposes"),
        ("CZ", "opposes"),
        ("PL", "opposes"),
        ("SE", "opposes"),
        ("RU", "opposes"),
        ("FR", "open"),
    }  # the unnamed diplomat's "supports" moved nobody


def test_before_anyone_spoke_nato_is_undetermined() -> None:
    nato = load_body("nato")
    decision = api.decide_on(report(dt.date(2024, 2, 26)), "nato")
    assert decision.outcome == "undetermined"
    assert decision.blocking == []
    assert decision.silent == members_as_of(nato, dt.date(2024, 2, 26))


def test_eu_council_and_un_security_council_read_the_same_positions() -> None:
    eu = api.decide_on(report(dt.date(2024, 2, 27)), "eu-council")
    # the EU's foreign policy needs unanimity: Czechia, Poland and Sweden each block
    assert eu.outcome == "blocked" and set(eu.blocking) == {"CZ", "PL", "SE"}
    assert len(eu.members) == 27 and len(eu.silent) == 23
    unsc = api.decide_on(report(dt.date(2024, 2, 27)), "unsc")
    # Russia, a permanent member, vetoes; France (permanent, open) does not
    assert unsc.outcome == "blocked" and unsc.blocking == ["RU"]
    assert "FR" in unsc.open and len(unsc.silent) == 13
    assert eu.can_act_alone == unsc.can_act_alone == ["FR"]
