"""The article page: every statement marked in the text, however statements overlap, and
listed once with its quote, speakers, actors and stance on each proposal."""

from __future__ import annotations

import html
import random
import re
from dataclasses import replace

from conftest import Stored
from fastapi.testclient import TestClient
from support import OVERLAPS, TROOPS, overlapping_statements, save_troops_proposal, store_overlaps

from factbox.records import ArticleRef, Statement, StoredStatement
from factbox.stance.records import (
    MatchedJudgement,
    MatchEvidence,
    ProposalMatch,
    StanceJudgement,
)
from factbox.web.render import Piece, article_pieces

REF = ArticleRef(1, "k", 1, None, None, None, "k")


def _stored(spans: list[tuple[int, int]]) -> list[StoredStatement]:
    return [
        StoredStatement(
            number,
            REF,
            Statement("indirect", "", None, "", span, "", None, span),
        )
        for number, span in enumerate(spans, start=1)
    ]


def _walk(pieces: list[Piece]) -> tuple[str, dict[int, set[int]], dict[int, int]]:
    """The text the pieces print, the characters inside each statement's marks, and how
    many first marks each statement has; fails on a mark closed that was not open."""
    text = ""
    inside: dict[int, set[int]] = {}
    firsts: dict[int, int] = {}
    stack: list[int] = []
    for piece in pieces:
        if piece.opens is not None:
            stack.append(piece.opens.id)
            if piece.first:
                firsts[piece.opens.id] = firsts.get(piece.opens.id, 0) + 1
        elif piece.closes:
            assert stack, "a mark closed that was never opened"
            stack.pop()
        else:
            for number in stack:
                inside.setdefault(number, set()).update(
                    range(len(text), len(text) + len(piece.text))
                )
            text += piece.text
    assert stack == []
    return text, inside, firsts


def _check(body: str, stored: list[StoredStatement]) -> None:
    text, inside, firsts = _walk(article_pieces(body, stored))
    assert text == body
    for item in stored:
        start, end = item.statement.span
        assert firsts[item.id] == 1
        assert inside[item.id] == set(range(start, end)), item.statement.span


def test_nested_crossing_and_paragraph_spanning_statements_are_all_marked() -> None:
    stored = [StoredStatement(n, REF, s) for n, s in enumerate(overlapping_statements(), start=1)]
    _check(OVERLAPS, stored)
    pieces = article_pieces(OVERLAPS, stored)
    # the spokesman's statement crosses the end of Lipavsky's: Lipavsky's closes inside it
    # and the spokesman's goes on in a continuation mark
    continued = [p.opens.id for p in pieces if p.opens is not None and not p.first]
    assert continued == [3]


def test_any_arrangement_of_spans_is_marked_completely() -> None:
    body = "".join(random.Random(16).choice("ab \n") for _ in range(120))
    shapes = random.Random(7)
    for _ in range(300):
        spans = []
        for _ in range(shapes.randint(1, 8)):
            start = shapes.randrange(0, len(body) - 1)
            spans.append((start, shapes.randint(start + 1, min(len(body), start + 40))))
        _check(body, _stored(spans))


def test_spans_outside_the_body_are_left_out() -> None:
    stored = _stored([(2, 5), (4, 99), (3, 3)])
    text, inside, firsts = _walk(article_pieces("abcdefgh", stored))
    assert text == "abcdefgh"
    assert firsts == {1: 1}


def test_the_page_links_every_statement_to_its_mark(client: TestClient, stored: Stored) -> None:
    article_id = store_overlaps(stored.ledger)
    text = client.get(f"/articles/{article_id}").text
    statements = stored.factbox.statements(article_id)
    assert len(statements) == 4
    body = re.search(r'<div class="article-text">(.*?)</div>', text, re.S)
    assert body is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", body.group(1))) == OVERLAPS
    assert body.group(1).count("<mark") == body.group(1).count("</mark>") == 5
    for item in statements:
        assert f'<a href="#s{item.id}">' in text
        mark = re.search(rf'<mark tabindex="0" id="s{item.id}"[^>]*>([^<]*)', body.group(1))
        assert mark is not None
        start = item.statement.span[0]
        assert OVERLAPS[start:].startswith(html.unescape(mark.group(1)))
    assert f'<mark class="continued" data-statement="s{statements[2].id}"' in text
    # a quote across two paragraphs is listed once, with its speaker and actor
    assert "“We are ready to help.\n\nWe will not wait for the others,”" in text
    assert 'prime minister, for <a href="/actors/EE">Estonia</a>' in text


def test_each_statement_lists_its_stance_on_each_proposal(
    client: TestClient, stored: Stored
) -> None:
    article_id = store_overlaps(stored.ledger)
    save_troops_proposal(stored.ledger)
    lipavsky, said, spokesman, estonia = stored.factbox.statements(article_id)
    send = MatchEvidence("action", "send", (OVERLAPS.index("send"), OVERLAPS.index("send") + 4))
    found = MatchedJudgement(
        ProposalMatch(TROOPS, 1.0, (send,)), StanceJudgement(TROOPS, "supports", 0.9)
    )
    others = MatchedJudgement(
        ProposalMatch(TROOPS, 1.0, (send,)),
        StanceJudgement(TROOPS, "open", 0.7, about="others", others="some allies"),
    )
    proposal = stored.ledger.proposal(TROOPS)
    assert proposal is not None
    stored.ledger.save_proposal(
        replace(proposal, terms=["troops"]),
        [(said.id, found), (spokesman.id, found), (estonia.id, others)],
    )
    stored.factbox.correct(lipavsky.id, "stance", "opposes", proposal=TROOPS, editor="olena")
    stored.factbox.correct(spokesman.id, "not_about", True, proposal=TROOPS, editor="olena")

    stances = stored.factbox.stances(stored.factbox.statements(article_id))
    assert [(s.stance, s.corrected) for s in stances[lipavsky.id]] == [("opposes", True)]
    assert [(s.stance, s.corrected) for s in stances[said.id]] == [("supports", False)]
    assert stances[spokesman.id] == []
    assert [(s.stance, s.others) for s in stances[estonia.id]] == [("open", True)]

    text = client.get(f"/articles/{article_id}").text
    items = text.split('id="statements-heading"')[1].split('<p class="quote">')[1:]
    listed = {int(re.match(r'<a href="#s(\d+)"', item).group(1)): item for item in items}  # type: ignore[union-attr]
    assert set(listed) == {lipavsky.id, said.id, spokesman.id, estonia.id}
    assert "stance-opposes" in listed[lipavsky.id] and "corrected" in listed[lipavsky.id]
    assert "stance-supports" in listed[said.id]
    assert "Send troops to Ukraine" in listed[said.id]
    assert "reports others’ stance" in listed[estonia.id]
    assert "stance-" not in listed[spokesman.id]
