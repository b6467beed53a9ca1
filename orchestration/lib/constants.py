"""Names shared by the asset definitions."""

OWNERS = ["team:data"]
INGESTION_GROUP = "ingestion"
# dbt layers become Dagster groups of the same name.
DBT_LAYER_GROUPS = ("staging", "intermediate", "marts")
