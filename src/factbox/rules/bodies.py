"""Reading bodies from data files: the shipped ones plus any in a user folder.

A body is one file (``<id>.json`` or ``<id>.toml``) in ``factbox/data/bodies/`` or in a
user folder given as an argument (the settings read it from the ``FACTBOX_BODIES``
environment variable: several folders separated by ``os.pathsep``). A user body with the
id of a shipped one replaces it. ``docs/rules.md`` describes the file format.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, cast

from factbox.records import InputError
from factbox.rules.records import (
    RULE_KINDS,
    Body,
    CoalitionParams,
    ConsensusParams,
    Membership,
    PopulationEntry,
    PopulationTable,
    QmvParams,
    QmvThresholds,
    Rule,
    RuleKind,
    RuleParams,
    Source,
    StateParams,
    UnanimityParams,
    UnscParams,
)

SHIPPED_BODIES = Path(__file__).resolve().parent.parent / "data" / "bodies"
BODY_SUFFIXES = (".json", ".toml")


UserDirs = str | Path | Sequence[str | Path] | None
"""A folder of the user's body files, or several (later folders win), or none."""


def body_folders(user_dir: UserDirs = None) -> list[Path]:
    """The folders bodies are read from, shipped first (later folders win). The settings
    (``factbox.settings``, from ``FACTBOX_BODIES``) say which."""
    folders = [SHIPPED_BODIES]
    if isinstance(user_dir, str | Path):
        folders.append(Path(user_dir))
    elif user_dir is not None:
        folders.extend(Path(part) for part in user_dir)
    return folders


def load_bodies(user_dir: UserDirs = None) -> dict[str, Body]:
    """Every body by id: the shipped ones plus those in ``user_dir``."""
    bodies: dict[str, Body] = {}
    for folder in body_folders(user_dir):
        if not folder.is_dir():
            raise InputError(str(folder), "not a folder of body files")
        for path in sorted(folder.iterdir()):
            if path.suffix in BODY_SUFFIXES and path.is_file():
                body = load_body_file(path)
                bodies[body.id] = body
    return bodies


def load_body(body_ref: str, user_dir: UserDirs = None) -> Body:
    """One body by reference: an id (``nato``) or a parametric one (``state:FR``,
    ``coalition:FR,GB``)."""
    body_id, _, member_list = body_ref.partition(":")
    bodies = load_bodies(user_dir)
    if body_id not in bodies:
        known = ", ".join(sorted(bodies))
        raise InputError(body_ref, f"unknown body (known: {known})")
    body = bodies[body_id]
    if not member_list:
        return body
    if not body.parametric:
        raise InputError(body_ref, f"body {body_id!r} has a fixed membership; drop ':...'")
    actor_ids = [part.strip().upper() for part in member_list.split(",") if part.strip()]
    return with_members(body, actor_ids)


def with_members(body: Body, actor_ids: Sequence[str]) -> Body:
    """A parametric body (state, coalition) made concrete with named members."""
    if not body.parametric:
        raise ValueError(f"body {body.id!r} has a fixed membership")
    unique = list(dict.fromkeys(actor_ids))
    if body.rule().kind == "state" and len(unique) != 1:
        raise InputError(body.id, f"a state body takes exactly one state, got {len(unique)}")
    return Body(
        id=f"{body.id}:{','.join(unique)}",
        name=body.name,
        rules=body.rules,
        default_rule=body.default_rule,
        memberships=tuple(Membership(actor_id=a, joined=None) for a in unique),
        actor_id=body.actor_id,
        parametric=False,
        sources=body.sources,
        notes=body.notes,
        origin=body.origin,
    )


def load_body_file(path: str | Path) -> Body:
    """Read one body file (JSON or TOML)."""
    path = Path(path)
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
        data: object = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (OSError, ValueError) as err:
        raise InputError(name, f"cannot read body file: {err}") from err
    if not isinstance(data, dict):
        raise InputError(name, "a body file must hold one table/object")
    return parse_body(cast(dict[str, Any], data), origin=name)


