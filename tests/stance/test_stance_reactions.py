"""Stance in ministers' reactions to a debate in an international body, on sentences written
for these tests in the shapes such reporting takes: a first-person stance over a pronoun in
the sentence after the one that names the proposal ("... the package was long debated. We
support it, but ...")."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import DEBATES, MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, StanceJudgement

PACKAGE = Proposal(
    "twelfth-package",
    "EU 12th sanctions package against Iran",
    "The European Union adopts its 12th package of sanctions against Iran",
)
MINISTER = Who("the minister", "BG", "Bulgaria", "country")
BLOCKED = "Moldova has vowed to block the 12th sanctions package."


@pytest.fixture(scope="module")
def reactions(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [*DEBATES, PACKAGE])


def on_package(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str, content: str | None = None
) -> StanceJudgement | None:
    """The judgement on the package of the minister's ``content`` (all of ``text``)."""
    parsed = make_statement(text, content=content, speakers=(MINISTER,))
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    return found.get(PACKAGE.slug)


READINGS = [
    (
        "The debate about the 12th sanctions package was long. We back it, but two"
        " governments are holding it up.",
        "supports",
    ),
    ("The debate about the 12th sanctions package was long. We oppose it.", "opposes"),
    (
        "We discussed the 12th sanctions package today. We do not support it.",
        "opposes",
    ),
    # a body's failure to agree on it is no stance of the one who reports it
    ("The EU failed to reach an agreement on the 12th sanctions package.", "unclear"),
    # the proposal as the topic of talk says nothing of where the speaker stands
    ("The discussion of the 12th sanctions package was particularly significant.", "unclear"),
    ("Discussions on this 12th sanctions package are ongoing.", "unclear"),
    # considering it, in a verb, still leaves it open
    ("We are discussing the 12th sanctions package.", "open"),
]
"""Sentences naming the package, and the stance the speaker takes in each."""


@pytest.mark.parametrize(("text", "stance"), READINGS)
def test_the_speakers_own_word_and_what_is_no_stance(
    text: str, stance: str, make_statement: MakeStatement, reactions: ProposalMatcher
) -> None:
    judgement = on_package(make_statement, reactions, text)
    assert judgement is not None, f"{text!r} names the package"
    assert (judgement.stance, judgement.about) == (stance, "speaker")


@pytest.mark.parametrize(
    "text",
    [
        # someone else's stance over the pronoun is not the speaker's commitment
        "The debate about the 12th sanctions package was long. They support it.",
        # a stance on something else
        "The debate about the 12th sanctions package was long. We support the farmers.",
    ],
)
def test_only_the_speakers_own_word_over_a_pronoun_counts(
    make_statement: MakeStatement, reactions: ProposalMatcher, text: str
) -> None:
    found = on_package(make_statement, reactions, text)
    assert found is not None and found.stance not in ("supports", "opposes")


def reaction(
    make_statement: MakeStatement, matcher: ProposalMatcher, before: str, content: str
) -> StanceJudgement | None:
    """Judge ``content``, said by the minister in a paragraph after ``before``."""
    return on_package(make_statement, matcher, f"{before}\n\nThe minister said {content}.", content)


@pytest.mark.parametrize(
    ("before", "content"),
    [
        (
            "The EU wants to adopt its 12th sanctions package this week. However, Moldova, a"
            " long-standing ally of Iran, has vowed to block the measures unless its demands"
            " are met.\n\nFarmers protested in Brussels on Monday.",
            "he was deeply upset and frustrated with Moldova",
        ),
        (
            "Moldova's plans to block the 12th sanctions package angered several capitals.",
            "We are disappointed by Chisinau's decision",
        ),
        (
            "Moldova and Armenia have vetoed the adoption of the 12th sanctions package.",
            "he expected a much greater feeling of solidarity from Armenia",
        ),
        (
            "The 12th sanctions package was blocked by Armenia.",
            "We must increase the pressure on Moldova and Armenia",
        ),
    ],
)
def test_reproaching_the_member_that_blocks_a_proposal_supports_it(
    make_statement: MakeStatement, reactions: ProposalMatcher, before: str, content: str
) -> None:
    found = reaction(make_statement, reactions, before, content)
    assert found is not None, f"{content!r} must be tied to the blocked package"
    assert (found.stance, found.about) == ("supports", "speaker")


