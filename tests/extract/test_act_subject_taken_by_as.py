"""An act in an "as" clause whose subject the parser hung on "as" as its object ("..., as
[a small group of countries led by Hungary] opposes an oil embargo"): the clause's own
subject holds the act, never the main clause's speaker. Sentences written for these tests
in the shape of 2022 reporting on EU sanctions."""

from __future__ import annotations

import datetime as dt

from extract_support import extracted
from spacy.language import Language

DAY = dt.date(2022, 5, 16)
BODY = (
    "The European Union's top diplomat says there is no guarantee that the 27-nation bloc "
    "will be able to quickly agree on a new set of sanctions against the kingdom, as a small "
    "group of countries led by Hungary opposes a steel embargo."
)


def test_the_as_clause_subject_holds_the_act(nlp: Language) -> None:
    doc = nlp(BODY)
    verb = next(t for t in doc if t.lower_ == "opposes")
    mark = next(c for c in verb.children if c.lower_ == "as")
    # the shape: "as" marks the verb and took its subject as an object
    assert mark.dep_ == "mark" and any(c.dep_ == "pobj" for c in mark.children)
    acts = [s for s in extracted(nlp, BODY, DAY) if s.kind == "act" and s.cue == "opposes"]
    assert acts, "the act must be found"
    speakers = [k.text for s in acts for k in s.speakers]
    assert all("diplomat" not in text for text in speakers)
    assert any("group of countries" in text for text in speakers)


def test_the_main_clause_keeps_its_speaker(nlp: Language) -> None:
    says = [s for s in extracted(nlp, BODY, DAY) if s.cue == "says"]
    assert says and says[0].speakers[0].actor_id == "EU"
