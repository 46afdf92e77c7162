"""Votes of several members reported as lists (the sentences are written for these tests):
a group noun with the members after a colon or "namely", one label line a way ("Abstain: A,
B."), and a change of stance "from" one act "to" another, of which only the later holds."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import extracted
from spacy.language import Language

DAY = dt.date(2025, 3, 7)


def votes(nlp: Language, body: str) -> dict[str, tuple[str, tuple[str | None, ...]]]:
    """Each act statement's cue -> its content and its speakers' actor ids."""
    found = {}
    for statement in extracted(nlp, body, DAY):
        if statement.kind == "act":
            ids = tuple(speaker.actor_id for speaker in statement.speakers)
            found[statement.cue] = (statement.content, ids)
    return found


@pytest.mark.parametrize(
    ("body", "cue", "ids"),
    [
        (
            "Nine countries abstained: Austria, the Netherlands, Portugal and Sweden.",
            "abstained",
            ("AT", "NL", "PT", "SE"),
        ),
        (
            "Four member states voted against: Malta, Slovakia, Hungary and Cyprus.",
            "voted against",
            ("MT", "SK", "HU", "CY"),
        ),
    ],
)
def test_members_listed_after_a_colon_each_cast_the_vote(
    nlp: Language, body: str, cue: str, ids: tuple[str, ...]
) -> None:
    content, speakers = votes(nlp, body)[cue]
    assert speakers == ids
    assert "Portugal" not in content and "Malta" not in content


def test_members_named_after_namely_each_cast_the_vote_and_are_no_content(
    nlp: Language,
) -> None:
    body = (
        "Seven countries holding most of the votes backed the new plan namely Poland, "
        "Denmark, Ireland and Latvia."
    )
    ((content, speakers),) = votes(nlp, body).values()
    assert speakers == ("PL", "DK", "IE", "LV")
    assert "Poland" not in content and "namely" not in content
    assert "plan" in content


@pytest.mark.parametrize(
    ("line", "label", "ids"),
    [
        ("In favour: Austria, Belgium, Estonia, Ireland.", "In favour", ("AT", "BE", "EE", "IE")),
        ("Against: Malta, Slovakia.", "Against", ("MT", "SK")),
        ("Abstain: Portugal, Sweden, the Czech Republic.", "Abstain", ("PT", "SE", "CZ")),
    ],
)
def test_a_label_line_is_each_listed_member_s_vote_not_a_speaker_line(
    nlp: Language, line: str, label: str, ids: tuple[str, ...]
) -> None:
    body = f"This is how the members voted, a diplomat said:\n\n{line}\n\nThe tally was close."
    statements = extracted(nlp, body, DAY)
    assert all(s.source_text != label for s in statements)  # no one called "Abstain" speaks
    votes = [s for s in statements if s.kind == "act" and s.cue == label]
    assert [tuple(k.actor_id for k in s.speakers) for s in votes] == [ids]
    assert votes[0].content == label


def test_a_label_before_words_that_are_not_members_is_no_vote(nlp: Language) -> None:
    body = "Against: the idea that the levy would protect anyone.\n\nThe talks go on."
    assert not [s for s in extracted(nlp, body, DAY) if s.kind == "act" and s.cue == "Against"]


def test_a_colon_before_no_list_of_members_gives_no_listed_voters(nlp: Language) -> None:
    body = "Nine countries abstained: the talks will go on next week."
    assert all(not any(speakers) for _, speakers in votes(nlp, body).values())


def test_a_change_of_stance_keeps_the_later_act(nlp: Language) -> None:
    body = "Portugal also shifted its stance from supporting the duties to abstaining."
    found = votes(nlp, body)
    assert found.get("abstaining") == ("abstaining", ("PT",))
    assert "supporting" not in found


def test_supporting_a_text_without_a_change_is_kept(nlp: Language) -> None:
    body = "Portugal moved quickly, supporting the duties from the start."
    assert any("supporting" in cue for cue in votes(nlp, body))


def voters_of(nlp: Language, body: str, cue: str) -> tuple[str | None, ...]:
    """The speakers' actor ids of the act or reported statement with ``cue``."""
    (found,) = [s for s in extracted(nlp, body, DAY) if s.cue == cue]
    return tuple(speaker.actor_id for speaker in found.speakers)


@pytest.mark.parametrize(
    ("body", "cue", "ids"),
    [
        (
            "States that voted for the new levy were Austria, Denmark, Estonia, and Latvia.",
            "voted for",
            ("AT", "DK", "EE", "LV"),
        ),
        ("Malta was the only country that voted against the levy.", "voted against", ("MT",)),
        (
            "Malta and Cyprus were the only states that voted against the levy.",
            "voted against",
            ("MT", "CY"),
        ),
        # "those" stands for the group as a noun does; a participle tells the vote as a
        # relative clause does
        ("Those who voted against the levy were Malta and Cyprus.", "voted against",
         ("MT", "CY")),
        ("Those voting against the levy were Malta and Cyprus.", "voting against", ("MT", "CY")),
        (
            "The states voting in favour of the levy were Austria, Denmark and Latvia.",
            "voting in favour of",
            ("AT", "DK", "LV"),
        ),
    ],
)
def test_members_a_copula_names_as_the_voting_group_each_cast_the_vote(
    nlp: Language, body: str, cue: str, ids: tuple[str, ...]
) -> None:
    assert voters_of(nlp, body, cue) == ids


@pytest.mark.parametrize(
    "body",
    [
        "Many states that voted for the new levy were in the south.",
        "Those who voted for the new levy were in the south.",
        "Malta was a country that voted against the levy.",
    ],
)
def test_a_copula_to_no_list_or_to_one_member_without_only_names_no_voter(
    nlp: Language, body: str
) -> None:
    found = [s for s in extracted(nlp, body, DAY) if s.cue in ("voted for", "voted against")]
    assert all(speaker.actor_id is None for s in found for speaker in s.speakers)


def test_counted_labels_before_members_in_parentheses_are_each_way_s_votes(
    nlp: Language,
) -> None:
    body = (
        "The amendment was rejected by a vote of 4 in favour (Austria, Chile, Kenya, Peru) "
        "to 1 against (Norway), with 3 abstentions (Brazil, Mexico, Ghana)."
    )
    found = votes(nlp, body)
    assert found["in favour"][1] == ("AT", "CL", "KE", "PE")
    assert found["against"][1] == ("NO",)
    assert found["abstentions"][1] == ("BR", "MX", "GH")


@pytest.mark.parametrize(
    "body",
    [
        # the count does not match the members listed
        "The text was rejected by a vote of 3 in favour (Austria, Chile) to 1 against (Norway).",
        # no count before the label
        "Those in favour (Austria, Chile) lost the vote against Norway.",
        # the parenthesis holds no members
        "The text got 5 in favour (see the annex) and failed.",
    ],
)
def test_a_label_in_parentheses_without_a_matching_count_of_members_is_no_vote(
    nlp: Language, body: str
) -> None:
    assert "in favour" not in votes(nlp, body)
