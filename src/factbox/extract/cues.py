"""The cue lexicon (speech and belief verbs, stance acts, phrase cues, quote marks) from
data/cues.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

CUES_PATH = Path(__file__).resolve().parent.parent / "data" / "cues.json"


@dataclass(frozen=True, slots=True)
class QuoteFamily:
    """Quote marks that pair with each other (and never nest inside each other)."""

    name: str
    closers: dict[str, frozenset[str]]
    """Opening mark -> the marks that may close it."""
    has_apostrophes: bool
    """Whether marks of this family double as apostrophes (don't, Europe's)."""

    @property
    def marks(self) -> frozenset[str]:
        marks = set(self.closers)
        for closing in self.closers.values():
            marks |= closing
        return frozenset(marks)

    def is_opener(self, mark: str) -> bool:
        return mark in self.closers

    def is_closer(self, mark: str) -> bool:
        return any(mark in closing for closing in self.closers.values())


@dataclass(frozen=True, slots=True)
class CueLexicon:
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    prepositional_cues: dict[str, str]
    """First word -> the preposition that must follow it ("according" -> "to")."""
    medium_prepositions: frozenset[str]
    medium_nouns: frozenset[str]
    platforms: frozenset[str]
    complementizers: frozenset[str]
    lead_in_marks: frozenset[str]
    trailing_dashes: frozenset[str]
    quote_families: tuple[QuoteFamily, ...]
    title_minor_words: frozenset[str]
    act_verbs: frozenset[str] = frozenset()
    """Stance acts that need no particle ("rejected", "backed", "vetoed")."""
    act_phrasal: frozenset[tuple[str, str]] = frozenset()
    """Stance acts as (lemma, particle or preposition): ("rule", "out"), ("call", "for")."""
    act_not_contents: frozenset[str] = frozenset()
    """Verbs whose refusal states nothing ("declined to comment")."""
    act_nouns: frozenset[str] = frozenset()
    """Nouns of stance acts that take a clause ("advice that ...", "pledge to ...")."""
    act_noun_phrasal: frozenset[tuple[str, str]] = frozenset()
    """Nouns of stance acts with the preposition they take ("opposition to", "push for")."""
    act_light_verbs: frozenset[str] = frozenset()
    """Verbs whose subject holds the stance noun they take ("sounded a call for ...")."""
    act_bare: frozenset[str] = frozenset()
    """Acts that state a position with nothing after them ("China abstained")."""
    act_own: frozenset[str] = frozenset()
    """Acts that state a position only on the actor's own thing, its object held by a
    possessive pronoun ("has defended [its] agreement to the relocations")."""
    belief_adjectives: frozenset[str] = frozenset()
    """Adjectives after a copula that hold a belief about their clause ("seemed hopeful
    that ...", "is confident that ...")."""
    act_changes: frozenset[str] = frozenset()
    """Verbs and nouns of a change of stance "from" one act "to" another ("shifted its
    stance from supporting the duties to abstaining"): only the later act holds."""
    act_labels: frozenset[tuple[str, ...]] = frozenset()
    """Vote labels a report lists voters after ("In favour: A, B"), as lower-case words."""
    act_holders: frozenset[tuple[str, str]] = frozenset()
    """Nouns that name their holder's position with the preposition they take ("a critic
    of the deal", "a supporter of the wall")."""
    act_copula: frozenset[str] = frozenset()
    """Phrases that after a copula state the subject's position ("is against the deal",
    "was in favor of it"), as lower-case words."""
    copula_verbs: frozenset[str] = frozenset()
    """The copulas those phrases and holder nouns follow ("be", "remain")."""
    act_causers: frozenset[str] = frozenset()
    """Verbs whose object did the act of their "to" clause ("forced her to distance herself
    from it")."""
    act_withdrawal_verbs: frozenset[str] = frozenset()
    """Verbs that take back a stance held against something when their object is one of
    ``act_withdrawal_nouns`` ("dropped [their objections]", "lifted [its veto]")."""
    act_withdrawal_nouns: frozenset[str] = frozenset()
    """Nouns of a stance held against something that ``act_withdrawal_verbs`` take back."""
    prospect_verbs: frozenset[str] = frozenset()
    """Verbs that before a "to" infinitive tell what is likely to happen to their subject
    ("Romania stands to receive 6,351 refugees"): never a cue the classifier adds so."""

    def is_cue_lemma(self, lemma: str) -> bool:
        return lemma in self.speech_verbs or lemma in self.belief_verbs

    def may_be_act_noun(self, lemma: str) -> bool:
        """Whether a noun lemma is a stance act's, alone or with one of its prepositions."""
        return lemma in self.act_nouns or any(noun == lemma for noun, _ in self.act_noun_phrasal)

    def may_be_act(self, lemma: str) -> bool:
        """Whether a verb lemma is a stance act, alone or with one of its particles."""
        return lemma in self.act_verbs or any(verb == lemma for verb, _ in self.act_phrasal)


def _words(values: list[Any]) -> frozenset[str]:
    return frozenset(str(value).lower() for value in values)


def parse_cue_lexicon(data: dict[str, Any]) -> CueLexicon:
    marks = data["quote_marks"]
    apostrophe_families = set(marks.get("apostrophe_families", []))
    families = tuple(
        QuoteFamily(
            name=name,
            closers={opener: frozenset(closing) for opener, closing in pairs.items()},
            has_apostrophes=name in apostrophe_families,
        )
        for name, pairs in marks["families"].items()
    )
    return CueLexicon(
        speech_verbs=_words(data["speech_verbs"]),
        belief_verbs=_words(data["belief_verbs"]),
        addressee_verbs=_words(data["addressee_verbs"]["lemmas"]),
        prepositional_cues={
            str(first).lower(): str(second).lower()
            for first, second in data["prepositional_cues"]["pairs"]
        },
        medium_prepositions=_words(data["medium_phrases"]["prepositions"]),
        medium_nouns=_words(data["medium_phrases"]["nouns"]),
        platforms=_words(data["medium_phrases"].get("platforms", [])),
        complementizers=_words(data.get("complementizers", {}).get("words", ["that"])),
        lead_in_marks=frozenset(data["lead_in_marks"]),
        trailing_dashes=frozenset(data["trailing_dashes"]),
        quote_families=families,
        title_minor_words=_words(data["title_minor_words"]["words"]),
        act_verbs=_words(
            [
                *data.get("stance_acts", {}).get("verbs", []),
                *data.get("stance_acts", {}).get("own", []),
            ]
        ),
        act_phrasal=frozenset(
            (str(verb).lower(), str(particle).lower())
            for verb, particle in data.get("stance_acts", {}).get("phrasal", [])
        ),
        act_not_contents=_words(data.get("stance_acts", {}).get("not_contents", [])),
        act_nouns=_words(data.get("stance_acts", {}).get("nouns", [])),
        act_noun_phrasal=frozenset(
            (str(noun).lower(), str(preposition).lower())
            for noun, preposition in data.get("stance_acts", {}).get("noun_phrasal", [])
        ),
        act_light_verbs=_words(data.get("stance_acts", {}).get("light_verbs", [])),
        act_bare=_words(data.get("stance_acts", {}).get("bare", [])),
        act_own=_words(data.get("stance_acts", {}).get("own", [])),
        belief_adjectives=_words(data.get("belief_adjectives", {}).get("words", [])),
        act_changes=_words(data.get("stance_acts", {}).get("changes", [])),
        act_labels=frozenset(
            tuple(str(label).lower().split())
            for label in data.get("stance_acts", {}).get("labels", [])
        ),
        act_holders=frozenset(
            (str(noun).lower(), str(preposition).lower())
            for noun, preposition in data.get("stance_acts", {}).get("holders", [])
        ),
        act_copula=_words(data.get("stance_acts", {}).get("copula", [])),
        copula_verbs=_words(data.get("stance_acts", {}).get("copula_verbs", [])),
        act_causers=_words(data.get("stance_acts", {}).get("causers", [])),
        act_withdrawal_verbs=_words(data.get("stance_acts", {}).get("withdrawal_verbs", [])),
        act_withdrawal_nouns=_words(data.get("stance_acts", {}).get("withdrawal_nouns", [])),
        prospect_verbs=_words(data.get("prospect_verbs", {}).get("words", [])),
    )


@lru_cache(maxsize=1)
def load_cue_lexicon() -> CueLexicon:
    """The lexicon shipped in ``factbox/data/cues.json``."""
    with CUES_PATH.open(encoding="utf-8") as handle:
        return parse_cue_lexicon(json.load(handle))
