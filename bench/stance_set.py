"""The real-news stance set of ``bench/stance_real/``: its items, articles and proposals, and
the positions a reader of the annotated articles would list.

An *item* is one attributed stance in one sentence of a PolNeAR article (see
``bench/stance_real/GUIDELINES.md``). The article texts are not in the repository: they are
read from PolNeAR beside it (``../shared/corpora/polnear``).

Expected positions are derived from the items, never written by hand: for each proposal and
each actor id (items of speakers who must not move a country have actor ``none`` and give no
position), the stance of the actor's latest dated items, where a dated item's date is its
``said_on`` or else its article's publication date. As in factbox's own rule, ``unclear``
never replaces a clear stance: it stands only for an actor with no clear item. When the
latest day holds clear items that disagree, the most frequent stance wins, then the item
with the higher id (the later one in the annotation).
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SET_DIR = REPO / "bench" / "stance_real"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "polnear"
STANCES = ("supports", "open", "opposes", "unclear")
NO_ACTOR = "none"
HALVES = ("calibrate", "measure")
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Item:
    """One annotated stance: who said what about which proposal, and where."""

    id: str
    split: str
    article: str
    proposal: str
    speaker: str
    actor: str
    stance: str
    span: Span
    quote: str
    said_on: dt.date | None
    note: str

    @property
    def number(self) -> int:
        return int(self.id.removeprefix("sr"))


@dataclass(frozen=True, slots=True)
class SetArticle:
    """An article of the set, the proposals it is annotated fully for, and its half."""

    file: str
    split: str
    published: dt.date
    half: str
    proposals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExpectedPosition:
    """Where a reader of the annotated articles would put an actor on a proposal."""

    proposal: str
    actor: str
    stance: str
    on: dt.date
    items: tuple[str, ...]
    """The items of the latest day that carry this stance."""


def item_from_json(record: dict[str, object]) -> Item:
    span = record["span"]
    if not isinstance(span, list) or len(span) != 2:
        raise ValueError(f"{record.get('id')}: span must be [start, end]")
    said_on = record.get("said_on")
    return Item(
        id=str(record["id"]),
        split=str(record["split"]),
        article=str(record["article"]),
        proposal=str(record["proposal"]),
        speaker=str(record["speaker"]),
        actor=str(record["actor"]),
        stance=str(record["stance"]),
        span=(int(span[0]), int(span[1])),
        quote=str(record["quote"]),
        said_on=dt.date.fromisoformat(str(said_on)) if said_on else None,
        note=str(record.get("note") or ""),
    )


def load_items(path: Path = SET_DIR / "items.jsonl") -> list[Item]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [item_from_json(json.loads(line)) for line in lines if line.strip()]


def load_articles(path: Path = SET_DIR / "articles.toml") -> list[SetArticle]:
    tables = tomllib.loads(path.read_text(encoding="utf-8"))["article"]
    return [
        SetArticle(
            file=table["file"],
            split=table["split"],
            published=dt.date.fromisoformat(table["published"]),
            half=table["half"],
            proposals=tuple(table["proposals"]),
        )
        for table in tables
    ]


def in_half(articles: Iterable[SetArticle], half: str) -> list[SetArticle]:
    """The articles of one half (``calibrate`` or ``measure``), or all for ``all``."""
    return [a for a in articles if half == "all" or a.half == half]


def items_of(items: Iterable[Item], articles: Iterable[SetArticle]) -> list[Item]:
    """The items of these articles."""
    files = {a.file for a in articles}
    return [i for i in items if i.article in files]


def article_path(corpus: Path, split: str, file: str) -> Path:
    """Where PolNeAR keeps an article's text."""
    return corpus / split / "text" / file


def item_date(item: Item, published: dict[str, dt.date]) -> dt.date:
    return item.said_on or published[item.article]


def expected_positions(
    items: Sequence[Item], articles: Sequence[SetArticle]
) -> dict[str, dict[str, ExpectedPosition]]:
    """Proposal slug -> actor id -> the position its latest items give (see the module
    docstring). Only items of the given articles count."""
    published = {a.file: a.published for a in articles}
    found: dict[str, dict[str, ExpectedPosition]] = {}
    grouped: dict[tuple[str, str], list[Item]] = {}
    for item in items:
        if item.actor != NO_ACTOR and item.article in published:
            grouped.setdefault((item.proposal, item.actor), []).append(item)
    for (proposal, actor), own in sorted(grouped.items()):
        clear = [i for i in own if i.stance != "unclear"]
        pool = clear or own
        latest = max(item_date(i, published) for i in pool)
        today = [i for i in pool if item_date(i, published) == latest]
        counts = Counter(i.stance for i in today)
        stance = max(
            counts,
            key=lambda s: (counts[s], max(i.number for i in today if i.stance == s)),
        )
        ids = tuple(i.id for i in today if i.stance == stance)
        found.setdefault(proposal, {})[actor] = ExpectedPosition(
            proposal, actor, stance, latest, ids
        )
    return found


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
