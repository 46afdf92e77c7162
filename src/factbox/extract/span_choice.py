"""Choosing between the rules' content span and the tagger's, where they overlap but differ.

The rules draw a content from the parse (a dependent's subtree of the cue); the tagger draws
it from what PolNeAR's annotators did. Where the two overlap and differ, neither is right
every time: of 901 such disagreements on a 400-article sample of PolNeAR train where one of
the two is the gold span, the tagger's is in 580, but which one depends on where they differ
(the tagger ends before ", which ..." or runs on over ", because ..." and "and ..."; the rule
starts at a cue's object where the annotators start at its complement) and on how sure the
tagger is of the words in dispute. A logistic regression over such features
(``choice_features``), fitted by ``bench/train_span_choice.py`` on the extractor's own
output over a PolNeAR train sample and labelled by which of the two spans is the gold one,
says how likely the tagger's span is the right one; it replaces the rule's at or above the
threshold chosen on dev. A rule content in pieces (a quote split by its attribution, a
content cut around its cue: "At the last minute [the mayor] decided on [a plan]") is judged
too, against the one tagged span beside it that keeps clear of the cue, with
``pieces_features`` added: the tagged span replaces all the pieces (on the train sample it was
the gold content about twice as often as the pieces were; dev exact content F1 61.5 to 62.7 with
the chooser refitted). The same chooser decides whether a statement the tagger added keeps
its tagged content or the parse subtree it would be snapped to (tagged.py). The data file is
``factbox/data/span_choice.json``.

The tagger was trained on the same split, so on train it is surer and more often right than
on unseen text; the features use its probabilities in coarse buckets and the threshold is
chosen on dev, which corrects the prior.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, Token

from factbox.extract.learned import logistic
from factbox.extract.tagger import BEGIN, CONTENT, INSIDE
from factbox.records import Span

SPAN_CHOICE_PATH = Path(__file__).resolve().parent.parent / "data" / "span_choice.json"
TokenRange = tuple[int, int]
_PROBABILITY_EDGES = (0.2, 0.5, 0.8, 0.9, 0.95, 0.98)


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if value < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def word_class(token: Token) -> str:
    """What a word at the edge of a disputed stretch is, coarsely."""
    if token.is_punct:
        return f"punct:{token.text}" if token.text in ",;:.-\u2014" else "punct:quote"
    if token.lower_ == "that":
        return f"that:{token.dep_}"
    if token.tag_ in ("WDT", "WP", "WRB"):
        return "wh"
    if token.dep_ in ("cc", "mark", "prep", "relcl", "conj", "advcl", "nsubj", "dobj"):
        return f"{token.dep_}"
    return f"pos:{token.pos_}"


def choice_features(
    doc: Doc, roles: np.ndarray, rule: TokenRange, tagged: TokenRange, cue: TokenRange
) -> list[str]:
    """What the chooser sees of one disagreement; shared by training and extraction."""
    inside = roles[:, CONTENT, INSIDE]
    features = ["bias"]
    score = float(inside[tagged[0] : tagged[1]].mean())
    features.append(f"score={_bucket(score, _PROBABILITY_EDGES)}")
    lowest = float(inside[tagged[0] : tagged[1]].min())
    features.append(f"min={_bucket(lowest, _PROBABILITY_EDGES)}")
    shared = min(rule[1], tagged[1]) - max(rule[0], tagged[0])
    longer = max(rule[1] - rule[0], tagged[1] - tagged[0])
    features.append(f"shared={_bucket(shared / longer, (0.25, 0.5, 0.75, 0.9))}")
    features.append(f"after-cue={'yes' if rule[0] >= cue[1] else 'no'}")
    for side, rule_edge, tagged_edge in (
        ("start", rule[0], tagged[0]),
        ("end", rule[1], tagged[1]),
    ):
        if rule_edge == tagged_edge:
            features.append(f"{side}=same")
            continue
        tagger_wider = tagged_edge < rule_edge if side == "start" else tagged_edge > rule_edge
        direction = "tagger-wider" if tagger_wider else "rule-wider"
        stretch = (min(rule_edge, tagged_edge), max(rule_edge, tagged_edge))
        words = [doc[i] for i in range(*stretch) if not doc[i].is_space]
        if not words:
            continue
        first = words[0] if side == "end" else words[-1]
        outer = words[-1] if side == "end" else words[0]
        disputed = float(inside[stretch[0] : stretch[1]].mean())
        size = _bucket(len(words), (2, 3, 5, 9))
        features += [
            f"{side}={direction}",
            f"{side},{direction},words={size}",
            f"{side},{direction},first={word_class(first)}",
            f"{side},{direction},outer={word_class(outer)}",
            f"{side},{direction},inside={_bucket(disputed, _PROBABILITY_EDGES)}",
            f"{side},{direction},sentences={len({w.sent.start for w in words})}",
        ]
        edge = tagged[0] if side == "start" else tagged[1] - 1
        if side == "start":
            begin = float(roles[edge, CONTENT, BEGIN])
            features.append(f"start,{direction},begin={_bucket(begin, _PROBABILITY_EDGES)}")
    return features


def pieces_features(features: list[str], pieces: list[TokenRange], tagged: TokenRange) -> list[str]:
    """What more the chooser sees when the rule's content is in pieces (a quote split by its
    attribution, a content cut around a cue): how many, whether the tagged span lies inside
    one piece, covers them all or runs across, and the edge features again under that name
    (the rule's outer span is what ``choice_features`` compared)."""
    if any(start <= tagged[0] and tagged[1] <= end for start, end in pieces):
        where = "in-one-piece"
    elif tagged[0] <= pieces[0][0] and tagged[1] >= pieces[-1][1]:
        where = "covers"
    else:
        where = "across"
    edges = [f"pieces,{f}" for f in features if f.startswith(("start", "end", "score"))]
    return ["pieces", f"pieces={min(len(pieces), 3)}", f"pieces,tagged={where}", *edges]


@dataclass(frozen=True, slots=True)
class SpanChooser:
    """Logistic regression over ``choice_features``."""

    weights: dict[str, float]
    threshold: float
    min_shared: float
    """Disagreements whose spans share less than this share of the longer are not judged
    (the tagger's span is then another relation's content)."""

    def probability(self, features: list[str]) -> float:
        return logistic(sum(self.weights.get(feature, 0.0) for feature in features))

    def prefers_tagger(
        self,
        features: list[str],
        rule: Span,
        tagged: Span,
        *,
        rule_pieces: tuple[Span, ...] = (),
    ) -> bool:
        """Whether the tagged span (``tagged``, characters) replaces the rule's (``rule``, or
        the pieces ``rule_pieces`` when its content is in pieces)."""
        return self.probability(features) >= self.threshold


def parse_span_chooser(data: dict[str, Any]) -> SpanChooser:
    return SpanChooser(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        min_shared=float(data["min_shared"]),
    )


@lru_cache(maxsize=1)
def load_span_chooser() -> SpanChooser | None:
    """The chooser shipped in ``factbox/data/span_choice.json`` (None when absent)."""
    if not SPAN_CHOICE_PATH.is_file():
        return None
    with SPAN_CHOICE_PATH.open(encoding="utf-8") as handle:
        return parse_span_chooser(json.load(handle))
