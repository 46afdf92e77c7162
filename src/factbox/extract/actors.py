"""Who can speak for whom: countries, organisations, their metonyms and demonyms, and roles.

Names come from pycountry (ISO 3166-1) plus the data files in ``factbox/data``:
``country_aliases.json``, ``demonyms.json``, ``metonyms.json``, ``organisations.json`` and
``roles.json``. Everything is loaded once and looked up by exact (normalised) name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import pycountry
from spacy.tokens import Doc, Token

from factbox.extract.token_table import token_table

ActorType = Literal["country", "organization"]
OfficeHolder = Literal["state", "organisation", "posted"]
NameVia = Literal["name", "demonym", "metonym", "body"]
"""How a name points to its actor: the actor's own name, a nationality word, a place
standing for it ("the Kremlin", "Berlin"), or one of an organisation's bodies."""


@dataclass(frozen=True, slots=True)
class Actor:
    """A country (``id`` is ISO 3166-1 alpha-2) or an organisation (short upper-case id)."""

    id: str
    name: str
    kind: ActorType


@dataclass(frozen=True, slots=True)
class ActorName:
    """What one name in the index stands for."""

    actor: Actor
    via: NameVia
    body: str | None = None
    """The body's name when ``via == "body"`` ("European Commission")."""


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An actor name found in a document: tokens ``start`` to ``end`` (exclusive)."""

    name: ActorName
    start: int
    end: int

    @property
    def actor(self) -> Actor:
        return self.name.actor


_ANSWERS_KEPT = 100_000
"""At most this many answers kept by ``RoleVocabulary.role_key`` and
``ActorIndex.may_start_name``, so a long run's vocabulary does not pile up."""


@dataclass(frozen=True, slots=True)
class RoleVocabulary:
    """Words for reading speaker phrases (from ``roles.json``)."""

    titles: dict[str, str]
    """Title or institution (lower case) -> canonical form."""
    title_words: frozenset[str]
    """Every word of every title and institution, lower case: never part of a person's name."""
    anonymous_heads: frozenset[str]
    honorifics: frozenset[str]
    role_prepositions: frozenset[str]
    counterpart_prepositions: frozenset[str]
    held_by: dict[str, OfficeHolder]
    """Canonical title -> the kind of actor that has such an office, where only one does."""
    state_agent_heads: frozenset[str]
    place_prepositions: frozenset[str]
    member_prepositions: frozenset[str] = frozenset()
    """Words that introduce a group's members ("including", "such as")."""
    member_heads: frozenset[str] = frozenset()
    """Nouns for an organisation's unnamed members ("allies", "members")."""
    list_ahead_words: frozenset[str] = frozenset()
    leader_offices: frozenset[str] = frozenset()
    """Offices "the French leader" can stand for ("president", "prime minister")."""
    """Words of a source whose members follow a colon ("the following officials")."""
    on_behalf_titles: frozenset[str] = frozenset()
    delivery_heads: frozenset[str] = frozenset()
    """Words a line of a transcript names its speaker after, with "by" ("Statement by")."""
    """Offices held to speak for someone else ("spokesperson", "representative")."""
    document_heads: frozenset[str] = frozenset()
    """Nouns for a text, which speaks for nobody by itself ("resolution", "draft")."""
    document_issuers: frozenset[str] = frozenset()
    """Verbs by which a body makes a text its own ("adopted by", "issued by")."""
    voted_heads: frozenset[str] = frozenset()
    """Document heads that are a member's own act: its possessor cast it ("Norway's vote
    favoured the text")."""
    known_keys: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    """``role_key``'s answers by role text: reading speakers asks it of every noun phrase's
    head, mostly the same few hundred words (emptied past ``_ANSWERS_KEPT`` entries)."""

    def lists_ahead(self, tokens: Iterable[Token]) -> bool:
        """Whether a source phrase names its members after a colon ("The following ...")."""
        return any(token.lower_ in self.list_ahead_words for token in tokens)

    def is_title_word(self, token: Token) -> bool:
        return token.lower_ in self.title_words or token.lower_.rstrip(".") in self.title_words

    def is_honorific(self, token: Token) -> bool:
        return token.text in self.honorifics

    def office_fits(self, key: str, kind: ActorType) -> bool:
        """Whether an office (canonical title) can be held for this kind of actor by someone
        speaking where that actor is ("posted" offices, like an ambassador, never are)."""
        holder = self.held_by.get(key)
        if holder is None:
            return True
        return (holder == "state" and kind == "country") or (
            holder == "organisation" and kind == "organization"
        )

    def role_key(self, role: str) -> str | None:
        """Canonical title of a role: its longest known ending ("Slovak Prime Minister" ->
        "prime minister", "the Slovak premier" -> "prime minister")."""
        if role in self.known_keys:
            return self.known_keys[role]
        words = normalise_name(role).lower().split()
        key = None
        for first in range(len(words)):
            key = self.titles.get(" ".join(words[first:]))
            if key is not None:
                break
        if len(self.known_keys) >= _ANSWERS_KEPT:
            self.known_keys.clear()
        self.known_keys[role] = key
        return key


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Fold spelling variants that should match: accents, curly apostrophes, spacing,
    spaces around hyphens and a leading "the"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("\u2019", "'").replace("\u2018", "'")
    plain = " ".join(plain.split()).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    if plain[:4].lower() == "the ":
        plain = plain[4:]
    return plain


