"""The RSS connector on real feeds, served by a local HTTP server and loaded by dlt into DuckDB.

The recorded feeds (RSS 2.0, RDF, Atom, Greek in ISO-8859-7) are in
`/work/shared/data/fixtures/rss_atom/` (from the prof18/RSS-Parser test suite,
Apache-2.0). Written here, for want of a recording: a Google Alerts feed, an
entry with neither guid nor link, an empty feed, a truncated feed (a recorded
one cut short), an HTML page, and the Greek feed without its XML declaration.
"""

from __future__ import annotations

import hashlib
import json
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from ecoute.config import ConfigError, load_config
from ecoute.source_settings.rss import Feed, RssSettings
from ingestion.connectors import CONNECTORS
from ingestion.rss import rss_source
from tests.ingestion.connector_testing import load, rows
from tests.ingestion.fixture_server import SHARED_FIXTURES, FixtureServer, Reply

FIXTURES = SHARED_FIXTURES / "rss_atom"
needs_fixtures = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"the recorded feeds are not on this machine ({FIXTURES})"
)
XML = "application/rss+xml"
FAST = {"max_attempts": 1, "timeout_seconds": 5, "requests_per_minute": 60_000}
GOOGLE_ALERT = """\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
  <id>tag:google.com,2005:reader/user/00000000000000000000/state/com.google/alerts/1</id>
  <title>Google Alert - air aurore</title>
  <updated>2026-11-20T08:15:00Z</updated>
  <entry>
    <id>tag:google.com,2013:googlealerts/feed:10293847561029384756</id>
    <title type="html">&lt;b&gt;Air Aurore&lt;/b&gt; adds a Lyon &amp;amp; Nice route</title>
    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.example-news.fr/eco/air-aurore-lyon-nice%3Fref%3Drss%26lang%3Dfr&amp;ct=ga&amp;cd=CAIyGg&amp;usg=AOvVaw0"/>
    <published>2026-11-20T08:15:00Z</published>
    <updated>2026-11-20T08:15:00Z</updated>
    <content type="html">The carrier &lt;b&gt;Air Aurore&lt;/b&gt; will fly daily from March&amp;nbsp;2027.</content>
    <author><name/></author>
  </entry>
</feed>
"""

# An entry with neither guid nor link: its id is a hash of its title and date.
BARE_ENTRY = b"""<rss version="2.0"><channel><title>Bare</title>
<item><title>Vols retard\xc3\xa9s</title><pubDate>Mon, 02 Nov 2026 10:00:00 +0100</pubDate></item>
</channel></rss>"""


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def settings(server: FixtureServer, feeds: dict[str, dict]) -> RssSettings:
    return RssSettings(
        enabled=True,
        feeds={
            name: Feed(
                url=server.url + feed["path"],
                **{key: value for key, value in feed.items() if key != "path"},
            )
            for name, feed in feeds.items()
        },
        **FAST,
    )


def mention(warehouse: Path, post_id: str) -> dict:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cursor = connection.execute("select * from raw.rss_mentions where post_id = ?", [post_id])
        found = cursor.fetchall()
        names = [column[0] for column in cursor.description]
    assert len(found) == 1, post_id
    return dict(zip(names, found[0], strict=True))


