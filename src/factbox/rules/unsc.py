"""UN Security Council: enough votes in favour and no negative vote of a permanent member.

``open`` is read as "at worst abstains": an open permanent member does not veto, but a
permanent member that is silent or unclear still might, so it keeps the outcome open.
"""

from __future__ import annotations

from factbox.rules.records import UnscParams
from factbox.rules.tally import Tally, Verdict, counted, join_ids, undecided_text


def unsc_verdict(t: Tally, params: UnscParams) -> Verdict:
    n = len(t.members)
    permanent = [m for m in t.members if m in params.permanent]
    explanation = [
        f"Security Council: at least {params.votes_needed} of {params.seats} votes in favour and"
        f" no negative vote of a permanent member ({join_ids(permanent)}).",
    ]
    if n != params.seats:
        explanation.append(f"The data lists {n} members on that day, not {params.seats}.")
    vetoes = [m for m in permanent if m in t.opposing]
    most_in_favour = n - len(t.opposing)
    count_blocked = most_in_favour < params.votes_needed
    if vetoes or count_blocked:
        blocking = list(t.opposing) if count_blocked else vetoes
        wants = []
        if vetoes:
            wants.append(f"{join_ids(vetoes)} would have to stop opposing: a negative vote of a"
                         " permanent member is a veto")
            explanation.append(f"Blocked: {join_ids(vetoes)} (permanent) "
                               f"{'opposes' if len(vetoes) == 1 else 'oppose'}.")
        if count_blocked:
            short = params.votes_needed - most_in_favour
            wants.append(f"at least {short} of the opposing members would have to switch to"
                         f" support (at most {most_in_favour} votes in favour are possible)")
            explanation.append(f"Blocked: {len(t.opposing)} members oppose, so at most"
                               f" {most_in_favour} can vote in favour.")
        needed = "; and ".join(wants)
        return Verdict("blocked", needed[0].upper() + needed[1:] + ".", blocking, explanation)
    unsure_permanent = [m for m in permanent if m in t.silent]
    if len(t.supporting) >= params.votes_needed and not unsure_permanent:
        open_permanent = [m for m in permanent if m in t.open]
        if open_permanent:
            explanation.append(f"{join_ids(open_permanent)} (permanent) "
                               f"{'is' if len(open_permanent) == 1 else 'are'} open: an"
                               " abstention is not a veto.")
        explanation.append(f"Adopted: {len(t.supporting)} members support and no permanent"
                           " member opposes.")
        return Verdict("adopted", "Nothing: enough votes in favour and no veto.", [], explanation)
    wants = []
    if len(t.supporting) < params.votes_needed:
        more = counted(params.votes_needed - len(t.supporting), "more vote")
        wants.append(f"{more} in favour {'is' if more.startswith('1 ') else 'are'} needed"
                     f" ({len(t.supporting)} of {params.votes_needed} now), from among"
                     f" {undecided_text(t)}")
    if unsure_permanent:
        wants.append(f"{join_ids(unsure_permanent)} (permanent, no clear position) would have to"
                     f" make clear {'it' if len(unsure_permanent) == 1 else 'they'} will not vote"
                     " against")
    explanation.append(f"Undetermined: {len(t.supporting)} support, {len(t.opposing)} oppose,"
                       " and no permanent member opposes yet.")
    needed = "; and ".join(wants)
    return Verdict("undetermined", needed[0].upper() + needed[1:] + ".", [], explanation)
