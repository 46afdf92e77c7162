"""Proposals, judgements and corrections in the ledger, on real SQLite with the real parser:
storage round trip, corrections winning over extraction, re-judging when a proposal is
added or changed, and re-ingest keeping both."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from spacy.language import Language

from factbox import api
from factbox.extract.nlp import load_nlp
from factbox.records import Article, InputError, Speaker, Statement
from factbox.stance import Proposal, ProposalMatcher
from factbox.store import Ledger
from factbox.store.judgements import MatchedJudgement, StoredJudgement
from factbox.store.schema import SCHEMA_VERSION

TROOPS = Proposal(
    slug="send-troops",
    title="Send troops to Ukraine",
    description="Western states send ground troops to Ukraine",
    bodies=["nato"],
)

FICO = """Slovakia will not send soldiers, Fico says
Monday, 26 February 2024

BRATISLAVA (Test Wire) - Slovak Prime Minister Robert Fico said on Monday that Slovakia \
would not send any soldiers to Ukraine.

Fico also said his government would keep selling ammunition to Kyiv through private firms.
"""

FIALA = """Czech leader keeps troops option open
Tuesday, 27 February 2024

PRAGUE (Test Wire) - Czech Prime Minister Petr Fiala said on Tuesday that sending troops \
to Ukraine could not be ruled out.

Fiala added that the Czech ammunition plan had raised enough money for 300,000 shells.
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture()
def wire(tmp_path: Path) -> Path:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "fico.txt").write_text(FICO, encoding="utf-8")
    (folder / "fiala.txt").write_text(FIALA, encoding="utf-8")
    return folder


# -- statements by hand, judged on the real parse --------------------------------------------

BODY = (
    "Robert Fico said on Monday that Slovakia would not send soldiers to Ukraine. "
    "Petr Fiala said on Tuesday that sending troops to Ukraine could not be ruled out. "
    "Fiala said the ammunition plan had raised enough money."
)


def make_article(body: str = BODY, key: str = "wire/1") -> Article:
    return Article(
        key=key,
        source_name=f"{key}.txt",
        format="text",
        raw=body,
        body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        title="Troops debate",
        published=dt.date(2024, 2, 27),
    )


def statement_in(
    body: str, content: str, name: str, actor_id: str, actor: str, said_on: dt.date
) -> Statement:
    c0 = body.index(content)
    s0 = body.rindex(name, 0, c0)
    cue0 = body.index("said", s0)
    return Statement(
        kind="indirect",
        cue="said",
        cue_span=(cue0, cue0 + 4),
        content=content,
        content_span=(c0, c0 + len(content)),
        source_text=name,
        source_span=(s0, s0 + len(name)),
        span=(s0, c0 + len(content)),
        speakers=[
            Speaker(
                text=name,
                span=(s0, s0 + len(name)),
                name=name,
                actor_id=actor_id,
                actor=actor,
                actor_kind="country",
            )
        ],
        said_on=said_on,
    )


def hand_statements(body: str = BODY) -> list[Statement]:
    return [
        statement_in(
            body,
            "Slovakia would not send soldiers to Ukraine",
            "Robert Fico",
            "SK",
            "Slovakia",
            dt.date(2024, 2, 26),
        ),
        statement_in(
            body,
            "sending troops to Ukraine could not be ruled out",
            "Petr Fiala",
            "CZ",
            "Czechia",
            dt.date(2024, 2, 27),
        ),
        statement_in(
            body,
            "the ammunition plan had raised enough money",
            "Fiala",
            "CZ",
            "Czechia",
            dt.date(2024, 2, 27),
        ),
    ]


def judged_ledger(tmp_path: Path, nlp: Language) -> tuple[Ledger, list[list[MatchedJudgement]]]:
    """A ledger holding the hand-made statements, judged at save time on the real parse."""
    ledger = Ledger(tmp_path / "l.db")
    ledger.save_proposal(TROOPS)
    found = hand_statements()
    doc = nlp(BODY)
    matcher = ProposalMatcher(nlp, [TROOPS])
    judged = [api.judge(doc, s, matcher) for s in found]
    ledger.save_article(make_article(), found, judged=judged)
    return ledger, judged


def stances(ledger: Ledger) -> dict[str | None, str]:
    return {p.actor_id: p.stance for p in api.positions(TROOPS.slug, ledger).positions}


