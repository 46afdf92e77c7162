"""Does a statement concern a proposal? Lemma/synonym slots checked on the parse.

A proposal's title and description are parsed once into *slots*:

- action: the head verb ("send"),
- theme: its object ("troops"); a theme must be found for a match,
- qualifier: the theme's modifiers ("ground" troops),
- agent: the subject and its modifiers ("NATO members", "Western states"),
- target: the object of a destination preposition ("to Ukraine"), with the proper nouns
  that name it when it is a common noun ("to the Schengen area": "Schengen" too),

and each slot word is widened with the concept sets of ``data/stance/synonyms.toml``
(troops ~ soldiers ~ forces ~ boots ...). A span matches when a theme word is there and
at least one other slot is filled on the dependency tree near it, unless:

- the theme goes somewhere else ("troops ... in Poland": a conflicting place),
- the theme is the object of another action ("withdraw troops", "training soldiers"),
- the theme is modified by another theme's word ("air force", "naval forces"),
- the theme belongs to the target itself ("Ukrainian troops", "Ukraine's forces"),
- the theme is with or for another state than the one the proposal names ("accession talks
  with Moldova", "talks for Chisinau to join" for "open talks with Ukraine"), none of them
  the proposal's and the state no member of a body that could adopt it: that state's case,
- the theme belongs to a named outsider ("Russian troops") and no action word is found;
  a country that belongs (or belonged) to one of the bodies that could adopt the proposal
  is one of those who would act, not an outsider ("Czech soldiers will not go to Ukraine"
  for a proposal NATO could adopt).

A name of the proposal (an acronym its title or description gives, a proper-noun theme, the
initials of a theme that is a name: ``proposal_names``) is a theme specific enough on its own.
Words are looked for in both spellings ("defence", "defense": ``spelling_endings``); an
organisation the theme names is found by its other names ("the EU" for the European Union),
and the subject by any name of its actor ("London" for Britain); a theme that is the noun of
the proposal's action is also told as that verb with the theme's place or modifier ("spend
more on defense"); a name's head in lower case before another noun ("union voters") is not
the name.
A span that matches nothing may still point back at a proposal named before it
(``match_in_context``): a referring phrase ("such a step"), or the proposal's own thing named
again ("she opposes the deal", "his proposed wall": the theme, or a word of its kind from the
table's ``referent`` sets, under "the", "this" or a possessive, with no modifier naming another
topic and none of the checks above blocking it), when the sentences just before it or the
title match the proposal; the evidence keeps both ends.

A statement whose sentence vector is close to a proposal's but whose words did not match
(``factbox.stance.semantic``) goes through the same blocking checks in ``match_similar``,
which decides what the vector cannot: whether its words are about another action, place or
thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from factbox.extract.actors import actor_index, lookup_actor
from factbox.extract.offices import office_table
from factbox.extract.votes import vote_words
from factbox.records import InputError
from factbox.rules.bodies import load_body
from factbox.rules.records import Body
from factbox.stance.lexicon import (
    ConceptKind,
    ConceptTable,
    load_acts,
    load_concepts,
    normalise_phrase,
)
from factbox.stance.records import MatchEvidence, Proposal, ProposalMatch, Slot
from factbox.stance.semantic import ANTECEDENT_SENTENCES, Similarity
from factbox.stance.tree import (
    char_span,
    find_phrases,
    forms,
    is_hyphen,
    phrase_head,
    stretch_span,
    tree_distance,
    words_of,
)

SLOT_WEIGHTS: dict[Slot, float] = {
    "theme": 0.4,
    "term": 0.6,
    "action": 0.25,
    "opposite": 0.25,
    "decision": 0.25,
    "target": 0.2,
    "qualifier": 0.1,
    "agent": 0.1,
}
_WORD = re.compile(r"[^\W\d_]+")
_MODIFIER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
ACTION_DISTANCE = 4
"""Most dependency edges between a theme and its action ("sending of troops" is 2; "a ban
on sales of cars" is 4: the noun of the action over what it acts on, and a noun between)."""
QUALIFIER_DISTANCE = 2
"""Most edges between a theme and its qualifier ("boots on the ground" is 2)."""
PLACE_LABELS = frozenset({"GPE", "LOC"})
OWNER_LABELS = frozenset({"GPE", "NORP"})
OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
PREP_DEPS = frozenset({"prep", "dative"})
NOT_PLACE_LABELS = frozenset(
    {
        "ORG",
        "NORP",
        "DATE",
        "TIME",
        "MONEY",
        "CARDINAL",
        "EVENT",
        "LAW",
        "WORK_OF_ART",
        "PRODUCT",
        "LANGUAGE",
        "ORDINAL",
        "PERCENT",
        "QUANTITY",
    }
)
CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
DECISION_DISTANCE = 4
"""Most edges from a text up to what is done with it ("voted in favour of the text" is 4)."""
DECISION_PATH_DEPS = frozenset({"dobj", "obj", "nsubjpass", "pobj", "prep", "conj"})
COPULAS = frozenset({"be", "become", "remain"})
"""Verbs whose predicate noun says what their subject is ("Croatia [is] a member")."""


@dataclass(frozen=True, slots=True)
class SlotWords:
    """The words and phrases one slot accepts, and the proposal words they came from."""

    words: frozenset[str] = frozenset()
    phrases: frozenset[tuple[str, ...]] = frozenset()
    source: tuple[str, ...] = ()
    spellings: frozenset[tuple[str, ...]] = frozenset()

    def has_token(self, token: Token) -> bool:
        return bool(forms(token) & self.words)

    def has_verb(self, token: Token) -> bool:
        """``token`` is one of the words, or the verb of one of the phrasal verbs with its
        particle ("[send] migrants [back]" for "send back")."""
        if self.has_token(token):
            return True
        lemma = token.lemma_.lower()
        return token.pos_ == "VERB" and any(
            (lemma, c.lower_) in self.phrases for c in token.children if c.dep_ in ("prt", "advmod")
        )

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)


@dataclass(frozen=True, slots=True)
class ProposalSlots:
    slug: str
    action: SlotWords
    theme: SlotWords
    qualifier: SlotWords
    agent: SlotWords
    target: SlotWords
    terms: tuple[tuple[str, ...], ...] = ()
    directional: bool = False
    """The target is where the theme would go ("to Ukraine"), not where it is."""
    members: frozenset[str] = frozenset()
    """Actors that belong or belonged to the bodies that could adopt the proposal."""
    opposite: SlotWords = SlotWords()
    """Actions that undo the proposal's ("remain" for "leave"; ``synonyms.toml``)."""
    named: frozenset[str] = frozenset()
    """Actors the title or description names ("Iran" in "keep the Iran nuclear deal")."""
    document: bool = False
    """The theme is a text someone drafts and a body decides on ("resolution", "package"):
    an owner it names is its sponsor, and what members do with it (``decision_verbs``)
    counts as its action."""
    own_words: frozenset[str] = frozenset()
    """Every word of the title and description (a rival text the proposal itself names)."""
    referents: frozenset[str] = frozenset()
    """The theme's words and the words of the ``referent`` sets that hold one ("deal" for
    "agreement"): the proposal's own thing, when a mention points back at it."""
    purpose_action: bool = False
    """The action is only a noun phrase's "to" clause ("the agreement to return migrants"):
    the proposal is still a thing members decide on."""
    names: frozenset[str] = frozenset()
    """Names of the proposal that need no other slot (``proposal_names``): "tpp" for "the
    TPP trade agreement" or for "the Trans-Pacific Partnership"."""
    theme_actors: frozenset[str] = frozenset()
    """Organisations the theme names ("the European Union": EU): any name of theirs in a
    statement ("the EU", "the E.U.") is a theme word, which needs another slot as any does."""
    theme_verbs: frozenset[str] = frozenset()
    """Stems of the verb a theme is the noun of ("spend" for "spending"): the verb with
    its thing's place or modifier ("spend more [on defense]") is the theme told as a verb."""
    proper_theme: bool = False
    """The theme is a name's head ("the European [Union]"): written in lower case before
    another noun ("[union] voters") it is a common noun, another thing."""
    agent_actors: frozenset[str] = frozenset()
    """Countries and organisations the subject names ("Britain": GB): any name of theirs as
    the subject of the action ("the UK", "London") is the agent."""
    joined: frozenset[str] = frozenset()
    """States the proposal lets into a body ("Invite Ukraine to join NATO": UA). The theme
    is then their joining (``state_joining`` in ``synonyms.toml``), and another state's
    joining ("Sweden's accession", "Finland will join") is another thing."""
    body_decides: bool = False
    """The subject of the proposal's action is one of its bodies ("The Security Council
    renews its authorisation"): the proposal is that body's own decision, taken on a text
    its members draft and vote on, so a text noun that points back ("the draft") or a
    member's draft ("Russia's draft") is one of its drafts (``drafts``, ``_members_draft``).
    What members do in a vote is not tied to it by this alone: a bare vote ("98 senators
    voted") may be any body's."""
    drafts: frozenset[str] = frozenset()
    """For a body's own decision, the nouns of a text it votes on (``drafts`` of
    ``data/votes.toml``) that are words of its own thing in the singular ("the draft",
    "this resolution"; "all relevant resolutions" are other texts)."""


@dataclass(slots=True)
class _SlotBuilder:
    words: set[str] = field(default_factory=set)
    phrases: set[tuple[str, ...]] = field(default_factory=set)
    source: list[str] = field(default_factory=list)
    spellings: set[tuple[str, ...]] = field(default_factory=set)

    def freeze(self) -> SlotWords:
        return SlotWords(
            frozenset(self.words),
            frozenset(self.phrases),
            tuple(self.source),
            frozenset(self.spellings),
        )


def _expand(builder: _SlotBuilder, form: str, kind: ConceptKind, table: ConceptTable) -> bool:
    """Add a word (or phrase) and every set of ``kind`` that contains it; True if any set did."""
    builder.source.append(form)
    sets = []
    for spelling in table.variants(form):
        # in every spelling ("defence" is "defense" in American copy)
        phrase = normalise_phrase(spelling)
        if len(phrase) == 1:
            builder.words.add(phrase[0])
        else:
            builder.phrases.add(phrase)
        sets += [s for s in table.containing(spelling, kind) if s not in sets]
    for concept in sets:
        builder.words |= concept.words
        builder.phrases |= concept.phrases
        builder.spellings |= concept.spellings
    return bool(sets)


def _entity_tokens(token: Token) -> list[Token]:
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end:
            return list(entity)
    return [token]


def _conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _is_content(token: Token) -> bool:
    return not (token.is_stop or token.is_punct or is_hyphen(token) or token.pos_ == "DET")


