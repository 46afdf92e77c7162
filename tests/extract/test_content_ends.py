"""Where a content ends: the learned cut of its tail (content_ends.py)."""

from __future__ import annotations

import numpy as np
import pytest
from extract_support import POLNEAR_DEV, dev_content_f1
from spacy.language import Language

from factbox.extract.attributions import find_attributions
from factbox.extract.content_ends import (
    EndCutter,
    cut_candidates,
    cut_features,
    cut_points,
    cut_tails,
    load_end_cutter,
)
from factbox.extract.tagger import BEGIN, CONTENT, INSIDE, ROLE_SCORES
from factbox.records import Statement

# Written for these tests, in the shape of PolNeAR sentences whose annotators end the content
# before a relative clause on its last noun ("questioned [the health of X], who is 70").
WHO = "The senator questioned the plan of the governor, who is new to the job."
CONTENT_WORDS = "the plan of the governor, who is new to the job"


def _statement(text: str, cue: str, content: str) -> Statement:
    at, cue_at = text.index(content), text.index(cue)
    return Statement(
        kind="indirect",
        cue=cue,
        cue_span=(cue_at, cue_at + len(cue)),
        content=content,
        content_span=(at, at + len(content)),
        source_text="The senator",
        source_span=(0, 11),
        span=(0, at + len(content)),
    )


def test_a_content_can_end_only_where_whole_phrases_are_kept(nlp: Language) -> None:
    doc = nlp(WHO)
    start = next(t.i for t in doc if t.text == "the")
    end = len(doc) - 1  # the full stop is not content
    words = [doc[i].text for i in cut_points(doc, (start, end))]
    assert "who" in words  # "the plan of the governor" is whole
    assert "governor" not in words  # "the plan of the" would leave "of" without its noun
    assert "is" not in words  # "who" hangs on "is": the kept words would need a dropped one


def test_features_say_what_the_dropped_tail_is(nlp: Language) -> None:
    doc = nlp(WHO)
    statement = _statement(WHO, "questioned", CONTENT_WORDS)
    start = next(t.i for t in doc if t.text == "the")
    who = next(t.i for t in doc if t.text == "who")
    features = cut_features(doc, None, (start, len(doc) - 1), who, statement)
    assert "first=wh" in features and "mark=comma" in features
    assert "hangs=relcl" in features and "word=who" in features
    assert "sentence" not in features and "reporting-verb" not in features
    assert not any(f.startswith("tail-inside") for f in features)  # no tagger scores given
    roles = np.zeros((len(doc), 3, 2), dtype=np.float32)
    roles[who:, CONTENT, INSIDE] = 0.1
    with_tagger = cut_features(doc, roles, (start, len(doc) - 1), who, statement)
    assert "tail-inside=<0.2" in with_tagger


def test_the_cutter_cuts_at_its_likeliest_place_from_its_threshold(nlp: Language) -> None:
    doc = nlp(WHO)
    doc._.set(ROLE_SCORES, np.zeros((len(doc), 3, 2), dtype=np.float32))
    statement = _statement(WHO, "questioned", CONTENT_WORDS)
    places = cut_candidates(doc, [t.idx for t in doc], statement)
    assert any(WHO[p[0] : p[1]] == "the plan of the governor" for p, _ in places)
    weights = {"hangs=relcl": 2.0, "bias": -1.0}
    (cut,) = cut_tails(doc, [statement], EndCutter(weights, 0.6))
    assert cut.content == "the plan of the governor"
    assert cut.content_span[1] == WHO.index(",") and cut.span[1] == cut.content_span[1]
    (kept,) = cut_tails(doc, [statement], EndCutter(weights, 0.8))  # 0.73 is below it
    assert kept == statement


