"""Where does a statement stand on a proposal it matched? Composition over the parse.

Start at the proposal's words in the statement (the action, else the theme) and walk up
the dependency tree to the sentence root. Every word on the way may change the reading:

- a stance word from ``data/stance/lexicon.toml`` (supports / open / opposes),
- an evaluation it takes as complement ("would be a *mistake*", "is an *option*", "was
  "not on the *agenda*"", the negation then possibly on the preposition),
- a modal auxiliary (could → open; must, will → commitment),
- negation from the parse: ``neg`` dependents, "never", "no" determiners ("no plans"),
  negative subjects ("nobody is talking about") and objects ("we rule nothing out"); one
  "no" shared by coordinated or appositive nouns counts once ("no troops, no soldiers"),
- a condition ("only if", "unless", "not without a UN mandate") → open.

The reading is a polarity (for / against) and a mode (firm / hedged):
(+, firm) supports, (+, hedged) open, (−, firm) opposes, (−, hedged) open.
Negating a supports or open word gives a firm "against" ("no plans", "not considering");
negating an opposes word gives a hedged "for" ("has not ruled out", "does not exclude").
When the proposal sits inside an if-clause ("we will retaliate if troops are sent") the
main clause says what would follow, and only stance words count there (a threat: opposes).

Shapes of real reporting, each driven by a list in ``lexicon.toml``:

- *Demands*: an imperative ("send troops now", "stop hesitating and deliver them") is the
  speaker's call: supports ("do not send": opposes).
- *Holding back and criticism of it*: "hesitating to send" is open; a criticism word over
  a reading against it ("blasted Berlin for not sending", "stop hesitating about
  sending") gives supports.
- *Abstaining*: "abstain", "neutral" are open; "stand in the way" opposes, so "will not
  stand in the way" is open (verb phrases matched on the verb's prepositional phrase).
- *Permission*: what the holder lets others do ("we respect allies who decide to send",
  "we allow allies to send") stops the walk; the stance is those others'.
- *Reactions to remarks*: when the proposal is in someone's remark that is the subject of
  a reacting word ("his comments on sending troops drew criticism"), or the reacting word
  is passive with the proposal in what it reacts to ("he was criticised for refusing
  to ..."), the remark's own reading stands for its author if it has one; otherwise the
  reaction is the reactors' (about others). Words above a statement whose cue is a remark
  ("comments") are a reaction to it and are not read.
- *Told by another*: a stance read under someone else's saying inside the speaker's own
  words ("Russia says that sending troops would be an escalation, but ...") is the teller's
  view, reported: about others.
- *Listed under*: a noun the proposal is listed under ("remarks about the war, including
  sending troops") names the set it belongs to; its own stance word ("war") is no
  judgement of the proposal.
- *Concession and restatement*: a concessive clause ("although we oppose it, ...") or a
  restating one ("..., namely that there will be no troops") that has a stance is not
  governed by the clause it hangs on: the walk stops there.
- *Own word over "it"*: a first-person stance word over a pronoun heading the statement's
  sentence right after the proposal's ("... the package was debated. We support it, but
  ...") is the speaker's own commitment, when the proposal's sentence gave no firm stance.
- *Reactions to a blocker*: a match through a reproach of the member that blocks the
  proposal (``ProposalMatcher``'s slot ``blocker``: "frustrated with Hungary") supports it.
- *Contrast*: when the proposal's own clause gives the speaker nothing (about others, or
  unclear), a contrasted clause of the speaker's whose verb stands for the proposal ("we
  will not *do it* ourselves, but ...", "although some allies may, we will not *take
  part*") or a stance word over a pronoun for anything in a following "But" sentence
  ("But nothing can be ruled out") is the speaker's own commitment.
- *Undecided*: a decision, agreement or consensus that is not made ("has not made a
  decision", "failed to reach an agreement") leaves it unclear; a discussion reported ("it
  was discussed that there will be no troops") keeps a firm reading; speaking about it
  ("declined to provide details about which nations are considering ...") or the proposal
  as the topic of a discussion noun ("the discussion of the package was significant") is
  unclear, as "whether" is.
- *After the fact*: accepting a result ("we accept the decision to ...", "will comply with
  the decision") is open, as respecting it is; negated it refuses the decision made. An
  evaluation of an act done "by" doing the proposal ("Europe has taken on its
  responsibilities by agreeing to ...") is the speaker's praise or reproach of it.
- *The only way, its time*: "no choice but to", "no alternative to" leave the proposal as
  what must be done; "it is time to", "now is not the time for" say whether it should be
  done now.
- *Stance acts*: a statement of kind ``act`` ("Poland rejected the idea", "has not ruled
  out sending troops") carries its stance in the cue. The act verbs and their reading
  under negation are in ``data/stance/acts.toml``; each act in the cue (innermost first)
  is applied over what the content says, as a stance word is ("rejected calls to send":
  opposes; "declined to rule out": open), nothing above the act frames it, and the
  stance is the speaker's.

Whose stance it is: the subject of the outermost stance word inside the statement's
content. First person, pronouns, no subject, or a subject naming the speaker mean the
speaker; another noun phrase ("some countries") means others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from factbox.extract.actors import actor_index, lookup_actor
from factbox.extract.cues import load_cue_lexicon
from factbox.extract.reported import absolute_clause, verb_particle_phrases
from factbox.extract.votes import is_count_cue, vote_words
from factbox.records import Span, Statement
from factbox.rules.bodies import load_bodies
from factbox.rules.membership import members_as_of, membership_known
from factbox.stance.lexicon import (
    ActTable,
    StanceClass,
    StanceLexicon,
    load_acts,
    load_concepts,
    load_lexicon,
    normalise_phrase,
)
from factbox.stance.matching import ProposalMatcher, ProposalSlots, known_bodies
from factbox.stance.records import Cue, CueRole, ProposalMatch, Stance, StanceJudgement
from factbox.stance.tree import char_span, find_phrases, forms, in_span, is_hyphen

Mode = Literal["none", "firm", "hedged"]
VERB_POS = frozenset({"VERB", "AUX"})
COMPLEMENT_DEPS = frozenset(
    {"attr", "acomp", "oprd", "dobj", "prep", "advmod", "npadvmod", "dative", "agent"}
)
CLAUSE_CLIMB_DEPS = frozenset(
    {"xcomp", "acomp", "attr", "dobj", "pobj", "prep", "pcomp", "acl", "amod", "oprd", "aux"}
)
SUBJECT_DEPS = frozenset({"nsubj", "expl"})
INCLUDING_WORDS = frozenset({"including", "like"})
"""Prepositions that list a member under the noun they hang on ("the war, including ...")."""
COMPLEMENTS_OF_WORK = frozenset(
    {"prep", "dobj", "xcomp", "ccomp", "advcl", "dative", "attr", "acomp", "oprd"}
)
"""What a bare benefit ("the sanctions are working") must not have to be a verdict."""
NOUN_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
QUESTION_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
"""Question words ("what", "whom", "how"): a question about what follows, not yes or no."""
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"})
"""Clauses of their own: a date there dates another event than the one on the way up."""
REVERSED: dict[Stance, Stance] = {"supports": "opposes", "opposes": "supports"}
CONFIDENCE = {
    "lexicon": 0.85,
    "evaluation": 0.8,
    "negation": 0.8,
    "consequence": 0.75,
    "demand": 0.75,
    "act": 0.85,
    "modal": 0.7,
    "action": 0.55,
    "unclear": 0.25,
}
RECALLED = 0.2
CARVED_OUT: dict[Stance, Stance] = {"supports": "open", "opposes": "supports"}
"""A stance on a carve-out from the proposal, as a stance on the proposal."""
"""What a stance recalled from an earlier time ("who once praised it") loses in confidence."""


@dataclass(slots=True)
class _Reading:
    polarity: int = 1
    mode: Mode = "none"
    conditional: bool = False
    consequence: bool = False
    cues: list[Cue] = field(default_factory=list)
    decided_by: str = "unclear"
    holder_node: Token | None = None
    holder_deontic: bool = False
    operations: int = 0
    question: Token | None = None
    """A "whether" or a question mark that puts the proposal in question."""
    used: set[int] = field(default_factory=set)
    """Negating words already applied (a subject's "no" is seen from the theme and its verb)."""
    stopped: bool = False
    """Nothing above this point governs the proposal (a reaction, a permission, a concession)."""
    others: Token | None = None
    """Whose stance it is when a permission or a reaction hands it to others ("allies" in
    "we respect allies who send"; "Berlin" in "met with opposition from Berlin")."""
    reaction: bool = False
    """The stance is a reaction to someone's remarks, held by the reactors."""
    undecided: bool = False
    """Nothing is decided: a stance act whose negation says nothing ("did not call for"),
    or a decision that is not made ("has not made a decision on sending troops")."""
    path: list[Token] = field(default_factory=list)
    """The words walked through inside the statement, from the proposal up; the last is
    where a permission, reaction or concession stopped the walk, if one did."""
    inverse: bool = False
    """The proposal is what avoids the consequence ("we will cut off the money unless they
    pay for the wall"): a threat to make it happen, so the consequence reads reversed."""
    judgement: bool = False
    """The speaker's judgement decided it, whoever it is said of: a penalty ("the country
    will be at the back of the queue"), or an evaluation of what a copula's subject is
    ("the exit is a great thing", "those who oppose it are on the wrong side of
    history")."""
    condition_head: Token | None = None
    """In a consequence: the verb the proposal's condition hangs on ("we [will leave] unless
    they pay")."""
    risk: bool = False
    """The last word applied named the proposal as a risk ("the risk of accepting them"):
    a word over it is said of the proposal itself."""
    forecast: bool = False
    """The proposal's own failure is forecast ("the deal could collapse"), not negated: no
    side taken, unless a word above takes one ("I don't think it can fail")."""
    penalty: bool = False
    """The proposal is a penalty ("sanctions", "further measures"): promised on someone
    else's act, it is a threat, not a reservation."""
    carve_out: Token | None = None
    """A carve-out from the proposal the reading went through ("an [exemption] for e-fuel
    cars"): wanting it is the price of consent (open), refusing it backs the proposal."""
    limited: Token | None = None
    """A limit of time or occasion on a refusal ("not [at] this summit"): a refusal read
    through it is a condition (open)."""
    refused_at: Token | None = None
    """The last word a negation was read on: its verb may limit the refusal to a time."""
    name: frozenset[int] = frozenset()
    """The nouns that name the proposal with its theme ("resolution" over "[draft]
    resolution"): their own modifiers describe the proposal ("the resolution [against
    the settlements]"), they say nothing of the speaker's stance on it."""

    def note(self, token: Token, role: CueRole, decided_by: str) -> None:
        self.cues.append(Cue(token.text, char_span(token), role))
        strong = decided_by in {"lexicon", "evaluation", "act"}
        if self.decided_by in {"unclear", "action"} or strong:
            self.decided_by = decided_by
        self.operations += 1


def holder_actor_id(subject: Token) -> str | None:
    """The actor a holder names ("France", "Paris", "the Kremlin", "NATO"), by the
    extractor's actor index (countries, capitals and metonyms, organisations)."""
    words = list(subject.subtree)
    candidates = [subject.doc[words[0].i : words[-1].i + 1].text]
    candidates += [e.text for e in subject.doc.ents if e.root.i == subject.i]
    for text in candidates:
        actor = lookup_actor(text)
        if actor is not None:
            return actor.id
    return None


def _across_semicolon(word: Token, verb: Token) -> bool:
    """A semicolon stands between ``word`` and ``verb``: they are in two clauses, whatever
    the parser hung together ("No support for sanctions; the package will be rejected")."""
    low, high = sorted((word.i, verb.i))
    return any(t.text == ";" for t in word.doc[low:high])


def _token_at(doc: Doc, span: tuple[int, int]) -> Token | None:
    found = doc.char_span(span[0], span[1], alignment_mode="expand")
    return found.root if found is not None and len(found) else None


def _start(
    doc: Doc, match: ProposalMatch, slots: ProposalSlots | None = None
) -> tuple[Token | None, Token | None, bool]:
    """The theme, the action over it, and whether that action is the proposal's reverse
    ("remain" for a proposal to leave)."""
    theme_evidence = match.slot("theme") or match.slot("term")
    theme = _token_at(doc, theme_evidence.span) if theme_evidence else None
    action_evidence = match.slot("action")
    reverse = action_evidence is None and match.slot("opposite") is not None
    if reverse:
        action_evidence = match.slot("opposite")
    action = _token_at(doc, action_evidence.span) if action_evidence else None
    if action is not None and theme is not None and action not in theme.ancestors:
        action, reverse = None, False
    if action is None and theme is not None and slots is not None:
        action = _own_action_above(theme, slots) or _own_verb_above(theme, slots)
    return theme, action, reverse


OWN_ACTION_CHAIN = frozenset({"pobj", "prep", "compound", "nmod", "dobj", "amod", "acl"})
"""Edges a noun phrase climbs through from a theme to the proposal's own action named
further up ("a ban [on] the [sale] [of] new cars")."""


def _own_action_above(theme: Token, slots: ProposalSlots) -> Token | None:
    """The proposal's own action word over ``theme`` further than the matcher looks for
    one, through a noun phrase: "an EU [ban] on the sale of new cars" for a proposal to
    ban cars. Read as the action, it is what the proposal does, no stance word of its own
    ("never accept a ban": refusing the proposal, not refusing a refusal)."""
    node = theme
    for _ in range(6):
        if node.dep_ not in OWN_ACTION_CHAIN or node.head.i == node.i:
            return None
        node = node.head
        if slots.action.has_token(node):
            # an adjective is its holder's stance: "is [open] to accession talks"
            return node if node.pos_ != "ADJ" else None
        if node.pos_ in VERB_POS:
            return None
    return None


OWN_VERB_STEPS = 3
"""Most edges from a theme matched by meaning up to the proposal's own verb over it."""


def _own_verb_above(theme: Token, slots: ProposalSlots) -> Token | None:
    """The proposal's own action over ``theme`` when the match named none (a match by
    meaning, whose theme is any word of the proposal's): a verb a few edges up that is one
    of the action's words, with its particle for a phrasal one ("welcomed the plans to [send]
    migrants back to Turkey" for a deal to return them). Read as the action, it is what the
    proposal does, no stance word of its own ("send back" refuses a proposal to take people
    in, not one to return them)."""
    node = theme
    for _ in range(OWN_VERB_STEPS):
        if node.head.i == node.i or node.dep_ == "ccomp":
            # a verb whose that-clause holds the theme is one of saying or granting a point
            # ("had [admitted] that it could not join yet"), not the proposal's action
            return None
        node = node.head
        if node.pos_ != "VERB":
            continue
        return node if slots.action.has_verb(node) else None
    return None


def _content_head(span: SpacySpan) -> Token | None:
    """The first word of ``span`` that hangs outside it (or heads its sentence), not a
    punctuation mark: where a content's own words start ("the exit is "a great thing.""
    read from "is", not from the quotation mark the parser hung on the cue)."""
    return next(
        (
            t
            for t in span
            if not (t.is_punct or t.is_space) and (t.head.i == t.i or not in_span(t.head, span))
        ),
        None,
    )


class _Classifier:
    def __init__(
        self,
        lexicon: StanceLexicon,
        statement: Statement | None = None,
        slots: ProposalSlots | None = None,
    ) -> None:
        self.lex = lexicon
        self.statement = statement
        self.slots = slots
        self.proform_heads = frozenset(form[0] for form in lexicon.proforms)

    # --- what one word says -------------------------------------------------------

    def headline_verb(self, node: Token) -> str | None:
        """The lemma of a verb in a headline's capitals that the parser took for a name
        ("Clinton Wades In: [Urges] Britain to Remain"): a capitalised proper noun with an
        object or a clause of its own, whose form less an ending is a stance verb."""
        if node.pos_ != "PROPN" or not node.is_title:
            return None
        if not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in node.children):
            return None
        lower = node.lower_
        return next((f for f in (lower, lower[:-1], lower[:-2]) if f in self.lex.verbs), None)

    def does_to_another(self, node: Token, path: set[int]) -> bool:
        """``node`` is a verb whose subject is the proposal and whose object is something
        else ("the accord will [open] doors"): no participle of a stance word, and no stance
        on the proposal ("ban refugees", with the proposal as the object, still is one)."""
        return (
            node.pos_ in VERB_POS
            and any(c.dep_ in ("nsubj", "csubj") and c.i in path for c in node.children)
            and any(c.dep_ == "dobj" and c.i not in path for c in node.children)
        )

    def lexical_class(self, node: Token, path: set[int] | None = None) -> StanceClass | None:
        """The stance class of ``node`` as a word; ``path``: the words from the proposal up
        to it, when it is read on the walk."""
        lemma = node.lemma_.lower()
        withdrawn = _withdrawal(node)
        if withdrawn is not None:
            # "agreed to lift its [opposition] to X": a stance held against it, taken back,
            # no longer stands in its way (as the act "lifted its objection" is); the verb
            # that takes it back says nothing more
            return "open" if withdrawn is node else None
        if lemma in self.lex.agreement_words and node.head.lower_ == "in":
            return None  # "in line with", "in keeping with": agreement, read as such
        if self.copula_in_favour(node):
            return "supports"  # "I am all [for] the wall"
        if node.dep_ in {"acomp", "amod"} and node.lower_ in self.lex.words:
            return self.lex.words[node.lower_]  # "prepared to", "determined to": adjectives
        headline = self.headline_verb(node)
        lemma = headline or lemma
        if headline or node.pos_ in VERB_POS or node.tag_.startswith("VB"):
            for child in node.children:
                if child.dep_ == "prep" and self.lex.verb_phrases:
                    words = (lemma, *(t.lower_ for t in child.subtree))
                    for phrase, phrase_class in self.lex.verb_phrases.items():
                        if words[: len(phrase)] == phrase and not self.abstains_on(lemma, child):
                            return phrase_class  # "stand in the way", "abstain from"
            for child in node.children:
                # the parser gives a particle as such, or as an adverb or a preposition
                # ("turning [away] refugees", "pull [out] of the accord")
                particle = child.dep_ in ("prt", "advmod", "prep")
                if particle and (lemma, child.lower_) in self.lex.phrasal:
                    return self.lex.phrasal[(lemma, child.lower_)]
            if self.lets_through(node):
                return "open"  # "allowed the resolution to pass": lets it pass, as abstaining
            if self.votes_it_through(node, path):
                return "supports"  # "voted to adopt the motion": a vote for it
            needed = self.lex.requires.get(lemma)
            if needed is not None and not any(
                (c.dep_ in {"prt", "prep"} and c.lemma_.lower() in needed)
                or ("to" in needed and _infinitive_of(c))
                for c in node.children
            ):
                return None  # "calls the idea useless" is no call for it
            if lemma in self.lex.necessity_verbs and any(
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in node.children
            ):
                return "supports"  # "you don't [have] to postpone it", as "need to"
            if lemma in self.lex.verbs:
                return self.lex.verbs[lemma]
        if lemma in self.lex.efforts and node.pos_ in VERB_POS and self.purpose(node, path):
            return "supports"  # "would work with other members to take steps"
        if lemma in self.lex.holding_back:
            if any(
                c.dep_ == "prep" and c.lower_ in self.lex.holding_back_into for c in node.children
            ):
                return None  # "would drag the alliance into a war": read by where it leads
            if path is not None and any(
                c.dep_ == "xcomp"
                and c.i in path
                and c.lemma_.lower() in self.lex.holding_back_obtaining
                for c in node.children
            ):
                return None  # "failed to obtain a pledge that ...": the pledge was wanted
            return "open"  # "hesitating to send": not done, not refused
        if lemma in self.lex.criticism:
            return "opposes"
        if path is not None and self.does_to_another(node, path):
            return None  # the proposal does it to something else: "will [open] doors to"
        side = self.lex.side_people.get(lemma)
        if side is not None and node.pos_ == "NOUN" and self.side_taken(node):
            return side  # "sided with the [opponents] of the plan": their side, taken
        # a participle the parser took for a passive verb: "is [balanced]", "is [concerned]"
        return self.lex.words.get(lemma) or self.lex.words.get(node.lower_)

    def purpose(self, node: Token, path: set[int] | None) -> bool:
        """``node`` has a "to" clause ("work with them [to take] steps") or what it works
        [on], [towards] or [for], on the walked path when there is one."""
        return any(
            (path is None or c.i in path)
            and (
                (c.dep_ in ("advcl", "xcomp") and any(a.tag_ == "TO" for a in c.children))
                or (c.dep_ == "prep" and c.lower_ in self.lex.effort_preps)
            )
            for c in node.children
        )

    def abstains_on(self, lemma: str, prep: Token) -> bool:
        """Abstaining "from" a text or a vote ("abstain from the resolution", "from voting
        on it") is abstaining in the vote, open; only abstaining from doing something else
        ("abstain from sending troops") is not doing it."""
        if not lemma.startswith(self.lex.abstaining):
            return False
        what = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        return what is None or what.pos_ != "VERB" or what.lemma_.lower() in self.lex.votes

    def lets_through(self, node: Token) -> bool:
        """``node`` is a permission word over a verb of passing: the thing let through is a
        text on its way ("allowed the resolution to [pass]", "let the deal go [through]")."""
        if node.lemma_.lower() not in self.lex.permission:
            return False
        verbs = [c for c in node.children if c.dep_ in ("xcomp", "ccomp")]
        for thing in (c for c in node.children if c.dep_ == "dobj"):
            # the parser may hang "to pass" on the object's last noun ("the resolution
            # against the settlements [to pass]")
            verbs += [
                v
                for v in thing.subtree
                if v.pos_ == "VERB" and any(a.tag_ == "TO" for a in v.children)
            ]
        return any(
            verb.lemma_.lower() in self.lex.passing
            or any(
                g.dep_ in ("prt", "advmod", "prep") and g.lower_ in self.lex.passing
                for g in verb.children
            )
            for verb in verbs
        )

    def side_taken(self, people: Token) -> bool:
        """``people`` (the opponents or supporters of something) are the side a speaker
        takes: the object of a joining verb, or of its preposition ("[joined] the critics",
        "[sided] [with] the opponents", "[rallied] [behind] its supporters"), or what a
        copula says its subject is, one of them ("I [am] a strong supporter of it", "she
        [is] one of its fiercest critics")."""
        verb = people.head
        if people.dep_ == "attr":
            return verb.lemma_.lower() in self.lex.side_copulas
        one = verb.head if people.dep_ == "pobj" and verb.lower_ == "of" else None
        if one is not None and one.lower_ == "one" and one.dep_ == "attr":
            return one.head.lemma_.lower() in self.lex.side_copulas
        if people.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif people.dep_ != "dobj":
            return False
        return verb.pos_ in VERB_POS and verb.lemma_.lower() in self.lex.side_joining

    def votes_it_through(self, node: Token, path: set[int] | None) -> bool:
        """``node`` is a vote whose "to" clause is a verb of passing ("[voted] to adopt the
        motion", "voting to pass it"): the voters' vote for the text, as "voted for it" is.
        On the walk the passing verb must be on the path from the proposal."""
        if node.lemma_.lower() not in self.lex.votes:
            return False
        return any(
            c.dep_ == "xcomp"
            and c.lemma_.lower() in self.lex.passing
            and (path is None or c.i in path)
            for c in node.children
        )

    def is_negated(self, node: Token, used: set[int] | None = None) -> Token | None:
        """The word that negates ``node``, if any (skipping those in ``used``)."""
        found = self._negator(node)
        if found is not None and used is not None:
            if found.i in used:
                return None
            used.add(found.i)
        return found

    def _negator(self, node: Token) -> Token | None:
        for child in node.children:
            lemma = child.lemma_.lower()
            if child.dep_ == "neg":
                return child
            if child.dep_ == "advmod" and lemma in self.lex.negative_adverbs:
                return child
            if child.dep_ == "advmod" and child.lower_ in self.lex.ceasing:
                # "would [no] longer block": the negative adverb hangs on the adverb of time
                ceased = next(
                    (g for g in child.children if g.lemma_.lower() in self.lex.negative_adverbs),
                    None,
                )
                if ceased is not None:
                    return ceased
            if (
                child.dep_ == "det"
                and lemma in self.lex.negative_determiners
                and not self.names_own_compound(child)
            ):
                return child
            if child.dep_ == "dobj" and lemma in self.lex.negative_pronouns:
                return child  # "we rule nothing out", "we exclude nothing"
            if child.dep_ in {"nsubj", "nsubjpass"}:
                if _across_semicolon(child, node):
                    continue  # "No support for sanctions; the package will be rejected"
                if lemma in self.lex.negative_pronouns:
                    return child
                for det in child.children:
                    if (
                        det.dep_ == "det"
                        and det.lemma_.lower() in self.lex.negative_determiners
                        and not self.names_own_compound(det)
                    ):
                        return det
        return None

    def names_own_compound(self, det: Token) -> bool:
        """A negative determiner that begins a compound the proposal itself writes: "a [no]
        fly zone" (the hyphen left out) for a proposal of a "no-fly zone", "a no deal exit"
        for a "no-deal" one. The word is part of the thing's name, no negation of it; "no
        troops" for a proposal to send troops is one (the proposal never writes "no")."""
        if self.slots is None or det.lower_ not in self.slots.own_words:
            return False
        doc = det.doc
        after = det.i + 1
        while after < len(doc) and is_hyphen(doc[after]):
            after += 1
        if after >= len(doc) or after == det.head.i:
            return False
        return bool(forms(doc[after]) & self.slots.own_words)

    def modal(self, node: Token) -> Token | None:
        for child in node.children:
            if child.dep_ == "aux" and child.tag_ == "MD" and child.lower_ in self.lex.modals:
                return child
        if node.dep_ == "conj" and node.pos_ == "VERB" and node.head.pos_ == "VERB":
            # "Britain must take back control and [leave]": a verb coordinated with no
            # subject or auxiliary of its own shares its first verb's modal
            if not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in node.children):
                return self.modal(node.head)
        return None

    def _deadline(self, prep: Token, node: Token) -> bool:
        """``prep`` ("until") takes a date, on a word that is not negated: the day by which
        it is done, a timetable (guideline 2: supports), not a condition ("a phase-out until
        31 December 2024"). Negated it is a time limit, a condition ("will not lift them
        until 2025")."""
        dated = any(o.dep_ == "pobj" and o.ent_type_ == "DATE" for o in prep.children)
        return dated and self._negator(node) is None

    def condition(self, node: Token, path: set[int]) -> Token | None:
        """The word that makes what ``node`` says hang on something: a condition clause's
        mark ("unless", "provided that"), a condition noun after a preposition ("on terms
        that"), a condition adjective ("is subject to"), "otherwise", or "only" with a
        restricting preposition ("only with a UN mandate")."""
        if self.conditional_word(node):
            return node  # "our yes [is subject] to a proposal on ...": on the path
        restricted = False
        restrictive: Token | None = None
        for child in node.children:
            if child.i in path:
                continue
            if child.dep_ == "advcl":
                for mark in child.children:
                    if mark.dep_ == "mark" and mark.lower_ in self.lex.condition_marks:
                        return mark
            if child.dep_ == "prep" and child.lower_ in self.lex.condition_marks:
                if self._deadline(child, node):
                    continue  # "a phase-out until 31 December 2024": a timetable
                return child  # "provided that ...", parsed as a preposition
            if child.dep_ == "prep" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in self.lex.condition_nouns
                for o in child.children
            ):
                return child  # "on terms that ...", "under the condition of ..."
            if child.dep_ in ("acomp", "amod") and self.conditional_word(child):
                return child  # "our yes to it [is subject] to ..."
            if child.dep_ == "advmod" and child.lower_ in self.lex.condition_adverbs:
                return child  # "otherwise it will not vote for it"
            if child.dep_ == "advmod" and child.lower_ in self.lex.restrictive:
                restrictive = child
            if child.dep_ == "prep" and child.lower_ in self.lex.restricted_preps:
                restricted = True
                restrictive = restrictive or next(
                    (c for c in child.children if c.lower_ in self.lex.restrictive), None
                )
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in node.children)
        if restrictive is not None and modal:
            if self.lexical_class(node) == "supports":
                return restrictive  # "would only support it", "will only agree to it"
        return restrictive if restricted else None

    def conditional_word(self, word: Token) -> bool:
        """``word`` makes something hang on what its preposition names ("subject to",
        "conditional on")."""
        return word.lemma_.lower() in self.lex.condition_words and any(
            c.dep_ == "prep" for c in word.children
        )

    def question(self, node: Token) -> Token | None:
        for child in node.children:
            if child.dep_ == "mark" and child.lower_ in self.lex.question_marks:
                return child
        last = node.sent[-1]
        return last if node.dep_ == "ROOT" and last.text == "?" else None

    def failed(self, node: Token) -> bool:
        """``node`` is what a holding-back word says was not done ("[failed] to reach an
        agreement"): with a decision word under it, nothing was decided, as with "not"."""
        head = node.head
        holding_back = head.lemma_.lower() in self.lex.holding_back
        return node.dep_ == "xcomp" and head.i != node.i and holding_back

    def talked_about(self, child: Token, node: Token) -> bool:
        """The proposal is the topic of a discussion noun ("the [discussion] of the package",
        "[discussions] on it are ongoing"): talk about it, which says nothing of where the
        speaker stands (a verb, "we are discussing it", still says it is considered)."""
        return (
            node.pos_ == "NOUN"
            and node.lemma_.lower() in self.lex.discussion
            and child.dep_ == "prep"
            and not any(c.dep_ == "poss" for c in node.children)
        )

    def time_frame(self, node: Token) -> str | None:
        """The time word of a prepositional phrase the walk comes up through: "before"
        itself, or the adverb that carries "of"/"to" ("ahead of", "prior to")."""
        if node.dep_ not in ("prep", "mark"):
            return None
        word = node.lower_
        if word in self.lex.time_carriers and node.head.lower_ in self.lex.before_words:
            return node.head.lower_
        if word in self.lex.before_words | self.lex.after_words:
            return word
        return None

    def not_yet(self, node: Token) -> Token | None:
        """ "yet" right before the "to" of the verb ``node`` ("yet to ratify it")."""
        yet = yet_before_to(node, self.lex.not_yet) if node.pos_ in VERB_POS else None
        return yet if yet is not None and node.doc[node.i - 1].dep_ == "aux" else None

    def time_limit(self, node: Token, path: set[int]) -> Token | None:
        """The word that limits a refusal said by ``node`` to a time or an occasion (the
        guidelines' rule 2): an adverb of time ("will not invite them [now]", "not [yet]"), a
        time or meeting noun or a date after a preposition or as a bare adverb ("not [at]
        this summit", "not [this] year"), a place that is no word of the proposal ("not [in]
        Vilnius": the meeting held there), or a clause of time ("not [while] the war goes
        on"). A refusal said in the past ("did not sign it in 2019") tells history: only
        "yet" limits it."""
        past = node.tag_ in ("VBD", "VBN") and not any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in node.children
        )
        past = past or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in node.children)
        if any(c.dep_ == "attr" and c.lemma_.lower() in self.lex.timely for c in node.children):
            return None  # "now is not the time to admit them": the time itself refused
        for child in node.children:
            if child.i in path:
                # the limit may hang on the proposal's own words below the negated verb
                # ("would not issue an invitation [in] Vilnius")
                below = self.time_limit(child, path) if child.dep_ != "nsubj" else None
                if below is not None:
                    return below
                continue
            if child.dep_ in ("attr", "acomp"):
                # or on the negated copula's predicate ("is not a question [for] now")
                found = self.place_limit(child)
                if found is not None:
                    return found
            if node.i in path and node.pos_ != "VERB" and child.dep_ == "prep":
                # or on the object of the proposal's own preposition ("an invitation to Kyiv
                # [in] Vilnius", the parser hanging the place on the nearest noun)
                inner = [o for o in child.children if o.dep_ == "pobj"]
                found = next((f for o in inner if (f := self.place_limit(o)) is not None), None)
                if found is not None:
                    return found
            lower = child.lower_
            if child.dep_ == "advmod" and lower in self.lex.limit_adverbs:
                if not past or lower in self.lex.not_yet:
                    return child
            if past:
                continue
            if child.dep_ == "npadvmod" and self.limit_noun(child):
                return child  # "will not join this year"
            if child.dep_ == "prep":
                objects = [o for o in child.children if o.dep_ in ("pobj", "pcomp")]
                if lower in self.lex.limit_preps and any(self.limit_noun(o) for o in objects):
                    return child
                if lower in self.lex.limit_places and any(self.occasion_place(o) for o in objects):
                    return child
            if child.dep_ == "advcl":
                for mark in child.children:
                    if mark.dep_ == "mark" and mark.lower_ in self.lex.limit_marks:
                        if mark.i > node.i:  # "while this is a step, it is not enough": conceded
                            return mark
        return None

    def place_limit(self, noun: Token) -> Token | None:
        """A preposition on ``noun`` whose object is a time, a meeting or the place of one."""
        for prep in noun.children:
            if prep.dep_ != "prep":
                continue
            objects = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
            if prep.lower_ in self.lex.limit_preps and any(self.limit_noun(o) for o in objects):
                return prep
            if prep.lower_ in self.lex.limit_places and any(
                self.occasion_place(o) for o in objects
            ):
                return prep
        return None

    def limit_noun(self, noun: Token) -> bool:
        """A noun of time or of a meeting ("summit", "stage", "year"), or a date."""
        lemma = noun.lemma_.lower()
        if noun.pos_ == "ADV":
            return lemma in self.lex.limit_adverbs  # "for now"
        return lemma in self.lex.limit_nouns or noun.ent_type_ == "DATE"

    def occasion_place(self, noun: Token) -> bool:
        """A named place that is no word of the proposal (the city of a meeting, not the
        country the proposal is about)."""
        if noun.ent_type_ != "GPE" or self.slots is None:
            return False
        slots = self.slots
        words = (
            slots.action.words
            | slots.theme.words
            | slots.qualifier.words
            | slots.agent.words
            | slots.target.words
        )
        return noun.lower_ not in words and noun.lemma_.lower() not in words

    def rejected_alternative(self, node: Token) -> Token | None:
        """The adverb right before ``node`` that makes what is under it the alternative left
        aside: "of" after "instead", "than" after "rather" (wherever the parser hangs it)."""
        if node.dep_ not in ("prep", "cc") or node.lower_ not in self.lex.alternative_preps:
            return None
        if node.i == 0 or node.doc[node.i - 1].lower_ not in self.lex.alternative_adverbs:
            return None
        return node.doc[node.i - 1]

    def not_without(self, node: Token) -> Token | None:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in self.lex.condition_preps:
                return child
        return None

    def own_position(self, node: Token, path: set[int]) -> tuple[StanceClass, Token, bool] | None:
        """``node``, or a predicate coordinated with it on the same subject, says that what
        it is said of agrees with a position of the speaker's own: "[matches] France's
        position" (said by France), "[conforms] to our policy", "is [in line] with our
        long-held policy". Support; negated ("does not match our position"), against."""
        predicates = [node] + [
            c
            for c in node.children
            if c.dep_ == "conj"
            and c.i not in path
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ]
        for predicate in predicates:
            for word in predicate.subtree:
                on_path = word.i in path and word.i != predicate.i
                if on_path or word.lemma_.lower() not in self.lex.agreement_words:
                    continue
                if predicate.i not in (word.i, word.head.i, word.head.head.i):
                    continue  # "is in [line] with", one preposition down at most
                for position in word.subtree:
                    if position.lemma_.lower() in self.lex.own_positions and self.owned(position):
                        # the negation of ``node`` itself is read where ``node`` is visited
                        negated = predicate is not node and self._negator(predicate) is not None
                        return "supports", word, negated
        return None

    def own_act_agrees(self, span: SpacySpan) -> Token | None:
        """An agreement word in ``span`` whose subject is the speaker's own act or position
        ("the position [we] adopted today", "our vote") and whose other side is a position of
        the speaker's own: "the position we adopted today is [in line] with our long-held
        policy". The word, if any, not negated."""
        for word in span:
            if word.lemma_.lower() not in self.lex.agreement_words:
                continue
            predicate = word if word.pos_ in VERB_POS else word.head
            if predicate.lemma_.lower() == "with" or predicate.pos_ == "ADP":
                predicate = predicate.head
            subject = next((c for c in predicate.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.lemma_.lower() not in self.lex.own_acts:
                continue
            adopted = any(
                c.dep_ == "relcl"
                and any(g.dep_ == "nsubj" and g.lower_ in self.lex.first_person for g in c.children)
                for c in subject.children
            )
            if not (adopted or self.owned(subject)) or self._negator(predicate) is not None:
                continue
            if any(
                t.lemma_.lower() in self.lex.own_positions and t.i != subject.i and self.owned(t)
                for t in word.subtree
            ):
                return word
        return None

    def owned(self, position: Token) -> bool:
        """``position`` is the speaker's own: "our policy", "France's position" said by France."""
        owner = next((c for c in position.children if c.dep_ == "poss"), None)
        if owner is None:
            return False
        if owner.lower_ in self.lex.first_person:
            return True
        return owner.pos_ == "PROPN" and self.is_speaker(owner, self.statement, set())

    @staticmethod
    def includes_it(node: Token, path: set[int]) -> bool:
        """``node`` is a noun that the proposal is listed under ("the war against Ukraine,
        [including] the possibility of sending troops"): it names the set the proposal
        belongs to, not a judgement of it."""
        return node.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "prep" and c.lower_ in INCLUDING_WORDS and c.i in path for c in node.children
        )

    def evaluation(self, node: Token, path: set[int]) -> tuple[StanceClass, Token, bool] | None:
        """A stance-bearing complement of a non-stance word ("be a mistake", "lead to war")."""
        withdrawn = _withdrawal(node)
        if withdrawn is not None and withdrawn.i not in path:
            return "open", withdrawn, False  # "lift its [opposition] to it": taken back
        found = self.own_position(node, path)
        if found is not None:
            return found
        if node.lemma_ == "be":
            # a copula equates its subject with the proposal: "the plan is to send ..."
            found = self.subject_evaluation(node, path)
            if found is not None:
                return found
        said = self.said_of_it(node, path)
        if said is not None:
            return said
        answer = self.the_only_answer(node, path)
        if answer is not None:
            return "supports", answer, False
        for child in node.children:
            if child.i not in path and child.dep_ == "ccomp" and child.pos_ in ("ADJ", "NOUN"):
                # a small clause: "would make [a direct conflict] inevitable"
                for subject in (c for c in child.children if c.dep_ == "nsubj"):
                    subject_class = self.lex.words.get(subject.lemma_.lower())
                    if subject_class is not None:
                        return subject_class, subject, self.is_negated(subject) is not None
                # or what it makes of it: "has made the world [safer]"
                own_class = self.lex.words.get(child.lemma_.lower())
                if own_class is not None and child.pos_ == "ADJ":
                    return own_class, child, self.is_negated(child) is not None
            if child.i in path or child.dep_ not in COMPLEMENT_DEPS or self.says_why(child):
                continue
            if child.dep_ == "prep" and child.lower_ in self.lex.concessive_marks:
                continue  # "was forced through [despite opposition]": others' stance, conceded
            if child.dep_ == "prep" and child.lower_ in self.lex.circumstances:
                continue  # "to join [amid fears] of a war": the circumstance, no judgement of it
            subtree = list(child.subtree)
            for first, _last in find_phrases(subtree, self.lex.phrases):
                phrase = tuple(
                    t.lower_ for t in subtree if first.i <= t.i <= _last.i and not t.is_punct
                )
                for key, cls in self.lex.phrases.items():
                    if key == phrase or key == tuple(w for w in phrase if w != "-"):
                        return cls, first, False
            candidates = [child]
            if child.dep_ == "acomp" and child.pos_ == "ADJ":
                # "is unprecedented and [absurd] when ...": the judging word may be the
                # second of two adjectives, the first one neutral
                candidates += [c for c in child.conjuncts if c.pos_ == "ADJ"]
            if child.dep_ in {"prep", "dative", "agent"}:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                # "on the [wrong] side of history": the adjective of what it is on
                candidates += objects + [a for o in objects for a in o.children if a.dep_ == "amod"]
            if child.dep_ in {"attr", "dobj", "oprd"}:
                # "the right thing to do": the head noun says little, its adjective says it
                adjectives = [c for c in child.children if c.dep_ == "amod"]
                verdicts = [a for a in adjectives if a.lower_ in self.lex.verdicts]
                if verdicts and child.dep_ in {"attr", "oprd"}:
                    # "sanctions are the [appropriate] response": the verdict decides over
                    # a noun that alone warns ("response") or hedges ("idea")
                    candidates = verdicts + [child]
                elif self.lex.words.get(child.lemma_.lower()) in (None, "open"):
                    # "a [terrible] idea", "the [best] option", "an [excellent] deal": a
                    # firm adjective decides over a noun that only hedges or says nothing
                    # (over a noun that warns, "a [great] danger", the noun decides)
                    firm = [a for a in adjectives if self._firm_word(a)]
                    candidates = firm + candidates
                candidates += adjectives
            if child.dep_ in ("dobj", "attr"):
                # "sent a letter [of encouragement] regarding it": what the thing sent is of;
                # "would be the height [of irresponsibility]", "an act [of war]"
                candidates += [
                    word
                    for prep in child.children
                    if prep.dep_ == "prep" and prep.lower_ == "of"
                    for obj in prep.children
                    if obj.dep_ == "pobj"
                    for word in (obj, *obj.conjuncts)
                ]
                if child.lower_ == "one":
                    # "one of the [worst] deals ever": the adjective of what it is one of
                    candidates += [
                        a
                        for prep in child.children
                        if prep.dep_ == "prep" and prep.lower_ == "of"
                        for obj in prep.children
                        if obj.dep_ == "pobj"
                        for a in obj.children
                        if a.dep_ == "amod"
                    ]
            for word in candidates:
                word_class = self.lex.words.get(word.lemma_.lower())
                if word_class is None and word.dep_ in ("acomp", "amod"):
                    word_class = self.lex.words.get(word.lower_)  # "[better] off staying"
                if word_class is not None:
                    # "was [not on] the agenda" in a quote: the negation can sit on the
                    # preposition the evaluation hangs from
                    negator = self.is_negated(word) or (
                        self.is_negated(child) if word is not child else None
                    )
                    return word_class, word, negator is not None
        return None

    def the_only_answer(self, node: Token, path: set[int]) -> Token | None:
        """A copula whose subject is the proposal and whose noun, one of `only_answers`, is
        said to be the only one ("membership is the only security [guarantee]", "sanctions
        are the only [answer]"): that noun. Not when negated: "is not the only way" says
        there are others, not whether to take this one."""
        if node.lemma_ != "be" or not self.subject_on_path(node, path):
            return None
        if self.is_negated(node) is not None:
            return None
        for attr in (c for c in node.children if c.dep_ == "attr" and c.i not in path):
            if attr.lemma_.lower() in self.lex.only_answers and any(
                c.lower_ == "only" and c.dep_ in ("amod", "advmod") for c in attr.children
            ):
                return attr
        return None

    def inside_what_it_leaves(self, theme: Token) -> bool:
        """The proposal is to leave something (its undoing actions include staying:
        `[staying] verbs` among the proposal's ``opposite`` words), and the statement has its
        theme after a preposition of being inside (`[staying] preps`: "better off [in] the
        EU", "a strong Britain [within] the union"): being in it is staying, the reverse."""
        if self.slots is None or not (self.slots.opposite.words & self.lex.staying_verbs):
            return False
        prep = theme.head
        return (
            theme.dep_ == "pobj"
            and prep.dep_ == "prep"
            and prep.lower_ in self.lex.staying_preps
            and not self.slots.action.has_token(prep.head)
            and not self.slots.opposite.has_token(prep.head)
        )

    def called_by_name(self, reading: _Reading, theme: Token) -> None:
        """The proposal's own noun is what a copula says its subject is, with an evaluation
        as its adjective: "it is a [terrible] deal", "this is a [historic] accord". The
        adjective is what the clause says: the speaker's judgement of it (the copula's own
        negation is read on the way up: "it is not a bad deal")."""
        copula = theme.head
        if theme.dep_ != "attr" or copula.lemma_ != "be" or copula.i == theme.i:
            return
        for adjective in theme.children:
            if adjective.dep_ != "amod" or not self._firm_word(adjective):
                continue
            cls = self.lex.words.get(adjective.lemma_.lower()) or self.lex.words[adjective.lower_]
            self.apply_class(reading, cls, False, adjective, evaluative=True)
            reading.note(adjective, "evaluation", "evaluation")
            reading.judgement = True
            reading.holder_node, reading.holder_deontic = copula, False
            return

    def _firm_word(self, word: Token) -> bool:
        """``word`` is a supports or opposes word, by its lemma or its form ("best")."""
        cls = self.lex.words.get(word.lemma_.lower()) or self.lex.words.get(word.lower_)
        return cls in ("supports", "opposes")

    def said_of_it(self, node: Token, path: set[int]) -> tuple[StanceClass, Token, bool] | None:
        """A copula equating the proposal with "something" a clause of the speaker's says
        ("sending troops is not [something] we can rule out", "is something we [consider]"):
        the clause's stance word, its own negation with it; the copula's is applied after."""
        if node.lemma_ != "be" or not any(
            c.dep_ in ("nsubj", "csubj") and c.i in path for c in node.children
        ):
            return None
        for attr in (c for c in node.children if c.dep_ == "attr"):
            if attr.lemma_.lower() not in self.lex.anything_words:
                continue
            for clause in (c for c in attr.children if c.dep_ == "relcl"):
                cls = self.lexical_class(clause)
                if cls is not None:
                    return cls, clause, self._negator(clause) is not None
        return None

    def only_way(self, node: Token, path: set[int]) -> tuple[Token, Token] | None:
        """The proposal is left as the only way at ``node``: the noun of `only_ways` negated
        by "no" and its negator, when the proposal joins that noun through one of
        `only_way_joints` ("no alternative [to] sanctions", the noun on the path) or joins
        the noun's verb beside a "but" ("have no choice [but] to admit them", "has no option
        but to impose them", the noun off the path)."""
        joints = self.lex.only_way_joints

        def negated_way(noun: Token) -> Token | None:
            if noun.lemma_.lower() not in self.lex.only_ways:
                return None
            return next((c for c in noun.children if c.dep_ == "det" and c.lower_ == "no"), None)

        negator = negated_way(node)
        if negator is not None:
            joined = any(
                c.dep_ == "prep" and c.lower_ in joints and c.i in path for c in node.children
            )
            return (node, negator) if joined else None
        clause = next(
            (c for c in node.children if c.i in path and c.dep_ in ("advcl", "conj", "xcomp")),
            None,
        )
        if clause is None:
            return None
        for noun in node.children:
            negator = negated_way(noun) if noun.dep_ in ("dobj", "attr") else None
            if negator is None or noun.i in path:
                continue
            buts = [c for c in (*noun.children, *node.children) if c.lower_ in joints]
            if any(b.dep_ in ("prep", "cc") and b.i < clause.i for b in buts):
                return noun, negator
        return None

    def its_time(self, node: Token, path: set[int]) -> bool:
        """``node`` is a noun of `timely` said by a copula ("it is [time]", "now is the
        [time]") and the proposal is in its clause ("to admit them", "that they admitted
        them", "for Britain to leave") or after its "for" ("the time for sanctions"); or
        ``node`` is "come" with such a noun as its subject ("the time has [come] to")."""
        clauses = ("acl", "relcl", "ccomp", "advcl", "xcomp")
        if node.lemma_ == "come":
            timely = any(
                c.dep_ == "nsubj" and c.lemma_.lower() in self.lex.timely for c in node.children
            )
            return timely and any(c.i in path and c.dep_ in clauses for c in node.children)
        if node.lemma_.lower() not in self.lex.timely or node.head.lemma_ != "be":
            return False
        if node.dep_ not in ("attr", "nsubj", "npadvmod"):
            return False
        return any(
            c.i in path and (c.dep_ in clauses or (c.dep_ == "prep" and c.lower_ == "for"))
            for c in node.children
        )

    def judged_by_means(self, node: Token, path: set[int]) -> bool:
        """The proposal is the means ("by" + a verb: `means_preps`) of what ``node`` does,
        and ``node``'s complement judges it ("has taken on its responsibilities [by
        agreeing to] it", "made a mistake by backing it")."""
        return any(
            c.dep_ == "prep"
            and c.lower_ in self.lex.means_preps
            and c.i in path
            and any(g.dep_ == "pcomp" and g.i in path for g in c.children)
            for c in node.children
        )

    def says_why(self, child: Token) -> bool:
        """``child`` is "in" with a reply or an agreement as its object ("take steps [in
        response]", "in retaliation for the test", "[in line] with this commitment, we will
        work on measures"): why it is done, not what it is worth."""
        why = self.lex.replies | self.lex.agreement_words
        return (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(c.dep_ == "pobj" and c.lemma_.lower() in why for c in child.children)
        )

    def names_the_act_again(
        self, reading: _Reading, node: Token, found: tuple[StanceClass, Token, bool]
    ) -> bool:
        """``node`` is a means ("use", "cast") whose object is an opposing stance word
        ("veto") and the reading below it already opposes, firmly: the purpose clause
        ("to block") and the means name one act, which must not cancel itself out."""
        cls, word, negated = found
        return (
            node.lemma_.lower() in self.lex.means_verbs
            and word.head.i == node.i
            and word.dep_ in ("dobj", "obj")
            and cls == "opposes"
            and not negated
            and reading.polarity < 0
            and reading.mode == "firm"
        )

    def subject_evaluation(
        self, node: Token, path: set[int]
    ) -> tuple[StanceClass, Token, bool] | None:
        """A stance word as ``node``'s subject, off the path from the proposal."""
        for child in node.children:
            if child.i not in path and child.dep_ in ("nsubj", "nsubjpass"):
                word_class = self.lex.words.get(child.lemma_.lower())
                if word_class is not None:
                    return word_class, child, self.is_negated(child) is not None
        return None

    # --- composing ------------------------------------------------------------------

    def apply_class(
        self,
        reading: _Reading,
        cls: StanceClass,
        negated: bool,
        node: Token,
        evaluative: bool = False,
    ) -> None:
        """Compose ``node``'s class over the reading. ``evaluative``: ``node`` evaluates
        what lies below ("would be a disaster"), so against what is against the proposal
        ("tearing up the accord would be a disaster") is firmly for it, where an act over
        an act ("refused to rule out") only leaves it open."""
        lemma = node.lemma_.lower()
        warning = lemma in self.lex.warning_verbs
        if negated and lemma in self.lex.undecided:
            reading.undecided = True  # "no decision on it yet": not a decision against it
            return
        keeps = warning and reading.mode != "none" and not negated
        if reading.risk and not keeps:
            # "cannot afford [the risk of] accepting them": said of the proposal itself
            reading.polarity = -reading.polarity
        reading.risk = cls == "opposes" and not negated and lemma in self.lex.risks
        if cls == "open" and lemma in self.lex.discussion and reading.mode == "firm":
            if not negated:
                return  # "it was discussed that there will be no troops": what was said
        if negated and lemma in self.lex.discussion and _past_not(node):
            reading.undecided = True  # "we did not discuss that": nothing said of it
            return
        if lemma in self.lex.holding_back:
            # "hesitating to send" leaves it open; "did not hesitate to send" did it
            reading.polarity = reading.polarity if negated else -reading.polarity
            reading.mode = "firm" if negated else "hedged"
        elif lemma in self.lex.criticism and reading.polarity < 0 and not negated:
            # criticising those who hold back: "blasted Berlin for not sending", "stop
            # hesitating": the critic wants it done
            reading.polarity, reading.mode = 1, "firm"
        elif cls == "supports":
            if negated:
                reading.polarity, reading.mode = -reading.polarity, "firm"
            elif reading.mode == "none":
                reading.mode = "firm"
        elif cls == "open":
            if negated:
                reading.polarity = -reading.polarity
                reading.mode = "firm" if reading.polarity < 0 else "hedged"
            elif lemma in self.lex.readiness and reading.polarity < 0 and reading.mode == "firm":
                pass  # "prepared to block it": the act against it announced
            else:
                reading.mode = "hedged"
        elif warning and reading.mode != "none" and not negated:
            pass  # "warned that it would be a mistake": the warning keeps what it governs
        elif negated:
            # "has not ruled it out" leaves it open; "they are no [threat]" defends it
            denied = evaluative and lemma in self.lex.dangers_denied and reading.polarity > 0
            reading.polarity, reading.mode = 1, "firm" if denied else "hedged"
        elif reading.polarity < 0:
            # "refused to rule out" leaves it open; "scrapping it would be a mistake" wants it
            reading.polarity, reading.mode = 1, "firm" if evaluative else "hedged"
        else:
            reading.polarity, reading.mode = -1, "firm"

    def visit(
        self,
        reading: _Reading,
        node: Token,
        path: set[int],
        start: bool,
        framing: bool = False,
        start_verb: bool = False,
    ) -> bool:
        """Apply what ``node`` says; True if it said anything. Inside the statement, the
        node becomes the stance's holder (unless all it added was a deontic modal).

        ``framing``: the node is outside the statement's content (its cue, "warned",
        "urged"); only a stance word counts there, so "did not say whether troops would
        be sent" is not read as a refusal. ``start_verb``: the reading starts at a verb
        or adjective that is no word of the proposal (a statement matched by meaning, read
        from its main verb: "the country will [be] at the back of the queue"): a verb's
        complements, or the adjective itself ("calls it [useless]"), are read as any other
        word's."""
        if framing and not self.frames(reading, node):
            return False
        if not framing and self.includes_it(node, path):
            return False  # "remarks about the war, [including] sending troops": only its set
        if not framing and self.feels(node, path):
            return False  # "Syrian refugees are afraid": the proposal's words feel, nothing more
        before = reading.operations
        deontic = False
        only_way = None if framing else self.only_way(node, path)
        if only_way is not None:
            # "we have no choice but to admit them", "there is no alternative to sanctions"
            noun, negator = only_way
            reading.used.add(negator.i)
            reading.mode = "firm"
            reading.note(noun, "lexicon", "lexicon")
            reading.holder_node, reading.holder_deontic = node, True
            return True
        if not framing and reading.mode == "none" and self.its_time(node, path):
            reading.mode = "firm"  # "it is time to admit them", "now is (not) the time"
            reading.note(node, "lexicon", "lexicon")
            reading.holder_node, reading.holder_deontic = node, True
            return True
        negation = self.is_negated(node, reading.used)
        if negation is None and self.copula_position(node):
            # "we are [not] opposed to it", "not against it": the refusal denied (open)
            negation = self.is_negated(node.head, reading.used)
        negated_here = negation is not None
        without = self.not_without(node) if negation is not None else None
        if without is not None:
            reading.conditional = True
            reading.note(without, "condition", "lexicon")
            negation = None
        if reading.consequence and node.lemma_.lower() in self.lex.harms and negation is None:
            # a harm that follows it: "if we build the wall, we will [lose] our partner"
            self.apply_class(reading, "opposes", False, node)
            reading.note(node, "consequence", "consequence")
            return True
        if not start and not framing and not reading.consequence:
            if (
                self.harmed_by_proposal(node, path)
                or self.benefited_by_proposal(node, path)
                or self.measures_degree(node, path)
                or self.effect_by_proposal(node, path) != 0
            ):
                self.apply_shape(reading, node, path, negation)
                return True
            burden = self.judges_the_share(node, path)
            if burden is not None:
                # "the number of refugees we must take is not [large]": bearable, accepted
                bearable = (burden.lemma_.lower() in self.lex.bearable) == (negation is None)
                reading.polarity = 1 if bearable else -1
                reading.mode = "hedged" if bearable else "firm"
                reading.note(burden, "evaluation", "evaluation")
                if negation is not None:
                    reading.note(negation, "negation", "evaluation")
                reading.holder_node, reading.holder_deontic = node, False
                return True
            if self.comes_into_force(node, path):
                # "the deal would go into effect on March 20": settled, to be carried out;
                # "will not take effect before June": only a date
                if negation is None:
                    reading.mode = "firm"
                else:
                    reading.question = node
                reading.note(node, "evaluation", "evaluation")
                reading.holder_node, reading.holder_deontic = node, False
                return True
            if self.proposal_fails(node, path):
                # "the deal will not falter": confident it happens; "could collapse": a
                # forecast that takes no side
                if negation is None:
                    reading.polarity = -reading.polarity
                reading.mode = "firm"
                reading.forecast = negation is None
                reading.note(node, "evaluation", "evaluation")
                if negation is not None:
                    reading.note(negation, "negation", "evaluation")
                reading.holder_node, reading.holder_deontic = node, False
                return True
            if self.is_future(node, path) and reading.mode == "none":
                reading.mode = "firm"  # "we are going to build it", as "will"
                reading.note(node, "modal", "modal")
        if not start and self.hoping(node, self.lex.hopes):
            # "optimistic that it can be signed": a hope for it; "not sure that": a doubt
            if negation is None and node.dep_ in ("acomp", "attr"):
                negation = self.is_negated(node.head, reading.used)  # "[is not] sure"
            if negation is not None:
                reading.undecided = True
            elif reading.polarity > 0 and reading.mode == "hedged":
                reading.mode = "firm"
            reading.note(node, "lexicon", "lexicon")
            reading.holder_node, reading.holder_deontic = node, False
            return True
        if not start and not framing and self.doubted(reading, node, negation):
            return True
        # a reading that starts at an evaluation matched by meaning ("calls it [useless]")
        own_word = start_verb and node.pos_ == "ADJ"
        cls = (
            None
            if (start and not own_word) or self.names_the_proposal(node)
            else self.lexical_class(node, path)
        )
        if reading.consequence and node.lemma_.lower() in self.lex.deontic:
            cls = None  # "in this case we need to talk of war": what must follow, not a wish
        role: CueRole = "consequence" if reading.consequence else "lexicon"
        if cls is not None and _withdrawal(node) is node:
            role = "evaluation"  # "lift its [opposition] to it": the noun taken back, as read
            # when the walk meets its verb first (``evaluation``)
        warned = False
        verdict = cls is not None and self.verdict_on_act(node, path)
        if verdict:
            # "the council was [right] to impose them", "was wrong not to": the speaker's
            # verdict on the subject's act, whoever did it
            reading.judgement = True
        if cls is not None:
            self.apply_class(reading, cls, negation is not None, node, evaluative=verdict)
            reading.note(node, role, "consequence" if reading.consequence else "lexicon")
            if negation is not None:
                reading.note(negation, "negation", "lexicon")
            negation = None
            # "the country cannot afford to ...": the speaker's judgement, whoever the subject
            deontic = node.lemma_.lower() in self.lex.deontic_verbs
        elif (not start or start_verb) and node.i not in reading.name:
            found = self.evaluation(node, path)
            if found is None and reading.consequence:
                # what a consequence brings about: "if troops are sent, [a conflict] would follow"
                found = self.subject_evaluation(node, path)
            if found is not None and self.names_the_act_again(reading, node, found):
                found = None  # "used its veto [to block] the draft": one act, read once
            if (
                found is not None
                and reading.consequence
                and found[1].lemma_.lower() in self.lex.undecided
            ):
                # "if the EU wants to sign it, ministers must take a unanimous [decision]":
                # what it takes to get there, procedure, no wish for it
                found = None
            if found is not None:
                eval_cls, word, word_negated = found
                negated = (negation is not None) != word_negated
                # a warning of what the proposal brings about stays a warning when hedged:
                # "the deal could lead to a catastrophe"
                warned = eval_cls == "opposes" and not negated and self.subject_on_path(node, path)
                # what a copula's subject is, is the speaker's judgement of it ("those who
                # oppose it are on the wrong side of history"), as a penalty is
                # so is what an act done "by" doing it is worth ("Europe has taken on its
                # responsibilities by agreeing to relocate them"): the speaker's praise or
                # reproach of the act, whoever did it
                reading.judgement = (
                    reading.judgement
                    or self.is_penalty(word)
                    or node.lemma_ == "be"
                    or self.judged_by_means(node, path)
                )
                self.apply_class(reading, eval_cls, negated, word, evaluative=True)
                reading.note(
                    word,
                    "evaluation" if not reading.consequence else "consequence",
                    "evaluation" if not reading.consequence else "consequence",
                )
                if negation is not None:
                    reading.note(negation, "negation", "evaluation")
                negation = None
                if word.lemma_.lower() in self.lex.limit_words and not negated:
                    # "it is premature to call a vote now": not yet, a time limit (open)
                    reading.conditional = True
                    reading.note(word, "condition", "lexicon")
        modal = None if reading.consequence else self.modal(node)
        if modal is not None:
            modal_class = self.lex.modals[modal.lower_]
            # "cannot support it" refuses; "could lead to a catastrophe" still warns
            refused = negated_here and modal.lower_ in ("can", "could")
            planned = modal.lower_ == "can" and not negated_here and self.scheduled(node)
            if planned and reading.mode == "none":
                reading.mode = "firm"  # "can be signed next week": planned, as "will"
            elif modal_class == "open" and not (refused or warned or planned):
                reading.mode = "hedged"
            elif reading.mode == "none":
                reading.mode = "firm"
            reading.note(modal, "modal", "modal")
            # "allies should send troops", "Congress must reject the pact": what someone
            # must do is the speaker's call, whatever the stance word under the modal
            deontic = deontic or modal.lower_ in self.lex.deontic
        if negation is not None and node.lemma_.lower() in self.lex.undecided:
            reading.undecided = True  # "there is no agreement on it": nothing decided
            reading.note(negation, "negation", "negation")
            negation = None
        below = reading.refused_at
        # a negated noun's verb limits it too: "no invitation will be issued [at] the summit"
        refused = negated_here or (
            below is not None and below.head.i == node.i and below.dep_ in NOUN_ARGUMENTS
        )
        if negated_here:
            reading.refused_at = node
        if refused and not reading.consequence and reading.limited is None:
            limit = self.time_limit(node, path)
            if limit is not None:
                # "would not issue an invitation at this summit": not now, a condition (open),
                # unless a word above wants it done ("we regret that it cannot be done now")
                reading.limited = limit
                reading.note(limit, "condition", "lexicon")
        if negation is not None and not reading.consequence:
            firm_modal = modal is not None and modal.lower_ in {"can", "could"}
            reading.polarity = -reading.polarity
            if reading.mode == "none" or firm_modal:
                reading.mode = "firm"
            reading.note(negation, "negation", "negation")
        if not reading.consequence:
            mark = self.condition(node, path)
            if mark is not None and reading.penalty and self.threatens(mark):
                # "would take further measures if North Korea conducted another test"
                reading.mode = "firm" if reading.mode == "none" else reading.mode
                reading.note(mark, "consequence", "consequence")
                mark = None
            if mark is not None:
                reading.conditional = True
                reading.note(mark, "condition", "lexicon")
        said = reading.operations > before
        if said:
            reading.holder_node = node
            reading.holder_deontic = deontic
        return said

    def names_the_proposal(self, node: Token) -> bool:
        """``node`` is a noun of the proposal's own theme ("the [decision] to open accession
        talks" for a decision to open them, "the [plan]" for a plan): what it is called,
        never a stance word of its own."""
        return (
            self.slots is not None
            and node.pos_ == "NOUN"
            and node.lemma_.lower() in self.slots.theme.source
        )

    def frames(self, reading: _Reading, node: Token) -> bool:
        """Whether ``node``, above the statement's content, says anything of it: a stance
        word; over a consequence only a warning that nothing below has read ("threatened
        to cut off the money unless they pay for the wall": a threat)."""
        if reading.consequence:
            return node.lemma_.lower() in self.lex.warning_verbs and reading.mode == "none"
        # "seemed [hopeful] that the United States could accept them": the speaker's wish
        return self.lexical_class(node) is not None or self.hoping(node, self.lex.wishes)

    def doubted(self, reading: _Reading, node: Token, negation: Token | None) -> bool:
        """``node`` doubts what it governs ("we are not [convinced] that the tariffs would
        help", "[sceptical] that it will work"): read against, hedged. True if it did."""
        lemma = node.lemma_.lower()
        conviction = lemma in self.lex.convictions
        if not conviction and lemma not in self.lex.doubts:
            return False
        if negation is None and node.dep_ in ("acomp", "attr"):
            negation = self.is_negated(node.head, reading.used)  # "[are not] convinced"
        if conviction and negation is None:
            return False  # "convinced that it will help": as said
        if negation is not None and not conviction:
            # "there is no doubt that it will help": as said, the "no" spent on the doubt
            reading.note(negation, "negation", "lexicon")
            return True
        reading.polarity, reading.mode = -reading.polarity, "hedged"
        reading.note(node, "lexicon", "lexicon")
        if negation is not None:
            reading.note(negation, "negation", "lexicon")
        reading.holder_node, reading.holder_deontic = node, False
        return True

    @staticmethod
    def hoping(node: Token, words: frozenset[str]) -> bool:
        """``node`` is one of ``words`` (a hope), by its lemma or its form."""
        return node.lemma_.lower() in words or node.lower_ in words

    def feels(self, node: Token, path: set[int]) -> bool:
        """``node`` says how its subject feels (an ``experiencers`` word, itself or as its
        complement: "is [disappointed]", "are [afraid]") and that subject is the proposal's
        own words: the feeler, not what the feeling is about."""
        words = [node] + [c for c in node.children if c.dep_ in ("acomp", "attr")]
        if not any(w.lower_ in self.lex.experiencers for w in words):
            return False
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i in path for c in node.children)

    def subject_on_path(self, node: Token, path: set[int]) -> bool:
        """The proposal is (in) ``node``'s subject: what is said is said of it."""
        return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i in path for c in node.children)

    def is_penalty(self, word: Token) -> bool:
        """``word`` is, or opens, a penalty ("loser", "back of the queue")."""
        doc = word.doc
        for penalty in self.lex.penalties:
            if len(penalty) == 1 and word.lemma_.lower() == penalty[0]:
                return True
            forms = tuple(
                t.lower_ for t in doc[word.i : word.i + len(penalty) + 2] if not t.is_punct
            )
            if forms[: len(penalty)] == penalty:
                return True
        return False

    # --- shapes that decide on their own: harms, degree, "going to" --------------------

    def harmed_by_proposal(self, node: Token, path: set[int]) -> bool:
        """``node`` is a harm ("depress", "sap") whose subject is the proposal: "leaving the
        union could depress growth"."""
        return node.lemma_.lower() in self.lex.harms and any(
            c.dep_ in ("nsubj", "csubj") and c.i in path for c in node.children
        )

    def benefited_by_proposal(self, node: Token, path: set[int]) -> bool:
        """``node`` is a benefit ("boost", "strengthen") whose subject is the proposal: "the
        accord will boost growth", "no wall is going to fix that" (negated); or a remedy over
        a harm of its own object ("a wall will stop illegal crossings")."""
        lemma = node.lemma_.lower()
        remedy = lemma in self.lex.remedies and any(
            c.dep_ == "dobj" and c.i not in path for c in node.children
        )
        if lemma in self.lex.bare_benefits and any(
            c.dep_ in COMPLEMENTS_OF_WORK for c in node.children
        ):
            return False  # "the refugees work in factories": no verdict that it works
        return (lemma in self.lex.benefits or remedy) and any(
            c.dep_ in ("nsubj", "csubj") and c.i in path for c in node.children
        )

    def effect_by_proposal(self, node: Token, path: set[int]) -> int:
        """``node`` raises, lowers or makes something (``[effects]`` of the lexicon) and its
        subject is the proposal: +1 when that is a benefit ("your membership would increase
        our shared security", "will reduce tensions", "Finland and Sweden make NATO
        stronger"), -1 when a harm ("would raise the risk of war", "would make the region
        less stable"), 0 when not such a verb or what it changes is neither good nor bad."""
        lemma = node.lemma_.lower()
        lex = self.lex
        if node.pos_ not in VERB_POS or not any(
            c.dep_ in ("nsubj", "csubj") and c.i in path for c in node.children
        ):
            return 0
        if lemma in lex.effect_raises or lemma in lex.effect_lowers:
            direction = 1 if lemma in lex.effect_raises else -1
            changed = [c for c in node.children if c.dep_ == "dobj" and c.i not in path]
        elif lemma in lex.effect_makes:
            direction = 1
            changed = [
                c
                for c in node.children
                if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp")
                and c.pos_ == "ADJ"
                and c.i not in path
            ]
        else:
            return 0
        for word in changed:
            kind = word.lemma_.lower()
            value = 1 if kind in lex.effect_goods else -1 if kind in lex.effect_bads else 0
            if value == 0:
                continue
            if any(c.dep_ == "advmod" and c.lower_ in ("less", "fewer") for c in word.children):
                value = -value  # "make the region less stable"
            return direction * value
        return 0

    def scheduled(self, node: Token) -> bool:
        """``node`` has a time to come of its own: "signed [next week]", "[in time]",
        "[soon]"."""
        for child in node.children:
            if child.dep_ not in ("npadvmod", "advmod", "prep", "tmod", "obl"):
                continue
            words = list(child.subtree)
            if any(w.ent_type_ in ("DATE", "TIME") for w in words) and not any(
                w.tag_ == "VBD" for w in words
            ):
                return True
            if any(w.lemma_.lower() in self.lex.schedule for w in words):
                return True
        return False

    def comes_into_force(self, node: Token, path: set[int]) -> bool:
        """``node`` is a verb of coming into effect (``into_force``: "go into effect",
        "take effect") whose subject is the proposal."""
        if node.pos_ not in VERB_POS or not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i in path for c in node.children
        ):
            return False
        lemma = node.lemma_.lower()
        return any(
            (lemma, *(t.lower_ for t in child.subtree))[: len(phrase)] == phrase
            for child in node.children
            if child.dep_ in ("prep", "dobj")
            for phrase in self.lex.into_force
        )

    def proposal_fails(self, node: Token, path: set[int]) -> bool:
        """``node`` is a verb of failing whose subject is the proposal: "the deal will not
        [falter]", "the agreement can [fail]"."""
        return node.lemma_.lower() in self.lex.failures and any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i in path for c in node.children
        )

    def measures_degree(self, node: Token, path: set[int]) -> Token | None:
        """A word of sufficiency in what ``node`` says of the proposal ("goes nowhere near
        far [enough]", "is not [enough]"): a measure of degree, which keeps the proposal."""
        for child in node.children:
            if child.i in path or child.dep_ not in ("advmod", "acomp", "attr", "npadvmod"):
                continue
            for word in child.subtree:
                if word.lemma_.lower() in self.lex.sufficiency:
                    return word
        return None

    def judges_the_share(self, node: Token, path: set[int]) -> Token | None:
        """``node`` is a copula whose subject, on the path, is an amount of the proposal
        ("[the number] of refugees we must take") and whose complement judges its size
        ("is not [large]", "is [manageable]"): that word."""
        if node.lemma_ != "be" or not any(
            c.dep_ in ("nsubj", "csubj", "ccomp") and c.i in path and c.i < node.i
            for c in node.children
        ):
            return None  # the parser may take "[the number of refugees we] must take" for a clause
        if not any(node.doc[i].lemma_.lower() in self.lex.quantities for i in path if i < node.i):
            return None
        sizes = self.lex.bearable | self.lex.heavy
        return next(
            (c for c in node.children if c.dep_ == "acomp" and c.lemma_.lower() in sizes), None
        )

    def is_future(self, node: Token, path: set[int]) -> bool:
        """``node`` is "going" in "going to [verb]", the verb on the path from the proposal."""
        return (
            node.lemma_.lower() in self.lex.future_verbs
            and node.tag_ == "VBG"
            and any(
                c.dep_ == "xcomp" and c.i in path and any(a.tag_ == "TO" for a in c.children)
                for c in node.children
            )
        )

    def apply_shape(
        self, reading: _Reading, node: Token, path: set[int], negation: Token | None
    ) -> None:
        """A harm the proposal does is a warning against it, hedged or not (negated: a
        defence of it); a benefit it does argues for it (negated: against it); a measure of
        degree keeps it ("not far enough": wants more)."""
        degree = self.measures_degree(node, path)
        if degree is not None:
            reading.mode = "firm"
            reading.note(degree, "evaluation", "evaluation")
        else:
            benefit = (
                node.lemma_.lower() in self.lex.benefits | self.lex.remedies
                or self.effect_by_proposal(node, path) > 0
            )
            if (negation is None) != benefit:
                reading.polarity = -reading.polarity
            reading.mode = "firm"
            reading.note(node, "evaluation", "evaluation")
        if negation is not None:
            reading.note(negation, "negation", "evaluation")
        reading.holder_node, reading.holder_deontic = node, False

    # --- what frames the proposal: demands, permissions, reactions, concessions ---------

    def is_imperative(self, verb: Token) -> bool:
        """A demand: a base-form verb with no subject, auxiliary or "to", heading its
        clause ("send troops now", "stop hesitating and deliver them")."""
        if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "parataxis", "conj"):
            return False
        if any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark")
            for c in verb.children
        ):
            return False
        if verb.dep_ == "conj":
            return verb.head.i != verb.i and self.is_imperative(verb.head)
        return True

    def permitted_agent(self, node: Token, child: Token) -> Token | None:
        """Whom ``node`` (a permission word: "respect", "allow") lets do what lies on the
        path below it: "respect [allies] who decide to send", "allow [allies] to send"."""
        if node.lemma_.lower() not in self.lex.permission or self.lets_through(node):
            return None  # what lets the proposal itself pass lets nobody else do anything
        if child.dep_ == "dobj" and any(c.dep_ == "relcl" for c in child.children):
            return child
        if child.dep_ in ("xcomp", "ccomp"):
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
            return next((c for c in node.children if c.dep_ == "dobj"), None)
        return None

    def accepts_result(self, node: Token, child: Token) -> bool:
        """``node`` is a permission or accepting word, not negated, over a result on the path
        ("respect the [decision] of the voters to leave", "accept the outcome", "abide [by]
        the decision", "comply [with] the decision")."""
        lemma = node.lemma_.lower()
        if lemma not in self.lex.permission | self.lex.accepting or self._negator(node):
            return False
        if child.dep_ in ("dobj", "nsubjpass"):
            return child.lemma_.lower() in self.lex.results
        return (
            lemma in self.lex.accepting
            and child.dep_ == "prep"
            and child.lower_ in self.lex.accepting_preps
            and any(
                c.dep_ == "pobj" and c.lemma_.lower() in self.lex.results for c in child.children
            )
        )

    def reacting(self, node: Token, child: Token) -> bool:
        """``node`` reacts to what lies below it rather than governing it: the proposal is
        in a remark that is its subject ("his comments on sending troops [drew] criticism"),
        or ``node`` is passive and the proposal is in what it reacts to ("he [was
        criticised] for refusing to send")."""
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in self.lex.speech_nouns:
            # someone's remark ("his comments", "Macron's suggestion"), not a bare "the idea"
            return any(c.dep_ == "poss" for c in child.children)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in node.children)
        if node.lemma_.lower() in self.lex.holding_back:
            return False  # "asked that the vote be [delayed] after it submitted the text"
        return passive and child.dep_ in ("advcl", "prep") and self.lexical_class(node) is not None

    def reactors(self, node: Token, child: Token) -> Token | None:
        """Who reacted: "by the Pentagon", "(opposition) from Berlin", anywhere under the
        reacting word but in what it reacts to (``child``)."""
        reacted_to = {t.i for t in child.subtree}
        for prep in node.subtree:
            if prep.i in reacted_to or prep.dep_ not in ("prep", "agent"):
                continue
            if prep.lower_ in self.lex.agent_preps or prep.dep_ == "agent":
                found = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if found is not None:
                    return found
        return None

    def is_remark(self, child: Token, node: Token, cue: frozenset[int]) -> bool:
        """``child`` is a remark that ``node`` reacts to: a speech noun that is the
        statement's own cue ("his [comments] on ...") or ``node``'s subject."""
        if child.pos_ != "NOUN" or child.lemma_.lower() not in self.lex.speech_nouns:
            return False
        return child.i in cue or (child.dep_ in ("nsubj", "nsubjpass") and child.head.i == node.i)

    def negative_det(self, noun: Token) -> Token | None:
        return next(
            (
                c
                for c in noun.children
                if c.dep_ == "det"
                and c.lemma_.lower() in self.lex.negative_determiners
                and not self.names_own_compound(c)
            ),
            None,
        )

    def restates(self, child: Token) -> bool:
        """``child`` restates what it hangs on: "..., namely that there will be no troops",
        "..., that is, no soldiers will go"."""
        doc = child.doc
        left = child.left_edge.i
        before = [t.lower_ for t in doc[max(0, left - 3) : left] if not t.is_punct]
        inside = [t.lower_ for t in doc[left : min(child.i + 1, left + 3)] if not t.is_punct]
        return any(
            tuple(before[-len(form) :]) == form or tuple(inside[: len(form)]) == form
            for form in self.lex.restatements
        )

    def named_consequence(
        self, reading: _Reading, span: SpacySpan, clause: Token, path: set[int]
    ) -> None:
        """A consequence clause that no word on the walk read: the first word against it
        anywhere in the clause ("we need to talk about the inevitability of [conflict]")."""
        for word in clause.subtree:
            if word.i in path or not in_span(word, span) or word.pos_ not in ("NOUN", "ADJ"):
                continue
            if self.lex.words.get(word.lemma_.lower()) == "opposes" and not self._negator(word):
                self.apply_class(reading, "opposes", False, word)
                reading.note(word, "consequence", "consequence")
                return
        head = reading.condition_head
        if reading.inverse and head is not None and self._negator(head) is None:
            # an ultimatum: what the speaker commits to unless it is done is a threat ("we
            # [will] leave the alliance unless they pay their share")
            will = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "aux"
                    and self.lex.modals.get(c.lower_) == "supports"
                    and c.lower_ not in self.lex.deontic
                ),
                None,
            )
            if will is not None:
                self.apply_class(reading, "opposes", False, head)
                reading.note(will, "consequence", "consequence")

    def asked_consequence(self, reading: _Reading, clause: Token, path: set[int]) -> None:
        """A question of what would follow the condition ("what will happen to our farmers
        if they leave?", "with whom will Europe trade if it is unable to sign?"): a warning
        put as a question, against what the condition says, as a named consequence is. A
        question with no question word ("will we be safer if ...?") asks, and stays unclear."""
        question = reading.question
        if question is None or question.text != "?" or clause.sent[-1].i != question.i:
            return
        asking = next(
            (
                t
                for t in clause.subtree
                if t.i not in path and t.tag_ in QUESTION_TAGS and not self.in_condition(t, clause)
            ),
            None,
        )
        if asking is None:
            return
        reading.question = None
        self.apply_class(reading, "opposes", False, asking)
        reading.note(asking, "consequence", "consequence")

    def in_condition(self, word: Token, clause: Token) -> bool:
        """``word`` is inside a condition clause under ``clause`` ("if [what] they say ...")."""
        node = word
        while node.i != clause.i and node.head.i != node.i:
            if self.condition_mark(node) is not None:
                return True
            node = node.head
        return False

    def is_case(self, child: Token, theme: Token) -> bool:
        """``child`` is "in this case" with the proposal as the case (the theme, a phrase
        that refers back to it): a condition, as an if-clause is."""
        return (
            child.dep_ == "prep"
            and child.lower_ in self.lex.case_preps
            and theme.head.i == child.i
            and theme.lemma_.lower() in self.lex.case_nouns
        )

    def condition_mark(self, clause: Token) -> Token | None:
        """The mark that makes ``clause`` a condition ("if", "unless"), if any."""
        if clause.dep_ != "advcl":
            return None
        return next(
            (
                m
                for m in clause.children
                if m.dep_ == "mark" and m.lower_ in self.lex.condition_marks
            ),
            None,
        )

    def threatens(self, mark: Token) -> bool:
        """``mark`` opens a condition that is someone else's act, neither a consent nor
        restricted ("[if] North Korea conducted another test"; not "only if the Council
        agrees", not "if we decide"): the condition of a threat."""
        clause = mark.head
        if mark.dep_ != "mark" or mark.lower_ not in self.lex.threat_marks:
            return False
        if any(t.lower_ in self.lex.restrictive for t in (*clause.children, *mark.children)):
            return False  # "only if"
        if clause.i > 0 and clause.doc[mark.i - 1].lower_ in self.lex.restrictive:
            return False
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in self.lex.first_person:
            return False  # "if we decide to": the speaker's own reservation
        if subject.pos_ == "PROPN" and self.is_speaker(subject, self.statement, set()):
            return False  # "France will ... if France decides"
        # "if the Council agrees": a consent; "unless it stops testing" is no consent
        return self.lexical_class(clause) not in ("supports", "open")

    def inverted_condition(self, clause: Token) -> bool:
        """``clause`` is a condition without a mark, its auxiliary first and its subject
        after it: "[should] they dare to vote to leave", "[had] we known", "[were] it to
        happen" (not a question, which ends in a question mark)."""
        if clause.dep_ not in ("advcl", "ccomp", "conj", "parataxis", "ROOT"):
            return False
        inverted = [clause] if clause.lower_ in self.lex.inverted_auxiliaries else []
        inverted += [
            c
            for c in clause.children
            if c.dep_ == "aux" and c.lower_ in self.lex.inverted_auxiliaries
        ]
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if not inverted or subject is None or subject.left_edge.i != inverted[0].i + 1:
            return False
        first = inverted[0]
        if clause.dep_ == "ROOT":
            # the parser may make the condition the sentence's root: it then follows a comma,
            # or the noun that ends the main clause ("threatened them with a loss of trade
            # [should] they vote to leave"); after an adverb it is an inversion of its own
            # ("never [had] they seen")
            before = first.doc[first.i - 1] if first.i > first.sent.start else None
            opens = before is None or before.is_punct or before.pos_ in ("NOUN", "PROPN")
        else:
            opens = clause.left_edge.i == first.i
        return opens and clause.sent[-1].text != "?"

    def opens_condition(self, child: Token, theme: Token) -> bool:
        """Climbing out of ``child`` leaves a condition that holds the proposal: an if or
        unless clause, an inverted one, or "in this case"."""
        return (
            self.condition_mark(child) is not None
            or self.is_case(child, theme)
            or self.inverted_condition(child)
        )

    def consequence_of(self, reading: _Reading, condition: Token) -> _Reading:
        """A fresh reading of what follows from the condition the proposal is in. "Unless
        it is done" (or "if it is not done") makes what follows a threat to have it done."""
        mark = self.condition_mark(condition)
        unless = mark is not None and mark.lower_ in self.lex.inverse_marks
        return _Reading(
            consequence=True,
            cues=reading.cues,
            holder_node=None,
            inverse=unless != (reading.polarity < 0 and reading.mode != "hedged"),
            condition_head=condition.head if condition.head.i != condition.i else None,
        )

    def concedes(self, child: Token) -> bool:
        """``child`` is a concessive clause ("although ...", "despite ...")."""
        if child.dep_ == "prep":
            return child.lower_ in self.lex.concessive_marks
        return child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in self.lex.concessive_marks for m in child.children
        )

    def procedure(self, child: Token, node: Token) -> bool:
        """The step from ``child`` to ``node`` is the conduct of a meeting (rule 14): a
        verb of business on the proposal that is negated or given a time ("will not
        [pronounce] itself this morning [on] it", "will [vote] on it on Friday"), or a
        scheduling word over a noun of business ("[postponed] the [vote] on it")."""
        lemma = node.lemma_.lower()
        if child.dep_ == "prep" and child.lower_ in self.lex.business_topics:
            if node.pos_ in VERB_POS and lemma in self.lex.business:
                return self._negator(node) is not None or self.scheduled(node)
        if lemma in self.lex.scheduling:
            return child.lemma_.lower() in self.lex.meetings
        return False

    def gives_reason(self, child: Token) -> bool:
        """``child`` is a clause that gives a reason ("because ..."); the parser may hang
        the mark on the clause's subject ("because [delaying] it is a mistake")."""
        if child.dep_ not in ("advcl", "ccomp"):
            return False
        heads = [child, *(c for c in child.children if c.dep_ in ("csubj", "nsubj"))]
        return any(
            m.dep_ == "mark" and m.lower_ in self.lex.reason_marks
            for head in heads
            for m in head.children
        )

    def climb(self, reading: _Reading, child: Token, node: Token, path: set[int]) -> bool:
        """What happens on the step from ``child`` up to ``node``: True when the step
        stops the reading (a permission, a reaction or a concession frames it)."""
        if (
            self.concedes(child) or self.restates(child) or self.gives_reason(child)
        ) and reading.mode != "none":
            # "although we oppose it, ...", "namely that there will be no ...", "..., because
            # delaying it is a mistake"
            return True
        if self.accepts_result(node, child) and reading.mode != "none":
            # "we will respect the decision to leave": not standing in its way
            reading.mode = "hedged"
            reading.note(node, "lexicon", "lexicon")
            reading.holder_node = node
            return True
        agent = self.permitted_agent(node, child)
        if agent is not None and agent.i in path and not any(c.i in path for c in agent.children):
            # "let Syrian refugees in": the proposal's own people let in, it is done (not
            # "allies [who decide to send troops]", whose clause holds the proposal)
            agent = None
        if agent is not None and self._negator(node) is None:
            reading.others = agent  # what we let others do is theirs
            return True
        if self.reacting(node, child):
            reactors = self.reactors(node, child)
            if reactors is not None and self.is_speaker(
                reactors, self.statement, set(), own_words=True
            ):
                return False  # the speaker's own reaction: "was rejected by us"
            if reading.mode != "none":
                # the remark's own stance stands, and is its author's ("Macron's idea")
                reading.others = next((c for c in child.children if c.dep_ == "poss"), None)
            else:
                self.visit(reading, node, path, start=False)
                reading.reaction = reading.mode != "none"
                reading.others = reactors
            return True
        return False

    def read(
        self,
        span: SpacySpan,
        theme: Token,
        action: Token | None,
        act: list[ActCue] | None = None,
        cue: frozenset[int] = frozenset(),
        reverse: bool = False,
    ) -> _Reading:
        # the reverse action ("remain" for leaving) reads as the proposal's, negated
        reading = _Reading(polarity=-1 if reverse else 1)
        node = action or theme
        if action is not None:
            if _is_asserted(action):
                reading.decided_by = "action"
            det = self.is_negated(theme)
            if det is not None and det.dep_ == "det" and det.i not in reading.used:
                reading.used.add(det.i)  # "no ground forces will be sent"
                reading.polarity, reading.mode = -1, "firm"
                reading.note(det, "negation", "negation")
            if self.is_imperative(action):
                reading.mode = "firm"  # a demand: "send troops now"
                reading.note(action, "demand", "demand")
                reading.holder_deontic = True
        shared = self.negative_det(theme.head) if theme.dep_ in ("conj", "appos") else None
        if shared is not None and self.negative_det(theme) is None:
            reading.used.add(shared.i)  # "no ground troops and soldiers": "no" on both
            reading.polarity, reading.mode = -1, "firm"
            reading.note(shared, "negation", "negation")
        path = {t.i for t in theme.ancestors} | {theme.i}
        reading.name = _name_nouns(theme)
        reading.penalty = theme.lemma_.lower() in self.lex.penalty_measures
        reading.question = self.question(node)
        reading.holder_node = node
        deontic = reading.holder_deontic
        start_verb = action is None and (theme.pos_ in VERB_POS or theme.pos_ == "ADJ")
        self.visit(reading, node, path, start=True, start_verb=start_verb)
        reading.holder_deontic = reading.holder_deontic or deontic
        if reading.mode == "none":
            self.called_by_name(reading, theme)
        gerund = self.gerund_modifier(theme) if action is None else None
        if gerund is not None:
            # "a history of [welcoming] refugees", the gerund parsed as the theme's adjective
            self.visit(reading, gerund, path | {gerund.i}, start=False)
        walked = [node]
        while node.head.i != node.i and in_span(node.head, span):
            child, node = node, node.head
            walked.append(node)
            if reading.mode == "none" and self.habitual(child, node, path, gerund):
                # "has a long history of taking in refugees": done again and again
                reading.decided_by = "action"
                reading.note(node, "lexicon", "action")
            if self.opens_condition(child, theme):
                # The proposal is the condition; what follows is the main clause's consequence.
                reading = self.consequence_of(reading, child)
            if child.dep_ in ("conj", "appos") and self.negative_det(child) is not None:
                repeated = self.negative_det(node)
                if repeated is not None:
                    reading.used.add(repeated.i)  # "no troops, no soldiers": one negation
            taken = node.lemma_.lower() in self.lex.accepting | self.lex.permission
            # "will not oppose the decision to start talks": a verb against it, negated, is
            # not standing in the way of the decision (guideline 6), not a decision unmade
            withheld = self.lex.verbs.get(node.lemma_.lower()) == "opposes"
            if (
                child.lemma_.lower() in self.lex.undecided
                and not taken  # "will not accept the decision": one made, refused
                and not withheld
                and (self._negator(node) is not None or self.failed(node))
            ):
                reading.undecided = True  # "has not made / failed to reach a decision on it"
            if self.talked_about(child, node):
                reading.question = node  # "the discussion of the package was significant"
            if self.procedure(child, node):
                reading.question = node  # "will not pronounce itself on it until Friday"
            if node.pos_ == "NOUN" and node.lemma_.lower() in self.lex.carve_outs:
                reading.carve_out = reading.carve_out or node  # "an exemption for such cars"
            step = self.prerequisite(child, node, path)
            if step is not None:
                negator = self._negator(node)
                if negator is None:
                    reading.conditional = True  # "needs a roadmap for accession"
                    reading.note(step, "condition", "lexicon")
                else:
                    # "does not need any preliminary steps for joining": a hurdle removed
                    reading.used.add(negator.i)
            first = self.wanted_first(child, node)
            if first is not None:
                reading.conditional = True  # "we want guarantees before we impose them"
                reading.note(first, "condition", "lexicon")
            when = self.time_frame(node)
            if when in self.lex.before_words:
                reading.conditional = True  # "visit Hungary before ratification"
                reading.note(node, "condition", "lexicon")
            elif when in self.lex.after_words:
                reading.question = node  # "after the vote on the tariffs": only a date
            waiting = self.not_yet(node)
            if waiting is not None and waiting.i not in reading.used:
                reading.used.add(waiting.i)  # "the only member yet to ratify it": held back
                reading.polarity, reading.mode = -reading.polarity, "hedged"
                reading.note(waiting, "lexicon", "lexicon")
            alternative = self.rejected_alternative(node)
            if alternative is not None and alternative.i not in reading.used:
                reading.used.add(alternative.i)  # "instead of resorting to tariffs"
                reading.polarity = -reading.polarity
                reading.mode = "firm" if reading.mode == "none" else reading.mode
                reading.note(alternative, "negation", "negation")
            speaking = node.pos_ in VERB_POS and node.lemma_.lower() in self.lex.speech_topics
            if speaking and node.i not in cue:
                reading.question = node  # "declined to provide details about which ..."
            if self.climb(reading, child, node, path):
                reading.stopped = True
                break
            if child.dep_ == "conj" and self.only_way(node, path) is None:
                # a coordinated sibling does not govern the proposal, unless the parser
                # coordinated "has no option [but] to impose them"
                continue
            self.visit(reading, node, path, start=False)
            reading.question = reading.question or self.question(node)
        if not reading.consequence and node.dep_ == "ROOT" and self.inverted_condition(node):
            reading = self.consequence_of(reading, node)  # "..., should they vote to leave."
        if not reading.stopped and not reading.consequence and reading.refused_at is not None:
            self.absence_judged(reading, node, span)
        reading.path = walked
        if reading.consequence and reading.mode == "none":
            self.asked_consequence(reading, walked[-1], path)
        if reading.consequence and reading.mode == "none":
            self.named_consequence(reading, span, walked[-1], path)
        # Words outside the statement's content (its cue: "warned", "urged") still count,
        # but their subject is the speaker, so they never become the holder.
        holder, deontic = reading.holder_node, reading.holder_deontic
        if act:
            self.apply_act(reading, act)
        skip = {word.i for word, _, _ in act or ()}
        # an act below what it is about describes it ("a resolution [drafted] by France",
        # a count "14-0" beside the text passed): what is above the text is no frame of the
        # act ("Russia vetoed a resolution drafted by France": France still drafted it)
        below = bool(act) and not skip & ({theme.i} | {t.i for t in theme.ancestors})
        while node.head.i != node.i and not reading.stopped and not below:
            child, node = node, node.head
            if self.is_remark(child, node, cue):
                break  # above a remark ("his comments ... drew criticism"): a reaction to it
            if act and absolute_clause(child):
                break  # "vetoed it, [with China abstaining]": above is another's act
            if node.i in skip:
                mark = self.condition(node, path)
                if mark is not None:
                    # the act hangs on something: "will not consent to it [unless] ...",
                    # "would [only] support it", "[otherwise] it will not vote for it"
                    reading.conditional = True
                    reading.note(mark, "condition", "lexicon")
                skip.discard(node.i)
                if not skip:
                    break  # above the act is another clause: "Ali rebuked him when he called for"
                continue
            if act and node.i in cue:
                continue  # the act's own particle ("voted [against]"): read with the act
            if child.i in cue and node.i not in cue and child.dep_ in ("advcl", "relcl"):
                # above the cue's clause is someone else's: "Kirby denied it, as Sejourne
                # [had suggested] troops could be"
                break
            if not reading.consequence and self.opens_condition(child, theme):
                # the content is a condition ("should they vote to leave"): what the
                # sentence says would follow is above it
                reading = self.consequence_of(reading, child)
            if child.dep_ != "conj":
                self.visit(reading, node, path, start=False, framing=True)
            reading.question = reading.question or self.question(node)
        if reading.consequence and reading.mode == "none":
            self.threat_in_cue(reading, theme.doc, cue)
        if reading.consequence and reading.mode == "none":
            self.threat_before(reading, span)
        if reading.holder_node is not holder:
            reading.holder_node, reading.holder_deontic = None, False
        else:
            reading.holder_deontic = deontic
        return reading

    def absence_judged(self, reading: _Reading, top: Token, span: SpacySpan) -> None:
        """A sentential relative at the end of the refusal's clause judges the whole clause
        ("there is still no date for it, [which is unacceptable]"): the parser hangs it on
        the nearest noun, but its evaluation is said of the absence, so it composes over the
        reading as an evaluation over what lies below ("the absence is unacceptable": a
        demand for it)."""
        for word in top.subtree:
            if word.dep_ != "relcl" or not in_span(word, span) or word.i == 0:
                continue
            which = [c for c in word.children if c.dep_ == "nsubj" and c.lower_ == "which"]
            if not which or word.doc[which[0].i - 1].text != ",":
                continue
            end = word.right_edge.i + 1
            if end < len(word.doc) and not word.doc[end].is_punct:
                continue  # the clause goes on: a relative of its own noun
            for comp in word.children:
                if comp.dep_ not in ("acomp", "attr"):
                    continue
                cls = self.lexical_class(comp)
                if cls is None:
                    continue
                negated = self._negator(word) is not None
                self.apply_class(reading, cls, negated, comp, evaluative=True)
                reading.note(comp, "evaluation", "evaluation")
                return

    def prerequisite(self, child: Token, node: Token, path: set[int]) -> Token | None:
        """``child``, the object of a verb of necessity ``node``, is a step on the way to the
        proposal and not the proposal: the proposal hangs on it by a `prerequisite_preps`
        preposition ("steps [for] joining") or names it as a modifier ("an accession [plan]").
        That step, else None."""
        if child.dep_ not in ("dobj", "obj"):
            return None
        if node.lemma_.lower() not in self.lex.prerequisite_verbs:
            return None
        preps = self.lex.prerequisite_preps
        for step in (child, *child.conjuncts):
            for below in step.children:
                if below.i not in path:
                    continue
                if below.dep_ == "prep" and below.lower_ in preps:
                    return child
                if below.dep_ in ("compound", "nmod") and step.pos_ == "NOUN":
                    return child
        return None

    def wanted_first(self, child: Token, node: Token) -> Token | None:
        """The "before" of a clause ``child`` holding the proposal, when ``node`` wants
        something else first ("we want [guarantees] before we impose them")."""
        if child.dep_ != "advcl" or node.lemma_.lower() not in self.lex.preconditions:
            return None
        if not any(c.dep_ == "dobj" for c in node.children):
            return None
        return next(
            (c for c in child.children if c.dep_ == "mark" and c.lower_ in self.lex.before_words),
            None,
        )

    def copula_position(self, node: Token) -> bool:
        """``node`` is a position a copula says ("are [opposed] to it", "is [against] it"):
        its negation is the copula's."""
        return (
            node.dep_ in ("acomp", "prep")
            and node.lower_ in self.lex.copula_positions
            and node.head.lemma_ == "be"
        ) or self.copula_in_favour(node)

    def copula_in_favour(self, node: Token) -> bool:
        """``node`` is a position in favour a copula says of a person ("I am all [for] it",
        "Clinton was [for] the pact"), not of a thing ("the money is for the wall")."""
        if node.dep_ != "prep" or node.lower_ not in self.lex.copula_supports:
            return False
        if node.head.lemma_ != "be" or node.head.i == node.i:
            return False
        subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
        return (
            subject is not None
            and subject.pos_ in ("PRON", "PROPN")
            and subject.lower_ not in self.lex.thing_pronouns
        )

    def verdict_on_act(self, node: Token, path: set[int]) -> bool:
        """``node`` is a verdict a copula says of its subject's act in a "to" clause on the
        path ("the council was [right] to impose them", "would be [wise] to")."""
        return (
            node.lower_ in self.lex.verdicts
            and node.dep_ == "acomp"
            and node.head.lemma_ == "be"
            and any(c.dep_ == "xcomp" and c.i in path for c in node.children)
        )

    def gerund_modifier(self, theme: Token) -> Token | None:
        """A stance verb's gerund the parser made an adjective of the theme right after a
        preposition ("a history of [welcoming] refugees"): the verb that governs it."""
        for child in theme.children:
            if child.dep_ != "amod" or child.tag_ != "VBG" or child.i == 0:
                continue
            before = theme.doc[child.i - 1]
            if before.dep_ == "prep" and theme.head.i == before.i:
                if self.lex.verbs.get(child.lemma_.lower()) is not None:
                    return child
        return None

    def habitual(self, child: Token, node: Token, path: set[int], gerund: Token | None) -> bool:
        """``node`` is a noun of habit whose "of" holds the proposal's action (a gerund on
        the path, or one the parser made an adjective): "a long history [of] taking them in",
        "the town's tradition of welcoming refugees"."""
        if node.pos_ != "NOUN" or node.lemma_.lower() not in self.lex.habits:
            return False
        if child.dep_ != "prep" or child.lower_ != "of":
            return False
        return gerund is not None or any(
            c.dep_ == "pcomp" and c.tag_ == "VBG" and c.i in path for c in child.children
        )

    def threat_in_cue(self, reading: _Reading, doc: Doc, cue: frozenset[int]) -> None:
        """The content is a condition with nothing read of what would follow, and the cue
        is a warning verb the walk never met: the parser made the condition the sentence's
        root, with the warning below it ("threatened them with a loss of trade [should] they
        vote to leave"). The warning is of what follows the proposal: against it."""
        for i in sorted(cue):
            word = doc[i]
            if word.lemma_.lower() in self.lex.warning_verbs and self._negator(word) is None:
                self.apply_class(reading, "opposes", False, word)
                reading.note(word, "consequence", "consequence")
                return

    def threat_before(self, reading: _Reading, span: SpacySpan) -> None:
        """The content is a condition with nothing read of what would follow, and right
        before it ends the clause of a warning verb that the parser did not hang it on:
        "endured criticism for [threatening] them with a loss of trade should they vote to
        leave", the condition made a clause of the sentence's first verb. The warning is of
        what follows the proposal: against it."""
        doc = span.doc
        end = span.start - 1
        while end >= span.sent.start and doc[end].is_punct:
            end -= 1  # "..., should they"
        for word in doc[span.sent.start : max(end, span.sent.start)]:
            if (
                word.lemma_.lower() in self.lex.warning_verbs
                and word.pos_ in VERB_POS
                and word.right_edge.i == end
                and self._negator(word) is None
            ):
                self.apply_class(reading, "opposes", False, word)
                reading.note(word, "consequence", "consequence")
                return

    def apply_act(
        self,
        reading: _Reading,
        act: list[ActCue],
    ) -> None:
        """A stance act's cue over what its content says, innermost act first ("declined
        to rule out": ruling out, then declining it)."""
        for word, cls, negation in act:
            if cls == "unclear":
                reading.undecided = True
            else:
                self.apply_class(reading, cls, False, word)
            reading.note(word, "act", "act")
            if negation is not None:
                reading.note(negation, "negation", "act")
                reading.used.add(negation.i)
        reading.holder_node = None  # the act is the speaker's

    # --- whose stance ---------------------------------------------------------------

    def pays_part(self, subject: Token, reading: _Reading) -> bool:
        """``subject`` does another actor's part of the proposal on the walked path ("Mexico
        [will pay] for the wall", "the allies [fund] it"): a verb of ``parts`` whose subject
        it is."""
        return any(
            word.lemma_.lower() in self.lex.parts and subject.head.i == word.i
            for word in reading.path
        )

    def anyone_described(self, theme: Token, span: SpacySpan) -> Token | None:
        """The noun of a relative clause the proposal is in, when it stands for anyone and
        is what the sentence goes on about, its subject ("any country [that opposes the
        measure] will ...", "those [who block it] will"); not whom the speaker judges ("we
        criticise those who hesitate", read as a criticism)."""
        for node in theme.ancestors:
            if node.dep_ != "relcl" or not span.start <= node.head.i < span.end:
                continue
            holder = node.head
            if holder.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if holder.lower_ in self.lex.any_pronouns or any(
                c.dep_ == "det" and c.lower_ in self.lex.any_determiners for c in holder.children
            ):
                return holder
        return None

    def view_told_by(self, node: Token, cue: frozenset[int], span: SpacySpan) -> Token | None:
        """Who else tells the view read at ``node``: the subject of a saying whose clausal
        complement holds it, inside the statement's own words ("Russia is saying [this step
        is escalation], but ..." in a premier's quote). The speaker reports that view; it
        is the teller's, not the speaker's. ``None`` when no such saying lies above it, when
        it is the statement's own cue, or when its subject is the speaker."""
        cues = load_cue_lexicon()
        child = node
        for _ in range(8):
            head = child.head
            if head.i == child.i:
                return None
            if not span.start <= head.i < span.end:
                return None  # the saying that frames the content is the statement's own
            if _quote_between(head, node) or head.i > node.i:
                # a saying outside the quote that holds the view, or one told after it
                # ("..., Senator X told the paper"), frames it: the reporter's attribution
                return None
            if (
                child.dep_ == "ccomp"
                and head.pos_ in VERB_POS
                and head.i not in cue
                and cues.is_cue_lemma(head.lemma_.lower())
            ):
                return next((c for c in head.children if c.dep_ == "nsubj"), None)
            if child.dep_ not in CLAUSE_CLIMB_DEPS | {"nsubj", "ccomp", "conj"}:
                return None
            child = head
        return None

    def holder_subject(self, node: Token) -> Token | None:
        """Who holds the stance read at ``node``: the subject of its clause, or of the
        clauses it climbs to; for a passive, the agent ("the package is being blocked [by
        Slovakia]": Slovakia blocks it, whoever reports it)."""
        owner = next((c for c in node.children if c.dep_ == "poss"), None)
        if node.pos_ == "NOUN" and owner is not None:
            return owner  # "[Germany's] resistance to the ban is growing"
        current = node
        for _ in range(6):
            for child in current.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
            agent = next((c for c in current.children if c.dep_ == "agent"), None)
            if agent is not None:
                doer = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if doer is not None:
                    return doer
            if current.dep_ not in CLAUSE_CLIMB_DEPS or current.head.i == current.i:
                return None
            current = current.head
        return None

    @staticmethod
    def whole_of_members(members: Token) -> Token | None:
        """What ``members`` are the members of: "the members [of] the council", "[its]
        members", "[council] members"."""
        for child in members.children:
            if child.dep_ in ("poss", "compound"):
                return child
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None

    def is_speaker(
        self,
        subject: Token,
        statement: Statement | None,
        proposal_words: set[int],
        own_words: bool = False,
    ) -> bool:
        """Whether ``subject`` is the speaker; ``own_words``: judge it as a party, by its
        own words, leaving out a clause on it ("allies [who decide to send troops]") and
        not taking a stance noun for the speaker's ("opposition")."""
        lemma = subject.lemma_.lower()
        if any(w.i in proposal_words for w in subject.subtree):
            return True  # the subject is the proposal itself ("sending troops would be ...")
        if subject.dep_ == "expl" or lemma in self.lex.negative_pronouns:
            return True
        stance_noun = lemma in self.lex.words and not own_words
        if stance_noun and not any(c.dep_ == "poss" for c in subject.children):
            return True  # "the plan is to send ...": nobody else's plan is named
        if any(
            child.dep_ == "det" and child.lower_ in self.lex.negative_determiners
            for child in subject.children
        ):
            return True  # "no European state will ...": every state, the speaker's included
        if lemma in self.lex.first_person or lemma in self.lex.pronouns or subject.tag_ == "PRP$":
            return True  # "his [remarks]" as a holder: a pronoun, like "he"
        words = list(subject.subtree)
        if own_words:
            clauses = [c for c in subject.children if c.dep_ in ("relcl", "acl")]
            inside = {w.i for c in clauses for w in c.subtree}
            words = [w for w in words if w.i not in inside]
        if any(w.lemma_.lower() in self.lex.first_person for w in words):
            return True
        own = self.lex.self_references | self.lex.own_texts
        if lemma in own and any(
            w.dep_ in {"det", "poss"} and (w.lower_ in {"the", "this"} or w.tag_ == "PRP$")
            for w in subject.children
        ):
            return True  # "the government", "their countries": the speaker's own
        if lemma in self.lex.member_nouns:
            whole = self.whole_of_members(subject)
            if whole is not None and self.is_speaker(whole, statement, proposal_words):
                return True  # "the members of the council", said by the council
        if statement is None:
            return False
        names: set[str] = set()
        for speaker in statement.speakers:
            for value in (speaker.actor, speaker.name, speaker.text, speaker.actor_id):
                if value:
                    names |= {w.lower() for w in value.replace("'s", "").split() if len(w) > 1}
        proper = {w.lower_ for w in words if w.pos_ == "PROPN"}
        if proper & names or lemma in names:
            return True
        ids = {s.actor_id for s in statement.speakers if s.actor_id}
        return holder_actor_id(subject) in ids


