import json
from pathlib import Path
from typing import Any

import pytest
from brat_fixtures import AnnBuilder, at, write_predictions, write_split
from typer.testing import CliRunner

from factbox.evaluate.cli import eval_app

ALPHA = (
    "The governor said the roads would be cleared by Friday. "
    "Her deputy believes that schools would stay closed."
)
BETA = "Farmers say the new tariff will ruin them."


def gold_alpha() -> AnnBuilder:
    builder = AnnBuilder(ALPHA)
    builder.relation(
        at(ALPHA, "said"),
        [at(ALPHA, "the roads would be cleared by Friday")],
        at(ALPHA, "The governor"),
    )
    builder.relation(
        at(ALPHA, "believes"),
        [at(ALPHA, "that schools would stay closed")],
        at(ALPHA, "Her deputy"),
    )
    return builder


def predicted_alpha() -> AnnBuilder:
    builder = AnnBuilder(ALPHA)
    builder.relation(
        at(ALPHA, "said"),
        [at(ALPHA, "the roads would be cleared by Friday.")],
        at(ALPHA, "The governor"),
        kind="indirect",
    )
    builder.relation(
        at(ALPHA, "believes"),
        [at(ALPHA, "that schools would stay closed")],
        at(ALPHA, "Her deputy"),
        kind="belief",
    )
    return builder


def gold_beta() -> AnnBuilder:
    builder = AnnBuilder(BETA)
    builder.relation(
        at(BETA, "say"), [at(BETA, "the new tariff will ruin them")], at(BETA, "Farmers")
    )
    return builder


def predicted_beta() -> AnnBuilder:
    builder = AnnBuilder(BETA)
    # Half the content's tokens: an overlap match, not an exact one.
    builder.relation(
        at(BETA, "say"), [at(BETA, "the new tariff")], at(BETA, "Farmers"), kind="indirect"
    )
    return builder


@pytest.fixture
def split(tmp_path: Path) -> Path:
    only_governor = AnnBuilder(ALPHA)
    only_governor.relation(at(ALPHA, "said"), [at(ALPHA, "the roads")], at(ALPHA, "The governor"))
    return write_split(
        tmp_path / "corpus" / "dev",
        texts={"alpha_story": ALPHA, "beta_story": BETA},
        annotations={
            "alpha_story_a1.ann": gold_alpha().render(),
            "alpha_story_z9.ann": only_governor.render(),
            "beta_story_c3.ann": gold_beta().render(),
        },
        metadata={"alpha_story": "daily-planet", "beta_story": "farm-gazette"},
    )


@pytest.fixture
def predictions(tmp_path: Path) -> Path:
    return write_predictions(
        tmp_path / "predicted",
        {
            "alpha_story_sys.ann": predicted_alpha().render(),
            "beta_story_sys.ann": predicted_beta().render(),
        },
    )


def run_json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(eval_app, ["polnear", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_json_report_has_the_contract_keys_and_known_figures(
    split: Path, predictions: Path
) -> None:
    report = run_json(str(split), "--predictions", str(predictions))
    for name in ("source", "cue", "content", "relation"):
        entry = report[name]
        assert isinstance(entry, dict)
        for mode in ("exact", "overlap"):
            assert {"p", "r", "f1"} <= set(entry[mode])
    assert report["articles"] == 2
    assert isinstance(report["seconds"], float)
    assert report["articles_with_several_annotations"] == 1
    assert report["annotator_policy"] == "first"

    relation = report["relation"]
    assert isinstance(relation, dict)
    assert relation["exact"]["f1"] == round(2 / 3, 4)
    assert relation["overlap"]["f1"] == 1.0
    content = report["content"]
    assert isinstance(content, dict)
    assert content["exact"]["matched_gold"] == 2
    assert content["exact"]["gold"] == 3


def test_json_report_has_breakdowns_and_both_views(split: Path, predictions: Path) -> None:
    report = run_json(str(split), "--predictions", str(predictions))
    by_publisher = report["by_publisher"]
    assert isinstance(by_publisher, dict)
    assert set(by_publisher) == {"daily-planet", "farm-gazette"}
    assert by_publisher["daily-planet"]["relation"]["exact"]["f1"] == 1.0
    assert by_publisher["farm-gazette"]["relation"]["exact"]["f1"] == 0.0
    assert set(report["by_relation_type"]) == {"direct", "indirect", "no-source"}

    views = report["views"]
    assert isinstance(views, dict)
    assert views["all"]["relation"]["exact"]["p"] == round(2 / 3, 4)
    assert views["exclude-beliefs"]["relation"]["exact"]["p"] == 0.5
    assert views["exclude-beliefs"]["relation"]["exact"]["r"] == round(1 / 3, 4)
    assert report["predicted_kinds"] == {"belief": 1, "indirect": 2}


def test_exclude_beliefs_headlines_the_other_view(split: Path, predictions: Path) -> None:
    report = run_json(str(split), "--predictions", str(predictions), "--exclude-beliefs")
    assert report["view"] == "exclude-beliefs"
    relation = report["relation"]
    assert isinstance(relation, dict)
    assert relation["exact"]["p"] == 0.5


def test_limit_scores_the_first_articles(split: Path, predictions: Path) -> None:
    report = run_json(str(split), "--predictions", str(predictions), "--limit", "1")
    assert report["articles"] == 1
    relation = report["relation"]
    assert isinstance(relation, dict)
    assert relation["exact"]["f1"] == 1.0


def test_written_predictions_score_the_same_when_read_back(
    split: Path, predictions: Path, tmp_path: Path
) -> None:
    written = tmp_path / "written"
    first = run_json(
        str(split), "--predictions", str(predictions), "--write-predictions", str(written)
    )
    assert sorted(p.name for p in written.iterdir()) == [
        "alpha_story_factbox.ann",
        "beta_story_factbox.ann",
    ]
    second = run_json(str(split), "--predictions", str(written))
    assert second["views"] == first["views"]


def test_table_output_names_the_annotator_policy(split: Path, predictions: Path) -> None:
    result = CliRunner().invoke(
        eval_app, ["polnear", str(split), "--predictions", str(predictions)]
    )
    assert result.exit_code == 0, result.output
    assert "1 of 2 articles have several annotation files" in result.stdout
    assert "alphabetically first annotator" in result.stdout
    assert "daily-planet" in result.stdout


def test_a_missing_corpus_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_app, ["polnear", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.stderr.startswith("factbox: error: ")
    assert "no text/ folder" in result.stderr
    assert result.stderr.count("\n") == 1