def parse_body(data: Mapping[str, Any], origin: str = "<data>") -> Body:
    """Build a Body from parsed file contents; problems raise InputError naming ``origin``."""
    reader = _Reader(origin)
    body_id = reader.required(data, "id")
    sources = tuple(
        _source(reader, key, value)
        for key, value in reader.table(data, "sources", required=False).items()
    )
    known_sources = {s.key for s in sources}
    rules = tuple(_rule(reader, item, known_sources) for item in reader.items(data, "rules"))
    if not rules:
        raise InputError(origin, "a body needs at least one rule")
    default_rule = reader.text(data, "default_rule", required=False) or rules[0].id
    if default_rule not in {r.id for r in rules}:
        raise InputError(origin, f"default_rule {default_rule!r} is not one of its rules")
    memberships = tuple(
        _membership(reader, item, known_sources)
        for item in reader.items(data, "members", required=False)
    )
    parametric = bool(data.get("parametric", False))
    if not memberships and not parametric:
        raise InputError(origin, "a body needs members (or 'parametric = true')")
    known = reader.table(data, "membership_known", required=False)
    populations = tuple(
        _population_table(reader, item, known_sources)
        for item in reader.items(data, "populations", required=False)
    )
    return Body(
        id=body_id,
        name=reader.text(data, "name", required=False) or body_id,
        rules=rules,
        default_rule=default_rule,
        memberships=memberships,
        actor_id=reader.text(data, "actor_id", required=False),
        parametric=parametric,
        known_from=reader.date(known, "from"),
        known_until=reader.date(known, "until"),
        populations=populations,
        sources=sources,
        notes=reader.texts(data, "notes"),
        origin=origin,
    )


