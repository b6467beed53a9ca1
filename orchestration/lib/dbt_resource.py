"""The dbt CLI resource, told which dbt it runs instead of asking.

dagster-dbt learns the dbt version by running `dbt --version` once per run,
which costs about 9 s here (dbt's imports, then a query to PyPI for the latest
release). The dbt it runs is the dbt-core installed beside this interpreter
(`DBT_EXECUTABLE`), so the installed package's metadata gives the same answer
for free.
"""

from functools import cached_property
from importlib.metadata import version as installed_version

from dagster_dbt import DbtCliResource
from packaging.version import Version


class InstalledDbtCliResource(DbtCliResource):
    """`DbtCliResource` for the dbt-core installed in this environment (not dbt Fusion)."""

    @cached_property
    def _cli_version(self) -> Version:
        return Version(installed_version("dbt-core"))
