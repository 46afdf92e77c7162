"""Votes a report gives as a count or as the acts of a body's members together.

Reports on a vote in an international body often name few of the states that voted: "the
council adopted the resolution 14-0 with Norway abstaining", "the text passed with 14 votes
in favour, Norway abstaining", "all 15 members except Norway voted for it", "all Security
Council members voted for the text". Each such sentence still says where every member
stood, because the body's membership on that day is known (``factbox/data/bodies``). Two
shapes are read here, both only where the sentence or the article before it names the body
(``data/votes.toml``: its names, and "the council", "the body" for one named before):

- **A count in favour** (``count_statements``): a text passing ("adopted", "passed",
  "approved") or getting ("received", "won") a count ("14-0", "with 14 votes in favour",
  "with the approval of 14 members", "11 affirmative votes", "unanimously": all of them)
  where the members the sentence names are all left out of it (abstaining, voting
  against, "except") and the count plus those left out is the whole membership (a count
  of the whole membership, "15-0", leaves none out). Names inside the text's own words
  are its sponsors, not voters left out ("the French text"). The sentence becomes an
  ``act`` statement: its cue the count, its content the text, its source the words naming
  the body, and a speaker for each member not left out. A count that does not add up (a
  member missing, "14 of 15 members voted for it" with nobody named as left out) says of
  no member how it voted, and gives no statement.
- **All of the body's members** (``voters``): an act statement the extraction already made
  whose source is "all (15) members (of the council)", "all Security Council member states",
  less those named after "except" or "but", and whose act is a vote or a sponsorship
  ("voted for", "abstained"; not "all 28 governments support the deal", a view each
  government tells for itself): its speakers are the members, less those. A
  relative clause ("all member states *that voted for it*") picks out some members, not all,
  and is left alone; so is a vote still to come ("all 27 members must agree"). The same
  holds for a decision in a past tense ("all Allies have ratified it", "the 27 member states
  agreed on it"), for "every member", for a count of the whole membership without "all"
  (also before a relative clause: "the last of the 31 member countries that approved it"),
  for a body of each member ("the parliaments of all member states voted for it"), for
  "except X" after the verb, and for "the remaining (N) members" after the members the
  sentence names (when the count adds up). A count of the others ("the remaining 11
  members", "23 countries said yes") is all but the members its sentence, or failing that
  the two before it, names as left out ("Russia vetoed it. China abstained.", "while A
  abstained and only B said no"), when the count and those add up to the membership exactly
  (the count checks the body too: "23 countries" are the EU's after "EU" was named). The
  members named bare with the body in the phrase ("EU states", "European Union member
  states") count as all of them only in a decision the whole membership takes
  (``whole_decisions``: "have agreed to it", "approved it"), and a light verb's approval
  ("gave final approval to the ban", "gave the green light to it") is such a decision.
  "All members" or "all Allies" without a body in the phrase are those of the body the
  article named last. Where no statement holds such a
  vote (in a quote, or a clause of a sentence about something else),
  ``collective_statements`` makes one.
- **A national legislature's members together** (``_chamber``): "Hungary's lawmakers
  approved the bill", "Turkish MPs ratified the protocol" are the legislature's vote, so the
  state's act, as "the Hungarian parliament approved it" is; only the state and "the" may go
  with them (not "opposition lawmakers", "46 MPs", "lawmakers from the ruling party").

A sentence with a word of a vote still to come or a condition ("needs nine votes in favour",
"would", "if") outside the text's own words tells no vote, and a count in a year before the
statement's ("in 2011 the council adopted ...") is not counted with that day's members. The
members are those of the statement's day; a day the body's data does not cover gives no
members, so no statement.
What the text is (this proposal or an earlier one) is the stance stage's question, as for
any act.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from factbox.extract.actors import find_actors
from factbox.extract.doc_text import doc_text
from factbox.extract.token_table import token_table
from factbox.records import Speaker, Statement
from factbox.rules.bodies import load_body
from factbox.rules.membership import (
    MembershipUnknown,
    member_name,
    members_as_of,
    membership_known,
)

PronounActor = Callable[[Token], str | None] | None
"""Whose a pronoun is (the actor id of the person or state it stands for), when known."""
TallyCount = re.compile(r"^(\d{1,2})[-\u2013](\d{1,2})$")
"""A count written as one token: "14-0"."""
ALL = -1
"""The count of a unanimous vote: every member, however many sit on the day."""
_VERB_POS = frozenset({"VERB", "AUX"})
NEAR = 3
"""Most dependency edges between a named member and the word that leaves it out of a count
("with [the United States] ... [abstaining]" is 1; "[abstention] by [the United States]" 2)."""
LOOK_BACK = 2
"""Most sentences before a count of the members that voted for a text that may name the
members it leaves out ("Russia vetoed it. China abstained. The remaining 13 voted for it.")."""


@dataclass(frozen=True, slots=True)
class VoteWords:
    """``data/votes.toml``: bodies' names and the words of counts."""

    names: dict[str, tuple[str, ...]]
    referring: frozenset[str]
    members: frozenset[str]
    members_of_a_body: frozenset[str]
    collective: frozenset[str]
    decisions: frozenset[str]
    whole_decisions: frozenset[str]
    dissent: frozenset[str]
    approval_nouns: frozenset[str]
    member_bodies: frozenset[str]
    chamber_members: frozenset[str]
    chamber_votes: frozenset[str]
    passing: frozenset[str]
    receiving: frozenset[str]
    sponsoring: frozenset[str]
    exceptions: frozenset[str]
    favour: frozenset[str]
    unreal: frozenset[str]
    numbers: dict[str, int]
    texts: frozenset[str]
    drafts: frozenset[str]


