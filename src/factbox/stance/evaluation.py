"""Measuring proposal matching on a labelled set (used by tests and ``bench/matching.py``).

The labelled file holds ``[[proposal]]`` tables (as in :mod:`factbox.stance.proposals`)
and ``[[case]]`` tables: ``text``, ``matches`` (slugs the text is about; empty for none)
and ``split`` (``dev`` or ``heldout``). Every case is scored against every proposal.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from factbox.records import InputError
from factbox.stance.proposals import proposal_from_table
from factbox.stance.records import Proposal


@dataclass(frozen=True, slots=True)
class LabelledCase:
    text: str
    matches: frozenset[str]
    split: str


@dataclass(frozen=True, slots=True)
class LabelledSet:
    proposals: list[Proposal]
    cases: list[LabelledCase]


@dataclass(slots=True)
class Scores:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    """(kind, proposal slug, text) for every false positive (FP) and false negative (FN)."""

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_labelled_set(path: Path) -> LabelledSet:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    proposals = [proposal_from_table(t, str(path), i) for i, t in enumerate(data["proposal"])]
    slugs = {p.slug for p in proposals}
    cases = []
    for raw in data["case"]:
        matches = frozenset(raw.get("matches", []))
        if not matches <= slugs:
            raise InputError(str(path), f"case names unknown proposals: {sorted(matches - slugs)}")
        cases.append(LabelledCase(raw["text"], matches, raw.get("split", "dev")))
    return LabelledSet(proposals, cases)


Predictor = Callable[[str], set[str]]
"""Given a text, the slugs of the proposals it is judged to be about."""


def score(cases: Sequence[LabelledCase], slugs: Sequence[str], predict: Predictor) -> Scores:
    result = Scores()
    for case in cases:
        predicted = predict(case.text)
        for slug in slugs:
            wanted, got = slug in case.matches, slug in predicted
            if wanted and got:
                result.true_positive += 1
            elif got:
                result.false_positive += 1
                result.errors.append(("FP", slug, case.text))
            elif wanted:
                result.false_negative += 1
                result.errors.append(("FN", slug, case.text))
            else:
                result.true_negative += 1
    return result


def matcher_predictor(nlp: Language, proposals: Sequence[Proposal]) -> Predictor:
    """The shipped matcher as a predictor."""
    from factbox.stance.matching import ProposalMatcher

    matcher = ProposalMatcher(nlp, proposals)

    def predict(text: str) -> set[str]:
        return {m.slug for m in matcher.match(nlp(text))}

    return predict


@dataclass(frozen=True, slots=True)
class StanceCase:
    """A sentence, its statement content, the speaker's country and the expected reading."""

    text: str
    content: str
    speaker: str
    stance: str
    about: str


@dataclass(slots=True)
class StanceScores:
    total: int = 0
    stance_right: int = 0
    both_right: int = 0
    """Stance and about (speaker / others) both right."""
    errors: list[tuple[str, str, str]] = field(default_factory=list)
    """(expected, got, text) for each case not fully right."""

    @property
    def accuracy(self) -> float:
        return self.stance_right / self.total if self.total else 1.0

    @property
    def accuracy_with_about(self) -> float:
        return self.both_right / self.total if self.total else 1.0


def load_stance_cases(path: Path) -> list[StanceCase]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    cases = []
    for raw in data["case"]:
        if raw["content"] not in raw["text"]:
            raise InputError(str(path), f"content is not part of the text: {raw['content']!r}")
        cases.append(
            StanceCase(
                raw["text"],
                raw["content"],
                raw["speaker"],
                raw["stance"],
                raw.get("about", "speaker"),
            )
        )
    return cases


def score_stances(nlp: Language, proposal: Proposal, cases: Sequence[StanceCase]) -> StanceScores:
    """Match and judge each case as a statement by a speaker of the given country."""
    import pycountry

    from factbox.records import Speaker, Statement
    from factbox.stance.classify import judge_statement
    from factbox.stance.matching import ProposalMatcher

    matcher = ProposalMatcher(nlp, [proposal])
    result = StanceScores()
    for case in cases:
        start = case.text.index(case.content)
        country = pycountry.countries.get(alpha_2=case.speaker)
        speaker = Speaker(
            text="",
            span=None,
            actor_id=case.speaker,
            actor=country.name if country else case.speaker,
            actor_kind="country",
        )
        statement = Statement(
            kind="indirect",
            cue="said",
            cue_span=None,
            content=case.content,
            content_span=(start, start + len(case.content)),
            source_text="",
            source_span=None,
            span=(0, len(case.text)),
            speakers=[speaker],
        )
        judged = judge_statement(nlp(case.text), statement, matcher)
        got = (judged[0].stance, judged[0].about) if judged else ("no match", "")
        result.total += 1
        result.stance_right += got[0] == case.stance
        result.both_right += got == (case.stance, case.about)
        if got != (case.stance, case.about):
            result.errors.append((f"{case.stance}/{case.about}", "/".join(got), case.text))
    return result
