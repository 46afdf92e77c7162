"""Evaluate a body's rule on the stances of its members as of a day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pycountry

from factbox.rules.alone import coalition_verdict, state_verdict
from factbox.rules.bodies import with_members
from factbox.rules.consensus import consensus_verdict, unanimity_verdict
from factbox.rules.membership import members_as_of, membership_known
from factbox.rules.qmv import qmv_verdict
from factbox.rules.records import (
    Body,
    Decision,
    QmvParams,
    Rule,
    Stance,
    UnanimityParams,
    UnscParams,
)
from factbox.rules.tally import Tally, Verdict, join_ids, tally
from factbox.rules.unsc import unsc_verdict


def is_state(actor_id: str) -> bool:
    """True for ISO 3166-1 alpha-2 country codes (``FR``); False for ``EU``, ``UN``, ``NATO``."""
    return len(actor_id) == 2 and pycountry.countries.get(alpha_2=actor_id.upper()) is not None


def could_act_alone(stances: Mapping[str, Stance], members: Sequence[str]) -> list[str]:
    """States that support or are open, members of the body or not: supporters first, then
    open ones; within each, members in member order, then the others alphabetically.

    ``decide`` fills ``Decision.can_act_alone`` with this list when the body has not
    adopted the proposal, and leaves it empty when it has (nobody needs to act alone).
    """
    order = {m: i for i, m in enumerate(members)}
    willing = [a for a, s in stances.items() if s in ("supports", "open") and is_state(a)]
    return sorted(
        willing,
        key=lambda a: (stances[a] != "supports", a not in order, order.get(a, 0), a),
    )


def decide(
    body: Body,
    as_of: dt.date,
    stances: Mapping[str, Stance],
    *,
    proposal: str,
    qmv_from_commission: bool = True,
    rule: str | None = None,
) -> Decision:
    """Can ``body`` adopt ``proposal`` as of ``as_of``, given each actor's stance?

    ``stances`` maps actor ids to stances; members without an entry are silent, and
    entries for non-members only count for ``can_act_alone``. ``rule`` picks one of the
    body's rules by id (default: the body's default rule). ``qmv_from_commission=False``
    applies the stricter member threshold of a QMV rule, where the body has one.
    """
    chosen = body.rule(rule)
    if body.parametric:
        if chosen.kind != "coalition":
            raise ValueError(f"body {body.id!r} needs its member named, e.g. '{body.id}:FR'")
        body = with_members(body, sorted(a for a in stances if is_state(a)))
    header = [f"Rule: {chosen.name}."]
    if not membership_known(body, as_of):
        return Decision(
            proposal=proposal,
            body=body.id,
            as_of=as_of,
            rule=chosen.id,
            members=[],
            outcome="undetermined",
            needed=f"Membership data for {body.id} covering {as_of.isoformat()}.",
            can_act_alone=could_act_alone(stances, []),
            explanation=header + [
                f"The member list of {body.id} is only known from"
                f" {body.known_from or 'the start'} until {body.known_until or 'now'},"
                f" so {as_of.isoformat()} cannot be evaluated."
            ],
        )
    members = members_as_of(body, as_of)
    counted = tally(members, stances)
    verdict = _verdict(chosen, counted, body, as_of, qmv_from_commission)
    explanation = header + [f"Members on {as_of.isoformat()}: {len(members)}."]
    if counted.unclear:
        explanation.append(f"Unclear stance, listed as silent: {join_ids(counted.unclear)}.")
    return Decision(
        proposal=proposal,
        body=body.id,
        as_of=as_of,
        rule=chosen.id,
        members=members,
        outcome=verdict.outcome,
        supporting=counted.supporting,
        open=counted.open,
        opposing=counted.opposing,
        silent=counted.silent,
        blocking=verdict.blocking,
        needed=verdict.needed,
        can_act_alone=[] if verdict.outcome == "adopted" else could_act_alone(stances, members),
        explanation=explanation + verdict.explanation,
    )


def _verdict(
    rule: Rule, counted: Tally, body: Body, as_of: dt.date, from_commission: bool
) -> Verdict:
    params = rule.params
    if rule.kind == "consensus":
        return consensus_verdict(counted)
    if rule.kind == "unanimity" and isinstance(params, UnanimityParams):
        return unanimity_verdict(counted, params)
    if rule.kind == "qmv" and isinstance(params, QmvParams):
        return qmv_verdict(counted, params, body, as_of, from_commission)
    if rule.kind == "unsc" and isinstance(params, UnscParams):
        return unsc_verdict(counted, params)
    if rule.kind == "state":
        return state_verdict(counted)
    if rule.kind == "coalition":
        return coalition_verdict(counted)
    raise ValueError(f"rule {rule.id!r}: parameters do not match its kind {rule.kind!r}")
