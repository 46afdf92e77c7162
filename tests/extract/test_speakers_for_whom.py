"""Whom a speaker speaks for, in shapes of real wire copy (the sentences are written for these
tests): a language is no nationality, a region is not its state, a president-elect, a House
Speaker and a legislator marked by party and place speak for no state, a text speaks for
no one unless a body adopted it, an organisation's ministers are its members', a "he" or
"she" after an office stands for that office, a name right after an office is its holder,
and a dateline gives a named person a country only for an office only states hold."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import plain_article
from spacy.language import Language

from factbox.extract.pipeline import extract_article
from factbox.records import Speaker

DAY = dt.date(2016, 10, 20)


def speakers(nlp: Language, body: str, place: str | None = None) -> list[Speaker]:
    statements = extract_article(nlp(body), plain_article(body, DAY, place)).statements
    return [speaker for statement in statements for speaker in statement.speakers]


def actor_of(nlp: Language, body: str, text: str, place: str | None = None) -> str | None:
    found = [s for s in speakers(nlp, body, place) if s.text == text]
    assert found, (text, [s.text for s in speakers(nlp, body, place)])
    return found[-1].actor_id


@pytest.mark.parametrize(
    ("body", "source", "actor"),
    [
        (
            "The French-speaking assembly of the province has rejected the treaty.",
            "The French-speaking assembly of the province",
            None,
        ),
        ("The French assembly has rejected the treaty.", "The French assembly", "FR"),
        (
            "The Russian-speaking council of the city said the plan was dead.",
            "The Russian-speaking council of the city",
            None,
        ),
    ],
)
def test_a_language_adjective_is_no_nationality(
    nlp: Language, body: str, source: str, actor: str | None
) -> None:
    assert actor_of(nlp, body, source) == actor


def test_a_place_joined_to_another_by_a_hyphen_is_no_capital(nlp: Language) -> None:
    body = "The parliament of Flanders-Brussels has rejected the treaty."
    assert actor_of(nlp, body, "The parliament of Flanders-Brussels") is None
    body = "Brussels has rejected the treaty."
    assert actor_of(nlp, body, "Brussels") == "EU"


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "The small Dutch region of Twente said it would block the pact.",
            "The small Dutch region of Twente",
        ),
        (
            "The Spanish regional government said it would block the pact.",
            "The Spanish regional government",
        ),
        (
            "The leader of the Belgian province of Limburg said he would block the pact.",
            "The leader of the Belgian province of Limburg",
        ),
        (
            "Belgium's Minister-President Jan Maes said he would block the pact.",
            "Belgium's Minister-President Jan Maes",
        ),
    ],
)
def test_a_region_of_a_state_does_not_speak_for_the_state(
    nlp: Language, body: str, source: str
) -> None:
    assert actor_of(nlp, body, source) is None


def test_a_region_described_in_apposition_gives_no_state_to_its_leader(nlp: Language) -> None:
    body = (
        "Twente, a rural region in the east of the Netherlands, fears the pact.\n\n"
        "Jan Maes, the head of Twente, said he would block the pact."
    )
    assert actor_of(nlp, body, "Jan Maes, the head of Twente") is None


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("President-elect John Doe said the vote should be delayed.", "President-elect John Doe"),
        ("House Speaker John Doe said the vote should be delayed.", "House Speaker John Doe"),
        (
            "The American chairman of the panel, John Doe, R-Ohio, said the vote should wait.",
            "The American chairman of the panel, John Doe, R-Ohio",
        ),
    ],
)
def test_a_president_elect_a_speaker_and_a_party_marked_legislator_speak_for_no_state(
    nlp: Language, body: str, source: str
) -> None:
    assert actor_of(nlp, body, source, place="WASHINGTON") is None


def test_a_dateline_gives_a_named_person_no_country_but_for_a_states_office(
    nlp: Language,
) -> None:
    body = "Chief negotiator John Doe said the vote should be delayed."
    assert actor_of(nlp, body, "Chief negotiator John Doe", place="ROME") is None
    body = "Interior Minister John Doe said the vote should be delayed."
    assert actor_of(nlp, body, "Interior Minister John Doe", place="ROME") == "IT"
    body = "The chief negotiator said the vote should be delayed."
    assert actor_of(nlp, body, "The chief negotiator", place="ROME") == "IT"


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Critics attacked a UN Security Council resolution condemning the blockade.",
            "a UN Security Council resolution",
        ),
        (
            "A draft of the resolution being circulated by Mexico demands that Cuba "
            "immediately and completely cease all fishing in the occupied zone.",
            "A draft of the resolution being circulated by Mexico",
        ),
        ("Mexico's draft says that the blockade has no legal validity.", "Mexico's draft"),
    ],
)
def test_a_text_speaks_for_no_one(nlp: Language, body: str, source: str) -> None:
    assert actor_of(nlp, body, source) is None


def test_a_text_a_body_adopted_speaks_for_the_body(nlp: Language) -> None:
    body = "The resolution adopted by the Security Council says that the blockade is void."
    assert actor_of(nlp, body, "The resolution") == "UN"


def test_an_organisations_ministers_are_its_members_not_the_organisation(
    nlp: Language,
) -> None:
    body = "EU farm ministers fear the pact would hurt growers."
    assert actor_of(nlp, body, "EU farm ministers") is None
    body = "EU commissioners fear the pact would hurt growers."
    assert actor_of(nlp, body, "EU commissioners") == "EU"


def test_he_after_an_office_subject_is_that_office_not_the_last_named_person(
    nlp: Language,
) -> None:
    body = (
        "Jane Roe, the Irish envoy, said the text was fair.\n\n"
        "Speaking later, the Mexican ambassador to the UN defended his country's vote.\n\n"
        '"Mexico voted in favour of this text," he said.'
    )
    he = [s for s in speakers(nlp, body) if s.text == "he"]
    assert [(s.name, s.actor_id) for s in he] == [(None, "MX")]


def test_she_in_the_sentence_of_an_office_subject_is_that_office(nlp: Language) -> None:
    body = (
        "Prime Minister Jan Novak spoke on Monday.\n\n"
        "Later, the Danish ambassador to Spain said that the draft was balanced, "
        "and that she expects her country to back it."
    )
    she = [s for s in speakers(nlp, body) if s.text == "she"]
    assert [s.actor_id for s in she] == ["DK"]


def test_a_name_right_after_an_office_is_its_holder(nlp: Language) -> None:
    body = (
        "Peru's ambassador to Canada praised the pact.\n\n"
        '"This is an excellent agreement," Hans Keller told reporters.\n\n'
        "Keller said it would be signed."
    )
    found = {s.text: s.actor_id for s in speakers(nlp, body)}
    assert found["Hans Keller"] == "PE"
    assert found["Keller"] == "PE"


def test_a_name_after_a_sentence_about_someone_else_is_not_linked(nlp: Language) -> None:
    body = (
        "Peru's ambassador to Canada met Foreign Minister Tom Hale.\n\n"
        "Hale's host, Hans Keller, a trade analyst, praised the pact.\n\n"
        '"This is an excellent agreement," Hans Keller told reporters.'
    )
    assert actor_of(nlp, body, "Hans Keller") is None


def test_people_keep_no_actor_for_a_role_that_speaks_for_none(nlp: Language) -> None:
    body = (
        "Twente, a rural region in the east of the Netherlands, fears the pact.\n\n"
        "Dutch Sen. Jan de Vries said the pact was bad.\n\n"
        "Dutch Prime Minister Mark Visser said the pact was good."
    )
    people = extract_article(nlp(body), plain_article(body, DAY)).people
    actors = {person.name: person.actor_id for person in people}
    assert actors["Mark Visser"] == "NL"
    assert actors.get("Twente") is None
    assert actors.get("Jan de Vries") is None


@pytest.mark.parametrize(
    ("body", "source", "actor"),
    [
        (
            "Jane Doe, permanent observer of Palestine to the UN, said the vote was a failure.",
            "Jane Doe, permanent observer of Palestine to the UN",
            "PS",
        ),
        (
            "An independent observer from Norway said the vote was a failure.",
            "An independent observer from Norway",
            None,
        ),
    ],
)
def test_a_state_title_holding_a_role_word_speaks_for_the_state(
    nlp: Language, body: str, source: str, actor: str | None
) -> None:
    # "permanent observer" is a state's head of mission at the UN; an observer alone is an
    # onlooker who speaks for no state
    assert actor_of(nlp, body, source) == actor
