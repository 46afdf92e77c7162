"""``factbox reextract``: extraction run again on a ledger's articles, corrections kept.

The ledger is first filled with an extraction that differs from today's on purpose (one
statement missing, one speaker wrong, one statement that is not there at all), with editors'
corrections on them; re-extracting must report each difference and lose no correction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from factbox import api
from factbox.cli import app
from factbox.extract import extract_article
from factbox.extract.nlp import load_nlp
from factbox.extract.parses import parse_model, restore_parse
from factbox.records import Article, Speaker, Statement
from factbox.stance import Proposal
from factbox.store import Ledger

POLNEAR = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear"
TROOPS = Proposal(
    slug="troops",
    title="Send troops to Ukraine",
    description="Western states send ground troops or soldiers to Ukraine",
)
BODY = (
    "Slovak Prime Minister Robert Fico said on Monday that Slovakia would not send soldiers "
    "to Ukraine.\n\n"
    "Czech Prime Minister Petr Fiala said on Tuesday that sending troops to Ukraine could not "
    "be ruled out.\n\n"
    "Poland rejected the idea of a bilateral deployment."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def make_article(body: str = BODY) -> Article:
    return Article(
        key="wire/1",
        source_name="wire/1.txt",
        format="text",
        raw=body,
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        title="Troops debate",
        published=dt.date(2024, 2, 27),
    )


def containing(statements: list[Statement], words: str) -> Statement:
    (found,) = [s for s in statements if words in s.content]
    return found


def stale_ledger(tmp_path: Path, nlp: Language) -> tuple[Ledger, dict[str, int]]:
    """A ledger with an older extraction of BODY and three editors' corrections."""
    fresh = extract_article(nlp(BODY), make_article()).statements
    fiala = containing(fresh, "could not be ruled out")
    wrong = dataclasses.replace(
        fiala, speakers=[dataclasses.replace(fiala.speakers[0], actor_id="SK", actor="Slovakia")]
    )
    start = BODY.index("a bilateral deployment")
    junk = Statement(
        kind="indirect",
        cue="rejected",
        cue_span=None,
        content="a bilateral deployment",
        content_span=(start, start + len("a bilateral deployment")),
        source_text="",
        source_span=None,
        span=(start, start + len("a bilateral deployment")),
        speakers=[Speaker(text="", span=None)],
    )
    poland = containing(fresh, "the idea")
    stale = [wrong, poland, junk]  # Fico's statement is missing
    ledger = Ledger(tmp_path / "l.db")
    ledger.save_proposal(TROOPS)
    ledger.save_article(make_article(), stale)
    ids = {s.statement.content: s.id for s in ledger.statements()}
    api.correct(ids[fiala.content], "stance", "opposes", ledger, proposal="troops", editor="ed")
    actor = [{"actor_id": "PL", "actor": "Poland", "actor_kind": "country"}]
    api.correct(ids[junk.content], "speaker", actor, ledger, editor="ed")
    api.correct(ids[poland.content], "not_statement", True, ledger, editor="ed")
    return ledger, {
        "fiala": ids[fiala.content],
        "junk": ids[junk.content],
        "poland": ids[poland.content],
    }


