"""schemathesis over the app's own OpenAPI schema, against the real server on loopback:
requests generated from the schema (and mutations of them) never get a server error."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest
from conftest import LiveFactory, Stored
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from support import save_troops_proposal

from factbox.web import WebSettings

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import not_a_server_error  # noqa: E402

EXAMPLES = 25
"""Per operation and mode (valid requests, and requests the schema says are invalid)."""


@pytest.fixture
def web_schema(live: LiveFactory, stored: Stored) -> object:
    save_troops_proposal(stored.ledger)
    server = live(WebSettings(salt="schemathesis", rate_limit=10**9))
    return schemathesis.openapi.from_url(f"{server.url}/openapi.json")


def test_the_api_never_answers_a_server_error(web_schema: object) -> None:
    # Each operation's cases come from schemathesis' Hypothesis strategy (its pytest plugin
    # does not run under this pytest); the check is schemathesis' own: no 5xx answer.
    operations = [result.ok() for result in web_schema.get_all_operations()]  # type: ignore[attr-defined]
    assert {op.path for op in operations} >= {"/api/articles/{article_id}", "/api/reports"}
    calls: Counter[str] = Counter()
    modes = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
    for operation, mode in itertools.product(operations, modes):
        name = f"{operation.method.upper()} {operation.path} ({mode.value})"

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(mode))
        def call(case: object) -> None:
            calls[name] += 1  # noqa: B023 (the test runs before the loop moves on)
            case.call_and_validate(checks=[not_a_server_error])  # type: ignore[attr-defined]

        try:
            call()
        except Unsatisfiable:  # nothing to get wrong (no parameters, no body)
            assert mode is schemathesis.GenerationMode.NEGATIVE, name
    assert len(calls) >= len(operations) and min(calls.values()) > 0
