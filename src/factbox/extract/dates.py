"""When a statement was made: ``said_on`` and its basis.

The date comes from a DATE/TIME entity in the statement's sentence that belongs to the act of
saying, not to what was said: it must not sit inside quotation marks or inside a clause the
cue verb reports ("Fico said on Monday that the summit on March 3 ..." gives Monday), and it
must not be the day of an act still ahead ("X and Y will sign the pact on Sunday", announced
on a Friday, was not said on the Sunday before). Month and weekday names come from the
``calendar`` module.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factbox.extract.speakers import speaker_actors, speaker_names
from factbox.extract.token_table import token_table
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
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "a day after" counts back, "two days before" forward (closed class, English).
DAY_ORDER = {"after": -1, "before": 1}
DAYS_IN_UNIT = {"day": 1, "week": 7}
# Relative adverbs that make a clause the place or time of its noun (closed class, English).
OCCASION_WORDS = frozenset({"where", "when"})
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Adverbs that move a saying away from the occasion before it (closed class, English; the
# tagger does not always mark "later" as comparative).
SHIFT_ADVERBS = frozenset({"later", "earlier", "afterwards", "subsequently", "previously"})
# Auxiliaries that put a verb's act ahead of the saying (closed class, English): "will sign
# on Sunday" is dated by the signing, which lies ahead; "are to sign", "are going to sign",
# "are due to sign" likewise.
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_GOVERNORS = frozenset({"going", "due", "set", "scheduled", "expected", "poised"})
RESOLVED_KEY = "factbox.said_on"
RESOLVED_ORDER_KEY = "factbox.said_on_order"
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
    date counts when it belongs to the main clause of the sentence. A statement without a
    date of its own is dated from the clause it is subordinate to ("a day after X said"),
    else from the statement before it when the same people said both on one occasion.
    Statements are remembered on the ``doc``; resolve them in text order.
    """
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return published, "article"
    cue_token = _cue_token(doc, cue)
    dated = (
        _own_date(doc, tokens, published, cue_token)
        or _date_of_occasion(doc, cue_token, published)
        or _date_relative_to_clause(doc, cue_token, published)
        or _carried_date(doc, span, tokens, cue_token)
        or _story_day(doc, span, tokens, cue_token, published)
    )
    _remember(doc, span, tokens, dated)
    if dated is None:
        return published, "article"
    return dated.day, dated.basis


def _own_date(
    doc: Doc, tokens: Span, published: dt.date | None, cue: Token | None
) -> _Dated | None:
    anchors = _saying_anchors(cue)
    cue_line = _line_of(doc, cue.i) if cue is not None else None
    for sentence in _sentences(tokens):
        for entity in _time_entities(sentence):
            if _is_eve(entity):
                continue
            if any(
                _is_eve_word(ancestor) or _is_day_next_to(ancestor)
                for ancestor in entity.root.ancestors
            ):
                continue  # "the eve of 3 March", "the day before his visit on 12 March"
            if cue_line is not None and _line_of(doc, entity.start) != cue_line:
                continue
            if _inside_quotes(sentence, entity.start) or not _belongs_to_saying(
                entity.root, anchors
            ):
                continue
            if _of_an_act_ahead(entity.root):
                continue  # "X and Y will sign the deal on Sunday": the signing, not the saying
            dated = _bracketed_day(entity, published) or _interpret(entity, published)
            if dated is not None:
                return dated
        dated = _eve_of(doc, sentence, published, anchors) or _day_next_to(
            doc, sentence, published, anchors, tokens.start
        )
        if dated is not None:
            return dated
    return None


def _of_an_act_ahead(date_root: Token) -> bool:
    """Whether a date hangs from a verb whose act lies ahead of the saying: "will sign on
    Sunday", "are to meet on Monday", "is due to vote on Friday". A statement that is such an
    act announced (a stance act in the future) was made before that day, so the date is not
    its own; it falls back on the other ways of dating it (publication at the latest)."""
    verb = date_root.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES for child in verb.children):
        return True
    governor = verb.head if verb.dep_ == "xcomp" else None
    if governor is None:
        return False
    if governor.lower_ in FUTURE_GOVERNORS:
        return True
    # "are to sign": a form of "be" with the infinitive as its complement
    return governor.lemma_ == "be" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _is_day_next_to(token: Token) -> bool:
    """ "the day before", "the day after": a day counted from another date."""
    return token.lemma_.lower() == "day" and any(
        child.lower_ in DAY_ORDER for child in token.children
    )