@lru_cache(maxsize=1)
def vote_words() -> VoteWords:
    path = resources.files("factbox") / "data" / "votes.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = data["words"]
    return VoteWords(
        names={body: tuple(entry["names"]) for body, entry in data["bodies"].items()},
        referring=frozenset(words["referring"]),
        members=frozenset(words["members"]),
        members_of_a_body=frozenset(words["members_of_a_body"]),
        collective=frozenset(words["collective"]),
        decisions=frozenset(words["decisions"]),
        whole_decisions=frozenset(words["whole_decisions"]),
        dissent=frozenset(words["dissent"]),
        approval_nouns=frozenset(words["approval_nouns"]),
        member_bodies=frozenset(words["member_bodies"]),
        chamber_members=frozenset(words["chamber_members"]),
        chamber_votes=frozenset(words["chamber_votes"]),
        passing=frozenset(words["passing"]),
        receiving=frozenset(words["receiving"]),
        sponsoring=frozenset(words["sponsoring"]),
        exceptions=frozenset(words["exceptions"]),
        favour=frozenset(words["favour"]),
        unreal=frozenset(words["unreal"]),
        numbers={word: value for value, word in enumerate(words["numbers"])},
        texts=frozenset(words["texts"]),
        drafts=frozenset(words["drafts"]),
    )


@dataclass(frozen=True, slots=True)
class _BodyMention:
    body: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Count:
    in_favour: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Tally:
    """A sentence's count in favour, read: the body, the count, the text it passes (its
    noun phrase) and the members it leaves out."""

    mention: _BodyMention
    count: _Count
    text: Span
    left: set[str]


# --- a count in favour ---------------------------------------------------------------------


def count_statements(
    doc: Doc, published: dt.date | None, beside: Sequence[Statement] = ()
) -> list[Statement]:
    """An ``act`` statement for each sentence of ``doc`` that passes a text by a count the
    body's membership accounts for (module docstring), unless one of the statements
    ``beside`` already has the count in its cue ("EU ambassadors [unanimously backed] the
    package": ``voters`` reads that one's count); speakers and date still to resolve
    (``voters`` gives the speakers)."""
    found = []
    for sentence in doc.sents:
        tally = _tally(sentence, published)
        if tally is None:
            continue
        content = tally.text
        source = doc[tally.mention.start : tally.mention.end]
        cue = doc[tally.count.start : tally.count.end]
        if any(
            s.cue_span and s.cue_span[0] <= cue.start_char < cue.end_char <= s.cue_span[1]
            for s in beside
        ):
            continue
        found.append(act_statement(source, cue, content))
    return found


def _tally(sentence: Span, day: dt.date | None) -> _Tally | None:
    """The count of a sentence that passes a text by a count the membership accounts for on
    ``day`` (any day the data covers, when None)."""
    text = _passed_text(sentence)
    count = _count_in_favour(sentence) if text is not None else None
    # the body's names are searched last, in the few sentences that pass a text by a count
    mention = _body_mention(sentence) if count is not None else None
    if text is None or count is None or mention is None:
        return None
    # a modal or a need outside what the text itself says ("the text that would have had
    # the council demand ...")
    phrase = _noun_phrase(text, stop=count.start)
    own = set(range(phrase.start, phrase.end))
    if any(_unreal(t) for t in sentence if t.i not in own):
        return None
    if day is not None and _earlier_year(sentence, day):
        return None  # "in 2011 the council adopted ..." counts the members of another year
    left = _left_out(sentence, mention, count.in_favour, day, own)
    if left is None:
        return None
    return _Tally(mention, count, phrase, left)


def _earlier_year(sentence: Span, day: dt.date) -> bool:
    """Whether a date of ``sentence`` names a year before ``day``'s."""
    return any(
        token.text.isdigit() and len(token.text) == 4 and int(token.text) < day.year
        for entity in sentence.ents
        if entity.label_ == "DATE"
        for token in entity
    )


