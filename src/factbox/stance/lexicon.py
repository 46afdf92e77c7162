"""Loading the stance data files: concept sets for matching, stance words for classifying,
and the stance acts whose cue carries the stance.

All live in ``factbox/data/stance/``; see the comments at the top of each file.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import product
from pathlib import Path
from typing import Literal, cast

ConceptKind = Literal["action", "theme", "qualifier", "agent", "place", "referent"]
StanceClass = Literal["supports", "open", "opposes"]
ActStance = Literal["supports", "open", "opposes", "unclear"]
CONCEPT_KINDS: tuple[ConceptKind, ...] = (
    "action",
    "theme",
    "qualifier",
    "agent",
    "place",
    "referent",
)
STANCE_CLASSES: tuple[StanceClass, ...] = ("supports", "open", "opposes")

_PHRASE_SPLIT = re.compile(r"[\s\-]+")


def normalise_phrase(text: str) -> tuple[str, ...]:
    """A phrase as the lower-case words it is matched on, hyphens dropped."""
    return tuple(w for w in _PHRASE_SPLIT.split(text.lower()) if w)


@dataclass(frozen=True, slots=True)
class ConceptSet:
    name: str
    kind: ConceptKind
    words: frozenset[str]
    """Single-word members (lemmas, lower case)."""
    phrases: frozenset[tuple[str, ...]]
    """Multi-word members as normalised word tuples."""
    spellings: frozenset[tuple[str, ...]] = frozenset()
    """Hyphenated single words split into parts ("f-16" as f, 16): names, not phrases."""

    def has(self, form: str) -> bool:
        return form in self.words or normalise_phrase(form) in self.phrases


@dataclass(frozen=True, slots=True)
class ConceptTable:
    sets: tuple[ConceptSet, ...]
    destination_preps: frozenset[str] = frozenset()
    theme_only_preps: frozenset[str] = frozenset()
    directional_preps: frozenset[str] = frozenset()
    referring_words: frozenset[str] = frozenset()
    referring_determiners: frozenset[str] = frozenset()
    referring_nouns: frozenset[str] = frozenset()
    general_words: frozenset[str] = frozenset()
    """Words that stand for anything, the proposal included ("nothing can be ruled out")."""
    general_determiners: frozenset[str] = frozenset()
    """Determiners that make a noun of ``general_words`` stand for all ("all options")."""
    opposites: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    """Pairs of action words (does, undoes): the second undoes what the first does."""
    documents: frozenset[str] = frozenset()
    """Themes that are texts someone drafts and a body decides on ("resolution", "package")."""
    sponsor_verbs: frozenset[str] = frozenset()
    """Verbs that name a text's sponsor ("drafted by Russia", "the Russian-proposed text")."""
    rival_words: frozenset[str] = frozenset()
    """Modifiers that make a text another one than the proposal ("the rival draft")."""
    decision_verbs: frozenset[str] = frozenset()
    """What a body's members do with a text ("veto", "vote", "adopt"): for a proposal whose
    theme is a document, the act that decides it."""
    vote_ways: frozenset[str] = frozenset()
    """Words after a vote that say which way it went, not on what ("voted in favour")."""
    reproach_words: frozenset[str] = frozenset()
    """A reproach of someone ("frustrated with Hungary"): see ``blocking_words``."""
    reproach_expectations: frozenset[str] = frozenset()
    """A disappointed expectation of someone ("expected more solidarity from Hungary")."""
    reproach_preps: frozenset[str] = frozenset()
    """Prepositions before whom a reproach is of ("upset [with] Hungary")."""
    blocker_nouns: frozenset[str] = frozenset()
    """What of the reproached is reproached ("the Hungarian [position]")."""
    blocking_words: frozenset[str] = frozenset()
    """What a member does to a proposal it blocks ("Hungary vowed to [block] the package"):
    a reproach of that member after it is a reaction to the blocking, for the proposal."""
    unnamed_members: frozenset[str] = frozenset()
    """Nouns of a member left unnamed ("held hostage by one [member state]"): with
    ``unnamed_counts`` before them, the one member the text showed blocking."""
    unnamed_counts: frozenset[str] = frozenset()
    """What makes such a noun a single member ("[one] member state", "a [single] country")."""
    referring_possessives: frozenset[str] = frozenset()
    """Possessives that point back at a thing named before ("his proposed wall")."""
    generic_determiners: frozenset[str] = frozenset()
    """Determiners that speak of any thing of a kind ("a wall", "no wall")."""
    natural_actions: tuple[tuple[str, str], ...] = ()
    """(theme set name or theme lemma, action word): the action that brings such a theme
    about, for a proposal that names none of its own ("EU tariffs on Chinese cars": impose)."""
    singular_pronouns: frozenset[str] = frozenset()
    """Pronouns that stand for one thing named just before ("it's disastrous")."""
    plural_pronouns: frozenset[str] = frozenset()
    """Pronouns that stand for things named just before ("they can be planted among us")."""
    referring_adjectives: frozenset[str] = frozenset()
    """Adjectives that leave a referring noun pointing back ("the new proposal")."""
    standing_nouns: frozenset[str] = frozenset()
    """Nouns of a stance held on a thing that, with a determiner or possessive and no topic
    of their own, point back at the thing named before ("dropped [their objections]")."""
    vote_topics: frozenset[str] = frozenset()
    """Prepositions after a vote noun that say what it was on ("a vote [about] X")."""
    other_vote_words: frozenset[str] = frozenset()
    """Modifiers that make a vote another kind than the one that decides ("a non-binding
    vote"): a bare vote on one is not on the proposal."""
    acting_verbs: frozenset[str] = frozenset()
    """Verbs (with a word they need) that stand for doing what was named just before, with
    nothing of their own to act on ("urged Budapest to act quickly", "will follow suit")."""
    acting_preps: frozenset[str] = frozenset()
    """Prepositions after such a verb that name no topic of its own ("act without delay")."""
    step_preps: frozenset[str] = frozenset()
    """Prepositions before which a bare noun of the proposal's kind is the proposal's own
    ("before ratification")."""
    example_preps: frozenset[str] = frozenset()
    """Prepositions that list examples of the noun they hang on ("qualifications, [including]
    ... some of those issues"): a referring noun among them is one of those, not a pointer
    back to the proposal."""
    vote_sides: frozenset[str] = frozenset()
    """Nouns for one side of a vote ("the majority", "the No camp")."""
    joining_verbs: frozenset[str] = frozenset()
    """Verbs by which a member takes a side ("sided with", "joined"): taking a side of the
    vote is voting on the proposal the sentences before name."""
    document_actions: frozenset[str] = frozenset()
    """What is done with a text once a body adopts it ("implement", "comply with"): for a
    proposal whose theme is a document, its own action, not another one."""
    topic_named: frozenset[str] = frozenset()
    """Things named by their topic ("a trade deal"): a common noun before one whose topic is
    none of the proposal's words makes it another one."""
    topic_adjectives: frozenset[str] = frozenset()
    """Adjectives that name a field ("a nuclear agreement"), as a noun before a thing does."""
    flow_nouns: frozenset[str] = frozenset()
    """Nouns of goods moving ("imports", "sales", "deliveries"): a proposal's theme that is
    one names the goods with "of" ("imports of Russian oil"), and the goods are its theme too
    ("an oil embargo")."""
    spelling_endings: tuple[tuple[str, str], ...] = ()
    """Pairs of word endings that spell one word two ways ("defence" and "defense",
    "favour" and "favor"): a proposal or set word is looked for in both (``variants``)."""

    def variants(self, word: str) -> frozenset[str]:
        """``word`` and its other spellings by ``spelling_endings`` (each word of a phrase):
        an ending is swapped only after at least ``SPELLING_STEM`` letters, so "four" never
        becomes "for" nor "fence" "fense"."""
        parts = word.split(" ")
        if len(parts) > 1:
            spelled = [sorted(self.variants(part)) for part in parts]
            return frozenset(" ".join(combo) for combo in product(*spelled))
        found = {word}
        for one, other in self.spelling_endings:
            for ending, swapped in ((one, other), (other, one)):
                if word.endswith(ending) and len(word) - len(ending) >= SPELLING_STEM:
                    found.add(word[: -len(ending)] + swapped)
        return frozenset(found)
    joining_action: str = ""
    """The action set of letting a state into a body ("admit": invite, accept, ...)."""
    joining_theme: str = ""
    """The theme set of a state's joining ("membership": accession, admission, ...)."""
    joining_theme_verbs: frozenset[str] = frozenset()
    """What the state itself does when it joins ("join", "accede"): theme words too."""
    joining_roles: frozenset[str] = frozenset()
    """The role a state is taken in as ("NATO takes Finland in [as a member]"): any verb
    with a state for object and one of these after "as" lets the state in."""
    permitting_verbs: frozenset[str] = frozenset()
    """Verbs that let someone else act ("[Let] Finland join NATO", "[Allow] Sweden to
    join"): the proposal's action is the verb they let happen."""

    def natural_action(self, theme: str) -> list[str]:
        """The actions that bring ``theme`` (a lemma) about, by the sets that hold it or by
        the lemma itself."""
        held = {s.name for s in self.containing(theme, "theme")} | {theme}
        return [action for name, action in self.natural_actions if name in held]

    def opposite_actions(self, action: str) -> frozenset[str]:
        """The words of actions that undo ``action`` (a lemma): "remain" for "leave"."""
        return frozenset(w for does, undoes in self.opposites if action in does for w in undoes)

    def containing(self, form: str, kind: ConceptKind) -> list[ConceptSet]:
        return [s for s in self.sets if s.kind == kind and s.has(form)]

    def of_kind(self, kind: ConceptKind) -> list[ConceptSet]:
        return [s for s in self.sets if s.kind == kind]


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    verbs: dict[str, StanceClass]
    requires: dict[str, frozenset[str]]
    phrasal: dict[tuple[str, str], StanceClass]
    words: dict[str, StanceClass]
    phrases: dict[tuple[str, ...], StanceClass]
    modals: dict[str, StanceClass]
    deontic: frozenset[str]
    condition_marks: frozenset[str]
    condition_preps: frozenset[str]
    restrictive: frozenset[str]
    restricted_preps: frozenset[str]
    negative_determiners: frozenset[str]
    negative_adverbs: frozenset[str]
    negative_pronouns: frozenset[str]
    first_person: frozenset[str]
    pronouns: frozenset[str]
    self_references: frozenset[str]
    warning_verbs: frozenset[str]
    question_marks: frozenset[str] = frozenset()
    own_texts: frozenset[str] = frozenset()
    """Texts a speaker issues ("statement", "communique"): "the statement" is its voice."""
    member_nouns: frozenset[str] = frozenset()
    """"The members of the council" said by the council: the whole speaking of itself."""
    habits: frozenset[str] = frozenset()
    """Nouns of habit ("a history [of] taking them in"): the action said to happen."""
    preconditions: frozenset[str] = frozenset()
    """Verbs of wanting something first ("want guarantees [before] we impose them")."""
    prerequisite_verbs: frozenset[str] = frozenset()
    """Verbs of necessity whose object, a step the proposal is named by, is a condition on
    it ("needs a roadmap for accession")."""
    prerequisite_preps: frozenset[str] = frozenset()
    """Prepositions by which such a step is for the proposal ("[for] joining")."""
    copula_positions: frozenset[str] = frozenset()
    copula_supports: frozenset[str] = frozenset()
    """Prepositions of a position in favour said by a copula with a person for its subject
    ("I am all [for] it")."""
    thing_pronouns: frozenset[str] = frozenset()
    staying_verbs: frozenset[str] = frozenset()
    """Undoing words that mean staying ("remain"): the proposal is to leave something."""
    staying_preps: frozenset[str] = frozenset()
    """Prepositions of being inside what the proposal would leave ("in the EU")."""
    """Pronouns that stand for a thing, not a person ("[it] is for the wall")."""
    """Positions said by a copula whose negation sits on it ("are [not] opposed to it")."""
    anything_words: frozenset[str] = frozenset()
    """"Something" a clause says of the proposal ("is not [something] we can rule out")."""
    verdicts: frozenset[str] = frozenset()
    """What an act is worth ("was [right] to impose them", "the [appropriate] response")."""
    verb_phrases: dict[tuple[str, ...], StanceClass] = field(default_factory=dict)
    """A verb lemma and the words of its prepositional phrase ("stand in the way")."""
    holding_back: frozenset[str] = frozenset()
    holding_back_into: frozenset[str] = frozenset()
    """Prepositions after which a holding-back verb takes someone somewhere ("drag [into]")."""
    holding_back_obtaining: frozenset[str] = frozenset()
    """Verbs of getting after a holding-back word ("failed to [obtain] a pledge that ..."):
    then it holds nothing back, it tells what was wanted."""
    criticism: frozenset[str] = frozenset()
    permission: frozenset[str] = frozenset()
    contrast_coordinators: frozenset[str] = frozenset()
    concessive_marks: frozenset[str] = frozenset()
    proforms: frozenset[tuple[str, ...]] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    agent_preps: frozenset[str] = frozenset()
    discussion: frozenset[str] = frozenset()
    before_words: frozenset[str] = frozenset()
    """Time words that put another act before the proposal ("before", "ahead of"): a
    condition on it."""
    after_words: frozenset[str] = frozenset()
    """Time words that only date another act by the proposal ("after", "since")."""
    time_carriers: frozenset[str] = frozenset()
    """Prepositions through which an adverb of time takes the proposal ("ahead [of]")."""
    alternative_adverbs: frozenset[str] = frozenset()
    """Adverbs that make the proposal the rejected alternative ("[instead] of", "[rather]
    than"), with ``alternative_preps``."""
    alternative_preps: frozenset[str] = frozenset()
    timely: frozenset[str] = frozenset()
    """Nouns whose clause, under a copula, is what should be done now ("it is [time] to")."""
    only_ways: frozenset[str] = frozenset()
    """Nouns that, negated, leave the proposal as the only way ("no [choice] but to")."""
    only_way_joints: frozenset[str] = frozenset()
    only_answers: frozenset[str] = frozenset()
    """Nouns that, with "only", make a copula's subject the one way out ("is the only
    [guarantee]")."""
    """Words that join the proposal to such a noun ("no choice [but] to", "no alternative
    [to]")."""
    not_yet: frozenset[str] = frozenset()
    """Adverbs right before a verb's "to" that say it is not done yet ("[yet] to ratify")."""
    circumstances: frozenset[str] = frozenset()
    """Prepositions of the climate an act happens in ("[amid] fears of a war"): no
    judgement of the act."""
    readiness: frozenset[str] = frozenset()
    """Open words of readiness that keep an act against it ("[prepared] to block it")."""
    limit_adverbs: frozenset[str] = frozenset()
    """Adverbs that limit a refusal to a time ("not [now]", "not [yet]")."""
    limit_preps: frozenset[str] = frozenset()
    """Prepositions whose object (one of ``limit_nouns``, or a date) limits a refusal to a
    time or an occasion ("not [at] this summit")."""
    limit_nouns: frozenset[str] = frozenset()
    limit_marks: frozenset[str] = frozenset()
    """Marks of a clause that limits a refusal to a time ("not [while] the war goes on")."""
    limit_places: frozenset[str] = frozenset()
    """Prepositions whose place limits a refusal to the occasion held there ("[in] Vilnius")."""
    limit_words: frozenset[str] = frozenset()
    """Evaluations that judge the proposal too early ("premature"): a time limit, open."""
    side_people: dict[str, StanceClass] = field(default_factory=dict)
    """Nouns for the people on one side of it ("opponents", "supporters"): their side, read
    only where a speaker takes it (the object of one of ``side_joining``)."""
    side_joining: frozenset[str] = frozenset()
    side_copulas: frozenset[str] = frozenset()
    """Copulas whose subject is one of the people on a side ("I am a supporter of it")."""
    """Verbs by which a speaker takes the side of such people ("sided with", "joined")."""
    undecided: frozenset[str] = frozenset()
    speech_topics: frozenset[str] = frozenset()
    proform_pronouns: frozenset[str] = frozenset()
    restatements: frozenset[tuple[str, ...]] = frozenset()
    position_nouns: frozenset[str] = frozenset()
    """"its position on this issue: we do not agree": what follows the colon is the stance."""
    case_nouns: frozenset[str] = frozenset()
    """Nouns that refer back to the proposal as a condition ("in this case")."""
    case_preps: frozenset[str] = frozenset()
    harms: frozenset[str] = frozenset()
    """Verbs whose subject, when it is the proposal, is warned against ("could depress")."""
    benefits: frozenset[str] = frozenset()
    """Verbs whose subject, when it is the proposal, is argued for ("will boost growth")."""
    bare_benefits: frozenset[str] = frozenset()
    """Benefits only with no complement of their own ("the sanctions are working")."""
    remedies: frozenset[str] = frozenset()
    """Benefits only over an object of their own, the harm the proposal stops ("will stop
    illegal crossings"); without one ("the fighting will stop") no benefit."""
    effect_raises: frozenset[str] = frozenset()
    """Verbs that raise their object ("increase"): a benefit or a harm by the object's kind."""
    effect_lowers: frozenset[str] = frozenset()
    """Verbs that lower their object ("reduce"): the reverse of raising it."""
    effect_makes: frozenset[str] = frozenset()
    """Verbs that make their object so ("make NATO stronger"): by the quality's kind."""
    effect_goods: frozenset[str] = frozenset()
    """Goods and good qualities ("security", "strong"): raising or making them is a benefit."""
    effect_bads: frozenset[str] = frozenset()
    """Bads and bad qualities ("risk", "vulnerable"): raising or making them is a harm."""
    dangers_denied: frozenset[str] = frozenset()
    """Evaluations of harm whose denial defends the proposal ("the refugees are no threat"):
    firmly for it, where another denied opposes word leaves it open."""
    experiencers: frozenset[str] = frozenset()
    """Words of feeling ("pleased", "worried"): said of the proposal's own words as the one
    who feels ("refugees are afraid"), no stance on it."""
    future_verbs: frozenset[str] = frozenset()
    """"going to" as "will": the verb "go" in the progressive over the proposal's clause."""
    means_verbs: frozenset[str] = frozenset()
    """Verbs whose object is the stance itself ("used its veto to block the draft")."""
    any_determiners: frozenset[str] = frozenset()
    """Determiners that make a holder anyone at all ("any country that opposes it")."""
    any_pronouns: frozenset[str] = frozenset()
    """Pronouns for anyone at all ("those who block it", "whoever opposes it")."""
    sufficiency: frozenset[str] = frozenset()
    """"not far enough", "not enough": a measure of degree that keeps the proposal."""
    penalties: frozenset[tuple[str, ...]] = frozenset()
    """Outcomes imposed on someone ("back of the queue", "loser"): the speaker's warning
    whoever they are said of (each is also an opposes word or phrase)."""
    efforts: frozenset[str] = frozenset()
    """Verbs of working towards what their "to" clause names ("work with others to take
    steps"): supports, over that clause only."""
    effort_preps: frozenset[str] = frozenset()
    """Prepositions of what an effort works on ("work [on] measures")."""
    replies: frozenset[str] = frozenset()
    """Nouns that, after "in", say why it is done ("in response", "in retaliation"), not
    what it is worth."""
    risks: frozenset[str] = frozenset()
    """"the risk of accepting them": under a word that accepts or refuses it, that word is
    said of the proposal itself."""
    parts: frozenset[str] = frozenset()
    """Another actor's part of the proposal ("Mexico will pay for the wall")."""
    deontic_verbs: frozenset[str] = frozenset()
    """Verbs that judge what someone can bear ("cannot afford to"): the speaker's view."""
    inverse_marks: frozenset[str] = frozenset()
    """Condition marks whose clause is what avoids the main clause ("unless")."""
    inverted_auxiliaries: frozenset[str] = frozenset()
    """Auxiliaries that open a condition before their subject ("should they vote to leave")."""
    condition_nouns: frozenset[str] = frozenset()
    """Nouns that set a condition after a preposition ("on [terms] that", "on [condition]
    that", "under the [condition] of"): consent under them is open."""
    condition_words: frozenset[str] = frozenset()
    """Adjectives that make a consent hang on something ("our yes is [subject] to",
    "[conditional] on"): open."""
    condition_adverbs: frozenset[str] = frozenset()
    """Adverbs that stand for a condition said before ("[otherwise] it will not vote for
    it"): open."""
    reason_marks: frozenset[str] = frozenset()
    """Marks of a clause that gives a reason ("[because] the delay is a mistake"): once it
    has a stance, the clause it explains does not govern it."""
    necessity_verbs: frozenset[str] = frozenset()
    """Verbs of necessity with a "to" clause ("[have] to"): read as "need" is."""
    business: frozenset[str] = frozenset()
    """Verbs of a body's business on the proposal ("vote on", "pronounce itself on")."""
    business_topics: frozenset[str] = frozenset()
    """Prepositions of what business is on ("on", "about")."""
    meetings: frozenset[str] = frozenset()
    """Nouns of business ("the vote on it", "the meeting") a scheduling verb puts off."""
    scheduling: frozenset[str] = frozenset()
    """Verbs of the conduct of a meeting ("postpone", "adjourn"): over business, no side."""
    own_acts_announced: frozenset[str] = frozenset()
    """Cue verbs by which a party tells of its own act ("India [announced] a ratification
    of it"): the act is the speaker's."""
    carve_outs: frozenset[str] = frozenset()
    """Nouns of a carve-out from a proposal ("an [exemption] for e-fuel cars"): wanting one
    is a condition for agreeing, not support for the proposal itself."""
    results: frozenset[str] = frozenset()
    """What a permission word accepts as a result ("respect the voters' decision"): open."""
    means_preps: frozenset[str] = frozenset()
    """Prepositions of a means ("by agreeing to it") whose act a complement judges."""
    accepting: frozenset[str] = frozenset()
    """Verbs that accept a result after the fact ("accept the decision", "abide by it")."""
    accepting_preps: frozenset[str] = frozenset()
    """Prepositions that carry what such a verb accepts ("abide by", "comply with")."""
    hopes: frozenset[str] = frozenset()
    """Words of hoping that it happens ("optimistic that it can be signed")."""
    penalty_measures: frozenset[str] = frozenset()
    """Nouns of a penalty ("sanctions", "measures"): promised on someone else's act, a threat."""
    threat_marks: frozenset[str] = frozenset()
    """Condition marks that can open a threat's condition ("if", "unless")."""
    former_times: frozenset[str] = frozenset()
    overcome_preps: frozenset[str] = frozenset()
    overcome_verbs: frozenset[str] = frozenset()
    """Adverbs of an earlier time in a cue ("once praised"): a stance recalled, less sure
    to hold today."""
    convictions: frozenset[str] = frozenset()
    """Words of being won over ("convinced"): negated, a doubt."""
    doubts: frozenset[str] = frozenset()
    """Words of doubt ("sceptical", "doubt"): what they govern is read against, hedged."""
    wishes: frozenset[str] = frozenset()
    """Of ``hopes``, those that want it: in a statement's cue, the speaker's own wish."""
    schedule: frozenset[str] = frozenset()
    """Words of a time to come that make "can" a plan ("can be signed next week")."""
    failures: frozenset[str] = frozenset()
    """Verbs of failing: the proposal failing ("will not falter") is a forecast of it."""
    into_force: frozenset[tuple[str, ...]] = frozenset()
    """Phrases of coming into effect ("go into effect"): the proposal doing so is settled."""
    ceasing: frozenset[str] = frozenset()
    """Adverbs a negative adverb makes a negation of the verb ("no [longer] block")."""
    agreement_words: frozenset[str] = frozenset()
    """Words of agreeing with something ("matches", "in line with", "consistent with")."""
    own_acts: frozenset[str] = frozenset()
    """The speaker's own act or position on it ("the position we adopted")."""
    own_positions: frozenset[str] = frozenset()
    """Nouns of a position that, when the speaker's own, make agreeing with it support
    ("matches our policy")."""
    abstaining: tuple[str, ...] = ()
    """Starts of words for abstaining ("abstain", "abstention"): an ``open`` that lets the
    proposal pass, as firm as a vote (``factbox.stance.positions.lets_pass``)."""
    standing_in_the_way: tuple[str, ...] = ()
    """Starts of words for standing in a proposal's way ("block", "stand", "hinder"): negated,
    an ``open`` that lets it pass ("will not stand in the way", "would no longer block")."""
    allowing: tuple[str, ...] = ()
    """Starts of permission words ("allow", "let"): over one of ``passing`` ("allowed the
    resolution to pass"), an ``open`` that lets the proposal pass."""
    passing: frozenset[str] = frozenset()
    """What a text that is let through does ("pass", "adopt", "go through")."""
    votes: frozenset[str] = frozenset()
    """Verbs of voting: abstaining from them ("abstain from voting") abstains in a vote."""
    bearable: frozenset[str] = frozenset()
    """Words that judge one's share of the proposal bearable ("is manageable"): open, and
    it lets the proposal pass; negated, against it."""
    heavy: frozenset[str] = frozenset()
    """Words that judge one's share of the proposal too heavy ("is huge"): against it;
    negated ("is not large"), bearable."""
    quantities: frozenset[str] = frozenset()
    """Nouns of an amount ("the number of refugees") whose size such words judge."""


