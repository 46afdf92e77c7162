"""Why factbox misses or gets wrong the items of the real-news stance set: one cause each.

    python bench/stance_real_causes.py [--split calibrate|measure|all] [--list]

The set's articles are ingested as ``bench/stance_real.py`` does (same cache). Every proposal
is then judged twice: as shipped, and with matching by meaning at no threshold and no floor
(so the parse checks alone decide). Each item gets the first cause that applies:

- ``right``: matched by a statement of its actor, stance right;
- (a) ``no statement``: no statement overlaps the item's evidence sentence;
- (b) ``actor wrong``: statements overlap it, none has the item's actor among its speakers;
- (c) ``not matched``: a statement of its actor overlaps it but is not tied to the proposal,
  split by what refused it: ``similarity`` (the parse checks accept it, its cosine is under
  the threshold, or under the floor for a match by words) or ``parse`` (the parse checks
  reject it at any cosine);
- (d) ``stance wrong``: matched, stance wrong (split by gold -> factbox).

Wrong and extra positions are listed by ``bench/stance_real.py --errors``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from stance_real import OffsetMap, ingested_ledger, write_articles
from stance_set import (
    DEFAULT_CORPUS,
    NO_ACTOR,
    SET_DIR,
    article_path,
    in_half,
    items_of,
    load_articles,
    load_items,
    overlaps,
)

from factbox import api
from factbox.embed import load_encoder
from factbox.extract.nlp import load_nlp
from factbox.stance import load_proposals
from factbox.stance.semantic import SIMILARITY_THRESHOLD, WORD_MATCH_FLOOR, ProposalVectors
from factbox.store import Ledger


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("calibrate", "measure", "all"), default="all")
    parser.add_argument("--list", action="store_true", help="list each item with its cause")
    args = parser.parse_args()
    if not (DEFAULT_CORPUS / "train" / "text").is_dir():
        print(f"stance_real_causes: skipped: PolNeAR not found at {DEFAULT_CORPUS}")
        return 0
    articles = in_half(load_articles(), args.split)
    items = items_of(load_items(), articles)
    proposals = load_proposals(SET_DIR / "proposals.toml")
    with tempfile.TemporaryDirectory(prefix="factbox-causes-") as tmp:
        source = Path(tmp) / "articles.jsonl"
        write_articles(DEFAULT_CORPUS, articles, source)
        ingested = ingested_ledger(source, Path(tmp), True)
        ledger = Ledger(ingested.db)
        by_file = {a.file: a for a in articles}
        maps: dict[int, tuple[str, OffsetMap]] = {}
        for row in ledger.articles():
            text = article_path(DEFAULT_CORPUS, by_file[row.ref.key].split, row.ref.key)
            maps[row.ref.id] = (
                row.ref.key,
                OffsetMap(ledger.article_body(row.ref.id), text.read_text(encoding="utf-8")),
            )
        statements = ledger.statements()
        nlp = load_nlp(attribution=False)
        shipped = api.judge_ledger(ledger, proposals, nlp=nlp)
        loose = api.judge_ledger(ledger, proposals, nlp=nlp, threshold=-1.0, floor=-1.0)
        encoder = load_encoder()
        vectors = api.statement_vectors(ledger, encoder, lambda text: 0)
        cosines, _ = ProposalVectors(encoder, proposals).scores(vectors.matrix)
        ledger.close()
    row_of = {sid: row for row, sid in enumerate(vectors.ids.tolist())}
    column_of = {p.slug: column for column, p in enumerate(proposals)}
    where = {}
    for stored in statements:
        article, offsets = maps[stored.article.id]
        actors = {s.actor_id or NO_ACTOR for s in stored.statement.speakers} or {NO_ACTOR}
        where[stored.id] = (article, offsets.span(stored.statement.span), actors, stored)

    causes: Counter[str] = Counter()
    lines = []
    for item in items:
        slug = item.proposal
        near = [
            sid
            for sid, (article, span, _, _) in where.items()
            if article == item.article and span is not None and overlaps(span, item.span)
        ]
        own = [sid for sid in near if item.actor in where[sid][2]]
        matched = {sid: m for sid, m in shipped[slug] if sid in own}
        loose_ids = {sid for sid, _ in loose[slug]}
        if not near:
            cause = "a no statement"
        elif not own:
            cause = "b actor wrong"
        elif not matched:
            parse_ok = [sid for sid in own if sid in loose_ids]
            cause = "c not matched: similarity" if parse_ok else "c not matched: parse"
        else:
            best = max(matched.values(), key=lambda m: m.judgement.confidence)
            said = best.judgement.stance if best.judgement.about == "speaker" else "unclear"
            cause = "right" if said == item.stance else f"d stance {item.stance}->{said}"
        causes[cause] += 1
        if cause.startswith("d"):
            causes["d stance wrong (all)"] += 1
        cos = [
            f"{cosines[row_of[sid], column_of[slug]]:.2f}" for sid in own if sid in row_of
        ]
        texts = " | ".join(
            f"[{','.join(sorted(where[sid][2]))}] {where[sid][3].statement.content[:80]}"
            for sid in near[:2]
        )
        lines.append(
            f"{item.id} {slug} [{item.actor}] {item.stance}: {cause} cos={cos} :: {item.quote}"
            f"\n      {texts}"
        )

    print(
        f"split {args.split}: {len(items)} items; threshold {SIMILARITY_THRESHOLD}, "
        f"floor {WORD_MATCH_FLOOR}"
    )
    for cause, n in sorted(causes.items()):
        print(f"  {cause:34} {n:4}")
    if args.list:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
