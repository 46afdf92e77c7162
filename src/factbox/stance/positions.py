"""From judged statements to each actor's position on a proposal, as of a date.

Rules (see docs/stance.md for worked examples):

- One position per actor. A statement with three countries as speakers gives each of them
  the statement's stance.
- Only the speaker's own stance counts: judgements with ``about == "others"`` give the
  speaker no position (the others are unnamed or not resolved to actors).
- Evidence dated after ``as_of`` is ignored; undated evidence is ignored.
- Readings are ranked by firmness (``FIRMNESS``): ``supports`` and ``opposes`` are firm,
  ``open`` hedged, ``unclear`` nothing; an ``open`` that lets the proposal pass (an
  abstention, "will not stand in the way": ``lets_pass``) is as firm as a vote.
- Later evidence replaces the current stance only when it is at least as firm: a vaguer
  reading after a firm one restates less, it does not take the stance back. An ``open``
  that sets a condition on consent ("fair for him to visit before ratification":
  ``sets_condition``) takes a support back until the condition is met; a refusal stays.
  On one date: an editor's correction beats extraction, then the firmer reading, then the
  more confident, then the later statement id; but a ``supports`` beats an abstention of
  the same day (votes on rival drafts of one proposal: the most favourable counts).
- ``unclear`` never replaces a clear stance, earlier or same-day: it only stands for an
  actor that has no clear evidence at all.
- An editor's correction replaces the extracted stance of its statement (the statement
  keeps its date), whenever the correction was made.
- ``since`` is the first date of the latest unbroken run of the current stance; the
  evidence is every statement in that run with that stance.
- A position always has an actor: a speaker that resolved to no actor (``actor_id`` is
  None: "a senior diplomat", a page word, a relative pronoun) gives no position. Its
  statement is kept; :func:`unattributed` lists such statements, so that they can be
  shown beside the positions.
- Actors are told apart by ``actor_id``.
- A count or a body's whole membership ("EU leaders agreed on it", "all 15 members voted
  for it": ``Actor.counted``) is a vote, not the actor's own word: it gives a position to
  an actor no statement names, marked ``counted``, and never replaces what statements
  naming the actor say (guideline 12).
- An act retold later (the same actor, the same act word and the same stance as an act of
  an earlier date: "China abstained" in the next day's copy of a vote) is the earlier act,
  not a new one: it keeps that act's date, so it does not outrank what the actor said on
  the day of the act (``_retold_acts``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from factbox.extract.cues import load_cue_lexicon
from factbox.stance.lexicon import load_lexicon
from factbox.stance.records import (
    Actor,
    Cue,
    EvidenceSource,
    JudgedStatement,
    Position,
    PositionChange,
    Stance,
)

CORRECTION_CONFIDENCE = 1.0
FIRMNESS: dict[Stance, int] = {"supports": 2, "opposes": 2, "open": 1, "unclear": 0}
"""How much a reading commits its actor: a later reading replaces a firmer one only when
it is an editor's correction."""
FIRM_OPEN = 2
"""The firmness of an ``open`` that commits its actor to let the proposal pass (an
abstention, "will not stand in the way", "would no longer block": ``letting_pass`` in
``data/stance/lexicon.toml``): a decision not to block, as firm as a vote for or against."""


@lru_cache(maxsize=1)
def _withdrawing_verbs() -> tuple[str, ...]:
    """The starts of the verbs that take back a stance held against something
    (``withdrawal_verbs`` of ``data/cues.json``, the list the extractor reads them by: "drop",
    "withdraw", "lift"), as a cue writes them ("dropped", "withdrew", "lifted"): the verb
    less its last two letters, never fewer than four ("end" is left out: "endorsed" starts
    the same)."""
    verbs = load_cue_lexicon().act_withdrawal_verbs
    return tuple(sorted(verb[: max(4, len(verb) - 2)] for verb in verbs if len(verb) >= 4))


def lets_pass(cues: Iterable[Cue]) -> bool:
    """Whether a reading's cues commit the speaker to let the proposal pass: an abstention
    word, a permission word (an ``open`` reading of one lets the proposal itself through:
    "allowed the resolution to pass"), a stance against it taken back inside what is said
    (the evaluation "agreed to lift its [opposition]"), taking back a stance held against it
    ("dropped its objections", "lifted its veto": ``_withdrawing_verbs``, a decision no longer
    to block it), or a negation beside a word for standing in its way ("not stand in the
    way", "no longer block"). "Has not ruled out" keeps a possibility open, it commits to
    nothing: its word is no blocking word. Words are compared on their start, so
    "abstained", "abstaining" and "abstention" are the one word. Accepting a result after the
    fact ("we accept the decision", "will comply with the outcome") lets it pass too."""
    cues = list(cues)
    table = load_lexicon()
    words = [cue.text.lower() for cue in cues]
    if any(word.startswith(table.abstaining + table.allowing) for word in words):
        return True  # "abstained", "allowed the resolution to pass"
    withdrawn = tuple(load_cue_lexicon().act_withdrawal_nouns)
    if any(c.role == "evaluation" and c.text.lower().startswith(withdrawn) for c in cues):
        return True  # "agreed to lift its [opposition]": taken back, it no longer blocks
    withdrawing = _withdrawing_verbs()
    if any(cue.role == "act" and cue.text.lower().startswith(withdrawing) for cue in cues):
        return True  # "Hungary dropped objections that had been holding it up"
    negated = any(cue.role == "negation" for cue in cues)
    if any(word in (table.heavy if negated else table.bearable) for word in words):
        return True  # "the number we must take is [not large]", "is [manageable]": accepted
    accepting = tuple(table.accepting | table.permission)
    if any(word.startswith(accepting) for word in words) and any(
        word in table.results for word in words
    ):
        return True  # "we accept the decision", "will respect the outcome": a result let stand
    return negated and any(word.startswith(table.standing_in_the_way) for word in words)


