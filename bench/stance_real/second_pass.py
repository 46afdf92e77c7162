"""Choose the items of the real-news stance set that a second annotator labels blind.

The choice is a seeded random sample of the items that existed when the second pass was
prepared (``--first``: ids up to that number), so rerunning it gives the same file. The
output keeps only what the second annotator needs to find the evidence (id, PolNeAR
split, article, proposal with its title and description, speaker as written, span,
quote), never the first annotator's actor or stance.

    python bench/stance_real/second_pass.py            # writes second_pass_items.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 12
BLIND_FIELDS = ("id", "split", "article", "proposal", "speaker", "span", "quote")


def item_number(item_id: str) -> int:
    return int(item_id.removeprefix("sr"))


def choose(
    items: list[dict[str, object]], first: int, count: int, seed: int = SEED
) -> list[dict[str, object]]:
    """A seeded sample of ``count`` items among ids sr001..sr{first}, in id order."""
    pool = [item for item in items if item_number(str(item["id"])) <= first]
    chosen = random.Random(seed).sample(pool, count)
    return sorted(chosen, key=lambda item: item_number(str(item["id"])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=int, default=190, help="sample among ids up to this number")
    parser.add_argument("--count", type=int, default=62, help="how many items to sample")
    parser.add_argument("--out", type=Path, default=HERE / "second_pass_items.jsonl")
    args = parser.parse_args()
    items = [
        json.loads(line)
        for line in (HERE / "items.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]
    chosen = choose(items, args.first, args.count)
    proposals = {
        table["slug"]: table
        for table in tomllib.loads((HERE / "proposals.toml").read_text(encoding="utf-8"))[
            "proposal"
        ]
    }
    lines = []
    for item in chosen:
        blind = {field: item[field] for field in BLIND_FIELDS}
        proposal = proposals[str(item["proposal"])]
        blind["proposal_title"] = proposal["title"]
        blind["proposal_description"] = proposal["description"]
        lines.append(json.dumps(blind, ensure_ascii=False))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(chosen)} of {len(items)} items -> {args.out.name}")


if __name__ == "__main__":
    main()
