"""Stance from evaluations and arguments that take a side without a stance verb, in
sentences written for these tests: the proposal's own noun judged by its adjective ("it is a
terrible deal"), a firm adjective over a noun that only hedges ("a terrible idea", "the best
option"), scorn and praise words, a remedy the proposal brings ("a wall will stop illegal
crossings"), a verdict that it works, a danger denied ("the refugees are no threat"), a side
taken by a copula ("I am a strong supporter of it", "I am all for it"), keeping to it, a
modal shared by coordinated verbs, the proposal's own people let in, being inside what a
proposal would leave ("better off in the union"), and a warning verb right before a
condition the parser hung elsewhere. Each case but the controls fails on the
judge before this change."""

from __future__ import annotations

import pytest
from stance_support import MakeStatement, Who, judged_on

from factbox.stance.matching import ProposalMatcher

SPEAKER = Who("he")


def quoted(content: str) -> str:
    return f'"{content}," he said.'


CASES = {
    # the proposal's own noun as what a copula says its subject is: its adjective judges it
    "called by name": [
        ("It is a terrible nuclear accord", "keep-accord", "opposes"),
        ("This is a historic nuclear accord", "keep-accord", "supports"),
        # the copula's negation is read over the adjective
        ("It is not a bad nuclear accord", "keep-accord", "supports"),
    ],
    # a firm adjective decides over a noun that only hedges ("idea", "option")
    "adjective over a hedge": [
        ("Leaving the European Union would be a terrible idea", "leave-union", "opposes"),
        ("A wall on the border is the best option", "barrier", "supports"),
        ("The nuclear accord is one of the worst deals ever", "keep-accord", "opposes"),
    ],
    # scorn and praise without a stance verb
    "scorn and praise": [
        ("Building a wall on the border is ridiculous", "barrier", "opposes"),
        ("Taking in Syrian refugees is insane", "refugees", "opposes"),
        ("The nuclear accord is a joke", "keep-accord", "opposes"),
        ("The nuclear accord is deeply flawed", "keep-accord", "opposes"),
        ("Leaving the European Union would be a short-sighted move", "leave-union", "opposes"),
        ("The nuclear accord is an excellent deal", "keep-accord", "supports"),
        # its cost
        ("The wall on the border is too expensive", "barrier", "opposes"),
        ("The wall on the border would be too costly", "barrier", "opposes"),
    ],
    # what the proposal stops, prevents or deters is a remedy: an argument for it
    "remedy": [
        ("A wall on the border will stop illegal crossings", "barrier", "supports"),
        ("The nuclear accord prevents a bomb", "keep-accord", "supports"),
        ("A wall on the border won't stop anyone", "barrier", "opposes"),
        ("The nuclear accord will not prevent a bomb", "keep-accord", "opposes"),
        ("A wall on the border would protect our towns", "barrier", "supports"),
    ],
    # harms of the proposal's own doing, and a verdict that it works
    "harm and verdict": [
        ("The nuclear accord will embolden the regime", "keep-accord", "opposes"),
        ("New sanctions on the kingdom are working", "new-sanctions", "supports"),
    ],
    # one of the people on a side, said by a copula: the side is the subject's
    "side by copula": [
        ("I am a strong supporter of the nuclear accord", "keep-accord", "supports"),
        ("I am an opponent of the nuclear accord", "keep-accord", "opposes"),
        ("I am a big fan of the nuclear accord", "keep-accord", "supports"),
    ],
    # a position in favour said by a copula of a person
    "for it": [
        ("I am all for a wall on the border", "barrier", "supports"),
    ],
    # keeping to it, championing it, the only solution, the national interest
    "keeping to it": [
        ("We stand by the nuclear accord", "keep-accord", "supports"),
        ("We have long championed the nuclear accord", "keep-accord", "supports"),
        ("A wall on the border is the only solution", "barrier", "supports"),
        ("A wall on the border is no solution", "barrier", "opposes"),
        ("The nuclear accord is in our national interest", "keep-accord", "supports"),
        ("We need to pause the admission of Syrian refugees", "refugees", "opposes"),
    ],
    # a verb coordinated without a subject or auxiliary shares its first verb's modal
    "shared modal": [
        ("Britain must take back control and leave the European Union", "leave-union", "supports"),
    ],
    # letting the proposal's own people in is doing it, no permission to others
    "let in": [
        ("We should let Syrian refugees in", "refugees", "supports"),
    ],
    # inside what the proposal would leave: staying
    "inside what it leaves": [
        ("Britain is better off in the European Union", "leave-union", "opposes"),
        ("We value a strong Britain within the European Union", "leave-union", "opposes"),
    ],
    # a danger denied defends it
    "danger denied": [
        ("Syrian refugees are no threat", "refugees", "supports"),
        ("Syrian refugees pose no threat to our security", "refugees", "supports"),
        ("Syrian refugees are not dangerous", "refugees", "supports"),
    ],
}

