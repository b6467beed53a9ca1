"""RSS, RDF and Atom feeds (news sites, blogs, Google Alerts) into `raw.rss_mentions`.

Each configured feed (`sources.rss.feeds` in `listening.yml`) is one query of
the collector: one request, one page holding every entry the feed lists. The
query's cursor (the latest date loaded) makes entries already loaded
duplicates on the next run. A feed that cannot be read (not well-formed XML,
not a feed at all) is one quarantine row naming the feed's URL and the reason,
and its run row says so in `stopped_because`; the other feeds go on.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import dlt

from ecoute.source_settings.rss import Feed, RssSettings
from ingestion.common.collector import Page, collect
from ingestion.common.http import MalformedPayload, ServiceClient
from ingestion.common.records import MENTION_SCHEMA, dlt_columns
from ingestion.rss.feed import NotAFeed, decode, entries, http_charset
from ingestion.rss.mapping import to_page

SERVICE = "rss"
# Servers that sniff clients answer feed readers with the feed, not an HTML page.
HEADERS = {
    "User-Agent": "Ecoute/0.1 (social listening; feed reader)",
    "Accept": "application/rss+xml, application/atom+xml, application/rdf+xml,"
    " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
}


def rss_source(settings: RssSettings) -> Any:
    """The dlt source of the feeds in `settings` (none configured: a source that fetches nothing)."""
    client = ServiceClient(SERVICE, settings.base_url, settings.http_settings(), headers=HEADERS)

    @dlt.resource(
        name=f"{SERVICE}_mentions",
        write_disposition="merge",
        primary_key="post_id",
        columns=dlt_columns(MENTION_SCHEMA),
    )
    def rss_mentions() -> Iterator[Any]:
        run_id = uuid.uuid4().hex
        for name, feed in settings.feeds.items():
            yield from collect(
                SERVICE, name, feed_pages(client, name, feed), client, settings.max_pages, run_id
            )

    @dlt.source(name=SERVICE)
    def rss() -> Any:
        return rss_mentions()

    return rss()


def feed_pages(client: ServiceClient, name: str, feed: Feed) -> Iterator[Page]:
    """The feed's one page; a body that is not a feed raises `MalformedPayload` (the collector quarantines it)."""
    response = client.get(feed.url)
    decoded = decode(
        response.content, http_charset(response.headers.get("Content-Type")), feed.encoding
    )
    try:
        fields, xml = entries(decoded.text)
    except NotAFeed as error:
        raise MalformedPayload(
            f"{SERVICE}: feed {name} ({feed.url}): {error};"
            f" read as {decoded.encoding} ({decoded.encoding_source})",
            decoded.text,
        ) from None
    yield to_page(name, feed, fields, xml, datetime.now(UTC))
