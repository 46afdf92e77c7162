"""Judging a proposal added after ingest reads the parse ingest kept of each article
(``factbox.extract.parses``) instead of parsing again; an article kept without one (an older
ledger's) has its statements' paragraphs parsed again, and the judgements are the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from factbox import api, pipeline
from factbox.extract.parses import keep_parse, parse_model, restore_parse
from factbox.stance import load_proposals
from factbox.stance.records import MatchedJudgement
from factbox.store import Ledger
from factbox.store.parses import StoredParse

TEXT = (
    "Czech Prime Minister Petr Fiala said on Tuesday that Prague would not send troops.\n\n"
    '"Nothing should be ruled out," Macron told reporters in Paris, adding that the '
    "allies had no consensus."
)


def token_rows(doc: object) -> list[tuple[object, ...]]:
    return [
        (t.text, t.whitespace_, t.lemma_, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i)
        + (t.ent_iob_, t.ent_type_, t.is_sent_start, t.is_stop, t.norm_)
        for t in doc  # type: ignore[attr-defined]
    ]


def test_a_kept_parse_restores_the_parse_extraction_read(nlp: Language) -> None:
    doc = nlp(TEXT)
    kept = keep_parse(doc, parse_model(nlp), start=40)
    assert (kept.start, kept.end, kept.model) == (40, 40 + len(TEXT), parse_model(nlp))
    restored = restore_parse(kept, nlp.vocab)
    assert restored.text == TEXT
    assert token_rows(restored) == token_rows(doc)
    assert [(e.text, e.label_) for e in restored.ents] == [(e.text, e.label_) for e in doc.ents]
    assert [s.text for s in restored.sents] == [s.text for s in doc.sents]
    assert [c.text for c in restored.noun_chunks] == [c.text for c in doc.noun_chunks]


def rows(found: list[tuple[int, MatchedJudgement]]) -> list[tuple[object, ...]]:
    return sorted(
        (i, j.match.slug, j.judgement.stance, j.judgement.confidence, j.judgement.cues)
        + (j.match.evidence,)
        for i, j in found
    )


@pytest.fixture(scope="module")
def demo_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo articles, ingested before any proposal."""
    db = tmp_path_factory.mktemp("kept") / "demo.db"
    assert api.ingest([api.demo_articles()], db).ok
    return db


def without_parses(
    ledger: Ledger, article_ids: list[int], nlp: Language
) -> dict[int, list[StoredParse]]:
    """Remove the kept parses of these articles (as an older ledger has them); returns them."""
    removed = {i: ledger.article_parses([i], parse_model(nlp))[i] for i in article_ids}
    for article_id in removed:
        ledger.save_parses(article_id, [])
    return removed


def test_a_proposal_added_later_is_judged_on_the_kept_parse_without_parsing_again(
    demo_ledger: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposals = load_proposals(api.demo_proposals())
    ledger = Ledger(demo_ledger)
    with_statements = sorted({s.article.id for s in ledger.statements()})
    assert sorted(ledger.article_parses(with_statements, parse_model(nlp))) == with_statements
    removed = without_parses(ledger, with_statements, nlp)
    try:
        parsed_again = api.judge_ledger(ledger, proposals, nlp=nlp)
    finally:
        for article_id, parses in removed.items():
            ledger.save_parses(article_id, parses)

    def parse_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("an article with a kept parse was parsed again")

    monkeypatch.setattr(pipeline, "paragraph_windows", parse_again)
    from_kept = api.judge_ledger(ledger, proposals, nlp=nlp)
    ledger.close()
    for proposal in proposals:
        assert from_kept[proposal.slug], proposal.slug
        assert rows(from_kept[proposal.slug]) == rows(parsed_again[proposal.slug])


def test_an_article_kept_without_a_parse_is_parsed_again_with_the_same_judgements(
    demo_ledger: Path, nlp: Language
) -> None:
    proposals = load_proposals(api.demo_proposals())
    ledger = Ledger(demo_ledger)
    from_kept = api.judge_ledger(ledger, proposals, nlp=nlp)
    article_ids = sorted({s.article.id for s in ledger.statements()})
    removed = without_parses(ledger, article_ids[::2], nlp)  # half the articles
    try:
        again = api.judge_ledger(ledger, proposals, nlp=nlp)
    finally:
        for article_id, parses in removed.items():
            ledger.save_parses(article_id, parses)
        ledger.close()
    for proposal in proposals:
        assert rows(again[proposal.slug]) == rows(from_kept[proposal.slug])