def sets_condition(cues: Iterable[Cue]) -> bool:
    """Whether an ``open`` reading sets a condition on consent ("would be fair for him to
    visit before ratification", "would consent only on terms that ..."): consent held back
    until the condition is met (guideline 2). A possibility under a condition ("could back
    it if ...": a hedging modal, ``[modals] open``) commits to nothing, and a refusal under
    one ("will veto it unless ...", "threatened to block it if ...": an ``opposes`` verb
    or word of the lexicon among the cues) threatens, it does not hold a consent back."""
    cues = list(cues)
    table = load_lexicon()
    hedging = {word for word, cls in table.modals.items() if cls == "open"}
    if any(cue.role == "modal" and cue.text.lower() in hedging for cue in cues):
        return False
    refusing = tuple(
        word
        for entries in (table.verbs, table.words)
        for word, cls in entries.items()
        if cls == "opposes"
    )
    worded = [cue.text.lower() for cue in cues if cue.role in ("lexicon", "act")]
    if any(word.startswith(refusing) for word in worded):
        return False  # "will veto it unless ...": a threat, not consent held back
    return any(cue.role == "condition" for cue in cues)


@dataclass(frozen=True, slots=True)
class _Evidence:
    on: dt.date
    stance: Stance
    confidence: float
    source: EvidenceSource
    statement_id: int
    actor: Actor
    letting_pass: bool = False
    conditional: bool = False
    act: frozenset[str] = frozenset()
    """The words of the stance act the reading comes from ("abstained"), lower case."""

    @property
    def firmness(self) -> int:
        return FIRM_OPEN if self.letting_pass else FIRMNESS[self.stance]

    @property
    def rank(self) -> tuple[bool, int, float, int]:
        return (
            self.source == "correction",
            self.firmness,
            self.confidence,
            self.statement_id,
        )

    def replaces(self, current: _Evidence) -> bool:
        """Whether this later reading replaces ``current``: a correction always, otherwise
        only a reading at least as firm, or a condition set on a support (``sets_condition``:
        the consent is held back until it is met; a condition on a refusal leaves it a
        refusal until then)."""
        if self.source == "correction" or self.firmness >= current.firmness:
            return True
        return self.conditional and current.stance == "supports"


def _counts(item: JudgedStatement, as_of: dt.date | None) -> bool:
    """The statement is dated, not after ``as_of``, and its stance is the speaker's own."""
    if item.said_on is None or (as_of is not None and item.said_on > as_of):
        return False
    return item.correction is not None or item.judgement.about == "speaker"


def _evidence_by_actor(
    judged: Iterable[JudgedStatement], as_of: dt.date | None
) -> dict[str, list[_Evidence]]:
    found: dict[str, list[_Evidence]] = {}
    for item in judged:
        if item.said_on is None or not _counts(item, as_of):
            continue
        confidence = (
            CORRECTION_CONFIDENCE if item.correction is not None else item.judgement.confidence
        )
        letting_pass = (
            item.stance == "open" and item.correction is None and lets_pass(item.judgement.cues)
        )
        conditional = (
            item.stance == "open"
            and item.correction is None
            and sets_condition(item.judgement.cues)
        )
        act = frozenset(
            cue.text.lower()
            for cue in (item.judgement.cues if item.correction is None else ())
            if cue.role == "act"
        )
        for actor in item.actors:
            if not actor.actor_id:
                continue  # no position without an actor
            evidence = _Evidence(
                item.said_on,
                item.stance,
                confidence,
                item.source,
                item.statement_id,
                actor,
                letting_pass=letting_pass,
                conditional=conditional,
                act=act,
            )
            found.setdefault(actor.actor_id, []).append(evidence)
    return {actor_id: _retold_acts(items) for actor_id, items in found.items()}


def _retold_acts(evidence: list[_Evidence]) -> list[_Evidence]:
    """An actor's evidence with each act retold on a later date moved back to the date of
    the act it retells: the earliest act of the same words and stance ("China abstained" on
    the day of the vote, and again in the next day's copy). A vote reported the day after
    is the same vote; dated by the later article it would outrank the actor's own word of
    the day of the vote (a ``supports`` beside the abstention on rival drafts)."""
    first: dict[tuple[frozenset[str], Stance], dt.date] = {}
    for item in sorted(evidence, key=lambda e: e.on):
        if item.act:
            first.setdefault((item.act, item.stance), item.on)
    return [
        replace(item, on=first[(item.act, item.stance)]) if item.act else item for item in evidence
    ]


