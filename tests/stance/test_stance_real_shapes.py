"""Stance on real sentences of each shape, read from PolNeAR (train and dev) at test time.

The corpus is not part of the repository: each case names an article and a few words to
find its sentence by, and the test skips when ``../shared/corpora/polnear`` (next to the
repository) is absent. The proposals are written here; the proposal's words in the
sentence are given by hand (``theme``, ``action``), so these tests measure the stance
reading, not the matcher.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from factbox.records import Speaker, Statement, StatementKind
from factbox.stance.classify import classify
from factbox.stance.records import MatchEvidence, ProposalMatch

POLNEAR = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "polnear"


@dataclass(frozen=True)
class RealCase:
    shape: str
    article: str
    """``train/text/NAME.txt`` or ``dev/text/NAME.txt``."""
    find: str
    """Words of the sentence (the first occurrence in the article is used)."""
    theme: str
    """The proposal's theme word in the sentence (first occurrence at or after ``find``)."""
    stance: str
    about: str = "speaker"
    speaker: str = ""
    """The speaker's name as the sentence gives it."""
    action: str | None = None
    cue: str | None = None
    """For a stance act: the act's words; the content is what follows them."""
    content: str | None = None
    """Words the content starts with (default: the sentence)."""
    kind: StatementKind = "indirect"


RUBIO = "train/text/wash-post_2015-12-20_marco-rubio-s-strategic-stances.txt"
CASES = [
    # contrast and concession: the speaker's own opposition holds; the main clause is
    # about something else ("legislation")
    RealCase("contrast", RUBIO, "personally opposes abortions", "abortions", "opposes",
             speaker="Rubio"),
    RealCase("contrast", RUBIO, "personally opposes same-sex", "marriage", "opposes",
             speaker="Rubio"),
    # negation inside a quoted clause
    RealCase("quoted", "train/text/nyt_2015-12-29_u-s-commandos-take-on-larger-rol.txt",
             "No boots on the ground", "boots", "opposes", speaker="Obama",
             content="when I said"),
    # reactions to someone's remarks are not the author's stance
    RealCase("reaction", "train/text/wash-post_2016-08-28_in-crazy-election-gary-johnson-s.txt",
             "refused to rule out a tax on carbon", "tax", "open", speaker="Johnson"),
    RealCase("reaction", "train/text/politico_2016-06-13_terrorism-experts-rebuke-trump-p.txt",
             "assertion Monday that more airstrikes", "airstrikes", "supports",
             speaker="Trump"),
    RealCase("reaction", RUBIO, "drew widespread criticism", "abortions", "opposes",
             speaker="Rubio", action="allowing"),
    # conditions
    RealCase("condition", "dev/text/huff-post_2016-09-22_trump-the-dealmaker-could-addres.txt",
             "could embrace a clean energy policy", "policy", "open", speaker="Donald Trump",
             action="embrace"),
    # criticism of those who hold back
    RealCase("demand", "train/text/usa-today_2015-12-14_on-the-islamic-state-a-split-mos.txt",
             "blasted Obama for not directly arming", "Kurds", "supports",
             speaker="Marco Rubio", action="arming"),
    RealCase("demand", "train/text/breitbart_2016-05-03_glenn-beck-blasts-drudge-for-moc.txt",
             "criticized Christian Evangelical voters", "Cruz", "supports", speaker="Beck",
             action="supporting"),
    # staying neutral is open
    RealCase("abstain", "train/text/huff-post_2016-02-17_big-win-for-bernie-afl-cio-holds.txt",
             "to remain neutral in the presidential", "primaries", "open", speaker="AFL-CIO"),
    RealCase("abstain", "train/text/wash-post_2016-01-28_senator-from-vermont-steps-off-c.txt",
             "officially stayed neutral", "contest", "open", speaker="Obama"),
    # stance acts
    RealCase("act", "train/text/politico_2015-11-19_trump-calls-for-bringing-back-su.txt",
             "did not rule out warrantless", "Muslims", "open", speaker="Trump",
             action="registering", cue="did not rule out", kind="act"),
    RealCase("act", "train/text/breitbart_2016-06-05_the-latest-mourners-say-ali-s-de.txt",
             "called for temporarily barring", "Muslims", "supports",
             speaker="businessman turned politician", action="barring", cue="called for",
             kind="act"),
    RealCase("act", "train/text/huff-post_2016-02-07_the-latest-gop-debate-kicked-off.txt",
             "back away from his pledge", "waterboarding", "supports", speaker="Donald Trump",
             action="reintroduce", cue="didn't back away from", kind="act"),
    RealCase("act", "train/text/nyt_2015-12-18_rubio-and-cruz-diverge-on-approa.txt",
             "distanced himself from the bill", "bill", "opposes", speaker="Rubio",
             cue="distanced himself from", kind="act"),
    RealCase("act", "train/text/huff-post_2016-03-10_refoulement-violates-internation.txt",
             "welcomed the EU", "contribution", "supports", speaker="Grandi",
             cue="welcomed", kind="act"),
]


