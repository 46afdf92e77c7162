"""Proposals, matching statements to them, stance classification and positions."""

from factbox.stance.classify import classify, judge_statement, statement_span
from factbox.stance.matching import ProposalMatcher
from factbox.stance.positions import history, positions, unattributed
from factbox.stance.proposals import load_proposals, parse_proposals
from factbox.stance.records import (
    STANCES,
    Actor,
    Cue,
    EditorCorrection,
    JudgedStatement,
    MatchEvidence,
    Position,
    PositionChange,
    Proposal,
    ProposalMatch,
    Stance,
    StanceJudgement,
)

__all__ = [
    "STANCES",
    "Actor",
    "Cue",
    "EditorCorrection",
    "JudgedStatement",
    "MatchEvidence",
    "Position",
    "PositionChange",
    "Proposal",
    "ProposalMatch",
    "ProposalMatcher",
    "Stance",
    "StanceJudgement",
    "classify",
    "history",
    "judge_statement",
    "load_proposals",
    "parse_proposals",
    "positions",
    "statement_span",
    "unattributed",
]