def is_count_cue(cue: Span) -> bool:
    """Whether an act's cue is a count in favour (``count_statements``) or a light verb's
    approval ("gave final approval", ``collective_statements``): a stance act that supports,
    as "voted for" does."""
    return _count_in_favour(cue) is not None or (
        _approval(cue.root) is not None and not any(t.dep_ == "neg" for t in cue.root.children)
    )


def _passed_text(sentence: Span) -> Token | None:
    """The text a verb of ``passing`` passes: its object, its passive subject, or the noun a
    participle describes ("the resolution, passed 14-0, ..."); or the subject of a verb of
    ``receiving`` ("the draft received 11 votes")."""
    words = vote_words()
    passing_or_receiving = words.passing | words.receiving
    doc = sentence.doc
    pos = token_table(doc).pos
    # only verbs pass or receive: the other tokens are skipped on the token table's tags
    for verb in (doc[i] for i in range(sentence.start, sentence.end) if pos[i] in _VERB_POS):
        lemma = verb.lemma_.lower()
        counted = any(_with_a_number(c) for c in verb.children)
        if lemma not in passing_or_receiving and not counted:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        deps: tuple[str, ...] = ("nsubj",) if lemma in words.receiving else ()
        if lemma in words.passing:
            deps += ("dobj", "nsubjpass", "obj")
        if counted:
            # the count beside any verb of the text: "the resolution was tabled by A, with
            # 14 members in favour"
            deps += ("nsubjpass", "nsubj")
        if not deps:
            continue
        candidates = [c for c in verb.children if c.dep_ in deps]
        if verb.dep_ == "acl":
            candidates.append(verb.head)
        for text in candidates:
            if text.lemma_.lower() in words.texts:
                return text
    return None


def _with_a_number(token: Token) -> bool:
    """ "with" and a counted noun ("with 14 members in favour", "with 13 votes")."""
    return (
        token.dep_ == "prep"
        and token.lower_ == "with"
        and any(
            o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children) for o in token.children
        )
    )


def _count_in_favour(tokens: Span) -> _Count | None:
    """A count of votes in favour: "14-0", "14 votes (in favour)", "14 members" after
    "approval from" or before "voting in favour"."""
    words = vote_words()
    for token in tokens:
        whole = TallyCount.match(token.text)
        if whole is not None:
            return _Count(int(whole.group(1)), token.i, token.i + 1)
        value = _number(token)
        if value is None:
            continue
        doc = token.doc
        after = doc[token.i + 1 : token.i + 3]
        if (
            len(after) == 2
            and after[0].text in ("-", "\u2013", "to")
            and _number(after[1]) is not None
        ):
            return _Count(value, token.i, token.i + 3)
        noun = token.head if token.dep_ == "nummod" else None
        if noun is None or noun.i < token.i:
            continue
        lemma = noun.lemma_.lower()
        if lemma == "vote":
            end = noun.i + 1
            if (
                end + 1 < len(doc)
                and doc[end].lower_ == "in"
                and _word(doc[end + 1]) in words.favour
            ):
                end += 2
            return _Count(value, token.i, end)
        if lemma in words.members and _members_in_favour(noun):
            return _Count(value, token.i, noun.i + 1)
    return _unanimous(tokens)


def _unanimous(tokens: Span) -> _Count | None:
    """ "Unanimously adopted", "a unanimous vote": every member in favour (``ALL``) when
    nothing else is counted."""
    for token in tokens:
        if token.lower_ in ("unanimously", "unanimous"):
            return _Count(ALL, token.i, token.i + 1)
    return None


def _members_in_favour(noun: Token) -> bool:
    """Members counted as voting for it: "14 members voting in favour", "14 members in
    favour", "approval from 14 members", "backed by 14 members"."""
    words = vote_words()
    doc = noun.doc
    if any(
        c.dep_ == "prep"
        and c.lower_ == "in"
        and c.i + 1 < len(doc)
        and _word(doc[c.i + 1]) in words.favour
        for c in noun.children
    ):
        return True  # "with 14 members in favour"
    for verb in (noun.head, *noun.children):
        if verb.lemma_.lower() == "vote" and any(
            _word(t) in words.favour for t in verb.subtree if t.i > verb.i
        ):
            return True
    holder = noun.head.head if noun.dep_ == "pobj" else None
    return holder is not None and holder.lemma_.lower() in ("approval", "support", "backing")


def _number(token: Token) -> int | None:
    if token.text.isdigit() and len(token.text) <= 2:
        return int(token.text)
    return vote_words().numbers.get(token.lower_)


