"""An imperative title whose verb is also a noun ("Ban imports of ..."): the parser reads
its capitalised first word as a name compounded with the object, so the verb must be found
by parsing the title inside a clause; then the proposal's own action ("a ban on ...") is
what it is called, no stance word against it. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import MakeStatement
from test_stance_after_the_fact import judged

from factbox.stance.classify import slots_of
from factbox.stance.matching import IMPERATIVE_FRAME, ProposalMatcher
from factbox.stance.records import Proposal

STEEL = Proposal(
    "steel-ban",
    "Ban imports of cheap steel into the union",
    "The union stops importing cheap steel",
)
"""A proposal titled with an imperative whose verb ("ban") is also a noun."""


@pytest.fixture(scope="module")
def steel(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [STEEL])


def test_the_title_alone_reads_its_verb_as_a_name(nlp: Language) -> None:
    # the shape the frame is for: alone, and in lower case, "ban" is no verb
    assert nlp(STEEL.title)[0].pos_ != "VERB"
    assert nlp("ban" + STEEL.title[3:])[0].pos_ != "VERB"
    framed = nlp(IMPERATIVE_FRAME + "ban" + STEEL.title[3:])
    assert framed[len(IMPERATIVE_FRAME.split())].pos_ == "VERB"


def test_an_imperative_verb_that_is_also_a_noun_is_the_action(steel: ProposalMatcher) -> None:
    slots = slots_of(steel, "steel-ban")
    assert slots is not None
    assert "ban" in slots.action.words
    assert "import" in slots.theme.words
    assert "ban" not in slots.qualifier.words


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # the ban is the proposal itself: what is said of it decides
        ("The ban on cheap steel imports will cut the dumping, and this is very good news",
         "supports"),
        ("The union approved a package including a partial ban on cheap steel imports",
         "supports"),
        ("We reject the ban on cheap steel imports", "opposes"),
    ],
)
def test_the_proposals_own_ban_is_no_stance_word(
    make_statement: MakeStatement, steel: ProposalMatcher, content: str, stance: str
) -> None:
    assert judged(make_statement, steel, content, "steel-ban").stance == stance


def test_the_goods_of_an_import_are_the_theme_with_their_qualifiers(
    steel: ProposalMatcher,
) -> None:
    # "imports [of] cheap steel": reports name the goods without the flow
    slots = slots_of(steel, "steel-ban")
    assert slots is not None
    assert {"import", "steel"} <= slots.theme.words
    assert "cheap" in slots.qualifier.words
    assert {"embargo", "prohibit", "sanction"} <= slots.action.words


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        # the goods before the ban's noun are what it bans
        ("Germany could support a steel embargo", True),
        ("The steel embargo was very important news", True),
        ("Budapest does not support sanctions against steel from the republic", True),
        # another embargo, or the goods with no ban
        ("The council extended the arms embargo", False),
        ("Steel prices rose again in May", False),
    ],
)
def test_a_ban_told_by_its_goods_matches(
    nlp: Language, steel: ProposalMatcher, text: str, matched: bool
) -> None:
    assert bool(steel.match(nlp(text))) == matched


def test_a_ban_told_by_its_goods_is_judged(
    make_statement: MakeStatement, steel: ProposalMatcher
) -> None:
    assert judged(make_statement, steel, "We support a steel embargo", "steel-ban").stance == (
        "supports"
    )


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # "until" with a date, not negated: the day by which it is done, a timetable
        ("We want a ban on cheap steel imports until 31 December 2024", "supports"),
        # negated, the date is a time limit on it: a condition
        ("We will not ban cheap steel imports until 2025", "open"),
        # a clause after "until" is a condition whatever it says
        ("We want a ban on cheap steel imports until the mills have other suppliers", "open"),
    ],
)
def test_until_a_date_is_a_timetable_unless_negated(
    make_statement: MakeStatement, steel: ProposalMatcher, content: str, stance: str
) -> None:
    assert judged(make_statement, steel, content, "steel-ban").stance == stance
