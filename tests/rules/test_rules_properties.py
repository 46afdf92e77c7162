"""Property-based tests of the decision rules (hypothesis)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from qmv_fixtures import qmv_body

from factbox.rules import Body, Decision, Outcome, Stance, decide, load_body, members_as_of
from factbox.rules.records import STANCES

RANK: dict[Outcome, int] = {"blocked": 0, "undetermined": 1, "adopted": 2}
DAY = dt.date(2025, 6, 1)

# (body reference, rule id, proposal from the Commission, first day, last day)
CASES = [
    ("nato", None, True, dt.date(1949, 8, 24), dt.date(2030, 12, 31)),
    ("eu-council", "cfsp-unanimity", True, dt.date(1958, 1, 1), dt.date(2030, 12, 31)),
    ("eu-council", "qmv", True, dt.date(2015, 1, 1), dt.date(2027, 12, 31)),
    ("eu-council", "qmv", False, dt.date(2015, 1, 1), dt.date(2027, 12, 31)),
    ("unsc", None, True, dt.date(2020, 1, 1), dt.date(2026, 12, 31)),
    ("state:FR", None, True, dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    ("coalition:FR,GB,PL,DE,IT", None, True, dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
]
BODIES = {ref: load_body(ref, user_dir=None) for ref, *_ in CASES}
maybe_stance = st.one_of(st.none(), st.sampled_from(STANCES))


CONSENSUS_CASES = CASES[:2]


@st.composite
def situations(
    draw: st.DrawFn, cases: Sequence[tuple[str, str | None, bool, dt.date, dt.date]] = CASES
) -> tuple[Body, str | None, bool, dt.date, dict[str, Stance]]:
    ref, rule, from_commission, first, last = draw(st.sampled_from(cases))
    body = BODIES[ref]
    day = draw(st.dates(min_value=first, max_value=last))
    stances: dict[str, Stance] = {}
    for member in members_as_of(body, day):
        stance = draw(maybe_stance)
        if stance is not None:
            stances[member] = stance
    return body, rule, from_commission, day, stances


def run(body: Body, rule: str | None, from_commission: bool, day: dt.date,
        stances: Mapping[str, Stance]) -> Decision:
    return decide(body, day, stances, proposal="p", rule=rule,
                  qmv_from_commission=from_commission)


@settings(max_examples=300, deadline=None)
@given(situation=situations(), data=st.data())
def test_adding_a_supporter_never_makes_the_outcome_worse(
    situation: tuple[Body, str | None, bool, dt.date, dict[str, Stance]], data: st.DataObject
) -> None:
    body, rule, from_commission, day, stances = situation
    before = run(body, rule, from_commission, day, stances)
    assume(before.members)
    member = data.draw(st.sampled_from(before.members))
    after = run(body, rule, from_commission, day, {**stances, member: "supports"})
    # Never adopted -> blocked, never undetermined -> blocked, never adopted -> undetermined.
    assert RANK[after.outcome] >= RANK[before.outcome]


@settings(deadline=None)
@given(situation=situations())
def test_decisions_partition_the_members_and_block_only_when_blocked(
    situation: tuple[Body, str | None, bool, dt.date, dict[str, Stance]]
) -> None:
    body, rule, from_commission, day, stances = situation
    decision = run(body, rule, from_commission, day, stances)
    lists = decision.supporting + decision.open + decision.opposing + decision.silent
    assert sorted(lists) == sorted(decision.members)
    assert set(decision.blocking) <= set(decision.opposing)
    assert bool(decision.blocking) == (decision.outcome == "blocked")
    assert decision.needed and decision.explanation


@settings(deadline=None)
@given(situation=situations(CONSENSUS_CASES), data=st.data())
def test_a_consensus_body_with_any_opposing_member_is_blocked(
    situation: tuple[Body, str | None, bool, dt.date, dict[str, Stance]], data: st.DataObject
) -> None:
    body, rule, from_commission, day, stances = situation
    assert body.rule(rule).kind in ("consensus", "unanimity")
    members = members_as_of(body, day)
    objector = data.draw(st.sampled_from(members))
    decision = run(body, rule, from_commission, day, {**stances, objector: "opposes"})
    assert decision.outcome == "blocked"
    assert objector in decision.blocking
    assert decision.blocking == decision.opposing


def qualified(yes: set[str], populations: Mapping[str, int], member_percent: int,
              blocking_min: int | None) -> bool:
    """The QMV test written out from its definition, for whole votes."""
    n = len(populations)
    enough_members = len(yes) * 100 >= member_percent * n
    people = sum(populations[m] for m in yes) * 100 >= 65 * sum(populations.values())
    no_blocking_minority = blocking_min is not None and n - len(yes) < blocking_min
    return enough_members and (people or no_blocking_minority)


def expected_outcome(stances: Mapping[str, Stance], populations: Mapping[str, int],
                     member_percent: int, blocking_min: int | None) -> Outcome:
    """Try every way the members that do not support yet could vote."""
    yes = {m for m, s in stances.items() if s == "supports"}
    undecided = [m for m in populations if m not in yes and stances.get(m) != "opposes"]
    results = {
        qualified(yes | set(extra), populations, member_percent, blocking_min)
        for size in range(len(undecided) + 1)
        for extra in combinations(undecided, size)
    }
    if results == {True}:
        return "adopted"
    return "blocked" if results == {False} else "undetermined"


small_bodies = st.dictionaries(
    keys=st.sampled_from([f"S{i}" for i in range(1, 9)]),
    values=st.integers(min_value=1, max_value=1000),
    min_size=1,
    max_size=8,
)


def stances_for(members: Sequence[str]) -> st.SearchStrategy[dict[str, Stance]]:
    return st.fixed_dictionaries({}, optional={m: st.sampled_from(STANCES) for m in members})


@settings(max_examples=300, deadline=None)
@given(populations=small_bodies, data=st.data(),
       blocking_min=st.one_of(st.none(), st.integers(min_value=1, max_value=5)),
       from_commission=st.booleans())
def test_qmv_on_counts_matches_every_way_the_undecided_could_vote(
    populations: dict[str, int], data: st.DataObject, blocking_min: int | None,
    from_commission: bool
) -> None:
    body = qmv_body(populations, blocking_min_members=blocking_min)
    stances = data.draw(stances_for(list(populations)))
    decision = decide(body, DAY, stances, proposal="p", rule="qmv",
                      qmv_from_commission=from_commission)
    # The made-up body's 72% threshold has no four-member clause, like the EU file.
    member_percent, clause = (55, blocking_min) if from_commission else (72, None)
    assert decision.outcome == expected_outcome(stances, populations, member_percent, clause)


def printed_share(population: int, total: int) -> str:
    share = Decimal(population * 100) / Decimal(total)
    return str(share.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@settings(max_examples=300, deadline=None)
@given(populations=small_bodies, data=st.data(),
       blocking_min=st.one_of(st.none(), st.integers(min_value=1, max_value=5)))
def test_qmv_on_rounded_shares_is_never_wrong_only_sometimes_undetermined(
    populations: dict[str, int], data: st.DataObject, blocking_min: int | None
) -> None:
    total = sum(populations.values())
    shares = {m: printed_share(p, total) for m, p in populations.items()}
    body = qmv_body(shares, kind="share", blocking_min_members=blocking_min)
    stances = data.draw(stances_for(list(populations)))
    decision = decide(body, DAY, stances, proposal="p", rule="qmv")
    if decision.outcome != "undetermined":
        assert decision.outcome == expected_outcome(stances, populations, 55, blocking_min)
