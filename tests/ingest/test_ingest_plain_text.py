"""Plain-text layouts of wire copy and copied web pages, cleaned into articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factbox.ingest import prepare_article, read_inputs
from factbox.records import Article, InputError, SourceItem

FIXTURES = Path(__file__).parent / "fixtures"
FEB_27 = dt.date(2024, 2, 27)


def read_one(path: Path) -> SourceItem:
    results = list(read_inputs([str(path)]))
    assert len(results) == 1
    item = results[0]
    assert isinstance(item, SourceItem), item
    return item


def article_from_fixture(name: str) -> Article:
    return prepare_article(read_one(FIXTURES / name))


def text_item(text: str, *, title: str | None = None) -> SourceItem:
    return SourceItem(name="memo.txt", format="text", raw=text, key="memo", title=title)


def test_reuters_wire_copy_hard_wrapped() -> None:
    article = article_from_fixture("wire_paris.txt")
    assert article.title == "France and Germany split over air defence purchases"
    assert article.published == FEB_27
    assert (article.place, article.agency) == ("PARIS", "Reuters")
    assert article.body.split("\n\n") == [
        "France and Germany disagreed on Tuesday over whether European governments should buy "
        "air defence systems from outside the continent, with Paris pushing for a rule that "
        "would favour European manufacturers.",
        '"Our money should build our own industry first," French Defence Minister Paul Girard '
        "told reporters after meeting his German counterpart.",
        'German officials said Berlin would keep buying the systems it needed "wherever they '
        'can be delivered fastest", and that a well-known supplier had already offered earlier '
        "delivery dates.",
        "The two ministers agreed to meet again in Berlin on March 14.",
    ]
    assert "Reporting by Claire Martin" in article.raw
    assert article.format == "text"
    assert article.source_name.endswith("wire_paris.txt")


def test_web_copy_one_paragraph_per_line_with_site_boilerplate() -> None:
    article = article_from_fixture("web_kyiv.txt")
    assert article.title == "Kyiv says border talks with Warsaw will resume next week"
    assert article.published == FEB_27
    assert (article.place, article.agency) == ("KYIV", None)
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Ukraine's agriculture minister said on Tuesday")
    # A dated sentence in the body is body text, not a dateline.
    assert paragraphs[2].startswith("A spokesman for the Polish government said on 27 February")
    for furniture in (
        "Olena Bondar",
        "Read more",
        "Ctrl+Enter",
        "Share this article",
        "Follow us",
        "newsletter",
        "©",
    ):
        assert furniture not in article.body
        assert furniture in article.raw


def test_ap_style_prefers_published_over_updated_and_drops_byline() -> None:
    article = article_from_fixture("ap_ukraine.txt")
    assert article.title == "Ukraine and Poland agree to reopen two border crossings"
    assert article.published == FEB_27
    assert (article.place, article.agency) == ("KYIV", "AP")
    assert article.body.split("\n\n") == [
        "Ukraine and Poland agreed on Tuesday to reopen two crossings on their shared border "
        "that protesting farmers had blocked for three weeks, officials in both capitals said.",
        'Ukraine\'s deputy prime minister said the deal was "a first step, not the last one."',
        "The crossings at Dorohusk and Hrebenne would reopen on Thursday, Polish police said.",
    ]


def test_dotted_dateline_and_lone_boilerplate_labels() -> None:
    article = article_from_fixture("brussels_dotted.txt")
    assert article.title == "EU leaders to discuss defence bonds at March summit"
    assert article.published == FEB_27
    assert (article.place, article.agency) == ("BRUSSELS", None)
    assert article.body.split("\n\n") == [
        "European Union leaders will discuss jointly issued bonds to pay for defence at their "
        "summit in March, three diplomats said on Tuesday.",
        "The idea is backed by France and Estonia but opposed by the Netherlands, which says "
        "national budgets should carry the cost.",
        '"There is no majority for it yet," one of the diplomats said.',
    ]


def test_text_opening_with_the_lead_has_no_title() -> None:
    article = article_from_fixture("london_no_title.txt")
    assert article.title is None
    assert article.published is None
    assert (article.place, article.agency) == ("LONDON", "Reuters")
    assert article.body.startswith("Britain will send a further 200 armoured vehicles")
    assert article.body.endswith('"within weeks".')


def test_byline_and_dateline_on_one_line_separated_by_bars() -> None:
    article = article_from_fixture("pipe_byline.txt")
    assert article.title == "Czech government backs ammunition initiative"
    assert article.published == FEB_27
    assert (article.place, article.agency) == ("PRAGUE", "CTK")
    assert "Anna Petrenko" not in article.body
    assert article.body.startswith("The Czech government said on Tuesday")


def test_body_paragraphs_have_normalised_whitespace() -> None:
    for name in ("wire_paris.txt", "web_kyiv.txt", "ap_ukraine.txt", "brussels_dotted.txt"):
        body = article_from_fixture(name).body
        for paragraph in body.split("\n\n"):
            assert paragraph == " ".join(paragraph.split())
            assert paragraph


@pytest.mark.parametrize(
    ("lead", "place", "agency", "rest"),
    [
        ("PARIS (Reuters) - France said", "PARIS", "Reuters", "France said"),
        ("KYIV, Feb 27 (AP) — Ukraine said", "KYIV", "AP", "Ukraine said"),
        ("KYIV, Ukraine (AP) — Officials said", "KYIV", "AP", "Officials said"),
        # the country in brackets, then a comma: a region, not the agency
        ("LIMA (Peru), March 3 (Andes Wire) - Peru said", "LIMA", "Andes Wire", "Peru said"),
        ("LIMA (Reuters) - Peru said", "LIMA", "Reuters", "Peru said"),
        ("BRUSSELS — The Commission said", "BRUSSELS", None, "The Commission said"),
        ("Paris (AFP) - France said", "Paris", "AFP", "France said"),
        (
            "WASHINGTON, Feb. 27 (Reuters) -- The White House said",
            "WASHINGTON",
            "Reuters",
            "The White House said",
        ),
        ("NEW YORK —The fund said", "NEW YORK", None, "The fund said"),
        (
            "VILNIUS/RIGA, Mar 4 (Baltic Desk) — The two governments said",
            "VILNIUS/RIGA",
            "Baltic Desk",
            "The two governments said",
        ),
        ("(Reuters) - Shares fell", None, "Reuters", "Shares fell"),
        ("US-Russia talks resumed", None, None, "US-Russia talks resumed"),
        ("NATO — the alliance said", None, None, "NATO — the alliance said"),
        # a colon ends a lead after a place in capitals with a region, a date or an agency
        (
            "UNITED NATIONS, United States: The council said",
            "UNITED NATIONS",
            None,
            "The council said",
        ),
        ("NEW DELHI, Mar 4: The ministry said", "NEW DELHI", None, "The ministry said"),
        ("PARIS (AFP): France said", "PARIS", "AFP", "France said"),
        ("BRUSSELS: The Commission said", None, None, "BRUSSELS: The Commission said"),
        ("BREAKING: The Commission said", None, None, "BREAKING: The Commission said"),
        ("Madrid, Spain: The government said", None, None, "Madrid, Spain: The government said"),
        (
            "Germany — which holds the presidency — said",
            None,
            None,
            "Germany — which holds the presidency — said",
        ),
    ],
)
def test_place_and_agency_lead(lead: str, place: str | None, agency: str | None, rest: str) -> None:
    text = f"Ministers meet on aid\n\n{lead} on Tuesday that talks would go on.\n"
    article = prepare_article(text_item(text))
    assert (article.place, article.agency) == (place, agency)
    assert article.body == f"{rest} on Tuesday that talks would go on."


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Doe",
        "By JANE DOE",
        "By Jane Doe and Omar Haddad, Reuters",
        "Written by Ana de Souza",
        "Jane Doe, Reuters",
        "Olena Bondar | Kyiv Ledger",
    ],
)
def test_bylines_are_dropped(byline: str) -> None:
    text = f"Ministers meet on aid\n{byline}\nMinisters met in Rome on Tuesday.\n"
    article = prepare_article(text_item(text))
    assert article.title == "Ministers meet on aid"
    assert article.body == "Ministers met in Rome on Tuesday."


def test_a_short_first_sentence_starting_with_by_is_body() -> None:
    text = "Ministers meet on aid\nBy Tuesday, the talks had stalled.\nNo date was set.\n"
    article = prepare_article(text_item(text))
    assert article.body == "By Tuesday, the talks had stalled. No date was set."


def test_given_title_is_kept_and_a_repeated_title_line_dropped() -> None:
    repeated = prepare_article(
        text_item(
            "Ministers meet on aid\n\nMinisters met on Tuesday.", title="Ministers meet on aid"
        )
    )
    assert repeated.title == "Ministers meet on aid"
    assert repeated.body == "Ministers met on Tuesday."
    different = prepare_article(
        text_item("Rome talks open\n\nMinisters met on Tuesday.", title="Ministers meet on aid")
    )
    assert different.title == "Ministers meet on aid"
    assert different.body == "Rome talks open\n\nMinisters met on Tuesday."


def test_content_hash_ignores_whitespace_but_not_words() -> None:
    original = prepare_article(
        text_item(
            "Ministers meet on aid\n\nMinisters met in Rome on Tuesday and agreed\n"
            "to meet again.\n\nNo date was set.\n"
        )
    )
    rewrapped = prepare_article(
        text_item(
            "  Ministers  meet on aid\r\n\r\n\r\nMinisters met in Rome\non Tuesday and agreed to"
            "   meet again.\r\n\r\nNo date   was set.  "
        )
    )
    changed = prepare_article(
        text_item(
            "Ministers meet on aid\n\nMinisters met in Rome on Tuesday and agreed\n"
            "to meet again.\n\nA date was set.\n"
        )
    )
    retitled = prepare_article(
        text_item(
            "Ministers meet on Ukraine aid\n\nMinisters met in Rome on Tuesday and agreed\n"
            "to meet again.\n\nNo date was set.\n"
        )
    )
    assert rewrapped.body == original.body
    assert rewrapped.content_hash == original.content_hash
    assert len(original.content_hash) == 64
    assert changed.content_hash != original.content_hash
    assert retitled.content_hash != original.content_hash


def test_nothing_left_after_cleaning_is_an_input_error() -> None:
    item = text_item("Ministers meet on aid\nTuesday, 27 February 2024\nShare this article\n")
    with pytest.raises(InputError) as raised:
        prepare_article(item)
    assert raised.value.name == "memo.txt"
    assert raised.value.reason == ("no article text after removing title, dateline and boilerplate")


def test_a_single_line_article_is_body_not_title() -> None:
    article = prepare_article(text_item("Ministers met in Rome on Tuesday to discuss aid"))
    assert article.title is None
    assert article.body == "Ministers met in Rome on Tuesday to discuss aid"


def test_dateline_above_the_title_and_a_standfirst_above_the_lead() -> None:
    text = (
        "27 February 2024\n"
        "Nordic ministers back joint air policing\n"
        "Plan would pool fighter jets from four countries\n"
        "OSLO (NTB) - Defence ministers from Norway, Sweden, Finland and Denmark agreed on "
        "Tuesday to pool their fighter jets for air policing over the region.\n"
    )
    article = prepare_article(text_item(text))
    assert article.published == FEB_27
    assert article.title == "Nordic ministers back joint air policing"
    assert (article.place, article.agency) == ("OSLO", "NTB")
    assert article.body.split("\n\n") == [
        "Plan would pool fighter jets from four countries",
        "Defence ministers from Norway, Sweden, Finland and Denmark agreed on Tuesday to pool "
        "their fighter jets for air policing over the region.",
    ]


def test_hard_wrapped_first_sentence_is_not_taken_for_a_title() -> None:
    text = (
        "Ministers met in Rome on Tuesday and agreed\n"
        "to meet again next week in Madrid.\n\n"
        "No date was set.\n"
    )
    article = prepare_article(text_item(text))
    assert article.title is None
    assert article.body == (
        "Ministers met in Rome on Tuesday and agreed to meet again next week in Madrid."
        "\n\nNo date was set."
    )


_LEAD = "ROME (Reuters) - Italy will buy two more tankers, the minister said."
_FIRST = "Ministers agreed on Monday to extend the grain corridor by a year."


@pytest.mark.parametrize(
    ("text", "published", "title", "place", "paragraphs"),
    [
        # the headline slot holds the story's first sentence, repeated below the date
        (
            f"{_FIRST}\nMonday, 26 February 2024\n\n{_FIRST}\n\nThe chair spoke.\n",
            dt.date(2024, 2, 26),
            _FIRST,
            None,
            [_FIRST, "The chair spoke."],
        ),
        # a wire lead used as the headline
        (
            f"{_LEAD}\nTuesday, 27 February 2024\n\n{_LEAD}\n\nThe order is due in May.\n",
            FEB_27,
            _LEAD,
            "ROME",
            ["Italy will buy two more tankers, the minister said.", "The order is due in May."],
        ),
        # a standfirst between the title and the date, not repeated: it opens the story
        (
            "Nordic ministers back joint air policing\n"
            "The plan would pool fighter jets from four countries.\n"
            "27 February 2024\n\nDefence ministers agreed on Tuesday to pool their jets.\n",
            FEB_27,
            "Nordic ministers back joint air policing",
            None,
            [
                "The plan would pool fighter jets from four countries.",
                "Defence ministers agreed on Tuesday to pool their jets.",
            ],
        ),
    ],
)
def test_a_sentence_above_a_date_line_is_header_copy(
    text: str, published: dt.date, title: str, place: str | None, paragraphs: list[str]
) -> None:
    article = prepare_article(text_item(text))
    assert article.published == published
    assert article.title == title
    assert article.place == place
    assert article.body.split("\n\n") == paragraphs


def test_a_sentence_with_no_date_line_below_it_still_opens_the_story() -> None:
    text = "Ministers agreed on Monday to extend the corridor.\nThe vote was close.\n"
    article = prepare_article(text_item(text))
    assert article.title is None
    assert article.published is None
    assert article.body.startswith("Ministers agreed on Monday")


def test_a_sentence_line_above_a_dateline_is_the_title_and_the_date_is_read() -> None:
    text = (
        "Ministers of four northern states agreed on Tuesday to pool their patrol boats.\n"
        "Tuesday, 27 February 2024\n\n"
        "Ministers of four northern states agreed on Tuesday to pool their patrol boats.\n"
        "The plan starts in May.\n"
    )
    article = prepare_article(text_item(text))
    assert article.published == FEB_27
    assert article.title == (
        "Ministers of four northern states agreed on Tuesday to pool their patrol boats."
    )
    assert article.body == (
        "Ministers of four northern states agreed on Tuesday to pool their patrol boats. "
        "The plan starts in May."
    )


def test_a_long_first_sentence_above_a_dateline_is_the_title() -> None:
    first = (
        "Defence ministers from the four northern states met in a harbour town on Tuesday "
        "and agreed, after two days of talks that ran late into the night, to pool their "
        "patrol boats and share the cost of fuel, crews and repairs for at least three years"
    )
    assert len(first) > 200
    article = prepare_article(text_item(f"{first}\n27 February 2024\n\n{first}.\n"))
    assert article.published == FEB_27
    assert article.title == first


def test_a_sentence_line_with_no_dateline_under_it_is_still_body() -> None:
    text = "Ministers met in Rome on Tuesday.\nThey agreed to meet again.\n"
    article = prepare_article(text_item(text))
    assert article.title is None
    assert article.published is None
    assert article.body == "Ministers met in Rome on Tuesday. They agreed to meet again."


def test_a_wire_lead_above_a_dateline_is_not_taken_for_a_title() -> None:
    text = (
        "OSLO (NTB) - Ministers agreed on Tuesday to pool their patrol boats.\n27 February 2024\n"
    )
    article = prepare_article(text_item(text))
    assert article.title is None
    assert (article.place, article.agency) == ("OSLO", "NTB")


def test_an_unrepeated_sentence_above_a_dateline_opens_the_story() -> None:
    lead = (
        "Farm ministers in Lisbon agreed on Monday to share the cost of new grain silos, "
        "officials from three of the governments said after the meeting ended late."
    )
    text = (
        f"{lead}\n"
        "Monday, 26 February 2024\n\n"
        "Farm ministers in Lisbon agreed on Monday to share the cost of new grain silos.\n\n"
        "The plan still needs the approval of the national parliaments.\n"
    )
    article = prepare_article(text_item(text))
    assert article.published == dt.date(2024, 2, 26)
    assert article.title is None
    assert article.body.split("\n\n") == [
        lead,
        "Farm ministers in Lisbon agreed on Monday to share the cost of new grain silos.",
        "The plan still needs the approval of the national parliaments.",
    ]


def test_a_sentence_like_first_line_without_a_dateline_below_stays_body() -> None:
    text = (
        "Farm ministers in Lisbon agreed on Monday to share the cost of new grain silos.\n"
        "The plan still needs the approval of the national parliaments.\n"
    )
    article = prepare_article(text_item(text))
    assert article.title is None
    assert article.published is None
    assert article.body.startswith("Farm ministers in Lisbon agreed")