def _add_theme(
    head: Token, theme: _SlotBuilder, qualifier: _SlotBuilder, table: ConceptTable
) -> None:
    """The theme noun with its left modifiers; the longest known phrase wins."""
    left = [t for t in head.doc[head.left_edge.i : head.i + 1] if not is_hyphen(t)]
    left = [t for t in left if t.pos_ != "DET" or t.lower_ == "no"]
    words = [w for t in left for w in words_of(t)]
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        if start < len(words) - 1 and table.containing(candidate, "theme"):
            _expand(theme, candidate, "theme", table)
            return
    _expand(theme, head.lemma_.lower(), "theme", table)
    of_objects = [
        obj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    if head.lemma_.lower() in table.flow_nouns:
        # "imports [of] Russian oil": the goods are the theme too, their modifiers qualify
        # them ("an oil embargo", "Russian crude")
        for goods in (g for obj in of_objects for g in _conjuncts(obj) if _is_content(g)):
            _expand(theme, goods.lemma_.lower(), "theme", table)
            for modifier in goods.children:
                if modifier.dep_ in MODIFIER_DEPS and _is_content(modifier):
                    _expand(qualifier, modifier.lemma_.lower(), "qualifier", table)
    for modifier in [*head.children, *of_objects]:
        if modifier.dep_ not in MODIFIER_DEPS | {"pobj"} or not _is_content(modifier):
            continue
        form = modifier.lemma_.lower()
        if table.containing(form, "theme"):
            # a thing the proposal's theme is made of is the proposal's own ("the sanctions
            # package", "a package of sanctions"): it narrows the theme, with its set's words
            _expand(qualifier, form, "theme", table)
        elif modifier.dep_ != "pobj":
            _expand(qualifier, form, "qualifier", table)


def _destination_preps(token: Token, preps: frozenset[str]) -> list[Token]:
    return [p for p in token.children if p.dep_ in PREP_DEPS and p.lemma_.lower() in preps]


def _destination_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """The objects of ``token``'s destination prepositions, and of a preposition joined to
    one ("refugees in [and around] Syria": the object hangs on "around")."""
    return [
        member
        for prep in _destination_preps(token, preps)
        for joined in (prep, *(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP"))
        for obj in joined.children
        if obj.dep_ == "pobj"
        for member in _conjuncts(obj)
    ]


def _place_names(place: Token) -> list[Token]:
    """The proper nouns that name a place given by a common noun ("the [Schengen] area",
    "the [Gaza] Strip"): a text may name the place by them alone."""
    if place.pos_ == "PROPN" and place.ent_type_ in PLACE_LABELS:
        return []
    return [
        c
        for c in place.children
        if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN" and c.i < place.i
    ]


def _places_within(thing: Token, table: ConceptTable) -> list[Token]:
    """The named places after a destination preposition on ``thing``, when ``thing`` is no
    place itself ("a demand for a ceasefire [in Gaza]", "a call for a truce [across] the
    region"): where the thing the proposal asks for would be is where the proposal is."""
    if thing.ent_type_ in PLACE_LABELS or thing.pos_ == "PROPN":
        return []
    return [
        obj
        for obj in _destination_objects(thing, table.destination_preps)
        if obj.ent_type_ in PLACE_LABELS or table.containing(obj.lemma_.lower(), "place")
    ]


def _joined_state(head: Token, action: _SlotBuilder, table: ConceptTable) -> str | None:
    """The state a proposal lets into a body, if ``head`` (its action's object) is one and
    the action is one of letting in ("Invite [Ukraine] to join NATO", "Admit [Romania] to
    the Schengen area"): its actor id, else None."""
    if not table.joining_action or not any(
        concept.name == table.joining_action
        for form in action.source
        for concept in table.containing(form, "action")
    ):
        return None
    return _state_id(head)


def _permitted_verb(root: Token, table: ConceptTable) -> Token:
    """The verb a title's permitting verb lets happen ("Let Finland [join] NATO", "Allow
    Sweden to [join]"): that is the proposal's action, with its subject as what it acts on;
    any other verb stays as it is."""
    if root.lemma_.lower() not in table.permitting_verbs:
        return root
    for child in root.children:
        if child.dep_ in ("ccomp", "xcomp") and child.pos_ == "VERB":
            return child
    return root


def _joining_states(verb: Token, table: ConceptTable) -> list[Token]:
    """The states that are the subject of a joining verb ("[Finland] joins NATO", "Sweden
    and Finland accede to the treaty"): the ones a proposal lets in."""
    if verb.lemma_.lower() not in table.joining_theme_verbs:
        return []
    return [
        member
        for subject in verb.children
        if subject.dep_ == "nsubj"
        for member in _conjuncts(subject)
        if _state_id(member) is not None
    ]


def _taken_in_as(verb: Token, table: ConceptTable) -> bool:
    """``verb`` takes its object in as one of the joining roles ("takes Finland in [as a
    member]", "welcomed Sweden as an ally"): the object is a state let into a body."""
    return any(
        obj.lemma_.lower() in table.joining_roles
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def _add_joining_theme(
    head: Token, theme: _SlotBuilder, qualifier: _SlotBuilder, table: ConceptTable
) -> None:
    """The theme of a state's joining: the ``state_joining`` theme set and the verbs of
    joining; the state (with its place set: "Ukrainian", "Kyiv") is the qualifier."""
    for concept in table.sets:
        if concept.name == table.joining_theme and concept.kind == "theme":
            for word in sorted(concept.words):
                _expand(theme, word, "theme", table)
    theme.words |= table.joining_theme_verbs
    _expand(qualifier, head.lemma_.lower(), "place", table)


def derive_slots(nlp: Language, proposal: Proposal, table: ConceptTable) -> ProposalSlots:
    """Parse the title and description into widened slots."""
    action, theme, qualifier, agent, target = (_SlotBuilder() for _ in range(5))
    directional = False
    named: set[str] = set()
    own_words: set[str] = set()
    names: set[str] = set()
    theme_actors: set[str] = set()
    agent_actors: set[str] = set()
    body_decides = False
    proper: list[bool] = []
    joined: set[str] = set()
    purposes: list[Token] = []
    for text in (proposal.title, proposal.description):
        if not text:
            continue
        doc = nlp(text)
        named |= _named_actors(doc[:])
        own_words |= {v for t in doc for w in forms(t) for v in table.variants(w)}
        root = next(iter(doc.sents)).root
        is_verb = root.pos_ in {"VERB", "AUX"} or root.tag_.startswith("VB")
        if not is_verb:
            verb = _verb_in_capitals(nlp, doc)
            if verb is not None:
                root, is_verb = verb, True
        head = _phrase_in_frame(nlp, text) if _misread_phrase(root, is_verb) else None
        if head is not None:
            root, is_verb = head, False
        if is_verb:
            root = _permitted_verb(root, table)
            # each verb of a list is the proposal's action ("sign, ratify and carry out
            # the agreement"); the theme stays what the first one acts on, as before
            for verb in [root, *(c for c in root.conjuncts if c.pos_ == "VERB")]:
                _expand(action, _verb_form(verb), "action", table)
            theme_heads = [c for c in root.children if c.dep_ in OBJECT_DEPS | {"attr"}]
            joiners = _joining_states(root, table)
            if joiners:
                # "Finland joins NATO": the state is the one let in, and the body it joins
                # is the one that lets it in
                for body in theme_heads:
                    if _is_content(body):
                        _expand(agent, body.lemma_.lower(), "agent", table)
                theme_heads = joiners
            for subject in (c for c in root.children if c.dep_ == "nsubj" and c not in joiners):
                agent_actors |= {a for m in _conjuncts(subject) if (a := _actor_id(m)) is not None}
                body_decides = body_decides or _names_body(subject, tuple(proposal.bodies))
                for member in _conjuncts(subject):
                    for word in (member, *member.children):
                        if word is member or word.dep_ in MODIFIER_DEPS:
                            if _is_content(word):
                                _expand(agent, word.lemma_.lower(), "agent", table)
        else:
            theme_heads = [root]
            purposes += [c for c in root.children if _purpose_verb(c)]
        for head in (h for t in theme_heads for h in _conjuncts(t)):
            state = _joined_state(head, action, table) if is_verb else None
            if state is None and is_verb and _taken_in_as(root, table):
                state = _state_id(head)  # "NATO takes Finland in as a member"
            if state is not None:
                # "Invite Ukraine to join NATO": about Ukraine's joining, not Ukraine
                _add_joining_theme(head, theme, qualifier, table)
                joined.add(state)
                continue
            _add_theme(head, theme, qualifier, table)
            names |= proposal_names(head)
            proper.append(head.pos_ == "PROPN")
            organisation = _organisation_named(head)
            if organisation is not None:
                theme_actors.add(organisation)
            if not is_verb:
                # a text written as a noun phrase ("Mandatory quotas to distribute ..."):
                # its theme's natural action is the proposal's too ("imposed the quotas")
                for natural in table.natural_action(head.lemma_.lower()):
                    _expand(action, natural, "action", table)
        for holder in [root, *theme_heads]:
            for prep in _destination_preps(holder, table.destination_preps):
                for place in _destination_objects(holder, frozenset({prep.lemma_.lower()})):
                    _expand(target, place.lemma_.lower(), "place", table)
                    for name in _place_names(place):
                        # "to the Schengen area": "to Schengen" is the same place
                        _expand(target, name.lemma_.lower(), "place", table)
                    directional |= prep.lemma_.lower() in table.directional_preps
                    for inner in _places_within(place, table):
                        # "a demand for a ceasefire [in Gaza]": the place is the thing's
                        _expand(target, inner.lemma_.lower(), "place", table)
    # a theme that is the -ing noun of one of the proposal's actions ("spending", "spend")
    theme_verbs = frozenset(
        _stem(form)
        for form in theme.source
        if form.endswith("ing") and any(_stem(w) == _stem(form) for w in action.words)
    )
    if not action.source:
        for form in theme.source:
            for natural in table.natural_action(form):
                _expand(action, natural, "action", table)
    purpose_action = not action.source and bool(purposes)
    if purpose_action:
        # "the agreement [to return] all irregular migrants": what the thing does
        for verb in purposes:
            _expand(action, _verb_form(verb), "action", table)
    terms = tuple(
        tuple(w for t in nlp(term) if _is_content(t) for w in words_of(t))
        for term in proposal.terms
    )
    opposite = (
        frozenset(word for form in action.source for word in table.opposite_actions(form))
        - action.words
    )
    # a theme phrase is a text when its head is ("draft resolution", "sanctions package")
    document = any(normalise_phrase(form)[-1] in table.documents for form in theme.source)
    referents = set(theme.words)
    for form in (*theme.source, *theme.words):
        for concept in table.containing(form, "referent"):
            referents |= concept.words
    drafts = vote_words().drafts - referents if body_decides else frozenset()
    # a body's own decision is taken on a text: "the draft", "this resolution" point back
    # at it where the article named the proposal before
    referents |= drafts
    return ProposalSlots(
        slug=proposal.slug,
        action=action.freeze(),
        theme=theme.freeze(),
        qualifier=qualifier.freeze(),
        agent=agent.freeze(),
        target=target.freeze(),
        terms=tuple(t for t in terms if t),
        directional=directional,
        members=body_members(tuple(proposal.bodies)),
        opposite=SlotWords(opposite, source=tuple(sorted(opposite))),
        named=frozenset(named),
        document=document,
        own_words=frozenset(own_words),
        referents=frozenset(referents),
        names=frozenset(names),
        theme_actors=frozenset(theme_actors),
        theme_verbs=theme_verbs,
        proper_theme=bool(proper) and all(proper),
        agent_actors=frozenset(agent_actors),
        body_decides=body_decides,
        drafts=frozenset(drafts),
        purpose_action=purpose_action,
        joined=frozenset(joined),
    )


PHRASE_FRAME = "They discussed "
"""A clause a noun phrase is parsed inside when alone it parses as something else."""


def _misread_phrase(root: Token, is_verb: bool) -> bool:
    """A title or description that is a noun phrase but did not parse as one: a name heading
    it with the real head as its "object" ("EU extra tariffs on ...": "EU" the root,
    "tariffs" its object), or a past participle with no auxiliary as the root ("duties on
    imports ..., put to a vote": a reduced relative read as the clause's verb, in the past
    tense when the form is the same, and with no object of its own)."""
    if is_verb:
        return (
            root.tag_ in {"VBN", "VBD"}
            and not any(c.dep_ in {"aux", "auxpass"} for c in root.children)
            and not any(c.dep_ in OBJECT_DEPS for c in root.children)
        )
    return any(c.dep_ in OBJECT_DEPS | {"nsubj"} for c in root.children)


def _phrase_in_frame(nlp: Language, text: str) -> Token | None:
    """The head of ``text`` parsed as the object of a short clause (``PHRASE_FRAME``), where
    the parser reads a noun phrase as one; None if it does not parse so."""
    first, rest = text[:1], text[1:]
    if text.split(" ", 1)[0] in {"The", "A", "An"}:
        first = first.lower()
    doc = nlp(PHRASE_FRAME + first + rest)
    verb = doc[len(PHRASE_FRAME.split()) - 1]
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    return objects[0] if objects and objects[0].pos_ in {"NOUN", "PROPN"} else None


def _purpose_verb(word: Token) -> bool:
    """``word`` is a "to" clause with an object of its own on a text's head noun: what the
    thing does ("the agreement [to return] all irregular migrants", "the decision [to open]
    accession negotiations")."""
    return (
        word.dep_ == "acl"
        and word.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in word.children)
        and any(c.dep_ in OBJECT_DEPS for c in word.children)
    )


def _stance_adjective(word: Token, theme: Token) -> bool:
    """``word``, a form of the proposal's action, is an adjective the theme hangs on through
    a preposition ("Hungary is [open] to accession talks" for a proposal to open them): a
    stance of its subject's on the theme, not the action done."""
    return word.pos_ == "ADJ" and any(
        c.dep_ == "prep" and theme in c.subtree for c in word.children
    )


IMPERATIVE_FRAME = "They should "
"""A clause an imperative title is parsed inside when alone its verb reads as a noun."""


def _verb_in_capitals(nlp: Language, doc: Doc) -> Token | None:
    """The verb heading a title that the parser read as part of a name because its first
    word is in capitals before a proper noun ("Opening EU accession negotiations with
    Ukraine": "Opening EU" a name, "negotiations" the root): the text parsed again with its
    first letter in lower case, when the verb then heads it with an object. A verb that is
    also a noun stays a noun in lower case too ("ban imports of Russian oil": "ban" a
    compound of "imports"); the imperative is then parsed after a subject and a modal
    (``IMPERATIVE_FRAME``: "They should ban imports ..."), where only a verb fits. None when
    the first word is no such verb ("EU signs ...", "Sweden's accession to NATO", "Brexit
    referendum in Britain")."""
    first = doc[0]
    if first.pos_ != "PROPN" or not first.is_title or len(doc) < 3:
        return None
    text = doc.text[:1].lower() + doc.text[1:]
    again = nlp(text)
    root = next(iter(again.sents)).root
    if root.i != 0 or root.pos_ != "VERB" or root.lower_ != first.lower_:
        framed = nlp(IMPERATIVE_FRAME + text)
        skip = len(IMPERATIVE_FRAME.split())
        root = next(iter(framed.sents)).root
        if root.i != skip or root.pos_ != "VERB" or root.lower_ != first.lower_:
            return None
    return root if any(c.dep_ in OBJECT_DEPS for c in root.children) else None


def _verb_form(verb: Token) -> str:
    """A verb's lemma with its particle, as the table lists phrasal verbs ("carry out")."""
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles[:1]])


NAME_LENGTHS = range(2, 7)
"""How many letters an acronym that names a proposal has ("TPP", "JCPOA")."""


def _is_acronym(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token) in NAME_LENGTHS


def proposal_names(head: Token) -> set[str]:
    """The names (lower case) a proposal's theme ``head`` has in its title or description,
    each enough on its own to tie a statement to the proposal:

    - an acronym that is the theme or modifies it ("ratify TPP", "the TPP trade
      agreement"), unless it names an actor ("NATO", "EU": who would act, not what);
    - the theme itself when it is a proper noun that names no actor or place ("Brexit");
    - the initials of a theme that is a name of several proper nouns ("Trans-Pacific
      Partnership": "tpp"), as articles shorten it; not of an actor's name ("European
      Union").
    """
    names: set[str] = set()
    for token in (head, *(c for c in head.children if c.dep_ in MODIFIER_DEPS)):
        if _is_acronym(token) and lookup_actor(token.text) is None:
            names.add(token.lower_)
    if (
        head.pos_ == "PROPN"
        and head.ent_type_ not in PLACE_LABELS | OWNER_LABELS
        and lookup_actor(head.text) is None
    ):
        if not any(c.dep_ in MODIFIER_DEPS for c in head.children):
            names.add(head.lower_)
        left = head.doc[head.left_edge.i : head.i + 1]
        words = [
            word
            for t in left
            if t.pos_ == "PROPN" and not is_hyphen(t)
            for word in t.text.split("-")
            if word
        ]
        initials = "".join(word[0] for word in words)
        if (
            len(words) >= 2
            and all(t.pos_ in ("PROPN", "DET") or is_hyphen(t) for t in left)
            and lookup_actor(initials) is None
            and lookup_actor(left.text) is None
        ):
            names.add(initials.lower())
    return names


def _organisation_named(head: Token) -> str | None:
    """The organisation a theme and its left modifiers name ("the European Union": EU), by
    actor id; None for anything else (a country, a thing)."""
    left = head.doc[head.left_edge.i : head.i + 1]
    words = [t for t in left if t.pos_ != "DET"]
    if not words or head.pos_ != "PROPN":
        return None
    actor = lookup_actor(head.doc[words[0].i : head.i + 1].text)
    return actor.id if actor is not None and actor.kind == "organization" else None


def _named_actors(span: SpacySpan) -> set[str]:
    """The countries (and peoples' countries) ``span`` names, by actor id."""
    found = set()
    for entity in span.ents:
        if entity.label_ in OWNER_LABELS | PLACE_LABELS:
            actor = lookup_actor(entity.text)
            if actor is not None:
                found.add(actor.id)
    return found


def _names_outsiders_only(tokens: SpacySpan, slots: ProposalSlots) -> bool:
    """For a proposal that names countries, a statement whose sentence names only others,
    none of them a member of a body that could adopt it: about somewhere else, however close
    in meaning ("called on the northern regime to give up its weapons" for a deal with
    another state; the country may be named outside the statement's content)."""
    doc = tokens.doc
    named = _named_actors(doc[tokens[0].sent.start : tokens[-1].sent.end])
    return bool(slots.named and named) and not named & (slots.named | slots.members)


def _named_theme(slots: ProposalSlots) -> frozenset[str]:
    """The actors the proposal's theme names ("Romania" in "admit Romania to the Schengen
    area"), by actor id: its thing is that country, not any country."""
    found = set(slots.joined)  # "admit Romania to ...": the theme is Romania's joining
    for form in slots.theme.source:
        actor = lookup_actor(form) or lookup_actor(form.title())  # the slot keeps lemmas
        if actor is not None:
            found.add(actor.id)
    return frozenset(found)


def _of_objects(word: Token) -> list[Token]:
    """The objects of ``word``'s "of" and "for" ("the admission [of] Cyprus", "membership
    [for] Bulgaria"): whose thing an action noun is."""
    return [
        obj
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for")
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _theme_holders(word: Token, body: SlotWords | None = None) -> list[Token]:
    """Where the thing an action word acts on is named: an action noun's possessor or its
    "of"/"for" object ("Bulgaria's accession", "membership for Bulgaria"); an action verb's
    object ("admit Bulgaria"), or its subject when it has none ("Bulgaria joins") or only
    the body that lets it in (``body``: "Bulgaria joins [Schengen]")."""
    holders = [c for c in word.children if c.dep_ == "poss"]
    holders += _of_objects(word)
    if word.pos_ == "VERB":
        objects = [
            c
            for c in word.children
            if c.dep_ in ("dobj", "obj") and not (body is not None and body.has_token(c))
        ]
        holders += objects or [c for c in word.children if c.dep_ == "nsubj"]
    return [member for holder in holders for member in _conjuncts(holder)]


def _rival_theme(
    tokens: SpacySpan, slots: ProposalSlots, named_theme: frozenset[str]
) -> Token | None:
    """For a proposal whose theme is a country, a word naming another country where the
    theme would go (``_theme_holders`` of one of the proposal's action words), in a span
    that never names the proposal's own: the statement is about that other country's
    case. None when the span names the proposal's country too ("Romania and Bulgaria's
    accession")."""
    if not named_theme or _names_in(tokens) & named_theme:
        return None
    for word in tokens:
        if not slots.action.has_verb(word):
            continue
        for holder in _theme_holders(word, slots.agent):
            actor = _actor_id(holder)
            if actor is not None and actor not in named_theme | slots.named:
                return holder
    return None


def _named_near(tokens: SpacySpan, actors: frozenset[str]) -> bool:
    """One of ``actors`` is named in the sentence of ``tokens`` or in the
    ``ANTECEDENT_SENTENCES`` sentences before it."""
    doc = tokens.doc
    start = tokens[0].sent.start
    for _ in range(ANTECEDENT_SENTENCES):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return bool(_names_in(doc[start : tokens[-1].sent.end]) & actors)


def _names_in(span: SpacySpan) -> set[str]:
    """``_named_actors``, and the proper nouns the model left untagged that name a country
    on their own ("Cyprus hopes ...")."""
    found = _named_actors(span)
    for entity in span.ents:
        if entity.label_ in ("PERSON", "ORG") and entity.root.dep_ == "poss":
            # the model may take the name with its "'s" for an organisation
            name = re.sub(r"['’]s?$", "", entity.text).strip()
            state = _leader_state(name)
            if state is not None:
                found.add(state)  # "Volodymyr Zelenskyy's attempts to join": his state's
    for token in span:
        if token.pos_ == "PROPN" and not token.ent_type_:
            actor = lookup_actor(token.text)
            if actor is not None:
                found.add(actor.id)
    return found


def _leader_state(name: str) -> str | None:
    """The one actor a person the office table knows has served, by id ("Volodymyr
    Zelenskyy": Ukraine); None for one it does not know, or who served several. Their
    possessive names that actor's act ("the president's attempts to join")."""
    states = {row.actor_id for row in office_table().rows(name)}
    return next(iter(states)) if len(states) == 1 else None


def _leader_of_joined(token: Token, slots: ProposalSlots) -> bool:
    """``token`` is the possessive of a leader of a state the proposal lets in ("Volodymyr
    Zelenskyy's attempts to join"): that state's joining, as "Ukraine's attempts" is."""
    if not slots.joined or token.dep_ != "poss":
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None or entity.label_ not in ("PERSON", "ORG"):
        return False
    return _leader_state(re.sub(r"['’]s?$", "", entity.text).strip()) in slots.joined


def _sponsors(theme: Token, sponsor_verbs: frozenset[str], inside: range) -> list[SpacySpan]:
    """The countries, peoples and organisations named as owning or sponsoring a text:
    its possessor or demonym ("Moscow's draft", "the Russian measure"), the agent of a
    sponsoring participle ("a resolution drafted by Russia") or its modifier ("the
    Russian-drafted resolution"); each as its whole named entity."""
    named: list[Token] = []
    for child in theme.children:
        if child.dep_ in OWNER_DEPS and child.i not in inside:
            named.append(child)
        # the participle may be read as part of the theme ("drafted resolution")
        if child.dep_ in ("acl", "amod", "compound") and child.lemma_.lower() in sponsor_verbs:
            for part in child.children:
                if part.dep_ == "agent":
                    named.extend(o for o in part.children if o.dep_ == "pobj")
                elif part.dep_ in ("npadvmod", "compound", "nsubj", "amod"):
                    named.append(part)
    spans = []
    for token in named:
        if token.ent_type_ not in OWNER_LABELS | {"ORG"}:
            continue
        tokens = _entity_tokens(token)
        spans.append(token.doc[tokens[0].i : tokens[-1].i + 1])
    return spans


def _rival_sponsors(doc: Doc, table: ConceptTable) -> frozenset[str]:
    """The sponsors whose text ``doc`` calls a rival somewhere ("voted for the French text
    and [a rival Russian proposal]", "Russia's competing draft"): for a proposal that names
    no sponsor, a text of theirs elsewhere in the article ("the Russian measure") is that
    rival, not the proposal. A report on rival drafts calls one of them the rival of the
    other; a text the article never calls so may still be the proposal."""
    found: set[str] = set()
    for token in doc:
        if token.dep_ not in MODIFIER_DEPS or not forms(token) & table.rival_words:
            continue
        text = token.head
        if not forms(text) & table.documents:
            continue
        for sponsor in _sponsors(text, table.sponsor_verbs, range(0)):
            actor = lookup_actor(sponsor.text)
            if actor is not None:
                found.add(actor.id)
    return frozenset(found)


def known_bodies(bodies: Iterable[str]) -> list[Body]:
    """The bodies of ``bodies`` that the data knows (an unknown id is left out)."""
    found = []
    for reference in bodies:
        try:
            found.append(load_body(reference))
        except InputError:
            continue
    return found


@lru_cache(maxsize=32)
def body_members(bodies: tuple[str, ...]) -> frozenset[str]:
    """Every actor that ever belonged to one of ``bodies`` (unknown bodies add nobody)."""
    return frozenset(m.actor_id for body in known_bodies(bodies) for m in body.memberships)


@dataclass(slots=True)
class _Candidate:
    theme: Token
    theme_span: tuple[int, int]
    evidence: list[MatchEvidence] = field(default_factory=list)
    blocked: str | None = None
    phrase: bool = False
    """Found by a multi-word theme ("no-fly zone"): specific enough on its own."""

    def add(self, slot: Slot, token: Token) -> None:
        if all(e.slot != slot for e in self.evidence):
            self.evidence.append(MatchEvidence(slot, token.text, char_span(token)))

    def has(self, slot: Slot) -> bool:
        return any(e.slot == slot for e in self.evidence)

    @property
    def score(self) -> float:
        return min(1.0, sum(SLOT_WEIGHTS[e.slot] for e in self.evidence))


class ProposalMatcher:
    """Find which proposals a span of text is about."""

    def __init__(
        self,
        nlp: Language,
        proposals: Sequence[Proposal],
        concepts: ConceptTable | None = None,
    ) -> None:
        self.table = concepts or load_concepts()
        self.proposals = list(proposals)
        self.slots = [derive_slots(nlp, p, self.table) for p in self.proposals]
        self._action_words = frozenset(w for s in self.table.of_kind("action") for w in s.words)
        self._theme_words = frozenset(w for s in self.table.of_kind("theme") for w in s.words)
        self._place_words = frozenset(w for s in self.table.of_kind("place") for w in s.words)
        self._qualifier_words = frozenset(
            w for s in self.table.of_kind("qualifier") for w in s.words
        )
        self._stems = {slots.slug: _slot_stems(slots) for slots in self.slots}
        self._vote_labels = frozenset(load_acts().labels)
        self._referent_stems = {
            slots.slug: frozenset(_stem(w) for w in slots.referents - slots.drafts)
            for slots in self.slots
        }
        self._own_topic = {slots.slug: _own_topic_words(slots) for slots in self.slots}
        self._known_theme = {
            slots.slug: any(self.table.containing(w, "theme") for w in slots.theme.source)
            for slots in self.slots
        }
        self._named_theme = {slots.slug: _named_theme(slots) for slots in self.slots}

    def match(self, span: SpacySpan | Doc, described: bool = True) -> list[ProposalMatch]:
        """Every proposal the span is about, best first, with the words that matched;
        ``described``: a noun of a proposal's kind told by its own words counts
        (``_kind_described``)."""
        tokens = span[:] if isinstance(span, Doc) else span
        found = []
        for slots in self.slots:
            best = self._best(tokens, slots, described)
            if best is not None:
                found.append(ProposalMatch(slots.slug, round(best.score, 3), tuple(best.evidence)))
        return sorted(found, key=lambda m: -m.score)

    def match_in_context(self, span: SpacySpan, reactions: bool = True) -> list[ProposalMatch]:
        """``match``; or, when the span names no proposal but refers back to one ("such a
        step", "the option"), the proposals of the words before it in its sentence or of the
        nearest sentence before that names one. Such a match's evidence is the referring
        phrase (its theme) followed by the words that matched there (slot ``antecedent``).
        Failing that, a mention of a proposal's own thing that points back ("the deal", "his
        proposed wall") where the article named the proposal before (``_named_again``); and,
        with ``reactions``, a span that only reproaches a member who blocks a proposal is
        tied to that proposal (``_blocker_reactions``). A noun of a proposal's kind told by
        its own words ("a climate change accord") counts only when none of those names it: a
        mention that points back keeps the words it points at."""
        found = self.match(span, described=False)
        if found:
            return found
        found = (
            self._referred_back(span)
            or self._named_again(span)
            or self._pronoun_back(span)
            or self.match(span)
            or self._apposed(span)
        )
        if found or not reactions:
            return found
        return self._blocker_reactions(span)

    def _referred_back(self, span: SpacySpan) -> list[ProposalMatch]:
        """A referring phrase ("such a step") or a bare vote, and the proposal the sentences
        before it name (``match_in_context``)."""
        referring = self._referring_noun(span) or self._vote_side(span)
        vote = self._bare_decision(span) if referring is None else None
        acting = self._acting_verb(span) if referring is None and vote is None else None
        referring = referring or vote or acting
        if referring is None:
            return []
        reach = ACTING_SENTENCES if acting is not None else ANTECEDENT_SENTENCES
        if referring.lemma_.lower() in self.table.standing_nouns:
            reach = OWN_ANTECEDENT_SENTENCES  # "dropped their objections": to the story's thing
        documents = {slots.slug for slots in self.slots if _voted_on(slots, self.table)}
        topic = self._vote_topic(vote) if vote is not None else None
        if vote is not None and topic is not None:
            # "abstained from a vote on Friday about blocking the tariffs": its own topic
            return [_referred(vote, m) for m in self.match(topic) if m.slug in documents]
        for before, whole in _words_before(span):
            antecedents = self.match(before)
            if vote is not None:
                # a vote is on a text or a measure: "China and Angola abstained" after the
                # draft is named
                antecedents = [match for match in antecedents if match.slug in documents]
            if antecedents:
                return [_referred(referring, match) for match in antecedents]
            if whole:
                # A sentence that itself refers back ("such a step"), or another vote told
                # the same way ("Against: A, B."), carries the chain on.
                chain = self._referring_noun(before) or (
                    vote is not None and self._bare_decision(before)
                )
                reach = ANTECEDENT_SENTENCES if chain else reach - 1
                if reach == 0:
                    break
        if vote is not None:
            return [_referred(vote, match) for match in self._voted_in_title(span, documents)]
        return []

    def _vote_side(self, span: SpacySpan) -> Token | None:
        """A side of a vote that a member takes ("sided with [the majority]", "joined [the
        Yes camp]", "switched to [the opposing side]"): one of ``vote_sides`` as the object
        of one of ``joining_verbs`` (the verb may be the statement's cue, outside it), with
        no topic of its own after it but who makes it up ("the majority of member states");
        it is the vote on what the sentences before it name."""
        table = self.table
        for token in span:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in table.vote_sides:
                continue
            verb = token.head
            if token.dep_ == "pobj" and verb.dep_ in ("prep", "dative"):
                verb = verb.head
            elif token.dep_ not in ("dobj", "obj"):
                continue
            if verb.lemma_.lower() not in table.joining_verbs:
                continue
            topics = [
                o
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ != "of"
                for o in prep.children
            ]
            if not topics:
                return token
        return None

    def _acting_verb(self, span: SpacySpan) -> Token | None:
        """The span's main verb when it stands for doing what was named just before, with
        nothing of its own to act on (``acting_verbs``): "urged Orban to [act] quickly",
        "the others will [follow] suit", "Berlin should [do] so". Not with an object, a
        clause or a particle of its own ("act on climate", "move on", "proceed to a vote")."""
        verb = span.root
        if verb.pos_ != "VERB" or not span.start <= verb.i < span.end:
            return None
        lemma = verb.lemma_.lower()
        needed = None
        for entry in self.table.acting_verbs:
            head, _, word = entry.partition(" ")
            if head == lemma:
                found = [c for c in verb.children if c.lower_ == word] if word else [verb]
                if found:
                    needed = found[0]
                    break
        if needed is None:
            return None
        for child in verb.children:
            if child.i == needed.i:
                continue
            if child.dep_ in ("dobj", "obj", "dative", "prt", "ccomp", "xcomp", "attr", "oprd"):
                return None
            if child.dep_ == "prep" and not (
                child.lower_ in self.table.acting_preps or _is_time(child)
            ):
                return None
        return verb

    def _pronoun_back(self, span: SpacySpan) -> list[ProposalMatch]:
        """A pronoun that stands for the proposal's thing named just before the statement
        (``match_in_context``): the statement's subject or object before any noun of its
        own ("[it]'s disastrous", "[which] the government should pay for", "so [they] can be
        planted among us"), where the words of its sentence before the statement, or else
        the one sentence before that, match the proposal with a theme of the pronoun's
        number ("the pact" for "it", "refugees" for "they"), or, for a singular pronoun, with
        its action and plural things ("sending troops": ``_act_as_thing``). The nearest of
        those that names a thing of that number decides; the evidence is the pronoun, then
        the antecedent's words. The object of a verb that stands for any act ("we can [do]
        this", "they will [do] it": ``PRO_VERBS``) stands for what was done, not a thing:
        whatever its number, the nearest of those words that name the proposal with its own
        action ("by agreeing to relocate the refugees"), not blocked or negated, decides
        (``_done_as_named``)."""
        pronoun = self._thing_pronoun(span)
        if pronoun is None:
            return self._fragment_back(span)
        if pronoun.dep_ == "dobj" and pronoun.head.lemma_.lower() in PRO_VERBS:
            for before, whole in _words_before(span):
                acted = [m for m in self.match(before) if self._done_as_named(before, m)]
                if acted:
                    return [_referred(pronoun, match) for match in acted]
                if whole:
                    break  # only the nearest sentence
            return []
        word = pronoun.lower_
        numbers = {
            number
            for number, pronouns in (
                (False, self.table.singular_pronouns),
                (True, self.table.plural_pronouns),
            )
            if word in pronouns
        }
        # who says it ("Scholz said it ...", "the chancellor said it ...") is no thing it
        # may stand for: the subjects of the verbs above the statement
        sayers = {
            t.i
            for verb in span.root.ancestors
            for c in verb.children
            if c.dep_ == "nsubj" and not span.start <= c.i < span.end
            for t in c.subtree
        }
        for before, whole in _words_before(span):
            found = [
                match
                for match in self.match(before)
                if _theme_plural(before, match) in numbers
                or (False in numbers and self._act_as_thing(before, match))
            ]
            if found:
                return [_referred(pronoun, match) for match in found]
            if whole or any(
                t.pos_ in ("NOUN", "PROPN")
                and (t.tag_ in ("NNS", "NNPS")) in numbers
                and t.i not in sayers
                for t in before
            ):
                break  # only the nearest sentence, and no nearer thing of that number
        return []

    def _act_as_thing(self, sentence: SpacySpan, match: ProposalMatch) -> bool:
        """Whether a singular pronoun may stand for the proposal's act that ``sentence``
        names with plural things ("sending troops", "the plan to relocate 120,000
        refugees": "it was a mistake"): the act is named with its action
        (``_done_as_named``), and no singular noun of the sentence's own is the subject of
        its main verb ("the summit will not be about relocating refugees": "it" is the
        summit)."""
        if not self._done_as_named(sentence, match):
            return False
        words = {e.text for e in match.evidence}
        root = sentence.root
        return not any(
            c.dep_ in ("nsubj", "nsubjpass")
            and c.tag_ == "NN"
            and c.text.islower()  # a thing, not a name the tagger took for a noun ("Macron")
            and c.text not in words
            for c in root.children
        )

    def _done_as_named(self, sentence: SpacySpan, match: ProposalMatch) -> bool:
        """Whether ``match`` found the proposal in ``sentence`` with its own action, and that
        action is not what someone blocks ("vowed to block the relocation"): "we will do
        this" after it would be the blocking, not the proposal."""
        word = _slot_word(sentence, match.slot("action"))
        if word is None:
            return False
        undoing = {w for _, undoes in self.table.opposites for w in undoes}
        blocking = self.table.blocking_words | undoing
        return not any(
            ancestor.lemma_.lower() in blocking or any(c.dep_ == "neg" for c in ancestor.children)
            for ancestor in (word, *list(word.ancestors)[:ACTION_DISTANCE])
        )

    def _fragment_back(self, span: SpacySpan) -> list[ProposalMatch]:
        """A content that is only a judgement, with no noun, pronoun or verb of its own
        ("calls the idea for a border wall 'stupid', '[useless.]'"): it is said of what the
        words of its sentence before it name, when they match the proposal. The evidence is
        the fragment's first word, then the antecedent's words."""
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if not words or any(t.pos_ in FRAGMENT_EXCLUDES for t in words):
            return []
        before = next(iter(_words_before(span)), None)
        if before is None or before[1]:
            return []  # the fragment starts its sentence: nothing there to be said of
        return [_referred(words[0], match) for match in self.match(before[0])]

    def _thing_pronoun(self, span: SpacySpan) -> Token | None:
        """The first pronoun of ``span`` that may stand for a thing named before it: one of
        the table's pronouns as a verb's subject or object, with no noun of the statement
        before it, and not the "it" of "it is time to act" (an expletive before a clause)."""
        pronouns = self.table.singular_pronouns | self.table.plural_pronouns
        for token in span:
            if token.pos_ in ("NOUN", "PROPN"):
                return None
            if token.lower_ not in pronouns or token.pos_ != "PRON":
                continue
            if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
                continue
            # the clause the "it" stands before hangs on its verb or on that verb's
            # complement ("it is clear [that] ...", "it is time [to act]")
            head = token.head
            expletive = token.lower_ == "it" and any(
                (c.dep_ in CLAUSE_AFTER_IT or _infinitive_clause(c)) and c.i > token.i
                for c in (*head.children, *(g for c in head.children for g in c.children))
            )
            return None if expletive else token
        return None

    def _voted_in_title(self, span: SpacySpan, voted_on: set[str]) -> list[ProposalMatch]:
        """The proposals put to a vote that the title names (the first sentence of the
        parsed text, where the article starts with it): a vote told without its object far
        down a report of that vote ("Abstain: A, B, C.") is on the proposal the report is
        about."""
        title = span.doc[0].sent
        if title.end > span.start:
            return []
        return [match for match in self.match(title) if match.slug in voted_on]

    def _blocker_reactions(self, span: SpacySpan) -> list[ProposalMatch]:
        """A reaction to a member that blocks a proposal: the span reproaches a member
        ("frustrated with Hungary", "astounded by the Hungarian position", "expected more
        solidarity from Hungary") and a sentence before it in the parsed text says that
        member blocks a proposal ("Hungary has vowed to block the package", "Hungary and
        Slovakia vetoed its adoption"): the nearest such sentence's proposals. A reader
        takes the criticism of whoever blocks a proposal as a stand for it; only the
        blocking of that proposal by that member ties the two, so a reproach of a member
        the text never shows blocking anything matches nothing. The evidence is the
        reproach (slot ``theme``), the member's words (``blocker``), then the words that
        matched in the blocking sentence (``antecedent``)."""
        reproached = self._reproached(span)
        if not reproached:
            return []
        for before, whole in _words_before(span):
            for word, member, actor_id in reproached:
                if not whole and actor_id:
                    continue  # the statement's own sentence is its cue's
                blocking = self._blocking(before, actor_id)
                if not blocking:
                    continue
                found = [
                    match
                    for match in self.match_in_context(before, reactions=False)
                    if _governed_by(before, match, blocking)
                ]
                if found:
                    return [_reacted(word, member, match) for match in found]
        return []

    def _reproached(self, span: SpacySpan) -> list[tuple[Token, Token, str]]:
        """Each reproach in ``span`` of a named member, not negated: (the reproaching word,
        the member's word, the member's actor id)."""
        table = self.table
        found = []
        for word in span:
            words = {word.lemma_.lower(), word.lower_}
            objects: list[Token] = []
            if words & table.reproach_words:
                holders = [word]
                node = word
                while node.head.i != node.i and (
                    node.dep_ in ("conj", "acomp", "attr", "amod", "oprd")
                    or (node.dep_ == "dobj" and any(c.dep_ == "agent" for c in node.head.children))
                ):  # "held [hostage] by one member state": the agent is the verb's
                    node = node.head
                    holders.append(node)
                if any(c.dep_ == "neg" for h in holders for c in h.children):
                    continue  # "I am not upset with them"
                preps = [
                    c
                    for h in holders
                    for c in h.children
                    if c.dep_ in ("prep", "agent") and c.lower_ in table.reproach_preps
                ]
                objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
                objects += [c for c in word.children if c.dep_ in ("dobj", "obj")]
            elif words & table.reproach_expectations and word.pos_ == "VERB":
                wanted = [c for c in word.children if c.dep_ in ("dobj", "obj")]
                more = [
                    t
                    for w in wanted
                    for t in w.subtree
                    if t.tag_ in ("JJR", "RBR") or t.lower_ == "more"
                ]
                if not more or any(c.dep_ == "neg" for c in word.children):
                    continue  # only a disappointed expectation: "expected much more from"
                reach = [*word.children, *(t for w in wanted for t in w.subtree)]
                preps = [c for c in reach if c.dep_ == "prep" and c.lower_ == "from"]
                objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
            for reproached in objects:
                for target in (reproached, *(c for c in reproached.children if c.dep_ == "conj")):
                    member = self._member(target)
                    if member is not None:
                        found.append((word, member[0], member[1]))
        return found

    def _member(self, target: Token) -> tuple[Token, str] | None:
        """The member ``target`` names, itself ("Hungary") or as the owner of one of
        ``blocker_nouns`` ("the Hungarian position", "Budapest's reasons")."""
        actor_id = _actor_id(target)
        if actor_id is not None:
            return target, actor_id
        if self._unnamed_member(target):
            return target, ""  # "one member state": whoever the text showed blocking
        if target.lemma_.lower() not in self.table.blocker_nouns:
            return None
        for owner in target.children:
            if owner.dep_ in ("poss", "amod", "compound"):
                actor_id = _actor_id(owner)
                if actor_id is not None:
                    return owner, actor_id
        return None

    def _unnamed_member(self, target: Token) -> bool:
        """``target`` is a member left unnamed but counted as one (``unnamed_members`` with
        one of ``unnamed_counts``: "one member state", "a single country")."""
        table = self.table
        return target.lemma_.lower() in table.unnamed_members and any(
            c.dep_ in ("nummod", "amod") and c.lower_ in table.unnamed_counts
            for c in target.children
        )

    def _names_a_member(self, holder: Token) -> bool:
        """``holder`` names a member, is a member noun or a pronoun, or holds a member ("a
        group of countries led by Hungary"): a blocker that an unnamed "one member state"
        may be."""
        if holder.lemma_.lower() in self.table.unnamed_members or holder.pos_ == "PRON":
            return True  # "its veto": the one that vetoes, whoever it is
        return any(_actor_id(t) is not None for t in holder.subtree)

    def _blocking(self, sentence: SpacySpan, actor_id: str) -> list[Token]:
        """The words of ``sentence`` by which the member ``actor_id`` blocks something:
        one of ``blocking_words`` whose subject, owner or agent names it, up through the
        clauses it is the complement of ("Hungary has vowed to [block]", "Hungary's plans
        to [block]", "[blocked] by Slovakia and Hungary"). An empty ``actor_id`` (a member
        left unnamed) takes any holder that names a member (``_names_a_member``)."""
        found = []
        for word in sentence:
            if word.lemma_.lower() not in self.table.blocking_words:
                continue
            holders: list[Token] = []
            node = word
            for _ in range(4):
                for child in node.children:
                    if child.dep_ in ("nsubj", "nsubjpass", "poss"):
                        holders.append(child)
                    elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                        holders += [c for c in child.children if c.dep_ == "pobj"]
                if node.dep_ not in ("xcomp", "acl", "conj", "relcl") or node.head.i == node.i:
                    break
                node = node.head
            if not actor_id:
                named = [h for h in holders if self._names_a_member(h)]
            else:
                named = [
                    t for h in holders for t in (h, *h.conjuncts) if _actor_id(t) == actor_id
                ]
            if named:
                found.append(word)
        return found

    def _named_again(self, span: SpacySpan) -> list[ProposalMatch]:
        """The proposals whose own thing ``span`` mentions again, pointing back at it with a
        definite or demonstrative determiner or a possessive ("she opposes the deal", "this
        agreement", "his proposed wall"), where no modifier names another topic and none of
        the blocking checks holds, and whose words the article matched before it: in the
        words of its sentence before it, in the ``OWN_ANTECEDENT_SENTENCES`` sentences before
        that, or in the title (the first sentence of the parsed text, where the article starts
        with it). The nearest earlier mention of that kind of thing
        decides: a sentence that names one of another topic ("the nuclear deal with Iran"
        for a trade pact) ends the search. The evidence is as for a referring phrase: the
        mention (its theme), then the antecedent's words."""
        found = []
        for slots in self.slots:
            mention = self._own_mention(span, slots)
            if mention is None:
                continue
            antecedent = self._own_antecedent(span, slots)
            if antecedent is not None:
                found.append(_referred(mention, antecedent))
        return sorted(found, key=lambda m: -m.score)

    def _apposed(self, span: SpacySpan) -> list[ProposalMatch]:
        """A noun of a proposal's kind that ends ``span`` and is named right after it, set off
        by a comma in the same sentence ("voted for fast-tracking a trade pact, the Pacific
        Trade Partnership"): the words after the comma, up to the next mark, say which one
        it is when they match the proposal. The parser seldom hangs such an apposition on
        the noun, so it is read from the words. The evidence is the noun (slot ``theme``),
        then the apposition's words (slot ``antecedent``)."""
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if not words:
            return []
        noun = words[-1]
        apposition = _apposition(span.doc, noun.i + 1)
        if apposition is None:
            return []
        found = []
        for slots in self.slots:
            if not self._is_own_thing(noun, slots) or self._other_topic(noun, slots):
                continue
            best = self._best(apposition, slots)
            if best is not None:
                match = ProposalMatch(slots.slug, round(best.score, 3), tuple(best.evidence))
                found.append(_referred(noun, match))
        return found

    def may_be_apposed(self, text: str, after: str | None = None) -> bool:
        """Whether a word of a proposal's kind ends the statement's content ``text`` and the
        words ``after`` it (the article's, from the content's end: unknown if None) may name
        that proposal in apposition (``_apposed``), told without parsing."""
        listed = _WORD.findall(text.lower())
        if not listed:
            return False
        slugs = {s for s, stems in self._referent_stems.items() if _stem(listed[-1]) in stems}
        if not slugs or after is None:
            return bool(slugs)
        if not after.startswith(","):
            return False
        named = _APPOSITION_END.split(after[1:], maxsplit=1)[0]
        return bool(self.may_mention(named) & slugs)

    def _own_mention(self, span: SpacySpan, slots: ProposalSlots) -> Token | None:
        """A noun of ``span`` for the proposal's own thing (``ProposalSlots.referents``)
        that points back, names nothing else and passes the blocking checks."""
        for token in span:
            if not self._is_own_thing(token, slots) or not self._points_back(token, slots):
                continue
            if self._other_topic(token, slots) is not None:
                continue
            candidate = _Candidate(token, char_span(token))
            candidate.add("theme", token)
            filled = self._fill(candidate, span, slots, phrase=(token.i, token.i), again=True)
            if not filled.blocked:
                return token
        return None

    @staticmethod
    def _is_own_thing(token: Token, slots: ProposalSlots) -> bool:
        """A noun for the proposal's own thing, not a modifier of another noun ("the deal
        talks"); a text noun of a body's own decision only in the singular."""
        words = forms(token) & slots.referents
        if words and words <= slots.drafts and token.tag_ != "NN":
            return False  # "resolutions": texts, not the one decision
        return (
            token.pos_ in ("NOUN", "PROPN")
            and bool(words)
            and not (token.dep_ in MODIFIER_DEPS and token.head.i != token.i)
        )

    def _points_back(self, theme: Token, slots: ProposalSlots) -> bool:
        """A definite or demonstrative determiner ("the deal", "this agreement"), a
        possessive pronoun ("his proposed wall") or the possessive of a country the
        proposal names ("Sweden's ratification" for Sweden's accession) or of a time ("last
        year's agreement") on ``theme``; or,
        on one of the proposal's own theme words, a determiner that speaks of any such
        thing ("a wall is not going to keep people away", "no wall"), not on a word of its
        kind ("a deal" may be any deal); or no determiner at all after one of
        ``step_preps`` ("visit Budapest before ratification"); or a "that" the parser read
        as a conjunction right before it ("he said that accord should ...")."""
        table = self.table
        generic = table.generic_determiners if slots.theme.has_token(theme) else frozenset()
        if (
            theme.dep_ == "pobj"
            and theme.head.lower_ in table.step_preps
            and theme.tag_ == "NN"
            and not any(c.dep_ in ("det", "poss") for c in theme.children)
        ):
            return True  # "visit Budapest before ratification": the one in hand
        if _determiner_read_as_mark(theme, table.referring_determiners):
            return True  # "he said [that] accord should guide ...": "that" is its determiner
        return any(
            (c.dep_ == "det" and c.lower_ in table.referring_determiners | generic)
            or (c.dep_ == "poss" and c.lower_ in table.referring_possessives)
            or (c.dep_ == "poss" and _actor_id(c) is not None and c.lower_ in slots.own_words)
            or (c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME"))
            or (c.dep_ == "poss" and self._members_draft(theme, c, slots))
            for c in theme.children
        )

    def _other_topic(self, theme: Token, slots: ProposalSlots) -> Token | None:
        """A modifier of ``theme`` that names another topic than the proposal's: a noun or
        a name that is none of the proposal's words ("the trade deal" for a nuclear deal,
        "the deal with Cuba", "Russia's plan"), or an adjective the concept table or the
        entity recogniser knows ("the naval forces", "the Russian draft"). A modifier with
        one of the proposal's words in it ("the climate change accord"), a count ("the
        12-nation pact") and a plain adjective ("his proposed wall", "the historic accord")
        name none; nor does a time ("last year's deal": when, not what). A field's adjective
        (``topic_adjectives``) names a topic only for a thing named by its topic ("a nuclear
        deal"), not for a measure ("economic measures" may be sanctions)."""
        own = self._own_topic[slots.slug]
        objects = [
            o
            for prep in theme.children
            if prep.dep_ == "prep"
            for o in prep.children
            if o.dep_ == "pobj"
        ]
        modifiers = [c for c in theme.children if c.dep_ in MODIFIER_DEPS | {"poss"}]
        known = self._theme_words | self._qualifier_words
        if forms(theme) & self.table.topic_named:
            known = known | self.table.topic_adjectives  # "a nuclear deal"; "economic measures"
        for modifier in [*modifiers, *objects]:
            if not modifier.is_alpha or any(forms(t) & own for t in modifier.subtree):
                continue
            if modifier.dep_ == "poss" and (
                modifier.pos_ == "PRON" or modifier.ent_type_ in ("PERSON", "DATE", "TIME")
            ):
                continue  # whose or when, not what ("his wall", "Obama's deal", "last year's")
            if modifier.dep_ == "pobj" and modifier.ent_type_ == "PERSON":
                continue  # with whom, not what about ("an accord with Prime Minister Davutoglu")
            if any(c.dep_ == "nummod" for c in modifier.children):
                continue  # a count: "the 12-nation pact"
            if self._members_draft(theme, modifier, slots):
                continue  # "Russia's draft", "a text for a six-month extension": a rival draft
            if modifier.dep_ != "amod" or modifier.ent_type_ or forms(modifier) & known:
                return modifier
        return None

    def _members_draft(self, theme: Token, modifier: Token, slots: ProposalSlots) -> bool:
        """Whether ``modifier`` of a text noun ``theme`` makes it one draft of a body's own
        decision (``body_decides``), not another topic: a member of the body whose draft it
        is ("Russia's draft", "the Brazilian text"), or what it would do told by a noun of the
        proposal's action ("a proposal for a six-month extension", "the renewal text").
        Rival drafts of one decision are drafts of the proposal (guideline 15)."""
        if not slots.body_decides or not forms(theme) & vote_words().drafts:
            return False
        if _actor_id(modifier) in slots.members:
            return True
        stems = tuple(w[:5] for w in slots.action.source if len(w) >= 5)
        return bool(stems) and any(
            t.pos_ == "NOUN" and t.lower_.startswith(stems) for t in modifier.subtree
        )

    def _own_antecedent(self, span: SpacySpan, slots: ProposalSlots) -> ProposalMatch | None:
        """The nearest words before ``span`` that match ``slots`` (``_named_again``), unless
        a nearer sentence names a thing of the same kind with another topic; failing those
        within reach, the title's."""
        reach = OWN_ANTECEDENT_SENTENCES
        before = span
        for before, whole in _words_before(span):
            best = self._best(before, slots)
            if best is not None:
                return ProposalMatch(slots.slug, round(best.score, 3), tuple(best.evidence))
            if any(
                self._is_own_thing(t, slots) and self._other_topic(t, slots) is not None
                for t in before
            ):
                return None
            if whole:
                reach -= 1
                if reach == 0:
                    break
        title = span.doc[0].sent
        if title.end <= before.start:
            best = self._best(title, slots)
            if best is not None:
                return ProposalMatch(slots.slug, round(best.score, 3), tuple(best.evidence))
        return None

    def may_refer_back(self, text: str) -> bool:
        """Whether ``text`` holds a word a referring phrase needs, or is a short call to act
        (``may_act``): a cheap test before parsing, so that only such statements are parsed
        with the paragraphs before them."""
        return may_refer_back(text, self.table) or may_act(text, self.table)

    def may_react(self, text: str) -> bool:
        """Whether ``text`` may reproach a member (``_blocker_reactions``), without parsing
        it: such a statement is parsed with all of its article before it, since the
        blocking it reacts to is often told in the lead."""
        return may_react(text, self.table)

    def context_sentences(self, text: str) -> int:
        """How many sentences before a statement its vector is made with
        (``context_sentences``)."""
        return context_sentences(text, self.table)

    def may_point_back(self, text: str) -> bool:
        """``may_refer_back``, ``may_stand_for`` or ``may_name_again``: whether ``text`` may
        need the sentences before it to be tied to a proposal."""
        return (
            self.may_refer_back(text) or self.may_stand_for(text) or bool(self.may_name_again(text))
        )

    def may_stand_for(self, text: str) -> bool:
        """Whether ``text`` may be a pronoun or a judgement that stands for a thing named
        before it (``may_stand_for``, ``_pronoun_back``), or an act done before it ("we
        can do this"), without parsing it."""
        return may_stand_for(text, self.table) or bool(_DO_PRONOUN.search(text.lower()))

    def may_name_again(self, text: str) -> set[str]:
        """The proposals whose own thing ``text`` may mention again, pointing back
        (``_named_again``): a word of a proposal's theme with a word that points back
        ("the", "this", "his"; "a" or "no" for the theme's own words), told without parsing
        as ``may_mention`` does."""
        table = self.table
        words = set(_WORD.findall(text.lower()))
        definite = bool(
            words & (table.referring_determiners | table.referring_possessives | table.step_preps)
        )
        generic = bool(words & table.generic_determiners)
        if not (definite or generic):
            return set()
        stems = {_stem(word) for word in words}
        return {
            slots.slug
            for slots in self.slots
            if (definite and stems & self._referent_stems[slots.slug])
            or (definite and words & slots.drafts)  # "the draft", not "resolutions"
            or (generic and stems & self._stems[slots.slug][0])
        }

    def may_mention(self, text: str) -> set[str]:
        """The proposals ``match`` could find in ``text``, told from its words before
        parsing: a theme word with a word of another slot, or a multi-word theme or a term
        whole. Words are compared on crude stems ("troops", "troop"; "deployed", "deploy"),
        so this finds a superset of what the parse accepts, but for irregular forms
        ("sent" is not "send") when no other slot word is there either."""
        stems = {_stem(word) for word in set(_WORD.findall(text.lower()))}
        found = set()
        for slots in self.slots:
            theme, others, whole = self._stems[slots.slug]
            if (stems & theme and stems & others) or any(p <= stems for p in whole):
                found.add(slots.slug)
        return found

    def match_similar(
        self, span: SpacySpan, slug: str, similarity: Similarity
    ) -> ProposalMatch | None:
        """A statement whose vector is close to proposal ``slug`` but whose words did not
        match it, checked on the parse for what a vector cannot tell:

        - it holds the proposal's theme words and every one is blocked (another action
          governs it, it goes elsewhere, another theme's word modifies it): rejected;
        - it holds none, and the concept table knows the proposal's theme: the table's
          words would be there if it were about it, so it needs a phrase that refers back
          ("such a step"), or the proposal's action with no other thing as its object
          ("Britain will not send anyone", not "giving Ukraine support"); and a statement
          that names another theme the table knows ("getting equipment to Ukraine") is
          about that;
        - for a theme the table does not know, the similarity decides, unless the proposal
          names countries and the statement names only others, none of them a member of a
          body that could adopt it (a conflicting place, as for words);
        - whatever the theme, a proposal whose theme is a country ("admit Romania") is not
          matched by a statement that puts another country where that one would go and
          never names it ("Bulgaria's accession", "membership for Bulgaria", "admit
          Bulgaria": ``_rival_theme``), nor by one whose sentence and the sentences its
          vector saw before it (``ANTECEDENT_SENTENCES``) never name that country
          (``_named_near``): sibling proposals read alike as vectors.

        The evidence is where the stance reading starts (slot ``theme``: the theme word, the
        referring phrase, the action, or the word nearest the proposal's) and the similarity
        (slot ``similarity``)."""
        slots = next(s for s in self.slots if s.slug == slug)
        tokens = span[:] if isinstance(span, Doc) else span
        named_theme = self._named_theme[slug]
        if _rival_theme(tokens, slots, named_theme) is not None:
            return None  # "Bulgaria's accession" is not "admit Romania", however close
        if named_theme and not _named_near(tokens, named_theme):
            return None  # nothing near it names Romania: about another country's case
        if named_theme and self._sibling_only(tokens, slug):
            return None  # "its opposition to Bulgaria joining": the sibling's case alone
        candidates = list(self._candidates(tokens, slots))
        open_candidates = [c for c in candidates if not c.blocked]
        anchor: Token | None = None
        if open_candidates:
            evidence = list(max(open_candidates, key=lambda c: c.score).evidence)
        elif candidates or self._another_of_its_kind(tokens, slots):
            return None
        elif not self._known_theme[slug]:
            if _names_outsiders_only(tokens, slots):
                return None  # "urged the northern regime to give up its weapons": elsewhere
            anchor = _anchor(tokens, slots, self._thing_pronoun(tokens))
        elif self._other_theme(tokens, slots) is None:
            anchor = (
                self._referring_noun(tokens)
                or _bare_action(tokens, slots)
                or self._general_word(tokens)
                or self._word_of_its_kind(tokens, slots)
                or _joined_named(tokens, slots)
            )
        if not open_candidates:
            if anchor is None:
                return None
            evidence = [MatchEvidence("theme", anchor.text, char_span(anchor))]
        whole = stretch_span(tokens[0], tokens[-1])
        evidence.append(
            MatchEvidence(
                "similarity",
                tokens.doc.text[whole[0] : whole[1]],
                whole,
                similarity=similarity.score,
                phrase=similarity.phrase,
            )
        )
        return ProposalMatch(slug, similarity.score, tuple(evidence))

    def _sibling_only(self, tokens: SpacySpan, slug: str) -> bool:
        """``tokens`` name a state that another proposal of the matcher lets in, and never
        the state proposal ``slug`` names ("Turkey will keep its opposition to [Bulgaria]
        joining", for "admit Romania" beside "admit Bulgaria"): wherever the parse hangs
        that state, the statement is about the sibling's case."""
        others = {state for s in self.slots if s.slug != slug for state in s.joined}
        named = _names_in(tokens)
        return bool(named & others) and not named & self._named_theme[slug]

    def _another_of_its_kind(self, tokens: SpacySpan, slots: ProposalSlots) -> bool:
        """Every noun of the proposal's kind in ``tokens`` names another topic ("a nuclear
        agreement with Iran" for a trade pact): a statement close in meaning that holds none
        of the proposal's theme words but names only such things is about them. A word
        joined by a hyphen ("a win-win agreement") is taken for a description, not a
        topic; one such noun naming none ("the pact and its partnership agreement") keeps
        the statement."""
        kinds = [t for t in tokens if self._is_own_thing(t, slots)]
        others = []
        for kind in kinds:
            topic = self._other_topic(kind, slots)
            if topic is not None and not _hyphen_joined(topic):
                others.append(kind)
        return bool(others) and len(others) == len(kinds)

    def _word_of_its_kind(self, tokens: SpacySpan, slots: ProposalSlots) -> Token | None:
        """A noun of the proposal's kind (a word of the ``referent`` set that holds its
        theme: "measures", "steps", "action" for sanctions) that names no other topic and
        passes the blocking checks: "they would take further significant [measures]", said
        of a statement close to the proposal in meaning, is the proposal unnamed."""
        for token in tokens:
            if not self._is_own_thing(token, slots) or self._other_topic(token, slots):
                continue
            candidate = _Candidate(token, char_span(token))
            if not self._fill(candidate, tokens, slots, phrase=(token.i, token.i)).blocked:
                return token
        return None

    def _other_theme(self, tokens: SpacySpan, slots: ProposalSlots) -> Token | None:
        """A word of a theme the concept table knows, not one of the proposal's kind: for a
        proposal whose own theme the table knows, a statement that names another one and
        none of its own is about that other thing ("send soldiers" is not "impose a no-fly
        zone", however close in meaning; "measures" may be sanctions). For a theme the
        table does not know, this tells nothing."""
        return next(
            (
                t
                for t in tokens
                if not t.is_stop
                and forms(t) & self._theme_words
                and not forms(t) & (slots.referents - slots.drafts)  # "resolutions": others
            ),
            None,
        )

    def _general_word(self, tokens: SpacySpan) -> Token | None:
        """A word that stands for anything, the proposal included, as a verb's subject or
        object, when it is said of all or of none: "[nothing] can be ruled out", "all
        [options] are on the table", "we are not ruling out different [things]" (not
        "things are different now")."""
        for token in tokens:
            if (
                token.lemma_.lower() not in self.table.general_words
                or token.dep_ not in ("nsubj", "nsubjpass", "dobj")
                or token.head.pos_ not in ("VERB", "AUX")
            ):
                continue
            quantified = token.pos_ == "PRON" or any(
                c.dep_ == "det" and c.lower_ in self.table.general_determiners
                for c in token.children
            )
            if quantified or any(c.dep_ == "neg" for c in token.head.children):
                return token
        return None

    def _bare_decision(self, span: SpacySpan) -> Token | None:
        """A vote with nothing after it ("China and Angola [abstained]", "eleven members
        [voted] in favour"): a decision verb with no object, which is about the text the
        sentences before it name."""
        if normalise_phrase(span.text.strip(" :.,")) in self._vote_labels:
            return span.root  # a label before a list of voters: "Abstain: A, B, C."
        before = span.doc[span.start - 1] if span.start > 0 else None
        if (
            before is not None
            and normalise_phrase(f"{before.text} {span.text.strip(' :.,')}") in self._vote_labels
            and forms(before.head) & self.table.decision_verbs
        ):
            return span.root  # the way of a vote cut from its verb: "voted in [favour]."
        for token in span:
            if token.pos_ not in ("VERB", "NOUN") or not forms(token) & self.table.decision_verbs:
                continue
            if token.pos_ == "NOUN" and (
                not self._names_a_vote(token)
                or not (token.i == span.end - 1 or token.dep_ == "ROOT")
                or any(c.dep_ == "prep" for c in token.children)
            ):
                continue  # "the Friday [vote]"; not "the vote count", "support for them"
            objects = [
                c
                for c in token.children
                if c.dep_ in OBJECT_DEPS | {"xcomp", "ccomp"}
                or (c.dep_ == "prep" and c.lower_ not in self.table.vote_ways)
            ]
            votes = [v for o in objects for v in self._vote_abstained_from(o)]
            rest = [
                o
                for o in objects
                if not self._vote_abstained_from(o)
                and not (votes and self._topic_or_time(o))  # "from a vote on Friday about X"
            ]
            if rest or any(self._another_vote(v) for v in [token, *votes]):
                continue
            return token
        return None

    def _names_a_vote(self, noun: Token) -> bool:
        """A noun that stands alone for a vote: one of ``VOTE_NOUNS`` ("abstained from the
        Friday vote"), or a decision named as an event and pointing back ("welcomes [this
        adoption]", "hailed the passage"; ``DECISION_NOUNS``)."""
        lemma = noun.lemma_.lower()
        if lemma in VOTE_NOUNS:
            return True
        return lemma in DECISION_NOUNS and any(
            (c.dep_ == "det" and c.lower_ in self.table.referring_determiners)
            or (c.dep_ == "poss" and c.lower_ in self.table.referring_possessives)
            for c in noun.children
        )

    def _topic_or_time(self, prep: Token) -> bool:
        """A preposition that says what a vote was on ("about blocking the plans") or when
        ("on Friday")."""
        return prep.dep_ == "prep" and (prep.lower_ in self.table.vote_topics or _is_time(prep))

    def _vote_topic(self, vote: Token) -> SpacySpan | None:
        """What the vote abstained from was about ("from a vote [on these measures]",
        "abstained from a vote on Friday [about blocking the plans]"), told after the vote
        noun or beside it; None when nothing says."""
        nouns = [n for c in vote.children for n in self._vote_abstained_from(c)]
        if not nouns:
            return None
        for holder in (*nouns, vote):
            for prep in holder.children:
                if (
                    prep.dep_ == "prep"
                    and prep.lower_ in self.table.vote_topics
                    and not _is_time(prep)
                ):
                    return vote.doc[prep.i : prep.right_edge.i + 1]
        return None

    def _vote_abstained_from(self, child: Token) -> list[Token]:
        """The vote of "from a vote", "from voting" under an abstention (``child`` the
        preposition); empty for anything else."""
        if child.dep_ != "prep" or child.lower_ != "from":
            return []
        return [
            o
            for o in child.children
            if o.dep_ in ("pobj", "pcomp") and forms(o) & self.table.decision_verbs
        ]

    def _another_vote(self, vote: Token) -> bool:
        """A vote the text calls earlier or of another kind ("a non-binding vote", "the
        previous vote"): not the one on the proposal."""
        words = self.table.rival_words | self.table.other_vote_words
        before = vote.doc[vote.left_edge.i : vote.i].text.lower().replace(" - ", "-")
        return bool(set(_MODIFIER_WORD.findall(before)) & words)

    def _referring_noun(self, span: SpacySpan) -> Token | None:
        """A bare noun phrase that points back: "such a step", "no such plans", "the option",
        "in this case", "the new proposal" (not "the ammunition plan" or "the plan to buy
        shells", which name their own topic). What hangs on the noun outside the statement
        ("ruled out such an opportunity: [the Czech prime minister], ...", a list of who
        did) names no topic."""
        table = self.table
        for token in span:
            if token.pos_ != "NOUN" or self._listed_example(token, span):
                continue
            words = {c.lower_ for c in token.children}
            referring = words & table.referring_words
            standing = token.lemma_.lower() in table.standing_nouns
            own_topic = [
                c
                for c in token.children
                if c.dep_ not in ("det", "predet", "punct")
                and c.lower_ not in referring
                and not (c.dep_ == "amod" and c.lower_ in table.referring_adjectives)
                and not (c.dep_ == "poss" and c.lower_ in table.referring_possessives)
                and not (standing and c.dep_ == "relcl" and self._holds_back_pronoun(c))
                and span.start <= c.i < span.end
            ]
            if own_topic:
                continue
            if referring or (
                words & table.referring_determiners
                and token.lemma_.lower() in table.referring_nouns
            ):
                return token
            if standing and (
                words & (table.referring_determiners | table.referring_possessives)
                or (token.tag_ == "NNS" and token.dep_ == "dobj")
            ):
                # "dropped [their objections]", "dropped [objections] that had been holding
                # it up": to what was named before
                return token
        return None

    def _holds_back_pronoun(self, clause: Token) -> bool:
        """A relative clause on a stance noun whose object is a pronoun for the thing named
        before ("objections [that had been holding it up]"): it names no topic of its own."""
        pronouns = self.table.singular_pronouns | self.table.plural_pronouns
        return any(
            t.dep_ in ("dobj", "pobj") and t.lower_ in pronouns and t.pos_ == "PRON"
            for t in clause.subtree
        )

    def _listed_example(self, token: Token, span: SpacySpan) -> bool:
        """``token`` lies among the examples an ``example_preps`` word lists of another noun
        inside ``span`` ("qualifications ..., including democratisation and some of [those
        issues]"): an example of that noun, not a phrase that points back."""
        node = token
        while node.head.i != node.i and span.start <= node.head.i < span.end:
            node = node.head
            if node.dep_ == "prep" and node.lower_ in self.table.example_preps:
                return True
        return False

    def _best(
        self, tokens: SpacySpan, slots: ProposalSlots, described: bool = True
    ) -> _Candidate | None:
        accepted = [c for c in self._candidates(tokens, slots, described) if self._accept(c)]
        return max(accepted, key=lambda c: c.score) if accepted else None

    @staticmethod
    def _accept(candidate: _Candidate) -> bool:
        if candidate.blocked:
            return False
        if candidate.has("term") or candidate.phrase:
            return True
        return any(
            candidate.has(s)
            for s in ("action", "opposite", "decision", "target", "qualifier", "agent")
        )

    def _candidates(
        self, tokens: SpacySpan, slots: ProposalSlots, described: bool = True
    ) -> Iterable[_Candidate]:
        seen: set[int] = set()
        for first, last in find_phrases(tokens, slots.theme.phrases):
            head = phrase_head(first, last)
            seen.add(head.i)
            phrase_words = tuple(w for t in tokens.doc[first.i : last.i + 1] for w in words_of(t))
            specific = phrase_words not in slots.theme.spellings
            candidate = _phrase_theme(head, first, last, specific)
            yield self._fill(candidate, tokens, slots, phrase=(first.i, last.i))
        for token in tokens:
            if token.i not in seen and self._is_name(token, slots):
                # a name of the proposal ("TPP") stands for its theme and is specific enough
                seen.add(token.i)
                candidate = _Candidate(token, char_span(token), phrase=True)
                candidate.add("theme", token)
                yield self._fill(candidate, tokens, slots, phrase=(token.i, token.i))
        for token in tokens:
            if token.i not in seen and self._names_theme_actor(token, slots):
                # "the EU" for a proposal on the European Union: a theme word, no name
                seen.add(token.i)
                candidate = _Candidate(token, char_span(token))
                candidate.add("theme", token)
                yield self._fill(candidate, tokens, slots, phrase=(token.i, token.i))
            if token.i not in seen and slots.theme.has_token(token) and not token.is_stop:
                if slots.proper_theme and token.is_lower and token.dep_ == "compound":
                    continue  # "union voters" for the European Union: a common noun
                if self._modifies_other_theme(token, slots):
                    continue  # "military aid", "military effort": not the military
                candidate = _Candidate(token, char_span(token))
                candidate.add("theme", token)
                yield self._fill(candidate, tokens, slots, phrase=(token.i, token.i))
        for token in tokens:
            if token.i not in seen and token.pos_ == "VERB" and slots.theme_verbs:
                told = self._theme_as_verb(token, tokens, slots)
                if told is not None:
                    yield told
        for token in tokens if slots.joined else ():
            if token.i not in seen and self._joined_object(token, slots):
                # "admitting Ukraine to NATO", "if Ukraine is invited": the state let in,
                # as the object of letting in, is its joining
                seen.add(token.i)
                candidate = _Candidate(token, char_span(token))
                candidate.add("theme", token)
                yield self._fill(candidate, tokens, slots, phrase=(token.i, token.i))
        for token in tokens if described else ():
            if token.i not in seen and not slots.theme.has_token(token):
                words = self._kind_described(token, slots)
                if words:
                    # "a climate change accord": a word of the kind the proposal's own words
                    # make specific, as a multi-word theme is; those words are the phrase
                    first = min(words[0], token, key=lambda t: t.i)
                    last = max(words[-1], token, key=lambda t: t.i)
                    candidate = _phrase_theme(token, first, last, True)
                    yield self._fill(candidate, tokens, slots, phrase=(first.i, last.i))
        for term in slots.terms:
            for first, last in find_phrases(tokens, [term]):
                head = phrase_head(first, last)
                candidate = _Candidate(head, stretch_span(first, last))
                candidate.evidence.append(
                    MatchEvidence(
                        "term",
                        tokens.doc.text[first.idx : last.idx + len(last)],
                        stretch_span(first, last),
                    )
                )
                yield self._fill(candidate, tokens, slots, phrase=(first.i, last.i))

    def _kind_described(self, token: Token, slots: ProposalSlots) -> list[Token]:
        """The words on ``token``, a noun of the proposal's kind that is not its theme ("deal",
        "accord", "pact" for an agreement: ``referent`` sets), that are the proposal's own:
        at least ``DESCRIBING_WORDS`` different ones of its title and description (not who
        would act: "the United States"), among the noun's modifiers and the objects of its
        prepositions, and no modifier naming another topic. "a climate change accord", "a
        free-trade pact in the Asia-Pacific region" are the proposal told anew; "a trade
        deal", "a US-UK trade agreement" are not. Nothing if not so described."""
        if not self._is_own_thing(token, slots) or self._other_topic(token, slots) is not None:
            return []
        own = slots.own_words - (slots.agent.words - slots.qualifier.words) - slots.referents
        with_object = [c for c in token.children if c.dep_ == "prep"]
        if token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
            # the parser often hangs the object's place on its verb ("sealed a pact [in the
            # Asia-Pacific region]")
            with_object += [c for c in token.head.children if c.dep_ == "prep"]
        reach = [c for c in token.children if c.dep_ in MODIFIER_DEPS | {"poss"}]
        reach += [p for p in with_object if any(o.dep_ == "pobj" for o in p.children)]
        found: dict[str, Token] = {}
        for modifier in reach:
            for word in modifier.subtree:
                if word.is_alpha and not word.is_stop and forms(word) & own:
                    found.setdefault(word.lemma_.lower(), word)
        if len(found) < DESCRIBING_WORDS:
            return []
        return sorted(found.values(), key=lambda t: t.i)

    @staticmethod
    def _joined_object(token: Token, slots: ProposalSlots) -> bool:
        """``token`` names a state the proposal lets in and is the object of one of its
        actions ("invite [Ukraine]", "[Ukraine] is admitted")."""
        return (
            token.dep_ in OBJECT_DEPS
            and slots.action.has_verb(token.head)
            and slots.qualifier.has_token(token)
            and _actor_id(token) in slots.joined
        )

    @staticmethod
    def _is_name(token: Token, slots: ProposalSlots) -> bool:
        """``token`` is one of the proposal's names, written as a name (a proper noun or in
        capitals) and not a word of a longer name of something else ("TPP Holdings")."""
        if not slots.names or token.lower_ not in slots.names:
            return False
        if token.pos_ != "PROPN" and not token.is_upper:
            return False
        own = slots.names | slots.own_words
        return all(
            forms(part) & own or not part.is_alpha or part.pos_ == "DET"
            for part in _entity_tokens(token)
        )

    def _theme_as_verb(
        self, verb: Token, tokens: SpacySpan, slots: ProposalSlots
    ) -> _Candidate | None:
        """The verb of a theme that is a verb's noun ("spend" for "spending"), with the
        theme's place or modifier on it ("spend more on [defense]", "spend billions on
        [defence] equipment"): the proposal told as a verb. Its subject may be the agent.
        Without such a word ("spend years in prison") it is not the theme."""
        if _stem(verb.lemma_.lower()) not in slots.theme_verbs:
            return None
        candidate = _Candidate(verb, char_span(verb))
        candidate.add("theme", verb)
        candidate = self._fill(candidate, tokens, slots, phrase=(verb.i, verb.i))
        # a theme word near it ("spend 2 percent of GDP") is the theme itself, matched (or
        # blocked) as such: only a place or a modifier of the theme's own tells the verb
        told = [
            e
            for e in candidate.evidence
            if e.slot == "target"
            or (e.slot == "qualifier" and normalise_phrase(e.text)[-1] not in slots.theme.words)
        ]
        if not told:
            return None
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if slots.agent.has_token(subject) or _actor_id(subject) in slots.members:
                candidate.add("agent", subject)
        return candidate

    @staticmethod
    def _names_theme_actor(token: Token, slots: ProposalSlots) -> bool:
        """``token`` is another name of the organisation the proposal's theme names ("EU",
        "E.U." for "the European Union"), written as a name and not one of the theme's own
        words (those are matched as such)."""
        if not slots.theme_actors or slots.theme.has_token(token) or token.is_stop:
            return False
        if token.pos_ != "PROPN" and not token.is_upper:
            return False
        if token.dep_ in OWNER_DEPS | {"nsubj"} and token.head.i != token.i:
            # "EU leaders", "the EU's rules", "the EU voted": who acts or owns, not the union
            return False
        texts = [e.text for e in token.doc.ents if e.start <= token.i < e.end] or [token.text]
        # by a name of its own, not its seat ("Brussels") or one of its bodies
        found = actor_index().lookup(texts[0])
        return found is not None and found.via == "name" and found.actor.id in slots.theme_actors

    def _modifies_other_theme(self, token: Token, slots: ProposalSlots) -> bool:
        """``token`` (a theme word) is an adjective ("Ukraine's military effort"), or only
        modifies a noun that is itself a theme: another one the concept table knows
        ("military aid"), or the proposal's own ("military forces", where the forces are
        the theme). A noun before the proposal's own action told as a noun is what the
        action acts on, even when the concept table knows the action's noun as a theme too
        ("an [oil] embargo" for a proposal to ban oil imports)."""
        if token.dep_ not in MODIFIER_DEPS or token.head.i == token.i:
            return False
        if token.dep_ == "amod":
            return True
        if token.pos_ in ("NOUN", "PROPN") and slots.action.has_token(token.head):
            return False
        return bool(forms(token.head) & (self._theme_words | slots.theme.words))

    def _fill(
        self,
        candidate: _Candidate,
        tokens: SpacySpan,
        slots: ProposalSlots,
        phrase: tuple[int, int],
        again: bool = False,
    ) -> _Candidate:
        theme = candidate.theme
        inside = range(phrase[0], phrase[1] + 1)
        self._check_modifiers(candidate, slots, inside)
        foreign_owner = self._check_owners(candidate, slots, inside, again)
        self._check_governor(candidate, slots)

        actions = [
            t
            for t in tokens
            if t.i not in inside
            and slots.action.has_verb(t)
            and tree_distance(theme, t) <= ACTION_DISTANCE
            and not _stance_adjective(t, theme)
            and not _in_clause_of(theme, t)
        ]
        actions.sort(key=lambda t: tree_distance(theme, t))
        if actions:
            candidate.add("action", actions[0])
            for subject in (c for c in actions[0].children if c.dep_ == "nsubj"):
                if (
                    slots.agent.has_token(subject)
                    or any(
                        slots.agent.has_token(m) for m in subject.children if m.dep_ in OWNER_DEPS
                    )
                    or (slots.agent_actors and _actor_id(subject) in slots.agent_actors)
                ):
                    candidate.add("agent", subject)
        else:
            opposites = [
                t
                for t in tokens
                if t.i not in inside
                and slots.opposite.has_token(t)
                and t.pos_ in ("VERB", "AUX", "NOUN")
                and tree_distance(theme, t) <= ACTION_DISTANCE
            ]
            if opposites:
                # "remain in the union" for leaving it: the same theme, the reverse action
                candidate.add("opposite", min(opposites, key=lambda t: tree_distance(theme, t)))
            elif foreign_owner:
                candidate.blocked = "the theme belongs to someone outside the proposal"

        if _voted_on(slots, self.table) and not actions:
            decision = self._decision(theme, slots)
            if decision is not None:
                candidate.add("decision", decision)
        self._check_places(candidate, slots, actions[:1])

        for token in tokens:
            if (
                token.i not in inside
                and (slots.qualifier.has_token(token) or _leader_of_joined(token, slots))
                and tree_distance(theme, token) <= QUALIFIER_DISTANCE
            ):
                candidate.add("qualifier", token)
                break
        return candidate

    def _decision(self, theme: Token, slots: ProposalSlots) -> Token | None:
        """What a body's members do with a text that is the theme ("[vetoed] the draft",
        "[voted] against the measure", "[voted] in favour of the text", "the [adoption] of
        the package"), or, for a document, what is done with it once adopted ("the
        resolution must be [implemented]"): the verb or noun that governs it through objects
        and prepositions. It may lie outside the statement's content: a vote's verb is the
        act's cue."""
        words = self.table.decision_verbs
        if slots.document:
            words = words | self.table.document_actions
        node = theme
        for _ in range(DECISION_DISTANCE):
            if node.dep_ not in DECISION_PATH_DEPS or node.head.i == node.i:
                return None
            node = node.head
            if forms(node) & words:
                return node
        return None

    def _check_modifiers(self, candidate: _Candidate, slots: ProposalSlots, inside: range) -> None:
        """Block a theme that another theme's word modifies ("air force"), or a thing named
        by its topic (``topic_named``) whose topic, a common noun or a field's adjective
        before it, is none of the proposal's words ("any trade deal" for a nuclear deal, "a
        nuclear agreement" for a trade pact)."""
        by_topic = bool(forms(candidate.theme) & self.table.topic_named)
        for modifier in candidate.theme.children:
            if modifier.i in inside or modifier.dep_ not in MODIFIER_DEPS:
                continue
            words = forms(modifier)
            own = slots.theme.words | slots.qualifier.words
            if words & self._theme_words and not words & own:
                candidate.blocked = f"the theme is a different thing ({modifier.text})"
            elif (
                by_topic
                and (
                    (modifier.dep_ == "compound" and modifier.pos_ == "NOUN")
                    or words & self.table.topic_adjectives
                )
                and modifier.is_alpha
                and not _hyphen_joined(modifier)
                and not any(forms(t) & self._own_topic[slots.slug] for t in modifier.subtree)
            ):
                candidate.blocked = f"the theme is another one of its kind ({modifier.text})"

    def _check_owners(
        self, candidate: _Candidate, slots: ProposalSlots, inside: range, again: bool = False
    ) -> bool:
        """Mark agents and conflicting owners; True when a named outsider owns the theme.
        A target that is no place (a body: "NATO membership") owns the theme as its own
        when the theme names the proposal's thing again (``again``: "Sweden's NATO
        ratification") or the country the proposal names owns it too ("Sweden's NATO
        membership bid"), not otherwise ("Finland's application for NATO membership")."""
        foreign = False
        theme = candidate.theme
        owners = [c for c in theme.children if c.dep_ in OWNER_DEPS and c.i not in inside]
        owners += [
            obj
            for prep in theme.children
            if prep.dep_ == "prep" and prep.lemma_.lower() == "from"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        if slots.document and self._another_text(candidate, slots, inside):
            return False
        other = _other_counterpart(theme, slots) if not slots.joined else None
        if other is not None:
            candidate.blocked = f"the theme is another state's case ({other.text})"
            return False
        if slots.joined:
            owners += _joiners(theme)
            owners += [o for o in _of_objects(theme) if o.i not in inside]
        holders = [theme, theme.head] if theme.dep_ == "compound" else [theme]
        named_owner = again or any(
            _actor_id(c) in slots.named for h in holders for c in h.children if c.dep_ == "poss"
        )
        for owner in owners:
            own = [
                m
                for m in _conjuncts(owner)
                if slots.qualifier.has_token(m)
                and (not slots.joined or _state_id(m) in slots.joined | {None})
            ]
            if own and owner.i not in inside:
                # the proposal's own modifier ("Syrian" refugees) names no outsider, nor
                # does a list that holds it ("the accession of Sweden [and Finland]")
                candidate.add("qualifier", own[0])
            elif slots.joined and _state_id(owner) is not None:
                # another state's joining ("Sweden's accession", "Finland will join"), even
                # a member's: the proposal lets in only the states it names (one of a pair
                # is enough: "the accession of Ireland and Cyprus"); a word of the
                # proposal's action does not make it the proposal's ("Iceland [became] a
                # member" for Montenegro's becoming one)
                joining = {_state_id(m) for m in _conjuncts(owner)}
                if not joining & slots.joined:
                    candidate.blocked = f"another state's joining ({owner.text})"
            elif slots.target.has_token(owner):
                if slots.joined:
                    # "NATO membership" for letting a state into NATO, "Schengen members"
                    # (a bare proper noun the parser may take for a place): the body's own
                    candidate.add("target", owner)
                elif slots.directional and (self._is_place(owner) or not named_owner):
                    candidate.blocked = f"the theme belongs to the target ({owner.text})"
                else:
                    candidate.add("target", owner)
            elif owner.ent_type_ in PLACE_LABELS and len(_entity_tokens(owner)) > 1:
                # a word of a longer place name ("the United States") is not an agent word
                foreign = True
            elif slots.agent.has_token(owner) or any(
                slots.agent.has_token(m) for m in owner.children if m.dep_ in MODIFIER_DEPS
            ):
                candidate.add("agent", owner)
            elif owner.ent_type_ in OWNER_LABELS and not slots.target.has_token(owner):
                named = _entity_tokens(owner)
                actor = lookup_actor(owner.doc[named[0].i : named[-1].i + 1].text)
                if actor is not None and actor.id in slots.members | slots.named:
                    # one who would act, or one the proposal names ("the French text" for
                    # a draft by France and Spain): not an outsider
                    candidate.add("agent", owner)
                else:
                    foreign = True
        return foreign

    def _another_text(self, candidate: _Candidate, slots: ProposalSlots, inside: range) -> bool:
        """For a proposal that is a text: the theme is another sponsor's text ("the Russian
        draft", "Moscow's resolution", "a resolution drafted by Russia", "the Russian-drafted
        text"), or called a rival ("the rival draft", "its own text"); blocked if so."""
        theme = candidate.theme
        for modifier in theme.children:
            if modifier.i in inside or modifier.dep_ not in MODIFIER_DEPS:
                continue
            if forms(modifier) & self.table.rival_words and not forms(modifier) & slots.own_words:
                candidate.blocked = f"the theme is another text ({modifier.text})"
                return True
        rivals: frozenset[str] | None = None
        for sponsor in _sponsors(theme, self.table.sponsor_verbs, inside):
            actor = lookup_actor(sponsor.doc[sponsor.start : sponsor.end].text)
            if actor is None or actor.id in slots.named:
                continue
            if not slots.named:
                # a proposal that names no sponsor: another sponsor's text is another one
                # only when the article calls that sponsor's text a rival
                if rivals is None:
                    rivals = _rival_sponsors(theme.doc, self.table)
                if actor.id not in rivals:
                    continue
            if slots.agent.has_token(sponsor.root) or slots.qualifier.has_token(sponsor.root):
                continue  # the proposal's own body or its modifier ("the EU's package")
            candidate.blocked = f"the theme is another sponsor's text ({sponsor.text})"
            return True
        return False

    def _check_governor(self, candidate: _Candidate, slots: ProposalSlots) -> None:
        theme = candidate.theme
        governor: Token | None = None
        if theme.dep_ in OBJECT_DEPS:
            governor = theme.head
        elif theme.dep_ == "pobj" and theme.head.lemma_.lower() == "of":
            governor = theme.head.head
        if governor is None or governor.i == theme.i:
            return
        words = forms(governor)
        if words & slots.opposite.words:
            return  # the reverse action: a match read the other way ("lift sanctions")
        if _voted_on(slots, self.table) and words & self.table.decision_verbs:
            return  # what a body does with a text ("adopted the resolution")
        if slots.document and words & self.table.document_actions:
            return  # what is done with it once adopted ("implement the resolution")
        if words & self._action_words and not words & slots.action.words:
            candidate.blocked = f"the theme is the object of another action ({governor.text})"

    def _check_places(
        self, candidate: _Candidate, slots: ProposalSlots, actions: list[Token]
    ) -> None:
        theme = candidate.theme
        holders = [(theme, True), *((a, True) for a in actions)]
        if theme.dep_ in CLAUSE_DEPS and theme.head.i != theme.i:
            holders.append((theme.head, False))
        conflict: Token | None = None
        for holder, own in holders:
            for place in self._places(holder, own):
                if slots.target.has_token(place):
                    candidate.add("target", place)
                    return
                if self._qualifier_place(place, slots):
                    continue  # "an oil embargo on Russia": the goods' origin ("Russian oil")
                if conflict is None and self._is_place(place):
                    conflict = place
        if conflict is not None and slots.target:
            # a proposal that names no place cannot be contradicted by one
            candidate.blocked = f"the theme goes elsewhere ({conflict.text})"

    def _qualifier_place(self, place: Token, slots: ProposalSlots) -> bool:
        """``place`` names the country one of the proposal's qualifiers names ("Russia" for
        "Russian oil"): what the measure is on, not a destination elsewhere."""
        actor_id = _actor_id(place)
        return actor_id is not None and any(
            (actor := lookup_actor(word.title())) is not None and actor.id == actor_id
            for word in slots.qualifier.words
        )

    def _is_place(self, token: Token) -> bool:
        if token.ent_type_ in PLACE_LABELS or forms(token) & self._place_words:
            return True
        # The small model often labels small countries as people ("Mali"): a proper noun
        # after a destination preposition is taken as a place unless named otherwise.
        return token.pos_ == "PROPN" and token.ent_type_ not in NOT_PLACE_LABELS

    def _places(self, holder: Token, own: bool) -> list[Token]:
        """Objects of destination prepositions under ``holder``, with their modifiers and
        one nested place ("on its eastern flank in Poland"). ``own``: the holder is the
        theme or its action, where beneficiary prepositions ("jets for Ukraine") count."""
        preps = self.table.destination_preps
        if not own:
            preps = preps - self.table.theme_only_preps
        places: list[Token] = []
        frontier = [holder]
        for _ in range(2):
            objects = [o for h in frontier for o in _destination_objects(h, preps)]
            for obj in objects:
                places.append(obj)
                places.extend(c for c in obj.children if c.dep_ in OWNER_DEPS)
            frontier = objects
        return places


def _hyphen_joined(token: Token) -> bool:
    """Whether ``token`` is part of a word joined by a hyphen ("win-win", "long-term")."""
    doc = token.doc
    return (token.i > 0 and is_hyphen(doc[token.i - 1])) or (
        token.i + 1 < len(doc) and is_hyphen(doc[token.i + 1])
    )


def _own_topic_words(slots: ProposalSlots) -> frozenset[str]:
    """Every word of the proposal's own: its title's and description's, its names, its
    kind's and its slots' with their synonyms."""
    own = slots.own_words | slots.names | slots.referents
    for slot in (slots.theme, slots.qualifier, slots.agent, slots.target):
        own = own | slot.words
    return own


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem, the same for a word's regular forms: one suffix off, then final e's."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word.rstrip("e") or word


def _phrase_stems(phrase: Iterable[str]) -> frozenset[str]:
    return frozenset(_stem(w) for part in phrase for w in _WORD.findall(part))


def _slot_stems(
    slots: ProposalSlots,
) -> tuple[frozenset[str], frozenset[str], tuple[frozenset[str], ...]]:
    """Stems of the theme's words, of the other slots' words, and of each multi-word
    theme, other slot's phrase and term (for ``ProposalMatcher.may_mention``)."""
    others = (slots.action, slots.opposite, slots.target, slots.qualifier, slots.agent)
    theme = frozenset(_stem(w) for w in slots.theme.words)
    other = frozenset(_stem(w) for slot in others for w in slot.words)
    other |= frozenset(stem for slot in others for p in slot.phrases for stem in _phrase_stems(p))
    names = ((name,) for name in slots.names)
    whole = tuple(_phrase_stems(p) for p in (*slots.theme.phrases, *slots.terms, *names))
    # the other names of an organisation the theme names ("EU", "E.U."): one word is a
    # theme word; letters cut by full stops are looked for whole
    spelled = [name for actor in slots.theme_actors for name in actor_index().names_of(actor)]
    single = [n.lower() for n in spelled if len(_WORD.findall(n)) == 1]
    theme |= frozenset(_stem(w) for n in single for w in _WORD.findall(n))
    whole += tuple(_phrase_stems((n.lower(),)) for n in spelled if "." in n)
    return theme, other, tuple(p for p in whole if p)


PRONOUN_LEAD_WORDS = 3
"""How many of a content's first words are looked at for a pronoun that may stand for a thing
named before it (``may_refer_back``; the parse then needs it before any noun of its own)."""

PRO_VERBS = frozenset({"do"})
"""Verbs whose pronoun object stands for an act named before ("we can do this")."""

_DO_PRONOUN = re.compile(r"\b(?:do|does|did|doing|done) (?:it|this|that)\b")
"""A pronoun object of one of ``PRO_VERBS`` in a text ("we will show that we can do this")."""

FRAGMENT_WORDS = 2
"""Most words of a content in lower case, with no determiner, that may be only a judgement of
what its sentence named before it ("useless."): it is embedded with the words before it."""

PRONOUN_CONTENT_WORDS = 12
"""Most words of a content led by such a pronoun that is parsed with the words before it to
find what the pronoun stands for (``may_stand_for``): a longer one names its own topic."""

PRONOUN_VECTOR_WORDS = 6
"""Most words of such a content that is also embedded with the words before it: a longer one
names its own topic, which the words before would only blur (on the calibrate half, 12 let
"it's now more important than ever that ... must not happen" fall under the floor and
brought "it's an invasion ... of the state regulatory domain" near a climate accord; 6 kept
both as they were)."""

_VOTE_ON_PRONOUN = re.compile(r"\bvot\w* (?:against|for|in favou?r of) (?:it|them)\b")
"""A vote whose object is a pronoun ("will vote against it")."""


def may_refer_back(text: str, table: ConceptTable) -> bool:
    """Whether ``text`` holds a word a referring phrase needs ("such", or "the" and a word
    like "plan"), without parsing it."""
    listed = _WORD.findall(text.lower())
    words = set(listed)
    if tuple(listed) in load_acts().labels:
        return True  # "In favour: A, B": a vote told by its label
    if _VOTE_ON_PRONOUN.search(text.lower()):
        return True  # "plans to vote against it"
    if len(listed) <= SHORT_REFERENCE_WORDS:
        # a vote with nothing after it ("abstained"), or on a text named only as such ("the
        # French text", "the draft resolution"), or a side of the vote taken ("the
        # majority"): what it is about is in the sentences before
        stems = {_stem(word) for word in words}
        named = _stems(table.documents | table.vote_sides)  # also "sided with [the majority]"
        if stems & _stems(table.decision_verbs) or (
            words & table.referring_determiners and stems & named
        ):
            return True
    return (
        bool(words & table.referring_words)
        or bool(words & table.referring_determiners and words & _plurals(table.referring_nouns))
        # an act's object that is a bare stance noun ("dropped [objections that ...]")
        or bool(listed and listed[0] in _plurals(table.standing_nouns))
        or may_react(text, table)  # "frustrated with Hungary": a reaction to a blocker
    )


def may_act(text: str, table: ConceptTable) -> bool:
    """Whether ``text`` is short and may hold one of ``acting_verbs`` (the verb in any
    regular form, or the word it needs: "took action"), without parsing it: "urged Budapest
    to act quickly", whose proposal is in the sentence before. Such a statement is parsed
    with the paragraphs before it, as a referring phrase is, and embedded with the sentence
    before it (``context_sentences``): alone, its vector is near nothing, and a statement
    whose vector is near no proposal is not looked at."""
    listed = _WORD.findall(text.lower())
    if len(listed) > ACTING_WORDS:
        return False
    words = set(listed)
    stems = {_stem(word) for word in words}
    for entry in table.acting_verbs:
        head, _, word = entry.partition(" ")
        if (word in words) if word else _stem(head) in stems:
            return True
    return False


def context_sentences(text: str, table: ConceptTable) -> int:
    """How many sentences before a statement with content ``text`` its vector is made with
    (``semantic.statement_text``): as many as a referring phrase's antecedent is searched in
    (``may_refer_back``: "such a step"), one for a short content that may stand for a thing
    named just before it (``may_stand_for``: "it's disastrous", whose antecedent is searched
    no further) and ``ACTING_SENTENCES`` for a call to act (``may_act``), else none."""
    if may_refer_back(text, table):
        return ANTECEDENT_SENTENCES
    if may_act(text, table):
        return ACTING_SENTENCES  # "to act quickly" says what is wanted, not what
    return 1 if may_stand_for(text, table, PRONOUN_VECTOR_WORDS, ending=False) else 0


def may_stand_for(
    text: str, table: ConceptTable, longest: int = PRONOUN_CONTENT_WORDS, ending: bool = True
) -> bool:
    """Whether ``text`` may stand for a thing named before it, without parsing it: a content
    of at most ``longest`` words led by a pronoun ("it's disastrous", "which Mexico should
    pay for"; "that" and "this" are more often a conjunction or a determiner, which only the
    parse tells) or ending with one ("we didn't discuss that"), or a few words in lower case
    with no determiner ("useless.")."""
    listed = _WORD.findall(text.lower())
    words = set(listed)
    every = table.singular_pronouns | table.plural_pronouns
    pronouns = every - table.referring_determiners
    if len(listed) <= longest and set(listed[:PRONOUN_LEAD_WORDS]) & pronouns:
        return True
    if ending and 0 < len(listed) <= longest and listed[-1] in every:
        return True  # "we didn't discuss that": last, "that" and "this" are pronouns too
    return (
        len(listed) <= FRAGMENT_WORDS
        and text.strip() == text.strip().lower()
        and not words & (table.referring_determiners | table.generic_determiners)
    )


_CAPITALISED = re.compile(r"\b[A-Z][\w-]+")


def may_react(text: str, table: ConceptTable) -> bool:
    """Whether ``text`` holds a reproach word (``reproach_words``, ``reproach_expectations``)
    and a capitalised word that names an actor ("frustrated with Hungary") or the words of a
    member left unnamed (``unnamed_counts`` and ``unnamed_members``: "one member state"),
    without parsing it: only such a statement can be a reaction to a member that blocks a
    proposal."""
    words = set(_WORD.findall(text.lower()))
    if not words & (table.reproach_words | table.reproach_expectations):
        return False
    if words & table.unnamed_counts and words & table.unnamed_members:
        return True  # "held hostage by one member state": the blocker left unnamed
    return any(lookup_actor(word) is not None for word in set(_CAPITALISED.findall(text)))


ACTING_SENTENCES = 1
"""How many sentences before a verb that stands for doing what was named ("urged Budapest
to act quickly") are searched for it, after the words of its own sentence before it: a
sentence that refers back itself carries the search on, as for "such a step"."""

ACTING_WORDS = 8
"""Most words of a content whose verb may stand for doing what was named before it (a
longer one names its own topic)."""

DESCRIBING_WORDS = 2
"""How many of a proposal's own words make a noun of its kind the proposal itself ("a
[climate] [change] accord"): one ("a trade deal") may be any such thing."""

OWN_ANTECEDENT_SENTENCES = 6
"""How many sentences before a mention of a proposal's own thing that points back ("the
deal") are searched for the proposal (``ProposalMatcher._named_again``), and then the
title (the first sentence of the parsed text); a sentence about another thing of that kind
ends the search sooner. Chosen on the calibrate half of the real-news stance set (3, 6, 12
sentences or the whole article before; 6 and the title were best)."""

VOTE_NOUNS = frozenset({"vote", "ballot"})
"""Nouns of a vote that may stand alone for one ("abstained from the Friday vote")."""

DECISION_NOUNS = frozenset({"adoption", "approval", "passage"})
"""Nouns of a body's decision that stand for the one on the text named before when they point
back ("welcomes this adoption"); "rejection" is left out, as it is more often the speaker's
own refusal ("its rejection of quotas") than the body's decision."""

SHORT_REFERENCE_WORDS = 4
"""Most words of a content that is only a vote or the name of a text ("the Russian draft")."""

FRAGMENT_EXCLUDES = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM", "X"})
"""Parts of speech a content that is only a judgement ("useless.") has none of."""

CLAUSE_AFTER_IT = frozenset({"ccomp", "xcomp", "csubj", "relcl", "acl"})
"""Clauses after an expletive "it" ("it is time to act"): such an "it" stands for nothing;
so does an adverbial clause in the infinitive ("it would be fair for him to visit")."""

ANCHOR_DEPS = frozenset({"dobj", "obj", "nsubjpass", "attr", "pobj", "xcomp", "ccomp"})


def _anchor(tokens: SpacySpan, slots: ProposalSlots, pronoun: Token | None = None) -> Token:
    """Where the stance reading of a match by similarity starts: a noun or verb of the
    statement that is one of the proposal's own words, else ``pronoun`` (a pronoun that may
    stand for the thing named before: "while [this] is a step forward, [it] goes nowhere
    near far enough" is said of it), else what the statement's main verb is about (its
    object or complement), else that verb."""
    proposal_words = {
        word
        for slot in (slots.action, slots.theme, slots.target, slots.agent, slots.qualifier)
        for word in slot.source
    }
    for token in tokens:
        if token.pos_ in {"NOUN", "PROPN", "VERB"} and forms(token) & proposal_words:
            return token
    if pronoun is not None:
        return pronoun
    root = tokens.root
    for child in root.children:
        if child.dep_ in ANCHOR_DEPS and tokens.start <= child.i < tokens.end:
            return child
    return root


def _bare_action(tokens: SpacySpan, slots: ProposalSlots) -> Token | None:
    """The proposal's action word with no noun of its own as object ("will not send
    anyone", "a presence on the ground"), not one that acts on something else ("giving
    Ukraine support")."""
    for token in tokens:
        if not slots.action.has_token(token) or token.is_stop:
            continue
        if token.pos_ != "VERB" and token.dep_ == "pobj":
            continue  # an idiom's noun: "rejected out of hand", "on the other hand"
        objects = [c for c in token.children if c.dep_ in OBJECT_DEPS | {"dative"}]
        if not any(o.pos_ in {"NOUN", "PROPN"} for o in objects if o.dep_ != "dative"):
            return token
    return None


def _phrase_theme(head: Token, first: Token, last: Token, specific: bool) -> _Candidate:
    """A candidate whose theme is the phrase from ``first`` to ``last`` with ``head`` as its
    head; ``specific``: the phrase matches on its own."""
    candidate = _Candidate(head, stretch_span(first, last), phrase=specific)
    span = stretch_span(first, last)
    candidate.evidence.append(MatchEvidence("theme", head.doc.text[span[0] : span[1]], span))
    return candidate


def _determiner_read_as_mark(noun: Token, determiners: frozenset[str]) -> bool:
    """A singular subject with no determiner of its own right after a "that" the parser took
    for the conjunction of its clause ("he said that accord should guide ..."): a bare
    singular noun cannot start a clause, so the "that" is its determiner."""
    if noun.i == 0 or noun.tag_ != "NN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    before = noun.doc[noun.i - 1]
    return (
        before.lower_ in determiners
        and before.dep_ == "mark"
        and before.head.i == noun.head.i
        and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in noun.children)
    )


def _is_time(prep: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Friday")."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _voted_on(slots: ProposalSlots, table: ConceptTable) -> bool:
    """A text a body decides on ("resolution"), a measure named by a noun alone with no
    action of its own ("EU tariffs on imported cars"), or one whose own words say members
    decide it ("... which every member must approve and ratify") while its action is
    another ("becoming a member"; a proposal whose action is itself a decision, "ratify
    the pact", is tied by that action): what members do with it (vote, approve, abstain)
    ties a statement to it."""
    decisions = table.decision_verbs
    decided = bool(slots.own_words & decisions) and not set(slots.action.source) & decisions
    return slots.document or not slots.action or slots.purpose_action or decided


def _names_body(subject: Token, bodies: tuple[str, ...]) -> bool:
    """Whether ``subject`` is one of ``bodies`` itself, by a name of ``data/votes.toml``
    that its words hold and that ends with its head ("The UN Security Council"; not "NATO
    members", whose head is its members)."""
    words = " ".join(t.text for t in subject.subtree if t.dep_ != "det").casefold()
    head = subject.text.casefold()
    names = vote_words().names
    for body in bodies:
        for name in names.get(body, ()):
            folded = name.casefold()
            if folded.split()[-1] == head and re.search(rf"\b{re.escape(folded)}\b", words):
                return True
    return False


def _words_before(span: SpacySpan) -> Iterator[tuple[SpacySpan, bool]]:
    """The words of ``span``'s sentence before it, then the sentences before that, nearest
    first; each with whether it is a whole sentence."""
    doc = span.doc
    start = span[0].sent.start
    if start < span.start:
        yield doc[start : span.start], False
    while start > 0:
        previous = doc[start - 1].sent
        yield previous, True
        start = previous.start


_APPOSITION_END = re.compile(r"[,;:.!?()\u2013\u2014]|--")
APPOSITION_MARKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "\u2013", "\u2014", "--"})
"""What ends an apposition after a comma ("a trade pact, the Pacific Trade Partnership.")."""


def _apposition(doc: Doc, comma: int) -> SpacySpan | None:
    """The words after a comma at token ``comma`` up to the next mark that ends an
    apposition, within the comma's sentence; None if there is no comma or no word."""
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    end = comma + 1
    sentence_end = doc[comma].sent.end
    while end < sentence_end and doc[end].text not in APPOSITION_MARKS:
        end += 1
    return doc[comma + 1 : end] if end > comma + 1 else None


def _in_clause_of(theme: Token, verb: Token) -> bool:
    """``theme`` lies in a clause that ``verb`` introduces ("[admitted] that Ukraine would
    not be able to join", "[accepts] that it cannot join yet"): the verb is then one of
    saying or granting a point, not the proposal's action, whatever its word."""
    node = theme
    while node.head.i != node.i:
        if node.head.i == verb.i:
            return node.dep_ == "ccomp"
        node = node.head
    return False


def _joined_named(tokens: SpacySpan, slots: ProposalSlots) -> Token | None:
    """For a proposal that lets a state into a body, the first word of ``tokens`` that names
    that state ("[Finland] and Sweden would be valuable additions to the alliance", "the
    decisions of [Finland] and Sweden"): a statement close to the proposal in meaning that
    names the state let in is about its joining, though no word of joining is there (the
    other checks of ``match_similar`` still hold: another theme, another state)."""
    if not slots.joined:
        return None
    return next((t for t in tokens if _state_id(t) in slots.joined), None)


def _counterparts(theme: Token) -> list[Token]:
    """Whom a theme is with or for: the objects of its "with" and "for" ("talks [with]
    Moldova", "membership [for] Chisinau"), and those of the noun it is "of" ("the start of
    talks [with] Moldova"), with the subject of a joining clause on either ("an initiation of
    talks for [Chisinau] to join the bloc")."""
    holders = [theme]
    if theme.dep_ == "pobj" and theme.head.lower_ == "of" and theme.head.head.i != theme.i:
        holders.append(theme.head.head)
    found: list[Token] = []
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in ("with", "for"):
                found += [m for o in child.children if o.dep_ == "pobj" for m in _conjuncts(o)]
            elif child.dep_ in ("advcl", "acl", "relcl") and child.lemma_.lower() == "join":
                found += [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def _other_counterpart(theme: Token, slots: ProposalSlots) -> Token | None:
    """For a proposal that names a state its theme is with ("open talks with Ukraine"), a
    state the theme is with or for instead (``_counterparts``) that is neither named by the
    proposal nor a member of a body that could adopt it, where none of the counterparts is
    the proposal's: that state's case ("accession talks with Moldova")."""
    if not slots.named:
        return None
    states = [(t, _state_id(t)) for t in _counterparts(theme)]
    states = [(t, s) for t, s in states if s is not None]
    if any(s in slots.named for _, s in states):
        return None
    return next((t for t, s in states if s not in slots.members), None)


def _joiners(theme: Token) -> list[Token]:
    """Who does a verb of joining ("[Ukraine] is ready to join", "[Finland] will join"): its
    subject, or that of the clause it completes; for a noun, only the predicate of a
    copula ("[Croatia] is a new member", "[Romania] is ready to be a member"): the
    subject it says the noun of. Nothing for another noun."""
    node = theme
    if theme.pos_ in ("NOUN", "PROPN"):
        if theme.dep_ != "attr" or theme.head.lemma_.lower() not in COPULAS:
            return []
        node = theme.head
    for _ in range(3):
        if node.pos_ not in ("VERB", "AUX", "ADJ"):
            return []
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
        if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
            return []
        node = node.head
    return []


def _state_id(token: Token) -> str | None:
    """The country a word names ("Finland", "Finnish"), whatever entity label the parser
    gave it; None for an organisation or nothing."""
    texts = [e.text for e in token.doc.ents if e.start <= token.i < e.end]
    for text in (*texts, token.text):
        actor = lookup_actor(text)
        if actor is not None:
            return actor.id if actor.kind == "country" else None
    return None


def _actor_id(token: Token) -> str | None:
    """The actor a word names ("Hungary", "Hungarian", "Budapest"), whole entity first."""
    texts = [e.text for e in token.doc.ents if e.start <= token.i < e.end]
    for text in (*texts, token.text):
        actor = lookup_actor(text)
        if actor is not None:
            return actor.id
    return None


def _governed_by(sentence: SpacySpan, match: ProposalMatch, blocking: list[Token]) -> bool:
    """The proposal's words in ``sentence`` are what one of ``blocking`` acts on: inside its
    phrase ("vowed to block [the measures]"), or it inside theirs ("the package Hungary
    blocked")."""
    word = _slot_word(sentence, match.slot("theme") or match.slot("term"))
    if word is None:
        return False
    return any(word in b.subtree or b in word.subtree for b in blocking)


def _theme_plural(sentence: SpacySpan, match: ProposalMatch) -> bool:
    """Whether the theme (or term) ``match`` found in ``sentence`` is a plural noun."""
    word = _slot_word(sentence, match.slot("theme") or match.slot("term"))
    return word is not None and word.tag_ in ("NNS", "NNPS")


def _infinitive_clause(verb: Token) -> bool:
    """An adverbial clause in the infinitive ("it would be fair for him [to visit] ..."):
    after an "it", what the "it" stands before."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _slot_word(sentence: SpacySpan, evidence: MatchEvidence | None) -> Token | None:
    """The head word in ``sentence``'s parse of the words a slot was filled with."""
    if evidence is None:
        return None
    found = sentence.doc.char_span(*evidence.span, alignment_mode="expand")
    return found.root if found is not None and len(found) > 0 else None


def _reacted(word: Token, member: Token, blocked: ProposalMatch) -> ProposalMatch:
    """A reaction's match: the reproach, the member reproached, then the blocked proposal's
    words (``antecedent``)."""
    evidence = (
        MatchEvidence("theme", word.text, char_span(word)),
        MatchEvidence("blocker", member.text, char_span(member)),
        *(MatchEvidence("antecedent", e.text, e.span) for e in blocked.evidence),
    )
    return ProposalMatch(blocked.slug, blocked.score, evidence)


def _referred(referring: Token, antecedent: ProposalMatch) -> ProposalMatch:
    left = referring if referring.pos_ == "VERB" else referring.left_edge
    span = stretch_span(left, referring)
    text = referring.doc.text[span[0] : span[1]]
    evidence = (
        MatchEvidence("theme", text, span),
        *(MatchEvidence("antecedent", e.text, e.span) for e in antecedent.evidence),
    )
    return ProposalMatch(antecedent.slug, antecedent.score, evidence)


@lru_cache(maxsize=4)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(word) for word in words)


@lru_cache(maxsize=4)
def _plurals(nouns: frozenset[str]) -> frozenset[str]:
    """``nouns`` and their regular plurals, as they may be written ("options", "steps")."""
    return nouns | {f"{noun}s" for noun in nouns}
