"""A page of `app.bsky.feed.searchPosts` → a `Page` of raw mentions, for the whole page at once.

Each post is a post view (`app.bsky.feed.defs#postView`): the author's
profile, the post record as its author wrote it (`record`: text, createdAt,
langs, reply, facets) and the AppView's counts.

- `post_id` is the post's `at://` URI (`at://<did>/app.bsky.feed.post/<rkey>`),
  the only id that is unique and stable across the network; `url` is its page
  on bsky.app (by handle; by DID when the handle is unknown: "handle.invalid");
- `published_at` is `record.createdAt` in UTC, but never later than
  `indexedAt`: createdAt is written by the author's client, whose clock can be
  wrong, and the AppView lists `sort=latest` by the earlier of the two. A post
  dated in the future would otherwise put the query's cursor in the future and
  every later post would look already loaded;
- `parent_post_id` / `thread_id` are the URIs of the post answered and of the
  conversation's root (a post that answers nothing is its own thread's root);
- likes, reposts (`shares`) and replies (`comments`) are the AppView's counts
  at fetch time; quotes stay in `payload` only. A post view has no follower
  count: `author_followers` is null.

Decoding is tolerant: fields are read by name, a new field is ignored, a
missing or mistyped one is null. A post without a usable URI or creation date
is quarantined with the precise reason.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import polars as pl

from ingestion.bluesky.facets import FACETS, expand_links
from ingestion.common.collector import Page
from ingestion.common.http import MalformedPayload
from ingestion.common.records import decode_records, quarantine_rows

PLATFORM = "bluesky"
POST_URI = r"^at://[^/]+/app\.bsky\.feed\.post/[^/?#]+$"
# RFC 3339 as the AT Protocol requires it: a time zone ("Z" or ±hh:mm) and any fraction of a second.
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S%.f%#z"

_REFERENCE = pl.Struct({"uri": pl.String})

# The fields of a post view Écoute reads; `pl.from_dicts(strict=False)` nulls a mistyped one.
POST_VIEW = {
    "uri": pl.String,
    "author": pl.Struct({"did": pl.String, "handle": pl.String, "displayName": pl.String}),
    "record": pl.Struct(
        {
            "text": pl.String,
            "createdAt": pl.String,
            "langs": pl.List(pl.String),
            "reply": pl.Struct({"parent": _REFERENCE, "root": _REFERENCE}),
            "facets": FACETS,
        }
    ),
    "likeCount": pl.Int64,
    "repostCount": pl.Int64,
    "replyCount": pl.Int64,
    "indexedAt": pl.String,
}


def posts_of(body: Any, where: str) -> list[Any]:
    """The `posts` list of a searchPosts response; any other shape is a malformed page."""
    posts = body.get("posts") if isinstance(body, dict) else None
    if not isinstance(posts, list):
        raise MalformedPayload(
            f"{where}: the response has no `posts` list (keys: {_keys(body)})",
            json.dumps(body, ensure_ascii=False),
        )
    return posts


def next_cursor(body: dict[str, Any]) -> str | None:
    """The opaque cursor of the next page; none (or an empty one) means this was the last."""
    cursor = body.get("cursor")
    return cursor if isinstance(cursor, str) and cursor else None


def to_page(records: list[Any], query: str, fetched_at: datetime, is_last: bool) -> Page:
    """Every record of a page, as a mention or a quarantine row with its reason."""
    posts = decode_records(records, POST_VIEW)
    record = pl.col("record")
    author = pl.col("author")
    created_at = _utc(record.struct.field("createdAt"))
    posts = posts.with_columns(
        post_id=pl.when(pl.col("uri").str.contains(POST_URI)).then(pl.col("uri")),
        published_at=pl.min_horizontal(created_at, _utc(pl.col("indexedAt"))),
        problem=_problem(created_at),
    )
    readable = posts.filter(pl.col("problem").is_null())
    unreadable = posts.filter(pl.col("problem").is_not_null())
    mentions = readable.select(
        "post_id",
        platform=pl.lit(PLATFORM),
        url=_post_url(),
        lang=record.struct.field("langs").list.first(),
        author_id=author.struct.field("did"),
        author_handle=author.struct.field("handle"),
        author_name=pl.when(author.struct.field("displayName").str.strip_chars() != "").then(
            author.struct.field("displayName")
        ),
        text=expand_links(
            readable["record"].struct.field("text"), readable["record"].struct.field("facets")
        ),
        likes="likeCount",
        shares="repostCount",
        comments="replyCount",
        published_at="published_at",
        parent_post_id=record.struct.field("reply").struct.field("parent").struct.field("uri"),
        thread_id=pl.coalesce(
            record.struct.field("reply").struct.field("root").struct.field("uri"), "post_id"
        ),
        payload="payload",
        fetched_at=pl.lit(fetched_at, dtype=pl.Datetime("us", "UTC")),
    )
    quarantined = quarantine_rows(
        query,
        unreadable["payload"].to_list(),
        unreadable["problem"].to_list(),
        unreadable["uri"].to_list(),
        fetched_at,
    )
    return Page(mentions, quarantined, fetched=len(records), is_last=is_last)


def _utc(column: pl.Expr) -> pl.Expr:
    # AT Protocol dates are upper case ("T", "Z"); lower case is tolerated, as RFC 3339 allows.
    return column.str.to_uppercase().str.to_datetime(
        DATETIME_FORMAT, time_zone="UTC", time_unit="us", strict=False
    )


def _problem(created_at: pl.Expr) -> pl.Expr:
    """Why a record cannot be a mention, or null."""
    uri = pl.col("uri")
    created = pl.col("record").struct.field("createdAt")
    return (
        pl.when(~pl.col("is_object"))
        .then(pl.lit("not a post view: expected a JSON object"))
        .when(uri.is_null())
        .then(pl.lit("no uri"))
        .when(~uri.str.contains(POST_URI))
        .then(pl.lit("uri is not a post's at://<did>/app.bsky.feed.post/<rkey>: ") + uri)
        .when(created.is_null())
        .then(pl.lit("no record.createdAt"))
        .when(created_at.is_null())
        .then(pl.lit("record.createdAt is not an RFC 3339 date-time with a time zone: ") + created)
    )


def _post_url() -> pl.Expr:
    """https://bsky.app/profile/<handle or did>/post/<rkey>."""
    handle = pl.col("author").struct.field("handle")
    repository = pl.col("post_id").str.extract(r"^at://([^/]+)/")
    profile = pl.when(handle.is_not_null() & (handle != "handle.invalid")).then(handle)
    return pl.concat_str(
        pl.lit("https://bsky.app/profile/"),
        pl.coalesce(profile, repository),
        pl.lit("/post/"),
        pl.col("post_id").str.extract(r"/([^/]+)$"),
    )


def _keys(body: Any) -> str:
    return ", ".join(sorted(body)) if isinstance(body, dict) else type(body).__name__
