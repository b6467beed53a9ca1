"""A page of `commentThreads` → a `Page` of raw mentions: every comment it holds, for the whole page at once.

A comment thread is a top-level comment (`snippet.topLevelComment`) with the
replies YouTube sends along (`replies.comments`, a few of them: the API
gives the full count, `snippet.totalReplyCount`, not every reply). Each
comment, top-level or reply, is one mention:

- `post_id` is the comment's id (a reply's is `<top-level id>.<reply id>`);
  `url` opens the video scrolled to it (`watch?v=<video>&lc=<comment>`);
- `text` is `textOriginal`, the comment as its author typed it, when the API
  gives it (it promises it only to the author); else `textDisplay`, the
  HTML the API renders (`textFormat=html`), as plain text;
- `author_id` is the author's channel id, `author_name` the display name, and
  `author_handle` the same name without its "@" when it is a handle (YouTube
  shows "@handle" in place of a name since 2023);
- `likes` is `likeCount`; `comments` is a top-level comment's
  `totalReplyCount` (null for a reply: replies cannot be answered in a tree);
- a reply's `parent_post_id` is its `parentId` and its `thread_id` the
  top-level comment's id; a top-level comment, which starts its thread,
  leaves both null (as Reddit's posts do);
- `payload` is the thread without its `replies` for a top-level comment, the
  comment itself for a reply: each as received, none twice.

Decoding is tolerant: fields are read by JSON path, a new field is ignored, a
missing or mistyped one is null. A comment without an id or a readable
`publishedAt` is quarantined with the reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import polars as pl

from ingestion.common.collector import Page
from ingestion.common.http import MalformedPayload
from ingestion.common.records import quarantine_rows
from ingestion.common.text import html_to_text

PLATFORM = "youtube"
WATCH_URL = "https://www.youtube.com/watch?v={}&lc={}"
# RFC 3339 with a time zone, with or without a fraction of a second ("…:44.000Z", "…:44Z").
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S%.f%#z"

# Where a comment resource keeps what Écoute reads; in a thread, under `$.snippet.topLevelComment`.
_COMMENT_FIELDS = {
    "comment_id": "$.id",
    "text_original": "$.snippet.textOriginal",
    "text_display": "$.snippet.textDisplay",
    "author_display_name": "$.snippet.authorDisplayName",
    "author_channel_id": "$.snippet.authorChannelId.value",
    "like_count": "$.snippet.likeCount",
    "published_at_text": "$.snippet.publishedAt",
    "video_id": "$.snippet.videoId",
    "parent_id": "$.snippet.parentId",
}
_TOP_LEVEL = "$.snippet.topLevelComment"

# What a reply takes from its thread.
_THREAD_FIELDS = {
    "thread_comment_id": f"{_TOP_LEVEL}.id",
    "thread_resource_id": "$.id",
    "thread_video_id": "$.snippet.videoId",
    "total_reply_count": "$.snippet.totalReplyCount",
}


def threads_of(body: Any, where: str, redact: Callable[[str], str]) -> list[Any]:
    """The `items` of a commentThreads response; any other shape is a malformed page.

    `redact` hides the API key from the body kept for the quarantine, should the body echo it.
    """
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list):
        keys = ", ".join(sorted(body)) if isinstance(body, dict) else type(body).__name__
        raise MalformedPayload(
            redact(f"{where}: the response has no `items` list (keys: {keys})"),
            redact(json.dumps(body, ensure_ascii=False)),
        )
    return items


def next_page_token(body: dict[str, Any]) -> str | None:
    """The token of the next page; none (or an empty one) means this was the last."""
    token = body.get("nextPageToken")
    return token if isinstance(token, str) and token else None


def to_page(threads: list[Any], query: str, fetched_at: datetime, is_last: bool) -> Page:
    """Every comment of a page of threads, as a mention or a quarantine row with its reason."""
    comments = _comments(threads)
    readable = comments.filter(pl.col("problem").is_null())
    unreadable = comments.filter(pl.col("problem").is_not_null())
    text_from_html = html_to_text(readable["text_display"])
    mentions = readable.with_columns(text_from_html=text_from_html).select(
        post_id="comment_id",
        platform=pl.lit(PLATFORM),
        url=pl.format(WATCH_URL, pl.coalesce("video_id", "thread_video_id"), "comment_id"),
        author_id="author_channel_id",
        author_handle=pl.when(pl.col("author_display_name").str.starts_with("@")).then(
            pl.col("author_display_name").str.strip_prefix("@")
        ),
        author_name="author_display_name",
        text=pl.coalesce("text_original", "text_from_html"),
        likes=pl.col("like_count").cast(pl.Int64, strict=False),
        comments=pl.when(~pl.col("is_reply")).then(
            pl.col("total_reply_count").cast(pl.Int64, strict=False)
        ),
        published_at="published_at",
        parent_post_id=pl.when(pl.col("is_reply")).then(
            pl.coalesce("parent_id", "thread_comment_id", "thread_resource_id")
        ),
        thread_id=pl.when(pl.col("is_reply")).then(
            pl.coalesce("thread_comment_id", "thread_resource_id")
        ),
        payload="payload",
        fetched_at=pl.lit(fetched_at, dtype=pl.Datetime("us", "UTC")),
    )
    quarantined = quarantine_rows(
        query,
        unreadable["payload"].to_list(),
        unreadable["problem"].to_list(),
        unreadable["comment_id"].to_list(),
        fetched_at,
    )
    return Page(mentions, quarantined, fetched=comments.height, is_last=is_last)


def _comments(threads: list[Any]) -> pl.DataFrame:
    """One row per comment of the page, top-level or reply, with its fields, its thread's, and its problem."""
    rows = _payloads(threads)
    is_reply = pl.col("is_reply")
    comments = rows.with_columns(
        pl.when(is_reply)
        .then(pl.col("payload").str.json_path_match(path))
        .otherwise(pl.col("payload").str.json_path_match(_TOP_LEVEL + path.removeprefix("$")))
        .alias(name)
        for name, path in _COMMENT_FIELDS.items()
    )
    of_threads = rows.filter(~is_reply).select(
        "thread",
        *(
            pl.col("payload").str.json_path_match(path).alias(n)
            for n, path in _THREAD_FIELDS.items()
        ),
    )
    return (
        comments.join(of_threads, on="thread", how="left")
        .sort("row")
        .with_columns(
            published_at=pl.col("published_at_text")
            .str.to_uppercase()
            .str.to_datetime(DATETIME_FORMAT, time_unit="us", time_zone="UTC", strict=False)
        )
        .with_columns(problem=_problem())
    )


