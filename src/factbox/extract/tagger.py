"""The learned attribution tagger: per-wordpiece role scores from a small fine-tuned encoder.

The network (all-MiniLM-L6-v2 fine-tuned on PolNeAR train by ``bench/train_tagger.py``) reads
an article as windows of wordpieces and gives every wordpiece three independent B/I/O
distributions, one per role (source, cue, content). Roles are tagged apart because they nest:
a content can hold another attribution's source and cue.

Long articles are cut into windows of ``window`` wordpieces that start every ``stride``
wordpieces, the last one pushed back to end at the article's end; each wordpiece takes its
scores from the window where it lies farthest from an edge, so every prediction sees at least
``(window - 2 - stride) / 2`` wordpieces of context on each side (except at the article's
ends). The shipped config starts a window every 224 wordpieces of 254 (15 of context; PolNeAR
dev's articles are read 1.23 times per wordpiece). Measured on PolNeAR dev (the combined
extraction's exact F1, source / cue / content, and overlap F1 of content):

| windows every | reads per wordpiece | exact F1 | content overlap F1 |
|---:|---:|---|---:|
| 192 | 1.36 | 77.8 / 72.1 / 61.4 | 74.0 |
| 224 | 1.23 | 77.8 / 72.4 / 61.4 | 74.0 |
| 254 (side by side) | 1.11 | 77.8 / 72.2 / 61.4 | 73.6 |

Side by side, a wordpiece at a window's edge sees no context past it, and overlap F1 fell by
0.3-0.5 on cue, content and relation; so 224. (Fewer wordpieces were read with the fewest
windows of one shorter length spread evenly; but the last window then sees less context
than the one pushed back to end at the article's end, and dev exact F1 fell by 0.3-0.4 on cue
and content.)

Each window is run alone, not batched with the article's others. The int8 network quantises
its activations with one scale per run, so a batch made a window's scores depend on the other
windows beside it; alone, a window's scores depend on its own wordpieces only. It is faster
too: on one thread, the windows of the first 30 PolNeAR dev articles took 14% less CPU time
run one by one than in one batch per article (``bench/ingest.py`` measures the tagger
against bare parsing). On PolNeAR dev the combined extraction's exact F1 moved by +0.3, -0.1
and +0.3 (source, cue, content), as the quantisation's noise moves it.

The session runs the graph as onnxruntime optimises it, but for one fusion: each layer's
residual sum and layer norm stay two nodes (``Add``, ``LayerNormalization``) instead of its
``SkipLayerNormalization`` (``DISABLED_OPTIMIZERS``). On one thread that kernel took about
1.7 ms a window and layer against some 0.3 ms for the two nodes it replaces, so the network
takes about a tenth less CPU time. The sums come out in another order, so a rounding in a
later dynamic quantisation can flip and the logits move (by up to 0.4 on PolNeAR dev's
windows, as the quantisation's noise moves them). The statements of the 84 PolNeAR dev
articles and the demo articles came out byte for byte the same; under PolNeAR's conventions
(``factbox eval polnear``) dev exact F1 went from 78.6 / 73.3 / 65.1 / 55.3 to 78.6 / 73.2 /
65.1 / 55.3 (source / cue / content / relation).

Runtime needs only onnxruntime, tokenizers and numpy: the weights ship in the package as an
int8-quantised ONNX file next to the tokenizer and a small JSON config.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from factbox.extract.doc_text import doc_text

if TYPE_CHECKING:
    import onnxruntime
    from tokenizers import Tokenizer

ROLES = ("source", "cue", "content")
SOURCE, CUE, CONTENT = range(3)
TAGS = ("O", "B", "I")
MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "attribution"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "config.json"
COMPONENT = "factbox_attribution_tagger"
ROLE_SCORES = "attribution_roles"
"""Doc extension: (tokens, roles, 2) array; ``[..., INSIDE]`` is the probability that the
token lies inside a span of the role, ``[..., BEGIN]`` that a span of the role starts there."""
INSIDE, BEGIN = 0, 1
DISABLED_OPTIMIZERS = ("SkipLayerNormFusion",)
"""onnxruntime graph rewrites the tagger's session leaves out (see the module's docstring)."""
REBUILD_COMMAND = (
    'pip install -e ".[train]" && python bench/train_tagger.py '
    "../shared/corpora/polnear/train --dev ../shared/corpora/polnear/dev "
    "(the shipped weights' exact steps: docs/model-card-attribution.md)"
)


class ModelFileError(RuntimeError):
    """A shipped model file is missing or unreadable; the message names it and the rebuild."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}; rebuild it with: {REBUILD_COMMAND}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True, slots=True)
