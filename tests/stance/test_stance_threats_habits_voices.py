"""Stance on shapes the calibrate half of the real-news stance set showed, in sentences
written for these tests: a threat whose condition the parser made the sentence's root, a
body's own statement recalling what it said, the members of a body speaking of themselves,
a habit of doing the proposal ("a long tradition of taking in refugees"), a position denied
on its copula ("not opposed to it"), a verdict on an act ("was right to impose them", "an
appropriate response"), something else wanted first ("want guarantees before we ..."),
arguing for it and objecting to it, "something" a clause says of it, setting it aside,
and dragging someone into a war."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import DEBATES, MakeStatement, Who
from stance_support import judged_on as judged

from factbox.stance.matching import ProposalMatcher

MINISTER = Who("The minister", "FR", "France", "country")
COUNCIL = Who("they", "UN", "United Nations", "organization")


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, DEBATES)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        # the condition right after the noun that ends the threat, no comma: the parser
        # makes "should they vote" the root and the threat its clause
        ("The minister threatened the voters with a loss of trade should they vote to leave"
         " the European Union.", "the voters with a loss of trade should they vote to leave"
         " the European Union", "threatened"),
        ("The minister threatened the voters with higher tariffs should they vote to leave"
         " the European Union.", "should they vote to leave the European Union", "threatened"),
        # a warning over the same condition read the same before
        ("The minister warned the voters of higher prices should they vote to leave the"
         " European Union.", "should they vote to leave the European Union", "warned"),
    ],
)
def test_a_threat_over_an_inverted_condition_without_a_comma_opposes_it(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str, content: str, cue: str
) -> None:
    found = judged(make_statement, matcher, text, content, "leave-union", cue, MINISTER)
    assert (found.stance, found.about) == ("opposes", "speaker")


@pytest.mark.parametrize(
    ("opening", "about"),
    [
        # the body's own statement recalling its words is no claim of someone else's
        ("The statement noted", "speaker"),
        ("Their communique recalled", "speaker"),
        # a senator recalling them is: the view is theirs on the senator's word
        ("The senator noted", "others"),
    ],
)
def test_a_bodys_own_statement_recalling_its_words_is_its_voice(
    make_statement: MakeStatement, matcher: ProposalMatcher, opening: str, about: str
) -> None:
    content = "they would impose further sanctions on the kingdom if it conducted another test"
    text = f"{opening} that they had earlier said {content}."
    found = judged(make_statement, matcher, text, content, "new-sanctions", "had earlier said",
                   COUNCIL)
    assert (found.stance, found.about) == ("supports", about)


@pytest.mark.parametrize(
    ("holder", "about"),
    [
        # the members of the body that speaks, taken together, are the body
        ("The members of the Security Council", "speaker"),
        ("Its members", "speaker"),
        # the members of another body are others
        ("The members of NATO", "others"),
    ],
)
def test_the_members_of_the_speaking_body_are_the_body(
    make_statement: MakeStatement, matcher: ProposalMatcher, holder: str, about: str
) -> None:
    content = f"{holder} will begin to work at once on new sanctions on the kingdom"
    text = f'"{content}," they said.'
    found = judged(make_statement, matcher, text, content, "new-sanctions", "said", COUNCIL)
    assert (found.stance, found.about) == ("supports", about)


def minister_said(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, slug: str
) -> str:
    """The stance of "<content>, the minister said." on ``slug``, "/others" when it is
    someone else's."""
    text = f"{content}, the minister said."
    found = judged(make_statement, matcher, text, content, slug, "said", MINISTER)
    return found.stance if found.about == "speaker" else f"{found.stance}/others"


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # a habit of doing it: done again and again, as a finite verb says
        ("We have a long tradition of taking in Syrian refugees", "supports"),
        ("Our country has a proud history of taking in Syrian refugees", "supports"),
        # the gerund the parser made an adjective of the theme is still the verb
        ("The village has a long history of welcoming Syrian refugees", "supports/others"),
        ("The village has a long record of rejecting Syrian refugees", "opposes/others"),
        # negated, against it; the theme alone after the noun is no act
        ("We have no tradition of taking in Syrian refugees", "opposes"),
        ("Our village has a long history of Syrian refugees", "unclear"),
    ],
)
def test_a_habit_of_doing_it_says_it_is_done(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    assert minister_said(make_statement, matcher, content, "refugees") == stance


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # a position a copula says, its negation on the copula: the refusal denied
        ("We are not opposed to new sanctions on the kingdom", "open"),
        ("We are not against new sanctions on the kingdom", "open"),
        ("We are opposed to new sanctions on the kingdom", "opposes"),
        # the speaker's verdict on someone else's act: the speaker's stance
        ("The council was right to impose new sanctions on the kingdom", "supports"),
        ("The council was wrong to impose new sanctions on the kingdom", "opposes"),
        ("The council was wrong not to impose new sanctions on the kingdom", "supports"),
        ("The council would be wise to impose new sanctions on the kingdom", "supports"),
        # a disposition of the subject is the subject's own
        ("The council is ready to impose new sanctions on the kingdom", "open/others"),
        ("The council is determined to impose new sanctions on the kingdom", "supports/others"),
        # the verdict an adjective gives a noun that alone warns or hedges
        ("New sanctions on the kingdom are an appropriate response", "supports"),
        ("New sanctions on the kingdom would be a disproportionate response", "opposes"),
        ("New sanctions on the kingdom are a good idea", "supports"),
        ("New sanctions on the kingdom would provoke a response", "opposes"),
        # something else wanted first: a condition
        ("We want guarantees before we impose new sanctions on the kingdom", "open"),
        ("Before we back new sanctions on the kingdom, we need assurances", "open"),
        # another step first is no condition of the speaker's
        ("We will consult our partners before we impose new sanctions on the kingdom",
         "supports"),
        # arguing for it, objecting to it, having no objection, dropping an opposition
        ("We have long argued for new sanctions on the kingdom", "supports"),
        ("We objected to new sanctions on the kingdom", "opposes"),
        ("We have strong objections to new sanctions on the kingdom", "opposes"),
        ("We have no objection to new sanctions on the kingdom", "open"),
        ("We have dropped our opposition to new sanctions on the kingdom", "open"),
    ],
)
def test_positions_denied_verdicts_and_conditions_on_new_sanctions(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    assert minister_said(make_statement, matcher, content, "new-sanctions") == stance


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # "something" a clause of the speaker's says of it: that clause's stance word, the
        # copula's negation over it
        ("Sending troops to Ukraine is not something we can rule out", "open"),
        ("Sending troops to Ukraine is something we are considering", "open"),
        ("Sending troops to Ukraine is something we reject", "opposes"),
        ("Sending troops to Ukraine is not something we are considering", "opposes"),
        # set aside, too much, without the means
        ("We have shelved plans to send troops to Ukraine", "opposes"),
        ("We dropped plans to send troops to Ukraine", "opposes"),
        ("The plans to send troops to Ukraine remain on hold", "opposes"),
        ("Sending troops to Ukraine would be a step too far", "opposes"),
        ("We lack the means to send troops to Ukraine", "opposes"),
        # dragging someone into a war is read by the war, a warning
        ("Sending troops to Ukraine would drag the alliance into a direct conflict with Russia",
         "opposes"),
        ("Sending troops to Ukraine would drag us into the war", "opposes"),
        # dragging one's feet still holds it back
        ("We are dragging our feet on sending troops to Ukraine", "open"),
    ],
)
def test_something_said_of_it_set_aside_too_much_or_dragged_into(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    assert minister_said(make_statement, matcher, content, "send-troops") == stance
