"""Sponsors named in a participle of the text they sponsor: "the resolution, drafted by
Algeria, calls for ...", "the vote on the text, driven in part by Algeria, is set for
Monday", "Russia vetoed a resolution put forward by France and Spain".

The sponsoring is told in passing, as a description of the text, so the attribution tagger
(which looks for a saying or an act as a clause's verb) finds no statement in it; yet each
sponsor named backs the text it sponsors. A participle of a verb of ``sponsoring``
(``data/votes.toml``) that describes a noun of a text (``texts``) and names its agent
becomes an ``act`` statement: its cue the participle, its content the text's noun phrase
without the participle ("the resolution"), its source the agent without what describes it
("Algeria", not "Algeria, the Arab nation on the council"), which names one actor or a list
of them (one speaker each, as for any source). What the text is (this proposal or another
sponsor's) is the stance stage's question, as for any act. A participle that an extracted
statement already has as its cue gives nothing more.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from factbox.extract.actors import find_actors
from factbox.extract.votes import act_statement, vote_words
from factbox.records import Statement

DESCRIBING = frozenset({"appos", "relcl", "acl", "prep", "punct", "cc"})
"""What an agent's noun keeps out of the source: its apposition, clauses and prepositions
(the conjuncts of a list stay)."""


def participle_sponsors(doc: Doc, found: list[Statement]) -> list[Statement]:
    """An ``act`` statement for each participle of sponsoring in ``doc`` with an agent that
    names actors, unless one of ``found`` already has it as its cue."""
    words = vote_words()
    taken = {statement.cue_span for statement in found}
    made = []
    for verb in doc:
        if verb.dep_ != "acl" or verb.lemma_.lower() not in words.sponsoring:
            continue
        text = verb.head
        if text.lemma_.lower() not in words.texts or verb.i < text.i:
            continue
        source = _agent(verb)
        cue = doc[verb.i : verb.i + 1]
        if source is None or (cue.start_char, cue.end_char) in taken:
            continue
        if find_actors(doc, range(source.start, source.end)):
            made.append(act_statement(source, cue, doc[text.left_edge.i : text.i + 1]))
    return made


def _agent(verb: Token) -> Span | None:
    """The agent of ``verb``'s "by" with its conjuncts, without what describes them."""
    agent = next((child for child in verb.children if child.dep_ == "agent"), None)
    noun = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if noun is None:
        return None
    kept = _without_descriptions(noun)
    return verb.doc[min(kept) : max(kept) + 1]


def _without_descriptions(noun: Token) -> set[int]:
    """The tokens of ``noun``'s subtree but those of the parts in ``DESCRIBING`` (the
    conjuncts of a list kept, with their own descriptions left out)."""
    kept = {noun.i}
    for child in noun.children:
        if child.dep_ == "conj":
            kept |= _without_descriptions(child)
        elif child.dep_ not in DESCRIBING:
            kept |= {t.i for t in child.subtree}
    return kept