def _withdrawal(node: Token) -> Token | None:
    """The noun of a stance held against something that a verb takes back ("lift its
    [objection]", "dropped their [veto]": ``withdrawal_verbs`` and ``withdrawal_nouns`` of
    ``data/cues.json``), when ``node`` is that noun or that verb; else None."""
    cues = load_cue_lexicon()

    def own_stance(noun: Token) -> bool:
        # "its objection", "their veto", "the objection": not "Denmark's veto"
        return noun.lemma_.lower() in cues.act_withdrawal_nouns and not any(
            c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children
        )

    if node.dep_ in ("dobj", "nsubjpass") and own_stance(node):
        if node.head.lemma_.lower() in cues.act_withdrawal_verbs:
            return node
    if node.lemma_.lower() in cues.act_withdrawal_verbs:
        for child in node.children:
            if child.dep_ in ("dobj", "nsubjpass") and own_stance(child):
                return child
    return None


def _infinitive_of(child: Token) -> bool:
    """``child`` is a clause in the infinitive its verb takes ("pushing [to make] it")."""
    return child.dep_ == "xcomp" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in child.children
    )


def _past_not(node: Token) -> bool:
    """``node`` is negated by "not" in the past ("did not discuss", "has not talked about"),
    not dismissed in the present ("we are not talking about that")."""
    past = node.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "aux" and c.tag_ == "VBD" for c in node.children
    )
    return past and any(c.dep_ == "neg" for c in node.children)


