"""Speakers who speak with someone else's voice (the sentences are written for these tests):
a spokesperson of an office or of a person named by a pronoun speaks for that office's or
person's state, and a "we" or "I" whose words another statement reports speaks for that
statement's speakers."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from extract_support import plain_article
from spacy.language import Language

from factbox.extract.pipeline import extract_article
from factbox.ingest import prepare_article
from factbox.records import SourceItem, Statement

DAY = dt.date(2016, 10, 20)


def statements(nlp: Language, body: str, place: str | None = None) -> list[Statement]:
    return extract_article(nlp(body), plain_article(body, DAY, place)).statements


def actor_of(nlp: Language, body: str, text: str, place: str | None = None) -> str | None:
    found = [s for st in statements(nlp, body, place) for s in st.speakers if s.text == text]
    assert found, (text, [s.text for st in statements(nlp, body, place) for s in st.speakers])
    return found[-1].actor_id


@pytest.mark.parametrize(
    ("body", "source", "actor"),
    [
        (
            "The Danish prime minister, Lars Holm, met the king. The prime minister's spokesman "
            "said the government would back the pact.",
            "The prime minister's spokesman",
            "DK",
        ),
        (
            "Danish Prime Minister Lars Holm met the king. A spokeswoman for the prime minister "
            "said the government would back the pact.",
            "A spokeswoman for the prime minister",
            "DK",
        ),
        (
            "Danish Prime Minister Lars Holm met the king. His spokesman said the government "
            "would back the pact.",
            "His spokesman",
            "DK",
        ),
        # controls: the office's own country (read before), no holder named, or the
        # principal speaks for no state
        (
            "The Danish president's spokeswoman said the government would back the pact.",
            "The Danish president's spokeswoman",
            "DK",
        ),
        (
            "The prime minister's spokesman said the government would back the pact.",
            "The prime minister's spokesman",
            None,
        ),
        (
            "The casino owner Lars Holm gave money to the party. His spokesman said the owner "
            "would back the pact.",
            "His spokesman",
            None,
        ),
    ],
)
def test_a_spokesperson_speaks_for_the_principal_s_state(
    nlp: Language, body: str, source: str, actor: str | None
) -> None:
    assert actor_of(nlp, body, source) == actor


def test_a_spokesperson_of_an_office_takes_the_dateline_s_state(nlp: Language) -> None:
    body = "The prime minister's spokesman said the government would back the pact."
    assert actor_of(nlp, body, "The prime minister's spokesman", place="COPENHAGEN") == "DK"


@pytest.mark.parametrize(
    ("body", "cue", "actor"),
    [
        (
            "Lars Holm, the Danish ambassador, spoke after the vote. We think that the draft "
            "will pass, he said.",
            "think",
            "DK",
        ),
        (
            "The Danish ambassador told reporters that we believe the draft will pass.",
            "believe",
            "DK",
        ),
        # control: the words are not a state speaker's
        (
            "Critics of the plan told reporters that we believe the draft will pass.",
            "believe",
            None,
        ),
    ],
)
def test_a_first_person_source_speaks_with_the_voice_that_reports_it(
    nlp: Language, body: str, cue: str, actor: str | None
) -> None:
    found = [s for s in statements(nlp, body) if s.cue == cue]
    assert len(found) == 1, [(s.cue, s.content) for s in statements(nlp, body)]
    assert [speaker.actor_id for speaker in found[0].speakers] == [actor]


POLNEAR = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear"


def polnear_statements(nlp: Language, split: str, stem: str) -> list[Statement]:
    """The statements of a PolNeAR article (``split/text/stem.txt``) as ingest reads it."""
    path = POLNEAR / split / "text" / f"{stem}.txt"
    if not path.is_file():
        pytest.skip("PolNeAR corpus not available")
    item = SourceItem(name=stem, format="text", raw=path.read_text(encoding="utf-8"), key=stem)
    article = replace(prepare_article(item), published=DAY)
    return extract_article(nlp(article.body), article).statements


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "The quarrel began at once, as Jan Holm, contradicting his guest, said he had told "
            "him at the start that Denmark would not pay for the bridge.",
            "Jan Holm",
        ),
        (
            "The row began even before he had left the city, as Jan Holm, contradicting him, "
            "said he had told him that Denmark would not pay for the bridge.",
            "Jan Holm",
        ),
        (
            "The quarrel began at once, as Jan Holm said that Denmark would not pay for it.",
            "Jan Holm",
        ),
    ],
)
def test_the_subject_of_an_as_clause_read_as_a_preposition_s_object_speaks(
    nlp: Language, body: str, source: str
) -> None:
    said = [s for s in statements(nlp, body) if s.cue == "said"]
    assert [s.source_text for s in said] == [source]
    assert "Denmark would not pay" in said[0].content


def test_as_with_a_noun_that_says_nothing_is_no_source(nlp: Language) -> None:
    assert statements(nlp, "Prices rose as demand said nothing.") == []


def test_an_as_clause_s_speaker_in_polnear(nlp: Language) -> None:
    found = polnear_statements(
        nlp, "train", "wash-post_2016-09-01_trump-appeared-to-break-down-wal"
    )
    said = [s for s in found if s.cue == "said" and "would not pay" in s.content]
    assert [s.speakers[0].actor_id for s in said] == ["MX"]


@pytest.mark.parametrize(
    ("body", "source", "actor"),
    [
        (
            "Peru's foreign ministry said the pact was fair. The ministry added that it would "
            "sign the pact.",
            "The ministry",
            "PE",
        ),
        (
            "The Chilean embassy in Lima issued a note on Friday. The embassy said the pact "
            "was fair.",
            "The embassy",
            "CL",
        ),
        (
            'The delegation of Uruguay spoke after the vote. "We regret that the Council '
            'failed to act," the delegation said.',
            "the delegation",
            "UY",
        ),
        # controls: nothing named it before, or what named it speaks for no state
        ("The ministry said the pact was fair.", "The ministry", None),
        (
            "The regional government of the Belgian province met on Friday. The government "
            "said the pact was unfair.",
            "The government",
            None,
        ),
    ],
)
def test_a_bare_office_or_institution_is_the_one_named_before(
    nlp: Language, body: str, source: str, actor: str | None
) -> None:
    assert actor_of(nlp, body, source) == actor


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        ("The Peruvian ambassador said the text was balanced.", "PE"),
        ("The Senegalese foreign minister said the text was balanced.", "SN"),
        ("The Sri Lankan delegation said the text was balanced.", "LK"),
        ("The Malaysian envoy said the text was balanced.", "MY"),
    ],
)
def test_nationality_words_of_more_states(nlp: Language, body: str, actor: str) -> None:
    (statement,) = statements(nlp, body)
    assert [speaker.actor_id for speaker in statement.speakers] == [actor]


@pytest.mark.parametrize(
    ("body", "cue", "source", "content"),
    [
        (
            "The senator seemed hopeful that the country could take in more families.",
            "seemed hopeful",
            "The senator",
            "the country could take in more families",
        ),
        (
            "The minister was very optimistic that the pact could be signed next week.",
            "was very optimistic",
            "The minister",
            "the pact could be signed next week",
        ),
        (
            "Jan Holm remains convinced that the pact is fair.",
            "remains convinced",
            "Jan Holm",
            "the pact is fair",
        ),
    ],
)
def test_a_belief_held_in_an_adjective_after_a_copula(
    nlp: Language, body: str, cue: str, source: str, content: str
) -> None:
    found = [s for s in statements(nlp, body) if s.cue == cue]
    assert [(s.kind, s.source_text, s.content) for s in found] == [("belief", source, content)]


@pytest.mark.parametrize(
    "body",
    [
        "It is certain that the vote will be close.",  # nobody's belief
        "The weather is sure to be fine.",  # no clause
        "The minister was hopeful.",
    ],
)
def test_no_belief_without_a_believer_and_a_clause(nlp: Language, body: str) -> None:
    assert statements(nlp, body) == []


def test_a_belief_held_in_an_adjective_in_polnear(nlp: Language) -> None:
    found = polnear_statements(nlp, "train", "wash-post_2015-12-20_marco-rubio-s-strategic-stances")
    hopeful = [s for s in found if s.cue.endswith("hopeful")]
    assert [s.source_text for s in hopeful] == ["Rubio"]
    assert "accept more refugees" in hopeful[0].content


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        (
            "Statement delivered by Ambassador Lars Holm, Permanent Representative of Denmark "
            "to the United Nations\n\nWe had hoped that the Council would agree on a text.",
            "DK",
        ),
        (
            "Explanation of vote by Lars Holm, the Danish ambassador\n\nThank you, Mr "
            "President. We had hoped that the Council would agree on a text.",
            "DK",
        ),
        # controls: no line says who delivers it, or its speaker speaks for no state
        ("Thank you, Mr President. We had hoped that the Council would agree on a text.", None),
        (
            "Statement by Lars Holm, the opposition leader\n\nWe had hoped that the Council "
            "would agree on a text.",
            None,
        ),
    ],
)
def test_a_first_person_in_a_transcript_is_whoever_delivers_it(
    nlp: Language, body: str, actor: str | None
) -> None:
    found = [s for s in statements(nlp, body) if s.cue == "had hoped"]
    assert [speaker.actor_id for s in found for speaker in s.speakers] == [actor]
