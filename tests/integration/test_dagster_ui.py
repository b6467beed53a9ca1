"""`make dev`: the real Dagster webserver loads the code location with every asset, check and schedule.

Started as `make dev` starts it, with the virtualenv *not* on PATH (as when
`.venv/bin/dagster` is called directly), and asked over its GraphQL API.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from ecoute.settings import REPO_ROOT

pytestmark = pytest.mark.slow

WORKSPACE = """{ workspaceOrError { ... on Workspace { locationEntries { name
  locationOrLoadError { __typename ... on PythonError { message }
    ... on RepositoryLocation { repositories { name schedules { name cronSchedule } } } } } } } }"""
ASSETS = """{ assetNodes { assetKey { path } description
  owners { ... on TeamAssetOwner { team } }
  assetChecksOrError { ... on AssetChecks { checks { name } } } } }"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)["data"]


@pytest.fixture(scope="module")
def webserver(warehouse_env):
    port = _free_port()
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    process = subprocess.Popen(
        [sys.executable, "-m", "dagster", "dev", "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                entries = _graphql(port, WORKSPACE)["workspaceOrError"]["locationEntries"]
                if entries and entries[0]["locationOrLoadError"] is not None:
                    break
            except (urllib.error.URLError, ConnectionError, KeyError, TypeError):
                pass
            assert process.poll() is None, process.stderr.read().decode()[-3000:]
            assert time.monotonic() < deadline, "the Dagster webserver did not come up in 180 s"
            time.sleep(1)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def test_the_code_location_loads_with_its_schedule(webserver):
    (entry,) = _graphql(webserver, WORKSPACE)["workspaceOrError"]["locationEntries"]
    location = entry["locationOrLoadError"]
    assert location["__typename"] == "RepositoryLocation", location.get("message")
    schedules = {
        s["name"]: s["cronSchedule"] for r in location["repositories"] for s in r["schedules"]
    }
    assert schedules == {"daily_listening": "0 6 * * *"}


def test_every_asset_is_described_owned_and_the_marts_are_checked(webserver):
    nodes = _graphql(webserver, ASSETS)["assetNodes"]
    keys = {"/".join(n["assetKey"]["path"]): n for n in nodes}
    assert {"raw/demo_mentions", "marts/fct_mentions", "marts/mart_share_of_voice"} <= set(keys)
    assert not [k for k, n in keys.items() if not n["description"]]
    assert not [k for k, n in keys.items() if not n["owners"]]
    checks = {k: {c["name"] for c in n["assetChecksOrError"]["checks"]} for k, n in keys.items()}
    assert "fct_mentions_expectations" in checks["marts/fct_mentions"]
    assert all(checks[k] for k in keys if k.startswith("marts/"))
