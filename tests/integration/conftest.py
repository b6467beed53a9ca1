"""One warehouse built end to end for the integration tests (the expensive part, done once)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ecoute.settings import CONFIG_ENV, CORRECTIONS_ENV, DEFAULT_CONFIG, WAREHOUSE_ENV

DEMO = {"mentions": 8_000, "start": "2026-09-01", "end": "2026-09-30", "seed": 11}


@dataclass
class BuiltWarehouse:
    path: Path
    first_run: object
    second_run: object

    def sql(self, statement: str, parameters: list[object] | None = None) -> list[tuple]:
        with duckdb.connect(str(self.path), read_only=True) as connection:
            return connection.execute(statement, parameters or []).fetchall()

    def scalar(self, statement: str, parameters: list[object] | None = None) -> object:
        return self.sql(statement, parameters)[0][0]


def run_listening_job(demo: dict[str, object]):
    """The job `ecoute run` executes, in this process, on an ephemeral Dagster instance."""
    import dagster as dg

    from ecoute.manifest import prepare_manifest
    from orchestration.definitions import defs

    prepare_manifest()
    return defs.resolve_job_def("listening_job").execute_in_process(
        run_config={"ops": {"demo_feed": {"config": demo}}},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )


@pytest.fixture(scope="session")
def warehouse_env(tmp_path_factory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("warehouse") / "ecoute.duckdb"
    previous = {key: os.environ.get(key) for key in (WAREHOUSE_ENV, CONFIG_ENV, CORRECTIONS_ENV)}
    os.environ[WAREHOUSE_ENV] = str(path)
    os.environ[CONFIG_ENV] = str(DEFAULT_CONFIG)
    # No analyst's corrections unless a test makes some (tests/integration/test_corrections.py).
    os.environ[CORRECTIONS_ENV] = str(tmp_path_factory.mktemp("corrections"))
    yield path
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def built(warehouse_env: Path) -> BuiltWarehouse:
    first = run_listening_job(DEMO)
    second = run_listening_job(DEMO)
    return BuiltWarehouse(path=warehouse_env, first_run=first, second_run=second)


@pytest.fixture(scope="session")
def demo_params():
    from ingestion.demo.generator import DemoParams

    return DemoParams(
        mentions=DEMO["mentions"],
        start=date.fromisoformat(DEMO["start"]),
        end=date.fromisoformat(DEMO["end"]),
        seed=DEMO["seed"],
    )