def _day_next_to(
    doc: Doc, sentence: Span, published: dt.date | None, anchors: frozenset[int], start: int
) -> _Dated | None:
    """ "The day before his visit to Rome on 12 March, X said": the day before that date;
    "The day before, X said": the day before the occasion of the statement before it (or
    of publication)."""
    lemma = token_table(doc).lemma
    for token in (doc[i] for i in range(sentence.start, sentence.end) if lemma[i] == "day"):
        if not _is_day_next_to(token) or not _belongs_to_saying(token, anchors):
            continue
        if _inside_quotes(sentence, token.i):
            continue
        order = next(child for child in token.children if child.lower_ in DAY_ORDER)
        step = dt.timedelta(days=-DAY_ORDER[order.lower_])
        targets = [child for child in order.children if child.dep_ == "pobj"]
        if targets:
            for target in targets:
                dated = _date_of(doc, target, published)
                if dated is not None:
                    return _Dated(dated.day + step, dated.basis)
            continue
        previous = _statement_before(doc, (doc[start].idx, doc[start].idx))
        base = previous.dated if previous is not None and previous.dated else None
        if base is None and published is not None:
            base = _Dated(published, "article")
        if base is not None:
            return _Dated(base.day + step, "relative")
    return None


def _saying_anchors(cue: Token | None) -> frozenset[int]:
    """The tokens a date may attach to and still date the saying: the cue; the verb it is
    coordinated with ("warned on Monday ... and said"); the verb its participle clause
    hangs from ("yesterday tried ..., telling MPs that"); and, when the cue is a dash
    ("— Name, 27 February"), the speaker phrase it introduces."""
    if cue is None:
        return frozenset()
    anchors = {cue.i}
    if cue.is_punct:
        anchors.add(cue.head.i)
        return frozenset(anchors)
    token = cue
    while token.head.i != token.i and token.head.pos_ in ("VERB", "AUX"):
        if token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG"):
            token = token.head
            anchors.add(token.i)
            continue
        break
    return frozenset(anchors)


def _line_breaks(doc: Doc) -> list[int]:
    return token_table(doc).line_breaks


def _line_of(doc: Doc, token_index: int) -> int:
    """Which line (paragraph or header) of the document a token is on."""
    return bisect.bisect_right(_line_breaks(doc), token_index)


def _line_start(doc: Doc, token_index: int) -> int:
    """The first token of the line (paragraph or header) holding a token."""
    breaks = _line_breaks(doc)
    line = bisect.bisect_right(breaks, token_index)
    return breaks[line - 1] + 1 if line > 0 else 0


def _date_relative_to_clause(
    doc: Doc, cue: Token | None, published: dt.date | None
) -> _Dated | None:
    """ "X spoke a day after Y said ...": Y's saying is dated from X's clause, counted back
    (or forward, for "before") by the stated number of days. X's clause without a date of
    its own is taken to be on the publication day."""
    if cue is None or cue.head.i == cue.i:
        return None
    marker = next(
        (c for c in cue.children if c.dep_ in ("mark", "prep") and c.lower_ in DAY_ORDER), None
    )
    anchor = cue.head
    if marker is None and cue.dep_ == "pcomp" and cue.head.lower_ in DAY_ORDER:
        # "X said ..., days after [threatening] to block it": the participle is the object
        # of "after", which hangs on X's clause
        marker, anchor = cue.head, cue.head.head
        while anchor.dep_ == "ccomp" and anchor.head.i != anchor.i:
            anchor = anchor.head  # "said [that it was possible], days after": the saying
    if marker is None:
        return None
    days = _day_count(cue) or _day_count(marker) or _day_count(anchor)
    if days is None:
        return None
    base = _clause_date(doc, anchor, cue, published)
    if base is None:
        return None
    return _Dated(base.day + dt.timedelta(days=days * DAY_ORDER[marker.lower_]), "relative")


