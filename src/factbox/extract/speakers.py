"""Resolving a statement's source span to speakers: person, role, actor.

A source span is read phrase by phrase through the dependency parse: each coordinated noun
phrase ("Czechia, Poland and Sweden") is one speaker. A phrase is a pronoun, an actor named
outright ("NATO", "the Kremlin", "Berlin"), a person (name with titles before it or an
appositive after it), or a role without a name ("the Slovak prime minister", "officials").
Surnames, pronouns and bare roles are filled from what the article said earlier
(``ArticleContext``) and then from the people the ledger already knows (``KnownPeople``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Protocol, runtime_checkable

from spacy.tokens import Doc, Token

from factbox.extract.actors import (
    Actor,
    ActorMatch,
    actor_index,
    actor_list_after,
    actors_in,
    find_actors,
    lookup_actor,
    normalise_name,
    role_key,
    role_vocabulary,
    roles_data,
)
from factbox.extract.furniture import page_furniture
from factbox.extract.offices import Office, non_state_words, office_table
from factbox.extract.token_table import token_table
from factbox.extract.vote_lists import listed_voters, voters_named_by_copula
from factbox.extract.votes import vote_words
from factbox.records import ActorKind, Article, Person, Speaker, Statement
from factbox.records import Span as CharSpan

NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"})
# Right-hand dependents that still belong to a speaker's noun phrase; relative clauses,
# participles ("speaking on condition of anonymity") and conjuncts do not.
PHRASE_RIGHT_DEPS = frozenset(
    {"appos", "prep", "amod", "nummod", "compound", "nmod", "npadvmod", "case", "poss"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Clauses hanging off a speaker phrase ("..., meeting in Prague, ...") name nobody.
CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl"})
SINGLE_QUOTES = frozenset({"'", "\u2018", "\u2019"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_NOT_PERSON_LABELS = frozenset(
    {"ORG", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART", "LAW", "DATE", "TIME", "MONEY"}
)
"""Entity labels of a bare proper noun that names no person (a "he" cannot continue it)."""
# How many sentences back an organisation's statement may be what a "they" stands for.
_COLLECTIVE_REACH = 2
# Nouns for a government named after the person who leads it ("the Obama administration").
_GOVERNMENT_NOUNS = frozenset({"administration", "government"})
# Sources that speak with the voice of whoever's words hold them.
_FIRST_PERSON = frozenset({"we", "i"})
# How many sentences from the top a line saying who delivers the text may be.
_DELIVERY_SENTENCES = 3


class KnownPeople(Protocol):
    """People remembered across articles (the ledger's people table)."""

    def lookup(self, name: str) -> Person | None: ...


@runtime_checkable
class KnownRoleHolders(Protocol):
    """Optional extra a ``KnownPeople`` may offer: who holds a role for an actor.

    ``role_key`` is ``factbox.extract.actors.role_key(role)`` ("prime minister").
    """

    def holder(self, role_key: str, actor_id: str) -> Person | None: ...


@dataclass(slots=True)
class _PersonFacts:
    """What the article (or the ledger) says about one person."""

    name: str
    role: str | None = None
    role_key: str | None = None
    actor: Actor | None = None
    place_actor: Actor | None = None
    """The country of the place a sentence naming the person opens with ("In Stockholm,
    Prime Minister ..."): the actor of an office held without a named country."""

    def learn(self, role: str | None, key: str | None, actor: Actor | None) -> None:
        if self.role is None and role is not None:
            self.role, self.role_key = role, key
        if self.actor is None and actor is not None and not non_state_words().marks_role(role):
            self.actor = actor  # "Sen. X of Ohio", "X, a region of Belgium": nobody's voice

    @property
    def speaks_for(self) -> Actor | None:
        """The actor the person speaks for, as far as this article tells: none when the
        role it gives them is one that speaks for no state."""
        if non_state_words().marks_role(self.role):
            return None
        return self.actor or self.place_actor


@dataclass(slots=True)
class _Reading:
    """What one noun phrase of a source says about its speaker."""

    head: Token
    start: int
    end: int
    """Token range of the phrase, clipped to the source span."""
    pronoun: bool = False
    name: str | None = None
    role: str | None = None
    role_key: str | None = None
    actors: list[Actor] = field(default_factory=list)
    actor_is_whole: bool = False
    """The phrase is nothing but an actor's name ("NATO", "the Kremlin")."""
    anonymous: bool = False
    definite: bool = False
    organisation_name: str | None = None
    """A proper name we could not place, read as an organisation ("Gazprom")."""
    speaks_for_none: bool = False
    """The phrase itself shows a speaker who speaks for no state or organisation: a
    government of someone out of office that day ("the drug policy director in the
    Clinton administration", in 2016: a former official), a legislator's party and place
    ("Paul Ryan, R-Wis."), or a text nobody is said to have adopted ("a UN resolution
    condemning ...")."""


@dataclass(slots=True)
class _Mention:
    token: int
    sentence: int
    name: str
    is_subject: bool
    is_main_subject: bool = False
    """The subject of its sentence's main verb ("[Ban] demurred", not the "Trump" of a
    clause inside the sentence)."""
    role_only: bool = False
    """A subject naming an office and no person ("[the Egyptian ambassador] defended
    ..."); ``name`` is then the role as written."""


class ArticleContext:
    """What one article tells us about its people, for surnames, pronouns and bare roles.

    Built in one pass over the noun chunks; statements resolved through it are remembered
    so a later "he said" prefers the previous statement's speaker.
    """

    def __init__(self, doc: Doc, article: Article, known: KnownPeople | None = None) -> None:
        self.doc = doc
        self.article = article
        self.known = known
        table = token_table(doc)
        self._line_breaks = table.line_breaks
        # A line break ends a sentence even where the parser runs a header into the next line.
        self._sentence_starts = sorted(
            {start for start, _ in table.sentences} | {i + 1 for i in self._line_breaks}
        )
        self._locales: dict[int, Actor | None] = {}
        self._article_locale = _article_locale(article)
        self._facts: dict[str, _PersonFacts] = {}
        self._surnames: dict[str, str] = {}
        self._first_names: dict[str, str | None] = {}
        self._mentions: list[_Mention] = []
        self._mention_tokens: list[int] = []
        self._holders: dict[tuple[str, str], _PersonFacts] = {}
        self._mentions_by_sentence: dict[int, list[_Mention]] = {}
        self._statements_by_sentence: dict[int, list[list[Speaker]]] = {}
        self._known_cache: dict[str, Person | None] = {}
        self._offices: list[tuple[int, str, Actor]] = []
        self._delivering: list[Speaker] | None = None
        self._antecedents: dict[int, _Mention | None] = {}
        self._said: tuple[CharSpan, ...] = ()
        """The content of the statement being resolved: names in it are what its speaker
        talks about."""
        self._collect_people()

    # --- building -----------------------------------------------------------------------

    def _collect_people(self) -> None:
        roots = [chunk.root for chunk in self.doc.noun_chunks]
        # A subject the noun chunks leave out, because a chunk inside its phrase took its
        # place ("Norway's Minister of [Justice] Kari Nordmann explained": the chunk is
        # "Justice", the subject "Kari Nordmann"), names its person all the same.
        taken = {root.i for root in roots}
        roots.extend(
            token
            for token in self.doc
            if token.dep_ in SUBJECT_DEPS and token.pos_ == "PROPN" and token.i not in taken
        )
        for root in sorted(roots):
            # A possessor names a person too ("[Ban]'s term expires"): a "he" after it may
            # be them, though they are no subject.
            possessors = [
                child for child in root.children if child.dep_ == "poss" and child.pos_ == "PROPN"
            ]
            for person in (root, *possessors):
                self._collect_person(person)
            self._collect_office_subject(root)
            self._collect_office(root)
        self._merge_surname_only_people()
        self._mentions.sort(key=lambda mention: mention.token)
        self._mention_tokens = [mention.token for mention in self._mentions]
        for facts in self._facts.values():
            if facts.role_key is not None and facts.actor is not None:
                self._holders.setdefault((facts.role_key, facts.actor.id), facts)

    def _collect_person(self, root: Token) -> None:
        if root.dep_ == "appos" or root.pos_ == "PRON" or not _may_bear_name(root):
            return
        if root.ent_type_ in _TIME_ENTITIES:
            return  # "set out in [May]": a month, not Theresa May
        lo, hi = self.line_bounds(root.i)
        reading = _read_phrase(root, lo, hi, self, use_known=False)
        office = None
        if reading.name is None and reading.organisation_name is not None:
            # "Russian Ambassador to the UN [Vassily Nebenzia]", which the recogniser read
            # as part of the organisation's name: a name in the "to" or "of" phrase of an
            # office that names its state is the office holder's
            name_start = _start_of_words(root, reading.organisation_name)
            office = self._office_around(root, lo, hi, name_start)
            if office is not None:
                reading.name, reading.organisation_name = reading.organisation_name, None
        if reading.name is None:
            return
        name = self.full_name(reading.name, use_known=False)
        if page_furniture().is_furniture(name, self.article.agency):
            return  # "Kyiv • UNN", "By Jane Doe, AFP": nobody a pronoun can stand for
        if office is None and (not reading.actors or _counterpart_of(root)):
            # "Russian Ambassador to the UN Jan Kowal": the UN is whom he is posted to
            office = self._office_around(root, lo, hi, _start_of_words(root, reading.name))
        if office is None and reading.role is None and not reading.actors:
            office = self._office_split_off(root, lo, hi)
        if office is not None:
            # "Slovenia's Minister of Foreign and European Affairs Tanja Fajon": the parser
            # hangs the name inside the office's "of" phrase; the office and its owner are
            # the title's, above it
            reading.role, reading.role_key, reading.actors = office
        facts = self._facts.setdefault(name, _PersonFacts(name))
        facts.learn(reading.role, reading.role_key, _first(reading.actors))
        if facts.place_actor is None and reading.role_key is not None:
            place = self.sentence_place(root.i)
            fits = place is not None and role_vocabulary().office_fits(reading.role_key, place.kind)
            if not fits and not reading.actors and facts.actor is None:
                # a state's office (an ambassador's too) named without its state
                held_by = role_vocabulary().held_by.get(reading.role_key)
                place = self.country_of_subject_before(root.i) if held_by else None
                fits = place is not None and held_by in ("state", "posted")
            facts.place_actor = place if fits else None
        self._remember_surname(name)
        mention = _Mention(root.i, self.sentence_of(root.i), name, _is_subject(root))
        mention.is_main_subject = mention.is_subject and _is_main_subject(root)
        self._add_mention(mention)

    def _office_around(
        self, root: Token, lo: int, hi: int, name_start: int | None = None
    ) -> tuple[str, str | None, list[Actor]] | None:
        """The office whose "of" phrase holds the name at ``root``, when the office names
        whose it is ("[Slovenia's Minister] of Foreign Affairs Tanja Fajon"): its words up
        to the name (up to ``name_start`` when the caller knows where the name begins), its
        key and its actors."""
        prep = root.head
        title = prep.head
        roles = role_vocabulary()
        if (
            root.dep_ != "pobj"
            or prep.lower_ not in roles.role_prepositions
            or title.i == prep.i
            or not roles.is_title_word(title)
        ):
            return None
        outer = _read_phrase(title, lo, hi, self, use_known=False)
        if not outer.actors or outer.name is not None:
            return None
        first = root  # the name's first word: the proper nouns compounded onto it
        while first.i > title.i + 1:
            before = self.doc[first.i - 1]
            if before.pos_ != "PROPN" or before.dep_ != "compound" or before.head.i != root.i:
                break
            first = before
        if name_start is not None and title.i < name_start <= root.i:
            first = self.doc[name_start]
        words = self.doc[title.i : first.i].text.strip()
        return words, outer.role_key, outer.actors

    def _office_split_off(
        self, root: Token, lo: int, hi: int
    ) -> tuple[str, str | None, list[Actor]] | None:
        """The office written just before a name that the parser made a subject of its own
        ("[Norway's Minister of Justice] Kari Nordmann explained": two subjects of
        "explained"): its words, key and actors, when it names an office and no person."""
        before = root.left_edge.i - 1
        if root.dep_ not in SUBJECT_DEPS or before < lo:
            return None
        title = next(
            (
                child
                for child in root.head.children
                if child.dep_ in (root.dep_, "npadvmod")
                and child.i != root.i
                and child.right_edge.i == before
            ),
            None,
        )
        if title is None or not role_vocabulary().is_title_word(title):
            return None
        outer = _read_phrase(title, lo, hi, self, use_known=False)
        if outer.name is not None or outer.role_key is None:
            return None
        return outer.role or title.text, outer.role_key, outer.actors

    def _collect_office_subject(self, root: Token) -> None:
        """A subject naming one office holder without a name ("Speaking after the vote,
        [the Egyptian ambassador to the UN] defended ..."): whom a "he" or "she" after it
        may stand for, as a named subject would be. Institutions ("the ministry") are no
        "he"."""
        if root.pos_ != "NOUN" or root.dep_ not in SUBJECT_DEPS:
            return
        number = token_table(root.doc).features[root.i].get("Number", ())
        if "Sing" not in number or root.lemma_.lower() in _institutions():
            return
        if role_vocabulary().role_key(root.lemma_) is None:
            return
        lo, hi = self.line_bounds(root.i)
        reading = _read_phrase(root, lo, hi, self, use_known=False)
        if reading.name is not None or reading.organisation_name is not None:
            return
        if reading.actor_is_whole or reading.role is None:
            return
        mention = _Mention(root.i, self.sentence_of(root.i), reading.role, True, role_only=True)
        mention.is_main_subject = _is_main_subject(root)
        self._mentions_by_sentence.setdefault(mention.sentence, []).append(mention)

    def _collect_office(self, root: Token) -> None:
        """An office or institution named with the one state or organisation it serves
        ("Peru's foreign ministry", "the Peruvian embassy"), whatever its clause: what a
        later bare "the ministry" or "the embassy" stands for."""
        if root.pos_ not in ("NOUN", "PROPN") or role_vocabulary().role_key(root.lemma_) is None:
            return
        lo, hi = self.line_bounds(root.i)
        reading = _read_phrase(root, lo, hi, self, use_known=False)
        if reading.name is not None or reading.speaks_for_none or reading.role_key is None:
            return
        if non_state_words().marks_role(reading.role):
            return  # "the regional government": a later "the government" is not the state
        if len(reading.actors) == 1:
            self._offices.append((root.i, reading.role_key, reading.actors[0]))

    def office_named_before(self, key: str, before: int) -> Actor | None:
        """The actor of the office or institution of this kind named last before token
        ``before`` with the one actor it serves ("Peru's foreign ministry ... [the
        ministry] added"), else ``None``."""
        for token, named_key, actor in reversed(self._offices):
            if token < before and (named_key == key or named_key.endswith(" " + key)):
                return actor
        return None

    def delivering_voice(self) -> list[Speaker]:
        """The speaker a line of the article names as delivering it: "Statement [by] ...",
        "Remarks [by] ...", "Explanation of vote [by] ...", "delivered [by] ..." in its first
        sentences; empty when no such line names one with a state or organisation."""
        if self._delivering is None:
            self._delivering = []
            heads = role_vocabulary().delivery_heads
            for sentence in list(self.doc.sents)[:_DELIVERY_SENTENCES]:
                by = next(
                    (
                        t
                        for t in sentence
                        if t.lower_ == "by"
                        # "Statement by", "Explanation of vote by"
                        and any(a.lemma_.lower() in heads for a in list(t.ancestors)[:3])
                    ),
                    None,
                )
                named = (
                    None if by is None else next((c for c in by.children if c.dep_ == "pobj"), None)
                )
                if named is None:
                    continue
                lo, hi = self.line_bounds(named.i)
                speakers = _speakers_for(_read_phrase(named, lo, hi, self), self.doc, self)
                if len(speakers) == 1 and speakers[0].actor_id is not None:
                    self._delivering = speakers
                    break
        return self._delivering

    def _remember_surname(self, name: str) -> None:
        parts = name.split()
        if len(parts) > 1:
            self._surnames[parts[-1].lower()] = name
        if len(parts) == 2:
            # "Zhang Jun ... Zhang said": a name written family name first is called by its
            # first word; kept only while no other two-word name opens with the same word
            first = parts[0].lower()
            self._first_names[first] = name if self._first_names.get(first, name) == name else None

    def _by_first_word(self, name: str) -> str | None:
        """The two-word name called by its first word ``name`` ("Zhang" for "Zhang Jun"), when
        no name of the article has ``name`` as its last word and one only opens with it."""
        if " " in name or name.lower() in self._surnames or lookup_actor(name) is not None:
            return None  # "Jordan said" is the country's, whoever "Jordan Doe" is
        return self._first_names.get(name.lower())

    def _add_mention(self, mention: _Mention) -> None:
        self._mentions.append(mention)
        self._mentions_by_sentence.setdefault(mention.sentence, []).append(mention)

    def _merge_surname_only_people(self) -> None:
        """A surname seen before its full name ("Fico ... Robert Fico") is the same person."""
        for name in [name for name in self._facts if " " not in name]:
            full = self._surnames.get(name.lower())
            if full is None:
                continue
            single = self._facts.pop(name)
            self._facts[full].learn(single.role, single.role_key, single.actor)
            self._facts[full].place_actor = self._facts[full].place_actor or single.place_actor
            for mention in self._mentions:
                if mention.name == name:
                    mention.name = full

    # --- queries ------------------------------------------------------------------------

    def sentence_of(self, token_index: int) -> int:
        return bisect.bisect_right(self._sentence_starts, token_index) - 1

    def line_bounds(self, token_index: int) -> tuple[int, int]:
        """Token range of the line (paragraph or header) holding a token."""
        position = bisect.bisect_right(self._line_breaks, token_index)
        lo = self._line_breaks[position - 1] + 1 if position > 0 else 0
        hi = self._line_breaks[position] if position < len(self._line_breaks) else len(self.doc)
        return lo, hi

    def sentence_place(self, token_index: int) -> Actor | None:
        """The country a sentence is set in when it opens with a place adjunct of its main
        verb ("In Stockholm, ...", "In Madrid, ..."), else ``None``."""
        sentence = self.sentence_of(token_index)
        if sentence not in self._locales:
            start = self._sentence_starts[sentence] if sentence >= 0 else 0
            self._locales[sentence] = _opening_place(self.doc, start)
        return self._locales[sentence]

    def country_of_subject_before(self, token_index: int) -> Actor | None:
        """The one country that is the main subject of the nearest earlier sentence with a
        subject outside quotation marks (in this paragraph or the one before): whose office
        a person named with a state's office and no country holds ("Norway distanced itself
        from the majority. '...,' Kari Nordmann, the Minister of Justice, explained";
        "Norway was one of the authors of the text. '...,' stressed Ambassador Kari
        Nordmann"). A reader takes the office for the country the text is about just then.
        ``None`` when that subject is anything but one country named by its name."""
        doc = self.doc
        sentence = self.sentence_of(token_index)
        line = bisect.bisect_right(self._line_breaks, token_index)
        first_line = self._line_breaks[line - 2] + 1 if line >= 2 else 0
        for earlier in range(sentence - 1, -1, -1):
            start = self._sentence_starts[earlier]
            if start < first_line:
                return None
            end = self._sentence_starts[earlier + 1]
            subjects = [
                token
                for token in doc[start:end]
                if token.dep_ in SUBJECT_DEPS
                and token.head.dep_ == "ROOT"
                and not self._quoted_in_paragraph(token.i)
            ]
            if not subjects:
                continue  # a sentence of quoted words only
            if len(subjects) != 1 or subjects[0].conjuncts:
                return None
            subject = subjects[0]
            indices = [t.i for t in subject.subtree if start <= t.i < end]
            matches = [m for m in find_actors(doc, indices) if m.name.via in ("name", "metonym")]
            if len(matches) != 1 or not matches[0].start <= subject.i < matches[0].end:
                return None
            return matches[0].actor if matches[0].actor.kind == "country" else None
        return None

    def _quoted_in_paragraph(self, token_index: int) -> bool:
        """Whether a token sits inside double quotation marks opened in its paragraph (a
        quote may run over several sentences)."""
        lo, _ = self.line_bounds(token_index)
        marks = sum(
            1
            for token in self.doc[lo:token_index]
            if token.is_quote and token.text not in SINGLE_QUOTES
        )
        return marks % 2 == 1

    def office_locale(
        self, token_index: int, role_key: str | None, *, named: bool = False
    ) -> Actor | None:
        """Whom an office named without its country or organisation speaks for: the place
        its sentence opens with, else the article's own place (dateline, else the actor its
        headline opens with); only when the office is one that kind of actor has. A person
        ``named`` takes from the dateline only an office that states alone hold ("LONDON -
        Environment Minister Jane Doe"): the dateline says where the reporter filed from,
        and wire copy from one capital quotes the people of many ("JERUSALEM - House Speaker
        Paul Ryan said", "the chair of the panel, John Doe")."""
        if role_key is None:
            return None
        article_locale = self._article_locale
        if named and self.article.place and role_vocabulary().held_by.get(role_key) != "state":
            article_locale = None
        for actor in (self.sentence_place(token_index), article_locale):
            if actor is not None and role_vocabulary().office_fits(role_key, actor.kind):
                return actor
        return None

    def knows(self, name: str) -> bool:
        return name in self._facts or name.split()[-1].lower() in self._surnames

    def full_name(self, name: str, *, use_known: bool = True, first_word: bool = False) -> str:
        """The fullest form of a name this article (or the ledger) gives; ``first_word``: a
        speaker's one word may be a two-word name's first (``_by_first_word``). Only a
        speaker's: the people the article names keep apart, so what is said of one ("Ban, a
        diplomat from South Korea") does not change the other's actor."""
        if name in self._facts and " " in name:
            return name
        full = self._surnames.get(name.split()[-1].lower())
        # a surname's particle may be written either way ("van der Bellen", and "Van der
        # Bellen" when it opens a sentence)
        if full is not None and full.casefold().endswith(name.casefold()):
            return full
        full = self._by_first_word(name) if first_word else None
        if full is not None:
            return full
        if use_known:
            person = self.known_person(name)
            if person is not None:
                return person.name
        return name

    def facts(self, name: str) -> _PersonFacts | None:
        return self._facts.get(name)

    def known_person(self, name: str) -> Person | None:
        if self.known is None:
            return None
        if name not in self._known_cache:
            self._known_cache[name] = self.known.lookup(name)
        return self._known_cache[name]

    def holder_of(self, key: str, actor: Actor | None, before: int) -> _PersonFacts | None:
        """The person most recently named before ``before`` with this role (and actor)."""
        position = bisect.bisect_left(self._mention_tokens, before)
        leaders = role_vocabulary().leader_offices if key == "leader" else frozenset()
        for mention in reversed(self._mentions[:position]):
            facts = self._facts.get(mention.name)
            if facts is None or facts.role_key is None:
                continue
            same_role = (
                facts.role_key == key
                or facts.role_key.endswith(" " + key)
                or (actor is not None and facts.role_key in leaders)  # "the French leader"
            )
            if same_role and (actor is None or facts.actor == actor):
                return facts
        if actor is None:
            return None
        holder = self._holders.get((key, actor.id))
        if holder is not None:
            return holder
        if isinstance(self.known, KnownRoleHolders):
            person = self.known.holder(key, actor.id)
            if person is not None:
                return _facts_from_person(person)
        return None

    def pronoun_antecedent(self, pronoun: Token) -> _Mention | None:
        """Whom a "he"/"she" most likely stands for: a person named, or an office held
        by one named as a subject ("the French ambassador said ... and that [she]
        expects"), earlier in the same sentence (outside quotes; a subject first), else,
        sentence by sentence backwards, the subject (of the main verb first: "Asked
        whether Trump could win, [Ban] demurred"), the speaker of a statement there, or the
        last person named there. Names inside quotation marks are the quoted speaker's
        words ("[W]e are reminded"), and a name with no sign of being a person's ("3.6
        degrees Fahrenheit") is passed over as the last one named. A pronoun that is the
        source of several statements ("..., he said, adding that ...") stands for the one
        person in all of them, the one found for the first."""
        if pronoun.i not in self._antecedents:
            self._antecedents[pronoun.i] = self._antecedent(pronoun)
        return self._antecedents[pronoun.i]

    def _antecedent(self, pronoun: Token) -> _Mention | None:
        sentence = self.sentence_of(pronoun.i)
        before = [
            mention
            for mention in self._mentions_by_sentence.get(sentence, [])
            if mention.token < pronoun.i
            and not _inside_quotes(self.doc, mention.token)
            and not self._in_words_said(mention.token)
        ]
        if before:
            subjects = [mention for mention in before if mention.is_subject]
            return (subjects or before)[-1]
        for earlier in range(sentence - 1, -1, -1):
            mentions = self._outside_quotes(earlier)
            subjects = [m for m in mentions if m.is_subject]
            if subjects:
                main = [m for m in subjects if m.is_main_subject]
                return (main or subjects)[0]
            for speakers in reversed(self._statements_by_sentence.get(earlier, [])):
                named = [s.name for s in speakers if s.name is not None]
                if len(named) == 1:
                    return _Mention(-1, earlier, named[0], False)
                bare = self._bare_name_speaker(speakers)
                if bare is not None:
                    return _Mention(-1, earlier, bare, False)
            people = [m for m in mentions if not m.role_only and self._may_be_person(m)]
            if people:
                return people[-1]
        return None

    def _bare_name_speaker(self, speakers: list[Speaker]) -> str | None:
        """The one word of a statement's only speaker when it is a bare proper noun that
        resolved to no person and no actor ("... ,' [Nebenzia] said." where the recogniser
        took the surname for a place): most likely a person named by surname, whom a "he
        said" right after continues. ``None`` for anything else (an organisation's name)."""
        if len(speakers) != 1 or speakers[0].actor_id is not None or speakers[0].span is None:
            return None
        words = self.doc.char_span(*speakers[0].span, alignment_mode="expand")
        if words is None or len(words) != 1:
            return None
        word = words[0]
        if word.pos_ != "PROPN" or not word.is_title or word.ent_type_ in _NOT_PERSON_LABELS:
            return None
        return word.text

    def saying(self, statement: Statement) -> None:
        """Note the statement whose speakers are being resolved: a name inside its own
        content, quoted or not, is what the speaker talks about, not who speaks ("levying
        duties on [Chinese] cars is 'a bad idea,' he said": "he" is not the cars)."""
        self._said = statement.content_pieces or (statement.content_span,)

    def speaker_the_words_name(self, found: Speaker, before: int) -> Speaker | None:
        """The speaker whose quotes continue, when the words of the statement being
        resolved speak as that speaker's country and not as ``found``'s: the named speaker
        of the latest statement in this sentence or the three before speaks for the one
        country the words name as a subject beside a "we" ("'Greece is against the duties,
        and we will vote against them,' he said"), while ``found`` (a person named in
        between, "Chinese Foreign Minister Wang Yi arrived on Sunday") speaks for another
        and is the speaker of none of those statements. ``None`` otherwise."""
        own = self._country_the_words_speak_as()
        if own is None or found.actor_id in (None, own.id):
            return None
        sentence = self.sentence_of(before)
        recent = [
            speaker
            for earlier in range(max(sentence - 3, 0), sentence + 1)
            for speakers in self._statements_by_sentence.get(earlier, [])
            for speaker in speakers
            if speaker.name is not None
        ]
        if not recent or any(speaker.name == found.name for speaker in recent):
            return None
        latest = recent[-1]
        return latest if latest.actor_id == own.id else None

    def _country_the_words_speak_as(self) -> Actor | None:
        """The one country the statement's own words name as a subject (by its name, not a
        nationality word) beside a "we", "us" or "our" of the speaker."""
        tokens = [
            token
            for lo, hi in self._said
            if (words := self.doc.char_span(lo, hi, alignment_mode="expand")) is not None
            for token in words
        ]
        if not any(token.lower_ in _FIRST_PERSON_PLURAL for token in tokens):
            return None
        subjects = [t.i for t in tokens if t.dep_ in SUBJECT_DEPS and t.pos_ == "PROPN"]
        matches = [
            m
            for m in find_actors(self.doc, subjects)
            if m.name.via in ("name", "metonym") and m.actor.kind == "country"
        ]
        countries = {m.actor for m in matches}
        return countries.pop() if len(countries) == 1 else None

    def _in_words_said(self, token_index: int) -> bool:
        start = self.doc[token_index].idx
        return any(lo <= start < hi for lo, hi in self._said)

    def state_of_previous_subject(self, token_index: int) -> Actor | None:
        """The country of the one person who is the main subject of the sentence before
        ``token_index``'s, when the article or the table of offices gives them a state's
        office; else ``None``."""
        sentence = self.sentence_of(token_index)
        subjects = [m for m in self._outside_quotes(sentence - 1) if m.is_main_subject]
        if len(subjects) != 1 or subjects[0].role_only:
            return None
        facts = self._facts.get(subjects[0].name)
        actor = facts.speaks_for if facts is not None else None
        if actor is None:
            day = self.article.published
            held = office_table().held_on(subjects[0].name, day) if day else None
            actor = actor_index().actor(held.actor_id) if held is not None else None
        return actor if actor is not None and actor.kind == "country" else None

    def _outside_quotes(self, sentence: int) -> list[_Mention]:
        return [
            m
            for m in self._mentions_by_sentence.get(sentence, [])
            if not _inside_quotes(self.doc, m.token)
        ]

    def office_introducing(self, name: str, token_index: int) -> Token | None:
        """The office a person the article tells nothing else of was introduced by, just
        before their name: the one subject of the nearest earlier sentence with a subject
        outside quotes (a quote-only sentence between is skipped), when that subject names
        an office and no person ("Germany's ambassador to Canada praised it. 'An excellent
        agreement,' Jane Doe said."). ``None`` when the person has a role or actor from
        anywhere, or that sentence's subject is someone else or several."""
        facts = self._facts.get(name)
        if facts is not None and (facts.role is not None or facts.actor is not None):
            return None
        sentence = self.sentence_of(token_index)
        for earlier in range(sentence - 1, max(sentence - 3, -1), -1):
            subjects = [m for m in self._outside_quotes(earlier) if m.is_subject]
            if not subjects:
                continue
            if len(subjects) == 1 and subjects[0].role_only:
                return self.doc[subjects[0].token]
            return None
        return None

    def met(self, name: str, speaker: Speaker) -> None:
        """Remember a person first met as a speaker with a role and an actor, and their
        surname, as the first pass remembers the people it finds."""
        self.learn(name, speaker)
        self._remember_surname(name)

    def learn(self, name: str, speaker: Speaker) -> None:
        """Remember a person's role and actor found while resolving a statement, for the
        later mentions of the same person."""
        facts = self._facts.setdefault(name, _PersonFacts(name))
        actor = actor_index().actor(speaker.actor_id) if speaker.actor_id else None
        facts.learn(speaker.role, role_key(speaker.role) if speaker.role else None, actor)

    def _may_be_person(self, mention: _Mention) -> bool:
        """Whether a name mentioned in passing shows any sign of being a person's: the
        recogniser's, a role the article gives them, or the table of offices'."""
        facts = self._facts.get(mention.name)
        return (
            self.doc[mention.token].ent_type_ == "PERSON"
            or (facts is not None and (facts.role is not None or facts.actor is not None))
            or office_table().knows(mention.name)
        )

    def previous_group(self, before: int, *, plural: bool) -> list[Speaker]:
        """Speakers of the latest earlier statement that fit "they" (several speakers or a
        group; within this sentence and the two before, also an organisation, whose
        members a "they" may be: "the Security Council issued a statement ... they said")
        or "it" (one country or organisation)."""
        start = self.doc[before].idx
        sentence = self.sentence_of(before)
        for earlier in range(sentence, -1, -1):
            for speakers in reversed(self._statements_by_sentence.get(earlier, [])):
                first = speakers[0] if speakers else None
                if first is None or (first.span is not None and first.span[0] >= start):
                    continue
                if plural and (len(speakers) > 1 or _is_plural_group(self.doc, first)):
                    return speakers
                collective = (
                    plural and sentence - earlier <= _COLLECTIVE_REACH
                ) and first.actor_kind == "organization"
                if (collective or not plural) and len(speakers) == 1 and _is_actor_only(first):
                    return speakers
            if plural and earlier < sentence and self.plural_subject(earlier, before):
                # "The 28 EU leaders were taken by surprise. ... they agreed": the nearer
                # plural subject is who "they" are, not a group that spoke before it; when
                # it lists its members ("Other states, such as A, B and C, were critical.
                # They ..."), each of them
                return self.listed_subject(earlier)
        return []

    def listed_subject(self, sentence: int) -> list[Speaker]:
        """The actors the plural subject of sentence ``sentence`` lists as its members
        ("Other countries, such as A, B and C, were critical"; ``_group_members``), as
        speakers; empty when it lists fewer than two."""
        start = self._sentence_starts[sentence]
        end = (
            self._sentence_starts[sentence + 1]
            if sentence + 1 < len(self._sentence_starts)
            else len(self.doc)
        )
        for token in self.doc[start:end]:
            if not (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.pos_ == "NOUN"
                and "Plur" in token.morph.get("Number", [])
                and not _inside_quotes(self.doc, token.i)
            ):
                continue
            members = _group_members(token, start, end)
            actors = list(dict.fromkeys(match.actor for match in members))
            if len(actors) > 1:
                return [_speaker(self.doc[token.i].text, None, None, None, a) for a in actors]
        return []

    def plural_subject(self, sentence: int, before: int) -> bool:
        """Sentence ``sentence`` has a plural noun as a subject before token ``before``,
        outside quotes (a quote's "the members of the council will ..." is the speaker's)."""
        start = self._sentence_starts[sentence]
        end = (
            self._sentence_starts[sentence + 1]
            if sentence + 1 < len(self._sentence_starts)
            else len(self.doc)
        )
        return any(
            t.dep_ in ("nsubj", "nsubjpass")
            and t.pos_ in ("NOUN", "PROPN")
            and "Plur" in t.morph.get("Number", [])
            and not _inside_quotes(self.doc, t.i)
            for t in self.doc[start : min(end, before)]
        )

    def actor_named_before(self, pronoun: Token) -> list[Speaker]:
        """The country or organisation named last before an "it" in its own sentence,
        outside quotes ("for the United States to meet the target [it] pledged")."""
        sentence = pronoun.sent
        indices = [i for i in range(sentence.start, pronoun.i) if not _inside_quotes(self.doc, i)]
        matches = [m for m in find_actors(self.doc, indices) if m.name.via != "demonym"]
        if not matches:
            return []
        last = matches[-1]
        return [_speaker(pronoun.text, None, None, None, last.actor)]

    def remember_statement(self, token_index: int, speakers: list[Speaker]) -> None:
        self._statements_by_sentence.setdefault(self.sentence_of(token_index), []).append(speakers)

    def people(self) -> list[Person]:
        """People this article names with a role or actor (to remember in the ledger)."""
        people = []
        for facts in self._facts.values():
            if facts.role is None and facts.actor is None:
                continue
            actor = facts.speaks_for
            people.append(
                Person(
                    name=facts.name,
                    role=facts.role,
                    actor_id=actor.id if actor else None,
                    actor=actor.name if actor else None,
                    actor_kind=actor.kind if actor else "person",
                    seen_on=self.article.published,
                )
            )
        return people


def resolve_speakers(statement: Statement, doc: Doc, context: ArticleContext) -> list[Speaker]:
    """One speaker per person/actor in the statement's source span."""
    span = _source_span(statement, doc)
    if span is None:
        if not statement.source_text:
            return []
        return [_speaker_from_text(statement.source_text)]
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return [_speaker_from_text(statement.source_text)]
    context.saying(statement)
    lo, hi = _one_line(tokens.start, tokens.end, statement, context)
    lo, hi = _quantified_subject(doc, lo, hi, context)
    lo, hi = _before_a_time(doc, lo, hi)
    lo = _after_a_dateline(doc, lo, hi)
    lo, hi = _among_those(doc, lo, hi, context)
    readings = (
        _listed_ahead(doc, lo, hi, statement, context)
        or _listed_after_clause(doc, lo, hi, context)
        or _listed_voters(doc, lo, hi, statement, context)
        or _listed_office_holders(doc, lo, hi, context)
        or _counted_then_named(doc, _readings(doc, lo, hi, context))
    )
    speakers: list[Speaker] = []
    for reading in _merge_appositions(readings):
        speakers.extend(_speakers_for(reading, doc, context))
    speakers = _distinct(speakers)
    context.remember_statement(lo, speakers)
    _record_speaker_names(doc, statement.span, speakers)
    return speakers


def voices_of_first_persons(statements: list[Statement], context: ArticleContext) -> None:
    """Give a statement whose source is only "we" or "I" the speakers of the statement whose
    words hold it, in place ("The ambassador said the text was fair, and that [we] support
    it": the ambassador's country; a spokesman's "which is why [we] backed it": the
    spokesman's); outside anyone's words and quotes, the speaker a line of the text names as
    delivering it ("Statement by Ambassador Jane Doe, Permanent Representative of ...": a
    transcript speaks in the first person throughout). Statements resolve one by one, and
    the one holding a first-person source usually comes after it (its cue follows its
    words), so this runs once all have speakers; outer statements go first, so a chain of
    them passes one voice inward."""
    doc = context.doc
    by_width = sorted(statements, key=lambda s: s.content_span[0] - s.content_span[1])
    for statement in by_width:
        if not _first_person_only(statement, doc):
            continue
        source = _source_span(statement, doc)
        enclosing = [
            other
            for other in statements
            if other is not statement
            and source is not None
            and any(lo <= source[0] and source[1] <= hi for lo, hi in _content_pieces(other))
        ]
        voices = min(enclosing, key=lambda s: s.content_span[1] - s.content_span[0], default=None)
        voice = voices.speakers if voices is not None else []
        if not enclosing and source is not None:
            token = doc.char_span(*source, alignment_mode="expand")
            if token is not None and not _inside_quotes(doc, token.start):
                voice = context.delivering_voice()
        if not any(speaker.actor_id is not None for speaker in voice):
            continue
        text, span = statement.speakers[0].text, statement.speakers[0].span
        statement.speakers = [replace(sp, text=text, span=span) for sp in voice]
        _record_speaker_names(doc, statement.span, statement.speakers)


def _content_pieces(statement: Statement) -> tuple[CharSpan, ...]:
    return statement.content_pieces or (statement.content_span,)


def _first_person_only(statement: Statement, doc: Doc) -> bool:
    """Whether a statement's one speaker is a first-person pronoun with no actor."""
    if len(statement.speakers) != 1 or statement.speakers[0].actor_id is not None:
        return False
    speaker = statement.speakers[0]
    if speaker.span is None:
        return False
    tokens = doc.char_span(*speaker.span, alignment_mode="expand")
    if tokens is None:
        return False
    words = [t for t in tokens if not _is_filler(t)]
    return len(words) == 1 and words[0].lower_ in _FIRST_PERSON


SPEAKER_NAMES_KEY = "factbox.speaker_names"
SPEAKER_ACTORS_KEY = "factbox.speaker_actors"


def _distinct(speakers: list[Speaker]) -> list[Speaker]:
    """One speaker per actor among those named only by their actor ("Rome and Italy")."""
    seen: set[str] = set()
    kept = []
    for speaker in speakers:
        if speaker.name is None and speaker.actor_id is not None:
            if speaker.actor_id in seen:
                continue
            seen.add(speaker.actor_id)
        kept.append(speaker)
    return kept


def _record_speaker_names(doc: Doc, span: CharSpan, speakers: list[Speaker]) -> None:
    names: dict[CharSpan, tuple[str, ...]] = doc.user_data.setdefault(SPEAKER_NAMES_KEY, {})
    if speakers and all(speaker.name for speaker in speakers):
        names[span] = tuple(speaker.name or "" for speaker in speakers)
    else:
        names[span] = ()
    actors: dict[CharSpan, frozenset[str]] = doc.user_data.setdefault(SPEAKER_ACTORS_KEY, {})
    actors[span] = frozenset(s.actor_id for s in speakers if s.actor_id is not None)


def speaker_actors(doc: Doc, span: CharSpan) -> frozenset[str]:
    """The actor ids of the speakers ``resolve_speakers`` found for the statement at ``span``
    (empty when none has one, or not resolved)."""
    actors: dict[CharSpan, frozenset[str]] | None = doc.user_data.get(SPEAKER_ACTORS_KEY)
    return frozenset() if actors is None else actors.get(span, frozenset())


def speaker_names(doc: Doc, span: CharSpan) -> tuple[str, ...] | None:
    """The people ``resolve_speakers`` found for the statement at ``span`` (its whole
    span): their names, ``()`` when any speaker is unnamed, ``None`` if not resolved."""
    names: dict[CharSpan, tuple[str, ...]] | None = doc.user_data.get(SPEAKER_NAMES_KEY)
    return None if names is None else names.get(span)


def _one_line(lo: int, hi: int, statement: Statement, context: ArticleContext) -> tuple[int, int]:
    """A speaker phrase never crosses a line break: where a source span does (a header line
    run into the sentence below it), keep the line next to the cue."""
    doc = context.doc
    cue_after = statement.cue_span is None or statement.cue_span[0] >= doc[hi - 1].idx
    anchor = hi - 1 if cue_after else lo
    while lo < anchor and doc[anchor].is_space:
        anchor -= 1
    line_lo, line_hi = context.line_bounds(anchor)
    lo, hi = max(lo, line_lo), min(hi, line_hi)
    return (lo, hi) if lo < hi else (anchor, anchor + 1)


def _listed_ahead(
    doc: Doc, lo: int, hi: int, statement: Statement, context: ArticleContext
) -> list[_Reading]:
    """The members a source lists after a colon in its sentence ("The following officials
    also ruled it out: Deputy Defence Minister A, Prime Minister B, C"), each a speaker."""
    if not role_vocabulary().lists_ahead(doc[lo:hi]):
        return []
    after = statement.cue_span[1] if statement.cue_span is not None else doc[hi - 1].idx
    sentence = doc[hi - 1].sent
    colon = next((t.i for t in doc[hi : sentence.end] if t.text == ":" and t.idx >= after), None)
    if colon is None:
        return []
    end = sentence.end
    while end > colon + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    _, line_hi = context.line_bounds(colon)
    end = min(end, line_hi)
    readings = []
    start = colon + 1
    for i in range(colon + 1, end + 1):
        if i < end and doc[i].text not in (",", ";") and doc[i].lower_ != "and":
            continue
        if start < i:
            readings.append(_list_item(doc, start, i, context))
        start = i + 1
    return readings


def _listed_office_holders(doc: Doc, lo: int, hi: int, context: ArticleContext) -> list[_Reading]:
    """A source that lists the office holders of several states one after another, each
    with its title and state ("Prime Minister of Estonia A, Prime Minister of Latvia B, and
    Prime Minister of Lithuania C"): each item a speaker for its own state, however the
    parser hung the list (a dateline glued to its front, a name read as an organisation).
    Nothing unless every item has a title word and names one state by one word, and no two
    items the same state."""
    roles = role_vocabulary()
    items: list[tuple[int, int]] = []
    start = lo
    for i in range(lo, hi + 1):
        if i < hi and doc[i].text not in (",", ";") and doc[i].lower_ != "and":
            continue
        if start < i:
            items.append((start, i))
        start = i + 1
    if len(items) < 2:
        return []
    readings = []
    for item_lo, item_hi in items:
        states = [
            (t, actor)
            for t in doc[item_lo:item_hi]
            if (actor := lookup_actor(t.text)) is not None and actor.kind == "country"
        ]
        if len({a.id for _, a in states}) != 1 or not any(
            roles.is_title_word(t) for t in doc[item_lo : states[0][0].i]
        ):
            return []
        state, actor = states[0]
        reading = _list_item(doc, item_lo, item_hi, context, name_start=state.i + 1)
        reading.actors = [actor]
        readings.append(reading)
    if len({r.actors[0].id for r in readings}) < len(readings):
        return []
    return readings


def _listed_after_clause(doc: Doc, lo: int, hi: int, context: ArticleContext) -> list[_Reading]:
    """The actors listed after the relative clause of a source noun, set off by dashes or
    brackets ("10 of the 14 [countries] that voted for the resolution - A, B and C - were
    summoned"): each listed actor is a speaker of what the clause says they did."""
    head = doc[hi - 1]
    clause = next((c for c in head.children if c.dep_ == "relcl" and c.i >= hi), None)
    if clause is None or head.tag_ not in ("NNS", "NNPS"):
        return []
    found = actor_list_after(clause)
    items = found[1] if found is not None else []
    return [_list_item(doc, start, end, context) for start, end in items]


def _listed_voters(
    doc: Doc, lo: int, hi: int, statement: Statement, context: ArticleContext
) -> list[_Reading]:
    """The members a vote's source lists or stands for ("In favour: A, B", "Twelve countries
    abstained: A, B and C"; ``vote_lists.listed_voters``), or that a copula names as the
    source ("Countries that voted for it were A, B and C", "D was the only country that voted
    against"; ``vote_lists.voters_named_by_copula``): each a speaker of the vote."""
    if statement.kind not in ("act", "indirect") or statement.cue_span is None:
        return []
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    if cue is None:
        return []
    items = voters_named_by_copula(doc, lo, hi, (cue.start, cue.end))
    if not items and statement.kind == "act":
        items = listed_voters(doc, lo, hi, cue.end)
    return [_list_item(doc, start, end, context) for start, end in items]


COUNTED_NOUNS = frozenset({"country", "nation", "state", "government"})
"""Nouns a source counts unnamed countries with ("ministers of five countries")."""


def _counted_then_named(doc: Doc, readings: list[_Reading]) -> list[_Reading]:
    """A source that counts countries it does not name ("Foreign ministers of five Central
    European countries welcomed it") speaks for the countries the next sentence names, when
    it names exactly that many outside quotes ("Slovenian Foreign Minister Jane Doe spoke
    after meeting her Austrian, Czech, Hungarian and Slovak counterparts"): each is a
    speaker, with the source's role. Any other number names other countries, or some of
    them: nobody is given."""
    if len(readings) != 1:
        return readings
    reading = readings[0]
    if reading.actors or reading.speaks_for_none or reading.name or reading.pronoun:
        return readings
    counted = [
        number
        for token in doc[reading.start : reading.end]
        if token.lemma_.lower() in COUNTED_NOUNS and token.tag_ == "NNS"
        for number in (_count_of(child) for child in token.children if child.dep_ == "nummod")
        if number is not None and number > 1
    ]
    sentence = doc[reading.head.i].sent
    if len(counted) != 1 or sentence.end >= len(doc):
        return readings
    following = doc[sentence.end].sent
    while following.text.isspace() and following.end < len(doc):
        following = doc[following.end].sent
    words = [i for i in range(following.start, following.end) if not _inside_quotes(doc, i)]
    countries = list(
        dict.fromkeys(m.actor for m in find_actors(doc, words) if m.actor.kind == "country")
    )
    if len(countries) != counted[0]:
        return readings
    return [replace(reading, actors=countries)]


def _count_of(token: Token) -> int | None:
    """A small count, in figures or words ("5", "five")."""
    if token.text.isdigit():
        return int(token.text)
    words = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words.index(token.lower_) + 2 if token.lower_ in words else None


def _list_item(
    doc: Doc, lo: int, hi: int, context: ArticleContext, *, name_start: int | None = None
) -> _Reading:
    """One item of a listed source: titles then a name ("Czech Prime Minister Petr Fiala",
    "Deputy head of the Polish Ministry of Defense Cezary Tomczyk"), whatever the parser
    hung where; else the phrase as the parse reads it. ``name_start``, when given, is where
    the name begins."""
    if name_start is None:
        name_start = hi
        while name_start > lo and (
            doc[name_start - 1].ent_type_ == "PERSON"
            or (
                doc[name_start - 1].pos_ == "PROPN"
                and not _is_title_or_honorific(doc[name_start - 1])
            )
        ):
            name_start -= 1
    if name_start < hi and name_start > lo:
        titles = list(range(lo, name_start))
        matches = find_actors(doc, titles)
        role = _role_text(doc, titles, matches)
        return _Reading(
            head=doc[hi - 1],
            start=lo,
            end=hi,
            name=doc[name_start:hi].text,
            role=role,
            role_key=role_key(role) if role else None,
            actors=[matches[0].actor] if matches else [],
        )
    root = next((t for t in doc[lo:hi] if not lo <= t.head.i < hi or t.head.i == t.i), doc[lo])
    return _read_phrase(root, lo, hi, context)


def _quantified_subject(doc: Doc, lo: int, hi: int, context: ArticleContext) -> tuple[int, int]:
    """A floating quantifier as the source ("..., each said") stands for the other subject
    of its verb: "Prime ministers A, B and C, meeting in Prague, each said"."""
    if hi - lo != 1:
        return lo, hi
    token = doc[lo]
    if token.tag_ != "DT" or token.dep_ not in SUBJECT_DEPS:
        return lo, hi
    line_lo, _ = context.line_bounds(lo)
    for sibling in token.head.children:
        if sibling.dep_ in SUBJECT_DEPS and sibling.i < lo and sibling.pos_ != "PRON":
            start = max(sibling.left_edge.i, line_lo)
            if start < lo:
                return start, lo
    return lo, hi


def _among_those(doc: Doc, lo: int, hi: int, context: ArticleContext) -> tuple[int, int]:
    """A source that is only the "those" (or "who") of "X and Y were among those urging
    ..." / "... among those who urged ...": the subject of "were among" speaks, each of its
    coordinated names a speaker."""
    token = doc[lo]
    if hi - lo != 1 or token.pos_ != "PRON":
        return lo, hi
    if token.lower_ in _RELATIVE_WORDS and token.head.dep_ == "relcl":
        token = token.head.head
    preposition = token.head
    if token.lower_ not in _GROUP_PRONOUNS or token.dep_ != "pobj":
        return lo, hi
    if preposition.lower_ != "among" or preposition.head.lemma_ != "be":
        return lo, hi
    subject = next((c for c in preposition.head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.pos_ == "PRON":
        return lo, hi
    line_lo, line_hi = context.line_bounds(subject.i)
    return max(subject.left_edge.i, line_lo), min(subject.right_edge.i + 1, line_hi)


_GROUP_PRONOUNS = frozenset({"those", "them"})
_FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours"})
_RELATIVE_WORDS = frozenset({"who", "that"})


DATELINE_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _after_a_dateline(doc: Doc, lo: int, hi: int) -> int:
    """A source that starts with the article's dateline ("LJUBLJANA, Mar. 26 (Xinhua) -
    Foreign ministers of ...", "BRUSSELS (Reuters) - EU envoys"), which the parser may take
    for the subject: the speaker is after the dash. A dateline opens its sentence with a
    place in capitals followed by a comma or a bracket, and ends at the first dash set off by
    spaces ("NATO Secretary-General Jane Doe" is no dateline)."""
    first = doc[lo]
    if lo != first.sent.start or not (first.is_upper and first.is_alpha and len(first) > 2):
        return lo
    if lo + 1 >= hi or doc[lo + 1].text not in (",", "("):
        return lo
    dash = next(
        (
            t.i
            for t in doc[lo + 1 : hi]
            if t.text in DATELINE_DASHES and t.whitespace_ and doc[t.i - 1].whitespace_
        ),
        None,
    )
    return dash + 1 if dash is not None and dash + 1 < hi else lo


def _before_a_time(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """A source cut before a day written right after the speaker's name, with what follows
    it ("said Finance Minister Jane Doe [Thursday on X]", "said Jane Doe [on Monday]"): the
    day dates the saying and names nobody, whichever word the parser hung the name on."""
    for i in range(lo + 1, hi):
        token = doc[i]
        if token.ent_iob_ != "B" or token.ent_type_ not in _TIME_ENTITIES:
            continue
        cut = i - 1 if doc[i - 1].pos_ == "ADP" and i - 1 > lo else i
        before = doc[cut - 1]
        if before.pos_ == "PROPN" or before.ent_type_ == "PERSON":
            return lo, cut
    return lo, hi


# --- reading phrases ------------------------------------------------------------------------


def _source_span(statement: Statement, doc: Doc) -> tuple[int, int] | None:
    if statement.source_span is not None:
        return statement.source_span
    if not statement.source_text:
        return None
    covering = doc.char_span(*statement.span, alignment_mode="expand")
    if covering is None:
        return None
    found = covering.text.find(statement.source_text)
    if found < 0:
        return None
    start = covering.start_char + found
    return start, start + len(statement.source_text)


def _readings(doc: Doc, lo: int, hi: int, context: ArticleContext) -> list[_Reading]:
    heads: list[Token] = []
    table = token_table(doc)
    for i in range(lo, min(hi, len(doc))):  # the tokens of doc[lo:hi]
        head = table.head[i]
        if lo <= head < hi and head != i:
            continue
        if table.dep[i] in CLAUSE_DEPS:
            continue
        nominal = _nominal(doc[i], lo, hi)
        if nominal is None:
            continue
        if nominal.ent_type_ in _TIME_ENTITIES:
            # "this past weekend in Hangzhou, China, Mr. Obama and Mr. Xi [committed]": the
            # parser made the time the subject and hung the people under it
            heads.extend(_people_under_a_time(nominal, lo, hi, heads))
            continue
        items = sorted((nominal, *nominal.conjuncts, *_listed_in_apposition(nominal)))
        restart = [
            i for i, item in enumerate(items) if item.pos_ == "PROPN" and after_closed_list(item)
        ]
        if restart:
            # "including Germany, the UK and the US, [Gabrielius Landsbergis] ... said": the
            # list ended at its "and"; the name after it is the speaker, not a fourth member
            items = items[restart[0] :]
        for item in items:
            if lo <= item.i < hi and item not in heads and item.pos_ in NOMINAL_POS:
                heads.append(item)
    return [_read_phrase(head, lo, hi, context) for head in heads]


def after_closed_list(token: Token) -> bool:
    """``token`` is parsed as one more conjunct after a list its "and" (or "or") already
    closed: "Germany, the UK and the US, [Gabrielius Landsbergis]". A list has one
    conjunction, before its last item, so such a word starts a phrase of its own."""
    if token.dep_ != "conj" or token.left_edge.i == 0:
        return False
    group = [*token.conjuncts, token]
    closers = [
        c.i
        for member in group
        for c in member.children
        if c.dep_ == "cc" and c.lower_ in ("and", "or") and c.i < token.i
    ]
    if not closers:
        return False
    last = max(closers)
    return (
        any(last < member.i < token.i for member in group)
        and token.doc[token.left_edge.i - 1].text == ","
    )


def _people_under_a_time(time: Token, lo: int, hi: int, taken: list[Token]) -> list[Token]:
    """The heads of people's names inside a phrase the parser hung on a time word."""
    return [
        token
        for token in time.subtree
        if lo <= token.i < hi
        and token.ent_type_ == "PERSON"
        and token.dep_ != "compound"
        and token not in taken
    ]


def _listed_in_apposition(token: Token) -> list[Token]:
    """Names the parser hung as an appositive of the first of a list ("Fiala, [Tusk] and
    [Orbán]", "Germany, [the UK], and the US"): a name in apposition that is itself
    coordinated is a list member, not a title; so is one actor's name beside another's (a
    country is no title of a country)."""
    for child in token.rights:
        if child.dep_ != "appos" or child.pos_ != "PROPN":
            continue
        if child.conjuncts or (_names_an_actor(token) and _names_an_actor(child)):
            return [child, *child.conjuncts]
    return []


def _names_an_actor(token: Token) -> bool:
    """The name ending on ``token`` (with its compounds, without its article) is an actor's."""
    return actor_index().lookup(_with_compounds(token)) is not None


def _nominal(token: Token, lo: int, hi: int) -> Token | None:
    """The noun a top-level token stands for ("according to X" -> X, "by X" -> X)."""
    queue = [token]
    while queue:
        current = queue.pop(0)
        if current.pos_ in NOMINAL_POS and current.dep_ not in ("punct", "cc", "case", "det"):
            return current
        queue.extend(child for child in current.children if lo <= child.i < hi)
    return None


def _phrase_indices(head: Token, lo: int, hi: int) -> list[int]:
    indices = set(range(head.left_edge.i, head.i + 1))
    for child in head.rights:
        if child.dep_ in PHRASE_RIGHT_DEPS:
            indices.update(range(child.left_edge.i, child.right_edge.i + 1))
        indices.update(_represented(child))
    return sorted(i for i in indices if lo <= i < hi)


_REPRESENTING = frozenset({"represent"})
"""Verbs of a participle that says whose an office is ("the prime minister representing
Finland at the meeting", "the diplomat representing Norway")."""


def _represented(clause: Token) -> range:
    """The tokens of whom a participle on a speaker's noun says the office stands for
    ("the prime minister [representing] Finland at the meeting"): the participle's object,
    which belongs to the speaker's phrase as "of Finland" would; the rest of the clause
    ("at the meeting") does not."""
    if clause.dep_ != "acl" or clause.lemma_.lower() not in _REPRESENTING:
        return range(0)
    if any(child.dep_ == "neg" for child in clause.children):
        return range(0)
    held = next((c for c in clause.children if c.dep_ in ("dobj", "obj")), None)
    return range(held.left_edge.i, held.right_edge.i + 1) if held is not None else range(0)


def _read_phrase(
    head: Token, lo: int, hi: int, context: ArticleContext, *, use_known: bool = True
) -> _Reading:
    reading = _read_phrase_parts(head, lo, hi, context, use_known=use_known)
    doc = head.doc
    issuers = _document_issuers(head)
    if issuers is not None:
        reading.actors = issuers
        reading.speaks_for_none = not issuers
    elif (
        _in_earlier_government(doc, range(reading.start, reading.end), context)
        or non_state_words().marks_party(list(doc[reading.start : reading.end]))
        or _country_of_a_body(doc, reading)
    ):
        reading.actors = []
        reading.speaks_for_none = True
    return reading


def _country_of_a_body(doc: Doc, reading: _Reading) -> bool:
    """Whether every actor a phrase gives its speaker is only the country of a body that is
    no state ("Jane Doe, president of the [Croatian] Electric Vehicle Drivers Association",
    "[German] carmakers", "the head of [Italy]'s farmers' union"): the country's name or
    nationality word qualifies a body noun (``not_for_state.bodies``) before any office.
    An association, a company, an industry or a lobby speaks for itself, never for the
    state, and so do its president and its spokesperson; "the [German] Industry Minister"
    is an office."""
    words = non_state_words()
    span = range(reading.start, reading.end)
    if not reading.actors or not any(words.names_body(doc[i]) for i in span):
        return False
    matches = find_actors(doc, list(span))
    of_a_body = {m.actor for m in matches if _qualifies_a_body(doc, m)}
    own = {m.actor for m in matches if not _qualifies_a_body(doc, m)}
    return bool(of_a_body) and all(a in of_a_body and a not in own for a in reading.actors)


def _qualifies_a_body(doc: Doc, match: ActorMatch) -> bool:
    """Whether an actor's name modifies a body noun that is no state, on the way up from it
    through modifiers and compounds (or among the compounds of the noun it modifies: "the
    French cognac industry authority"), before reaching an office's title."""
    words = non_state_words()
    roles = role_vocabulary()
    token = doc[match.end - 1]
    while token.dep_ in _MODIFIER_DEPS and token.head.i != token.i:
        token = token.head
        if match.start <= token.i < match.end:
            continue
        if words.names_body(token):
            return True
        if roles.is_title_word(token):
            return False
    return not roles.is_title_word(token) and any(
        child.dep_ in ("compound", "amod")
        and words.names_body(child)
        and not match.start <= child.i < match.end  # "a European [Union] plan"
        for child in token.children
    )


_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})


def _document_issuers(head: Token) -> list[Actor] | None:
    """For a phrase naming a text ("a UN resolution condemning ...", "Egypt's draft"), the
    actors it says adopted or issued it ("the resolution adopted by the Security Council":
    the UN), else none: a text speaks for no one by itself, whoever's name is on it; a vote
    is its possessor's ("Norway's vote"). ``None`` when the phrase names no text."""
    roles = role_vocabulary()
    if head.pos_ != "NOUN" or head.lemma_.lower() not in roles.document_heads:
        return None
    if head.lemma_.lower() in roles.voted_heads:
        # "Norway's vote favoured it": a vote is its possessor's act
        for owner in (child for child in head.children if child.dep_ == "poss"):
            actors = actors_in(head.doc, [t.i for t in owner.subtree])
            if actors:
                return actors
    for clause in head.children:
        issued = clause.lemma_.lower() in roles.document_issuers
        if clause.dep_ not in ("acl", "relcl") or not issued:
            continue
        for child in clause.children:
            if child.dep_ == "agent" or (child.dep_ == "nsubj" and clause.dep_ == "relcl"):
                actors = actors_in(head.doc, [t.i for t in child.subtree])
                if actors:
                    return actors
    return []


def _in_earlier_government(doc: Doc, indices: Iterable[int], context: ArticleContext) -> bool:
    """Whether a phrase names a government by a person the table of offices knows who held
    none of its offices on the article's day ("in the Clinton administration" in 2016; not
    "the Obama administration" then)."""
    day = context.article.published
    if day is None:
        return False
    for i in indices:
        token = doc[i]
        if token.lemma_.lower() not in _GOVERNMENT_NOUNS:
            continue
        for child in token.children:
            if child.dep_ != "compound" or child.pos_ != "PROPN":
                continue
            name = _with_compounds(child)
            if office_table().knows(name) and office_table().held_on(name, day) is None:
                return True
    return False


def _read_phrase_parts(
    head: Token, lo: int, hi: int, context: ArticleContext, *, use_known: bool = True
) -> _Reading:
    doc = head.doc
    roles = role_vocabulary()
    indices = _phrase_indices(head, lo, hi)
    start, end = (indices[0], indices[-1] + 1) if indices else (head.i, head.i + 1)
    reading = _Reading(head=head, start=start, end=end)
    reading.definite = _is_definite(head)
    if head.pos_ == "PRON":
        reading.pronoun = _is_third_person(head)
        return reading

    counterpart = _counterpart_indices(head, roles.counterpart_prepositions)
    matches = find_actors(doc, [i for i in indices if i not in counterpart])
    table = token_table(doc)
    content = [  # ``_is_filler`` of each token, read from the table
        i for i in indices if not (table.pos[i] in _FILLER_POS or table.dep[i] == "case")
    ]
    if (
        len(matches) == 1
        and content
        and all(matches[0].start <= i < matches[0].end for i in content)
    ):
        reading.actors = [matches[0].actor]
        reading.actor_is_whole = True
        reading.role = matches[0].name.body
        return reading

    members = _group_members(head, lo, hi)
    if members:
        # "NATO members including Germany, Britain and Spain": each member speaks.
        member_tokens = {i for i in indices if any(m.start <= i < m.end for m in members)}
        role_indices = [
            i for i in _role_indices(head, indices, frozenset()) if i not in member_tokens
        ]
        reading.actors = list(dict.fromkeys(match.actor for match in members))
        reading.role = _role_text(doc, role_indices, matches)
        return reading

    matched = {i for match in matches for i in range(match.start, match.end)}
    bearer = _name_bearer(head, indices, matched)
    if bearer is None and _known_surname(head, matched, context):
        bearer = head  # "Scholz rejects ...", the surname tagged as a common noun
    name_range = _name_range(bearer, set(indices), matched) if bearer is not None else None
    if bearer is not None and name_range is not None:
        _read_person(reading, bearer, name_range, indices, matches, context, use_known)
        if reading.name is not None or reading.organisation_name is not None:
            return reading

    name_start = _titled_name_at_end(doc, start, end) if bearer is None else None
    if name_start is not None:
        # "Representative of the EU Foreign Policy Service Peter Stano": the name ends the
        # phrase after its titles, as a list item's does.
        return _list_item(doc, start, end, context, name_start=name_start)
    reading.actors = _coordinated_actors(matches, doc)
    if (
        (_names_members(head) or _members_office(head) or _some_of_members(head))
        and all(actor.kind == "organization" for actor in reading.actors)
        and not any(match.start <= head.i < match.end for match in matches)
    ):
        # "NATO allies", "EU countries", "EU trade ministers": some members (or their
        # ministers), none named; not the organisation (the head inside the name is the
        # organisation's own: "Islamic State")
        reading.actors = []
    role_indices = _role_indices(head, indices, roles.role_prepositions)
    reading.role = _role_text(doc, role_indices, matches)
    reading.role_key = _role_key(doc, role_indices, matches)
    reading.anonymous = head.lemma_.lower() in roles.anonymous_heads
    if head.lemma_.lower() in roles.state_agent_heads and reading.role_key in (
        None,
        head.lemma_.lower(),
    ):
        # "a NATO diplomat" is an ally's; "the EU's [top diplomat]" is an office of the EU
        reading.actors = [actor for actor in reading.actors if actor.kind == "country"]
    if not reading.actors:
        reading.actors = _actor_of_named_person(doc, indices, context)
    if not reading.actors and reading.anonymous:
        reading.actors = _government_of_anonymous_source(doc, indices, context)
    return reading


def _government_of_anonymous_source(
    doc: Doc, indices: list[int], context: ArticleContext
) -> list[Actor]:
    """The state of an anonymous source of "the government" that names no country
    ("government sources say", "Green government circles say"): the country of the holder
    of a state's office who is the subject of the sentence before it ("Chancellor Jane Doe
    is now making the decision. Government circles say that ..."): an aide of a government
    speaks for it (guideline 9 of the real-news set), and the text says which one only
    there. Nothing otherwise: "diplomats" or "sources" alone are no one government's."""
    if not any(doc[i].lemma_.lower() == "government" for i in indices):
        return []
    actor = context.state_of_previous_subject(indices[0])
    return [actor] if actor is not None else []


def _names_members(token: Token) -> bool:
    """A noun for an organisation's unnamed members, capitalised or not ("allies", "EU
    [Member States]"): never a person's name, and never the organisation itself."""
    word = token.lower_
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    heads = role_vocabulary().member_heads
    return token.lemma_.lower() in heads or word in heads or singular in heads


def _some_of_members(head: Token) -> bool:
    """A count or a part of an organisation's members ("the only one of NATO's 31
    members", "two of the EU's members", "most of the allies") or of the body itself ("11
    of the 15-member UN body", "two of the council"): some members, none named."""
    if head.tag_ != "CD" and head.lower_ not in ("some", "most", "many", "several", "none"):
        return False
    bodies = vote_words().referring
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and (_names_members(held) or held.lemma_.lower() in bodies)
        for prep in head.children
        for held in prep.children
        if held.dep_ == "pobj"
    )


def _members_office(head: Token) -> bool:
    """A plural office only states have ("ministers", "prime ministers"): with an
    organisation's name ("EU ministers") they are the members' office holders."""
    if "Plur" not in token_table(head.doc).features[head.i].get("Number", ()):
        return False
    roles = role_vocabulary()
    key = roles.role_key(head.lemma_)
    return key is not None and roles.held_by.get(key) == "state"


def _read_person(
    reading: _Reading,
    bearer: Token,
    name_range: tuple[int, int],
    indices: list[int],
    matches: list[ActorMatch],
    context: ArticleContext,
    use_known: bool,
) -> None:
    doc = bearer.doc
    roles = role_vocabulary()
    head = reading.head
    name = doc[name_range[0] : name_range[1]].text
    in_phrase = set(indices)
    # Titles written before the name ("Slovak Prime Minister Robert Fico").
    title = [i for i in range(bearer.left_edge.i, name_range[0]) if i in in_phrase]
    role_candidates = [title]
    if bearer.i == head.i:
        for child in head.rights:
            if child.dep_ == "appos":
                appos = range(child.left_edge.i, child.right_edge.i + 1)
                role_candidates.append([i for i in appos if i in in_phrase])
    else:
        role_candidates.append(
            [
                i
                for i in _role_indices(head, indices, roles.role_prepositions)
                if i < bearer.left_edge.i
            ]
        )
    role, key = None, None
    for candidate in role_candidates:
        role = _role_text(doc, candidate, matches)
        if role is not None:
            key = _role_key(doc, candidate, matches)
            if (
                key is None
                and _in_brackets(doc, candidate)
                and candidate is not role_candidates[-1]
            ):
                continue  # "Kari Nordmann [(KrF)], the Minister of Justice": a party, no office
            if key is None and _in_brackets(doc, candidate) and not matches:
                role = None  # "PM Eduard Heger [(OĽaNO)]": a party's letters, no office
                continue
            break
    plausible = (
        any(doc[i].ent_type_ == "PERSON" for i in range(*name_range))
        or role is not None
        or (name_range[0] - 1 in in_phrase and _is_title_or_honorific(doc[name_range[0] - 1]))
        or context.knows(name)
        or (use_known and context.known_person(name) is not None)
        or office_table().knows(name)
    )
    if not plausible and doc[name_range[1] - 1].ent_type_ not in ("", "PERSON"):
        reading.organisation_name = name
        return
    reading.name = name
    reading.role, reading.role_key = role, key
    outside_name = [i for i in indices if not name_range[0] <= i < name_range[1]]
    own = [
        m
        for m in matches
        if (m.start >= name_range[1] or m.end <= name_range[0]) and not _describes_origin(doc, m)
    ]
    reading.actors = [own[0].actor] if own else _actor_of_named_person(doc, outside_name, context)


def _in_brackets(doc: Doc, indices: list[int]) -> bool:
    """Whether the words at ``indices`` are all that stands between a pair of brackets."""
    if not indices:
        return False
    words = [i for i in indices if doc[i].text not in "()"]
    if not words:
        return False
    first, last = words[0], words[-1]
    return (
        first > 0
        and doc[first - 1].text == "("
        and last + 1 < len(doc)
        and doc[last + 1].text == ")"
    )


def _describes_origin(doc: Doc, match: ActorMatch) -> bool:
    """A nationality word on an occupation that serves no state ("a [Syrian] engineer who
    moved here", "an [American] businessman"): where the person comes from, not whom they
    speak for. Offices, institutions and the heads of anonymous sources keep theirs ("the
    Slovak premier", "a French diplomat")."""
    if match.name.via != "demonym":
        return False
    noun = doc[match.end - 1].head
    if noun.pos_ != "NOUN" or noun.i < match.end:
        return False
    roles = role_vocabulary()
    lemma = noun.lemma_.lower()
    return not (
        roles.is_title_word(noun)
        or lemma in roles.title_words
        or lemma in _institutions()
        or lemma in roles.anonymous_heads
        or lemma in roles.state_agent_heads
    )


def _titled_name_at_end(doc: Doc, start: int, end: int) -> int | None:
    """Where a person's name begins in a phrase that opens with a title and ends with the
    name written right after an organisation ("Head of the Foreign Ministry Jan Kowal"); not
    after a person's own office ("Spokesman for the Prime Minister Jan Kowal": Kowal is whom
    he speaks for). ``None`` for any other phrase."""
    if end - start < 3 or not _is_title_or_honorific(doc[start]):
        return None
    name_start = end
    while name_start > start and doc[name_start - 1].ent_type_ == "PERSON":
        name_start -= 1
    if name_start in (start, end) or doc[name_start - 1].pos_ != "PROPN":
        return None
    key = role_key(doc[start:name_start].text)
    return name_start if key is None or key in _institutions() else None


@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    return frozenset(normalise_name(name).lower() for name in roles_data()["institutions"])


def _group_members(head: Token, lo: int, hi: int) -> list[ActorMatch]:
    """The actors a group phrase lists as its members ("members [including Germany, the U.K.
    and Spain]", "allies such as Poland"), in text order; empty when it lists none."""
    doc = head.doc
    words = role_vocabulary().member_prepositions
    for child in head.rights:
        if child.dep_ != "prep":
            continue
        before = doc[child.i - 1].lower_ + " " + child.lower_ if child.i > 0 else child.lower_
        if child.lower_ not in words and before not in words:
            continue
        listed = [i for i in range(child.i + 1, child.right_edge.i + 1) if lo <= i < hi]
        # "including many of Germany's own experts": a possessor is no member
        return [m for m in find_actors(doc, listed) if doc[m.end - 1].dep_ != "poss"]
    return []


def _may_bear_name(head: Token) -> bool:
    """A necessary condition for ``_name_bearer`` to find a name: checked first, it spares
    reading the many noun phrases that name nobody."""
    return any(
        token.pos_ == "PROPN" or token.ent_type_ == "PERSON"
        for token in (head, *(c for c in head.rights if c.dep_ == "appos"))
    )


def _name_bearer(head: Token, indices: list[int], matched: set[int]) -> Token | None:
    """The token a person's name ends on: the head, or a name in apposition to it
    ("his Polish counterpart Donald Tusk")."""
    candidates = [head] + [c for c in head.rights if c.dep_ == "appos" and c.i in indices]
    for token in candidates:
        if token.i in matched or _is_title_or_honorific(token) or _names_members(token):
            continue
        if token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
            return token
    return None


def _counterpart_of(root: Token) -> bool:
    """Whether a name hangs in a counterpart's phrase ("Ambassador [to] the UN Jan Kowal"),
    so that the actor named beside it there is whom the office deals with."""
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in role_vocabulary().counterpart_prepositions
    )


