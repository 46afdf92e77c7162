"""A proposal's factbox as newsrooms lay it out, from the service's ``FactboxReport``.

- **Who stands where**: groups by stance (supports, open to it, opposes, unclear, no known
  position), states apart from organisations within each, names in alphabetical order (not
  by code). Each row shows the actor's own latest statement of that stance: the quote, who
  said it (name and role), the outlet and the date. Only a statement one of whose speakers
  speaks for that actor is shown as its evidence: a joint statement or a report quoting
  another country never stands in for it. "No known position" lists the members of the
  proposal's bodies that have said nothing on it.
- **Could it be adopted?**: each body by its name, its rule in one line, the outcome, and a
  seat diagram (``factbox.web.seats``).
- **Map** (``factbox.web.maps``) and **timeline**: every change of stance in date order,
  each with its statement.

The drawings are cached by their inputs (see ``maps`` and ``seats``), so a page view after
the first one for a given set of positions costs no drawing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from factbox.records import Speaker, StoredStatement
from factbox.rules import Body
from factbox.rules.records import Decision
from factbox.service import FactboxReport
from factbox.stance.records import Position, PositionChange, Proposal
from factbox.web.graphics import STYLES
from factbox.web.maps import MapFigure, drawable, stance_map
from factbox.web.names import country_name, is_country
from factbox.web.seats import SeatFigure, seat_diagram

STANCE_LABELS: dict[str, str] = {key: item.label for key, item in STYLES.items()}
GROUP_ORDER = ("supports", "open", "opposes", "unclear", "none")
LEGEND = GROUP_ORDER
OUTCOMES = {
    "adopted": "could be adopted",
    "blocked": "blocked",
    "undetermined": "not yet decided by the known positions",
}


def display_name(actor_id: str | None, actor: str | None, kind: str) -> str:
    if actor_id and kind == "country" and is_country(actor_id):
        return country_name(actor_id)
    return actor or actor_id or "unnamed"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The statement a row shows, and the speaker in it who speaks for the row's actor."""

    stored: StoredStatement
    speaker: Speaker

    @property
    def date(self) -> dt.date | None:
        return self.stored.statement.said_on or self.stored.article.published

    @property
    def outlet(self) -> str:
        """The outlet: the article's web host ("reuters.com"), else its source's name."""
        url = self.stored.article.url
        host = urlsplit(url).hostname if url else None
        if host:
            return host.removeprefix("www.")
        return self.stored.article.source_name.rsplit("/", 1)[-1]

    @property
    def who(self) -> str:
        name = self.speaker.name or self.speaker.text
        role = self.speaker.role
        return f"{name}, {role}" if role and role.casefold() not in name.casefold() else name


@dataclass(frozen=True, slots=True)
class FactboxRow:
    actor_id: str | None
    name: str
    stance: str
    since: dt.date | None
    evidence: Evidence | None
    corrected: bool


@dataclass(frozen=True, slots=True)
class StanceGroup:
    stance: str
    label: str
    states: list[FactboxRow]
    organisations: list[FactboxRow]
    others: list[FactboxRow]
    """People and speakers that resolve to no state or organisation."""

    @property
    def count(self) -> int:
        return len(self.states) + len(self.organisations) + len(self.others)


@dataclass(frozen=True, slots=True)
class BodyView:
    decision: Decision
    name: str
    rule: str
    outcome: str
    seats: SeatFigure


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    change: PositionChange
    name: str


@dataclass(frozen=True, slots=True)
class FactboxView:
    """A proposal's factbox as the page (and the static export) shows it."""

    proposal: Proposal
    as_of: dt.date
    groups: list[StanceGroup]
    bodies: list[BodyView]
    timeline: list[TimelineEntry]
    map: MapFigure
    positions: int


def _own_evidence(position: Position, report: FactboxReport) -> Evidence | None:
    """The latest statement of the position's run whose speaker speaks for its actor."""
    found = report.positions.evidence
    for statement_id in reversed(position.evidence):
        stored = found[statement_id].stored
        for speaker in stored.statement.speakers:
            same = (
                speaker.actor_id == position.actor_id
                if position.actor_id
                else (speaker.actor or speaker.name or speaker.text) == position.actor
            )
            if same:
                return Evidence(stored, speaker)
    return None


def _row(position: Position, report: FactboxReport) -> FactboxRow:
    found = report.positions.evidence
    return FactboxRow(
        actor_id=position.actor_id,
        name=display_name(position.actor_id, position.actor, position.actor_kind),
        stance=position.stance,
        since=position.since,
        evidence=_own_evidence(position, report),
        corrected=any(found[i].stored.corrected for i in position.evidence),
    )


def _by_name(rows: Iterable[FactboxRow]) -> list[FactboxRow]:
    return sorted(rows, key=lambda r: (r.name.casefold(), r.actor_id or ""))


