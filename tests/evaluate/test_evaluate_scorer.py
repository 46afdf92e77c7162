from dataclasses import replace

from brat_fixtures import at

from factbox.evaluate.relations import Relation
from factbox.evaluate.scorer import Counts, score_article, total
from factbox.evaluate.textspans import outer

TEXT = (
    "“We will rebuild the harbour before the winter storms,” Mayor Lena Fischer said, "
    "“and we will pay for it ourselves.” "
    "The council treasurer warned that the budget could not cover a second bridge. "
    "It was reported that two contractors had already withdrawn."
)

MAYOR = Relation(
    cue=(at(TEXT, "said"),),
    content=(
        at(TEXT, "“We will rebuild the harbour before the winter storms,”"),
        at(TEXT, "“and we will pay for it ourselves.”"),
    ),
    source=(at(TEXT, "Mayor Lena Fischer"),),
    trigger=(at(TEXT, "said"),),
)
TREASURER = Relation(
    cue=(at(TEXT, "warned"),),
    content=(at(TEXT, "that the budget could not cover a second bridge"),),
    source=(at(TEXT, "The council treasurer"),),
)
REPORTED = Relation(
    cue=(at(TEXT, "was reported"),),
    content=(at(TEXT, "two contractors had already withdrawn"),),
    source=None,
)
GOLD = [MAYOR, TREASURER, REPORTED]


def predicted(relation: Relation, **changes: object) -> Relation:
    """A prediction built from a gold relation: contiguous content, no trigger."""
    content = (outer(relation.content),) if relation.content else None
    fields: dict[str, object] = {"content": content, "trigger": None, **changes}
    return replace(relation, **fields)  # type: ignore[arg-type]


def test_perfect_contiguous_predictions_score_one_everywhere() -> None:
    scores = score_article(TEXT, GOLD, [predicted(r) for r in GOLD])
    for counts in (scores.source, scores.cue, scores.content, scores.relation):
        assert counts.exact.f1 == 1.0
        assert counts.overlap.f1 == 1.0
    assert scores.source.exact.gold == 2
    assert scores.relation.exact.gold == 3


def test_split_quote_accepts_the_outer_span_when_the_gap_is_its_own_attribution() -> None:
    scores = score_article(TEXT, [MAYOR], [predicted(MAYOR)])
    assert scores.content.exact.matched_gold == 1
    assert scores.outer_span_matches["content"] == 1


def test_exact_needs_the_same_words_overlap_needs_half_of_them() -> None:
    most = predicted(TREASURER, content=(at(TEXT, "the budget could not cover"),))
    scores = score_article(TEXT, [TREASURER], [most])
    assert scores.content.exact == Counts(1, 1, 0, 0)
    assert scores.content.overlap == Counts(1, 1, 1, 1)

    few = predicted(TREASURER, content=(at(TEXT, "a second bridge"),))
    scores = score_article(TEXT, [TREASURER], [few])
    assert scores.content.exact.matched_gold == 0
    assert scores.content.overlap.matched_gold == 0


def test_surrounding_punctuation_does_not_matter_for_exact_match() -> None:
    with_period = predicted(REPORTED, content=(at(TEXT, "two contractors had already withdrawn."),))
    with_space = predicted(TREASURER, source=(at(TEXT, " The council treasurer "),))
    scores = score_article(TEXT, [REPORTED, TREASURER], [with_period, with_space])
    assert scores.content.exact.matched_gold == 2
    assert scores.source.exact.matched_gold == 1


def test_no_source_relations_match_only_predictions_without_source() -> None:
    scores = score_article(TEXT, [REPORTED], [predicted(REPORTED)])
    assert scores.relation.exact.matched_gold == 1
    assert scores.by_type["no-source"].exact.f1 == 1.0
    assert scores.source.exact.gold == 0

    invented = predicted(REPORTED, source=(at(TEXT, "It"),))
    scores = score_article(TEXT, [REPORTED], [invented])
    assert scores.cue.exact.matched_gold == 1
    assert scores.content.exact.matched_gold == 1
    assert scores.relation.exact.matched_gold == 0
    assert scores.relation.overlap.matched_gold == 0
    assert scores.source.exact == Counts(0, 1, 0, 0)


