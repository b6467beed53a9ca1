"""Hacker News payloads onto the raw mention shape: Algolia search hits and Firebase items.

Every field is read with a JSON path from the record's own JSON text, as a
string, then cast leniently: a field that is missing, renamed or of another
type becomes null instead of failing the page (a record left without an id or
a date is then quarantined by the collector). Fields neither API gives
(language, followers, shares) stay null.

`url` is the item's page on Hacker News (`news.ycombinator.com/item?id=`),
where the discussion is; the link a story points to stays in `payload`
(`url`). `parent_post_id` is the item a comment answers. `thread_id` is the
story a comment belongs to: Algolia gives it (`story_id`); a Firebase comment
only knows its parent, so its thread stays null, and a story is its own thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import polars as pl

from ingestion.common.collector import Page
from ingestion.common.http import MalformedPayload
from ingestion.common.records import quarantine_rows
from ingestion.common.text import html_to_text

PLATFORM = "hackernews"
ITEM_PAGE_URL = "https://news.ycombinator.com/item?id="
HITS_PER_PAGE = 100
_ISO_FORMAT = "%Y-%m-%dT%H:%M:%S%.f%#z"
# Firebase item types that start a thread (a comment or a poll option answers one).
_THREAD_STARTERS = ["story", "job", "poll"]


@dataclass(frozen=True)
class ItemResponse:
    """What Firebase answered for one item id: its JSON text, or why it could not be read."""

    requested_id: str
    payload: str  # the item as JSON text; the body as received when it is not JSON
    error: str | None = None


def search_page(body: Any, query: str) -> Page:
    """One page of `search_by_date`; a body without a `hits` list is malformed as a whole."""
    hits = body.get("hits") if isinstance(body, dict) else None
    if not isinstance(hits, list):
        raise MalformedPayload(
            f"hackernews: query {query!r}: the search answer has no `hits` list", json.dumps(body)
        )
    frame = _records(hits)
    fields = _fields(
        frame,
        "objectID",
        "created_at",
        "created_at_i",
        "author",
        "title",
        "story_text",
        "comment_text",
        "points",
        "num_comments",
        "parent_id",
        "story_id",
        "_tags",
    )
    is_story = pl.col("_tags").str.contains('"story"', literal=True).fill_null(False)
    mentions = fields.select(
        post_id=pl.col("objectID"),
        platform=pl.lit(PLATFORM),
        url=pl.lit(ITEM_PAGE_URL) + pl.col("objectID"),
        author_id=pl.col("author"),
        author_handle=pl.col("author"),
        title=pl.col("title"),
        text=_text(fields["comment_text"].fill_null(fields["story_text"])),
        likes=_integer("points"),
        comments=_integer("num_comments"),
        published_at=pl.coalesce(
            _epoch("created_at_i"),
            pl.col("created_at").str.to_datetime(_ISO_FORMAT, time_zone="UTC", strict=False),
        ),
        parent_post_id=pl.col("parent_id"),
        thread_id=pl.coalesce(pl.col("story_id"), pl.when(is_story).then(pl.col("objectID"))),
        payload=pl.col("payload"),
    )
    return Page(
        mentions,
        quarantine_rows(query, [], []),
        fetched=len(hits),
        is_last=_is_last_search_page(body, len(hits)),
    )


def items_page(responses: list[ItemResponse], query: str, is_last: bool) -> Page:
    """Firebase items; deleted, dead, absent (`null`) and unreadable ones go to quarantine."""
    frame = pl.DataFrame(
        {
            "requested_id": [response.requested_id for response in responses],
            "payload": [response.payload for response in responses],
            "error": [response.error for response in responses],
        },
        schema={"requested_id": pl.String, "payload": pl.String, "error": pl.String},
    )
    fields = _fields(
        frame,
        "id",
        "type",
        "by",
        "time",
        "title",
        "text",
        "score",
        "descendants",
        "parent",
        "deleted",
        "dead",
    ).with_columns(
        reason=pl.when(pl.col("error").is_not_null())
        .then(pl.col("error"))
        .when(pl.col("payload") == "null")
        .then(pl.lit("no such item: Firebase answered null"))
        .when(pl.col("deleted") == "true")
        .then(pl.lit("deleted"))
        .when(pl.col("dead") == "true")
        .then(pl.lit("dead"))
    )
    unreadable = fields.filter(pl.col("reason").is_not_null())
    readable = fields.filter(pl.col("reason").is_null())
    mentions = readable.select(
        post_id=pl.col("id"),
        platform=pl.lit(PLATFORM),
        url=pl.lit(ITEM_PAGE_URL) + pl.col("id"),
        author_id=pl.col("by"),
        author_handle=pl.col("by"),
        title=pl.col("title"),
        text=_text(readable["text"]),
        likes=_integer("score"),
        comments=_integer("descendants"),
        published_at=_epoch("time"),
        parent_post_id=pl.col("parent"),
        thread_id=pl.when(pl.col("type").is_in(_THREAD_STARTERS)).then(pl.col("id")),
        payload=pl.col("payload"),
    )
    quarantined = quarantine_rows(
        query,
        unreadable["payload"].to_list(),
        unreadable["reason"].to_list(),
        unreadable.select(pl.coalesce("id", "requested_id"))["id"].to_list(),
    )
    return Page(mentions, quarantined, fetched=len(responses), is_last=is_last)


def _records(records: list[Any]) -> pl.DataFrame:
    return pl.DataFrame(
        {"payload": [json.dumps(record, ensure_ascii=False) for record in records]},
        schema={"payload": pl.String},
    )


def _fields(frame: pl.DataFrame, *names: str) -> pl.DataFrame:
    """`frame` with each named top-level field of `payload` as text (null when absent or not an object)."""
    return frame.with_columns(
        pl.col("payload").str.json_path_match(f"$.{name}").alias(name) for name in names
    )


def _text(html: pl.Series) -> pl.Series:
    # HN opens each paragraph after the first with a bare `<p>` and never closes it.
    return html_to_text(html.str.replace_all(r"(?i)<p>", "\n\n"))


def _integer(name: str) -> pl.Expr:
    return pl.col(name).cast(pl.Int64, strict=False)


def _epoch(name: str) -> pl.Expr:
    return pl.from_epoch(_integer(name), time_unit="s").dt.replace_time_zone("UTC")


def _is_last_search_page(body: dict[str, Any], hits: int) -> bool:
    """Algolia counts pages from 0 and says how many there are; without that, a short page is the last."""
    page, pages = body.get("page"), body.get("nbPages")
    if hits == 0:
        return True
    if isinstance(page, int) and isinstance(pages, int):
        return page + 1 >= pages
    return hits < HITS_PER_PAGE
