"""Who speaks for a state, in shapes of wire copy on a vote of member states (the sentences are
written for these tests): a body named with a country's nationality word (an association, a
company, an industry) is not the state, nor is its president; a "he" after a sentence naming
a foreign counterpart is the speaker whose quotes continue, not a name inside what he says;
an anonymous government source is the government the sentence before names, while "EU
sources" and the member states as a group are not the EU; a weekday after the speaker's
name dates the saying and stays out of the speaker; the subjects of "X and Y were among
those urging ..." speak."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import plain_article, speaker_actor
from spacy.language import Language

from factbox.extract.pipeline import extract_article
from factbox.records import Speaker, Statement

DAY = dt.date(2024, 10, 5)  # a Saturday


def statements(nlp: Language, body: str) -> list[Statement]:
    return extract_article(nlp(body), plain_article(body, DAY)).statements


def speakers(nlp: Language, body: str) -> list[Speaker]:
    return [speaker for statement in statements(nlp, body) for speaker in statement.speakers]


def actor_of(nlp: Language, body: str, text: str) -> str | None:
    return speaker_actor(nlp, body, text, DAY)


@pytest.mark.parametrize(
    ("body", "source", "actor"),
    [
        (
            '"In the end, the duties will not help anyone," said Marko Kovac, president of the'
            " Slovak Electric Car Owners Association.",
            "Marko Kovac, president of the Slovak Electric Car Owners Association",
            None,
        ),
        (
            "German carmakers on Saturday warned that buyers could face higher prices.",
            "German carmakers",
            None,
        ),
        (
            "The head of the Italian farmers' union, Luca Rossi, said the duties were a mistake.",
            "The head of the Italian farmers' union, Luca Rossi",
            None,
        ),
        (
            "The Austrian car industry warned of a trade war.",
            "The Austrian car industry",
            None,
        ),
        # offices and states keep their country
        (
            "The German Industry Minister said the duties were a mistake.",
            "The German Industry Minister",
            "DE",
        ),
        (
            "German Industry Minister Jan Rolf said the duties were a mistake.",
            "German Industry Minister Jan Rolf",
            "DE",
        ),
        ("The Slovak government said the duties were a mistake.", "The Slovak government", "SK"),
        # a delegate at a meeting, "the speaker for" a state, is its voice; a Speaker of a
        # parliament is no state's
        (
            "The speaker for the Kingdom of Norway said the duties were a mistake.",
            "The speaker for the Kingdom of Norway",
            "NO",
        ),
        # a state's vote is its own act
        ("Norway's vote on Monday favoured the duties.", "Norway's vote on Monday", "NO"),
        (
            "The Speaker of the Norwegian parliament said the duties were a mistake.",
            "The Speaker of the Norwegian parliament",
            None,
        ),
        (
            "France backs a European Union plan to impose the duties.",
            "a European Union plan",
            "EU",
        ),
    ],
)
def test_a_body_named_with_a_nationality_is_not_the_state(
    nlp: Language, body: str, source: str, actor: str | None
) -> None:
    assert actor_of(nlp, body, source) == actor


def test_a_body_s_president_named_again_is_not_the_state(nlp: Language) -> None:
    body = (
        "Marko Kovac, president of the Slovak Electric Car Owners Association, spoke in"
        " Bratislava. Kovac said the duties would only harm buyers."
    )
    assert actor_of(nlp, body, "Kovac") is None


COUNTERPART = (
    "Greek Foreign Minister Nikos Dendias said in New York late Monday that Greece opposes the"
    " union's duties on imported cars.\n\n"
    "Earlier, Dendias met with his Chinese counterpart, Wang Yi, to discuss the agreements"
    " signed in May and the ties between Europe and China.\n\n"
    'He said that the union could do "much better" if it worked with China.\n\n'
    'In that context, levying duties on Chinese EVs is "a very bad idea," he said, adding that'
    ' carmakers are "fighting the measure hard."\n\n'
    '"Greece is against the duties and will vote against them. And we hope for a sensible'
    ' cooperation with China," he said.'
)


def test_a_pronoun_after_a_counterpart_is_the_speaker_whose_quotes_continue(
    nlp: Language,
) -> None:
    pronouns = [s for s in speakers(nlp, COUNTERPART) if s.text.lower() == "he"]
    assert len(pronouns) == 4
    assert {(s.name, s.actor_id) for s in pronouns} == {("Nikos Dendias", "GR")}


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        ("Greece is against the duties and we will vote against them", ("Nikos Dendias", "GR")),
        # nothing in these words says whose they are: the subject just before
        ("The duties are a mistake and we will say so", ("Wang Yi", "CN")),
    ],
)
def test_a_pronoun_whose_words_speak_as_a_country_is_that_country_s_speaker(
    nlp: Language, quote: str, speaker: tuple[str, str]
) -> None:
    body = (
        "Greek Foreign Minister Nikos Dendias said on Monday that Greece opposes the duties.\n\n"
        "Earlier, Dendias met with his Chinese counterpart, Wang Yi, in New York.\n\n"
        "Chinese Foreign Minister Wang Yi is on a tour of Europe this week.\n\n"
        f'"{quote}," he said.'
    )
    pronouns = [s for s in speakers(nlp, body) if s.text == "he"]
    assert [(s.name, s.actor_id) for s in pronouns] == [speaker]


@pytest.mark.parametrize(
    ("body", "source", "actor"),
    [
        (
            "After quarrels in the coalition, Austrian Chancellor Karl Brandt is now making the"
            " decision. Government circles say that Brandt has decided that the government will"
            " vote against the duties.",
            "Government circles",
            "AT",
        ),
        ("Government sources said the duties would pass.", "Government sources", None),
        ("Diplomats said the duties would pass.", "Diplomats", None),
        ("EU sources said the member states had backed the duties.", "EU sources", None),
        (
            "EU Member States voted in favour of the Commission's proposal.",
            "EU Member States",
            None,
        ),
        (
            "German government sources said the duties would fail.",
            "German government sources",
            "DE",
        ),
        ("EU officials said the duties were needed.", "EU officials", "EU"),
    ],
)
def test_anonymous_sources_speak_for_a_government_the_text_names(
    nlp: Language, body: str, source: str, actor: str | None
) -> None:
    assert actor_of(nlp, body, source) == actor


def test_a_weekday_after_the_name_dates_the_saying_and_is_no_speaker(nlp: Language) -> None:
    body = (
        '"Duties on imported cars would be wrong ... trade wars only have losers," said Austrian'
        " Finance Minister Hans Weber Thursday on X, former Twitter, after a call by the"
        " chancellor."
    )
    statement = statements(nlp, body)[0]
    assert [(s.text, s.actor_id) for s in statement.speakers] == [
        ("Austrian Finance Minister Hans Weber", "AT")
    ]
    assert statement.said_on == dt.date(2024, 10, 3)


def test_the_subjects_of_were_among_those_urging_speak(nlp: Language) -> None:
    body = (
        "Poland, British Foreign Secretary Jane Hart and the German Foreign Office were among"
        " those urging the government to act quickly."
    )
    found = [s for s in speakers(nlp, body) if s.text != "those"]
    assert [s.actor_id for s in found] == ["PL", "GB", "DE"]


def welcomers(nlp: Language, body: str) -> set[str | None]:
    return {
        speaker.actor_id
        for statement in statements(nlp, body)
        if statement.cue == "welcomed"
        for speaker in statement.speakers
    }


@pytest.mark.parametrize(
    "opening",
    [
        "Trade ministers of four Nordic countries met in Oslo on Monday and welcomed the duties.",
        # a wire dateline the parser took for the subject
        "OSLO, Oct. 5 (Newswire) - Trade ministers of four Nordic countries met in Oslo on "
        "Monday and welcomed the duties.",
    ],
)
def test_counted_countries_are_those_the_next_sentence_names_when_the_count_agrees(
    nlp: Language, opening: str
) -> None:
    named = (
        "\n\nNorwegian Trade Minister Kari Dahl spoke to reporters after meeting her Danish, "
        "Swedish and Finnish counterparts."
    )
    assert welcomers(nlp, opening + named) == {"NO", "DK", "SE", "FI"}
    # three named for a count of four: who the fourth is is not said
    fewer = named.replace(" Danish,", "")
    assert welcomers(nlp, opening + fewer) <= {None}
