"""The Écoute code location: assembles assets, checks, jobs and schedules, nothing more."""

from __future__ import annotations

import dagster as dg

from ecoute.progress import progress_logger
from orchestration.defs.connectors import connector_feeds
from orchestration.defs.corrections import corrections_job, corrections_sensor
from orchestration.defs.files import files_job, files_sensor
from orchestration.defs.ingestion import (
    corrections_tables,
    demo_feed_tables,
    ingestion_resources,
    listening_config_tables,
    reference_data_tables,
)
from orchestration.defs.quality import fct_mentions_expectations
from orchestration.defs.schedules import daily_listening_schedule, listening_job
from orchestration.defs.transform import dbt_models, transform_resources

defs = dg.Definitions(
    assets=[
        listening_config_tables,
        reference_data_tables,
        demo_feed_tables,
        corrections_tables,
        *connector_feeds,
        dbt_models,
    ],
    asset_checks=[fct_mentions_expectations],
    jobs=[listening_job, corrections_job, files_job],
    schedules=[daily_listening_schedule],
    sensors=[corrections_sensor, files_sensor],
    resources={**ingestion_resources, **transform_resources},
    loggers={"console": dg.colored_console_logger, "progress": progress_logger},
    # DuckDB has one writer: steps run one after another in the run's process.
    executor=dg.in_process_executor,
)
