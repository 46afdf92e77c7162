"""Positions per actor from judged statements: dates, corrections, speakers, others."""

from __future__ import annotations

import datetime as dt

import pytest

from factbox.records import Speaker, Statement
from factbox.stance.positions import history, positions, unattributed
from factbox.stance.records import (
    Actor,
    Cue,
    EditorCorrection,
    JudgedStatement,
    Stance,
    StanceJudgement,
)

FR = Actor("FR", "France", "country")
DE = Actor("DE", "Germany", "country")
PL = Actor("PL", "Poland", "country")
CZ = Actor("CZ", "Czechia", "country")


def day(n: int) -> dt.date:
    return dt.date(2024, 2, 20) + dt.timedelta(days=n)


def judged(
    statement_id: int,
    on: int | None,
    stance: Stance,
    *actors: Actor,
    confidence: float = 0.8,
    about: str = "speaker",
    correction: EditorCorrection | None = None,
    cues: tuple[Cue, ...] = (),
) -> JudgedStatement:
    judgement = StanceJudgement(
        "troops-to-ukraine",
        stance,
        confidence,
        cues,
        about="others" if about == "others" else "speaker",
        others="some countries" if about == "others" else None,
    )
    return JudgedStatement(
        statement_id, None if on is None else day(on), actors, judgement, correction
    )


def by_actor(items: list[JudgedStatement], as_of: int | None = None) -> dict[str, tuple]:
    found = positions(items, None if as_of is None else day(as_of))
    return {p.actor_id or p.actor or "?": (p.stance, p.since, p.evidence) for p in found}


def test_later_evidence_as_firm_wins_and_since_starts_the_run() -> None:
    items = [
        judged(1, 0, "open", FR),
        judged(2, 3, "opposes", FR),
        judged(3, 5, "opposes", FR),
        judged(4, 1, "open", FR),  # given out of order
    ]
    assert by_actor(items) == {"FR": ("opposes", day(3), [2, 3])}
    # a change of mind is as firm as what it replaces
    turned = [judged(1, 0, "opposes", DE), judged(2, 4, "supports", DE)]
    assert by_actor(turned) == {"DE": ("supports", day(4), [2])}


def test_a_vaguer_later_reading_does_not_take_a_firm_stance_back() -> None:
    # "we will block it", then "a number of countries have questions about it"
    items = [judged(1, 0, "opposes", FR), judged(2, 3, "open", FR), judged(3, 5, "open", FR)]
    assert by_actor(items) == {"FR": ("opposes", day(0), [1])}
    assert [(c.stance, c.statement_id) for c in history(items)] == [("opposes", 1)]
    # a firm stance after the vaguer readings still counts from its own date
    later = [*items, judged(4, 7, "supports", FR)]
    assert by_actor(later) == {"FR": ("supports", day(7), [4])}


def words(*pairs: tuple[str, str]) -> tuple[Cue, ...]:
    return tuple(Cue(text, (0, len(text)), role) for text, role in pairs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cues", "replaces"),
    [
        # letting it pass is a decision, as firm as a vote either way
        (words(("abstained", "act")), True),
        (words(("abstention", "lexicon")), True),
        (words(("will", "modal"), ("not", "negation"), ("stand", "lexicon")), True),
        (words(("no", "negation"), ("block", "lexicon")), True),
        # keeping it possible, or doubts and questions, commit to nothing
        (words(("has", "lexicon"), ("not", "negation"), ("ruled", "lexicon")), False),
        (words(("questions", "lexicon")), False),
        (words(("could", "modal"), ("if", "condition")), False),
        (words(("blocked", "lexicon")), False),
    ],
)
def test_an_open_that_lets_it_pass_replaces_a_firm_stance(
    cues: tuple[Cue, ...], replaces: bool
) -> None:
    items = [judged(1, 0, "opposes", FR), judged(2, 3, "open", FR, cues=cues)]
    expected = ("open", day(3), [2]) if replaces else ("opposes", day(0), [1])
    assert by_actor(items) == {"FR": expected}
    # on one day it stands beside a refusal as its equal: the more confident wins
    same_day = [judged(3, 5, "opposes", DE, confidence=0.6), judged(4, 5, "open", DE, cues=cues)]
    assert by_actor(same_day)["DE"][0] == ("open" if replaces else "opposes")
    # but a support of that day is the more favourable vote (rival drafts): it wins
    voted_for = [judged(5, 5, "supports", PL, confidence=0.6), judged(6, 5, "open", PL, cues=cues)]
    assert by_actor(voted_for)["PL"][0] == "supports"


