"""Votes reported as lists of members set off after a colon, a label or "namely".

Reports of a vote in a body often name who voted which way in a list rather than as the
subject of the verb:

- a count or a group noun as the subject and the members after a colon or "namely":
  "Twelve countries abstained: A, B and C", "Ten countries voted for the text, namely A,
  B and C". The act's speakers are the listed members (``voters_listed_after`` finds the
  list; speakers.py reads it), and its content stops before the list;
- one line a way, a label and a colon before the members: "In favour: A, B, C." "Against:
  D, E." "Abstain: F, G." (``vote_label_clauses``). The label is the act's cue and its
  content (the stance stage reads its stance from ``[labels]`` of data/stance/acts.toml and
  takes what the vote was on from the title or the text before it); the list is its source,
  never a transcript speaker.

- a count, a label and the members in parentheses, one part a way, as the UN's meeting
  records and the reports copying them give a vote in one sentence: "adopted by a vote of 5
  in favour (A, B, C, D, E) to 1 against (F), with 9 abstentions (G, ...)"
  (``counted_label_lists``). Each label is an act as a label before a colon is; the count must
  equal the members listed, so a parenthesis holding anything else, or a list the count does
  not vouch for, is no vote; with the count, one member is a list ("1 against (F)").

- a group noun (or "those") whose relative clause tells the vote, joined by a copula to the
  members: "Countries that voted for the text were A, B and C", "Those who voted against it
  were D and E", "The only country to vote against was
  D", "D was the only country that voted against" (``voters_named_by_copula``). The copula
  says who the noun is, so the members named on its other side are the vote's speakers.

A list counts only when every item names a country or an organisation by itself and there
are two or more (``actors_listed_at``), so a colon before a clause or a quote is no list; one
member alone counts only after a copula with "the only" ("the only country ... was D").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factbox.extract.actors import LIST_OPENERS, actors_listed_at, lookup_actor
from factbox.extract.token_table import token_table

COPULAS = frozenset({"was", "were", "is", "are"})
"""The copulas that join a group noun to the members it stands for ("... were A, B and C")."""

TokenRange = tuple[int, int]

GROUP_PRONOUNS = frozenset({"those"})
"""Pronouns that stand for a group as a noun does: "Those who voted against it were A and B"."""

NAMING_WORDS = frozenset({"namely"})
"""Words that open a list of the members a noun stands for ("ten countries ..., namely A,
B and C")."""
_OPENERS = LIST_OPENERS | NAMING_WORDS


def _listed_from(doc: Doc, opener: int) -> list[TokenRange]:
    """``actors_listed_at`` for a colon, a dash or a naming word."""
    if doc[opener].lower_ in NAMING_WORDS:
        return actors_listed_at(doc, opener, openers=_OPENERS)
    return actors_listed_at(doc, opener)


def voters_listed_after(verb: Token) -> tuple[int, list[TokenRange]] | None:
    """The members listed after ``verb`` in its sentence, set off by a colon or "namely"
    ("abstained: A, B and C", "voted in favour of the text namely A, B and C"): the opening
    mark and the items; ``None`` when the first such mark opens no list of actors."""
    doc = verb.doc
    for token in doc[verb.i + 1 : verb.sent.end]:
        if token.text == ":" or token.lower_ in NAMING_WORDS:
            items = _listed_from(doc, token.i)
            return (token.i, items) if items else None
    return None


def stands_for_listed(doc: Doc, source: TokenRange) -> bool:
    """A source that stands for members listed elsewhere: headed by a plural common noun
    ("Twelve countries", "Ten EU countries representing most of the population") that
    names no actor itself."""
    lo, hi = source
    head = next((t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head.i == t.i), None)
    return head is not None and head.tag_ == "NNS" and lookup_actor(head.text) is None


def listed_voters(doc: Doc, lo: int, hi: int, cue_end: int) -> list[TokenRange]:
    """The members a vote's source at tokens ``lo:hi`` stands for: the source itself when it
    is a list after a label's colon ("In favour: A, B"), or the list after the act (its cue
    ending at token ``cue_end``) when the source is a group noun ("Twelve countries
    abstained: A, B"). Empty otherwise."""
    if lo > 0 and doc[lo - 1].text == ":":
        items = actors_listed_at(doc, lo - 1)
        if items and items[0][0] >= lo and items[-1][1] <= hi + 1:
            return items
    if lo > 0 and doc[lo - 1].text == "(":
        for label, items in counted_label_lists(doc, None):
            if label[1] == lo - 1 and items[-1][1] <= hi + 1:
                return items
    if not stands_for_listed(doc, (lo, hi)) or cue_end >= len(doc):
        return []
    found = voters_listed_after(doc[max(cue_end - 1, 0)])
    return found[1] if found is not None else []


def voters_named_by_copula(doc: Doc, lo: int, hi: int, cue: TokenRange) -> list[TokenRange]:
    """The members a copula names as the group noun at tokens ``lo:hi`` whose relative or
    infinitive clause holds the vote's cue: "Countries that voted for it were A, B and C"
    (two or more, each an actor by itself), "The only country to vote against was D", "D
    was the only country that voted against" (one, after "the only"). Empty otherwise."""
    head = next((t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head.i == t.i), None)
    if head is None or lookup_actor(head.text) is not None:
        return []
    if head.pos_ != "NOUN" and head.lower_ not in GROUP_PRONOUNS:
        return []
    clause = next((c for c in head.children if c.dep_ in ("relcl", "acl")), None)
    if clause is None or not clause.left_edge.i <= cue[0] < clause.right_edge.i + 1:
        return []
    copula = head.head
    if copula.lower_ not in COPULAS or head.dep_ not in ("nsubj", "attr"):
        return []
    only = any(c.lower_ == "only" for c in head.children)
    if head.dep_ == "nsubj" and copula.i > clause.right_edge.i:
        items = actors_listed_at(doc, copula.i, openers=COPULAS)
        if items or not only:
            return items
        other = next((c for c in copula.children if c.dep_ == "attr"), None)
    else:
        other = next((c for c in copula.children if c.dep_ == "nsubj"), None)
        if (
            other is not None
            and other.tag_ in ("NNP", "NNPS")
            and any(c.dep_ == "conj" for c in other.children)
        ):
            return _conjuncts(other)
    if other is None or not only:
        return []
    return _one_named(other)


def _conjuncts(first: Token) -> list[TokenRange]:
    """Each conjunct of a list of names headed by ``first`` ("A, B and C"), when every one
    names an actor by itself."""
    items = []
    for noun in (first, *first.conjuncts):
        before = [c.i for c in noun.children if c.dep_ in ("compound", "det") and c.i < noun.i]
        items.append(_name_of(noun, min([noun.i, *before])))
    return [] if any(item is None for item in items) else [i for i in items if i is not None]


def _one_named(noun: Token) -> list[TokenRange]:
    """The one actor ``noun`` names ("Russia itself", "the United States")."""
    found = _name_of(noun, noun.left_edge.i)
    return [found] if found is not None else []


def _name_of(noun: Token, start: int) -> TokenRange | None:
    """The words of ``noun`` from ``start`` up to it, without "the", when they name an
    actor."""
    doc = noun.doc
    lo = start + (1 if doc[start].lower_ == "the" else 0)
    return (lo, noun.i + 1) if lo <= noun.i and lookup_actor(doc[lo : noun.i + 1].text) else None


def cut_before_list(content: list[TokenRange], opener: int) -> list[TokenRange]:
    """An act's content without the list of its voters and what follows."""
    cut = [(start, min(end, opener)) for start, end in content if start < opener]
    return [piece for piece in cut if piece[0] < piece[1]]


def vote_label_clauses(doc: Doc, labels: frozenset[tuple[str, ...]]) -> list[TokenRange]:
    """Lines that open with a vote label and a colon and list two or more members after it
    ("In favour: A, B, C."): for each, the label's tokens; its list is
    ``actors_listed_at(doc, label_end)``."""
    found = []
    table = token_table(doc)
    for sentence_start, sentence_end in table.sentences:
        start = sentence_start
        while start < sentence_end and (doc[start].is_space or doc[start].is_punct):
            start += 1
        colon = next((i for i in range(start, sentence_end) if table.text[i] == ":"), None)
        if colon is None or colon == start:
            continue
        words = tuple(table.lower[start:colon])
        if words in labels and actors_listed_at(doc, colon):
            found.append((start, colon))
    return found


COUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15,
}
"""Counts written as words, up to a council's size."""


