"""The factbox map: country borders drawn server-side as SVG, coloured by stance.

The borders are Natural Earth's (public domain), converted once from the npm package
``world-atlas`` by ``tools/world_map.py`` into ``geometry/world-map.json`` (see the NOTICE
beside it): Europe and its neighbours at 1:50m, the rest of the world at 1:110m, in
quantised degrees.

Europe is drawn in the Lambert azimuthal equal-area projection centred on 10°E 52°N (the
projection of the EU's ETRS89-LAEA grid, on a sphere), so areas compare fairly. Points far
outside the frame are pulled onto a margin around it: the part of a polygon inside the frame
is unchanged, and Russia's Pacific coast costs nothing. Countries that only the 1:110m file
holds (the Americas, Asia, ...) are drawn, when one of them has a position, on a small
world map in the Equal Earth projection below the first.

A country too small to see at this scale (Luxembourg, Malta, the Vatican ...) also gets a
round marker at its centre, and is listed in the inset beside organisations (NATO, the EU,
the UN), which have no borders to colour. Each stance is a colour and a pattern
(``factbox.web.graphics``); members of the body are outlined.

Drawing is pure: the same stances and members give the same SVG, so :func:`stance_map`
caches its figures by those inputs and draws again only when a position or a membership
changes (a new statement or correction in the ledger).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from factbox.web.graphics import OUTLINE, STANCE_KEYS, pattern_defs, style
from factbox.web.names import country_name

GEOMETRY = Path(__file__).parent / "geometry" / "world-map.json"

EUROPE_FRAME = (-25.0, 34.0, 45.0, 71.0)
"""West, south, east, north (degrees) that the Europe map must show."""
CENTRE = (10.0, 52.0)
WIDTH = 640.0
WORLD_WIDTH = 640.0
MARGIN = 12.0
"""Pixels beyond the frame that points far outside are pulled onto."""
SMALL = 17.0
"""A country whose drawn box is narrower and lower than this (pixels) gets a marker."""

SEA = "#dbe7f1"
WORLD_LEFT_OUT = frozenset({"AQ"})
"""Antarctica: no stance to show, and it would take a third of the world map."""

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Country:
    actor_id: str
    name: str
    rings: tuple[tuple[Point, ...], ...]
    """Outer rings in degrees (longitude, latitude)."""
    detailed: bool
    """From the 1:50m file (Europe and neighbours) rather than the world file."""


@dataclass(frozen=True, slots=True)
class InsetEntry:
    """A small state or an organisation, shown beside the map with its stance."""

    actor_id: str
    name: str
    stance: str
    member: bool


@dataclass(frozen=True, slots=True)
class MapFigure:
    svg: Markup
    """The Europe map (and the world map below it when needed), one ``<svg>``."""
    small_states: tuple[InsetEntry, ...]
    organisations: tuple[InsetEntry, ...]
    coloured: tuple[InsetEntry, ...]
    """Every country with a known position, by name: the map as text."""
    outlined_label: str


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    data = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    quantum = float(data["quantum"])
    found = {}
    for code, item in data["countries"].items():
        rings = []
        for flat in item["rings"]:
            x, y = flat[0], flat[1]
            ring = [(x * quantum, y * quantum)]
            for i in range(2, len(flat), 2):
                x += flat[i]
                y += flat[i + 1]
                ring.append((x * quantum, y * quantum))
            rings.append(tuple(ring))
        found[code] = Country(code, item["name"], tuple(rings), item["scale"] == "50m")
    return found


def laea(lon: float, lat: float) -> Point:
    """Lambert azimuthal equal-area on the unit sphere, centred on ``CENTRE``; y points up."""
    lam0, phi0 = (math.radians(v) for v in CENTRE)
    lam, phi = math.radians(lon), math.radians(lat)
    cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam - lam0)
    k = math.sqrt(2 / max(1e-9, 1 + cos_c))
    x = k * math.cos(phi) * math.sin(lam - lam0)
    y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam - lam0))
    return x, y


_EE = (1.340264, -0.081106, 0.000893, 0.003796)


def equal_earth(lon: float, lat: float) -> Point:
    """The Equal Earth projection (Šavrič, Patterson and Jenny, 2018) on the unit sphere."""
    a1, a2, a3, a4 = _EE
    theta = math.asin(math.sqrt(3) / 2 * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * math.radians(lon)
        * math.cos(theta)
        / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    )
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return x, y


@dataclass(frozen=True, slots=True)
class _Frame:
    """Projected units to pixels: x to the right, y down."""

    west: float
    north: float
    scale: float
    width: float
    height: float

    def pixel(self, point: Point) -> Point:
        return (point[0] - self.west) * self.scale, (self.north - point[1]) * self.scale


def _frame(points: Iterable[Point], width: float) -> _Frame:
    xs, ys = zip(*points, strict=True)
    scale = width / (max(xs) - min(xs))
    return _Frame(min(xs), max(ys), scale, width, (max(ys) - min(ys)) * scale)


@lru_cache(maxsize=1)
def _europe_frame() -> _Frame:
    west, south, east, north = EUROPE_FRAME
    edge = [(west + (east - west) * i / 20, lat) for i in range(21) for lat in (south, north)]
    edge += [(lon, south + (north - south) * i / 20) for i in range(21) for lon in (west, east)]
    return _frame((laea(*p) for p in edge), WIDTH)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: keep the ends, and recursively the point farthest from the chord
    while it is farther than ``tolerance``."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        length = math.hypot(bx - ax, by - ay)
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > farthest:
                farthest, index = distance, i
        if index > 0 and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _path(rings: Iterable[Iterable[Point]], frame: _Frame, tolerance: float) -> str:
    """SVG path data of ``rings`` (pixels): pulled onto the margin, simplified to
    ``tolerance`` pixels, in relative steps of a tenth of a pixel."""
    parts = []
    for ring in rings:
        clamped = [
            (
                min(max(x, -MARGIN), frame.width + MARGIN),
                min(max(y, -MARGIN), frame.height + MARGIN),
            )
            for x, y in ring
        ]
        points = simplify(clamped, tolerance)
        steps = []
        previous = (round(points[0][0] * 10), round(points[0][1] * 10))
        for x, y in points[1:]:
            here = (round(x * 10), round(y * 10))
            if here != previous:
                steps.append(f"{(here[0] - previous[0]) / 10:g} {(here[1] - previous[1]) / 10:g}")
                previous = here
        if len(steps) >= 2:
            start = f"M{round(points[0][0], 1):g} {round(points[0][1], 1):g}"
            parts.append(start + "l" + " ".join(steps) + "z")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class _Drawn:
    country: Country
    path: str
    box: tuple[float, float, float, float]
    """Left, top, right, bottom in pixels."""

    @property
    def centre(self) -> Point:
        left, top, right, bottom = self.box
        return (left + right) / 2, (top + bottom) / 2

    @property
    def small(self) -> bool:
        left, top, right, bottom = self.box
        return max(right - left, bottom - top) < SMALL

    @property
    def visible(self) -> bool:
        left, top, right, bottom = self.box
        return right > 0 and bottom > 0


def _unwrapped(ring: tuple[Point, ...]) -> tuple[Point, ...]:
    """A ring that runs along the antimeridian from +180 to -180 (Russia's Chukotka, Fiji)
    with its western-hemisphere points moved past +180: drawn as one shape that leaves the
    frame on the right, instead of a band across the whole world map."""
    longitudes = [lon for lon, _ in ring]
    if max(longitudes) - min(longitudes) <= 180:
        return ring
    return tuple((lon + 360 if lon < 0 else lon, lat) for lon, lat in ring)


def _draw(
    country: Country, frame: _Frame, project: Callable[[float, float], Point], tolerance: float
) -> _Drawn:
    rings = [[frame.pixel(project(*p)) for p in _unwrapped(ring)] for ring in country.rings]
    main = max(rings, key=len)
    xs = [x for x, _ in main]
    ys = [y for _, y in main]
    return _Drawn(country, _path(rings, frame, tolerance), (min(xs), min(ys), max(xs), max(ys)))


@lru_cache(maxsize=1)
def _europe() -> tuple[_Drawn, ...]:
    frame = _europe_frame()
    drawn = [_draw(c, frame, laea, 0.35) for c in countries().values() if c.detailed]
    return tuple(
        d for d in drawn if d.visible and d.box[0] < frame.width and d.box[1] < frame.height
    )


@lru_cache(maxsize=1)
def _world() -> tuple[_Frame, tuple[_Drawn, ...]]:
    everyone = [c for c in countries().values() if c.actor_id not in WORLD_LEFT_OUT]
    edge = [equal_earth(lon, lat) for lon in (-180, 180) for lat in range(-56, 80, 4)]
    frame = _frame(edge + [equal_earth(0, -56), equal_earth(0, 78)], WORLD_WIDTH)
    return frame, tuple(_draw(c, frame, equal_earth, 0.8) for c in everyone)


def _country_element(item: _Drawn, stance: str, prefix: str, label: str) -> str:
    code = item.country.actor_id
    return (
        f'<path d="{item.path}" fill="url(#{prefix}-{stance})" stroke="#ffffff" '
        f'stroke-width="0.5" data-actor="{code}" data-stance="{stance}">'
        f"<title>{escape(label)}</title></path>"
    )


def _outline(item: _Drawn) -> str:
    return (
        f'<path d="{item.path}" fill="none" stroke="{OUTLINE}" stroke-width="1.4" '
        f'stroke-linejoin="round" data-member="{item.country.actor_id}"/>'
    )


def _marker(item: _Drawn, stance: str, prefix: str, member: bool, label: str) -> str:
    x, y = item.centre
    stroke = f'stroke="{OUTLINE}" stroke-width="1.4"' if member else 'stroke="#57606a"'
    return (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="url(#{prefix}-{stance})" {stroke} '
        f'data-small="{item.country.actor_id}" data-stance="{stance}">'
        f"<title>{escape(label)}</title></circle>"
    )


def _label(name: str, stance: str, member: bool, body: str) -> str:
    text = f"{name}: {style(stance).label}"
    return f"{text} ({body} member)" if member and body else text


def _layer(
    drawn: Iterable[_Drawn],
    stances: Mapping[str, str],
    members: frozenset[str],
    prefix: str,
    body: str,
) -> tuple[list[str], list[str], list[str], list[_Drawn]]:
    shapes, outlines, markers, small = [], [], [], []
    for item in drawn:
        code = item.country.actor_id
        stance = stances.get(code, "none")
        label = _label(country_name(code), stance, code in members, body)
        shapes.append(_country_element(item, stance, prefix, label))
        if code in members:
            outlines.append(_outline(item))
        if item.small and (code in stances or code in members):
            small.append(item)
            markers.append(_marker(item, stance, prefix, code in members, label))
    return shapes, outlines, markers, small


@lru_cache(maxsize=64)
def _figure(
    stances_items: tuple[tuple[str, str], ...],
    organisations: tuple[tuple[str, str, str], ...],
    members: frozenset[str],
    body: str,
    title: str,
    prefix: str,
) -> MapFigure:
    stances = dict(stances_items)
    frame = _europe_frame()
    europe = _europe()
    shown = {d.country.actor_id for d in europe}
    shapes, outlines, markers, small = _layer(europe, stances, members, prefix, body)
    height = frame.height
    world_part = ""
    world_frame, world = _world()
    far = [d for d in world if d.country.actor_id not in shown and d.country.actor_id in stances]
    if far:
        top = height + 40
        w_shapes, w_outlines, _, _ = _layer(world, stances, members, prefix, body)
        world_part = (
            f'<g transform="translate(0,{top:.0f})">'
            f'<text x="4" y="-10" font-size="14" fill="#1f2328">Elsewhere in the world</text>'
            f'<svg width="{world_frame.width:.0f}" height="{world_frame.height:.0f}" '
            f'data-view="world"><rect width="{world_frame.width:.0f}" '
            f'height="{world_frame.height:.0f}" fill="{SEA}"/>'
            + "".join(w_shapes)
            + "".join(w_outlines)
            + "</svg></g>"
        )
        height = top + world_frame.height
    names = {code: country_name(code) for code in countries()}
    described = [
        InsetEntry(code, names[code], stances[code], code in members)
        for code in sorted(stances, key=lambda c: names.get(c, c))
        if code in names
    ]
    desc = "; ".join(_label(e.name, e.stance, e.member, body) for e in described)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {frame.width:.0f} {height:.0f}" '
        f'role="img" aria-labelledby="{prefix}-title {prefix}-desc" class="stance-map">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(desc or "No country has a known position.")}</desc>'
        + pattern_defs(prefix)
        + f'<svg width="{frame.width:.0f}" height="{frame.height:.0f}" data-view="europe">'
        + f'<rect width="{frame.width:.0f}" height="{frame.height:.0f}" fill="{SEA}"/>'
        + "".join(shapes)
        + "".join(outlines)
        + "".join(markers)
        + "</svg>"
        + world_part
        + "</svg>"
    )
    small_entries = tuple(
        InsetEntry(
            d.country.actor_id,
            country_name(d.country.actor_id),
            stances.get(d.country.actor_id, "none"),
            d.country.actor_id in members,
        )
        for d in sorted(small, key=lambda d: d.country.name)
    )
    orgs = tuple(
        InsetEntry(code, name, stance, code in members) for code, name, stance in organisations
    )
    return MapFigure(
        Markup(svg),
        small_entries,
        orgs,
        tuple(described),
        f"outlined: members of {body}" if body and members else "",
    )


def stance_map(
    stances: Mapping[str, str],
    *,
    organisations: Iterable[tuple[str, str, str]] = (),
    members: Iterable[str] = (),
    body: str = "",
    title: str = "Countries coloured by stance",
    prefix: str = "map",
) -> MapFigure:
    """The map of countries' ``stances`` (actor id to stance), ``members`` of ``body``
    outlined, ``organisations`` (id, name, stance) listed in the inset. Cached by value."""
    return _figure(
        tuple(sorted((k, v) for k, v in stances.items() if v in STANCE_KEYS)),
        tuple(organisations),
        frozenset(members),
        body,
        title,
        prefix,
    )


def prepare() -> None:
    """Load and project the borders (once per process; every later map reuses them)."""
    _europe()
    _world()


def drawable() -> frozenset[str]:
    """The countries the map has borders for (alpha-2 codes)."""
    return frozenset(countries())
