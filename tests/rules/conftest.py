"""Shared bodies for the rules tests: the shipped ones, and the made-up QMV bodies."""

from __future__ import annotations

import pytest
from qmv_fixtures import TEN, TWENTY, qmv_body

from factbox.rules import Body, load_body_file
from factbox.rules.bodies import SHIPPED_BODIES


@pytest.fixture(scope="session")
def shipped() -> dict[str, Body]:
    # Read the files directly so a FACTBOX_BODIES set in the environment cannot interfere.
    bodies = (load_body_file(path) for path in sorted(SHIPPED_BODIES.glob("*.json")))
    return {body.id: body for body in bodies}


@pytest.fixture(scope="session")
def twenty() -> Body:
    assert sum(TWENTY.values()) == 2000 and len(TWENTY) == 20
    return qmv_body(TWENTY)


@pytest.fixture(scope="session")
def ten() -> Body:
    assert sum(TEN.values()) == 1000 and len(TEN) == 10
    return qmv_body(TEN)
