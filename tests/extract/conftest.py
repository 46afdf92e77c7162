"""Shared fixtures for extraction tests: one real spaCy pipeline per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factbox.extract.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()
