"""Who speaks for a state or an organisation: office holders, and those who never do.

An office holder speaks for the state or organisation they serve on the day; a candidate,
a campaign, a party, a legislator, a former official, an analyst or an opposition figure
does not, whatever country they come from. The article's own words decide first: a role
written with the speaker that marks them as one of those (``roles.json``, ``not_for_state``:
"former", "candidate", "Sen.", "opposition", "lawmakers", "Republican presidential
nominee") takes away any actor id. Where the article names a person without an office,
``data/offices.json`` (each row cited) says which office they held that day, if any; a
person the table knows who held none of its offices that day ("Trump" in February 2024)
speaks for no state, even if an older article left them with one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from factbox.extract.actors import normalise_name, role_key, roles_data


@dataclass(frozen=True, slots=True)
class Office:
    """One row of the table: ``name`` held ``office`` for ``actor_id`` from ``start``
    until ``end`` (excluded; ``None``: still held when the table was checked)."""

    name: str
    office: str
    actor_id: str
    start: dt.date
    end: dt.date | None
    source: str


@dataclass(frozen=True, slots=True)
class OfficeTable:
    """The table of offices, by normalised full name and by surname."""

    by_name: dict[str, tuple[Office, ...]]
    by_surname: dict[str, tuple[Office, ...]]
    checked_to: dt.date
    inflected_endings: tuple[str, ...] = ()
    """Case endings a translation leaves on a surname ("Rishi Sunaka" for Rishi Sunak)."""

    def rows(self, name: str) -> tuple[Office, ...]:
        """Every office the table has for a person, by full name, alias or unique surname,
        else by the full name with a case ending on the surname."""
        key = _key(name)
        found = self.by_name.get(key)
        if found is not None:
            return found
        holders = self.by_surname.get(key.split()[-1] if key else "", ())
        if len({office.name for office in holders}) == 1:
            return holders
        return self._inflected(key)

    def _inflected(self, key: str) -> tuple[Office, ...]:
        """ "rishi sunaka": the given names as the table writes them, the surname with one of
        the endings after the table's surname. Never for a surname alone."""
        words = key.split()
        if len(words) < 2:
            return ()
        given, surname = " ".join(words[:-1]), words[-1]
        for ending in self.inflected_endings:
            stem = surname[: -len(ending)]
            if surname.endswith(ending) and len(stem) >= 3:
                found = self.by_name.get(f"{given} {stem}")
                if found is not None:
                    return found
        return ()

    def knows(self, name: str) -> bool:
        return bool(self.rows(name))

    def held_on(self, name: str, day: dt.date) -> Office | None:
        """The office the person held on ``day``; ``None`` if none (or the table cannot say:
        a day after ``checked_to`` for an office still held then)."""
        for office in self.rows(name):
            end = office.end if office.end is not None else self.checked_to
            if office.start <= day < end or (office.end is None and day == end):
                return office
        return None

    def knows_day(self, name: str, day: dt.date) -> bool:
        """Whether the table can say anything about this person on ``day``."""
        return self.knows(name) and day <= self.checked_to


def _key(name: str) -> str:
    return normalise_name(name).lower()


@lru_cache(maxsize=1)
def office_table() -> OfficeTable:
    path = resources.files("factbox.data").joinpath("offices.json")
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    by_name: dict[str, list[Office]] = {}
    by_surname: dict[str, list[Office]] = {}
    for row in data["offices"]:
        office = Office(
            name=row["name"],
            office=row["office"],
            actor_id=row["actor"],
            start=dt.date.fromisoformat(row["from"]),
            end=dt.date.fromisoformat(row["to"]) if row["to"] else None,
            source=row["source"],
        )
        for spelling in (row["name"], *row.get("aliases", [])):
            by_name.setdefault(_key(spelling), []).append(office)
            by_surname.setdefault(_key(spelling).split()[-1], []).append(office)
    return OfficeTable(
        by_name={k: tuple(dict.fromkeys(v)) for k, v in by_name.items()},
        by_surname={k: tuple(dict.fromkeys(v)) for k, v in by_surname.items()},
        checked_to=dt.date.fromisoformat(data["checked_to"]),
        inflected_endings=tuple(data["inflected_endings"]["endings"]),
    )