def _count_of(token: Token) -> int | None:
    """The number ``token`` writes ("5", "nine"), else ``None``."""
    if token.text.isdigit():
        return int(token.text)
    return COUNT_WORDS.get(token.lower_)


def counted_label_lists(
    doc: Doc, labels: frozenset[tuple[str, ...]] | None
) -> list[tuple[TokenRange, list[TokenRange]]]:
    """Vote labels right after a count and right before the members in parentheses ("5 in
    favour (A, B, C, D, E)", "1 against (F)", "9 abstentions (G, ...)"): for each, the
    label's tokens (without the count) and the members, when the count equals the number
    of members listed. ``labels`` are the label words (data/stance/acts.toml ``[labels]``);
    ``None`` loads them from the cue lexicon."""
    if labels is None:
        from factbox.extract.cues import load_cue_lexicon

        labels = load_cue_lexicon().act_labels
    longest = max((len(label) for label in labels), default=0)
    found: list[tuple[TokenRange, list[TokenRange]]] = []
    for token in doc:
        if token.text != "(":
            continue
        opener = token.i
        for size in range(min(longest, opener - 1), 0, -1):
            lo = opener - size
            if tuple(t.lower_ for t in doc[lo:opener]) not in labels:
                continue
            count = _count_of(doc[lo - 1])
            items = actors_listed_at(doc, opener, least=1) if count else []
            if items and len(items) == count:
                found.append(((lo, opener), items))
            break
    return found