def _left_out(
    sentence: Span,
    mention: _BodyMention,
    in_favour: int,
    day: dt.date | None,
    text: set[int],
) -> set[str] | None:
    """The members ``sentence`` names, each left out of the count by a word near it, when
    they and the count make up the whole membership on ``day``; else None. The words of
    the body's name and of the text (its sponsors: "the French text") name no voter."""
    members = _members(mention.body, day)
    if members is None:
        return None
    doc = sentence.doc
    inside = [
        i
        for i in range(sentence.start, sentence.end)
        if not mention.start <= i < mention.end and i not in text
    ]
    left: set[str] = set()
    for match in find_actors(doc, inside):
        if match.actor.id not in members:
            continue
        root = doc[match.start : match.end].root
        if not any(_leaves_out(t) and _distance(root, t) <= NEAR for t in sentence):
            return None  # a member named without being left out: the count is not read
        left.add(match.actor.id)
    counted = len(members) if in_favour == ALL else in_favour
    if len(members) != counted + len(left):
        left |= _left_out_after(sentence, members)
    if len(members) != counted + len(left):
        return None
    return left


def _left_out_after(sentence: Span, members: list[str]) -> set[str]:
    """The members the next sentence says did not vote for it, when that is all it says:
    "... adopted the resolution with 14 members voting for it. Norway abstained." (its main
    verb leaves its subject out, and every actor of the subject is a member)."""
    doc = sentence.doc
    if sentence.end >= len(doc):
        return set()
    following = doc[sentence.end].sent
    root = following.root
    if not _leaves_out(root) and not any(_leaves_out(c) for c in root.children if c.dep_ == "prep"):
        return set()
    found: set[str] = set()
    for subject in (c for c in root.children if c.dep_ == "nsubj"):
        for match in find_actors(doc, [t.i for t in subject.subtree]):
            if match.actor.id not in members:
                return set()
            found.add(match.actor.id)
    return found


# --- all of a body's members -----------------------------------------------------------


def voters(
    statement: Statement, doc: Doc, day: dt.date | None, actor_of: PronounActor = None
) -> list[Speaker] | None:
    """The members of the body that an act statement's source stands for on ``day``: for a
    count in favour, all but those left out; for "all (N) members (except X)", all but X;
    for a national legislature's members together, the state. None when the statement is
    none of these (its speakers are its source's). ``actor_of`` tells whose a pronoun left
    out is ("all 27 leaders except [him]"); without it, or when it cannot tell, such a
    sentence says of no member how it voted."""
    if statement.kind not in ("act", "indirect"):
        return None
    if statement.source_span is None or statement.cue_span is None:
        return None
    source = doc.char_span(*statement.source_span, alignment_mode="expand")
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    if source is None or cue is None or not len(source) or not len(cue):
        return None
    if statement.kind == "act" and _count_in_favour(cue) is not None:
        sentence = source.sent
        tally = _tally(sentence, day)
        if tally is None:
            return None
        return _speakers(tally.mention.body, day, tally.left, source)
    return _all_members(source, cue, day, actor_of) or _chamber(source, cue)


def _all_members(
    source: Span, cue: Span, day: dt.date | None, actor_of: PronounActor = None
) -> list[Speaker] | None:
    """The members of a body that the subject of a vote or a decision names as a whole:
    "all (15) (Security Council) members (of the council) (except X)", "every member of
    the council", "the EU's 27 member states" (a count of the whole membership), "the
    parliaments of all NATO member states"; as the subject of the act's verb, or as the
    noun a relative clause on the act describes when a count of the whole membership says
    all of them did it ("the last of the 31 NATO member countries that approved it"),
    never "all member states that voted for it", which picks out some."""
    group = source.root
    verb = cue.root
    head = _members_noun(group)
    if head is None or not _does(group, verb) or not _decided(verb):
        return None
    if any(t.dep_ == "neg" or t.lower_ in ("almost", "nearly") for t in source):
        return None  # "not all members", "nearly all members"
    counts = [n for n in (_number(c) for c in head.children if c.dep_ == "nummod") if n]
    part = _number(group) if group.i != head.i else None
    mention = _body_mention(source) or _body_named_before(head, counted=bool(counts))
    if mention is None:
        return None
    members = _members(mention.body, day)
    if members is None:
        return None
    left = set()
    for match in find_actors(source.doc, range(source.start, source.end)):
        if match.actor.id not in members:
            continue
        before = source[: match.start - source.start]
        if not any(_leaves_out(t) or t.lower_ in ("but", "other") for t in before):
            return None  # a member named in the source and not left out: not all of them
        left.add(match.actor.id)
    left |= _excepted_after(source, verb, members)
    pronouns = _pronouns_left_out(source, members, actor_of)
    if pronouns is None:
        return None  # "all members except him", and nobody can tell who he is
    left |= pronouns
    if part is not None:
        # "eleven of the 15 members voted for it": a count of the others, of all of them
        if counts and counts[0] != len(members):
            return None
        counts = [part]
    every = part is None and (
        any(
            t.lower_ in ("all", "every", "each") and t.dep_ in ("det", "predet")
            for t in head.children
        )
        or (group.i != head.i and group.lower_ == "all")  # "all of the 27 leaders"
    )
    remaining = any(c.dep_ == "amod" and c.lower_ in ("remaining", "other") for c in head.children)
    if remaining or (counts and not left and counts[0] != len(members)):
        # "Russia vetoed it and the remaining (13) members voted for it", "23 countries said
        # yes while A abstained and only B said no": all but the members named as left out
        named = _named_left_out(source, members, counts[0] if counts else None, remaining)
        if not named or left:
            return None
        left, every = named, True
        counts = counts or [len(members) - len(left)]
    whole = (len(members), len(members) - len(left))
    if counts and counts[0] not in whole:
        return None
    if not counts and not every and _bare(head, mention, verb):
        every = True  # "EU states have agreed to it"
    if not counts and (not every or verb.dep_ == "relcl"):
        return None  # "the members", "all member states that voted for it"
    return _speakers(mention.body, day, left, source)


