"""What the pages call a country: its short English name from factbox's actor data
("Czechia", "Russia", "United States"), which is also what newsrooms write."""

from __future__ import annotations

import pycountry

from factbox.extract.actors import actor_index


def country_name(actor_id: str) -> str:
    """A country's short English name as factbox's actor data gives it ("Czechia", "Russia",
    "United States"), else pycountry's, else ``actor_id``."""
    known = actor_index().actor(actor_id)
    if known is not None and known.kind == "country":
        return known.name
    country = pycountry.countries.get(alpha_2=actor_id)
    if country is None:
        return actor_id
    return str(getattr(country, "common_name", None) or country.name)


def is_country(actor_id: str | None) -> bool:
    if not actor_id or len(actor_id) != 2:
        return False
    known = actor_index().actor(actor_id)
    return (known is not None and known.kind == "country") or (
        pycountry.countries.get(alpha_2=actor_id) is not None
    )