NAME_DEPS = frozenset({"compound", "nmod", "amod", "nummod"})
"""How a theme word sits inside a longer name of the proposal ("a [draft] resolution",
"the [sanctions] package")."""


def _name_nouns(theme: Token) -> frozenset[int]:
    """The nouns the theme helps name ("resolution" over "draft" in "the draft
    resolution against the settlements"). What modifies them (a preposition, a participle:
    "against the settlements", "condemning Israel") is the proposal's own description, as
    its title and description are, never a stance of the speaker's on it."""
    found: set[int] = set()
    node = theme
    while node.dep_ in NAME_DEPS and node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
        found.add(node.i)
    return frozenset(found)


def _is_asserted(action: Token) -> bool:
    """The action is said to happen ("France sends", "will send", "were sent", "the EU is
    to open talks": a plan told with "be to"), not only named ("talk of sending troops",
    "to send"). A verb joined to an existential clause with no subject of its own ("there is
    no consensus to officially, openly, and with endorsement, send troops", where the parser
    cuts the infinitive off its "to") has no one who does it: named, not asserted."""
    if _joined_to_existential(action):
        return False
    return (
        action.tag_ in ("VBD", "VBZ", "VBP")
        or any(child.dep_ in ("aux", "auxpass") and child.tag_ != "TO" for child in action.children)
        or (action.dep_ == "xcomp" and action.head.lemma_ == "be" and action.head.pos_ == "AUX")
    )


