"""Actor lookup: countries, organisations, metonyms, demonyms, roles, and the data behind them."""

from __future__ import annotations

import json
from importlib import resources

import pycountry
import pytest
from spacy.language import Language

from factbox.extract.actors import (
    actor_index,
    actors_in,
    find_actors,
    lookup_actor,
    normalise_name,
    role_key,
    role_vocabulary,
)


def data(name: str) -> dict:
    with resources.files("factbox.data").joinpath(name).open(encoding="utf-8") as handle:
        return json.load(handle)


@pytest.mark.parametrize(
    ("written", "actor_id", "kind"),
    [
        ("Slovakia", "SK", "country"),
        ("Czechia", "CZ", "country"),
        ("the Czech Republic", "CZ", "country"),
        ("Russia", "RU", "country"),
        ("the Russian Federation", "RU", "country"),
        ("the United States", "US", "country"),
        ("the US", "US", "country"),
        ("U.S.", "US", "country"),
        ("Britain", "GB", "country"),
        ("the UK", "GB", "country"),
        ("South Korea", "KR", "country"),
        ("North Korea", "KP", "country"),
        ("Turkey", "TR", "country"),
        ("the Netherlands", "NL", "country"),
        ("NATO", "NATO", "organization"),
        ("the North Atlantic Treaty Organization", "NATO", "organization"),
        ("the EU", "EU", "organization"),
        ("the European Commission", "EU", "organization"),
        ("the UN Security Council", "UN", "organization"),
        ("the Kremlin", "RU", "country"),
        ("the Elysee", "FR", "country"),
        ("the Élysée", "FR", "country"),
        ("Downing Street", "GB", "country"),
        ("Number 10", "GB", "country"),
        ("the White House", "US", "country"),
        ("the Quai d\u2019Orsay", "FR", "country"),
        ("Berlin", "DE", "country"),
        ("Kyiv", "UA", "country"),
        ("Slovak", "SK", "country"),
        ("Polish", "PL", "country"),
        ("Poles", "PL", "country"),
        ("French", "FR", "country"),
    ],
)
def test_names_metonyms_and_demonyms_find_their_actor(
    written: str, actor_id: str, kind: str
) -> None:
    actor = lookup_actor(written)
    assert actor is not None, written
    assert (actor.id, actor.kind) == (actor_id, kind)


@pytest.mark.parametrize("written", ["Prime Minister", "officials", "polish", "turkey", "Fico"])
def test_words_that_are_not_actors_find_nothing(written: str) -> None:
    assert lookup_actor(written) is None


def test_country_names_are_short_english_names() -> None:
    names = {code: actor_index().actor(code) for code in ("SK", "CZ", "RU", "KR", "GB", "US")}
    assert {code: actor.name for code, actor in names.items() if actor} == {
        "SK": "Slovakia",
        "CZ": "Czechia",
        "RU": "Russia",
        "KR": "South Korea",
        "GB": "United Kingdom",
        "US": "United States",
    }


def test_organisations_carry_their_full_name() -> None:
    nato = lookup_actor("NATO")
    eu = lookup_actor("EU")
    assert nato is not None and nato.name == "North Atlantic Treaty Organization"
    assert eu is not None and eu.name == "European Union"


def test_a_body_keeps_its_name() -> None:
    name = actor_index().lookup("European Commission")
    assert name is not None
    assert (name.via, name.body, name.actor.id) == ("body", "European Commission", "EU")


def test_normalise_name_folds_accents_quotes_hyphens_and_the() -> None:
    assert normalise_name("the Élysée") == "Elysee"
    assert normalise_name("Quai d\u2019Orsay") == "Quai d'Orsay"
    assert normalise_name("secretary - general") == "secretary-general"
    assert normalise_name("  United   States ") == "United States"


@pytest.mark.parametrize(
    ("role", "key"),
    [
        ("Slovak Prime Minister", "prime minister"),
        ("the Slovak premier", "prime minister"),
        ("spokeswoman", "spokesperson"),
        ("Kremlin spokesman", "spokesperson"),
        ("Secretary General", "secretary-general"),
        ("secretary-general", "secretary-general"),
        ("Defense Minister", "defence minister"),
        ("foreign policy chief", "foreign policy chief"),
        ("Czech government", "government"),
    ],
)
def test_role_key_matches_one_office_across_spellings(role: str, key: str) -> None:
    assert role_key(role) == key


def test_role_key_of_something_that_is_no_office() -> None:
    assert role_key("matter") is None


def test_find_actors_skips_names_that_run_into_a_person(nlp: Language) -> None:
    doc = nlp("Israeli Foreign Minister Israel Katz met the Washington Post and Sofia Petrova.")
    found = find_actors(doc, range(len(doc)))
    assert [(doc[m.start : m.end].text, m.actor.id) for m in found] == [("Israeli", "IL")]