def test_judgements_round_trip_with_offsets_into_the_body(tmp_path: Path, nlp: Language) -> None:
    ledger, judged = judged_ledger(tmp_path, nlp)
    stored = ledger.judgements(TROOPS.slug)
    saved = [j for per_statement in judged for j in per_statement]
    assert saved, "the troops sentences must match the proposal"
    assert [item.found for item in stored] == saved
    for item in stored:
        assert item.found is not None
        for cue in item.found.judgement.cues:
            assert BODY[cue.span[0] : cue.span[1]] == cue.text
        for word in item.found.match.evidence:
            assert BODY[word.span[0] : word.span[1]] == word.text
        start, end = item.found.evidence_span
        assert 0 <= start < end <= len(BODY)
        assert item.stored.statement.source_span is not None  # provenance: who said it, where
    ammunition = ledger.statements()[2]
    assert ammunition.id not in {item.stored.id for item in stored}


def test_positions_come_from_the_stored_judgements(tmp_path: Path, nlp: Language) -> None:
    ledger, judged = judged_ledger(tmp_path, nlp)
    report = api.positions(TROOPS.slug, ledger, as_of=dt.date(2024, 2, 28))
    expected = {
        s.speakers[0].actor_id: j[0].judgement.stance
        for s, j in zip(hand_statements(), judged, strict=True)
        if j and j[0].judgement.about == "speaker"
    }
    assert {p.actor_id: p.stance for p in report.positions} == expected
    for position in report.positions:
        for statement_id in position.evidence:
            assert report.evidence[statement_id].stored.statement.said_on is not None
    early = api.positions(TROOPS.slug, ledger, as_of=dt.date(2024, 2, 26))
    assert {p.actor_id for p in early.positions} == {"SK"} & set(expected)


def test_a_stance_correction_wins_and_the_latest_correction_wins(
    tmp_path: Path, nlp: Language
) -> None:
    ledger, judged = judged_ledger(tmp_path, nlp)
    fico = ledger.statements()[0]
    extracted = judged[0][0].judgement.stance
    corrected = "supports" if extracted != "supports" else "opposes"
    api.correct(fico.id, "stance", corrected, ledger, proposal=TROOPS.slug, editor="ed")
    assert stances(ledger)["SK"] == corrected
    [change] = [c for c in api.positions(TROOPS.slug, ledger).history if c.actor_id == "SK"]
    assert change.source == "correction" and change.statement_id == fico.id
    api.correct(fico.id, "stance", "unclear", ledger, proposal=TROOPS.slug, editor="ed2")
    assert stances(ledger)["SK"] == "unclear"
    # the extraction is still there, beside the corrections
    [found] = [j for j in ledger.judgements(TROOPS.slug) if j.stored.id == fico.id]
    assert found.found is not None and found.found.judgement.stance == extracted
    assert [c.value for c in found.corrections] == [corrected, "unclear"]


def test_a_stance_correction_ties_a_statement_the_matcher_missed(
    tmp_path: Path, nlp: Language
) -> None:
    ledger, _ = judged_ledger(tmp_path, nlp)
    ammunition = ledger.statements()[2]
    assert ammunition.id not in {j.stored.id for j in ledger.judgements(TROOPS.slug)}
    api.correct(ammunition.id, "stance", "supports", ledger, proposal=TROOPS.slug)
    report = api.positions(TROOPS.slug, ledger)
    [czech] = [p for p in report.positions if p.actor_id == "CZ"]
    assert ammunition.id in czech.evidence
    assert report.evidence[ammunition.id].judged.source == "correction"


def test_not_statement_and_speaker_corrections(tmp_path: Path, nlp: Language) -> None:
    ledger, _ = judged_ledger(tmp_path, nlp)
    fiala = ledger.statements()[1]
    before = stances(ledger)
    assert "CZ" in before
    api.correct(fiala.id, "not_statement", True, ledger, reason="a headline, not a quote")
    assert "CZ" not in stances(ledger)
    api.correct(fiala.id, "not_statement", False, ledger)
    assert stances(ledger) == before
    api.correct(
        fiala.id,
        "speaker",
        [{"actor_id": "PL", "actor": "Poland", "actor_kind": "country"}],
        ledger,
    )
    after = stances(ledger)
    assert "CZ" not in after and after["PL"] == before["CZ"]