def test_reextract_reports_changes_and_keeps_every_correction(
    tmp_path: Path, nlp: Language
) -> None:
    ledger, old = stale_ledger(tmp_path, nlp)
    summary = api.reextract(ledger)
    assert summary.ok
    (result,) = summary.articles
    assert result.outcome == "revised"
    changes = {(c.change, c.statement.content): c.fields for c in result.changes}
    assert ("added", "Slovakia would not send soldiers to Ukraine") in changes
    assert changes[("changed", "sending troops to Ukraine could not be ruled out")] == ("speakers",)
    assert not any(change == "removed" for change, _ in changes)  # the junk was corrected
    assert [s.content for s in result.kept] == ["a bilateral deployment"]
    assert result.carried == 2

    current = {s.statement.content: s for s in ledger.statements()}
    assert (
        current["sending troops to Ukraine could not be ruled out"].statement.speakers[0].actor_id
        == "CZ"
    )
    assert current["Slovakia would not send soldiers to Ukraine"].article.revision == 2
    carried = {
        fix.carried_from: fix for fix in ledger.corrections() if fix.carried_from is not None
    }
    originals = {fix.id: fix for fix in ledger.corrections() if fix.carried_from is None}
    assert set(carried) == set(originals)
    for original_id, copy in carried.items():
        original = originals[original_id]
        assert (copy.field, copy.value, copy.editor) == (
            original.field,
            original.value,
            original.editor,
        )
        assert current_content(ledger, copy.statement_id) == current_content(
            ledger, original.statement_id, revision=1
        )
    # The editor's stance still wins over extraction ("could not be ruled out": open).
    positions = {p.actor_id: p.stance for p in api.positions("troops", ledger).positions}
    assert positions["CZ"] == "opposes"


def current_content(ledger: Ledger, statement_id: int, revision: int = 2) -> str:
    for row in ledger.articles(all_revisions=True):
        if row.ref.revision == revision:
            for stored in ledger.statements(article_id=row.ref.id):
                if stored.id == statement_id:
                    return stored.statement.content
    raise AssertionError(f"statement {statement_id} not in revision {revision}")


def test_reextract_twice_changes_nothing_the_second_time(tmp_path: Path, nlp: Language) -> None:
    ledger, _ = stale_ledger(tmp_path, nlp)
    api.reextract(ledger)
    before = ledger.statements()
    again = api.reextract(ledger)
    assert [a.outcome for a in again.articles] == ["unchanged"]
    assert again.count("added") == again.count("removed") == again.count("changed") == 0
    assert [s.id for s in ledger.statements()] == [s.id for s in before]
    assert len(ledger.articles(all_revisions=True)) == 2


def test_reextract_keeps_the_parse_of_an_article_stored_without_one(
    tmp_path: Path, nlp: Language
) -> None:
    ledger, _ = stale_ledger(tmp_path, nlp)
    (before,) = ledger.articles()
    assert ledger.article_parses([before.ref.id], parse_model(nlp)) == {}
    api.reextract(ledger)  # revised: the new revision has the parse
    (revised,) = ledger.articles()
    (kept,) = ledger.article_parses([revised.ref.id], parse_model(nlp))[revised.ref.id]
    assert (kept.start, kept.end) == (0, len(BODY))
    assert [t.lemma_ for t in restore_parse(kept, nlp.vocab)] == [t.lemma_ for t in nlp(BODY)]
    ledger.save_parses(revised.ref.id, [])
    api.reextract(ledger)  # unchanged: the same revision gets its parse again
    assert [a.ref.id for a in ledger.articles()] == [revised.ref.id]
    assert ledger.article_parses([revised.ref.id], parse_model(nlp))[revised.ref.id] == [kept]


