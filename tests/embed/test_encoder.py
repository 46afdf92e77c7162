"""The shipped sentence encoder: what its vectors mean, and how a broken model file is told."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from factbox.cli import app
from factbox.embed import encoder as encoder_module
from factbox.embed.encoder import (
    MANIFEST,
    MODEL_DIR,
    MODEL_FILE,
    PADDING_SLACK,
    REBUILD_COMMAND,
    TOKENIZER_FILE,
    ModelFileError,
    SentenceEncoder,
    load_encoder,
)


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return load_encoder()


def test_sentences_about_the_same_thing_are_closer_than_unrelated_ones(
    encoder: SentenceEncoder,
) -> None:
    vectors = encoder.encode(
        [
            "The council voted to close the old bridge over the river to lorries.",
            "Heavy trucks will no longer be allowed across the ageing river crossing.",
            "The orchestra opened its season with a little-known symphony.",
            "Rain is expected across the north of the region on Thursday.",
        ]
    )
    cosines = vectors @ vectors.T
    assert cosines[0, 1] > cosines[0, 2] + 0.2
    assert cosines[0, 1] > cosines[0, 3] + 0.2
    assert cosines[1, 0] > cosines[1, 2] and cosines[1, 0] > cosines[1, 3]


def test_vectors_have_unit_length_and_do_not_depend_on_the_batch(
    encoder: SentenceEncoder,
) -> None:
    texts = [
        "A short one.",
        "A rather longer sentence, padded in a batch with the short one before it, about ports.",
        "",
    ]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([text]) for text in texts])
    assert together.shape == (3, encoder.dimension)
    assert np.allclose(np.linalg.norm(together[:2], axis=1), 1.0, atol=1e-4)
    # int8 activations are scaled per batch: close to the vector alone, not equal
    assert (together * alone).sum(axis=1).min() > 0.97
    assert encoder.encode([]).shape == (0, encoder.dimension)


def test_texts_run_in_batches_of_similar_length(encoder: SentenceEncoder) -> None:
    lengths = [12, 60, 11, 13, 58, 12, 200, 12, 11, 12, 13, 12, 11, 12, 61]
    in_eights = encoder.batches(lengths)
    assert [len(run) for run in in_eights] == [8, 7]
    assert [lengths[i] for i in in_eights[1]] == [12, 13, 13, 58, 60, 61, 200]
    runs = encoder.batches(lengths, PADDING_SLACK)
    assert sorted(i for run in runs for i in run) == list(range(len(lengths)))
    assert all(len(run) <= encoder.batch_size for run in runs)
    for run in runs:  # within the padding allowed; a text longer than the rest runs alone
        widths = [lengths[i] for i in run]
        assert len(run) == 1 or len(run) * max(widths) <= PADDING_SLACK * sum(widths)
    assert [6] in runs
    assert {frozenset(lengths[i] for i in run) for run in runs if 1 in run} == {
        frozenset({58, 60, 61})
    }
    assert len(runs) == 4  # eight short ones, then three, the three long, the longest


def _copy_model(tmp_path: Path) -> Path:
    folder = tmp_path / "minilm"
    folder.mkdir()
    for name in (MODEL_FILE, TOKENIZER_FILE, MANIFEST):
        shutil.copyfile(MODEL_DIR / name, folder / name)
    return folder


def test_a_missing_model_file_is_named_with_the_command_that_rebuilds_it(
    tmp_path: Path,
) -> None:
    folder = _copy_model(tmp_path)
    (folder / MODEL_FILE).unlink()
    with pytest.raises(ModelFileError) as caught:
        SentenceEncoder(folder)
    assert str(folder / MODEL_FILE) in str(caught.value)
    assert "missing" in str(caught.value) and REBUILD_COMMAND in str(caught.value)


def test_a_corrupt_model_file_is_named(tmp_path: Path) -> None:
    folder = _copy_model(tmp_path)
    data = (folder / MODEL_FILE).read_bytes()
    (folder / MODEL_FILE).write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError, match="corrupt") as caught:
        SentenceEncoder(folder)
    assert caught.value.path == folder / MODEL_FILE


def test_the_command_line_reports_a_missing_model_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_model(tmp_path)
    (folder / MODEL_FILE).unlink()
    monkeypatch.setattr(encoder_module, "MODEL_DIR", folder)
    load_encoder.cache_clear()
    try:
        result = CliRunner().invoke(
            app,
            ["proposal", "add", "bridge", "--title", "Close the bridge", "--db",
             str(tmp_path / "l.db")],
        )
    finally:
        load_encoder.cache_clear()
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 1
    assert lines == [
        f"factbox: error: {folder / MODEL_FILE}: missing; rebuild it with: {REBUILD_COMMAND}"
    ]


def test_the_shipped_graph_has_its_attention_fused_and_a_foreign_graph_is_refused(
    tmp_path: Path,
) -> None:
    onnx = pytest.importorskip("onnx")  # the train extra's
    from onnx import TensorProto, helper

    from factbox.embed.export import fuse_attention

    folder = _copy_model(tmp_path)
    assert fuse_attention(folder / MODEL_FILE) == 0  # rewritten already: left as it is
    graph = onnx.load(str(folder / MODEL_FILE)).graph
    kinds = [node.op_type for node in graph.node]
    assert kinds.count("MultiHeadAttention") == 6 and "Softmax" not in kinds
    plain = tmp_path / "plain.onnx"
    value = helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])
    onnx.save(
        helper.make_model(
            helper.make_graph(
                [helper.make_node("Identity", ["x"], ["y"])],
                "g",
                [value],
                [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])],
            )
        ),
        str(plain),
    )
    with pytest.raises(ValueError, match="no attention layer"):
        fuse_attention(plain)


def test_a_text_encoded_again_gets_the_same_vector_bit_for_bit(encoder: SentenceEncoder) -> None:
    first = encoder.encode(["Ports will reopen on Monday."])
    encoder.encode(["Something else entirely, and longer than the text before it."])
    assert np.array_equal(first, encoder.encode(["Ports will reopen on Monday."]))
