"""A page of X's recent search (API v2) → a `Page` of raw mentions, for the whole page at once.

A response holds the tweets (`data`), what they refer to (`includes.users`:
their authors; `includes.tweets`: the tweets they retweet, quote or answer)
and the paging (`meta.next_token`). Authors are joined to the tweets by id,
as frames, never tweet by tweet.

- `post_id` is the tweet's id (digits, as a string); `url` is
  `https://x.com/<username>/status/<id>`, or `https://x.com/i/web/status/<id>`
  when the author is not in `includes.users`;
- `text` is the tweet's text with X's HTML escapes (`&amp;`, `&lt;`, `&gt;`)
  decoded; a retweet's own text is "RT @user: " and the original cut short,
  so a retweet takes the text of the tweet it retweets when X includes it;
- a retweet (`referenced_tweets` of type `retweeted`) is a reshare:
  `reshare_of_post_id`; a reply's `replied_to` is its `parent_post_id`;
  `thread_id` is the conversation's root (`conversation_id`), null for the root
  itself, as Reddit's posts;
- `lang` is X's code, null for those that name no language (`und`, `zxx`,
  and X's own `qme`, `qht`… for media-, hashtag-only tweets);
- `likes` = like_count, `comments` = reply_count, `shares` = retweet_count
  only: quotes stay in `payload`, as Bluesky's, so that shares mean plain
  reshares on every platform;
- `author_followers` is the author's followers_count at fetch time.

Decoding is tolerant: fields are read by name (`pl.from_dicts(strict=False)`),
a new field is ignored, a missing or mistyped one is null. A tweet without a
usable id or creation date is quarantined with the precise reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import polars as pl

from ingestion.common.collector import Page
from ingestion.common.http import MalformedPayload
from ingestion.common.records import decode_records, quarantine_rows
from ingestion.common.text import html_to_text

PLATFORM = "x"
TWEET_ID = r"^[0-9]+$"
# X writes "2026-11-20T14:03:11.000Z"; any fraction and offset are read too.
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S%.f%#z"
# Codes X gives a tweet whose language it could not or would not name.
NO_LANGUAGE = r"^(und|zxx|q[a-z]{2})$"

_COUNTS = pl.Struct(
    {
        "retweet_count": pl.Int64,
        "reply_count": pl.Int64,
        "like_count": pl.Int64,
        "quote_count": pl.Int64,
    }
)

# The fields of a tweet Écoute reads; `pl.from_dicts(strict=False)` nulls a mistyped one.
TWEET = {
    "id": pl.String,
    "text": pl.String,
    "created_at": pl.String,
    "lang": pl.String,
    "author_id": pl.String,
    "conversation_id": pl.String,
    "public_metrics": _COUNTS,
    "referenced_tweets": pl.List(pl.Struct({"type": pl.String, "id": pl.String})),
}
USER = {
    "id": pl.String,
    "username": pl.String,
    "name": pl.String,
    "public_metrics": pl.Struct({"followers_count": pl.Int64}),
}
REFERENCED_TWEET = {"id": pl.String, "text": pl.String}


@dataclass(frozen=True)
class SearchResponse:
    """What one response of the recent search holds, as decoded JSON."""

    tweets: list[Any]
    users: list[dict[str, Any]]
    referenced_tweets: list[dict[str, Any]]
    next_token: str | None
    # Partial errors: X answered, but could not include some referenced tweet or user
    # (deleted, suspended, protected). The tweets are whole; only their context is missing.
    errors: list[Any]


def read_response(body: Any, where: str) -> SearchResponse:
    """The parts of a recent-search response; a body that is not one is a malformed page.

    A body with errors and no `data` is X refusing the request in a 200 (a query
    it cannot run, a plan without access): the page is quarantined with X's
    own words. No `data` with a `meta` is an empty result (`result_count: 0`).
    """
    if not isinstance(body, dict):
        raise MalformedPayload(
            f"{where}: the response is not a JSON object", json.dumps(body, ensure_ascii=False)
        )
    errors = body.get("errors") if isinstance(body.get("errors"), list) else []
    tweets = body.get("data")
    if tweets is None and errors:
        raise MalformedPayload(
            f"{where}: X answered only errors: {describe_errors(errors)}",
            json.dumps(body, ensure_ascii=False),
        )
    meta = body.get("meta")
    if tweets is None and isinstance(meta, dict):
        tweets = []
    if not isinstance(tweets, list):
        raise MalformedPayload(
            f"{where}: the response has no `data` list and no `meta` (keys: {_keys(body)})",
            json.dumps(body, ensure_ascii=False),
        )
    includes = body.get("includes") if isinstance(body.get("includes"), dict) else {}
    token = meta.get("next_token") if isinstance(meta, dict) else None
    return SearchResponse(
        tweets=tweets,
        users=_objects(includes.get("users")),
        referenced_tweets=_objects(includes.get("tweets")),
        next_token=token if isinstance(token, str) and token else None,
        errors=errors,
    )


def to_page(response: SearchResponse, query: str, fetched_at: datetime, is_last: bool) -> Page:
    """Every tweet of a response, as a mention or a quarantine row with its reason."""
    created_at = pl.col("created_at").str.to_datetime(
        DATETIME_FORMAT, time_zone="UTC", time_unit="us", strict=False
    )
    tweets = decode_records(response.tweets, TWEET).with_columns(
        published_at=created_at, problem=_problem(created_at)
    )
    readable = _with_context(tweets.filter(pl.col("problem").is_null()), response)
    unreadable = tweets.filter(pl.col("problem").is_not_null())
    counts = pl.col("public_metrics")
    lang = pl.col("lang")
    mentions = readable.select(
        post_id="id",
        platform=pl.lit(PLATFORM),
        url=pl.concat_str(
            pl.lit("https://x.com/"),
            pl.coalesce("username", pl.lit("i/web")),
            pl.lit("/status/"),
            "id",
        ),
        lang=pl.when(~lang.str.contains(NO_LANGUAGE)).then(lang),
        author_id="author_id",
        author_handle="username",
        author_name=pl.when(pl.col("name").str.strip_chars() != "").then("name"),
        author_followers="followers_count",
        text=html_to_text(
            readable.select(pl.coalesce("retweeted_text", "text").alias("text"))["text"]
        ),
        likes=counts.struct.field("like_count"),
        shares=counts.struct.field("retweet_count"),
        comments=counts.struct.field("reply_count"),
        published_at="published_at",
        parent_post_id=_referenced("replied_to"),
        thread_id=pl.when(pl.col("conversation_id") != pl.col("id")).then("conversation_id"),
        reshare_of_post_id=_referenced("retweeted"),
        payload="payload",
        fetched_at=pl.lit(fetched_at, dtype=pl.Datetime("us", "UTC")),
    )
    quarantined = quarantine_rows(
        query,
        unreadable["payload"].to_list(),
        unreadable["problem"].to_list(),
        unreadable.select(pl.when(pl.col("id").str.contains(TWEET_ID)).then("id"))["id"].to_list(),
        fetched_at,
    )
    return Page(mentions, quarantined, fetched=len(response.tweets), is_last=is_last)


def _with_context(tweets: pl.DataFrame, response: SearchResponse) -> pl.DataFrame:
    """`tweets` with their author's fields and, for a retweet, the text of the tweet it retweets."""
    users = pl.from_dicts(response.users, schema=USER, strict=False).select(
        author_id="id",
        username="username",
        name="name",
        followers_count=pl.col("public_metrics").struct.field("followers_count"),
    )
    originals = pl.from_dicts(response.referenced_tweets, schema=REFERENCED_TWEET, strict=False)
    originals = originals.select(retweeted_id="id", retweeted_text="text")
    return (
        tweets.with_columns(retweeted_id=_referenced("retweeted"))
        .join(
            users.drop_nulls("author_id").unique("author_id", keep="first"),
            on="author_id",
            how="left",
            maintain_order="left",
        )
        .join(
            originals.drop_nulls("retweeted_id").unique("retweeted_id", keep="first"),
            on="retweeted_id",
            how="left",
            maintain_order="left",
        )
    )