def _start_of_words(last: Token, words: str) -> int | None:
    """Where the tokens that end at ``last`` and read ``words`` begin; ``None`` if they
    do not end there."""
    doc = last.doc
    for start in range(last.i, max(-1, last.i - 8), -1):
        if doc[start : last.i + 1].text == words:
            return start
    return None


def _name_range(bearer: Token, phrase: set[int], matched: set[int]) -> tuple[int, int] | None:
    doc = bearer.doc
    start = bearer.i
    while start - 1 in phrase and start - 1 not in matched:
        previous = doc[start - 1]
        if _is_title_or_honorific(previous):
            break
        joined_hyphen = previous.text == "-" and previous.whitespace_ == "" and start - 2 in phrase
        if (
            previous.pos_ == "PROPN"
            or joined_hyphen
            or (previous.ent_type_ == "PERSON" and previous.ent_iob_ == "I")
        ):
            start -= 1
            continue
        break
    if doc[start].text == "-":
        start += 1
    if bearer.ent_type_ == "PERSON":
        # The recogniser knows where the name starts ("Analyst Jana Novakova").
        start = max(start, _entity_start(bearer))
    return (start, bearer.i + 1) if start <= bearer.i else None


def _known_surname(head: Token, matched: set[int], context: ArticleContext) -> bool:
    """A capitalised word the tagger took for a common noun ("[Scholz] rejects ..." in a
    related-story line) that is the surname of a person this article names, or of one the
    table of offices has in office on the article's day: that person, not a role."""
    if head.pos_ != "NOUN" or head.i in matched or not head.text[:1].isupper():
        return False
    if not head.text[1:].islower() or _is_title_or_honorific(head):
        return False
    if context.knows(head.text):
        return True
    day = context.article.published
    return day is not None and office_table().held_on(head.text, day) is not None


