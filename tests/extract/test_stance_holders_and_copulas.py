"""Stance acts that no act verb carries, in shapes of political news (the sentences are
written for these tests): a noun that names its holder ("a vocal opponent of the pact"), a
copula with a phrase ("is against it", "was in favor of it"), a passive of state ("is
opposed to it"), an act someone was brought to ("forced her to distance herself from it"),
examples the parser hung on the act's verb, and an act turned "before" another."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import plain_article
from spacy.language import Language

from factbox.extract.pipeline import extract_article
from factbox.stance.classify import act_cues
from factbox.stance.lexicon import load_acts

DAY = dt.date(2016, 9, 7)


def acts(nlp: Language, body: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(cue, content, speakers' names as written) of each act statement."""
    found = extract_article(nlp(body), plain_article(body, DAY)).statements
    return [(s.cue, s.content, tuple(k.text for k in s.speakers)) for s in found if s.kind == "act"]


def act_stances(nlp: Language, body: str) -> list[str]:
    """The stance the stance stage reads from each act statement's cue (innermost act)."""
    doc = nlp(body)
    found = extract_article(doc, plain_article(body, DAY)).statements
    table = load_acts()
    return [act_cues(doc, s, table)[0][1] for s in found if s.kind == "act"]


@pytest.mark.parametrize(
    ("body", "expected", "stance"),
    [
        (
            "Senator Harlan Brooks has been a vocal opponent of the pipeline treaty.",
            ("opponent of", "the pipeline treaty", ("Senator Harlan Brooks",)),
            "opposes",
        ),
        (
            "Governor Ada Price, a longtime supporter of the border fence, spoke in Ohio.",
            ("supporter of", "the border fence", ("Governor Ada Price",)),
            "supports",
        ),
        (
            "A longtime backer of the border fence, Governor Ada Price spoke in Ohio.",
            ("backer of", "the border fence", ("Governor Ada Price",)),
            "supports",
        ),
        (
            "Mayor Tom Reyes is a fierce critic of the tariff plan.",
            ("critic of", "the tariff plan", ("Mayor Tom Reyes",)),
            "opposes",
        ),
    ],
)
def test_a_noun_names_its_holder(
    nlp: Language, body: str, expected: tuple[str, str, tuple[str, ...]], stance: str
) -> None:
    assert acts(nlp, body) == [expected]
    assert act_stances(nlp, body) == [stance]


def test_a_negated_copula_or_a_person_without_the_noun_gives_no_holder(nlp: Language) -> None:
    assert acts(nlp, "Senator Harlan Brooks is not a supporter of the pipeline treaty.") == []
    assert acts(nlp, "Senator Harlan Brooks met a supporter of the pipeline treaty.") == []


@pytest.mark.parametrize(
    ("body", "cue", "stance"),
    [
        ("Senator Harlan Brooks is against the pipeline treaty.", "is against", "opposes"),
        (
            "Senator Harlan Brooks was firmly against the pipeline treaty.",
            "was firmly against",
            "opposes",
        ),
        ("Senator Harlan Brooks is not against the pipeline treaty.", "is not against", "open"),
        ("Senator Harlan Brooks is in favor of the pipeline treaty.", "is in favor of", "supports"),
        ("Senator Harlan Brooks was for the pipeline treaty.", "was for", "supports"),
    ],
)
def test_a_copula_and_a_phrase_state_a_position(
    nlp: Language, body: str, cue: str, stance: str
) -> None:
    assert acts(nlp, body) == [(cue, "the pipeline treaty", ("Senator Harlan Brooks",))]
    assert act_stances(nlp, body) == [stance]


@pytest.mark.parametrize(
    "body",
    [
        "Senator Harlan Brooks was in Ottawa for the pipeline talks.",
        "Senator Harlan Brooks was there for the vote on the pipeline treaty.",
        "Senator Harlan Brooks was for years a member of the trade committee.",
        "Senator Harlan Brooks said he was against the pipeline treaty.",
    ],
)
def test_a_copula_with_a_place_a_time_or_a_saying_above_states_no_act(
    nlp: Language, body: str
) -> None:
    assert [a for a in acts(nlp, body) if a[0] in ("was for", "was against")] == []


def test_a_passive_of_state_is_held_by_its_subject(nlp: Language) -> None:
    assert acts(nlp, "Senator Harlan Brooks is opposed to the pipeline treaty.") == [
        ("is opposed to", "the pipeline treaty", ("Senator Harlan Brooks",))
    ]
    assert acts(nlp, "Senator Harlan Brooks, who is opposed to the pipeline treaty, spoke.") == [
        ("is opposed to", "the pipeline treaty", ("Senator Harlan Brooks",))
    ]
    # an agent names the one acting: the subject is what was acted on
    assert acts(nlp, "The pipeline treaty was opposed by Senator Harlan Brooks.") == [
        ("was opposed", "The pipeline treaty", ("Senator Harlan Brooks",))
    ]


def test_a_verb_with_its_own_object_keeps_it_before_a_to_phrase(nlp: Language) -> None:
    assert acts(nlp, "Senator Harlan Brooks opposed the pipeline treaty to the end.") == [
        ("opposed", "the pipeline treaty", ("Senator Harlan Brooks",))
    ]


def test_signing_on_to_a_text_is_an_act(nlp: Language) -> None:
    assert acts(nlp, "Senator Harlan Brooks signed on to the pipeline treaty.") == [
        ("signed on to", "the pipeline treaty", ("Senator Harlan Brooks",))
    ]
    assert act_stances(nlp, "Senator Harlan Brooks signed on to the pipeline treaty.") == [
        "supports"
    ]


def test_one_brought_to_an_act_holds_it(nlp: Language) -> None:
    body = "The union vote forced Senator Harlan Brooks to abandon the pipeline treaty."
    assert acts(nlp, body) == [("to abandon", "the pipeline treaty", ("Senator Harlan Brooks",))]
    # asked to act is not acting
    asked = "The union urged Senator Harlan Brooks to abandon the pipeline treaty."
    assert [a for a in acts(nlp, asked) if a[2] == ("Senator Harlan Brooks",)] == []


def test_examples_hung_on_the_act_verb_join_its_content(nlp: Language) -> None:
    body = "Senator Harlan Brooks rejected the trade proposals, including the pipeline treaty."
    assert acts(nlp, body) == [
        (
            "rejected",
            "the trade proposals, including the pipeline treaty",
            ("Senator Harlan Brooks",),
        )
    ]


@pytest.mark.parametrize(
    ("body", "cue", "stance"),
    [
        (
            "Senator Harlan Brooks was for the pipeline treaty before he was against it.",
            "was against",
            "opposes",
        ),
        (
            "Senator Harlan Brooks backed the pipeline treaty before he rejected it.",
            "rejected",
            "opposes",
        ),
    ],
)
def test_an_act_turned_before_another_on_the_same_thing_keeps_the_later(
    nlp: Language, body: str, cue: str, stance: str
) -> None:
    assert acts(nlp, body) == [(cue, "the pipeline treaty", ("Senator Harlan Brooks",))]
    assert act_stances(nlp, body) == [stance]


def test_an_act_before_something_else_stays(nlp: Language) -> None:
    body = "Senator Harlan Brooks backed the pipeline treaty before he left the Senate."
    assert acts(nlp, body) == [("backed", "the pipeline treaty", ("Senator Harlan Brooks",))]