class _Reader:
    """Typed field access that reports problems with the file name."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, problem: str) -> InputError:
        return InputError(self.origin, problem)

    def required(self, data: Mapping[str, Any], key: str) -> str:
        value = self.text(data, key)
        assert value is not None  # text() raises for a missing required key
        return value

    def text(self, data: Mapping[str, Any], key: str, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key!r} must be a non-empty string")
        return value

    def texts(self, data: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{key!r} must be a list of strings")
        return tuple(value)

    def table(self, data: Mapping[str, Any], key: str, required: bool = True) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing {key!r}")
            return {}
        if not isinstance(value, dict):
            raise self.fail(f"{key!r} must be a table/object")
        return value

    def items(
        self, data: Mapping[str, Any], key: str, required: bool = True
    ) -> list[dict[str, Any]]:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing {key!r}")
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(f"{key!r} must be a list of tables/objects")
        return value

    def date(self, data: Mapping[str, Any], key: str) -> dt.date | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.date):  # TOML has native dates
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as err:
            raise self.fail(f"{key!r}: {value!r} is not a YYYY-MM-DD date") from err

    def whole(self, data: Mapping[str, Any], key: str, required: bool = True) -> int | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"{key!r} must be a whole number >= 0")
        return value

    def percent(self, data: Mapping[str, Any], key: str) -> Fraction:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(f"{key!r} must be a percentage")
        try:
            fraction = Fraction(str(value))
        except ValueError as err:
            raise self.fail(f"{key!r} must be a percentage") from err
        if not 0 <= fraction <= 100:
            raise self.fail(f"{key!r} must be between 0 and 100")
        return fraction

    def sources(self, data: Mapping[str, Any], known: set[str]) -> tuple[str, ...]:
        keys = self.texts(data, "sources")
        missing = [k for k in keys if k not in known]
        if missing:
            raise self.fail(f"unknown source keys {missing}")
        return keys


def _source(reader: _Reader, key: str, value: object) -> Source:
    if not isinstance(value, dict):
        raise reader.fail(f"source {key!r} must be a table/object")
    return Source(
        key=key,
        title=reader.text(value, "title") or key,
        url=reader.text(value, "url", required=False),
        secondary=bool(value.get("secondary", False)),
    )


def _membership(reader: _Reader, item: Mapping[str, Any], known: set[str]) -> Membership:
    actor_id = reader.required(item, "actor_id")
    joined = reader.date(item, "joined")
    left = reader.date(item, "left")
    if joined is not None and left is not None and left <= joined:
        raise reader.fail(f"{actor_id}: 'left' must be after 'joined'")
    return Membership(
        actor_id=actor_id,
        joined=joined,
        left=left,
        name=reader.text(item, "name", required=False),
        term=reader.text(item, "term", required=False),
        note=reader.text(item, "note", required=False),
        sources=reader.sources(item, known),
    )


def _rule(reader: _Reader, item: Mapping[str, Any], known: set[str]) -> Rule:
    kind = reader.required(item, "kind")
    if kind not in RULE_KINDS:
        raise reader.fail(f"rule kind {kind!r} is not one of {', '.join(RULE_KINDS)}")
    rule_kind = cast(RuleKind, kind)
    rule_id = reader.text(item, "id", required=False) or kind
    params = _params(reader, rule_kind, reader.table(item, "params", required=False), known)
    return Rule(
        id=rule_id,
        kind=rule_kind,
        name=reader.text(item, "name", required=False) or rule_id,
        params=params,
        sources=reader.sources(item, known),
        notes=reader.texts(item, "notes"),
    )


def _params(
    reader: _Reader, kind: RuleKind, params: Mapping[str, Any], known: set[str]
) -> RuleParams:
    if kind == "consensus":
        return ConsensusParams()
    if kind == "state":
        return StateParams()
    if kind == "coalition":
        return CoalitionParams()
    if kind == "unanimity":
        limit = params.get("abstention_limit")
        return UnanimityParams(
            constructive_abstention=bool(params.get("constructive_abstention", False)),
            abstention_limit=None if limit is None else reader.percent(params, "abstention_limit"),
        )
    if kind == "qmv":
        other = reader.table(params, "not_from_commission", required=False)
        return QmvParams(
            standard=_thresholds(reader, reader.table(params, "standard"), known),
            not_from_commission=_thresholds(reader, other, known) if other else None,
        )
    permanent = params.get("permanent") or []
    if not isinstance(permanent, list) or not all(isinstance(p, str) for p in permanent):
        raise reader.fail("'permanent' must be a list of actor ids")
    return UnscParams(
        seats=reader.whole(params, "seats") or 0,
        votes_needed=reader.whole(params, "votes_needed") or 0,
        permanent=tuple(permanent),
    )


def _thresholds(reader: _Reader, data: Mapping[str, Any], known: set[str]) -> QmvThresholds:
    return QmvThresholds(
        member_percent=reader.percent(data, "member_percent"),
        population_percent=reader.percent(data, "population_percent"),
        blocking_min_members=reader.whole(data, "blocking_min_members", required=False),
        note=reader.text(data, "note", required=False),
        sources=reader.sources(data, known),
    )


def _population_table(reader: _Reader, item: Mapping[str, Any], known: set[str]) -> PopulationTable:
    year = reader.whole(item, "year") or 0
    entries = []
    for row in reader.items(item, "members"):
        share = row.get("share")
        try:
            share_value = None if share is None else Decimal(str(share))
        except InvalidOperation as err:
            raise reader.fail(f"{year}: share {share!r} is not a number") from err
        entries.append(
            PopulationEntry(
                actor_id=reader.required(row, "actor_id"),
                population=reader.whole(row, "population", required=False),
                share=share_value,
                note=reader.text(row, "note", required=False),
            )
        )
    return PopulationTable(
        year=year,
        entries=tuple(entries),
        total=reader.whole(item, "total", required=False),
        decision=reader.text(item, "decision", required=False),
        sources=reader.sources(item, known),
        notes=reader.texts(item, "notes"),
    )