QUOTE_MARKS = frozenset('"\u201c\u201d')


def _quote_between(first: Token, second: Token) -> bool:
    """A quotation mark between two words: one is quoted, the other not (or another quote)."""
    start, end = sorted((first.idx, second.idx))
    return any(mark in first.doc.text[start:end] for mark in QUOTE_MARKS)


def _joined_to_existential(verb: Token) -> bool:
    """``verb`` is a conjunct without a subject of its own whose head's only subject is an
    expletive "there": it shares no agent."""
    if verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    kids = list(verb.head.children)
    return any(c.dep_ == "expl" for c in kids) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in kids
    )


def _final_stance(reading: _Reading) -> Stance:
    stance = _stance_of(reading)
    if stance == "opposes" and reading.limited is not None:
        return "open"  # refused only for a time or an occasion (the guidelines' rule 2)
    if reading.consequence and reading.inverse:
        # a threat unless it is done wants it done; a warning unless it is not, the reverse
        return REVERSED.get(stance, stance)
    return stance


def _stance_of(reading: _Reading) -> Stance:
    if reading.question is not None:
        return "unclear"
    if reading.conditional and not reading.consequence:
        return "open"
    if reading.mode == "none":
        if reading.decided_by == "action" and not reading.consequence:
            return "supports" if reading.polarity > 0 else "opposes"
        return "unclear"
    if reading.consequence and reading.decided_by not in {"consequence", "evaluation"}:
        return "unclear"
    if reading.conditional:
        return "open"
    if reading.polarity > 0:
        return "supports" if reading.mode == "firm" else "open"
    return "opposes" if reading.mode == "firm" else "open"


