"""A body's seat diagram: one mark per member, coloured and shaped by its stance.

Members sit in rows of up to ``PER_ROW`` seats, grouped as a hemicycle chart groups
parties: supporters first, then those open to it, unclear, silent, and opponents last, each
group in order of name, so the split reads from left to right. A member whose stance blocks
the decision (``Decision.blocking``) is outlined with a thick dark ring. Each mark carries
its member's name and stance as a ``<title>``, and :class:`SeatFigure` carries the same
information as text (``groups``) for the page to print beside the drawing.

Like the map, the drawing is pure and cached by its inputs: drawn again only when a
position or a membership changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from factbox.web.graphics import OUTLINE, STYLES, shape

ORDER = ("supports", "open", "unclear", "none", "opposes")
PER_ROW = 12
SEAT = 26.0
RADIUS = 9.0


@dataclass(frozen=True, slots=True)
class SeatGroup:
    stance: str
    label: str
    members: tuple[tuple[str, str, bool], ...]
    """(actor id, name, blocking) by name."""


@dataclass(frozen=True, slots=True)
class SeatFigure:
    svg: Markup
    groups: tuple[SeatGroup, ...]
    """Non-empty stance groups in drawing order: the diagram as text."""


def seat_diagram(
    members: Sequence[str],
    stances: Mapping[str, str],
    blocking: Sequence[str],
    names: Mapping[str, str],
    *,
    title: str,
    prefix: str,
) -> SeatFigure:
    """The diagram of ``members`` (ids), each with its stance from ``stances`` (``none``
    when missing), ``blocking`` members outlined. Cached by value."""
    return _diagram(
        tuple((m, names.get(m, m), stances.get(m) or "none") for m in members),
        frozenset(blocking),
        title,
        prefix,
    )


@lru_cache(maxsize=256)
def _diagram(
    seats: tuple[tuple[str, str, str], ...], blocking: frozenset[str], title: str, prefix: str
) -> SeatFigure:
    groups = []
    for stance in ORDER:
        found = sorted((name, code) for code, name, s in seats if s == stance)
        if found:
            groups.append(
                SeatGroup(
                    stance,
                    STYLES[stance].label,
                    tuple((code, name, code in blocking) for name, code in found),
                )
            )
    marks = []
    index = 0
    for group in groups:
        item = STYLES[group.stance]
        for code, name, blocks in group.members:
            row, column = divmod(index, PER_ROW)
            x = column * SEAT + SEAT / 2
            y = row * SEAT + SEAT / 2
            element, geometry = shape(group.stance, x, y, RADIUS)
            edge = item.ink if group.stance == "none" else "#ffffff"
            stroke = (
                f'stroke="{OUTLINE}" stroke-width="3"'
                if blocks
                else f'stroke="{edge}" stroke-width="1"'
            )
            label = f"{name}: {item.label}" + (", blocking" if blocks else "")
            marks.append(
                f'<{element} {geometry} fill="{item.fill}" {stroke} data-member="{code}" '
                f'data-stance="{group.stance}"{" data-blocking" if blocks else ""}>'
                f"<title>{escape(label)}</title></{element}>"
            )
            index += 1
    rows = max(1, -(-index // PER_ROW))
    width = min(index, PER_ROW) * SEAT if index else SEAT
    text = "; ".join(
        f"{g.label}: " + ", ".join(n + (" (blocking)" if b else "") for _, n, b in g.members)
        for g in groups
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {rows * SEAT:.0f}" '
        f'width="{width:.0f}" height="{rows * SEAT:.0f}" role="img" class="seats" '
        f'aria-labelledby="{prefix}-title {prefix}-desc">'
        f'<title id="{prefix}-title">{escape(title)}</title>'
        f'<desc id="{prefix}-desc">{escape(text or "No members.")}</desc>'
        + "".join(marks)
        + "</svg>"
    )
    return SeatFigure(Markup(svg), tuple(groups))
