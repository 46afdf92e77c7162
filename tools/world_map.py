"""Rebuild ``src/factbox/web/geometry/world-map.json`` from the npm package ``world-atlas``.

The factbox map draws country borders from Natural Earth (public domain), as carried by the
npm package ``world-atlas`` 2.0.2 (ISC licence) in TopoJSON. This script is run by hand,
once per data update, never at run time:

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2
    python tools/world_map.py PATH/TO/world-atlas-2.0.2.tgz

How: TopoJSON stores each shared border once, as an *arc* of delta-encoded integer points.
The arcs are decoded to degrees and each is simplified on its own (Douglas-Peucker, the
two ends kept; the same ``simplify`` the map uses on pixels), so neighbours still share
the same simplified border and no slivers open between them. Rings are then put together
from their arcs, rounded to 0.01 degree (about 1 km), and stored as integer deltas: the
first point absolute, every other point as the step from the one before, which is mostly
one- or two-digit numbers.

Europe and its neighbours come from the 1:50m file (small states such as Malta or
Luxembourg are in it); every other country from the 1:110m file, for the world inset.
Countries are keyed by ISO 3166-1 alpha-2: world-atlas gives numeric ISO 3166 ids, mapped
with the ``ISO_NUMERIC`` table that ``pycountry`` provides (plus ``UNNUMBERED`` for the
few shapes Natural Earth draws without a numeric id, such as Kosovo).
"""

from __future__ import annotations

import argparse
import json
import tarfile
from pathlib import Path
from typing import Any

import pycountry

from factbox.web.maps import simplify

OUT = Path(__file__).parents[1] / "src" / "factbox" / "web" / "geometry" / "world-map.json"

EUROPE = (-32.0, 26.0, 62.0, 82.0)
"""West, south, east, north (degrees): shapes from the 1:50m file that reach into this box."""
QUANTUM = 0.01
"""Degrees per stored unit."""
TOLERANCE = {"50m": 0.03, "110m": 0.25}
"""Douglas-Peucker tolerance in degrees per file."""
MIN_RING_AREA = {"50m": 0.02, "110m": 0.5}
"""Islands smaller than this (square degrees) are dropped, unless they are a country's largest."""

UNNUMBERED = {"Kosovo": "XK"}
"""Natural Earth shapes without a numeric ISO id that still stand for a country factbox knows
(Kosovo's user-assigned code XK, as the EU and NATO use it)."""


def iso_numeric() -> dict[str, str]:
    """Numeric ISO 3166-1 id (``"250"``) to alpha-2 (``"FR"``)."""
    return {c.numeric: c.alpha_2 for c in pycountry.countries}


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[int, int]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points += arc[1:] if points else arc
    quantised: list[tuple[int, int]] = []
    for x, y in points:
        q = (round(x / QUANTUM), round(y / QUANTUM))
        if not quantised or quantised[-1] != q:
            quantised.append(q)
    return quantised


def area(ring: list[tuple[int, int]]) -> float:
    """Unsigned area in square degrees (shoelace)."""
    total = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2 * QUANTUM * QUANTUM


def deltas(ring: list[tuple[int, int]]) -> list[int]:
    flat = [ring[0][0], ring[0][1]]
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        flat += [x2 - x1, y2 - y1]
    return flat


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def in_europe(ring: list[tuple[int, int]]) -> bool:
    west, south, east, north = (v / QUANTUM for v in EUROPE)
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return max(xs) >= west and min(xs) <= east and max(ys) >= south and min(ys) <= north


def shapes(topology: dict[str, Any], scale: str) -> list[tuple[str | None, str, list]]:
    """(alpha-2 or None, name, outer rings) of every country shape; holes are left out (in
    these files they are lakes and enclaves, which are drawn by the enclave's own shape)."""
    raw = decode_arcs(topology)
    arcs = [simplify(a, TOLERANCE[scale]) for a in raw]
    numeric = iso_numeric()
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        code = numeric.get(geometry.get("id", "")) or UNNUMBERED.get(name)
        rings = []
        for polygon in polygons(geometry):
            ring = ring_points(polygon[0], arcs)
            if len(ring) < 4:  # a tiny state (Vatican) simplified away: keep its detail
                ring = ring_points(polygon[0], raw)
            rings.append(ring)
        rings = [r for r in rings if len(r) >= 3]
        found.append((code, name, rings))
    return found


def build(tarball: Path) -> dict[str, Any]:
    with tarfile.open(tarball) as archive:
        version = json.load(archive.extractfile("package/package.json"))["version"]  # type: ignore[arg-type]
        files = {
            scale: json.load(archive.extractfile(f"package/countries-{scale}.json"))  # type: ignore[arg-type]
            for scale in ("50m", "110m")
        }
    countries: dict[str, dict[str, Any]] = {}
    other: list[dict[str, Any]] = []
    european: set[str] = set()
    for scale in ("50m", "110m"):
        for code, name, rings in shapes(files[scale], scale):
            if scale == "50m":
                rings = [r for r in rings if in_europe(r)]
                if not rings:
                    continue
            elif (code or name) in european:
                continue
            largest = max(rings, key=area) if rings else None
            kept = [r for r in rings if r is largest or area(r) >= MIN_RING_AREA[scale]]
            if not kept:
                continue
            record = {"name": name, "scale": scale, "rings": [deltas(r) for r in kept]}
            if scale == "50m":
                european.add(code or name)
            if code and code not in countries:
                countries[code] = record
            elif not code:
                other.append(record)
    return {
        "about": (
            "Country borders from Natural Earth (public domain), as carried by the npm "
            f"package world-atlas {version} (ISC), converted by tools/world_map.py: Europe and "
            "its neighbours at 1:50m, the rest of the world at 1:110m, simplified and rounded "
            f"to {QUANTUM} degree. Each ring: first point, then steps, in units of the quantum "
            "(longitude, latitude)."
        ),
        "quantum": QUANTUM,
        "europe": list(EUROPE),
        "countries": dict(sorted(countries.items())),
        "other": other,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help="world-atlas-2.0.2.tgz from `npm pack`")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.tarball)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['countries'])} countries, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
