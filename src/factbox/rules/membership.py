"""Who belongs to a body on a given day.

Boundaries: an actor counts as a member on its ``joined`` day (the accession date) and
no longer counts on its ``left`` day (the first day outside; for the UK in the EU that is
2020-02-01, since it left at midnight Brussels time at the end of 2020-01-31).
"""

from __future__ import annotations

import datetime as dt

from factbox.rules.records import Body


class MembershipUnknown(ValueError):
    """The body's data does not hold a complete member list for that day."""


def membership_known(body: Body, day: dt.date) -> bool:
    """True when the data holds the complete member list of ``body`` on ``day``."""
    if body.known_from is not None and day < body.known_from:
        return False
    return body.known_until is None or day <= body.known_until


def members_as_of(body: Body, day: dt.date) -> list[str]:
    """Actor ids of the members on ``day``, in the order of the body's data file.

    Raises MembershipUnknown when the data does not cover ``day`` (see ``membership_known``).
    """
    if body.parametric:
        raise ValueError(f"body {body.id!r} is parametric: name its members first")
    if not membership_known(body, day):
        raise MembershipUnknown(
            f"{body.id}: the member list is only known "
            f"from {body.known_from or 'the start'} until {body.known_until or 'now'}"
        )
    members = [m.actor_id for m in body.memberships if m.covers(day)]
    return list(dict.fromkeys(members))


def member_name(body: Body, actor_id: str) -> str:
    """The member's name as written in the body's data, else its id."""
    for membership in body.memberships:
        if membership.actor_id == actor_id and membership.name:
            return membership.name
    return actor_id
