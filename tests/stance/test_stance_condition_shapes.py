"""Stance on shapes the held-out debates of a ban, a ratification and a draft resolution
showed, in sentences written for these tests: refusing a proposal that is itself a ban,
consent under a condition, criticism of those who hold it back, a chair's procedure,
campaigning for it, and another party doing the same act on its own behalf."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import MOTION, MakeStatement, Who
from stance_support import PACT as NORWAY_DEAL

from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, StanceJudgement

BOILERS = Proposal(
    "boiler-ban",
    "Ban new oil boilers in the EU from 2030",
    "The EU regulation requiring that no new oil boilers are installed in the EU from 2030",
    bodies=["eu-council"],
)
"""A proposal that is itself a ban: its own action is the refusal."""
TREATY = Proposal(
    "fish-treaty",
    "EU ratification of the fisheries treaty",
    "The Council decision to ratify the fisheries treaty on behalf of the European Union",
    bodies=["eu-council"],
)
"""A ratification by the EU, for conditions on consent and other parties' own acts."""
PACT = Proposal(
    "fish-pact",
    "EU ratifies the fisheries treaty",
    "The European Union ratifies the fisheries treaty before its member states do",
    bodies=["eu-council"],
)
"""The same act written with a verb, for other parties doing it on their own behalf."""

HE = Who("he", None)


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [BOILERS, TREATY, PACT, MOTION])


