"""Agreement between annotators, and of the extractor with each of them, on hand-made BRAT files."""

import json
from pathlib import Path
from typing import Any

import pytest
from brat_fixtures import AnnBuilder, at, write_split
from typer.testing import CliRunner

from factbox.evaluate.agreement import measure_agreement, several_annotated
from factbox.evaluate.cli import eval_app
from factbox.evaluate.corpus import load_corpus

# Written for these tests: a split quote, then reported speech with the speaker's title after
# the name.
HARBOUR = (
    '"We will not reopen the harbour," the mayor said on Tuesday, "until the pier is safe." '
    "Ines Duarte, the port director, told reporters that repairs would take a month."
)
ONE_VOICE = "Fishermen complained about the delay."


def quote_relation(builder: AnnBuilder, cue: str = "said") -> None:
    builder.relation(
        at(HARBOUR, cue),
        [at(HARBOUR, "We will not reopen the harbour,"), at(HARBOUR, "until the pier is safe.")],
        at(HARBOUR, "the mayor"),
    )


def reported_relation(builder: AnnBuilder, content: str) -> None:
    builder.relation(
        at(HARBOUR, "told"),
        [at(HARBOUR, content)],
        at(HARBOUR, "Ines Duarte, the port director,"),
    )


@pytest.fixture
def corpus_dirs(tmp_path: Path) -> list[Path]:
    first = AnnBuilder(HARBOUR)
    quote_relation(first)
    reported_relation(first, "that repairs would take a month")
    # Agrees with the first on everything.
    second = AnnBuilder(HARBOUR)
    quote_relation(second)
    reported_relation(second, "that repairs would take a month")
    # Draws the cue wider and leaves "that" out of the content.
    third = AnnBuilder(HARBOUR)
    quote_relation(third, cue="said on Tuesday")
    reported_relation(third, "repairs would take a month")
    single = AnnBuilder(ONE_VOICE)
    single.relation(at(ONE_VOICE, "complained about"), [at(ONE_VOICE, "the delay")])
    dev = write_split(
        tmp_path / "corpus" / "dev",
        texts={"harbour": HARBOUR, "one_voice": ONE_VOICE},
        annotations={
            "harbour_c3.ann": third.render(),
            "harbour_a1.ann": first.render(),
            "harbour_b2.ann": second.render(),
            "one_voice_a1.ann": single.render(),
        },
    )
    lone = write_split(
        tmp_path / "other" / "train", texts={"one_voice": ONE_VOICE}, annotations={
            "one_voice_a1.ann": single.render()
        }
    )
    return [dev, lone]


def test_every_pair_of_annotators_is_scored_and_summed(corpus_dirs: list[Path]) -> None:
    articles = several_annotated([load_corpus(directory) for directory in corpus_dirs])
    assert [article.name for article in articles] == ["harbour"]
    measured = measure_agreement(articles)
    assert (measured.annotation_files, measured.pairs) == (3, 3)
    assert measured.system is None
    scores = measured.between_annotators
    # a1-b2 agree on both cues; a1-c3 and b2-c3 only on "told": 4 of 6 each way.
    assert (scores.cue.exact.gold, scores.cue.exact.matched_gold) == (6, 4)
    assert scores.cue.exact.f1 == pytest.approx(4 / 6)
    # "said" is one token of three of "said on Tuesday": under the 0.5 overlap ratio.
    assert scores.cue.overlap.f1 == pytest.approx(4 / 6)
    assert scores.source.exact.f1 == pytest.approx(1.0)
    # The split quote agrees everywhere; the reported content only between a1 and b2.
    assert scores.content.exact.f1 == pytest.approx(4 / 6)
    assert scores.content.overlap.f1 == pytest.approx(1.0)
    # A relation needs all three of its spans: a1-b2 match both, the pairs with c3 none.
    assert scores.relation.exact.f1 == pytest.approx(2 / 6)


