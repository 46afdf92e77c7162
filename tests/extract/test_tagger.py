"""The learned attribution tagger: it loads, it tags, and a broken model file is named."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from typer.testing import CliRunner

import factbox.extract.nlp as nlp_module
from factbox.cli import app
from factbox.extract.nlp import PARAGRAPHS, load_nlp
from factbox.extract.tagger import (
    BEGIN,
    COMPONENT,
    CONFIG_FILE,
    CONTENT,
    CUE,
    INSIDE,
    MODEL_DIR,
    MODEL_FILE,
    REBUILD_COMMAND,
    ROLE_SCORES,
    SOURCE,
    TOKENIZER_FILE,
    AttributionTagger,
    ModelFileError,
    WordpieceScores,
    best_window,
    check_model_files,
    open_session,
    plan_windows,
    session_options,
    token_roles,
)

# Written for these tests.
REPORTED = "The harbour master said on Tuesday that the ferries would run again next week."


def test_the_tagger_runs_after_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("parser") < names.index(COMPONENT)
    assert names.index(PARAGRAPHS) < names.index(COMPONENT)


def test_a_reporting_verb_is_tagged_as_the_cue(nlp: Language) -> None:
    doc = nlp(REPORTED)
    roles = doc._.get(ROLE_SCORES)
    assert roles is not None and roles.shape == (len(doc), 3, 2)
    by_word = {token.text: roles[token.i] for token in doc}
    assert by_word["said"][CUE, INSIDE] > 0.5
    assert by_word["said"][CUE, INSIDE] > by_word["ferries"][CUE, INSIDE]
    assert by_word["master"][SOURCE, INSIDE] > 0.5
    assert by_word["ferries"][CONTENT, INSIDE] > 0.5
    assert by_word["master"][CONTENT, INSIDE] < 0.5


def test_scores_survive_serialisation(nlp: Language) -> None:
    from spacy.tokens import DocBin

    doc = nlp(REPORTED)
    stored = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    restored = next(DocBin().from_bytes(stored).get_docs(nlp.vocab))
    assert np.allclose(restored._.get(ROLE_SCORES), doc._.get(ROLE_SCORES))


def test_windows_cover_a_long_text_once_each() -> None:
    windows = plan_windows(1000, 254, 128)
    assert windows[0][0] == 0 and windows[-1][1] == 1000
    assert all(end - start == 254 for start, end in windows)
    best = best_window(windows, 1000)
    for position in (0, 200, 500, 999):
        start, end = windows[best[position]]
        assert start <= position < end
    # A position in two windows is read from the one where it is farther from an inner edge.
    assert windows[best[250]] == (128, 382)


def test_the_last_window_is_cut_short_down_to_its_shortest_length() -> None:
    pushed_back = plan_windows(300, 254, 224)
    assert pushed_back == [(0, 254), (46, 300)]
    cut_short = plan_windows(300, 254, 224, shortest_last=0)
    assert cut_short == [(0, 254), (224, 300)]
    at_least = plan_windows(300, 254, 224, shortest_last=100)
    assert at_least == [(0, 254), (200, 300)]
    for windows in (cut_short, at_least):
        best = best_window(windows, 300)
        # every position is read where it has the most context, and 15 on each inner side
        for position in range(300):
            start, end = windows[best[position]]
            assert start <= position < end
            assert start == 0 or position - start >= 15
            assert end == 300 or end - 1 - position >= 14


def test_a_window_is_scored_alone() -> None:
    """A window's scores do not depend on the other windows of the article: the same words
    in a second article whose other windows differ get the same scores."""
    tagger = AttributionTagger()
    sentence = "The minister said the talks would resume on Monday, officials confirmed. "
    opening = sentence * 40
    # the same words in another order: as many wordpieces, so the same windows
    first = tagger.score(opening + "Markets fell sharply as traders weighed the news. " * 40)
    second = tagger.score(opening + "The news weighed as traders fell sharply markets. " * 40)
    assert len(first.offsets) == len(second.offsets)
    assert not np.array_equal(first.probabilities[-100:], second.probabilities[-100:])
    same = int(np.searchsorted(first.offsets[:, 0], 120))
    assert np.array_equal(first.offsets[:same], second.offsets[:same])
    assert np.array_equal(first.probabilities[:same], second.probabilities[:same])


def _kernels_run(tmp_path: Path) -> set[str]:
    """The kinds of node the tagger's session runs for one window (onnxruntime's profile)."""
    options = session_options()
    options.enable_profiling = True
    options.profile_file_prefix = str(tmp_path / "tagger")
    session = open_session(MODEL_DIR / MODEL_FILE, options)
    session.run(None, {"input_ids": np.array([[101, 1996, 2415, 2056, 1012, 102]])})
    events = json.loads(Path(session.end_profiling()).read_text(encoding="utf-8"))
    return {e["args"]["op_name"] for e in events if e.get("cat") == "Node" and "args" in e}


def test_the_session_keeps_each_residual_sum_and_layer_norm_apart(tmp_path: Path) -> None:
    """The slow fused kernel is left out (the module's docstring): were the optimiser's name
    to change in another onnxruntime, the fusion would come back silently."""
    kinds = _kernels_run(tmp_path)
    assert "LayerNormalization" in kinds
    assert "SkipLayerNormalization" not in kinds


def test_token_scores_are_the_mean_of_their_wordpieces() -> None:
    # Made up: one token of three wordpieces, a whitespace token, one of one wordpiece.
    doc = Doc(Vocab(), words=["unbelievable", "\n\n", "said"], spaces=[False, False, False])
    offsets = np.array([[0, 2], [2, 7], [7, 12], [14, 18]])
    rng = np.random.default_rng(3)
    probabilities = rng.dirichlet(np.ones(3), size=(4, 3)).astype(np.float32)
    roles = token_roles(doc, WordpieceScores(offsets, probabilities))
    assert roles.shape == (3, 3, 2)
    outside, begins = probabilities[:, :, 0], probabilities[:, :, 1]
    assert np.allclose(roles[0, :, INSIDE], 1.0 - outside[:3].mean(axis=0))
    assert np.allclose(roles[0, :, BEGIN], begins[0])
    assert not roles[1].any()
    assert np.allclose(roles[2, :, INSIDE], 1.0 - outside[3])
    assert np.allclose(roles[2, :, BEGIN], begins[3])


def _copy_model(tmp_path: Path) -> Path:
    for name in (CONFIG_FILE, TOKENIZER_FILE, MODEL_FILE):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    return tmp_path


@pytest.mark.parametrize("missing", [CONFIG_FILE, TOKENIZER_FILE, MODEL_FILE])
def test_a_missing_model_file_is_named_with_the_rebuild_command(
    tmp_path: Path, missing: str
) -> None:
    directory = _copy_model(tmp_path)
    (directory / missing).unlink()
    with pytest.raises(ModelFileError) as raised:
        AttributionTagger(directory)
    message = str(raised.value)
    assert str(directory / missing) in message
    assert "bench/train_tagger.py" in message


def test_a_corrupt_model_file_is_named(tmp_path: Path) -> None:
    directory = _copy_model(tmp_path)
    (directory / MODEL_FILE).write_bytes(b"not an onnx graph")
    with pytest.raises(ModelFileError) as raised:
        AttributionTagger(directory)
    assert str(directory / MODEL_FILE) in str(raised.value)
    assert "bench/train_tagger.py" in str(raised.value)


def test_the_command_line_names_a_missing_tagger_file_and_its_rebuild_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = _copy_model(tmp_path)
    (directory / MODEL_FILE).unlink()
    story = tmp_path / "story.txt"
    story.write_text("The minister said on Monday that the border would stay open.\n")
    monkeypatch.setattr(nlp_module, "check_model_files", lambda: check_model_files(directory))
    load_nlp.cache_clear()
    try:
        result = CliRunner().invoke(app, ["ingest", str(story), "--db", str(tmp_path / "l.db")])
    finally:
        load_nlp.cache_clear()
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"factbox: error: {directory / MODEL_FILE}: file not found; rebuild it with: "
        f"{REBUILD_COMMAND}"
    ]
