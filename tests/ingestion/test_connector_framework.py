"""The machinery every connector shares, through a real dlt pipeline, a real DuckDB file and a real HTTP server.

The service here is the simplest paged JSON API (`/items?page=N`, newest
first); each connector's own tests play the recorded payloads of its service.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import dlt
import polars as pl
import pytest

from ingestion.common.collector import Page, collect
from ingestion.common.http import HttpSettings, ServiceClient
from ingestion.common.records import MENTION_SCHEMA, dlt_columns, quarantine_rows
from tests.ingestion.connector_testing import load, rows
from tests.ingestion.fixture_server import FixtureServer, Reply

TOKEN = "s3cr3t-t0ken-value"
FAST = HttpSettings(
    timeout_seconds=1.0,
    max_attempts=3,
    max_retry_delay_seconds=2.0,
    backoff_factor=0.05,
    requests_per_minute=60_000,
)
START = datetime(2026, 11, 1, 12, tzinfo=UTC)


def items(first: int, count: int) -> list[dict[str, Any]]:
    """`count` posts, newest first, ids first..first+count-1 going back one minute each."""
    return [
        {
            "id": f"p{n}",
            "created": (START - timedelta(minutes=n)).isoformat(),
            "text": f"post {n} about Air Aurore",
            "author": {"name": f"user{n % 3}", "followers": n},
        }
        for n in range(first, first + count)
    ]


def page_body(records: list[dict[str, Any]], next_page: int | None) -> str:
    return json.dumps({"items": records, "next": next_page})


def to_page(body: dict[str, Any]) -> Page:
    """The test service's mapping, vectorised as connectors do it."""
    records = body["items"]
    frame = pl.DataFrame(
        {"raw": [json.dumps(record) for record in records]}, schema={"raw": pl.String}
    ).with_columns(
        parsed=pl.col("raw").str.json_decode(
            pl.Struct(
                {
                    "id": pl.String,
                    "created": pl.String,
                    "text": pl.String,
                    "author": pl.Struct({"name": pl.String, "followers": pl.Int64}),
                }
            )
        )
    )
    mentions = frame.select(
        post_id=pl.col("parsed").struct.field("id"),
        platform=pl.lit("test"),
        text=pl.col("parsed").struct.field("text"),
        author_name=pl.col("parsed").struct.field("author").struct.field("name"),
        author_followers=pl.col("parsed").struct.field("author").struct.field("followers"),
        published_at=pl.col("parsed")
        .struct.field("created")
        .str.to_datetime(time_zone="UTC", strict=False),
        payload=pl.col("raw"),
    )
    return Page(
        mentions, quarantine_rows("q", [], []), fetched=len(records), is_last=body["next"] is None
    )


def test_source(base_url: str, queries: list[str], settings: HttpSettings = FAST) -> Any:
    client = ServiceClient(
        "testsvc", base_url, settings, headers={"Authorization": f"Bearer {TOKEN}"}, secrets=[TOKEN]
    )

    @dlt.resource(
        name="testsvc_mentions",
        write_disposition="merge",
        primary_key="post_id",
        columns=dlt_columns(MENTION_SCHEMA),
    )
    def mentions() -> Iterator[Any]:
        for query in queries:

            def pages(query: str = query) -> Iterator[Page]:
                page = 1
                while page is not None:
                    body = client.get_json(f"/{query}", params={"page": page, "key": TOKEN})
                    yield to_page(body)
                    page = body["next"]

            yield from collect("testsvc", query, pages(), client, max_pages=10, run_id="run")

    @dlt.source(name="testsvc")
    def source() -> Any:
        return mentions()

    return source()


test_source.__test__ = False  # a factory, not a test


def reconciled(warehouse: Path) -> None:
    bad = rows(
        warehouse,
        "select * from raw.testsvc_runs where fetched <> loaded + quarantined + duplicates",
    )
    assert not bad


