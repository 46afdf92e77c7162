"""Examples for each rule kind, the lists a decision carries, and its JSON shape."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factbox.rules import (
    Body,
    Stance,
    decide,
    is_state,
    load_body,
    members_as_of,
)
from factbox.serialize import decision_record

DAY = dt.date(2025, 6, 1)


def test_nato_one_objection_blocks_and_names_the_objector(shipped: dict[str, Body]) -> None:
    nato = shipped["nato"]
    stances: dict[str, Stance] = {m: "supports" for m in members_as_of(nato, DAY)}
    stances["HU"] = "opposes"
    decision = decide(nato, DAY, stances, proposal="troops")
    assert decision.outcome == "blocked"
    assert decision.blocking == ["HU"] == decision.opposing
    assert decision.needed.startswith("HU")


def test_nato_all_supporting_adopts(shipped: dict[str, Body]) -> None:
    nato = shipped["nato"]
    stances: dict[str, Stance] = {m: "supports" for m in members_as_of(nato, DAY)}
    decision = decide(nato, DAY, stances, proposal="troops")
    assert decision.outcome == "adopted" and len(decision.supporting) == 32


def test_nato_open_or_silent_members_leave_it_undetermined(shipped: dict[str, Body]) -> None:
    nato = shipped["nato"]
    stances: dict[str, Stance] = {m: "supports" for m in members_as_of(nato, DAY)}
    stances["IT"] = "open"
    del stances["PL"]
    stances["ES"] = "unclear"
    decision = decide(nato, DAY, stances, proposal="troops")
    assert decision.outcome == "undetermined"
    assert decision.open == ["IT"]
    assert decision.silent == ["ES", "PL"]  # member order: Spain joined before Poland
    assert "IT" in decision.needed and "PL" in decision.needed


def test_sweden_only_counts_for_nato_once_it_has_joined(shipped: dict[str, Body]) -> None:
    nato = shipped["nato"]
    stances: dict[str, Stance] = {m: "supports" for m in members_as_of(nato, DAY)}
    stances["SE"] = "opposes"
    before = decide(nato, dt.date(2024, 3, 6), stances, proposal="p")
    assert before.outcome == "adopted" and "SE" not in before.members
    assert decide(nato, dt.date(2024, 3, 7), stances, proposal="p").outcome == "blocked"


def test_eu_constructive_abstention_lets_open_members_stand_aside(
    shipped: dict[str, Body]
) -> None:
    eu = shipped["eu-council"]
    stances: dict[str, Stance] = {m: "supports" for m in members_as_of(eu, DAY)}
    stances["AT"] = "open"
    stances["IE"] = "open"
    decision = decide(eu, DAY, stances, proposal="mission")
    assert decision.rule == "cfsp-unanimity"
    assert decision.outcome == "adopted"
    assert any("not modelled" in line for line in decision.explanation)
    stances["HU"] = "opposes"
    assert decide(eu, DAY, stances, proposal="mission").blocking == ["HU"]
    del stances["HU"]
    assert decide(eu, DAY, stances, proposal="mission").outcome == "undetermined"


def test_eu_unanimity_needs_at_least_one_supporter(shipped: dict[str, Body]) -> None:
    eu = shipped["eu-council"]
    stances: dict[str, Stance] = {m: "open" for m in members_as_of(eu, DAY)}
    assert decide(eu, DAY, stances, proposal="mission").outcome == "undetermined"


def test_unanimity_abstention_limit_when_a_body_gives_one() -> None:
    from factbox.rules import parse_body

    body = parse_body({
        "id": "limited",
        "rules": [{"kind": "unanimity",
                   "params": {"constructive_abstention": True, "abstention_limit": 50}}],
        "members": [{"actor_id": a, "joined": "2000-01-01"} for a in ("AA", "BB", "CC", "DD")],
    })
    one_open: dict[str, Stance] = {"AA": "supports", "BB": "supports", "CC": "supports",
                                   "DD": "open"}
    assert decide(body, DAY, one_open, proposal="p").outcome == "adopted"
    two_open: dict[str, Stance] = {**one_open, "CC": "open"}  # 2 of 4 = 50%: at the limit
    assert decide(body, DAY, two_open, proposal="p").outcome == "undetermined"


def test_unsc_permanent_negative_vote_is_a_veto(shipped: dict[str, Body]) -> None:
    unsc = shipped["unsc"]
    stances: dict[str, Stance] = {m: "supports" for m in members_as_of(unsc, DAY)}
    stances["RU"] = "opposes"
    decision = decide(unsc, DAY, stances, proposal="resolution")
    assert decision.outcome == "blocked"
    assert decision.blocking == ["RU"]
    assert len(decision.supporting) == 14


def test_unsc_nine_votes_without_veto_adopt(shipped: dict[str, Body]) -> None:
    unsc = shipped["unsc"]
    members = members_as_of(unsc, DAY)
    elected = [m for m in members if m not in ("CN", "FR", "RU", "GB", "US")]
    stances: dict[str, Stance] = {"CN": "open", "FR": "supports", "RU": "open",
                                  "GB": "supports", "US": "supports"}
    stances.update({m: "supports" for m in elected[:6]})  # 3 + 6 = 9
    stances.update({m: "opposes" for m in elected[6:]})
    assert decide(unsc, DAY, stances, proposal="resolution").outcome == "adopted"
    stances[elected[5]] = "open"  # 8 in favour
    assert decide(unsc, DAY, stances, proposal="resolution").outcome == "undetermined"


def test_unsc_a_silent_permanent_member_could_still_veto(shipped: dict[str, Body]) -> None:
    unsc = shipped["unsc"]
    stances: dict[str, Stance] = {m: "supports" for m in members_as_of(unsc, DAY)}
    del stances["CN"]
    decision = decide(unsc, DAY, stances, proposal="resolution")
    assert decision.outcome == "undetermined"
    assert "CN" in decision.needed


def test_unsc_seven_against_block_without_a_veto(shipped: dict[str, Body]) -> None:
    unsc = shipped["unsc"]
    elected = [m for m in members_as_of(unsc, DAY) if m not in ("CN", "FR", "RU", "GB", "US")]
    stances: dict[str, Stance] = {m: "opposes" for m in elected[:7]}
    decision = decide(unsc, DAY, stances, proposal="resolution")
    assert decision.outcome == "blocked"
    assert decision.blocking == elected[:7]
    stances[elected[6]] = "open"  # six against: nine in favour is still possible
    assert decide(unsc, DAY, stances, proposal="resolution").outcome == "undetermined"


def test_unsc_outside_known_years_is_undetermined_with_reason(shipped: dict[str, Body]) -> None:
    decision = decide(shipped["unsc"], dt.date(2027, 1, 1), {"US": "supports"}, proposal="r")
    assert decision.outcome == "undetermined" and decision.members == []
    assert any("2026-12-31" in line for line in decision.explanation)


@pytest.mark.parametrize(
    ("stance", "outcome"),
    [("supports", "adopted"), ("opposes", "blocked"), ("open", "undetermined"),
     ("unclear", "undetermined"), (None, "undetermined")],
)
def test_a_state_decides_by_its_own_stance(stance: Stance | None, outcome: str) -> None:
    stances: dict[str, Stance] = {"DE": "opposes", "GB": "supports"}
    if stance is not None:
        stances["FR"] = stance
    decision = decide(load_body("state:FR"), DAY, stances, proposal="p")
    assert decision.outcome == outcome
    assert decision.members == ["FR"]
    assert decision.blocking == (["FR"] if outcome == "blocked" else [])


def test_a_state_body_needs_its_state_named(shipped: dict[str, Body]) -> None:
    with pytest.raises(ValueError):
        decide(shipped["state"], DAY, {"FR": "supports"}, proposal="p")


def test_a_coalition_is_adopted_by_the_willing() -> None:
    stances: dict[str, Stance] = {"FR": "supports", "GB": "supports", "DE": "opposes",
                                  "PL": "open", "EU": "supports"}
    decision = decide(load_body("coalition"), DAY, stances, proposal="p")
    assert decision.outcome == "adopted"
    assert decision.members == ["DE", "FR", "GB", "PL"]  # states only, no EU
    assert decision.supporting == ["FR", "GB"]
    assert decision.blocking == []


def test_a_coalition_nobody_joins() -> None:
    stances: dict[str, Stance] = {"FR": "opposes", "GB": "opposes", "PL": "open"}
    named = load_body("coalition:FR,GB")
    assert decide(named, DAY, stances, proposal="p").outcome == "blocked"
    assert decide(load_body("coalition:FR,GB,PL"), DAY, stances, proposal="p").outcome == (
        "undetermined")


def test_can_act_alone_lists_willing_states_members_or_not(shipped: dict[str, Body]) -> None:
    stances: dict[str, Stance] = {"HU": "opposes", "GB": "open", "FR": "supports",
                                  "AU": "supports", "EU": "supports", "DE": "unclear"}
    decision = decide(shipped["nato"], DAY, stances, proposal="troops")
    assert decision.outcome == "blocked"
    # supporters first (members in member order, then non-members), then the open ones
    assert decision.can_act_alone == ["FR", "AU", "GB"]


def test_is_state_tells_countries_from_organisations() -> None:
    assert [is_state(a) for a in ("FR", "gb", "EU", "UN", "NATO", "XX")] == [
        True, True, False, False, False, False]


def test_unknown_stance_labels_are_refused(shipped: dict[str, Body]) -> None:
    with pytest.raises(ValueError):
        decide(shipped["nato"], DAY, {"FR": "maybe"}, proposal="p")  # type: ignore[dict-item]


def test_decision_record_has_the_public_fields_in_order(shipped: dict[str, Body]) -> None:
    decision = decide(shipped["nato"], DAY, {"HU": "opposes", "FR": "supports"}, proposal="x")
    record = decision_record(decision)
    assert list(record)[:13] == ["proposal", "body", "as_of", "rule", "members", "outcome",
                                 "supporting", "open", "opposing", "silent", "blocking",
                                 "needed", "can_act_alone"]
    again = json.loads(json.dumps(record))
    assert again["as_of"] == "2025-06-01" and again["blocking"] == ["HU"]
    assert len(again["members"]) == 32


def test_nobody_needs_to_act_alone_once_the_body_adopts(shipped: dict[str, Body]) -> None:
    nato = shipped["nato"]
    stances: dict[str, Stance] = {m: "supports" for m in members_as_of(nato, DAY)}
    stances["AU"] = "supports"
    assert decide(nato, DAY, stances, proposal="p").can_act_alone == []
    stances["HU"] = "opposes"
    assert "AU" in decide(nato, DAY, stances, proposal="p").can_act_alone