@pytest.mark.parametrize(
    ("field", "value", "proposal", "problem"),
    [
        ("stance", "opposes", None, "needs a proposal"),
        ("stance", "against", "send-troops", "stance must be one of"),
        ("stance", "opposes", "no-such-proposal", "no such proposal"),
        ("not_statement", "yes", None, "true or false"),
        ("speaker", "Poland", None, "list of actors"),
        ("speaker", [{"actor_kind": "tribe"}], None, "actor_kind"),
        ("kind", "direct", None, "cannot correct"),
    ],
)
def test_bad_corrections_are_refused(
    tmp_path: Path,
    nlp: Language,
    field: str,
    value: object,
    proposal: str | None,
    problem: str,
) -> None:
    ledger, _ = judged_ledger(tmp_path, nlp)
    statement_id = ledger.statements()[0].id
    with pytest.raises(InputError, match=problem):
        api.correct(statement_id, field, value, ledger, proposal=proposal)  # type: ignore[arg-type]
    assert ledger.corrections() == []


def test_a_correction_of_a_missing_statement_is_refused(tmp_path: Path, nlp: Language) -> None:
    ledger, _ = judged_ledger(tmp_path, nlp)
    with pytest.raises(InputError, match="no such statement"):
        api.correct(9999, "stance", "opposes", ledger, proposal=TROOPS.slug)


# -- through ingest ----------------------------------------------------------------------------


def judgement_rows(ledger: Ledger) -> list[tuple[int, int, str]]:
    with ledger.engine.connect() as conn:
        rows = conn.execute(
            sa.text("select id, statement_id, stance from judgements order by id")
        ).all()
    return [(r[0], r[1], r[2]) for r in rows]


def comparable(ledger: Ledger) -> set[tuple[object, ...]]:
    """Judgements with what identifies their statement in the text, not its id."""
    return {
        (
            item.stored.article.key,
            item.stored.statement.content_span,
            item.found.judgement,
            item.found.match,
        )
        for item in ledger.judgements(TROOPS.slug)
        if item.found is not None
    }


def test_adding_a_proposal_judges_what_is_already_stored(wire: Path, tmp_path: Path) -> None:
    later = Ledger(tmp_path / "later.db")
    api.ingest([wire], later)
    assert later.judgement_count() == 0
    ticks: list[tuple[int, int]] = []
    summary = api.add_proposal(
        TROOPS, later, progress=lambda done, total: ticks.append((done, total))
    )
    assert summary.outcome == "added"
    assert ticks[0] == (0, 2) and ticks[-1] == (2, 2)

    first = Ledger(tmp_path / "first.db")
    api.add_proposal(TROOPS, first)
    api.ingest([wire], first)

    # parsing only the paragraphs around each statement judges as parsing whole articles does
    assert comparable(later) == comparable(first)
    assert summary.matched == later.judgement_count(TROOPS.slug) == len(comparable(later)) > 0


