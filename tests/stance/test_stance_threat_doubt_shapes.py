"""Stance on shapes of real reporting, in sentences written for these tests: a penalty
promised on someone else's act (a threat, not a reservation), a reply ("in response") that
says why it is done, working towards it, counting on others to do it, a hope in the cue, a
doubt of its merit, a stance recalled from an earlier time, a vote put off, and the deciding
body's own words on a text before it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import DEBATES, MOTION, MakeStatement, Who, judged_on

from factbox.records import StatementKind
from factbox.stance.classify import classify, judge_statement, statement_span
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import MatchEvidence, ProposalMatch, StanceJudgement

HE = Who("he", None)
COUNCIL = Who("The Security Council", "UN", "United Nations", "organization")


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [*DEBATES, MOTION])


def judged(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    content: str,
    slug: str,
    cue: str = "said",
    speaker: Who = HE,
    kind: StatementKind | None = None,
) -> StanceJudgement:
    return judged_on(make_statement, matcher, text, content, slug, cue, speaker, kind)


def said(text: str) -> tuple[str, str]:
    """"<text>, he said.": the sentence and its content."""
    return f"{text}, he said.", text


def he_said(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, slug: str
) -> tuple[str, str]:
    """The stance and whose it is of "<content>, he said." on ``slug``."""
    text, content = said(content)
    found = judged(make_statement, matcher, text, content, slug)
    return found.stance, found.about


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # a penalty promised on the target's act is a threat to impose it
        ("We would impose further sanctions on the kingdom if it conducted another test",
         "supports"),
        ("We will impose new sanctions on the kingdom unless it stops the tests", "supports"),
        # a consent, the speaker's own decision, or "only if" stay conditions
        ("We would impose further sanctions on the kingdom if the council agrees", "open"),
        ("We would impose further sanctions on the kingdom only if it conducted another test",
         "open"),
        ("We would impose further sanctions on the kingdom if we decide so", "open"),
        # no penalty: a condition on sending troops stays a reservation
        ("We will send troops to Ukraine if Russia breaks through the front", "open"),
    ],
)
def test_a_penalty_promised_on_someone_elses_act_is_a_threat(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    slug = "send-troops" if "troops" in content else "new-sanctions"
    assert he_said(make_statement, matcher, content, slug) == (stance, "speaker")


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # "in response", "in retaliation": why it is done, not what it is worth
        ("We will take robust steps in response", "supports"),
        ("We will take robust steps in retaliation for the test", "supports"),
        # a response it brings about still warns against it
        ("Robust steps would lead to a military response", "opposes"),
    ],
)
def test_a_reply_says_why_it_is_done(
    make_statement: MakeStatement, content: str, stance: str
) -> None:
    """Matched by meaning on "steps" (a statement on further sanctions that names none)."""
    text, content = said(content)
    parsed = make_statement(text, content=content, cue="said", speakers=(HE,))
    span = statement_span(parsed.doc, parsed.statement)
    assert span is not None
    steps = next(t for t in span if t.lower_ == "steps")
    evidence = MatchEvidence("theme", steps.text, (steps.idx, steps.idx + len(steps)))
    found = classify(span, ProposalMatch("new-sanctions", 0.6, (evidence,)), parsed.statement)
    assert (found.stance, found.about) == (stance, "speaker")


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # working towards it, counting on others to do it
        ("We would work with other members of the council to impose new sanctions on the"
         " kingdom", "supports"),
        ("We will not work with them to impose new sanctions on the kingdom", "opposes"),
        ("I count on the council to impose new sanctions on the kingdom", "supports"),
        # what it works on; "in line with" says why, it is no "red line"
        ("In line with this commitment, we will begin to work on new sanctions on the kingdom",
         "supports"),
        # a verdict that it does not work is read as such, not as an effort
        ("The new sanctions on the kingdom are simply not working", "opposes"),
    ],
)
def test_working_towards_it_and_counting_on_others(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    assert he_said(make_statement, matcher, content, "new-sanctions") == (stance, "speaker")


@pytest.mark.parametrize(
    ("text", "content", "cue", "stance", "about"),
    [
        # a hope in the cue is the speaker's wish, whoever is to do it
        ("He seemed hopeful that the country could admit more refugees fleeing the war in"
         " Syria.", "the country could admit more refugees fleeing the war in Syria",
         "seemed hopeful", "supports", "speaker"),
        ("He hopes that the council will impose new sanctions on the kingdom.",
         "the council will impose new sanctions on the kingdom", "hopes", "supports",
         "speaker"),
        # not hopeful: a doubt, no side
        ("He was not hopeful that the country would admit more refugees fleeing the war in"
         " Syria.", "the country would admit more refugees fleeing the war in Syria",
         "was not hopeful", "unclear", "speaker"),
        # being sure of what others will do is no wish: still theirs
        ("He is confident that the council will impose new sanctions on the kingdom.",
         "the council will impose new sanctions on the kingdom", "is confident", "supports",
         "others"),
    ],
)
def test_a_hope_in_the_cue_is_the_speakers_wish(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    content: str,
    cue: str,
    stance: str,
    about: str,
) -> None:
    slug = "refugees" if "refugees" in content else "new-sanctions"
    found = judged(make_statement, matcher, text, content, slug, cue=cue)
    assert (found.stance, found.about) == (stance, about)


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # not won over: doubts about its merit leave it open, they do not reject it
        ("We are not quite convinced that the new sanctions on the kingdom would be in our"
         " interest", "open"),
        ("We remain sceptical that the nuclear accord will help anyone", "open"),
        # convinced, or no doubt: as said
        ("We are convinced that the nuclear accord will help the region", "supports"),
        ("There is no doubt that the nuclear accord will help the region", "supports"),
    ],
)
def test_a_doubt_of_its_merit_leaves_it_open(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    slug = "keep-accord" if "accord" in content else "new-sanctions"
    assert he_said(make_statement, matcher, content, slug) == (stance, "speaker")


def test_a_stance_recalled_from_an_earlier_time_is_less_sure(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    """"who once praised it": the praise is read, but a stance of the same firmness said
    that day (her promise not to let it pass) must win over it."""

    def praise(cue: str) -> StanceJudgement:
        text = f"The senator, who {cue} the nuclear accord, spoke on Monday."
        return judged(
            make_statement, matcher, text, "the nuclear accord", "keep-accord", cue, kind="act"
        )

    now, once = praise("praised"), praise("once praised")
    assert now.stance == once.stance == "supports"
    assert once.confidence < now.confidence


def test_asking_to_put_off_the_vote_on_it_is_the_speakers_holding_back(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    """A passive holding-back word ("be delayed") over a time clause that names the text is
    no reaction to the text: the request is the speaker's, and it holds the text back."""
    text = (
        "Chile requested that the vote be delayed a day after it submitted the draft"
        " resolution to the Security Council."
    )
    content = text.split("requested that ")[1].rstrip(".")
    chile = Who("Chile", "CL", "Chile", "country")
    found = judged(make_statement, matcher, text, content, "harbour-motion", "requested", chile)
    assert (found.stance, found.about) == ("open", "speaker")


