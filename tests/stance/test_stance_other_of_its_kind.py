"""Another thing of the proposal's kind, told by its topic, in sentences written for these
tests after shapes of real reporting (a campaign's trade pact beside a nuclear accord and a
climate agreement):

- a thing named by its topic (``topic_named``: deal, agreement, pact ...) with a common noun
  before it that is none of the proposal's words is another one ("any farm deal" is not the
  nuclear accord), in a match by words as when named again; a measure named by whom it hits
  ("oil sanctions") is still the measure;
- a time owning it says when, not what ("last year's accord" is the accord named before);
- a statement close in meaning that names no theme word of the proposal but a thing of its
  kind with another topic ("a nuclear agreement with the republic" for a trade partnership)
  is about that other thing, not the proposal;
- a noun of the proposal's kind that ends the content and is named right after it, set off
  by a comma ("voted for fast-tracking a trade pact, the Pacific Trade Partnership"), is the
  proposal that apposition names; not when the apposition names another thing.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span
from stance_support import PARTNERSHIP

from factbox.pipeline import candidate_statements
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal
from factbox.stance.semantic import Similarity
from factbox.store.ledger import StatementOutline

ACCORD = Proposal("keep-accord", "Keep the nuclear accord", "The nuclear accord stays in force")
CLIMATE = Proposal("climate", "Join the Lisbon climate agreement", "Countries sign the agreement")
SANCTIONS = Proposal("sanctions", "Impose new sanctions on the republic", "The council does so")


@pytest.fixture(scope="module")
def matcher(nlp: Language) -> ProposalMatcher:
    return ProposalMatcher(nlp, [ACCORD, CLIMATE, SANCTIONS, PARTNERSHIP])


def slugs(matcher: ProposalMatcher, span: Span) -> set[str]:
    return {m.slug for m in matcher.match_in_context(span)}


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("The senator vowed to kill any farm deal that cuts wages.", "keep-accord"),
        ("There could be a bilateral fishing agreement between them one day.", "climate"),
    ],
)
def test_a_thing_of_the_kind_with_another_topic_is_not_the_proposal(
    nlp: Language, matcher: ProposalMatcher, text: str, slug: str
) -> None:
    assert slug not in slugs(matcher, nlp(text)[:])


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("The senator vowed to kill the nuclear accord.", "keep-accord"),
        ("The minister said the country would join the climate agreement.", "climate"),
        ("The council will impose oil sanctions on the republic.", "sanctions"),
    ],
)
def test_its_own_topic_or_a_measure_named_by_its_target_still_matches(
    nlp: Language, matcher: ProposalMatcher, text: str, slug: str
) -> None:
    assert slug in slugs(matcher, nlp(text)[:])


def test_a_time_owning_a_thing_named_again_says_when_not_what(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    doc = nlp(
        "The senator spoke about the Pacific Trade Partnership on Monday. "
        "She said she now opposes last year's agreement."
    )
    span = list(doc.sents)[-1]
    found = matcher.match_in_context(span)
    assert [m.slug for m in found] == ["ratify-pact"]
    assert found[0].evidence[0].text == "last year's agreement"


CLOSE = Similarity(0.9, PARTNERSHIP.title)


@pytest.mark.parametrize(
    "text",
    [
        "The president defended a nuclear agreement with the republic.",
        "He attacked the terms of last year's nuclear agreement.",
    ],
)
def test_close_in_meaning_but_naming_another_of_its_kind_is_about_that(
    nlp: Language, matcher: ProposalMatcher, text: str
) -> None:
    assert matcher.match_similar(nlp(text)[:], PARTNERSHIP.slug, CLOSE) is None


FISHING = Proposal("fishing", "Sign the fishing deal", "The union signs the fishing deal")


@pytest.mark.parametrize(
    ("text", "proposal"),
    [
        ("It would ship American jobs overseas.", PARTNERSHIP),  # nothing of its kind
        ("Why would they stay out of a fair, win-win pact with the islands?", PARTNERSHIP),
        ("The premier signed the 900-page pact and its companion security agreement.", FISHING),
    ],
)
def test_close_in_meaning_naming_nothing_of_its_kind_by_another_topic_is_judged_by_meaning(
    nlp: Language, text: str, proposal: Proposal
) -> None:
    matcher = ProposalMatcher(nlp, [proposal])
    found = matcher.match_similar(nlp(text)[:], proposal.slug, Similarity(0.9, proposal.title))
    assert found is not None and found.slug == proposal.slug
    # the same statement with only the other topic's thing is about that thing
    other = nlp("The premier signed a companion security agreement.")
    assert matcher.match_similar(other[:], proposal.slug, Similarity(0.9, proposal.title)) is None


APPOSED = "Last year he was one of a few senators to vote for fast-tracking a trade pact, {}."


@pytest.mark.parametrize(
    ("named", "slugs"),
    [
        ("the corporate Pacific Trade Partnership", ["ratify-pact"]),
        ("a deal with the neighbours on fishing quotas", []),
    ],
)
def test_a_kind_of_thing_named_right_after_the_content_is_what_the_apposition_names(
    nlp: Language, matcher: ProposalMatcher, named: str, slugs: list[str]
) -> None:
    text = APPOSED.format(named)
    doc = nlp(text)
    start = text.index("fast-tracking")
    end = text.index(",")
    span = doc.char_span(start, end, alignment_mode="expand")
    assert span is not None
    found = matcher.match_in_context(span)
    assert [m.slug for m in found] == slugs
    if slugs:
        assert found[0].evidence[0].text.endswith("trade pact")
        assert found[0].slot("antecedent") is not None
    # told before parsing: a word of the kind ends the content, a name may follow the comma
    assert matcher.may_be_apposed(span.text)
    assert matcher.may_be_apposed(span.text, text[end:]) is bool(slugs)
    assert not matcher.may_be_apposed(span.text, " which passed")


class _Outlines:
    """The two reads ``candidate_statements`` makes of a ledger, over one article."""

    def __init__(self, body: str, contents: list[str]) -> None:
        self.body = body
        self.outlines = [
            StatementOutline(number, 1, content, body.index(content))
            for number, content in enumerate(contents)
        ]

    def statement_outlines(self, ids: object = None) -> list[StatementOutline]:
        return self.outlines

    def article_bodies(self, article_ids: object) -> dict[int, str]:
        return {1: self.body}


def test_a_statement_whose_apposition_may_name_a_proposal_is_judged(
    matcher: ProposalMatcher,
) -> None:
    body = (
        "Last year he voted for fast-tracking a trade pact, the Pacific Trade Partnership. "
        "Later he praised a trade pact, which passed."
    )
    ledger = _Outlines(body, ["fast-tracking a trade pact", "praised a trade pact"])
    chosen = candidate_statements(ledger, matcher, close=set())  # type: ignore[arg-type]
    assert chosen == {0}


def test_a_field_s_adjective_names_a_topic_only_for_a_thing_named_by_its_topic(
    nlp: Language, matcher: ProposalMatcher
) -> None:
    # "economic measures" may be sanctions: a measure is named by whom it hits
    measures = nlp("The council said it would take tough economic measures soon.")
    close = Similarity(0.9, SANCTIONS.title)
    found = matcher.match_similar(measures[:], SANCTIONS.slug, close)
    assert found is not None and found.evidence[0].text == "measures"
    # an accord named by its field is another one than the trade pact
    accord = nlp("He praised the nuclear accord.")
    assert matcher.match_similar(accord[:], PARTNERSHIP.slug, CLOSE) is None