def test_each_annotator_is_scored_against_the_majority_of_the_others(
    corpus_dirs: list[Path],
) -> None:
    measured = measure_agreement(several_annotated([load_corpus(corpus_dirs[0])]))
    consensus = measured.consensus
    # Held out a1 or b2, the other two agree only on "told"; held out c3, a1 and b2 agree on
    # both cues, of which c3 drew one alike: 3 of 4 majority cues match, 3 of 6 gold found.
    assert (consensus.cue.exact.predicted, consensus.cue.exact.matched_gold) == (4, 3)
    assert consensus.cue.exact.f1 == pytest.approx(0.6)
    assert consensus.source.exact.f1 == pytest.approx(1.0)
    assert consensus.content.exact.f1 == pytest.approx(0.6)
    # Whole relations: only a1 and b2 agree on any, and c3 drew neither of them alike.
    assert (consensus.relation.exact.predicted, consensus.relation.exact.matched_gold) == (2, 0)


def test_predictions_are_scored_against_each_annotator(corpus_dirs: list[Path]) -> None:
    articles = several_annotated([load_corpus(corpus_dirs[0])])
    only_first = load_corpus(corpus_dirs[0]).articles[0].relations
    measured = measure_agreement(articles, [only_first])
    assert measured.system is not None
    # The first annotator's own relations: both cues of a1 and b2, one of c3's.
    assert measured.system.cue.exact.gold == 6
    assert measured.system.cue.exact.matched_gold == 5
    assert measured.system.relation.exact.f1 == pytest.approx(4 / 6)


def run(*args: str) -> Any:
    result = CliRunner().invoke(eval_app, ["agreement", *args])
    return result


def test_cli_reports_the_contract_keys(corpus_dirs: list[Path]) -> None:
    result = run(*map(str, corpus_dirs), "--no-system", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["articles"], report["annotation_files"], report["pairs"]) == (1, 3, 3)
    assert report["factbox"] is None
    assert report["consensus"]["source"]["exact"]["f1"] == pytest.approx(1.0)
    assert report["annotators"]["cue"]["exact"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert set(report["annotators"]) == {"source", "cue", "content", "relation"}


def test_cli_runs_the_extractor_on_the_several_annotated_articles(
    corpus_dirs: list[Path],
) -> None:
    result = run(*map(str, corpus_dirs), "--format", "json")
    assert result.exit_code == 0, result.output
    factbox = json.loads(result.stdout)["factbox"]
    # The extractor finds both statements as a1 and b2 drew them, so it misses only c3's
    # wider cue and its content without "that".
    assert factbox["source"]["exact"]["matched_gold"] == 6
    assert factbox["cue"]["exact"]["matched_gold"] == 5
    assert factbox["content"]["exact"]["matched_gold"] == 5
    assert factbox["relation"]["exact"]["f1"] == pytest.approx(0.6667, abs=1e-4)


def test_cli_table_names_the_articles_and_pairs(corpus_dirs: list[Path]) -> None:
    result = run(str(corpus_dirs[0]), "--no-system")
    assert result.exit_code == 0, result.output
    assert "1 articles with several annotation files (3 files, 3 pairs" in result.stdout
    lines = [line.split() for line in result.stdout.splitlines() if line.strip()]
    rows = {cells[0]: cells[1:] for cells in lines}
    # exact/overlap F1 for source, cue, content and relation; with overlap, c3's reported
    # relation matches the others'.
    assert rows["annotators"] == ["100.0/100.0", "66.7/66.7", "66.7/100.0", "33.3/66.7"]
    assert rows["consensus"][0] == "100.0/100.0"
    assert "factbox" not in rows


def test_a_corpus_without_double_annotation_is_a_one_line_error(corpus_dirs: list[Path]) -> None:
    result = run(str(corpus_dirs[1]), "--no-system")
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("no article has more than one annotation file")
    assert str(corpus_dirs[1]) in result.stderr
    assert result.stderr.count("\n") == 1