@dataclass(frozen=True, slots=True)
class NonStateWords:
    """Words that mark a speaker who speaks for no state (``roles.json``)."""

    roles: frozenset[str]
    """Anywhere in the speaker's phrase: "senator", "lawmakers", "candidate", "analyst"."""
    statuses: frozenset[str]
    """Before a known office: "former president", "ex-minister"."""
    party_letters: frozenset[str] = frozenset()
    """A party's letter joined by a hyphen to a place marks a legislator ("R-Wis.")."""
    bodies: frozenset[str] = frozenset()
    """Nouns for bodies that are no state ("association", "carmaker", "industry"): a
    country's name or nationality word on one is the body's country, not its voice."""
    voices: frozenset[str] = frozenset()
    """Words of ``roles`` that, followed by "for", are the voice of whom follows ("the
    speaker for the Russian Federation": its delegate at a meeting, no House Speaker)."""
    state_titles: frozenset[tuple[str, ...]] = frozenset()
    """Titles of several words that only a state's officials hold (``titles`` with
    ``held_by`` "state" or "posted"): their words are the office, never a role of
    ``roles`` ("permanent observer" is a state's head of mission at the UN, no onlooker)."""

    def _outside_titles(self, words: list[str]) -> list[int]:
        """The positions of ``words`` (lower case) that are no part of a state title."""
        inside: set[int] = set()
        for title in self.state_titles:
            size = len(title)
            for i in range(len(words) - size + 1):
                if tuple(words[i : i + size]) == title:
                    inside.update(range(i, i + size))
        return [i for i in range(len(words)) if i not in inside]

    def names_body(self, token: Token) -> bool:
        return token.lower_ in self.bodies or token.lemma_.lower() in self.bodies

    def marks(self, tokens: Iterable[Token], role_key: str | None) -> bool:
        listed = list(tokens)
        kept = self._outside_titles([t.lower_ for t in listed])
        for token in (listed[i] for i in kept):
            words = {token.lower_, token.lemma_.lower(), token.lower_.rstrip(".")}
            if words & self.roles:
                return True
            if role_key is not None and words & self.statuses:
                return True
            if role_key is not None and any(
                token.lower_.startswith(status + "-") for status in self.statuses
            ):
                return True
        return False

    def marks_party(self, tokens: Sequence[Token]) -> bool:
        """Whether a phrase carries a legislator's party and place ("Paul Ryan, [R-Wis.]",
        "Sen. Jane Doe ([D-N.Y.])"): a party letter, a hyphen and a capitalised place,
        written together."""
        for first, hyphen, place in zip(tokens, tokens[1:], tokens[2:], strict=False):
            if (
                first.text in self.party_letters
                and hyphen.text == "-"
                and not first.whitespace_
                and not hyphen.whitespace_
                and place.text[:1].isupper()
            ):
                return True
        return False

    def marks_role(self, role: str | None) -> bool:
        """The same test on a role as written ("Former president", "Democratic Sen.")."""
        if not role:
            return False
        split = role.split()
        written = [split[i] for i in self._outside_titles([w.lower() for w in split])]
        if not written:
            return False
        # "speaker for Norway" speaks for Norway: the word is no role of those
        written = [
            word
            for word, after in zip(written, [*written[1:], ""], strict=True)
            if not (word.lower() in self.voices and after.lower() == "for")
        ]
        # each hyphenated word whole ("minister-president") and in its parts ("president-elect")
        parts = [part for word in written for part in word.split("-")]
        words = {w.strip(".,()'\u2019").lower() for w in (*written, *parts)}
        words.discard("")
        if words & self.roles or {w + "s" for w in self.roles} & words:
            return True
        return bool(words & self.statuses) and role_key(role) is not None


@lru_cache(maxsize=1)
def non_state_words() -> NonStateWords:
    data = roles_data()["not_for_state"]
    return NonStateWords(
        roles=frozenset(word.lower() for word in data["roles"]),
        statuses=frozenset(word.lower() for word in data["statuses"]),
        party_letters=frozenset(data["party_letters"]),
        bodies=frozenset(word.lower() for word in data["bodies"]),
        voices=frozenset(word.lower() for word in data.get("voices", ())),
        state_titles=frozenset(
            tuple(row["title"].lower().split())
            for row in roles_data()["titles"]
            if row.get("held_by") in ("state", "posted") and " " in row["title"]
        ),
    )
