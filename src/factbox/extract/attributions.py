"""Finding attributions (cue, content, source spans) in a parsed document.

Quoted passages come from one pass over the text (quotes.py), cue clauses from one pass over
the parse (reported.py). Here the two are reconciled: a clause whose content touches a quote
takes the whole quote; quotes the parse left alone are tied to a neighbouring clause, a colon
lead-in ("Stoltenberg: ..."), a trailing dash ("... — Petr Fiala") or the previous sentence.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from factbox.extract.actors import lookup_actor
from factbox.extract.boundaries import adjust_boundaries
from factbox.extract.confidence import (
    StatementContext,
    StatementScorer,
    load_statement_scorer,
)
from factbox.extract.content_ends import EndCutter, cut_tails, load_end_cutter
from factbox.extract.cue_adder import CueAdder
from factbox.extract.cues import CueLexicon, load_cue_lexicon
from factbox.extract.doc_text import doc_text
from factbox.extract.furniture import page_furniture
from factbox.extract.learned import load_cue_classifier, load_learned_cues
from factbox.extract.quotes import find_quotes, is_title_like
from factbox.extract.reported import (
    CueClause,
    TokenRange,
    find_cue_clauses,
    trim_range,
)
from factbox.extract.span_choice import SpanChooser
from factbox.extract.tagged import combine as combine_with_tagger
from factbox.extract.token_table import token_table
from factbox.records import Span, Statement, StatementKind

_EDGE_PUNCTUATION = ",;:\u2014\u2013-"
_SENTENCE_END = frozenset(".!?\u2026")
_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_COMPLEMENTIZERS = frozenset({"that"})
_MAX_TAG_TOKENS = 12
_MAX_SPEAKER_TOKENS = 4
_MIN_SPEECH_WORDS = 3


@dataclass(slots=True)
class _Draft:
    kind: StatementKind
    cue: Span | None
    source: Span | None
    pieces: list[Span]
    quotes: set[int] = field(default_factory=set)
    clause: CueClause | None = None

    @property
    def span(self) -> Span:
        edges = [*self.pieces]
        if self.cue is not None:
            edges.append(self.cue)
        if self.source is not None:
            edges.append(self.source)
        return min(e[0] for e in edges), max(e[1] for e in edges)


def _merged(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _without(spans: list[Span], holes: list[Span]) -> list[Span]:
    for hole_start, hole_end in holes:
        kept: list[Span] = []
        for start, end in spans:
            if end <= hole_start or start >= hole_end:
                kept.append((start, end))
                continue
            if start < hole_start:
                kept.append((start, hole_start))
            if end > hole_end:
                kept.append((hole_end, end))
        spans = kept
    return spans


class _Attributor:
    """Reconciles quotes and cue clauses for one document."""

    def __init__(self, doc: Doc, lexicon: CueLexicon, *, polnear: bool = False) -> None:
        self.doc = doc
        self.polnear = polnear
        self.text = doc_text(doc)
        self.lexicon = lexicon
        self.quotes = find_quotes(self.text, lexicon.quote_families)
        self.quote_starts = [quote.outer[0] for quote in self.quotes]
        self.quote_ends = [quote.outer[1] for quote in self.quotes]
        self.speech_like = [
            not is_title_like(
                " ".join(self.text[a:b] for a, b in quote.parts), lexicon.title_minor_words
            )
            for quote in self.quotes
        ]
        self.mark_chars = "".join(
            sorted({mark for family in lexicon.quote_families for mark in family.marks})
        )
        self.token_quote = [-1] * len(doc)
        self.quote_tokens: list[TokenRange] = []
        table = token_table(doc)
        token_starts = table.starts
        self.token_starts = token_starts
        for number, quote in enumerate(self.quotes):
            first = bisect_left(token_starts, quote.outer[0])
            last = bisect_left(token_starts, quote.outer[1])
            self.quote_tokens.append((first, last))
            for i in range(first, last):
                self.token_quote[i] = number
        self.sentence_of = table.sentence_of
        self.sentences: list[TokenRange] = table.sentences
        self.paragraph_of = table.paragraph_of
        self.consumed: set[int] = set()
        self.drafts: list[_Draft] = []
        self.draft_ends: list[tuple[int, int]] = []
        """(span end, index in ``drafts``), sorted: the statement just before a lone quote."""

    # Spans -----------------------------------------------------------------------------

    def chars(self, tokens: TokenRange) -> Span:
        last = self.doc[tokens[1] - 1]
        return self.doc[tokens[0]].idx, last.idx + len(last.text)

    def trimmed_chars(self, span: Span) -> Span | None:
        start, end = span
        strip = _EDGE_PUNCTUATION + self.mark_chars
        while start < end and (self.text[start].isspace() or self.text[start] in strip + "."):
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in strip):
            end -= 1
        return (start, end) if start < end else None

    def quotes_overlapping(self, span: Span) -> list[int]:
        # Outermost quotes do not overlap, so their ends are sorted like their starts.
        first = bisect_right(self.quote_ends, span[0])
        last = bisect_left(self.quote_starts, span[1])
        return [number for number in range(first, last) if self.speech_like[number]]

    def content_from_tokens(self, ranges: tuple[TokenRange, ...]) -> tuple[list[Span], set[int]]:
        """Character pieces of a parse content, widened to every quote it touches."""
        pieces = [self.chars(r) for r in ranges]
        used: set[int] = set()
        for piece in pieces:
            used.update(self.quotes_overlapping(piece))
        return self.pieces_with_quotes(pieces, used), used

    def pieces_with_quotes(self, pieces: list[Span], used: set[int]) -> list[Span]:
        spans = [*pieces]
        gaps: list[Span] = []
        for number in sorted(used):
            parts = self.quotes[number].parts
            spans.extend(parts)
            gaps.extend((a[1], b[0]) for a, b in zip(parts, parts[1:], strict=False))
        result = []
        for span in _without(_merged(spans), gaps):
            trimmed = self.trimmed_chars(span)
            if trimmed is not None:
                result.append(self.with_own_marks(trimmed, used))
        return result

    def with_own_marks(self, piece: Span, used: set[int]) -> Span:
        """Keep both marks of a quote that a piece only partly is (mixed content)."""
        start, end = piece
        for number in used:
            open_at, close_end = self.quotes[number].outer
            if start <= open_at < end < close_end:
                end = close_end
            if open_at < start < close_end <= end:
                start = open_at
        return start, end

    def kind_of(self, pieces: list[Span], used: set[int]) -> StatementKind:
        if not used:
            return "indirect"
        quoted = [part for number in used for part in self.quotes[number].parts]
        for outside in _without(pieces, quoted):
            words = self.text[outside[0] : outside[1]].strip()
            if words.lower() in _COMPLEMENTIZERS:
                continue  # 'warned that "..."' is still a direct quote
            if any(ch.isalnum() for ch in words):
                return "mixed"
        return "direct"

    # Neighbourhood ---------------------------------------------------------------------

    def _is_gap_token(self, i: int) -> bool:
        token = self.doc[i]
        return self.token_quote[i] < 0 and (token.is_punct or token.is_space)

    def quote_before(self, token: int, *, same_sentence: bool = False) -> int | None:
        """The quote that ends right before ``token``, with only punctuation between."""
        i = token - 1
        while i >= 0 and self._is_gap_token(i):
            if "\n" in self.doc[i].text:
                return None
            i -= 1
        if i < 0 or self.token_quote[i] < 0:
            return None
        number = self.token_quote[i]
        if same_sentence and token < len(self.doc):
            if self.sentence_of[self.quote_tokens[number][0]] != self.sentence_of[token]:
                return None
        return number

    def quote_after(self, token: int, *, across_paragraphs: bool = False) -> int | None:
        """The quote that opens right after ``token - 1``, with only punctuation between."""
        i = token
        lead_in = False
        while i < len(self.doc) and self._is_gap_token(i):
            if self.doc[i].text in self.lexicon.lead_in_marks:
                lead_in = True
            if "\n" in self.doc[i].text and not (across_paragraphs and lead_in):
                return None
            i += 1
        if i >= len(self.doc) or self.token_quote[i] < 0:
            return None
        number = self.token_quote[i]
        return number if self.quote_tokens[number][0] == i else None

    def available(self, number: int | None) -> bool:
        return number is not None and number not in self.consumed and self.speech_like[number]

    # Steps -----------------------------------------------------------------------------

    def add(self, draft: _Draft) -> None:
        if not draft.pieces:
            return
        self.drafts.append(draft)
        self.consumed |= draft.quotes
        insort(self.draft_ends, (draft.span[1], len(self.drafts) - 1))

    def draft_ending_before(self, char: int) -> _Draft | None:
        at = bisect_right(self.draft_ends, (char, len(self.drafts)))
        return self.drafts[self.draft_ends[at - 1][1]] if at else None

    def clause_draft(self, clause: CueClause, pieces: list[Span], used: set[int]) -> _Draft:
        kind: StatementKind
        if clause.kind in ("belief", "act"):
            kind = clause.kind
        else:
            kind = self.kind_of(pieces, used)
        source = self.chars(clause.source) if clause.source is not None else None
        return _Draft(kind, self.chars(clause.cue), source, pieces, used, clause)

    def from_clauses(self, clauses: list[CueClause]) -> None:
        bare: list[CueClause] = []
        for clause in clauses:
            if not clause.content:
                bare.append(clause)
                continue
            pieces, used = self.content_from_tokens(clause.content)
            self.add(self.clause_draft(clause, pieces, used))
        for clause in bare:
            linked = [
                number
                for number in (
                    self.quote_before(clause.extent[0]),
                    self.quote_after(clause.extent[1], across_paragraphs=True),
                )
                if number is not None and self.available(number)
            ]
            if linked:
                used = set(linked)
                self.add(self.clause_draft(clause, self.pieces_with_quotes([], used), used))
        self.drafts.sort(key=lambda draft: draft.span)

    def join_split_quotes(self) -> None:
        """``"We are ready," he said. "But not alone."`` is one statement. Under PolNeAR's
        conventions so is a mixed content before its cue (``Kyiv needs "more time," she said.
        "It is not ready."``): on 400 train articles the join gains 7 gold contents and loses
        none."""
        for draft in self.drafts:
            clause = draft.clause
            if clause is None or clause.kind not in ("speech", "belief") or not draft.quotes:
                continue
            if draft.kind == "mixed" and not (
                self.polnear and draft.pieces[-1][1] <= self.chars(clause.cue)[0]
            ):
                continue
            first_quote = min(draft.quotes)
            if self.quotes[first_quote].outer[0] < self.chars(clause.cue)[0]:
                follower = self.quote_after(clause.extent[1])
                if follower is None:
                    follower = self.continuation(draft, clause.extent[1])
                if self.available(follower) and follower is not None:
                    self.extend(draft, follower)
            else:
                leader = self.quote_before(clause.extent[0], same_sentence=True)
                if self.available(leader) and leader is not None:
                    self.extend(draft, leader)

    def continuation(self, draft: _Draft, token: int) -> int | None:
        """The quote opening the next sentence of the paragraph when nobody else speaks
        first: in ``"A," the colonel said, adding that the shelling had stopped. "B."`` the
        speaker goes on. Under PolNeAR's conventions a quote opening the next paragraph goes
        on too (``"A," she said.`` then ``"B."`` below it): its annotators make the two one
        content when the second quote has no cue of its own (on 400 train articles 22 times;
        each of the 96 such quotes they made a relation of its own has its own cue, which
        takes it first)."""
        i = token
        paragraph_break = False
        while i < len(self.doc) and self.token_quote[i] < 0:
            if "\n" in self.doc[i].text:
                if not self.polnear or paragraph_break:
                    return None
                paragraph_break = True
            elif paragraph_break and not self.doc[i].is_space:
                return None  # words open the next paragraph: not the speaker's quote
            i += 1
        if i >= len(self.doc) or not (self.doc[i].is_sent_start or paragraph_break):
            return None
        number = self.token_quote[i]
        opens_at = self.quotes[number].outer[0]
        if any(
            other.cue is not None
            and draft.span[1] <= other.cue[0] < opens_at
            and other.source != draft.source
            for other in self.drafts
        ):
            return None
        return number

    def extend(self, draft: _Draft, number: int) -> None:
        draft.quotes.add(number)
        draft.pieces = self.pieces_with_quotes(draft.pieces, draft.quotes)
        self.consumed.add(number)

    def from_lone_quotes(self) -> None:
        # Split quotes widened some drafts: index their ends afresh.
        self.draft_ends = sorted((draft.span[1], i) for i, draft in enumerate(self.drafts))
        for number in range(len(self.quotes)):
            if not self.available(number):
                continue
            draft = self.lead_in(number) or self.trailing_dash(number)
            if draft is None:
                draft = self.previous_sentence(number)
            if draft is not None:
                self.add(draft)

    def tag_tokens(self, edge: int, step: int) -> TokenRange | None:
        """A short verbless noun phrase from ``edge`` going ``step``: "X: ..." or "... — X"."""
        i, count = edge, 0
        while 0 <= i < len(self.doc):
            token = self.doc[i]
            if "\n" in token.text or self.token_quote[i] >= 0 or token.text in _SENTENCE_END:
                break
            if count == _MAX_TAG_TOKENS:
                return None
            i += step
            count += 1
        low, high = (i + 1, edge + 1) if step < 0 else (edge, i)
        if low >= high:
            return None
        if any(self.doc[j].pos_ in ("VERB", "AUX") for j in range(low, high)):
            return None
        if not any(self.doc[j].pos_ in ("PROPN", "NOUN", "PRON") for j in range(low, high)):
            return None
        return trim_range(self.doc, (low, high))

    def is_label(self, tokens: TokenRange) -> bool:
        """A page widget's label standing where a speaker's name would ("Share: ...")."""
        start, end = self.chars(tokens)
        return page_furniture().is_label(self.text[start:end])

    def quote_draft(self, number: int, cue: Span | None, source: Span | None) -> _Draft:
        used = {number}
        return _Draft("direct", cue, source, self.pieces_with_quotes([], used), used)

    def from_speaker_lines(self) -> None:
        """Transcript lines: a paragraph opening with a short name and a colon
        ("PENCE: Well, the question ...") is that speaker's words up to the paragraph end."""
        taken = _merged([piece for draft in self.drafts for piece in draft.pieces])
        starts = [span[0] for span in taken]
        first = 0
        while first < len(self.doc):
            last = first
            while last < len(self.doc) and self.paragraph_of[last] == self.paragraph_of[first]:
                last += 1
            draft = self.speaker_line(first, last)
            if draft is not None:
                # Skip a line inside someone else's content; statements nested in the line
                # ("KAINE: I think ...") stay beside it.
                content = draft.pieces[0]
                at = bisect_right(starts, content[0])
                if not at or taken[at - 1][1] <= content[0]:
                    self.add(draft)
            first = last

    def speaker_line(self, first: int, last: int) -> _Draft | None:
        start = first
        while start < last and (self.doc[start].is_space or self.doc[start].is_quote):
            start += 1
        colon = next(
            (
                i
                for i in range(start, min(last, start + _MAX_SPEAKER_TOKENS + 1))
                if self.doc[i].text in self.lexicon.lead_in_marks
            ),
            None,
        )
        if colon is None or colon == start:
            return None
        speaker = self.doc[start:colon]
        if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in speaker):
            return None
        if tuple(t.lower_ for t in speaker) in self.lexicon.act_labels:
            return None  # "In favour: A, B": a vote (vote_lists.py), no one speaking
        if not any(t.pos_ in ("PROPN", "NOUN") for t in speaker) or self.is_label((start, colon)):
            return None
        if _dateline(speaker):
            return None  # "BRUSSELS: The 27 member states ...": where the report was filed
        words = sum(1 for t in self.doc[colon + 1 : last] if t.is_alpha)
        if words < _MIN_SPEECH_WORDS or self.token_quote[min(colon + 1, last - 1)] >= 0:
            return None  # a quote after the colon is the lead-in rule's
        trimmed = self.trimmed_chars(self.chars((colon + 1, last)))
        if trimmed is None:
            return None
        cue, source = self.chars((colon, colon + 1)), self.chars((start, colon))
        return _Draft("direct", cue, source, [trimmed])

    def lead_in(self, number: int) -> _Draft | None:
        i = self.quote_tokens[number][0] - 1
        while i >= 0 and self.doc[i].is_space and "\n" not in self.doc[i].text:
            i -= 1
        if i < 1 or self.doc[i].text not in self.lexicon.lead_in_marks:
            return None
        speaker = self.tag_tokens(i - 1, -1)
        if speaker is None or self.is_label(speaker):
            return None
        return self.quote_draft(number, self.chars((i, i + 1)), self.chars(speaker))

    def trailing_dash(self, number: int) -> _Draft | None:
        # Character-based: the tokenizer may glue the dash to the closing mark ("”―").
        pos = self.quotes[number].outer[1]
        while pos < len(self.text) and self.text[pos] in " \t\u00a0":
            pos += 1
        if pos >= len(self.text) or self.text[pos] not in self.lexicon.trailing_dashes:
            return None
        speaker = self.tag_tokens(bisect_left(self.token_starts, pos + 1), 1)
        if speaker is None or self.is_label(speaker):
            return None
        return self.quote_draft(number, (pos, pos + 1), self.chars(speaker))

    def is_speech(self, number: int) -> bool:
        start, end = self.quote_tokens[number]
        tokens = self.doc[start:end]
        words = sum(1 for token in tokens if token.is_alpha)
        return words >= _MIN_SPEECH_WORDS and any(t.pos_ in ("VERB", "AUX") for t in tokens)

    def previous_sentence(self, number: int) -> _Draft | None:
        """A quote standing as its own sentence speaks for whoever the sentence before names."""
        if not self.is_speech(number):
            return None
        first = self.quote_tokens[number][0]
        i = first - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0:
            return None
        before = self.token_quote[i]
        ends_sentence = (
            self.doc[i].text in _SENTENCE_END
            or self.doc[i].text in self.lexicon.lead_in_marks
            or (before >= 0 and self.text[self.quotes[before].parts[-1][1] - 1] in _SENTENCE_END)
        )
        if self.sentence_of[i] == self.sentence_of[first] and not ends_sentence:
            return None
        last_word = i
        while last_word > 0 and (self.doc[last_word].is_punct or self.doc[last_word].is_space):
            last_word -= 1
        # The sentence before, cut at its paragraph start (the parser may run it on).
        first_in_window = self.sentences[self.sentence_of[last_word]][0]
        while self.paragraph_of[first_in_window] != self.paragraph_of[last_word]:
            first_in_window += 1
        earlier = self.draft_ending_before(self.quotes[number].outer[0])
        window_start = self.doc[first_in_window].idx
        if earlier is not None and earlier.source is not None and earlier.span[1] > window_start:
            return self.quote_draft(number, None, earlier.source)
        if self.token_quote[last_word] >= 0:
            return None
        root = self.doc[last_word]
        while root.head.i != root.i and first_in_window <= root.head.i < first:
            root = root.head
        subject = next(
            (
                child
                for child in root.children
                if child.dep_ in ("nsubj", "nsubjpass") and self.token_quote[child.i] < 0
            ),
            None,
        )
        if subject is None:
            return None
        names_someone = subject.lower_ in _PERSONAL_PRONOUNS or any(
            token.ent_type_ in _SOURCE_ENTITIES for token in subject.subtree
        )
        if not names_someone:
            return None
        source = trim_range(self.doc, (subject.left_edge.i, subject.right_edge.i + 1))
        if source is None:
            return None
        return self.quote_draft(number, None, self.chars(source))

    def statements(self) -> list[Statement]:
        statements = []
        for draft in sorted(self.drafts, key=lambda d: (d.span, d.cue or (0, 0))):
            content_span = (draft.pieces[0][0], draft.pieces[-1][1])
            statements.append(
                Statement(
                    kind=draft.kind,
                    cue=self.text[draft.cue[0] : draft.cue[1]] if draft.cue else "",
                    cue_span=draft.cue,
                    content=" ".join(self.text[a:b] for a, b in draft.pieces),
                    content_span=content_span,
                    source_text=(
                        self.text[draft.source[0] : draft.source[1]] if draft.source else ""
                    ),
                    source_span=draft.source,
                    span=draft.span,
                    content_pieces=tuple(draft.pieces) if len(draft.pieces) > 1 else (),
                )
            )
        return statements