@dataclass(frozen=True, slots=True)
class ActTable:
    """Stance acts ("rejected", "has not ruled out", "called for"): the stance of each,
    and of each under negation (``data/stance/acts.toml``)."""

    verbs: dict[str, StanceClass]
    """Single-verb acts by lemma."""
    phrasal: dict[tuple[str, str], StanceClass]
    """Acts of a lemma and the particle or preposition it needs ("rule out"), which may be
    a phrasal preposition ("vote in favour of")."""
    negated: dict[str, ActStance]
    """Exceptions to the default reversal under negation, by entry ("call for")."""
    labels: dict[tuple[str, ...], StanceClass] = field(default_factory=dict)
    """Vote labels a report lists voters after ("In favour: A, B"), by their words."""

    def stance(self, entry: str, cls: StanceClass, negated: bool) -> ActStance:
        """The act's stance: its class, or under negation the table's exception, else
        the default reversal (supports and open become opposes, opposes becomes open)."""
        if not negated:
            return cls
        if entry in self.negated:
            return self.negated[entry]
        return "open" if cls == "opposes" else "opposes"


def parse_acts(data: dict[str, object], where: str = "acts") -> ActTable:
    verbs: dict[str, StanceClass] = {}
    phrasal: dict[tuple[str, str], StanceClass] = {}
    for entry, cls in _classes(_table(data.get("acts", {}), "acts"), f"{where}: acts").items():
        verb, _, particle = entry.partition(" ")
        if not particle:
            verbs[entry] = cls
        else:
            phrasal[(verb, particle)] = cls  # "rule out", "vote in favour of"
    negated: dict[str, ActStance] = {}
    for entry, value in _table(data.get("negated", {}), "negated").items():
        if value not in (*STANCE_CLASSES, "unclear"):
            raise ValueError(f"{where}: negated.{entry}: not a stance: {value!r}")
        negated[entry.lower()] = cast(ActStance, value)
    labels = _classes(_table(data.get("labels", {}), "labels"), f"{where}: labels")
    by_words = {normalise_phrase(label): cls for label, cls in labels.items()}
    return ActTable(verbs, phrasal, negated, by_words)