def _entity_start(token: Token) -> int:
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def _counterpart_indices(head: Token, prepositions: frozenset[str]) -> set[int]:
    """Tokens under "to"/"with" phrases: "envoy to the UN" does not speak for the UN."""
    skipped: set[int] = set()
    table = token_table(head.doc)
    for token in head.subtree:
        if table.dep[token.i] == "prep" and table.lower[token.i] in prepositions:
            skipped.update(t.i for t in token.subtree)
    return skipped


def _role_indices(head: Token, indices: list[int], prepositions: frozenset[str]) -> list[int]:
    """Head noun with what precedes it, plus "of"/"for"/"to" phrases right after it."""
    in_phrase = set(indices)
    chosen = [i for i in range(head.left_edge.i, head.i + 1) if i in in_phrase]
    position = head.i + 1
    for child in head.rights:
        if child.dep_ != "prep" or child.lower_ not in prepositions or child.i != position:
            break
        chosen.extend(i for i in range(child.i, child.right_edge.i + 1) if i in in_phrase)
        position = child.right_edge.i + 1
    return chosen


def _role_text(doc: Doc, indices: list[int], matches: list[ActorMatch]) -> str | None:
    """The role as written, without leading determiners, possessors and actor names
    ("the EU's foreign policy chief" -> "foreign policy chief", "NATO Secretary-General"
    -> "Secretary-General"); nationality adjectives and bodies stay ("Slovak Prime Minister")."""
    strippable = {
        i
        for match in matches
        if match.name.via in ("name", "metonym")
        for i in range(match.start, match.end)
    }
    roles = role_vocabulary()
    table = token_table(doc)
    pos, dep, head = table.pos, table.dep, table.head
    kept = sorted(indices)
    while kept:
        first = kept[0]
        if (
            pos[first] in ("DET", "PUNCT", "PART")
            or dep[first] in ("poss", "case", "det", "predet")
            or first in strippable
            or roles.is_honorific(doc[first])
            or (dep[head[first]] == "poss" and head[first] in kept)
        ):
            kept.pop(0)
            continue
        break
    while kept and pos[kept[-1]] in ("PUNCT", "ADP", "DET", "CCONJ"):
        kept.pop()
    if not kept or not any(pos[i] in ("NOUN", "PROPN") for i in kept):
        return None
    return table.span_text(kept[0], kept[-1] + 1)


