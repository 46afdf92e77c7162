"""Deciding which tagged cues the rules did not propose become statements (PolNeAR conventions).

Most of PolNeAR's gold cues that the extractor misses are never proposed by the rules at all:
cue verbs seen once or twice in train, attitude nouns, phrases ("spoke emotionally of",
"left little doubt"). The tagger marks some of them, with scores that mean different things
for different shapes: a lone verb the tagger is fairly sure of is a cue more often than a noun
phrase it is very sure of, a cue with a clause beside it more often than one without, and a
cue inside another statement's content is often an attribution nested in a quote. A fixed bar
on the tagger's mean score (the earlier rule: cue and content both at least 0.7) cannot weigh
these, so a logistic regression over what a candidate looks like decides instead.

A **candidate** is a Viterbi-decoded tagged cue span that overlaps no statement the rules kept
(tagged.py), built into a statement as before: its content is the nearest tagged content of
the paragraph, snapped to the parse subtree of a dependent of the cue when the two mostly
agree; when no tagged content is near, the subtree of the cue's clausal complement or object
(the parse's content); its source is the nearest tagged source of the sentence outside the
content, snapped to the cue's subject, or the cue's subject itself when the tagger marks none
there. ``adder_features`` describes it: the tagger's scores over cue, content and source (in
coarse buckets), the cue's length, head word, part of speech, relation and arcs, how often its
lemma headed a gold cue in train (learned_cues.json), whether the hand-made lexicon knows it,
where the content came from and lies, and whether the cue sits inside a kept statement's
content or beside a kept cue.

``bench/train_cue_adder.py`` records every candidate on a PolNeAR train sample, labels it by
whether its cue is a gold cue (as the scorer trims spans), fits the regression
(``train_logistic`` of bench/train_attribution.py) and chooses the threshold on dev. The data
file is ``factbox/data/cue_adder.json``; the script writes it only when the adder beats the
fixed bars of tagged.py on dev (mean exact F1 of cue and content), and without it extraction
uses those bars. The tagger was trained on train, so there it is surer and more often right
than on unseen text; its scores enter in coarse buckets and the threshold chosen on dev
corrects the prior. Under the factbox's own conventions the adder is not used (tagged.py
keeps its fixed bars, a speech verb and a linked speaker there).

No adder is shipped (December 2026): on dev (84 articles) the candidates are 424 tagged cues,
186 of them gold; all of them accepted, exact cue F1 is 71.8 and content 62.3, and a perfect
judge would reach cue 75.7 and content 63.7, but the fitted judges rank them weakly (area
under the ROC curve 0.66 to 0.69 on dev, 0.71 held out on train) and at their best threshold
stay at or under the fixed bars (cue 72.4, content 62.9): cue 72.4 and content 62.4 to 62.7,
relation 53.4 to 53.9 against 53.1, source 77.3 to 77.8 against 77.9 (docs/quality.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from factbox.extract.cues import CueLexicon
from factbox.extract.learned import FeatureWeights, LearnedCues, weights_and_threshold
from factbox.extract.tagger import BEGIN, CONTENT, CUE, INSIDE, SOURCE
from factbox.records import Statement

CUE_ADDER_PATH = Path(__file__).resolve().parent.parent / "data" / "cue_adder.json"
TokenRange = tuple[int, int]
_SCORE_EDGES = (0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
_RATE_EDGES = (0.01, 0.05, 0.15, 0.3, 0.5, 0.7)
_ARC_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "prep", "prt", "agent", "nsubj", "nsubjpass", "acl", "advcl"}
)


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if value < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A tagged cue the rules did not propose, with the content and source it would get."""

    cue: TokenRange
    content: TokenRange
    content_origin: str
    """``tagged`` (the tagger's span), ``snapped`` (the parse subtree it agreed with) or
    ``parse`` (the cue's complement or object; the tagger marked no content near)."""
    source: TokenRange | None
    source_origin: str
    """``tagged``, ``snapped``, ``parse`` (the cue's subject) or ``none``."""


@dataclass(frozen=True, slots=True)
class Surroundings:
    """What the kept statements say about a candidate's place."""

    in_content: bool
    """The cue lies inside a kept statement's content (an attribution nested in another)."""
    sentence_has_cue: bool
    """A kept statement's cue stands in the same sentence."""
    fixed_bars: bool = False
    """The fixed bars of tagged.py (``add_cue``, ``add_content``) would take the candidate."""


