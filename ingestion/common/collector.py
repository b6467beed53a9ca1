"""Per configured query: what is new goes to `<service>_mentions`, the unreadable to quarantine, and the counts to `<service>_runs`.

A connector turns each page the service returns into a `Page`: the records it
could map (`MENTION_SCHEMA` columns) and those it could not (quarantine rows).
`collect` does the rest, the same way for every service:

- **incremental**: each query keeps a cursor in the dlt resource state (the
  latest `published_at` loaded, and the ids published at that instant). A
  record at or before it is a duplicate. Services list newest first, so the
  first page that reaches the cursor ends the query ("caught_up"); so do the
  last page and the configured page cap. The state is saved with the load:
  a run that fails before loading fetches the same records again next time.
  A connector may read the cursor (`saved_cursor`) to ask the service only
  for what is newer. A listing that is not a time line (a ranking such as
  Hacker News' top stories) is collected with `incremental=False`: no
  cursor, every listed record is loaded (merged on its id) on every run;
- **nothing lost silently**: a record without an id or a publication date is
  quarantined with its reason, as is a page the service sent malformed; a
  query whose service fails is reported in its run row and the log (secrets
  redacted) and the other queries go on;
- **counts reconcile**: fetched = loaded + quarantined + duplicates, per query
  and run, checked before anything is yielded.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import dlt
import polars as pl

from ingestion.common.http import MalformedPayload, ServiceClient, SourceError
from ingestion.common.records import (
    MENTION_SCHEMA,
    QUARANTINE_SCHEMA,
    RUN_SCHEMA,
    conform,
    dlt_columns,
    quarantine_rows,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    """One response of a service, mapped: every record it held is in `mentions` or `quarantined`."""

    mentions: pl.DataFrame  # MENTION_SCHEMA columns (missing ones are null)
    quarantined: pl.DataFrame  # QUARANTINE_SCHEMA rows
    fetched: int  # records the service returned on this page
    is_last: bool = False  # the service says there is no next page


class ReconciliationError(AssertionError):
    """A connector's page lost or invented records: a bug in the connector, never in the data."""


@dataclass(frozen=True)
class QueryCursor:
    """Where a query stopped: the latest publication time loaded and the ids published then."""

    published_at: datetime | None = None
    ids: tuple[str, ...] = ()

    @classmethod
    def from_state(cls, state: dict[str, Any] | None) -> QueryCursor:
        if not state or not state.get("published_at"):
            return cls()
        return cls(datetime.fromisoformat(state["published_at"]), tuple(state.get("ids", ())))

    def to_state(self) -> dict[str, Any]:
        return {
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "ids": list(self.ids),
        }

    def __str__(self) -> str:
        return self.published_at.isoformat() if self.published_at else ""

    def advanced_by(self, mentions: pl.DataFrame) -> QueryCursor:
        if mentions.is_empty():
            return self
        latest = mentions["published_at"].max()
        if self.published_at is not None and latest < self.published_at:
            return self
        at_latest = mentions.filter(pl.col("published_at") == latest)["post_id"].to_list()
        ids = set(at_latest) | (set(self.ids) if latest == self.published_at else set())
        return QueryCursor(latest, tuple(sorted(ids)))


def saved_cursor(query: str) -> QueryCursor:
    """Where `query` stopped last run (empty on the first): call it inside the resource."""
    return QueryCursor.from_state(dlt.current.resource_state().get("cursors", {}).get(query))


def table_hints(service: str) -> dict[str, dict[str, Any]]:
    """dlt hints of the quarantine and runs tables of `service` (the mentions table is the resource's)."""
    return {
        "quarantine": dlt.mark.make_hints(
            table_name=f"{service}_quarantine",
            write_disposition="merge",
            primary_key="quarantine_id",
            columns=dlt_columns(QUARANTINE_SCHEMA),
        ),
        "runs": dlt.mark.make_hints(
            table_name=f"{service}_runs",
            write_disposition="append",
            columns=dlt_columns(RUN_SCHEMA),
        ),
    }