def _title_part(doc: Doc, indices: list[int]) -> list[int]:
    """The part of a role that names the title: up to its first preposition."""
    title: list[int] = []
    for i in sorted(indices):
        if doc[i].dep_ == "prep" and title:
            break
        title.append(i)
    return title


def _role_key(doc: Doc, indices: list[int], matches: list[ActorMatch]) -> str | None:
    text = _role_text(doc, _title_part(doc, indices), matches)
    return role_vocabulary().role_key(text) if text else None


def _coordinated_actors(matches: list[ActorMatch], doc: Doc) -> list[Actor]:
    """All actors when their names are coordinated ("French and German officials"),
    else the first one."""
    if not matches:
        return []
    first = doc[matches[0].end - 1]
    actors = [matches[0].actor]
    for match in matches[1:]:
        token = doc[match.end - 1]
        if token in first.conjuncts and match.actor not in actors:
            actors.append(match.actor)
    return actors


def _actor_of_named_person(
    doc: Doc, indices: Iterable[int], context: ArticleContext
) -> list[Actor]:
    """The actor of a person the phrase mentions in passing ("Macron's spokesman", "a
    spokesperson for Rishi Sunak"): from the article, else from the table of offices."""
    day = context.article.published
    pos = token_table(doc).pos
    for i in indices:
        if pos[i] != "PROPN":
            continue
        token = doc[i]
        leads_government = token.head.lemma_.lower() in _GOVERNMENT_NOUNS
        if token.dep_ == "compound" and not leads_government:
            continue  # "the [Obama] administration" is his government's
        name = context.full_name(token.text, use_known=False)
        facts = context.facts(name)
        if facts is not None and facts.actor is not None:
            if non_state_words().marks_role(facts.role):
                return []  # "the head of [Wallonia]" after "Wallonia, a region of Belgium"
            return [facts.actor]
        held = office_table().held_on(_with_compounds(token), day) if day else None
        actor = actor_index().actor(held.actor_id) if held is not None else None
        if actor is not None:
            return [actor]
    return []


