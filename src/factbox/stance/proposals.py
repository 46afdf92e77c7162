"""Proposals: reading them from TOML.

The file holds one ``[[proposal]]`` table per proposal::

    [[proposal]]
    slug = "troops-to-ukraine"
    title = "Send troops to Ukraine"
    description = "NATO members or other Western states send ground troops to Ukraine"
    terms = ["boots on the ground"]     # optional
    bodies = ["nato"]                   # optional
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from factbox.records import InputError
from factbox.stance.records import Proposal

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FIELDS = {"slug", "title", "description", "terms", "bodies"}


def _text_list(value: object, name: str, key: str, field: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(name, f"proposal {key!r}: {field} must be a list of non-empty strings")
    return [v.strip() for v in value]


def proposal_from_table(table: dict[str, object], name: str, index: int = 0) -> Proposal:
    """One proposal from a parsed TOML table; ``name`` is what errors call the input."""
    key = str(table.get("slug", f"#{index + 1}"))
    unknown = sorted(set(table) - _FIELDS)
    if unknown:
        raise InputError(name, f"proposal {key!r}: unknown field(s) {', '.join(unknown)}")
    slug = table.get("slug")
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise InputError(
            name, f"proposal {key!r}: slug must be lower-case letters, digits and hyphens"
        )
    title = table.get("title")
    if not isinstance(title, str) or not title.strip():
        raise InputError(name, f"proposal {slug!r}: title is required")
    description = table.get("description", "")
    if not isinstance(description, str):
        raise InputError(name, f"proposal {slug!r}: description must be a string")
    return Proposal(
        slug=slug,
        title=title.strip(),
        description=description.strip(),
        terms=_text_list(table.get("terms"), name, slug, "terms"),
        bodies=_text_list(table.get("bodies"), name, slug, "bodies"),
    )


def parse_proposals(text: str, name: str = "<proposals>") -> list[Proposal]:
    """Proposals from TOML text; raises ``InputError`` naming the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(name, f"not valid TOML: {exc}") from exc
    tables = data.get("proposal", [])
    if not isinstance(tables, list):
        raise InputError(name, "proposals must be [[proposal]] tables")
    proposals: list[Proposal] = []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        proposal = proposal_from_table(table, name, index)
        if proposal.slug in seen:
            raise InputError(name, f"proposal {proposal.slug!r} is defined twice")
        seen.add(proposal.slug)
        proposals.append(proposal)
    return proposals


def load_proposals(path: str | Path) -> list[Proposal]:
    """Proposals from a TOML file."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    return parse_proposals(text, str(path))
