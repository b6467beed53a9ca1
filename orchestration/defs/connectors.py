"""One dlt asset per source connector (`ingestion/connectors.py`): fetch what is new, load it into `raw`.

A connector that `listening.yml` does not enable, or whose credentials are
missing, fetches nothing: its materialisation says why. Each run's counts per
query (fetched = loaded + quarantined + duplicates) are the asset's metadata.
"""

# No `from __future__ import annotations` here: Dagster compares the `context`
# annotation of an asset function with its context classes, not with a string.
from collections.abc import Iterator
from typing import Any

import dagster as dg
from dagster_dlt import DagsterDltResource, dlt_assets

from ecoute.config import load_config
from ecoute.warehouse import markdown_preview, query
from ingestion.common.connector import Connector
from ingestion.connectors import CONNECTORS
from ingestion.pipeline import warehouse_pipeline
from orchestration.defs.ingestion import with_table_metadata
from orchestration.lib.dlt_translator import RawTableTranslator


def connector_assets(connector: Connector) -> Any:
    default_settings = connector.settings(None)

    def fetch(context: dg.AssetExecutionContext, dlt: DagsterDltResource) -> Iterator[Any]:
        settings = connector.settings(load_config())
        why_not = _why_it_cannot_run(connector, settings)
        if why_not:
            context.log.info("%s: nothing fetched: %s", connector.name, why_not)
            for key in context.selected_asset_keys:
                yield dg.MaterializeResult(asset_key=key, metadata={"fetched": why_not})
            return
        events = dlt.run(
            context=context,
            dlt_source=connector.source(settings),
            dlt_pipeline=warehouse_pipeline(connector.name),
        )
        for event in with_table_metadata(events):
            yield dg.MaterializeResult(
                asset_key=event.asset_key,
                metadata={**event.metadata, **_last_run_counts(connector.name)},
            )

    fetch.__doc__ = connector.description
    return dlt_assets(
        dlt_source=connector.source(default_settings),
        dlt_pipeline=warehouse_pipeline(connector.name),
        name=f"{connector.name}_feed",
        dagster_dlt_translator=RawTableTranslator(),
    )(fetch)


def _why_it_cannot_run(connector: Connector, settings: Any) -> str | None:
    if not settings.enabled:
        return f"not enabled (listening.yml: sources.{connector.name}.enabled)"
    if not connector.is_configured(settings):
        return f"nothing to fetch configured under sources.{connector.name}"
    missing = connector.missing_credentials()
    if missing:
        return "missing credentials: " + ", ".join(c.env_var for c in missing)
    return None


def _last_run_counts(name: str) -> dict[str, dg.MetadataValue]:
    """The counts of the run just loaded, per query: they reconcile, and the table shows it."""
    runs = query(
        f"select query, fetched, loaded, quarantined, duplicates, pages, stopped_because"
        f" from raw.{name}_runs where _dlt_load_id = (select max(_dlt_load_id) from raw.{name}_runs)"
        f" order by query"
    )
    if runs.is_empty():
        return {}
    return {
        "fetched": dg.MetadataValue.int(int(runs["fetched"].sum())),
        "loaded": dg.MetadataValue.int(int(runs["loaded"].sum())),
        "quarantined": dg.MetadataValue.int(int(runs["quarantined"].sum())),
        "duplicates": dg.MetadataValue.int(int(runs["duplicates"].sum())),
        "queries": dg.MetadataValue.md(markdown_preview(runs)),
    }


connector_feeds = [connector_assets(connector) for connector in CONNECTORS]
