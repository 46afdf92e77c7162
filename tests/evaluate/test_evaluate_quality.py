import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from brat_fixtures import AnnBuilder, at, write_predictions, write_split

from factbox.evaluate.corpus import load_corpus
from factbox.evaluate.polnear import Evaluation, evaluate, read_predictions
from factbox.evaluate.quality import (
    README_END,
    README_START,
    read_previous,
    readme_block,
    render_quality_doc,
    replace_between_markers,
)

TEXT = "The senator said the vote would pass. Aides say the bill is dead."
BENCH_SCRIPT = Path(__file__).parents[2] / "bench" / "quality.py"


def gold() -> str:
    builder = AnnBuilder(TEXT)
    builder.relation(at(TEXT, "said"), [at(TEXT, "the vote would pass")], at(TEXT, "The senator"))
    builder.relation(at(TEXT, "say"), [at(TEXT, "the bill is dead")], at(TEXT, "Aides"))
    return builder.render()


def prediction(both: bool) -> str:
    builder = AnnBuilder(TEXT)
    builder.relation(at(TEXT, "said"), [at(TEXT, "the vote would pass")], at(TEXT, "The senator"))
    if both:
        builder.relation(at(TEXT, "say"), [at(TEXT, "the bill is dead")], at(TEXT, "Aides"))
    return builder.render()


@pytest.fixture
def split(tmp_path: Path) -> Path:
    return write_split(
        tmp_path / "corpus" / "dev",
        texts={"senate_story": TEXT},
        annotations={"senate_story_a1.ann": gold()},
        metadata={"senate_story": "capitol-news"},
    )


def evaluation_with(split: Path, predicted_dir: Path, both: bool) -> Evaluation:
    write_predictions(predicted_dir, {"senate_story_sys.ann": prediction(both)})
    corpus = load_corpus(split)
    return evaluate(corpus, read_predictions(predicted_dir, corpus.articles), "first")


def test_a_first_page_has_figures_and_no_previous_ones(split: Path, tmp_path: Path) -> None:
    page = render_quality_doc(evaluation_with(split, tmp_path / "p", both=False), {}, "dev", "cmd")
    assert "(was" not in page
    figures = read_previous(page)
    assert figures[("all", "relation", "exact R")] == "50.0"
    assert figures[("all", "relation", "exact P")] == "100.0"
    assert figures[("publishers", "capitol-news", "exact relation F1")] == "66.7"
    assert "beliefs" in page


def test_regenerating_puts_the_previous_figure_beside_the_new_one(
    split: Path, tmp_path: Path
) -> None:
    before = render_quality_doc(evaluation_with(split, tmp_path / "p1", both=False), {}, "dev", "c")
    after = render_quality_doc(
        evaluation_with(split, tmp_path / "p2", both=True), read_previous(before), "dev", "c"
    )
    assert "| relation | 100.0 (was 100.0) | 100.0 (was 50.0) | 100.0 (was 66.7) |" in after
    # The page read again yields the new figures, not the old ones.
    assert read_previous(after)[("all", "relation", "exact R")] == "100.0"


def test_readme_changes_only_between_its_markers(split: Path, tmp_path: Path) -> None:
    block = readme_block(evaluation_with(split, tmp_path / "p", both=True), {}, "dev")
    readme = f"# factbox\n\nIntro.\n\n{README_START}\nold table\n{README_END}\n\nMore text.\n"
    updated = replace_between_markers(readme, block)
    assert updated is not None
    assert "old table" not in updated
    assert updated.startswith("# factbox\n\nIntro.\n\n" + README_START)
    assert updated.endswith(README_END + "\n\nMore text.\n")
    assert "| relation | 100.0 |" in updated
    assert replace_between_markers("# factbox\n", block) is None


def load_bench_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quality", BENCH_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bench_script_rewrites_the_page_and_the_marked_readme_block(
    split: Path, tmp_path: Path
) -> None:
    bench = load_bench_script()
    docs = tmp_path / "docs" / "quality.md"
    readme = tmp_path / "README.md"
    readme.write_text(f"Top.\n{README_START}\n{README_END}\nBottom.\n", encoding="utf-8")
    predicted = write_predictions(tmp_path / "pred", {"senate_story_sys.ann": prediction(False)})
    common = ["--corpus", str(split.parent), "--docs", str(docs), "--readme", str(readme)]

    assert bench.main([*common, "--predictions", str(predicted)]) == 0
    assert (
        read_previous(docs.read_text(encoding="utf-8"))[("all", "relation", "exact F1")] == "66.7"
    )

    (predicted / "senate_story_sys.ann").write_text(prediction(True), encoding="utf-8")
    assert bench.main([*common, "--predictions", str(predicted)]) == 0
    assert "100.0 (was 66.7)" in docs.read_text(encoding="utf-8")
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("Top.\n") and text.endswith(f"{README_END}\nBottom.\n")
    assert "100.0 (was 66.7)" in text


def test_the_page_shows_annotator_agreement_when_articles_have_several_annotations(
    tmp_path: Path,
) -> None:
    only_senator = AnnBuilder(TEXT)
    only_senator.relation(
        at(TEXT, "said"), [at(TEXT, "the vote would pass")], at(TEXT, "The senator")
    )
    train = write_split(
        tmp_path / "corpus" / "train",
        texts={"senate_story": TEXT},
        annotations={"senate_story_a1.ann": gold(), "senate_story_b2.ann": only_senator.render()},
    )
    write_split(
        tmp_path / "corpus" / "dev",
        texts={"senate_story": TEXT},
        annotations={"senate_story_a1.ann": gold()},
    )
    predicted = write_predictions(tmp_path / "pred", {"senate_story_sys.ann": prediction(True)})
    docs = tmp_path / "quality.md"
    readme = tmp_path / "README.md"
    readme.write_text(f"{README_START}\n{README_END}\n", encoding="utf-8")
    bench = load_bench_script()
    common = ["--corpus", str(train.parent), "--docs", str(docs), "--readme", str(readme)]
    assert bench.main([*common, "--predictions", str(predicted)]) == 0
    page = docs.read_text(encoding="utf-8")
    figures = read_previous(page)
    # a1 has both relations, b2 only the senator's: one of two, both ways 66.7 F1.
    assert figures[("agreement", "relation", "annotators exact F1")] == "66.7"
    # The predictions hold both relations, scored twice: 3 of 3 gold found, 3 of 4 right.
    assert figures[("agreement", "relation", "factbox exact F1")] == "85.7"
    assert "1 articles with several annotation files (2 files, 1 pairs" in page
    assert "annotators exact F1" in readme.read_text(encoding="utf-8")

    assert bench.main([*common, "--predictions", str(predicted), "--agreement-splits", ""]) == 0
    assert "annotators exact F1" not in docs.read_text(encoding="utf-8")
