"""Shared fixtures for the stance tests: the real pipeline, proposals, statements by hand."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import DEBATES, MakeStatement, statement_builder

from factbox.extract.nlp import load_nlp
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal

TROOPS = Proposal(
    slug="troops-to-ukraine",
    title="Send troops to Ukraine",
    description="NATO members or other Western states send ground troops to Ukraine",
    bodies=["nato"],
)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def troops() -> Proposal:
    return TROOPS


@pytest.fixture(scope="session")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [TROOPS])


@pytest.fixture(scope="session")
def make_statement(nlp: Language) -> MakeStatement:
    return statement_builder(nlp)


@pytest.fixture(scope="session")
def debates(nlp: Language) -> ProposalMatcher:
    """A matcher for the proposals of other debates (``stance_support.DEBATES``)."""
    return ProposalMatcher(nlp, DEBATES)
