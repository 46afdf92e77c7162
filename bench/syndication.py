"""How alike syndicated copies and different articles are, to choose the copy threshold.

    python bench/syndication.py [--limit N]

Reads PolNeAR train and dev (../shared/corpora/polnear, real articles of the same months and
topics from several outlets) and prints:

- different articles: the Jaccard similarity of word shingles of the most similar pairs
  (MinHash estimates for every pair, exact figures for the closest), with the outlets and the
  wire credit PolNeAR's metadata gives, so pairs that are really one agency's story show;
- lightly edited copies made from dev articles the way outlets edit wire copy (their own
  header and footer lines, a changed headline, a reworded sentence every few paragraphs, the
  last paragraph cut): the least and the median similarity to their original;
- the threshold data/ingest/syndication.toml holds, and where it falls between the two.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import numpy as np

from factbox.ingest import prepare_article, read_inputs
from factbox.records import InputError, SourceItem
from factbox.syndication import jaccard, settings, shingles, signature

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "corpora" / "polnear"

OUTLET_HEADERS = ["Filed by our wire desk", "Reporting from the region | Staff and agencies"]
OUTLET_FOOTERS = [
    "Read more: the latest from our politics desk. Sign up for the morning briefing.",
    "This story was provided by a news agency and edited by our staff.",
]
REWORDINGS = [
    (" said ", " told reporters "),
    (" on Monday", " on Monday evening"),
    (" the ", " a "),
]


def read_bodies(folder: Path, limit: int | None) -> list[tuple[str, str]]:
    files = sorted(folder.glob("*.txt"))[:limit]
    found = []
    for item in read_inputs([str(f) for f in files]):
        if isinstance(item, SourceItem):
            try:
                found.append((Path(item.name).stem, prepare_article(item).body))
            except InputError:
                pass
    return found


def edited_copy(body: str, rng: random.Random) -> str:
    paragraphs = body.split("\n\n")
    if len(paragraphs) > 3:
        paragraphs = paragraphs[:-1]
    for index in range(rng.randrange(3), len(paragraphs), 3):
        old, new = rng.choice(REWORDINGS)
        paragraphs[index] = paragraphs[index].replace(old, new, 1)
    return "\n\n".join([rng.choice(OUTLET_HEADERS), *paragraphs, rng.choice(OUTLET_FOOTERS)])


def metadata() -> dict[str, dict[str, str]]:
    path = POLNEAR / "metadata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def closest_pairs(texts: list[tuple[str, str]], top: int) -> list[tuple[float, str, str]]:
    sets = [shingles(body) for _, body in texts]
    signatures = np.stack([signature(s) for s in sets])
    pairs: list[tuple[float, int, int]] = []
    for i in range(len(texts)):
        estimates = (signatures[i + 1 :] == signatures[i]).mean(axis=1)
        for offset in np.argsort(-estimates)[:3]:
            pairs.append((float(estimates[offset]), i, i + 1 + int(offset)))
    pairs.sort(reverse=True)
    exact = [(jaccard(sets[i], sets[j]), texts[i][0], texts[j][0]) for _, i, j in pairs[: top * 4]]
    return sorted(exact, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles per half")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    if not POLNEAR.is_dir():
        print("PolNeAR is not beside the repository (../shared/corpora/polnear)")
        return 1
    texts = read_bodies(POLNEAR / "train" / "text", args.limit)
    texts += read_bodies(POLNEAR / "dev" / "text", args.limit)
    rows = metadata()
    chosen = settings()
    print(f"{len(texts)} PolNeAR articles; shingles of {chosen.shingle_words} words")
    print("\nmost similar pairs of different files (exact Jaccard):")
    for similarity, first, second in closest_pairs(texts, args.top):
        a, b = rows.get(first, {}), rows.get(second, {})
        credit = f"wire {a.get('wire', '?')} / {b.get('wire', '?')}"
        print(f"  {similarity:.3f}  {first[:40]:40}  {second[:40]:40}  {credit}")
    rng = random.Random(7)
    dev = read_bodies(POLNEAR / "dev" / "text", args.limit)
    copies = sorted(jaccard(shingles(body), shingles(edited_copy(body, rng))) for _, body in dev)
    print(
        f"\nlightly edited copies of {len(copies)} dev articles: least {copies[0]:.3f}, "
        f"5th percentile {copies[len(copies) // 20]:.3f}, median {copies[len(copies) // 2]:.3f}"
    )
    print(f"threshold (data/ingest/syndication.toml): {chosen.threshold:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