CONTROLS = [
    # no evaluation: nothing said of it
    ("It is a nuclear accord", "keep-accord", "unclear"),
    # a noun that hedges with no firm adjective stays open
    ("A wall on the border is one option", "barrier", "open"),
    # a noun that warns decides over an adjective of size
    ("The nuclear accord is a great danger", "keep-accord", "opposes"),
    # the proposal as the object of "stop": the speaker's own refusal
    ("We must stop the wall on the border", "barrier", "opposes"),
    # a denied possibility only leaves it open
    ("Leaving the European Union is not impossible", "leave-union", "open"),
    # not working: against it, as before
    ("New sanctions on the kingdom are not working", "new-sanctions", "opposes"),
    # a danger asserted
    ("Syrian refugees are a threat", "refugees", "opposes"),
    # "work" with a complement of its own is no verdict that it works
    ("Syrian refugees work in factories", "refugees", "unclear"),
    # "for" said of a thing only says what it is for
    ("The money is for a wall on the border", "barrier", "unclear"),
    # the negated permission stays the holder's refusal
    ("We should not let Syrian refugees in", "refugees", "opposes"),
    # being in it, said with no stance, stays unclear; leaving and remaining as before
    # "not for it": against it, as before
    ("I am not for a wall on the border", "barrier", "opposes"),
    ("Britain has been in the European Union for decades", "leave-union", "unclear"),
    ("Britain should leave the European Union", "leave-union", "supports"),
    ("Britain should remain in the European Union", "leave-union", "opposes"),
]

FLAT = [(shape, *case) for shape, cases in CASES.items() for case in cases]


@pytest.mark.parametrize(
    ("shape", "content", "slug", "stance"), FLAT, ids=[f"{s}: {c}" for s, c, _, _ in FLAT]
)
def test_the_speakers_evaluation(
    make_statement: MakeStatement,
    debates: ProposalMatcher,
    shape: str,
    content: str,
    slug: str,
    stance: str,
) -> None:
    found = judged_on(make_statement, debates, quoted(content), content, slug, "said", SPEAKER)
    assert (found.stance, found.about) == (stance, "speaker")


@pytest.mark.parametrize(("content", "slug", "stance"), CONTROLS, ids=[c for c, _, _ in CONTROLS])
def test_controls(
    make_statement: MakeStatement, debates: ProposalMatcher, content: str, slug: str, stance: str
) -> None:
    assert (
        judged_on(make_statement, debates, quoted(content), content, slug, "said", SPEAKER).stance
        == stance
    )


def test_a_warning_right_before_a_condition_warns_against_it(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """The content is only a condition the parser hung on the sentence's first verb; the
    warning verb whose clause ends right before it is what the condition is of."""
    text = (
        "The president has faced criticism for threatening Britons with a loss of trade"
        " should they vote to leave the European Union."
    )
    content = "should they vote to leave the European Union"
    found = judged_on(make_statement, debates, text, content, "leave-union", "has faced", SPEAKER)
    assert found.stance == "opposes"
    assert any(c.text == "threatening" for c in found.cues)


def test_a_verb_before_a_condition_that_warns_of_nothing_says_nothing(
    make_statement: MakeStatement, debates: ProposalMatcher
) -> None:
    """Control: the verb whose clause ends before the condition is no warning."""
    text = (
        "The president has faced criticism for telling Britons about a loss of trade"
        " should they vote to leave the European Union."
    )
    content = "should they vote to leave the European Union"
    found = judged_on(make_statement, debates, text, content, "leave-union", "has faced", SPEAKER)
    assert found.stance != "opposes"


@pytest.mark.parametrize(
    ("content", "stance", "about"),
    [
        # what another must or should do is the speaker's call, with a stance word under it
        ("Congress must reject the nuclear accord", "opposes", "speaker"),
        ("Congress should support the nuclear accord", "supports", "speaker"),
        # controls: told as done or as what will be, it stays the subject's
        ("Congress rejected the nuclear accord", "opposes", "others"),
        ("Congress will support the nuclear accord", "supports", "others"),
    ],
)
def test_a_deontic_modal_over_a_stance_word_is_the_speakers_call(
    make_statement: MakeStatement, debates: ProposalMatcher, content: str, stance: str, about: str
) -> None:
    found = judged_on(
        make_statement, debates, quoted(content), content, "keep-accord", "said", SPEAKER
    )
    assert (found.stance, found.about) == (stance, about)
