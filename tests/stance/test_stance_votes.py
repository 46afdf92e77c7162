"""Votes and sponsorships reported in narration (the sentences are written for these tests):
a text put forward or introduced by its sponsors is the proposal's text, as a text that is
vetoed or adopted is; a vote told as a count or of all of a body's members is each member's
stance on the text, and a count on an earlier or similar text none on this one; a sponsor
named in a participle of the text ("the resolution, drafted by A") supports it."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from stance_support import plain_article, stances_by_actor

from factbox.extract import extract_article
from factbox.ingesting import judge
from factbox.rules.bodies import load_body
from factbox.rules.membership import members_as_of
from factbox.stance.classify import states_voting_above
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal

DAY = dt.date(2017, 3, 10)
"""A day the council's membership is known for; Sweden sat on it then."""

MOTION = Proposal(
    "harbour-motion",
    "UN resolution demanding a halt to harbour dredging",
    "A UN Security Council resolution demanding that the republic stop all dredging in the "
    "disputed harbour",
    bodies=["unsc"],
)


@pytest.fixture(scope="module")
def motion(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [MOTION])


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The resolution was put forward for a vote on Monday by Peru and Chile.", "put"),
        ("The resolution was introduced to the council by Peru and Chile.", "introduced"),
    ],
)
def test_a_text_its_sponsors_put_forward_is_the_proposals(
    nlp: Language, motion: ProposalMatcher, text: str, verb: str
) -> None:
    (found,) = motion.match(nlp(text))
    decision = found.slot("decision")
    assert decision is not None and decision.text == verb


def test_a_text_put_to_other_use_is_not_tied_by_the_verb(
    nlp: Language, motion: ProposalMatcher
) -> None:
    # "put" ties a text only as its sponsors' act: a harbour put to use is no text
    assert motion.match(nlp("The harbour was put to use by Peru and Chile.")) == []


def member_stances(
    nlp: Language, matcher: ProposalMatcher, text: str, published: dt.date = DAY
) -> dict[str, str]:
    """Each speaker's actor of a statement about the motion -> its stance (its own)."""
    return stances_by_actor(nlp, matcher, text, MOTION.slug, published)


def council(day: dt.date = DAY) -> set[str]:
    return set(members_as_of(load_body("unsc"), day))


VOTED_ON = (
    "The Security Council voted on the UN resolution demanding a halt to harbour dredging on "
    "Monday."
)
"""A sentence that names the motion as the text voted on, for votes told after it."""


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council adopted a resolution on Monday demanding that the republic stop "
        "dredging the harbour. The council passed the resolution 14-0, with Sweden abstaining.",
        "The UN resolution demanding a halt to harbour dredging came to a vote on Monday. All "
        "15 members of the Security Council except Sweden voted for the resolution.",
        # a count as the agent of a passive verb of backing; its abstainer in a clause of its
        # own, which is no frame of the count
        "The Security Council voted on the harbour dredging on Monday. The resolution was "
        "supported by 14 members, while Sweden abstained, making it the first dredging "
        "resolution adopted by the council in years.",
        # "except for" after the verb
        "The Security Council voted on the harbour dredging on Monday. All the 14 members "
        "of the Security Council voted in favour of the resolution, except for Sweden, which "
        "abstained from voting.",
    ],
)
def test_every_member_a_vote_stands_for_supports_it(
    nlp: Language, motion: ProposalMatcher, text: str
) -> None:
    found = member_stances(nlp, motion, text)
    assert found.pop("SE", "open") == "open"  # its own act, where the parse finds one
    assert found == {member: "supports" for member in council() - {"SE"}}


@pytest.mark.parametrize(
    "text",
    [
        # a similar text decided before is another text
        "The republic resumed dredging the harbour. The Security Council adopted a similar "
        "resolution 14-0 last year, with Sweden abstaining.",
        # a text of another year
        "The republic resumed dredging the harbour. In 2017 the Security Council passed a "
        "resolution on the harbour 14-0, with Sweden abstaining.",
    ],
)
def test_a_count_on_an_earlier_text_says_nothing_of_this_one(
    nlp: Language, motion: ProposalMatcher, text: str
) -> None:
    assert member_stances(nlp, motion, text, dt.date(2018, 3, 12)) == {}


