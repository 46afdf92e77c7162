"""Combining the learned tagger's role scores with the rule-based statements.

The rules (attributions.py) are precise and know structure: which cue governs which content,
who the source is, where quotes begin and end. The tagger (tagger.py) has seen how PolNeAR's
annotators draw spans and finds attributions the rules have no pattern for, but on its own it
is imprecise, draws boundaries worse than the parse (on PolNeAR dev, where a rule span and an
overlapping tagger span differ, the rule's is the gold one several times as often) and has no
notion of a relation. So the rules' statements stay the backbone, their boundaries are kept,
and the tagger's scores are used in six ways:

1. **Rescue.** The statement scorer (confidence.py) drops rule proposals it finds unlikely; a
   dropped proposal comes back when the tagger's mean inside-probability over its cue is at
   least ``rescue_cue`` and over its content at least ``rescue_content``.
2. **Veto.** A kept statement whose cue and content the tagger both score below ``veto_cue``
   and ``veto_content`` is dropped: mostly words that can be cues but here are not.
3. **Source fill.** A statement with no source takes the tagger's source span in the cue's
   sentence, when one scores at least ``fill_source`` and lies outside the content.
4. **Replacement.** A statement's source gives way to the one tagged source span that
   overlaps it, when that span scores at least ``replace_source``, stays clear of the cue and
   shares at least half of the longer of the two: where the tagger is that sure, it draws the
   annotators' boundary more often than the parse does. A statement's content gives way to
   the one tagged content span that overlaps it, stays clear of the cue and shares at least
   the chooser's ``min_shared`` of the longer, when the learned span chooser
   (span_choice.py) prefers it (without a chooser: when it scores at least
   ``replace_content`` and shares half); a content in pieces is judged by the chooser only,
   against the one tagged span touching it that keeps clear of the cue. PolNeAR's
   conventions only: the factbox's own boundaries (quote marks out, "that" out) are the
   rules'.
5. **New statements.** Each tagger cue span that overlaps no rule cue and scores at least
   ``add_cue`` becomes a statement when a tagger content span scoring at least
   ``add_content`` lies in the same paragraph and touches the cue's sentence (the nearest is
   taken); a cue scoring at least ``add_cue_with_source`` also does when its sentence holds a
   source scoring at least ``anchor_source``. Its source is the nearest tagger source span of
   the cue's sentence outside the content; with none, the statement has no source (PolNeAR's
   "no-source" relations, which the rules almost never find). Content and source are replaced
   by the parse subtree of a dependent of the cue when the two mostly agree, unless (PolNeAR
   conventions) the span chooser prefers the tagger's content to the subtree; under PolNeAR's
   conventions a content that stops mid-phrase (a word of it hangs on a word after it, or it
   ends on a preposition whose object comes after: "did not address [his] series of ...",
   "is doubling down on [his attacks on]") becomes the whole subtree of the cue's dependent
   it opens (``completed``). Under the
   factbox's own conventions a new statement also needs an affirmed speech verb for cue and a source
   the parse links to it (a subject or agent), and nothing is vetoed: the factbox records
   what a speaker said, which PolNeAR's conventions do not always count. Under PolNeAR's
   conventions a learned judge (cue_adder.py, ``factbox/data/cue_adder.json``) replaces these
   fixed bars when one is shipped: every tagged cue the rules did not propose is then a
   candidate, its content the nearest tagged content scoring at least ``adder_content`` (or
   the cue's own clause or object from the parse, when that lies apart from it), its source
   the tagged one or the cue's subject. None is shipped today: on PolNeAR dev no judge fitted
   on train beat the fixed bars, which were chosen on dev (docs/quality.md).
6. **Content-led statements.** A tagged content scoring at least ``lone_content`` that no
   statement's content touches becomes a statement with the nearest tagged cue (scoring at
   least ``lone_cue``) of its paragraph, built as in 5: attributions whose cue the tagger is
   unsure of but whose content it is sure of. PolNeAR's conventions only (on real news under
   the factbox's own they made statements of bare lead-ins such as "X reports").

Tagger spans are decoded on spaCy tokens by Viterbi over the tags O, B and I of each role
(``viterbi_spans``: a span never opens on a continuation, and a doubtful word between
confident ones stays inside when the whole is more likely). The older decoder, hysteresis
(``tagged_spans``: a span opens at a token scoring at least ``span_threshold``, goes on while
tokens score at least ``keep_threshold`` and is cut where a span-begin is confidently more
likely than a continuation, ``split_threshold``), is kept for comparison (``viterbi=False``).
The thresholds were chosen on PolNeAR dev (docs/quality.md).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc, Token

from factbox.extract.cue_adder import (
    Candidate,
    CueAdder,
    Surroundings,
    adder_features,
    load_cue_adder,
)
from factbox.extract.cues import load_cue_lexicon
from factbox.extract.doc_text import doc_text
from factbox.extract.learned import load_learned_cues
from factbox.extract.quotes import find_quotes
from factbox.extract.reported import paragraph_numbers
from factbox.extract.span_choice import (
    SpanChooser,
    choice_features,
    load_span_chooser,
    pieces_features,
)
from factbox.extract.tagger import BEGIN, CONTENT, CUE, INSIDE, ROLE_SCORES, SOURCE
from factbox.records import Span, Statement, StatementKind

TokenRange = tuple[int, int]
_EDGE_MARKS = frozenset({",", ";", ":", ".", "\u2014", "\u2013", "-"})
_DANGLING = frozenset({"ADP"})
"""Parts of speech a content never ends on: a tagged span ending on one stops mid-phrase."""
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl", "pobj"})
_SOURCE_DEPS = frozenset({"nsubj", "nsubjpass", "pobj"})
_PARSE_CONTENT_DEPS = (frozenset({"ccomp", "xcomp"}), frozenset({"dobj", "pobj", "acl"}))
"""A candidate cue's content from the parse: a clause first, else an object."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Where the tagger's probabilities are trusted (see the module docstring)."""

    span_threshold: float = 0.5
    keep_threshold: float = 0.2
    split_threshold: float = 0.9
    veto_cue: float = 0.4
    veto_content: float = 0.5
    fill_source: float = 1.01
    """Above 1: off. On PolNeAR dev every setting tried lowered relation F1."""
    add_cue: float = 0.7
    add_content: float = 0.7
    add_cue_with_source: float = 0.7
    """A lower bar for a new cue whose sentence holds a source scoring at least
    ``anchor_source`` (at 0.7, the same as ``add_cue``)."""
    anchor_source: float = 0.9
    rescue_cue: float = 0.5
    rescue_content: float = 0.7
    adder_content: float = 0.7
    """The least score of a tagged content the adder's candidates take (cue_adder.py)."""
    lone_content: float = 0.95
    lone_cue: float = 0.5
    replace_content: float = 0.95
    """Used only when no span chooser is shipped (span_choice.py decides contents)."""
    replace_source: float = 0.95
    viterbi: bool = True
    """Decode spans with ``viterbi_spans``; False: with hysteresis (``tagged_spans``)."""


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A run of tokens the tagger puts inside one span of a role, with its mean probability."""

    start: int
    end: int
    score: float


def tagged_spans(
    doc: Doc,
    roles: np.ndarray,
    role: int,
    threshold: float,
    keep: float | None = None,
    split: float = 0.5,
) -> list[TaggedSpan]:
    """The spans of ``role``: a span opens at a token scoring at least ``threshold`` and goes
    on while tokens score at least ``keep`` (hysteresis, so one doubtful word does not cut a
    long content in two); a token whose begin probability is at least ``split`` and exceeds
    its continuation probability starts a new span. Whitespace inside a line neither opens nor
    ends a span; a line break ends one."""
    keep = threshold if keep is None else keep
    spans: list[TaggedSpan] = []
    start: int | None = None
    last_inside = -1

    def close() -> None:
        nonlocal start
        if start is not None:
            end = last_inside + 1
            spans.append(TaggedSpan(start, end, _mean(roles, role, start, end)))
        start = None

    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                close()
            continue
        inside = roles[token.i, role, INSIDE]
        if inside < (threshold if start is None else keep):
            close()
            continue
        begin = roles[token.i, role, BEGIN]
        if start is not None and begin >= split and begin > inside - begin:
            close()
        if start is None:
            if inside < threshold:
                continue
            start = token.i
        last_inside = token.i
    close()
    return spans


_OUT, _BEGIN, _IN = range(3)
_IMPOSSIBLE = -1e9


def _breaks(doc: Doc) -> list[int]:
    """Per token: 0 for a word, 1 for whitespace inside a line, 2 for a line break."""
    kinds = [0] * len(doc)
    for i in np.flatnonzero(doc.to_array([IS_SPACE])).tolist():
        kinds[i] = 2 if "\n" in doc[i].text else 1
    return kinds


def viterbi_spans(
    doc: Doc, roles: np.ndarray, role: int, breaks: list[int] | None = None
) -> list[TaggedSpan]:
    """The spans of ``role`` on the most likely well-formed tag sequence.

    Each token's tag is O (outside), B (begins a span) or I (goes on with one) with the
    tagger's probabilities (``1 - inside``, ``begin``, ``inside - begin``); I may only follow B
    or I, so a span never starts on a continuation, and the best sequence under that
    constraint (Viterbi) weighs a whole span against its parts rather than cutting on the
    first doubtful word. Whitespace carries the state over; a line break forces O.
    ``breaks`` is ``_breaks(doc)`` when the caller has it. The recursion runs on Python
    floats (the same float64 sums as numpy's, without a numpy call per token)."""
    n = len(doc)
    kinds = breaks if breaks is not None else _breaks(doc)
    inside = roles[:, role, INSIDE].astype(np.float64)
    begin = np.minimum(roles[:, role, BEGIN].astype(np.float64), inside)
    floor = 1e-6
    costs = np.log(np.stack([1.0 - inside, begin, inside - begin], axis=1) + floor)
    out_costs, begin_costs, in_costs = costs.T.tolist()
    # The three states' scores are kept in three locals (out, begin, in), not a tuple, and
    # the back-pointers in two lists: per token, where O and B came from (the best state
    # before) and where I came from (the better of B and I before); whitespace inside a
    # line keeps every state where it was, a line break sends all three from the best.
    from_best = [_OUT] * n
    from_continuing = [_OUT] * n
    out_score, begin_score, in_score = 0.0, _IMPOSSIBLE, _IMPOSSIBLE
    for i in range(n):
        kind = kinds[i]
        if kind == 1:
            continue
        # the first of the three to be largest, as numpy's argmax
        best, best_score = _OUT, out_score
        if begin_score > best_score:
            best, best_score = _BEGIN, begin_score
        if in_score > best_score:
            best, best_score = _IN, in_score
        from_best[i] = best
        if kind == 2:
            from_continuing[i] = best
            out_score, begin_score, in_score = best_score, _IMPOSSIBLE, _IMPOSSIBLE
            continue
        if begin_score >= in_score:
            from_continuing[i], continuing_score = _BEGIN, begin_score
        else:
            from_continuing[i], continuing_score = _IN, in_score
        out_score, begin_score, in_score = (
            best_score + out_costs[i],
            best_score + begin_costs[i],
            continuing_score + in_costs[i],
        )
    tags = [_OUT] * n
    if n:
        tags[-1] = _first_max((out_score, begin_score, in_score))
    for i in range(n - 1, 0, -1):
        tag = tags[i]
        if kinds[i] == 1:
            tags[i - 1] = tag
        elif tag == _IN:
            tags[i - 1] = from_continuing[i]
        else:
            tags[i - 1] = from_best[i]
    spans: list[TaggedSpan] = []
    start: int | None = None
    last = -1
    for i in range(n):
        if kinds[i]:
            continue
        tag = tags[i]
        if tag != _IN and start is not None:
            spans.append(TaggedSpan(start, last + 1, _mean(roles, role, start, last + 1)))
            start = None
        if tag == _BEGIN:
            start = i
        if tag != _OUT:
            last = i
    if start is not None:
        spans.append(TaggedSpan(start, last + 1, _mean(roles, role, start, last + 1)))
    return spans


def _first_max(values: tuple[float, float, float]) -> int:
    """The index of the largest of three values, the first on a tie (as numpy's argmax)."""
    best = 0
    if values[1] > values[best]:
        best = 1
    if values[2] > values[best]:
        best = 2
    return best


def _is_edge(token: Token) -> bool:
    return token.is_punct or token.is_space


def _mean(roles: np.ndarray, role: int, start: int, end: int) -> float:
    return float(roles[start:end, role, INSIDE].mean()) if end > start else 0.0


class _Combiner:
    def __init__(
        self,
        doc: Doc,
        roles: np.ndarray,
        thresholds: Thresholds,
        polnear: bool,
        chooser: SpanChooser | None = None,
    ) -> None:
        self.doc = doc
        self.chooser = chooser
        self.polnear = polnear
        self.roles = roles
        self.thresholds = thresholds
        self.text = doc_text(doc)
        """The Doc's text, made once (spaCy joins every token's text at each ``doc.text``)."""
        self.breaks = _breaks(doc)
        self.starts = doc.to_array([IDX]).astype(np.int64)
        self.sentence_of = np.zeros(len(doc), dtype=np.int64)
        for number, sentence in enumerate(doc.sents):
            self.sentence_of[sentence.start : sentence.end] = number
        self.paragraph_of = paragraph_numbers(doc)

    def spans(self, role: int) -> list[TaggedSpan]:
        if self.thresholds.viterbi:
            return viterbi_spans(self.doc, self.roles, role, self.breaks)
        return tagged_spans(
            self.doc,
            self.roles,
            role,
            self.thresholds.span_threshold,
            self.thresholds.keep_threshold,
            self.thresholds.split_threshold,
        )

    def tokens(self, span: Span) -> TokenRange:
        first = int(np.searchsorted(self.starts, span[0], side="right")) - 1
        last = int(np.searchsorted(self.starts, span[1], side="left"))
        return max(first, 0), max(last, first + 1)

    def chars(self, start: int, end: int) -> Span:
        last = self.doc[end - 1]
        return self.doc[start].idx, last.idx + len(last.text)

    def support(self, span: Span | None, role: int) -> float:
        if span is None:
            return 1.0
        start, end = self.tokens(span)
        return _mean(self.roles, role, start, end)

    def cue_and_content_support(self, statement: Statement) -> tuple[float, float] | None:
        """The tagger's mean inside-probability over the cue and over the best content piece."""
        if statement.cue_span is None:
            return None
        pieces = statement.content_pieces or (statement.content_span,)
        content = max(self.support(piece, CONTENT) for piece in pieces)
        return self.support(statement.cue_span, CUE), content

    def vetoed(self, statement: Statement) -> bool:
        support = self.cue_and_content_support(statement)
        if support is None:
            return False
        return support[0] < self.thresholds.veto_cue and support[1] < self.thresholds.veto_content

    def rescued(self, statement: Statement) -> bool:
        support = self.cue_and_content_support(statement)
        if support is None:
            return False
        cue, content = support
        return cue >= self.thresholds.rescue_cue and content >= self.thresholds.rescue_content

    def nearest(
        self, cue: TokenRange, candidates: list[TaggedSpan], *, same_sentence: bool
    ) -> TaggedSpan | None:
        sentence = self.sentence_of[cue[0]]
        paragraph = self.paragraph_of[cue[0]]
        best: tuple[int, TaggedSpan] | None = None
        for span in candidates:
            if span.start < cue[1] and cue[0] < span.end:
                continue
            if self.paragraph_of[span.start] != paragraph:
                continue
            sentences = set(self.sentence_of[span.start : span.end].tolist())
            if same_sentence and sentences != {sentence}:
                continue
            if (
                not same_sentence
                and sentence not in sentences
                and not (sentence - 1 in sentences or sentence + 1 in sentences)
            ):
                continue
            gap = span.start - cue[1] if span.start >= cue[1] else cue[0] - span.end
            if best is None or gap < best[0]:
                best = (gap, span)
        return best[1] if best is not None else None

    def fill_source(self, statement: Statement, sources: list[TaggedSpan]) -> Statement:
        if statement.source_span is not None or statement.cue_span is None:
            return statement
        cue = self.tokens(statement.cue_span)
        content = self.tokens(statement.content_span)
        outside = [s for s in sources if s.end <= content[0] or s.start >= content[1]]
        source = self.nearest(cue, outside, same_sentence=True)
        if source is None:
            return statement
        chars = self.chars(source.start, source.end)
        return _with_source(statement, chars, self.text)

    def new_statement(
        self, cue: TaggedSpan, contents: list[TaggedSpan], sources: list[TaggedSpan]
    ) -> Statement | None:
        cue_tokens = (cue.start, cue.end)
        content = self.nearest(cue_tokens, contents, same_sentence=False)
        if content is None:
            return None
        outside = [s for s in sources if s.end <= content.start or s.start >= content.end]
        source = self.nearest(cue_tokens, outside, same_sentence=True)
        snapped = self.snapped(content, cue, _CONTENT_DEPS)
        if snapped is not None and not (self.polnear and self.keeps_tagged(content, snapped, cue)):
            content = snapped
        if self.polnear:  # "did not address [his] series of ...": the tagged span stops short
            content = self.completed(content, cue)
        linked = self.snapped(source, cue, _SOURCE_DEPS) if source is not None else None
        if not self.polnear and (linked is None or not self.speech_cue(cue)):
            return None  # the factbox keeps a speaker's speech, which the parse links
        source = linked or source
        content_start, content_end = content.start, content.end
        if not self.polnear and self.doc[content_start].lower_ == "that":
            content_start += 1
        # a tagged span can run onto the commas around it; a content never starts or ends so
        content_start, content_end = self.without_edge_marks(content_start, content_end)
        if content_start >= content_end:
            return None
        return self.built(
            cue_tokens,
            (content_start, content_end),
            (source.start, source.end) if source is not None else None,
        )

    def completed(self, content: TaggedSpan, cue: TaggedSpan) -> TaggedSpan:
        """``content``, or the whole subtree of the cue's dependent it opens when it stops
        mid-phrase: a word of it hangs on a word after it (outside the cue), or it ends on a
        preposition whose object comes after it ("his attacks on")."""
        start, end = self.without_edge_marks(content.start, content.end)
        if start >= end:
            return content
        last = self.doc[end - 1]
        short = any(
            self.doc[k].head.i >= end and not cue.start <= self.doc[k].head.i < cue.end
            for k in range(start, end)
        ) or (last.pos_ in _DANGLING and any(child.i >= end for child in last.children))
        if not short:
            return content
        for i in range(cue.start, cue.end):
            for child in self.doc[i].children:
                if child.dep_ not in _CONTENT_DEPS or cue.start <= child.i < cue.end:
                    continue
                if child.left_edge.i == start and child.right_edge.i + 1 > end:
                    whole = self.without_edge_marks(start, child.right_edge.i + 1)
                    return TaggedSpan(whole[0], whole[1], content.score)
        return content

    def built(self, cue: TokenRange, content: TokenRange, source: TokenRange | None) -> Statement:
        """The statement of a cue, content and source given as token ranges."""
        text = self.text
        cue_chars = self.chars(*cue)
        content_chars = self.chars(*content)
        source_chars = self.chars(*source) if source is not None else None
        edges = [cue_chars, content_chars] + ([source_chars] if source_chars else [])
        return Statement(
            kind=self.kind_of(content_chars),
            cue=text[cue_chars[0] : cue_chars[1]],
            cue_span=cue_chars,
            content=text[content_chars[0] : content_chars[1]],
            content_span=content_chars,
            source_text=text[source_chars[0] : source_chars[1]] if source_chars else "",
            source_span=source_chars,
            span=(min(e[0] for e in edges), max(e[1] for e in edges)),
        )

    def candidate(
        self, cue: TaggedSpan, contents: list[TaggedSpan], sources: list[TaggedSpan]
    ) -> Candidate | None:
        """A tagged cue built into a statement for the adder (cue_adder.py): the tagged
        content as in ``new_statement``, else the parse's; the tagged source, else the cue's
        subject."""
        cue_tokens = (cue.start, cue.end)
        tagged = self.nearest(cue_tokens, contents, same_sentence=False)
        own = self.parse_content(cue)
        if own is not None and any(_overlaps(own, source) for source in sources):
            own = None  # "according to [a notice]": the object the tagger calls a source
        if tagged is not None and own is not None and not _overlaps(own, tagged):
            tagged = None  # the nearest tagged content is another's: the cue's own is the parse's
        if tagged is not None:
            snapped = self.snapped(tagged, cue, _CONTENT_DEPS)
            if snapped is not None and not self.keeps_tagged(tagged, snapped, cue):
                content, content_origin = (snapped.start, snapped.end), "snapped"
            else:
                content, content_origin = (tagged.start, tagged.end), "tagged"
        else:
            parsed = own
            if parsed is None:
                return None
            content, content_origin = parsed, "parse"
        content = self.without_edge_marks(*content)
        if content[0] >= content[1]:
            return None
        outside = [s for s in sources if s.end <= content[0] or s.start >= content[1]]
        source: TokenRange | None = None
        source_origin = "none"
        found = self.nearest(cue_tokens, outside, same_sentence=True)
        if found is not None:
            linked = self.snapped(found, cue, _SOURCE_DEPS)
            source = (linked.start, linked.end) if linked else (found.start, found.end)
            source_origin = "snapped" if linked else "tagged"
        else:
            subject = self.parse_subject(cue)
            if subject is not None and (subject[1] <= content[0] or subject[0] >= content[1]):
                source, source_origin = subject, "parse"
        return Candidate(cue_tokens, content, content_origin, source, source_origin)

    def parse_content(self, cue: TaggedSpan) -> TokenRange | None:
        """The subtree of the cue's clausal complement, else of its object (of the cue word
        or of a preposition in the cue: "disagrees with [the plan]"), right of the cue."""
        for deps in _PARSE_CONTENT_DEPS:
            for i in range(cue.start, cue.end):
                for child in self.doc[i].rights:
                    if child.dep_ in deps and child.i >= cue.end:
                        return child.left_edge.i, child.right_edge.i + 1
        return None

    def parse_subject(self, cue: TaggedSpan) -> TokenRange | None:
        """The subtree of the subject of the cue's head word, outside the cue."""
        head = self.doc[cue.start : cue.end].root
        for child in head.children:
            if child.dep_ == "nsubj" and not cue.start <= child.i < cue.end:
                return child.left_edge.i, child.right_edge.i + 1
        return None

    def adder_statements(
        self,
        adder: CueAdder,
        cues: list[TaggedSpan],
        kept: list[Statement],
        contents: list[TaggedSpan],
        sources: list[TaggedSpan],
    ) -> list[Statement]:
        """The tagged cues the rules did not propose that the adder accepts, as statements."""
        rule_cues = [self.tokens(s.cue_span) for s in kept if s.cue_span is not None]
        rule_contents = [
            self.tokens(piece) for s in kept for piece in (s.content_pieces or (s.content_span,))
        ]
        cue_sentences = {int(self.sentence_of[start]) for start, _ in rule_cues}
        lexicon = load_cue_lexicon()
        learned = load_learned_cues()
        added: list[Statement] = []
        for cue in cues:
            if any(cue.start < end and start < cue.end for start, end in rule_cues):
                continue
            candidate = self.candidate(cue, contents, sources)
            if candidate is None:
                continue
            surroundings = Surroundings(
                in_content=any(
                    start <= cue.start and cue.end <= end for start, end in rule_contents
                ),
                sentence_has_cue=int(self.sentence_of[cue.start]) in cue_sentences,
                fixed_bars=cue.score >= self.thresholds.add_cue
                and candidate.content_origin != "parse",
            )
            features = adder_features(
                self.doc, self.roles, candidate, surroundings, lexicon, learned
            )
            statement = self.built(candidate.cue, candidate.content, candidate.source)
            if adder.accepts(features, statement):
                added.append(statement)
        return added

    def with_tagged_span(
        self, statement: Statement, role: int, candidates: list[TaggedSpan], threshold: float
    ) -> Statement:
        """The statement with its content (or source) replaced by the one tagged span that
        overlaps it, when that span scores at least ``threshold``, keeps clear of the cue and
        shares at least half of the longer of the two."""
        current = statement.content_span if role == CONTENT else statement.source_span
        chooser = self.chooser if role == CONTENT else None
        pieces = statement.content_pieces if role == CONTENT else ()
        if not self.polnear or current is None or (pieces and chooser is None):
            return statement
        if statement.cue_span is None:
            return statement
        rule = self.tokens(current)
        cue = self.tokens(statement.cue_span)
        touching = [c for c in candidates if c.start < rule[1] and rule[0] < c.end]
        if pieces:  # the cue often stands between the pieces: a tagged cue-word is no content
            touching = [c for c in touching if not (c.start < cue[1] and cue[0] < c.end)]
        if len(touching) != 1 or (chooser is None and touching[0].score < threshold):
            return statement
        (tagged,) = touching
        if tagged.start < cue[1] and cue[0] < tagged.end:
            return statement
        start, end = self.without_edge_marks(tagged.start, tagged.end)
        if start < end and self.doc[end - 1].pos_ in _DANGLING:
            return statement  # "... he walked out of": the tagged span stops mid-phrase
        shared = min(rule[1], end) - max(rule[0], start)
        longer = max(rule[1] - rule[0], end - start)
        if start >= end or (start, end) == rule:
            return statement
        if chooser is not None:
            if shared < chooser.min_shared * longer:
                return statement
            features = choice_features(self.doc, self.roles, rule, (start, end), cue)
            if pieces:
                ranges = [self.tokens(piece) for piece in pieces]
                features += pieces_features(features, ranges, (start, end))
            if not chooser.prefers_tagger(
                features, self.chars(*rule), self.chars(start, end), rule_pieces=pieces
            ):
                return statement
        elif shared * 2 < longer:
            return statement
        chars = self.chars(start, end)
        if role == SOURCE:
            return _with_source(statement, chars, self.text)
        content = self.text[chars[0] : chars[1]]
        return _respanned(
            dataclasses.replace(statement, content=content, content_span=chars, content_pieces=())
        )

    def keeps_tagged(self, tagged: TaggedSpan, snapped: TaggedSpan, cue: TaggedSpan) -> bool:
        """Whether a new statement's content stays the tagger's span rather than the parse
        subtree it was snapped to: the chooser decides, as between a rule's span and the
        tagger's."""
        if self.chooser is None:
            return False
        tagged_range = self.without_edge_marks(tagged.start, tagged.end)
        snapped_range = self.without_edge_marks(snapped.start, snapped.end)
        if tagged_range[0] >= tagged_range[1] or snapped_range[0] >= snapped_range[1]:
            return False
        if tagged_range == snapped_range:
            return False
        features = choice_features(
            self.doc, self.roles, snapped_range, tagged_range, (cue.start, cue.end)
        )
        return self.chooser.prefers_tagger(
            features, self.chars(*snapped_range), self.chars(*tagged_range)
        )

    def without_edge_marks(self, start: int, end: int) -> TokenRange:
        while start < end and self.doc[start].text in _EDGE_MARKS:
            start += 1
        while end > start and self.doc[end - 1].text in _EDGE_MARKS:
            end -= 1
        return start, end

    def content_led(
        self,
        statements: list[Statement],
        contents: list[TaggedSpan],
        cues: list[TaggedSpan],
        sources: list[TaggedSpan],
    ) -> list[Statement]:
        """New statements around the sure tagged contents no statement touches (item 6 of
        the module docstring)."""
        if not self.polnear:
            return []
        taken = [
            self.tokens(piece)
            for statement in statements
            for piece in (statement.content_pieces or (statement.content_span,))
        ]
        out: list[Statement] = []
        for content in contents:
            if content.score < self.thresholds.lone_content:
                continue
            if any(content.start < end and start < content.end for start, end in taken):
                continue
            usable = [c for c in cues if c.score >= self.thresholds.lone_cue]
            cue = self.nearest((content.start, content.end), usable, same_sentence=False)
            if cue is None:
                continue
            statement = self.new_statement(cue, [content], sources)
            if statement is not None:
                out.append(statement)
                taken.append(self.tokens(statement.content_span))
        return out

    def snapped(self, span: TaggedSpan, cue: TaggedSpan, deps: frozenset[str]) -> TaggedSpan | None:
        """The subtree of a dependent of the cue (``deps``) in place of the tagger's span, when
        the two share at least half of the longer (the parse draws boundaries better); None
        when no such dependent agrees with it."""
        for i in range(cue.start, cue.end):
            for child in self.doc[i].children:
                if child.dep_ not in deps or cue.start <= child.i < cue.end:
                    continue
                start, end = child.left_edge.i, child.right_edge.i + 1
                while end > start + 1 and (
                    self.doc[end - 1].is_punct or self.doc[end - 1].is_space
                ):
                    end -= 1
                shared = min(end, span.end) - max(start, span.start)
                if shared * 2 >= max(end - start, span.end - span.start):
                    return TaggedSpan(start, end, span.score)
        return None

    def speech_cue(self, cue: TaggedSpan) -> bool:
        lexicon = load_cue_lexicon()
        verbs = [
            self.doc[i]
            for i in range(cue.start, cue.end)
            if self.doc[i].pos_ == "VERB" and self.doc[i].lemma_.lower() in lexicon.speech_verbs
        ]
        # "would not say which ..." reports no statement
        return bool(verbs) and not any(c.dep_ == "neg" for v in verbs for c in v.children)

    def kind_of(self, content: Span) -> StatementKind:
        piece = self.text[content[0] : content[1]]
        return "direct" if find_quotes(piece, load_cue_lexicon().quote_families) else "indirect"


def _overlaps(tokens: TokenRange, span: TaggedSpan) -> bool:
    return tokens[0] < span.end and span.start < tokens[1]


def _with_source(statement: Statement, source: Span, text: str) -> Statement:
    return _respanned(
        dataclasses.replace(statement, source_text=text[source[0] : source[1]], source_span=source)
    )


def _respanned(statement: Statement) -> Statement:
    """The statement with ``span`` covering its source, cue and content again."""
    edges = [statement.content_span, *statement.content_pieces]
    edges += [edge for edge in (statement.cue_span, statement.source_span) if edge is not None]
    return dataclasses.replace(statement, span=(min(e[0] for e in edges), max(e[1] for e in edges)))


def combine(
    doc: Doc,
    statements: list[Statement],
    thresholds: Thresholds | None = None,
    *,
    dropped: list[Statement] | None = None,
    polnear: bool = True,
    chooser: SpanChooser | None = None,
    adder: CueAdder | None = None,
) -> list[Statement]:
    """The rule statements of ``doc`` vetoed, completed and extended by the tagger's scores
    (``doc._.attribution_roles``); unchanged when the tagger did not run. ``polnear=False`` follows
    the factbox's own convention: no veto (PolNeAR leaves out attributions the factbox
    keeps, "In a statement, X rejected ..."), added contents leave out a leading "that", and a
    new statement needs a speech verb cue and a source the parse links to it."""
    roles = doc._.get(ROLE_SCORES)
    if roles is None or not len(doc):
        return statements
    thresholds = thresholds or Thresholds()
    chooser = chooser if chooser is not None else load_span_chooser()
    combiner = _Combiner(doc, np.asarray(roles), thresholds, polnear, chooser)
    sources = combiner.spans(SOURCE)
    rescued = [s for s in dropped or [] if combiner.rescued(s)]
    kept = [
        combiner.fill_source(statement, [s for s in sources if s.score >= thresholds.fill_source])
        for statement in [*statements, *rescued]
        if not (polnear and combiner.vetoed(statement))
    ]
    all_contents = combiner.spans(CONTENT)
    kept = [
        combiner.with_tagged_span(
            combiner.with_tagged_span(s, CONTENT, all_contents, thresholds.replace_content),
            SOURCE,
            sources,
            thresholds.replace_source,
        )
        for s in kept
    ]
    all_cues = combiner.spans(CUE)
    if polnear and adder is None:
        adder = load_cue_adder()
    if not polnear:
        adder = None
    if adder is not None:
        contents = [span for span in all_contents if span.score >= thresholds.adder_content]
        added = combiner.adder_statements(adder, all_cues, kept, contents, sources)
        added += combiner.content_led([*kept, *added], all_contents, all_cues, sources)
        return sorted([*kept, *added], key=lambda s: (s.span, s.cue_span or (0, 0)))
    rule_cues = [combiner.tokens(s.cue_span) for s in kept if s.cue_span is not None]
    contents = [span for span in all_contents if span.score >= thresholds.add_content]
    added = []
    lowest = min(thresholds.add_cue, thresholds.add_cue_with_source)
    for cue in all_cues:
        if cue.score < lowest:
            continue
        if any(cue.start < end and start < cue.end for start, end in rule_cues):
            continue
        usable = sources
        if cue.score < thresholds.add_cue:
            usable = [s for s in sources if s.score >= thresholds.anchor_source]
            if combiner.nearest((cue.start, cue.end), usable, same_sentence=True) is None:
                continue
        statement = combiner.new_statement(cue, contents, usable)
        if statement is not None:
            added.append(statement)
    added += combiner.content_led([*kept, *added], all_contents, all_cues, sources)
    return sorted([*kept, *added], key=lambda s: (s.span, s.cue_span or (0, 0)))