def test_changing_a_proposal_rejudges_and_keeps_corrections(wire: Path, tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    api.ingest([wire], ledger)
    api.add_proposal(TROOPS, ledger)
    rows = judgement_rows(ledger)
    assert rows
    assert api.add_proposal(TROOPS, ledger).outcome == "unchanged"
    assert judgement_rows(ledger) == rows

    statement_id = rows[0][1]
    api.correct(statement_id, "stance", "supports", ledger, proposal=TROOPS.slug)
    # Same slug, another proposal: nothing in the wire is about a no-fly zone.
    changed = Proposal(slug=TROOPS.slug, title="Impose a no-fly zone over Ukraine")
    summary = api.add_proposal(changed, ledger)
    assert summary.outcome == "changed" and summary.matched == 0
    assert ledger.proposal(TROOPS.slug) == changed
    assert judgement_rows(ledger) == []
    # the editor's correction survives, and alone still ties its statement to the proposal
    [correction] = ledger.corrections(statement_id)
    assert correction.value == "supports"
    report = api.positions(TROOPS.slug, ledger)
    assert list(report.evidence) == [statement_id]
    assert report.evidence[statement_id].judged.stance == "supports"

    back = api.add_proposal(TROOPS, ledger)
    assert back.outcome == "changed"
    assert [(r[1], r[2]) for r in judgement_rows(ledger)] == [(r[1], r[2]) for r in rows]


def test_reingest_keeps_judgements_and_corrections(wire: Path, tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    api.add_proposal(TROOPS, ledger)
    api.ingest([wire], ledger)
    rows = judgement_rows(ledger)
    assert rows
    statement_id = rows[0][1]
    api.correct(statement_id, "stance", "unclear", ledger, proposal=TROOPS.slug)
    before = api.positions(TROOPS.slug, ledger)

    summary = api.ingest([wire], ledger)
    assert summary.ingested == [] and len(summary.unchanged) == 2
    assert judgement_rows(ledger) == rows
    after = api.positions(TROOPS.slug, ledger)
    assert after.positions == before.positions
    assert after.evidence[statement_id].judged.stance == "unclear"


def test_a_revised_article_is_judged_and_its_old_revision_no_longer_counts(
    wire: Path, tmp_path: Path
) -> None:
    ledger = Ledger(tmp_path / "l.db")
    api.add_proposal(TROOPS, ledger)
    api.ingest([wire], ledger)
    old_ids = {j.stored.id for j in ledger.judgements(TROOPS.slug)}
    (wire / "fico.txt").write_text(
        FICO.replace("would not send any soldiers", "was ready to send soldiers"),
        encoding="utf-8",
    )
    assert len(api.ingest([wire], ledger).revised) == 1
    current = ledger.judgements(TROOPS.slug)
    fico = [j for j in current if j.stored.article.key.endswith("fico.txt")]
    assert fico and all(j.stored.id not in old_ids for j in fico)
    assert all("ready to send" in j.stored.statement.content for j in fico)


def fico_judgement(ledger: Ledger) -> StoredJudgement:
    (fico,) = [
        j
        for j in ledger.judgements(TROOPS.slug)
        if j.stored.article.key.endswith("fico.txt") and "soldiers" in j.stored.statement.content
    ]
    return fico


def test_a_correction_follows_its_statement_into_a_revision(wire: Path, tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    api.add_proposal(TROOPS, ledger)
    api.ingest([wire], ledger)
    old = fico_judgement(ledger)
    fix = api.correct(
        old.stored.id, "stance", "open", ledger, proposal=TROOPS.slug, editor="kb", reason="hedge"
    )
    # The wire adds a paragraph and fixes a typo elsewhere; Fico's sentence is unchanged.
    (wire / "fico.txt").write_text(
        FICO.replace("private firms", "private companies")
        + "\nThe Slovak parliament is due to debate the budget in March.\n",
        encoding="utf-8",
    )
    assert len(api.ingest([wire], ledger).revised) == 1
    new = fico_judgement(ledger)
    assert new.stored.id != old.stored.id
    assert new.stored.article.revision == 2
    (carried,) = new.corrections
    assert (carried.field, carried.value, carried.editor, carried.reason) == (
        "stance",
        "open",
        "kb",
        "hedge",
    )
    assert carried.carried_from == fix.id
    assert carried.created_at == fix.created_at
    report = api.positions(TROOPS.slug, ledger)
    assert report.evidence[new.stored.id].judged.stance == "open"
    assert old.stored.id not in report.evidence
    # The old revision keeps its own correction.
    assert [c.id for c in ledger.corrections(old.stored.id)] == [fix.id]


def test_a_correction_stays_behind_when_its_statement_changes(wire: Path, tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    api.add_proposal(TROOPS, ledger)
    api.ingest([wire], ledger)
    old = fico_judgement(ledger)
    api.correct(old.stored.id, "stance", "open", ledger, proposal=TROOPS.slug)
    (wire / "fico.txt").write_text(
        FICO.replace("would not send any soldiers", "might send a few soldiers"),
        encoding="utf-8",
    )
    assert len(api.ingest([wire], ledger).revised) == 1
    new = fico_judgement(ledger)
    assert "might send" in new.stored.statement.content
    assert new.corrections == []
    assert api.positions(TROOPS.slug, ledger).evidence[new.stored.id].judged.source == "extraction"


def test_a_typo_fixed_in_the_statement_keeps_its_correction(wire: Path, tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "l.db")
    api.add_proposal(TROOPS, ledger)
    api.ingest([wire], ledger)
    old = fico_judgement(ledger)
    api.correct(old.stored.id, "not_statement", True, ledger)
    typo = FICO.replace("would not send any", "woud not send any")
    assert typo != FICO
    (wire / "fico.txt").write_text(typo, encoding="utf-8")
    assert len(api.ingest([wire], ledger).revised) == 1
    new = [
        j
        for j in ledger.statements()
        if j.article.key.endswith("fico.txt") and "soldiers" in j.statement.content
    ]
    assert [c.field for s in new for c in ledger.corrections(s.id)] == ["not_statement"]


def test_a_version_2_ledger_gains_the_carried_from_column(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    Ledger(path).save_article(make_article(), hand_statements())
    with sqlite3.connect(path) as conn:
        conn.execute("alter table corrections drop column carried_from")
        conn.execute("update meta set value = '2' where name = 'schema_version'")
    ledger = Ledger(path)
    with ledger.engine.connect() as conn:
        version = conn.execute(
            sa.text("select value from meta where name = 'schema_version'")
        ).scalar_one()
        columns = {c["name"] for c in sa.inspect(conn).get_columns("corrections")}
    assert int(version) == SCHEMA_VERSION == 8
    assert "carried_from" in columns
    (first, *_) = ledger.statements()
    assert api.correct(first.id, "not_statement", True, ledger).carried_from is None


def test_an_older_ledger_gets_the_new_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Ledger(path).save_article(make_article(), hand_statements())
    with sqlite3.connect(path) as conn:  # back to what a version-1 ledger held
        for table in ("corrections", "judgements", "proposals"):
            conn.execute(f"drop table {table}")
        conn.execute("update meta set value = '1' where name = 'schema_version'")
    ledger = Ledger(path)
    with ledger.engine.connect() as conn:
        version = conn.execute(
            sa.text("select value from meta where name = 'schema_version'")
        ).scalar_one()
        tables = set(sa.inspect(conn).get_table_names())
    assert int(version) == SCHEMA_VERSION
    assert {"proposals", "judgements", "corrections"} <= tables
    assert len(ledger.statements()) == 3
    assert ledger.save_proposal(TROOPS) == "added"


def test_a_proposal_added_later_finds_what_a_statement_refers_back_to(
    tmp_path: Path, nlp: Language
) -> None:
    # The antecedent is two paragraphs up: the window parsed for the statement takes it in.
    body = (
        "Fico said on Monday that Western countries could send soldiers to Ukraine.\n\n"
        "MOSCOW\n\n"
        "Peskov said such a step would lead to a direct conflict with NATO."
    )
    statement = statement_in(
        body,
        "such a step would lead to a direct conflict with NATO",
        "Peskov",
        "RU",
        "Russia",
        dt.date(2024, 2, 27),
    )
    ledger = Ledger(tmp_path / "later.db")
    ledger.save_article(make_article(body, key="wire/2"), [statement])
    found = api.judge_ledger(ledger, [TROOPS], nlp=nlp)[TROOPS.slug]
    assert len(found) == 1
    _, judged = found[0]
    assert (judged.judgement.stance, judged.judgement.about) == ("opposes", "speaker")
    antecedent = [e for e in judged.match.evidence if e.slot == "antecedent"]
    assert antecedent and all(body[e.span[0] : e.span[1]] == e.text for e in antecedent)
    assert judged.evidence_span[0] < body.index("MOSCOW") < judged.evidence_span[1]


def test_a_window_reaching_back_takes_in_the_windows_it_overlaps(
    tmp_path: Path, nlp: Language
) -> None:
    body = (
        "Fico said on Monday that Western countries could send soldiers to Ukraine.\n\n"
        "Orban said the talks in Paris had run late into the night.\n\n"
        "Peskov said such a step would lead to a direct conflict with NATO."
    )
    statements = [
        statement_in(body, "the talks in Paris had run late into the night", "Orban", "HU",
                     "Hungary", dt.date(2024, 2, 27)),
        statement_in(body, "such a step would lead to a direct conflict with NATO", "Peskov",
                     "RU", "Russia", dt.date(2024, 2, 27)),
    ]
    ledger = Ledger(tmp_path / "windows.db")
    ledger.save_article(make_article(body, key="wire/3"), statements)
    matcher = ProposalMatcher(nlp, [TROOPS])
    stored = ledger.statements()
    (window,) = api.paragraph_windows(body, stored, matcher.may_refer_back)
    assert (window.start, window.end) == (0, len(body))
    assert [s.id for s in api.paragraph_windows(body, stored)[0].statements] == [stored[0].id]
    found = api.judge_ledger(ledger, [TROOPS], nlp=nlp)[TROOPS.slug]
    assert [(stored_id, j.judgement.stance) for stored_id, j in found] == [
        (stored[1].id, "opposes")
    ]
