"""Small QMV bodies we made up so that threshold cases can be computed by hand."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factbox.rules import Body, parse_body


def qmv_body(
    populations: Mapping[str, int | str],
    *,
    blocking_min_members: int | None = 4,
    kind: str = "population",
    body_id: str = "test-qmv",
    year: int = 2025,
) -> Body:
    """A QMV body whose members all joined in 2000, with one year of figures.

    ``kind="population"`` stores the values as counts, ``kind="share"`` as printed shares.
    """
    rows = [{"actor_id": m, kind: v} for m, v in populations.items()]
    data: dict[str, Any] = {
        "id": body_id,
        "rules": [
            {
                "id": "qmv",
                "kind": "qmv",
                "params": {
                    "standard": {
                        "member_percent": 55,
                        "population_percent": 65,
                        "blocking_min_members": blocking_min_members,
                    },
                    "not_from_commission": {
                        "member_percent": 72,
                        "population_percent": 65,
                        "blocking_min_members": None,
                    },
                },
            }
        ],
        "members": [{"actor_id": m, "joined": "2000-01-01"} for m in populations],
        "populations": [{"year": year, "members": rows}],
    }
    return parse_body(data, origin="test")


# Twenty members, total 2000. M01..M11 hold exactly 1300 (65%) and are exactly 55% of
# the members; M12 has one person less than M11.
TWENTY = {"M01": 300, **{f"M{i:02d}": 100 for i in range(2, 12)}, "M12": 99, "M13": 76,
          **{f"M{i:02d}": 75 for i in range(14, 21)}}
# Ten members, total 1000: X1..X3 hold 40% between them; 55% of ten members is six.
TEN = {"X1": 200, "X2": 100, "X3": 100, "X4": 90, **{f"X{i}": 85 for i in range(5, 11)}}
