"""X (Twitter) posts matching the configured searches, via the API v2 recent search.

Each query of `sources.x.queries` is searched with
`GET {base_url}/tweets/search/recent` (the last seven days, newest first, 100
tweets a page, with their authors and the tweets they refer to as
expansions), following `meta.next_token` until X has no more, the page cap
(`max_pages`) is reached, or a page reaches what an earlier run loaded (the
collector's cursor). From the second run on it also sends `since_id`, the
newest tweet loaded, so X returns only what is newer.

The API needs an app's bearer token, from `ECOUTE_X_BEARER_TOKEN`, sent as
`Authorization: Bearer …` and never logged. Partial errors in a 200 (a
referenced tweet deleted, an author suspended) are logged and counted, the
tweets kept; a 200 with only errors is quarantined with X's words.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import dlt

from ecoute.source_settings.x import XQuery, XSettings
from ingestion.common.collector import Page, collect, saved_cursor
from ingestion.common.connector import Credential
from ingestion.common.http import ServiceClient
from ingestion.common.records import MENTION_SCHEMA, dlt_columns
from ingestion.x.api import SEARCH_PATH, retry_after_reset, search_params, since_id
from ingestion.x.mapping import describe_errors, read_response, to_page

SERVICE = "x"

logger = logging.getLogger(__name__)

TOKEN = Credential(
    "ECOUTE_X_BEARER_TOKEN",
    "The bearer token of an X developer app with access to the API v2 recent search"
    " (Basic plan or above)",
)


@dlt.source(name=SERVICE)
def x_source(settings: XSettings, token: str | None = None) -> Any:
    """The `x_mentions` resource for `settings` (with no queries it fetches nothing)."""
    client = ServiceClient(
        SERVICE,
        settings.base_url,
        settings.http_settings(),
        headers={"Accept": "application/json"}
        | ({"Authorization": f"Bearer {token}"} if token else {}),
        secrets=[token] if token else [],
        response_hooks=[retry_after_reset],
    )
    return x_mentions(settings, client)


def source_for(settings: XSettings) -> Any:
    """The dlt source of the connector registry: `settings`, with the token from the environment."""
    return x_source(settings, TOKEN.value())


@dlt.resource(
    name=f"{SERVICE}_mentions",
    write_disposition="merge",
    primary_key="post_id",
    columns=dlt_columns(MENTION_SCHEMA),
)
def x_mentions(settings: XSettings, client: ServiceClient) -> Iterator[Any]:
    """New tweets of every configured query, their quarantine rows and one run row per query."""
    run_id = uuid.uuid4().hex
    for name, query in settings.queries.items():
        newer_than = since_id(saved_cursor(name), datetime.now(UTC))
        pages = search_pages(client, name, query, newer_than)
        yield from collect(SERVICE, name, pages, client, settings.max_pages, run_id)


def search_pages(
    client: ServiceClient, name: str, query: XQuery, newer_than: str | None
) -> Iterator[Page]:
    """Pages of one recent search, newest first, fetched only as the collector asks for them."""
    where = f"{SERVICE}: {client.url(SEARCH_PATH)} (query {name!r})"
    next_token: str | None = None
    while True:
        body = client.get_json(SEARCH_PATH, search_params(query.query, newer_than, next_token))
        response = read_response(body, where)
        if response.errors:
            logger.warning(
                "%s: %d partial error(s), tweets kept without that context: %s",
                where,
                len(response.errors),
                client.redact(describe_errors(response.errors)),
            )
        next_token = response.next_token
        # An empty page ends the search even when it carries a token: nothing further to read.
        is_last = next_token is None or not response.tweets
        yield to_page(response, name, datetime.now(UTC), is_last)
        if is_last:
            return