def _payloads(threads: list[Any]) -> pl.DataFrame:
    """Each thread (without its replies) then each of its replies, as received (JSON text), in page order."""
    payloads: list[str] = []
    is_reply: list[bool] = []
    thread_of: list[int] = []
    for index, thread in enumerate(threads):
        own = (
            {key: value for key, value in thread.items() if key != "replies"}
            if isinstance(thread, dict)
            else thread
        )
        replies = _replies(thread)
        payloads += [json.dumps(item, ensure_ascii=False) for item in [own, *replies]]
        is_reply += [False] + [True] * len(replies)
        thread_of += [index] * (1 + len(replies))
    return pl.DataFrame(
        {"payload": payloads, "is_reply": is_reply, "thread": thread_of},
        schema={"payload": pl.String, "is_reply": pl.Boolean, "thread": pl.Int64},
    ).with_row_index("row")


def _replies(thread: Any) -> list[Any]:
    """The replies a thread carries; none when `replies.comments` is absent or not a list."""
    replies = thread.get("replies") if isinstance(thread, dict) else None
    comments = replies.get("comments") if isinstance(replies, dict) else None
    return comments if isinstance(comments, list) else []


def _problem() -> pl.Expr:
    """Why a comment cannot be a mention, or null."""
    is_reply = pl.col("is_reply")
    return (
        pl.when(~pl.col("payload").str.starts_with("{"))
        .then(
            pl.when(is_reply)
            .then(pl.lit("not a reply: expected a JSON object"))
            .otherwise(pl.lit("not a comment thread: expected a JSON object"))
        )
        .when(pl.col("comment_id").is_null())
        .then(
            pl.when(is_reply)
            .then(pl.lit("reply without an id"))
            .otherwise(pl.lit("thread without snippet.topLevelComment.id"))
        )
        .when(pl.col("published_at_text").is_null())
        .then(pl.lit("no snippet.publishedAt"))
        .when(pl.col("published_at").is_null())
        .then(
            pl.lit("snippet.publishedAt is not an RFC 3339 date-time with a time zone: ")
            + pl.col("published_at_text")
        )
    )
