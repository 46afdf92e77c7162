"""A proposal's factbox as the pages show it: positions, decisions, timeline and map, from
the service's ``FactboxReport``."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

from factbox.records import StoredStatement
from factbox.rules.records import Decision
from factbox.service import FactboxReport
from factbox.stance.records import Position, PositionChange, Proposal, Stance

GEOMETRY = Path(__file__).parent / "geometry" / "europe-tiles.json"

STANCE_LABELS: dict[str, str] = {
    "supports": "supports",
    "open": "open to it",
    "opposes": "opposes",
    "unclear": "unclear",
    "none": "no position",
}


@dataclass(frozen=True, slots=True)
class FactboxRow:
    """One actor's row: its position and the latest statement that says so (corrected)."""

    position: Position
    quote: StoredStatement | None
    corrected: bool


@dataclass(frozen=True, slots=True)
class FactboxView:
    """A proposal's factbox as the page shows it."""

    proposal: Proposal
    as_of: dt.date
    positions: list[Position]
    rows: list[FactboxRow]
    changes: list[PositionChange] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def factbox_view(report: FactboxReport) -> FactboxView:
    found = report.positions
    rows = [
        FactboxRow(
            position=p,
            quote=found.evidence[p.evidence[-1]].stored if p.evidence else None,
            corrected=any(found.evidence[i].stored.corrected for i in p.evidence),
        )
        for p in found.positions
    ]
    return FactboxView(
        proposal=found.proposal,
        as_of=found.as_of,
        positions=found.positions,
        rows=rows,
        changes=found.history,
        decisions=report.decisions,
    )


@dataclass(frozen=True, slots=True)
class MapTile:
    actor_id: str
    name: str
    column: int
    row: int
    stance: Stance | None

    @property
    def stance_class(self) -> str:
        return self.stance or "none"

    @property
    def label(self) -> str:
        return f"{self.name}: {STANCE_LABELS[self.stance_class]}"


@dataclass(frozen=True, slots=True)
class StanceMap:
    columns: int
    rows: int
    tiles: list[MapTile]
    elsewhere: list[MapTile]
    """Countries with a position that the grid does not hold, drawn in a row below it."""
    about: str


@dataclass(frozen=True, slots=True)
class _Grid:
    columns: int
    rows: int
    tiles: dict[str, tuple[int, int]]
    names: dict[str, str]
    about: str


@lru_cache(maxsize=1)
def _grid() -> _Grid:
    data = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    return _Grid(
        columns=int(data["columns"]),
        rows=int(data["rows"]),
        tiles={key: (int(v[0]), int(v[1])) for key, v in data["tiles"].items()},
        names=dict(data.get("names", {})),
        about=str(data["about"]),
    )


def country_name(actor_id: str) -> str:
    grid = _grid()
    if actor_id in grid.names:
        return grid.names[actor_id]
    country = pycountry.countries.get(alpha_2=actor_id)
    if country is None:
        return actor_id
    return str(getattr(country, "common_name", None) or country.name)


def is_country(actor_id: str | None) -> bool:
    if not actor_id or len(actor_id) != 2:
        return False
    return actor_id in _grid().names or pycountry.countries.get(alpha_2=actor_id) is not None


def stance_map(positions: Sequence[Position]) -> StanceMap:
    grid = _grid()
    stances: dict[str, Stance] = {
        p.actor_id: p.stance for p in positions if p.actor_kind == "country" and p.actor_id
    }
    tiles = [
        MapTile(key, country_name(key), column, row, stances.get(key))
        for key, (column, row) in sorted(grid.tiles.items(), key=lambda kv: (kv[1][1], kv[1][0]))
    ]
    outside = sorted(key for key in stances if key not in grid.tiles and is_country(key))
    elsewhere = [
        MapTile(
            key,
            country_name(key),
            index % grid.columns,
            grid.rows + 1 + index // grid.columns,
            stances[key],
        )
        for index, key in enumerate(outside)
    ]
    return StanceMap(grid.columns, grid.rows, tiles, elsewhere, grid.about)