def unattributed(judged: Iterable[JudgedStatement], as_of: dt.date | None = None) -> list[int]:
    """Ids of the statements that would have counted for a position but whose speakers
    resolve to no actor: kept and shown, never a position. A statement with one resolved
    speaker and one unresolved is listed too (the unresolved one moved nobody)."""
    return sorted(
        item.statement_id
        for item in judged
        if _counts(item, as_of)
        and (not item.actors or any(not actor.actor_id for actor in item.actors))
    )


def _beats(item: _Evidence, best: _Evidence) -> bool:
    """Whether ``item`` wins over ``best`` on their one date: by ``rank``, except that a
    ``supports`` wins over an abstention (``letting_pass``) of the same day, whatever
    their confidence: of rival drafts of one proposal voted the same day, the most
    favourable vote is the actor's ("abstained on the long renewal, voted for the short
    one": guideline 15). An editor's correction still wins over both, and a refusal on that
    day is left to ``rank`` as before (a veto of one draft blocks)."""
    if item.source != "correction" and best.source != "correction":
        if item.stance == "supports" and best.letting_pass:
            return True
        if best.stance == "supports" and item.letting_pass:
            return False
    return item.rank > best.rank


def _timeline(evidence: list[_Evidence]) -> list[_Evidence]:
    """The winning evidence of each date that replaced the stance current before it (see
    ``_Evidence.replaces``), oldest first. A vaguer reading that did not replace a firmer
    one is left out, as ``unclear`` always was after a clear stance."""
    by_date: dict[dt.date, _Evidence] = {}
    for item in evidence:
        best = by_date.get(item.on)
        if best is None or _beats(item, best):
            by_date[item.on] = item
    timeline: list[_Evidence] = []
    for winner in (by_date[d] for d in sorted(by_date)):
        if not timeline or winner.replaces(timeline[-1]):
            timeline.append(winner)
    clear = [w for w in timeline if w.stance != "unclear"]
    return clear or timeline  # an actor's early mentions are no stance it changed from


def _named_first(evidence: list[_Evidence]) -> list[_Evidence]:
    """The evidence a position is read from: what statements naming the actor say, when
    any does; a count or a body's whole membership that reaches it too ("EU leaders agreed
    on it", ``Actor.counted``) is then left out, as a vote that never tells the actor's own
    word (guideline 12). An actor only a count reaches keeps that vote as its position."""
    named = [e for e in evidence if not e.actor.counted]
    return named or evidence


def _position(evidence: list[_Evidence], votes: bool = False) -> Position:
    if not votes:
        evidence = _named_first(evidence)
    timeline = _timeline(evidence)
    current = timeline[-1]
    since = current.on
    for item in reversed(timeline):
        if item.stance != current.stance:
            break
        since = item.on
    run = sorted(
        (e for e in evidence if since <= e.on <= current.on and e.stance == current.stance),
        key=lambda e: (e.on, e.statement_id),
    )
    ids = list(dict.fromkeys(e.statement_id for e in run))
    actor = current.actor
    counted = all(e.actor.counted for e in evidence)
    return Position(
        actor.actor_id, actor.actor, actor.actor_kind, current.stance, since, ids, counted
    )


def _sort_key(actor_id: str | None, actor: str | None) -> tuple[str, str]:
    return ((actor_id or "~").casefold(), (actor or "").casefold())


def positions(
    judged: Iterable[JudgedStatement], as_of: dt.date | None = None, *, votes: bool = False
) -> list[Position]:
    """Each actor's current position as of ``as_of`` (default: all evidence). ``votes``:
    as a body's rule counts them, a count or a body's whole membership ("EU leaders agreed
    on it") read like any other statement, the latest firm one winning, also over what
    statements naming the actor said before it (guideline 12: the count is the member's
    vote for ``decide``, not its label)."""
    found = [_position(items, votes) for items in _evidence_by_actor(judged, as_of).values()]
    return sorted(found, key=lambda p: _sort_key(p.actor_id, p.actor))


def history(
    judged: Iterable[JudgedStatement], as_of: dt.date | None = None
) -> list[PositionChange]:
    """Every change of every actor's stance, with the statement that brought it; grouped
    by actor (in the order of :func:`positions`), oldest first within an actor."""
    groups: list[list[PositionChange]] = []
    for items in _evidence_by_actor(judged, as_of).values():
        previous: Stance | None = None
        actor_changes = []
        for item in _timeline(_named_first(items)):
            if item.stance == previous:
                continue
            actor = item.actor
            actor_changes.append(
                PositionChange(
                    actor_id=actor.actor_id,
                    actor=actor.actor,
                    actor_kind=actor.actor_kind,
                    on=item.on,
                    stance=item.stance,
                    previous=previous,
                    statement_id=item.statement_id,
                    source=item.source,
                    confidence=item.confidence,
                )
            )
            previous = item.stance
        groups.append(actor_changes)
    groups.sort(key=lambda g: _sort_key(g[0].actor_id, g[0].actor))
    return [change for group in groups for change in group]
