"""Stance on shapes of real reporting after a decision, in sentences written for these
tests: accepting a result after the fact (open, guideline 6), an act judged by what it is
worth when done "by" doing the proposal (the speaker's praise or reproach, whoever did it),
and advice by comparison ("would be better off staying")."""

from __future__ import annotations

import pytest
from stance_support import MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.positions import lets_pass
from factbox.stance.records import StanceJudgement

MINISTER = Who("the minister", "FR", "France", "country")


def judged(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, slug: str
) -> StanceJudgement:
    """The judgement of "<content>, the minister said." on ``slug``."""
    parsed = make_statement(f"{content}, the minister said.", content, "said", (MINISTER,))
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert slug in found, f"{content!r} must match {slug}"
    return found[slug]


def minister_said(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, slug: str
) -> tuple[str, str]:
    """The stance and whose it is of "<content>, the minister said." on ``slug``."""
    found = judged(make_statement, matcher, content, slug)
    return found.stance, found.about


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # accepting the decision once it is made lets it pass: open, as respecting it does
        ("We accept the decision to admit Syrian refugees", "open"),
        ("We will comply with the decision to admit Syrian refugees", "open"),
        ("Our government will abide by the decision to admit Syrian refugees", "open"),
        ("We will respect the decision to admit Syrian refugees", "open"),
        # refusing to accept it is against it; accepting the people themselves is for it
        ("We will not accept the decision to admit Syrian refugees", "opposes"),
        ("We will never comply with the decision to admit Syrian refugees", "opposes"),
        ("We will not respect the decision to admit Syrian refugees", "opposes"),
        ("We accept Syrian refugees", "supports"),
    ],
)
def test_accepting_a_result_after_the_fact(
    make_statement: MakeStatement, debates: ProposalMatcher, content: str, stance: str
) -> None:
    judgement = judged(make_statement, debates, content, "refugees")
    assert (judgement.stance, judgement.about) == (stance, "speaker")
    # a result accepted lets it pass, as firm in positions as an abstention; a hedge does not
    assert (stance == "open") is lets_pass(judgement.cues)


def test_a_hedged_acceptance_of_the_thing_itself_does_not_let_it_pass(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    judgement = judged(make_statement, debates, "We could accept Syrian refugees", "refugees")
    assert judgement.stance == "open"
    assert not lets_pass(judgement.cues)


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # praise of a collective's act, done by doing the proposal: the speaker's support
        ("Europe has taken on its responsibilities by agreeing to take in Syrian refugees",
         "supports"),
        ("The allies did the right thing by agreeing to take in Syrian refugees", "supports"),
        # reproach of it: the speaker's opposition
        ("The council made a terrible mistake by agreeing to take in Syrian refugees",
         "opposes"),
    ],
)
def test_an_act_judged_by_its_means_is_the_speakers_judgement(
    make_statement: MakeStatement, debates: ProposalMatcher, content: str, stance: str
) -> None:
    assert minister_said(make_statement, debates, content, "refugees") == (stance, "speaker")


def test_an_act_told_without_a_judgement_stays_its_doers(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """Only a judgement makes it the speaker's: the act told alone is the doers' own."""
    content = "Hungary has agreed to take in Syrian refugees"
    assert minister_said(make_statement, debates, content, "refugees") == ("supports", "others")


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        ("Britain would be better off staying in the European Union", "opposes"),
        ("Britain would be better off leaving the European Union", "supports"),
        ("It would be better for Britain to leave the European Union", "supports"),
        ("It would be better for Britain not to leave the European Union", "opposes"),
    ],
)
def test_advice_by_comparison(
    make_statement: MakeStatement, debates: ProposalMatcher, content: str, stance: str
) -> None:
    """"Better" is read as the word it is (the parser's lemma is "well")."""
    assert minister_said(make_statement, debates, content, "leave-union") == (stance, "speaker")


@pytest.mark.parametrize(
    ("content", "slug", "stance"),
    [
        # the proposal as the only way left: a firm "for", the "no" on the noun spent
        ("We have no choice but to admit Syrian refugees", "refugees", "supports"),
        ("The council has no option but to impose new sanctions on the kingdom",
         "new-sanctions", "supports"),
        ("There is no alternative to new sanctions on the kingdom", "new-sanctions",
         "supports"),
        ("We have no choice but to reject new sanctions on the kingdom", "new-sanctions",
         "opposes"),
        # an alternative that exists, or "no way" with a clause of its own, is no such thing
        ("There is an alternative to new sanctions on the kingdom", "new-sanctions", "unclear"),
        ("There is no way we will impose new sanctions on the kingdom", "new-sanctions",
         "opposes"),
        # "a waste of money" judges it
        ("Building a border wall would be a waste of money", "barrier", "opposes"),
        # its time has come: what should be done now; the copula negated, not now
        ("It is time to admit Syrian refugees", "refugees", "supports"),
        ("Now is the time for Britain to leave the European Union", "leave-union", "supports"),
        ("The time has come to impose new sanctions on the kingdom", "new-sanctions",
         "supports"),
        ("Now is not the time to admit Syrian refugees", "refugees", "opposes"),
        ("This is not the time for new sanctions on the kingdom", "new-sanctions", "opposes"),
        # a time that only dates something says nothing
        ("At the time of the vote on new sanctions on the kingdom, we were absent",
         "new-sanctions", "unclear"),
        # those who refuse it should be ashamed: the speaker's reproach wants it done
        ("Those who refuse to admit Syrian refugees should be ashamed", "refugees", "supports"),
        ("We should be ashamed of admitting Syrian refugees", "refugees", "opposes"),
    ],
)
def test_the_only_way_its_time_and_shame(
    make_statement: MakeStatement, debates: ProposalMatcher, content: str, slug: str, stance: str
) -> None:
    assert minister_said(make_statement, debates, content, slug) == (stance, "speaker")


@pytest.mark.parametrize(
    ("text", "content", "stance"),
    [
        # condemning a refusal wants it done; condemning the decision itself is against it
        ("The minister condemned the refusal of some states to admit Syrian refugees.",
         "the refusal of some states to admit Syrian refugees", "supports"),
        ("The minister denounced the decision to admit Syrian refugees.",
         "the decision to admit Syrian refugees", "opposes"),
    ],
)
def test_condemning_those_who_hold_back(
    make_statement: MakeStatement, debates: ProposalMatcher, text: str, content: str, stance: str
) -> None:
    cue = text.split()[2]
    parsed = make_statement(text, content, cue, (Who("The minister", "FR"),), kind="act")
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, debates)}
    assert (found["refugees"].stance, found["refugees"].about) == (stance, "speaker")