def _referenced(kind: str) -> pl.Expr:
    """The id of the tweet this one refers to as `kind` (retweeted, quoted, replied_to), or null."""
    return (
        pl.col("referenced_tweets")
        .list.eval(
            pl.element().filter(pl.element().struct.field("type") == kind).struct.field("id")
        )
        .list.first()
    )


def _problem(created_at: pl.Expr) -> pl.Expr:
    """Why a record cannot be a mention, or null."""
    tweet_id = pl.col("id")
    created = pl.col("created_at")
    return (
        pl.when(~pl.col("is_object"))
        .then(pl.lit("not a tweet: expected a JSON object"))
        .when(tweet_id.is_null())
        .then(pl.lit("no id"))
        .when(~tweet_id.str.contains(TWEET_ID))
        .then(pl.lit("id is not a tweet id (digits): ") + tweet_id.str.slice(0, 80))
        .when(created.is_null())
        .then(pl.lit("no created_at (is tweet.fields=created_at still asked for?)"))
        .when(created_at.is_null())
        .then(pl.lit("created_at is not an ISO 8601 date-time with a time zone: ") + created)
    )


def _objects(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def describe_errors(errors: list[Any]) -> str:
    """X's errors in a few words (title and detail of the first three), for a log or a reason."""
    described = [
        " ".join(str(e.get(k)) for k in ("title", "detail") if e.get(k)) or json.dumps(e)
        if isinstance(e, dict)
        else json.dumps(e)
        for e in errors[:3]
    ]
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return "; ".join(described) + more


def _keys(body: dict[str, Any]) -> str:
    return ", ".join(sorted(body)) or "none"
