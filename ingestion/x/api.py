"""How the X connector asks: the recent-search parameters, `since_id`, and X's rate-limit reset.

X's recent search answers a 429 with `x-rate-limit-reset` (when the 15-minute
window reopens, in epoch seconds) and no `Retry-After`. `retry_after_reset`
turns the one into the other on the response itself, so the shared client's
retry waits what X asks (capped by `max_retry_delay_seconds`) instead of its
short exponential backoff, which would spend every attempt inside the window.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

import requests

from ingestion.common.collector import QueryCursor

SEARCH_PATH = "/tweets/search/recent"
PAGE_SIZE = 100  # the most the recent search returns at once

TWEET_FIELDS = (
    "created_at,lang,public_metrics,conversation_id,in_reply_to_user_id,"
    "referenced_tweets,author_id,entities"
)
EXPANSIONS = "author_id,referenced_tweets.id"
USER_FIELDS = "username,name,public_metrics,verified"

# X rejects a `since_id` older than the recent search's seven days; a day's margin
# keeps a slow run clear of that edge. An older cursor is still honoured by the collector.
SINCE_ID_HORIZON = timedelta(days=6)


def search_params(query: str, since_id: str | None, next_token: str | None) -> dict[str, Any]:
    """The query string of one recent-search request."""
    params: dict[str, Any] = {
        "query": query,
        "max_results": PAGE_SIZE,
        "tweet.fields": TWEET_FIELDS,
        "expansions": EXPANSIONS,
        "user.fields": USER_FIELDS,
    }
    if since_id:
        params["since_id"] = since_id
    if next_token:
        params["next_token"] = next_token
    return params


def since_id(cursor: QueryCursor, now: datetime) -> str | None:
    """The newest tweet id an earlier run loaded, while X still accepts it as `since_id`.

    Tweet ids grow with time, so the largest id at the cursor's instant is the
    newest tweet loaded, and X sends only tweets newer than it.
    """
    ids = [tweet_id for tweet_id in cursor.ids if tweet_id.isdigit()]
    if cursor.published_at is None or not ids or now - cursor.published_at > SINCE_ID_HORIZON:
        return None
    return max(ids, key=int)


def retry_after_reset(response: requests.Response) -> None:
    """On a 429 without `Retry-After`, set it from `x-rate-limit-reset`: the seconds until then, plus one."""
    if response.status_code != 429 or "Retry-After" in response.headers:
        return
    reset = response.headers.get("x-rate-limit-reset", "").strip()
    if reset.isdigit():
        response.headers["Retry-After"] = str(max(1, int(reset) - int(time.time()) + 1))