ActCue = tuple[Token, StanceClass | Literal["unclear"], Token | None]
"""A stance act's word in a statement's cue, its stance (negation applied) and the
negating word."""


def act_cues(doc: Doc, statement: Statement | None, acts: ActTable) -> list[ActCue]:
    """The stance acts in an ``act`` statement's cue, innermost (last) first: "has not
    ruled out" -> [(ruled, open, not)], "declined to back" -> [(back, ...), (declined, ...)];
    a count in favour ("14-0", "14 votes in favour") supports."""
    if statement is None or statement.cue_span is None:
        return []
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    if cue is None:
        return []
    way = _vote_way(doc, statement, cue, acts)
    if way:
        return way
    if statement.kind != "act":
        return []
    label = acts.labels.get(normalise_phrase(cue.text.strip(" :.,")))
    if label is not None:
        return [(cue.root, label, None)]  # "In favour: A, B, C."
    found: list[ActCue] = []
    for token in cue:
        lemma = token.lemma_.lower()
        following = [t for t in cue if t.i > token.i and t.pos_ != "PRON"][:1]
        phrases = [words for words, _ in verb_particle_phrases(token)]  # "came out ... for"
        entry, cls = lemma, acts.verbs.get(lemma)
        rest = " ".join(t.lower_ for t in cue if t.i > token.i)
        # "dropped their objections": the object noun of a withdrawal, by its lemma
        objects = [
            c.lemma_.lower()
            for c in token.children
            if c.dep_ == "dobj" and cue.start <= c.i < cue.end
        ]
        for particle in [w.lower_ for w in following] + phrases + [rest] + objects:
            if (lemma, particle) in acts.phrasal:
                entry, cls = f"{lemma} {particle}", acts.phrasal[(lemma, particle)]
                break
        heads_cue = token.head.i == token.i or not cue.start <= token.head.i < cue.end
        if cls is None or not (token.pos_ in VERB_POS or heads_cue):
            continue  # "did not back": the small model may tag the cue's verb an adverb
        negation = next(
            (c for c in token.children if c.dep_ == "neg" or c.lower_ in ("never", "not", "n't")),
            None,
        )
        if _not_done_yet(token, negation):
            found.append((token, "open", negation))  # "yet to ratify", "has not yet ratified"
            continue
        held = _held_back_by_noun(token, cue, acts)
        if held is not None:
            found.append((token, held[1], held[0]))  # "Moscow's refusal to back it"
            continue
        found.append((token, acts.stance(entry, cls, negation is not None), negation))
    if not found and is_count_cue(cue):
        # a count in favour ("adopted 14-0 with Norway abstaining") is each counted
        # member's vote for the text (extract/votes.py)
        found.append((cue.root, "supports", None))
    return sorted(found, key=lambda item: -item[0].i)


