"""Typed records of the stance stage: proposals, matches, judgements and positions.

Spans are character offsets ``(start, end)`` into the text the spaCy ``Doc`` was built
from (``Article.body``), like every span in :mod:`factbox.records`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from factbox.records import STANCES as STANCES
from factbox.records import ActorKind, Correction, Span, Statement, StoredStatement
from factbox.records import Stance as Stance

About = Literal["speaker", "others"]
Slot = Literal[
    "action",
    "opposite",
    "decision",
    "theme",
    "qualifier",
    "agent",
    "target",
    "term",
    "antecedent",
    "blocker",
    "similarity",
]
CueRole = Literal[
    "lexicon", "evaluation", "negation", "modal", "condition", "consequence", "act", "demand"
]
EvidenceSource = Literal["extraction", "correction"]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A course of action that statements take a stance on."""

    slug: str
    title: str
    description: str = ""
    terms: list[str] = field(default_factory=list)
    """Extra phrases that name the proposal ("boots on the ground")."""
    bodies: list[str] = field(default_factory=list)
    """Ids of the bodies that could adopt it (``nato``, ``eu-council``)."""


@dataclass(frozen=True, slots=True)
class MatchEvidence:
    """One word of a statement that filled a slot of the proposal.

    Slot ``similarity``: the statement's vector is close to the proposal's; ``text`` and
    ``span`` are the statement's content, ``similarity`` the cosine and ``phrase`` the
    proposal's phrase (title, description or term) it is closest to.
    """

    slot: Slot
    text: str
    span: Span
    similarity: float | None = None
    phrase: str | None = None

    def as_json(self) -> dict[str, object]:
        """As stored and printed: slot, text, span; for slot ``similarity`` also the cosine
        (``similarity``) and the proposal's nearest ``phrase``."""
        record: dict[str, object] = {
            "slot": self.slot,
            "text": self.text,
            "span": [self.span[0], self.span[1]],
        }
        if self.similarity is not None:
            record["similarity"] = self.similarity
            record["phrase"] = self.phrase
        return record


@dataclass(frozen=True, slots=True)
class ProposalMatch:
    """A statement span is about a proposal; ``evidence`` holds the words that said so."""

    slug: str
    score: float
    evidence: tuple[MatchEvidence, ...]

    def slot(self, name: Slot) -> MatchEvidence | None:
        return next((e for e in self.evidence if e.slot == name), None)


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that decided a stance, and what it did."""

    text: str
    span: Span
    role: CueRole


@dataclass(frozen=True, slots=True)
class StanceJudgement:
    """Where a statement stands on a proposal, and whose stance that is.

    ``about`` is ``"speaker"`` when the stance is the speaker's own, ``"others"`` when the
    speaker reports someone else's ("some countries are considering"); ``others`` then
    holds those others' words.
    """

    proposal: str
    stance: Stance
    confidence: float
    cues: tuple[Cue, ...] = ()
    about: About = "speaker"
    others: str | None = None
    others_span: Span | None = None
    others_actor_id: str | None = None
    """The others' actor when their words name one ("France"); positions do not use it."""


COUNTED_MEMBERS = 7
"""Fewest actors one source phrase stands for at once to be a count or a whole membership
("EU leaders agreed", "all 15 members voted for it", "the remaining 13"): more than a group
a report names by its own name holds (the Benelux three, the Visegrad four, the Nordic five,
the Baltic three); a count of a body's members (``extract/votes.py``) always has more."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who holds a position: a country, an organisation, a person, or someone unnamed.

    ``counted``: the actor is reached only as one of a body's members told together, by a
    count or the whole membership (one source phrase standing for ``COUNTED_MEMBERS`` or
    more actors): a vote ``decide`` counts, but not the actor's own word, so it never
    replaces a position some statement naming the actor gives (guideline 12)."""

    actor_id: str | None
    actor: str | None
    actor_kind: ActorKind
    counted: bool = False


@dataclass(frozen=True, slots=True)
class EditorCorrection:
    """An editor's reading of a statement's stance; it replaces the extracted one."""

    stance: Stance
    corrected_on: dt.date
    editor: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class JudgedStatement:
    """A statement's judgement on a proposal, tied to the statement and its speakers."""

    statement_id: int
    said_on: dt.date | None
    actors: tuple[Actor, ...]
    judgement: StanceJudgement
    correction: EditorCorrection | None = None

    @classmethod
    def from_statement(
        cls,
        statement_id: int,
        statement: Statement,
        judgement: StanceJudgement,
        correction: EditorCorrection | None = None,
    ) -> JudgedStatement:
        """One actor per speaker; an unresolved speaker keeps its own words as its name. A
        speaker whose source phrase stands for ``COUNTED_MEMBERS`` or more actors at once is
        ``counted`` (a count or a body's whole membership: "EU leaders agreed on it")."""
        together: dict[tuple[int, int], set[str]] = {}
        for speaker in statement.speakers:
            if speaker.span is not None and speaker.actor_id:
                together.setdefault(speaker.span, set()).add(speaker.actor_id)
        actors = tuple(
            Actor(
                actor_id=speaker.actor_id,
                actor=speaker.actor or speaker.name or speaker.text or None,
                actor_kind=speaker.actor_kind,
                counted=speaker.span is not None
                and len(together.get(speaker.span, ())) >= COUNTED_MEMBERS,
            )
            for speaker in statement.speakers
        )
        return cls(statement_id, statement.said_on, actors, judgement, correction)

    @property
    def stance(self) -> Stance:
        return self.correction.stance if self.correction else self.judgement.stance

    @property
    def source(self) -> EvidenceSource:
        return "correction" if self.correction else "extraction"


@dataclass(frozen=True, slots=True)
class Position:
    """An actor's current stance on a proposal as of a date."""

    actor_id: str | None
    actor: str | None
    actor_kind: ActorKind
    stance: Stance
    since: dt.date
    evidence: list[int]
    """Statement ids of the latest unbroken run of this stance, oldest first."""
    counted: bool = False
    """Every statement behind it reaches the actor only through a count or a body's whole
    membership (``Actor.counted``): a vote for ``decide``, no statement names the actor."""


@dataclass(frozen=True, slots=True)
class PositionChange:
    """One change of an actor's stance, and the statement that brought it."""

    actor_id: str | None
    actor: str | None
    actor_kind: ActorKind
    on: dt.date
    stance: Stance
    previous: Stance | None
    statement_id: int
    source: EvidenceSource
    confidence: float


@dataclass(frozen=True, slots=True)
class MatchedJudgement:
    """A statement's judgement on a proposal, with the match that tied it to the proposal."""

    match: ProposalMatch
    judgement: StanceJudgement

    @property
    def evidence_span(self) -> Span:
        """From the first to the last word that matched or decided."""
        spans = [e.span for e in self.match.evidence] + [c.span for c in self.judgement.cues]
        return (min(s for s, _ in spans), max(e for _, e in spans))


@dataclass(slots=True)
class StoredJudgement:
    """A current statement tied to a proposal by extraction, by a correction, or both."""

    stored: StoredStatement
    proposal: str
    found: MatchedJudgement | None
    """What extraction found; None when only an editor's correction ties it to the proposal."""
    corrections: list[Correction] = field(default_factory=list)
    """Corrections of this statement that apply to this proposal, oldest first."""