def _groups(report: FactboxReport) -> list[StanceGroup]:
    rows = [_row(p, report) for p in report.positions.positions]
    held = {r.actor_id for r in rows if r.actor_id}
    silent = {m for d in report.decisions for m in d.members if m not in held}
    rows += [
        FactboxRow(m, display_name(m, None, "country"), "none", None, None, False) for m in silent
    ]
    kinds = {p.actor_id: p.actor_kind for p in report.positions.positions}
    groups = []
    for stance in GROUP_ORDER:
        here = [r for r in rows if r.stance == stance]
        states = [
            r
            for r in here
            if r.actor_id
            and is_country(r.actor_id)
            and kinds.get(r.actor_id, "country") == "country"
        ]
        orgs = [r for r in here if r.actor_id and kinds.get(r.actor_id) == "organization"]
        others = [r for r in here if r not in states and r not in orgs]
        if here:
            groups.append(
                StanceGroup(
                    stance,
                    STANCE_LABELS[stance],
                    _by_name(states),
                    _by_name(orgs),
                    _by_name(others),
                )
            )
    return groups


def _body_view(
    decision: Decision, body: Body | None, stances: Mapping[str, str], index: int
) -> BodyView:
    name = body.name if body else decision.body
    rule = (
        next((r.name for r in body.rules if r.id == decision.rule), decision.rule)
        if body
        else decision.rule
    )
    seats = seat_diagram(
        decision.members,
        stances,
        decision.blocking,
        {m: country_name(m) for m in decision.members},
        title=f"{name}: each member's stance",
        prefix=f"seats-{index}",
    )
    return BodyView(decision, name, rule, OUTCOMES.get(decision.outcome, decision.outcome), seats)


def factbox_view(report: FactboxReport) -> FactboxView:
    """The page's view of ``report``."""
    positions = report.positions.positions
    stances = {p.actor_id: p.stance for p in positions if p.actor_id}
    bodies = [
        _body_view(d, report.bodies.get(d.body), stances, i)
        for i, d in enumerate(report.decisions, 1)
    ]
    names = {p.actor_id: display_name(p.actor_id, p.actor, p.actor_kind) for p in positions}
    timeline = sorted(
        (
            TimelineEntry(
                c, names.get(c.actor_id) or display_name(c.actor_id, c.actor, c.actor_kind)
            )
            for c in report.positions.history
        ),
        key=lambda e: (e.change.on, e.name.casefold(), e.change.statement_id),
    )
    first = bodies[0] if bodies else None
    known = drawable()
    figure = stance_map(
        {
            p.actor_id: p.stance
            for p in positions
            if p.actor_id in known and p.actor_kind == "country"
        },
        organisations=[
            (p.actor_id, display_name(p.actor_id, p.actor, p.actor_kind), p.stance)
            for p in sorted(positions, key=lambda p: (p.actor or p.actor_id or "").casefold())
            if p.actor_id and p.actor_kind == "organization"
        ],
        members=first.decision.members if first else (),
        body=first.name if first else "",
        title=f"Countries coloured by their stance on {report.proposal.title}",
    )
    return FactboxView(
        proposal=report.proposal,
        as_of=report.as_of,
        groups=_groups(report),
        bodies=bodies,
        timeline=timeline,
        map=figure,
        positions=len(positions),
    )


@dataclass(frozen=True, slots=True)
class Downloads:
    csv: str
    json: str


class ServerLinks:
    """Where the server's factbox page points: its own actor, article and statement pages."""

    def __init__(self, slug: str) -> None:
        self.downloads: Downloads | None = Downloads(
            f"/proposals/{slug}.csv", f"/api/proposals/{slug}"
        )

    def actor(self, actor_id: str | None) -> str | None:
        return f"/actors/{actor_id}" if actor_id else None

    def evidence(self, stored: StoredStatement) -> str | None:
        return f"/statements/{stored.id}"

    def change(self, change: PositionChange) -> str | None:
        return f"/statements/{change.statement_id}"


class ExportLinks:
    """Where an exported factbox points: the outlets' articles (http(s) only), or, given the
    factbox server's public address, its pages; otherwise nowhere."""

    def __init__(self, report: FactboxReport, server: str | None = None) -> None:
        self.server = server.rstrip("/") if server else None
        self.downloads: Downloads | None = None
        self._urls = {i: e.stored.article.url for i, e in report.positions.evidence.items()}

    def actor(self, actor_id: str | None) -> str | None:
        return f"{self.server}/actors/{actor_id}" if self.server and actor_id else None

    def evidence(self, stored: StoredStatement) -> str | None:
        return self._statement(stored.id)

    def change(self, change: PositionChange) -> str | None:
        return self._statement(change.statement_id)

    def _statement(self, statement_id: int) -> str | None:
        if self.server:
            return f"{self.server}/statements/{statement_id}"
        url = self._urls.get(statement_id)
        return url if url and urlsplit(url).scheme in ("http", "https") else None
