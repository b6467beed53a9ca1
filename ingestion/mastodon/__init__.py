"""Mastodon: the statuses of hashtag timelines and full-text searches of one instance.

Each configured query (`sources.mastodon.queries` in `listening.yml`) reads,
newest first, 40 statuses a page:

- `hashtag`: `GET /api/v1/timelines/tag/<tag>`, public. The next page is the
  `Link` header's `rel="next"` (a `max_id`), followed until there is none, the
  collector reaches what an earlier run loaded, or `max_pages`;
- `search`: `GET /api/v2/search?type=statuses`, which Mastodon answers with
  statuses only to a signed-in account (`ECOUTE_MASTODON_TOKEN`, sent as a
  bearer token). Its results come newest first without a `Link` header: the
  next page is the next `offset`, until a page comes back empty.

The token is sent to `base_url`'s host only: a `Link` to another host is not
followed, and the token never appears in a log or an error.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import dlt
import requests

from ecoute.source_settings.mastodon import MastodonQuery, MastodonSettings
from ingestion.common.collector import Page, collect
from ingestion.common.connector import Credential
from ingestion.common.http import MalformedPayload, ServiceClient, SourceError
from ingestion.common.records import MENTION_SCHEMA, dlt_columns
from ingestion.mastodon.mapping import to_page

SERVICE = "mastodon"
PAGE_SIZE = 40  # the most Mastodon gives per page

TOKEN = Credential(
    "ECOUTE_MASTODON_TOKEN",
    "An access token of an account on the instance (Preferences → Development →"
    " New application, scope `read:search`); needed by `search` queries only.",
    required=False,
)


@dlt.source(name=SERVICE)
def mastodon_source(settings: MastodonSettings | None = None, token: str | None = None) -> Any:
    """The `mastodon_mentions` resource for `settings` (none: nothing configured, nothing fetched).

    `token` defaults to `ECOUTE_MASTODON_TOKEN`.
    """
    settings = settings or MastodonSettings()
    return mastodon_mentions(settings, token if token is not None else TOKEN.value())


@dlt.resource(
    name=f"{SERVICE}_mentions",
    write_disposition="merge",
    primary_key="post_id",
    columns=dlt_columns(MENTION_SCHEMA),
)
def mastodon_mentions(settings: MastodonSettings, token: str | None) -> Iterator[Any]:
    client = ServiceClient(
        SERVICE,
        settings.base_url,
        settings.http_settings(),
        headers={"Authorization": f"Bearer {token}"} if token else {},
        secrets=[token] if token else [],
    )
    run_id = uuid.uuid4().hex
    for name, query in settings.queries.items():
        pages = (
            _tag_timeline(client, name, query.hashtag)
            if query.hashtag is not None
            else _search(client, name, query, has_token=bool(token))
        )
        yield from collect(SERVICE, name, pages, client, settings.max_pages, run_id)


def _tag_timeline(client: ServiceClient, name: str, hashtag: str) -> Iterator[Page]:
    url: str | None = client.url(f"/api/v1/timelines/tag/{quote(hashtag, safe='')}")
    params: dict[str, Any] | None = {"limit": PAGE_SIZE}
    while url is not None:
        response = client.get(url, params)
        statuses = _json(client, response)
        if not isinstance(statuses, list):
            raise MalformedPayload(
                f"{SERVICE}: {client.redact(response.url)}: expected a list of statuses,"
                f" got {type(statuses).__name__}",
                client.redact(response.text),
            )
        next_link = response.links.get("next", {}).get("url") if statuses else None
        yield to_page(statuses, name, is_last=next_link is None)
        # The next link carries every parameter (limit, max_id) itself.
        url = _on_home_host(client, response, next_link) if next_link else None
        params = None


def _search(
    client: ServiceClient, name: str, query: MastodonQuery, has_token: bool
) -> Iterator[Page]:
    if not has_token:
        raise SourceError(
            f"{SERVICE}: query {name!r} searches statuses, which Mastodon answers only with a token:"
            f" set {TOKEN.env_var}, or listen to a hashtag instead"
        )
    offset = 0
    while True:
        params = {"q": query.search, "type": "statuses", "limit": PAGE_SIZE, "offset": offset}
        response = client.get("/api/v2/search", params)
        body = _json(client, response)
        statuses = body.get("statuses") if isinstance(body, dict) else None
        if not isinstance(statuses, list):
            raise MalformedPayload(
                f"{SERVICE}: {client.redact(response.url)}: expected an object with a list"
                f" `statuses`, got {type(body).__name__}",
                client.redact(response.text),
            )
        # Mastodon drops filtered statuses from a page after paging (the offset still counts
        # them): a short page is not the end, an empty one is.
        yield to_page(statuses, name, is_last=not statuses)
        if not statuses:
            return
        offset += PAGE_SIZE


def _json(client: ServiceClient, response: requests.Response) -> Any:
    """The body as JSON (the `Link` header is needed too, hence not `client.get_json`)."""
    try:
        return response.json()
    except ValueError as error:
        raise MalformedPayload(
            f"{SERVICE}: {client.redact(response.url)}: the body is not valid JSON ({error})",
            client.redact(response.text),
        ) from None


def _on_home_host(client: ServiceClient, response: requests.Response, link: str) -> str:
    """The next page's URL, unless it is on another host than `base_url`'s (the token would go there)."""
    target, home = urlsplit(client.url(link)), urlsplit(client.base_url)
    if (target.scheme, target.netloc) != (home.scheme, home.netloc):
        raise SourceError(
            f"{SERVICE}: {client.redact(response.url)}: the next page is on another host"
            f" ({target.scheme}://{target.netloc}); not followed, so the token stays with"
            f" {home.scheme}://{home.netloc}"
        )
    return client.url(link)
