"""Stance acts, group speakers, who speaks for a state, page furniture and relative dates.

Each mechanism is tested on sentences written for these tests, and each kind once more on a
sentence shape found in PolNeAR (train or dev): those tests read the sentence from the
corpus next to the repository at test time (by file name and a search string) and skip when
it is absent, so no corpus text is kept here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from extract_support import plain_article
from spacy.language import Language

from factbox.api import judge
from factbox.extract import extract_article
from factbox.extract.attributions import find_attributions
from factbox.extract.furniture import page_furniture
from factbox.extract.offices import office_table
from factbox.records import Article, Person, Statement
from factbox.stance import Proposal, ProposalMatcher

POLNEAR = Path(__file__).parents[2].parent / "shared" / "corpora" / "polnear"
PUBLISHED = dt.date(2024, 2, 27)
TROOPS = Proposal(
    slug="troops",
    title="Send troops to Ukraine",
    description="Western states send ground troops or soldiers to Ukraine",
)


def article(body: str, published: dt.date | None = PUBLISHED) -> Article:
    return plain_article(body, published)


def extract(nlp: Language, body: str, published: dt.date | None = PUBLISHED) -> list[Statement]:
    return extract_article(nlp(body), article(body, published)).statements


def by_cue(statements: list[Statement], cue: str) -> Statement:
    found = [s for s in statements if s.cue == cue]
    assert len(found) == 1, [(s.cue, s.content) for s in statements]
    return found[0]


def actors(statement: Statement) -> list[str | None]:
    return [speaker.actor_id for speaker in statement.speakers]


def polnear_paragraph(split: str, stem: str, needle: str) -> str:
    """The paragraph of a PolNeAR article (``split/text/stem.txt``) holding ``needle``."""
    path = POLNEAR / split / "text" / f"{stem}.txt"
    if not path.is_file():
        pytest.skip("PolNeAR corpus not available")
    for paragraph in path.read_text(encoding="utf-8").split("\n"):
        if needle in paragraph:
            return paragraph.strip()
    raise AssertionError(f"{needle!r} not in {path.name}")


# Stance acts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "content"),
    [
        ("Poland rejected the idea on Monday.", "Poland", "rejected", "the idea"),
        (
            "The Ruritanian president has not excluded sending soldiers one day.",
            "The Ruritanian president",
            "has not excluded",
            "sending soldiers one day",
        ),
        (
            "Prime Minister Anna Berg did not support such a step.",
            "Prime Minister Anna Berg",
            "did not support",
            "such a step",
        ),
        ("Estonia called for more ammunition.", "Estonia", "called for", "more ammunition"),
        (
            "The chancellor distanced himself from the proposal.",
            "The chancellor",
            "distanced himself from",
            "the proposal",
        ),
        ("Hungary vetoed the aid package.", "Hungary", "vetoed", "the aid package"),
        # votes: the particle may be a phrasal preposition; a vote with nothing after it is
        # its own content (the stance stage finds the text it is on)
        ("Peru voted against the draft.", "Peru", "voted against", "the draft"),
        ("Chile voted for the draft.", "Chile", "voted for", "the draft"),
        ("Chile voted in favour of the text.", "Chile", "voted in favour of", "the text"),
        ("China and Angola abstained.", "China and Angola", "abstained", "abstained"),
        ("Spain put forward the draft.", "Spain", "put forward", "the draft"),
    ],
)
def test_a_stance_act_is_a_statement_of_its_own_kind(
    nlp: Language, sentence: str, source: str, cue: str, content: str
) -> None:
    (act,) = find_attributions(nlp(sentence))
    assert (act.kind, act.source_text, act.cue, act.content) == ("act", source, cue, content)
    assert sentence[act.cue_span[0] : act.cue_span[1]] == cue if act.cue_span else False
    assert sentence[act.content_span[0] : act.content_span[1]] == content


def test_a_vote_needs_a_named_voter(nlp: Language) -> None:
    assert [s.kind for s in find_attributions(nlp("Eleven members abstained."))] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The spokesman declined to comment on the plan.",
        "The court blocked the law.",  # no speaker
        "In a statement, the ministry rejected the proposal.",  # the medium's statement
    ],
)
def test_what_is_no_stance_act(nlp: Language, sentence: str) -> None:
    assert [s.kind for s in find_attributions(nlp(sentence))] in ([], ["indirect"])


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        # the act hangs on the copula beside "among", as the parser read it
        (
            "Austria, Poland and Latvia had been among the nations opposed before the summit.",
            "Austria, Poland and Latvia",
            "opposed",
        ),
        ("Latvia was among the countries opposed to the plan.", "Latvia", "the plan"),
        ("Austria and Latvia were among the states that opposed the plan.", "Austria and Latvia",
         "the plan"),
    ],
)
def test_an_act_of_a_group_its_subject_is_among_is_the_subjects(
    nlp: Language, sentence: str, source: str, content: str
) -> None:
    (act,) = find_attributions(nlp(sentence))
    assert (act.kind, act.source_text, act.cue, act.content) == ("act", source, "opposed", content)


@pytest.mark.parametrize(
    "sentence",
    [
        "Under the plan, Portugal stands to receive a total of 2,951 refugees.",
        "Under the new rules, the port stands to lose most of its trade.",
    ],
)
def test_what_a_country_stands_to_get_is_no_statement(nlp: Language, sentence: str) -> None:
    # the writer's account of what a plan gives a country, not the country's word
    assert find_attributions(nlp(sentence)) == []


def test_an_act_inside_another_statement_is_that_statement(nlp: Language) -> None:
    found = find_attributions(nlp("Macron said he refused to rule out sending troops."))
    assert [(s.kind, s.cue) for s in found] == [("indirect", "said")]
    (refused,) = find_attributions(nlp("Macron refused to rule out sending troops."))
    assert (refused.kind, refused.content) == ("act", "to rule out sending troops")


def test_polnear_conventions_leave_acts_out(nlp: Language) -> None:
    doc = nlp("Poland rejected the idea on Monday.")
    assert all(s.kind != "act" for s in find_attributions(doc, conventions="polnear"))


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("France has not ruled out sending troops to Ukraine.", "open"),
        ("Poland rejected sending troops to Ukraine.", "opposes"),
        ("Estonia called for sending troops to Ukraine.", "supports"),
        ("Slovakia refused to send troops to Ukraine.", "opposes"),
    ],
)
def test_the_stance_stage_reads_an_act_and_its_negation(
    nlp: Language, sentence: str, stance: str
) -> None:
    doc = nlp(sentence)
    (act,) = extract_article(doc, article(sentence)).statements
    assert act.kind == "act"
    judged = judge(doc, act, ProposalMatcher(nlp, [TROOPS]))
    assert [found.judgement.stance for found in judged] == [stance]


def test_a_stance_act_in_polnear(nlp: Language) -> None:
    paragraph = polnear_paragraph(
        "train", "breitbart_2016-05-14_mccain-challenger-kelli-ward-imp", "Kelli Ward called for"
    )
    act = by_cue(extract(nlp, paragraph), "called for")
    assert act.kind == "act"
    assert act.source_text.endswith("Kelli Ward")
    assert act.content.startswith("the impeachment")


def test_a_stance_act_in_a_concessive_clause_is_its_subject_s(nlp: Language) -> None:
    body = (
        "While Germany, the UK, and the US have ruled out sending soldiers there, Estonia "
        "welcomed the debate."
    )
    ruled = by_cue(extract(nlp, body), "have ruled out")
    assert (ruled.kind, ruled.content) == ("act", "sending soldiers there")
    assert actors(ruled) == ["DE", "GB", "US"]
    assert actors(by_cue(extract(nlp, body), "welcomed")) == ["EE"]


def test_a_stance_act_in_a_concessive_clause_in_polnear(nlp: Language) -> None:
    paragraph = polnear_paragraph(
        "train", "breitbart_2016-07-22_tim-kaine-fully-embraced-abortio", "Though, as a senator"
    )
    act = by_cue(extract(nlp, paragraph, dt.date(2016, 7, 22)), "has opposed")
    assert (act.kind, act.source_text) == ("act", "Kaine")
    assert act.content.startswith("defunding")


# Group speakers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Several NATO members including Germany, Britain and Spain said they did not back it.",
            ["DE", "GB", "ES"],
        ),
        (
            "Member states including Germany, the U.K., and Spain said they did not back it.",
            ["DE", "GB", "ES"],
        ),
        ("Allies such as Poland and Estonia said they would not send troops.", ["PL", "EE"]),
        ("Sweden, Poland, and the Czech Republic said they had no such plans.", ["SE", "PL", "CZ"]),
        # The parser hangs "the UK" as an appositive of Germany: a country is no title.
        ("Germany, the UK, and the US said they had no such plans.", ["DE", "GB", "US"]),
    ],
)
def test_each_member_of_a_group_speaks(nlp: Language, sentence: str, expected: list[str]) -> None:
    said = by_cue(extract(nlp, sentence), "said")
    assert actors(said) == expected


def test_a_source_listed_after_a_colon(nlp: Language) -> None:
    body = (
        "The following officials also ruled out such an opportunity: Deputy head of the "
        "Ruritanian Ministry of Defence Jan Kowal, Swedish Prime Minister Eva Lind, Czech "
        "Prime Minister Karel Novak."
    )
    act = by_cue(extract(nlp, body), "also ruled out")
    assert act.content == "such an opportunity"
    assert [(s.name, s.actor_id) for s in act.speakers] == [
        ("Jan Kowal", None),
        ("Eva Lind", "SE"),
        ("Karel Novak", "CZ"),
    ]


def test_group_speakers_in_polnear(nlp: Language) -> None:
    paragraph = polnear_paragraph(
        "train", "wash-post_2016-09-07_split-on-supreme-court-aids-chal", "Tim Moore, both"
    )
    said = by_cue(extract(nlp, paragraph, dt.date(2016, 9, 7)), "said")
    assert [s.name for s in said.speakers] == ["Phil Berger", "Tim Moore"]
    assert actors(said) == [None, None]  # state legislators speak for no state


# Who speaks for a state ------------------------------------------------------------------


class KnownAsUS:
    """A ledger that remembers every person as speaking for the United States."""

    def lookup(self, name: str) -> Person | None:
        return Person(name, "President", "US", "United States", "country", None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sen. John Smith said the United States should send troops.",
        "Former president John Smith said the United States should send troops.",
        "Republican presidential nominee John Smith said the plan was a disaster.",
        "Opposition leader John Smith said the plan was a disaster.",
        "German lawmakers said the plan was a disaster.",
        "Analyst John Smith said the plan was a disaster.",
    ],
)
def test_who_speaks_for_no_state(nlp: Language, sentence: str) -> None:
    said = by_cue(extract(nlp, sentence), "said")
    assert said.speakers and actors(said) == [None]
    assert said.speakers[0].role  # the affiliation stays with the speaker


def test_the_table_of_offices_fills_in_what_the_article_leaves_out(nlp: Language) -> None:
    said = by_cue(extract(nlp, "Macron said nothing could be ruled out."), "said")
    assert (said.speakers[0].name, said.speakers[0].actor_id) == ("Emmanuel Macron", "FR")
    late = by_cue(extract(nlp, "Stoltenberg said NATO had no plans.", dt.date(2025, 2, 1)), "said")
    assert actors(late) == [None]  # no longer NATO's secretary general by then


def test_out_of_office_the_ledger_does_not_give_an_actor(nlp: Language) -> None:
    body = "Trump said the war would end quickly."
    doc = nlp(body)
    (said,) = extract_article(doc, article(body), KnownAsUS()).statements
    assert said.speakers[0].name == "Donald Trump"
    assert actors(said) == [None]  # between two terms on 2024-02-27


def test_office_rows_have_a_source_and_dates() -> None:
    table = office_table()
    macron = table.held_on("Emmanuel Macron", PUBLISHED)
    assert macron is not None and macron.actor_id == "FR"
    assert macron.source.startswith("https://")
    assert table.held_on("Jens Stoltenberg", dt.date(2024, 9, 30)) is not None
    assert table.held_on("Jens Stoltenberg", dt.date(2024, 10, 1)) is None
    assert table.held_on("Rutte", dt.date(2024, 10, 1)).actor_id == "NATO"  # type: ignore[union-attr]
    assert table.held_on("Emmanuel Macron", table.checked_to + dt.timedelta(days=1)) is None


def test_a_surname_with_a_case_ending_names_the_table_s_person() -> None:
    table = office_table()
    # A translated genitive ("Rishi Sunaka"): the same given name, the surname plus an ending.
    assert {office.name for office in table.rows("Rishi Sunaka")} == {"Rishi Sunak"}
    assert {office.name for office in table.rows("Donald Tuska")} == {"Donald Tusk"}
    assert table.rows("Sunaka") == ()  # never a surname alone
    assert table.rows("Jane Sunaka") == ()  # never with other given names
    assert table.rows("Rishi Sunakx") == ()  # no case ending


@pytest.mark.parametrize(
    ("line", "source", "expected"),
    [
        (
            'Representative Rishi Sunaka: "We have no plans to send more soldiers."',
            "Representative Rishi Sunaka",
            (None, "Representative of Rishi Sunak", "GB"),
        ),
        (
            "Spokesperson Donald Tuska said the country would not send soldiers.",
            "Spokesperson Donald Tuska",
            (None, "Spokesperson of Donald Tusk", "PL"),
        ),
        (
            "A spokesperson for Rishi Sunak said there were no such plans.",
            "A spokesperson for Rishi Sunak",
            (None, "spokesperson for Rishi Sunak", "GB"),
        ),
        (
            "Press Secretary Dmitry Peskov said a conflict would follow.",
            "Press Secretary Dmitry Peskov",
            ("Dmitry Peskov", "Press Secretary", "RU"),
        ),
    ],
)
def test_a_spokespersons_title_before_an_office_holder_speaks_for_the_holder(
    nlp: Language, line: str, source: str, expected: tuple[str | None, str, str]
) -> None:
    # Under a headline that opens with the EU, which would give an unplaced office its actor.
    found = extract_article(nlp(line), replace(article(line), title="The EU turned down the idea"))
    (statement,) = [s for s in found.statements if s.source_text == source]
    (speaker,) = statement.speakers
    assert (speaker.name, speaker.role, speaker.actor_id) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (  # translated copy: the title, "of" an organisation, then the name
            'Representative of the EU Foreign Service Maria Weber: "We have not decided."',
            ("Maria Weber", "Representative of the EU Foreign Service", "EU"),
        ),
        (  # a name after a person's own office is whom the speaker speaks for
            'Spokesman for the Prime Minister Jan Kowal: "We have no plans."',
            (None, "Spokesman for the Prime Minister Jan Kowal", None),
        ),
    ],
)
def test_a_name_after_a_title_of_an_organisation_is_the_speaker(
    nlp: Language, line: str, expected: tuple[str | None, str, str | None]
) -> None:
    (statement,) = extract(nlp, line)
    (speaker,) = statement.speakers
    assert (speaker.name, speaker.role, speaker.actor_id) == expected


def test_a_us_representative_in_polnear_is_no_one_s_spokesperson(nlp: Language) -> None:
    paragraph = polnear_paragraph(
        "train", "nyt_2016-03-16_via-legislative-side-doors-sande", "said Representative Peter"
    )
    found = extract(nlp, paragraph, dt.date(2016, 3, 16))
    welch = [sp for s in found for sp in s.speakers if "Representative" in sp.text]
    assert welch and all(sp.name == "Peter Welch" for sp in welch)
    assert all(sp.role == "Representative" and sp.actor_id is None for sp in welch)


def test_a_candidate_in_polnear_speaks_for_no_state(nlp: Language) -> None:
    paragraph = polnear_paragraph(
        "train", "breitbart_2016-07-13_trump-demands-ginsburg-resign-fo", "Bernie Sanders, who"
    )
    found = extract(nlp, paragraph, dt.date(2016, 7, 13))
    sanders = [s for s in found if any(sp.name == "Bernie Sanders" for sp in s.speakers)]
    assert sanders
    assert all(actors(s) == [None] for s in sanders)


# Page furniture --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "furniture"),
    [
        ("Share", True),
        ("Details", True),
        ("Photo: Reuters/Jane Doe", True),
        ("Jane Doe via Getty Images", True),
        ("AFP", True),
        ("the AP", True),
        ("By Jane Doe", True),
        ("Zach CarterFlagShareLikeReplySara Bondioli", True),
        ("Home Secretary Jane Doe", False),
        ("More than 20 leaders", False),
        ("Sources close to the government", False),
        ("Jean-Claude Juncker", False),
        # a list of agencies only carries what others said
        ("Reuters and Ansa", True),
        ("AFP, AP and Reuters", True),
        ("Reuters and the White House", False),
        ("Spain and Italy", False),
    ],
)
def test_page_furniture(source: str, furniture: bool) -> None:
    assert page_furniture().is_furniture(source) is furniture


def test_furniture_never_speaks(nlp: Language) -> None:
    body = (
        "Kyiv \u2022 UNN\n\n"
        "AFP: Macron said on Monday that nothing could be ruled out.\n\n"
        'Share: "We are not going to do that," the alliance\'s chief said.'
    )
    found = extract(nlp, body)
    texts = [speaker.text for s in found for speaker in s.speakers]
    assert "AFP" not in texts and "Share" not in texts and "UNN" not in texts
    assert any(s.cue == "said" and s.source_text == "Macron" for s in found)


def test_furniture_in_polnear_never_speaks(nlp: Language) -> None:
    paragraph = polnear_paragraph(
        "train", "huff-post_2016-02-07_the-latest-gop-debate-kicked-off", "via Getty Images"
    )
    for statement in extract(nlp, paragraph, dt.date(2016, 2, 7)):
        assert not page_furniture().is_furniture(statement.source_text), statement.source_text


@pytest.mark.parametrize(
    "body",
    [
        "It should be noted that currently, German Chancellor Olaf Scholz, Czechia, and"
        " Poland are also not considering sending NATO or EU troops to Ukraine.",
        "It should be noted that Germany and Poland are not considering such a step.",
    ],
)
def test_an_impersonal_passive_it_is_nobodys_statement(nlp: Language, body: str) -> None:
    # the writer's aside: "it" stands for nobody
    found = extract(nlp, "Spain and Italy disagreed.\n\n" + body)
    assert all(s.source_text.lower() != "it" for s in found)


def test_an_active_it_still_speaks(nlp: Language) -> None:
    body = "The ministry issued a note on Monday. It said that the talks would go on."
    assert any(s.source_text == "It" for s in extract(nlp, body))


# Relative dates --------------------------------------------------------------------------


def test_the_day_before(nlp: Language) -> None:
    body = (
        "NATO has no plans, its chief said.\n\n"
        "The day before, Slovak Prime Minister Robert Fico said others were thinking about it. "
        "At the same time, he strongly refused to send the Slovak military there."
    )
    found = extract(nlp, body)
    assert found[0].said_on == PUBLISHED  # the chief's, on the day
    fico = [s for s in found if s.speakers and s.speakers[0].name == "Robert Fico"]
    assert [s.said_on for s in fico] == [dt.date(2024, 2, 26)] * 2


def test_the_day_before_a_dated_event(nlp: Language) -> None:
    body = "The chancellor rejected the plan, the day before his visit to Rome on 12 March."
    (act,) = extract(nlp, body, dt.date(2024, 3, 14))
    assert (act.said_on, act.said_on_basis) == (dt.date(2024, 3, 11), "explicit")


def test_the_day_before_inside_a_quote_in_polnear_is_not_the_saying(nlp: Language) -> None:
    paragraph = polnear_paragraph(
        "train", "huff-post_2016-07-28_charleston-church-shooting-survi", "the day before the"
    )
    found = extract(nlp, paragraph, dt.date(2016, 7, 28))
    assert found
    for statement in found:
        assert statement.said_on == dt.date(2016, 7, 28), statement.content


def test_the_countrys_leader_is_its_head_last_named(nlp: Language) -> None:
    body = (
        "Latvian Prime Minister Anna Berg said on Monday that nothing was ruled out. "
        "The Latvian leader said the allies would do everything needed."
    )
    first, second = extract(nlp, body)
    assert second.speakers[0].name == "Anna Berg"
    assert second.said_on == first.said_on == dt.date(2024, 2, 26)


@pytest.mark.parametrize(("name", "surname"), [("Mirna Tomsic", "Tomsic"), ("Ana Kovac", "Kovac")])
def test_a_name_inside_the_offices_of_phrase_takes_the_office_and_its_country(
    nlp: Language, name: str, surname: str
) -> None:
    # the parser hangs the name inside "of Foreign and European Affairs"; the office and
    # its owner ("Estonia's Minister") are above it, and the later bare surname is theirs
    body = (
        f"Estonia's Minister of Foreign and European Affairs {name} described discussions"
        ' around the package as "quite heated."\n\n'
        f'"We hope for an accord soon," {surname} said.'
    )
    statement = by_cue(extract(nlp, body), "said")
    (speaker,) = statement.speakers
    assert (speaker.name, speaker.actor_id) == (name, "EE")
    assert speaker.role == "Minister of Foreign and European Affairs"