def _with_compounds(token: Token) -> str:
    """A name with the words compounded onto its last one ("Rishi Sunak")."""
    start = min((c.i for c in token.lefts if c.dep_ == "compound"), default=token.i)
    return token.doc[start : token.i + 1].text


def _merge_appositions(readings: list[_Reading]) -> list[_Reading]:
    """A name and a role the parser left unattached ("Fico, the Slovak premier,") are one
    speaker, unless they are coordinated."""
    _name_after_a_role(readings)
    people = [r for r in readings if r.name is not None or r.pronoun]
    if len(people) != 1 or len(readings) == 1:
        return readings
    person = people[0]
    merged = [person]
    for reading in readings:
        if reading is person:
            continue
        if (
            reading.head in person.head.conjuncts
            or reading.name is not None
            or (reading.actor_is_whole and reading.head.conjuncts)
        ):
            # a coordinated actor's name is one more list member, never a title of the
            # person's ("Chancellor Olaf Scholz, [Czechia], and [Poland] are not ...")
            merged.append(reading)
            continue
        if person.role is None and reading.role is not None:
            person.role, person.role_key = reading.role, reading.role_key
        if not person.actors and reading.actors:
            person.actors = reading.actors
        person.start, person.end = min(person.start, reading.start), max(person.end, reading.end)
    return sorted(merged, key=lambda r: r.start)