def test_a_vote_for_one_draft_wins_over_an_abstention_on_another_the_same_day() -> None:
    abstained = words(("abstained", "act"))
    # either order of statements, even when the abstention reads more confident
    for first, second in ((1, 2), (2, 1)):
        items = [
            judged(first, 3, "open", FR, confidence=0.9, cues=abstained),
            judged(second, 3, "supports", FR, confidence=0.5),
        ]
        assert by_actor(items)["FR"][0] == "supports"
    # an abstention on a later day is a new decision: it still replaces the support
    later = [judged(1, 3, "supports", DE), judged(2, 4, "open", DE, cues=abstained)]
    assert by_actor(later)["DE"][:2] == ("open", day(4))


def test_an_act_retold_on_a_later_day_keeps_the_date_of_the_act() -> None:
    abstained = words(("abstained", "act"))
    # the vote day: the abstention on one draft and the envoy's support; the next day's
    # copy tells the abstention again: the same act, not a new decision
    items = [
        judged(1, 3, "open", FR, cues=abstained),
        judged(2, 3, "supports", FR, confidence=0.5),
        judged(3, 4, "open", FR, cues=abstained),
    ]
    assert by_actor(items)["FR"][:2] == ("supports", day(3))
    # another act word (or a stance in plain words) on the later day is a new reading
    voted = [*items[:2], judged(4, 4, "open", FR, cues=words(("abstains", "act")))]
    assert by_actor(voted)["FR"][:2] == ("open", day(4))
    plain = [*items[:2], judged(5, 4, "open", FR, cues=words(("abstain", "lexicon")))]
    assert by_actor(plain)["FR"][:2] == ("open", day(4))
    # a retold act keeps its place after a change of mind in between
    turned = [
        judged(6, 1, "opposes", DE, cues=words(("vetoed", "act"))),
        judged(7, 2, "supports", DE),
        judged(8, 3, "opposes", DE, cues=words(("vetoed", "act"))),
    ]
    assert by_actor(turned)["DE"][:2] == ("supports", day(2))
    # the retelling is still evidence of the act's stance, dated by the act
    vetoed = words(("vetoed", "act"))
    again = [judged(9, 1, "opposes", PL, cues=vetoed), judged(10, 3, "opposes", PL, cues=vetoed)]
    assert by_actor(again) == {"PL": ("opposes", day(1), [9, 10])}


@pytest.mark.parametrize(
    ("cues", "earlier", "now"),
    [
        # a condition set on consent after support holds the consent back until it is met
        (words(("fair", "evaluation"), ("before", "condition")), "supports", "open"),
        (words(("only", "condition")), "supports", "open"),
        # a condition on a refusal leaves it a refusal until then
        (words(("fair", "evaluation"), ("before", "condition")), "opposes", "opposes"),
        # a possibility under a condition commits to nothing
        (words(("could", "modal"), ("if", "condition")), "supports", "supports"),
        # a refusal under a condition threatens; it holds no consent back
        (words(("threatened", "lexicon"), ("if", "condition")), "supports", "supports"),
        (
            words(("will", "modal"), ("veto", "lexicon"), ("unless", "condition")),
            "supports",
            "supports",
        ),
    ],
)
def test_a_condition_set_after_support_takes_it_back(
    cues: tuple[Cue, ...], earlier: Stance, now: str
) -> None:
    items = [judged(1, 0, earlier, FR), judged(2, 3, "open", FR, cues=cues)]
    assert by_actor(items)["FR"][0] == now
    # support said after the condition replaces it again
    items.append(judged(3, 5, "supports", FR))
    assert by_actor(items)["FR"][0] == "supports"