@lru_cache(maxsize=32)
def _paragraph(nlp: Language, article: str, find: str) -> tuple[Doc, int]:
    """The parsed paragraph holding ``find``, and where ``find`` starts in it."""
    path = POLNEAR / article
    if not path.is_file():
        pytest.skip(f"PolNeAR is not at {POLNEAR}")
    text = path.read_text(encoding="utf-8")
    at = text.find(find)
    if at < 0:
        pytest.fail(f"{article}: {find!r} not found")
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    paragraph = text[start : end if end >= 0 else len(text)]
    return nlp(paragraph), at - start


def _word_span(doc: Doc, word: str, after: int) -> tuple[int, int]:
    found = re.search(rf"\b{re.escape(word)}\b", doc.text[after:])
    assert found is not None, f"{word!r} not in the sentence"
    return after + found.start(), after + found.end()


def _statement(doc: Doc, case: RealCase, at: int) -> Statement:
    sentence = next(s for s in doc.sents if s.start_char <= at < s.end_char)
    start, end = sentence.start_char, sentence.end_char
    cue_span = None
    if case.cue is not None:
        cue_start, cue_end = _word_span(doc, case.cue, start)
        cue_span, start = (cue_start, cue_end), cue_end + 1
    elif case.content is not None:
        start = _word_span(doc, case.content, start)[0]
    name_at = doc.text.find(case.speaker, sentence.start_char)
    speaker = Speaker(
        text=case.speaker,
        span=(name_at, name_at + len(case.speaker)) if name_at >= 0 else None,
        name=case.speaker,
        actor_id="US",
        actor="United States",
        actor_kind="person",
    )
    return Statement(
        kind=case.kind,
        cue=case.cue or "said",
        cue_span=cue_span,
        content=doc.text[start:end],
        content_span=(start, end),
        source_text=case.speaker,
        source_span=speaker.span,
        span=(sentence.start_char, end),
        speakers=[speaker],
        said_on=dt.date(2016, 1, 1),
    )


@pytest.mark.parametrize("case", CASES, ids=[f"{c.shape}: {c.find}" for c in CASES])
def test_real_shape(nlp: Language, case: RealCase) -> None:
    doc, at = _paragraph(nlp, case.article, case.find)
    statement = _statement(doc, case, at)
    content = doc.char_span(*statement.content_span, alignment_mode="expand")
    assert content is not None
    evidence = [MatchEvidence("theme", case.theme, _word_span(doc, case.theme, at))]
    if case.action is not None:
        evidence.append(MatchEvidence("action", case.action, _word_span(doc, case.action, at)))
    match = ProposalMatch("real-proposal", 0.65, tuple(evidence))
    judged = classify(content, match, statement)
    assert (judged.stance, judged.about) == (case.stance, case.about)
