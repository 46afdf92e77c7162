"""Cue clauses from the dependency parse: who (source) says or believes what (content) by which cue.

Everything here works on token ranges ``(start, end)`` (end exclusive); attributions.py turns
them into character spans and reconciles them with quoted passages.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Token

from factbox.extract.actors import (
    actor_list_after,
    actors_listed_at,
    lookup_actor,
    role_vocabulary,
)
from factbox.extract.cues import CueLexicon
from factbox.extract.learned import CueClassifier, LearnedCues, verb_voice
from factbox.extract.token_table import token_table
from factbox.extract.vote_lists import (
    counted_label_lists,
    cut_before_list,
    stands_for_listed,
    vote_label_clauses,
    voters_listed_after,
    voters_named_by_copula,
)

TokenRange = tuple[int, int]
ClauseKind = Literal["speech", "belief", "according", "medium", "act"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
_LIKENESS_WORDS = frozenset({"like"})
# Prepositions that open examples of what comes before them ("trade deals, [like] the TPP").
_EXAMPLE_WORDS = frozenset({"like", "including"})
_FREE_RELATIVES = frozenset({"what", "whatever"})
# A cue without a subject of its own ("..., adding that ...") borrows one up these arcs.
_BORROWING_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "pcomp", "prep"})
_RELATIVE_TAGS = frozenset({"WP", "WDT"})
_QUESTION_TAGS = frozenset({"WP", "WDT", "WRB", "WP$"})
_CUE_MODIFIER_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_DATE_ENTITIES = frozenset({"DATE", "TIME"})
_OPENING_BRACKETS = frozenset({"(", "["})
_CLOSING_BRACKETS = frozenset({")", "]"})
_MAX_BORROW_STEPS = 6
_MAX_ADDRESSEE_TOKENS = 6
_MAX_NAME_TOKENS = 12
_ACT_CONTENT_DEPS = frozenset({"dobj", "xcomp", "ccomp"})
_ACT_OBJECT_DEPS = frozenset({"pobj", "pcomp"})
_SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})
_MAX_ACT_CUE_GAP = 1
# A stance noun's clause: "advice [that ...]", "pledge [to ...]", "call [for X to ...]".
_NOUN_CLAUSE_DEPS = frozenset({"acl", "advcl", "ccomp"})
# Possessive pronouns may hold a stance noun ("[her] turn against the pact").
_POSSESSIVE_HOLDERS = frozenset({"his", "her", "their", "its"})
# Words between a copula and its stance phrase ("is [firmly] against it", "is [not] for it").
_COPULA_MODIFIER_DEPS = frozenset({"neg", "advmod"})
# Adverbs of place or direction that make the phrase after them no stance ("was [there] for
# the vote", "is [up] against the clock").
_PLACE_ADVERBS = frozenset({"there", "here", "up", "back", "away", "out", "in", "down", "home"})


@dataclass(frozen=True, slots=True)
class CueClause:
    """One cue with its source and content as found in the parse."""

    kind: ClauseKind
    head: int
    """The cue word: the verb, "according", or the preposition of "in a statement"."""
    cue: TokenRange
    source: TokenRange | None
    content: tuple[TokenRange, ...]
    """Empty when the parse gives no content (a quote next to the clause may supply it)."""
    extent: TokenRange
    """Source, cue and their modifiers without the content: what a neighbouring quote touches."""


def subtree_range(token: Token) -> TokenRange:
    return token.left_edge.i, token.right_edge.i + 1


def minus(outer: TokenRange, hole: TokenRange) -> list[TokenRange]:
    """``outer`` without ``hole``: zero, one or two ranges."""
    pieces = [(outer[0], min(outer[1], hole[0])), (max(outer[0], hole[1]), outer[1])]
    return [piece for piece in pieces if piece[0] < piece[1]]


def _joined(doc: Doc, ranges: list[TokenRange]) -> list[TokenRange]:
    """Sorted ranges with those that only spaces separate made one."""
    out: list[TokenRange] = []
    for start, end in sorted(ranges):
        if out and all(token.is_space for token in doc[out[-1][1] : start]):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def paragraph_numbers(doc: Doc) -> list[int]:
    """The paragraph of each token: a line break (in a token or the space after it) ends a
    paragraph (``TokenTable.paragraph_of``, made once per Doc: do not change it)."""
    return token_table(doc).paragraph_of


def is_edge_filler(token: Token) -> bool:
    return token.is_punct or token.is_space


def trim_range(doc: Doc, span: TokenRange, *, keep_that: bool = False) -> TokenRange | None:
    """Drop punctuation and spaces at both edges, a trailing conjunction and, unless
    ``keep_that``, a leading "that".

    PolNeAR keeps the complementizer in the content ("said that ..."); the factbox shows the
    reported clause without it unless asked.
    """
    start, end = span
    while start < end and (
        is_edge_filler(doc[start]) or (not keep_that and _is_complementizer(doc[start]))
    ):
        start += 1
    while end > start and (is_edge_filler(doc[end - 1]) or doc[end - 1].dep_ == "cc"):
        if doc[end - 1].text in _CLOSING_BRACKETS and _closes_inside(doc, start, end - 1):
            break
        end -= 1
    return (start, end) if start < end else None


def _is_complementizer(token: Token) -> bool:
    """A "that" opening a clause; the parser sometimes calls it an adverb of the clause's verb
    (never of "that much")."""
    if token.lower_ != "that":
        return False
    return token.dep_ == "mark" or (token.dep_ == "advmod" and token.head.pos_ in ("VERB", "AUX"))


def _member_of_those_acting(verb: Token) -> Token | None:
    """The subject of "[X, Y and Z] had been among the nations [opposed] (to it)": an act
    said of a group its subject is counted among is the subject's act. The act hangs on the
    group's noun ("the countries [opposed] to it", "the states that [opposed] it") or, as the
    parser may read it, on the copula beside "among" ("had been among the nations
    [opposed]"). ``None`` otherwise."""
    copula = verb.head
    group = verb.head
    if verb.dep_ in ("acl", "relcl") and group.dep_ == "pobj" and group.head.lower_ == "among":
        copula = group.head.head
    elif verb.dep_ != "acomp" or not any(
        child.dep_ == "prep" and child.lower_ == "among" for child in copula.children
    ):
        return None
    if copula.lemma_ not in ("be", "remain"):
        return None
    return next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _tells_a_prospect(verb: Token, lexicon: CueLexicon) -> bool:
    """ "Romania [stands] to receive 6,351 refugees": a prospect verb before a "to"
    infinitive says what is likely to happen to its subject, not what it says."""
    return verb.lemma_.lower() in lexicon.prospect_verbs and any(
        child.dep_ == "xcomp" and any(aux.lower_ == "to" for aux in child.children)
        for child in verb.children
    )


_RELAYING_VERBS = frozenset({"quote", "cite"})
"""Verbs by which an outlet relays someone's words with a participle ("Reuters quoted X
saying ...", "cited X as saying ..."): the one quoted speaks."""


def _named_as(verb: Token) -> list[Token]:
    """What a speech verb names its object as, the object predicate: "called the deal [a
    'potential game changer']", "called the plan [illegal]": a verdict on the object, as a
    quote of the predicate alone already is ("called it 'a clear signal of hope'"), whether
    or not the quotation marks take in its article. Only with an object before it: "called
    the minister" alone says nothing."""
    named = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i), None)
    verdict = next((c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i), None)
    if named is None or verdict is None or verdict.i < named.i:
        return []
    return [verdict]


def _is_free_relative(clause: Token) -> bool:
    """A clause opened by "what" standing for a noun phrase ("what had been a taboo")."""
    first = clause.left_edge
    return (
        first.lower_ in _FREE_RELATIVES
        and first.head.i == clause.i
        and first.dep_
        in (
            "nsubj",
            "nsubjpass",
            "dobj",
            "attr",
        )
    )


def _closes_inside(doc: Doc, start: int, end: int) -> bool:
    """Whether a bracket at ``end`` closes one opened within ``start:end`` ("Ryan (R-Wis.)")."""
    depth = 0
    for token in doc[start:end]:
        if token.text in _OPENING_BRACKETS:
            depth += 1
        elif token.text in _CLOSING_BRACKETS:
            depth -= 1
    return depth > 0


def _opens_reported_clause(verb: Token) -> bool:
    """A noun's clause that says what it holds: "that ...", "to ...", "for X to ..."."""
    return any(
        (child.dep_ == "mark" and child.lower_ in ("that", "for"))
        or (child.dep_ == "aux" and child.lower_ == "to")
        for child in verb.lefts
    )


def _cover(*ranges: TokenRange) -> TokenRange:
    return min(start for start, _ in ranges), max(end for _, end in ranges)


def _modifies_a_clause(verb: Token) -> bool:
    """A participle that modifies a clause ("Asked about it, she said"), not a perfect with a
    subject of its own ("While Germany and the UK have ruled it out, ..."), which is a clause."""
    return verb_voice(verb) == "mod" and not any(
        child.dep_ in ("aux", *_SUBJECT_DEPS) for child in verb.children
    )


_SINGULAR_DETERMINERS = frozenset({"a", "an"})


def _apposed_before_subject(verb: Token) -> Token | None:
    """The noun of an apposition the parser joined to a speech verb's plural subject as a
    compound, after a comma that ends the sentence's own clause: "Obama has shied away from
    it, [a move] supporters say would stop the bombing" ("a move [that] supporters say ...";
    the parser made "say" the root, the clause before the comma its complement and "move" a
    compound of "supporters"). Told by a singular article on the plural subject ("a ...
    supporters"), a comma right before it, and a complement of the verb on each side. The
    noun, or ``None``."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ != "NNS":
        return None
    article = next((c for c in subject.children if c.dep_ == "det"), None)
    noun = next((c for c in subject.children if c.dep_ == "compound" and c.tag_ == "NN"), None)
    if article is None or noun is None or article.lower_ not in _SINGULAR_DETERMINERS:
        return None
    if not article.i < noun.i < subject.i or article.i == 0:
        return None
    if verb.doc[article.i - 1].text != ",":
        return None
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if not any(c.i < article.i for c in complements) or not any(c.i > verb.i for c in complements):
        return None
    return noun


def absolute_clause(verb: Token) -> bool:
    """A participle with its own subject in a "with" phrase: "Venezuela voted against it,
    [with Angola and China abstaining]". The parser hangs the participle on "with" and the
    names under it; the clause is the act of the names, not part of the main verb's act."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("pcomp", "pobj")
        and verb.head.lower_ == "with"
        and any(c.dep_ in _SUBJECT_DEPS and c.i < verb.i for c in verb.children)
    )