def _data_file(name: str) -> Path:
    return Path(str(resources.files("factbox") / "data" / "stance" / name))


def _read_toml(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: expected a list of strings")
    return [v.lower() for v in cast(list[str], value)]


def _table(value: object, where: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected a table")
    return cast(dict[str, object], value)


def _array_of_tables(data: dict[str, object], key: str, where: str) -> list[dict[str, object]]:
    """The tables of ``[[key]]`` (none when absent)."""
    raw = data.get(key, [])
    if not isinstance(raw, list):
        raise ValueError(f"{where}: [[{key}]] must be an array of tables")
    return [_table(entry, f"{where}: {key} {index}") for index, entry in enumerate(raw)]


SPELLING_STEM = 3
"""Fewest letters before an ending that ``ConceptTable.variants`` swaps ("def-ence")."""


def _spelling_endings(data: dict[str, object], where: str) -> tuple[tuple[str, str], ...]:
    raw = data.get("spelling_endings", [])
    if not isinstance(raw, list):
        raise ValueError(f"{where}: spelling_endings must be a list of [ending, ending] pairs")
    pairs = []
    for index, pair in enumerate(raw):
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(p, str) and p for p in pair)
        ):
            raise ValueError(f"{where}: spelling_endings {index}: a pair of two endings")
        pairs.append((pair[0].lower(), pair[1].lower()))
    return tuple(pairs)