def test_pages_load_once_and_a_second_run_stops_at_the_cursor(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        server.route("/q", Reply.text(page_body(items(0, 3), 2)), params={"page": "1"})
        server.route("/q", Reply.text(page_body(items(3, 3), 3)), params={"page": "2"})
        server.route("/q", Reply.text(page_body(items(6, 2), None)), params={"page": "3"})
        load(warehouse, test_source(server.url, ["q"]))
        assert rows(
            warehouse, "select count(*), count(distinct post_id) from raw.testsvc_mentions"
        ) == [(8, 8)]
        assert rows(
            warehouse,
            "select fetched, loaded, duplicates, pages, stopped_because from raw.testsvc_runs",
        ) == [(8, 8, 0, 3, "last_page")]
        # Two new posts appear on top; the first page now reaches what was loaded.
        server.route("/q", Reply.text(page_body(items(-2, 3), 2)), params={"page": "1"})
        load(warehouse, test_source(server.url, ["q"]))
        assert len(server.requests_to("/q")) == 4  # one page, not three
    assert rows(warehouse, "select count(*) from raw.testsvc_mentions") == [(10,)]
    second = rows(
        warehouse,
        "select fetched, loaded, duplicates, stopped_because from raw.testsvc_runs order by started_at",
    )[1]
    assert second == (3, 2, 1, "caught_up")
    reconciled(warehouse)


def test_429_with_retry_after_and_500_are_retried(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        server.route(
            "/q",
            Reply.text('{"error": "slow down"}', status=429, **{"Retry-After": "1"}),
            Reply.text("oops", status=500),
            Reply.text(page_body(items(0, 2), None)),
        )
        started = time.monotonic()
        load(warehouse, test_source(server.url, ["q"]))
        assert time.monotonic() - started >= 1.0  # Retry-After was honoured
        assert len(server.requests_to("/q")) == 3
    assert rows(warehouse, "select count(*) from raw.testsvc_mentions") == [(2,)]
    # Nothing was quarantined, and the table is there for analysts to query all the same.
    assert rows(warehouse, "select count(*) from raw.testsvc_quarantine") == [(0,)]


def test_a_truncated_page_is_quarantined_and_other_queries_go_on(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    truncated = page_body(items(0, 2), None)[:-25]
    with FixtureServer() as server:
        server.route("/broken", Reply.text(truncated))
        server.route("/fine", Reply.text(page_body(items(10, 2), None)))
        load(warehouse, test_source(server.url, ["broken", "fine"]))
    assert rows(warehouse, "select count(*) from raw.testsvc_mentions") == [(2,)]
    ((query, reason, payload),) = rows(
        warehouse, "select query, reason, payload from raw.testsvc_quarantine"
    )
    assert query == "broken" and "not valid JSON" in reason and payload == truncated
    runs = dict(rows(warehouse, "select query, stopped_because from raw.testsvc_runs"))
    assert runs["broken"].startswith("error: testsvc:") and runs["fine"] == "last_page"
    reconciled(warehouse)


def test_records_without_id_or_date_are_quarantined_with_a_reason(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    records = items(0, 3)
    records[1]["id"] = None
    records[2]["created"] = "yesterday-ish"
    with FixtureServer() as server:
        server.route("/q", Reply.text(page_body(records, None)))
        load(warehouse, test_source(server.url, ["q"]))
    assert rows(warehouse, "select post_id from raw.testsvc_mentions") == [("p0",)]
    assert sorted(rows(warehouse, "select reason, record_id from raw.testsvc_quarantine")) == [
        ("no id", None),
        ("no publication date", "p2"),
    ]
    reconciled(warehouse)
    # Quarantined again by the next run, kept once.
    with FixtureServer() as server:
        server.route("/q", Reply.text(page_body(records, None)))
        load(warehouse, test_source(server.url, ["q"]))
    assert rows(warehouse, "select count(*) from raw.testsvc_quarantine") == [(2,)]


def test_a_timeout_is_reported_without_the_secret_and_keeps_the_cursor(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        server.route("/q", Reply.text(page_body(items(0, 2), None), delay_seconds=2.5))
        with caplog.at_level(logging.WARNING):
            load(warehouse, test_source(server.url, ["q"]))
    ((stopped, cursor_after),) = rows(
        warehouse, "select stopped_because, cursor_after from raw.testsvc_runs"
    )
    assert stopped.startswith("error: testsvc:") and "Timeout" in stopped
    assert cursor_after == ""
    assert TOKEN not in stopped and "key=***" in stopped
    assert TOKEN not in caplog.text and "testsvc" in caplog.text


def test_a_401_names_the_service_and_url_but_not_the_token(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        server.route("/q", Reply.text(f'{{"error": "bad token {TOKEN}"}}', status=401))
        load(warehouse, test_source(server.url, ["q"]))
        ((stopped,),) = rows(warehouse, "select stopped_because from raw.testsvc_runs")
        assert len(server.requests_to("/q")) == 1  # a 4xx other than 429 is not retried
    assert "HTTP 401" in stopped and TOKEN not in stopped and "/q?page=1&key=***" in stopped
