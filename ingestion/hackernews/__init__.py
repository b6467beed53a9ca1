"""Hacker News: stories and comments found by Algolia's HN search, and the items of the front page.

Two public APIs without credentials, read through one `ServiceClient` (its
`base_url` is Algolia; Firebase URLs are absolute), so one request rate
covers both:

- kind `search`: `GET {base_url}/search_by_date?query=…&tags=…`, newest first,
  100 hits a page. From the second run on, it asks only for hits at or after
  the query's cursor (`numericFilters=created_at_i>=…`): `>=` because hits of
  the cursor's second that were not loaded yet must still come; those that
  were are counted as duplicates;
- kind `topstories`: `GET {firebase_url}/topstories.json`, then
  `GET {firebase_url}/item/<id>.json` for the first `max_items` ids, 30 items
  a page (`max_pages` caps them too). A ranking is not a time line: the query
  has no cursor, and every run merges the listed items again (fresh scores).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import dlt

from ecoute.source_settings.hackernews import HackerNewsQuery, HackerNewsSettings, QueryKind
from ingestion.common.collector import Page, collect, saved_cursor
from ingestion.common.http import MalformedPayload, ServiceClient
from ingestion.common.records import MENTION_SCHEMA, dlt_columns
from ingestion.hackernews.mapping import HITS_PER_PAGE, ItemResponse, items_page, search_page

SERVICE = "hackernews"
ITEMS_PER_PAGE = 30  # one Hacker News front page
_SEARCH_TAGS = {"story": "story", "comment": "comment", "both": "(story,comment)"}


@dlt.source(name=SERVICE)
def hackernews_source(settings: HackerNewsSettings | None = None) -> Any:
    """The `hackernews_mentions` resource for `settings` (none configured: it fetches nothing)."""
    return hackernews_mentions(settings or HackerNewsSettings())


@dlt.resource(
    name=f"{SERVICE}_mentions",
    write_disposition="merge",
    primary_key="post_id",
    columns=dlt_columns(MENTION_SCHEMA),
)
def hackernews_mentions(settings: HackerNewsSettings) -> Iterator[Any]:
    """New mentions of every configured query, with their quarantine and run rows."""
    client = ServiceClient(SERVICE, settings.base_url, settings.http_settings())
    run_id = uuid.uuid4().hex
    for name, query in settings.queries.items():
        if query.kind is QueryKind.topstories:
            pages = top_story_pages(client, settings.firebase_url, name, query)
        else:
            pages = search_pages(client, name, query)
        yield from collect(
            SERVICE,
            name,
            pages,
            client,
            settings.max_pages,
            run_id,
            incremental=query.kind is QueryKind.search,
        )


def search_pages(client: ServiceClient, name: str, query: HackerNewsQuery) -> Iterator[Page]:
    """Algolia's pages for `query`, newest first, from the query's cursor on."""
    params: dict[str, Any] = {
        "query": query.q,
        "tags": _SEARCH_TAGS[query.tags],
        "hitsPerPage": HITS_PER_PAGE,
    }
    cursor = saved_cursor(name)
    if cursor.published_at is not None:
        params["numericFilters"] = f"created_at_i>={int(cursor.published_at.timestamp())}"
    page_number = 0
    while True:
        page = search_page(client.get_json("search_by_date", {**params, "page": page_number}), name)
        yield page
        if page.is_last:
            return
        page_number += 1


def top_story_pages(
    client: ServiceClient, firebase_url: str, name: str, query: HackerNewsQuery
) -> Iterator[Page]:
    """The first `max_items` front-page items, in rank order, `ITEMS_PER_PAGE` a page."""
    base = firebase_url.rstrip("/")
    ranking = client.get_json(f"{base}/topstories.json")
    if not isinstance(ranking, list):
        raise MalformedPayload(
            f"hackernews: query {name!r}: {base}/topstories.json is not a list of ids",
            json.dumps(ranking),
        )
    ids = [str(item_id) for item_id in ranking[: query.max_items]]
    for start in range(0, len(ids), ITEMS_PER_PAGE):
        chunk = ids[start : start + ITEMS_PER_PAGE]
        responses = [_item(client, base, item_id) for item_id in chunk]
        yield items_page(responses, name, is_last=start + ITEMS_PER_PAGE >= len(ids))


def _item(client: ServiceClient, base: str, item_id: str) -> ItemResponse:
    # One unreadable item is quarantined alone; the rest of the front page goes on.
    try:
        item = client.get_json(f"{base}/item/{item_id}.json")
        return ItemResponse(item_id, json.dumps(item, ensure_ascii=False))
    except MalformedPayload as error:
        return ItemResponse(item_id, error.body, str(error))