def test_find_actors_takes_the_longest_name(nlp: Language) -> None:
    doc = nlp("The South Korea envoy and the European Commission spoke.")
    found = find_actors(doc, range(len(doc)))
    assert [(doc[m.start : m.end].text, m.actor.id) for m in found] == [
        ("South Korea", "KR"),
        ("European Commission", "EU"),
    ]


def test_actors_in_lists_each_actor_once_in_text_order(nlp: Language) -> None:
    doc = nlp("Poland, the Kremlin, Polish diplomats and NATO disagreed.")
    assert [actor.id for actor in actors_in(doc, range(len(doc)))] == ["PL", "RU", "NATO"]


# The data files: every fact cites a source and points at an actor we know ------------------


def test_every_alias_points_at_a_country_and_cites_a_source() -> None:
    for entry in data("country_aliases.json")["aliases"]:
        assert entry["source"].strip(), entry
        known = pycountry.countries.get(alpha_2=entry["alpha_2"]) is not None
        assert known or entry.get("display"), entry
        actor = lookup_actor(entry["alias"])
        assert actor is not None and actor.id == entry["alpha_2"], entry


def test_every_demonym_names_an_existing_country_and_cites_a_source() -> None:
    for entry in data("demonyms.json")["demonyms"]:
        assert entry["source"].strip(), entry
        assert actor_index().actor(entry["alpha_2"]) is not None, entry
        for word in (*entry["adjectives"], *entry["nouns"]):
            assert word[0].isupper(), word
            actor = lookup_actor(word)
            assert actor is not None and actor.id == entry["alpha_2"], word


def test_every_metonym_names_an_existing_actor_and_cites_a_source() -> None:
    for entry in data("metonyms.json")["metonyms"]:
        assert entry["source"].strip(), entry
        actor = lookup_actor(entry["name"])
        assert actor is not None and actor.id == entry["actor"], entry


def test_every_organisation_cites_a_source_and_answers_to_all_its_names() -> None:
    ids = set()
    for entry in data("organisations.json")["organisations"]:
        assert entry["source"].strip(), entry
        assert entry["id"] == entry["id"].upper() and entry["id"] not in ids
        ids.add(entry["id"])
        for name in (entry["name"], *entry["aliases"]):
            actor = lookup_actor(name)
            assert actor is not None and actor.id == entry["id"], name
        for body in entry["bodies"]:
            for name in (body["name"], *body["aliases"]):
                found = actor_index().lookup(name)
                assert found is not None and found.body == body["name"], name


def test_organisation_ids_never_collide_with_country_codes() -> None:
    codes = {country.alpha_2 for country in pycountry.countries}
    for entry in data("organisations.json")["organisations"]:
        assert entry["id"] not in codes, entry["id"]


# Capitals, bodies inside other names, offices ------------------------------------------------


@pytest.mark.parametrize(
    ("written", "actor_id"),
    [("BELGIUM", "BE"), ("LISBON", "PT"), ("THE NETHERLANDS", "NL"), ("SOUTH KOREA", "KR")],
)
def test_names_in_capitals_find_their_actor(written: str, actor_id: str) -> None:
    assert (actor := lookup_actor(written)) is not None and actor.id == actor_id


@pytest.mark.parametrize("written", ["AND", "IT", "SAID", "LISBON STREET"])
def test_capitals_do_not_make_other_words_actors(written: str) -> None:
    assert lookup_actor(written) is None


def test_find_actors_reads_a_header_in_capitals(nlp: Language) -> None:
    doc = nlp("PORTUGAL AND GREECE")
    assert [m.actor.id for m in find_actors(doc, range(len(doc)))] == ["PT", "GR"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not the UN's: the United States' council (metonyms.json, a "body" of one state)
        ("The National Security Council met on Tuesday.", ["US"]),
        ("The Turkish Security Council met on Tuesday.", ["TR"]),
        ("Georgia's Security Council met on Tuesday.", ["GE"]),
        ("The Security Council met on Tuesday.", ["UN"]),
        ("The UN Security Council met on Tuesday.", ["UN"]),
        ("NATO's North Atlantic Council met on Tuesday.", ["NATO"]),
    ],
)
def test_a_body_named_as_part_of_another_name_is_not_the_organisation(
    nlp: Language, text: str, expected: list[str]
) -> None:
    doc = nlp(text)
    assert [actor.id for actor in actors_in(doc, range(len(doc)))] == expected


def test_offices_fit_the_kind_of_actor_that_has_them() -> None:
    roles = role_vocabulary()
    assert roles.office_fits("prime minister", "country")
    assert not roles.office_fits("prime minister", "organization")
    assert roles.office_fits("secretary-general", "organization")
    assert not roles.office_fits("secretary-general", "country")
    assert not roles.office_fits("ambassador", "country")
    assert roles.office_fits("spokesperson", "country")
    assert roles.office_fits("spokesperson", "organization")


def test_every_office_holder_in_the_data_is_a_known_kind() -> None:
    for entry in data("roles.json")["titles"]:
        assert entry.get("held_by", "state") in ("state", "organisation", "posted"), entry
