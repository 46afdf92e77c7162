"""When a statement was made: ``said_on`` and its basis.

The date comes from a DATE/TIME entity in the statement's sentence that belongs to the act of
saying, not to what was said: it must not sit inside quotation marks or inside a clause the
cue verb reports ("Fico said on Monday that the summit on March 3 ..." gives Monday). Month and
weekday names come from the ``calendar`` module.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factbox.records import DateBasis
from factbox.records import Span as CharSpan

# Clauses that carry what was said (or some other event), not the saying itself.
REPORTED_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "csubj", "csubjpass", "relcl", "acl", "advcl", "parataxis"}
)
# Words for "the day of publication" and its neighbours (closed class, English).
DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1}
PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
TIME_LABELS = frozenset({"DATE", "TIME"})
SINGLE_QUOTES = frozenset({"'", "\u2018", "\u2019"})
DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
YEAR_NUMBER = re.compile(r"^(1[89]\d\d|2\d\d\d)$")

MONTHS: dict[str, int] = {}
WEEKDAYS: dict[str, int] = {}
# calendar's names follow LC_TIME; the copy we read is English, whatever the process locale.
with calendar.different_locale("C"):  # type: ignore[arg-type]
    for number in range(1, 13):
        MONTHS[calendar.month_name[number].lower()] = number
        MONTHS[calendar.month_abbr[number].lower()] = number
    for number in range(7):
        WEEKDAYS[calendar.day_name[number].lower()] = number
        WEEKDAYS[calendar.day_abbr[number].lower()] = number
MONTHS["sept"] = 9  # AP style abbreviation, the one that calendar.month_abbr does not give


@dataclass(frozen=True, slots=True)
class _Dated:
    day: dt.date
    basis: DateBasis


def resolve_said_on(
    doc: Doc, span: CharSpan, published: dt.date | None, cue: CharSpan | None = None
) -> tuple[dt.date | None, DateBasis]:
    """The date the statement at ``span`` was made, and how we know it.

    ``cue`` (the cue verb's span), when given, pins the date to that verb; otherwise a
    date counts when it belongs to the main clause of the sentence.
    """
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return published, "article"
    cue_token = _cue_token(doc, cue)
    for sentence in _sentences(tokens):
        for entity in _time_entities(sentence):
            if _is_eve(entity):
                continue
            if any(_is_eve_word(ancestor) for ancestor in entity.root.ancestors):
                continue
            if _inside_quotes(sentence, entity.start) or not _belongs_to_saying(
                entity.root, cue_token
            ):
                continue
            dated = _interpret(entity, published)
            if dated is not None:
                return dated.day, dated.basis
        dated = _eve_of(doc, sentence, published, cue_token)
        if dated is not None:
            return dated.day, dated.basis
    return published, "article"


def _time_entities(sentence: Span) -> list[Span]:
    """DATE and TIME entities of one sentence, read from its tokens (``Span.ents`` would
    walk every entity of the document)."""
    entities: list[Span] = []
    start: int | None = None
    for token in sentence:
        inside = token.ent_iob_ == "I" and start is not None
        if start is not None and not inside:
            entities.append(sentence.doc[start : token.i])
            start = None
        if token.ent_iob_ == "B" and token.ent_type_ in TIME_LABELS:
            start = token.i
    if start is not None:
        entities.append(sentence.doc[start : sentence.end])
    return entities


def _cue_token(doc: Doc, cue: CharSpan | None) -> Token | None:
    if cue is None:
        return None
    tokens = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return tokens.root if tokens is not None and len(tokens) else None


def _sentences(tokens: Span) -> Iterator[Span]:
    doc = tokens.doc
    sentence = doc[tokens.start].sent
    while True:
        yield sentence
        if sentence.end >= tokens.end or sentence.end >= len(doc):
            return
        sentence = doc[sentence.end].sent


def _inside_quotes(sentence: Span, position: int) -> bool:
    quotes = sum(
        1
        for token in sentence.doc[sentence.start : position]
        if token.is_quote and token.text not in SINGLE_QUOTES
    )
    return quotes % 2 == 1


def _belongs_to_saying(token: Token, cue: Token | None) -> bool:
    """Whether a date attaches to the saying: to the cue verb if known, else to the main
    clause, without passing through a reported or subordinate clause on the way up."""
    while True:
        if cue is not None and token == cue:
            return True
        if token.dep_ in REPORTED_CLAUSE_DEPS:
            return False
        if token.head.i == token.i:
            return cue is None
        token = token.head


def _interpret(entity: Span, published: dt.date | None, *, nearest: bool = False) -> _Dated | None:
    """A day from a DATE/TIME entity: explicit ("26 February 2024", "Feb. 26"), relative
    ("Monday", "yesterday", "this morning"), or nothing ("last week", "in February").

    Without a year or week, a statement's day is the latest one on or before publication;
    with ``nearest`` (for events, which may lie ahead) it is the one closest to it.
    """
    words = [token.lower_.rstrip(".") for token in entity]
    explicit = _explicit_day(words, published, nearest=nearest)
    if explicit is not None:
        return _Dated(explicit, "explicit")
    if published is None:
        return None
    for word in words:
        if word in DAY_OFFSETS:
            return _Dated(published + dt.timedelta(days=DAY_OFFSETS[word]), "relative")
    for word in words:
        if word in WEEKDAYS:
            if "next" in words and not nearest:
                return None
            if nearest:
                return _Dated(_nearest_weekday(WEEKDAYS[word], published), "relative")
            day = _latest_weekday(WEEKDAYS[word], published, strict="last" in words)
            return _Dated(day, "relative")
    if words[:1] == ["this"] and PARTS_OF_DAY.intersection(words):
        return _Dated(published, "relative")
    if words[:1] == ["last"] and "night" in words:
        return _Dated(published - dt.timedelta(days=1), "relative")
    return None


def _explicit_day(words: list[str], published: dt.date | None, *, nearest: bool) -> dt.date | None:
    for word in words:
        try:
            return dt.date.fromisoformat(word)
        except ValueError:
            continue
    months = [MONTHS[word] for word in words if word in MONTHS]
    days = [int(m.group(1)) for word in words if (m := DAY_NUMBER.match(word))]
    days = [day for day in days if 1 <= day <= 31]
    if not months or not days:
        return None
    years = [int(word) for word in words if YEAR_NUMBER.match(word)]
    if years:
        return _date_or_none(years[0], months[0], days[0])
    if published is None:
        return None
    candidates = [
        day
        for year in (published.year - 1, published.year, published.year + 1)
        if (day := _date_or_none(year, months[0], days[0])) is not None
    ]
    if nearest:
        return min(candidates, key=lambda day: abs(day - published), default=None)
    past = [day for day in candidates if day <= published]
    return max(past, default=None)


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_weekday(weekday: int, published: dt.date, *, strict: bool) -> dt.date:
    """The latest given weekday on or before ``published`` (before it for "last Monday")."""
    back = (published.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return published - dt.timedelta(days=back)


def _nearest_weekday(weekday: int, published: dt.date) -> dt.date:
    """The given weekday within three days either side of ``published``."""
    offset = (weekday - published.weekday()) % 7
    return published + dt.timedelta(days=offset if offset <= 3 else offset - 7)


def _is_eve_word(token: Token) -> bool:
    return token.lemma_.lower() == "eve"


def _is_eve(tokens: Span) -> bool:
    return any(_is_eve_word(token) for token in tokens)


def _eve_of(
    doc: Doc, sentence: Span, published: dt.date | None, cue: Token | None
) -> _Dated | None:
    """ "On the eve of <date or dated event>": the day before that date."""
    for token in sentence:
        if not _is_eve_word(token) or not _belongs_to_saying(token, cue):
            continue
        if _inside_quotes(sentence, token.i):
            continue
        for preposition in token.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "of":
                continue
            for target in preposition.children:
                dated = _date_of(doc, target, published)
                if dated is None:
                    continue
                eve = dated.day - dt.timedelta(days=1)
                if published is None or eve <= published:
                    return _Dated(eve, dated.basis)
    return None


def _date_of(doc: Doc, target: Token, published: dt.date | None) -> _Dated | None:
    """The date a noun stands for: a date itself ("the eve of March 3") or an event the
    article dates elsewhere ("the summit ... on March 3")."""
    if target.ent_type_ in ("DATE", "TIME"):
        for entity in _time_entities(target.sent):
            if entity.start <= target.i < entity.end:
                return _interpret(entity, published, nearest=True)
    for child in target.children:
        if child.dep_ == "prep":
            for entity in _entities_under(doc, child):
                dated = _interpret(entity, published, nearest=True)
                if dated is not None:
                    return dated
    return _event_dates(doc, published).get(target.lemma_.lower())


def _entities_under(doc: Doc, token: Token) -> list[Span]:
    indices = {t.i for t in token.subtree}
    return [e for e in _time_entities(token.sent) if e.root.i in indices]


def _event_dates(doc: Doc, published: dt.date | None) -> dict[str, _Dated]:
    """Nouns the article dates ("the summit on July 11", "the summit will take place on
    July 11"), computed once per document."""
    cache_key = f"factbox.event_dates:{published}"
    cached = doc.user_data.get(cache_key)
    if cached is not None:
        return dict(cached)
    events: dict[str, _Dated] = {}
    for entity in doc.ents:
        if entity.label_ not in TIME_LABELS:
            continue
        dated = _interpret(entity, published, nearest=True)
        if dated is None:
            continue
        for noun in _dated_nouns(entity.root):
            events.setdefault(noun.lemma_.lower(), dated)
    doc.user_data[cache_key] = events
    return events


def _dated_nouns(date_root: Token) -> list[Token]:
    anchor = date_root.head
    if anchor.dep_ == "prep" or anchor.pos_ == "ADP":
        anchor = anchor.head
    if anchor.pos_ in ("NOUN", "PROPN"):
        return [anchor]
    if anchor.pos_ in ("VERB", "AUX"):
        # "the summit will take place on ...", "leaders meet at a summit on ..."
        nouns = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        for preposition in anchor.children:
            if preposition.dep_ == "prep" and preposition.i != date_root.head.i:
                nouns.extend(c for c in preposition.children if c.dep_ == "pobj")
        return nouns
    return []
