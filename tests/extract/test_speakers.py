"""Speakers from source phrases, on wire-style sentences written for these tests.

Statements are built by hand (source span pointing into the parsed text) so these tests
do not depend on how attributions are found.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pytest
from spacy.language import Language

from factbox.extract.actors import role_key
from factbox.extract.speakers import ArticleContext, KnownPeople, resolve_speakers
from factbox.records import Article, Person, Speaker, Statement

PUBLISHED = dt.date(2024, 2, 28)


def make_article(
    body: str,
    published: dt.date | None = PUBLISHED,
    *,
    place: str | None = None,
    title: str | None = None,
) -> Article:
    return Article(
        key="test",
        source_name="test",
        format="text",
        raw=body,
        body=body,
        content_hash="0",
        published=published,
        place=place,
        title=title,
    )


def make_statement(body: str, source: str, after: int = 0) -> Statement:
    """A statement whose source is the first whole-word ``source`` at or after ``after``."""
    found = re.compile(rf"(?<!\w){re.escape(source)}(?!\w)").search(body, after)
    assert found is not None, source
    start, end = found.span()
    return Statement(
        kind="indirect",
        cue="said",
        cue_span=None,
        content="",
        content_span=(end, end),
        source_text=source,
        source_span=(start, end),
        span=(start, end),
    )


@dataclass
class Reading:
    """An article read statement by statement, as the pipeline does."""

    context: ArticleContext
    body: str
    position: int = 0

    def speakers(self, source: str) -> list[Speaker]:
        statement = make_statement(self.body, source, self.position)
        self.position = statement.span[1]
        speakers = resolve_speakers(statement, self.context.doc, self.context)
        for speaker in speakers:
            assert speaker.span is not None
            assert self.body[slice(*speaker.span)] == speaker.text
        return speakers

    def one(self, source: str) -> Speaker:
        speakers = self.speakers(source)
        assert len(speakers) == 1, speakers
        return speakers[0]


def read(
    nlp: Language,
    body: str,
    known: KnownPeople | None = None,
    *,
    place: str | None = None,
    title: str | None = None,
) -> Reading:
    doc = nlp(body)
    article = make_article(body, place=place, title=title)
    return Reading(ArticleContext(doc, article, known), body)


def summary(speaker: Speaker) -> tuple[str | None, str | None, str | None, str]:
    return speaker.name, speaker.role, speaker.actor_id, speaker.actor_kind


@dataclass
class LedgerPeople:
    """A tiny in-memory people table: by full name, by surname, and by office."""

    people: list[Person] = field(default_factory=list)

    def lookup(self, name: str) -> Person | None:
        for person in self.people:
            if person.name == name or person.name.split()[-1] == name:
                return person
        return None

    def holder(self, role_key_: str, actor_id: str) -> Person | None:
        for person in self.people:
            if person.actor_id == actor_id and person.role and role_key(person.role) == role_key_:
                return person
        return None


@dataclass
class NamesOnly:
    """A people table that only answers ``lookup`` (the minimal protocol)."""

    people: list[Person] = field(default_factory=list)

    def lookup(self, name: str) -> Person | None:
        for person in self.people:
            if person.name == name or person.name.split()[-1] == name:
                return person
        return None


FICO = Person("Robert Fico", "Slovak Prime Minister", "SK", "Slovakia", "country", PUBLISHED)


# People with titles -------------------------------------------------------------------------


def test_title_before_the_name(nlp: Language) -> None:
    body = "Slovak Prime Minister Robert Fico said on Monday that Kyiv should negotiate."
    speaker = read(nlp, body).one("Slovak Prime Minister Robert Fico")
    assert summary(speaker) == ("Robert Fico", "Slovak Prime Minister", "SK", "country")
    assert speaker.actor == "Slovakia"
    assert speaker.text == "Slovak Prime Minister Robert Fico"


def test_appositive_after_the_name_with_a_possessive_country(nlp: Language) -> None:
    body = "Robert Fico, Slovakia's prime minister, said he would veto the plan."
    speaker = read(nlp, body).one("Robert Fico, Slovakia's prime minister")
    assert summary(speaker) == ("Robert Fico", "prime minister", "SK", "country")


def test_appositive_with_a_for_whom_phrase(nlp: Language) -> None:
    body = "Dmitry Peskov, spokesperson for the Russian president, told reporters it was late."
    speaker = read(nlp, body).one("Dmitry Peskov, spokesperson for the Russian president")
    assert summary(speaker) == (
        "Dmitry Peskov",
        "spokesperson for the Russian president",
        "RU",
        "country",
    )


def test_organisation_title_before_the_name(nlp: Language) -> None:
    body = "NATO Secretary-General Jens Stoltenberg said allies were united."
    speaker = read(nlp, body).one("NATO Secretary-General Jens Stoltenberg")
    assert summary(speaker) == ("Jens Stoltenberg", "Secretary-General", "NATO", "organization")
    assert speaker.actor == "North Atlantic Treaty Organization"


def test_source_after_the_cue_with_an_appositive(nlp: Language) -> None:
    body = '"We will not send soldiers," said Robert Fico, the Slovak prime minister.'
    speaker = read(nlp, body).one("Robert Fico, the Slovak prime minister")
    assert summary(speaker) == ("Robert Fico", "Slovak prime minister", "SK", "country")


def test_role_noun_with_the_name_in_apposition(nlp: Language) -> None:
    body = "The president of France, Emmanuel Macron, said Europe had to act."
    speaker = read(nlp, body).one("The president of France, Emmanuel Macron")
    assert summary(speaker) == ("Emmanuel Macron", "president of France", "FR", "country")


def test_a_country_name_inside_a_person_name_is_not_the_actor(nlp: Language) -> None:
    body = "Israeli Foreign Minister Israel Katz said the talks would go on."
    speaker = read(nlp, body).one("Israeli Foreign Minister Israel Katz")
    assert summary(speaker) == ("Israel Katz", "Israeli Foreign Minister", "IL", "country")


def test_an_envoy_to_an_organisation_speaks_for_the_country(nlp: Language) -> None:
    body = "The Ukrainian envoy to the UN said the vote mattered."
    speaker = read(nlp, body).one("The Ukrainian envoy to the UN")
    assert (speaker.actor_id, speaker.role) == ("UA", "Ukrainian envoy to the UN")


def test_person_without_a_known_actor(nlp: Language) -> None:
    body = "Analyst Jana Novakova said the coalition was fragile."
    speaker = read(nlp, body).one("Analyst Jana Novakova")
    assert summary(speaker) == ("Jana Novakova", "Analyst", None, "person")


# The same person again: surname, pronoun, role --------------------------------------------


def test_surname_and_appositive_refer_back_to_the_full_name(nlp: Language) -> None:
    body = (
        "Slovak Prime Minister Robert Fico said on Monday that Kyiv should negotiate. "
        "Fico, the Slovak premier, added that he would not send troops. "
        "Fico said later that the plan was dead."
    )
    reading = read(nlp, body)
    reading.one("Slovak Prime Minister Robert Fico")
    appositive = reading.one("Fico, the Slovak premier")
    assert summary(appositive) == ("Robert Fico", "Slovak premier", "SK", "country")
    bare = reading.one("Fico")
    assert summary(bare) == ("Robert Fico", "Slovak Prime Minister", "SK", "country")
    assert bare.text == "Fico"


def test_surname_takes_role_and_actor_from_the_first_mention(nlp: Language) -> None:
    body = (
        "NATO Secretary-General Jens Stoltenberg visited Kyiv. "
        "Stoltenberg said allies would keep sending aid."
    )
    speaker = read(nlp, body).one("Stoltenberg")
    assert summary(speaker) == ("Jens Stoltenberg", "Secretary-General", "NATO", "organization")


def test_a_name_written_family_name_first_is_called_by_its_first_word(nlp: Language) -> None:
    body = (
        "Chinese envoy Wang Lei said on Monday that the talks should go on. "
        "Wang added that Beijing would stay at the table."
    )
    speaker = read(nlp, body).one("Wang")
    assert (speaker.name, speaker.actor_id) == ("Wang Lei", "CN")


def test_a_first_word_shared_or_naming_a_country_is_neither_person(nlp: Language) -> None:
    body = (
        "Chinese envoy Wang Lei met Chinese diplomat Wang Bo on Monday. "
        "Wang added that Beijing would stay at the table."
    )
    speaker = read(nlp, body).one("Wang")
    assert (speaker.name, speaker.actor_id) == ("Wang", None)
    body = "British envoy Jordan Lake spoke on Monday. Jordan said that it would stay at the table."
    speaker = read(nlp, body).one("Jordan")
    assert (speaker.name, speaker.actor_id) == ("Jordan", None)  # not the British envoy


def test_he_is_the_subject_of_the_previous_sentence(nlp: Language) -> None:
    body = (
        "Polish Foreign Minister Radoslaw Sikorski met his Czech counterpart Jan Lipavsky "
        "in Warsaw on Tuesday. Lipavsky later spoke to reporters. "
        "He said the talks had gone well."
    )
    speaker = read(nlp, body).one("He")
    assert (speaker.name, speaker.actor_id) == ("Jan Lipavsky", "CZ")
    assert speaker.text == "He"


def test_she_after_a_quote_is_the_last_named_person(nlp: Language) -> None:
    body = (
        "German Foreign Minister Annalena Baerbock arrived in Kyiv on Tuesday. "
        '"We stand with Ukraine," she said.'
    )
    speaker = read(nlp, body).one("she")
    assert summary(speaker) == ("Annalena Baerbock", "German Foreign Minister", "DE", "country")


def test_a_name_inside_the_quote_is_not_the_pronoun_speaker(nlp: Language) -> None:
    body = (
        "Slovak Prime Minister Robert Fico spoke in Bratislava. "
        '"President Emmanuel Macron is wrong," he said.'
    )
    speaker = read(nlp, body).one("he")
    assert speaker.name == "Robert Fico"


def test_he_prefers_the_previous_statement_speaker(nlp: Language) -> None:
    body = (
        "Czech Prime Minister Petr Fiala said the plan was sound. "
        '"It is time to act. Europe cannot wait," he added.'
    )
    reading = read(nlp, body)
    reading.one("Czech Prime Minister Petr Fiala")
    speaker = reading.one("he")
    assert (speaker.name, speaker.actor_id) == ("Petr Fiala", "CZ")


def test_he_in_the_same_sentence_is_its_subject_not_the_object(nlp: Language) -> None:
    body = (
        "Slovak Prime Minister Robert Fico met French President Emmanuel Macron in Paris, "
        "where he said the plan was dead."
    )
    speaker = read(nlp, body).one("he")
    assert (speaker.name, speaker.actor_id) == ("Robert Fico", "SK")


def test_a_pronoun_with_nobody_before_it_stays_unknown(nlp: Language) -> None:
    body = "He said the meeting was over."
    speaker = read(nlp, body).one("He")
    assert summary(speaker) == (None, None, None, "unknown")


def test_a_role_alone_is_filled_with_the_person_who_holds_it(nlp: Language) -> None:
    body = (
        "Robert Fico, Slovakia's prime minister, met Czech President Petr Pavel. "
        "The Slovak premier said later that the meeting was useful."
    )
    speaker = read(nlp, body).one("The Slovak premier")
    assert summary(speaker) == ("Robert Fico", "Slovak premier", "SK", "country")


def test_a_role_alone_without_a_holder_keeps_only_role_and_actor(nlp: Language) -> None:
    body = "The Hungarian prime minister said he disagreed."
    speaker = read(nlp, body).one("The Hungarian prime minister")
    assert summary(speaker) == (None, "Hungarian prime minister", "HU", "country")


def test_the_holder_must_speak_for_the_same_country(nlp: Language) -> None:
    body = (
        "Slovak Prime Minister Robert Fico arrived in Prague. "
        "The Czech prime minister said he welcomed the visit."
    )
    speaker = read(nlp, body).one("The Czech prime minister")
    assert summary(speaker) == (None, "Czech prime minister", "CZ", "country")


def test_a_bare_title_refers_to_the_last_person_with_that_office(nlp: Language) -> None:
    body = (
        "French President Emmanuel Macron hosted the meeting in Paris. "
        "The president said more was needed."
    )
    speaker = read(nlp, body).one("The president")
    assert summary(speaker) == ("Emmanuel Macron", "president", "FR", "country")


def test_people_lists_those_named_with_a_role_or_actor(nlp: Language) -> None:
    body = (
        "Slovak Prime Minister Robert Fico met Dmitry Peskov, spokesperson for the Russian "
        "president, and a man called Viktor. Fico, the Slovak premier, said little."
    )
    context = ArticleContext(nlp(body), make_article(body))
    people = {person.name: person for person in context.people()}
    assert set(people) == {"Robert Fico", "Dmitry Peskov"}
    fico = people["Robert Fico"]
    assert (fico.role, fico.actor_id, fico.actor, fico.actor_kind, fico.seen_on) == (
        "Slovak Prime Minister",
        "SK",
        "Slovakia",
        "country",
        PUBLISHED,
    )
    assert people["Dmitry Peskov"].actor_id == "RU"


# People known from earlier articles -------------------------------------------------------


def test_a_surname_alone_is_completed_from_known_people(nlp: Language) -> None:
    body = "Fico said the plan would not pass."
    speaker = read(nlp, body, NamesOnly([FICO])).one("Fico")
    assert summary(speaker) == ("Robert Fico", "Slovak Prime Minister", "SK", "country")


def test_a_full_name_without_a_role_gets_it_from_known_people(nlp: Language) -> None:
    body = "Robert Fico said the plan would not pass."
    speaker = read(nlp, body, NamesOnly([FICO])).one("Robert Fico")
    assert (speaker.role, speaker.actor_id, speaker.actor) == (
        "Slovak Prime Minister",
        "SK",
        "Slovakia",
    )


def test_the_article_wins_over_known_people(nlp: Language) -> None:
    former = Person("Robert Fico", "opposition leader", None, None, "person", PUBLISHED)
    body = "Slovak Prime Minister Robert Fico said the plan would not pass."
    speaker = read(nlp, body, NamesOnly([former])).one("Slovak Prime Minister Robert Fico")
    assert speaker.role == "Slovak Prime Minister"


def test_a_role_alone_is_filled_from_known_role_holders(nlp: Language) -> None:
    body = "The Slovak prime minister said the plan would not pass."
    speaker = read(nlp, body, LedgerPeople([FICO])).one("The Slovak prime minister")
    assert summary(speaker) == ("Robert Fico", "Slovak prime minister", "SK", "country")


def test_known_people_are_asked_once_per_name(nlp: Language) -> None:
    asked: list[str] = []

    class Counting(NamesOnly):
        def lookup(self, name: str) -> Person | None:
            asked.append(name)
            return super().lookup(name)

    body = "Fico said the plan would not pass. Fico said it again."
    reading = read(nlp, body, Counting([FICO]))
    first = reading.one("Fico")
    second = reading.one("Fico")
    assert first.name == second.name == "Robert Fico"
    assert asked.count("Fico") == 1


# Countries and organisations as speakers --------------------------------------------------


def test_a_list_of_countries_is_one_speaker_each(nlp: Language) -> None:
    body = "Czechia, Poland and Sweden stated that they would send no troops."
    speakers = read(nlp, body).speakers("Czechia, Poland and Sweden")
    assert [(s.actor_id, s.actor, s.actor_kind, s.text) for s in speakers] == [
        ("CZ", "Czechia", "country", "Czechia"),
        ("PL", "Poland", "country", "Poland"),
        ("SE", "Sweden", "country", "Sweden"),
    ]
    assert all(s.name is None for s in speakers)


def test_two_people_are_two_speakers(nlp: Language) -> None:
    body = (
        "Macron and German Chancellor Olaf Scholz said in a joint statement that Europe must act."
    )
    speakers = read(nlp, body).speakers("Macron and German Chancellor Olaf Scholz")
    # The article gives Macron no office; the table of offices does (offices.json).
    assert [(s.name, s.actor_id) for s in speakers] == [
        ("Emmanuel Macron", "FR"),
        ("Olaf Scholz", "DE"),
    ]
    assert speakers[1].role == "German Chancellor"


def test_coordinated_people_with_their_own_titles(nlp: Language) -> None:
    body = (
        "Czech Prime Minister Petr Fiala and his Polish counterpart Donald Tusk said they "
        "disagreed."
    )
    speakers = read(nlp, body).speakers(
        "Czech Prime Minister Petr Fiala and his Polish counterpart Donald Tusk"
    )
    assert [summary(s) for s in speakers] == [
        ("Petr Fiala", "Czech Prime Minister", "CZ", "country"),
        ("Donald Tusk", "Polish counterpart", "PL", "country"),
    ]


@pytest.mark.parametrize(
    ("sentence", "source", "actor_id", "kind"),
    [
        ("NATO said it was ready to help.", "NATO", "NATO", "organization"),
        ("Berlin rejected the proposal on Tuesday.", "Berlin", "DE", "country"),
        ("The Kremlin said the idea was dangerous.", "The Kremlin", "RU", "country"),
        ("The Elysee said Macron would host the meeting.", "The Elysee", "FR", "country"),
        ("The Élysée declined to comment on Friday.", "The Élysée", "FR", "country"),
        ("Downing Street said Britain was open to the idea.", "Downing Street", "GB", "country"),
        ("Number 10 said the call had been useful.", "Number 10", "GB", "country"),
        ("The White House said it would not comment.", "The White House", "US", "country"),
        ("The Quai d'Orsay said the ambassador was summoned.", "The Quai d'Orsay", "FR", "country"),
        ("Britain said it would send aid.", "Britain", "GB", "country"),
        ("The United States said it would send aid.", "The United States", "US", "country"),
        ("The US said it would send aid.", "The US", "US", "country"),
        ("South Korea said it would send aid.", "South Korea", "KR", "country"),
        ("Russia said it would respond.", "Russia", "RU", "country"),
    ],
)
def test_country_organisation_and_metonym_speakers(
    nlp: Language, sentence: str, source: str, actor_id: str, kind: str
) -> None:
    speaker = read(nlp, sentence).one(source)
    assert (speaker.actor_id, speaker.actor_kind, speaker.name) == (actor_id, kind, None)


def test_a_government_speaks_for_its_country(nlp: Language) -> None:
    body = "The Czech government said it opposed the plan."
    speaker = read(nlp, body).one("The Czech government")
    assert summary(speaker) == (None, "Czech government", "CZ", "country")


def test_a_body_speaks_for_its_organisation_and_names_itself(nlp: Language) -> None:
    body = "The European Commission said on Friday that it would propose new sanctions."
    speaker = read(nlp, body).one("The European Commission")
    assert summary(speaker) == (None, "European Commission", "EU", "organization")


def test_an_organisation_role_without_a_name(nlp: Language) -> None:
    body = (
        "The EU's foreign policy chief said the bloc stood united. "
        "The UN secretary-general warned against escalation."
    )
    reading = read(nlp, body)
    assert summary(reading.one("The EU's foreign policy chief")) == (
        None,
        "foreign policy chief",
        "EU",
        "organization",
    )
    assert summary(reading.one("The UN secretary-general")) == (
        None,
        "secretary-general",
        "UN",
        "organization",
    )


def test_possessive_country_with_an_institution(nlp: Language) -> None:
    body = "Poland's foreign ministry said the ambassador would be recalled."
    speaker = read(nlp, body).one("Poland's foreign ministry")
    assert (speaker.actor_id, speaker.role) == ("PL", "foreign ministry")


# Anonymous sources ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source", "role"),
    [
        ("Officials said the talks were over.", "Officials", "Officials"),
        ("Diplomats said the meeting was tense.", "Diplomats", "Diplomats"),
        (
            "A source familiar with the matter said the talks had stalled.",
            "A source familiar with the matter",
            "source",
        ),
        ("A government spokesman said the vote would go ahead.", "A government spokesman", None),
    ],
)
def test_anonymous_sources_have_no_actor(
    nlp: Language, sentence: str, source: str, role: str | None
) -> None:
    speaker = read(nlp, sentence).one(source)
    assert (speaker.name, speaker.actor_id, speaker.actor_kind) == (None, None, "unknown")
    if role is not None:
        assert speaker.role == role


@pytest.mark.parametrize(
    ("sentence", "source", "actor_id", "kind"),
    [
        ("French officials said the summit would go ahead.", "French officials", "FR", "country"),
        ("A French official said the summit would go ahead.", "A French official", "FR", "country"),
        ("Polish diplomats said the proposal was premature.", "Polish diplomats", "PL", "country"),
        (
            "A NATO official said the alliance would meet.",
            "A NATO official",
            "NATO",
            "organization",
        ),
    ],
)
def test_anonymous_sources_whose_side_is_named(
    nlp: Language, sentence: str, source: str, actor_id: str, kind: str
) -> None:
    speaker = read(nlp, sentence).one(source)
    assert (speaker.name, speaker.actor_id, speaker.actor_kind) == (None, actor_id, kind)


def test_an_indefinite_official_is_never_given_a_name(nlp: Language) -> None:
    body = (
        "French President Emmanuel Macron hosted the talks. "
        "A French official said the talks went well."
    )
    speaker = read(nlp, body).one("A French official")
    assert (speaker.name, speaker.actor_id) == (None, "FR")


def test_coordinated_nationalities_are_one_speaker_each(nlp: Language) -> None:
    body = "French and German officials said the summit would go ahead."
    speakers = read(nlp, body).speakers("French and German officials")
    assert [(s.actor_id, s.role) for s in speakers] == [
        ("FR", "French and German officials"),
        ("DE", "French and German officials"),
    ]


def test_they_and_it_take_the_previous_group_or_actor(nlp: Language) -> None:
    body = (
        "Polish diplomats said the proposal was premature. They added that it was rushed. "
        "NATO said it was ready. It added that allies agreed."
    )
    reading = read(nlp, body)
    reading.one("Polish diplomats")
    they = reading.one("They")
    assert (they.actor_id, they.text) == ("PL", "They")
    reading.one("NATO")
    it = reading.one("It")
    assert (it.actor_id, it.actor_kind, it.text) == ("NATO", "organization", "It")


# Spans the extractor may hand over ---------------------------------------------------------


def test_source_text_without_a_span_is_found_in_the_statement(nlp: Language) -> None:
    body = "The Kremlin said on Tuesday that the idea was dangerous."
    doc = nlp(body)
    context = ArticleContext(doc, make_article(body))
    statement = make_statement(body, "The Kremlin")
    statement.source_span = None
    statement.span = (0, len(body))
    [speaker] = resolve_speakers(statement, doc, context)
    assert (speaker.actor_id, speaker.span) == ("RU", (0, len("The Kremlin")))


def test_no_source_gives_no_speakers(nlp: Language) -> None:
    body = "The plan was dead, according to nobody in particular."
    doc = nlp(body)
    statement = make_statement(body, "The plan")
    statement.source_span, statement.source_text = None, ""
    assert resolve_speakers(statement, doc, ArticleContext(doc, make_article(body))) == []


def test_according_to_reaches_the_source_noun(nlp: Language) -> None:
    body = "The plan was dead, according to the Slovak prime minister."
    speaker = read(nlp, body).one("according to the Slovak prime minister")
    assert (speaker.actor_id, speaker.role, speaker.text) == (
        "SK",
        "Slovak prime minister",
        "the Slovak prime minister",
    )


# Whom an office speaks for when the phrase does not say --------------------------------------


def test_a_sentence_opening_with_a_place_gives_an_office_its_country(nlp: Language) -> None:
    body = (
        "In Lisbon, Prime Minister Ana Ferreira said the plan was premature. "
        "She said her government would wait for the summit."
    )
    reading = read(nlp, body)
    assert summary(reading.one("Prime Minister Ana Ferreira")) == (
        "Ana Ferreira",
        "Prime Minister",
        "PT",
        "country",
    )
    assert reading.one("She").actor_id == "PT"


def test_the_opening_place_is_remembered_for_the_people_list(nlp: Language) -> None:
    body = "In Lisbon, Prime Minister Ana Ferreira said the plan was premature."
    doc = nlp(body)
    people = ArticleContext(doc, make_article(body)).people()
    assert [(p.name, p.actor_id) for p in people] == [("Ana Ferreira", "PT")]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        # The place is not where the sentence is set.
        (
            "After talks in Lisbon, Prime Minister Ana Ferreira said the plan was premature.",
            "Prime Minister Ana Ferreira",
        ),
        # An ambassador speaks for the country that posted them, not the one they are in.
        ("In Vienna, Ambassador Lena Holm said the talks were useful.", "Ambassador Lena Holm"),
        # No office: anyone may speak in Vienna.
        ("In Vienna, Lena Holm said the talks were useful.", "Lena Holm"),
    ],
)
def test_a_place_gives_no_country_where_it_says_nothing_of_the_office(
    nlp: Language, body: str, source: str
) -> None:
    assert read(nlp, body).one(source).actor_id is None


def test_the_dateline_place_gives_an_unnamed_office_its_country(nlp: Language) -> None:
    body = (
        "The government's chief spokesman told reporters the border would stay open. "
        "Officials said more guards would be sent. "
        "'We are ready for any season,' the spokesman said."
    )
    reading = read(nlp, body, place="DUBLIN")
    assert reading.one("The government's chief spokesman").actor_id == "IE"
    assert reading.one("Officials").actor_id is None
    assert reading.one("the spokesman").actor_id == "IE"


def test_a_country_in_the_phrase_wins_over_the_dateline(nlp: Language) -> None:
    body = "The Danish prime minister said the border would stay open."
    assert read(nlp, body, place="DUBLIN").one("The Danish prime minister").actor_id == "DK"


def test_an_office_of_organisations_takes_no_country_from_the_dateline(nlp: Language) -> None:
    body = "Secretary-General Maria Lund said the treaty was not in danger."
    assert read(nlp, body, place="OSLO").one("Secretary-General Maria Lund").actor_id is None


def test_the_headline_actor_stands_in_for_a_missing_dateline(nlp: Language) -> None:
    body = "Foreign Minister Jan Kowalczyk said the pipeline would be inspected."
    title = "Warsaw orders checks on Baltic pipeline"
    speaker = read(nlp, body, title=title).one("Foreign Minister Jan Kowalczyk")
    assert speaker.actor_id == "PL"


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Latvia and Lithuania order checks on Baltic pipeline", None),
        ("Minister orders checks on Baltic pipeline", None),
        ("Pipeline checks ordered", "RIGA/VILNIUS"),
    ],
)
def test_no_locale_when_headline_or_dateline_names_several_or_none(
    nlp: Language, title: str, place: str | None
) -> None:
    body = "Foreign Minister Jan Kowalczyk said the pipeline would be inspected."
    reading = read(nlp, body, title=title, place=place)
    assert reading.one("Foreign Minister Jan Kowalczyk").actor_id is None


def test_a_council_named_like_a_un_body_is_not_the_un(nlp: Language) -> None:
    body = "National Security Council spokesman Tom Reyes said the report was accurate."
    speaker = read(nlp, body).one("National Security Council spokesman Tom Reyes")
    # not the UN's: the United States' council (metonyms.json, a "body" of one state)
    assert (speaker.name, speaker.actor_id) == ("Tom Reyes", "US")


def test_a_diplomat_at_an_organisation_speaks_for_an_unnamed_state(nlp: Language) -> None:
    body = "An EU diplomat said the vote was close. A Dutch diplomat said it was not."
    reading = read(nlp, body)
    assert reading.one("An EU diplomat").actor_id is None
    assert reading.one("A Dutch diplomat").actor_id == "NL"


# Headers, lists and quantifiers -------------------------------------------------------------


def test_a_source_never_reaches_across_a_line_break(nlp: Language) -> None:
    body = "HUNGARY AND AUSTRIA\n\nBudapest and Vienna said they would close the route."
    speakers = read(nlp, body).speakers("HUNGARY AND AUSTRIA\n\nBudapest and Vienna")
    assert [(s.text, s.actor_id) for s in speakers] == [("Budapest", "HU"), ("Vienna", "AT")]


def test_a_country_written_in_capitals_is_an_actor_not_a_person(nlp: Language) -> None:
    body = "CANADA\n\nThe CANADIAN GOVERNMENT said it would send no troops."
    speaker = read(nlp, body).one("The CANADIAN GOVERNMENT")
    assert (speaker.name, speaker.actor_id) == (None, "CA")


def test_each_stands_for_the_people_listed_before_it(nlp: Language) -> None:
    body = (
        "Foreign ministers Anna Berg, Jonas Lind and Eva Holm, meeting in Riga on Thursday, "
        "each said their governments would not join."
    )
    speakers = read(nlp, body).speakers("each")
    assert [s.name for s in speakers] == ["Anna Berg", "Jonas Lind", "Eva Holm"]


def test_names_listed_after_a_title_are_one_speaker_each(nlp: Language) -> None:
    # The parser hangs "Lind" on "Novak" as an appositive and "Holm" on "Lind".
    body = (
        "Prime ministers Petr Novak, Donald Lind and Viktor Holm, meeting in Riga yesterday, "
        "each said their countries would not send troops."
    )
    speakers = read(nlp, body).speakers(
        "Prime ministers Petr Novak, Donald Lind and Viktor Holm, meeting in Riga yesterday"
    )
    assert [s.name for s in speakers] == ["Petr Novak", "Donald Lind", "Viktor Holm"]


def test_an_actor_named_twice_in_one_source_is_one_speaker(nlp: Language) -> None:
    body = "Ottawa and the Canadian government said they would send no troops."
    speakers = read(nlp, body).speakers("Ottawa and the Canadian government")
    assert [s.actor_id for s in speakers] == ["CA"]


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "Maria Lind, the European Commissioner for Transport, said the rules would change.",
            "Maria Lind, the European Commissioner for Transport",
        ),
        (
            "The EU Commissioner for Trade Jan Berg said talks would resume.",
            "The EU Commissioner for Trade Jan Berg",
        ),
    ],
)
def test_a_commissioner_of_the_european_union_speaks_for_it(
    nlp: Language, body: str, source: str
) -> None:
    speaker = read(nlp, body).one(source)
    assert speaker.actor_id == "EU"


def test_a_surname_particle_written_in_capitals_is_the_same_person(nlp: Language) -> None:
    body = (
        "Dutch Foreign Minister Jan van Dijk said on Monday that talks would go on. "
        "Van Dijk said the cabinet would decide on Friday."
    )
    reading = read(nlp, body)
    reading.one("Dutch Foreign Minister Jan van Dijk")
    later = reading.one("Van Dijk")
    assert (later.name, later.actor_id) == ("Jan van Dijk", "NL")