def _vote_way(doc: Doc, statement: Statement, cue: SpacySpan, acts: ActTable) -> list[ActCue]:
    """The way of a vote cut from its verb, the content only that way: "Sweden [voted in]
    [favour]." is the act "In favour" (the extract stage may take it for reported speech);
    "did not vote in favour" its negation."""
    content = doc.char_span(*statement.content_span, alignment_mode="expand")
    verb = cue.root
    if content is None or len(content) != 1 or verb.lemma_.lower() not in load_lexicon().votes:
        return []
    way = acts.labels.get(normalise_phrase(f"{cue[-1].text} {content.text}"))
    if way is None:
        return []
    negation = next((c for c in verb.children if c.dep_ == "neg"), None)
    entry = f"{verb.lemma_.lower()} {cue[-1].lower_}"
    return [(verb, acts.stance(entry, way, negation is not None), negation)]


def yet_before_to(verb: Token, words: frozenset[str]) -> Token | None:
    """The word of ``words`` right before the "to" before ``verb`` ("[yet] to ratify it")."""
    if verb.i < 2:
        return None
    to, before = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return before if to.lower_ == "to" and before.lower_ in words else None


def _not_done_yet(verb: Token, negation: Token | None) -> bool:
    """An act told as not done yet: "yet" right before the act verb's "to" ("the only member
    [yet] to ratify it", "has yet to approve it"), or "yet" on a negated act verb ("has not
    [yet] ratified it"). The act is still to come: the actor holds it back for now, which is
    neither the act nor its refusal (open, as "yet to" is in a quote)."""
    not_yet = load_lexicon().not_yet
    if yet_before_to(verb, not_yet) is not None:
        return True
    return negation is not None and any(
        c.lower_ in not_yet for c in verb.children if c.dep_ == "advmod"
    )