# Feed name → (path, recorded file or body, Content-Type).
FEEDS: dict[str, tuple[str, str | bytes, str]] = {
    # RSS 2.0 with whitespace before its XML declaration (tolerated).
    "androidauthority": ("/androidauthority", "feed-test-malformed.xml", XML),
    "skysports": ("/skysports", "feed-test-xsl.xml", XML),  # no guid; "BST" dates
    "liberal_gr": ("/liberal.gr", "feed-test-greek.xml", XML),  # ISO-8859-7, declared
    "orf": ("/orf", "rdf-feed-test.xml", "application/rdf+xml"),  # RSS 1.0 / RDF
    "theverge": ("/theverge", "feed-atom-test.xml", "application/atom+xml"),
    "aurimas_blog": ("/blog/feed.xml", "atom-relative-url.xml", "application/atom+xml"),
    "cdv": ("/cdv", "feed-image-enclosure.xml", XML),  # a date in neither format
    "fda": ("/fda", "feed-test-time.xml", XML),  # a date inside <time datetime="…">
    "no_dates": ("/no-dates", "feed-media-content-type.xml", XML),  # six entries, no date
    "alert_air_aurore": ("/alerts", GOOGLE_ALERT.encode(), "application/atom+xml"),
    "truncated": ("/truncated", "feed-test.xml", XML),  # cut at 2,500 bytes
    "quiet": ("/quiet", b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>", XML),
    "bare": ("/bare", BARE_ENTRY, XML),
    "maintenance": ("/maintenance", b"<html><body><p>Back soon</p></body></html>", "text/html"),
}


def serve_feeds(server: FixtureServer) -> RssSettings:
    for path, body, content_type in FEEDS.values():
        content = fixture(body) if isinstance(body, str) else body
        if path == "/truncated":
            content = content[:2500]
        server.route(path, Reply(200, content, {"Content-Type": content_type}))
    return settings(
        server,
        {name: {"path": path} for name, (path, _, _) in FEEDS.items()}
        | {"aurimas_blog": {"path": "/blog/feed.xml", "platform": "blog"}},
    )


@needs_fixtures
def test_real_feeds_load_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        feeds = serve_feeds(server)
        load(warehouse, rss_source(feeds))
        origin = server.url

        # RSS 2.0 (whitespace before its XML declaration is tolerated): guid, dc:creator, RFC 822 date.
        android = mention(warehouse, "https://www.androidauthority.com/?p=986823")
        assert android["query"] == "androidauthority" and android["platform"] == "news"
        assert android["author_name"] == "Williams Pelegrin"
        assert android["title"] == "Japan’s plans for 5G include 10 billion 14-digit phone numbers"
        assert android["published_at"] == datetime(2019, 5, 15, 20, 48, 2, tzinfo=UTC)
        assert (
            android["url"]
            == "https://www.androidauthority.com/japan-phone-numbers-14-digits-5g-986823/"
        )
        assert android["lang"] == "en-US"
        # RSS 2.0 without guid: the link is the id; "BST" is UTC+1.
        sky = rows(
            warehouse,
            "select published_at from raw.rss_mentions where query = 'skysports' order by 1",
        )
        assert [at for (at,) in sky] == [
            datetime(2019, 5, 17, 5, 0, tzinfo=UTC),
            datetime(2019, 5, 17, 21, 34, tzinfo=UTC),
        ]
        # ISO-8859-7 by its XML declaration.
        greek = mention(
            warehouse,
            "https://www.liberal.gr/news/portraita%2Dkarantinas%2Dgia%2Dempneusi%2Dapo%2Dti%2Dsullogi%2Dfeliou/298923",
        )
        assert greek["title"] == "«Πορτραίτα καραντίνας» για έμπνευση από τη συλλογή Φέλιου"
        assert greek["published_at"] == datetime(2020, 4, 24, 20, 3, tzinfo=UTC)  # +0200
        # RSS 1.0 / RDF: rdf:about, dc:date with an offset, dc:creator with an entity.
        orf = mention(warehouse, "https://orf.at/stories/3380633/")
        assert orf["title"] == "Kiew erneut Ziel russischer Drohnenangriffe"
        assert orf["author_name"] == "ORF Online und Teletext GmbH & Co KG"
        assert orf["published_at"] == datetime(2025, 1, 3, 9, 14, 24, tzinfo=UTC)
        assert orf["lang"] == "de"
        # Atom: author/name, a -04:00 offset, HTML content to text.
        verge = mention(
            warehouse,
            "https://www.theverge.com/2023/5/26/23739273/google-sonos-smart-speaker-patent-lawsuit-ruling",
        )
        assert verge["author_name"] == "Chris Welch"
        assert verge["published_at"] == datetime(2023, 5, 26, 21, 30, 31, tzinfo=UTC)
        assert verge["text"].startswith(
            "Photo by Chris Welch / The Verge\n\nGoogle has been ordered"
        )
        assert "<" not in verge["text"] and "&amp;" not in verge["text"]
        # Atom with root-relative links, from a feed configured as a blog.
        blog = mention(warehouse, f"{origin}/2024/12/18/What-The-Distribution")
        assert blog["platform"] == "blog"
        assert blog["url"] == f"{origin}/2024/12/18/What-The-Distribution.html"
        assert blog["title"] == "What The Distribution - What Is Inside Gradle Distribution Zips?"
        # Google Alerts: the redirect unwrapped, HTML title and text decoded.
        alert = mention(warehouse, "tag:google.com,2013:googlealerts/feed:10293847561029384756")
        assert (
            alert["url"] == "https://www.example-news.fr/eco/air-aurore-lyon-nice?ref=rss&lang=fr"
        )
        assert alert["title"] == "Air Aurore adds a Lyon & Nice route"
        assert alert["text"] == "The carrier Air Aurore will fly daily from March 2027."
        assert alert["author_name"] is None
        payload = json.loads(alert["payload"])
        assert payload["feed"] == "alert_air_aurore" and payload["link"].startswith(
            "https://www.google.com/url?"
        )

        # A date inside HTML <time datetime="…"> is read from its attribute.
        fda = rows(warehouse, "select published_at from raw.rss_mentions where query = 'fda'")
        assert fda == [(datetime(2019, 5, 3, 19, 21, 28, tzinfo=UTC),)]

        # No guid, no link: the id is the SHA-256 of title and date as written.
        bare_id = hashlib.sha256(
            "Vols retardés\nMon, 02 Nov 2026 10:00:00 +0100".encode()
        ).hexdigest()
        assert mention(warehouse, bare_id)["published_at"] == datetime(2026, 11, 2, 9, tzinfo=UTC)

        assert rows(warehouse, "select count(*) from raw.rss_mentions") == [(10,)]
        runs = {
            query: counts
            for query, *counts in rows(
                warehouse,
                "select query, fetched, loaded, quarantined, duplicates, stopped_because"
                " from raw.rss_runs",
            )
        }
        assert runs["skysports"] == [2, 2, 0, 0, "last_page"]
        assert runs["no_dates"] == [6, 0, 6, 0, "last_page"]
        assert runs["quiet"] == [0, 0, 0, 0, "last_page"]
        # Broken feeds: one quarantine row each, with the feed's URL and why.
        truncated_reason = runs["truncated"][4]
        assert truncated_reason.startswith(f"error: rss: feed truncated ({origin}/truncated):")
        assert "not well-formed XML" in truncated_reason
        assert "read as UTF-8 (XML declaration)" in truncated_reason
        assert runs["truncated"][:4] == [1, 0, 1, 0]
        assert "XML but not RSS, RDF or Atom (root element <html>)" in runs["maintenance"][4]
        quarantine = dict(
            rows(warehouse, "select reason, count(*) from raw.rss_quarantine group by 1")
        )
        assert quarantine["no publication date: no pubDate, dc:date, published or updated"] == 6
        assert (
            quarantine[
                "unreadable publication date '22.11.2022 12:16:00' (RFC 822 or ISO 8601 expected)"
            ]
            == 1
        )
        assert sum(quarantine.values()) == 9
        assert rows(
            warehouse,
            "select payload from raw.rss_quarantine where query = 'maintenance'",
        ) == [("<html><body><p>Back soon</p></body></html>",)]
        ((reason,),) = rows(
            warehouse, "select reason from raw.rss_quarantine where query = 'truncated'"
        )
        assert f"error: {reason}" == truncated_reason

        load(warehouse, rss_source(feeds))

    assert rows(warehouse, "select count(*) from raw.rss_mentions") == [(10,)]
    assert rows(warehouse, "select count(*) from raw.rss_quarantine") == [(9,)]
    first, second = rows(
        warehouse,
        "select sum(fetched), sum(loaded), sum(quarantined), sum(duplicates) from raw.rss_runs"
        " group by run_id order by min(started_at)",
    )
    assert first == (19, 10, 9, 0)
    assert second == (19, 0, 9, 10)
    assert not rows(
        warehouse, "select * from raw.rss_runs where fetched <> loaded + quarantined + duplicates"
    )


@needs_fixtures
def test_an_undeclared_encoding_comes_from_http_else_from_the_settings(tmp_path: Path) -> None:
    """The Greek feed without its XML declaration: only the HTTP charset or the configured encoding can tell."""
    undeclared = fixture("feed-test-greek.xml").split(b"?>", 1)[1]
    title = "«Πορτραίτα καραντίνας» για έμπνευση από τη συλλογή Φέλιου"
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        for path, content_type in [
            ("/http", "text/xml; charset=ISO-8859-7"),
            ("/configured", "text/xml"),
            ("/guessed", "text/xml"),
        ]:
            # The entry's guid and link made distinct per feed, so all three rows stay.
            body = undeclared.replace(b"298923", path[1:].encode())
            server.route(path, Reply(200, body, {"Content-Type": content_type}))
        feeds = {
            "http": {"path": "/http"},
            "configured": {"path": "/configured", "encoding": "iso-8859-7"},
            "guessed": {"path": "/guessed"},
        }
        load(warehouse, rss_source(settings(server, feeds)))
    titles = dict(rows(warehouse, "select query, title from raw.rss_mentions"))
    assert titles["http"] == title
    assert titles["configured"] == title
    # cp1252, the last resort, cannot know the bytes are Greek: mojibake, but loaded.
    assert titles["guessed"].startswith("«Ðïñôñáßôá êáñáíôßíáò»")


def test_the_connector_is_registered_and_builds_without_feeds() -> None:
    (connector,) = [c for c in CONNECTORS if c.name == "rss"]
    default = connector.settings(None)
    assert default.feeds == {} and not connector.is_configured(default)
    assert list(connector.source(default).resources) == ["rss_mentions"]


MINIMAL = """\
version: 1
name: rss settings
topics:
  air_aurore:
    kind: brand
    label: Air Aurore
    query: air aurore
sources:
  rss:
    enabled: true
    feeds:
"""


@pytest.mark.parametrize(
    ("feed", "message"),
    [
        (
            "      alerts: {url: 'https://www.google.com/alerts/feeds/1/2', encoding: klingon}",
            "unknown encoding 'klingon'",
        ),
        ("      alerts: {url: 'ftp://example.com/feed.xml'}", "url"),
        ("      alerts: {url: 'https://example.com/feed.xml', lang: fr}", "lang"),
    ],
)
def test_a_bad_feed_setting_is_a_config_error(tmp_path: Path, feed: str, message: str) -> None:
    path = tmp_path / "listening.yml"
    path.write_text(MINIMAL + feed + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_a_good_feed_setting_loads(tmp_path: Path) -> None:
    path = tmp_path / "listening.yml"
    path.write_text(
        MINIMAL
        + textwrap.indent(
            "le_monde: {url: 'https://www.lemonde.fr/rss/une.xml', encoding: cp1252}\n", "      "
        ),
        encoding="utf-8",
    )
    feed = load_config(path).sources.rss.feeds["le_monde"]
    assert (feed.platform, feed.encoding) == ("news", "cp1252")
