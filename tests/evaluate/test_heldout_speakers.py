"""The ``[[speaker]]`` check of bench/heldout.py: which row a speaker's name stands for, and
how each statement's speakers are scored against the row's actor."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from factbox.records import ArticleRef, Speaker, Statement, StoredStatement

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def heldout() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        import heldout as module

        yield module
    finally:
        sys.path.remove(str(BENCH))


ROWS = {"anna berg": "SE", "piet kova": "CZ", "jan kova": "PL", "olaf lind": "none"}


def stored(number: int, *speakers: Speaker) -> StoredStatement:
    ref = ArticleRef(1, "a", 1, "Title", None, None, "a.txt")
    statement = Statement(
        "indirect", "said", None, "no soldiers", (0, 11), "x", None, (0, 11), list(speakers)
    )
    return StoredStatement(number, ref, statement)


def test_speaker_row_full_name_and_unique_surname(heldout: ModuleType) -> None:
    assert heldout.speaker_row("Anna  Berg", ROWS) == "anna berg"
    assert heldout.speaker_row("Ms Berg", ROWS) == "anna berg"
    assert heldout.speaker_row("Lind", ROWS) == "olaf lind"


def test_speaker_row_shared_surname_or_other_words_are_not_scored(heldout: ModuleType) -> None:
    assert heldout.speaker_row("Kova", ROWS) is None
    assert heldout.speaker_row("Piet Kova", ROWS) == "piet kova"
    assert heldout.speaker_row("the prime minister", ROWS) is None
    assert heldout.speaker_row("", ROWS) is None


def test_score_speakers_counts_right_wrong_and_none(heldout: ModuleType) -> None:
    score = heldout.SetScore("t")
    statements = [
        stored(1, Speaker("Anna Berg", None, name="Anna Berg", actor_id="SE")),
        stored(2, Speaker("Berg", None, actor_id="FR"), Speaker("they", None, actor_id="DE")),
        stored(3, Speaker("Olaf Lind", None, name="Olaf Lind")),
        stored(4, Speaker("Olaf Lind", None, name="Olaf Lind", actor_id="SE")),
    ]
    heldout.score_speakers(statements, ROWS, score)
    assert (score.speaker_right, score.speaker_total) == (2, 4)
    assert [m.split(":")[0] for m in score.misses] == ["speaker #2 Berg", "speaker #4 Olaf Lind"]
    assert "speakers' actor 2/4 right" in score.line()


def test_line_without_speaker_rows_is_unchanged(heldout: ModuleType) -> None:
    assert "speakers" not in heldout.SetScore("t").line()
