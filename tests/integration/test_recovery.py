"""A load interrupted at any stage leaves `raw` consistent, and the next run completes it exactly."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from dlt.pipeline.exceptions import PipelineStepFailed

from ecoute.settings import WAREHOUSE_ENV
from ingestion.demo import demo
from ingestion.pipeline import warehouse_pipeline

WINDOW = {"mentions": 3_000, "start": date(2026, 9, 1), "end": date(2026, 9, 10), "seed": 5}


@pytest.fixture
def warehouse(tmp_path, monkeypatch):
    path = tmp_path / "recovery.duckdb"
    monkeypatch.setenv(WAREHOUSE_ENV, str(path))
    return path


def raw_count(path) -> int:
    with duckdb.connect(str(path), read_only=True) as connection:
        exists = connection.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'raw' and table_name = 'demo_mentions'"
        ).fetchone()[0]
        if not exists:
            return 0
        return connection.execute("select count(*) from raw.demo_mentions").fetchone()[0]


def test_crash_between_normalize_and_load_is_completed_by_the_next_run(warehouse):
    pipeline = warehouse_pipeline("demo")
    pipeline.extract(demo(**WINDOW))
    pipeline.normalize()
    # The process dies here: the normalised package is on disk, nothing is in the warehouse.
    assert pipeline.list_normalized_load_packages()
    assert not warehouse.exists() or raw_count(warehouse) == 0

    fresh = warehouse_pipeline("demo")  # a new process finds the pending package
    fresh.run(demo(**WINDOW))
    assert not fresh.list_normalized_load_packages()
    assert raw_count(warehouse) == WINDOW["mentions"]


def failing_after(days: int):
    """The demo source whose feed breaks after `days` daily batches, as a real API would mid-run."""
    delivered = 0

    def break_after_days(table):
        nonlocal delivered
        if delivered == days:
            raise ConnectionError("feed went away")
        delivered += 1
        return table

    source = demo(**WINDOW)
    source.resources["demo_mentions"].add_map(break_after_days)
    return source


def test_source_failing_mid_extract_loads_nothing_then_recovers(warehouse):
    with pytest.raises(PipelineStepFailed, match="feed went away"):
        warehouse_pipeline("demo").run(failing_after(days=2))
    assert raw_count(warehouse) == 0, "a failed extract must not half-load"

    warehouse_pipeline("demo").run(demo(**WINDOW))
    assert raw_count(warehouse) == WINDOW["mentions"]

    # A failure on a warehouse that already holds the window changes nothing either.
    with pytest.raises(PipelineStepFailed, match="feed went away"):
        warehouse_pipeline("demo").run(failing_after(days=5))
    warehouse_pipeline("demo").run(demo(**WINDOW))
    assert raw_count(warehouse) == WINDOW["mentions"]
