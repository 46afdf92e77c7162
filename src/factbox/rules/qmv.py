"""Qualified majority voting (EU Council).

A set of members in favour passes when it has at least ``member_percent`` % of the
members and at least ``population_percent`` % of the population, or when it has enough
members and fewer than ``blocking_min_members`` members are outside it (no blocking
minority is possible). Abstention counts against, so only ``supports`` is a vote in
favour. Passing only gets easier as the set grows, so:

- adopted: the supporters alone pass;
- blocked: even supporters plus every open, unclear or silent member would not pass;
- undetermined: anything between, including a population test the rounded shares
  cannot settle, or no population figures at all.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection
from fractions import Fraction

from factbox.rules.population import (
    Answer,
    PopulationBasis,
    missing_population_text,
    percent_text,
    population_at_least,
    population_basis,
    population_share,
)
from factbox.rules.records import Body, QmvParams, QmvThresholds
from factbox.rules.tally import (
    Tally,
    Verdict,
    counted,
    join_ids,
    members_word,
    undecided_text,
)


def members_needed(thresholds: QmvThresholds, member_count: int) -> int:
    """The smallest number of members that is at least ``member_percent`` % of them."""
    return math.ceil(thresholds.member_percent * member_count / 100)


def passes(
    thresholds: QmvThresholds, basis: PopulationBasis | None, members: int, group: Collection[str]
) -> Answer:
    """Would ``group`` voting in favour (everyone else against) reach the qualified majority?"""
    if len(group) < members_needed(thresholds, members):
        return "no"
    population = population_at_least(basis, group, thresholds.population_percent)
    if population == "yes":
        return "yes"
    minimum = thresholds.blocking_min_members
    if minimum is not None and members - len(group) < minimum:
        return "yes"
    return population


def _pct(value: Fraction) -> str:
    return f"{float(value):g}%"


def _rule_sentences(thresholds: QmvThresholds, members: int, reinforced: bool) -> list[str]:
    needed = members_needed(thresholds, members)
    sentence = (
        f"Qualified majority: at least {_pct(thresholds.member_percent)} of the members"
        f" ({needed} of {members}) representing at least"
        f" {_pct(thresholds.population_percent)} of the population"
    )
    if thresholds.blocking_min_members is not None:
        sentence += (f"; a blocking minority needs at least {thresholds.blocking_min_members}"
                     " members, failing which the majority is reached")
    sentences = [sentence + "."]
    if reinforced:
        sentences.append("The proposal does not come from the Commission or the High"
                         f" Representative, so {_pct(thresholds.member_percent)} of the"
                         " members are needed.")
    sentences.append("Abstention counts against: only supporting members are counted in favour.")
    return sentences


def qmv_verdict(
    t: Tally, params: QmvParams, body: Body, as_of: dt.date, from_commission: bool
) -> Verdict:
    thresholds = params.standard
    if not from_commission and params.not_from_commission is not None:
        thresholds = params.not_from_commission
    reinforced = thresholds is not params.standard
    n = len(t.members)
    explanation = _rule_sentences(thresholds, n, reinforced)
    if not from_commission and params.not_from_commission is None:
        explanation.append("This body has no separate threshold for proposals from elsewhere;"
                           " the standard one is used.")
    if not t.members:
        return Verdict("undetermined", "The body would need members.", [],
                       explanation + ["The body has no members on that day."])
    basis = population_basis(body, t.members, as_of.year)
    if basis is None:
        why = missing_population_text(body, t.members, as_of.year)
        explanation.append(f"No population figures cover every member ({why}), so the"
                           " population test cannot be made.")
    else:
        explanation.append(basis.describe())
    explanation.append(_count_sentence("Supporting", t.supporting, basis))
    explanation.append(_count_sentence("Opposing", t.opposing, basis))
    explanation.append(_count_sentence("Open, unclear or silent", t.undecided, basis))

    supporters, best_case = t.supporting, t.supporting + t.undecided
    if passes(thresholds, basis, n, supporters) == "yes":
        population = population_at_least(basis, supporters, thresholds.population_percent)
        if population != "yes":
            verb = "do not hold" if population == "no" else "may not hold"
            explanation.append(
                f"Supporters {verb} {_pct(thresholds.population_percent)} of the population,"
                f" but only {members_word(n - len(supporters))} remain outside the majority,"
                f" fewer than the {thresholds.blocking_min_members} a blocking minority needs."
            )
        return Verdict("adopted", "Nothing: the supporters already form a qualified majority.",
                       [], explanation + ["Adopted: the supporting members alone reach the"
                                          " qualified majority."])
    if passes(thresholds, basis, n, best_case) == "no":
        return Verdict("blocked", _blocked_needed(thresholds, basis, t, best_case),
                       list(t.opposing), explanation + [
                           "Blocked: even if every open, unclear or silent member supported,"
                           " there would be no qualified majority."])
    return Verdict("undetermined", _open_needed(thresholds, basis, t), [],
                   explanation + ["Undetermined: the supporters do not yet reach the qualified"
                                  " majority, but the open, unclear or silent members could"
                                  " still make it."])


def _count_sentence(label: str, group: list[str], basis: PopulationBasis | None) -> str:
    if not group:
        return f"{label}: none."
    sentence = f"{label}: {members_word(len(group))}"
    if basis is not None:
        sentence += f", {percent_text(basis, group)} of the population"
    return sentence + f" ({join_ids(group)})."


def _blocked_needed(
    thresholds: QmvThresholds, basis: PopulationBasis | None, t: Tally, best_case: list[str]
) -> str:
    needed = members_needed(thresholds, len(t.members))
    if len(best_case) < needed:
        return (f"Even with every open or silent member, supporters would be {len(best_case)} of"
                f" the {needed} members needed: at least {needed - len(best_case)} of the opposing"
                f" members ({join_ids(t.opposing)}) would have to switch to support.")
    if basis is None:  # cannot happen: without figures only the member count can block
        return f"At least one of {join_ids(t.opposing)} would have to switch to support."
    gap = thresholds.population_percent - population_share(basis, best_case) * 100
    sentence = (f"Even with every open or silent member, supporters would hold"
                f" {percent_text(basis, best_case)} of the population, short of"
                f" {_pct(thresholds.population_percent)}: opposing members"
                f" ({join_ids(t.opposing)}) holding about {float(gap):.2f} more points of"
                " population would have to switch to support")
    if thresholds.blocking_min_members is not None:
        sentence += (f", or fewer than {thresholds.blocking_min_members} members would have to"
                     " remain outside the majority")
    return sentence + "."


def _open_needed(thresholds: QmvThresholds, basis: PopulationBasis | None, t: Tally) -> str:
    needed = members_needed(thresholds, len(t.members))
    wants = []
    if len(t.supporting) < needed:
        wants.append(f"{counted(needed - len(t.supporting), 'more supporting member')}"
                     f" ({len(t.supporting)} of {needed} now)")
    population = population_at_least(basis, t.supporting, thresholds.population_percent)
    if population != "yes":
        if basis is None:
            want = "supporters holding enough population (the figures are missing)"
        elif population == "unknown":
            want = (f"supporters clearly above {_pct(thresholds.population_percent)} of the"
                    f" population (now {percent_text(basis, t.supporting)}, too close to call"
                    " with rounded shares)")
        else:
            want = (f"supporters holding at least {_pct(thresholds.population_percent)} of the"
                    f" population (now {percent_text(basis, t.supporting)})")
        if thresholds.blocking_min_members is not None:
            want += (f" or fewer than {thresholds.blocking_min_members} members outside the"
                     " majority")
        wants.append(want)
    return f"Adoption needs {join_ids(wants)}, from among {undecided_text(t)}."
