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

Nearly every pattern is one token long (180 of the English models' 188): whether it holds
depends on the token's own four values alone. Matched over the array one rule at a time,
they cost some 25 microseconds each, most of the component's time on an article of a
thousand tokens. So each distinct row of values is judged once per process instead: the
patterns that ask its word, tag, dependency or whitespace flag for one value or a few are
looked up by its values, the few that ask for none are tried on it, and what the passing
rules assign, merged in the rules' order, is kept for every later token with that row
(not one attribute differed from spaCy's ruler on 232,000 tokens of PolNeAR dev and train,
in half the time of matching rule by rule). Only the patterns of two tokens are matched
over the array, from the tokens that pass one of their tests for one value.

Rules this module cannot read (pattern keys or operators other than the ones the English
models use: ``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``, with ``IN``, ``NOT_IN`` and ``REGEX``,
one or two tokens long, no quantifiers) make ``from_ruler`` return None, and the spaCy
ruler stays in the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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
ROWS_KEPT = 200_000
"""Distinct rows of values whose rules are kept (then forgotten all at once)."""


@dataclass(frozen=True, slots=True)
class Test:
    """One key of a token pattern (``{"TAG": "NN"}``, ``{"DEP": {"IN": [...]}}``) over the
    Doc's (tokens, 4) array of ``COLUMNS``: equal to a value, in or not in a set of values,
    or (lower-case forms) matching a regular expression."""

    column: int
    codes: tuple[int, ...] = ()
    inside: bool = True
    expression: str | None = None

    @property
    def is_equality(self) -> bool:
        """Whether the test asks for one value (rules are looked up by it)."""
        return self.expression is None and self.inside and len(self.codes) == 1

    def passes(self, row: tuple[int, ...], forms: WordForms) -> bool:
        """Whether one token's row of values passes."""
        value = row[self.column]
        if self.expression is not None:
            return forms.matches(self.expression, value)
        return (value in self.codes) == self.inside

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

    def matches(self, expression: str, form: int) -> bool:
        key = (expression, form)
        if key not in self.known:
            self.known[key] = re.search(expression, self.strings[form]) is not None
        return self.known[key]

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


def _key_test(tests: tuple[Test, ...]) -> Test | None:
    """The test a token's rules are looked up by: one that asks for one value or a few (a
    word before a tag: the tag map's exceptions test a tag and a word, and many share the
    tag), the fewest values first; None if no test asks for values."""
    keys = [test for test in tests if test.inside and test.expression is None and test.codes]
    keys.sort(key=lambda test: (COLUMNS[test.column] != LOWER, len(test.codes)))
    return keys[0] if keys else None


def _passes(tests: tuple[Test, ...], rows: np.ndarray, forms: WordForms) -> np.ndarray:
    mask = np.ones(len(rows), dtype=bool)
    for test in tests:
        mask &= test.mask(rows, forms)
    return mask


def _keyed(tests: tuple[Test, ...]) -> bool:
    return any(test.is_equality for test in tests)


def _starts(tests: list[tuple[Test, ...]], rows: np.ndarray, forms: WordForms) -> np.ndarray:
    """Where a pattern of ``len(tests)`` tokens matches, ascending. The tokens that pass one
    test for one value are found first, and the other tests (a regular expression among
    them) are judged at those places only."""
    count = len(rows) - len(tests) + 1
    starts = np.arange(count)
    for offset, token_tests in sorted(enumerate(tests), key=lambda pair: not _keyed(pair[1])):
        for test in sorted(token_tests, key=lambda test: not test.is_equality):
            if not len(starts):
                return starts
            starts = starts[test.mask(rows[starts + offset], forms)]
    return starts


@dataclass(frozen=True, slots=True)
class Rule:
    patterns: list[list[tuple[Test, ...]]]
    """Each pattern: the tests of each token of the matched sequence."""
    index: int
    """Which token of a match gets the attributes (may be negative, as in spaCy)."""
    attrs: dict[int, Any]
    """spaCy's normalised attributes: attribute id -> value id."""

    def by_row(self, tests: list[tuple[Test, ...]]) -> bool:
        """Whether a pattern of this rule is judged on a token's own row of values: one
        token long, and assigning to that token."""
        return len(tests) == 1 and self.index in (0, -1)

    def targets(self, rows: np.ndarray, forms: WordForms) -> np.ndarray:
        """The tokens this rule assigns to by its patterns not judged by row, in the order
        of the matches' starts."""
        n = len(rows)
        found: list[np.ndarray] = []
        for tests in self.patterns:
            if self.by_row(tests):
                continue
            length = len(tests)
            if n < length:
                continue
            index = self.index if self.index >= 0 else length + self.index
            found.append(_starts(tests, rows, forms) + index)
        if not found:
            return np.zeros(0, dtype=np.int64)
        return np.sort(np.concatenate(found), kind="stable")


class ArrayAttributeRules:
    """A drop-in for spaCy's ``attribute_ruler`` (see the module's docstring)."""

    def __init__(self, rules: list[Rule] | None = None) -> None:
        self.forms = WordForms()
        self.rules = rules or []

    @property
    def rules(self) -> list[Rule]:
        return self._rules

    @rules.setter
    def rules(self, rules: list[Rule]) -> None:
        self._rules = rules
        self._by_value: dict[tuple[int, int], list[tuple[int, tuple[Test, ...]]]] = {}
        """(column, value) -> the one-token patterns that pass a token only if that column
        holds that value (one of their tests asks for it, or for one of a few values): their
        rule's number and their other tests."""
        self._unkeyed: list[tuple[int, tuple[Test, ...]]] = []
        """The one-token patterns with no test for one value or a few."""
        self._longer = [
            number
            for number, rule in enumerate(rules)
            if not all(rule.by_row(tests) for tests in rule.patterns)
        ]
        """The rules with patterns matched over the array (two tokens long)."""
        for number, rule in enumerate(rules):
            for tests in rule.patterns:
                if not rule.by_row(tests):
                    continue
                (token_tests,) = tests
                key = _key_test(token_tests)
                if key is None:
                    self._unkeyed.append((number, token_tests))
                    continue
                rest = tuple(test for test in token_tests if test is not key)
                for code in key.codes:
                    self._by_value.setdefault((key.column, code), []).append((number, rest))
        self._by_row: dict[tuple[int, ...], dict[int, Any]] = {}
        """A row of values -> what the rules of its one-token patterns assign, in order."""

    def _rules_of(self, row: tuple[int, ...]) -> tuple[int, ...]:
        """The rules whose one-token patterns ``row`` passes, ascending."""
        forms = self.forms
        candidates = list(self._unkeyed)
        for column, value in enumerate(row):
            candidates.extend(self._by_value.get((column, value), ()))
        passed = {
            number for number, tests in candidates if all(t.passes(row, forms) for t in tests)
        }
        return tuple(sorted(passed))

    def _assigned(self, numbers: Iterable[int]) -> dict[int, Any]:
        """What the rules ``numbers`` assign, in their order."""
        merged: dict[int, Any] = {}
        for number in sorted(numbers):
            merged.update(self.rules[number].attrs)
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.rules:
            return doc
        self.forms.strings = doc.vocab.strings
        rows = doc.to_array(list(COLUMNS))
        longer: dict[int, set[int]] = {}
        for number in self._longer:
            for i in self.rules[number].targets(rows, self.forms).tolist():
                longer.setdefault(i, set()).add(number)
        by_row = self._by_row
        for i, row in enumerate(map(tuple, rows.tolist())):
            if i in longer:
                assigned = self._assigned(longer[i].union(self._rules_of(row)))
            elif row in by_row:
                assigned = by_row[row]
            else:
                if len(by_row) >= ROWS_KEPT:
                    by_row.clear()
                assigned = by_row[row] = self._assigned(self._rules_of(row))
            if assigned:
                set_token_attrs(doc[i], assigned)
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