def _bare(head: Token, mention: _BodyMention, verb: Token) -> bool:
    """Members named bare with the body's name alone in the phrase ("EU states", "European
    Union member states"; not "members" after the body was named), deciding in a past tense
    what the whole membership decides (``whole_decisions``: "have agreed", "approved"):
    nothing else goes with the noun, so no part of them ("many", "some", "the", "EU states
    that ..."), and no word of dissent near it (``_dissent_near``)."""
    whole = verb.lemma_.lower() in vote_words().whole_decisions or _approval(verb) is not None
    if head.tag_ not in ("NNS", "NNPS") or not whole:
        return False
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ == "relcl":
        return False
    inside = range(mention.start, mention.end)
    if not head.left_edge.i <= mention.start < head.i:
        return False  # the body named in the phrase itself, not only before it
    if _dissent_near(head.sent):
        return False  # "approved it over the objection of several countries"
    return all(
        c.i in inside or (c.dep_ == "compound" and c.lemma_.lower() in vote_words().members)
        for c in head.children
        if c.i < head.i
    ) and not any(c.i > head.i and c.dep_ in ("relcl", "acl", "prep") for c in head.children)


def _dissent_near(sentence: Span) -> bool:
    """Whether ``sentence`` or the one after it tells of members that did not go along
    (``dissent`` or ``exceptions``: "over the objection of", "by a majority", "Four countries
    voted against")."""
    doc = sentence.doc
    end = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    dissent = vote_words().dissent
    return any(_leaves_out(t) or t.lemma_.lower() in dissent for t in doc[sentence.start : end])


def _named_left_out(
    source: Span, members: list[str], count: int | None, remaining: bool
) -> set[str]:
    """The members a count of the others leaves out: for "the remaining (N) members", those
    its sentence names before it; for "N members", those its sentence names as left out
    ("while A abstained and only B said no"). When that is too few for the count, the
    members the sentences before it name as left out are added ("Russia vetoed it. China
    abstained. The remaining 13 members voted for it."), a sentence at a time up to
    ``LOOK_BACK``; the count and the members left out must then make up the membership."""
    doc = source.doc
    sentence = source.sent
    if remaining:
        earlier = range(sentence.start, source.start)
        named = {m.actor.id for m in find_actors(doc, earlier) if m.actor.id in members}
    else:
        outside = [
            i
            for i in range(sentence.start, sentence.end)
            if i not in range(source.start, source.end)
        ]
        named = _left_out_in(sentence, outside, members)
    if count is None:
        return named
    start = sentence.start
    for _ in range(LOOK_BACK):
        if len(members) - len(named) <= count or start == 0:
            break
        before = doc[start - 1].sent
        named |= _left_out_in(before, range(before.start, before.end), members)
        start = before.start
    return named if len(members) - len(named) == count else set()


