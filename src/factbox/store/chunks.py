"""Long ``IN (...)`` lists sent a few hundred values at a time.

A statement may bind only so many parameters (999 in SQLite before 3.32, 32,766 after;
65,535 in PostgreSQL's protocol), and a ledger's id lists grow past that. Every query that
filters on a caller's list of ids or keys sends it in chunks of ``BOUND_PARAMETERS``, which
stays under every engine's limit with room for the query's other parameters.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

BOUND_PARAMETERS = 500

Value = TypeVar("Value")


def chunks(values: Sequence[Value]) -> Iterator[list[Value]]:
    """``values`` in order, ``BOUND_PARAMETERS`` at a time."""
    for start in range(0, len(values), BOUND_PARAMETERS):
        yield list(values[start : start + BOUND_PARAMETERS])