class CueFinder:
    """Finds cue clauses in one parsed document (a few linear passes over its tokens)."""

    def __init__(
        self,
        doc: Doc,
        lexicon: CueLexicon,
        quoted: Sequence[bool],
        speech: Sequence[bool],
        keep_that: bool = False,
        learned: LearnedCues | None = None,
        classifier: CueClassifier | None = None,
        object_contents: bool = False,
        addressee_in_cue: bool = True,
        stance_acts: bool = False,
    ) -> None:
        self.doc = doc
        self.stance_acts = stance_acts
        self.object_contents = object_contents
        self.addressee_in_cue = addressee_in_cue
        self.lexicon = lexicon
        self.quoted = quoted
        self.keep_that = keep_that
        self.learned = learned
        self.learned_content_deps = learned.content_deps() if learned else frozenset()
        # The candidates of each kind of cue are picked from the Doc's token table (read
        # once per article), so the Token objects made are those of the candidates only.
        table = token_table(doc)
        verbs = [i for i, pos in enumerate(table.pos) if pos == "VERB" and not quoted[i]]
        prepositional = lexicon.prepositional_cues
        self._act_lemmas = (
            lexicon.act_verbs
            | {verb for verb, _ in lexicon.act_phrasal}
            | lexicon.act_withdrawal_verbs
        )
        act_noun_lemmas = lexicon.act_nouns | {noun for noun, _ in lexicon.act_noun_phrasal}
        self.learned_cues = frozenset(
            i
            for i in verbs
            if classifier is not None
            and table.lower[i] not in prepositional
            and not lexicon.is_cue_lemma(table.lemma[i])
            and not _tells_a_prospect(doc[i], lexicon)
            and classifier.is_cue(doc[i])
        )
        self.lexicon = lexicon
        self.quoted = quoted
        self.speech = speech
        self.paragraph_of = paragraph_numbers(doc)
        # ``_is_cue_verb`` of each token, from the table
        self.cue_verbs = [
            i
            for i in verbs
            if table.lower[i] not in prepositional
            and (lexicon.is_cue_lemma(table.lemma[i]) or i in self.learned_cues)
        ]
        self.phrase_cues = [i for i, word in enumerate(table.lower) if word in prepositional]
        self._cue_verb_set = frozenset(self.cue_verbs)
        self.act_verbs = frozenset(
            i for i in verbs if stance_acts and self._act_word(doc[i]) is not None
        )
        self.act_nouns = frozenset(
            i
            for i, pos in enumerate(table.pos)
            if stance_acts and pos == "NOUN" and table.lemma[i] in act_noun_lemmas
        )
        self.holder_nouns = frozenset(
            i
            for i, pos in enumerate(table.pos)
            if stance_acts
            and pos == "NOUN"
            and any(noun == table.lemma[i] for noun, _ in lexicon.act_holders)
        )
        self.copula_acts = frozenset(
            i
            for i, pos in enumerate(table.pos)
            if stance_acts
            and pos in ("AUX", "VERB")
            and table.lemma[i] in lexicon.copula_verbs
            and table.dep[i] not in ("aux", "auxpass")
            and not quoted[i]
        )
        self.belief_adjectives = frozenset(
            i
            for i, pos in enumerate(table.pos)
            if stance_acts
            and pos == "ADJ"
            and table.dep[i] in ("acomp", "oprd")
            and not quoted[i]
            and table.lemma[i] in lexicon.belief_adjectives
        )
        mediums = [
            i
            for i, dep in enumerate(table.dep)
            if dep == "prep" and table.lower[i] in lexicon.medium_prepositions
        ]
        self._candidates = sorted(
            {
                *self.cue_verbs,
                *self.act_verbs,
                *self.act_nouns,
                *self.holder_nouns,
                *self.copula_acts,
                *self.phrase_cues,
                *mediums,
                *self.belief_adjectives,
                *(verbs if object_contents else ()),
            }
        )
        """The tokens ``find`` may make a clause of: every other token makes none."""

    def _is_cue_verb(self, token: Token) -> bool:
        if token.pos_ != "VERB" or self.quoted[token.i]:
            return False
        if token.lower_ in self.lexicon.prepositional_cues:
            return False  # "according (to)" has a clause kind of its own
        lemma = token.lemma_.lower()
        return self.lexicon.is_cue_lemma(lemma) or self._is_learned_cue(token)

    def _is_learned_cue(self, token: Token) -> bool:
        """A verb outside the hand-made lexicon that the cue classifier calls a cue."""
        return token.i in self.learned_cues

    def find(self) -> list[CueClause]:
        clauses: list[CueClause] = []
        cue_verbs = self._cue_verb_set
        prepositional = self.lexicon.prepositional_cues
        for i in self._candidates:
            if self.quoted[i]:
                continue
            token = self.doc[i]
            clause: CueClause | None = None
            if token.i in cue_verbs and not self._prefers_no_source(token):
                clause = self._verb_clause(token)
            if token.i in self.act_verbs:
                if self._inside_act(token) or self._refuses_to_speak(token):
                    continue
                if self._changed_from(token):
                    continue  # "shifted from supporting it to abstaining": the later act
                if self._has_medium(token):
                    continue  # "In a statement, the ministry rejected ...": the medium's
                word = self._act_word(token)
                phrasal = word is not None and word.head.i != token.i  # "voted in favour of"
                listing = self._voters_listed(token, self._source(token)) is not None
                if clause is None or not clause.content or phrasal or listing:
                    clause = self._act_clause(token) or clause
            elif token.i in self.act_nouns:
                clause = self._noun_act_clause(token)
            elif token.i in self.holder_nouns:
                clause = self._holder_clause(token)
            elif token.i in self.copula_acts:
                clause = self._copula_clause(token)
            elif token.lower_ in prepositional:
                clause = self._according_clause(token, prepositional[token.lower_])
            elif token.dep_ == "prep" and token.lower_ in self.lexicon.medium_prepositions:
                clause = self._medium_clause(token)
            if clause is None and token.i in self.belief_adjectives:
                clause = self._belief_adjective_clause(token)
            if clause is None and self.object_contents and token.pos_ == "VERB":
                clause = self._sourceless_clause(token)
            if clause is not None and clause.kind == "act":
                clause = self._turned_before(clause)
            if clause is not None:
                clauses.append(clause)
        if self.stance_acts:
            clauses = sorted([*clauses, *self.label_clauses()], key=lambda c: c.head)
        return clauses

    # Sources ---------------------------------------------------------------------------

    def _subject(self, verb: Token) -> Token | None:
        """The verb's subject; or one the parser hung on its auxiliary when words come
        between them ("Scholz did, however, say ...")."""
        auxiliaries = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass")]
        for holder in (verb, *auxiliaries):
            for child in holder.children:
                if (
                    child.dep_ in _SUBJECT_DEPS
                    and not self.quoted[child.i]
                    and self.paragraph_of[child.i] == self.paragraph_of[verb.i]
                ):
                    return child
        if self.object_contents:
            return None
        return self._name_set_off(verb) or self._subject_after_quote(verb)

    def _subject_after_quote(self, verb: Token) -> Token | None:
        """The subject of a reporting verb put after the quote it reports, that the parser
        took for the verb's object: '"...," [tweeted] the Ukrainian [president].' (the verb
        right after a comma and the quote's closing mark, its object a noun phrase that ends
        the sentence). The factbox's convention only."""
        start = verb.i - 2
        if start < 1 or not self.quoted[start - 1] or self.quoted[verb.i]:
            return None
        between = self.doc[start : verb.i]
        if not any(t.text == "," for t in between) or not any(t.is_quote for t in between):
            return None  # '...,"' or '...",': a comma and the closing mark, nothing else
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
            return None
        after = self.doc[obj.right_edge.i + 1 : verb.sent.end]
        return obj if all(t.is_punct for t in after) else None

    def _name_set_off(self, verb: Token) -> Token | None:
        """A name right before the verb, set off by a comma, that the parser took for an
        adverb or a loose dependent: "But McCully, insisted: ..." (a comma between subject
        and verb is a common slip in news copy). The factbox's convention only."""
        for child in verb.lefts:
            if child.dep_ not in ("advmod", "npadvmod", "dep") or child.pos_ != "PROPN":
                continue
            if child.ent_type_ in _DATE_ENTITIES:
                continue  # "a long-awaited moment [Sunday] - signing ...": a time
            between = self.doc[child.right_edge.i + 1 : verb.i]
            if (
                len(between)
                and all(t.text == "," for t in between)
                and not self.quoted[child.i]
                and self.paragraph_of[child.i] == self.paragraph_of[verb.i]
            ):
                return child
        return None

    def _own_source(self, verb: Token) -> TokenRange | None:
        """The source named in ``verb``'s own clause (agent, subject), if any."""
        for child in verb.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return self._source_phrase(grandchild)
        subject = self._subject(verb)
        if subject is None or subject.dep_ == "nsubjpass":
            return None  # passive without an agent ("it was announced") names no source
        if subject.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
            if self.object_contents:
                return subject.i, subject.i + 1  # PolNeAR marks the pronoun itself
            # "Macron, who said ...": the source is the noun the clause hangs on.
            return trim_range(self.doc, (verb.head.left_edge.i, verb.left_edge.i))
        phrase = self._source_phrase(subject)
        if phrase is not None and subject.i < verb.i < phrase[1]:
            # A list the parser hung on the subject across the verb ("The following
            # officials ruled it out: A, B, C") is not part of the subject's phrase.
            end = subject.i + 1
            while end < verb.i and self.doc[end] in subject.subtree:
                end += 1
            phrase = trim_range(self.doc, (phrase[0], end))
        phrase = self._after_fronted_participle(verb, subject, phrase)
        apposed = _apposed_before_subject(verb)
        if phrase is not None and apposed is not None:
            phrase = trim_range(self.doc, (apposed.i + 1, phrase[1]))  # "supporters", not "a move"
        return self._with_cut_list(self._with_stray_subject(verb, subject, phrase))

    _LIST_INTRODUCERS = frozenset({"including", "like"})

    def _with_cut_list(self, phrase: TokenRange | None) -> TokenRange | None:
        """A source that is the last item of a list the parser cut off from its group noun
        ("..., as member states including Germany, the U.K., and [Spain] said", with "as
        member states including Germany, the U.K." hung on the verb before): the group and
        its whole list join the source. Names, commas and "the" only may stand between
        "including" and the source. The factbox's convention only."""
        if self.object_contents or phrase is None or phrase[0] < 3:
            return phrase
        at = phrase[0] - 1
        if self.doc[at].dep_ != "cc" or self.doc[at].lower_ not in ("and", "or"):
            return phrase
        named = 0
        for index in range(at - 1, max(at - 24, 0), -1):
            token = self.doc[index]
            if self.quoted[index] or self.paragraph_of[index] != self.paragraph_of[at]:
                return phrase
            if token.lower_ in self._LIST_INTRODUCERS and token.dep_ == "prep":
                group = token.head
                if named < 1 or group.pos_ != "NOUN" or group.i != index - 1:
                    return phrase
                return group.left_edge.i, phrase[1]
            if token.pos_ == "PROPN":
                named += 1
            elif not (token.is_punct and token.text == ",") and token.pos_ != "DET":
                return phrase
        return phrase

    def _after_fronted_participle(
        self, verb: Token, subject: Token, phrase: TokenRange | None
    ) -> TokenRange | None:
        """The name after an opening participle's clause that the parser took for the verb's
        clausal subject: "[Addressing the situation in Syria at an event], Director of
        National Intelligence James Clapper warned ..." (the participle heads the whole
        stretch, the name hung on its last noun). The speaker is the name after the clause's
        comma, not the participle's object; a clausal subject with no comma in it ("Saying
        no would be a mistake") is kept."""
        if phrase is None or subject.dep_ != "csubj" or subject.tag_ != "VBG":
            return phrase
        if subject.i != phrase[0]:
            return phrase
        for comma in reversed(self.doc[phrase[0] : min(phrase[1], verb.i)]):
            if comma.text != ",":
                continue
            after = self.doc[comma.i + 1 : min(phrase[1], verb.i)]
            named = any(
                t.ent_type_ in _SPEAKING_ENTITIES or role_vocabulary().is_title_word(t)
                for t in after
            )
            return trim_range(self.doc, (comma.i + 1, phrase[1])) if named else phrase
        return phrase

    def _with_stray_subject(
        self, verb: Token, subject: Token, phrase: TokenRange | None
    ) -> TokenRange | None:
        """The last member of a list the parser made a second subject of the verb ("Member
        states including Germany, the U.K., and [Spain] said") joins the source."""
        if phrase is None:
            return phrase
        for other in verb.children:
            if other.dep_ != "nsubj" or not phrase[1] <= other.i < verb.i or self.quoted[other.i]:
                continue
            between = self.doc[phrase[1] : other.left_edge.i]
            if (
                other.pos_ in ("PROPN", "NOUN")
                and any(t.dep_ == "cc" for t in between)
                and all(t.is_punct or t.dep_ == "cc" for t in between)
            ):
                return phrase[0], other.right_edge.i + 1
        return phrase

    def _has_subject(self, verb: Token) -> bool:
        return self._subject(verb) is not None or any(c.dep_ == "agent" for c in verb.children)

    def _source(self, verb: Token) -> TokenRange | None:
        issuer = self._issuer(verb)
        if issuer is not None:
            return issuer
        absolute = self._absolute_subject(verb)
        if absolute is not None:
            return absolute
        quoted = self._quoted_person(verb)
        if quoted is not None:
            return quoted
        if verb.dep_ == "acl" and verb.head.i < verb.i and not self._has_subject(verb):
            # Often a past tense parsed as a reduced relative ("Kaja Kallas, posted on X: ...");
            # such a clause only counts if a quote next to it gives it content.
            return trim_range(self.doc, (verb.head.left_edge.i, verb.left_edge.i))
        if self._has_subject(verb):
            return self._own_source(verb)
        under_as = self._subject_under_as(verb)
        if under_as is not None:
            return under_as
        nearest: Token | None = None
        node = verb
        for _ in range(_MAX_BORROW_STEPS):
            if node.dep_ not in _BORROWING_DEPS or node.head.i == node.i:
                break
            child, node = node, node.head
            if not self._has_subject(node):
                continue
            sufferer = self._passive_subject_of_participle(child, node)
            if sufferer is not None:
                return self._source_phrase(sufferer)
            if self._is_cue_verb(node):
                return self._own_source(node)
            if nearest is None and node.dep_ in ("advcl", "conj") and node.head.i != node.i:
                # "A and B voted against while [C] chose [to abstain]": a clause of its own
                # with its own subject; the cue further up is someone else's
                return self._own_source(node)
            if nearest is None:
                nearest = node
        if nearest is not None:
            return self._own_source(nearest)
        return self._name_after_quote(verb) or self._phrase_before(verb)

    @staticmethod
    def _passive_subject_of_participle(participle: Token, verb: Token) -> Token | None:
        """The subject of a passive clause that a participle hangs on, which does what the
        participle says: "[Moscow] was outraged by Macron's remarks, warning that ..." (not
        the agent, what it reacted to). A named subject only: "it was said" names no one."""
        if participle.dep_ != "advcl" or participle.tag_ != "VBG":
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
            return None
        return subject

    def _subject_under_as(self, verb: Token) -> TokenRange | None:
        """The subject of an "as" clause the parser read as a preposition's object, its verb
        left hanging: "..., as [Jane Doe], contradicting him, said that ..." ("as" took the
        name; "said" became a loose dependent of the main verb, or the root with the main
        clause as its complement). Only commas, or a participle's clause set off by them,
        may come between the name and the verb. The factbox's convention only."""
        if self.object_contents or verb.dep_ not in ("dep", "conj", "advcl", "ROOT"):
            return None
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        own = (
            None
            if mark is None
            else next(
                (c for c in mark.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")),
                None,
            )
        )
        if own is not None:
            # "..., as [a small group of countries led by Hungary] opposes an oil embargo":
            # the verb's own "as" took its subject as an object; whoever it is, it is not the
            # main clause's speaker
            return self._phrase(own)
        sentence = verb.sent
        prep = next(
            (
                t
                for t in reversed(self.doc[sentence.start : verb.i])
                if t.dep_ == "prep" and t.lower_ == "as"
            ),
            None,
        )
        name = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
        if name is None:
            return None
        named = name.pos_ == "PROPN" and name.ent_type_ in _SPEAKING_ENTITIES
        if not (named or role_vocabulary().is_title_word(name)):
            return None  # "works as a club", "rose as demand ..."
        lo, hi = name.right_edge.i + 1, verb.i
        loose = {
            t.i
            for participle in self.doc[lo:hi]
            if participle.tag_ == "VBG"
            and lo <= participle.left_edge.i
            and participle.right_edge.i < hi
            for t in participle.subtree
        }
        if not all(t.text == "," or t.i in loose for t in self.doc[lo:hi]):
            return None
        return self._phrase(name)

    def _absolute_subject(self, verb: Token) -> TokenRange | None:
        """The subject of a participle in a "with" phrase: "passed the motion 14-0 [with
        Norway, which ..., abstaining]" is Norway's act, not the sentence subject's. The
        parser hangs the name on "with" (the participle then a clause of the main verb) or
        under the participle itself. The factbox's convention only (acts are its own)."""
        if self.object_contents or verb.tag_ != "VBG" or self._has_subject(verb):
            return None
        if verb.dep_ == "pobj" and verb.head.lower_ == "with":
            names = [c for c in verb.lefts if c.dep_ in ("compound", "nsubj", "poss")]
            if names:
                return trim_range(self.doc, (names[0].left_edge.i, names[-1].right_edge.i + 1))
            return None
        if verb.dep_ != "advcl":
            return None
        for prep in verb.head.children:
            if prep.lower_ != "with" or not prep.i < verb.i:
                continue
            named = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if named is None:
                continue
            between = self.doc[prep.right_edge.i + 1 : verb.i]
            clauses = [c for c in named.rights if c.dep_ in ("relcl", "acl", "appos")]
            # "with Norway abstaining", "with Norway, which ..., abstaining"; not a comma
            # that ends the phrase ("the future with Iran, remarking that ..." is no act of
            # Iran's)
            if len(between) and not (clauses and all(t.is_punct for t in between)):
                continue
            end = clauses[0].left_edge.i if clauses else named.right_edge.i + 1
            return trim_range(self.doc, (named.left_edge.i, end))
        return None

    def _quoted_person(self, verb: Token) -> TokenRange | None:
        """Whom an outlet quotes with a participle of speech: "Reuters quoted [the prime
        minister] (as) saying the deal would be offered", "the paper cited [her] as saying
        ...": the person quoted is the speaker, not the outlet (the outlet only relays the
        words). The factbox's convention only."""
        if self.object_contents or verb.tag_ != "VBG" or self._has_subject(verb):
            return None
        if verb.dep_ not in ("advcl", "xcomp", "acl", "oprd", "pcomp"):
            return None
        relaying = verb.head
        if verb.dep_ == "acl" or (verb.dep_ == "pcomp" and relaying.lower_ == "as"):
            relaying = relaying.head  # "quoted [X saying]", "quoted X [as saying]"
        if relaying.lemma_.lower() not in _RELAYING_VERBS:
            return None
        person = next((c for c in relaying.children if c.dep_ in ("dobj", "obj")), None)
        if person is None or person.i > verb.i:
            return None
        return trim_range(self.doc, (person.left_edge.i, person.right_edge.i + 1))

    def _issuer(self, verb: Token) -> TokenRange | None:
        """Who issued the statement a participle hangs on: "[the Security Council] issued a
        statement calling the test a violation". The factbox's convention only; PolNeAR
        marks the statement itself."""
        if self.object_contents or verb.dep_ != "acl" or self._has_subject(verb):
            return None
        medium = verb.head
        if medium.lemma_.lower() not in self.lexicon.medium_nouns or medium.dep_ != "dobj":
            return None
        issuing = medium.head
        return self._own_source(issuing) if issuing.pos_ == "VERB" else None

    def _name_after_quote(self, verb: Token) -> TokenRange | None:
        """The words between a closing quote and its cue when the parse lost the subject.

        ``"...," Flynn, a top surrogate, said`` (the parser may hang "Flynn" inside the quote).
        """
        start = verb.i
        while start > 0 and not self.speech[start - 1] and verb.i - start < _MAX_NAME_TOKENS:
            start -= 1
        if start == 0 or not self.speech[start - 1]:
            return None
        words = self.doc[start : verb.i]
        if any(token.pos_ in ("VERB", "AUX") for token in words):
            return None
        if not any(token.pos_ in ("PROPN", "NOUN", "PRON") for token in words):
            return None
        return trim_range(self.doc, (start, verb.i))

    def _phrase_before(self, verb: Token) -> TokenRange | None:
        """The noun phrase that ends right before a subjectless root cue, set off by a comma.

        "In a comment to AP, a spokesperson for the government said ...": the parser may hang
        the speaker on "AP" as an apposition; "In Zagreb, Italy's foreign minister, Antonio
        Tajani, said ...": or join it to the place.
        """
        if verb.dep_ != "ROOT" or verb.i == 0:
            return None
        found: Token | None = None
        end = verb.i - 1
        if end > 0 and self.doc[end].text == ",":
            end -= 1
        node = self.doc[end]
        while node.head.i != node.i and node.right_edge.i == end and node.i != verb.i:
            before = node.left_edge.i - 1
            if node.pos_ in ("NOUN", "PROPN", "PRON") and (
                before < 0 or self.doc[before].text == "," or node.left_edge.is_sent_start
            ):
                found = node
            node = node.head
        if found is None:
            return None
        return trim_range(self.doc, subtree_range(found))

    # Contents --------------------------------------------------------------------------

    def _is_co_attribution(self, token: Token) -> bool:
        """A cue hanging beside a content rather than inside it.

        "..., adding that ..." (same source) or "..., while Y insisted that ..." (another one);
        a cue reached through ``ccomp`` ("said Putin claimed that ...") stays nested content.
        """
        return token.dep_ in ("advcl", "conj", "parataxis")

    def _in_paragraph(self, span: TokenRange, anchor: int) -> TokenRange:
        """``span`` cut to the paragraph of token ``anchor``: no parse reaches past a line break."""
        paragraph = self.paragraph_of[anchor]
        start = max(span[0], bisect_left(self.paragraph_of, paragraph))
        end = min(span[1], bisect_right(self.paragraph_of, paragraph))
        return start, max(start, end)

    def _source_phrase(self, head: Token) -> TokenRange | None:
        """The phrase naming a source, without the modifiers after it that the learned counts
        leave out of sources ("Trump[, speaking to a veterans group]")."""
        phrase = self._phrase(head)
        if phrase is None or self.learned is None or not self.object_contents:
            return phrase
        for child in head.rights:
            if child.dep_ != "punct" and not self.learned.in_source(child):
                return trim_range(self.doc, (phrase[0], min(phrase[1], child.left_edge.i)))
        return phrase

    def _phrase(self, head: Token) -> TokenRange | None:
        """The phrase ``head`` heads, within its paragraph, trimmed."""
        return trim_range(self.doc, self._in_paragraph(subtree_range(head), head.i))

    def _content_ranges(
        self, anchor: Token, roots: list[Token], skip: Token | None = None
    ) -> list[TokenRange]:
        """Each root's subtree without ``skip`` and co-attribution clauses, in ``anchor``'s
        paragraph, trimmed."""
        ranges: list[TokenRange] = []
        for root in roots:
            root_range = self._in_paragraph(subtree_range(root), anchor.i)
            holes = [subtree_range(skip)] if skip is not None else []
            skip_at = skip.i if skip is not None else -1
            first = bisect_left(self.cue_verbs, root_range[0])
            last = bisect_left(self.cue_verbs, root_range[1])
            for index in self.cue_verbs[first:last]:
                inner = self.doc[index]
                if index != root.i and index != skip_at and self._is_co_attribution(inner):
                    if self.object_contents and inner.head.i != anchor.i:
                        # PolNeAR nests a cue deeper inside the content in it:
                        # "says [she hopes ..., but she knows that ...]".
                        continue
                    holes.append(subtree_range(inner))
            # "..., according to X" inside a content is a cue of its own, not content.
            first = bisect_left(self.phrase_cues, root_range[0])
            last = bisect_left(self.phrase_cues, root_range[1])
            for index in self.phrase_cues[first:last]:
                if index != root.i and index != skip_at:
                    holes.append(subtree_range(self.doc[index]))
            pieces = [root_range]
            for hole in holes:
                pieces = [part for piece in pieces for part in minus(piece, hole)]
            for piece in pieces:
                trimmed = trim_range(self.doc, piece, keep_that=self.keep_that)
                if trimmed is not None:
                    ranges.append(trimmed)
        return ranges

    def _extent(
        self, head: Token, source: TokenRange | None, cue: TokenRange, left_out: set[int]
    ) -> TokenRange:
        start, end = cue
        for child in head.children:
            if child.i in left_out or child.dep_ == "punct" or self.speech[child.i]:
                continue
            if self._is_cue_verb(child) and self._is_co_attribution(child):
                continue
            child_start, child_end = subtree_range(child)
            start, end = min(start, child_start), max(end, child_end)
        if source is not None:
            start, end = min(start, source[0]), max(end, source[1])
        return start, end

    # Clause kinds ----------------------------------------------------------------------

    def _verb_cue(self, verb: Token) -> TokenRange:
        # Auxiliaries, negation and adverbs right before the verb belong to the cue:
        # "has said", "did not say", "also warned".
        start = verb.i
        left = {child.i for child in verb.lefts if child.dep_ in _CUE_MODIFIER_DEPS}
        while start - 1 in left and not self.quoted[start - 1]:
            start -= 1
        end = verb.i + 1
        for child in verb.children:
            if child.dep_ == "prt" and child.i == end:
                end += 1
        if self.addressee_in_cue and verb.lemma_.lower() in self.lexicon.addressee_verbs:
            for child in verb.children:
                child_start, child_end = subtree_range(child)
                if (
                    child.dep_ in ("dobj", "dative")
                    and child_start == end
                    and child_end - child_start <= _MAX_ADDRESSEE_TOKENS
                    and not any(self.quoted[i] for i in range(child_start, child_end))
                ):
                    end = child_end
        return start, end

    def _content_roots(self, verb: Token, deps: frozenset[str], beside: list[int]) -> list[Token]:
        return [
            child
            for child in verb.children
            if child.dep_ != "punct"
            and child.dep_ not in _SUBJECT_DEPS
            and (child.dep_ in deps or self.speech[child.i])
            and self.paragraph_of[child.i] == self.paragraph_of[verb.i]
            # A quote past "..., adding" belongs to that cue, whatever the parse says.
            and not any(min(verb.i, child.i) < i < max(verb.i, child.i) for i in beside)
            and not self._is_adverbial(child)
        ]

    def _quoted_before(self, verb: Token, roots: list[Token]) -> bool:
        """Whether one of the content's roots is a quote standing before the cue."""
        return any(self.speech[root.i] and root.i < verb.i for root in roots)

    def _quote_after_colon(self, verb: Token, cue: TokenRange, roots: list[Token]) -> bool:
        """Whether a colon follows the cue and one of the content's roots is a quote after it."""
        if cue[1] >= len(self.doc) or self.doc[cue[1]].text not in self.lexicon.lead_in_marks:
            return False
        return any(self.speech[root.i] and root.i > verb.i for root in roots)

    def _said_beside_quote(self, verb: Token, root: Token) -> bool:
        """Whether ``root`` stays in a content whose quote stands before the cue: what
        precedes the cue does, and after it only another quote; unquoted words after the cue
        ('"A," she wrote [about the plan]', '"A," he told them, [after the vote ...]') say
        what or when it was said about, and PolNeAR leaves them out."""
        return root.i < verb.i or self.speech[root.i]

    def _without_fronted_clause(
        self, verb: Token, roots: list[Token], source: TokenRange
    ) -> list[Token]:
        """The roots without an unquoted clause standing before the source when the cue has a
        content after it too: a fronted adverbial or participle ("[While he conceded the
        point], Ham noted that ...", "[Writing for the Times], she noted that ...") the
        parser hung on the cue says when or how, not what."""
        if not any(root.i > verb.i for root in roots):
            return roots

        def fronted(root: Token) -> bool:
            first = root.left_edge
            if self.speech[root.i] or root.right_edge.i >= source[0] or root.i > verb.i:
                return False
            return (
                root.dep_ == "csubj"
                or (first.pos_ == "SCONJ" and first.lower_ not in self.lexicon.complementizers)
                or first.tag_ in ("VBG", "VBN")
            )

        return [root for root in roots if not fronted(root)]

    def _is_adverbial(self, clause: Token) -> bool:
        """A clause opened by a subordinator other than a complementizer ("a day after Macron
        said ...") even where the parser calls it a complement."""
        return any(
            child.dep_ == "mark" and child.lower_ not in self.lexicon.complementizers
            for child in clause.children
        )

    def _prefers_no_source(self, verb: Token) -> bool:
        return (
            self.object_contents
            and self.learned is not None
            and self.learned.prefers_no_source(verb.lemma_.lower(), verb_voice(verb))
        )

    def _sourceless_clause(self, verb: Token) -> CueClause | None:
        """A cue the learned counts say names no source ("X is expected to", "X is known to",
        "Asked whether ..."): the content is the reported clause, or for a raising or passive
        verb the whole clause around it, cue included, as PolNeAR marks it."""
        if self.learned is None:
            return None
        voice = verb_voice(verb)
        proposed = self.learned.is_sourceless_cue(verb.lemma_.lower(), voice)
        if not proposed and not (self._prefers_no_source(verb) and self._is_cue_verb(verb)):
            return None
        cue = self._verb_cue(verb)
        complements = [child for child in verb.children if child.dep_ in _CONTENT_DEPS]
        particle = self._cue_particle(verb)
        if not complements and particle is not None:
            # "Asked about [the declaration], he said ...": the particle's object
            complements = self._particle_objects(particle)
            cue = (cue[0], max(cue[1], particle.i + 1)) if complements else cue
        predicates = [token for token in self._predicates(verb) if token.i >= cue[1]]
        likeness = next((p for p in predicates if p.lower_ in _LIKENESS_WORDS), None)
        if likeness is not None and all(t.dep_ == "advmod" for t in self.doc[cue[1] : likeness.i]):
            # "seems like [a fair idea]": PolNeAR's cue takes "like" as it takes a particle
            objects = [child for child in likeness.children if child.dep_ == "pobj"]
            if objects:
                cue = (cue[0], likeness.i + 1)
                predicates = [objects[0] if p is likeness else p for p in predicates]
        if voice == "mod":
            content = self._content_ranges(verb, complements)
        elif complements or predicates:
            # "[Trump] seems [to be ...]", "[they] are expected [to ...]", "[the senator]
            # seems [ready for a fight]": subject and complement, without the cue between
            # them; "It seems [unfair to ...]": an "it" standing for a clause after the
            # predicate is no part of it.
            extraposed = any(
                child.dep_ in _CONTENT_DEPS
                for predicate in predicates
                for child in (predicate, *predicate.children)
            ) or bool(predicates and complements)
            subjects = [
                child
                for child in verb.lefts
                if child.dep_ in _SUBJECT_DEPS and not (extraposed and child.lower_ == "it")
            ]
            roots = sorted(subjects + complements + predicates, key=lambda token: token.i)
            content = _joined(self.doc, self._content_ranges(verb, roots))
        else:
            content = self._content_ranges(verb, [verb])
        if not content:
            return None
        return CueClause("speech", verb.i, cue, None, tuple(content), cue)

    @staticmethod
    def _predicates(verb: Token) -> list[Token]:
        """What a linking verb says of its subject after it: an adjective, a noun or a
        "like" phrase ("seems [ready]", "seemed [a reminder that ...]", "might seem like [an
        odd choice]", where the cue takes "like": on 400 train articles 5 gold cues do, one
        gold content does)."""
        return [
            child
            for child in verb.rights
            if child.dep_ in _PREDICATE_DEPS
            or (child.dep_ == "prep" and child.lower_ in _LIKENESS_WORDS)
        ]

    def _declines_to_say(self, verb: Token, roots: list[Token]) -> bool:
        """A negated cue over an open question asserts nothing: "did not say [which countries
        might take part]", "would not say [whether ...]". (PolNeAR still marks it.)"""
        if not roots or not any(child.dep_ == "neg" for child in verb.children):
            return False
        first = min((root.left_edge for root in roots), key=lambda token: token.i)
        return first.tag_ in _QUESTION_TAGS or first.lower_ in ("whether", "if")

    def _stranded_complement(self, verb: Token) -> list[Token]:
        """A "that" clause the parser hung on a phrase after the cue rather than on the cue, or
        called an adverbial: "told reporters after the cabinet meeting [that Spain did not
        agree ...]"."""
        for child in verb.rights:
            if child.dep_ == "advcl" and any(
                mark.dep_ == "mark" and mark.lower_ == "that" for mark in child.children
            ):
                return [child]  # "tweeted in the early hours [that ...]"
            if child.dep_ not in ("prep", "npadvmod") or self.speech[child.i]:
                continue
            for token in child.subtree:
                if token.dep_ in ("relcl", "acl", "advcl") and _is_complementizer(token.left_edge):
                    return [token]
        return []

    def _shared_conjunct(self, verb: Token, roots: list[Token]) -> Token | None:
        """A conjunct the parser hung on the cue verb that goes on with the content: it has
        no subject and not the cue's verb form ("insisted [that she was ready to answer in
        writing, but would not appear]")."""
        clauses = [root.i for root in roots if root.dep_ in _CONTENT_DEPS and root.i > verb.i]
        if not clauses:
            return None
        for child in verb.rights:
            if (
                child.dep_ == "conj"
                and child.i > max(clauses)
                and child.pos_ in ("VERB", "AUX")
                and child.tag_ != verb.tag_
                and not self._has_subject(child)
                and not self._is_cue_verb(child)
            ):
                return child
        return None

    def _with_conjunct(self, content: list[TokenRange], conjunct: Token) -> list[TokenRange]:
        """``content`` with its last piece carried on over ``conjunct`` when only
        conjunctions and punctuation lie between."""
        if not content:
            return content
        last = max(content)
        start = conjunct.left_edge.i
        between = self.doc[last[1] : start]
        if last[1] > start or any(t.dep_ not in ("cc", "punct") for t in between):
            return content
        end = self._in_paragraph(subtree_range(conjunct), conjunct.i)[1]
        widened = trim_range(self.doc, (last[0], end), keep_that=self.keep_that)
        if widened is None:
            return content
        return [piece for piece in content if piece != last] + [widened]

    def _passive_subject(self, verb: Token) -> list[Token]:
        """The subject of a passive cue with an agent, which is what the agent said or
        did: "[The story] was first reported by the Post"."""
        if not any(child.dep_ == "agent" for child in verb.children):
            return []
        return [
            child for child in verb.lefts if child.dep_ == "nsubjpass" and not self.quoted[child.i]
        ]

    def _cue_particle(self, verb: Token) -> Token | None:
        """The preposition or particle right after a cue verb that the learned counts put
        inside the cue ("called for", "pointed out")."""
        following = verb.i + 1
        if self.learned is None or following >= len(self.doc):
            return None
        word = self.doc[following]
        if word.head.i != verb.i or word.dep_ not in ("prep", "prt", "agent"):
            return None
        if not self.learned.particle_in_cue(verb.lemma_.lower(), word.lower_):
            return None
        return word

    def _particle_objects(self, particle: Token) -> list[Token]:
        """What a cue's preposition takes that can be content: not where it was said
        ("posted on [X]", "said in [a statement]") nor when ("wrote on [Sunday]")."""
        return [
            child
            for child in particle.children
            if child.dep_ in ("pobj", "pcomp")
            and child.lemma_.lower() not in self.lexicon.medium_nouns
            and child.lower_ not in self.lexicon.platforms
            and child.ent_type_ not in _DATE_ENTITIES
        ]

    def _with_cue_tail(self, verb: Token, cue: TokenRange, roots: list[Token]) -> TokenRange:
        """The cue with the words right after it that the learned counts put inside cues
        ("said [Friday]", "said [in a statement]"), up to the first that is not."""
        if self.learned is None or not self.object_contents:
            return cue
        start, end = cue
        content = {root.i for root in roots}
        if not any(root.i > verb.i for root in roots):
            return cue  # '"...," he said Friday': PolNeAR keeps such a cue to the verb
        for child in verb.rights:
            if child.i < end or child.dep_ == "punct":
                continue
            if child.left_edge.i != end or child.i in content or self.quoted[child.i]:
                break
            if not self.learned.extends_cue(child):
                break
            end = child.right_edge.i + 1
        return start, end

    def _with_object_tail(self, verb: Token, roots: list[Token]) -> list[Token]:
        """An object content takes the dependents after it that the learned counts say belong
        to it ("accused the GOP [of stoking the issue]"), up to the first that does not."""
        content_object = next((root for root in roots if root.dep_ == "dobj"), None)
        if content_object is None or self.learned is None:
            return roots
        taken = {root.i for root in roots}
        extended = list(roots)
        for child in verb.rights:
            if child.i <= content_object.i or child.dep_ == "punct" or child.i in taken:
                continue
            if self.speech[child.i] or not self.learned.extends_object(child):
                break
            extended.append(child)
        return extended

    def _without_stranded_date(self, verb: Token, content: list[TokenRange]) -> list[TokenRange]:
        """Give back a date the parser hung on the content ("said on Monday Czechia would")."""
        if not content:
            return content
        start, end = content[0]
        stranded = any(
            child.dep_ == "prep" and child.i == start - 1 and not any(child.children)
            for child in verb.children
        )
        if not stranded:
            return content
        while start < end and self.doc[start].ent_type_ in _DATE_ENTITIES:
            start += 1
        return ([(start, end)] if start < end else []) + content[1:]

    def _verb_clause(self, verb: Token) -> CueClause | None:
        if verb_voice(verb) == "mod":
            return None  # "Asked whether ..., Scholz said": the speaker was asked, not asking
        if verb.dep_ == "xcomp" and verb.head.i in self.act_verbs:
            if self._refuses_to_speak(verb.head):
                return None  # "declined [to comment] on the plan"
        source = self._source(verb)
        if source is None:
            return None
        cue = self._verb_cue(verb)
        particle = self._cue_particle(verb)
        beside = [
            child.i
            for child in verb.children
            if self._is_cue_verb(child) and self._is_co_attribution(child)
        ]
        roots = self._content_roots(verb, _CONTENT_DEPS, beside)
        if _apposed_before_subject(verb) is not None:
            # ", a move supporters say would stop it": the clause before the comma is the
            # sentence's own, not what the supporters say
            roots = [root for root in roots if root.i > verb.i]
        if source == self._subject_under_as(verb) and any(root.i > verb.i for root in roots):
            # the main clause the parser hung on the cue comes before the "as" clause
            roots = [root for root in roots if root.i > verb.i]
        learned = self._is_learned_cue(verb)
        if self.object_contents and (not roots or learned):
            # "mentioned the deal", "called him a genius": the object is what was said,
            # unless it is already the addressee in the cue ("told reporters").
            wider = self._content_roots(verb, _CONTENT_DEPS | self.learned_content_deps, beside)
            addressee = verb.lemma_.lower() in self.lexicon.addressee_verbs
            roots = [
                root
                for root in wider
                if not cue[0] <= root.i < cue[1]
                and root.i > verb.i
                and not (addressee and root.dep_ in ("dobj", "dative"))
            ]
            roots = (roots or wider) if learned else roots
            roots = self._with_object_tail(verb, roots)
        elif learned:
            # A verb only the classifier calls a cue takes a clause, or a quote beside it; a
            # clause that is a noun in disguise is its object ("broke [what had been a taboo]").
            roots = [
                root for root in roots if root.dep_ in _CONTENT_DEPS and not _is_free_relative(root)
            ]
        # '"A," she recalled of [the plan]': the quote before the cue is what was said.
        quoted_first = self.object_contents and self._quoted_before(verb, roots)
        particle_objects = self._particle_objects(particle) if particle is not None else []
        if quoted_first:
            roots = [root for root in roots if self._said_beside_quote(verb, root)]
        elif particle is not None and particle_objects and (self.object_contents or not roots):
            # "called on [Republicans to unendorse him]", "called for [tax cuts]": the
            # particle's object joins the content (for the factbox, only when the verb has
            # nothing else to report: "called for [a ceasefire]" says where Macron stands).
            roots = [root for root in roots if root.i != particle.i] + particle_objects
            cue = (cue[0], max(cue[1], particle.i + 1))
        if self.object_contents:
            roots = self._without_fronted_clause(verb, roots, source)
        if self.object_contents and self._quote_after_colon(verb, cue, roots):
            # 'X will vote no, Ms. Osei said: "I think ..."': the quote is what was said.
            roots = [root for root in roots if root.i > verb.i or self.speech[root.i]]
        if not roots:
            roots = self._stranded_complement(verb)
        if not roots and not self.object_contents:
            roots = _named_as(verb)
        if self.object_contents and not roots:
            roots = self._passive_subject(verb)
            agent = next((child for child in verb.rights if child.dep_ == "agent"), None)
            if roots and agent is not None and agent.i == cue[1]:
                cue = (cue[0], agent.i + 1)
        if not self.object_contents and self._declines_to_say(verb, roots):
            return None
        cue = self._with_cue_tail(verb, cue, roots)
        content = self._without_stranded_date(verb, self._content_ranges(verb, roots))
        conjunct = self._shared_conjunct(verb, roots)
        if conjunct is not None:
            content = self._with_conjunct(content, conjunct)
        # A misattached subject ("..., Flynn, said" hung inside the quote) is not content.
        content = [piece for part in content for piece in minus(part, source)]
        content = self._before_listed_sources(verb, source, content)
        content = self._before_listed_actors(verb, content)
        extent = self._extent(verb, source, cue, {root.i for root in roots})
        head = verb.head
        if not content and head.i != verb.i and (verb.dep_ == "parataxis" or self.speech[head.i]):
            # "Troops, he said, will stay" / the quote's verb heads the "he said" clause.
            content = self._content_ranges(verb, [head], skip=verb)
            content = [piece for part in content for piece in minus(part, source)]
        kind: ClauseKind = "speech"
        if verb.lemma_.lower() in self.lexicon.belief_verbs:
            kind = "belief"
        elif verb.i in self.act_verbs:
            kind = "act"
        return CueClause(kind, verb.i, cue, source, tuple(content), extent)

    def _belief_adjective_clause(self, adjective: Token) -> CueClause | None:
        """A belief held in an adjective after a copula: "[Doe] [seemed hopeful] that the
        country could take more", "[the minister] [is confident] that it will pass". The
        "that" clause (the adjective's, or the parser's clause of the copula after it) is
        the content, the copula's subject the source. The factbox's convention only."""
        verb = adjective.head
        roots = [c for c in adjective.children if c.dep_ == "ccomp"]
        roots += [c for c in verb.children if c.dep_ == "ccomp" and c.i > adjective.i]
        roots = [root for root in roots if not self.quoted[root.i]]
        if not roots:
            return None
        source = self._own_source(verb) if self._has_subject(verb) else None
        if source is None or self.doc[source[0] : source[1]].text.lower() == "it":
            return None  # "it is certain that ...": nobody's belief
        cue = (self._verb_cue(verb)[0], adjective.i + 1)
        content = self._content_ranges(adjective, roots)
        content = [piece for part in content for piece in minus(part, source)]
        if not content:
            return None
        extent = self._extent(adjective, source, cue, {root.i for root in roots})
        return CueClause("belief", adjective.i, cue, source, tuple(content), extent)

    # Stance acts ------------------------------------------------------------------------

    def _act_word(self, verb: Token) -> Token | None:
        """The word that makes ``verb`` a stance act: the verb itself ("rejected") or the
        particle or preposition it needs ("ruled [out]", "called [for]"); else ``None``."""
        if verb.pos_ != "VERB" or self.quoted[verb.i]:
            return None
        lemma = verb.lemma_.lower()
        if lemma not in self._act_lemmas:
            return None  # neither alone nor with a particle: no phrase to read
        alone = lemma in self.lexicon.act_verbs
        withdrawn = self._withdrawn_stance(verb)
        if withdrawn is not None:
            return withdrawn  # "dropped their [objections]", "lifted its [veto]"
        for words, last in verb_particle_phrases(verb):
            if (lemma, words) in self.lexicon.act_phrasal:
                if alone and last.dep_ == "prep" and self._has_own_object(verb):
                    continue  # "opposed [the deal] to the end": the verb's own object
                return last
        return verb if alone else None

    @staticmethod
    def _has_own_object(verb: Token) -> bool:
        """Whether ``verb`` has a direct object that is not a pronoun ("opposed [the deal]";
        not "distanced [himself] from")."""
        return any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in verb.children)

    def _withdrawn_stance(self, verb: Token) -> Token | None:
        """The stance noun a verb takes back ("dropped their [objections]", "lifted its
        [veto]"; ``act_withdrawal_verbs`` and ``act_withdrawal_nouns``): its direct object,
        held by no one or by a possessive pronoun (its holder is the verb's subject, not
        "lifted Hungary's veto")."""
        if verb.lemma_.lower() not in self.lexicon.act_withdrawal_verbs:
            return None
        for child in verb.children:
            if (
                child.dep_ == "dobj"
                and child.i > verb.i
                and child.lemma_.lower() in self.lexicon.act_withdrawal_nouns
                and all(c.lower_ in _POSSESSIVE_HOLDERS for c in child.children if c.dep_ == "poss")
            ):
                return child
        return None

    def _bare_act(self, verb: Token, source: TokenRange) -> list[TokenRange]:
        """ "China and Angola abstained": an act that needs nothing after it is its own
        content (its verb), what it is about being the text named before it; or the object
        of its "on" ("abstained on the resolution")."""
        if verb.lemma_.lower() not in self.lexicon.act_bare or source[0] > verb.i:
            return []
        objects = [
            obj
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "on" and prep.i > verb.i
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.ent_type_ not in _DATE_ENTITIES  # not "on Friday"
        ]
        content = self._content_ranges(verb, objects)
        return self._before_listed_actors(verb, content) or [(verb.i, verb.i + 1)]

    def _inside_act(self, verb: Token) -> bool:
        """An act inside the content of another act or of a speech cue ("refused [to rule
        out sending troops]", "said [they did not back it]", "wrote on Sunday [that Hungary
        would veto it]"): that statement holds it, and the stance stage reads both verbs."""
        node = verb
        while node.head.i != node.i:
            if node.dep_ in _SUBJECT_DEPS or node.dep_ == "nsubjpass":
                return False  # "Macron, who rejected it, said ...": the subject's own act
            if self._is_adverbial(node):
                return False  # "said ... after Macron refused to rule it out": an occasion
            if node.dep_ in ("relcl", "acl") and not _is_complementizer(node.left_edge):
                return False  # "the conference, where he refused to ...": a description
            if absolute_clause(node):
                return False  # "voted against it, [with China abstaining]": China's own act
            head = node.head
            if (
                node.dep_ == "pcomp"
                and node.head.lower_ == "to"
                and self._changed_from(node.head.head)
            ):
                return False  # "from supporting it [to abstaining]": the act changed to
            if head.i in self.act_verbs or head.i in self._cue_verb_set:
                # "..., noting A and calling for B": a co-attribution beside the cue
                return not self._is_co_attribution(node)
            node = head
        return False

    def _changed_from(self, verb: Token) -> bool:
        """``verb`` is the act a change of stance leaves ("shifted its stance [from]
        [supporting] the duties to abstaining", ``act_changes``): the object of "from"
        under a change word, with the act it changed to after "to"."""
        if verb.dep_ != "pcomp" or verb.head.lower_ != "from" or verb.head.head.i == verb.i:
            return False
        change = verb.head.head
        if change.lemma_.lower() not in self.lexicon.act_changes:
            return False
        changed_to = [
            c
            for holder in (change, verb)
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ == "to"
        ]
        return bool(changed_to)

    def _has_medium(self, verb: Token) -> bool:
        return any(
            child.dep_ == "prep"
            and child.lower_ in self.lexicon.medium_prepositions
            and any(c.lemma_.lower() in self.lexicon.medium_nouns for c in child.children)
            for child in verb.children
        )

    def _refuses_to_speak(self, verb: Token) -> bool:
        """ "declined to comment", "refused to say which": a refusal to speak states no
        position."""
        return any(
            child.dep_ == "xcomp" and child.lemma_.lower() in self.lexicon.act_not_contents
            for child in verb.children
        )

    def _names_speaker(self, source: TokenRange) -> bool:
        """Whether an act's subject can be a speaker: a name, an entity, a personal
        pronoun or an office ("the Slovak prime minister"), not "the court" or "police"."""
        roles = role_vocabulary()
        return any(
            token.ent_type_ in _SPEAKING_ENTITIES
            or token.pos_ == "PROPN"
            or token.lower_ in _PERSONAL_SUBJECTS
            or roles.is_title_word(token)
            or token.lemma_.lower() in roles.title_words
            for token in self.doc[source[0] : source[1]]
        )

    def _act_clause(self, verb: Token) -> CueClause | None:
        """A stance act: "[Poland] [rejected] [the idea]", "[the president] [has not ruled
        out] [sending soldiers]", "[Estonia] [called for] [more ammunition]".

        The cue keeps its auxiliaries and negation as a speech cue does ("did not support");
        the stance stage reads the negation from the parse, so the content is only what the
        act is about. A refusal to speak ("declined to comment") is no act.
        """
        word = self._act_word(verb)
        if word is None or _modifies_a_clause(verb):
            return None
        member = _member_of_those_acting(verb)
        caused = self._made_to_act(verb)
        if member is not None:
            source = self._phrase(member)
        else:
            source = caused if caused is not None else self._source(verb)
        stative = source is None
        if stative:
            source = self._stative_holder(verb, word)
        listed = verb.dep_ == "relcl" and actor_list_after(verb) is not None
        voters = self._voters_listed(verb, source)
        # "Those voting against it were A and B": the members a copula names
        named = source is not None and bool(
            voters_named_by_copula(self.doc, source[0], source[1], (verb.i, verb.i + 1))
        )
        if source is None or not (self._names_speaker(source) or listed or voters or named):
            return None
        cue = self._verb_cue(verb)
        if word.i != verb.i and word.dep_ == "dobj":
            cue = (cue[0], max(cue[1], word.i + 1))  # "dropped their objections"
        elif word.i != verb.i and member is None:  # "among the countries [opposed] to it"
            between = self.doc[cue[1] : word.i]
            phrasal = all(t.head.i != t.i and t.dep_ in ("prep", "pobj", "prt") for t in between)
            if len(between) <= _MAX_ACT_CUE_GAP and all(t.pos_ == "PRON" for t in between):
                cue = (cue[0], max(cue[1], word.i + 1))  # "distanced himself from"
            elif word.dep_ == "prep" and word.head.dep_ == "pobj" and phrasal:
                cue = (cue[0], max(cue[1], word.i + 1))  # "voted in favour of"
        if stative and verb.dep_ == "acomp":
            cue = (min(cue[0], self._verb_cue(verb.head)[0]), cue[1])  # "[is] opposed to"
        if word.i != verb.i and word.dep_ == "prep":
            roots = [child for child in word.children if child.dep_ in _ACT_OBJECT_DEPS]
        else:
            roots = [
                child
                for child in verb.children
                if child.dep_ in _ACT_CONTENT_DEPS
                and child.i > verb.i
                and not self._is_adverbial(child)
                and not (child.dep_ == "dobj" and child.pos_ == "PRON" and word.i != verb.i)
            ]
        if word.i != verb.i and word.dep_ == "dobj":
            # "withdrew its objection [to the accession]": the parser may hang the noun's
            # preposition on the verb
            roots += [
                child
                for child in verb.children
                if child.dep_ == "prep" and child.i > word.i and child.lower_ in ("to", "on")
            ]
        if not roots:
            roots = self._passive_subject(verb)
        if voters is not None:
            roots = [root for root in roots if root.i < voters]  # "against: A, B": no object
        if any(root.lemma_.lower() in self.lexicon.act_not_contents for root in roots):
            return None
        if word.lemma_.lower() in self.lexicon.act_own and not any(
            child.dep_ == "poss" and child.lower_ in _POSSESSIVE_HOLDERS
            for root in roots
            for child in root.children
        ):
            return None  # "defended the plan" may be anyone's; "defended its agreement" is own
        roots = [root for root in roots if not (root.pos_ == "PRON" and not list(root.children))]
        examples = self._examples_of_object(verb, roots)
        content = self._content_ranges(verb, [*roots, *examples])
        if examples and content:
            content = [_cover(*content)]  # the object and its examples, one passage
        content = [piece for part in content for piece in minus(part, source)]
        content = self._before_listed_sources(verb, source, content)
        content = self._before_listed_actors(verb, content)
        if voters is not None:
            content = cut_before_list(content, voters) or ([] if roots else [cue])
        if member is not None:
            roots = [root for root in roots if root.dep_ == "dobj"]  # not "[leading up to] it"
        if member is not None and not roots:
            # "among the countries opposed [to the plan]"; with nothing after it, the act alone
            objects = [
                obj
                for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ == "to"
                for obj in prep.children
                if obj.dep_ in _ACT_OBJECT_DEPS
            ]
            content = self._content_ranges(verb, objects) if objects else [(verb.i, verb.i + 1)]
        if not content and not roots:
            content = self._bare_act(verb, source)
        if not content:
            return None
        extent = self._extent(verb, source, cue, {root.i for root in roots})
        return CueClause("act", verb.i, cue, source, tuple(content), extent)

    def _turned_before(self, clause: CueClause) -> CueClause:
        """An act its holder turned from "before" another act on the same thing, named by a
        pronoun: "[Clinton] was for [the pact] before she [was against] it", "[he] backed
        [the deal] before he rejected it". Only the later act holds (as with ``changes``):
        its cue, with the earlier act's holder and content."""
        head = self.doc[clause.head]
        for later in head.rights:
            if later.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ == "before" for c in later.children
            ):
                continue
            subject = self._subject(later)
            if subject is None or subject.lower_ not in _PERSONAL_SUBJECTS:
                continue
            if later.i in self.copula_acts:
                word = self._copula_act_word(later)
            elif later.i in self.act_verbs:
                word = self._act_word(later)
            else:
                word = None
            if word is None:
                continue
            by_preposition = word.i != later.i and word.dep_ == "prep"
            holder, deps = (word, _ACT_OBJECT_DEPS) if by_preposition else (later, {"dobj"})
            objects = [c for c in holder.children if c.dep_ in deps]
            if len(objects) != 1 or objects[0].lower_ not in ("it", "them"):
                continue
            cue = (self._verb_cue(later)[0], max(word.i, later.i) + 1)
            return CueClause(
                "act", later.i, cue, clause.source, clause.content, _cover(clause.extent, cue)
            )
        return clause

    def _made_to_act(self, verb: Token) -> TokenRange | None:
        """The one a verb of ``causers`` (data/cues.json) says was brought to do the act of
        its "to" clause: "it forced [his rival] to distance herself from the pact", "the
        vote led [the senator] to reject it" (the causer's subject is no holder)."""
        causer = verb.head
        if verb.dep_ != "xcomp" or causer.i == verb.i or self._has_subject(verb):
            return None
        if causer.lemma_.lower() not in self.lexicon.act_causers:
            return None
        done = next((c for c in causer.children if c.dep_ == "dobj" and c.i < verb.i), None)
        return self._phrase(done) if done is not None else None

    def _stative_holder(self, verb: Token, word: Token) -> TokenRange | None:
        """The subject of a passive act that tells a state its subject is in, by "to" and no
        agent: "[Clinton] is opposed to the pact", "[Cruz], who is committed to it", hold
        the position (the parser may make the participle the copula's complement); a passive
        with an agent, or without "to", names the thing acted on ("the plan was rejected")."""
        if word.i == verb.i or word.dep_ != "prep" or word.lower_ != "to":
            return None
        if any(child.dep_ == "agent" for child in verb.children):
            return None
        holder = verb
        if verb.dep_ == "acomp" and verb.head.lemma_.lower() in self.lexicon.copula_verbs:
            holder = verb.head
            if any(child.dep_ == "neg" for child in holder.children):
                return None  # "is not opposed to it": the cue's act would not show the "not"
        subject = self._subject(holder)
        if subject is None or subject.dep_ != ("nsubj" if holder is not verb else "nsubjpass"):
            return None
        if subject.tag_ in _RELATIVE_TAGS and holder.dep_ == "relcl":
            return trim_range(self.doc, (holder.head.left_edge.i, holder.left_edge.i))
        return self._source_phrase(subject)

    def _examples_of_object(self, verb: Token, roots: list[Token]) -> list[Token]:
        """Examples of an act's object that the parser hung on the act's verb, right after
        the object ("distanced herself from trade deals she once backed, [like the TPP]",
        "rejected the proposals, [including a wall]"): they say what the act is about."""
        if not roots:
            return []
        end = max(root.right_edge.i for root in roots)
        return [
            child
            for child in verb.rights
            if child.dep_ == "prep"
            and child.lower_ in _EXAMPLE_WORDS
            and child.i > end
            and all(t.is_punct and t.text != "." for t in self.doc[end + 1 : child.i])
            and any(c.dep_ == "pobj" for c in child.children)
        ]

    def _voters_listed(self, verb: Token, source: TokenRange | None) -> int | None:
        """Where the members a group-noun source stands for are listed after the act
        ("Twelve countries abstained: A, B and C"; ``vote_lists``): the opening mark."""
        if source is None or not stands_for_listed(self.doc, source):
            return None
        found = voters_listed_after(verb)
        return found[0] if found is not None else None

    def label_clauses(self) -> list[CueClause]:
        """Vote labels before a list of members, one line a way ("In favour: A, B, C.";
        ``vote_lists.vote_label_clauses``): the label is the cue and the content, the list
        the source."""
        clauses = []
        for start, colon in vote_label_clauses(self.doc, self.lexicon.act_labels):
            items = actors_listed_at(self.doc, colon)
            source = (items[0][0], items[-1][1])
            label = (start, colon)
            clauses.append(CueClause("act", start, label, source, (label,), _cover(label, source)))
        for label, items in counted_label_lists(self.doc, self.lexicon.act_labels):
            # "by a vote of 5 in favour (A, B, ...) to 1 against (C)": the same, a way each
            source = (items[0][0], items[-1][1])
            clauses.append(
                CueClause("act", label[0], label, source, (label,), _cover(label, source))
            )
        return clauses

    def _noun_act_clause(self, noun: Token) -> CueClause | None:
        """A stance act held in a noun: "[Obama]'s [advice] [that Britain should remain]",
        "[Berlin]'s [pledge] last month [to add soldiers]", "[Her] [turn against] [the
        pact]", "[Obama] sounded a [call] [for the country to accept refugees]".

        The holder is the noun's possessor, or the subject of a light verb ("sounded",
        "made", "issued") whose object the noun is; what the act is about is the noun's
        'that' or 'to' clause, or the object of the preposition the noun pairs with
        (``noun_phrasal`` in data/cues.json). The cue is the noun, with that preposition
        when it follows at once."""
        if self.quoted[noun.i]:
            return None
        if noun.dep_ == "dobj" and self._withdrawn_stance(noun.head) == noun:
            return None  # "dropped its opposition to it": the withdrawal is the act
        parts = self._noun_act_parts(noun)
        if parts is None:
            return None
        word, roots = parts
        source = self._noun_act_holder(noun)
        if source is None or not (
            self._names_speaker(source) or self.doc[source[0]].lower_ in _POSSESSIVE_HOLDERS
        ):
            return None
        return self._noun_clause(noun, word, roots, source)

    def _noun_clause(
        self, noun: Token, word: Token, roots: list[Token], source: TokenRange
    ) -> CueClause | None:
        """The act of a stance noun: the noun (with its preposition when it follows at once)
        the cue, the subtrees of ``roots`` without the source the content."""
        cue = (noun.i, word.i + 1 if word.i == noun.i + 1 else noun.i + 1)
        content = [
            piece for part in self._content_ranges(noun, roots) for piece in minus(part, source)
        ]
        if not content:
            return None
        return CueClause("act", noun.i, cue, source, tuple(content), _cover(source, cue))

    @staticmethod
    def _object_roots(word: Token) -> list[Token]:
        """The objects of a stance phrase's preposition, never a bare pronoun ("against
        [it]" says nothing of what)."""
        return [
            child
            for child in word.children
            if child.dep_ in _ACT_OBJECT_DEPS
            and not (child.pos_ == "PRON" and not list(child.children))
        ]

    def _holder_clause(self, noun: Token) -> CueClause | None:
        """A position told by a noun for whoever it names: "[Cruz] has been a vocal
        [opponent of] [the deal]", "[Sen. Corker], a [critic of] [the deal], said ...", "A
        longtime [supporter of] [the wall], [Sessions] spoke ..." (``holders`` in
        data/cues.json).

        The holder is the subject of the copula the noun completes (none when the copula is
        negated: "is not a supporter of" says no act the cue shows), or the name the noun is
        set beside (an apposition either way). The cue is the noun with its preposition when
        it follows at once; the content is that preposition's object, never a bare pronoun."""
        if self.quoted[noun.i]:
            return None
        lemma = noun.lemma_.lower()
        word = next(
            (
                child
                for child in noun.rights
                if child.dep_ == "prep" and (lemma, child.lower_) in self.lexicon.act_holders
            ),
            None,
        )
        if word is None:
            return None
        roots = self._object_roots(word)
        source = self._holder_of(noun) if roots else None
        if source is None or not self._names_speaker(source):
            return None
        return self._noun_clause(noun, word, roots, source)

    def _holder_of(self, noun: Token) -> TokenRange | None:
        """Whom a holder noun names: the subject of its copula ("Cruz [is] a critic of ..."),
        the name it is set beside ("Cruz, a critic of ...") or the name set beside it ("A
        critic of the deal, Cruz ..."); ``None`` otherwise."""
        copula = noun.head
        if noun.dep_ == "attr" and copula.lemma_.lower() in self.lexicon.copula_verbs:
            if any(child.dep_ == "neg" for child in copula.children):
                return None  # "is not a supporter of it"
            if self._inside_act(copula):
                return None  # "said he was a supporter of it": the saying holds it
            return self._source(copula)
        if noun.dep_ == "appos" and noun.head.i < noun.i:
            name = noun.head
            return trim_range(
                self.doc, self._in_paragraph((name.left_edge.i, noun.left_edge.i), name.i)
            )
        named = next((c for c in noun.rights if c.dep_ == "appos"), None)
        if named is not None:
            return self._phrase(named)
        verb = noun.head
        if noun.dep_ in ("advcl", "npadvmod") and noun.i < verb.i and noun.left_edge.is_sent_start:
            # "A longtime critic of the deal, [Cruz] spoke ...": the phrase set before the
            # clause names its subject
            subject = self._subject(verb)
            if subject is not None and subject.dep_ == "nsubj" and subject.i > noun.i:
                return self._phrase(subject)
        return None

    def _copula_act_word(self, copula: Token) -> Token | None:
        """The last word of the stance phrase a copula takes ("is [against] it", "was in
        favor [of] it"; ``copula`` in data/cues.json) when it follows the copula at once (a
        negation or an adverb between: "is firmly against") and has an object that is no
        date or time ("was for years"); else ``None``."""
        for words, last in verb_particle_phrases(copula):
            if words not in self.lexicon.act_copula:
                continue
            first = last
            while first.head.i != copula.i and first.head.i != first.i:
                first = first.head
            between = self.doc[copula.i + 1 : first.i]
            if first.i < copula.i or any(
                t.head.i != copula.i
                or t.dep_ not in _COPULA_MODIFIER_DEPS
                or t.lower_ in _PLACE_ADVERBS
                for t in between
            ):
                continue
            objects = [
                c
                for c in last.children
                if c.dep_ in _ACT_OBJECT_DEPS and c.ent_type_ not in _DATE_ENTITIES
            ]
            if objects:
                return last
        return None

    def _copula_clause(self, copula: Token) -> CueClause | None:
        """A position told by a copula and a phrase: "[Clinton] [is against] [the pact]",
        "[she] [was for] [the wall]", "[Cruz] [is firmly in favor of] [it]". The cue is the
        copula (with its auxiliaries and negation) to the phrase's last word, so the stance
        stage reads a negation ("is not against it"); the content is the phrase's object,
        never a bare pronoun. Inside what another cue reports ("said she was against it")
        that statement holds it."""
        word = self._copula_act_word(copula)
        if word is None or self._inside_act(copula):
            return None
        source = self._source(copula)
        if source is None or not self._names_speaker(source):
            return None
        roots = self._object_roots(word)
        cue = (self._verb_cue(copula)[0], word.i + 1)
        content = [
            piece for part in self._content_ranges(copula, roots) for piece in minus(part, source)
        ]
        if not content:
            return None
        extent = self._extent(copula, source, cue, {root.i for root in roots})
        return CueClause("act", copula.i, cue, source, tuple(content), extent)

    def _noun_act_parts(self, noun: Token) -> tuple[Token, list[Token]] | None:
        """The word that makes ``noun`` a stance act (its paired preposition, or the noun)
        and the roots of what the act is about; ``None`` when it has neither."""
        lemma = noun.lemma_.lower()
        for child in noun.rights:
            if child.dep_ == "prep" and (lemma, child.lower_) in self.lexicon.act_noun_phrasal:
                objects = [c for c in child.children if c.dep_ in _ACT_OBJECT_DEPS]
                if objects:
                    return child, objects
        clauses = [
            child
            for child in noun.rights
            if child.dep_ in _NOUN_CLAUSE_DEPS and _opens_reported_clause(child)
        ]
        return (noun, clauses) if clauses else None

    def _noun_act_holder(self, noun: Token) -> TokenRange | None:
        """Whose stance a noun states: its possessor ("Berlin's pledge"), or the subject of
        the light verb it is the object of ("voiced opposition to"). A possessive pronoun
        on the object of a light verb ("China voiced [its] opposition") is that subject's
        own: the subject is the holder, named, not a pronoun to resolve."""
        possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
        verb = noun.head
        light = (
            noun.dep_ == "dobj"
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() in self.lexicon.act_light_verbs
        )
        if light and (possessor is None or possessor.tag_ == "PRP$"):
            own = self._own_source(verb)
            if possessor is None or (own is not None and self._names_speaker(own)):
                return own
        if possessor is not None:
            # "Both made [their] opposition to it a centerpiece": a subject that names
            # nobody leaves the pronoun to stand for whoever it resolves to
            return trim_range(self.doc, (possessor.left_edge.i, possessor.i + 1))
        return None

    def _before_listed_sources(
        self, verb: Token, source: TokenRange, content: list[TokenRange]
    ) -> list[TokenRange]:
        """A content cut at the colon that lists its source's members ("The following
        officials also ruled out [such an opportunity]: A, B, C"); speakers.py reads the
        list as the speakers."""
        if not role_vocabulary().lists_ahead(self.doc[source[0] : source[1]]):
            return content
        sentence = verb.sent
        colon = next(
            (t.i for t in self.doc[verb.i : sentence.end] if t.text in self.lexicon.lead_in_marks),
            None,
        )
        if colon is None:
            return content
        cut = [(start, min(end, colon)) for start, end in content if start < colon]
        return [piece for piece in cut if piece[0] < piece[1]]

    def _before_listed_actors(self, verb: Token, content: list[TokenRange]) -> list[TokenRange]:
        """A relative clause's content cut where the actors its noun stands for are listed
        ("the countries that voted for [the resolution] - A, B and C - were summoned");
        speakers.py reads the list as the speakers. The factbox's convention only."""
        if self.object_contents or verb.dep_ != "relcl":
            return content
        found = actor_list_after(verb)
        if found is None:
            return content
        opener = found[0]
        cut = [(start, min(end, opener)) for start, end in content if start < opener]
        return [piece for piece in cut if piece[0] < piece[1]]

    def _according_clause(self, word: Token, preposition: str) -> CueClause | None:
        linker = next((c for c in word.children if c.lower_ == preposition), None)
        if linker is None:
            return None
        named = next((c for c in linker.children if c.dep_ == "pobj"), None)
        if named is None:
            return None
        source = self._source_phrase(named)
        clause_head = word.head
        for _ in range(_MAX_BORROW_STEPS):
            if clause_head.pos_ in ("VERB", "AUX") or clause_head.head.i == clause_head.i:
                break
            clause_head = clause_head.head
        if clause_head.i == word.i or source is None:
            return None
        if (
            not self.object_contents
            and self.lexicon.is_cue_lemma(clause_head.lemma_.lower())
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause_head.children)
        ):
            # "Kristersson explained that ..., according to The Guardian", "the president
            # said, according to NBC": the outlet only carries the subject's own words. The
            # factbox's convention only: PolNeAR marks the outlet's attribution as well.
            return None
        content = self._content_ranges(word, [clause_head], skip=word)
        name = None if self.object_contents else self._name_set_off_after(source, clause_head)
        if name is not None:
            # "According to the spokesperson for the government, [Pilar Alegría], Madrid ...":
            # the name the parser made the clause's subject is the source's own
            source = source[0], name[1]
            content = [
                piece for part in content for piece in minus(part, (name[0] - 1, name[1] + 1))
            ]
        if not content:
            return None
        return CueClause(
            "according",
            word.i,
            (word.i, linker.i + 1),
            source,
            tuple(content),
            subtree_range(word),
        )

    def _name_set_off_after(self, source: TokenRange, clause_head: Token) -> TokenRange | None:
        """A name set off by commas right after a leading "according to" source and
        before the clause's own subject ("According to the spokesperson, [Pilar Alegría],
        Madrid did not agree"), which the parser takes for a second subject."""
        start = source[1]
        if start + 2 >= len(self.doc) or self.doc[start].text != ",":
            return None
        end = start + 1
        while end < len(self.doc) and self.doc[end].pos_ == "PROPN":
            end += 1
        if end == start + 1 or end >= len(self.doc) or self.doc[end].text != ",":
            return None
        if lookup_actor(self.doc[start + 1 : end].text) is not None:
            return None  # "According to the minister, Madrid, ...": a place, no name
        if not end < clause_head.i or self.paragraph_of[end] != self.paragraph_of[start]:
            return None
        subjects = [c for c in clause_head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(c.i > end for c in subjects):
            return None  # the name is the clause's only subject: "..., Fico said"
        return start + 1, end

    def _medium_clause(self, preposition: Token) -> CueClause | None:
        verb = preposition.head
        if verb.pos_ != "VERB" or self.lexicon.is_cue_lemma(verb.lemma_.lower()):
            return None
        if self.object_contents and self._is_learned_cue(verb):
            return None
        medium = next(
            (
                c
                for c in preposition.children
                if c.dep_ == "pobj" and c.lemma_.lower() in self.lexicon.medium_nouns
            ),
            None,
        )
        if medium is None:
            return None
        source = self._source(verb)
        if source is None:
            return None
        content = self._content_ranges(preposition, [verb], skip=preposition)
        if not content:
            return None
        return CueClause(
            "medium",
            preposition.i,
            (preposition.i, medium.i + 1),
            source,
            tuple(content),
            subtree_range(preposition),
        )


def verb_particle_phrases(verb: Token) -> list[tuple[str, Token]]:
    """Every particle or preposition phrase of ``verb`` that can complete a phrasal act,
    each with its last word: "ruled [out]", "voted [in favour of]", and a particle with a
    preposition after it, siblings in the parse ("came [out] [against] it")."""
    # the parser may give a particle as an adverb right after the verb ("was put [forward]")
    linked = [
        child
        for child in verb.children
        if child.dep_ in ("prt", "prep") or (child.dep_ == "advmod" and child.i == verb.i + 1)
    ]
    found = [phrase for child in linked for phrase in _particle_phrases(child)]
    for particle in (c for c in linked if c.dep_ == "prt"):
        for after in (c for c in linked if c.i > particle.i and c.dep_ == "prep"):
            found += [
                (f"{particle.lower_} {words}", last) for words, last in _particle_phrases(after)
            ]
    return found


def _particle_phrases(particle: Token) -> list[tuple[str, Token]]:
    """The particle or preposition of a verb, alone and as the head of a phrasal
    preposition ("in favour of"), each with its last word (whose object is the content)."""
    found = [(particle.lower_, particle)]
    for noun in (c for c in particle.children if c.dep_ == "pobj"):
        for linker in (c for c in noun.children if c.dep_ == "prep"):
            found.append((f"{particle.lower_} {noun.lower_} {linker.lower_}", linker))
    return found


def find_cue_clauses(
    doc: Doc,
    lexicon: CueLexicon,
    quoted: Sequence[bool],
    speech: Sequence[bool] | None = None,
    *,
    keep_that: bool = False,
    learned: LearnedCues | None = None,
    classifier: CueClassifier | None = None,
    object_contents: bool = False,
    addressee_in_cue: bool = True,
    stance_acts: bool = False,
) -> list[CueClause]:
    """Cue clauses in text order.

    ``quoted`` marks tokens inside any quoted passage: cues there are the quoted speaker's, and
    words there are never a subject. ``speech`` marks those inside quoted speech (not quoted
    names), which a cue may take as its content; it defaults to ``quoted``. ``keep_that``
    keeps a content's leading complementizer. ``classifier`` adds the verbs it calls cues
    (with a clause or a quote for content); ``object_contents`` also takes a cue's object as its
    content ("criticized the plan", "called him a genius"), with the relations ``learned``
    found inside contents. ``addressee_in_cue`` shows the addressee with the cue ("told AP").
    ``stance_acts`` adds acts that state a position without a speech verb ("rejected the
    idea", "has not ruled out sending troops"; ``CueFinder._act_clause``), of kind ``act``.
    """
    speech = quoted if speech is None else speech
    finder = CueFinder(
        doc,
        lexicon,
        quoted,
        speech,
        keep_that,
        learned,
        classifier,
        object_contents,
        addressee_in_cue,
        stance_acts,
    )
    return finder.find()