class TaggerConfig:
    window: int
    """Wordpieces per window, [CLS] and [SEP] included."""
    stride: int
    """Wordpieces between the starts of two windows at run time."""
    shortest_last: int
    """The fewest wordpieces of an article's last window: it starts ``stride`` after the one
    before it unless that leaves it shorter, and is then pushed back to this length."""
    cls_id: int
    sep_id: int


def plan_windows(
    length: int, size: int, stride: int, shortest_last: int | None = None
) -> list[tuple[int, int]]:
    """``(start, end)`` windows of at most ``size`` over ``length`` items, every ``stride``,
    the last one ending at ``length`` and at least ``shortest_last`` long (``size`` when
    None: the last window pushed back to full length)."""
    if length <= size:
        return [(0, length)]
    starts = list(range(0, length - size, stride))
    last = min(starts[-1] + stride, length - (size if shortest_last is None else shortest_last))
    return [(start, start + size) for start in starts] + [(last, length)]


def best_window(windows: list[tuple[int, int]], length: int) -> np.ndarray:
    """For each item, the index of the window where it lies farthest from an inner edge."""
    best = np.zeros(length, dtype=np.int64)
    margin = np.full(length, -1, dtype=np.int64)
    for number, (start, end) in enumerate(windows):
        positions = np.arange(start, end)
        left = positions - start if start > 0 else np.full(end - start, length)
        right = end - 1 - positions if end < length else np.full(end - start, length)
        here = np.minimum(left, right)
        better = here > margin[start:end]
        margin[start:end] = np.where(better, here, margin[start:end])
        best[start:end] = np.where(better, number, best[start:end])
    return best


@dataclass(frozen=True, slots=True)
class WordpieceScores:
    """Role scores of every wordpiece of a text."""

    offsets: np.ndarray
    """(n, 2) character offsets of each wordpiece in the text."""
    probabilities: np.ndarray
    """(n, roles, tags) probabilities, tags in ``TAGS`` order."""


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