@pytest.mark.parametrize(
    ("before", "content"),
    [
        # the member reproached blocked something else
        (
            "The EU adopted the 12th sanctions package. Moldova blocked a trade deal with Kyiv.",
            "he was frustrated with Moldova",
        ),
        # another member than the one that blocks it
        (BLOCKED, "he was frustrated with Portugal"),
        # no reproach
        (BLOCKED, "he was not upset with Moldova"),
        # an expectation met, not a disappointed one
        (BLOCKED, "he expected a reply from Moldova"),
    ],
)
def test_only_a_reproach_of_the_blocker_of_this_proposal_is_tied_to_it(
    make_statement: MakeStatement, reactions: ProposalMatcher, before: str, content: str
) -> None:
    found = reaction(make_statement, reactions, before, content)
    assert found is None


def test_a_reproach_held_by_others_is_theirs(
    make_statement: MakeStatement, reactions: ProposalMatcher
) -> None:
    content = "its supporters are frustrated with Moldova"
    before = BLOCKED
    found = reaction(make_statement, reactions, before, content)
    assert found is not None and (found.stance, found.about) == ("supports", "others")


def test_a_reproach_is_parsed_with_the_lead_before_it(reactions: ProposalMatcher) -> None:
    assert reactions.may_react('he was "really upset" with Moldova')
    assert reactions.may_refer_back("we expected more from the Moldovan government")
    assert not reactions.may_react("the ministers met in Brussels")
    # a reproach of nobody the text names as an actor is no reaction to a member
    assert not reactions.may_react("it has been a frustration of his from the beginning")


@pytest.mark.parametrize(
    "before",
    [
        BLOCKED,
        # a pronoun's veto ("its veto"): the one that vetoes, whoever it is
        "The ministers urged Moldova to lift its veto of the 12th sanctions package.",
    ],
)
def test_held_hostage_by_one_member_that_blocks_it_supports_it(
    make_statement: MakeStatement, reactions: ProposalMatcher, before: str
) -> None:
    # the member left unnamed but counted as one is the one the text showed blocking
    content = "the whole union is being held hostage by one member state"
    found = reaction(make_statement, reactions, before, content)
    assert found is not None, f"{content!r} must be tied to the blocked package"
    assert (found.stance, found.about) == ("supports", "speaker")


@pytest.mark.parametrize(
    ("before", "content"),
    [
        # nothing before is blocked by anyone
        ("The EU adopted the 12th sanctions package.",
         "the whole union is being held hostage by one member state"),
        # a member held hostage by no single member: no one is named or counted
        (BLOCKED, "the whole union is being held hostage by events"),
    ],
)
def test_an_unnamed_member_needs_a_blocker_before(
    make_statement: MakeStatement, reactions: ProposalMatcher, before: str, content: str
) -> None:
    assert reaction(make_statement, reactions, before, content) is None


def test_the_same_sentence_before_an_unnamed_reproach(
    make_statement: MakeStatement, reactions: ProposalMatcher
) -> None:
    # a wire lead: the blocking and the reproach of the unnamed member in one sentence
    text = (
        "The ministers urged Moldova to lift its veto of the 12th sanctions package, with the"
        " minister saying the bloc was being held hostage by one member state."
    )
    content = "the bloc was being held hostage by one member state"
    found = on_package(make_statement, reactions, text, content)
    assert found is not None and (found.stance, found.about) == ("supports", "speaker")


def test_an_unnamed_member_may_be_a_reaction(reactions: ProposalMatcher) -> None:
    # read without a parse: the lead before it is then parsed with it
    assert reactions.may_react("the whole union is held hostage by one member state")
    assert not reactions.may_react("the whole union is held hostage by events")