def adder_features(
    doc: Doc,
    roles: np.ndarray,
    candidate: Candidate,
    surroundings: Surroundings,
    lexicon: CueLexicon,
    learned: LearnedCues | None,
) -> list[str]:
    """What the adder sees of one candidate; shared by training and extraction."""
    start, end = candidate.cue
    cue_tokens = doc[start:end]
    head = cue_tokens.root
    lemma = head.lemma_.lower()
    pos = head.pos_
    cue_score = float(roles[start:end, CUE, INSIDE].mean())
    score = _bucket(cue_score, _SCORE_EDGES)
    words = [t for t in cue_tokens if not t.is_space]
    size = str(min(len(words), 4))
    begin = _bucket(float(roles[start, CUE, BEGIN]), _SCORE_EDGES)
    rate = learned.cue_probability(lemma, pos) if learned is not None else 0.0
    known = "yes" if lexicon.is_cue_lemma(lemma) else "no"
    arcs = ",".join(sorted({c.dep_ for c in head.children if c.dep_ in _ARC_DEPS}))
    content_score = _bucket(
        float(roles[candidate.content[0] : candidate.content[1], CONTENT, INSIDE].mean()),
        _SCORE_EDGES,
    )
    content_words = candidate.content[1] - candidate.content[0]
    side = "after" if candidate.content[0] >= end else "before"
    same_sentence = doc[candidate.content[0]].sent.start == head.sent.start
    features = [
        "bias",
        f"score={score}",
        f"begin={begin}",
        f"size={size}",
        f"size,score={size},{score}",
        f"pos={pos}",
        f"pos,score={pos},{score}",
        f"dep={head.dep_}",
        f"pos,dep={pos},{head.dep_}",
        f"tag={head.tag_}",
        f"lemma={lemma}/{pos}",
        f"rate={_bucket(rate, _RATE_EDGES)}",
        f"rate,score={_bucket(rate, _RATE_EDGES)},{score}",
        f"known={known}",
        f"known,pos={known},{pos}",
        f"arcs={arcs}",
        f"pos,arcs={pos},{arcs}",
        f"first={words[0].lower_ if words else '-'}",
        f"content={candidate.content_origin}",
        f"content,score={candidate.content_origin},{content_score}",
        f"content,words={_bucket(content_words, (3, 6, 12, 25))}",
        f"content,side={side},{'same' if same_sentence else 'other'}",
        f"source={candidate.source_origin}",
        f"in-content={surroundings.in_content}",
        f"in-content,score={surroundings.in_content},{score}",
        f"sentence-cue={surroundings.sentence_has_cue}",
        f"fixed={surroundings.fixed_bars}",
        f"fixed,score={surroundings.fixed_bars},{score}",
    ]
    if candidate.source is not None:
        source_score = float(
            roles[candidate.source[0] : candidate.source[1], SOURCE, INSIDE].mean()
        )
        features.append(f"source,score={_bucket(source_score, _SCORE_EDGES)}")
        source_head = doc[candidate.source[0] : candidate.source[1]].root
        kind = source_head.ent_type_ or source_head.pos_
        features.append(f"source,kind={kind}")
    return features


@dataclass(frozen=True, slots=True)
class CueAdder(FeatureWeights):
    """Logistic regression over ``adder_features``: whether a candidate becomes a statement."""

    def accepts(self, features: list[str], statement: Statement) -> bool:
        """Whether the candidate described by ``features`` becomes ``statement`` (the
        statement itself is for recorders: bench/train_cue_adder.py)."""
        return self.probability(features) >= self.threshold


def parse_cue_adder(data: dict[str, Any]) -> CueAdder:
    return CueAdder(*weights_and_threshold(data))


@lru_cache(maxsize=1)
def load_cue_adder() -> CueAdder | None:
    """The adder shipped in ``factbox/data/cue_adder.json`` (None when absent: the fixed bars
    of tagged.py decide)."""
    if not CUE_ADDER_PATH.is_file():
        return None
    with CUE_ADDER_PATH.open(encoding="utf-8") as handle:
        return parse_cue_adder(json.load(handle))
