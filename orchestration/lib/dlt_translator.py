"""How dlt resources appear in the asset graph."""

from __future__ import annotations

from dagster import AssetKey, AssetSpec
from dagster_dlt import DagsterDltTranslator
from dagster_dlt.translator import DltResourceTranslatorData

from ecoute.settings import RAW_SCHEMA
from orchestration.lib.constants import INGESTION_GROUP, OWNERS


def raw_table_key(table_name: str) -> AssetKey:
    """`raw/<table>`: the key dbt sources point at with `meta.dagster.asset_key`."""
    return AssetKey([RAW_SCHEMA, table_name])


class RawTableTranslator(DagsterDltTranslator):
    """One asset per raw table, keyed `raw/<table>`, with no upstream stub.

    dlt's default translator adds a non-materialisable upstream asset per
    resource; our raw tables *are* the start of the graph. Child tables (a list
    column unnested by dlt, e.g. `mentions__topics`) are not separate assets: our
    sources yield flat Arrow tables, and a child table is part of its parent's load.
    """

    def get_asset_spec(self, data: DltResourceTranslatorData) -> AssetSpec:
        default = super().get_asset_spec(data)
        resource = data.resource
        table_name = resource.table_name if isinstance(resource.table_name, str) else resource.name
        description = (resource.__doc__ or "").strip() or (
            f"Raw `{table_name}` rows loaded by dlt from the `{resource.source_name}` source."
        )
        return default.replace_attributes(
            key=raw_table_key(table_name),
            deps=[],
            group_name=INGESTION_GROUP,
            description=description,
            owners=OWNERS,
            kinds={"dlt", "duckdb"},
        )
