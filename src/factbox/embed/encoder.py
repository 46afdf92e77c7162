"""Sentence vectors from the shipped all-MiniLM-L6-v2 (int8 ONNX), on onnxruntime.

The model is sentence-transformers' all-MiniLM-L6-v2: a six-layer BERT encoder trained so
that texts about the same thing get vectors with a high cosine. It is exported once to ONNX
and quantised to int8 (``python -m factbox.embed.export``); the package ships the model,
its ``tokenizer.json`` and a ``manifest.json`` with their SHA-256, in
``data/models/minilm/``. Nothing is downloaded at run time.

A text's vector is computed as sentence-transformers computes it for this model: word
pieces (lower-cased, at most 256 with the [CLS] and [SEP] marks), the encoder's last hidden
states, their mean over the real tokens (padding masked out), scaled to length 1. So the
dot product of two vectors is their cosine.

Texts are sorted by length and run in batches of similar length, so little of a batch is
padding: ``batch_size`` at a time, or, with a ``padding_slack`` (ingest's statements:
``PADDING_SLACK``), a batch takes the next text while it has fewer than ``batch_size`` rows
and its padded size (rows times the longest text's word pieces) stays within that many times
the word pieces it really holds. The int8 model's cost grows with the padded size, and an
article's statements range from a few words to a few sentences, so eight in a row padded to
the longest cost two fifths more than these batches (the texts 15 PolNeAR dev articles
embed: 1.08 s of CPU against 1.52 s; in batches of one, 1.3 s). A proposal's phrases are
still run eight at a time, as when the similarity thresholds were chosen: a text's vector
moves a little with its batch (below), and the phrases' moves changed which statements
matched. Inference uses one thread per process (``intra_op_num_threads=1``): factbox runs
one process per core for parallel work, and a second thread per process only competes.

The shipped graph has each layer's self-attention as one ``MultiHeadAttention`` node, fed the
three projections and the attention mask (``factbox.embed.export``, ``fuse_attention``), in
place of the traced graph's reshapes, transposes, products, masked softmax and its guard
against rows that are all masked; and the session leaves out onnxruntime's
``SkipLayerNormFusion`` (``DISABLED_OPTIMIZERS``), whose fused kernel cost more on one thread
than the sum and layer norm it replaces (as for the attribution tagger,
``factbox.extract.tagger``). Together about a sixth less CPU time on the statements of 60
PolNeAR dev articles (5.7 s to 4.7 s, best of four, on a busy machine); the vectors move by
the rounding of the sums' new order (cosine 0.99 or more to the previous ones).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "minilm"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
MANIFEST = "manifest.json"
REBUILD_COMMAND = 'pip install -e ".[train]" && python -m factbox.embed.export'
BATCH_SIZE = 8
"""Texts per run at most: on one thread, 8 of the same length ran about twice as fast as 1
and faster than 32."""
PADDING_SLACK = 1.5
"""How much padding a batch of ingest's statements may hold: its padded size at most this
times its word pieces. 1.25 was faster still (1.00 s on the texts above) but split more
batches, and the vectors that moved with them cost one matched item of the real-news stance
set (recall 0.613 to 0.608); at 1.5 its figures hold (``docs/stance.md``)."""

DISABLED_OPTIMIZERS = ("SkipLayerNormFusion",)
"""onnxruntime graph rewrites the encoder's session leaves out (see the module's docstring)."""

Vectors = npt.NDArray[np.float32]


class ModelFileError(RuntimeError):
    """A model file is missing or is not the one the manifest names."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}; rebuild it with: {REBUILD_COMMAND}")


@dataclass(frozen=True, slots=True)
class EncoderManifest:
    name: str
    dimension: int
    max_length: int
    sha256: dict[str, str]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(folder: Path) -> EncoderManifest:
    path = folder / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return EncoderManifest(
            name=str(data["name"]),
            dimension=int(data["dimension"]),
            max_length=int(data["max_length"]),
            sha256={str(k): str(v) for k, v in data["sha256"].items()},
        )
    except FileNotFoundError:
        raise ModelFileError(path, "missing") from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelFileError(path, f"unreadable ({exc})") from None


def _checked(folder: Path, name: str, manifest: EncoderManifest) -> Path:
    path = folder / name
    if not path.is_file():
        raise ModelFileError(path, "missing")
    expected = manifest.sha256.get(name)
    if expected is not None and file_sha256(path) != expected:
        raise ModelFileError(path, "corrupt (its SHA-256 is not the manifest's)")
    return path


class SentenceEncoder:
    """Unit-length sentence vectors (``float32``, ``dimension`` wide) for texts."""

    def __init__(self, folder: Path = MODEL_DIR, batch_size: int = BATCH_SIZE) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.manifest = read_manifest(folder)
        model_path = _checked(folder, MODEL_FILE, self.manifest)
        tokenizer_path = _checked(folder, TOKENIZER_FILE, self.manifest)
        try:
            self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:  # the tokenizers library raises its own exception type
            raise ModelFileError(tokenizer_path, f"unreadable ({exc})") from None
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.manifest.max_length)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        try:
            self.session = onnxruntime.InferenceSession(
                str(model_path),
                options,
                providers=["CPUExecutionProvider"],
                disabled_optimizers=list(DISABLED_OPTIMIZERS),
            )
        except Exception as exc:  # onnxruntime raises its own exception types
            raise ModelFileError(model_path, f"not a usable ONNX model ({exc})") from None
        self._inputs = {i.name for i in self.session.get_inputs()}
        self.batch_size = batch_size

    @property
    def name(self) -> str:
        return self.manifest.name

    @property
    def dimension(self) -> int:
        return self.manifest.dimension

    def encode(self, texts: Sequence[str], padding_slack: float | None = None) -> Vectors:
        """One row per text, in order, each of length 1; batched as ``batches`` says.

        The int8 model quantises its activations with one scale per run, so a text's vector
        moves a little with the texts it is batched with (cosine 0.98 or more to its vector
        alone, the same order as the quantisation's own error)."""
        result = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return result
        encodings = self.tokenizer.encode_batch(list(texts))
        for chosen in self.batches([len(e.ids) for e in encodings], padding_slack):
            width = max(len(encodings[i].ids) for i in chosen)
            ids = np.zeros((len(chosen), width), dtype=np.int64)
            mask = np.zeros((len(chosen), width), dtype=np.int64)
            for row, index in enumerate(chosen):
                pieces = encodings[index].ids
                ids[row, : len(pieces)] = pieces
                mask[row, : len(pieces)] = 1
            feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self.session.run(None, feed)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            result[chosen] = pooled / np.maximum(norms, 1e-12)
        return result


    def batches(
        self, lengths: Sequence[int], padding_slack: float | None = None
    ) -> list[list[int]]:
        """The texts' indexes (of texts of these lengths in word pieces) in the runs they
        go in: by length, ``batch_size`` a run, or, with ``padding_slack``, each run as long
        as its padding allows."""
        runs: list[list[int]] = []
        pieces = 0
        slack = float("inf") if padding_slack is None else padding_slack
        for index in sorted(range(len(lengths)), key=lengths.__getitem__):
            width = lengths[index]  # the longest of the run, were it added (sorted)
            run = runs[-1] if runs else []
            padded = (len(run) + 1) * width
            full = len(run) >= self.batch_size or padded > slack * (pieces + width)
            if not run or full:
                runs.append([index])
                pieces = width
            else:
                run.append(index)
                pieces += width
        return runs


@lru_cache(maxsize=1)
def load_encoder() -> SentenceEncoder:
    """The shipped encoder, loaded once per process."""
    return SentenceEncoder(MODEL_DIR)
