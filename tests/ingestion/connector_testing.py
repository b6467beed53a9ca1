"""What every connector test does: load a dlt source into a DuckDB file as the pipeline does, and read it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dlt
import duckdb


def load(warehouse: Path, source: Any) -> None:
    """Run `source` through a real dlt pipeline into `raw` of `warehouse`, its state beside the file.

    The state (each query's cursor) persists between calls on the same file,
    as between two scheduled runs.
    """
    dlt.pipeline(
        pipeline_name=f"{source.name}_test",
        destination=dlt.destinations.duckdb(str(warehouse)),
        dataset_name="raw",
        pipelines_dir=str(warehouse.parent / ".dlt"),
    ).run(source)


def rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql).fetchall()