def parse_concepts(data: dict[str, object], where: str = "synonyms") -> ConceptTable:
    spelled = ConceptTable((), spelling_endings=_spelling_endings(data, where))
    sets = []
    for index, entry in enumerate(_array_of_tables(data, "set", where)):
        name = str(entry.get("name", f"set-{index}"))
        kind = entry.get("kind")
        if kind not in CONCEPT_KINDS:
            raise ValueError(f"{where}: set {name!r}: kind must be one of {CONCEPT_KINDS}")
        members = _strings(entry.get("members", []), f"{where}: set {name!r}")
        # each member in its other spellings too ("defence" also "defense")
        members = sorted({v for m in members for v in spelled.variants(" ".join(m.split()))})
        words = frozenset(m for m in members if " " not in m.strip())
        phrases = frozenset(normalise_phrase(m) for m in members if m not in words)
        # A hyphenated single word ("f-16") is kept both ways: spaCy may or may not split it.
        spellings = frozenset(normalise_phrase(m) for m in words if len(normalise_phrase(m)) > 1)
        kind_name = cast(ConceptKind, kind)
        sets.append(ConceptSet(name, kind_name, words, phrases | spellings, spellings))

    def listed(key: str) -> frozenset[str]:
        return frozenset(_strings(data.get(key, []), f"{where}: {key}"))

    opposites = []
    for index, entry in enumerate(_array_of_tables(data, "opposite", where)):
        does = frozenset(_strings(entry.get("does", []), f"{where}: opposite {index}.does"))
        undoes = frozenset(_strings(entry.get("undoes", []), f"{where}: opposite {index}.undoes"))
        opposites.append((does, undoes))

    natural_actions = []
    for index, entry in enumerate(_array_of_tables(data, "natural_action", where)):
        theme, action = entry.get("theme"), entry.get("action")
        if not isinstance(theme, str) or not isinstance(action, str):
            raise ValueError(f"{where}: natural_action {index}: theme and action are words")
        natural_actions.append((theme, action))

    joining = data.get("state_joining", {})
    if not isinstance(joining, dict):
        raise ValueError(f"{where}: [state_joining] must be a table")
    joining_action, joining_theme = joining.get("action", ""), joining.get("theme", "")
    if not isinstance(joining_action, str) or not isinstance(joining_theme, str):
        raise ValueError(f"{where}: state_joining: action and theme are set names")
    joining_verbs = _strings(joining.get("verbs", []), f"{where}: state_joining.verbs")
    joining_roles = _strings(joining.get("roles", []), f"{where}: state_joining.roles")

    return ConceptTable(
        tuple(sets),
        listed("destination_preps"),
        listed("theme_only_preps"),
        listed("directional_preps"),
        listed("referring_words"),
        listed("referring_determiners"),
        listed("referring_nouns"),
        listed("general_words"),
        listed("general_determiners"),
        tuple(opposites),
        listed("documents"),
        listed("sponsor_verbs"),
        listed("rival_words"),
        listed("decision_verbs"),
        listed("vote_ways"),
        listed("reproach_words"),
        listed("reproach_expectations"),
        listed("reproach_preps"),
        listed("blocker_nouns"),
        listed("blocking_words"),
        unnamed_members=listed("unnamed_members"),
        unnamed_counts=listed("unnamed_counts"),
        referring_possessives=listed("referring_possessives"),
        generic_determiners=listed("generic_determiners"),
        natural_actions=tuple(natural_actions),
        singular_pronouns=listed("singular_pronouns"),
        plural_pronouns=listed("plural_pronouns"),
        referring_adjectives=listed("referring_adjectives"),
        standing_nouns=listed("standing_nouns"),
        vote_topics=listed("vote_topics"),
        other_vote_words=listed("other_vote_words"),
        acting_verbs=listed("acting_verbs"),
        acting_preps=listed("acting_preps"),
        step_preps=listed("step_preps"),
        example_preps=listed("example_preps"),
        document_actions=listed("document_actions"),
        vote_sides=listed("vote_sides"),
        joining_verbs=listed("joining_verbs"),
        topic_named=listed("topic_named"),
        topic_adjectives=listed("topic_adjectives"),
        flow_nouns=listed("flow_nouns"),
        spelling_endings=spelled.spelling_endings,
        joining_action=joining_action,
        joining_theme=joining_theme,
        joining_theme_verbs=frozenset(joining_verbs),
        joining_roles=frozenset(joining_roles),
        permitting_verbs=listed("permitting_verbs"),
    )