def _leading_word(text: str) -> str:
    """The letters and digits a name starts with ("Bosnia-Herzegovina" -> "Bosnia")."""
    match = _LEADING_WORD.match(text)
    return match.group() if match else ""


_LEADING_WORD = re.compile(r"[^\W_]*")


def _data(name: str) -> Any:
    with resources.files("factbox.data").joinpath(name).open(encoding="utf-8") as handle:
        return json.load(handle)


class ActorIndex:
    """Every name that can stand for a country or organisation, by normalised spelling."""

    def __init__(self) -> None:
        self._names: dict[str, ActorName] = {}
        self._actors: dict[str, Actor] = {}
        self.language_words: frozenset[str] = frozenset()
        """Words that make a nationality word before them a language ("French-speaking")."""
        self.leaning_words: frozenset[str] = frozenset()
        """Words that make any actor's name before them a leaning ("Russia-friendly")."""
        self._folded: dict[str, ActorName] = {}
        self._load_countries()
        self._load_organisations()
        self._load_metonyms()
        self._load_demonyms()
        self.max_tokens = max(len(key.split()) for key in self._names) + 2
        for key, name in self._names.items():
            self._folded.setdefault(key.lower(), name)
        self._leading_words = frozenset(_leading_word(key) for key in self._names)
        self._folded_leading_words = frozenset(word.lower() for word in self._leading_words)
        self._may_start: dict[str, bool] = {}
        """``may_start_name``'s answers by token text (emptied past ``_ANSWERS_KEPT``)."""

    def may_start_name(self, token_text: str) -> bool:
        """Cheap test: can a name begin with this token? (Spares most lookups.) The answer
        for each token text is kept: the same words come back in every article."""
        known = self._may_start.get(token_text)
        if known is not None:
            return known
        word = _leading_word(normalise_name(token_text))
        answer = word in self._leading_words or (
            word.isupper() and word.lower() in self._folded_leading_words
        )
        if len(self._may_start) >= _ANSWERS_KEPT:
            self._may_start.clear()
        self._may_start[token_text] = answer
        return answer

    def _add(self, spelling: str, name: ActorName) -> None:
        # Earlier loads win: explicit aliases before ISO names before looser forms.
        self._names.setdefault(normalise_name(spelling), name)

    def _load_countries(self) -> None:
        aliases = _data("country_aliases.json")["aliases"]
        display = {entry["alpha_2"]: entry["alias"] for entry in aliases if entry.get("display")}
        for country in pycountry.countries:
            code = country.alpha_2
            short = display.get(code) or getattr(country, "common_name", None) or country.name
            self._actors[code] = Actor(code, short, "country")
        for code, short in display.items():
            self._actors.setdefault(code, Actor(code, short, "country"))
        for entry in aliases:
            self._add(entry["alias"], ActorName(self._actors[entry["alpha_2"]], "name"))
        for country in pycountry.countries:
            actor = self._actors[country.alpha_2]
            for attribute in ("name", "common_name", "official_name"):
                spelling = getattr(country, attribute, None)
                if spelling:
                    self._add(spelling, ActorName(actor, "name"))

    def _load_organisations(self) -> None:
        for entry in _data("organisations.json")["organisations"]:
            actor = Actor(entry["id"], entry["name"], "organization")
            self._actors[actor.id] = actor
            for spelling in (entry["name"], *entry["aliases"]):
                self._add(spelling, ActorName(actor, "name"))
            for body in entry["bodies"]:
                for spelling in (body["name"], *body["aliases"]):
                    self._add(spelling, ActorName(actor, "body", body["name"]))

    def _load_metonyms(self) -> None:
        for entry in _data("metonyms.json")["metonyms"]:
            actor = self._actors[entry["actor"]]
            if entry.get("kind") == "body":
                # a government's council: owned like an organisation's body ("Turkey's
                # National Security Council" is not the United States')
                self._add(entry["name"], ActorName(actor, "body", entry["name"]))
            else:
                self._add(entry["name"], ActorName(actor, "metonym"))

    def _load_demonyms(self) -> None:
        data = _data("demonyms.json")
        self.language_words = frozenset(word.lower() for word in data["language_words"])
        self.leaning_words = frozenset(word.lower() for word in data["leaning_words"])
        for entry in data["demonyms"]:
            actor = self._actors[entry["alpha_2"]]
            for spelling in (*entry["adjectives"], *entry["nouns"]):
                self._add(spelling, ActorName(actor, "demonym"))

    def lookup(self, text: str) -> ActorName | None:
        """The actor a name stands for ("Czechia", "the Kremlin", "Slovak", "NATO").

        A name written all in capitals, as in headers and datelines ("UNITED STATES",
        "MADRID"), is matched without regard to case when its exact spelling is unknown.
        """
        spelling = normalise_name(text)
        found = self._names.get(spelling)
        if found is None and spelling.isupper():
            found = self._folded.get(spelling.lower())
        return found

    def actor(self, actor_id: str) -> Actor | None:
        """A country by alpha-2 code or an organisation by id."""
        return self._actors.get(actor_id)

    def names_of(self, actor_id: str) -> list[str]:
        """The spellings that name ``actor_id`` itself (not its bodies, seat or people:
        "EU", "E.U.", "European Union" for the EU), as normalised in the index."""
        return [
            key
            for key, name in self._names.items()
            if name.actor.id == actor_id and name.via == "name"
        ]