@pytest.mark.parametrize(
    ("speaker", "judged_about_it"), [(COUNCIL, False), (Who("Chile", "CL", "Chile"), True)]
)
def test_the_deciding_bodys_own_words_on_its_text_are_no_position(
    make_statement: MakeStatement, matcher: ProposalMatcher, speaker: Who, judged_about_it: bool
) -> None:
    """Not only its act: the deciding organ's words on a draft before it (a heading, its
    schedule) are its procedure; a member's words on the same text are judged."""
    content = "the vote on the UN resolution on harbour dredging will take place on Saturday"
    text = f"{speaker.text} said {content}."
    parsed = make_statement(text, content=content, cue="said", speakers=(speaker,))
    found = judge_statement(parsed.doc, parsed.statement, matcher)
    assert any(j.proposal == "harbour-motion" for j in found) is judged_about_it


@pytest.mark.parametrize(
    ("content", "stance"),
    [
        # regretting that it cannot be done wants it done, as criticising those who hold it back
        ("We regret that the council cannot impose new sanctions on the kingdom this week",
         "supports"),
        # regretting that it is done is against it
        ("We regret the decision of the council to impose new sanctions on the kingdom",
         "opposes"),
    ],
)
def test_regret_of_what_is_not_done_wants_it_done(
    make_statement: MakeStatement, matcher: ProposalMatcher, content: str, stance: str
) -> None:
    assert he_said(make_statement, matcher, content, "new-sanctions") == (stance, "speaker")


def test_an_act_told_in_the_past_perfect_is_recalled_and_less_sure(
    make_statement: MakeStatement, matcher: ProposalMatcher
) -> None:
    """"Tehran had rejected the nuclear accord": the background of the day's news, done
    before the time the article tells of; the rejection is read, but it is less sure to be
    the holder's stance that day than one told in the simple past."""

    def reject(cue: str) -> StanceJudgement:
        text = f"Tehran {cue} the nuclear accord before the talks began."
        return judged(
            make_statement, matcher, text, "the nuclear accord", "keep-accord", cue, kind="act"
        )

    then, before = reject("rejected"), reject("had rejected")
    assert then.stance == before.stance == "opposes"
    assert before.confidence < then.confidence



@pytest.mark.parametrize(
    "overcome",
    [
        "The ministers met despite Tehran's opposition to the nuclear accord.",
        "The ministers sidestepped Tehran's opposition to the nuclear accord.",
    ],
)
def test_a_stance_the_days_event_went_ahead_over_is_recalled(
    make_statement: MakeStatement, matcher: ProposalMatcher, overcome: str
) -> None:
    """"despite Hungary's opposition", "leaders sidestepped his opposition": the stance held
    before the event that went ahead over it; read as told, but less sure to be the holder's
    stance that day than the same words told without the concession."""
    tehran = Who("Tehran", "IR", "Iran", "country")
    plain = "The ministers noted Tehran's opposition to the nuclear accord."

    def read(text: str) -> StanceJudgement:
        return judged(
            make_statement, matcher, text, "the nuclear accord", "keep-accord", "opposition",
            tehran, "act",
        )

    got, base = read(overcome), read(plain)
    assert got.stance == base.stance == "opposes"
    assert got.confidence < base.confidence