def _classes(table: dict[str, object], where: str) -> dict[str, StanceClass]:
    result: dict[str, StanceClass] = {}
    for cls in STANCE_CLASSES:
        for word in _strings(table.get(cls, []), f"{where}.{cls}"):
            result[word] = cls
    return result


def parse_lexicon(data: dict[str, object], where: str = "lexicon") -> StanceLexicon:
    verbs = _classes(_table(data.get("verbs", {}), "verbs"), f"{where}: verbs")
    requires = {
        lemma: frozenset(_strings(v, f"{where}: requires.{lemma}"))
        for lemma, v in _table(data.get("requires", {}), "requires").items()
    }
    phrasal: dict[tuple[str, str], StanceClass] = {}
    for phrase, cls in _classes(_table(data.get("phrasal", {}), "phrasal"), where).items():
        verb, _, particle = phrase.partition(" ")
        phrasal[(verb, particle)] = cls
    word_classes = _classes(_table(data.get("words", {}), "words"), f"{where}: words")
    phrases = {
        normalise_phrase(p): c for p, c in word_classes.items() if len(normalise_phrase(p)) > 1
    }
    words = {w: c for w, c in word_classes.items() if len(normalise_phrase(w)) == 1}
    penalties = frozenset(
        normalise_phrase(p) for p in _strings(data.get("penalties", []), f"{where}: penalties")
    )
    for penalty in penalties:  # a penalty is an evaluation against what brings it about
        if len(penalty) > 1:
            phrases.setdefault(penalty, "opposes")
        else:
            words.setdefault(penalty[0], "opposes")
    modals = _classes(_table(data.get("modals", {}), "modals"), f"{where}: modals")
    deontic = _table(data.get("deontic", {}), "deontic")
    conditions = _table(data.get("conditions", {}), "conditions")
    negation = _table(data.get("negation", {}), "negation")
    holders = _table(data.get("holders", {}), "holders")
    contrast = _table(data.get("contrast", {}), "contrast")
    effects = _table(data.get("effects", {}), "effects")
    reactions = _table(data.get("reactions", {}), "reactions")
    agreement = _table(data.get("agreement", {}), "agreement")
    letting_pass = _table(data.get("letting_pass", {}), "letting_pass")
    time_frames = _table(data.get("time_frames", {}), "time_frames")
    time_limits = _table(data.get("time_limits", {}), "time_limits")
    procedure = _table(data.get("procedure", {}), "procedure")
    alternatives = _table(data.get("alternatives", {}), "alternatives")
    sides_taken = _table(data.get("sides_taken", {}), "sides_taken")
    staying = _table(data.get("staying", {}), "staying")
    verb_phrases = {
        normalise_phrase(p): c
        for p, c in _classes(_table(data.get("verb_phrases", {}), "verb_phrases"), where).items()
    }
    return StanceLexicon(
        verbs=verbs,
        requires=requires,
        phrasal=phrasal,
        words=words,
        phrases=phrases,
        modals=modals,
        deontic=frozenset(_strings(deontic.get("modals", []), f"{where}: deontic")),
        condition_marks=frozenset(_strings(conditions.get("marks", []), where)),
        condition_preps=frozenset(_strings(conditions.get("preps", []), where)),
        restrictive=frozenset(_strings(conditions.get("restrictive", []), where)),
        restricted_preps=frozenset(_strings(conditions.get("restricted_preps", []), where)),
        negative_determiners=frozenset(_strings(negation.get("determiners", []), where)),
        negative_adverbs=frozenset(_strings(negation.get("adverbs", []), where)),
        copula_positions=frozenset(_strings(negation.get("copula_positions", []), where)),
        copula_supports=frozenset(_strings(negation.get("copula_supports", []), where)),
        thing_pronouns=frozenset(_strings(negation.get("thing_pronouns", []), where)),
        staying_verbs=frozenset(_strings(staying.get("verbs", []), f"{where}: staying")),
        staying_preps=frozenset(_strings(staying.get("preps", []), f"{where}: staying")),
        verdicts=frozenset(
            _strings(_table(data.get("words", {}), "words").get("verdicts", []), where)
        ),
        anything_words=frozenset(
            _strings(_table(data.get("words", {}), "words").get("placeholders", []), where)
        ),
        negative_pronouns=frozenset(_strings(negation.get("pronouns", []), where)),
        first_person=frozenset(_strings(holders.get("first_person", []), where)),
        pronouns=frozenset(_strings(holders.get("pronouns", []), where)),
        self_references=frozenset(_strings(holders.get("self_references", []), where)),
        own_texts=frozenset(_strings(holders.get("own_texts", []), where)),
        member_nouns=frozenset(_strings(holders.get("member_nouns", []), where)),
        any_determiners=frozenset(_strings(holders.get("any_determiners", []), where)),
        any_pronouns=frozenset(_strings(holders.get("any_pronouns", []), where)),
        warning_verbs=frozenset(_strings(data.get("warnings", []), f"{where}: warnings")),
        means_verbs=frozenset(_strings(data.get("means_verbs", []), f"{where}: means_verbs")),
        question_marks=frozenset(
            _strings(_table(data.get("questions", {}), "questions").get("marks", []), where)
        ),
        verb_phrases=verb_phrases,
        holding_back=frozenset(_strings(data.get("holding_back", []), f"{where}: holding_back")),
        holding_back_obtaining=frozenset(
            _strings(data.get("holding_back_obtaining", []), f"{where}: holding_back_obtaining")
        ),
        holding_back_into=frozenset(
            _strings(data.get("holding_back_into", []), f"{where}: holding_back_into")
        ),
        criticism=frozenset(_strings(data.get("criticism", []), f"{where}: criticism")),
        permission=frozenset(_strings(data.get("permission", []), f"{where}: permission")),
        contrast_coordinators=frozenset(_strings(contrast.get("coordinators", []), where)),
        concessive_marks=frozenset(_strings(contrast.get("concessive_marks", []), where)),
        proforms=frozenset(
            normalise_phrase(p) for p in _strings(contrast.get("proforms", []), where)
        ),
        speech_nouns=frozenset(_strings(reactions.get("speech_nouns", []), where)),
        agent_preps=frozenset(_strings(reactions.get("agent_preps", []), where)),
        discussion=frozenset(_strings(data.get("discussion", []), f"{where}: discussion")),
        before_words=frozenset(_strings(time_frames.get("before", []), where)),
        after_words=frozenset(_strings(time_frames.get("after", []), where)),
        time_carriers=frozenset(_strings(time_frames.get("carried_by", []), where)),
        preconditions=frozenset(_strings(time_frames.get("preconditions", []), where)),
        prerequisite_verbs=frozenset(_strings(time_frames.get("prerequisite_verbs", []), where)),
        prerequisite_preps=frozenset(_strings(time_frames.get("prerequisite_preps", []), where)),
        alternative_adverbs=frozenset(_strings(alternatives.get("adverbs", []), where)),
        alternative_preps=frozenset(_strings(alternatives.get("preps", []), where)),
        timely=frozenset(_strings(alternatives.get("timely", []), where)),
        habits=frozenset(_strings(alternatives.get("habits", []), where)),
        only_ways=frozenset(_strings(alternatives.get("only_ways", []), where)),
        only_way_joints=frozenset(_strings(alternatives.get("only_way_joints", []), where)),
        only_answers=frozenset(_strings(alternatives.get("only_answers", []), where)),
        not_yet=frozenset(_strings(data.get("not_yet", []), f"{where}: not_yet")),
        circumstances=frozenset(_strings(time_frames.get("circumstances", []), where)),
        readiness=frozenset(_strings(data.get("readiness", []), f"{where}: readiness")),
        limit_adverbs=frozenset(_strings(time_limits.get("adverbs", []), where)),
        limit_preps=frozenset(_strings(time_limits.get("preps", []), where)),
        limit_nouns=frozenset(_strings(time_limits.get("nouns", []), where)),
        limit_marks=frozenset(_strings(time_limits.get("marks", []), where)),
        limit_places=frozenset(_strings(time_limits.get("places", []), where)),
        limit_words=frozenset(_strings(time_limits.get("words", []), where)),
        side_people=_classes(sides_taken, f"{where}: sides_taken"),
        side_joining=frozenset(_strings(sides_taken.get("joining", []), where)),
        side_copulas=frozenset(_strings(sides_taken.get("copulas", []), where)),
        undecided=frozenset(_strings(data.get("undecided", []), f"{where}: undecided")),
        speech_topics=frozenset(_strings(data.get("speech_topics", []), where)),
        proform_pronouns=frozenset(_strings(contrast.get("proform_pronouns", []), where)),
        restatements=frozenset(
            tuple(p.split()) for p in _strings(contrast.get("restatements", []), where)
        ),
        position_nouns=frozenset(_strings(contrast.get("position_nouns", []), where)),
        case_nouns=frozenset(_strings(conditions.get("case_nouns", []), where)),
        case_preps=frozenset(_strings(conditions.get("case_preps", []), where)),
        harms=frozenset(_strings(data.get("harms", []), f"{where}: harms")),
        benefits=frozenset(_strings(data.get("benefits", []), f"{where}: benefits")),
        remedies=frozenset(_strings(data.get("remedies", []), f"{where}: remedies")),
        bare_benefits=frozenset(
            _strings(data.get("bare_benefits", []), f"{where}: bare_benefits")
        ),
        effect_raises=frozenset(_strings(effects.get("raises", []), f"{where}: effects")),
        effect_lowers=frozenset(_strings(effects.get("lowers", []), f"{where}: effects")),
        effect_makes=frozenset(_strings(effects.get("makes", []), f"{where}: effects")),
        effect_goods=frozenset(_strings(effects.get("goods", []), f"{where}: effects")),
        effect_bads=frozenset(_strings(effects.get("bads", []), f"{where}: effects")),
        dangers_denied=frozenset(
            _strings(data.get("dangers_denied", []), f"{where}: dangers_denied")
        ),
        experiencers=frozenset(_strings(data.get("experiencers", []), f"{where}: experiencers")),
        future_verbs=frozenset(_strings(data.get("future_verbs", []), f"{where}: future_verbs")),
        sufficiency=frozenset(_strings(data.get("sufficiency", []), f"{where}: sufficiency")),
        penalties=penalties,
        risks=frozenset(_strings(data.get("risks", []), f"{where}: risks")),
        efforts=frozenset(_strings(data.get("efforts", []), f"{where}: efforts")),
        effort_preps=frozenset(_strings(data.get("effort_preps", []), where)),
        replies=frozenset(_strings(data.get("replies", []), f"{where}: replies")),
        parts=frozenset(_strings(data.get("parts", []), f"{where}: parts")),
        deontic_verbs=frozenset(_strings(deontic.get("verbs", []), f"{where}: deontic")),
        inverse_marks=frozenset(_strings(conditions.get("inverse_marks", []), where)),
        inverted_auxiliaries=frozenset(_strings(conditions.get("inverted_auxiliaries", []), where)),
        condition_nouns=frozenset(_strings(conditions.get("nouns", []), where)),
        condition_words=frozenset(_strings(conditions.get("words", []), where)),
        condition_adverbs=frozenset(_strings(conditions.get("adverbs", []), where)),
        carve_outs=frozenset(_strings(conditions.get("carve_outs", []), where)),
        own_acts_announced=frozenset(_strings(procedure.get("announced", []), where)),
        business=frozenset(_strings(procedure.get("business", []), where)),
        business_topics=frozenset(_strings(procedure.get("topics", []), where)),
        meetings=frozenset(_strings(procedure.get("meetings", []), where)),
        scheduling=frozenset(_strings(procedure.get("scheduling", []), where)),
        necessity_verbs=frozenset(
            _strings(data.get("necessity_verbs", []), f"{where}: necessity_verbs")
        ),
        reason_marks=frozenset(_strings(conditions.get("reason_marks", []), where)),
        results=frozenset(_strings(data.get("results", []), f"{where}: results")),
        means_preps=frozenset(_strings(data.get("means_preps", []), f"{where}: means_preps")),
        accepting=frozenset(_strings(data.get("accepting", []), f"{where}: accepting")),
        accepting_preps=frozenset(_strings(data.get("accepting_preps", []), where)),
        failures=frozenset(_strings(data.get("failures", []), f"{where}: failures")),
        into_force=frozenset(
            normalise_phrase(p) for p in _strings(data.get("into_force", []), where)
        ),
        hopes=frozenset(_strings(data.get("hopes", []), f"{where}: hopes")),
        penalty_measures=frozenset(_strings(data.get("penalty_measures", []), where)),
        threat_marks=frozenset(_strings(data.get("threat_marks", []), where)),
        former_times=frozenset(_strings(data.get("former_times", []), f"{where}: former_times")),
        overcome_preps=frozenset(
            _strings(data.get("overcome_preps", []), f"{where}: overcome_preps")
        ),
        overcome_verbs=frozenset(
            _strings(data.get("overcome_verbs", []), f"{where}: overcome_verbs")
        ),
        convictions=frozenset(_strings(data.get("convictions", []), f"{where}: convictions")),
        doubts=frozenset(_strings(data.get("doubts", []), f"{where}: doubts")),
        wishes=frozenset(_strings(data.get("wishes", []), f"{where}: wishes")),
        schedule=frozenset(_strings(data.get("schedule", []), f"{where}: schedule")),
        ceasing=frozenset(_strings(negation.get("ceasing", []), where)),
        agreement_words=frozenset(_strings(agreement.get("words", []), where)),
        own_positions=frozenset(_strings(agreement.get("positions", []), where)),
        own_acts=frozenset(_strings(agreement.get("own_acts", []), where)),
        abstaining=tuple(_strings(letting_pass.get("abstaining", []), where)),
        standing_in_the_way=tuple(_strings(letting_pass.get("standing_in_the_way", []), where)),
        allowing=tuple(_strings(letting_pass.get("allowing", []), where)),
        passing=frozenset(_strings(letting_pass.get("passing", []), where)),
        votes=frozenset(_strings(letting_pass.get("votes", []), where)),
        bearable=frozenset(_strings(letting_pass.get("bearable", []), where)),
        heavy=frozenset(_strings(letting_pass.get("heavy", []), where)),
        quantities=frozenset(_strings(letting_pass.get("quantities", []), where)),
    )


@lru_cache(maxsize=8)
def load_concepts(path: Path | None = None) -> ConceptTable:
    """The concept sets (default: the shipped ``synonyms.toml``)."""
    target = path or _data_file("synonyms.toml")
    return parse_concepts(_read_toml(target), str(target.name))


@lru_cache(maxsize=8)
def load_lexicon(path: Path | None = None) -> StanceLexicon:
    """The stance words (default: the shipped ``lexicon.toml``)."""
    target = path or _data_file("lexicon.toml")
    return parse_lexicon(_read_toml(target), str(target.name))


@lru_cache(maxsize=8)
def load_acts(path: Path | None = None) -> ActTable:
    """The stance acts (default: the shipped ``acts.toml``)."""
    target = path or _data_file("acts.toml")
    return parse_acts(_read_toml(target), str(target.name))