def _date_of_occasion(doc: Doc, cue: Token | None, published: dt.date | None) -> _Dated | None:
    """ "after a conference on Monday, where he refused to rule it out": a saying in a
    relative clause on an occasion ("where", "when", "at which") is dated by the occasion,
    whether the parser hangs the clause on the date or on the occasion's noun. Never a day
    after publication."""
    if cue is None or cue.dep_ != "relcl" or not _opens_on_an_occasion(cue):
        return None
    antecedent = cue.head
    targets = [antecedent]
    holder = antecedent.head.head if antecedent.dep_ == "pobj" else None
    if holder is not None and antecedent.head.dep_ == "prep" and holder.pos_ in ("NOUN", "PROPN"):
        targets.append(holder)  # "a conference [on Monday], where": the date on the noun
    for target in targets:
        dated = _date_of(doc, target, published, written_on=True)
        if dated is not None and (published is None or dated.day <= published):
            return dated
    return None


def _opens_on_an_occasion(clause: Token) -> bool:
    """A relative clause opened by "where"/"when", or by "at which"/"during which"."""
    for child in clause.children:
        if child.i > clause.i:
            break
        if child.lower_ in OCCASION_WORDS:
            return True
        if child.dep_ == "prep" and any(c.lower_ == "which" for c in child.children):
            return True
    return False


def _day_count(verb: Token) -> int | None:
    """The number of days in a measure phrase on a verb ("a day", "two days", "the day");
    "days" without a number is two, the fewest it can be."""
    for child in verb.children:
        if child.dep_ != "npadvmod" or child.lemma_.lower() not in DAYS_IN_UNIT:
            continue
        count = 2 if child.tag_ == "NNS" else 1  # "days after": two at the fewest
        for modifier in child.children:
            if modifier.dep_ == "nummod":
                word = modifier.lower_
                count = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)
        if count > 0:
            return count * DAYS_IN_UNIT[child.lemma_.lower()]
    return None


def _clause_date(doc: Doc, verb: Token, skip: Token, published: dt.date | None) -> _Dated | None:
    skipped = {token.i for token in skip.subtree}
    anchors = frozenset({verb.i})
    for entity in _time_entities(verb.sent):
        if entity.root.i in skipped or _inside_quotes(verb.sent, entity.start):
            continue
        if _belongs_to_saying(entity.root, anchors):
            dated = _interpret(entity, published)
            if dated is not None:
                return dated
    return _Dated(published, "article") if published is not None else None


@dataclass(frozen=True, slots=True)
class _Resolved:
    """A statement already dated in this document."""

    span: CharSpan
    start: int
    end: int
    """Token range of the statement."""
    dated: _Dated | None


def _remember(doc: Doc, span: CharSpan, tokens: Span, dated: _Dated | None) -> None:
    resolved: dict[CharSpan, _Resolved] = doc.user_data.setdefault(RESOLVED_KEY, {})
    order: list[CharSpan] = doc.user_data.setdefault(RESOLVED_ORDER_KEY, [])
    if span not in resolved:
        bisect.insort(order, span)
    resolved[span] = _Resolved(span, tokens.start, tokens.end, dated)


def _statement_before(doc: Doc, span: CharSpan) -> _Resolved | None:
    """The latest statement starting before ``span`` that is not nested in another one
    ("Fico said that [some countries were thinking about it]" is Fico's statement)."""
    resolved: dict[CharSpan, _Resolved] | None = doc.user_data.get(RESOLVED_KEY)
    order: list[CharSpan] | None = doc.user_data.get(RESOLVED_ORDER_KEY)
    if not resolved or not order:
        return None
    position = bisect.bisect_left(order, (span[0], -1))
    for index in range(position - 1, -1, -1):
        start, end = order[index]
        nested = any(
            other[0] <= start and end <= other[1] and other != order[index]
            for other in order[max(0, index - 8) : index]
        )
        if not nested:
            return resolved[order[index]]
    return None


