"""The pseudo-bodies: a single state acting alone, and a coalition of the willing."""

from __future__ import annotations

from factbox.rules.tally import Tally, Verdict, join_ids, undecided_text


def state_verdict(t: Tally) -> Verdict:
    """The single member's own stance decides."""
    if len(t.members) != 1:
        return Verdict("undetermined", "A state body needs exactly one state.", [],
                       [f"A state body needs exactly one state; it has {len(t.members)}."])
    state = t.members[0]
    if t.supporting:
        return Verdict("adopted", "Nothing: the state supports it and can act alone.", [],
                       [f"Adopted: {state} supports and acts on its own."])
    if t.opposing:
        return Verdict("blocked", f"{state} would have to change its position and support.",
                       [state], [f"Blocked: {state} opposes."])
    return Verdict("undetermined", f"{undecided_text(t)} would have to support.", [],
                   [f"Undetermined: {state} has not said it supports."])


def coalition_verdict(t: Tally) -> Verdict:
    """The supporting members act together; members that do not support simply stay out."""
    if not t.members:
        return Verdict("undetermined", "At least one state would have to support.", [],
                       ["No state has a position, so no coalition can be named."])
    if t.supporting:
        explanation = [f"Adopted by the willing: {join_ids(t.supporting)} can act together."]
        staying_out = [m for m in t.members if m not in t.supporting]
        if staying_out:
            explanation.append(f"{join_ids(staying_out)} would not take part; a coalition of"
                               " the willing needs nobody else's consent.")
        return Verdict("adopted", "Nothing: the willing can act together.", [], explanation)
    if not t.undecided:
        return Verdict("blocked", "At least one member would have to change its position and"
                       " support.", list(t.opposing), ["Blocked: every member opposes, so nobody"
                                                       " is willing."])
    return Verdict("undetermined", f"At least one of {undecided_text(t)} would have to support.",
                   [], ["Undetermined: no member supports yet, and not all oppose."])
