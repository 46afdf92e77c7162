"""The judge of tagged cues the rules did not propose (cue_adder.py), on made-up sentences with
tagger scores set by hand, and its candidates on PolNeAR dev."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from extract_support import doc_with_scores, statement_spans
from spacy.language import Language
from spacy.tokens import Doc

from factbox.evaluate.corpus import AnnotatedArticle, load_corpus
from factbox.evaluate.relations import relation_from_statement
from factbox.evaluate.scorer import Scores, score_article, total
from factbox.extract.attributions import find_attributions
from factbox.extract.cue_adder import CueAdder
from factbox.extract.tagged import combine
from factbox.extract.tagger import CONTENT, CUE, SOURCE
from factbox.records import Statement

POLNEAR_DEV = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear" / "dev"

# Written for these tests.
INSISTED = "The harbour master insisted that the ferries would run again."
NOTICE = "The ferries will run again next week, according to a notice from the port."
TWO_CUES = (
    "The mayor said the ferries would stop on Friday. "
    "The harbour master insisted that they will run again."
)

ACCEPT_ALL = CueAdder({}, 0.0)
ACCEPT_NONE = CueAdder({}, 1.01)


@dataclass(frozen=True, slots=True)
class Recorder(CueAdder):
    """Accepts every candidate and keeps what it was shown."""

    seen: list[tuple[list[str], Statement]] = field(default_factory=list)

    def accepts(self, features: list[str], statement: Statement) -> bool:
        self.seen.append((features, statement))
        return True


def test_a_tagged_cue_alone_takes_its_clause_and_subject_from_the_parse(nlp: Language) -> None:
    doc = doc_with_scores(nlp, INSISTED, {CUE: ["insisted"]})
    (statement,) = combine(doc, [], adder=ACCEPT_ALL)
    assert statement_spans(INSISTED, statement) == (
        "insisted",
        "that the ferries would run again",
        "The harbour master",
    )


def test_the_adder_decides_whether_a_tagged_cue_becomes_a_statement(nlp: Language) -> None:
    # cue and content scored 0.9: enough for the fixed bars, too little for a lone content
    words = {CUE: ["insisted"], CONTENT: ["the", "ferries", "would", "run", "again"]}
    doc = doc_with_scores(nlp, INSISTED, words, score=0.9)
    assert combine(doc, [], adder=ACCEPT_NONE) == []
    (statement,) = combine(doc, [], adder=ACCEPT_ALL)
    assert statement_spans(INSISTED, statement)[0] == "insisted"


def test_the_object_of_according_to_that_the_tagger_calls_a_source_stays_the_source(
    nlp: Language,
) -> None:
    words = {
        CUE: ["according", "to"],
        CONTENT: ["The", "ferries", "will", "run", "again", "next", "week"],
        SOURCE: ["a", "notice", "from", "the", "port"],
    }
    doc = doc_with_scores(nlp, NOTICE, words)
    (statement,) = combine(doc, [], adder=ACCEPT_ALL)
    assert statement_spans(NOTICE, statement) == (
        "according to",
        "The ferries will run again next week",
        "a notice from the port",
    )


def test_another_cues_tagged_content_gives_way_to_the_cues_own_clause(nlp: Language) -> None:
    said_at = TWO_CUES.index("said")
    content_at = TWO_CUES.index("the ferries would stop on Friday")
    rule = Statement(
        kind="indirect",
        cue="said",
        cue_span=(said_at, said_at + 4),
        content="the ferries would stop on Friday",
        content_span=(content_at, content_at + len("the ferries would stop on Friday")),
        source_text="The mayor",
        source_span=(0, len("The mayor")),
        span=(0, content_at + len("the ferries would stop on Friday")),
    )
    words = {CUE: ["said", "insisted"], CONTENT: ["ferries", "would", "stop", "on", "Friday"]}
    doc = doc_with_scores(nlp, TWO_CUES, words)
    found = [statement_spans(TWO_CUES, s)[:2] for s in combine(doc, [rule], adder=ACCEPT_ALL)]
    assert [spans for spans in found if spans[0] != "said"] == [
        ("insisted", "that they will run again")
    ]


def test_the_adder_sees_where_content_and_source_came_from(nlp: Language) -> None:
    recorder = Recorder({}, 0.0)
    combine(doc_with_scores(nlp, INSISTED, {CUE: ["insisted"]}), [], adder=recorder)
    ((features, _),) = recorder.seen
    assert "content=parse" in features and "source=parse" in features
    words = {
        CUE: ["insisted"],
        CONTENT: ["that", "the", "ferries", "would", "run", "again"],
        SOURCE: ["The", "harbour", "master"],
    }
    recorder.seen.clear()
    combine(doc_with_scores(nlp, INSISTED, words), [], adder=recorder)
    ((features, _),) = recorder.seen
    assert "content=parse" not in features and "source=parse" not in features


def test_the_factbox_conventions_never_ask_the_adder(nlp: Language) -> None:
    recorder = Recorder({}, 0.0)
    words = {CUE: ["insisted"], CONTENT: ["the", "ferries", "would", "run", "again"]}
    combine(doc_with_scores(nlp, INSISTED, words), [], polnear=False, adder=recorder)
    assert recorder.seen == []


def _scores(docs: list[tuple[AnnotatedArticle, Doc]], adder: CueAdder) -> Scores:
    results = []
    for article, doc in docs:
        statements = find_attributions(doc, conventions="polnear", cue_adder=adder)
        relations = [relation_from_statement(s) for s in statements]
        results.append(score_article(article.text, article.relations, relations))
    return total(results)


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev is not beside the repository")
def test_on_polnear_dev_the_candidates_hold_gold_cues_the_rules_miss(nlp: Language) -> None:
    """On real news the candidates the adder judges include gold cues no rule proposed."""
    articles = load_corpus(POLNEAR_DEV, limit=20).articles
    docs = list(zip(articles, nlp.pipe(a.text for a in articles), strict=True))
    every, none = _scores(docs, ACCEPT_ALL).cue.exact, _scores(docs, ACCEPT_NONE).cue.exact
    assert every.matched_gold > none.matched_gold