def _left_out_in(sentence: Span, indices: Sequence[int], members: list[str]) -> set[str]:
    """The members named at ``indices`` of ``sentence`` that a word of it leaves out of the
    vote: the subject of "abstained", "vetoed", "said no" (or of a list that is), the object
    of "with ... against"."""
    doc = sentence.doc
    found = set()
    for match in find_actors(doc, list(indices)):
        if match.actor.id not in members:
            continue
        root = doc[match.start : match.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "China, India and [the UAE] abstained": the list's first
        if any(_leaves_out(t) and _distance(root, t) <= 2 for t in sentence):
            found.add(match.actor.id)
    return found


def collective_statements(
    doc: Doc, published: dt.date | None, beside: list[Statement]
) -> list[Statement]:
    """An ``act`` statement for each vote or decision of a body's whole membership
    (``_all_members``) with a text it is on that the statements ``beside`` do not already
    hold, wherever it is told: in a quote ("'The parliaments of all member states have now
    voted in favour of Sweden's accession,' he said") or a clause of a sentence about
    something else. Speakers and date still to resolve (``voters`` gives the members)."""
    found = []
    pos = token_table(doc).pos
    for verb in (doc[i] for i, tag in enumerate(pos) if tag in _VERB_POS):
        group = verb.head if verb.dep_ == "relcl" else None
        if group is None:
            group = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        content = _voted_on(verb) if group is not None else None
        if group is None or content is None:
            continue
        end = verb.left_edge.i if verb.dep_ == "relcl" else group.right_edge.i + 1
        source = doc[group.left_edge.i : end]
        between = doc[verb.i : content.start]
        approval = _approval(verb)
        if approval is not None:
            cue = doc[verb.i : approval.i + 1]  # "gave final approval"
        elif all(t.i == verb.i or t.dep_ in ("prep", "pobj", "prt") for t in between):
            cue = between
        else:
            cue = doc[verb.i : verb.i + 1]
        if not len(source) or _overlaps(cue, beside):
            continue
        if _all_members(source, cue, published) is None:
            continue
        found.append(act_statement(source, cue, content))
    return found


def _voted_on(verb: Token) -> Span | None:
    """What a vote or a decision is on: its object ("ratified the protocol"), what it is "in
    favour of", "for" or "on", or the clause it votes for ("voted to ratify the protocol")."""
    noun = _approval(verb)
    if noun is not None:
        # "gave final approval (on Tuesday) to the ban": what the approval is given to
        for prep in (*verb.children, *noun.children):
            held = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ in ("prep", "dative") and prep.lower_ == "to" and held is not None:
                return _noun_phrase(held, stop=-1)
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return _noun_phrase(child, stop=-1)
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            return verb.doc[child.left_edge.i : child.right_edge.i + 1]
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        held = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if held is None:
            continue
        if prep.lower_ == "in" and held.lower_ in ("favour", "favor"):
            of = next((c for c in held.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            held = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if held is not None:
                return _noun_phrase(held, stop=-1)
        elif prep.lower_ in ("for", "on"):
            return _noun_phrase(held, stop=-1)
    return None


def _excepted_after(source: Span, verb: Token, members: list[str]) -> set[str]:
    """The members an "except (for)" or "but" phrase of the act's verb or of the members
    noun leaves out, outside the source: "all the 14 members voted for it, except for the
    United States"."""
    doc = source.doc
    left: set[str] = set()
    for owner in (verb, source.root):
        for prep in owner.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("except", "but"):
                continue
            if source.start <= prep.i < source.end:
                continue
            found = find_actors(doc, [t.i for t in prep.subtree if t.i != prep.i])
            left |= {m.actor.id for m in found if m.actor.id in members}
    return left


def _pronouns_left_out(source: Span, members: list[str], actor_of: PronounActor) -> set[str] | None:
    """The members a personal pronoun after "except" or "but" in the source leaves out ("all
    27 leaders except [him]"), by ``actor_of``; None when one of them is no member anyone
    can tell (then the sentence says of no member how it voted)."""
    left: set[str] = set()
    for token in source:
        if token.pos_ != "PRON" or token.tag_ != "PRP":
            continue
        if not any(_leaves_out(t) or t.lower_ == "but" for t in source[: token.i - source.start]):
            continue
        actor = actor_of(token) if actor_of is not None else None
        if actor is None or actor not in members:
            return None
        left.add(actor)
    return left


def _members_noun(group: Token) -> Token | None:
    """The noun for a body's members a subject is headed by: itself ("all members"), or
    what a body of each member, a count or "all" is "of" ("the parliaments of all member
    states", "eleven of the 15 members", "all of the EU's 27 national leaders")."""
    if _member_word(group) in vote_words().members:
        return group
    if (
        group.lemma_.lower() not in vote_words().member_bodies
        and _number(group) is None
        and group.lower_ != "all"
    ):
        return None
    for prep in group.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            held = [c for c in prep.children if c.dep_ == "pobj"]
            if held and _member_word(held[0]) in vote_words().members:
                return held[0]
    return None


def _member_word(token: Token) -> str:
    """A noun's singular lower-case form, also where the tagger left a capitalised plural
    unlemmatised ("Allies")."""
    lemma = token.lemma_.lower()
    if lemma != token.lower_ or not lemma.endswith("s"):
        return lemma
    return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]


def _does(group: Token, verb: Token) -> bool:
    """Whether ``group`` is who does ``verb``: its subject, or the noun a relative clause on
    ``verb`` describes with a relative pronoun as the clause's subject ("countries that
    approved it")."""
    if group.head.i == verb.i and group.dep_ in ("nsubj", "nsubjpass"):
        return verb.dep_ != "relcl"
    return (
        verb.dep_ == "relcl"
        and verb.head.i == group.i
        and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children)
    )


def _decided(verb: Token) -> bool:
    """A vote, or a decision in a past tense ("ratified", "have approved"), that took place:
    no modal or need, no negation."""
    words = vote_words()
    lemma = verb.lemma_.lower()
    past = verb.tag_ in ("VBD", "VBN")
    # "said yes" (the parser may hang "yes" on a later verb: the word after it counts)
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else verb
    assent = past and lemma == "say" and "yes" in (after.lower_, *(c.lower_ for c in verb.children))
    approval = past and _approval(verb) is not None
    if (
        lemma not in words.collective
        and not (lemma in words.decisions and past)
        and not assent
        and not approval
    ):
        return False
    return not any(
        (c.dep_ in ("aux", "auxpass") and _unreal(c)) or c.dep_ == "neg" for c in verb.children
    )


def _approval(verb: Token) -> Token | None:
    """The noun of a light verb's decision ("gave final [approval]", "gave the green
    [light]"): the object of "give" in ``approval_nouns`` ("light" only when green)."""
    if verb.lemma_.lower() != "give":
        return None
    for noun in verb.children:
        if noun.dep_ not in ("dobj", "obj"):
            continue
        if noun.lemma_.lower() not in vote_words().approval_nouns:
            continue
        if any(c.lower_ in ("no", "not") for c in noun.children):
            continue  # "gave no approval"
        if noun.lemma_.lower() != "light" or any(c.lower_ == "green" for c in noun.children):
            return noun
    return None


def _body_named_before(head: Token, counted: bool = False) -> _BodyMention | None:
    """The body the article named last before a members noun that says "of some body" by
    itself and names none ("all Allies have ratified it" after "NATO"), or before any
    members noun with a count (``counted``: "23 countries said yes" after "EU", which the
    count must then add up for)."""
    if not counted and _member_word(head) not in vote_words().members_of_a_body:
        return None
    if any(c.dep_ in ("prep", "poss") for c in head.children):
        return None  # "all members of the coalition": of a body the votes data does not know
    body = _named_before(head.doc, head.idx)
    return _BodyMention(body, head.i, head.i + 1) if body is not None else None


# --- a national legislature's members together ---------------------------------------------


def _chamber(source: Span, cue: Span) -> list[Speaker] | None:
    """The state whose legislature's members, named together and by the state alone
    ("Hungary's lawmakers", "Turkish MPs"), voted on a text: the legislature's vote, as
    "Hungary's parliament approved it" is (a state's act). Never a count of them ("46
    MPs"), a part of them ("opposition lawmakers", "lawmakers from the ruling party"), a
    lawmaker alone, nor a vote still to come or not taken."""
    words = vote_words()
    head = source.root
    verb = cue.root
    if _member_word(head) not in words.chamber_members or head.tag_ not in ("NNS", "NNPS"):
        return None
    if head.head.i != verb.i or head.dep_ != "nsubj" or verb.dep_ == "relcl":
        return None
    if verb.lemma_.lower() not in words.chamber_votes or verb.tag_ not in ("VBD", "VBN"):
        return None
    if any((c.dep_ == "aux" and _unreal(c)) or c.dep_ == "neg" for c in verb.children):
        return None
    doc = source.doc
    states: set[str] = set()
    for child in head.children:
        if child.dep_ == "det" and child.lower_ == "the":
            continue
        if child.dep_ == "prep" and all(
            t.ent_type_ in ("DATE", "TIME") for t in child.subtree if t.i != child.i
        ):
            continue  # "Hungarian MPs on Monday"
        if child.dep_ not in ("poss", "amod", "compound"):
            return None
        found = find_actors(doc, [t.i for t in child.subtree if t.dep_ != "case"])
        if len(found) != 1 or found[0].actor.kind != "country":
            return None  # "opposition lawmakers", "Fidesz lawmakers"
        states.add(found[0].actor.id)
    if len(states) != 1:
        return None
    actor = find_actors(doc, [t.i for t in head.subtree if t.i < head.i])[0].actor
    return [
        Speaker(
            text=source.text,
            span=(source.start_char, source.end_char),
            actor_id=actor.id,
            actor=actor.name,
            actor_kind="country",
        )
    ]


# --- shared ---------------------------------------------------------------------------------


def act_statement(source: Span, cue: Span, content: Span) -> Statement:
    """An ``act`` statement of these words, speakers and date still to resolve."""
    first = min(source.start_char, cue.start_char, content.start_char)
    last = max(source.end_char, cue.end_char, content.end_char)
    return Statement(
        kind="act",
        cue=cue.text,
        cue_span=(cue.start_char, cue.end_char),
        content=content.text,
        content_span=(content.start_char, content.end_char),
        source_text=source.text,
        source_span=(source.start_char, source.end_char),
        span=(first, last),
    )


def _overlaps(cue: Span, statements: Sequence[Statement]) -> bool:
    """Whether one of ``statements`` has a cue that shares a character with ``cue``."""
    return any(
        s.cue_span is not None and s.cue_span[0] < cue.end_char and cue.start_char < s.cue_span[1]
        for s in statements
    )


def _members(body_id: str, day: dt.date | None) -> list[str] | None:
    body = load_body(body_id)
    if day is None or body.parametric or not membership_known(body, day):
        return None
    try:
        return members_as_of(body, day)
    except MembershipUnknown:
        return None


def _speakers(
    body_id: str, day: dt.date | None, left: set[str], source: Span
) -> list[Speaker] | None:
    members = _members(body_id, day)
    if members is None:
        return None
    body = load_body(body_id)
    span = (source.start_char, source.end_char)
    return [
        Speaker(
            text=source.text,
            span=span,
            actor_id=member,
            actor=member_name(body, member),
            actor_kind="country",
        )
        for member in members
        if member not in left
    ]


def _body_mention(tokens: Span) -> _BodyMention | None:
    """The body ``tokens`` name (the longest name), or the nearest body named before them
    in the article when they call it "the council", "the body"."""
    words = vote_words()
    doc = tokens.doc
    text = tokens.text
    best: _BodyMention | None = None
    for body, names in words.names.items():
        for name in names:
            for hit in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w])", text):
                span = doc.char_span(
                    tokens.start_char + hit.start(),
                    tokens.start_char + hit.end(),
                    alignment_mode="expand",
                )
                if span is not None and (
                    best is None or span.end - span.start > best.end - best.start
                ):
                    best = _BodyMention(body, span.start, span.end)
    if best is not None:
        return _widened(doc, best)
    for token in tokens:
        if token.lemma_.lower() in words.referring and token.pos_ in ("NOUN", "PROPN"):
            before = _named_before(doc, token.sent.start_char)
            if before is not None:
                return _BodyMention(before, token.left_edge.i, token.i + 1)
    return None


