"""The members of a body sorted by stance, and the verdict a rule gives on them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from factbox.rules.records import STANCES, Outcome, Stance


@dataclass(frozen=True, slots=True)
class Tally:
    """Members split by stance, each list in member order."""

    members: list[str]
    supporting: list[str]
    open: list[str]
    opposing: list[str]
    unclear: list[str]
    no_position: list[str]

    @property
    def silent(self) -> list[str]:
        """Members with no position or an unclear one, in member order."""
        quiet = set(self.unclear) | set(self.no_position)
        return [m for m in self.members if m in quiet]

    @property
    def undecided(self) -> list[str]:
        """Members that may still move either way: open, unclear or without a position."""
        moving = set(self.open) | set(self.unclear) | set(self.no_position)
        return [m for m in self.members if m in moving]


@dataclass(slots=True)
class Verdict:
    """What a rule says about a tally: outcome, who blocks, what would have to change, why."""

    outcome: Outcome
    needed: str
    blocking: list[str] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)


def tally(members: Sequence[str], stances: Mapping[str, Stance]) -> Tally:
    for actor, stance in stances.items():
        if stance not in STANCES:
            raise ValueError(f"{actor}: stance {stance!r} is not one of {', '.join(STANCES)}")
    by_stance: dict[str, list[str]] = {s: [] for s in STANCES}
    no_position: list[str] = []
    for member in members:
        label = stances.get(member)
        (by_stance[label] if label is not None else no_position).append(member)
    return Tally(
        members=list(members),
        supporting=by_stance["supports"],
        open=by_stance["open"],
        opposing=by_stance["opposes"],
        unclear=by_stance["unclear"],
        no_position=no_position,
    )


def join_ids(ids: Iterable[str]) -> str:
    """``'FR'``, ``'FR and DE'``, ``'FR, DE and IT'``."""
    items = list(ids)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def counted(count: int, noun: str) -> str:
    """``'1 member'``, ``'3 members'``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def members_word(count: int) -> str:
    return counted(count, "member")


LONGEST_NAMED_GROUP = 6
"""Longer groups are given by their count in sentences (the ids are in the lists)."""


def undecided_text(t: Tally, with_open: bool = True) -> str:
    """``'IT (open), HU (unclear) and PL (no known position)'`` for the undecided members;
    a group longer than LONGEST_NAMED_GROUP is counted: ``'26 members (no known position)'``."""
    groups = [(t.open, "open")] if with_open else []
    groups += [(t.unclear, "unclear"), (t.no_position, "no known position")]
    parts = []
    for group, label in groups:
        if len(group) > LONGEST_NAMED_GROUP:
            parts.append(f"{len(group)} members ({label})")
        elif group:
            parts.append(f"{join_ids(group)} ({label})")
    return join_ids(parts)