def _name_after_a_role(readings: list[_Reading]) -> None:
    """A proper name set off by a comma right after a role ("the spokesperson for the
    Spanish government, [Pilar Alegría]") names the role's holder, a person, even when the
    parser took it for an organisation's name: it becomes that reading's name."""
    if len(readings) != 2:
        return
    role, named = sorted(readings, key=lambda r: r.start)
    if role.role is None or role.name is not None or named.organisation_name is None:
        return
    doc = named.head.doc
    between = doc[role.end : named.start]
    if len(between) == 1 and between[0].text == ",":
        named.name, named.organisation_name = named.organisation_name, None


# --- readings to speakers -------------------------------------------------------------------


def _speakers_for(reading: _Reading, doc: Doc, context: ArticleContext) -> list[Speaker]:
    text, span = _trimmed(doc, reading.start, reading.end)
    if reading.pronoun:
        return _speakers_for_pronoun(reading, text, span, context)
    if reading.organisation_name is not None:
        return [Speaker(text, span, actor=reading.organisation_name, actor_kind="organization")]
    if reading.name is not None:
        return [_person_speaker(reading, text, span, context)]
    names_one_office = (
        reading.definite
        and reading.role_key is not None
        and not reading.anonymous
        and not reading.actor_is_whole
        and len(reading.actors) <= 1
    )
    if reading.speaks_for_none:
        return [Speaker(text, span, role=reading.role, actor_kind="unknown")]
    if not reading.actors:
        principal = _principal_of_office(reading, context) or _government_of_pronoun(
            reading, context
        )
        if principal is not None:
            return [_speaker(text, span, None, reading.role, principal)]
        holder = None
        if names_one_office and reading.role_key is not None:
            holder = context.holder_of(reading.role_key, None, reading.start)
        if holder is not None:
            return [_speaker(text, span, holder.name, reading.role, holder.speaks_for)]
        named_before = None
        if names_one_office and reading.role_key is not None:
            named_before = context.office_named_before(reading.role_key, reading.start)
        if named_before is not None:
            return [_speaker(text, span, None, reading.role, named_before)]
        locale = None
        if names_one_office:
            locale = context.office_locale(reading.start, reading.role_key)
        if locale is not None:
            return [_speaker(text, span, None, reading.role, locale)]
        return [Speaker(text, span, role=reading.role, actor_kind="unknown")]
    speakers = []
    for actor in reading.actors:
        name = None
        if names_one_office and reading.role_key is not None:
            holder = context.holder_of(reading.role_key, actor, reading.start)
            name = holder.name if holder is not None else None
        speakers.append(_speaker(text, span, name, reading.role, actor))
    return speakers


