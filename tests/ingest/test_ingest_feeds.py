"""RSS 2.0 and Atom feeds: one article per item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factbox.ingest import prepare_article, read_inputs
from factbox.records import IngestFailure, SourceItem

FIXTURES = Path(__file__).parent / "fixtures"


def test_rss_items_become_articles_and_an_empty_item_a_failure() -> None:
    path = FIXTURES / "feed_rss.xml"
    results = list(read_inputs([str(path)]))
    assert [r.name for r in results] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, second, third = results
    assert isinstance(first, SourceItem) and isinstance(second, SourceItem)
    assert isinstance(third, IngestFailure)
    assert third.reason == "feed item has no content or summary"

    assert first.format == "feed"
    assert first.key == "dl-2024-0227-001"
    assert first.id == "dl-2024-0227-001"
    assert first.url == "https://danube-ledger.example/world/hungary-blocks-statement"
    article = prepare_article(first)
    assert article.title == "Hungary blocks joint statement on Ukraine aid"
    assert article.published == dt.date(2024, 2, 27)
    assert (article.place, article.agency) == ("BUDAPEST", "Reuters")
    assert article.body.split("\n\n") == [
        "Hungary blocked a joint statement on military aid to Ukraine at a meeting of EU "
        "foreign ministers on Tuesday, two diplomats said.",
        '"Hungary will not sign a text that prolongs the war," the Hungarian foreign minister '
        "told reporters.",
        "The other 26 governments issued the statement on their own.",
    ]

    # No guid: the link is the key; the description is the text; the date stays local.
    assert second.key == "https://danube-ledger.example/world/baltic-border-checks"
    summary = prepare_article(second)
    assert summary.published == dt.date(2024, 2, 27)
    assert summary.body == (
        "The three Baltic governments asked the Commission on Monday to allow temporary checks "
        "on their eastern borders."
    )
    assert summary.title == "Baltic states call for border checks"


def test_atom_entries_with_html_and_text_content() -> None:
    path = FIXTURES / "feed_atom.atom"
    results = list(read_inputs([str(path)]))
    assert all(isinstance(r, SourceItem) for r in results)
    items = [r for r in results if isinstance(r, SourceItem)]
    assert [i.name for i in items] == [f"{path}#1", f"{path}#2"]
    assert items[0].key == "urn:uuid:0b6a3f5c-7d1e-4f6b-8c2a-1e9d4b3a2c01"
    assert items[0].url == "https://kyiv-ledger.example/news/air-defence-request"
    assert items[1].url is None

    html_entry = prepare_article(items[0])
    assert html_entry.title == "Kyiv asks partners for more air defence"
    assert html_entry.published == dt.date(2024, 2, 27)
    assert html_entry.place == "KYIV"
    assert html_entry.body == (
        "Ukraine's foreign minister asked partners on Tuesday for at least seven more air "
        'defence systems.\n\n"Every system saves a city," he said.'
    )

    text_entry = prepare_article(items[1])
    assert text_entry.title == "Grain corridor handles record volume"
    assert text_entry.published == dt.date(2024, 2, 26)
    assert text_entry.body == (
        "The Black Sea corridor carried a record 11 million tonnes of cargo in February, "
        "the infrastructure ministry said on Monday."
    )


def test_feed_with_a_declared_legacy_encoding(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0" encoding="windows-1252"?>\n'
        '<rss version="2.0"><channel><title>Ledger</title><link>https://l.example/</link>'
        "<description>d</description><item><title>Café talks “resume”</title>"
        "<guid>l-1</guid><description>Ministers met in a café in Liège on Tuesday.</description>"
        "</item></channel></rss>"
    )
    path = tmp_path / "legacy.rss"
    path.write_bytes(feed.encode("cp1252"))
    (item,) = read_inputs([str(path)])
    assert isinstance(item, SourceItem)
    assert item.title == "Café talks “resume”"
    assert prepare_article(item).body == "Ministers met in a café in Liège on Tuesday."


def test_feed_sniffed_without_a_feed_extension(tmp_path: Path) -> None:
    path = tmp_path / "latest"
    path.write_text((FIXTURES / "feed_atom.atom").read_text(encoding="utf-8"), encoding="utf-8")
    names = [r.name for r in read_inputs([str(path)])]
    assert names == [f"{path}#1", f"{path}#2"]


def test_broken_and_non_feed_xml_are_failures(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rss"
    broken.write_text("<rss version='2.0'><channel><item><title>Cut off", encoding="utf-8")
    other = tmp_path / "config.xml"
    other.write_text("<?xml version='1.0'?><settings><a>1</a></settings>", encoding="utf-8")
    empty_feed = tmp_path / "empty.rss"
    empty_feed.write_text(
        "<rss version='2.0'><channel><title>Nothing</title></channel></rss>", encoding="utf-8"
    )
    results = list(read_inputs([str(broken), str(other), str(empty_feed)]))
    assert all(isinstance(r, IngestFailure) for r in results)
    assert [r.name for r in results] == [str(broken), str(other), str(empty_feed)]
    reasons = [r.reason for r in results if isinstance(r, IngestFailure)]
    assert reasons[0].startswith("not a well-formed RSS or Atom feed")
    assert reasons[1] == "XML but not an RSS or Atom feed (no <rss> or <feed> root)"
    assert reasons[2] == "feed has no items"
