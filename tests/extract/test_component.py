"""The ``factbox_extract`` pipeline component: the same statements as calling extraction in
process, carried across spaCy's worker processes, and checked in turn against the people
known from earlier articles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from spacy.language import Language

import factbox.extract.component as component_module
import factbox.extract.pipeline as pipeline_module
from factbox.extract import extract_article
from factbox.extract.component import EXTRACTION, article_doc, extractor, text_article
from factbox.ingesting import Judged, Judging, judge
from factbox.records import Article, Extraction
from factbox.stance import Proposal, ProposalMatcher
from factbox.stance.records import MatchedJudgement, ProposalMatch, StanceJudgement
from factbox.store.ledger import PeopleDirectory

POLNEAR_DEV = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear" / "dev"

FIRST = "Ruritania's prime minister, Jan Novak, said on Monday that troops would not be sent."
TROOPS = Proposal(slug="troops", title="Send troops to Ukraine")
SECOND = "Novak said that the border would stay open, and the talks would go on."


def _article(name: str, body: str) -> Article:
    return replace(text_article(name), body=body)


def _extraction(nlp: Language, article: Article) -> Extraction:
    found = nlp(article_doc(nlp, article))._.get(EXTRACTION)
    assert isinstance(found, Extraction)
    return found


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev is not beside the repository")
def test_the_component_finds_what_extraction_in_process_finds_on_a_polnear_article(
    nlp: Language,
) -> None:
    path = sorted((POLNEAR_DEV / "text").glob("*.txt"))[0]
    article = _article(path.stem, path.read_text(encoding="utf-8"))
    in_process = extract_article(nlp(article.body), article)
    found = _extraction(nlp, article)
    assert found.error is None
    assert found.statements == in_process.statements
    assert found.people == in_process.people
    assert len(found.statements) > 3


def test_statements_cross_spacys_worker_processes(nlp: Language) -> None:
    articles = [_article("one", FIRST), _article("two", SECOND.replace("Novak", "Jan Novak"))]
    docs = nlp.pipe([article_doc(nlp, a) for a in articles], n_process=2, batch_size=1)
    found = [doc._.get(EXTRACTION) for doc in docs]
    expected = [extract_article(nlp(a.body), a) for a in articles]
    assert [f.statements for f in found] == [e.statements for e in expected]
    assert [f.people for f in found] == [e.people for e in expected]
    assert all(f.statements for f in found)


def test_a_doc_without_its_article_is_parsed_but_not_extracted(nlp: Language) -> None:
    assert nlp(FIRST)._.get(EXTRACTION) is None


def test_an_answer_a_worker_did_not_have_is_resolved_again_in_turn(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second article's worker did not know Jan Novak (named in the first); at its turn
    he is known, so "Novak" is resolved again to him, from the spans the worker found."""
    articles = [_article("one", FIRST), _article("two", SECOND)]
    docs = list(nlp.pipe([article_doc(nlp, a) for a in articles], n_process=2, batch_size=1))
    in_worker = docs[1]._.get(EXTRACTION)
    assert in_worker.looked_up == {"Novak": None}

    def no_second_search(*args: object) -> None:
        raise AssertionError("the spans were searched for again")

    monkeypatch.setattr(pipeline_module, "find_attributions", no_second_search)
    known = PeopleDirectory()
    taken = []
    for doc in docs:
        found = extractor(nlp).in_turn(doc, known)
        assert found is not None and found.error is None
        taken.append(found)
        for person in found.people:
            known.add(person)
    names = [[speaker.name for s in found.statements for speaker in s.speakers] for found in taken]
    assert names == [["Jan Novak"], ["Jan Novak"]]
    assert taken[1].looked_up["Novak"] is not None
    assert docs[1]._.get(EXTRACTION) == taken[1]
    assert [replace(s, speakers=[]) for s in taken[1].statements] == [
        replace(s, speakers=[]) for s in in_worker.statements
    ]
    assert taken[1].statements != in_worker.statements
    monkeypatch.undo()
    in_order = extract_article(nlp(SECOND), articles[1], PeopleDirectory(taken[0].people))
    assert taken[1].statements == in_order.statements


def test_a_run_knows_the_people_of_earlier_articles_in_one_process(nlp: Language) -> None:
    articles = [_article("one", FIRST), _article("two", SECOND)]
    with extractor(nlp).knowing(PeopleDirectory()):
        docs = list(nlp.pipe([article_doc(nlp, a) for a in articles]))
    second = docs[1]._.get(EXTRACTION)
    assert [sp.name for s in second.statements for sp in s.speakers] == ["Jan Novak"]


def test_an_article_whose_extraction_fails_does_not_sink_its_batch(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail_on_the_border(doc: object, article: Article, known: object) -> Extraction:
        if "border" in article.body:
            raise ValueError("no border here")
        return extract_article(doc, article, known)  # type: ignore[arg-type]

    monkeypatch.setattr(component_module, "extract_article", fail_on_the_border)
    articles = [_article("two", SECOND), _article("one", FIRST)]
    docs = nlp.pipe(article_doc(nlp, a) for a in articles)
    failed, fine = [doc._.get(EXTRACTION) for doc in docs]
    assert failed.error == repr(ValueError("no border here")) and failed.statements == []
    assert fine.error is None and fine.statements


def test_judgements_are_kept_for_the_statements_resolved_the_same_in_turn(nlp: Language) -> None:
    """What followed the worker's extraction is kept for a statement whose speakers came out
    the same at its turn; one whose speakers changed is judged again."""
    text = (
        "Ruritania rejected sending troops to Ukraine. "
        "Novak said that troops would not be sent to Ukraine."
    )
    doc = nlp(text)
    at_turn = extract_article(doc, _article("one", text))
    assert len(at_turn.statements) == 2
    in_worker = replace(
        at_turn,
        statements=[at_turn.statements[0], replace(at_turn.statements[1], speakers=[])],
    )
    kept = [
        MatchedJudgement(ProposalMatch("troops", 0.9, ()), StanceJudgement("troops", "supports", n))
        for n in (0.1, 0.2)
    ]
    judging = Judging(ProposalMatcher(nlp, [TROOPS]))
    followed = Judged([[kept[0]], [kept[1]]], None)

    done = judging.in_turn(doc, at_turn, in_worker, followed)
    assert done.judged is not None and done.judged[0] == [kept[0]]
    assert done.judged[1] == judge(doc, at_turn.statements[1], ProposalMatcher(nlp, [TROOPS]))
    assert done.judged[1] != [kept[1]]
    assert judging.in_turn(doc, at_turn, at_turn, followed) is followed
