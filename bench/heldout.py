"""Score factbox on a held-out set of real articles: positions as of given days, and what a
body's rule decides on them.

    python bench/heldout.py SET_DIR [SET_DIR ...] [-v] [--json OUT]

A set is a folder; the articles are other people's copy and never committed (the labels of
the team's sets are in ``bench/heldout_sets/``, with where each article came from)::

    SET_DIR/articles/*.txt    one article each: headline, a date line, a blank line, body
    SET_DIR/set.toml          proposals, expected positions, decisions, must-not-move speakers

``set.toml``::

    name = "unsc-syria-2016"
    [[proposal]]                      # as a user would type it (factbox's proposal TOML)
    slug = "..."; title = "..."; description = "..."; bodies = ["unsc"]

    [[check]]                         # where the annotators say each actor stands that day
    proposal = "..."
    as_of = 2016-10-08
    positions = { RU = "opposes", FR = "supports" }
    ignore = ["UN"]                   # actors whose position (any) is not scored

    [[decide]]
    proposal = "..."; body = "unsc"; as_of = 2016-10-08
    outcome = "blocked"               # the annotators' outcome
    blocking = ["RU"]                 # optional: must be among decide's blockers; list
                                      # only members labelled `opposes` that day (an
                                      # `open` member never blocks a consensus)

    [[must_not_move]]                 # speakers who must move no position (candidates, ...)
    speaker = "Donald Trump"

    [[speaker]]                       # whom a named speaker speaks for, in every statement
    name = "Vitaly Churkin"; actor = "RU"   # actor "none": the statement must carry no actor

The articles are ingested into a temporary SQLite ledger with the shipped pipeline; every
``check`` scores each expected actor as right, wrong (another stance) or missing, and every
position of another actor (not in ``ignore``) as an extra. A position whose evidence has a
must-not-move speaker among its speakers and no other is counted apart, and so is a position
only a count or a body's whole membership gives ("EU leaders agreed on it": ``counted``, a
vote for ``decide``; guideline 12 scores no label for it). Every ``speaker`` row is scored
over all the set's statements: each speaker of a statement whose name (the resolved person's
name, else the text) is the row's name, or ends with the row's surname, counts right when its
actor id is the row's actor (no actor id for ``"none"``), else wrong; speakers no row names
are not scored. ``-v`` prints every miss with the evidence factbox used.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from factbox import service
from factbox.records import StoredStatement
from factbox.settings import Settings
from factbox.stance import load_proposals


@dataclass
class SetScore:
    name: str
    right: int = 0
    wrong: int = 0
    missing: int = 0
    extra: int = 0
    no_actor: int = 0
    moved_by_none: int = 0
    counted: int = 0
    decide_right: int = 0
    decide_total: int = 0
    speaker_right: int = 0
    speaker_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return self.right + self.wrong + self.missing

    def line(self) -> str:
        return (
            f"{self.name}: positions {self.right}/{self.expected} right "
            f"(wrong {self.wrong}, missing {self.missing}, extra {self.extra}, "
            f"no actor {self.no_actor}, moved by must-not-move {self.moved_by_none}, "
            f"votes by count {self.counted}); "
            f"decide {self.decide_right}/{self.decide_total}"
            + (
                f"; speakers' actor {self.speaker_right}/{self.speaker_total} right"
                if self.speaker_total
                else ""
            )
        )


def evidence_text(report: service.PositionsReport, statement_id: int) -> str:
    found = report.evidence.get(statement_id)
    if found is None:
        return f"#{statement_id}"
    stored = found.stored
    speakers = ", ".join(s.name or s.text for s in stored.statement.speakers) or "?"
    words = " ".join(stored.statement.content.split())[:160]
    return f"#{statement_id} {speakers}: {words}"


def speaker_row(said: str, rows: dict[str, str]) -> str | None:
    """The ``[[speaker]]`` name that a speaker's name or text stands for: the same name, or
    one whose surname (last word) the speaker's words end with ("Mr Fico", "Fico")."""
    said = " ".join(said.split()).casefold()
    if said in rows:
        return said
    last = said.split()[-1] if said else ""
    found = [name for name in rows if name.split()[-1] == last]
    return found[0] if len(found) == 1 else None


