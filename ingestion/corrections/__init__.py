"""Analysts' corrections as a raw table: append-only, one row per correction ever made.

Rows arrive checked (`ecoute.corrections`) from `ecoute corrections add|import`
or from the CSV files of the corrections folder, which every run reloads.
Merging on `correction_id` (a hash of the correction's content and origin)
makes loading the same file twice a no-op; nothing is ever updated or deleted,
so the table is the audit trail and the marts read the latest correction of
each mention.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlt
import polars as pl

from ecoute.corrections import CORRECTION_SCHEMA, read_corrections_file

CORRECTION_COLUMNS = {
    "correction_id": {"data_type": "text"},
    "mention_id": {"data_type": "text"},
    "sentiment": {"data_type": "text"},
    "intents": {"data_type": "text"},
    "corrected_by": {"data_type": "text"},
    "corrected_at": {"data_type": "timestamp"},
    "reason": {"data_type": "text"},
    "origin": {"data_type": "text"},
}


@dlt.source(name="corrections")
def corrections(rows: pl.DataFrame) -> Any:
    """The given corrections (checked, in `ecoute.corrections.CORRECTION_SCHEMA`)."""
    return corrections_resource(rows)


@dlt.resource(
    name="corrections",
    write_disposition="merge",
    primary_key="correction_id",
    columns=CORRECTION_COLUMNS,
)
def corrections_resource(rows: pl.DataFrame) -> Iterator[Any]:
    """One row per correction: mention, corrected sentiment and/or intents, who, when, why, from where."""
    # Even empty, so the table exists for dbt before the first correction.
    table = rows.select(list(CORRECTION_SCHEMA)).to_arrow()
    key = table.schema.get_field_index("correction_id")
    # A primary key is never null: say so in the Arrow schema too, as dlt's hints do.
    yield table.cast(table.schema.set(key, table.schema.field(key).with_nullable(False)))


def corrections_in_folder(folder: Path, known_intents: list[str]) -> pl.DataFrame:
    """Every correction of the `*.csv` and `*.tsv` files of `folder` (none when it does not exist)."""
    files = (
        sorted(path for path in folder.glob("*") if path.suffix.lower() in {".csv", ".tsv"})
        if folder.is_dir()
        else []
    )
    frames = [read_corrections_file(path, known_intents) for path in files]
    return pl.concat(frames) if frames else pl.DataFrame(schema=CORRECTION_SCHEMA)


def load_corrections(rows: pl.DataFrame) -> int:
    """Load checked corrections into the warehouse of `$ECOUTE_WAREHOUSE`; returns the rows new to it."""
    from ingestion.pipeline import warehouse_pipeline

    pipeline = warehouse_pipeline("corrections")
    before = _stored_ids(pipeline)
    pipeline.run(corrections(rows))
    return rows.filter(~pl.col("correction_id").is_in(list(before))).height


def _stored_ids(pipeline: Any) -> set[str]:
    """The ids already in `raw.corrections`; none before its first load."""
    from dlt.destinations.exceptions import DatabaseUndefinedRelation

    try:
        with pipeline.sql_client() as client:
            return {row[0] for row in client.execute_sql("select correction_id from corrections")}
    except DatabaseUndefinedRelation:
        return set()
