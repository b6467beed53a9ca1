"""Bluesky posts matching the configured searches, via the AppView's `app.bsky.feed.searchPosts`.

Each query of `sources.bluesky.queries` is searched newest first
(`sort=latest`, 100 posts a page), following the response's opaque `cursor`
until the service has no more, the page cap (`max_pages`) is reached, or a
page reaches what an earlier run loaded (the collector's cursor): a run
fetches only what is new since the last one.

The public AppView (`https://public.api.bsky.app`) needs no account where it
allows search; a host that requires one takes an access token from
`ECOUTE_BLUESKY_TOKEN`, sent as a Bearer token and never logged.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import dlt

from ecoute.source_settings.bluesky import BlueskyQuery, BlueskySettings
from ingestion.bluesky.mapping import next_cursor, posts_of, to_page
from ingestion.common.collector import Page, collect
from ingestion.common.connector import Credential
from ingestion.common.http import ServiceClient
from ingestion.common.records import MENTION_SCHEMA, dlt_columns

SERVICE = "bluesky"
SEARCH_PATH = "/xrpc/app.bsky.feed.searchPosts"
PAGE_SIZE = 100  # the most searchPosts returns at once

TOKEN = Credential(
    "ECOUTE_BLUESKY_TOKEN",
    "A Bluesky access token, for AppView hosts whose search requires an account"
    " (the public AppView may not)",
    required=False,
)


@dlt.source(name=SERVICE)
def bluesky_source(settings: BlueskySettings, token: str | None = None) -> Any:
    """The `bluesky_mentions` resource for `settings` (with no queries it fetches nothing)."""
    client = ServiceClient(
        SERVICE,
        settings.base_url,
        settings.http_settings(),
        headers={"Accept": "application/json"}
        | ({"Authorization": f"Bearer {token}"} if token else {}),
        secrets=[token] if token else [],
    )
    return bluesky_mentions(settings, client)


def source_for(settings: BlueskySettings) -> Any:
    """The dlt source of the connector registry: `settings`, with the token from the environment."""
    return bluesky_source(settings, TOKEN.value())


@dlt.resource(
    name=f"{SERVICE}_mentions",
    write_disposition="merge",
    primary_key="post_id",
    columns=dlt_columns(MENTION_SCHEMA),
)
def bluesky_mentions(settings: BlueskySettings, client: ServiceClient) -> Iterator[Any]:
    """New posts of every configured query, their quarantine rows and one run row per query."""
    run_id = uuid.uuid4().hex
    for name, query in settings.queries.items():
        yield from collect(
            SERVICE, name, search_pages(client, name, query), client, settings.max_pages, run_id
        )


def search_pages(client: ServiceClient, name: str, query: BlueskyQuery) -> Iterator[Page]:
    """Pages of one search, newest first, fetched only as the collector asks for them."""
    params: dict[str, Any] = {"q": query.q, "sort": "latest", "limit": PAGE_SIZE}
    if query.lang:
        params["lang"] = query.lang
    cursor: str | None = None
    while True:
        body = client.get_json(SEARCH_PATH, params | ({"cursor": cursor} if cursor else {}))
        posts = posts_of(body, f"{SERVICE}: {client.url(SEARCH_PATH)} (query {name!r})")
        cursor = next_cursor(body)
        # An empty page ends the search even when it carries a cursor: nothing further to read.
        is_last = cursor is None or not posts
        yield to_page(posts, name, datetime.now(UTC), is_last)
        if is_last:
            return