def judged(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    content: str,
    slug: str,
    speaker: Who = HE,
) -> StanceJudgement:
    """The judgement of "<content>, he said." on ``slug``."""
    text = f"{content}, {speaker.text} said."
    parsed = make_statement(text, content=content, cue="said", speakers=(speaker,))
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert slug in found, f"{content!r} must match {slug}"
    return found[slug]


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # refusing the ban refuses the proposal, however far the ban is from the thing
        ("The government will never accept an EU ban on the installation of new oil boilers",
         "opposes"),
        ("We will never accept a ban on new oil boilers", "opposes"),
        ("We back the ban on the installation of new oil boilers", "supports"),
        # refusing what the ban forbids backs it; wanting it allowed is against it
        ("We will not allow new oil boilers after 2030", "supports"),
        ("We will not permit the installation of new oil boilers after 2030", "supports"),
        ("New oil boilers must still be permitted after 2030", "opposes"),
    ],
)
def test_refusing_a_ban_and_refusing_what_it_forbids(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    found = judged(make_statement, matcher, content, "boiler-ban")
    assert (found.stance, found.about) == (stance, "speaker")


@pytest.mark.parametrize(
    ("content", "slug"),
    [
        # consent only on terms, or unless, provided that, subject to: open (rule 2)
        ("We would only support the EU ratification of the fisheries treaty", "fish-treaty"),
        ("We would only back the EU ratification of the fisheries treaty on terms that protect "
         "our fleet", "fish-treaty"),
        ("We will not consent to the EU ratification of the fisheries treaty unless our quotas "
         "are kept", "fish-treaty"),
        ("We will consent to the EU ratification of the fisheries treaty, provided that our "
         "quotas are kept", "fish-treaty"),
        ("Our yes to the ban on new oil boilers is subject to a plan for heat pumps",
         "boiler-ban"),
        ("We want money for heat pumps; otherwise we will not vote for the ban on new oil "
         "boilers", "boiler-ban"),
        # a demand for a carve-out is the price of consent
        ("We call for an exemption from the ban on new oil boilers", "boiler-ban"),
    ],
)
def test_consent_under_a_condition_is_open(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, slug: str
) -> None:
    found = judged(make_statement, matcher, content, slug)
    assert (found.stance, found.about) == ("open", "speaker")


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # what it takes to get there is procedure, no wish for it
        ("If the EU wants to ratify the fisheries treaty, ministers must take a unanimous "
         "decision at their next meeting", "unclear"),
        # a consequence still warns
        ("If the EU ratifies the fisheries treaty, it would be a disaster", "opposes"),
    ],
)
def test_a_decision_it_takes_is_no_consequence_that_wants_it(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    assert judged(make_statement, matcher, content, "fish-pact").stance == stance


@pytest.mark.parametrize(
    ("text", "content", "cue", "stance"),
    [
        ("Lisbon would only support EU ratification of the fisheries treaty on terms that "
         "protect its fleet.", "EU ratification of the fisheries treaty", "would only support",
         "open"),
        ("Lisbon will not consent to EU ratification of the fisheries treaty unless its quotas "
         "are kept.", "EU ratification of the fisheries treaty", "will not consent to", "open"),
        ("Lisbon will not consent to EU ratification of the fisheries treaty.",
         "EU ratification of the fisheries treaty", "will not consent to", "opposes"),
        ("Lisbon wants money for heat pumps; otherwise, it will not vote for the ban on new oil "
         "boilers.", "the ban on new oil boilers", "will not vote for", "open"),
        ("Lisbon only approved the ban on new oil boilers under the condition of a clause on "
         "heat pumps.", "the ban on new oil boilers", "only approved", "open"),
        # an act criticising the resistance to it backs it
        ("Lisbon has criticised Berlin's resistance to the ban on new oil boilers.",
         "Berlin's resistance to the ban on new oil boilers", "has criticised", "supports"),
    ],
)
def test_a_stance_act_with_a_condition_or_a_criticism(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    stance: str,
    text: str,
    cue: str,
    content: str,
) -> None:
    lisbon = Who("Lisbon", "PT", "Portugal", "country")
    parsed = make_statement(text, content=content, cue=cue, speakers=(lisbon,), kind="act")
    slug = "boiler-ban" if "boilers" in content else "fish-treaty"
    judged_all = judge_statement(parsed.doc, parsed.statement, matcher)
    found = [j for j in judged_all if j.proposal == slug]
    assert [(j.stance, j.about) for j in found] == [(stance, "speaker")]


@pytest.mark.parametrize(
    ("content", "stance", "about"),
    [
        # criticising those who resist or put it off backs it (rule 4)
        ("We criticise Berlin's resistance to the ban on new oil boilers", "supports",
         "speaker"),
        ("You don't have to postpone the ban on new oil boilers", "supports", "speaker"),
        ("We are ready for a fight because delaying the ban on new oil boilers is a mistake",
         "supports", "speaker"),
        # refusing a carve-out from it backs it too
        ("We reject any exemption from the ban on new oil boilers", "supports", "speaker"),
        # the resistance itself is its holders'
        ("Berlin's resistance to the ban on new oil boilers is growing", "opposes", "others"),
        # putting it off is holding it back; not putting it off is going ahead
        ("We want to postpone the ban on new oil boilers", "open", "speaker"),
        ("We will not delay the ban on new oil boilers", "supports", "speaker"),
    ],
)
def test_criticising_resistance_or_delay_backs_it(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    content: str,
    stance: str,
    about: str,
) -> None:
    found = judged(make_statement, matcher, content, "boiler-ban")
    assert (found.stance, found.about) == (stance, about)


@pytest.mark.parametrize(
    ("content", "slug", "stance"),
    [
        # the conduct of a meeting takes no side (rule 14)
        ("The committee will not pronounce itself this morning on the ban on new oil boilers "
         "but on Friday", "boiler-ban", "unclear"),
        ("The vote on the ban on new oil boilers was postponed until Friday", "boiler-ban",
         "unclear"),
        ("The ministers will vote on the ban on new oil boilers next week", "boiler-ban",
         "unclear"),
        # a vote with a side, or a member putting the ban itself off, still has one
        ("We will vote against the ban on new oil boilers next week", "boiler-ban", "opposes"),
        ("We want to postpone the ban on new oil boilers", "boiler-ban", "open"),
        # campaigning for it backs it
        ("She had sent a letter of encouragement and mobilisation regarding the EU "
         "ratification of the fisheries treaty to every government", "fish-treaty", "supports"),
        ("She campaigned for the EU ratification of the fisheries treaty", "fish-treaty",
         "supports"),
        ("She lobbied hard for the EU ratification of the fisheries treaty", "fish-treaty",
         "supports"),
        ("She urged the members to vote in favour of the EU ratification of the fisheries "
         "treaty", "fish-treaty", "supports"),
        ("She requested an early meeting of the Council to adopt the EU ratification of the "
         "fisheries treaty", "fish-treaty", "supports"),
        # a letter about it says nothing of its own
        ("She sent a letter regarding the EU ratification of the fisheries treaty",
         "fish-treaty", "unclear"),
    ],
)
def test_the_conduct_of_a_meeting_and_campaigning(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    content: str,
    slug: str,
    stance: str,
) -> None:
    assert judged(make_statement, matcher, content, slug).stance == stance


@pytest.mark.parametrize(
    ("text", "content", "cue", "who", "kind", "about"),
    [
        # another party's own act of the same kind is not the proposal's doer's (rule 11)
        ("India announced a ratification of the fisheries treaty on Sunday.",
         "a ratification of the fisheries treaty on Sunday", "announced", "India", None, False),
        ("India ratified the fisheries treaty.", "the fisheries treaty", "ratified", "India",
         "act", False),
        ("The ratification of the fisheries treaty by India came on Sunday, he said.",
         "The ratification of the fisheries treaty by India came on Sunday", "said", "he", None,
         False),
        # the proposal's doer, a member of its body, or a reaction to the act still are
        ("The EU ratified the fisheries treaty.", "the fisheries treaty", "ratified", "The EU",
         "act", True),
        ("Poland ratified the fisheries treaty.", "the fisheries treaty", "ratified", "Poland",
         "act", True),
        ("India welcomed the EU ratification of the fisheries treaty, he said.",
         "India welcomed the EU ratification of the fisheries treaty", "said", "he", None, True),
    ],
)
def test_another_partys_own_act_is_not_the_proposals(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    content: str,
    cue: str,
    who: str,
    kind: str | None,
    about: bool,
) -> None:
    ids = {"India": "IN", "The EU": "EU", "Poland": "PL"}
    speaker = Who(who, ids.get(who), None, "country" if who in ids else "unknown")
    parsed = make_statement(text, content=content, cue=cue, speakers=(speaker,), kind=kind)
    found = {j.proposal for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert ("fish-pact" in found) == about


@pytest.mark.parametrize(
    ("content", "about"),
    [
        # a text of another organ of the same organisation is another text
        ("A resolution of the UN General Assembly demanding a halt to harbour dredging sent a "
         "necessary signal", False),
        ("The UN resolution demanding a halt to harbour dredging sent a necessary signal", True),
        ("The Security Council resolution demanding a halt to harbour dredging sent a necessary "
         "signal", True),
    ],
)
def test_a_text_of_another_organ_is_another_text(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, about: bool
) -> None:
    parsed = make_statement(f"{content}, he said.", content=content, cue="said", speakers=(HE,))
    found = {j.proposal for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert ("harbour-motion" in found) == about


def test_a_party_the_proposal_names_does_the_same_act(
    nlp: Language, make_statement: MakeStatement
) -> None:
    """A deal "with Norway": Norway signing it is the same deal, not another act."""
    deal = ProposalMatcher(nlp, [NORWAY_DEAL])
    norway = Who("Norway", "NO", "Norway", "country")
    for who, about in ((norway, True), (Who("India", "IN", "India", "country"), False)):
        text = f"{who.text} signed the trade deal with Norway."
        parsed = make_statement(
            text, content="the trade deal with Norway", cue="signed", speakers=(who,), kind="act"
        )
        found = {j.proposal for j in judge_statement(parsed.doc, parsed.statement, deal)}
        assert ("norway-deal" in found) == about, who.text
