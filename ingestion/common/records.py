"""The raw tables every connector writes, and their shapes.

`<service>_mentions` — one row per post or comment, merged on `post_id`: the
service's own fields mapped onto one shape (`MENTION_SCHEMA`), which the
staging model `stg_connectors__mentions` maps onto the mention contract, plus
`payload`, the record exactly as the service sent it (JSON text), so any
mapping can be recomputed from `raw` without fetching again.

`<service>_quarantine` — what could not be read: the query, the raw payload
and the reason; merged on `quarantine_id` (a hash of them), so a record
quarantined again on the next run is kept once.

`<service>_runs` — one row per query per run: what was fetched and what became
of it. `fetched = loaded + quarantined + duplicates` on every row.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import polars as pl

MENTION_SCHEMA: dict[str, pl.DataType] = {
    "post_id": pl.String(),  # the service's id, unique within the service
    "query": pl.String(),  # the configured query that last found it
    "platform": pl.String(),  # reddit, hackernews, mastodon, bluesky, youtube, x, news, blog…
    "url": pl.String(),
    "lang": pl.String(),  # as the service gives it (null when it gives none)
    "author_id": pl.String(),
    "author_handle": pl.String(),
    "author_name": pl.String(),
    "author_followers": pl.Int64(),
    "title": pl.String(),
    "text": pl.String(),  # plain text (HTML already converted)
    "likes": pl.Int64(),
    "shares": pl.Int64(),
    "comments": pl.Int64(),
    "published_at": pl.Datetime("us", "UTC"),
    "parent_post_id": pl.String(),  # the post or comment this one answers
    "thread_id": pl.String(),  # the conversation's root post
    "reshare_of_post_id": pl.String(),
    "payload": pl.String(),  # the record as received, JSON text
    "fetched_at": pl.Datetime("us", "UTC"),
}

QUARANTINE_SCHEMA: dict[str, pl.DataType] = {
    "quarantine_id": pl.String(),
    "query": pl.String(),
    "record_id": pl.String(),  # the service's id when it could be read
    "reason": pl.String(),
    "payload": pl.String(),
    "fetched_at": pl.Datetime("us", "UTC"),
}

RUN_SCHEMA: dict[str, pl.DataType] = {
    "run_id": pl.String(),
    "query": pl.String(),
    "started_at": pl.Datetime("us", "UTC"),
    "finished_at": pl.Datetime("us", "UTC"),
    "requests": pl.Int64(),
    "pages": pl.Int64(),
    "fetched": pl.Int64(),
    "loaded": pl.Int64(),
    "quarantined": pl.Int64(),
    "duplicates": pl.Int64(),
    "cursor_before": pl.String(),
    "cursor_after": pl.String(),
    "stopped_because": pl.String(),  # caught_up | last_page | max_pages | error: …
}

_DLT_TYPES = {
    pl.String: "text",
    pl.Int64: "bigint",
    pl.Datetime: "timestamp",
}


def dlt_columns(schema: dict[str, pl.DataType]) -> dict[str, dict[str, Any]]:
    """dlt column hints of a schema: the table has every column, typed, even before its first row."""
    return {
        name: {"data_type": _DLT_TYPES[type(dtype)], "nullable": True}
        for name, dtype in schema.items()
    }


def empty_mentions() -> pl.DataFrame:
    return pl.DataFrame(schema=MENTION_SCHEMA)


def conform(frame: pl.DataFrame, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """`frame` with exactly the columns of `schema`, in order and typed; missing ones are null."""
    return frame.select(
        (pl.col(name) if name in frame.columns else pl.lit(None)).cast(dtype).alias(name)
        for name, dtype in schema.items()
    )


def quarantine_rows(
    query: str,
    payloads: list[str],
    reasons: list[str],
    record_ids: list[str | None] | None = None,
    fetched_at: datetime | None = None,
) -> pl.DataFrame:
    """Quarantine rows for records that could not be read, each with its reason."""
    fetched_at = fetched_at or datetime.now(UTC)
    ids = record_ids if record_ids is not None else [None] * len(payloads)
    frame = pl.DataFrame(
        {"query": query, "record_id": ids, "reason": reasons, "payload": payloads},
        schema={
            "query": pl.String,
            "record_id": pl.String,
            "reason": pl.String,
            "payload": pl.String,
        },
    )
    return conform(
        frame.with_columns(
            quarantine_id=pl.concat_str(
                ["query", "reason", "payload"], separator="\x1f"
            ).map_batches(_sha256, return_dtype=pl.String),
            fetched_at=pl.lit(fetched_at),
        ),
        QUARANTINE_SCHEMA,
    )


def _sha256(values: pl.Series) -> pl.Series:
    # Quarantined records are few (a bad page, a malformed item): hashing them one by one is fine.
    return pl.Series(
        [hashlib.sha256(value.encode()).hexdigest()[:32] for value in values.to_list()],
        dtype=pl.String,
    )


def decode_records(records: list[Any], schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """One row per record of a page: the fields of `schema`, `payload` (the record as JSON) and `is_object`.

    A field missing or of another type than `schema` says is null rather than
    failing the page (`strict=False`): a renamed field becomes a null, which
    the mapping quarantines when it matters. A record that is not a JSON
    object has every field null and `is_object` false.
    """
    is_object = [isinstance(record, dict) for record in records]
    fields = pl.from_dicts(
        [record if ok else {} for record, ok in zip(records, is_object, strict=True)],
        schema=schema,
        strict=False,
    )
    return fields.with_columns(
        payload=pl.Series([json.dumps(r, ensure_ascii=False) for r in records], dtype=pl.String),
        is_object=pl.Series(is_object, dtype=pl.Boolean),
    )