class AttributionTagger:
    """The ONNX tagger with its tokenizer; one inference thread (spaCy's processes are the
    parallelism)."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        from tokenizers import Tokenizer

        self.directory = directory
        self.config = _read_config(directory / CONFIG_FILE)
        tokenizer_path = directory / TOKENIZER_FILE
        if not tokenizer_path.is_file():
            raise ModelFileError(tokenizer_path, "file not found")
        try:
            self.tokenizer: Tokenizer = Tokenizer.from_file(str(tokenizer_path))
        except Exception as exc:  # tokenizers raises plain Exception on bad JSON
            raise ModelFileError(tokenizer_path, f"cannot read tokenizer ({exc})") from exc
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        model_path = directory / MODEL_FILE
        if not model_path.is_file():
            raise ModelFileError(model_path, "file not found")
        try:
            self.session: onnxruntime.InferenceSession = open_session(model_path)
        except Exception as exc:  # onnxruntime raises its own Fail/InvalidProtobuf types
            raise ModelFileError(model_path, f"cannot load ONNX model ({exc})") from exc

    def score(self, text: str) -> WordpieceScores:
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        ids = np.asarray(encoding.ids, dtype=np.int64)
        offsets = np.asarray(encoding.offsets, dtype=np.int64).reshape(-1, 2)
        n = len(ids)
        probabilities = np.zeros((n, len(ROLES), len(TAGS)), dtype=np.float32)
        if n == 0:
            return WordpieceScores(offsets, probabilities)
        inner = self.config.window - 2
        windows = plan_windows(n, inner, self.config.stride, self.config.shortest_last)
        best = best_window(windows, n)
        for number, (start, end) in enumerate(windows):
            mine = best[start:end] == number
            logits = self._run(ids[start:end])
            probabilities[start:end][mine] = _softmax(
                logits.reshape(end - start, len(ROLES), len(TAGS))
            )[mine]
        return WordpieceScores(offsets, probabilities)

    def _run(self, pieces: np.ndarray) -> np.ndarray:
        """The logits of one window's wordpieces, run alone (see the module's docstring)."""
        row = np.empty((1, len(pieces) + 2), dtype=np.int64)
        row[0, 0], row[0, 1:-1], row[0, -1] = self.config.cls_id, pieces, self.config.sep_id
        logits: np.ndarray = self.session.run(None, {"input_ids": row})[0]
        return logits[0, 1:-1]


def session_options() -> onnxruntime.SessionOptions:
    """One inference thread (spaCy's processes are the parallelism)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return options


def open_session(
    model_path: Path, options: onnxruntime.SessionOptions | None = None
) -> onnxruntime.InferenceSession:
    """The tagger's ONNX session on the CPU, without ``DISABLED_OPTIMIZERS``."""
    import onnxruntime

    return onnxruntime.InferenceSession(
        str(model_path),
        options or session_options(),
        providers=["CPUExecutionProvider"],
        disabled_optimizers=list(DISABLED_OPTIMIZERS),
    )


def _read_config(path: Path) -> TaggerConfig:
    if not path.is_file():
        raise ModelFileError(path, "file not found")
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return TaggerConfig(
            window=int(raw["window"]),
            stride=int(raw["stride"]),
            shortest_last=int(raw.get("shortest_last", raw["window"] - 2)),
            cls_id=int(raw["cls_id"]),
            sep_id=int(raw["sep_id"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelFileError(path, f"bad tagger config ({exc})") from exc


def load_tagger(directory: Path = MODEL_DIR) -> AttributionTagger:
    """The shipped tagger, loaded once per process (a forked worker opens its own session)."""
    return _load_tagger(directory, os.getpid())


@lru_cache(maxsize=2)
def _load_tagger(directory: Path, pid: int) -> AttributionTagger:
    return AttributionTagger(directory)


def check_model_files(directory: Path = MODEL_DIR) -> None:
    """Fail early, naming the file, when a model file is missing or unreadable."""
    load_tagger(directory)


def token_roles(doc: Doc, scores: WordpieceScores) -> np.ndarray:
    """Wordpiece scores carried to spaCy tokens: a token's inside probability is the mean over
    its wordpieces, its begin probability its first wordpiece's. Whitespace tokens have no
    wordpieces and score 0."""
    roles = np.zeros((len(doc), len(ROLES), 2), dtype=np.float32)
    if not len(scores.offsets) or not len(doc):
        return roles
    spans = doc.to_array([IDX, LENGTH]).astype(np.int64)
    starts = scores.offsets[:, 0]
    firsts = np.searchsorted(starts, spans[:, 0], side="left")
    lasts = np.searchsorted(starts, spans.sum(axis=1), side="left")
    counts = lasts - firsts
    have = counts > 0
    outside = scores.probabilities[:, :, TAGS.index("O")].astype(np.float64)
    # the mean of outside[first:last] for every token at once, from running sums
    running = np.concatenate((np.zeros((1, len(ROLES))), np.cumsum(outside, axis=0)))
    sums = running[lasts[have]] - running[firsts[have]]
    roles[have, :, INSIDE] = 1.0 - sums / counts[have, None]
    roles[have, :, BEGIN] = scores.probabilities[firsts[have], :, TAGS.index("B")]
    return roles


if not Doc.has_extension(ROLE_SCORES):
    Doc.set_extension(ROLE_SCORES, default=None)


class AttributionTaggerComponent:
    """Stores the tagger's per-token role scores on each Doc (``doc._.attribution_roles``).

    The ONNX session is opened on first use, so every worker process of ``nlp.pipe(n_process=N)``
    opens its own."""

    def __init__(self, directory: Path = MODEL_DIR) -> None:
        self.directory = directory

    def __call__(self, doc: Doc) -> Doc:
        tagger = load_tagger(self.directory)
        doc._.set(ROLE_SCORES, token_roles(doc, tagger.score(doc_text(doc))))
        return doc


@Language.factory(COMPONENT)
def make_attribution_tagger(nlp: Language, name: str) -> AttributionTaggerComponent:
    """The ``factbox_attribution_tagger`` pipeline component (after the parser)."""
    return AttributionTaggerComponent()