Conventions = Literal["factbox", "polnear"]


def _is_signed_quote(statement: Statement, lexicon: CueLexicon) -> bool:
    """A quote signed by a dash and a name (``"..." ― Ana Ruiz``): PolNeAR marks each as a
    relation, but the statement scorer, fitted on train where readers' quotes listed so are
    rare, drops most (on dev 14 of the 23, all in one article), so they are kept whatever it
    says (the 22 then kept on dev are gold in every role)."""
    return (
        statement.kind == "direct"
        and statement.cue in lexicon.trailing_dashes
        and statement.source_span is not None
    )


def find_attributions(
    doc: Doc,
    *,
    conventions: Conventions = "factbox",
    scored: bool = True,
    span_chooser: SpanChooser | None = None,
    cue_adder: CueAdder | None = None,
    end_cutter: EndCutter | None = None,
    statement_scorer: StatementScorer | None = None,
) -> list[Statement]:
    """Statements in text order, with ``speakers`` left empty and dates unset.

    ``"polnear"`` follows that corpus's annotation where it differs from what the factbox
    shows: a reported content starts at its "that", a cue's object is content too
    ("criticized the plan", "called him a genius"), so attitudes count as attributions, and
    the cue leaves out the addressee ("told" in "told AP"); and, when ``scored``, the
    statements the learned scorer (confidence.py) finds unlikely are left out. When ``scored``
    and the attribution tagger ran, its scores veto, complete and extend the statements
    (tagged.py); ``span_chooser`` replaces the shipped chooser between the rules' content
    span and the tagger's (span_choice.py); ``cue_adder`` the shipped judge of the tagged
    cues the rules did not propose (cue_adder.py); ``end_cutter`` the shipped model of where
    PolNeAR's annotators end a content (content_ends.py); ``statement_scorer`` the shipped
    statement scorer (confidence.py).
    """
    polnear = conventions == "polnear"
    lexicon = load_cue_lexicon()
    attributor = _Attributor(doc, lexicon, polnear=polnear)
    quoted = [number >= 0 for number in attributor.token_quote]
    speech = [number >= 0 and attributor.speech_like[number] for number in attributor.token_quote]
    attributor.from_clauses(
        find_cue_clauses(
            doc,
            lexicon,
            quoted,
            speech,
            keep_that=polnear,
            learned=load_learned_cues(),
            classifier=load_cue_classifier(),
            object_contents=polnear,
            addressee_in_cue=not polnear,
            stance_acts=not polnear,
        )
    )
    attributor.join_split_quotes()
    attributor.from_lone_quotes()
    attributor.from_speaker_lines()
    statements = attributor.statements()
    dropped: list[Statement] = []
    if polnear and scored:
        context = StatementContext(lexicon, load_learned_cues(), load_cue_classifier())
        proposals = statements
        scorer = statement_scorer if statement_scorer is not None else load_statement_scorer()
        statements = scorer.keep(doc, statements, context)
        dropped = [statement for statement in proposals if statement not in statements]
        signed = [s for s in dropped if _is_signed_quote(s, lexicon)]
        if signed:
            statements = [s for s in proposals if s in statements or s in signed]
            dropped = [s for s in dropped if s not in signed]
    if scored:
        statements = combine_with_tagger(
            doc,
            statements,
            dropped=dropped,
            polnear=polnear,
            chooser=span_chooser,
            adder=cue_adder,
        )
    if polnear:
        statements = adjust_boundaries(doc, statements)
        cutter = end_cutter if end_cutter is not None else load_end_cutter()
        if scored and cutter is not None:
            statements = cut_tails(doc, statements, cutter)
    return statements


def _dateline(speaker: SpacySpan) -> bool:
    """Whether the words before a colon that open an article are its dateline, not a
    speaker: a place in capitals ("BRUSSELS: The 27 member states ..."), which names an
    actor (a capital stands for its state) as no transcript speaker's surname does
    ("PENCE: Well, ..."). A dateline is never who speaks."""
    doc = speaker.doc
    if any(not t.is_space for t in doc[: speaker.start]):
        return False
    if not all(t.is_upper or not t.is_alpha for t in speaker):
        return False
    return lookup_actor(speaker.text) is not None