def score_speakers(
    statements: list[StoredStatement], rows: dict[str, str], score: SetScore
) -> None:
    """Score each statement's speakers against the ``[[speaker]]`` rows (name -> actor)."""
    for stored in statements:
        for speaker in stored.statement.speakers:
            row = speaker_row(speaker.name or speaker.text, rows)
            if row is None:
                continue
            expected = rows[row]
            got = speaker.actor_id or "none"
            score.speaker_total += 1
            if got == expected:
                score.speaker_right += 1
            else:
                words = " ".join(stored.statement.content.split())[:100]
                score.misses.append(
                    f"speaker #{stored.id} {speaker.name or speaker.text}: {got} "
                    f"(expected {expected}) <- {words}"
                )


def score_set(set_dir: Path, verbose: bool) -> SetScore:
    spec = tomllib.loads((set_dir / "set.toml").read_text(encoding="utf-8"))
    score = SetScore(str(spec.get("name", set_dir.name)))
    none_speakers = {m["speaker"].casefold() for m in spec.get("must_not_move", [])}
    articles = sorted((set_dir / "articles").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(db=str(Path(tmp) / "ledger.db"))
        with service.open(settings=settings) as factbox:
            factbox.ingest(articles)
            factbox.add_proposals(load_proposals(set_dir / "set.toml"))
            for check in spec.get("check", []):
                as_of = check["as_of"]
                report = factbox.positions(check["proposal"], as_of=as_of)
                found = {p.actor_id: p for p in report.positions}
                expected: dict[str, str] = check["positions"]
                ignore = set(check.get("ignore", []))
                where = f"{check['proposal']} {as_of}"
                for actor, stance in expected.items():
                    position = found.get(actor)
                    if position is None:
                        score.missing += 1
                        score.misses.append(f"{where} {actor}: missing (expected {stance})")
                    elif position.stance == stance:
                        score.right += 1
                    else:
                        score.wrong += 1
                        said = "; ".join(evidence_text(report, s) for s in position.evidence[-2:])
                        score.misses.append(
                            f"{where} {actor}: {position.stance} (expected {stance}) <- {said}"
                        )
                for actor_id, position in found.items():
                    if actor_id is None:
                        score.no_actor += 1
                        continue
                    speakers = {
                        (s.name or s.text).casefold()
                        for sid in position.evidence
                        if sid in report.evidence
                        for s in report.evidence[sid].stored.statement.speakers
                    }
                    if speakers and speakers <= none_speakers:
                        score.moved_by_none += 1
                        score.misses.append(f"{where} {actor_id}: moved by {sorted(speakers)}")
                    if actor_id in expected or actor_id in ignore:
                        continue
                    if position.counted:
                        score.counted += 1
                        continue
                    score.extra += 1
                    said = "; ".join(evidence_text(report, s) for s in position.evidence[-2:])
                    score.misses.append(f"{where} {actor_id}: extra {position.stance} <- {said}")
            rows = {
                " ".join(r["name"].split()).casefold(): r["actor"]
                for r in spec.get("speaker", [])
            }
            if rows:
                score_speakers(factbox.statements(), rows, score)
            for check in spec.get("decide", []):
                as_of = check["as_of"]
                decision = factbox.decide(check["proposal"], check["body"], as_of=as_of)
                score.decide_total += 1
                blockers_ok = set(check.get("blocking", [])) <= set(decision.blocking)
                if decision.outcome == check["outcome"] and blockers_ok:
                    score.decide_right += 1
                else:
                    score.misses.append(
                        f"decide {check['proposal']} {check['body']} {as_of}: "
                        f"{decision.outcome} blocking {decision.blocking} (expected "
                        f"{check['outcome']} blocking {check.get('blocking', [])})"
                    )
    if verbose:
        for miss in score.misses:
            print("  " + miss)
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args(argv)
    scores = []
    for set_dir in args.sets:
        if not (set_dir / "set.toml").is_file():
            print(f"heldout: {set_dir}: no set.toml", file=sys.stderr)
            return 1
        scores.append(score_set(set_dir, args.verbose))
        print(scores[-1].line(), flush=True)
    if len(scores) > 1:
        right = sum(s.right for s in scores)
        expected = sum(s.expected for s in scores)
        decided = sum(s.decide_right for s in scores)
        total = sum(s.decide_total for s in scores)
        print(f"all: positions {right}/{expected} right; decide {decided}/{total}")
    if args.json:
        args.json.write_text(
            json.dumps([{**vars(s), "expected": s.expected} for s in scores], indent=1),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

