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

Two more shapes tell the same: a participle joined by "and" to one that describes the text
("the draft, written by A and co-sponsored by B"), or joined to the sentence's verb when the
parser hangs it there ("the council voted on the draft by A and co-sponsored by B": no
subject or auxiliary of its own, so it still describes the text before it); and an agent
that is a group noun with its members after "including" or "such as" ("co-sponsored by
several other nations including C, D and E"): the members listed are the sponsors, each
one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from factbox.extract.actors import find_actors
from factbox.extract.token_table import token_table
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
    lemma = token_table(doc).lemma  # the verbs of sponsoring picked from the token table
    for verb in (doc[i] for i, word in enumerate(lemma) if word in words.sponsoring):
        text = _described_text(verb)
        if text is None:
            continue
        source = _agent(verb)
        cue = doc[verb.i : verb.i + 1]
        if source is None or (cue.start_char, cue.end_char) in taken:
            continue
        if find_actors(doc, range(source.start, source.end)):
            made.append(act_statement(source, cue, doc[text.left_edge.i : text.i + 1]))
    return made


def _described_text(verb: Token) -> Token | None:
    """The noun of a text that the participle ``verb`` describes: its head ("the resolution,
    drafted by A"), through the participles it is joined to ("drafted by A and co-sponsored
    by B"), or, for a participle without a subject or an auxiliary joined to a clause's verb,
    the last text that verb names before it ("voted on the draft by A and co-sponsored by
    B")."""
    texts = vote_words().texts
    base = verb
    while base.dep_ == "conj" and base.head.i != base.i:
        base = base.head
    if base.dep_ == "acl":
        text = base.head
        return text if text.lemma_.lower() in texts and base.i > text.i else None
    if base is verb or verb.tag_ != "VBN":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    named = [
        t
        for t in base.subtree
        if t.i < verb.i and t.lemma_.lower() in texts and t.dep_ in ("dobj", "pobj", "obj")
    ]
    return named[-1] if named else None


def _agent(verb: Token) -> Span | None:
    """The agent of ``verb``'s "by" with its conjuncts, without what describes them; for a
    group noun that names no actor, the members it lists after "including" or "such as"."""
    agent = next((child for child in verb.children if child.dep_ == "agent"), None)
    noun = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if noun is None:
        return None
    listed = _listed_members(noun)
    if listed is not None:
        noun = listed
    kept = _without_descriptions(noun)
    return verb.doc[min(kept) : max(kept) + 1]


def _listed_members(noun: Token) -> Token | None:
    """The first of the members a group noun lists after "including" or "such as" ("several
    other nations including C, D and E"), when the noun itself names no actor."""
    if noun.tag_ not in ("NNS", "NNPS") or find_actors(noun.doc, [noun.i]):
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("including", "as"):
            if prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ != "such":
                continue
            held = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if held is not None:
                return held
    return None


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