def test_two_predictions_on_one_gold_span_count_once() -> None:
    first = predicted(TREASURER, content=(at(TEXT, "that the budget could not cover a second"),))
    second = predicted(TREASURER, content=(at(TEXT, "the budget could not cover a second bridge"),))
    scores = score_article(TEXT, [TREASURER], [first, second])
    assert scores.content.overlap == Counts(1, 2, 1, 1)
    assert scores.content.overlap.precision == 0.5
    assert scores.relation.overlap == Counts(1, 2, 1, 1)


def test_relation_needs_cue_source_and_content_of_the_same_gold_relation() -> None:
    wrong_cue = predicted(TREASURER, cue=(at(TEXT, "budget"),))
    scores = score_article(TEXT, [TREASURER], [wrong_cue])
    assert scores.content.exact.matched_gold == 1
    assert scores.source.exact.matched_gold == 1
    assert scores.relation.exact.matched_gold == 0

    # The treasurer's cue and source with the report's content: every span matches some gold
    # span, but no single gold relation.
    mixed = predicted(TREASURER, content=REPORTED.content)
    scores = score_article(TEXT, [TREASURER, REPORTED], [mixed])
    assert scores.content.exact.matched_gold == 1
    assert scores.relation.exact.matched_gold == 0


def test_relation_overlap_accepts_partial_spans() -> None:
    partial = predicted(
        TREASURER,
        content=(at(TEXT, "the budget could not cover a second"),),
        source=(at(TEXT, "council treasurer"),),
    )
    scores = score_article(TEXT, [TREASURER], [partial])
    assert scores.relation.exact.matched_gold == 0
    assert scores.relation.overlap.matched_gold == 1


def test_relations_sharing_a_source_span_count_it_once() -> None:
    again = replace(TREASURER, cue=(at(TEXT, "was reported"),), content=REPORTED.content)
    scores = score_article(TEXT, [TREASURER, again], [predicted(TREASURER)])
    assert scores.source.exact == Counts(1, 1, 1, 1)
    assert scores.relation.exact == Counts(2, 1, 1, 1)


SPLIT = (
    "“We stay in this city and we rebuild it,” the minister, who arrived late, said, "
    "“whatever it costs us.”"
)
SPLIT_GOLD = Relation(
    cue=(at(SPLIT, "said"),),
    content=(
        at(SPLIT, "“We stay in this city and we rebuild it,”"),
        at(SPLIT, "“whatever it costs us.”"),
    ),
    source=(at(SPLIT, "the minister"),),
    trigger=(at(SPLIT, "said"),),
)


def test_split_quote_with_foreign_words_in_the_gap_needs_its_pieces() -> None:
    whole = replace(SPLIT_GOLD, content=(outer(SPLIT_GOLD.content or ()),), trigger=None)
    scores = score_article(SPLIT, [SPLIT_GOLD], [whole])
    assert scores.content.exact.matched_gold == 0
    # 13 gold tokens, all inside the 19 tokens of the outer span.
    assert scores.content.overlap.matched_gold == 1

    pieces = replace(SPLIT_GOLD, trigger=None)
    scores = score_article(SPLIT, [SPLIT_GOLD], [pieces])
    assert scores.content.exact.matched_gold == 1
    assert scores.outer_span_matches["content"] == 0

    first_piece = replace(
        SPLIT_GOLD, content=SPLIT_GOLD.content[:1] if SPLIT_GOLD.content else None
    )
    scores = score_article(SPLIT, [SPLIT_GOLD], [first_piece])
    assert scores.content.exact.matched_gold == 0
    assert scores.content.overlap.matched_gold == 1


def test_types_use_the_gold_type_for_recall_and_the_predicted_type_for_precision() -> None:
    # Predicting the mayor's quote without its source turns it into a no-source prediction.
    sourceless = predicted(MAYOR, source=None)
    scores = score_article(TEXT, GOLD, [sourceless, predicted(TREASURER)])
    assert scores.by_type["direct"].exact == Counts(1, 0, 0, 0)
    assert scores.by_type["no-source"].exact == Counts(1, 1, 0, 0)
    assert scores.by_type["indirect"].exact == Counts(1, 1, 1, 1)


def test_totals_add_counts_not_ratios() -> None:
    good = score_article(TEXT, GOLD, [predicted(r) for r in GOLD])
    empty = score_article(TEXT, GOLD, [])
    summed = total([good, empty])
    assert summed.relation.exact == Counts(6, 3, 3, 3)
    assert summed.relation.exact.precision == 1.0
    assert summed.relation.exact.recall == 0.5
    assert summed.outer_span_matches["content"] == 1
