"""Matching by meaning: statement vectors find a proposal nobody wrote synonyms for, the parse
rejects what the vector cannot tell apart, and every match says why it matched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from factbox import api, pipeline
from factbox.cli import app
from factbox.embed import load_encoder
from factbox.ingesting import vector_model
from factbox.pipeline import NearStatements, search_ledger
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


def _recording_search(log: Path, fail_in_child: bool = False) -> Callable[..., NearStatements]:
    """``search_ledger`` that notes the process it ran in (and fails in a child if asked)."""
    parent = os.getpid()

    def search(*args: Any, **kwargs: Any) -> NearStatements:
        if fail_in_child and os.getpid() != parent:
            raise RuntimeError("a child that fails")
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return search_ledger(*args, **kwargs)

    return search


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
@pytest.mark.parametrize("fails_in_child", [False, True])
def test_the_search_beside_the_pipeline_runs_in_a_child_or_else_in_the_process(
    sacks_ledger: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails_in_child: bool
) -> None:
    ledger = Ledger(sacks_ledger)
    load_encoder.cache_clear()  # a process that has the encoder searches on a thread
    log = tmp_path / "searched.txt"
    monkeypatch.setattr(pipeline, "search_ledger", _recording_search(log, fails_in_child))
    with pipeline.searching_aside(ledger, [BAGS]) as searched:
        aside = searched()
    here = search_ledger(ledger, [BAGS])
    assert here.close  # the sacks statement is close to the proposal
    assert aside == here
    searched_in = [int(pid) for pid in log.read_text().split()]
    assert len(searched_in) == 1
    assert (searched_in[0] == os.getpid()) == fails_in_child  # a failed child: here again


def test_vectors_the_child_embeds_are_stored_for_the_process(tmp_path: Path) -> None:
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "sacks.txt").write_text(SACKS, encoding="utf-8")
    db = tmp_path / "l.db"
    api.ingest([wire], db, vectors=False)
    ledger = Ledger(db)
    encoder = load_encoder()
    model = vector_model(encoder)
    assert ledger.statements_without_vectors(model, encoder.dimension)
    load_encoder.cache_clear()  # so the search forks
    assert pipeline._can_fork(ledger) == sys.platform.startswith("linux")
    with pipeline.searching_aside(ledger, [BAGS]) as searched:
        assert searched().close
    assert ledger.statements_without_vectors(model, encoder.dimension) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
def test_a_ledger_in_memory_or_a_loaded_encoder_is_not_searched_in_a_child(
    sacks_ledger: Path,
) -> None:
    load_encoder.cache_clear()
    assert pipeline._can_fork(Ledger(sacks_ledger))
    assert not pipeline._can_fork(Ledger("sqlite://"))  # a child would see its own, empty
    load_encoder()
    assert not pipeline._can_fork(Ledger(sacks_ledger))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
def test_output_waiting_in_the_buffer_is_not_written_again_by_the_child(
    sacks_ledger: Path,
) -> None:
    code = (
        "import sys\n"
        "from factbox import pipeline\n"
        "from factbox.stance.records import Proposal\n"
        "from factbox.store import Ledger\n"
        "sys.stdout.write('before, ')\n"
        f"ledger = Ledger({str(sacks_ledger)!r})\n"
        f"bags = Proposal({BAGS.slug!r}, {BAGS.title!r}, {BAGS.description!r})\n"
        "with pipeline.searching_aside(ledger, [bags]) as searched:\n"
        "    print(len(searched().close))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "before, 1\n"
