"""Qualified majority: hand-computed cases at the thresholds, on made-up and real figures.

Made-up bodies (see conftest): TWENTY has 20 members and a total of 2000 people, with
M01..M11 holding exactly 1300 (65%); TEN has 10 members and 1000 people, X1..X3 holding
400 (40%).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from fractions import Fraction

import pytest
from qmv_fixtures import qmv_body

from factbox.rules import Body, Decision, Stance, decide, members_as_of
from factbox.rules.population import population_at_least, population_basis

DAY = dt.date(2025, 6, 1)


def vote(body: Body, supporting: Iterable[str], opposing: Iterable[str] = (),
         day: dt.date = DAY, *, from_commission: bool = True) -> Decision:
    stances: dict[str, Stance] = {m: "supports" for m in supporting}
    stances.update({m: "opposes" for m in opposing})
    return decide(body, day, stances, proposal="p", rule="qmv",
                  qmv_from_commission=from_commission)


def others(body: Body, group: Iterable[str], day: dt.date = DAY) -> list[str]:
    chosen = set(group)
    return [m for m in members_as_of(body, day) if m not in chosen]


def ids(prefix: str, numbers: Iterable[int], width: int = 2) -> list[str]:
    return [f"{prefix}{n:0{width}d}" for n in numbers]


def test_exactly_55_percent_of_members_with_exactly_65_percent_passes(twenty: Body) -> None:
    supporting = ids("M", range(1, 12))  # 11 of 20 = 55%, 1300 of 2000 = 65%
    decision = vote(twenty, supporting, others(twenty, supporting))
    assert decision.outcome == "adopted"
    assert decision.blocking == []


def test_one_person_under_65_percent_fails(twenty: Body) -> None:
    supporting = ids("M", [*range(1, 11), 12])  # 11 members, 1299 of 2000 = 64.95%
    decision = vote(twenty, supporting, others(twenty, supporting))
    assert decision.outcome == "blocked"
    assert decision.blocking == others(twenty, supporting)


def test_one_member_under_55_percent_fails(twenty: Body) -> None:
    supporting = ids("M", range(1, 11))  # 10 of 20 = 50%
    assert vote(twenty, supporting, others(twenty, supporting)).outcome == "blocked"


def test_an_undecided_member_keeps_it_open_and_is_named(twenty: Body) -> None:
    supporting = ids("M", range(1, 11))
    opposing = others(twenty, [*supporting, "M11"])
    decision = vote(twenty, supporting, opposing)
    assert decision.outcome == "undetermined"
    assert decision.silent == ["M11"]
    assert "M11" in decision.needed


def test_three_blockers_do_not_block_on_their_own(ten: Body) -> None:
    # X1..X3 hold 40% (more than 35%) but are only three: the majority is deemed reached.
    opposing = ["X1", "X2", "X3"]
    decision = vote(ten, others(ten, opposing), opposing)
    assert decision.outcome == "adopted"


def test_four_blockers_with_more_than_35_percent_block(ten: Body) -> None:
    opposing = ["X1", "X2", "X3", "X4"]  # 490 of 1000
    decision = vote(ten, others(ten, opposing), opposing)
    assert decision.outcome == "blocked"
    assert decision.blocking == opposing


def test_four_blockers_with_at_most_35_percent_do_not_block(ten: Body) -> None:
    opposing = ["X5", "X6", "X7", "X8"]  # 340 of 1000; supporters hold 660
    assert vote(ten, others(ten, opposing), opposing).outcome == "adopted"


def test_without_the_four_member_clause_three_big_blockers_block() -> None:
    body = qmv_body({"X1": 200, "X2": 100, "X3": 100, "X4": 90,
                     **{f"X{i}": 85 for i in range(5, 11)}}, blocking_min_members=None)
    opposing = ["X1", "X2", "X3"]
    assert vote(body, others(body, opposing), opposing).outcome == "blocked"


def test_72_percent_of_members_when_not_from_the_commission(twenty: Body) -> None:
    # 72% of 20 is 14.4, so 15 members are needed; M01..M14 hold 1474 of 2000.
    fourteen = ids("M", range(1, 15))
    assert vote(twenty, fourteen, others(twenty, fourteen)).outcome == "adopted"
    reinforced = vote(twenty, fourteen, others(twenty, fourteen), from_commission=False)
    assert reinforced.outcome == "blocked"
    fifteen = ids("M", range(1, 16))
    assert vote(twenty, fifteen, others(twenty, fifteen), from_commission=False).outcome == (
        "adopted")


# Real 2025 shares (percent): DE 18.49, FR 15.17, IT 13.23, ES 10.78, PL 8.33, RO 4.23,
# NL 4.01, BE 2.62, CZ 2.42, PT 2.36, SE 2.34, GR 2.31, HU 2.13, AT 2.02, BG 1.43; MT 0.12.
BY_SIZE_2025 = ["DE", "FR", "IT", "ES", "PL", "RO", "NL", "BE", "CZ", "PT", "SE", "GR",
                "HU", "AT", "BG"]


def test_eu_fifteen_of_27_pass_and_fourteen_do_not(shipped: dict[str, Body]) -> None:
    eu = shipped["eu-council"]
    fifteen = BY_SIZE_2025  # 15 of 27 = 55.6%, 91.87% of the population
    assert vote(eu, fifteen, others(eu, fifteen)).outcome == "adopted"
    fourteen = BY_SIZE_2025[:-1]  # 14 of 27 = 51.9%, though 90.44% of the population
    assert vote(eu, fourteen, others(eu, fourteen)).outcome == "blocked"


def test_eu_germany_france_italy_alone_cannot_block(shipped: dict[str, Body]) -> None:
    eu = shipped["eu-council"]
    big_three = ["DE", "FR", "IT"]  # 46.89%: supporters hold only 53.12%, but 3 < 4
    decision = vote(eu, others(eu, big_three), big_three)
    assert decision.outcome == "adopted"
    assert any("blocking minority needs" in line for line in decision.explanation[-2:])
    with_malta = [*big_three, "MT"]  # four members, 47.01%: a blocking minority
    decision = vote(eu, others(eu, with_malta), with_malta)
    assert decision.outcome == "blocked"
    assert decision.blocking == ["FR", "DE", "IT", "MT"]  # member order of the data file


def test_eu_2025_uses_the_rounded_shares_and_says_so(shipped: dict[str, Body]) -> None:
    eu = shipped["eu-council"]
    basis = population_basis(eu, members_as_of(eu, DAY), 2025)
    assert basis is not None and basis.kind == "shares" and not basis.fallback


def test_years_without_complete_figures_fall_back_to_the_nearest(
    shipped: dict[str, Body]
) -> None:
    eu = shipped["eu-council"]
    day = dt.date(2024, 6, 1)
    basis = population_basis(eu, members_as_of(eu, day), 2024)
    assert basis is not None and basis.table.year == 2025 and basis.fallback
    decision = vote(eu, BY_SIZE_2025, others(eu, BY_SIZE_2025, day), day)
    assert decision.outcome == "adopted"
    assert any("2024" in line and "2025" in line for line in decision.explanation)


def test_fallback_prefers_the_earlier_year_on_a_tie() -> None:
    body = qmv_body({"A": 10, "B": 20}, year=2023)
    later = qmv_body({"A": 11, "B": 21}, year=2025)
    both = replace(body, populations=body.populations + later.populations)
    basis = population_basis(both, ["A", "B"], 2024)
    assert basis is not None and basis.table.year == 2023


def test_with_the_uk_no_figures_exist_and_the_population_test_stays_open(
    shipped: dict[str, Body]
) -> None:
    eu = shipped["eu-council"]
    day = dt.date(2019, 6, 1)
    members = members_as_of(eu, day)
    assert "GB" in members and population_basis(eu, members, 2019) is None
    # 20 of 28 support (enough members), 8 are silent: the population cannot be checked.
    supporting = members[:20]
    decision = vote(eu, supporting, [], day)
    assert decision.outcome == "undetermined"
    assert any("GB" in line and "population" in line for line in decision.explanation)
    # Too few members can never be a majority, figures or not.
    assert vote(eu, members[:10], members[10:], day).outcome == "blocked"
    # With everyone in favour, no blocking minority is possible without figures either.
    assert vote(eu, members, [], day).outcome == "adopted"


SHARES = {"A": "40.00", "B": "24.99", "E": "0.01", "C": "20.00", "D": "15.00"}


def test_rounded_shares_too_close_to_call_stay_undetermined() -> None:
    body = qmv_body(SHARES, kind="share", blocking_min_members=None)
    # Three of five members is enough (55% of 5 is 2.75). A+B+E print as 65.00, but each
    # share may be off by 0.005, so the true figure lies between 64.985% and 65.015%.
    decision = vote(body, ["A", "B", "E"], ["C", "D"])
    assert decision.outcome == "undetermined"
    assert "too close" in decision.needed
    assert vote(body, ["A", "B", "E", "D"], ["C"]).outcome == "adopted"  # 80%
    assert vote(body, ["A", "C", "E"], ["B", "D"]).outcome == "blocked"  # 60.01%


def test_share_precision_comes_from_the_printed_digits() -> None:
    coarse = qmv_body({"A": "66", "B": "34"}, kind="share", blocking_min_members=None)
    fine = qmv_body({"A": "66.0", "B": "34.0"}, kind="share", blocking_min_members=None)
    for body, expected in ((coarse, "unknown"), (fine, "yes")):
        basis = population_basis(body, ["A", "B"], 2025)
        # "66" may be 65.5 to 66.5; "66.0" may be 65.95 to 66.05.
        assert population_at_least(basis, ["A"], Fraction(658, 10)) == expected


@pytest.mark.parametrize("stance", ["open", "unclear"])
def test_open_and_unclear_members_are_not_counted_in_favour(twenty: Body, stance: Stance) -> None:
    supporting = ids("M", range(1, 11))
    stances: dict[str, Stance] = {m: "supports" for m in supporting}
    stances["M11"] = stance
    stances.update({m: "opposes" for m in ids("M", range(12, 21))})
    decision = decide(twenty, DAY, stances, proposal="p", rule="qmv")
    assert decision.outcome == "undetermined"
