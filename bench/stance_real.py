"""Score factbox on the real-news stance set (``bench/stance_real/``).

    python bench/stance_real.py [--split calibrate|measure|all] [--errors] [--json OUT]

The set's PolNeAR articles (read from ``../shared/corpora/polnear``; the bench skips with a
message when it is absent) are ingested with ``factbox.ingest`` into a temporary SQLite
ledger, the set's proposals are added with ``factbox.api.add_proposals``, and what factbox
found is compared with the annotated items:

- **matching**: a statement factbox ties to proposal P is *right* when its span overlaps
  the evidence sentence of an item on P whose actor is one of the statement's speakers'
  (``none`` for a speaker without an actor id). Precision is right statements over all
  statements tied to P in articles annotated fully for P; recall is items with at least
  one right statement over all items. "span only" drops the actor condition.
- **stance**: on each matched item, the stance of its best statement (the most confident);
  a judgement about others (``about == "others"``) gives the speaker no stance and counts
  as ``unclear``.
- **positions**: ``factbox.positions`` as of the last publication date of the half,
  against the positions the items give (``stance_set.expected_positions``): right, wrong
  stance, missing, and wrong extra (an actor with a position that no item gives one);
  positions without an actor id are counted apart, and a position is *moved by a none
  speaker* when one of its evidence statements overlaps only items whose actor is ``none``.

``--split`` takes one fixed half of the articles (``articles.toml``: ``calibrate`` for
choosing thresholds, ``measure`` for reporting) or ``all``. The ingested ledger (before
any proposal) is cached in ``~/.cache/factbox-bench``, keyed by the articles and the
factbox source (all but ``web/``), so a re-run of the same build only judges again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from stance_set import (
    DEFAULT_CORPUS,
    NO_ACTOR,
    REPO,
    SET_DIR,
    ExpectedPosition,
    Item,
    SetArticle,
    Span,
    article_path,
    expected_positions,
    in_half,
    items_of,
    load_articles,
    load_items,
    overlaps,
)

from factbox import api
from factbox.extract.nlp import default_model_name
from factbox.stance import ProposalMatch, load_proposals
from factbox.store import Ledger

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "factbox-bench"
SOURCE = REPO / "src" / "factbox"
NOT_IN_KEY = ("web",)


# -- offsets: the ledger's article body against PolNeAR's text -------------------------


class OffsetMap:
    """Maps offsets in the ledger's body of an article to offsets in PolNeAR's text.

    Ingest rejoins lines into paragraphs and drops boilerplate, so the body is the text
    with whitespace changed and some parts removed. The characters other than whitespace
    are aligned (``difflib``, no junk heuristic); an offset maps through the nearest
    aligned character."""

    def __init__(self, body: str, text: str) -> None:
        body_at = [i for i, c in enumerate(body) if not c.isspace()]
        text_at = [i for i, c in enumerate(text) if not c.isspace()]
        matcher = difflib.SequenceMatcher(
            None, "".join(body[i] for i in body_at), "".join(text[i] for i in text_at), False
        )
        self._body: list[int] = []
        self._text: list[int] = []
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                self._body.append(body_at[block.a + k])
                self._text.append(text_at[block.b + k])

    def span(self, span: Span) -> Span | None:
        start = bisect_left(self._body, span[0])
        end = bisect_left(self._body, span[1]) - 1
        if start >= len(self._body) or end < start:
            return None
        return self._text[start], self._text[end] + 1


# -- the ledger ------------------------------------------------------------------------


def source_key() -> str:
    """A hash of the factbox source that shapes ingest (all but ``web/``).

    ``stance/`` is in it: ingest stores each statement's vector, and which statements are
    embedded with the words before them, and how, is decided there (the int8 encoder's
    vectors also move a little with the batch they were made in, so vectors made again at
    judging time are not those a user's ingest stores)."""
    digest = hashlib.sha256(default_model_name().encode())
    for path in sorted(SOURCE.rglob("*")):
        relative = path.relative_to(SOURCE)
        if not path.is_file() or relative.parts[0] in NOT_IN_KEY or "__pycache__" in path.parts:
            continue
        digest.update(str(relative).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_articles(corpus: Path, articles: Sequence[SetArticle], out: Path) -> None:
    """The articles as JSON Lines for ``factbox.ingest``: id, text, publication date."""
    with out.open("w", encoding="utf-8") as handle:
        for article in articles:
            text = article_path(corpus, article.split, article.file).read_text(encoding="utf-8")
            record = {"id": article.file, "text": text, "published": article.published.isoformat()}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite database whole, with what its write-ahead log still holds."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


@dataclass(slots=True)
class Ingested:
    db: Path
    seconds: float
    cached: bool


def ingested_ledger(source: Path, workdir: Path, use_cache: bool) -> Ingested:
    key = hashlib.sha256(source.read_bytes() + source_key().encode()).hexdigest()[:20]
    cached = CACHE / f"stance_real-{key}.db"
    db = workdir / "ledger.db"
    started = time.perf_counter()
    if use_cache and cached.exists():
        copy_database(cached, db)
        return Ingested(db, time.perf_counter() - started, True)
    summary = api.ingest([str(source)], db)
    if summary.failed:
        problems = "; ".join(f"{f.name}: {f.reason}" for f in summary.failed)
        raise SystemExit(f"stance_real: ingest failed: {problems}")
    seconds = time.perf_counter() - started
    if use_cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        copy_database(db, partial)
        partial.replace(cached)
    return Ingested(db, seconds, False)


# -- scoring -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A statement factbox tied to a proposal, in PolNeAR's offsets."""

    statement_id: int
    article: str
    span: Span | None
    actors: tuple[str, ...]
    """Actor ids of its speakers; ``none`` for a speaker without one."""
    stance: str
    about: str
    confidence: float
    text: str


@dataclass(slots=True)
class ProposalScore:
    """What the bench counts on one proposal (or on all): ``counts`` holds ``items``,
    ``found`` (statements tied to it), ``right`` and ``right_span_only`` (of those),
    ``recalled`` and ``recalled_span_only`` (items), ``matched`` and ``stance_right``."""

    slug: str
    counts: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    positions: Counter[str] = field(default_factory=Counter)
    moved_by_none: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def actor_matches(item: Item, found: Found) -> bool:
    return item.actor in found.actors


def score_proposal(
    slug: str,
    items: Sequence[Item],
    found: Sequence[Found],
    report: api.PositionsReport,
    expected: dict[str, ExpectedPosition],
) -> ProposalScore:
    score = ProposalScore(slug, Counter(items=len(items), found=len(found)))
    counts = score.counts
    by_article: dict[str, list[Item]] = {}
    for item in items:
        by_article.setdefault(item.article, []).append(item)

    def touching(f: Found) -> list[Item]:
        if f.span is None:
            return []
        return [i for i in by_article.get(f.article, []) if overlaps(f.span, i.span)]

    for f in found:
        near = touching(f)
        if any(actor_matches(i, f) for i in near):
            counts["right"] += 1
        else:
            why = "no item there" if not near else "speaker's actor differs"
            score.errors.append(f"  wrong match #{f.statement_id} {f.actors} ({why}): {f.text}")
        if near:
            counts["right_span_only"] += 1
    for item in items:
        hits = [f for f in found if f.article == item.article and f.span is not None]
        spanned = [f for f in hits if overlaps(f.span, item.span)]  # type: ignore[arg-type]
        right = [f for f in spanned if actor_matches(item, f)]
        counts["recalled_span_only"] += bool(spanned)
        if not right:
            score.errors.append(
                f"  missed {item.id} {item.speaker} [{item.actor}] {item.stance}: {item.quote}"
            )
            continue
        counts["recalled"] += 1
        best = max(right, key=lambda f: f.confidence)
        said = best.stance if best.about == "speaker" else "unclear"
        counts["matched"] += 1
        counts["stance_right"] += said == item.stance
        score.confusion[(item.stance, said)] += 1
        if said != item.stance:
            score.errors.append(
                f"  stance {item.id} gold {item.stance}, factbox {said}: {item.quote}"
            )

    found_by_id = {f.statement_id: f for f in found}
    for position in report.positions:
        if position.actor_id is None:
            score.positions["without actor"] += 1
            continue
        gold = expected.get(position.actor_id)
        if gold is None:
            score.positions["wrong extra"] += 1
            score.errors.append(f"  extra position {position.actor_id} {position.stance}")
        elif gold.stance == position.stance:
            score.positions["right"] += 1
        else:
            score.positions["wrong"] += 1
            score.errors.append(
                f"  position {position.actor_id}: gold {gold.stance}, factbox {position.stance}"
            )
        if gold is None or gold.stance != position.stance:
            for statement_id in position.evidence:
                f = found_by_id.get(statement_id)
                if f is not None:
                    score.errors.append(f"    by #{statement_id} {f.stance}: {f.text}")
        for statement_id in position.evidence:
            f = found_by_id.get(statement_id)
            near = touching(f) if f is not None else []
            if near and all(i.actor == NO_ACTOR for i in near):
                score.moved_by_none.append(f"{position.actor_id} by #{statement_id}")
    given = {p.actor_id for p in report.positions if p.actor_id}
    missing = [actor for actor in expected if actor not in given]
    score.positions["missing"] += len(missing)
    score.errors.extend(f"  missing position {a} {expected[a].stance}" for a in missing)
    return score


def found_statements(
    report: api.PositionsReport, maps: dict[int, tuple[str, OffsetMap]], annotated: set[str]
) -> list[Found]:
    found = []
    for statement_id, evidence in sorted(report.evidence.items()):
        if evidence.found is None:
            continue
        article_id = evidence.stored.article.id
        article, offsets = maps[article_id]
        if article not in annotated:
            continue
        statement = evidence.stored.statement
        actors = tuple(a.actor_id or NO_ACTOR for a in evidence.judged.actors) or (NO_ACTOR,)
        judgement = evidence.found.judgement
        found.append(
            Found(
                statement_id=statement_id,
                article=article,
                span=offsets.span(statement.span),
                actors=actors,
                stance=judgement.stance,
                about=judgement.about,
                confidence=judgement.confidence,
                text=f"[{match_kind(evidence.found.match)}] "
                + " ".join(statement.content.split())[:120],
            )
        )
    return found


def match_kind(match: ProposalMatch) -> str:
    """How a statement was tied to a proposal: by meaning (with its cosine), or by words."""
    similarity = match.slot("similarity")
    if similarity is not None:
        return f"meaning {similarity.similarity:.2f}"
    return "words, antecedent" if match.slot("antecedent") else "words"


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def score_row(s: ProposalScore) -> str:
    p, c = s.positions, s.counts
    row = (
        f"{s.slug:24} {c['items']:5} {c['found']:5}  {ratio(c['right'], c['found']):>5} "
        f"{ratio(c['recalled'], c['items']):>5}  {ratio(c['right_span_only'], c['found']):>6} "
        f"{ratio(c['recalled_span_only'], c['items']):>6}  "
        f"{c['stance_right']:3}/{c['matched']:<3} {ratio(c['stance_right'], c['matched']):>5}  "
        f"{p['right']}/{p['wrong']}/{p['missing']}/{p['wrong extra']}"
    )
    return row + (f" ({p['without actor']} without actor)" if p["without actor"] else "")


def add_up(scores: Sequence[ProposalScore]) -> ProposalScore:
    total = ProposalScore("all")
    for s in scores:
        total.counts.update(s.counts)
        total.confusion.update(s.confusion)
        total.positions.update(s.positions)
        total.moved_by_none.extend(f"{s.slug}: {m}" for m in s.moved_by_none)
    return total


def print_scores(scores: Sequence[ProposalScore], errors: bool) -> None:
    print(
        f"{'proposal':24} {'items':>5} {'found':>5}  {'P':>5} {'R':>5}  "
        f"{'P span':>6} {'R span':>6}  {'stance':>11}  positions right/wrong/missing/extra"
    )
    total = add_up(scores)
    for s in [*scores, total]:
        print(score_row(s))
    p = total.positions
    expected = p["right"] + p["wrong"] + p["missing"]
    print(
        f"positions right: {p['right']} of {expected} expected ({ratio(p['right'], expected)}); "
        f"wrong extra {p['wrong extra']}; without an actor {p['without actor']}"
    )
    moved = total.moved_by_none
    print(
        f"positions moved by a `none` speaker: {len(moved)}"
        + (f" ({'; '.join(moved)})" if moved else "")
    )
    wrong = [f"{g}->{s} {n}" for (g, s), n in sorted(total.confusion.items()) if g != s]
    print("stance errors on matched items (gold->factbox): " + (", ".join(wrong) or "none"))
    if errors:
        for s in scores:
            if s.errors:
                print(f"\n{s.slug}:")
                print("\n".join(s.errors))


def scores_json(split: str, scores: Sequence[ProposalScore]) -> dict[str, object]:
    """The counts per proposal and for all, for scripts that compare runs."""
    return {
        "split": split,
        "proposals": {
            s.slug: {
                "counts": dict(s.counts),
                "positions": dict(s.positions),
                "moved_by_none": s.moved_by_none,
                "stance_confusion": [[g, f, n] for (g, f), n in sorted(s.confusion.items())],
            }
            for s in [*scores, add_up(scores)]
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("calibrate", "measure", "all"), default="all")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="PolNeAR folder")
    parser.add_argument("--errors", action="store_true", help="list every miss and wrong match")
    parser.add_argument("--no-cache", action="store_true", help="ingest again, cache nothing")
    parser.add_argument("--json", type=Path, help="also write the counts to this JSON file")
    args = parser.parse_args(argv)
    if not (args.corpus / "train" / "text").is_dir():
        print(f"stance_real: skipped: PolNeAR not found at {args.corpus} (needs train/ and dev/)")
        return 0
    articles = in_half(load_articles(), args.split)
    items = items_of(load_items(), articles)
    expected = expected_positions(items, articles)
    proposals = load_proposals(SET_DIR / "proposals.toml")
    as_of = max(a.published for a in articles) + dt.timedelta(days=1)
    with tempfile.TemporaryDirectory(prefix="factbox-stance-real-") as tmp:
        workdir = Path(tmp)
        source = workdir / "articles.jsonl"
        write_articles(args.corpus, articles, source)
        ingested = ingested_ledger(source, workdir, not args.no_cache)
        started = time.perf_counter()
        api.add_proposals(proposals, ingested.db)
        judged = time.perf_counter() - started
        ledger = Ledger(ingested.db)
        by_file = {a.file: a for a in articles}
        maps: dict[int, tuple[str, OffsetMap]] = {}
        for row in ledger.articles():
            file = row.ref.key
            text = article_path(args.corpus, by_file[file].split, file).read_text(encoding="utf-8")
            maps[row.ref.id] = (file, OffsetMap(ledger.article_body(row.ref.id), text))
        statements = len(api.statements(ingested.db))
        scores = []
        for proposal in proposals:
            annotated = {a.file for a in articles if proposal.slug in a.proposals}
            report = api.positions(proposal.slug, ingested.db, as_of=as_of)
            found = found_statements(report, maps, annotated)
            own = [i for i in items if i.proposal == proposal.slug and i.article in annotated]
            scores.append(
                score_proposal(proposal.slug, own, found, report, expected.get(proposal.slug, {}))
            )
    how = "from cache" if ingested.cached else "ingested"
    print(
        f"real-news stance set, split {args.split}: {len(articles)} articles, {len(items)} items, "
        f"{len(proposals)} proposals; model {default_model_name()}; {statements} statements "
        f"({how} in {ingested.seconds:.1f} s), proposals judged in {judged:.1f} s; "
        f"positions as of {as_of.isoformat()}"
    )
    print_scores(scores, args.errors)
    if args.json is not None:
        args.json.write_text(json.dumps(scores_json(args.split, scores), indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
