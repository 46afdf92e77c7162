"""Matching quality on the labelled set (tests/stance/fixtures/matching.toml).

Thresholds sit a little under the figures measured when the matcher was frozen (see
docs/stance.md and bench/matching.py); a change that loses matches or lets wrong ones
through fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from factbox.stance.evaluation import LabelledSet, load_labelled_set, matcher_predictor, score

FIXTURE = Path(__file__).parent / "fixtures" / "matching.toml"


@pytest.fixture(scope="module")
def labelled() -> LabelledSet:
    return load_labelled_set(FIXTURE)


def test_the_labelled_set_is_big_and_balanced(labelled: LabelledSet) -> None:
    troops = [c for c in labelled.cases if "troops-to-ukraine" in c.matches]
    others = [c for c in labelled.cases if "troops-to-ukraine" not in c.matches]
    assert len(labelled.cases) >= 60
    assert len(troops) >= 30 and len(others) >= 30
    assert {c.split for c in labelled.cases} == {"dev", "heldout", "blind"}


@pytest.mark.parametrize(
    ("split", "proposals", "min_precision", "min_recall"),
    [
        (None, None, 0.95, 0.93),
        (None, ["troops-to-ukraine"], 0.95, 0.92),
        ("dev", None, 0.95, 0.97),
        ("heldout", None, 0.95, 0.92),
        ("blind", None, 0.90, 0.80),
    ],
)
def test_precision_and_recall(
    nlp: Language,
    labelled: LabelledSet,
    split: str | None,
    proposals: list[str] | None,
    min_precision: float,
    min_recall: float,
) -> None:
    predict = matcher_predictor(nlp, labelled.proposals)
    cases = [c for c in labelled.cases if split is None or c.split == split]
    slugs = proposals or [p.slug for p in labelled.proposals]
    result = score(cases, slugs, predict)
    errors = "\n".join(f"{kind} {slug}: {text}" for kind, slug, text in result.errors)
    assert result.precision >= min_precision, errors
    assert result.recall >= min_recall, errors
