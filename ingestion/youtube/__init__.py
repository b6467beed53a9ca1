"""YouTube comments: the comment threads of configured videos and channels, via the Data API v3.

Each query of `sources.youtube.queries` lists `commentThreads` of one video
(`videoId`) or of every video of one channel (`allThreadsRelatedToChannelId`),
newest first (`order=time`), 100 threads a page with the replies YouTube
sends along (`part=snippet,replies`), following `nextPageToken` until there
is none, the page cap (`max_pages`) is reached, or a page reaches what an
earlier run loaded (the collector's cursor).

The API key (`ECOUTE_YOUTUBE_API_KEY`) travels in the query string (`key=`),
as the API requires for keys: it is one of the client's secrets, so no URL in
a log, an error or a run row shows it. Each page costs one unit of the key's
daily quota (10,000 by default); an exhausted quota, comments turned off and
the like end the query with a run-row error that says so, and are not retried.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import dlt

from ecoute.source_settings.youtube import YoutubeQuery, YoutubeSettings
from ingestion.common.collector import Page, collect
from ingestion.common.connector import Credential
from ingestion.common.http import HttpError, ServiceClient, SourceError
from ingestion.common.records import MENTION_SCHEMA, dlt_columns
from ingestion.youtube.mapping import next_page_token, threads_of, to_page

SERVICE = "youtube"
THREADS_PATH = "commentThreads"
PAGE_SIZE = 100  # the most commentThreads returns at once

API_KEY = Credential(
    "ECOUTE_YOUTUBE_API_KEY",
    "A YouTube Data API v3 key (Google Cloud console → APIs & Services → Credentials,"
    " with the YouTube Data API v3 enabled)",
)

# What the API's error reasons mean for whoever runs Écoute, and what to do.
_REFUSALS = {
    "quotaExceeded": (
        "the API key's daily YouTube Data API quota is used up (quotaExceeded); it resets at"
        " midnight Pacific Time. Lower `max_pages` or the number of queries, or ask Google for"
        " a higher quota"
    ),
    "commentsDisabled": "comments are turned off on this video (commentsDisabled)",
    "videoNotFound": "no such video (videoNotFound): check `video_id`",
    "channelNotFound": "no such channel (channelNotFound): check `channel_id`",
    "API_KEY_INVALID": f"the API key is not valid (API_KEY_INVALID): check {API_KEY.env_var}",
    "keyInvalid": f"the API key is not valid (keyInvalid): check {API_KEY.env_var}",
    "accessNotConfigured": (
        "the YouTube Data API v3 is not enabled for the API key's Google Cloud project"
        " (accessNotConfigured)"
    ),
    "SERVICE_DISABLED": (
        "the YouTube Data API v3 is not enabled for the API key's Google Cloud project"
        " (SERVICE_DISABLED)"
    ),
}


@dlt.source(name=SERVICE)
def youtube_source(settings: YoutubeSettings | None = None, api_key: str | None = None) -> Any:
    """The `youtube_mentions` resource for `settings` (none: nothing configured, nothing fetched).

    `api_key` defaults to `ECOUTE_YOUTUBE_API_KEY`.
    """
    settings = settings or YoutubeSettings()
    api_key = api_key if api_key is not None else API_KEY.value()
    client = ServiceClient(
        SERVICE,
        settings.base_url,
        settings.http_settings(),
        headers={"Accept": "application/json"},
        secrets=[api_key] if api_key else [],
    )
    return youtube_mentions(settings, client, api_key)


@dlt.resource(
    name=f"{SERVICE}_mentions",
    write_disposition="merge",
    primary_key="post_id",
    columns=dlt_columns(MENTION_SCHEMA),
)
def youtube_mentions(
    settings: YoutubeSettings, client: ServiceClient, api_key: str | None
) -> Iterator[Any]:
    """New comments of every configured query, their quarantine rows and one run row per query."""
    run_id = uuid.uuid4().hex
    for name, query in settings.queries.items():
        pages = thread_pages(client, name, query, api_key)
        yield from collect(SERVICE, name, pages, client, settings.max_pages, run_id)


def thread_pages(
    client: ServiceClient, name: str, query: YoutubeQuery, api_key: str | None
) -> Iterator[Page]:
    """Pages of one video's or channel's comment threads, newest first, fetched as the collector asks."""
    if not api_key:
        raise SourceError(
            f"{SERVICE}: query {name!r}: the YouTube Data API needs a key: set {API_KEY.env_var}"
        )
    params: dict[str, Any] = {
        "part": "snippet,replies",
        **(
            {"videoId": query.video_id}
            if query.video_id
            else {"allThreadsRelatedToChannelId": query.channel_id}
        ),
        "maxResults": PAGE_SIZE,
        "order": "time",
        "textFormat": "html",
        "key": api_key,
    }
    where = f"{SERVICE}: {client.url(THREADS_PATH)} (query {name!r})"
    token: str | None = None
    while True:
        body = _get_json(client, name, params | ({"pageToken": token} if token else {}))
        threads = threads_of(body, where, client.redact)
        token = next_page_token(body)
        # An empty page ends the listing even when it carries a token: nothing further to read.
        is_last = token is None or not threads
        yield to_page(threads, name, datetime.now(UTC), is_last)
        if is_last:
            return


def _get_json(client: ServiceClient, name: str, params: dict[str, Any]) -> Any:
    """One page, or a `SourceError` that says why YouTube refused it and what to do."""
    try:
        return client.get_json(THREADS_PATH, params)
    except HttpError as error:
        refusals = [_REFUSALS[reason] for reason in _reasons(error.body) if reason in _REFUSALS]
        if not refusals:
            raise
        raise SourceError(
            f"{SERVICE}: query {name!r}: {refusals[0]} [HTTP {error.status}; {error}]"
        ) from None


def _reasons(body: str) -> list[str]:
    """The `reason`s of a Google API error body (`error.errors[]` and `error.details[]`), in order."""
    try:
        error = json.loads(body).get("error")
    except (ValueError, AttributeError):
        return []
    if not isinstance(error, dict):
        return []
    entries = [
        entry
        for key in ("errors", "details")
        if isinstance(error.get(key), list)
        for entry in error[key]
        if isinstance(entry, dict)
    ]
    return [entry["reason"] for entry in entries if isinstance(entry.get("reason"), str)]
