"""What a stance looks like in the factbox's drawings (map, seat diagrams, legends).

Every stance has a colour *and* a second cue that survives colour blindness and greyscale
printing: on the map a fill pattern (diagonal lines, cross-hatching, dots, horizontal
lines), in seat diagrams a shape (circle, square, triangle, diamond). The colours are those
of the stance badges in ``static/site.css`` (blue, dark red, amber, grey: they differ in
lightness as well as hue, so they stay apart for the common red-green deficiencies), and
each drawing is self-contained SVG with its colours written in, so it looks the same inline
in a page, as a file of its own, and in an exported factbox.
"""

from __future__ import annotations

from dataclasses import dataclass

from factbox.records import STANCES

STANCE_KEYS: tuple[str, ...] = (*STANCES, "none")
"""Stances a drawing shows: the four labels and ``none`` (no known position)."""


@dataclass(frozen=True, slots=True)
class StanceStyle:
    key: str
    label: str
    """How legends and titles say it ("no known position")."""
    fill: str
    ink: str
    """Colour of the pattern's marks over ``fill``."""
    pattern: str
    """What the pattern is, for the legend's text ("diagonal lines")."""
    shape: str
    """The seat diagram's mark ("circle")."""


STYLES: dict[str, StanceStyle] = {
    "supports": StanceStyle(
        "supports", "supports", "#1f5fa8", "#ffffff", "diagonal lines", "circle"
    ),
    "open": StanceStyle("open", "open to it", "#f2b33d", "#1f2328", "dots", "triangle"),
    "opposes": StanceStyle("opposes", "opposes", "#a3212d", "#ffffff", "cross-hatching", "square"),
    "unclear": StanceStyle(
        "unclear", "unclear", "#6e6e6e", "#ffffff", "horizontal lines", "diamond"
    ),
    "none": StanceStyle("none", "no known position", "#eceff1", "#8c959f", "plain", "ring"),
}
OUTLINE = "#1f2328"
"""Members of a body (map) and blocking members (seat diagram) are outlined in this colour."""


def style(stance: str | None) -> StanceStyle:
    return STYLES[stance or "none"]


def pattern_defs(prefix: str) -> str:
    """SVG ``<pattern>`` elements, one per stance, with ids ``{prefix}-{stance}``."""
    parts = []
    for key, item in STYLES.items():
        pid = f"{prefix}-{key}"
        marks = {
            "supports": (
                f'<path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" stroke="{item.ink}" '
                'stroke-width="1.6"/>'
            ),
            "opposes": (f'<path d="M0,0 l8,8 M8,0 l-8,8" stroke="{item.ink}" stroke-width="1.3"/>'),
            "open": f'<circle cx="4" cy="4" r="1.5" fill="{item.ink}"/>',
            "unclear": f'<path d="M0,2 h8 M0,6 h8" stroke="{item.ink}" stroke-width="1.2"/>',
            "none": "",
        }[key]
        parts.append(
            f'<pattern id="{pid}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" fill="{item.fill}"/>{marks}</pattern>'
        )
    return "<defs>" + "".join(parts) + "</defs>"


def shape(key: str, x: float, y: float, r: float) -> tuple[str, str]:
    """The seat diagram's mark for stance ``key`` centred on (x, y): (element name, its
    geometry attributes)."""
    kind = STYLES[key].shape
    if kind in ("circle", "ring"):
        return "circle", f'cx="{x:.1f}" cy="{y:.1f}" r="{r if kind == "circle" else r * 0.8:.1f}"'
    if kind == "square":
        s = r * 0.9
        return "rect", f'x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s:.1f}" height="{2 * s:.1f}"'
    if kind == "triangle":
        points = [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
    else:
        points = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    return "polygon", 'points="' + " ".join(f"{a:.1f},{b:.1f}" for a, b in points) + '"'