def _held_back_by_noun(
    verb: Token, cue: SpacySpan, acts: ActTable
) -> tuple[Token, StanceClass | Literal["unclear"]] | None:
    """The noun outside the cue that an act verb completes, when the noun says the act was
    not done, and the act's stance then: "Moscow's [refusal] to back it" (a refusing noun
    of the act table: the act refused, as under "not": opposes), "Washington's [failure]
    to block it", "Britain's [reluctance] to back it" (a holding-back noun, ``holding_back``:
    the act held back, neither done nor refused: open). The report names the holder by
    the noun ("Moscow's refusal"); the act under it is no act of the holder's."""
    noun = verb.head
    if verb.dep_ not in ("acl", "xcomp") or noun.pos_ != "NOUN" or cue.start <= noun.i < cue.end:
        return None
    lemma = noun.lemma_.lower()
    if lemma in load_lexicon().holding_back:
        return noun, "open"
    if acts.verbs.get(lemma) == "opposes":
        inner = acts.verbs.get(verb.lemma_.lower())
        if inner is not None and inner != "unclear":
            return noun, acts.stance(verb.lemma_.lower(), inner, True)
    return None


def _reported_by_another(
    classifier: _Classifier, doc: Doc, statement: Statement | None
) -> Token | None:
    """The subject of a saying or believing that the statement's cue is the complement of,
    when it is not the statement's speaker: "[Trump] said that Obama wanted to admit them"
    for Obama's "wanted" (the saying itself when the parse gives it no subject). Such a
    statement is its speaker's view only on the claimant's word."""
    if statement is None or statement.cue_span is None:
        return None
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    if cue is None or not len(cue):
        return None
    cues = load_cue_lexicon()
    child = cue.root
    node = child.head
    # only a cue verb that is itself what the other says ("that Obama [wanted] ..."); an act
    # held in a noun ("backs [Obama's opposition] to it") is presupposed, not claimed
    if child.pos_ not in VERB_POS or child.dep_ not in ("ccomp", "xcomp"):
        return None
    if node.pos_ in VERB_POS and cues.is_cue_lemma(node.lemma_.lower()):
        subject = classifier.holder_subject(node)
        if subject is None and node.dep_ in ("advcl", "conj"):
            # "Trump, alleging that ..., said": the participle's subject is its head's
            subject = classifier.holder_subject(node.head)
        if subject is None:
            # nobody the parse can name makes the claim, but it is made above the
            # speaker's own words ("Trump, alleging that ...", with "Trump" misparsed)
            return node
        if classifier.is_speaker(subject, statement, set(), own_words=True):
            return None
        return subject
    return None


def _cue_tokens(doc: Doc, statement: Statement | None) -> frozenset[int]:
    if statement is None or statement.cue_span is None:
        return frozenset()
    cue = doc.char_span(*statement.cue_span, alignment_mode="expand")
    return frozenset(t.i for t in cue) if cue is not None else frozenset()


def _recalled(doc: Doc, statement: Statement | None, lex: StanceLexicon) -> bool:
    """The statement's cue says it was said or done at an earlier time ("[once] praised",
    "[initially] backed"): an adverb, not "once" as a conjunction ("once it passes"); or
    the cue's verb is in the past perfect ("Erdogan [had blocked] the move", told as the
    background of the day's news): done before the time the article tells of."""
    cue = _cue_tokens(doc, statement)
    if any(doc[i].dep_ == "advmod" and doc[i].lower_ in lex.former_times for i in cue):
        return True
    if any(_overcome(doc[i], lex) for i in cue):
        return True
    return any(
        doc[i].tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ == "had" and c.i in cue for c in doc[i].children)
        for i in cue
    )


def _overcome(cue: Token, lex: StanceLexicon) -> bool:
    """``cue`` is a stance the day's event went ahead over: the object or clause of a
    concession preposition ("despite Hungary [threatening] to veto it"), or the object of a
    verb of getting past it ("leaders sidestepped his [opposition]")."""
    if cue.dep_ in ("dobj", "obj") and cue.head.lemma_.lower() in lex.overcome_verbs:
        return True
    return (
        cue.dep_ in ("pobj", "pcomp")
        and cue.head.dep_ == "prep"
        and cue.head.lower_ in lex.overcome_preps
    )


def _contrasted_own_clause(
    classifier: _Classifier,
    span: SpacySpan,
    reading: _Reading,
    statement: Statement | None,
) -> Token | None:
    """A clause of the speaker's own, contrasted with the proposal's, whose verb stands
    for the proposal: "we will not [do] it ourselves, but we respect allies who send",
    "although some allies may send troops, we will not [take] part"; or, when the
    proposal's own words said nothing at all, a stance word over a pro-form in the same
    statement ("those are the signals we send: that we are not [ruling] out different
    things")."""
    lex = classifier.lex
    path = reading.path
    on_path = {t.i for t in (path[:-1] if reading.stopped else path)}

    def contrasted(verb: Token, other: Token) -> bool:
        if (
            verb.dep_ == "conj"
            and verb.head.i == other.i
            or (other.dep_ == "conj" and other.head.i == verb.i)
        ):
            return any(
                c.dep_ in ("cc", "advmod") and c.lower_ in lex.contrast_coordinators
                for c in (*verb.children, *other.children)
            )
        if verb.dep_ == "advcl" and verb.head.i == other.i:
            return classifier.concedes(verb)
        return other.dep_ == "advcl" and other.head.i == verb.i and classifier.concedes(other)

    def next_sentence_but(verb: Token) -> bool:
        """``verb`` heads the sentence after the proposal's, which opens with "But"."""
        sentence = verb.sent
        first = next((t for t in sentence if not t.is_punct), None)
        heads = verb.i == sentence.root.i or not in_span(verb.head, span)
        return (
            heads
            and bool(path)
            and sentence.start == path[-1].sent.end
            and first is not None
            and first.lower_ in lex.contrast_coordinators
        )

    def states_position(verb: Token) -> bool:
        """``verb`` is a stance word heading what follows a colon after the speaker's
        position on the proposal ("stated its position on this issue: we do not agree")."""
        nouns = [t for t in path if t.lemma_.lower() in lex.position_nouns]
        return (
            bool(nouns)
            and classifier.lexical_class(verb) is not None
            and any(t.text == ":" and nouns[0].i < t.i < verb.i for t in verb.sent)
        )

    for verb in span:
        if verb.i in on_path or verb.pos_ not in VERB_POS:
            continue
        words = (verb.lemma_.lower(), *(t.lower_ for t in verb.doc[verb.i + 1 : verb.i + 4]))
        if reading.mode == "none" and states_position(verb):
            pass
        elif any(words[: len(form)] == form for form in lex.proforms):
            if not any(contrasted(verb, other) for other in path):
                continue
        elif not (
            is_proform_stance(classifier, verb)
            and (next_sentence_but(verb) or (reading.mode == "none" and not reading.stopped))
        ):
            continue
        subject = classifier.holder_subject(verb)
        if subject is None or classifier.is_speaker(subject, statement, set()):
            return verb
    return None


OWN_STANCE_SENTENCES = 2
"""How many sentences after the proposal's, inside the statement, may hold the speaker's own
stance over a pronoun that points back ("They are ready. I'm convinced it will come. [We
will support] them")."""


def _own_stance_on_it(classifier: _Classifier, span: SpacySpan, reading: _Reading) -> Token | None:
    """The speaker's own stance word, first person, over a pronoun that points back, in the
    sentence of the statement right after the proposal's: "The discussion of the package
    mattered. [We support] it, but it has been blocked." The pronoun stands for what the
    sentence before was about, the proposal; the speaker's commitment says more than the
    proposal's own sentence did when that gave the speaker no firm stance."""
    lex = classifier.lex
    if not reading.path:
        return None
    follows = {reading.path[-1].sent.end}
    doc = span.doc
    for _ in range(OWN_STANCE_SENTENCES - 1):
        last = max(follows)
        if last < len(doc):
            follows.add(doc[last].sent.end)  # "... I'm convinced. [We will support] them"
    for verb in span:
        sentence = verb.sent
        if sentence.start not in follows or verb.pos_ not in VERB_POS:
            continue
        if not (verb.i == sentence.root.i or not in_span(verb.head, span)):
            continue  # the sentence's own main verb, not one in a clause of it
        if classifier.lexical_class(verb) not in ("supports", "opposes"):
            continue
        subject = classifier.holder_subject(verb)
        pointing = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "obj") and {c.lower_, c.lemma_.lower()} & lex.pronouns
        ]  # "support it", "support them" (the lemma of an object pronoun)
        if subject is not None and subject.lemma_.lower() in lex.first_person and pointing:
            return verb
    return None


def is_proform_stance(classifier: _Classifier, verb: Token) -> bool:
    """A stance word whose subject or object stands for anything, the proposal included:
    "nothing can be ruled out", "we exclude nothing"."""
    return classifier.lexical_class(verb) is not None and any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and c.lemma_.lower() in classifier.lex.proform_pronouns
        for c in verb.children
    )


def _judge_own_clause(classifier: _Classifier, verb: Token, slug: str) -> StanceJudgement | None:
    """The speaker's own commitment in a contrasted clause: negation, modals, conditions
    on its verb ("will not do it" opposes, "could join" open, "will take part" supports;
    "nothing can be ruled out" open)."""
    reading = _Reading()
    # a pro-form ("do it") says nothing itself; a stance word ("ruled out", "agree") does
    classifier.visit(reading, verb, set(), start=verb.lemma_.lower() in classifier.proform_heads)
    if reading.mode == "none" and _is_asserted(verb):
        reading.mode = "firm"
    if reading.mode == "none":
        return None
    reading.note(verb, "lexicon", "negation" if reading.polarity < 0 else "modal")
    stance = _final_stance(reading)
    return StanceJudgement(
        proposal=slug,
        stance=stance,
        confidence=_confidence(reading, stance),
        cues=tuple(sorted(set(reading.cues), key=lambda c: c.span)),
    )


def _confidence(reading: _Reading, stance: Stance) -> float:
    if stance == "unclear":
        return CONFIDENCE["unclear"]
    confidence = CONFIDENCE[reading.decided_by]
    if reading.conditional:
        confidence -= 0.1
    confidence -= 0.05 * max(0, reading.operations - 3)
    return round(min(1.0, max(0.05, confidence)), 2)


def _words(token: Token) -> tuple[Span, str]:
    words = list(token.subtree)
    found = (words[0].idx, words[-1].idx + len(words[-1].text))
    return found, token.doc.text[found[0] : found[1]]


def classify(
    span: SpacySpan,
    match: ProposalMatch,
    statement: Statement | None = None,
    lexicon: StanceLexicon | None = None,
    acts: ActTable | None = None,
    slots: ProposalSlots | None = None,
) -> StanceJudgement:
    """Judge the stance ``span`` (a statement's content in its parsed article) takes on
    the proposal of ``match``; ``statement`` names the speakers, to tell their own stance
    from one they report of others, and for a stance act (kind ``act``) holds the cue
    that carries the stance; ``slots``, the proposal's own words (its action named further
    from its theme than the matcher looks)."""
    lex = lexicon or load_lexicon()
    classifier = _Classifier(lex, statement, slots)
    if match.slot("blocker") is not None:
        return _judge_reaction(classifier, span, match, statement)
    theme, action, reverse = _start(span.doc, match, slots)
    if theme is not None and action is None and (theme.is_punct or theme.is_space):
        theme = _content_head(span)  # a match by meaning that starts at a quotation mark
    if theme is None:
        return StanceJudgement(match.slug, "unclear", CONFIDENCE["unclear"])
    again = _mention_after_correction(theme, span)
    if again is not theme:
        theme, action = again, None  # the action named with the correction is no act on it
    if action is None and not reverse and classifier.inside_what_it_leaves(theme):
        reverse = True  # "Britain is better off [in] the EU": staying, for a proposal to leave
    act = act_cues(span.doc, statement, acts or load_acts())
    reading = classifier.read(
        span, theme, action, act, _cue_tokens(span.doc, statement), reverse=reverse
    )
    stance = "unclear" if reading.undecided else _final_stance(reading)
    own_words = slots.own_words if slots is not None else frozenset()
    if reading.carve_out is not None and reading.carve_out.lemma_.lower() not in own_words:
        # "we want an exemption for these cars": a condition for agreeing, not support;
        # "we reject any exemption for them": the proposal without one
        stance = CARVED_OUT.get(stance, stance)
        reading.note(reading.carve_out, "condition", "lexicon")
    if reading.forecast and stance == "opposes":
        stance = "unclear"  # "the deal could collapse": a forecast, no side taken
    confidence = _confidence(reading, stance)
    if stance != "unclear" and _recalled(span.doc, statement, lex):
        confidence = round(max(0.05, confidence - RECALLED), 2)  # "who once praised it"

    about: Literal["speaker", "others"] = "speaker"
    others = others_actor_id = None
    others_span = None
    # A consequence ("we will retaliate if troops are sent") is the speaker's warning;
    # an act is the speaker's ("Poland rejected the idea").
    holder_counts = (
        not reading.holder_deontic and not reading.consequence and not act and not reading.judgement
    )
    proposal_words = {theme.i} | ({action.i} if action is not None else set())
    described = classifier.anyone_described(theme, span)
    claimant = _reported_by_another(classifier, span.doc, statement)
    teller = None
    if stance != "unclear" and reading.holder_node is not None and not act:
        teller = classifier.view_told_by(
            reading.holder_node, _cue_tokens(span.doc, statement), span
        )
        if teller is not None and classifier.is_speaker(teller, statement, proposal_words):
            teller = None
    if claimant is not None:
        # "Trump, alleging that Obama [wanted] to admit them, said ...": a view reported on
        # someone else's word is no position of its holder's, nor the claimant's
        about = "others"
    elif teller is not None:
        # "Russia is saying this step is escalation, but ...": the view of whoever says it
        about = "others"
        others_span, others = _words(teller)
        others_actor_id = holder_actor_id(teller)
    elif described is not None and not reading.judgement:
        # "[any country that opposes the measure] will ...": whoever would, not the speaker
        about = "others"
        others_span, others = _words(described)
    elif reading.others is not None or reading.reaction:
        # a permission hands the stance to those let do it; a reaction to its reactors
        if reading.others is None or not classifier.is_speaker(
            reading.others, statement, set(), own_words=True
        ):
            about = "others"
            if reading.others is not None:
                others_span, others = _words(reading.others)
                others_actor_id = holder_actor_id(reading.others)
    elif stance != "unclear" and reading.holder_node is not None and holder_counts:
        subject = classifier.holder_subject(reading.holder_node)
        if subject is not None and not classifier.is_speaker(subject, statement, proposal_words):
            if classifier.pays_part(subject, reading):
                # "Mexico will pay for the wall": the speaker says it will be built;
                # "Mexico will not pay for it" only says who will not pay
                stance = "supports" if stance == "supports" else "unclear"
                confidence = _confidence(reading, stance)
            else:
                about = "others"
                others_span, others = _words(subject)
                others_actor_id = holder_actor_id(subject)
    if about == "others" or stance in ("unclear", "open"):
        # "... the package was discussed. We support it": the speaker's own word on it
        own = _own_stance_on_it(classifier, span, reading)
        judged = _judge_own_clause(classifier, own, match.slug) if own is not None else None
        if judged is not None:
            return judged
    if about == "others" or stance == "unclear":
        own = _contrasted_own_clause(classifier, span, reading, statement)
        judged = _judge_own_clause(classifier, own, match.slug) if own is not None else None
        if judged is not None:
            return judged
    agrees = classifier.own_act_agrees(span) if stance == "unclear" else None
    if agrees is not None:
        # "the position we adopted today is in line with our policy": the speaker's own act
        return StanceJudgement(
            proposal=match.slug,
            stance="supports",
            confidence=CONFIDENCE["evaluation"],
            cues=(Cue(agrees.text, char_span(agrees), "evaluation"),),
        )
    return StanceJudgement(
        proposal=match.slug,
        stance=stance,
        confidence=confidence,
        cues=tuple(sorted(set(reading.cues), key=lambda c: c.span)),
        about=about,
        others=others,
        others_span=others_span,
        others_actor_id=others_actor_id,
    )