@lru_cache(maxsize=1)
def actor_index() -> ActorIndex:
    return ActorIndex()


@lru_cache(maxsize=1)
def roles_data() -> dict[str, Any]:
    """``data/roles.json`` as parsed (read once)."""
    data: dict[str, Any] = _data("roles.json")
    return data


@lru_cache(maxsize=1)
def role_vocabulary() -> RoleVocabulary:
    data = roles_data()
    titles: dict[str, str] = {}
    held_by: dict[str, OfficeHolder] = {}
    for entry in data["titles"]:
        title = normalise_name(entry["title"]).lower()
        titles[title] = entry.get("canonical", title)
        if "held_by" in entry:
            held_by[titles[title]] = entry["held_by"]
    for institution in data["institutions"]:
        titles.setdefault(normalise_name(institution).lower(), institution)
    words = {word for title in titles for word in title.replace("-", " ").split()}
    words |= set(titles)
    return RoleVocabulary(
        titles=titles,
        title_words=frozenset(words),
        anonymous_heads=frozenset(data["anonymous_heads"]),
        honorifics=frozenset(data["honorifics"]),
        role_prepositions=frozenset(data["role_prepositions"]),
        counterpart_prepositions=frozenset(data["counterpart_prepositions"]),
        held_by=held_by,
        state_agent_heads=frozenset(data["state_agent_heads"]),
        place_prepositions=frozenset(data["place_prepositions"]),
        member_prepositions=frozenset(data.get("member_prepositions", [])),
        member_heads=frozenset(data.get("member_heads", [])),
        list_ahead_words=frozenset(data.get("list_ahead_words", [])),
        leader_offices=frozenset(data.get("leader_offices", [])),
        on_behalf_titles=frozenset(data.get("on_behalf_titles", [])),
        delivery_heads=frozenset(data.get("delivery_heads", [])),
        document_heads=frozenset(data.get("document_heads", [])),
        document_issuers=frozenset(data.get("document_issuers", [])),
        voted_heads=frozenset(data.get("voted_heads", [])),
    )


def lookup_actor(text: str) -> Actor | None:
    """The country or organisation a name stands for, or ``None``."""
    name = actor_index().lookup(text)
    return name.actor if name is not None else None


def role_key(role: str) -> str | None:
    """Canonical title of a role text, for matching one office across spellings."""
    return role_vocabulary().role_key(role)


