"""Matching by meaning: statement vectors find a proposal nobody wrote synonyms for, the parse
rejects what the vector cannot tell apart, and every match says why it matched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from factbox import api
from factbox.cli import app
from factbox.records import Statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal
from factbox.stance.semantic import (
    SIMILARITY_THRESHOLD,
    Similarity,
    sentences_before,
    statement_text,
)
from factbox.store import Ledger

SACKS = """Shops told to stop handing out carrier sacks
Monday, 3 March 2025

LONDON (Test Wire) - Environment Minister Clara Holt said on Monday that supermarkets would \
have to stop giving shoppers single-use carrier sacks at the till from next year.

Holt also said that the rail timetable would change in May.
"""

BAGS = Proposal(
    "plastic-bags",
    "Ban plastic bags in supermarkets",
    "Shops may no longer give customers plastic bags",
)


@pytest.fixture()
def sacks_ledger(tmp_path: Path) -> Path:
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "sacks.txt").write_text(SACKS, encoding="utf-8")
    db = tmp_path / "l.db"
    api.ingest([wire], db)
    return db


def test_a_proposal_nobody_wrote_synonyms_for_is_found_by_meaning(sacks_ledger: Path) -> None:
    ledger = Ledger(sacks_ledger)
    contents = [s.statement.content for s in ledger.statements()]
    assert any("carrier sacks" in c for c in contents) and any("timetable" in c for c in contents)
    # the words alone find nothing: no "bag" in the copy, and the table has no set for it
    assert api.judge_ledger(ledger, [BAGS], nlp=_nlp(), search=False)[BAGS.slug] == []

    summary = api.add_proposal(BAGS, ledger)
    assert summary.matched == 1
    (found,) = ledger.judgements(BAGS.slug)
    assert "carrier sacks" in found.stored.statement.content
    assert found.found is not None
    similarity = found.found.match.slot("similarity")
    assert similarity is not None and similarity.similarity is not None
    assert similarity.similarity >= SIMILARITY_THRESHOLD
    assert similarity.phrase in (BAGS.title, BAGS.description, f"{BAGS.title}. {BAGS.description}")
    assert similarity.text == found.stored.statement.content


def test_the_positions_json_says_why_each_statement_matched(sacks_ledger: Path) -> None:
    runner = CliRunner()
    added = runner.invoke(
        app,
        ["proposal", "add", BAGS.slug, "--title", BAGS.title, "--description",
         BAGS.description, "--db", str(sacks_ledger)],
    )
    assert added.exit_code == 0, added.stderr
    shown = runner.invoke(
        app, ["positions", BAGS.slug, "--as-of", "2025-03-04", "--db", str(sacks_ledger),
              "--format", "json"],
    )
    quotes = [q for p in json.loads(shown.stdout)["positions"] for q in p["quotes"]]
    assert quotes
    for quote in quotes:
        slots = {m["slot"]: m for m in quote["match"]}
        assert slots["similarity"]["similarity"] >= SIMILARITY_THRESHOLD
        assert slots["similarity"]["phrase"]
        assert slots["similarity"]["span"] == quote["span"]


def _nlp() -> Language:
    from factbox.extract.nlp import load_nlp

    return load_nlp()


TROOPS = Proposal("troops", "Send troops to Ukraine", "Western states send ground troops there")
CLOSE = Similarity(0.9, TROOPS.title)


@pytest.mark.parametrize(
    "text",
    [
        "Britain would withdraw its soldiers from Ukraine by the summer.",  # another action
        "Britain would send its soldiers to Poland.",  # another place
        "The allies were already giving Ukraine support on a scale never seen.",  # other object
        "What mattered was getting equipment to Ukraine faster.",  # another theme
    ],
)
def test_the_parse_rejects_what_the_vector_cannot_tell_apart(nlp: Language, text: str) -> None:
    matcher = ProposalMatcher(nlp, [TROOPS])
    assert matcher.match_similar(nlp(text)[:], TROOPS.slug, CLOSE) is None


def test_a_statement_that_refers_back_matches_by_meaning_from_its_referring_phrase(
    nlp: Language,
) -> None:
    matcher = ProposalMatcher(nlp, [TROOPS])
    doc = nlp("Such a step would be reckless.")
    assert matcher.match(doc) == []
    found = matcher.match_similar(doc[:], TROOPS.slug, CLOSE)
    assert found is not None and found.score == CLOSE.score
    theme, similarity = found.evidence
    assert (theme.slot, theme.text) == ("theme", "step")
    assert (similarity.slot, similarity.similarity, similarity.phrase) == (
        "similarity",
        0.9,
        TROOPS.title,
    )


def test_a_referring_statement_is_embedded_with_the_sentences_before_it(nlp: Language) -> None:
    matcher = ProposalMatcher(nlp, [TROOPS])
    body = (
        "Kyiv asked for help. Paris floated sending troops.\n\nBerlin was silent. "
        "Moscow said that such a step meant war. It rained."
    )
    start = body.index("Moscow")
    content = "such a step meant war"
    statement = Statement(
        kind="indirect",
        cue="said",
        cue_span=None,
        content=content,
        content_span=(body.index(content), body.index(content) + len(content)),
        source_text="Moscow",
        source_span=None,
        span=(start, body.index(content) + len(content)),
    )
    assert sentences_before(body, start) == "Berlin was silent."
    assert sentences_before(body, start, 3) == (
        "Kyiv asked for help. Paris floated sending troops. Berlin was silent."
    )
    assert sentences_before(body, body.index("Kyiv"), 3) == ""
    assert statement_text(body, statement, matcher.context_sentences) == (
        "Kyiv asked for help. Paris floated sending troops. Berlin was silent. "
        "Moscow said that such a step meant war"
    )
    plain = Statement(**{**_fields(statement), "content": "rain fell on the city"})
    assert statement_text(body, plain, matcher.context_sentences) == "rain fell on the city"
    # a short content led by a pronoun is embedded with the one sentence before, where what
    # it may stand for is searched
    pronoun = Statement(**{**_fields(statement), "content": "it meant war"})
    assert statement_text(body, pronoun, matcher.context_sentences) == (
        "Berlin was silent. Moscow said that it meant war"
    )


def _fields(statement: Statement) -> dict[str, object]:
    return {name: getattr(statement, name) for name in Statement.__dataclass_fields__}