def _mention_after_correction(theme: Token, span: SpacySpan) -> Token:
    """A theme named only to say what something is not about ("it was about the wording,
    [not about] membership.") is a correction, no stance; when a later sentence of the same
    content names it again ("It is absurd that there is no date for membership"), the
    stance is read there."""
    prep = theme.head
    doc = theme.doc
    corrected = (
        theme.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.i > 0
        and doc[prep.i - 1].dep_ == "neg"
    )
    if not corrected:
        return theme
    lemma = theme.lemma_.lower()
    later = (
        t
        for t in span
        if t.sent.start > theme.sent.start and t.lemma_.lower() == lemma and t.pos_ == theme.pos_
    )
    return next(later, theme)


def _judge_reaction(
    classifier: _Classifier, span: SpacySpan, match: ProposalMatch, statement: Statement | None
) -> StanceJudgement:
    """A reproach of a member that blocks the proposal (``ProposalMatcher``'s
    ``_blocker_reactions``: "I am frustrated with Hungary" after "Hungary vowed to block the
    package") supports the proposal: the critic wants done what the blocker holds back, as
    criticism of those who hold back does. It is the speaker's when the one reproaching is
    the speaker (no subject, a pronoun, the speaker's name); "its supporters feel
    frustrated" is others'."""
    reproach = match.slot("theme")
    word = _token_at(span.doc, reproach.span) if reproach is not None else None
    if word is None:
        return StanceJudgement(match.slug, "unclear", CONFIDENCE["unclear"])
    subject, node = None, word
    for _ in range(4):  # the one who reproaches: "[I] am astounded by", passive or not
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or node.dep_ not in CLAUSE_CLIMB_DEPS | {"conj"}:
            break
        node = node.head
    cue = Cue(word.text, char_span(word), "evaluation")
    if subject is not None and not classifier.is_speaker(subject, statement, set()):
        others_span, others = _words(subject)
        return StanceJudgement(
            match.slug,
            "supports",
            CONFIDENCE["evaluation"],
            (cue,),
            about="others",
            others=others,
            others_span=others_span,
            others_actor_id=holder_actor_id(subject),
        )
    return StanceJudgement(match.slug, "supports", CONFIDENCE["evaluation"], (cue,))


YEAR = re.compile(r"^(1[89]\d\d|2\d\d\d)$")
BRACKETED_INITIALS = re.compile(r"\s*\([A-Z][A-Za-z.]*\)?\s*$")
"""Initials in brackets after a name ("... Security Council (UNSC)")."""


def about_an_earlier_text(span: SpacySpan, match: ProposalMatch, statement: Statement) -> bool:
    """What was done with a text in an earlier year than the statement's day is done with an
    earlier text: "in 2011 the US vetoed a resolution condemning settlements", in an article
    of 2016 on a new one. Texts are decided once, so for a proposal that is a text (its theme
    a document) such a statement is not about it. Only when the statement has no date of its
    own but the article's (a statement dated explicitly in that year is that year's)."""
    if statement.said_on is None or statement.said_on_basis == "explicit":
        return False
    theme_evidence = match.slot("theme")
    theme = _token_at(span.doc, theme_evidence.span) if theme_evidence else None
    if theme is None or theme.lemma_.lower() not in load_concepts().documents:
        return False
    clause = {theme.i} | {t.i for t in theme.ancestors}
    for entity in span.doc.ents:
        if entity.label_ != "DATE":
            continue
        node = entity.root
        while node.i not in clause and node.dep_ not in CLAUSE_DEPS and node.head.i != node.i:
            node = node.head  # "[in 2011] the US vetoed", "under Obama [in 2011]"
        if node.i not in clause:
            continue
        years = [int(t.text) for t in entity if YEAR.match(t.text)]
        if years and max(years) < statement.said_on.year:
            return True
    return False


def spoken_by_the_proposal(
    doc: Doc, statement: Statement, match: ProposalMatch, matcher: ProposalMatcher
) -> bool:
    """The statement's source is the proposal itself ("[a UN resolution] condemning the
    settlements", "[the draft] demands that ..."): what the text says is its content, no
    stance of anyone's on it (a text holds no position on itself)."""
    if statement.source_span is None:
        return False
    source = doc.char_span(*statement.source_span, alignment_mode="expand")
    if source is None or not len(source):
        return False
    for found in matcher.match(source):
        theme = found.slot("theme")
        if found.slug != match.slug or theme is None:
            continue
        # the text heads the source, not a clause on it ("two senators, both of whom
        # [opposed the deal]")
        token = _token_at(doc, theme.span)
        if token is not None and source.root.i in {token.i} | _name_nouns(token):
            return True
    return False


@lru_cache(maxsize=32)
def deciding_organs(bodies: tuple[str, ...]) -> frozenset[str]:
    """The organs of organisations (``organisations.json``) that are ``bodies``: "UN
    Security Council" for ``unsc`` (unknown bodies, and bodies no organ names, add none)."""
    names = [actor_index().lookup(body.name) for body in known_bodies(bodies)]
    return frozenset(n.body for n in names if n is not None and n.via == "body" and n.body)


@lru_cache(maxsize=32)
def organs_named(text: str) -> frozenset[str]:
    """The organs of organisations a proposal's words name ("A UN Security Council
    resolution ..."): its text is theirs to decide. An organisation named as such ("The
    European Union adopts ...") is an actor with a position, no organ."""
    words = re.findall(r"[\w.'-]+", text)
    found: set[str] = set()
    for size in range(4, 0, -1):
        for start in range(len(words) - size + 1):
            name = actor_index().lookup(" ".join(words[start : start + size]))
            if name is not None and name.via == "body" and name.body:
                found.add(name.body)
    return frozenset(found)


def adopted_by_its_body(
    span: SpacySpan, match: ProposalMatch, statement: Statement, matcher: ProposalMatcher
) -> bool:
    """A statement of the body that decides on a proposal that is a text, on that text:
    its act ("the Security Council approved the resolution") is the outcome the members'
    positions lead to, and its own words on a draft before it (a heading "UN Security
    Council: explanation of vote on the draft resolution", "the Council will vote on the
    text on Saturday") are its procedure, not a position of the organisation's on its own
    text. The deciding body is one of the proposal's ``bodies`` or an organ its words name.
    Its members, and the organisation's other voices (its Secretary-General), keep theirs."""
    theme_evidence = match.slot("theme")
    theme = _token_at(span.doc, theme_evidence.span) if theme_evidence else None
    if theme is None or theme.lemma_.lower() not in load_concepts().documents:
        return False
    proposal = next((p for p in matcher.proposals if p.slug == match.slug), None)
    if proposal is None:
        return False
    organs = deciding_organs(tuple(proposal.bodies)) | organs_named(
        f"{proposal.title}. {proposal.description}"
    )
    for speaker in statement.speakers:
        # "The United Nations Security Council (UNSC)": a name with its initials after it
        name = actor_index().lookup(BRACKETED_INITIALS.sub("", speaker.text))
        if name is None or name.via != "body" or name.body not in organs:
            continue
        if speaker.actor_id == name.actor.id:
            return True  # the organ itself, not a member named through it (a vote count)
    return False


@lru_cache(maxsize=32)
def proposal_doers(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Who a proposal's words name as doing it: the organisations ("EU ratification ...":
    EU; "NATO members send troops": NATO) and the organs ("A UN Security Council
    resolution": the Security Council, and the UN). A country it names may be where the
    thing goes ("troops to Ukraine") or whom it is done to, so countries are left out."""
    words = re.findall(r"[\w.'-]+", text)
    actors: set[str] = set()
    organs: set[str] = set()
    for size in range(4, 0, -1):
        for start in range(len(words) - size + 1):
            name = actor_index().lookup(" ".join(words[start : start + size]))
            if name is None or name.actor.kind == "country":
                continue
            actors.add(name.actor.id)
            if name.via == "body" and name.body:
                organs.add(name.body)
    return frozenset(actors), frozenset(organs)


@lru_cache(maxsize=32)
def organisation_members(actors: frozenset[str]) -> frozenset[str]:
    """Every actor that ever belonged to a body of the organisations ``actors`` (the EU's
    member states through the Council of the EU), whatever bodies the proposal names."""
    return frozenset(
        member.actor_id
        for body in load_bodies().values()
        if body.actor_id in actors
        for member in body.memberships
    )


DOER_PREPS = frozenset({"by", "of"})
"""Prepositions that name who does an act or whose a text is ("ratification [by] India", "a
resolution [of] the General Assembly")."""


def _phrase(token: Token) -> str:
    """``token``'s words without a determiner or a possessive ending ("the UN General
    Assembly" -> "UN General Assembly", "India's" -> "India")."""
    words = [t for t in token.subtree if t.dep_ not in ("det", "case", "punct")]
    return " ".join(t.text for t in words)


def _is_act_of(word: Token, slots: ProposalSlots) -> bool:
    """``word`` is the proposal's own action or its noun ("ratify", "ratification")."""
    if slots.action.has_token(word):
        return True
    lemma = word.lemma_.lower()
    return len(lemma) >= ACT_PREFIX and any(
        len(action) >= ACT_PREFIX and lemma[:ACT_PREFIX] == action[:ACT_PREFIX]
        for action in slots.action.words
    )


ACT_PREFIX = 5
"""Letters an action and its noun share ("ratif-y", "ratif-ication", "adopt-ion")."""


def _named_doers(word: Token, slots: ProposalSlots, announcing: frozenset[str]) -> list[Token]:
    """Who ``word`` (the proposal's act or text in a statement) is said to be done or held
    by: its possessor or a name modifying it ("India's ratification", "EU ratification"),
    its "by"/"of" ("a resolution of the General Assembly"), a passive's agent, or the
    subject of the verb that does it or tells of doing it ("India ratified the agreement",
    "India announced its ratification"); not of a verb that reacts to it ("India welcomed
    the ratification")."""
    found: list[Token] = []
    for child in word.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.tag_ != "PRP$":
            found.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in DOER_PREPS:
            found += [o for o in child.children if o.dep_ == "pobj"]
    verb = word if word.pos_ in VERB_POS and _is_act_of(word, slots) else None
    if verb is None and word.dep_ == "dobj" and word.head.pos_ in VERB_POS:
        head = word.head
        if _is_act_of(head, slots) or head.lemma_.lower() in announcing:
            verb = head
    if verb is not None:
        found += [c for c in verb.children if c.dep_ == "nsubj"]
    return found


def done_by_another(
    span: SpacySpan, match: ProposalMatch, statement: Statement, matcher: ProposalMatcher
) -> bool:
    """The statement is about another party doing the same act on its own behalf, not the
    proposal's doer doing it (the guidelines' rule 11): "India announced its ratification of
    the Paris Agreement" when the proposal is the EU's ratification of it; "a resolution of
    the General Assembly" when the proposal is a Security Council draft. The proposal's
    words name its doer (an actor or an organ: ``proposal_doers``). For an actor's act,
    another actor that is no member of the proposal's bodies or of the organisation it names
    (``organisation_members``), named as the one who does the act, makes the match another
    act (a country the proposal names is one of its parties: "the deal with Canada"); for an
    organ's text, only another organ does (its members draft and vote on it). A statement
    whose cue is the act itself or tells of it ("India [ratified] the agreement", "India
    [announced] a ratification of it"), by a speaker outside them, is the same shape."""
    proposal = next((p for p in matcher.proposals if p.slug == match.slug), None)
    slots = slots_of(matcher, match.slug)
    if proposal is None or slots is None:
        return False
    actors, organs = proposal_doers(f"{proposal.title}. {proposal.description}")
    if not actors and not organs:
        return False
    # the countries it names are its parties too ("the trade deal with Canada": Canada signs
    # the same deal)
    own = actors | slots.members | organisation_members(actors) | slots.named
    announcing = load_lexicon().own_acts_announced

    def another(text: str) -> bool | None:
        name = actor_index().lookup(text)
        if name is None:
            return None
        if organs:
            # a text an organ decides: its members draft, sponsor and vote on it, so only
            # another organ's text is another ("the General Assembly" for a Council draft)
            return name.body not in organs if name.via == "body" and name.body else None
        return name.actor.id not in own

    theme, action, _ = _start(span.doc, match, slots)
    word = action or theme
    if word is None:
        return False
    words = [word]
    node = word
    while node.dep_ in ("pobj", "prep", "compound") and node.head.i != node.i:
        node = node.head  # "a [ratification] of the agreement": the act over its object
        if node.pos_ == "NOUN" and _is_act_of(node, slots):
            words.append(node)
            break
    verdicts = [
        another(_phrase(doer)) for w in words for doer in _named_doers(w, slots, announcing)
    ]
    if not any(v is not None for v in verdicts) and statement.cue_span is not None:
        cue = span.doc.char_span(*statement.cue_span, alignment_mode="expand")
        act = words[-1]
        # the act is the cue's ("India [ratified] the agreement") or told by its doer
        # ("India [announced] a ratification of it"): the speaker did it
        acting = cue is not None and any(_is_act_of(t, slots) for t in cue)
        told = (
            cue is not None
            and act.i == span.root.i
            and _is_act_of(act, slots)
            and any(t.lemma_.lower() in announcing for t in cue)
        )
        if acting or told:
            verdicts = [
                speaker.actor_id not in own if speaker.actor_id else None
                for speaker in statement.speakers
            ]
    known = [v for v in verdicts if v is not None]
    return bool(known) and all(known)


def _count_of(token: Token) -> int | None:
    """The number ``token`` writes ("140", "eleven"), if any."""
    if token.text.isdigit():
        return int(token.text)
    return vote_words().numbers.get(token.lower_)


def voted_by_more_than_its_body(
    span: SpacySpan, match: ProposalMatch, statement: Statement, matcher: ProposalMatcher
) -> bool:
    """The statement's sentence tells a vote by more states than the proposal's deciding
    bodies have members on its day ("the UAE and 140 other countries voted for a resolution
    against the invasion", for a Security Council draft of 15 members): the vote is another,
    larger body's (the General Assembly's), on its own text. Only a count of states
    (``members`` of data/votes.toml, not "members" or "votes", which a parliament's may be)
    that is the subject, or the agent, of a vote or a decision counts. The bodies are the
    proposal's, or failing those the organs its words name."""
    proposal = next((p for p in matcher.proposals if p.slug == match.slug), None)
    day = statement.said_on
    if proposal is None or day is None:
        return False
    # its bodies, or the organs its words name ("A UN Security Council resolution ...")
    known = load_bodies()
    refs = proposal.bodies or [
        body.id
        for body in known.values()
        if deciding_organs((body.id,)) & organs_named(f"{proposal.title}. {proposal.description}")
    ]
    bodies = [known.get(ref) for ref in refs]
    if not bodies or any(b is None or b.parametric or not membership_known(b, day) for b in bodies):
        return False
    most = max(len(members_as_of(b, day)) for b in bodies if b is not None)
    return states_voting_above(span.root.sent, most)


def states_voting_above(sentence: SpacySpan, most: int) -> bool:
    """``sentence`` tells a vote or a decision by more than ``most`` states: a count of
    states (``members`` of data/votes.toml less ``members_of_a_body``) that is the subject or
    the agent of a vote or a decision, or that the parser hung elsewhere right before such a
    verb with no subject of its own ("after the UAE and 140 other countries [voted] for
    it")."""
    words = vote_words()
    states = words.members - words.members_of_a_body
    acts = words.collective | words.decisions | words.passing
    for token in sentence:
        noun = token.head
        if token.dep_ != "nummod" or noun.lemma_.lower() not in states:
            continue
        count = _count_of(token)
        if count is None or count <= most:
            continue
        after = noun.right_edge.i + 1
        if after < len(noun.doc):
            verb = noun.doc[after]
            if verb.lemma_.lower() in acts and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
            ):
                return True
        while noun.dep_ == "conj":
            noun = noun.head  # "the UAE and 140 other [countries]"
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "agent" else noun.head
        if noun.dep_ in ("nsubj", "pobj") and verb.lemma_.lower() in acts:
            return True
    return False


def not_about_it(
    span: SpacySpan, match: ProposalMatch, statement: Statement, matcher: ProposalMatcher
) -> bool:
    """A match that is no statement about the proposal: what was done with an earlier text,
    the text's own words, the deciding body's own act on it, another party's own act of
    the same kind, or a vote by more states than its body has."""
    return (
        about_an_earlier_text(span, match, statement)
        or spoken_by_the_proposal(span.doc, statement, match, matcher)
        or adopted_by_its_body(span, match, statement, matcher)
        or done_by_another(span, match, statement, matcher)
        or voted_by_more_than_its_body(span, match, statement, matcher)
    )


def statement_span(doc: Doc, statement: Statement) -> SpacySpan | None:
    """The statement's content as a span of ``doc`` (the parsed article body)."""
    start, end = statement.content_span
    return doc.char_span(start, end, alignment_mode="expand")


def judge_statement(
    doc: Doc,
    statement: Statement,
    matcher: ProposalMatcher,
    lexicon: StanceLexicon | None = None,
) -> list[StanceJudgement]:
    """Match a statement's content against every proposal and judge each match."""
    span = statement_span(doc, statement)
    if span is None or not len(span):
        return []
    return [
        classify(span, match, statement, lexicon, slots=slots_of(matcher, match.slug))
        for match in matcher.match_in_context(span)
        if not not_about_it(span, match, statement, matcher)
    ]


def slots_of(matcher: ProposalMatcher, slug: str) -> ProposalSlots | None:
    """The slots ``matcher`` derived for the proposal ``slug``."""
    return next((s for s in matcher.slots if s.slug == slug), None)
