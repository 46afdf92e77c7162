"""Cue statistics learned from an annotated corpus (data/learned_cues.json).

The file is written by ``bench/train_attribution.py``: for each ``lemma/POS``, how often it
headed a gold cue and how often it was seen; for each dependency relation, how often a word so
attached to the right of a cue verb lay inside the content. The extractor reads the counts
only; the thresholds that turn them into decisions are kept beside them in the file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from spacy.tokens import Token

LEARNED_CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "learned_cues.json"


@dataclass(frozen=True, slots=True)
class LearnedCues:
    lemma_counts: dict[str, tuple[int, int]]
    """``lemma/POS`` -> (times it headed a cue, times seen)."""
    content_dep_counts: dict[str, tuple[int, int]]
    """Dependency relation -> (times inside the content, times seen) right of a cue verb."""
    min_probability: float
    min_cues: int
    min_sourceless_rate: float = 0.5
    object_tail_counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    """``object_tail_key`` -> (times inside the content, times seen), for the words a cue verb
    governs to the right of an object that is its content ("accused [the GOP of stoking ...]")."""

    particle_counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    """``lemma|word`` (and ``*|word`` for any verb) -> (times the word right after a cue verb
    was inside the cue, times seen), for the prepositions and particles right after it."""

    sourceless_counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    """``lemma|voice`` (see ``verb_voice``) -> (times it headed a gold cue without a source,
    times seen outside quotes): "is expected to", "seems", "Asked whether"."""

    sourceless_share_counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    """``lemma|voice`` -> (times it headed a gold cue without a source, times it headed any
    gold cue): "Trump seems to ..." names no source, though "seems" has a subject."""

    cue_tail_counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    """``cue_tail_key`` -> (times inside the cue, times seen), for the words a cue verb governs
    right after it that are not content ("said [Friday]", "said [in a statement]")."""

    source_tail_counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    """``source_tail_key`` -> (times inside the source, times seen), for the words right of
    the head of a gold source ("Ban Ki-moon[, the secretary general,]" in, "Trump[, speaking
    in Virginia,]" out)."""

    def _mostly(self, counts: tuple[int, int]) -> bool:
        """Whether (hits, seen) says yes: more than half of at least ``min_cues`` seen."""
        hits, seen = counts
        return seen >= self.min_cues and hits / seen > 0.5

    def is_sourceless_cue(self, lemma: str, voice: str) -> bool:
        """Whether a verb so used heads enough gold cues without a source to be proposed as
        one (the statement scorer has the last word)."""
        hits, seen = self.sourceless_counts.get(f"{lemma}|{voice}", (0, 0))
        return hits >= self.min_cues and hits / seen >= self.min_sourceless_rate

    def prefers_no_source(self, lemma: str, voice: str) -> bool:
        """Whether a cue verb so used mostly has no source, even with a subject."""
        return self._mostly(self.sourceless_share_counts.get(f"{lemma}|{voice}", (0, 0)))

    def particle_in_cue(self, lemma: str, word: str) -> bool:
        counts = self.particle_counts.get(f"{lemma}|{word}")
        if counts is None or counts[1] < self.min_cues:
            counts = self.particle_counts.get(f"*|{word}", (0, 0))
        return self._mostly(counts)

    def in_source(self, child: Token) -> bool:
        """Whether a dependent right of a source's head belongs to the source; unknown
        relations do."""
        hits, seen = self.source_tail_counts.get(source_tail_key(child), (0, 0))
        return seen < self.min_cues or hits / seen >= 0.5

    def extends_cue(self, child: Token) -> bool:
        """Whether a dependent right after a cue verb belongs to the cue."""
        return self._mostly(self.cue_tail_counts.get(cue_tail_key(child), (0, 0)))

    def extends_object(self, child: Token) -> bool:
        """Whether a dependent right of an object content belongs to that content."""
        return self._mostly(self.object_tail_counts.get(object_tail_key(child), (0, 0)))

    def cue_probability(self, lemma: str, pos: str) -> float:
        cues, seen = self.lemma_counts.get(f"{lemma}/{pos}", (0, 0))
        return cues / (seen + 1)

    def is_cue(self, lemma: str, pos: str) -> bool:
        cues, _ = self.lemma_counts.get(f"{lemma}/{pos}", (0, 0))
        return cues >= self.min_cues and self.cue_probability(lemma, pos) >= self.min_probability

    def content_deps(self) -> frozenset[str]:
        """Relations whose words lie inside the content more often than not."""
        return frozenset(
            dep
            for dep, (inside, seen) in self.content_dep_counts.items()
            if seen >= self.min_cues and inside / seen > 0.5
        )


