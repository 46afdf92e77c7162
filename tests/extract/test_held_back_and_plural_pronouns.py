"""Extraction on shapes of 2016 reporting on deals in international bodies, in sentences
written for these tests: a noun of holding back or resisting told with its holder ("Tokyo's
reluctance to support the draft", "Berlin's resistance to the embargo") is that holder's
act, never a speaker named by the whole noun phrase; and a "they" after a sentence whose
subject is a plural noun stands for that noun, not for a group that spoke before it."""

from __future__ import annotations

import datetime as dt

from extract_support import extracted
from spacy.language import Language

DAY = dt.date(2016, 12, 21)


def test_a_reluctance_to_support_is_its_holders_act_and_no_speaker(nlp: Language) -> None:
    body = (
        "The ambassador criticized Tokyo's apparent reluctance to support the draft "
        "resolution. She also questioned Berlin's resistance to an arms embargo. Officials "
        "regretted Belgium's inability to sign the trade deal."
    )
    found = extracted(nlp, body, DAY)
    by_cue = {s.cue: s for s in found}
    reluctance = by_cue["reluctance"]
    assert [k.actor_id for k in reluctance.speakers] == ["JP"]
    assert reluctance.content == "to support the draft resolution"
    resistance = by_cue["resistance to"]
    assert [k.actor_id for k in resistance.speakers] == ["DE"]


def test_they_stands_for_the_nearer_plural_subject(nlp: Language) -> None:
    body = (
        "The United Nations and rights groups said the plan could be illegal.\n\n"
        "The 28 leaders were taken by surprise by the offer.\n\n"
        "Unable to sign up to firm commitments, they agreed to wrap up the plan next week."
    )
    found = extracted(nlp, body, DAY)
    agreed = [s for s in found if s.cue == "agreed"]
    assert agreed, [(s.source_text, s.cue) for s in found]
    assert all(k.actor_id != "UN" for k in agreed[0].speakers)


def test_they_after_a_group_that_spoke_still_stands_for_it(nlp: Language) -> None:
    body = (
        "The United Nations and rights groups said the plan could be illegal.\n\n"
        "They said it would also break the refugee convention."
    )
    found = extracted(nlp, body, DAY)
    second = [s for s in found if s.source_text == "They"]
    assert second and "UN" in [k.actor_id for k in second[0].speakers]