@pytest.mark.parametrize(
    ("clause", "stance"),
    [
        ("voted against the resolution", "opposes"),
        ("abstained on the resolution", "open"),
        ("voted in favour of the resolution", "supports"),
    ],
)
def test_states_listed_after_the_clause_of_their_vote_hold_its_stance(
    nlp: Language, motion: ProposalMatcher, clause: str, stance: str
) -> None:
    text = (
        f"{VOTED_ON} Envoys from the two countries that {clause} - Sweden and Japan - were "
        "summoned on Tuesday."
    )
    assert member_stances(nlp, motion, text) == {"SE": stance, "JP": stance}


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a vote whose "to" clause passes the text is a vote for it, as "voted for it" is
        ("Sweden and Japan voted to adopt the resolution on Monday.", "supports"),
        ("Sweden and Japan voted to pass the resolution on Monday.", "supports"),
        ("States that voted to adopt the resolution were Sweden and Japan.", "supports"),
        ("Sweden and Japan did not vote to adopt the resolution.", "opposes"),
        ("Sweden and Japan voted to block the resolution on Monday.", "opposes"),
    ],
)
def test_a_vote_to_pass_the_text_is_a_vote_for_it(
    nlp: Language, motion: ProposalMatcher, text: str, stance: str
) -> None:
    assert member_stances(nlp, motion, text) == {"SE": stance, "JP": stance}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # more states than the council has members voted: a larger body's vote and text
        (
            "The envoy spoke after Sweden and 140 other countries voted for a resolution "
            "demanding a halt to harbour dredging.",
            {},
        ),
        (
            "The resolution demanding a halt to dredging was backed by 141 countries, including "
            "Sweden.",
            {},
        ),
        # a count the council's membership holds, or a larger body only named, is no sign
        (
            "Sweden and 13 other countries voted for the resolution demanding a halt to "
            "harbour dredging.",
            {"SE": "supports"},
        ),
        (
            "Sweden told the 193-nation assembly it backs the resolution demanding a halt to "
            "harbour dredging.",
            {"SE": "supports"},
        ),
    ],
)
def test_a_vote_by_more_states_than_the_body_has_is_another_bodys(
    nlp: Language, motion: ProposalMatcher, text: str, found: dict[str, str]
) -> None:
    assert member_stances(nlp, motion, text) == found


def test_the_organ_a_proposal_names_gives_its_size_without_bodies(nlp: Language) -> None:
    # no bodies typed: the organ in its title ("UN Security Council") has 15 members
    named = Proposal(MOTION.slug, MOTION.title.replace("UN", "UN Security Council"), "")
    matcher = ProposalMatcher(nlp, [named])
    many = (
        "Sweden and 140 other countries voted for the resolution demanding a halt to harbour "
        "dredging."
    )
    few = many.replace("140", "13")
    assert member_stances(nlp, matcher, many) == {}
    assert member_stances(nlp, matcher, few) == {"SE": "supports"}


@pytest.mark.parametrize(
    ("vote", "stance"),
    [
        # the way of a vote with nothing after it, on the text named before
        ("Sweden voted in favour.", "supports"),
        ("Sweden did not vote in favour.", "opposes"),
    ],
)
def test_a_vote_told_only_by_its_way_is_on_the_text_named_before(
    nlp: Language, motion: ProposalMatcher, vote: str, stance: str
) -> None:
    assert member_stances(nlp, motion, f"{VOTED_ON} {vote}") == {"SE": stance}


@pytest.mark.parametrize(
    ("said", "stance"),
    [
        # thanking those who voted for it backs it; those who did not, opposes it
        ("Thank you to all council members who voted for the resolution", "supports"),
        ("We thank the members who did not back the resolution", "opposes"),
    ],
)
def test_thanking_the_voters_takes_their_side(
    nlp: Language, motion: ProposalMatcher, said: str, stance: str
) -> None:
    text = f'{VOTED_ON} "{said}," the Swedish president said.'
    assert member_stances(nlp, motion, text).get("SE") == stance


def test_abstaining_on_a_text_is_about_that_text(nlp: Language, motion: ProposalMatcher) -> None:
    text = f"{VOTED_ON} Sweden abstained on the resolution."
    assert member_stances(nlp, motion, text) == {"SE": "open"}