def logistic(score: float) -> float:
    """The logistic function, with the score clipped to ±30 (the learned models' output)."""
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True, slots=True)
class FeatureWeights:
    """A logistic regression over named features, and the probability from which the model
    says yes (the statement scorer, confidence.py; the cue adder, cue_adder.py)."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: Sequence[str]) -> float:
        return logistic(sum(self.weights.get(feature, 0.0) for feature in features))


def weights_and_threshold(data: dict[str, Any]) -> tuple[dict[str, float], float]:
    """The ``weights`` and ``threshold`` of a learned model's data file."""
    return {str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"])


MODIFIER_DEPS = frozenset({"advcl", "amod"})
"""Relations of a participle that modifies a clause rather than heading one."""
_TAIL_BREAKS = frozenset({",", ";", ":", "\u2014", "\u2013", "--"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def verb_voice(verb: Token) -> str:
    """``mod`` for a participle modifying a clause ("Asked whether ..., she said"), ``pass``
    for a passive, ``act`` otherwise."""
    if verb.tag_ == "VBN" and verb.dep_ in MODIFIER_DEPS:
        return "mod"
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return "pass"
    return "act"


def object_tail_key(child: Token) -> str:
    """``dep|comma|date``: the child's relation, whether a comma-like mark sets it off, and
    whether it is an adverbial of time ("on Friday", "last week")."""
    before = child.doc[child.left_edge.i - 1].text if child.left_edge.i > 0 else ""
    comma = "comma" if before in _TAIL_BREAKS else "-"
    timed = child.dep_ in ("prep", "npadvmod") and any(
        token.ent_type_ in _TIME_ENTITIES for token in child.subtree
    )
    return f"{child.dep_}|{comma}|{'date' if timed else '-'}"


def cue_tail_key(child: Token) -> str:
    """What decides whether a word after a cue verb is part of the cue: a preposition by
    itself and its object's lemma ("in:statement"), an object by the verb's lemma ("told
    reporters"), an adverb by itself, anything else by ``object_tail_key``."""
    if child.dep_ == "prep":
        nouns = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
        return f"prep|{child.lower_}:{nouns[0].lemma_.lower() if nouns else '-'}"
    if child.dep_ in ("dobj", "dative"):
        return f"{child.dep_}|{child.head.lemma_.lower()}"
    if child.dep_ == "advmod":
        return f"advmod|{child.lower_}"
    return object_tail_key(child)


def source_tail_key(child: Token) -> str:
    """``dep|comma``: the child's relation and whether a comma-like mark sets it off."""
    before = child.doc[child.left_edge.i - 1].text if child.left_edge.i > 0 else ""
    return f"{child.dep_}|{'comma' if before in _TAIL_BREAKS else '-'}"


def _pairs(data: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {str(name): (int(counts[0]), int(counts[1])) for name, counts in data.items()}


def parse_learned_cues(data: dict[str, Any]) -> LearnedCues:
    decision = data.get("decision", {})
    return LearnedCues(
        lemma_counts=_pairs(data.get("lemmas", {})),
        content_dep_counts=_pairs(data.get("content_deps", {})),
        min_probability=float(decision.get("min_probability", 1.0)),
        min_cues=int(decision.get("min_cues", 1)),
        min_sourceless_rate=float(decision.get("min_sourceless_rate", 0.5)),
        object_tail_counts=_pairs(data.get("object_tails", {})),
        particle_counts=_pairs(data.get("cue_particles", {})),
        sourceless_counts=_pairs(data.get("sourceless", {})),
        source_tail_counts=_pairs(data.get("source_tails", {})),
        cue_tail_counts=_pairs(data.get("cue_tails", {})),
        sourceless_share_counts=_pairs(data.get("sourceless_share", {})),
    )


@lru_cache(maxsize=1)
def load_learned_cues() -> LearnedCues:
    """The counts shipped in ``factbox/data/learned_cues.json``."""
    with LEARNED_CUES_PATH.open(encoding="utf-8") as handle:
        return parse_learned_cues(json.load(handle))


# The cue classifier ---------------------------------------------------------------------

_CONTEXT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "dative", "oprd", "prep", "agent", "prt"})


def _subject_kind(token: Token, children: Sequence[Token] | None = None) -> str:
    for child in token.children if children is None else children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if child.pos_ == "PRON":
                return f"{child.dep_}:pron"
            entity = child.ent_type_ or next(
                (t.ent_type_ for t in child.subtree if t.ent_type_), ""
            )
            return f"{child.dep_}:{entity or child.pos_}"
    return "none"


def cue_features(token: Token) -> list[str]:
    """What the cue classifier sees of a verb: its lemma, its arcs and its neighbours.

    Shared by training (bench/train_attribution.py) and extraction, so both see the same.
    """
    lemma = token.lemma_.lower()
    children = list(token.children)  # made once: spaCy makes them anew at each walk
    deps = [child.dep_ for child in children]
    arcs = sorted({dep for dep in deps if dep in _CONTEXT_DEPS})
    marks = sorted(
        {
            grandchild.lower_
            for child, dep in zip(children, deps, strict=True)
            if dep == "ccomp"
            for grandchild in child.children
            if grandchild.dep_ == "mark"
        }
    )
    preps = sorted(
        {child.lower_ for child, dep in zip(children, deps, strict=True) if dep in ("prep", "prt")}
    )
    subject = _subject_kind(token, children)
    doc = token.doc
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "</s>"
    before = doc[token.i - 1].lower_ if token.i > 0 else "<s>"
    features = [
        "bias",
        f"l={lemma}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"l,d={lemma},{token.dep_}",
        f"l,t={lemma},{token.tag_}",
        f"s={subject}",
        f"l,s={lemma},{subject.split(':')[0]}",
        f"a={','.join(arcs)}",
        f"l,a={lemma},{','.join(arcs)}",
        f"hl={token.head.lemma_.lower() if token.head.i != token.i else '<root>'}",
        f"n={after}",
        f"l,n={lemma},{after}",
        f"p={before}",
    ]
    features.extend(f"arc={arc}" for arc in arcs)
    features.extend(f"l,arc={lemma},{arc}" for arc in arcs)
    features.extend(f"l,prep={lemma},{prep}" for prep in preps)
    features.extend(f"mark={mark}" for mark in marks)
    return features


@dataclass(frozen=True, slots=True)
class CueClassifier:
    """Logistic regression over ``cue_features``: the probability that a verb is a cue."""

    weights: dict[str, float]
    threshold: float

    def probability(self, token: Token) -> float:
        return logistic(sum(map(self.weights.get, cue_features(token), repeat(0.0))))

    def is_cue(self, token: Token) -> bool:
        return self.probability(token) >= self.threshold


LEARNED_CLASSIFIER_PATH = LEARNED_CUES_PATH.with_name("cue_classifier.json")


def parse_cue_classifier(data: dict[str, Any]) -> CueClassifier:
    return CueClassifier(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
    )


@lru_cache(maxsize=1)
def load_cue_classifier() -> CueClassifier:
    """The classifier shipped in ``factbox/data/cue_classifier.json``."""
    with LEARNED_CLASSIFIER_PATH.open(encoding="utf-8") as handle:
        return parse_cue_classifier(json.load(handle))