def _speakers_for_pronoun(
    reading: _Reading, text: str, span: tuple[int, int], context: ArticleContext
) -> list[Speaker]:
    head = reading.head
    number = head.morph.get("Number", [])
    gender = head.morph.get("Gender", [])
    if "Sing" in number and ("Masc" in gender or "Fem" in gender):
        antecedent = context.pronoun_antecedent(head)
        if antecedent is not None and antecedent.role_only:
            office = _office_speaker(context.doc[antecedent.token], context)
            if office is not None:
                return [replace(office, text=text, span=span)]
        elif antecedent is not None:
            name = antecedent.name
            as_person = _Reading(head=head, start=reading.start, end=reading.end, name=name)
            found = _person_speaker(as_person, text, span, context)
            speaking = context.speaker_the_words_name(found, head.i)
            return [replace(speaking, text=text, span=span) if speaking else found]
        return [Speaker(text, span, actor_kind="unknown")]
    plural = "Plur" in number
    group = context.previous_group(head.i, plural=plural)
    if not group and not plural:
        group = context.actor_named_before(head)
    if group:
        return [replace(speaker, text=text, span=span) for speaker in group]
    return [Speaker(text, span, actor_kind="unknown")]


def pronoun_actor(pronoun: Token, context: ArticleContext) -> str | None:
    """The actor a personal pronoun stands for, as a speaker "he" would resolve ("all 27
    leaders except [him]", after a sentence about Orban: HU); None when it stands for no
    one actor."""
    reading = _Reading(head=pronoun, start=pronoun.i, end=pronoun.i + 1, pronoun=True)
    span = (pronoun.idx, pronoun.idx + len(pronoun))
    found = _speakers_for_pronoun(reading, pronoun.text, span, context)
    actors = {speaker.actor_id for speaker in found}
    return found[0].actor_id if len(actors) == 1 else None


def _office_speaker(head: Token, context: ArticleContext) -> Speaker | None:
    """The one speaker a subject naming an office resolves to, as a statement of its own
    would ("the Egyptian ambassador to the UN": EG), or ``None``."""
    lo, hi = context.line_bounds(head.i)
    speakers = _speakers_for(_read_phrase(head, lo, hi, context), context.doc, context)
    return speakers[0] if len(speakers) == 1 else None


def _principal_of_office(reading: _Reading, context: ArticleContext) -> Actor | None:
    """Whom a spokesperson (or another title held on someone's behalf) of an office or a
    person named by a pronoun speaks for: that office's or person's actor ("the prime
    minister's spokesman", "a spokeswoman for the president", "her spokesman"), as the
    office or pronoun would resolve as a speaker of its own. A named principal ("May's
    spokesman") is read where the phrase is; ``None`` when there is no such principal."""
    head = reading.head
    if reading.role_key not in role_vocabulary().on_behalf_titles or reading.name is not None:
        return None
    for child in head.children:
        principal = None
        if child.dep_ == "poss":
            principal = child
        elif child.dep_ == "prep" and child.lower_ in ("for", "of", "to"):
            principal = next((c for c in child.children if c.dep_ == "pobj"), None)
        if principal is None or principal.pos_ == "PROPN":
            continue
        speaker = None
        if principal.pos_ == "PRON" and _is_third_person(principal):
            lo, hi = context.line_bounds(principal.i)
            as_pronoun = _Reading(head=principal, start=principal.i, end=principal.i + 1)
            as_pronoun.pronoun = True
            found = _speakers_for_pronoun(as_pronoun, principal.text, (0, 0), context)
            speaker = found[0] if len(found) == 1 else None
        elif principal.pos_ == "NOUN":
            speaker = _possessing_office_speaker(principal, context)
        if speaker is not None and speaker.actor_id is not None:
            return actor_index().actor(speaker.actor_id)
    return None


def _government_of_pronoun(reading: _Reading, context: ArticleContext) -> Actor | None:
    """The state whose government a possessive pronoun names ("Mr Fico said [his
    government] is not proposing ..."): the state the pronoun's person speaks for, as the
    pronoun would resolve as a speaker; ``None`` for another noun, for a pronoun that
    resolves to no one person, or to a person who speaks for no state (an opposition leader's
    "his government" is none)."""
    head = reading.head
    if head.lemma_.lower() not in _GOVERNMENT_NOUNS or reading.name is not None:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PRON" or not _is_third_person(owner):
        return None
    as_pronoun = _Reading(head=owner, start=owner.i, end=owner.i + 1, pronoun=True)
    found = _speakers_for_pronoun(as_pronoun, owner.text, (0, 0), context)
    if len(found) != 1 or found[0].name is None or found[0].actor_id is None:
        return None
    actor = actor_index().actor(found[0].actor_id)
    return actor if actor is not None and actor.kind == "country" else None


