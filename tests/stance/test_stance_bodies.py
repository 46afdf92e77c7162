"""Debates in bodies that vote, in sentences written for these tests (made-up city and
countries' texts): votes and vetoes as stance acts, a rival sponsor's text that is not the
proposal, a text named by its own theme's words ("the sanctions package"), threats of a
veto, a block reported by someone else, and clauses about whoever would oppose."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from stance_support import MakeStatement, Who, plain_article

from factbox.extract import extract_article
from factbox.ingesting import judge
from factbox.records import Article
from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, StanceJudgement
from factbox.stance.semantic import Similarity

HALT = Proposal(
    "halt-bombing",
    "UN resolution to halt the bombing of Verona",
    "A UN Security Council resolution, drafted by France and Spain, demanding an end to air"
    " strikes over Verona",
    bodies=["unsc"],
)
PACKAGE = Proposal(
    "twelfth-package",
    "EU 12th sanctions package against Iran",
    "The European Union adopts its 12th package of sanctions against Iran",
    bodies=["eu-council"],
)
KALLAS = Who("Kallas", "EU", "European Union", "organisation")
AYRAULT = Who("Ayrault", "FR", "France", "country")


@pytest.fixture(scope="module")
def bodies(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [HALT, PACKAGE])


def matched(nlp: Language, matcher: ProposalMatcher, text: str) -> set[str]:
    return {m.slug for m in matcher.match(nlp(text)[:])}


@pytest.mark.parametrize(
    "text",
    [
        "No support for sanctions: the 12th sanctions package will be rejected.",
        "Two members vetoed the adoption of the 12th sanctions package.",
        "Ministers failed to agree on the new package of sanctions.",
    ],
)
def test_a_modifier_from_the_proposals_own_theme_is_the_proposals(
    nlp: Language, bodies: ProposalMatcher, text: str
) -> None:
    assert "twelfth-package" in matched(nlp, bodies, text)


def test_a_modifier_from_another_theme_still_makes_another_thing(
    nlp: Language, bodies: ProposalMatcher
) -> None:
    # the proposal's own "sanctions" widens the package, not every other theme
    assert "twelfth-package" not in matched(nlp, bodies, "Berlin approved the new arms package.")


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # another sponsor's or a rival text
        ("Britain, France and the United States voted against the Russian measure.", False),
        ("Egypt backed Moscow's draft.", False),
        ("Ukraine voted against the resolution proposed by the Russian Federation.", False),
        ("The council rejected a Russian-drafted resolution urging a ceasefire.", False),
        ("The rival text failed to win nine votes.", False),
        # the proposal's own text, tied by what members do with it
        ("Russia vetoed the French text.", True),
        ("The council adopted the French-drafted resolution.", True),
        ("Venezuela voted against the resolution.", True),
        ("The text is long.", False),  # a text alone, with nothing done to it
    ],
)
def test_a_text_is_the_proposals_by_its_sponsor_and_what_is_done_with_it(
    nlp: Language, bodies: ProposalMatcher, text: str, about: bool
) -> None:
    assert ("halt-bombing" in matched(nlp, bodies, text)) == about


def test_a_sponsor_the_proposal_names_is_no_outsider_without_bodies(nlp: Language) -> None:
    # without bodies there are no members: the named sponsor still owns its own text
    alone = ProposalMatcher(nlp, [Proposal(HALT.slug, HALT.title, HALT.description)])
    assert matched(nlp, alone, "Only Russia and Venezuela opposed the French proposal.")
    assert not matched(nlp, alone, "Britain voted against the Russian proposal.")


def test_a_rival_text_is_rejected_however_close_in_meaning(
    nlp: Language, bodies: ProposalMatcher
) -> None:
    doc = nlp("Moscow's draft urging a ceasefire in Verona failed.")
    close = Similarity(0.7, HALT.title)
    assert bodies.match_similar(doc[:], "halt-bombing", close) is None
    own = nlp("The French draft demanding an end to the bombing failed.")
    assert bodies.match_similar(own[:], "halt-bombing", close) is not None


def test_an_offensive_is_not_a_resolution_however_close_in_meaning(
    nlp: Language, bodies: ProposalMatcher
) -> None:
    # the proposal is a text: a statement that names no text is about something else
    doc = nlp("The army announced an all-out offensive on Verona.")
    assert bodies.match_similar(doc[:], "halt-bombing", Similarity(0.6, HALT.title)) is None


def article(body: str) -> Article:
    return plain_article(body, dt.date(2016, 10, 8))


def acts(nlp: Language, bodies: ProposalMatcher, text: str) -> dict[str, tuple[str, str]]:
    """Each act statement's speakers' actors -> (stance, about) on the resolution."""
    doc = nlp(text)
    found = {}
    for statement in extract_article(doc, article(text)).statements:
        if statement.kind != "act":
            continue
        for item in judge(doc, statement, bodies):
            if item.match.slug == "halt-bombing":
                actors = ",".join(sorted(s.actor_id or "?" for s in statement.speakers))
                found[actors] = (item.judgement.stance, item.judgement.about)
    return found


@pytest.mark.parametrize(
    ("text", "actors", "stance"),
    [
        ("Russia vetoed the draft resolution on Saturday.", "RU", "opposes"),
        ("Venezuela voted against the resolution.", "VE", "opposes"),
        ("Japan voted for the resolution drafted by France and Spain.", "JP", "supports"),
        ("Senegal voted in favour of the French text.", "SN", "supports"),
        ("Only Russia and Venezuela opposed the French proposal.", "RU,VE", "opposes"),
        # a text's sponsors back it
        ("France and Spain drafted the resolution on Verona.", "ES,FR", "supports"),
        ("Britain tabled the text on Friday.", "GB", "supports"),
        (
            "The council voted on the French draft resolution. China and Angola abstained.",
            "AO,CN",
            "open",
        ),
    ],
)
def test_a_vote_is_a_stance_act_of_its_voters(
    nlp: Language, bodies: ProposalMatcher, text: str, actors: str, stance: str
) -> None:
    assert acts(nlp, bodies, text).get(actors) == (stance, "speaker")


def test_a_vote_on_a_rival_text_moves_nobody(nlp: Language, bodies: ProposalMatcher) -> None:
    text = (
        "Russia put forward a rival draft. The council voted on a Russian draft. Britain voted"
        " against the Russian measure."
    )
    assert acts(nlp, bodies, text) == {}


def judged(
    make_statement: MakeStatement, matcher: ProposalMatcher, text: str, content: str, who: Who
) -> StanceJudgement:
    cue = "wrote" if "wrote" in text else "said"
    parsed = make_statement(text, content, cue, (who,))
    (found,) = judge_statement(parsed.doc, parsed.statement, matcher)
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Russia threatened to use its veto to block the resolution",
        "Russia would cast its veto to block the resolution",
        "Russia would veto the draft",
    ],
)
def test_a_threatened_veto_opposes(
    make_statement: MakeStatement, bodies: ProposalMatcher, text: str
) -> None:
    found = judged(make_statement, bodies, f"{text}, the envoy said.", text, Who("the envoy", "RU"))
    assert (found.stance, found.about) == ("opposes", "speaker")


def test_a_block_reported_by_someone_else_is_the_blockers(
    make_statement: MakeStatement, bodies: ProposalMatcher
) -> None:
    content = "The package is being blocked by Slovakia and Hungary"
    found = judged(make_statement, bodies, f'"{content}," Kallas said.', content, KALLAS)
    assert (found.stance, found.about, found.others_actor_id) == ("opposes", "others", "SK")


def test_whoever_would_oppose_is_not_the_speaker(
    make_statement: MakeStatement, bodies: ProposalMatcher
) -> None:
    content = "Any country that opposes the French measure will answer for more deaths"
    found = judged(make_statement, bodies, f"{content}, Ayrault said.", content, AYRAULT)
    assert found.about == "others"
    content = "France opposes the French measure"  # the same words, the speaker's own
    found = judged(make_statement, bodies, f"{content}, Ayrault said.", content, AYRAULT)
    assert (found.stance, found.about) == ("opposes", "speaker")


def test_a_negative_subject_across_a_semicolon_negates_nothing(
    make_statement: MakeStatement, bodies: ProposalMatcher
) -> None:
    # the parser may hang "No support" on the verb after the semicolon
    content = "No support for sanctions; the 12th sanctions package will be rejected"
    found = judged(
        make_statement, bodies, f'"{content}," the prime minister wrote.', content,
        Who("the prime minister", "HU"),
    )
    assert (found.stance, found.about) == ("opposes", "speaker")


PACT = Proposal("pact", "Ratify the Pacific trade pact", "The Pacific states ratify the trade pact")


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Senator Ann Lee came out against the Pacific trade pact.", "opposes"),
        ("Senator Ann Lee came out strongly for the Pacific trade pact.", "supports"),
        ("Senator Ann Lee came out in favour of the Pacific trade pact.", "supports"),
    ],
)
def test_coming_out_for_or_against_it_is_a_stance_act(
    nlp: Language, text: str, stance: str
) -> None:
    doc = nlp(text)
    matcher = ProposalMatcher(nlp, [PACT])
    found = [
        (statement.kind, item.judgement.stance)
        for statement in extract_article(doc, article(text)).statements
        for item in judge(doc, statement, matcher)
    ]
    assert found == [("act", stance)]
