"""The order in which articles go to spaCy's worker processes, and back into input order.

``nlp.pipe(n_process=N, batch_size=B)`` cuts its input into batches of B and hands them to
the N workers in turn; it reads their results back in the same turn, and a worker that
finished its batch early cannot send it (a parsed article is larger than the pipe's buffer)
until this process has read the batches before it. So in every round of N batches the
workers wait for the slowest one, and with all of extraction in the workers an article
costs about a second: two articles of 200 and 2,000 words side by side leave one worker
idle for most of the round.

``balanced_order`` numbers the items in input order, then rearranges them a window at a
time: sorted by length, the next N×B items make a round, dealt back and forth over its N
batches (the first batch takes the longest and the N-th the next, the N-th takes the one
after and so on), so the batches of a round are of about the same length. The rounds then go
in the order of the earliest article each holds, so that ``in_input_order``, which puts the
results back in input order (as ingest needs: a later article knows the people of the earlier
ones, and articles are stored in the order given), can hand them on soon after they come
instead of holding a whole window until the workers are done with it. One process (N = 1)
keeps the input order: nothing waits there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")

ROUNDS_PER_WINDOW = 8
"""Rounds of batches rearranged together: the more, the closer the lengths that share a
round, and the more results held back before the first of the window is ready."""


def balanced_order(
    items: Iterable[Item],
    size: Callable[[Item], int],
    workers: int,
    batch_size: int,
    rounds: int = ROUNDS_PER_WINDOW,
) -> Iterator[tuple[int, Item]]:
    """``items`` with their number in input order, in the order that gives each round of
    ``workers`` batches of ``batch_size`` about the same total ``size`` (module docstring)."""
    numbered = enumerate(items)
    per_round = workers * batch_size
    while window := list(islice(numbered, per_round * rounds)):
        window.sort(key=lambda pair: size(pair[1]), reverse=True)
        dealt = [
            _dealt(window[start : start + per_round], workers)
            for start in range(0, len(window), per_round)
        ]
        dealt.sort(key=lambda round_: min(number for number, _ in round_))
        for round_ in dealt:
            yield from round_


def _dealt(round_: list[tuple[int, Item]], workers: int) -> list[tuple[int, Item]]:
    """One round's items, longest first, as its ``workers`` batches in turn (dealt back and
    forth: 1, 2, 2, 1, 1, 2, ...)."""
    batches: list[list[tuple[int, Item]]] = [[] for _ in range(workers)]
    for position, pair in enumerate(round_):
        lap, seat = divmod(position, workers)
        batches[seat if lap % 2 == 0 else workers - 1 - seat].append(pair)
    return [pair for batch in batches for pair in batch]


def in_input_order(numbered: Iterable[tuple[int, Item]]) -> Iterator[Item]:
    """Items numbered 0, 1, 2, ... (as ``balanced_order`` numbers them), in any order, as
    soon as every one before each has come."""
    held: dict[int, Item] = {}
    following = 0
    for number, item in numbered:
        held[number] = item
        while following in held:
            yield held.pop(following)
            following += 1
    if held:
        raise ValueError(f"items missing before number {min(held)}")