def _part_of_other_name(doc: Doc, start: int, end: int, taken: set[int]) -> bool:
    """True when a proper noun runs on into the match ("Sofia Petrova", "Israel Katz",
    "Washington Post"): then the match is part of another name, not an actor."""
    roles = role_vocabulary()

    def foreign(token: Token) -> bool:
        return (
            token.pos_ == "PROPN"
            and token.i not in taken
            and not roles.is_title_word(token)
            and not roles.is_honorific(token)
        )

    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.lower_ == "for" and start >= 2:
        # "Democracy for America", "Friends for Ukraine": a group's name, capitalised
        # before "for" (not an office: "Minister for Europe")
        named = doc[start - 2]
        if named.is_title and named.pos_ in ("NOUN", "PROPN") and named.i not in taken:
            if not roles.is_title_word(named) and not roles.is_honorific(named):
                return True
    return (after is not None and foreign(after)) or (before is not None and foreign(before))


def find_actors(doc: Doc, indices: Sequence[int]) -> list[ActorMatch]:
    """Actor names among the given token indices, longest match first, left to right.

    Only runs of consecutive indices are matched. Country names and metonyms that run on
    into another proper noun are dropped (see ``_part_of_other_name``).
    """
    index = actor_index()
    table = token_table(doc)
    pos, words = table.pos, table.text
    allowed = sorted(set(indices))
    allowed_set = set(allowed)
    matches: list[ActorMatch] = []
    taken: set[int] = set()
    owners: dict[int, Actor] = {}
    position = 0
    while position < len(allowed):
        start = allowed[position]
        if pos[start] == "DET" or not index.may_start_name(words[start]):
            # "the" is folded away by normalise_name; keep it out
            position += 1
            continue
        found: ActorMatch | None = None
        end = start + 1
        limit = start + index.max_tokens
        while end <= limit and end - 1 in allowed_set and end <= len(doc):
            name = index.lookup(table.span_text(start, end))
            if name is not None:
                found = ActorMatch(name, start, end)
            end += 1
        if found is not None:
            matches.append(found)
            taken.update(range(found.start, found.end))
            owners.update((i, found.actor) for i in range(found.start, found.end))
            position += found.end - found.start
        else:
            position += 1
    compound = _community_words(doc, matches)
    return [
        match
        for match in matches
        if not _leaning(doc, match)
        and (
            not _body_of_another(doc, match, owners)
            if match.name.via == "body"
            else (
                not _names_a_language(doc, match) and match.start not in compound
                if match.name.via == "demonym"
                else (
                    not (match.name.via == "metonym" and _hyphenated_place(doc, match, taken))
                    and (
                        match.actor.kind == "organization"
                        or not _part_of_other_name(doc, match.start, match.end, taken)
                    )
                )
            )
        )
    ]


LEANING_PREFIXES = frozenset({"pro", "anti"})
"""Words that, joined by a hyphen before a name, make it a leaning ("pro-Kiev diplomats",
"an anti-EU party"): who leans towards or against an actor does not speak for it."""


def _leaning(doc: Doc, match: ActorMatch) -> bool:
    """True when the name follows "pro-" or "anti-" ("pro-[Kiev] European diplomats"), or
    runs into a hyphen and a word of leaning or tie ("the [Russia]-friendly Slovak leader",
    "[Moscow]-backed forces": ``leaning_words`` of ``demonyms.json``): a leaning towards or
    against the actor, not the actor."""
    after = match.end
    if (
        after + 1 < len(doc)
        and doc[after].text == "-"
        and not doc[after - 1].whitespace_
        and not doc[after].whitespace_
        and doc[after + 1].lower_ in actor_index().leaning_words
    ):
        return True
    hyphen = match.start - 1
    if hyphen < 1 or doc[hyphen].text != "-" or doc[hyphen - 1].whitespace_:
        return False
    return doc[hyphen - 1].lower_ in LEANING_PREFIXES


def _community_words(doc: Doc, matches: list[ActorMatch]) -> set[int]:
    """The first tokens of nationality words standing right next to another one ("[Turkish]
    [Cypriot] leader", "[Palestinian] [Israeli] lawmaker"): together they name a community of one
    state's people, which speaks for neither word's state. The compounds that do name a
    state are spellings of their own in ``demonyms.json`` ("Greek Cypriot": Cyprus), read
    whole as one match."""
    words = sorted((m for m in matches if m.name.via == "demonym"), key=lambda m: m.start)
    paired: set[int] = set()
    for first, second in zip(words, words[1:], strict=False):
        if first.end == second.start and doc[first.end - 1].whitespace_:
            paired.update((first.start, second.start))
    return paired


