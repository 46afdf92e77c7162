"""A count or a body's whole membership ("EU leaders agreed on the ban", "all 15 members
voted for it") is each member's vote, not its own word (guideline 12): it gives a position
to a member no statement names, marked ``counted``, never replaces what statements naming
a member say, and is still the member's vote when a body's rule decides. Statements built
by hand in the shape of an EU summit's reporting."""

from __future__ import annotations

import datetime as dt

from factbox import api
from factbox.records import Speaker, Statement
from factbox.stance.positions import history, positions
from factbox.stance.records import (
    COUNTED_MEMBERS,
    Actor,
    JudgedStatement,
    Proposal,
    Stance,
    StanceJudgement,
)

BAN = Proposal("steel-ban", "Ban imports of cheap steel into the EU", bodies=["eu-council"])
MEMBERS = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
           "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]


def day(n: int) -> dt.date:
    return dt.date(2022, 5, n)


def statement(speakers: list[Speaker], on: dt.date) -> Statement:
    return Statement(
        kind="act",
        cue="agreed",
        cue_span=None,
        content="the ban",
        content_span=(0, 1),
        source_text="",
        source_span=None,
        span=(0, 1),
        speakers=speakers,
        said_on=on,
    )


def judged(ident: int, speakers: list[Speaker], on: dt.date, stance: Stance) -> JudgedStatement:
    return JudgedStatement.from_statement(
        ident, statement(speakers, on), StanceJudgement(BAN.slug, stance, 0.85)
    )


def leaders(members: list[str]) -> list[Speaker]:
    """ "EU leaders" standing for each member: one source phrase, one span."""
    return [Speaker("EU leaders", (0, 10), actor_id=m, actor_kind="country") for m in members]


def found() -> list[JudgedStatement]:
    sofia = Speaker("Sofia", (40, 45), actor_id="BG", actor_kind="country")
    budapest = Speaker("Budapest", (60, 68), actor_id="HU", actor_kind="country")
    return [
        judged(1, [sofia], day(4), "open"),  # "Sofia will seek an exemption"
        judged(2, [budapest], day(16), "opposes"),  # "Budapest vetoed it"
        judged(3, leaders(MEMBERS), day(30), "supports"),  # "EU leaders agreed on the ban"
    ]


def test_a_phrase_for_many_members_at_once_is_counted_a_short_list_is_not() -> None:
    item = found()[2]
    assert all(actor.counted for actor in item.actors)
    few = judged(4, leaders(MEMBERS[: COUNTED_MEMBERS - 1]), day(30), "supports")
    assert not any(actor.counted for actor in few.actors)
    # two speakers with spans of their own ("Slovakia and Hungary") are named, not counted
    assert not any(a.counted for a in found()[0].actors)


def test_a_count_never_replaces_what_naming_statements_say() -> None:
    found_on = {p.actor_id: p for p in positions(found(), day(31))}
    assert found_on["BG"].stance == "open" and not found_on["BG"].counted
    assert found_on["HU"].stance == "opposes" and found_on["HU"].evidence == [2]
    # a member only the count reaches keeps it as its position, marked as a vote
    assert found_on["AT"].stance == "supports" and found_on["AT"].counted
    assert [c.stance for c in history(found(), day(31)) if c.actor_id == "BG"] == ["open"]


def test_the_count_is_the_members_vote_when_the_body_decides() -> None:
    votes = {p.actor_id: p.stance for p in positions(found(), day(31), votes=True)}
    assert votes["HU"] == "supports" and votes["BG"] == "supports"
    items = found()
    report = api.PositionsReport(
        proposal=BAN,
        as_of=day(31),
        positions=positions(items, day(31)),
        history=history(items, day(31)),
        evidence={},
        votes=positions(items, day(31), votes=True),
    )
    assert api.decide_on(report, "eu-council").outcome == "adopted"
    # without the votes, the named veto of 16 May still blocks
    report.votes = None
    assert api.decide_on(report, "eu-council").blocking == ["HU"]


def test_an_actor_built_by_hand_is_not_counted() -> None:
    assert Actor("FR", "France", "country").counted is False
