"""Where things live. One place resolves every path the tools share.

dlt, the dbt profile and the Dagster resources must all open the *same* DuckDB
file; Dagster runs dbt from `transform/`, so a relative path would point
elsewhere there. Everything here is absolute.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TRANSFORM_DIR = REPO_ROOT / "transform"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"

WAREHOUSE_ENV = "ECOUTE_WAREHOUSE"
CONFIG_ENV = "ECOUTE_CONFIG"
CORRECTIONS_ENV = "ECOUTE_CORRECTIONS"

# dbt is installed beside this interpreter: the virtualenv need not be on PATH.
DBT_EXECUTABLE = Path(sys.executable).with_name("dbt")

DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "ecoute.duckdb"
DEFAULT_CONFIG = REPO_ROOT / "listening.yml"
DEFAULT_CORRECTIONS = REPO_ROOT / "corrections"

# Schemas of the warehouse, one job each.
RAW_SCHEMA = "raw"

# The machines have no network: every tool's telemetry would only wait on it.
TELEMETRY_OFF = {
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    "RUNTIME__DLTHUB_TELEMETRY": "false",
    "GX_ANALYTICS_ENABLED": "false",
    "DAGSTER_DISABLE_TELEMETRY": "true",
}


def warehouse_path() -> Path:
    """The DuckDB file of the warehouse: `$ECOUTE_WAREHOUSE` or `warehouse/ecoute.duckdb`."""
    configured = os.environ.get(WAREHOUSE_ENV)
    path = Path(configured).expanduser() if configured else DEFAULT_WAREHOUSE
    return path.resolve()


def config_path() -> Path:
    """The listening configuration: `$ECOUTE_CONFIG` or `listening.yml` at the repo root."""
    configured = os.environ.get(CONFIG_ENV)
    path = Path(configured).expanduser() if configured else DEFAULT_CONFIG
    return path.resolve()


def corrections_folder() -> Path:
    """Where analysts drop corrections files: `$ECOUTE_CORRECTIONS` or `corrections/` at the repo root."""
    configured = os.environ.get(CORRECTIONS_ENV)
    path = Path(configured).expanduser() if configured else DEFAULT_CORRECTIONS
    return path.resolve()


def prepare_environment() -> Path:
    """Export the resolved warehouse path and switch telemetry off; returns the warehouse path.

    The dbt profile reads `ECOUTE_WAREHOUSE`, so it must hold the absolute path
    before dbt starts, wherever dbt is started from.
    """
    for key, value in TELEMETRY_OFF.items():
        os.environ.setdefault(key, value)
    path = warehouse_path()
    os.environ[WAREHOUSE_ENV] = str(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
