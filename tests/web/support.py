"""Articles written for the web tests, stored with their statements as records.

The statements are written out by hand (offsets found in the text), so these tests exercise
the web layer on a real SQLite ledger without depending on the extractor's current output.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

from factbox.records import ActorKind, Article, Speaker, Statement
from factbox.store.ledger import Ledger

BRUSSELS = "\n\n".join(
    [
        "NATO foreign ministers met in Brussels on Thursday to discuss air defence for Ukraine.",
        "Czech Foreign Minister Jan Lipavsky said his country would send more artillery shells"
        " before the summer.",
        '"We will not send soldiers, but we will send everything else," Slovak Prime Minister'
        " Robert Fico told reporters after the meeting.",
        "The alliance's secretary general said the talks had been productive and sober.",
        "Officials expect a decision on new air-defence systems within weeks.",
    ]
)

PARIS = "\n\n".join(
    [
        "French President Emmanuel Macron said on Monday that nothing could be ruled out in"
        " Ukraine.",
        "Czech Foreign Minister Jan Lipavsky said Prague backed the French initiative on shells.",
    ]
)


@dataclass(frozen=True, slots=True)
class Said:
    source: str
    cue: str
    content: str
    name: str
    role: str
    actor_id: str
    actor: str
    kind: ActorKind = "country"


BRUSSELS_SAID = [
    Said(
        "Czech Foreign Minister Jan Lipavsky",
        "said",
        "his country would send more artillery shells before the summer",
        "Jan Lipavsky",
        "Foreign Minister",
        "CZ",
        "Czechia",
    ),
    Said(
        "Slovak Prime Minister Robert Fico",
        "told",
        "We will not send soldiers, but we will send everything else",
        "Robert Fico",
        "Prime Minister",
        "SK",
        "Slovakia",
    ),
    Said(
        "The alliance's secretary general",
        "said",
        "the talks had been productive and sober",
        "",
        "secretary general",
        "NATO",
        "NATO",
        "organization",
    ),
]

PARIS_SAID = [
    Said(
        "French President Emmanuel Macron",
        "said",
        "nothing could be ruled out in Ukraine",
        "Emmanuel Macron",
        "President",
        "FR",
        "France",
    ),
    Said(
        "Czech Foreign Minister Jan Lipavsky",
        "said",
        "Prague backed the French initiative on shells",
        "Jan Lipavsky",
        "Foreign Minister",
        "CZ",
        "Czechia",
    ),
]


def _span(body: str, text: str, after: int = 0) -> tuple[int, int]:
    start = body.index(text, after)
    return start, start + len(text)


def statements_of(body: str, said: list[Said], on: dt.date) -> list[Statement]:
    found = []
    for item in said:
        content = _span(body, item.content)
        source = _span(body, item.source)
        cue = _span(body, item.cue, min(source[1], content[1]) if source[0] < content[0] else 0)
        start = min(content[0], source[0], cue[0])
        end = max(content[1], source[1], cue[1])
        found.append(
            Statement(
                kind="direct" if body[content[0] - 1] == '"' else "indirect",
                cue=item.cue,
                cue_span=cue,
                content=item.content,
                content_span=content,
                source_text=item.source,
                source_span=source,
                span=(start, end),
                speakers=[
                    Speaker(
                        text=item.source,
                        span=source,
                        name=item.name or None,
                        role=item.role,
                        actor_id=item.actor_id,
                        actor=item.actor,
                        actor_kind=item.kind,
                    )
                ],
                said_on=on,
                said_on_basis="explicit",
            )
        )
    return found


def article(key: str, title: str, body: str, on: dt.date, url: str | None = None) -> Article:
    return Article(
        key=key,
        source_name=key,
        format="text",
        raw=f"{title}\n\n{body}",
        body=body,
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        title=title,
        url=url,
        published=on,
    )


def store_articles(ledger: Ledger) -> dict[str, int]:
    """Store both test articles; returns their article ids by key."""
    ids: dict[str, int] = {}
    for key, title, body, said, on in (
        ("brussels", "Ministers weigh air defence", BRUSSELS, BRUSSELS_SAID, dt.date(2024, 4, 4)),
        ("paris", "Macron keeps options open", PARIS, PARIS_SAID, dt.date(2024, 2, 26)),
    ):
        ledger.save_article(article(key, title, body, on), statements_of(body, said, on))
        ref = ledger.find_article(key)
        assert ref is not None
        ids[key] = ref.id
    return ids


def revise(ledger: Ledger, key: str, title: str, body: str, said: list[Said]) -> int:
    on = dt.date(2024, 4, 5)
    ledger.save_article(article(key, title, body, on), statements_of(body, said, on))
    ref = ledger.find_article(key)
    assert ref is not None
    return ref.id


TROOPS = "troops-to-ukraine"


def save_troops_proposal(ledger: Ledger) -> None:
    from factbox.stance.records import Proposal

    ledger.save_proposal(
        Proposal(
            slug=TROOPS,
            title="Send troops to Ukraine",
            description="Western states send ground troops to Ukraine",
            bodies=["nato"],
        )
    )


# An article whose statements overlap the ways extraction's do: one nested in another from
# the same first word, one crossing the end of another, and a quote across two paragraphs.
OVERLAPS = "\n\n".join(
    [
        "Lipavsky promised to keep supporting Kyiv and said Prague would send shells before"
        " the summer, the ministry's spokesman added on Friday.",
        '"We are ready to help.',
        'We will not wait for the others," the Estonian prime minister told reporters.',
    ]
)


def _said(
    body: str, source: str, cue: str, content: str, speaker: Speaker, after: int = 0
) -> Statement:
    source_span = _span(body, source, after)
    cue_span = _span(body, cue, after)
    content_span = _span(body, content, after)
    spans = (source_span, cue_span, content_span)
    return Statement(
        kind="direct" if body[content_span[0] - 1] == '"' else "indirect",
        cue=cue,
        cue_span=cue_span,
        content=content,
        content_span=content_span,
        source_text=source,
        source_span=source_span,
        span=(min(s[0] for s in spans), max(s[1] for s in spans)),
        speakers=[replace(speaker, text=source, span=source_span)],
        said_on=dt.date(2024, 4, 5),
        said_on_basis="explicit",
    )


def overlapping_statements(body: str = OVERLAPS) -> list[Statement]:
    lipavsky = Speaker("", None, "Jan Lipavsky", "Foreign Minister", "CZ", "Czechia", "country")
    spokesman = Speaker("", None, None, "spokesman", "CZ", "Czechia", "country")
    estonia = Speaker("", None, None, "prime minister", "EE", "Estonia", "country")
    shells = "Prague would send shells before the summer"
    added = body.index("added")
    return [
        _said(body, "Lipavsky", "promised", "to keep supporting Kyiv", lipavsky),
        _said(body, "Lipavsky", "said", shells, lipavsky),
        # the spokesman's statement starts inside Lipavsky's and ends after it
        replace(
            _said(body, "the ministry's spokesman", "added", shells, spokesman),
            span=(body.index(shells), added + len("added")),
        ),
        _said(
            body,
            "the Estonian prime minister",
            "told",
            "We are ready to help.\n\nWe will not wait for the others,",
            estonia,
        ),
    ]


def store_overlaps(ledger: Ledger) -> int:
    """Store the article of overlapping statements; returns its article id."""
    ledger.save_article(
        article("overlaps", "Shells before the summer", OVERLAPS, dt.date(2024, 4, 5)),
        overlapping_statements(),
    )
    ref = ledger.find_article("overlaps")
    assert ref is not None
    return ref.id