def _possessing_office_speaker(office: Token, context: ArticleContext) -> Speaker | None:
    """The one speaker an office named as a possessor or after "for" resolves to ("[the
    prime minister]'s spokesman": the prime minister named before, else the place's), read
    as a subject naming that office would be; ``None`` when the noun is no office."""
    indices = [t.i for t in office.subtree if t.i <= office.i and t.dep_ not in ("case", "punct")]
    matches = find_actors(context.doc, indices)
    words = [i for i in indices if i == office.i or context.doc[i].dep_ not in ("det", "poss")]
    if not words or words[-1] != office.i:
        return None
    role = context.doc[words[0] : office.i + 1].text  # the possessor's own words, no "'s"
    key = role_vocabulary().role_key(role)
    if key is None:
        return None
    reading = _Reading(head=office, start=indices[0], end=office.i + 1, role=role, role_key=key)
    reading.definite = _is_definite(office)
    reading.actors = _coordinated_actors(matches, context.doc)
    speakers = _speakers_for(reading, context.doc, context)
    return speakers[0] if len(speakers) == 1 else None


def _person_speaker(
    reading: _Reading, text: str, span: tuple[int, int], context: ArticleContext
) -> Speaker:
    assert reading.name is not None
    name = context.full_name(reading.name, first_word=True)
    if " " not in name and office_table().knows(name):
        name = office_table().rows(name)[0].name  # "Scholz": the one the table knows
    role, key, actor = reading.role, reading.role_key, _first(reading.actors)
    principal = _principal(context, name, key)
    if principal is not None:
        # "Representative Rishi Sunaka": the Prime Minister's unnamed representative.
        role = f"{role} of {principal.name}"
        return _speaker(text, span, None, role, actor_index().actor(principal.actor_id))
    place = None
    if role is None or actor is None:
        for facts in (context.facts(name), _office_facts(context, name, reading.name)):
            if facts is None:
                continue
            if role is None:
                role, key = facts.role, facts.role_key
            actor = actor or facts.actor
            place = place or facts.place_actor
    if actor is None and role is not None:
        actor = place or context.office_locale(reading.start, key or role_key(role), named=True)
    if actor is None and role is None:
        introduced = _introduced_by_office(context, name, reading.start)
        if introduced is not None:
            role, actor = introduced.role, actor_index().actor(introduced.actor_id or "")
    international = _international_office(context, name, actor)
    if international is not None:
        # "the Spanish minister, Josep Borrell" on a day he is the EU's High Representative
        role, key, actor = international.office, role_key(international.office), (
            actor_index().actor(international.actor_id)
        )
    office = key or (role_key(role) if role else None)
    if actor is not None and (reading.speaks_for_none or _out_of_office(context, name, office)):
        actor = None
    speaker = _speaker(text, span, name, role, actor)
    if role is not None and actor is not None and context.facts(name) is None:
        # a person the first pass missed (a name the recogniser took for an organisation's,
        # "the spokesperson for the Spanish government, Pilar Alegría"): their later
        # mentions ("Alegría says") are the same person
        context.met(name, speaker)
    return speaker


def _international_office(
    context: ArticleContext, name: str, actor: Actor | None
) -> Office | None:
    """The office of an organisation the table of offices has a person in on the article's
    day, when the article makes them speak for a state the table has them in no office of
    that day ("the Spanish minister, Josep Borrell" in 2022: a nationality, or the copy's
    slip): whom they speak for is the organisation. None otherwise."""
    day = context.article.published
    if actor is None or actor.kind != "country" or day is None:
        return None
    table = office_table()
    held = table.held_on(name, day)
    if held is None:
        return None
    organisation = actor_index().actor(held.actor_id)
    if organisation is None or organisation.kind != "organization":
        return None
    for office in table.rows(name):
        end = office.end if office.end is not None else table.checked_to
        if office.actor_id == actor.id and office.start <= day <= end:
            return None  # the table has them in that state's office too
    return held


def _introduced_by_office(context: ArticleContext, name: str, start: int) -> Speaker | None:
    """The office holder a person named without a role was introduced as, in the sentence
    just before ("Germany's ambassador to Canada says ... 'Quote,' Jane Doe told ..."): the
    office's speaker, remembered as that person's role and actor for their later mentions.
    ``None`` when nothing introduces them, or the office has another holder or no actor."""
    office = context.office_introducing(name, start)
    if office is None:
        return None
    speaker = _office_speaker(office, context)
    if speaker is None or speaker.actor_id is None or speaker.name not in (None, name):
        return None
    context.learn(name, speaker)
    return speaker


def _principal(context: ArticleContext, name: str, office: str | None) -> Office | None:
    """The person a spokesperson's title written before a name speaks for: the name is one
    the table of offices has in another office that day, not a spokesperson's ("Representative
    Rishi Sunaka", a genitive lost in translation; never "Press Secretary Dmitry Peskov")."""
    behalf = role_vocabulary().on_behalf_titles
    day = context.article.published
    if office not in behalf or day is None:
        return None
    held = office_table().held_on(name, day)
    if held is None or role_key(held.office) in behalf:
        return None
    return held


def _out_of_office(context: ArticleContext, name: str, office: str | None) -> bool:
    """A person the table of offices knows to hold none of its offices on the article's day,
    for whom the article names no office either (only "the American-born ..."): such a
    person speaks for no state."""
    day = context.article.published
    table = office_table()
    if office is not None or day is None or not table.knows_day(name, day):
        return False
    return table.held_on(name, day) is None


def _office_facts(context: ArticleContext, name: str, written: str) -> _PersonFacts | None:
    """What the table of offices says of a person on the article's day, else what the
    ledger remembers: a person the table knows who held none of its offices that day
    ("Trump" in February 2024) gets no office and no actor from either."""
    day = context.article.published
    table = office_table()
    if day is not None and table.knows_day(name, day):
        office = table.held_on(name, day)
        if office is None:
            return _PersonFacts(name)
        known = _known_facts(context, name, written)
        if known is not None and known.actor is not None and known.actor.id == office.actor_id:
            return known  # the same office, as an article wrote it ("Slovak Prime Minister")
        actor = actor_index().actor(office.actor_id)
        return _PersonFacts(name, office.office, role_key(office.office), actor)
    return _known_facts(context, name, written)


def _known_facts(context: ArticleContext, name: str, written: str) -> _PersonFacts | None:
    person = context.known_person(name) or (
        context.known_person(written) if written != name else None
    )
    return _facts_from_person(person) if person is not None else None


def _facts_from_person(person: Person) -> _PersonFacts:
    actor = None
    if person.actor_id is not None and person.actor_kind in ("country", "organization"):
        actor = actor_index().actor(person.actor_id) or Actor(
            person.actor_id, person.actor or person.actor_id, person.actor_kind
        )
    return _PersonFacts(person.name, person.role, None, actor)


def _speaker(
    text: str, span: tuple[int, int] | None, name: str | None, role: str | None, actor: Actor | None
) -> Speaker:
    if actor is not None and non_state_words().marks_role(role):
        actor = None  # "Former president X", "German lawmakers": no state speaks through them
    kind: ActorKind = actor.kind if actor else ("person" if name else "unknown")
    return Speaker(
        text=text,
        span=span,
        name=name,
        role=role,
        actor_id=actor.id if actor else None,
        actor=actor.name if actor else None,
        actor_kind=kind,
    )


def _speaker_from_text(text: str) -> Speaker:
    name = actor_index().lookup(text)
    if name is None:
        return Speaker(text=text, span=None)
    return _speaker(text, None, None, name.body, name.actor)


# --- small helpers --------------------------------------------------------------------------


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def _is_subject(token: Token) -> bool:
    while token.dep_ in ("conj", "appos"):
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def _is_main_subject(token: Token) -> bool:
    """Whether a subject's verb is its sentence's main verb (or coordinated with it)."""
    while token.dep_ in ("conj", "appos"):
        token = token.head
    verb = token.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _is_third_person(token: Token) -> bool:
    features = token_table(token.doc).features[token.i]
    return "Prs" in features.get("PronType", ()) and "3" in features.get("Person", ())


def _is_definite(head: Token) -> bool:
    """ "the premier", "Slovakia's premier", bare "Slovak premier"; not "a Slovak official".
    (Relations and features read from the token table.)"""
    table = token_table(head.doc)
    dep, features = table.dep, table.features
    determiners = [child.i for child in head.lefts if dep[child.i] in ("det", "poss")]
    if not determiners:
        return "Sing" in features[head.i].get("Number", ())
    return any(dep[i] == "poss" or "Def" in features[i].get("Definite", ()) for i in determiners)


def _is_actor_only(speaker: Speaker) -> bool:
    return speaker.name is None and speaker.actor_kind in ("country", "organization")


def _inside_quotes(doc: Doc, token_index: int) -> bool:
    """Whether a token sits inside double quotation marks, counted from the start of its
    paragraph: a quotation of two sentences ('"We must focus on it. We will not go in,"
    said Doe as he left') opens in a sentence before the one that closes it, so the name
    after the closing mark is outside it."""
    start = doc[token_index].sent.start
    while start > 0 and not _ends_line(doc[start - 1]):
        start -= 1
    marks = sum(
        1 for token in doc[start:token_index] if token.is_quote and token.text not in SINGLE_QUOTES
    )
    return marks % 2 == 1


def _ends_line(token: Token) -> bool:
    """The token ends a line (a paragraph break follows it, or it is one)."""
    return "\n" in token.whitespace_ or "\n" in token.text


_FILLER_POS = ("DET", "PUNCT", "PART")


def _is_filler(token: Token) -> bool:
    return token.pos_ in _FILLER_POS or token.dep_ == "case"


def _is_title_or_honorific(token: Token) -> bool:
    roles = role_vocabulary()
    return roles.is_title_word(token) or roles.is_honorific(token)


def _is_plural_group(doc: Doc, speaker: Speaker) -> bool:
    if speaker.span is None:
        return False
    tokens = doc.char_span(speaker.span[0], speaker.span[1], alignment_mode="expand")
    return tokens is not None and any(
        "Plur" in token.morph.get("Number", []) for token in tokens if token.pos_ == "NOUN"
    )


def _trimmed(doc: Doc, start: int, end: int) -> tuple[str, tuple[int, int]]:
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    tokens = doc[start:end]
    return tokens.text, (tokens.start_char, tokens.end_char)


def _opening_place(doc: Doc, start: int) -> Actor | None:
    """The country of a place adjunct opening a sentence at ``start`` ("In Madrid, ...")."""
    if start >= len(doc):
        return None
    opener = doc[start]
    if opener.dep_ != "prep" or opener.lower_ not in role_vocabulary().place_prepositions:
        return None
    if opener.head.pos_ not in ("VERB", "AUX"):
        return None
    place = next((child for child in opener.children if child.dep_ == "pobj"), None)
    if place is None:
        return None
    after = place.right_edge.i + 1
    if after >= len(doc) or doc[after].text != ",":
        return None
    indices = [i for i in range(place.left_edge.i, place.right_edge.i + 1) if not doc[i].is_punct]
    matches = find_actors(doc, indices)
    if len(matches) != 1 or matches[0].name.via not in ("name", "metonym"):
        return None
    covered = range(matches[0].start, matches[0].end)
    if any(i not in covered and doc[i].pos_ != "DET" for i in indices):
        return None
    return matches[0].actor if matches[0].actor.kind == "country" else None


_HEADLINE_TOKENS = re.compile(r"\w[\w'’.\-]*|[^\w\s]")


def _article_locale(article: Article) -> Actor | None:
    """Where the article stands: its dateline place ("LONDON"), else the country or
    organisation its headline opens with ("White House says ...", "Paris sketches ...").
    Nothing when either names several ("ROME/MADRID", "Italy and Spain say ...")."""
    if article.place:
        actors = {lookup_actor(part) for part in article.place.split("/")}
        if len(actors) == 1:
            return actors.pop()
        return None
    if not article.title:
        return None
    words = _HEADLINE_TOKENS.findall(article.title)
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    index = actor_index()
    for length in range(min(len(words), index.max_tokens), 0, -1):
        name = index.lookup(" ".join(words[:length]))
        if name is None or name.via not in ("name", "metonym", "body"):
            continue
        follower = words[length].lower() if length < len(words) else ""
        coordinated = follower in (",", "and", "&", "/")
        return None if coordinated else name.actor
    return None