def collect(
    service: str,
    query: str,
    pages: Iterator[Page],
    client: ServiceClient,
    max_pages: int,
    run_id: str,
    incremental: bool = True,
) -> Iterator[Any]:
    """Arrow tables for dlt: the new mentions of `query`, its quarantine rows, then its run row.

    With `incremental=False` the query has no cursor: nothing is older than
    it, so only repeats within the run are duplicates.
    """
    state = dlt.current.resource_state().setdefault("cursors", {})
    cursor = saved_cursor(query) if incremental else QueryCursor()
    hints = table_hints(service)
    started_at = datetime.now(UTC)
    requests_before = client.requests_made
    seen: set[str] = set()
    counts = {"pages": 0, "fetched": 0, "loaded": 0, "quarantined": 0, "duplicates": 0}
    newest = cursor
    stopped_because = "last_page"
    try:
        for page in pages:
            counts["pages"] += 1
            new, quarantined, duplicates, reached_cursor = _split(page, cursor, seen, query)
            _check_page(service, query, page, new, quarantined, duplicates)
            counts["fetched"] += page.fetched
            counts["loaded"] += new.height
            counts["quarantined"] += quarantined.height
            counts["duplicates"] += duplicates
            seen.update(new["post_id"].to_list())
            newest = newest.advanced_by(new)
            if not new.is_empty():
                yield conform(new.with_columns(query=pl.lit(query)), MENTION_SCHEMA).to_arrow()
            if not quarantined.is_empty():
                yield dlt.mark.with_hints(
                    quarantined.to_arrow(), hints["quarantine"], create_table_variant=True
                )
            if reached_cursor:
                stopped_because = "caught_up"
                break
            if page.is_last:
                break
            if counts["pages"] >= max_pages:
                stopped_because = "max_pages"
                break
    except MalformedPayload as error:
        logger.warning("%s", error)
        stopped_because = f"error: {error}"
        rows = quarantine_rows(query, [error.body], [str(error)])
        counts["fetched"] += 1
        counts["quarantined"] += 1
        yield dlt.mark.with_hints(rows.to_arrow(), hints["quarantine"], create_table_variant=True)
    except SourceError as error:
        logger.warning("%s", error)
        stopped_because = f"error: {error}"
    if not counts["loaded"]:
        # Every table exists from a connector's first run, empty or not: analysts' queries can rely on it.
        yield pl.DataFrame(schema=MENTION_SCHEMA).to_arrow()
    if not counts["quarantined"]:
        yield dlt.mark.with_hints(
            pl.DataFrame(schema=QUARANTINE_SCHEMA).to_arrow(),
            hints["quarantine"],
            create_table_variant=True,
        )
    # A query that failed part-way keeps its cursor: the records it did not reach
    # are older than those it loaded, and the next run must still fetch them.
    if incremental and not stopped_because.startswith("error"):
        state[query] = newest.to_state()
    run = {
        "run_id": run_id,
        "query": query,
        "started_at": started_at,
        "finished_at": datetime.now(UTC),
        "requests": client.requests_made - requests_before,
        **counts,
        "cursor_before": str(cursor),
        "cursor_after": str(newest if not stopped_because.startswith("error") else cursor),
        "stopped_because": stopped_because,
    }
    yield dlt.mark.with_hints(
        pl.DataFrame([run], schema=RUN_SCHEMA).to_arrow(), hints["runs"], create_table_variant=True
    )


def _split(
    page: Page, cursor: QueryCursor, seen: set[str], query: str
) -> tuple[pl.DataFrame, pl.DataFrame, int, bool]:
    """New mentions, quarantine rows, the number of duplicates, and whether the cursor was reached."""
    mentions = conform(page.mentions, MENTION_SCHEMA)
    unreadable = mentions.filter(pl.col("post_id").is_null() | pl.col("published_at").is_null())
    readable = mentions.filter(
        pl.col("post_id").is_not_null() & pl.col("published_at").is_not_null()
    )
    quarantined = pl.concat(
        [
            conform(page.quarantined, QUARANTINE_SCHEMA),
            quarantine_rows(
                query,
                unreadable["payload"].fill_null("").to_list(),
                [
                    "no id" if post_id is None else "no publication date"
                    for post_id in unreadable["post_id"].to_list()
                ],
                unreadable["post_id"].to_list(),
            ),
        ]
    )
    if cursor.published_at is None:
        is_old = pl.lit(False)
    else:
        is_old = (pl.col("published_at") < cursor.published_at) | (
            (pl.col("published_at") == cursor.published_at) & pl.col("post_id").is_in(cursor.ids)
        )
    flagged = readable.with_columns(
        is_old=is_old,
        # Already loaded by this run (an earlier page), or a repeat within this page.
        is_repeat=pl.col("post_id").is_in(list(seen))
        | (pl.int_range(pl.len()).over("post_id") > 0),
    )
    new = flagged.filter(~pl.col("is_old") & ~pl.col("is_repeat")).drop("is_old", "is_repeat")
    duplicates = flagged.height - new.height
    reached_cursor = bool(flagged["is_old"].any()) if flagged.height else False
    return new, quarantined, duplicates, reached_cursor


def _check_page(
    service: str,
    query: str,
    page: Page,
    new: pl.DataFrame,
    quarantined: pl.DataFrame,
    duplicates: int,
) -> None:
    accounted = new.height + quarantined.height + duplicates
    if accounted != page.fetched:
        raise ReconciliationError(
            f"{service} query {query!r}: a page of {page.fetched} records became {new.height} mentions,"
            f" {quarantined.height} quarantined and {duplicates} duplicates"
        )