def test_reextract_on_the_command_line(tmp_path: Path, nlp: Language) -> None:
    ledger, _ = stale_ledger(tmp_path, nlp)
    db = str(ledger.url.removeprefix("sqlite:///"))
    ledger.close()
    result = CliRunner().invoke(app, ["reextract", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.stdout)
    assert (article["outcome"], article["added"], article["changed"]) == ("revised", 1, 1)
    assert [k["content"] for k in article["kept_for_corrections"]] == ["a bilateral deployment"]
    assert "statements added 1" in result.stderr


def test_reextract_needs_a_usable_ledger(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "l.db"
    result = CliRunner().invoke(app, ["reextract", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"factbox: error: {missing}:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_reextract_on_a_polnear_article_is_stable(tmp_path: Path) -> None:
    source = POLNEAR / "dev" / "text" / "wash-post_2016-09-12_clinton-calls-half-of-trump-supp.txt"
    if not source.is_file():
        candidates = sorted((POLNEAR / "dev" / "text").glob("wash-post_*.txt"))
        if not candidates:
            pytest.skip("PolNeAR corpus not available")
        source = candidates[0]
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    ledger = Ledger(tmp_path / "p.db")
    api.ingest([copy], ledger)
    before = [s.id for s in ledger.statements()]
    assert before
    summary = api.reextract(ledger)
    assert [a.outcome for a in summary.articles] == ["unchanged"]
    assert [s.id for s in ledger.statements()] == before


def stance_set_articles(proposal: str, count: int) -> list[Path]:
    """The ``count`` PolNeAR articles with the most items on ``proposal`` in the real-news
    stance set (bench/stance_real/), or a skip when PolNeAR is absent."""
    import tomllib
    from collections import Counter

    folder = Path(__file__).parents[2] / "bench" / "stance_real"
    split_of = {
        entry["file"]: entry["split"]
        for entry in tomllib.loads((folder / "articles.toml").read_text())["article"]
    }
    items = [json.loads(line) for line in (folder / "items.jsonl").read_text().splitlines()]
    most = Counter(item["article"] for item in items if item["proposal"] == proposal)
    paths = [POLNEAR / split_of[name] / "text" / name for name, _ in most.most_common(count)]
    if not all(path.is_file() for path in paths):
        pytest.skip("PolNeAR corpus not available")
    return paths


def test_reextract_judges_by_meaning_as_ingest_does(tmp_path: Path) -> None:
    """Statements tied to a proposal by their vectors keep those ties when nothing changed."""
    refugees = Proposal(
        slug="syrian-refugees",
        title="Take in Syrian refugees",
        description="The United States and other countries admit and resettle refugees "
        "fleeing the war in Syria",
    )
    folder = tmp_path / "in"
    folder.mkdir()
    for source in stance_set_articles(refugees.slug, 4):
        shutil.copy(source, folder / source.name)
    ledger = Ledger(tmp_path / "m.db")
    ledger.save_proposal(refugees)
    api.ingest([folder], ledger)

    def ties() -> dict[tuple[str, tuple[int, int], str], tuple[str, tuple[str, ...]]]:
        """(article, statement span, proposal) -> (stance, the kinds of evidence)."""
        stored = {s.id: s for s in ledger.statements()}
        found = ledger.judgements_of(stored)
        return {
            (stored[statement_id].article.key, stored[statement_id].statement.span, slug): (
                judged.judgement.stance,
                tuple(e.slot for e in judged.match.evidence),
            )
            for statement_id, by_slug in found.items()
            for slug, judged in by_slug.items()
        }

    before = ties()
    assert any("similarity" in slots for _, slots in before.values())
    # the people of later articles may now name a speaker more fully: a new revision
    api.reextract(ledger)
    assert ties() == before


def test_reextract_parses_a_long_article_in_the_parts_ingest_did(tmp_path: Path) -> None:
    paragraphs = [BODY] + [
        f"Minister {name} said on Monday that the talks in round {n} had gone well."
        for n, name in enumerate(["Anna Berg", "Jan Novak", "Eva Lind", "Piotr Zielinski"])
    ]
    source = tmp_path / "long.txt"
    source.write_text("Troops debate\n\n" + "\n\n".join(paragraphs))
    ledger = Ledger(tmp_path / "long.db")
    with api.opened(ledger) as factbox:
        ingested = factbox.ingest([source], part_chars=200)
        assert ingested.notes
        before = [(s.id, s.statement.span) for s in ledger.statements()]
        summary = factbox.reextract(part_chars=200)
    assert [note.note for note in summary.notes] == [note.note for note in ingested.notes]
    assert [a.outcome for a in summary.articles] == ["unchanged"]
    assert [(s.id, s.statement.span) for s in ledger.statements()] == before
