"""Bodies, their membership over time, and their decision rules.

``load_body("nato")`` reads a body; ``decide(body, as_of, stances, proposal=...)`` says
whether it can adopt a proposal and why. See docs/rules.md.
"""

from factbox.rules.bodies import (
    body_folders,
    load_bodies,
    load_body,
    load_body_file,
    parse_body,
    with_members,
)
from factbox.rules.decide import could_act_alone, decide, is_state
from factbox.rules.membership import (
    MembershipUnknown,
    member_name,
    members_as_of,
    membership_known,
)
from factbox.rules.records import (
    Body,
    Decision,
    Membership,
    Outcome,
    Rule,
    RuleKind,
    Stance,
)

__all__ = [
    "Body",
    "Decision",
    "Membership",
    "MembershipUnknown",
    "Outcome",
    "Rule",
    "RuleKind",
    "Stance",
    "body_folders",
    "could_act_alone",
    "decide",
    "is_state",
    "load_bodies",
    "load_body",
    "load_body_file",
    "member_name",
    "members_as_of",
    "membership_known",
    "parse_body",
    "with_members",
]
