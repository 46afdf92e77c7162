"""The real-news stance set (bench/stance_real/) is well-formed: every item names a known
article, proposal, actor and stance, its evidence lies inside the article (read from
PolNeAR beside the repository; skipped when absent), the blind second-pass file leaks no
labels, and expected_positions.toml is what the items give. No quality threshold here:
figures come from ``python bench/stance_real.py``."""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pycountry
import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
SET_DIR = BENCH / "stance_real"
ORGANISATIONS = REPO / "src" / "factbox" / "data" / "organisations.json"


@pytest.fixture(scope="module")
def stance_set() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        import stance_set as module

        yield module
    finally:
        sys.path.remove(str(BENCH))


def known_actor(actor: str) -> bool:
    if actor == "none":
        return True
    organisations = json.loads(ORGANISATIONS.read_text(encoding="utf-8"))["organisations"]
    if actor in {entry["id"] for entry in organisations}:
        return True
    return len(actor) == 2 and pycountry.countries.get(alpha_2=actor) is not None


def test_items_name_known_articles_proposals_actors_and_stances(stance_set: ModuleType) -> None:
    items = stance_set.load_items()
    articles = {a.file: a for a in stance_set.load_articles()}
    tables = tomllib.loads((SET_DIR / "proposals.toml").read_text(encoding="utf-8"))
    proposals = {p["slug"] for p in tables["proposal"]}
    assert len({i.id for i in items}) == len(items), "item ids repeat"
    problems = []
    for item in items:
        article = articles.get(item.article)
        if article is None:
            problems.append(f"{item.id}: article not in articles.toml")
        elif article.split != item.split:
            problems.append(f"{item.id}: split {item.split}, articles.toml {article.split}")
        if item.proposal not in proposals:
            problems.append(f"{item.id}: unknown proposal {item.proposal}")
        if not known_actor(item.actor):
            problems.append(f"{item.id}: unknown actor {item.actor}")
        if item.stance not in stance_set.STANCES:
            problems.append(f"{item.id}: unknown stance {item.stance}")
        if not 0 < len(item.quote.split()) <= 12:
            problems.append(f"{item.id}: the quote must have 1 to 12 words")
        if not item.span[0] < item.span[1]:
            problems.append(f"{item.id}: empty span")
    assert not problems, "\n".join(problems)
    for article in articles.values():
        assert article.half in stance_set.HALVES
        assert set(article.proposals) <= proposals


def test_every_span_lies_in_its_article_and_holds_its_quote(stance_set: ModuleType) -> None:
    corpus = stance_set.DEFAULT_CORPUS
    if not (corpus / "train" / "text").is_dir():
        pytest.skip(f"PolNeAR not found at {corpus}")
    problems = []
    for item in stance_set.load_items():
        path = stance_set.article_path(corpus, item.split, item.article)
        if not path.exists():
            problems.append(f"{item.id}: {path.name} not in PolNeAR {item.split}")
            continue
        text = path.read_text(encoding="utf-8")
        start, end = item.span
        if end > len(text):
            problems.append(f"{item.id}: span ends after the article")
        elif item.quote not in text[start:end]:
            problems.append(f"{item.id}: quote not inside the span")
    assert not problems, "\n".join(problems)


def test_the_second_pass_file_holds_items_without_their_labels(stance_set: ModuleType) -> None:
    items = {i.id: i for i in stance_set.load_items()}
    lines = (SET_DIR / "second_pass_items.jsonl").read_text(encoding="utf-8").splitlines()
    blind = [json.loads(line) for line in lines if line.strip()]
    assert len(blind) * 4 >= len(items), "the second pass must cover a quarter of the items"
    for record in blind:
        assert not {"actor", "stance", "note"} & set(record), record["id"]
        item = items[record["id"]]
        assert (tuple(record["span"]), record["article"]) == (item.span, item.article)
    labels = (SET_DIR / "second_pass_labels.jsonl").read_text(encoding="utf-8").splitlines()
    labelled = {json.loads(line)["id"] for line in labels if line.strip()}
    assert labelled == {record["id"] for record in blind}


def test_expected_positions_are_derived_from_the_items(stance_set: ModuleType) -> None:
    articles = stance_set.load_articles()
    derived = stance_set.expected_positions(stance_set.load_items(), articles)
    written = tomllib.loads((SET_DIR / "expected_positions.toml").read_text(encoding="utf-8"))
    on_file = {(p["proposal"], p["actor"]): p["stance"] for p in written["position"]}
    assert on_file == {
        (slug, actor): position.stance
        for slug, positions in derived.items()
        for actor, position in positions.items()
    }


def test_the_latest_clear_item_gives_the_position(stance_set: ModuleType) -> None:
    import datetime as dt

    day = dt.date(2016, 5, 1)
    article = stance_set.SetArticle("a.txt", "train", day, "calibrate", ("p",))

    def item(number: int, actor: str, stance: str, said_on: dt.date | None) -> object:
        return stance_set.Item(
            f"sr{number:03d}", "train", "a.txt", "p", "x", actor, stance, (0, 1), "q", said_on, ""
        )

    items = [
        item(1, "FR", "supports", dt.date(2016, 4, 1)),
        item(2, "FR", "opposes", None),  # the article's date: later
        item(3, "FR", "unclear", dt.date(2016, 5, 2)),  # later still, but unclear
        item(4, "none", "supports", dt.date(2016, 5, 3)),  # no actor: no position
        item(5, "DE", "unclear", None),
    ]
    found = stance_set.expected_positions(items, [article])["p"]
    assert {actor: p.stance for actor, p in found.items()} == {"FR": "opposes", "DE": "unclear"}
    assert found["FR"].items == ("sr002",)


def test_ledger_offsets_map_back_to_the_corpus_text(stance_set: ModuleType) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import stance_real
    finally:
        sys.path.remove(str(BENCH))
    text = "Title line; \nsecond half.\nShare this\nThe mayor said the plan is fine.\n"
    body = "Title line; second half.\n\nThe mayor said the plan is fine."
    offsets = stance_real.OffsetMap(body, text)
    start = body.index("the plan")
    mapped = offsets.span((start, start + len("the plan")))
    assert mapped is not None
    assert text[mapped[0] : mapped[1]] == "the plan"
    joined = offsets.span((0, body.index("half.") + len("half.")))
    assert joined is not None
    assert text[joined[0] : joined[1]] == "Title line; \nsecond half."
