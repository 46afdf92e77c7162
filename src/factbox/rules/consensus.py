"""Consensus and unanimity: every member must agree; one objection blocks.

With constructive abstention (EU foreign and security policy) an ``open`` member is read
as abstaining: it neither blocks nor is needed, provided at least one member supports.
"""

from __future__ import annotations

from factbox.rules.records import UnanimityParams
from factbox.rules.tally import Tally, Verdict, join_ids, undecided_text


def _blocked(t: Tally, word: str) -> Verdict:
    needed = f"{join_ids(t.opposing)} would have to drop {_their(t.opposing)} opposition"
    if t.undecided:
        needed += f", and {undecided_text(t)} would have to support"
    return Verdict(
        outcome="blocked",
        needed=needed + ".",
        blocking=list(t.opposing),
        explanation=[f"Blocked: under {word} one objection is enough, and {join_ids(t.opposing)}"
                     f" {'opposes' if len(t.opposing) == 1 else 'oppose'}."],
    )


def _their(ids: list[str]) -> str:
    return "its" if len(ids) == 1 else "their"


def consensus_verdict(t: Tally, word: str = "consensus") -> Verdict:
    """Blocked if any member opposes; adopted if all support; else undetermined."""
    if not t.members:
        return Verdict("undetermined", "The body would need members.", [],
                       ["The body has no members on that day."])
    if t.opposing:
        return _blocked(t, word)
    if len(t.supporting) == len(t.members):
        return Verdict("adopted", "Nothing: every member supports.", [],
                       [f"Adopted: all {len(t.members)} members support."])
    return Verdict(
        outcome="undetermined",
        needed=f"No member opposes, but every member must support: {undecided_text(t)}"
        " would have to support.",
        explanation=[f"Undetermined: {len(t.supporting)} of {len(t.members)} members support"
                     " and none opposes."],
    )


def unanimity_verdict(t: Tally, params: UnanimityParams) -> Verdict:
    if not params.constructive_abstention or not t.members:
        return consensus_verdict(t, "unanimity")
    if t.opposing:
        return _blocked(t, "unanimity")
    notes = []
    if t.open:
        notes.append(f"{join_ids(t.open)} {'is' if len(t.open) == 1 else 'are'} open and counted"
                     " as abstaining: a constructive abstention does not block.")
    if params.abstention_limit is None:
        notes.append("The limit on how many members may abstain is not modelled"
                     " (it is not in the sourced facts).")
    quiet = t.silent
    if quiet or not t.supporting:
        asks = []
        if quiet:
            asks.append(f"{undecided_text(t, with_open=False)} would have to support or abstain")
        if not t.supporting:
            asks.append("at least one member would have to support")
        return Verdict(
            "undetermined",
            "No member opposes: " + ", and ".join(asks) + ".",
            [],
            notes + [f"Undetermined: {len(t.supporting)} of {len(t.members)} members support"
                     " and none opposes."],
        )
    limit = params.abstention_limit
    if limit is not None and len(t.open) * 100 >= limit * len(t.members):
        return Verdict(
            "undetermined",
            f"Abstainers must stay under {float(limit):g}% of the members: some of "
            f"{join_ids(t.open)} would have to support instead of abstaining.",
            [],
            notes + [f"Undetermined: {len(t.open)} of {len(t.members)} members abstain, at or"
                     f" above the limit of {float(limit):g}%."],
        )
    return Verdict("adopted", "Nothing: no member opposes and every member supports or abstains.",
                   [], notes + [f"Adopted: {len(t.supporting)} support, {len(t.open)} abstain,"
                                " none opposes."])