def test_the_last_piece_of_a_content_in_pieces_is_the_one_cut(nlp: Language) -> None:
    text = '"We are ready," the senator said. "But the plan of the governor, who is new, waits."'
    doc = nlp(text)
    doc._.set(ROLE_SCORES, np.zeros((len(doc), 3, 2), dtype=np.float32))
    first = (1, text.index(',"'))
    second = (text.index("But"), text.rindex("."))
    statement = Statement(
        kind="direct",
        cue="said",
        cue_span=(text.index("said"), text.index("said") + 4),
        content=f"{text[first[0] : first[1]]} {text[second[0] : second[1]]}",
        content_span=(first[0], second[1]),
        source_text="the senator",
        source_span=(text.index("the senator"), text.index("the senator") + 11),
        span=(0, second[1]),
        content_pieces=(first, second),
    )
    places = [p for p, _ in cut_candidates(doc, [t.idx for t in doc], statement)]
    assert places and all(p[0] == second[0] for p in places)
    (cut,) = cut_tails(doc, [statement], EndCutter({"bias": 5.0}, 0.5))
    assert cut.content_pieces[0] == first and cut.content_pieces[1][1] < second[1]


def _tagged_over(doc_len: int, start: int, end: int) -> np.ndarray:
    """Tagger scores with one sure content span over tokens ``start`` to ``end``."""
    roles = np.zeros((doc_len, 3, 2), dtype=np.float32)
    roles[start:end, CONTENT, INSIDE] = 0.97
    roles[start, CONTENT, BEGIN] = 0.95
    return roles


def test_a_content_the_tagger_draws_whole_is_not_cut(nlp: Language) -> None:
    doc = nlp(WHO)
    statement = _statement(WHO, "questioned", CONTENT_WORDS)
    start = next(t.i for t in doc if t.text == "the")
    always = EndCutter({"bias": 5.0}, 0.5)
    doc._.set(ROLE_SCORES, _tagged_over(len(doc), start, len(doc) - 1))
    (kept,) = cut_tails(doc, [statement], always)
    assert kept == statement
    # the tagger ends before the relative clause: the two disagree, and the cutter decides
    comma = next(t.i for t in doc if t.text == ",")
    doc._.set(ROLE_SCORES, _tagged_over(len(doc), start, comma))
    (cut,) = cut_tails(doc, [statement], always)
    assert cut.content_span[1] < statement.content_span[1]
    # a tagged span that starts later is no agreement either
    doc._.set(ROLE_SCORES, _tagged_over(len(doc), start + 2, len(doc) - 1))
    (cut,) = cut_tails(doc, [statement], always)
    assert cut.content_span[1] < statement.content_span[1]


def test_a_reported_clause_running_on_over_a_relative_clause_stays_whole(nlp: Language) -> None:
    """A PolNeAR dev shape: 'said [the candidate was headed to the venue ..., which she was
    doing when ...]', where the annotators keep the relative clause and the tagger agrees."""
    text = (
        "A spokesman said the candidate was headed to the hall to meet reporters, which she "
        "was doing when the guards stopped her."
    )
    content = text[text.index("the candidate") : text.rindex(".")]
    doc = nlp(text)
    statement = Statement(
        kind="indirect",
        cue="said",
        cue_span=(text.index("said"), text.index("said") + 4),
        content=content,
        content_span=(text.index(content), text.index(content) + len(content)),
        source_text="A spokesman",
        source_span=(0, 11),
        span=(0, text.rindex(".")),
    )
    start = next(t.i for t in doc if t.text == "the")
    doc._.set(ROLE_SCORES, _tagged_over(len(doc), start, len(doc)))  # the full stop too
    places = cut_candidates(doc, [t.idx for t in doc], statement)
    assert any(text[p[0] : p[1]].endswith("reporters") for p, _ in places)
    (kept,) = cut_tails(doc, [statement], EndCutter({"bias": 5.0}, 0.5))
    assert kept.content == content


def test_the_shipped_cutter_is_loaded() -> None:
    cutter = load_end_cutter()
    assert cutter is not None
    assert 0 < cutter.threshold <= 1 and cutter.weights


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev is not beside the repository")
def test_on_polnear_dev_the_cutter_finds_more_exact_contents(nlp: Language) -> None:
    """On real news the shipped cutter draws more gold contents than cutting nothing."""
    shipped = load_end_cutter()
    assert shipped is not None
    never = EndCutter(shipped.weights, 1.01)
    cut, kept = dev_content_f1(
        nlp,
        30,
        lambda doc: find_attributions(doc, conventions="polnear", end_cutter=shipped),
        lambda doc: find_attributions(doc, conventions="polnear", end_cutter=never),
    )
    assert cut > kept
