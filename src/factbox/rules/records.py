"""Typed records for bodies, their membership, their decision rules, and decisions.

Dates follow one convention everywhere: ``joined`` is the first day an actor is a
member, ``left`` is the first day it no longer is (``joined <= day < left``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from factbox.records import STANCES as STANCES
from factbox.records import Stance as Stance

Outcome = Literal["adopted", "blocked", "undetermined"]
RuleKind = Literal["consensus", "unanimity", "qmv", "unsc", "state", "coalition"]

RULE_KINDS: tuple[RuleKind, ...] = ("consensus", "unanimity", "qmv", "unsc", "state", "coalition")


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact in a body file comes from."""

    key: str
    title: str
    url: str | None = None
    secondary: bool = False
    """True for news sites, mirrors and other third parties."""


@dataclass(frozen=True, slots=True)
class Membership:
    """One stretch of membership: member from ``joined`` (inclusive) until ``left`` (exclusive).

    ``joined`` is None when the start date is not in the sourced facts and the actor is
    a member throughout the period the data covers (e.g. the UNSC permanent members).
    An actor may have several memberships (e.g. two terms on the UNSC).
    """

    actor_id: str
    joined: dt.date | None
    left: dt.date | None = None
    name: str | None = None
    term: str | None = None
    note: str | None = None
    sources: tuple[str, ...] = ()

    def covers(self, day: dt.date) -> bool:
        started = self.joined is None or self.joined <= day
        ended = self.left is not None and day >= self.left
        return started and not ended


@dataclass(frozen=True, slots=True)
class PopulationEntry:
    """One member's row in a yearly population table; None means not confirmed."""

    actor_id: str
    population: int | None
    share: Decimal | None
    """Percent of the total exactly as printed (its printed digits give its precision)."""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class PopulationTable:
    """The population figures that apply in one year (e.g. the EU Council's Annex III)."""

    year: int
    entries: tuple[PopulationEntry, ...]
    total: int | None = None
    decision: str | None = None
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def entry(self, actor_id: str) -> PopulationEntry | None:
        for row in self.entries:
            if row.actor_id == actor_id:
                return row
        return None


@dataclass(frozen=True, slots=True)
class ConsensusParams:
    """Every member must agree; one objection blocks."""


@dataclass(frozen=True, slots=True)
class UnanimityParams:
    constructive_abstention: bool = False
    """An abstaining (``open``) member does not block and is not needed for adoption."""
    abstention_limit: Fraction | None = None
    """Share of members above which abstainers stop the decision; None = not modelled."""


@dataclass(frozen=True, slots=True)
class QmvThresholds:
    member_percent: Fraction
    population_percent: Fraction
    blocking_min_members: int | None
    """A blocking minority needs at least this many members; failing that the majority is
    deemed reached. None = no such clause is applied."""
    note: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QmvParams:
    standard: QmvThresholds
    not_from_commission: QmvThresholds | None = None
    """Thresholds when the proposal does not come from the Commission or High Representative."""


@dataclass(frozen=True, slots=True)
class UnscParams:
    seats: int
    votes_needed: int
    permanent: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StateParams:
    """The single member's own stance decides."""


@dataclass(frozen=True, slots=True)
class CoalitionParams:
    """The members that support act together; nobody else can stop them."""


RuleParams = (
    ConsensusParams | UnanimityParams | QmvParams | UnscParams | StateParams | CoalitionParams
)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: RuleKind
    name: str
    params: RuleParams
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Body:
    """A decision-making body: who belongs to it when, and how it decides."""

    id: str
    name: str
    rules: tuple[Rule, ...]
    default_rule: str
    memberships: tuple[Membership, ...] = ()
    actor_id: str | None = None
    """The body's own actor id (``NATO``, ``EU``), if it speaks as an actor."""
    parametric: bool = False
    """Members are named when the body is used (``state:FR``, ``coalition:FR,GB``)."""
    known_from: dt.date | None = None
    known_until: dt.date | None = None
    """The membership list is complete only between these days (None: no limit)."""
    populations: tuple[PopulationTable, ...] = ()
    sources: tuple[Source, ...] = ()
    notes: tuple[str, ...] = ()
    origin: str = ""
    """The data file the body was read from."""

    def rule(self, rule_id: str | None = None) -> Rule:
        wanted = rule_id or self.default_rule
        for rule in self.rules:
            if rule.id == wanted:
                return rule
        known = ", ".join(r.id for r in self.rules)
        raise KeyError(f"body {self.id!r} has no rule {wanted!r} (rules: {known})")


@dataclass(slots=True)
class Decision:
    """Whether a body can adopt a proposal as of a day, and why.

    Member lists keep the body's member order. ``silent`` holds members with no
    position or an ``unclear`` one (the explanation names the unclear ones).
    """

    proposal: str
    body: str
    as_of: dt.date
    rule: str
    members: list[str]
    outcome: Outcome
    supporting: list[str] = field(default_factory=list)
    open: list[str] = field(default_factory=list)
    opposing: list[str] = field(default_factory=list)
    silent: list[str] = field(default_factory=list)
    blocking: list[str] = field(default_factory=list)
    needed: str = ""
    can_act_alone: list[str] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
