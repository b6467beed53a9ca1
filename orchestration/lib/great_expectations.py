"""Great Expectations 1.x suites kept as JSON in `expectations/`, run on a dataframe.

dagster-ge only supports GX < 1.0, and GX 1.x has no DuckDB data source, so
the table is read from DuckDB by the caller and validated here as a pandas
dataframe in an ephemeral context. Nothing here knows about Dagster.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ecoute.settings import EXPECTATIONS_DIR


@dataclass(frozen=True)
class SuiteOutcome:
    """What a suite found: overall success and, for each failed expectation, what failed."""

    suite: str
    success: bool
    evaluated: int
    failures: list[dict[str, Any]] = field(default_factory=list)


def suite_path(name: str) -> Path:
    return EXPECTATIONS_DIR / f"{name}.json"


def load_suite(name: str) -> dict[str, Any]:
    """The suite `expectations/<name>.json` as a dict (`name`, `expectations`)."""
    path = suite_path(name)
    try:
        suite = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(
            f"{path}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}"
        ) from None
    if not isinstance(suite.get("expectations"), list) or not suite["expectations"]:
        raise ValueError(f"{path}: a suite needs a non-empty `expectations` list")
    return suite


def columns_of(suite: dict[str, Any]) -> list[str]:
    """The columns a suite looks at, so only those are read from the warehouse."""
    columns = {e["kwargs"]["column"] for e in suite["expectations"] if "column" in e["kwargs"]}
    return sorted(columns)


def validate(frame: pd.DataFrame, suite: dict[str, Any]) -> SuiteOutcome:
    """Run every expectation of `suite` on `frame`."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx  # slow to import: only when a check runs
    from great_expectations.core.expectation_suite import ExpectationSuite
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    batch = (
        context.data_sources.add_pandas("warehouse")
        .add_dataframe_asset(suite["name"])
        .add_batch_definition_whole_dataframe("whole_table")
    )
    expectation_suite = ExpectationSuite(name=suite["name"])
    for expectation in suite["expectations"]:
        expectation_suite.add_expectation_configuration(
            ExpectationConfiguration(
                type=expectation["type"],
                kwargs=expectation["kwargs"],
                meta=expectation.get("meta", {}),
            )
        )
    definition = gx.ValidationDefinition(
        name=f"{suite['name']}_on_whole_table",
        data=batch,
        suite=context.suites.add(expectation_suite),
    )
    result = context.validation_definitions.add(definition).run(
        batch_parameters={"dataframe": frame}, result_format="SUMMARY"
    )
    failures = [
        {
            "expectation": item.expectation_config.type,
            "column": item.expectation_config.kwargs.get("column"),
            "unexpected_count": item.result.get("unexpected_count"),
            "unexpected_sample": [
                str(v) for v in item.result.get("partial_unexpected_list", [])[:5]
            ],
            "observed_value": _plain(item.result.get("observed_value")),
        }
        for item in result.results
        if not item.success
    ]
    return SuiteOutcome(
        suite=suite["name"],
        success=bool(result.success),
        evaluated=len(result.results),
        failures=failures,
    )


def _plain(value: Any) -> Any:
    return value if isinstance(value, (int, float, str, bool, type(None))) else str(value)