@pytest.mark.parametrize(
    "text",
    [
        "The vote on the resolution, driven in part by Sweden, a member of the council, is set "
        "for Monday.",
        "The resolution, drafted by Sweden and Peru, was put to a vote in the council on Monday.",
        # the sponsors back the text whatever another member did with it
        "Russia vetoed the resolution drafted by Sweden and Peru.",
    ],
)
def test_a_sponsor_named_in_a_participle_of_the_text_supports_it(
    nlp: Language, motion: ProposalMatcher, text: str
) -> None:
    found = member_stances(nlp, motion, text)
    sponsors = {"SE", "PE"} if "Peru" in text else {"SE"}
    assert {found.get(sponsor) for sponsor in sponsors} == {"supports"}
    assert found.get("RU") in (None, "opposes")


CAR_BAN = Proposal(
    "car-ban",
    "Ban new petrol cars in the EU from 2040",
    "An EU law that bans the sale of new petrol cars from 2040",
    bodies=["eu-council"],
)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # the action's noun two nouns above the theme is the proposal's own action, no
        # word of opposition to the cars
        ("Portugal voted for a ban on sales of new petrol cars on Tuesday.", "supports"),
        ("Portugal voted against a ban on sales of new petrol cars on Tuesday.", "opposes"),
    ],
)
def test_a_vote_on_the_proposals_own_ban_is_read_through_its_noun(
    nlp: Language, text: str, stance: str
) -> None:
    matcher = ProposalMatcher(nlp, [CAR_BAN])
    doc = nlp(text)
    found = [
        item.judgement.stance
        for statement in extract_article(doc, plain_article(text, DAY)).statements
        for item in judge(doc, statement, matcher)
        if item.match.slug == CAR_BAN.slug and "PT" in {s.actor_id for s in statement.speakers}
    ]
    assert found == [stance]


def test_a_count_of_states_hung_away_from_its_vote_still_counts(nlp: Language) -> None:
    # the parser may hang "140 other countries" on a preposition, leaving the vote after
    # them with no subject ("after the UAE and 140 other countries voted for it")
    words = ["Berg", "spoke", "after", "Peru", "and", "140", "other", "countries", "voted"]
    heads = [1, 1, 1, 2, 3, 7, 7, 3, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "cc", "nummod", "amod", "conj", "advcl"]
    lemmas = ["Berg", "speak", "after", "Peru", "and", "140", "other", "country", "vote"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    assert states_voting_above(doc[:], 15)
    assert not states_voting_above(doc[:], 193)
    # a count of states that votes nothing is no sign
    lemmas[-1] = "speak"
    assert not states_voting_above(
        Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)[:], 15
    )


@pytest.mark.parametrize(
    "text",
    [
        "Chile vetoed the resolution demanding a halt to harbour dredging, with Peru and "
        "Sweden abstaining from the vote.",
        "Chile voted against the resolution demanding a halt to harbour dredging, with Sweden "
        "and Peru abstaining.",
    ],
)
def test_members_abstaining_in_a_with_clause_are_open_whatever_the_main_verb(
    nlp: Language, motion: ProposalMatcher, text: str
) -> None:
    # the absolute clause is the named members' own act; the main clause's veto or no vote
    # is another member's and does not frame it
    found = stances_by_actor(nlp, motion, text, "harbour-motion", DAY)
    assert found["CL"] == "opposes"
    assert found["PE"] == "open" and found["SE"] == "open"


RIVALS = (
    "The council voted on the resolution demanding a halt to harbour dredging and on a rival "
    "Chilean proposal. Peru and Sweden voted against the Chilean measure."
)


def test_a_no_vote_on_the_text_the_article_calls_a_rival_is_not_on_the_proposal(
    nlp: Language, motion: ProposalMatcher
) -> None:
    # the proposal names no sponsor; the article calls Chile's text the rival one, so "the
    # Chilean measure" is that rival and the no votes on it say nothing of the proposal
    found = stances_by_actor(nlp, motion, RIVALS, "harbour-motion", DAY)
    assert "PE" not in found and "SE" not in found
    # without the article calling it a rival, Chile's text may be the proposal itself
    plain = RIVALS.replace("a rival Chilean proposal", "a proposal on fishing")
    found = stances_by_actor(nlp, motion, plain, "harbour-motion", DAY)
    assert found.get("PE") == "opposes" and found.get("SE") == "opposes"


def test_brokering_the_passage_of_a_text_supports_it(
    nlp: Language, motion: ProposalMatcher
) -> None:
    text = (
        "Chile is attempting to broker the passage of the resolution demanding a halt to "
        "harbour dredging."
    )
    assert stances_by_actor(nlp, motion, text, "harbour-motion", DAY).get("CL") == "supports"
