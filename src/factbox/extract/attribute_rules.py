"""The spaCy model's attribute rules, applied on whole arrays: the same tokens get the same
attributes as from spaCy's ``attribute_ruler``, for a fraction of its time.

The English models' ``attribute_ruler`` holds about 180 rules: the tag map (every
fine-grained tag sets its coarse part of speech and morphology), and exceptions keyed on a
word, its tag or its dependency ("'s" after a noun, "but" as an adverb, "gon na"). spaCy runs
them through its general ``Matcher``, which walks every token against every rule's first
token in Python-level state machines, then sets each match's attributes through a new
``Span``: about an eighth of the parse's CPU time on news text, for rules that are lookups.

``ArrayAttributeRules`` reads the rules from the loaded ruler and matches each one at once
over the Doc's arrays of tags, lower-case forms, dependencies and whitespace flags (a
comparison per rule, a regular expression per distinct word form). The order the ruler
follows is kept: all rules match on the attributes as they were before any rule ran, then
each rule's attributes are assigned in the rule's order, so a later rule overrides an
earlier one on the same token. Each assignment sets one token field (part of speech, fine
tag, dependency, lemma or morphology), so the last rule to assign a field gives it its value;
each token is written once, with spaCy's own ``set_token_attrs``.

Rules this module cannot read (pattern keys or operators other than the ones the English
models use: ``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``, with ``IN``, ``NOT_IN`` and ``REGEX``,
one or two tokens long, no quantifiers) make ``from_ruler`` return None, and the spaCy
ruler stays in the pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

COMPONENT = "factbox_attribute_rules"
KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
COLUMNS = (TAG, LOWER, DEP, IS_SPACE)


@dataclass(frozen=True, slots=True)
class Test:
    """One key of a token pattern (``{"TAG": "NN"}``, ``{"DEP": {"IN": [...]}}``) over the
    Doc's (tokens, 4) array of ``COLUMNS``: equal to a value, in or not in a set of values,
    or (lower-case forms) matching a regular expression."""

    column: int
    codes: tuple[int, ...] = ()
    inside: bool = True
    expression: str | None = None

    def mask(self, rows: np.ndarray, forms: WordForms) -> np.ndarray:
        values = rows[:, self.column]
        if self.expression is not None:
            return forms.search(self.expression, values)
        if len(self.codes) == 1:
            return (values == self.codes[0]) == self.inside
        return np.isin(values, np.asarray(self.codes, dtype=np.uint64)) == self.inside


class WordForms:
    """Whether each lower-case form matches a regular expression, remembered per form."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, int], bool] = {}
        self.strings: Any = None

    def search(self, expression: str, forms: np.ndarray) -> np.ndarray:
        unique, inverse = np.unique(forms, return_inverse=True)
        found = np.zeros(len(unique), dtype=bool)
        for number, form in enumerate(unique.tolist()):
            key = (expression, form)
            if key not in self.known:
                self.known[key] = re.search(expression, self.strings[form]) is not None
            found[number] = self.known[key]
        return found[inverse.reshape(-1)]


def _value_test(column: int, value: Any, strings: Any) -> Test | None:
    if isinstance(value, bool):
        return Test(column, (int(value),))
    if isinstance(value, str):
        return Test(column, (strings.add(value),))
    if isinstance(value, dict) and len(value) == 1:
        ((operator, argument),) = value.items()
        if operator in ("IN", "NOT_IN") and isinstance(argument, list) and argument:
            codes = tuple(strings.add(str(a)) for a in argument)
            return Test(column, codes, inside=operator == "IN")
        if operator == "REGEX" and isinstance(argument, str) and COLUMNS[column] == LOWER:
            return Test(column, expression=argument)
    return None


def _token_tests(spec: dict[str, Any], strings: Any) -> tuple[Test, ...] | None:
    tests = []
    for key, value in spec.items():
        if key not in KEYS:
            return None
        test = _value_test(COLUMNS.index(KEYS[key]), value, strings)
        if test is None:
            return None
        tests.append(test)
    return tuple(tests)


def _passes(tests: tuple[Test, ...], rows: np.ndarray, forms: WordForms) -> np.ndarray:
    mask = np.ones(len(rows), dtype=bool)
    for test in tests:
        mask &= test.mask(rows, forms)
    return mask


@dataclass(frozen=True, slots=True)
class Rule:
    patterns: list[list[tuple[Test, ...]]]
    """Each pattern: the tests of each token of the matched sequence."""
    index: int
    """Which token of a match gets the attributes (may be negative, as in spaCy)."""
    attrs: dict[int, Any]
    """spaCy's normalised attributes: attribute id -> value id."""

    def targets(self, rows: np.ndarray, forms: WordForms) -> np.ndarray:
        """The tokens this rule assigns to, in the order of the matches' starts."""
        n = len(rows)
        found: list[np.ndarray] = []
        for tests in self.patterns:
            length = len(tests)
            if n < length:
                continue
            starts = np.ones(n - length + 1, dtype=bool)
            for offset, token_tests in enumerate(tests):
                starts &= _passes(token_tests, rows, forms)[offset : n - length + 1 + offset]
            index = self.index if self.index >= 0 else length + self.index
            found.append(np.flatnonzero(starts) + index)
        if not found:
            return np.zeros(0, dtype=np.int64)
        return np.sort(np.concatenate(found), kind="stable")


class ArrayAttributeRules:
    """A drop-in for spaCy's ``attribute_ruler`` (see the module's docstring)."""

    def __init__(self, rules: list[Rule] | None = None) -> None:
        self.rules = rules or []
        self.forms = WordForms()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.rules:
            return doc
        self.forms.strings = doc.vocab.strings
        rows = doc.to_array(list(COLUMNS))
        assigned: dict[int, dict[int, Any]] = {}
        for rule in self.rules:
            for i in rule.targets(rows, self.forms).tolist():
                assigned.setdefault(i, {}).update(rule.attrs)
        for i in sorted(assigned):
            set_token_attrs(doc[i], assigned[i])
        return doc


def from_ruler(ruler: AttributeRuler) -> ArrayAttributeRules | None:
    """The ruler's rules read into arrays, or None where a rule is not of the kinds read."""
    strings = ruler.vocab.strings
    rules = []
    for number, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
        _key, patterns = ruler.matcher.get(str(number))
        tests: list[list[tuple[Test, ...]]] = []
        for pattern in patterns:
            if not 1 <= len(pattern) <= 2:
                return None
            row: list[tuple[Test, ...]] = []
            for spec in pattern:
                token_tests = _token_tests(spec, strings) if "OP" not in spec else None
                if token_tests is None:
                    return None
                row.append(token_tests)
            tests.append(row)
        rules.append(Rule(tests, index, dict(attrs)))
    return ArrayAttributeRules(rules)


@Language.factory(COMPONENT)
def make_attribute_rules(nlp: Language, name: str) -> ArrayAttributeRules:
    """An empty ``factbox_attribute_rules``; ``load_nlp`` fills it from the model's ruler."""
    return ArrayAttributeRules()
