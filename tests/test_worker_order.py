"""The order articles go to spaCy's workers in, and back into input order."""

from __future__ import annotations

import random

import pytest

from factbox.worker_order import balanced_order, in_input_order


def _rounds(order: list[tuple[int, int]], workers: int, batch_size: int) -> list[list[int]]:
    """Each round's batch totals, as spaCy cuts the order into batches handed out in turn."""
    batches = [
        sum(size for _, size in order[start : start + batch_size])
        for start in range(0, len(order), batch_size)
    ]
    return [batches[start : start + workers] for start in range(0, len(batches), workers)]


def _waiting(order: list[tuple[int, int]], workers: int, batch_size: int) -> int:
    """What the workers wait in all, each round costing as much as its slowest batch."""
    return sum(max(r) * len(r) - sum(r) for r in _rounds(order, workers, batch_size))


@pytest.mark.parametrize(("workers", "batch_size"), [(2, 1), (2, 2), (3, 2), (4, 1)])
def test_every_item_goes_once_numbered_in_input_order(workers: int, batch_size: int) -> None:
    picks = random.Random(workers * 10 + batch_size)
    sizes = [picks.randint(50, 5000) for _ in range(37)]
    order = list(balanced_order(sizes, lambda size: size, workers, batch_size))
    assert sorted(order) == list(enumerate(sizes))
    assert order != list(enumerate(sizes))


@pytest.mark.parametrize(("workers", "batch_size"), [(2, 1), (3, 1), (2, 2), (3, 2)])
def test_rounds_are_closer_in_length_than_in_input_order(workers: int, batch_size: int) -> None:
    picks = random.Random(7)
    sizes = [picks.choice([300, 800, 1500, 6000]) + picks.randint(0, 200) for _ in range(64)]
    balanced = list(balanced_order(sizes, lambda size: size, workers, batch_size))
    as_given = list(enumerate(sizes))
    # one article a batch pairs like with like; several mix a long one with shorter ones
    gain = 4 if batch_size == 1 else 2
    assert _waiting(balanced, workers, batch_size) * gain < _waiting(as_given, workers, batch_size)


def test_rounds_pair_like_lengths_and_go_in_the_order_of_their_first_article() -> None:
    sizes = [10, 40, 20, 30, 5, 35]
    order = list(balanced_order(sizes, lambda size: size, workers=2, batch_size=1, rounds=3))
    # by length: (40, 35), (30, 20), (10, 5); first articles 1, 2 and 0
    assert [size for _, size in order] == [10, 5, 40, 35, 30, 20]


def test_results_come_back_in_input_order_as_soon_as_they_can() -> None:
    came: list[str] = []

    def arriving() -> list[tuple[int, str]]:
        return [(1, "b"), (0, "a"), (3, "d"), (2, "c")]

    def seen(numbered: list[tuple[int, str]]):  # type: ignore[no-untyped-def]
        for pair in numbered:
            came.append(f"got {pair[1]}")
            yield pair

    for item in in_input_order(seen(arriving())):
        came.append(item)
    assert came == ["got b", "got a", "a", "b", "got d", "got c", "c", "d"]


def test_a_missing_result_is_an_error_not_a_silent_gap() -> None:
    with pytest.raises(ValueError, match="missing before number 2"):
        list(in_input_order([(0, "a"), (2, "c")]))
