"""Reddit's things onto the raw mention shape, a page at a time, vectorised with polars.

Reddit sends every record as a "thing": `{"kind": "t3", "data": {...}}` for a
post, `"t1"` for a comment. Each field is read with a JSON path as text and
then cast leniently, so a field Reddit renames or retypes becomes null (and a
record without an id or a date is quarantined by the collector) instead of
failing the whole page, as a typed decode would.

Ids are Reddit's base-36 ids without their kind prefix: `post_id` "3hahrw"
(the post's fullname is "t3_3hahrw"), and a comment's `parent_id` "t1_cu5tnfu"
becomes `parent_post_id` "cu5tnfu", its `link_id` "t3_3hahrw" its `thread_id`.
A post starts a thread: its `parent_post_id` and `thread_id` are null.
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from ingestion.common.collector import Page
from ingestion.common.records import MENTION_SCHEMA, conform, quarantine_rows
from ingestion.common.text import html_to_text

PLATFORM = "reddit"
# Links point at Reddit itself, whatever `base_url` the records were fetched from.
REDDIT = "https://www.reddit.com"
# What Reddit shows in place of an author or a text that is gone.
GONE = ["[deleted]", "[removed]"]

_FIELDS = (
    "id",
    "name",
    "title",
    "selftext",
    "body",
    "author",
    "author_fullname",
    "score",
    "num_comments",
    "num_crossposts",
    "created_utc",
    "permalink",
    "parent_id",
    "link_id",
)


def posts_page(query: str, things: list[Any], is_last: bool) -> Page:
    """A page of a post listing (`/search.json`, `/r/<sub>/new.json`) of `query`: its posts (t3)."""
    posts, quarantined = _of_kind(query, _fields(things), "t3", "a post")
    post_id = _coalesce_id()
    mentions = posts.select(
        post_id=post_id,
        platform=pl.lit(PLATFORM),
        url=pl.coalesce(
            pl.lit(REDDIT) + pl.col("permalink"),
            pl.format(REDDIT + "/comments/{}/", post_id),
        ),
        author_id=pl.col("author_fullname"),
        author_handle=_unless_gone("author"),
        title=pl.col("title").map_batches(html_to_text, return_dtype=pl.String),
        text=_text("selftext"),
        likes=_integer("score"),
        shares=_integer("num_crossposts"),
        comments=_integer("num_comments"),
        published_at=_epoch_seconds("created_utc"),
        payload=pl.col("payload"),
    )
    return Page(
        conform(mentions, MENTION_SCHEMA), quarantined, fetched=len(things), is_last=is_last
    )


def comments_page(
    query: str, things: list[Any], unreadable: list[tuple[str | None, str, str]]
) -> Page:
    """The comments (t1) of the comment trees `query` fetched, and the responses that were unreadable.

    `unreadable`: (post id, body received, reason) of each response that was
    not what it should be; each is one fetched record, quarantined.
    """
    comments, wrong_kind = _of_kind(query, _fields(things), "t1", "a comment")
    post_id = _coalesce_id()
    thread_id = pl.col("link_id").str.replace(r"^t[0-9]+_", "")
    mentions = comments.select(
        post_id=post_id,
        platform=pl.lit(PLATFORM),
        url=pl.coalesce(
            pl.lit(REDDIT) + pl.col("permalink"),
            pl.format(REDDIT + "/comments/{}/_/{}/", thread_id, post_id),
        ),
        author_id=pl.col("author_fullname"),
        author_handle=_unless_gone("author"),
        text=_text("body"),
        likes=_integer("score"),
        published_at=_epoch_seconds("created_utc"),
        parent_post_id=pl.col("parent_id").str.replace(r"^t[0-9]+_", ""),
        thread_id=thread_id,
        payload=pl.col("payload"),
    )
    quarantined = pl.concat(
        [
            wrong_kind,
            quarantine_rows(
                query,
                [body for _, body, _ in unreadable],
                [reason for _, _, reason in unreadable],
                [post for post, _, _ in unreadable],
            ),
        ]
    )
    return Page(
        conform(mentions, MENTION_SCHEMA),
        quarantined,
        fetched=len(things) + len(unreadable),
        is_last=True,
    )


def _fields(things: list[Any]) -> pl.DataFrame:
    """One row per thing: its JSON as received (`payload`), its `kind`, and its data fields as text."""
    frame = pl.DataFrame(
        {"payload": [json.dumps(thing, ensure_ascii=False) for thing in things]},
        schema={"payload": pl.String},
    )
    return frame.with_columns(
        kind=pl.col("payload").str.json_path_match("$.kind"),
        **{name: pl.col("payload").str.json_path_match(f"$.data.{name}") for name in _FIELDS},
    )


def _of_kind(
    query: str, frame: pl.DataFrame, kind: str, what: str
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows of `kind`, and quarantine rows for the others (a subreddit search answering a listing…)."""
    is_kind = pl.col("kind").fill_null("") == kind
    others = frame.filter(~is_kind)
    reasons = others.select(
        pl.format(
            "a thing of kind {} where {} ({}) was expected",
            pl.col("kind").fill_null("(none)"),
            pl.lit(what),
            pl.lit(kind),
        )
    ).to_series()
    quarantined = quarantine_rows(
        query,
        others["payload"].to_list(),
        reasons.to_list(),
        others.select(_coalesce_id()).to_series().to_list(),
    )
    return frame.filter(is_kind), quarantined


def _coalesce_id() -> pl.Expr:
    """The id, else the fullname without its prefix: either is enough to know the record."""
    return pl.coalesce(pl.col("id"), pl.col("name").str.replace(r"^t[0-9]+_", ""))


def _unless_gone(column: str) -> pl.Expr:
    return pl.when(pl.col(column).is_in(GONE)).then(None).otherwise(pl.col(column))


def _text(column: str) -> pl.Expr:
    """Plain text: entities decoded; empty or `[deleted]`/`[removed]` is null."""
    text = _unless_gone(column).map_batches(html_to_text, return_dtype=pl.String)
    return pl.when(text == "").then(None).otherwise(text)


def _integer(column: str) -> pl.Expr:
    return pl.col(column).cast(pl.Float64, strict=False).round().cast(pl.Int64, strict=False)


def _epoch_seconds(column: str) -> pl.Expr:
    """Reddit's `created_utc` (seconds since 1970, UTC, a float) as a UTC timestamp; null unless positive."""
    seconds = pl.col(column).cast(pl.Float64, strict=False)
    microseconds = pl.when(seconds > 0).then((seconds * 1_000_000).round())
    return microseconds.cast(pl.Int64, strict=False).cast(pl.Datetime("us", "UTC"))