def test_as_of_cuts_off_later_evidence() -> None:
    items = [judged(1, 0, "open", FR), judged(2, 3, "opposes", FR), judged(3, 9, "supports", FR)]
    assert by_actor(items, as_of=2) == {"FR": ("open", day(0), [1])}
    assert by_actor(items, as_of=3) == {"FR": ("opposes", day(3), [2])}
    assert by_actor(items, as_of=9) == {"FR": ("supports", day(9), [3])}
    assert by_actor(items, as_of=-1) == {}


def test_a_run_broken_by_another_stance_starts_again() -> None:
    items = [
        judged(1, 0, "opposes", DE),
        judged(2, 2, "supports", DE),
        judged(3, 4, "opposes", DE),
        judged(4, 6, "opposes", DE),
    ]
    assert by_actor(items) == {"DE": ("opposes", day(4), [3, 4])}


def test_on_one_day_the_firmer_reading_wins_then_the_more_confident() -> None:
    items = [
        judged(1, 2, "open", FR, confidence=0.9),
        judged(2, 2, "opposes", FR, confidence=0.6),
    ]
    assert by_actor(items)["FR"][0] == "opposes"
    both_firm = [
        judged(1, 2, "supports", FR, confidence=0.9),
        judged(2, 2, "opposes", FR, confidence=0.85),
    ]
    assert by_actor(both_firm)["FR"][0] == "supports"


def test_unclear_never_overrides_a_clear_stance() -> None:
    same_day = [
        judged(1, 2, "opposes", FR, confidence=0.5),
        judged(2, 2, "unclear", FR, confidence=0.9),
    ]
    later = [judged(1, 2, "opposes", FR), judged(2, 5, "unclear", FR)]
    assert by_actor(same_day) == {"FR": ("opposes", day(2), [1])}
    assert by_actor(later) == {"FR": ("opposes", day(2), [1])}
    only_unclear = [judged(3, 1, "unclear", PL), judged(4, 4, "unclear", PL)]
    assert by_actor(only_unclear) == {"PL": ("unclear", day(1), [3, 4])}


def test_an_editor_correction_wins_over_extraction() -> None:
    fix = EditorCorrection("open", corrected_on=day(8), editor="desk")
    items = [
        judged(1, 2, "opposes", FR, correction=fix),
        judged(2, 2, "opposes", FR, confidence=0.95),
    ]
    assert by_actor(items) == {"FR": ("open", day(2), [1])}
    # the correction keeps its statement's date: later extraction still wins
    later = [*items, judged(3, 4, "supports", FR)]
    assert by_actor(later)["FR"][0] == "supports"


def test_a_correction_replaces_a_firmer_stance_before_it() -> None:
    # an editor reads a real softening: the explicit reading replaces the firm one
    fix = EditorCorrection("open", corrected_on=day(8), editor="desk")
    items = [judged(1, 2, "opposes", FR), judged(2, 4, "opposes", FR, correction=fix)]
    assert by_actor(items) == {"FR": ("open", day(4), [2])}


def test_a_correction_can_restore_a_statement_read_as_about_others() -> None:
    fix = EditorCorrection("opposes", corrected_on=day(3))
    items = [judged(1, 2, "open", CZ, about="others", correction=fix)]
    assert by_actor(items) == {"CZ": ("opposes", day(2), [1])}


