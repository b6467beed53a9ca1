"""How dbt nodes appear in the asset graph: keyed and grouped by warehouse layer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dagster import AssetKey
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings

from orchestration.lib.constants import OWNERS


def layer_of(dbt_resource_props: Mapping[str, Any]) -> str:
    """The warehouse layer (schema) a dbt model or seed is built in: staging, intermediate, marts."""
    return str(dbt_resource_props.get("schema") or dbt_resource_props["config"]["schema"])


class LayeredDbtTranslator(DagsterDbtTranslator):
    """`<schema>/<model>` keys (`marts/fct_mentions`), one group per layer, team ownership.

    Sources keep the key their `meta.dagster.asset_key` gives (`raw/<table>`), which
    joins them to the dlt assets that load them.
    """

    def __init__(self) -> None:
        super().__init__(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return AssetKey([layer_of(dbt_resource_props), dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return layer_of(dbt_resource_props)

    def get_owners(self, dbt_resource_props: Mapping[str, Any]) -> list[str]:
        return super().get_owners(dbt_resource_props) or OWNERS