def _carried_date(doc: Doc, span: CharSpan, tokens: Span, cue: Token | None) -> _Dated | None:
    """The date of the statement just before, when the same named people made both and
    nothing marks a new occasion: "Fico said on Monday that ... He said ..."; "On Monday
    evening, Macron said ... «...», he added." Only within the next paragraph."""
    if cue is not None and _marks_new_occasion(cue):
        return None
    previous = _statement_before(doc, span)
    if previous is None or previous.dated is None or previous.end > tokens.start:
        return None
    if _line_of(doc, tokens.start) - _line_of(doc, previous.end - 1) > 1:
        return None
    names = speaker_names(doc, span)
    if not names or names != speaker_names(doc, previous.span):
        return None
    return previous.dated


def _story_day(
    doc: Doc, span: CharSpan, tokens: Span, cue: Token | None, published: dt.date | None
) -> _Dated | None:
    """The day the lead gives its own actor's news, for that actor's later statements without
    a day: "The White House said Tuesday that ... [later] Kirby, of the National Security
    Council, told reporters ..." is Tuesday's. Only for the actor (state or organisation) of
    the first dated statement of the first paragraph, a day in the week before publication;
    never past words that set a saying apart in time ("later", "last month")."""
    if published is None or cue is None or _shifted(cue):
        return None
    actors = speaker_actors(doc, span)
    if not actors or _has_time_of_its_own(cue):
        return None
    lead = _lead(doc, span)
    if lead is None or lead.dated is None or not actors & speaker_actors(doc, lead.span):
        return None
    if not published - dt.timedelta(days=7) <= lead.dated.day < published:
        return None  # the lead's day is publication's: the article's date says as much
    return _Dated(lead.dated.day, "relative")


def _lead(doc: Doc, span: CharSpan) -> _Resolved | None:
    """The first statement of the document's first paragraph dated by its own words, when
    it comes before ``span``."""
    resolved: dict[CharSpan, _Resolved] | None = doc.user_data.get(RESOLVED_KEY)
    order: list[CharSpan] | None = doc.user_data.get(RESOLVED_ORDER_KEY)
    if not resolved or not order:
        return None
    first_line = _line_of(doc, next((t.i for t in doc if not t.is_space), 0))
    for earlier in order:
        if earlier >= span:
            return None
        statement = resolved[earlier]
        if _line_of(doc, statement.start) != first_line:
            return None
        if statement.dated is not None and statement.dated.basis in ("explicit", "relative"):
            return statement
    return None


def _shifted(cue: Token) -> bool:
    return any(
        child.dep_ == "advmod" and (child.tag_ == "RBR" or child.lower_ in SHIFT_ADVERBS)
        for child in cue.children
    )


def _has_time_of_its_own(cue: Token) -> bool:
    """A time phrase on the saying that names no day ("announced last month")."""
    anchors = _saying_anchors(cue)
    sentence = cue.sent
    return any(
        not _inside_quotes(sentence, entity.start) and _belongs_to_saying(entity.root, anchors)
        for entity in _time_entities(sentence)
    )


def _marks_new_occasion(cue: Token) -> bool:
    """ "said in an interview", "told a rally", "said later": the words name an occasion
    of their own (an indefinite noun on the cue) or set it apart in time."""
    if _shifted(cue):
        return True
    for child in cue.children:
        nouns = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep":
            nouns = [c for c in child.children if c.dep_ == "pobj"]
        for noun in nouns:
            if any("Ind" in det.morph.get("Definite", []) for det in noun.children):
                return True
    return False


