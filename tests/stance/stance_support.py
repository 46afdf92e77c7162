"""Helpers for the stance tests: statements built by hand over a real parse."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from factbox.extract import extract_article
from factbox.ingesting import judge
from factbox.records import ActorKind, Article, Speaker, Statement, StatementKind
from factbox.stance.classify import judge_statement
from factbox.stance.matching import ProposalMatcher
from factbox.stance.records import Proposal, StanceJudgement

DEBATES = [
    Proposal(
        "leave-union",
        "Britain leaves the European Union",
        "The United Kingdom votes to leave the European Union and withdraws from it",
    ),
    Proposal("keep-accord", "Keep the nuclear accord", "The accord stays in force"),
    Proposal(
        "new-sanctions",
        "Impose new sanctions on the kingdom",
        "The council imposes further sanctions on the kingdom",
    ),
    Proposal("barrier", "Build a wall on the border", "The republic builds a border wall"),
    Proposal(
        "refugees",
        "Take in Syrian refugees",
        "The country admits refugees fleeing the war in Syria",
    ),
    Proposal(
        "send-troops",
        "Send troops to Ukraine",
        "NATO members send ground troops to Ukraine",
        bodies=["nato"],
    ),
]
"""Proposals of other debates (leaving a union, keeping an accord, sanctions, a border
barrier, refugees) beside the troops one, for tests of shapes their reporting shows."""

MOTION = Proposal(
    "harbour-motion",
    "UN resolution demanding a halt to harbour dredging",
    "A UN Security Council resolution, drafted by Chile, demanding that the republic stop all "
    "dredging in the disputed harbour",
    bodies=["unsc"],
)
"""A text a body decides on (the UN Security Council), for tests of reporting on bodies."""
PACT = Proposal(
    "norway-deal",
    "EU signs the trade deal with Norway",
    "The European Union and its member states approve and sign the trade deal with Norway",
    bodies=["eu-council"],
)
"""A deal the EU's council decides on, for the same tests."""
MONTENEGRO_ENTRY = Proposal(
    "montenegro-schengen",
    "Admit Montenegro to the Schengen area",
    "Montenegro becomes a full member of the Schengen area",
    bodies=["eu-council"],
)
"""A proposal that lets a state into an area a council decides on, for tests of joining."""
PARTNERSHIP = Proposal(
    "ratify-pact",
    "Ratify the Pacific Trade Partnership",
    "The member countries ratify the PTP trade agreement",
)
"""A trade pact named by a proper-noun phrase and an acronym, for tests of matching."""


def plain_article(body: str, published: dt.date) -> Article:
    """A plain-text article of ``body`` published on ``published``, to extract from."""
    return Article(
        key="t",
        source_name="t",
        format="text",
        raw=body,
        body=body,
        content_hash="t",
        published=published,
    )


@dataclass(frozen=True)
class Who:
    """A speaker as the extractor would resolve it."""

    text: str
    actor_id: str | None = None
    actor: str | None = None
    kind: ActorKind = "unknown"
    name: str | None = None


@dataclass(frozen=True)
class Parsed:
    doc: Doc
    statement: Statement


MakeStatement = Callable[..., Parsed]


def statement_builder(nlp: Language) -> MakeStatement:
    """Parse ``text`` and build a statement whose spans are found by hand in it:
    ``content`` (default: all the text), ``cue`` and the speakers' words as substrings;
    ``kind`` defaults to ``indirect`` with speakers, ``belief`` without."""

    def build(
        text: str,
        content: str | None = None,
        cue: str | None = None,
        speakers: tuple[Who, ...] = (),
        said_on: dt.date = dt.date(2024, 2, 27),
        kind: StatementKind | None = None,
    ) -> Parsed:
        doc = nlp(text)
        content = content or text
        c0 = text.index(content)
        cue_span = None
        if cue is not None:
            q0 = text.find(cue, c0 + len(content))
            if q0 < 0:
                q0 = text.index(cue)
            cue_span = (q0, q0 + len(cue))
        people = []
        for who in speakers:
            s0 = text.find(who.text)
            people.append(
                Speaker(
                    text=who.text,
                    span=(s0, s0 + len(who.text)) if s0 >= 0 else None,
                    name=who.name,
                    actor_id=who.actor_id,
                    actor=who.actor,
                    actor_kind=who.kind,
                )
            )
        statement = Statement(
            kind=kind or ("indirect" if speakers else "belief"),
            cue=cue or "",
            cue_span=cue_span,
            content=content,
            content_span=(c0, c0 + len(content)),
            source_text=", ".join(w.text for w in speakers),
            source_span=people[0].span if people else None,
            span=(0, len(text)),
            speakers=people,
            said_on=said_on,
        )
        return Parsed(doc, statement)

    return build


def judged_on(
    make_statement: MakeStatement,
    matcher: ProposalMatcher,
    text: str,
    content: str,
    slug: str,
    cue: str,
    speaker: Who,
    kind: StatementKind | None = None,
) -> StanceJudgement:
    """The judgement on ``slug`` of the statement ``content`` in ``text``, with its ``cue``
    and one ``speaker``; the statement must match ``slug``."""
    parsed = make_statement(text, content=content, cue=cue, speakers=(speaker,), kind=kind)
    found = {j.proposal: j for j in judge_statement(parsed.doc, parsed.statement, matcher)}
    assert slug in found, f"{content!r} must match {slug}"
    return found[slug]


def stances_by_actor(
    nlp: Language, matcher: ProposalMatcher, text: str, slug: str, published: dt.date
) -> dict[str, str]:
    """Each speaker's actor of a statement extracted from ``text`` about ``slug`` -> its own
    stance (the last such statement's)."""
    doc = nlp(text)
    found: dict[str, str] = {}
    for statement in extract_article(doc, plain_article(text, published)).statements:
        for item in judge(doc, statement, matcher):
            if item.match.slug == slug and item.judgement.about == "speaker":
                for speaker in statement.speakers:
                    if speaker.actor_id is not None:
                        found[speaker.actor_id] = item.judgement.stance
    return found
