"""Finding attributions (cue, content, source spans) in a parsed document."""

from __future__ import annotations

from spacy.tokens import Doc

from factbox.records import Statement


def find_attributions(doc: Doc) -> list[Statement]:
    """Statements in text order, with ``speakers`` left empty and dates unset."""
    raise NotImplementedError
