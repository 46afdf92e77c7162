"""Runs on the PolNeAR dev split when the shared corpus sits next to the repository."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factbox.evaluate.cli import eval_app

POLNEAR = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear"
DEV = POLNEAR / "dev"

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR corpus not available")


def test_gold_scored_against_itself_is_perfect_on_real_files() -> None:
    result = CliRunner().invoke(
        eval_app,
        ["polnear", str(DEV), "--predictions", str(DEV / "attributions"), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == len(list((DEV / "text").glob("*.txt")))
    for name in ("source", "cue", "content", "relation"):
        assert report[name]["exact"]["gold"] > 0
        assert report[name]["exact"]["f1"] == 1.0
        assert report[name]["overlap"]["f1"] == 1.0
    assert set(report["by_relation_type"]) == {"direct", "indirect", "no-source"}
    assert report["by_relation_type"]["no-source"]["exact"]["gold"] > 0
    assert len(report["by_publisher"]) > 1


@pytest.mark.slow
def test_extractor_on_three_dev_articles() -> None:
    result = CliRunner().invoke(eval_app, ["polnear", str(DEV), "--limit", "3", "--format", "json"])
    if result.exit_code == 1 and "not implemented" in result.stderr:
        pytest.skip("the attribution extractor is not implemented yet")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 3
    assert report["predictions"] == "factbox"
    for name in ("source", "cue", "content", "relation"):
        for mode in ("exact", "overlap"):
            figures = report[name][mode]
            assert set(figures) >= {"p", "r", "f1"}
            assert 0.0 <= figures["f1"] <= 1.0
    assert report["seconds"] > 0
    assert set(report["views"]) == {"all", "exclude-beliefs"}
