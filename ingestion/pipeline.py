"""The one dlt pipeline factory: every source loads into the `raw` schema of the warehouse."""

from __future__ import annotations

import os

import dlt
from dlt.pipeline.pipeline import Pipeline

from ecoute.settings import RAW_SCHEMA, prepare_environment


def warehouse_pipeline(source_name: str) -> Pipeline:
    """A dlt pipeline loading `source_name` into `raw` of the warehouse DuckDB file.

    The pipeline's working state (pending load packages, incremental cursors) lives
    beside the warehouse file rather than in the home directory: a run that crashed
    mid-load is completed by the next run against the same warehouse, and a test's
    temporary warehouse never sees the state of another.
    """
    warehouse = prepare_environment()
    # Arrow batches skip dlt's row normaliser, which is what stamps `_dlt_load_id`;
    # the staging models need it to tell loads apart, so ask for it explicitly.
    os.environ.setdefault("NORMALIZE__PARQUET_NORMALIZER__ADD_DLT_LOAD_ID", "true")
    return dlt.pipeline(
        pipeline_name=f"ecoute_{source_name}",
        destination=dlt.destinations.duckdb(str(warehouse)),
        dataset_name=RAW_SCHEMA,
        pipelines_dir=str(warehouse.parent / ".dlt" / warehouse.stem),
    )
