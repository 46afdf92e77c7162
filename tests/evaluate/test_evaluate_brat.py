import pytest
from brat_fixtures import AnnBuilder, at, offsets

from factbox.evaluate.brat import format_brat, parse_brat
from factbox.evaluate.relations import (
    Relation,
    relation_from_statement,
    relation_type,
    relations_from_brat,
    relations_to_brat,
)
from factbox.records import InputError, Statement

TEXT = (
    "“The port stays open,” Harbour master Ines Duval said, “until the ice comes.” "
    "Officials believe the ferry will run all winter. "
    "It is expected that fares will rise."
)

QUOTE_1 = at(TEXT, "“The port stays open,”")
QUOTE_2 = at(TEXT, "“until the ice comes.”")
MASTER = at(TEXT, "Harbour master Ines Duval")
SAID = at(TEXT, "said")
EXPECTED = at(TEXT, "is expected")
FARES = at(TEXT, "fares will rise")

ANN = (
    f"T1\tContent {offsets(QUOTE_1, QUOTE_2)}\t“The port stays open,” “until the ice comes.”\n"
    f"T2\tSource {offsets(MASTER)}\tHarbour master Ines Duval\n"
    f"T3\tCue {offsets(SAID)}\tsaid\n"
    f"T4\tAttribution {offsets(SAID)}\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2 \n"
    "#1\tAnnotatorNotes T1\tsplit quote\n"
    f"T5\tAttribution {offsets(EXPECTED)}\tis expected\n"
    "E2\tAttribution-no-source:T5 \n"
    f"T6\tCue {offsets(EXPECTED)}\tis expected\n"
    f"T7\tContent {offsets(FARES)}\tfares will rise\n"
    f"T8\tAttribution-no-source {offsets(EXPECTED)}\tis expected\n"
    "E3\tAttribution-no-source:T8 Cue:T6 Content:T7\n"
    "A1\tKind E3 belief\n"
    "a line that continues a quoted text field\n"
)


def test_text_bounds_events_and_attributes_are_read() -> None:
    document = parse_brat(ANN, "x.ann")
    assert document.text_bounds["T1"].pieces == (QUOTE_1, QUOTE_2)
    assert document.text_bounds["T2"].label == "Source"
    assert [event.id for event in document.events] == ["E1", "E2", "E3"]
    assert document.events[0].trigger == "T4"
    assert ("Source", "T2") in document.events[0].arguments
    assert document.attribute("E3", "Kind") == "belief"
    assert document.attribute("E1", "Kind") is None


def test_events_become_relations_and_trigger_only_events_are_skipped() -> None:
    gold = relations_from_brat(parse_brat(ANN, "x.ann"))
    assert gold.skipped_events == 1
    quote, expected = gold.relations
    assert quote.content == (QUOTE_1, QUOTE_2)
    assert quote.source == (MASTER,)
    assert quote.cue == (SAID,)
    assert expected.source is None
    assert expected.kind == "belief"


def test_second_content_argument_joins_the_content() -> None:
    text = "“First part,” she said. “Second part.”"
    builder = AnnBuilder(text)
    first = builder.bound("Content", at(text, "“First part,”"))
    second = builder.bound("Content", at(text, "“Second part.”"))
    cue = builder.bound("Cue", at(text, "said"))
    builder.lines.append(f"E1\tAttribution:{cue} Cue:{cue} Content:{first} Content2:{second}")
    (relation,) = relations_from_brat(parse_brat(builder.render(), "x.ann")).relations
    assert relation.content == (at(text, "“First part,”"), at(text, "“Second part.”"))


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("T1\tSource 10\tten", "malformed text-bound"),
        ("T1\tSource 20 10\tbackwards", "outside the text"),
        ("T1\tSource 10 900\tpast the end", "outside the text"),
        ("E1\tAttribution:T9 Cue:T9", "missing annotation T9"),
        ("E1\tAttribution", "malformed event"),
    ],
)
def test_bad_lines_are_reported_with_their_place(line: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_brat(line + "\n", "bad.ann", text_length=100)
    assert problem in caught.value.reason
    assert caught.value.name.startswith("bad.ann")


def test_relations_survive_a_round_trip_through_standoff() -> None:
    relations = [
        Relation(cue=(SAID,), content=(QUOTE_1, QUOTE_2), source=(MASTER,), kind="direct"),
        Relation(cue=(EXPECTED,), content=(FARES,), source=None, kind="belief"),
    ]
    written = format_brat(relations_to_brat(relations), TEXT)
    back = relations_from_brat(parse_brat(written, "round.ann")).relations
    assert [(r.cue, r.content, r.source, r.kind) for r in back] == [
        (r.cue, r.content, r.source, r.kind) for r in relations
    ]


def test_statements_become_single_piece_relations() -> None:
    statement = Statement(
        kind="indirect",
        cue="believe",
        cue_span=at(TEXT, "believe"),
        content="the ferry will run all winter",
        content_span=at(TEXT, "the ferry will run all winter"),
        source_text="Officials",
        source_span=at(TEXT, "Officials"),
        span=(at(TEXT, "Officials")[0], at(TEXT, "winter")[1]),
    )
    relation = relation_from_statement(statement)
    assert relation.content == (at(TEXT, "the ferry will run all winter"),)
    assert relation.source == (at(TEXT, "Officials"),)
    assert relation.kind == "indirect"
    assert relation_type(relation, TEXT) == "indirect"


def test_relation_types_follow_quote_marks_and_sources() -> None:
    text = 'He said "we stay". She said: we go. They said it. "Maybe," one added.'
    direct_inside = Relation(((3, 7),), (at(text, "we stay"),), (at(text, "He"),))
    indirect = Relation(((3, 7),), (at(text, "we go"),), (at(text, "She"),))
    direct_with_marks = Relation(((3, 7),), (at(text, '"Maybe,"'),), (at(text, "one"),))
    no_source = Relation(((3, 7),), (at(text, "we go"),), None)
    assert relation_type(direct_inside, text) == "direct"
    assert relation_type(direct_with_marks, text) == "direct"
    assert relation_type(indirect, text) == "indirect"
    assert relation_type(no_source, text) == "no-source"