def test_each_speaker_gets_a_position() -> None:
    items = [judged(7, 1, "opposes", CZ, PL, DE)]
    assert by_actor(items) == {
        "CZ": ("opposes", day(1), [7]),
        "DE": ("opposes", day(1), [7]),
        "PL": ("opposes", day(1), [7]),
    }


def test_statements_about_others_give_the_speaker_no_position() -> None:
    items = [judged(1, 1, "open", FR, about="others"), judged(2, 2, "opposes", DE)]
    assert set(by_actor(items)) == {"DE"}


def test_undated_evidence_is_left_out() -> None:
    assert by_actor([judged(1, None, "supports", FR), judged(2, 1, "open", DE)]) == {
        "DE": ("open", day(1), [2])
    }


def test_a_speaker_without_an_actor_gives_no_position_but_is_listed() -> None:
    diplomat = Actor(None, "a senior diplomat", "unknown")
    analyst = Actor(None, "Jane Doe", "person")
    page_word = Actor(None, "Details", "country")
    items = [
        judged(1, 1, "opposes", diplomat),
        judged(2, 2, "supports", analyst),
        judged(3, 3, "open", page_word),
        judged(4, 3, "opposes", DE),
        judged(5, 4, "supports", DE, analyst),
        judged(6, 4, "open", analyst, about="others"),
        judged(7, 9, "opposes", diplomat),
    ]
    found = positions(items)
    assert [(p.actor_id, p.stance, p.evidence) for p in found] == [("DE", "supports", [5])]
    assert all(p.actor_id for p in positions(items)) and all(c.actor_id for c in history(items))
    # kept: the statements that would have counted, with a speaker nobody resolved
    assert unattributed(items) == [1, 2, 3, 5, 7]
    assert unattributed(items, as_of=day(3)) == [1, 2, 3]


def test_history_lists_each_change_with_its_source() -> None:
    fix = EditorCorrection("open", corrected_on=day(9))
    items = [
        judged(1, 0, "opposes", FR),
        judged(2, 1, "opposes", FR),
        judged(3, 3, "opposes", FR, correction=fix),
        judged(4, 6, "supports", FR),
        judged(5, 2, "open", DE),
    ]
    changes = [(c.actor_id, c.on, c.previous, c.stance, c.statement_id, c.source)
               for c in history(items)]
    assert changes == [
        ("DE", day(2), None, "open", 5, "extraction"),
        ("FR", day(0), None, "opposes", 1, "extraction"),
        ("FR", day(3), "opposes", "open", 3, "correction"),
        ("FR", day(6), "open", "supports", 4, "extraction"),
    ]
    assert [c.stance for c in history(items, as_of=day(4)) if c.actor_id == "FR"] == [
        "opposes",
        "open",
    ]


def test_judged_statement_from_statement_keeps_every_speaker() -> None:
    statement = Statement(
        kind="indirect",
        cue="said",
        cue_span=None,
        content="they are not considering it",
        content_span=(0, 1),
        source_text="",
        source_span=None,
        span=(0, 1),
        speakers=[
            Speaker("Prague", None, actor_id="CZ", actor="Czechia", actor_kind="country"),
            Speaker("a diplomat", None),
        ],
        said_on=day(1),
    )
    item = JudgedStatement.from_statement(
        11, statement, StanceJudgement("troops-to-ukraine", "opposes", 0.85)
    )
    assert item.actors == (CZ, Actor(None, "a diplomat", "unknown"))
    assert item.said_on == day(1) and item.stance == "opposes" and item.source == "extraction"
    assert [p.actor_id for p in positions([item])] == ["CZ"]  # the diplomat is no actor


@pytest.mark.parametrize("stance", ["supports", "open", "opposes"])
def test_a_single_statement_sets_stance_and_since(stance: Stance) -> None:
    (position,) = positions([judged(1, 4, stance, PL)])
    assert (position.actor_id, position.actor, position.actor_kind) == ("PL", "Poland", "country")
    assert (position.stance, position.since, position.evidence) == (stance, day(4), [1])
