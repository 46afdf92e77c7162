from brat_fixtures import at

from factbox.evaluate.textspans import TokenIndex, outer, overlap_ratio, trimmed

TEXT = "The minister said: “We will not sign this treaty,” and left. WALLACE: Next question."


def test_trimming_drops_quotes_commas_and_spaces_on_both_sides() -> None:
    quoted = at(TEXT, " “We will not sign this treaty,” ")
    bare = at(TEXT, "We will not sign this treaty")
    assert trimmed(TEXT, [quoted]) == (bare,)
    assert trimmed(TEXT, [bare]) == (bare,)


def test_trimming_keeps_words_inside_the_span() -> None:
    wider = at(TEXT, "sign this treaty")
    narrower = at(TEXT, "this treaty")
    assert trimmed(TEXT, [wider]) != trimmed(TEXT, [narrower])


def test_a_punctuation_only_span_keeps_its_punctuation() -> None:
    colon = at(TEXT, ":", nth=1)
    assert trimmed(TEXT, [colon]) == (colon,)


def test_pieces_separated_by_punctuation_only_are_joined() -> None:
    first = at(TEXT, "We will not")
    second = at(TEXT, "sign this treaty")
    split_by_space = (first, second)
    assert trimmed(TEXT, split_by_space) == (at(TEXT, "We will not sign this treaty"),)
    assert outer(split_by_space) == at(TEXT, "We will not sign this treaty")


def test_pieces_separated_by_words_stay_apart() -> None:
    pieces = (at(TEXT, "The minister"), at(TEXT, "We will"))
    assert len(trimmed(TEXT, pieces)) == 2


def test_units_are_whitespace_tokens_without_their_punctuation() -> None:
    index = TokenIndex.of(TEXT)
    quoted = index.units(TEXT, [at(TEXT, "“We will not sign this treaty,”")])
    bare = index.units(TEXT, [at(TEXT, "We will not sign this treaty")])
    assert quoted == bare
    assert len(bare) == 6


def test_punctuation_only_spans_are_measured_by_characters() -> None:
    index = TokenIndex.of(TEXT)
    colon = at(TEXT, ":", nth=1)
    assert index.tokens([colon]) == frozenset()
    units = index.units(TEXT, [colon])
    assert len(units) == 1
    assert overlap_ratio(units, index.units(TEXT, [colon])) == 1.0
    assert overlap_ratio(units, index.units(TEXT, [at(TEXT, "WALLACE")])) == 0.0


def test_overlap_ratio_divides_by_the_larger_set() -> None:
    index = TokenIndex.of(TEXT)
    gold = index.units(TEXT, [at(TEXT, "We will not sign")])
    half = index.units(TEXT, [at(TEXT, "We will")])
    longer = index.units(TEXT, [at(TEXT, "The minister said: “We will not sign this treaty")])
    assert overlap_ratio(gold, half) == 0.5
    assert overlap_ratio(gold, longer) == 4 / 9
    assert overlap_ratio(gold, frozenset()) == 0.0
