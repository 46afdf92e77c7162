"""HTML pages through trafilatura, and HTML fragments, cleaned into articles."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest

from factbox.ingest import prepare_article, read_inputs
from factbox.records import InputError, SourceItem

FIXTURES = Path(__file__).parent / "fixtures"


def only_item(path: Path) -> SourceItem:
    results = list(read_inputs([str(path)]))
    assert len(results) == 1
    assert isinstance(results[0], SourceItem), results[0]
    return results[0]


def test_news_page_keeps_the_article_and_drops_the_site_around_it() -> None:
    item = only_item(FIXTURES / "page_grain.html")
    assert item.format == "html"
    article = prepare_article(item)
    assert article.title == "Ministers split over grain transit plan"
    assert article.published == dt.date(2024, 2, 27)
    assert article.url == "https://danube-ledger.example/world/grain-transit-plan"
    assert (article.place, article.agency) == ("WARSAW", "Reuters")
    paragraphs = article.body.split("\n\n")
    assert paragraphs == [
        "Agriculture ministers from five eastern member states failed on Tuesday to agree on a "
        "joint position on the transit of Ukrainian grain, with Poland and Hungary insisting on "
        "keeping their national bans in place.",
        '"We cannot ask our farmers to carry the cost of this alone," Polish minister Adam '
        "Nowicki told reporters after the meeting in Warsaw, which lasted more than six hours.",
        "Romania's delegate said Bucharest was open to a licensing scheme if the European "
        "Commission paid for new storage at the border crossings.",
        "Slovakia and Bulgaria did not say whether they would back the scheme. A second meeting "
        "is planned for March 12 in Brussels, an EU official said.",
    ]
    for furniture in ("Most read", "Privacy", "Terms of use", "Read also", "Ctrl+Enter", "©"):
        assert furniture not in article.body
        assert furniture in article.raw
    assert article.raw.startswith("<!DOCTYPE html>")


def test_page_without_an_article_is_an_input_error(tmp_path: Path) -> None:
    page = tmp_path / "front.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>The Danube Ledger</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        "<footer><p>© 2024 The Danube Ledger</p></footer></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        prepare_article(only_item(page))
    assert raised.value.reason == "no article body found in the HTML"
    assert raised.value.name == str(page)


def test_html_fragment_paragraphs_come_from_block_elements() -> None:
    item = SourceItem(
        name="cms-export.jsonl:1",
        format="jsonl",
        raw=(
            "<div class='body'><p>ROME (ANSA) - Italy will host the next meeting, the foreign"
            " ministry said.</p><script>track()</script><p>The date is <b>not</b> set.<br>"
            "Officials said &quot;soon&quot;.</p><figure><img src='x.jpg'><figcaption>A photo"
            "</figcaption></figure></div>"
        ),
        key="cms-1",
    )
    article = prepare_article(item)
    assert (article.place, article.agency) == ("ROME", "ANSA")
    assert article.body.split("\n\n") == [
        "Italy will host the next meeting, the foreign ministry said.",
        "The date is not set.",
        'Officials said "soon".',
    ]


def test_fragment_without_text_is_an_input_error() -> None:
    item = SourceItem(
        name="x.jsonl:3", format="jsonl", raw="<div><script>x()</script></div>", key="x3"
    )
    with pytest.raises(InputError) as raised:
        prepare_article(item)
    assert raised.value.reason == "no article body found in the HTML"


def test_html_and_feed_ingest_open_no_network_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    paths = [str(FIXTURES / name) for name in ("page_grain.html", "feed_rss.xml", "feed_atom.atom")]
    articles = [prepare_article(r) for r in read_inputs(paths) if isinstance(r, SourceItem)]
    assert len(articles) == 5


def test_line_breaks_inside_html_paragraphs_do_not_split_sentences(tmp_path: Path) -> None:
    page = tmp_path / "berlin.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Berlin pledges more aid</title>"
        '<meta name="date" content="2024-03-05"></head><body><article>'
        "<h1>Berlin pledges more aid</h1>\n"
        "<p>BERLIN (dpa) - The German government said\non Tuesday&nbsp;that it would   send "
        "more aid to Ukraine, after a long cabinet meeting in Berlin that ran late into the "
        'night.</p>\n<p>The chancellor said: "We will<br>not waver."</p>\n'
        "<p>More talks are planned for next week in Brussels, the spokesperson added, "
        "declining to give any details of the package.</p></article></body></html>",
        encoding="utf-8",
    )
    article = prepare_article(only_item(page))
    assert article.title == "Berlin pledges more aid"
    assert article.published == dt.date(2024, 3, 5)
    assert (article.place, article.agency) == ("BERLIN", "dpa")
    assert article.body.split("\n\n") == [
        "The German government said on Tuesday that it would send more aid to Ukraine, after "
        "a long cabinet meeting in Berlin that ran late into the night.",
        'The chancellor said: "We will not waver."',
        "More talks are planned for next week in Brussels, the spokesperson added, declining "
        "to give any details of the package.",
    ]
