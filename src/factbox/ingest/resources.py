"""Loading the ingest data files shipped under ``factbox/data/ingest/``."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import Any


def load_ingest_table(file_name: str) -> dict[str, Any]:
    """Parse one TOML data file of the ingest stage."""
    resource = files("factbox").joinpath("data", "ingest", file_name)
    with resource.open("rb") as handle:
        return tomllib.load(handle)
