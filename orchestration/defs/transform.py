"""dbt assets: staging, intermediate and mart models, with dbt tests as asset checks."""

import os
from collections.abc import Iterator
from typing import Any

import dagster as dg
from dagster_dbt import DbtCliResource, DbtProject, dbt_assets

from ecoute.manifest import prepare_manifest
from ecoute.settings import DBT_EXECUTABLE, TRANSFORM_DIR, prepare_environment
from orchestration.lib.dbt_resource import InstalledDbtCliResource
from orchestration.lib.dbt_translator import LayeredDbtTranslator
from orchestration.lib.table_metadata import table_metadata

prepare_environment()

dbt_project = DbtProject(project_dir=TRANSFORM_DIR, profiles_dir=TRANSFORM_DIR)
# Under `dagster dev` a stale manifest is re-parsed, so edits show up on reload; elsewhere
# it was prepared at install time (`ecoute prepare`) and loading never parses dbt.
# (dagster-dbt's own `prepare_if_dev` would look for `dbt` on PATH.)
if os.getenv("DAGSTER_IS_DEV_CLI"):
    prepare_manifest()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=LayeredDbtTranslator(),
)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource) -> Iterator[Any]:
    """Build and test the dbt models (staging → intermediate → marts) in DAG order."""
    # The DuckDB file has one writer, the dbt process: row counts and previews are
    # read once it has exited, not while it builds (dagster-dbt's fetch_row_counts
    # would open the file from this process mid-build).
    events = list(dbt.cli(["build"], context=context).stream())
    for event in events:
        if isinstance(event, dg.Output) and event.output_name:
            key = context.asset_key_for_output(event.output_name)
            extra = table_metadata(key, preview=key.path[0] == "marts")
            yield event.with_metadata({**event.metadata, **extra})
        else:
            yield event


transform_resources = {
    "dbt": InstalledDbtCliResource(project_dir=dbt_project, dbt_executable=str(DBT_EXECUTABLE))
}
