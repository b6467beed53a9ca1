"""Great Expectations suites from `expectations/` as Dagster asset checks."""

import dagster as dg

from ecoute.warehouse import query
from orchestration.lib.great_expectations import columns_of, load_suite, validate

FCT_MENTIONS = dg.AssetKey(["marts", "fct_mentions"])


@dg.asset_check(
    asset=FCT_MENTIONS,
    name="fct_mentions_expectations",
    description=(
        "Great Expectations suite `expectations/fct_mentions.json`: ids unique and present, "
        "sentiment in range, languages normalised, no HTML entities left, measures non-negative."
    ),
)
def fct_mentions_expectations() -> dg.AssetCheckResult:
    suite = load_suite("fct_mentions")
    columns = ", ".join(f'"{c}"' for c in columns_of(suite))
    frame = query(f"select {columns} from marts.fct_mentions").to_pandas()
    outcome = validate(frame, suite)
    return dg.AssetCheckResult(
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "rows_validated": len(frame),
            "expectations_evaluated": outcome.evaluated,
            "expectations_failed": len(outcome.failures),
            "failures": dg.MetadataValue.json(outcome.failures),
        },
    )