def _hyphenated_place(doc: Doc, match: ActorMatch, taken: set[int]) -> bool:
    """True when a place that stands for an actor is joined by a hyphen to a proper noun
    that names no actor ("the parliament of Wallonia-[Brussels]"): one compound place, not
    the capital's government. "EU-[Moscow] talks" keep both."""
    for hyphen, other in ((match.start - 1, match.start - 2), (match.end, match.end + 1)):
        if not 0 <= other < len(doc) or doc[hyphen].text != "-":
            continue
        left = match.end - 1 if other > hyphen else other
        if doc[left].whitespace_ or doc[hyphen].whitespace_:
            continue  # "Brussels - and Paris": a dash between words, not a compound
        if doc[other].pos_ == "PROPN" and other not in taken:
            return True
    return False


def _names_a_language(doc: Doc, match: ActorMatch) -> bool:
    """True when a nationality word is joined by a hyphen to a word of language use
    ("the French-speaking region", "a Russian-language paper"): a language, which is no
    country's (French is spoken in Belgium, Switzerland, Canada ...)."""
    hyphen = match.end
    if hyphen + 1 >= len(doc) or doc[hyphen].text != "-":
        return False
    if doc[hyphen - 1].whitespace_ or doc[hyphen].whitespace_:
        return False
    return doc[hyphen + 1].lower_ in actor_index().language_words


def _body_of_another(doc: Doc, match: ActorMatch, owners: dict[int, Actor]) -> bool:
    """True when a body's bare name ("Security Council") is the end of a longer name or
    belongs to another actor named just before it: "National Security Council", "Russian
    Security Council" and "Ukraine's Security Council" are not the UN's."""
    before = match.start - 1
    if before < 0:
        return False
    if doc[before].dep_ == "case":
        owner = owners.get(before - 1)
        return owner is not None and owner != match.actor
    owner = owners.get(before)
    if owner is not None:
        return owner != match.actor
    token = doc[before]
    return token.pos_ == "PROPN" and not role_vocabulary().is_honorific(token)


def actors_in(doc: Doc, indices: Iterable[int]) -> list[Actor]:
    """Distinct actors named among the given tokens, in text order."""
    seen: list[Actor] = []
    for match in find_actors(doc, list(indices)):
        if match.actor not in seen:
            seen.append(match.actor)
    return seen


LIST_OPENERS = frozenset({"-", "\u2013", "\u2014", "(", ":"})
"""Marks that open a list set off after a noun ("the countries that voted for it - A, B and
C -", "the sponsors (A, B)")."""
LIST_CLOSERS = frozenset({"-", "\u2013", "\u2014", ")", ";"})


def actors_listed_at(
    doc: Doc, opener: int, openers: frozenset[str] = LIST_OPENERS, least: int = 2
) -> list[tuple[int, int]]:
    """The items of a list of actors set off at token ``opener`` (one of ``openers``: a
    dash, a parenthesis or a colon), up to the closing mark or the sentence's end: each
    item's token range. Every item must name a country or organisation by itself
    ("Britain", "the United States"), and there must be ``least`` or more (two unless the
    caller has a count that vouches for one: "1 against (D)"); otherwise nothing (a dash
    before a clause is no list)."""
    if opener >= len(doc) or doc[opener].lower_ not in openers:
        return []
    end = doc[opener].sent.end
    if end == opener + 1 and end < len(doc):
        end = doc[end].sent.end  # the parser ended the sentence at the colon: the list follows
    items: list[tuple[int, int]] = []
    start = opener + 1
    for i in range(opener + 1, end + 1):
        token = doc[i] if i < end else None
        closing = token is None or token.text in LIST_CLOSERS or token.text == "."
        if token is not None and not closing and token.text != "," and token.lower_ != "and":
            continue
        lo = start + (1 if start < i and doc[start].lower_ == "the" else 0)
        if lo < i:
            if lookup_actor(doc[lo:i].text) is None:
                return []
            items.append((lo, i))
        start = i + 1
        if closing:
            break
    return items if len(items) >= max(least, 1) else []


def actor_list_after(clause: Token) -> tuple[int, list[tuple[int, int]]] | None:
    """The first list of actors set off inside or right after ``clause`` (a relative clause
    the parser may or may not have hung the list on): its opening mark and its items."""
    end = min(clause.right_edge.i + 2, clause.sent.end)
    for i in range(clause.i + 1, end):
        items = actors_listed_at(clause.doc, i)
        if items:
            return i, items
    return None
