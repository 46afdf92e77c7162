"""Who speaks, when and whether at all, in shapes of wire and government copy on a vote of
member states (the sentences are written for these tests): a minister or an ambassador
named with an office and no country speaks for the country the sentence before is about;
an office the parser split off as a subject of its own is the name's title; a party in
brackets is no office; a month is no person a "he" can stand for; the second clause of a
vote list has its own subject; defending one's own agreement is a stance act; "the EU's top
diplomat" is the EU's office; a writer's figures of a plan are no statement."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import plain_article, speaker_actor
from spacy.language import Language

from factbox.extract.pipeline import extract_article
from factbox.records import Statement

DAY = dt.date(2015, 9, 23)  # a Wednesday


def statements(nlp: Language, body: str) -> list[Statement]:
    return extract_article(nlp(body), plain_article(body, DAY)).statements


def actors_of(nlp: Language, body: str, text: str) -> list[str | None]:
    """The actor of every speaker whose words are ``text``, in text order."""
    found = [
        speaker.actor_id
        for statement in statements(nlp, body)
        for speaker in statement.speakers
        if speaker.text == text
    ]
    assert found, text
    return found


MINISTER_AFTER_HIS_COUNTRY = (
    "Norway distanced itself from the majority by being the only country to abstain.\n\n"
    '"Our programme says that such transfers must be voluntary. Norway will abstain," Kari'
    " Nordmann (KrF), the Minister of Justice, explained.\n\n"
    'Nordmann pointed out that Norway had told its partners. "I doubt it will matter," she'
    " said."
)

AMBASSADOR_AFTER_HER_COUNTRY = (
    "The Council adopted a resolution on Monday. Norway has been one of the authors of the"
    " text.\n\n"
    '"Today is an important day. Above all, we hope it marks the end of the suffering," stressed'
    " Ambassador Kari Nordmann in her explanation of the vote.\n\n"
    '"It is a call we have all waited for," the Ambassador added. She underlined that the'
    " elected members had shown the way."
)


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (MINISTER_AFTER_HIS_COUNTRY, "Kari Nordmann (KrF), the Minister of Justice"),
        (MINISTER_AFTER_HIS_COUNTRY, "Nordmann"),
        (MINISTER_AFTER_HIS_COUNTRY, "she"),
        (AMBASSADOR_AFTER_HER_COUNTRY, "Ambassador Kari Nordmann"),
        (AMBASSADOR_AFTER_HER_COUNTRY, "the Ambassador"),
        (AMBASSADOR_AFTER_HER_COUNTRY, "She"),
    ],
)
def test_an_office_without_its_country_is_that_of_the_country_just_named(
    nlp: Language, body: str, source: str
) -> None:
    assert actors_of(nlp, body, source) == ["NO"]


@pytest.mark.parametrize(
    "before",
    [
        "Norway and Sweden both stayed out of the vote.",  # two countries: which one?
        "The chair of the meeting spoke first.",  # no country at all
    ],
)
def test_an_office_without_its_country_after_no_one_country_has_none(
    nlp: Language, before: str
) -> None:
    body = (
        f'{before}\n\n"We will abstain," Kari Nordmann (KrF), the Minister of Justice, explained.'
    )
    assert actors_of(nlp, body, "Kari Nordmann (KrF), the Minister of Justice") == [None]


def test_a_title_parsed_as_a_subject_of_its_own_is_the_name_s(nlp: Language) -> None:
    body = (
        "Norway's Minister of Justice Kari Nordmann explained the choice to stay out of the vote:"
        " 'We have clear rules in our programme'. Nordmann still said that Norway will take"
        " part in the scheme."
    )
    assert speaker_actor(nlp, body, "Nordmann", DAY) == "NO"


def test_a_month_is_no_person_a_pronoun_stands_for(nlp: Language) -> None:
    # "May" is a surname the table of offices knows (Theresa May)
    body = (
        "European Commission President Jan Kowalski announced his plans on Wednesday.\n\n"
        "Kowalski's proposals are the following: member states should take their share of"
        " 90,000 refugees, on top of the 30,000 set out in May.\n\n"
        '"It is 120,000 refugees in total that Europeans have to take in," he told MEPs.'
    )
    assert actors_of(nlp, body, "he") == ["EU"]


def test_the_second_clause_of_a_vote_list_has_its_own_subject(nlp: Language) -> None:
    body = (
        "Czech Republic, Slovakia, Romania and Hungary voted against while Finland chose to"
        " abstain."
    )
    abstaining = [s for s in statements(nlp, body) if s.cue == "to abstain"]
    assert [[sp.actor_id for sp in s.speakers] for s in abstaining] == [["FI"]]


@pytest.mark.parametrize(
    ("body", "actor", "content"),
    [
        (
            "The Polish government has defended its agreement to EU migrant relocations, amid"
            " tricky domestic politics.",
            "PL",
            "its agreement to EU migrant relocations",
        ),
        (
            "The German government on Monday defended its agreement to the relocation scheme.",
            "DE",
            "its agreement to the relocation scheme",
        ),
    ],
)
def test_defending_is_an_act(nlp: Language, body: str, actor: str, content: str) -> None:
    acts = [s for s in statements(nlp, body) if s.kind == "act"]
    assert [([sp.actor_id for sp in s.speakers], s.content) for s in acts] == [([actor], content)]


def test_defending_someone_else_s_thing_is_no_act(nlp: Language) -> None:
    body = "The German government on Monday defended the plan to relocate the refugees."
    assert [s for s in statements(nlp, body) if s.kind == "act"] == []


@pytest.mark.parametrize(
    ("body", "source", "actor"),
    [
        (
            "The EU's top diplomat added that the issues were being discussed with Hungary.",
            "The EU's top diplomat",
            "EU",
        ),
        # an ally's diplomat at NATO: no one ally
        ("A NATO diplomat said the package would be adopted.", "A NATO diplomat", None),
    ],
)
def test_an_organisation_s_top_diplomat_is_its_office(
    nlp: Language, body: str, source: str, actor: str | None
) -> None:
    assert speaker_actor(nlp, body, source, DAY) == actor


@pytest.mark.parametrize(
    "body",
    [
        "Romania stands to receive a total of 4,500 refugees under the plan.",
        "Malta will take in 80 refugees.",
    ],
)
def test_a_writer_s_figures_of_a_plan_are_no_statement(nlp: Language, body: str) -> None:
    assert statements(nlp, body) == []


@pytest.mark.parametrize(
    ("body", "published", "actor"),
    [
        ("Bishop said the government would not have backed the text.", dt.date(2016, 12, 30), "AU"),
        ("The council had to act, McCully said on Friday.", dt.date(2016, 12, 24), "NZ"),
        # one person, two offices: Belgium's prime minister, then the European Council's head
        ("Michel told reporters the deal could be signed.", dt.date(2016, 10, 24), "BE"),
        ("Michel told reporters the deal could be signed.", dt.date(2021, 3, 1), "EU"),
        ("Costa told reporters the deal could be signed.", dt.date(2025, 2, 3), "EU"),
        # between the two offices: neither
        ("Michel told reporters the deal could be signed.", dt.date(2019, 11, 10), None),
    ],
)
def test_office_holders_the_table_knows_by_surname(
    nlp: Language, body: str, published: dt.date, actor: str | None
) -> None:
    found = extract_article(nlp(body), plain_article(body, published)).statements
    assert [sp.actor_id for s in found for sp in s.speakers] == [actor]


@pytest.mark.parametrize(
    ("body", "source", "actor"),
    [
        # the parser takes the subject put after the quote's verb for its object
        (
            '"Thank you to every member who voted for the text," tweeted the Norwegian president.',
            "the Norwegian president",
            "NO",
        ),
        (
            '"The text must pass now", wrote Sweden\'s foreign minister.',
            "Sweden's foreign minister",
            "SE",
        ),
    ],
)
def test_a_speaker_after_the_quote_s_verb_is_its_subject(
    nlp: Language, body: str, source: str, actor: str
) -> None:
    assert actors_of(nlp, body, source) == [actor]


def test_an_object_after_a_verb_that_follows_no_quote_is_no_speaker(nlp: Language) -> None:
    body = "The minister said the council, as planned, adopted the text and thanked the chair."
    assert all(
        speaker.text != "the chair"
        for statement in statements(nlp, body)
        for speaker in statement.speakers
    )


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # a count of the body's seats, or of the body, is some members, not the organisation
        (
            "The Security Council voted on the text on Monday. 11 of the 15-member UN body "
            "voted in favour.",
            "11 of the 15-member UN body",
        ),
        (
            "The Security Council voted on the text on Monday. Two of the UN council voted "
            "against it.",
            "Two of the UN council",
        ),
    ],
)
def test_a_count_of_a_body_is_none_of_its_members(nlp: Language, body: str, source: str) -> None:
    assert actors_of(nlp, body, source) == [None]


@pytest.mark.parametrize(
    "body",
    [
        # the shape of a 2016 report on a warning against a no-fly zone over Syria
        "Addressing the worsening situation in Norway at an event hosted by the Council on "
        "Foreign Relations, Director of National Fisheries Jane Roe on Tuesday warned of the "
        "consequences should the proposal for a fishing ban be enforced.",
    ],
)
def test_the_name_after_an_opening_participles_clause_is_the_speaker(
    nlp: Language, body: str
) -> None:
    # the parser made the participle the verb's clausal subject; its object is no speaker
    (found,) = [s for s in statements(nlp, body) if s.cue == "warned"]
    assert [k.name for k in found.speakers] == ["Jane Roe"]
    assert "situation" not in found.source_text


def test_an_apposition_the_parser_joined_to_the_subject_is_not_the_speaker(
    nlp: Language,
) -> None:
    # ", a move supporters say would ...": "a move" is an apposition of the clause before it
    # (a move [that] supporters say ...), and that clause is not what the supporters say
    body = (
        "The Norwegian government and top admirals have shied away from a patrol role in "
        "the fjords, a move supporters say would stop illegal fishing in the north."
    )
    (found,) = [s for s in statements(nlp, body) if s.cue == "say"]
    assert found.source_text == "supporters"
    assert found.content.startswith("would stop illegal fishing")


@pytest.mark.parametrize(
    "body",
    [
        "Prime Minister of Norway Kari Nordmann, Prime Minister of Denmark Jens Hansen, and"
        " Prime Minister of Iceland Anna Jonsdottir welcomed the decision.",
        "Foreign Minister of Norway Kari Nordmann and Foreign Minister of Denmark Jens Hansen"
        " said they welcomed the decision.",
    ],
)
def test_a_list_of_office_holders_of_several_states_gives_each_state(
    nlp: Language, body: str
) -> None:
    found = {
        speaker.actor_id
        for statement in statements(nlp, body)
        if "decision" in statement.content
        for speaker in statement.speakers
    }
    assert {"NO", "DK"} <= found


def test_a_list_of_plain_states_is_read_as_before(nlp: Language) -> None:
    body = "Germany, France and the European Commission welcomed the decision."
    found = [s.actor_id for st in statements(nlp, body) for s in st.speakers]
    assert found == ["DE", "FR", "EU"]


HE_AFTER_A_BARE_SURNAME = (
    '"Should any member oppose this resolution, it will shut a lifeline," US Ambassador to '
    "the UN Linda Thomas-Greenfield said before the vote.\n\n"
    "Thomas-Greenfield accused Russia of failing the Syrians.\n\n"
    "Russian Ambassador to the UN Vassily Nebenzia accused the West of provoking Russia.\n\n"
    '"We heard accusations against Russia. This is dishonest and disingenuous," Nebenzia '
    "said.\n\n"
    '"If our draft is not supported, then we can just close down the mechanism," he said.'
)


def test_he_after_a_quote_of_a_bare_surname_is_not_the_person_named_before(
    nlp: Language,
) -> None:
    # "he" continues the speaker of the quote just before ("Nebenzia", a bare surname the
    # recogniser may take for a place), not the US ambassador named two sentences earlier
    ambassador = "US Ambassador to the UN Linda Thomas-Greenfield"
    assert actors_of(nlp, HE_AFTER_A_BARE_SURNAME, ambassador) == ["US"]
    assert actors_of(nlp, HE_AFTER_A_BARE_SURNAME, "he") != ["US"]
    names = [
        speaker.name
        for statement in statements(nlp, HE_AFTER_A_BARE_SURNAME)
        for speaker in statement.speakers
        if speaker.text == "he"
    ]
    # the office before the name, which the recogniser read as the UN's, is his
    assert names == ["Vassily Nebenzia"]
    assert actors_of(nlp, HE_AFTER_A_BARE_SURNAME, "he") == ["RU"]
