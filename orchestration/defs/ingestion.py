"""dlt assets: the raw tables of the warehouse."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import dagster as dg
from dagster_dlt import DagsterDltResource, dlt_assets

from ecoute.config import load_config
from ingestion.demo import demo
from ingestion.listening_config import listening_config
from ingestion.pipeline import warehouse_pipeline
from ingestion.reference_data import reference_data
from orchestration.lib.dlt_translator import RawTableTranslator
from orchestration.lib.table_metadata import table_metadata


class DemoFeedConfig(dg.Config):
    """Overrides of `sources.demo` in `listening.yml` for one run; unset fields keep the file's value."""

    mentions: int | None = None
    start: str | None = None
    end: str | None = None
    seed: int | None = None


def demo_arguments(overrides: DemoFeedConfig) -> dict[str, Any]:
    """Arguments of the demo source: the configured `sources.demo`, then this run's overrides."""
    configured = load_config().sources.demo
    return {
        "mentions": overrides.mentions if overrides.mentions is not None else configured.mentions,
        "start": date.fromisoformat(overrides.start) if overrides.start else configured.start,
        "end": date.fromisoformat(overrides.end) if overrides.end else configured.end,
        "seed": overrides.seed if overrides.seed is not None else configured.seed,
    }


@dlt_assets(
    dlt_source=listening_config(),
    dlt_pipeline=warehouse_pipeline("listening_config"),
    name="listening_config",
    dagster_dlt_translator=RawTableTranslator(),
)
def listening_config_tables(
    context: dg.AssetExecutionContext, dlt: DagsterDltResource
) -> Iterator[Any]:
    """Reload `listening.yml` into `raw` so the next dbt build re-applies it to all history."""
    yield from with_table_metadata(
        dlt.run(
            context=context,
            dlt_source=listening_config(),
            dlt_pipeline=warehouse_pipeline("listening_config"),
        )
    )


@dlt_assets(
    dlt_source=reference_data(),
    dlt_pipeline=warehouse_pipeline("reference_data"),
    name="reference_data",
    dagster_dlt_translator=RawTableTranslator(),
)
def reference_data_tables(
    context: dg.AssetExecutionContext, dlt: DagsterDltResource
) -> Iterator[Any]:
    """Reload lexicons and language markers into `raw` so the next build re-reads all history."""
    yield from with_table_metadata(
        dlt.run(
            context=context,
            dlt_source=reference_data(),
            dlt_pipeline=warehouse_pipeline("reference_data"),
        )
    )


@dlt_assets(
    dlt_source=demo(),
    dlt_pipeline=warehouse_pipeline("demo"),
    name="demo_feed",
    dagster_dlt_translator=RawTableTranslator(),
)
def demo_feed_tables(
    context: dg.AssetExecutionContext, dlt: DagsterDltResource, config: DemoFeedConfig
) -> Iterator[Any]:
    """Generate the demo feed for the configured window and merge it into `raw` on `post_id`."""
    arguments = demo_arguments(config)
    context.log.info(
        "demo feed: %s mentions from %s to %s (seed %s)",
        f"{arguments['mentions']:,}",
        arguments["start"],
        arguments["end"],
        arguments["seed"],
    )
    yield from with_table_metadata(
        dlt.run(
            context=context,
            dlt_source=demo(**arguments),
            dlt_pipeline=warehouse_pipeline("demo"),
        )
    )


def with_table_metadata(events: Iterator[Any]) -> Iterator[Any]:
    """dlt's materialisations with the row count and a preview of each raw table.

    dlt has loaded and let go of the warehouse by the time it reports, so the
    tables are read here; `rows_loaded` (this run) comes from dlt itself.
    """
    for event in events:
        extra = table_metadata(event.asset_key, preview=True)
        yield dg.MaterializeResult(asset_key=event.asset_key, metadata={**event.metadata, **extra})


ingestion_resources = {"dlt": DagsterDltResource()}
