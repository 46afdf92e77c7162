"""Fixtures of the ledger tests: a throwaway PostgreSQL server per test module."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from pg_server import postgres_server


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    try:
        with postgres_server() as url:
            yield url
    except (FileNotFoundError, OSError) as exc:
        if os.environ.get("CI"):
            raise  # .ci/run installs PostgreSQL: a missing server is a broken CI, not a skip
        pytest.skip(f"PostgreSQL not available: {exc}")
