"""Which statements of two extractions of the same text are the same statement.

Re-extracting a stored article (``factbox reextract``) gives a new list of statements over
the same body, so their spans can be compared directly. Two statements are the same when
their contents overlap by at least ``SAME_STATEMENT_OVERLAP`` of the characters either
covers (a boundary moved by a word is still the same statement); pairs are chosen greedily,
the most alike first (a shared source span counts for more), each statement in at most one
pair. A pair whose words, kind, cue, speakers or date differ is *changed*; a statement
left without a pair is *removed* (old) or *added* (new).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from factbox.records import Span, Speaker, Statement

ChangeKind = Literal["added", "removed", "changed"]
SAME_STATEMENT_OVERLAP = 0.5
"""Share of the characters either content covers that both must cover to be one statement."""
SAME_SOURCE_BONUS = 0.5
"""Added to the overlap when both have the same source span: it decides between two
statements over one content ("A said X" and "B agreed X")."""


@dataclass(frozen=True, slots=True)
class StatementChange:
    """How one statement differs between two extractions of the same article."""

    change: ChangeKind
    before: Statement | None
    after: Statement | None
    fields: tuple[str, ...] = ()
    """For ``changed``: the fields that differ (``kind``, ``cue``, ``content``, ``source``,
    ``speakers``, ``said_on``)."""

    @property
    def statement(self) -> Statement:
        """The statement as it now reads (as it read, for a removed one)."""
        found = self.after if self.after is not None else self.before
        assert found is not None, "a change has a statement before or after"
        return found


@dataclass(frozen=True, slots=True)
class Pairing:
    """The old-to-new pairs (indices into the two lists) and every difference."""

    pairs: dict[int, int]
    changes: list[StatementChange]


def _overlap(a: Span, b: Span) -> float:
    """Characters both spans cover over characters either covers (0 to 1)."""
    inside = min(a[1], b[1]) - max(a[0], b[0])
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inside / union if inside > 0 and union > 0 else 0.0


def _speaker_key(speaker: Speaker) -> tuple[str | None, ...]:
    return (speaker.name, speaker.role, speaker.actor_id, speaker.actor, speaker.actor_kind)


def differing_fields(before: Statement, after: Statement) -> tuple[str, ...]:
    """The fields a reader sees that differ between two versions of a statement."""
    checks = {
        "kind": before.kind == after.kind,
        "cue": (before.cue, before.cue_span) == (after.cue, after.cue_span),
        # (content_pieces are not stored in the ledger; the words are)
        "content": (before.content, before.content_span) == (after.content, after.content_span),
        "source": (before.source_text, before.source_span)
        == (after.source_text, after.source_span),
        "speakers": [_speaker_key(s) for s in before.speakers]
        == [_speaker_key(s) for s in after.speakers],
        "said_on": (before.said_on, before.said_on_basis) == (after.said_on, after.said_on_basis),
    }
    return tuple(name for name, same in checks.items() if not same)


def greedy_pairs(candidates: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """From (likeness, old, new) candidates, pairs old -> new, the likest first (ties by
    position), each old and each new in at most one pair."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, old, new in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if old not in pairs and new not in taken:
            pairs[old] = new
            taken.add(new)
    return pairs


def pair_statements(before: Sequence[Statement], after: Sequence[Statement]) -> Pairing:
    """Pair the statements of two extractions of one text and list what changed."""
    candidates = (
        (overlap + (SAME_SOURCE_BONUS if old.source_span == new.source_span else 0.0), i, j)
        for i, old in enumerate(before)
        for j, new in enumerate(after)
        if (overlap := _overlap(old.content_span, new.content_span)) >= SAME_STATEMENT_OVERLAP
    )
    pairs = greedy_pairs(candidates)
    taken = set(pairs.values())
    changes: list[StatementChange] = []
    for i, old in enumerate(before):
        if i not in pairs:
            changes.append(StatementChange("removed", old, None))
            continue
        new = after[pairs[i]]
        fields = differing_fields(old, new)
        if fields:
            changes.append(StatementChange("changed", old, new, fields))
    changes += [
        StatementChange("added", None, new) for j, new in enumerate(after) if j not in taken
    ]
    changes.sort(key=lambda change: change.statement.span)
    return Pairing(pairs, changes)
