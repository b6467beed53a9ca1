"""Mastodon statuses onto the raw mention shape, a page at a time, with polars.

Every field is read by a JSON path from the status as received, never by a
strict schema: a field that is missing, renamed or of another type becomes
null instead of failing the whole page (a count that is not a number is a null
count). Only what makes a status unusable is quarantined, with its reason: not
an object, no id or one that is not a status id, no readable `created_at`.

Choices, each documented in `ingestion/mastodon/README.md`:

- a reblog (`reblog` not null) is a reshare: its own id and time, the
  account that reblogged it, and the text, title and language of the status
  it reblogs (`reshare_of_post_id`). Its counts stay its own (Mastodon gives
  a reblog none): the original's engagement belongs to the original;
- `spoiler_text` (the content warning, which readers see before the text) is
  the `title`: the marts read title and text together, so what it says is
  still matched and scored, and the text stays the post itself;
- `thread_id` stays null: the REST API does not give a conversation's root.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import polars as pl

from ingestion.common.collector import Page
from ingestion.common.records import quarantine_rows
from ingestion.common.text import html_to_text

PLATFORM = "mastodon"

# Mastodon's ids are digits (snowflakes); Pleroma/Akkoma flake ids and GoToSocial
# ULIDs, also served by the Mastodon API, are letters and digits.
_STATUS_ID = r"^[0-9A-Za-z_-]+$"
_ISO_8601 = "%Y-%m-%dT%H:%M:%S%.f%#z"

_FIELDS = {
    "id": "$.id",
    "created_at": "$.created_at",
    "url": "$.url",
    "uri": "$.uri",
    "language": "$.language",
    "spoiler_text": "$.spoiler_text",
    "content": "$.content",
    "in_reply_to_id": "$.in_reply_to_id",
    "favourites_count": "$.favourites_count",
    "reblogs_count": "$.reblogs_count",
    "replies_count": "$.replies_count",
    "account_id": "$.account.id",
    "account_acct": "$.account.acct",
    "account_display_name": "$.account.display_name",
    "account_followers_count": "$.account.followers_count",
    "reblog_id": "$.reblog.id",
    "reblog_url": "$.reblog.url",
    "reblog_language": "$.reblog.language",
    "reblog_spoiler_text": "$.reblog.spoiler_text",
    "reblog_content": "$.reblog.content",
}


def to_page(
    statuses: list[Any], query: str, is_last: bool, fetched_at: datetime | None = None
) -> Page:
    """One page of statuses (as decoded from the API) as mentions and quarantine rows."""
    fetched_at = fetched_at or datetime.now(UTC)
    fields = _read_fields(statuses)
    readable = fields.filter(pl.col("problem").is_null())
    unreadable = fields.filter(pl.col("problem").is_not_null())
    return Page(
        mentions=_mentions(readable, fetched_at),
        quarantined=quarantine_rows(
            query,
            unreadable["payload"].to_list(),
            unreadable["problem"].to_list(),
            unreadable["record_id"].to_list(),
            fetched_at,
        ),
        fetched=len(statuses),
        is_last=is_last,
    )


def _read_fields(statuses: list[Any]) -> pl.DataFrame:
    """One row per status: its JSON text, its fields as text, and what makes it unreadable, if anything."""
    payloads = pl.Series(
        "payload", [json.dumps(status, ensure_ascii=False) for status in statuses], pl.String
    )
    fields = pl.DataFrame([payloads]).with_columns(
        pl.col("payload").str.json_path_match(path).alias(name) for name, path in _FIELDS.items()
    )
    is_status_id = pl.col("id").str.contains(_STATUS_ID)
    return fields.with_columns(
        published_at=pl.col("created_at").str.to_datetime(
            _ISO_8601, time_unit="us", time_zone="UTC", strict=False
        ),
        record_id=pl.when(is_status_id).then(pl.col("id")),
    ).with_columns(
        problem=pl.when(~pl.col("payload").str.starts_with("{"))
        .then(pl.format("not a status object: {}", pl.col("payload").str.slice(0, 80)))
        .when(pl.col("id").is_null())
        .then(pl.lit("no id"))
        .when(~is_status_id)
        .then(pl.format("id {} is not a status id", pl.col("id").str.slice(0, 80)))
        .when(pl.col("created_at").is_null())
        .then(pl.lit("no created_at"))
        .when(pl.col("published_at").is_null())
        .then(pl.format("created_at {} is not an ISO 8601 time", pl.col("created_at")))
    )


def _mentions(fields: pl.DataFrame, fetched_at: datetime) -> pl.DataFrame:
    is_reblog = pl.col("reblog_id").is_not_null()

    def own_or_reblogged(name: str) -> pl.Expr:
        return pl.when(is_reblog).then(pl.col(f"reblog_{name}")).otherwise(pl.col(name)).alias(name)

    html = fields.select(own_or_reblogged("content"))["content"]
    return fields.select(
        post_id=pl.col("id"),
        platform=pl.lit(PLATFORM),
        # A reblog's own `url` is null and its `uri` is the reblog activity: the reblogged post is what to open.
        url=pl.coalesce("url", "reblog_url", "uri"),
        lang=pl.coalesce(own_or_reblogged("language"), "language"),
        author_id=pl.col("account_id"),
        author_handle=pl.col("account_acct"),
        author_name=pl.col("account_display_name"),
        author_followers=_count("account_followers_count"),
        title=pl.when(own_or_reblogged("spoiler_text") != "").then(
            own_or_reblogged("spoiler_text")
        ),
        text=html_to_text(html),
        likes=_count("favourites_count"),
        shares=_count("reblogs_count"),
        comments=_count("replies_count"),
        published_at=pl.col("published_at"),
        parent_post_id=pl.col("in_reply_to_id"),
        reshare_of_post_id=pl.col("reblog_id"),
        payload=pl.col("payload"),
        fetched_at=pl.lit(fetched_at, pl.Datetime("us", "UTC")),
    )


def _count(name: str) -> pl.Expr:
    """A count as Mastodon gives it (a JSON number); anything else is an unknown count, null."""
    return pl.col(name).cast(pl.Int64, strict=False)
