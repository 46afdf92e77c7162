"""A proposal that is a text a body adopts, named the ways reports of the vote name it, in
sentences written for these tests after the shapes of UN and EU coverage:

- a proposal whose title is headed by what the text does ("a council demand for a truce in
  Yemen") and whose description names the text by a phrase ("draft resolution") is a text:
  what members do with it and what is done with it once adopted tie a statement to it;
- the place of the thing it demands ("a truce [in Yemen]") is the proposal's place, so
  "the council's resolution on Yemen" is it, and a resolution on another place is not;
- carrying it out ("the resolution must be implemented", "called on the parties to
  implement the resolution") is its own action, not another one that governs it;
- a decision noun that points back ("welcomes this adoption") is the vote on the text the
  sentences before it name, as a bare vote is;
- a pledge of another scheme with the same kind of object stays unmatched.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from stance_support import MakeStatement, Who

from factbox.stance.classify import judge_statement
from factbox.stance.lexicon import load_concepts
from factbox.stance.matching import ProposalMatcher, derive_slots
from factbox.stance.records import Proposal, ProposalMatch

TRUCE = Proposal(
    "truce-demand",
    "Security Council demand for an immediate truce in Yemen",
    "The elected members' draft resolution demanding an immediate truce in Yemen during the"
    " harvest season and the release of all detainees",
    bodies=["unsc"],
)
RELOCATION = Proposal(
    "relocation",
    "Relocate 90,000 migrants across the EU",
    "Mandatory quotas to distribute 90,000 asylum seekers from Malta and Cyprus among EU member"
    " states",
    bodies=["eu-council"],
)
ADOPTED = "The Security Council on Monday adopted a resolution demanding a truce in Yemen."


@pytest.fixture(scope="module")
def texts(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [TRUCE, RELOCATION])


def matched(
    nlp: Language, matcher: ProposalMatcher, text: str, content: str
) -> list[ProposalMatch]:
    """What ``matcher`` ties ``content`` (the last occurrence in ``text``) to, in context."""
    doc = nlp(text)
    start = text.rindex(content)
    span = doc.char_span(start, start + len(content), alignment_mode="expand")
    assert span is not None
    return matcher.match_in_context(span)


def test_a_title_headed_by_a_demand_with_a_draft_resolution_is_a_text(nlp: Language) -> None:
    slots = derive_slots(nlp, TRUCE, load_concepts())
    assert slots.document
    # the truce's place is the proposal's place
    assert "yemen" in slots.target.words


@pytest.mark.parametrize(
    ("text", "content", "slot"),
    [
        (
            "Ministers of five countries welcomed the Security Council's resolution on Yemen.",
            "the Security Council's resolution on Yemen",
            "target",
        ),
        (
            f"{ADOPTED} The secretary-general said the resolution must be implemented.",
            "the resolution must be implemented",
            "decision",
        ),
        (
            f"{ADOPTED} The ministry called on all parties to implement the resolution at once.",
            "to implement the resolution at once",
            "decision",
        ),
    ],
)
def test_the_text_named_by_its_body_place_or_carrying_out(
    nlp: Language, texts: ProposalMatcher, text: str, content: str, slot: str
) -> None:
    matches = matched(nlp, texts, text, content)
    assert [m.slug for m in matches] == ["truce-demand"]
    assert matches[0].slot(slot) is not None


def test_a_resolution_on_another_place_is_not_the_text(
    nlp: Language, texts: ProposalMatcher
) -> None:
    text = "Ministers welcomed the Security Council's resolution on Syria."
    assert matched(nlp, texts, text, "the Security Council's resolution on Syria") == []


@pytest.mark.parametrize("mention", ["this adoption", "the adoption", "its passage"])
def test_a_decision_noun_that_points_back_is_the_vote_on_the_text_before(
    nlp: Language, texts: ProposalMatcher, mention: str
) -> None:
    text = f"{ADOPTED} The envoy of Ruritania said his country welcomes {mention}."
    matches = matched(nlp, texts, text, mention)
    assert [m.slug for m in matches] == ["truce-demand"]
    evidence = matches[0].evidence
    assert (evidence[0].slot, evidence[0].text) == ("theme", mention)
    assert all(e.slot == "antecedent" for e in evidence[1:])


@pytest.mark.parametrize(
    ("text", "content", "why"),
    [
        ("The envoy said his country welcomes this adoption.", "this adoption", "nothing before"),
        (
            f"{ADOPTED} The envoy welcomed the adoption of the budget.",
            "the adoption of the budget",
            "the adoption of something else",
        ),
        (f"{ADOPTED} The envoy welcomed an adoption.", "an adoption", "nothing points back"),
    ],
)
def test_a_decision_noun_of_something_else_is_not_the_vote(
    nlp: Language, texts: ProposalMatcher, text: str, content: str, why: str
) -> None:
    assert matched(nlp, texts, text, content) == [], why


def test_a_pledge_of_another_scheme_with_the_same_kind_of_object_stays_apart(
    nlp: Language, texts: ProposalMatcher
) -> None:
    text = (
        "Ministers approved the plan to relocate 90,000 migrants. The kingdom is not part of"
        " the plan. Its prime minister has pledged to take 15,000 migrants from camps in and"
        " around Sudan."
    )
    content = "to take 15,000 migrants from camps in and around Sudan"
    assert matched(nlp, texts, text, content) == []


AGREED = "The president said that Europe had agreed to relocate 90,000 migrants around the bloc."


@pytest.mark.parametrize(
    "content",
    ["We will show that we can do this, and at the same time keep rules", "We will do it"],
)
def test_the_object_of_do_stands_for_the_proposal_s_act_named_before(
    nlp: Language, texts: ProposalMatcher, content: str
) -> None:
    text = f'{AGREED} "{content}," the president said.'
    matches = matched(nlp, texts, text, content)
    assert [m.slug for m in matches] == ["relocation"]
    evidence = matches[0].evidence
    assert evidence[0].slot == "theme" and evidence[0].text in {"this", "it"}
    assert {e.text for e in evidence[1:]} >= {"relocate"}
    # the pro-verb is seen before parsing, so the statement is parsed with its context
    assert texts.may_stand_for(content)


@pytest.mark.parametrize(
    ("before", "why"),
    [
        ("The president spoke about the weather.", "nothing named before"),
        ("The president said the 90,000 migrants were welcome.", "the thing without its act"),
    ],
)
def test_do_this_after_no_act_of_the_proposal_stays_unmatched(
    nlp: Language, texts: ProposalMatcher, before: str, why: str
) -> None:
    text = f'{before} "We will do this," the president said.'
    assert matched(nlp, texts, text, "We will do this") == [], why


VOTED = (
    "EU governments on Tuesday approved a plan to relocate 90,000 migrants across the"
    " continent. Four countries were dug in against the proposal."
)


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Latvia, which had been opposed to quotas, sided with the majority.", "the majority"),
        ("Latvia joined the Yes camp.", "the Yes camp"),
        ("Latvia sided with the majority of member states.", "the majority of member states"),
    ],
)
def test_taking_a_side_of_the_vote_is_a_vote_on_what_was_named_before(
    nlp: Language, texts: ProposalMatcher, sentence: str, side: str
) -> None:
    matches = matched(nlp, texts, f"{VOTED} {sentence}", side)
    assert [m.slug for m in matches] == ["relocation"]
    assert matches[0].evidence[0].slot == "theme"
    assert {e.text for e in matches[0].evidence[1:]} >= {"relocate"}


@pytest.mark.parametrize(
    ("sentence", "content", "why"),
    [
        ("Latvia distanced itself from the majority.", "the majority", "not a joining verb"),
        ("Latvia joined the tennis club.", "the tennis club", "not a side of a vote"),
        ("Latvia sided with the majority.", "the majority", "nothing named before"),
    ],
)
def test_a_side_not_taken_or_of_nothing_named_stays_unmatched(
    nlp: Language, texts: ProposalMatcher, sentence: str, content: str, why: str
) -> None:
    text = sentence if why == "nothing named before" else f"{VOTED} {sentence}"
    assert matched(nlp, texts, text, content) == [], why


LATVIA = Who("Latvia", "LV", "Latvia", "country")


@pytest.mark.parametrize(
    ("cue", "content", "stance"),
    [
        ("sided with", "the majority", "supports"),
        ("joined", "the Yes camp", "supports"),
        ("joined", "the No camp", "opposes"),
        # the people on a side, taken as one's own: their side
        ("sided with", "the opponents of the plan", "opposes"),
        ("joined", "the critics of the plan", "opposes"),
        ("sided with", "the supporters of the plan", "supports"),
    ],
)
def test_the_side_taken_gives_the_vote_s_stance(
    make_statement: MakeStatement, texts: ProposalMatcher, cue: str, content: str, stance: str
) -> None:
    text = f"{VOTED} Latvia {cue} {content}."
    parsed = make_statement(text, content=content, cue=cue, speakers=(LATVIA,), kind="act")
    judged = {j.proposal: j.stance for j in judge_statement(parsed.doc, parsed.statement, texts)}
    assert judged == {"relocation": stance}


@pytest.mark.parametrize("people", ["opponents", "supporters"])
def test_the_people_of_a_side_only_named_give_no_side(
    make_statement: MakeStatement, texts: ProposalMatcher, people: str
) -> None:
    # people of a side named by another's act ("appeals by opponents of it") are not the
    # speaker's side: the reading is the one with a word for people of no side
    def stance(who: str) -> str | None:
        content = f"the court heard appeals by {who} of the plan on Thursday"
        text = f"{VOTED} Latvia said {content}."
        parsed = make_statement(text, content=content, cue="said", speakers=(LATVIA,))
        judged = judge_statement(parsed.doc, parsed.statement, texts)
        return {j.proposal: j.stance for j in judged}.get("relocation")

    assert stance(people) == stance("lawyers")


@pytest.mark.parametrize(
    "before",
    [
        "The premier vowed to block the plan to relocate 90,000 migrants.",
        "The premier said the bloc would not relocate 90,000 migrants.",
    ],
)
def test_do_this_after_a_blocked_or_refused_act_is_not_the_proposal(
    nlp: Language, texts: ProposalMatcher, before: str
) -> None:
    text = f'{before} "We will do this too," the minister said.'
    assert matched(nlp, texts, text, "We will do this too") == []


@pytest.mark.parametrize(
    ("before", "content"),
    [
        (
            "EU ministers approved the plan to relocate 90,000 migrants on Tuesday.",
            "it was a mistake",
        ),
        ("EU ministers voted to relocate 90,000 migrants.", "it will not work"),
    ],
)
def test_it_stands_for_the_act_named_before_with_plural_things(
    nlp: Language, texts: ProposalMatcher, before: str, content: str
) -> None:
    # "it" is singular, "migrants" plural: the pronoun stands for the act, and the speaker
    # named before it ("The president said") is no nearer thing it could stand for
    text = f"{before} The president said {content}."
    matches = matched(nlp, texts, text, content)
    assert [m.slug for m in matches] == ["relocation"]
    assert matches[0].evidence[0].text == "it"


@pytest.mark.parametrize(
    ("before", "why"),
    [
        ("The summit will not be about relocating 90,000 migrants.", "'it' is the summit"),
        ("The premier vowed to block the plan to relocate 90,000 migrants.", "a blocked act"),
    ],
)
def test_it_after_another_thing_or_a_blocked_act_stays_unmatched(
    nlp: Language, texts: ProposalMatcher, before: str, why: str
) -> None:
    text = f"{before} The president said it was a mistake."
    assert matched(nlp, texts, text, "it was a mistake") == [], why


def test_an_it_before_an_infinitive_clause_stands_for_nothing(
    nlp: Language, texts: ProposalMatcher
) -> None:
    text = (
        "EU ministers approved the plan to relocate 90,000 migrants on Tuesday. The minister"
        " said it would be fair for the premier to visit Malta first."
    )
    content = "it would be fair for the premier to visit Malta first"
    assert matched(nlp, texts, text, content) == []
