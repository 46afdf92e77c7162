"""Matching statements to proposals defined by title and description alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from factbox.stance.lexicon import load_concepts, parse_concepts
from factbox.stance.matching import ProposalMatcher, derive_slots
from factbox.stance.records import Proposal


def test_slots_come_from_the_parse_of_title_and_description(
    nlp: Language, troops: Proposal
) -> None:
    slots = derive_slots(nlp, troops, load_concepts())
    assert "send" in slots.action.source and "deploy" in slots.action.words
    assert "troop" in slots.theme.source and {"soldier", "boot"} <= slots.theme.words
    assert "ground" in slots.qualifier.source
    assert {"western", "nato", "member"} <= set(slots.agent.source)
    assert "ukraine" in slots.target.source and "kyiv" in slots.target.words
    assert slots.directional  # "to Ukraine": the theme would go there


def test_a_multiword_theme_is_found_as_a_phrase(nlp: Language) -> None:
    zone = Proposal("no-fly-zone", "Impose a no-fly zone over Ukraine")
    slots = derive_slots(nlp, zone, load_concepts())
    assert ("no", "fly", "zone") in slots.theme.phrases
    assert "zone" not in slots.theme.words  # "zone" alone is not the theme
    assert not slots.directional  # "over Ukraine" is where it would be


@pytest.mark.parametrize(
    "text",
    [
        "Western troops could one day be sent there, the president said.",
        "There are no plans for combat troops on the ground.",
        "Several governments are considering sending their troops.",
        "We are ready to deploy soldiers if needed.",
        "Putting boots on the ground is off the table.",
        "Ground forces will not be part of any package.",
        "He refused to discuss military personnel to Ukraine.",
        "Allied servicemen could be stationed in Kyiv.",
    ],
)
def test_paraphrases_of_the_proposal_match(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    found = matcher.match(nlp(text))
    assert [m.slug for m in found] == ["troops-to-ukraine"]
    assert 0.5 <= found[0].score <= 1.0


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Germany will send more ammunition to Ukraine.", "no theme"),
        ("NATO will station more troops on its eastern flank in Poland.", "another place"),
        # the place hangs on a preposition joined to "in": another scheme, elsewhere
        ("Britain pledged to send 2,000 troops from bases in and around Poland.", "another place"),
        ("The Netherlands pledged fighter jets for Ukraine.", "no theme"),
        ("The peace summit opened in Switzerland.", "no theme"),
        ("Russia must withdraw its troops from Ukraine.", "another action"),
        ("Ukrainian troops recaptured the village.", "the target's own troops"),
        ("Russian troops advanced near Avdiivka.", "an outsider's troops, no action"),
        ("Ukraine's air force shot down two drones.", "another theme's modifier"),
        ("The army recruited new soldiers last month.", "theme alone"),
    ],
)
def test_other_proposals_and_near_misses_do_not_match(
    nlp: Language, matcher: ProposalMatcher, text: str, why: str
) -> None:
    assert matcher.match(nlp(text)) == [], why


def test_evidence_points_at_the_matched_words(nlp: Language, matcher: ProposalMatcher) -> None:
    text = "Britain has not ruled out deploying soldiers to Ukraine."
    doc = nlp(text)
    (found,) = matcher.match(doc)
    by_slot = {e.slot: e for e in found.evidence}
    assert {s: text[e.span[0] : e.span[1]] for s, e in by_slot.items()} == {
        s: e.text for s, e in by_slot.items()
    }
    assert by_slot["theme"].text == "soldiers"
    assert by_slot["action"].text == "deploying"
    assert by_slot["target"].text == "Ukraine"
    assert found.score == pytest.approx(0.85)


def test_match_works_on_a_span_of_a_longer_doc(nlp: Language, matcher: ProposalMatcher) -> None:
    text = "The talks ended late. Sending soldiers to Ukraine is not an option, he said."
    doc = nlp(text)
    start = text.index("Sending")
    span = doc.char_span(start, text.index(", he"), alignment_mode="expand")
    assert span is not None
    assert [m.slug for m in matcher.match(span)] == ["troops-to-ukraine"]
    first = doc.char_span(0, text.index(" Sending"), alignment_mode="expand")
    assert first is not None and matcher.match(first) == []


def test_terms_name_a_proposal_in_words_of_its_own(nlp: Language) -> None:
    plain = Proposal("reassurance", "Send troops to Ukraine")
    with_term = Proposal("reassurance", "Send troops to Ukraine", terms=["reassurance mission"])
    text = "The reassurance mission is still being planned."
    assert ProposalMatcher(nlp, [plain]).match(nlp(text)) == []
    (found,) = ProposalMatcher(nlp, [with_term]).match(nlp(text))
    assert found.evidence[0].slot == "term" and found.evidence[0].text == "reassurance mission"


def test_several_proposals_are_told_apart(nlp: Language, troops: Proposal) -> None:
    jets = Proposal("jets", "Deliver fighter jets to Ukraine")
    zone = Proposal("zone", "Impose a no-fly zone over Ukraine")
    matcher = ProposalMatcher(nlp, [troops, jets, zone])
    assert {m.slug for m in matcher.match(nlp("Denmark will deliver F-16s to Ukraine."))} == {
        "jets"
    }
    assert {m.slug for m in matcher.match(nlp("A no-fly zone would mean war."))} == {"zone"}


def test_the_concept_table_is_data(nlp: Language) -> None:
    """A different table changes what matches: the words are not in the code."""
    table = parse_concepts(
        {
            "destination_preps": ["to"],
            "set": [
                {"name": "send", "kind": "action", "members": ["send", "dispatch"]},
                {"name": "medics", "kind": "theme", "members": ["medic", "nurse"]},
            ],
        }
    )
    medics = Proposal("medics", "Send medics to Ukraine")
    matcher = ProposalMatcher(nlp, [medics], concepts=table)
    assert [m.slug for m in matcher.match(nlp("They will dispatch nurses."))] == ["medics"]
    assert matcher.match(nlp("They will dispatch soldiers.")) == []


def test_troops_of_a_member_of_the_deciding_body_are_not_outsiders(nlp: Language) -> None:
    alliance = Proposal(
        "troops", "Send troops to Ukraine", "Western states send troops", bodies=["nato"]
    )
    anyone = Proposal("troops", "Send troops to Ukraine", "Western states send troops")
    member = nlp("Latvian soldiers will not be going to Ukraine, the minister said.")
    outsider = nlp("Belarusian soldiers will not be going to Ukraine, the minister said.")
    with_body = ProposalMatcher(nlp, [alliance])
    without_body = ProposalMatcher(nlp, [anyone])
    (match,) = with_body.match(member)
    assert match.slot("agent") is not None and match.slot("agent").text == "Latvian"
    assert with_body.match(outsider) == []
    assert without_body.match(member) == []


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("Austria will not adopt the quota as long as he is chancellor.", True),
        ("Mandatory quotas will not be implemented on Austrian soil.", True),
        ("Vienna rejected any attempt to enforce refugee quotas.", True),
        ("Austria praised the new quotas.", False),  # the theme alone, no action
    ],
)
def test_the_natural_action_of_a_description_written_as_a_noun_phrase(
    nlp: Language, text: str, matches: bool
) -> None:
    # the title gives the action ("Spread"); the description is a noun phrase whose theme
    # is brought about by its natural action ("adopt", "implement", "enforce" the quota)
    spread = Proposal(
        "spread-migrants",
        "Spread 40,000 migrants across the union",
        "Mandatory quotas to distribute 40,000 migrants from Malta among the member states",
    )
    found = ProposalMatcher(nlp, [spread]).match(nlp(text))
    assert bool(found) is matches


OIL_BAN = Proposal(
    "oil-ban",
    "Ban imports of Russian oil into the EU",
    "The European Union stops importing crude oil from Russia",
)


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        # the country the goods' qualifier names, as what the measure is on
        ("Hungary vetoed the oil embargo on Russia.", True),
        ("Hungary vetoed the Russian oil embargo.", True),
        # another country: the measure goes elsewhere
        ("Hungary vetoed the oil embargo on Iran.", False),
    ],
)
def test_the_qualifiers_country_is_no_place_elsewhere(
    nlp: Language, text: str, matches: bool
) -> None:
    matcher = ProposalMatcher(nlp, [OIL_BAN])
    found = [m.slug for m in matcher.match_in_context(nlp(text)[:])]
    assert ("oil-ban" in found) == matches, text
