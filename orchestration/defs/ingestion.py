"""dlt assets: the raw tables of the warehouse."""

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import dagster as dg
import polars as pl
from dagster_dlt import DagsterDltResource, dlt_assets

from ecoute.config import load_config
from ecoute.corrections import CORRECTION_SCHEMA
from ecoute.settings import corrections_folder
from ingestion.corrections import corrections, corrections_in_folder
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


def reloaded_tables(name: str, source: Callable[[], Any], description: str) -> Any:
    """dlt assets that reload a source of reviewed files into `raw` on every run (replace).

    What they hold (configuration, lexicons) is re-read from git each run, so the
    next dbt build re-applies it to all stored mentions.
    """

    def reload(context: dg.AssetExecutionContext, dlt: DagsterDltResource) -> Iterator[Any]:
        yield from with_table_metadata(
            dlt.run(context=context, dlt_source=source(), dlt_pipeline=warehouse_pipeline(name))
        )

    reload.__doc__ = description
    return dlt_assets(
        dlt_source=source(),
        dlt_pipeline=warehouse_pipeline(name),
        name=name,
        dagster_dlt_translator=RawTableTranslator(),
    )(reload)


listening_config_tables = reloaded_tables(
    "listening_config",
    listening_config,
    "Reload `listening.yml` into `raw` so the next dbt build re-applies it to all history.",
)
reference_data_tables = reloaded_tables(
    "reference_data",
    reference_data,
    "Reload lexicons and language markers into `raw` so the next build re-reads all history.",
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


@dlt_assets(
    dlt_source=corrections(pl.DataFrame(schema=CORRECTION_SCHEMA)),
    dlt_pipeline=warehouse_pipeline("corrections"),
    name="corrections_files",
    dagster_dlt_translator=RawTableTranslator(),
)
def corrections_tables(context: dg.AssetExecutionContext, dlt: DagsterDltResource) -> Iterator[Any]:
    """Load the analysts' corrections files (`$ECOUTE_CORRECTIONS`, default `corrections/`) into `raw`.

    Every run re-reads the folder; a correction already loaded is not loaded
    again (its id hashes its content and origin), and corrections made with
    `ecoute corrections add|import` are kept: the table only grows.
    """
    folder = corrections_folder()
    rows = corrections_in_folder(folder, sorted(load_config().intent_rules))
    context.log.info("corrections: %s rows in the files of %s", f"{rows.height:,}", folder)
    yield from with_table_metadata(
        dlt.run(
            context=context,
            dlt_source=corrections(rows),
            dlt_pipeline=warehouse_pipeline("corrections"),
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