def _widened(doc: Doc, mention: _BodyMention) -> _BodyMention:
    """A body's name with the words of its noun phrase before it ("the 15-member [UN
    Security Council]")."""
    root = doc[mention.start : mention.end].root
    start = min(mention.start, root.left_edge.i)
    return _BodyMention(mention.body, start, max(mention.end, root.i + 1))


def _named_before(doc: Doc, end: int) -> str | None:
    """The body named last in ``doc`` before character ``end``."""
    text = doc_text(doc)[:end]
    best: tuple[int, str] | None = None
    for body, names in vote_words().names.items():
        for name in names:
            at = text.rfind(name)
            if at >= 0 and (best is None or at > best[0]):
                best = (at, body)
    return best[1] if best is not None else None


def _noun_phrase(noun: Token, stop: int) -> Span:
    """``noun`` with the words before it and those after it up to a comma, dash or bracket
    or the count at ``stop`` ("the first resolution by the council in 38 years", "The
    resolution")."""
    doc = noun.doc
    end = noun.i + 1
    while (
        end <= noun.right_edge.i
        and end != stop
        and not doc[end].is_punct
        and noun in doc[end].ancestors
    ):
        end += 1
    while end > noun.i + 1 and doc[end - 1].pos_ == "ADP":
        end -= 1  # "the resolution [with] 14 members voting for it"
    return doc[noun.left_edge.i : end]


def _word(token: Token) -> str:
    """The token's lemma where the vote words list it ("abstained": "abstain"), else the
    token itself ("for")."""
    lemma = token.lemma_.lower()
    return lemma if lemma in vote_words().exceptions else token.lower_


def _leaves_out(token: Token) -> bool:
    """A word that leaves a member out of a count ("abstaining", "against", "except", the
    "no" of "said no" or "voted no")."""
    if token.lower_ == "no" and token.head.lemma_.lower() in ("say", "vote"):
        return True
    return _word(token) in vote_words().exceptions


def _unreal(token: Token) -> bool:
    """A modal verb or a word of need or condition: no vote that took place."""
    unreal = vote_words().unreal
    return token.tag_ == "MD" or token.lemma_.lower() in unreal or token.lower_ in unreal


def _distance(a: Token, b: Token) -> int:
    """Edges on the dependency path between two tokens of one sentence."""
    up: dict[int, int] = {}
    node, steps = a, 0
    while True:
        up[node.i] = steps
        if node.head.i == node.i:
            break
        node, steps = node.head, steps + 1
    node, steps = b, 0
    while node.i not in up:
        if node.head.i == node.i:
            return 1_000
        node, steps = node.head, steps + 1
    return steps + up[node.i]
