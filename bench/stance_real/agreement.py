"""Agreement between the two annotation passes of the real-news stance set.

    python bench/stance_real/agreement.py [LABELS] [--list]

LABELS (default ``second_pass_labels.jsonl`` beside this file) holds the second
annotator's ``{"id", "actor", "stance"}`` per line for the items of
``second_pass_items.jsonl``; they are compared with the first pass's labels. When
``adjudication.jsonl`` exists, the first pass's labels are read from it as they were before
adjudication (its ``first`` fields), so the figures stay those of the two blind passes.

Reports Cohen's kappa on stance (four labels), raw agreement on stance, and agreement on
the actor (exact id, and on the distinction between ``none`` and an actor id). Kappa is
(p_o - p_e) / (1 - p_e), with p_e from each annotator's own label frequencies.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
STANCES = ("supports", "open", "opposes", "unclear")


def read_jsonl(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> float:
    """Cohen's kappa of two label sequences of equal length."""
    if len(first) != len(second) or not first:
        raise ValueError("two non-empty label sequences of the same length are needed")
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    left, right = Counter(first), Counter(second)
    chance = sum(left[label] * right[label] for label in set(left) | set(right)) / (n * n)
    return 1.0 if chance == 1 else (observed - chance) / (1 - chance)


def first_pass_labels() -> dict[str, dict[str, str]]:
    """The first pass's actor and stance per item, before any adjudication."""
    labels = {
        record["id"]: {"actor": record["actor"], "stance": record["stance"]}
        for record in read_jsonl(HERE / "items.jsonl")
    }
    adjudication = HERE / "adjudication.jsonl"
    if adjudication.exists():
        for record in read_jsonl(adjudication):
            labels[record["id"]] = {
                "actor": record["first"]["actor"],
                "stance": record["first"]["stance"],
            }
    return labels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", nargs="?", type=Path, default=HERE / "second_pass_labels.jsonl")
    parser.add_argument("--list", action="store_true", help="list the disagreements")
    args = parser.parse_args()
    if not args.labels.exists():
        print(f"agreement: no second-pass labels at {args.labels}")
        return 1
    wanted = [record["id"] for record in read_jsonl(HERE / "second_pass_items.jsonl")]
    second = {record["id"]: record for record in read_jsonl(args.labels)}
    first = first_pass_labels()
    missing = [item_id for item_id in wanted if item_id not in second]
    ids = [item_id for item_id in wanted if item_id in second]
    for item_id in ids:
        if second[item_id]["stance"] not in STANCES:
            print(f"agreement: {item_id}: unknown stance {second[item_id]['stance']!r}")
            return 1
    a_stance = [first[i]["stance"] for i in ids]
    b_stance = [second[i]["stance"] for i in ids]
    a_actor = [first[i]["actor"] for i in ids]
    b_actor = [second[i]["actor"] for i in ids]
    same_stance = sum(a == b for a, b in zip(a_stance, b_stance, strict=True))
    same_actor = sum(a == b for a, b in zip(a_actor, b_actor, strict=True))
    same_kind = sum((a == "none") == (b == "none") for a, b in zip(a_actor, b_actor, strict=True))
    both = sum(
        a == b and c == d for a, b, c, d in zip(a_stance, b_stance, a_actor, b_actor, strict=True)
    )
    n = len(ids)
    print(
        f"items compared: {n} of {len(wanted)}"
        + (f" ({len(missing)} unlabelled)" if missing else "")
    )
    kappa = cohen_kappa(a_stance, b_stance)
    print(f"stance: Cohen's kappa {kappa:.3f}, agreement {same_stance / n:.3f}")
    print(f"actor: same id {same_actor / n:.3f}, same none-or-actor {same_kind / n:.3f}")
    print(f"stance and actor both: {both / n:.3f}")
    table = Counter(zip(a_stance, b_stance, strict=True))
    print("first \\ second  " + " ".join(f"{s:>9}" for s in STANCES))
    for a in STANCES:
        print(f"{a:15} " + " ".join(f"{table[(a, b)]:9}" for b in STANCES))
    if args.list:
        for i in ids:
            if first[i] != {"actor": second[i]["actor"], "stance": second[i]["stance"]}:
                print(
                    f"{i}: first {first[i]['actor']}/{first[i]['stance']}, "
                    f"second {second[i]['actor']}/{second[i]['stance']}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