def _time_entities(sentence: Span) -> list[Span]:
    """DATE and TIME entities of one sentence, read from its tokens (``Span.ents`` would
    walk every entity of the document)."""
    entities: list[Span] = []
    start: int | None = None
    doc = sentence.doc
    table = token_table(doc)
    iob, ent_type = table.ent_iob, table.ent_type
    for i in range(sentence.start, sentence.end):
        inside = iob[i] == "I" and start is not None
        if start is not None and not inside:
            entities.append(doc[start:i])
            start = None
        if iob[i] == "B" and ent_type[i] in TIME_LABELS:
            start = i
            previous = doc[i - 1] if i > sentence.start else None
            if previous is not None and previous.like_num and table.head[previous.i] == i:
                # The recogniser sometimes leaves the day out: "27 February" as 27 + DATE.
                start = previous.i
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
    """Whether a token sits inside double quotation marks, counted from the start of its
    line: the parser may start a sentence inside a quote (after "..." in "'A ... B,' said
    X Thursday"), so the marks of the sentence alone would put the words after the quote
    inside it."""
    doc = sentence.doc
    start = min(sentence.start, _line_start(doc, position))
    table = token_table(doc)
    is_quote, text = table.is_quote, table.text
    quotes = sum(1 for i in range(start, position) if is_quote[i] and text[i] not in SINGLE_QUOTES)
    return quotes % 2 == 1


def _belongs_to_saying(token: Token, anchors: frozenset[int]) -> bool:
    """Whether a date attaches to the saying: to the cue verb (or its anchors) if known,
    else to the main clause, without passing through a reported or subordinate clause on
    the way up. A participle clause on the speaker ("Leaders, meeting in Prague on Monday,
    said") is the occasion of the saying, so it does not count as subordinate."""
    while True:
        if token.i in anchors:
            return True
        if token.dep_ in REPORTED_CLAUSE_DEPS and not _describes_the_speaker(token):
            return False
        if token.head.i == token.i:
            return not anchors
        token = token.head


def _describes_the_speaker(clause: Token) -> bool:
    return clause.dep_ == "acl" and clause.tag_ != "VBN" and clause.head.dep_ in SUBJECT_DEPS


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


def _bracketed_day(entity: Span, published: dt.date | None) -> _Dated | None:
    """The written date in brackets right after a relative one ("last Monday [(March 7)]"):
    the writer's own reading of the weekday, which counting back from the page's date may
    miss (a page dated a week later, a weekday read as the one before)."""
    doc = entity.doc
    opener = entity.end
    if opener + 2 >= len(doc) or doc[opener].text != "(":
        return None
    close = next(
        (i for i in range(opener + 1, min(opener + 6, len(doc))) if doc[i].text == ")"), None
    )
    if close is None:
        return None
    words = [token.lower_.rstrip(".") for token in doc[opener + 1 : close]]
    day = _explicit_day(words, published, nearest=False)
    return _Dated(day, "explicit") if day is not None else None


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
    lemma = token_table(tokens.doc).lemma
    return any(lemma[i] == "eve" for i in range(tokens.start, tokens.end))  # ``_is_eve_word``


def _eve_of(
    doc: Doc, sentence: Span, published: dt.date | None, anchors: frozenset[int]
) -> _Dated | None:
    """ "On the eve of <date or dated event>": the day before that date."""
    lemma = token_table(doc).lemma
    for token in (doc[i] for i in range(sentence.start, sentence.end) if lemma[i] == "eve"):
        if not _belongs_to_saying(token, anchors):  # an ``_is_eve_word`` token
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


def _date_of(
    doc: Doc, target: Token, published: dt.date | None, *, written_on: bool = False
) -> _Dated | None:
    """The date a noun stands for: a date itself ("the eve of March 3") or an event the
    article dates elsewhere ("the summit ... on March 3"). With ``written_on``, only a date
    written on the noun itself, not one it is counted from ("an interview after Tuesday's
    vote") nor one the article gives a noun of the same word elsewhere."""
    if target.ent_type_ in ("DATE", "TIME"):
        for entity in _time_entities(target.sent):
            if entity.start <= target.i < entity.end:
                return _interpret(entity, published, nearest=True)
    for child in target.children:
        if child.dep_ == "prep" and not (written_on and child.lower_ in DAY_ORDER):
            for entity in _entities_under(doc, child):
                dated = _interpret(entity, published, nearest=True)
                if dated is not None:
                    return dated
    if written_on:
        return None
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
