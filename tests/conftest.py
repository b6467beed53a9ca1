"""Shared fixtures. Every test that touches a warehouse gets its own temporary DuckDB file."""

from __future__ import annotations

import os

import pytest

from ecoute.settings import TELEMETRY_OFF

for key, value in TELEMETRY_OFF.items():
    os.environ.setdefault(key, value)


@pytest.fixture(scope="session", autouse=True)
def dagster_home(tmp_path_factory: pytest.TempPathFactory):
    """Dagster's run history goes to a fresh folder, never the developer's `.dagster_home`."""
    home = tmp_path_factory.mktemp("dagster_home")
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("DAGSTER_HOME", None)
    else:
        os.environ["DAGSTER_HOME"] = previous
