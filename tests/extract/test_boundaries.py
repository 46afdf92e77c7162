"""PolNeAR content boundaries after extraction (boundaries.py), on made-up sentences."""

from __future__ import annotations

import dataclasses

import pytest
from spacy.language import Language

from factbox.extract.boundaries import adjust_boundaries, merge_same_cue
from factbox.records import Statement

# Written for these tests, in the shape of a quote split by its attribution across two
# sentences ("A," X said. "B."), as PolNeAR's news articles have it.
SPLIT = '"The port is closed," the harbour master said. "The ferries will wait."'
INTERRUPTED = (
    '"The port is closed," the harbour master said after the storm had passed. '
    '"The ferries will wait."'
)
ACROSS = '"The port is closed," the harbour master said.\n\n"The ferries will wait."'


def _statement(text: str, cue: str, content: str, source: str | None) -> Statement:
    """A statement over the first occurrence of each of its words in ``text``."""
    roles = (("cue", cue), ("content", content), ("source", source))
    spans = {role: (text.index(w), text.index(w) + len(w)) for role, w in roles if w}
    whole = (min(a for a, _ in spans.values()), max(b for _, b in spans.values()))
    return Statement(
        "direct",
        cue,
        spans["cue"],
        content,
        spans["content"],
        source or "",
        spans.get("source"),
        whole,
    )


def test_two_statements_of_one_cue_become_one_with_both_quotes(nlp: Language) -> None:
    doc = nlp(SPLIT)
    first = _statement(SPLIT, "said", "The port is closed", "the harbour master")
    second = _statement(SPLIT, "said", "The ferries will wait", None)
    (merged,) = adjust_boundaries(doc, [first, second])
    assert [SPLIT[a:b] for a, b in merged.content_pieces] == [
        "The port is closed",
        "The ferries will wait",
    ]
    assert merged.source_text == "the harbour master"
    assert merged.span == (first.span[0], second.content_span[1])


def test_a_cue_that_starts_at_the_same_word_is_the_same_cue(nlp: Language) -> None:
    doc = nlp(SPLIT)
    first = _statement(SPLIT, "said", "The port is closed", "the harbour master")
    second = _statement(SPLIT, "said", "The ferries will wait", None)
    longer_cue = dataclasses.replace(second, cue_span=(second.cue_span[0], second.cue_span[1] + 1))
    assert len(merge_same_cue(doc, [first, longer_cue])) == 1


def test_other_words_around_the_cue_still_join_the_quotes_as_pieces(nlp: Language) -> None:
    doc = nlp(INTERRUPTED)
    first = _statement(INTERRUPTED, "said", "The port is closed", "the harbour master")
    second = _statement(INTERRUPTED, "said", "The ferries will wait", None)
    (merged,) = merge_same_cue(doc, [first, second])
    assert [INTERRUPTED[a:b] for a, b in merged.content_pieces] == [
        "The port is closed",
        "The ferries will wait",
    ]


@pytest.mark.parametrize(
    ("text", "first_words", "second_words", "source"),
    [
        # a paragraph break between the quotes
        (ACROSS, "The port is closed", "The ferries will wait", "the harbour master"),
        # two contents on one side of the cue
        (
            "The harbour master said the port is closed after the storm, and the ferries wait.",
            "the port is closed",
            "the ferries wait",
            "The harbour master",
        ),
        # pieces around the cue with other words beside it, but no quote marks
        (
            "The port is closed, the harbour master said after the storm. The ferries will wait.",
            "The port is closed",
            "The ferries will wait",
            "the harbour master",
        ),
    ],
)
def test_contents_of_one_cue_that_stay_apart(
    nlp: Language, text: str, first_words: str, second_words: str, source: str
) -> None:
    doc = nlp(text)
    first = _statement(text, "said", first_words, source)
    second = _statement(text, "said", second_words, None)
    assert merge_same_cue(doc, [first, second]) == [first, second]


def test_different_sources_of_one_cue_stay_two_statements(nlp: Language) -> None:
    doc = nlp(SPLIT)
    first = _statement(SPLIT, "said", "The port is closed", "the harbour master")
    second = _statement(SPLIT, "said", "The ferries will wait", "The ferries")
    assert merge_same_cue(doc, [first, second]) == [first, second]


# Written for these tests, in the shape of a PolNeAR dev sentence whose attribution stands
# between the reported clause's subject and its verb; the annotators mark the subject as the
# content's first piece.
PARENTHETICAL = "The island, as one of the advisers pointed out, rarely gets two storms in a row."


def _adjusted_pieces(nlp: Language, text: str, cue: str, content: str, source: str) -> list[str]:
    """The content pieces (as text) of one statement over ``text`` after the adjustments."""
    (adjusted,) = adjust_boundaries(nlp(text), [_statement(text, cue, content, source)])
    return [text[a:b] for a, b in adjusted.content_pieces]


def test_a_subject_before_a_parenthetical_attribution_is_a_content_piece(nlp: Language) -> None:
    doc = nlp(PARENTHETICAL)
    content = "rarely gets two storms in a row"
    statement = _statement(PARENTHETICAL, "pointed out", content, "one of the advisers")
    (adjusted,) = adjust_boundaries(doc, [statement])
    assert [PARENTHETICAL[a:b] for a, b in adjusted.content_pieces] == ["The island", content]
    assert adjusted.span[0] == 0
    sourceless = dataclasses.replace(statement, source_span=None, source_text="")
    (kept,) = adjust_boundaries(doc, [sourceless])  # nothing says where the aside begins
    assert kept.content_pieces == ()


# Written for these tests, in the shape of PolNeAR train sentences whose cue stands in a
# relative clause: the annotators start the content at the relative word ("which he said
# would ...", "what aides called ..."), the source and cue being the gap between the pieces.
RELATIVE = "The council passed the levy, which the mayor said would pay for the new bridge."
PIED_PIPED = "The mayor gave a speech in which she said the levy would pay for the bridge."


def test_a_relative_word_before_the_attribution_is_a_content_piece(nlp: Language) -> None:
    content = "would pay for the new bridge"
    pieces = _adjusted_pieces(nlp, RELATIVE, "said", content, "the mayor")
    assert pieces == ["which", content]


def test_a_relative_word_after_a_preposition_is_left_out(nlp: Language) -> None:
    content = "the levy would pay for the bridge"
    assert _adjusted_pieces(nlp, PIED_PIPED, "said", content, "she") == []


def test_a_content_that_opens_with_its_own_cue_starts_after_it(nlp: Language) -> None:
    content = "said would pay for the new bridge"
    pieces = _adjusted_pieces(nlp, RELATIVE, "said", content, "the mayor")
    assert pieces == ["which", "would pay for the new bridge"]
    doc = nlp(RELATIVE)
    bare = _statement(RELATIVE, "said", "said", "the mayor")
    (kept,) = adjust_boundaries(doc, [bare])  # nothing after the cue: the piece is kept
    assert RELATIVE[kept.content_span[0] : kept.content_span[1]].endswith("said")
