"""Who speaks, in sentence shapes of PolNeAR's 2016 news (the sentences are written for these
tests): pronouns after a quoted name, after a clause subject and after a possessor; an
administration named after its president; a former administration's official; a private
person's nationality; a group named "X for <country>"."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_support import extracted
from spacy.language import Language

from factbox.records import Speaker

DAY = dt.date(2016, 9, 14)


def speakers(nlp: Language, body: str, published: dt.date = DAY) -> list[Speaker]:
    return [s for statement in extracted(nlp, body, published) for s in statement.speakers]


def speaker_of(nlp: Language, body: str, text: str) -> Speaker:
    found = [s for s in speakers(nlp, body) if s.text == text]
    assert found, (text, [s.text for s in speakers(nlp, body)])
    return found[-1]


def test_a_he_after_a_quote_is_the_quoted_speaker_not_a_name_inside_the_quote(
    nlp: Language,
) -> None:
    body = (
        "President Barack Obama spoke on Monday.\n\n"
        '"[W]e think of the families who are far from home tonight," Obama said.\n\n'
        '"As a country, we stay open to those who flee," he said.'
    )
    he = speaker_of(nlp, body, "he")
    assert he.name == "Barack Obama"
    assert he.actor_id == "US"


def test_a_he_after_an_asked_whether_clause_is_the_main_subject(nlp: Language) -> None:
    body = (
        "Ban Ki-moon, the secretary general of the United Nations, spoke in New York.\n\n"
        "Asked whether Donald Trump, the Republican nominee, could win the election, "
        "Ban declined to guess.\n\n"
        "He said that the accord should guide every government."
    )
    he = speaker_of(nlp, body, "He")
    assert he.name == "Ban Ki-moon"
    assert he.actor_id == "UN"


def test_a_he_after_a_possessor_is_the_possessor_not_a_unit_of_measure(nlp: Language) -> None:
    body = (
        "Ban Ki-moon, the secretary general of the United Nations, spoke in New York.\n\n"
        "The goal is to keep warming below 2 degrees Celsius (3.6 degrees Fahrenheit).\n\n"
        "Ban's term ends later this year. "
        "He said that he would keep working for the accord after that."
    )
    he = speaker_of(nlp, body, "He")
    assert he.name == "Ban Ki-moon"
    assert he.actor_id == "UN"


def test_an_administration_named_after_a_sitting_president_speaks_for_the_state(
    nlp: Language,
) -> None:
    body = "Last month, the Obama administration announced it had met its goal for the year."
    assert speaker_of(nlp, body, "the Obama administration").actor_id == "US"
    later = speakers(nlp, body.replace("Obama", "Clinton"))
    assert [s.actor_id for s in later if "administration" in s.text] == [None]


def test_an_official_of_an_earlier_administration_speaks_for_no_state(nlp: Language) -> None:
    body = (
        "Gen. John Doe, the White House drug policy director in the Clinton "
        "administration, said no fence would stop the smugglers."
    )
    doe = speaker_of(nlp, body, body.split(", said")[0])
    assert doe.name == "John Doe"
    assert doe.actor_id is None
    current = body.replace("Clinton", "Obama")
    assert [s.actor_id for s in speakers(nlp, current)] == ["US"]


def test_a_private_persons_nationality_is_no_state(nlp: Language) -> None:
    body = (
        '"Thanks for coming," said host Amir Haddad, a Syrian engineer who moved to '
        "Ohio decades ago."
    )
    assert [s.actor_id for s in speakers(nlp, body)] == [None]
    official = body.replace("a Syrian engineer", "a Syrian diplomat")
    assert [s.actor_id for s in speakers(nlp, official)] == ["SY"]


def test_a_group_named_for_a_country_is_no_state(nlp: Language) -> None:
    body = (
        "Democracy for America, a progressive group, said on Wednesday that the deal "
        "must not pass."
    )
    assert [s.actor_id for s in speakers(nlp, body)] == [None]
    envoy = body.replace("Democracy for America, a progressive group", "The Envoy for Britain")
    assert [s.actor_id for s in speakers(nlp, envoy)] == ["GB"]


def test_an_organisations_unnamed_allies_are_no_actor(nlp: Language) -> None:
    body = "The pledge to add soldiers was warmly welcomed by NATO allies."
    assert [s.actor_id for s in speakers(nlp, body)] == [None]
    officials = body.replace("NATO allies", "NATO officials")
    assert [s.actor_id for s in speakers(nlp, officials)] == ["NATO"]


@pytest.mark.parametrize(
    "members", ["European Union countries", "EU member states", "NATO governments"]
)
def test_an_organisations_unnamed_countries_are_no_actor(nlp: Language, members: str) -> None:
    body = f"{members} said on Monday that they could not agree on the new package."
    assert [s.actor_id for s in speakers(nlp, body)] == [None]


def test_a_member_word_inside_an_organisations_name_is_the_organisation(
    nlp: Language,
) -> None:
    body = "The Organization of American States said on Monday that it backed the plan."
    assert [s.actor_id for s in speakers(nlp, body)] == ["OAS"]


def test_a_possessor_among_a_groups_members_is_no_member(nlp: Language) -> None:
    body = (
        "The United States and others - including many of Germany's own experts - want "
        "Germany to do more for the continent's security."
    )
    assert "DE" not in [s.actor_id for s in speakers(nlp, body)]
    assert "US" in [s.actor_id for s in speakers(nlp, body)]


def test_an_it_with_no_speaker_before_is_the_actor_named_before_it(nlp: Language) -> None:
    body = (
        "The new rules are the main tool for the United States to meet the target it "
        "pledged to reach at the climate talks in Paris."
    )
    found = [s for s in speakers(nlp, body) if s.text == "it"]
    assert [s.actor_id for s in found] == ["US"]


def test_a_they_after_an_organisations_statement_is_the_organisation(nlp: Language) -> None:
    body = (
        "Mr. Obama and Mr. Abe vowed consequences on Friday.\n\n"
        "The Security Council issued a statement on Friday condemning the test.\n\n"
        '"The members of the council will begin work on new measures at once," they said.'
    )
    found = speakers(nlp, body)
    assert [s.actor_id for s in found if s.text == "The Security Council"] == ["UN"]
    assert [s.actor_id for s in found if s.text == "they"] == ["UN"]


def test_a_they_after_a_group_and_an_organisation_is_the_nearer(nlp: Language) -> None:
    body = (
        "NATO said on Friday that the alliance would stay united.\n\n"
        "France and Germany said on Friday that they would send more aid.\n\n"
        '"We will do it together," they said.'
    )
    found = [s.actor_id for s in speakers(nlp, body) if s.text == "they"]
    assert found[-2:] == ["FR", "DE"]


def test_a_name_after_a_quote_of_two_sentences_is_outside_the_quote(nlp: Language) -> None:
    # the quotation opens in the sentence before the one that closes it; the name after the
    # closing mark is who a later "she" may stand for, not a word of the quote
    from factbox.extract.speakers import _inside_quotes

    body = (
        '"What we should do is look after our harbours. We should not be fishing abroad," '
        "said Jane Roe as she dined on fried eggs at her golf resort."
    )
    doc = nlp(body)
    roe = next(t for t in doc if t.text == "Roe")
    opening = next(t for t in doc if t.is_quote)
    assert opening.sent.start != roe.sent.start  # the parse splits the quote
    assert not _inside_quotes(doc, roe.i)
    harbours = next(t for t in doc if t.text == "harbours")
    assert _inside_quotes(doc, harbours.i)
