"""Population weights for qualified-majority voting, and the population test.

A year's table is usable for a set of members when it has a count for every one of
them, or else a printed share for every one of them. Counts give an exact test. Shares
are rounded (half a unit of their last printed digit either way), so the test on shares
is done on the worst and best case and may answer "unknown" when it is too close.

When the year asked for has no usable table, the nearest usable year is taken (the
earlier one on a tie) and the explanation says so. When no year is usable, there is no
basis and every population test answers "unknown".
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from factbox.rules.records import Body, PopulationTable
from factbox.rules.tally import join_ids

Answer = Literal["yes", "no", "unknown"]
BasisKind = Literal["counts", "shares"]


@dataclass(frozen=True, slots=True)
class PopulationBasis:
    """The weights used for one decision: per member a value and its rounding margin."""

    table: PopulationTable
    kind: BasisKind
    weights: dict[str, Fraction]
    margins: dict[str, Fraction]
    requested_year: int

    @property
    def fallback(self) -> bool:
        return self.table.year != self.requested_year

    def describe(self) -> str:
        what = (
            "population counts"
            if self.kind == "counts"
            else "population shares (rounded as printed, so close results are left open)"
        )
        sentence = f"Population figures: {what} for {self.table.year}"
        if self.table.decision:
            sentence += f" ({self.table.decision})"
        sentence += "."
        if self.fallback:
            sentence += (
                f" The {self.requested_year} figures are not complete for these members,"
                f" so the nearest year with complete figures, {self.table.year}, is used."
            )
        return sentence


def _share_margin(share: Decimal) -> Fraction:
    exponent = share.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Fraction(1, 2 * 10**places)


def _basis_from_table(
    table: PopulationTable, members: Sequence[str], requested_year: int
) -> PopulationBasis | None:
    rows = {m: table.entry(m) for m in members}
    counts = {m: Fraction(r.population) for m, r in rows.items() if r and r.population is not None}
    if len(counts) == len(members):
        zero = {m: Fraction(0) for m in members}
        return PopulationBasis(table, "counts", counts, zero, requested_year)
    printed = {m: r.share for m, r in rows.items() if r and r.share is not None}
    if len(printed) == len(members):
        shares = {m: Fraction(share) for m, share in printed.items()}
        margins = {m: _share_margin(share) for m, share in printed.items()}
        return PopulationBasis(table, "shares", shares, margins, requested_year)
    return None


def population_basis(body: Body, members: Sequence[str], year: int) -> PopulationBasis | None:
    """The figures for ``year`` if complete for ``members``, else the nearest complete year."""
    by_distance = sorted(body.populations, key=lambda t: (abs(t.year - year), t.year))
    for table in by_distance:
        basis = _basis_from_table(table, members, year)
        if basis is not None:
            return basis
    return None


def missing_population_text(body: Body, members: Sequence[str], year: int) -> str:
    """Why no figures fit: the members no year has figures for, or the year's gaps."""
    def has_figure(table: PopulationTable, member: str) -> bool:
        row = table.entry(member)
        return row is not None and (row.population is not None or row.share is not None)

    never = [m for m in members if not any(has_figure(t, m) for t in body.populations)]
    if never:
        return f"no year has figures for {join_ids(never)}"
    table = next((t for t in body.populations if t.year == year), None)
    if table is None:
        return f"there are no figures for {year}, and no other year is complete"
    gaps = [m for m in members if not has_figure(table, m)]
    if not gaps:
        return f"the {year} figures mix counts and shares, and no other year is complete"
    return f"the {year} figures lack {join_ids(gaps)}, and no other year is complete"


def population_fraction_bounds(
    basis: PopulationBasis, group: Collection[str]
) -> tuple[Fraction, Fraction]:
    """Lowest and highest fraction of the members' population that ``group`` can hold."""
    inside_low = inside_high = outside_low = outside_high = Fraction(0)
    for member, weight in basis.weights.items():
        margin = basis.margins[member]
        low, high = max(weight - margin, Fraction(0)), weight + margin
        if member in group:
            inside_low += low
            inside_high += high
        else:
            outside_low += low
            outside_high += high
    least = _ratio(inside_low, inside_low + outside_high)
    most = _ratio(inside_high, inside_high + outside_low)
    return least, most


def _ratio(part: Fraction, whole: Fraction) -> Fraction:
    return part / whole if whole else Fraction(0)


def population_at_least(
    basis: PopulationBasis | None, group: Collection[str], percent: Fraction
) -> Answer:
    """Does ``group`` hold at least ``percent`` % of the population? ``unknown`` when the
    figures are missing or the rounding of printed shares leaves it open."""
    if basis is None:
        return "unknown"
    least, most = population_fraction_bounds(basis, group)
    if least * 100 >= percent:
        return "yes"
    if most * 100 < percent:
        return "no"
    return "unknown"


def population_share(basis: PopulationBasis, group: Collection[str]) -> Fraction:
    """The group's fraction of the members' population (from rounded shares: an estimate)."""
    total = sum(basis.weights.values(), Fraction(0))
    inside = sum((w for m, w in basis.weights.items() if m in group), Fraction(0))
    return _ratio(inside, total)


def percent_text(basis: PopulationBasis, group: Collection[str]) -> str:
    """``'65.00%'`` from counts; ``'about 64.99%'`` from rounded shares."""
    text = f"{float(population_share(basis, group) * 100):.2f}%"
    return text if basis.kind == "counts" else f"about {text}"
