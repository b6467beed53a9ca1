"""The Dagster code location: loads without parsing dbt, and every asset is described and owned."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ecoute.settings import REPO_ROOT, TRANSFORM_DIR

# A snapshot of the graph: a renamed table or a lost check shows up in review.
EXPECTED_ASSETS = {
    "raw/listening_topics",
    "raw/listening_topic_predicates",
    "raw/listening_topic_versions",
    "raw/listening_competitive_sets",
    "raw/listening_topic_competitive_sets",
    "raw/listening_reporting",
    "raw/listening_spam",
    "raw/demo_mentions",
    "raw/demo_injections",
    "raw/corrections",
    "intermediate/int_sentiment_learned_weights",
    "intermediate/int_mentions_learned_scored",
    "intermediate/int_mentions_model_scored",
    "intermediate/int_mentions_fingerprinted",
    "intermediate/int_fingerprints_near_matched",
    "intermediate/int_mentions_deduplicated",
    "intermediate/int_authors_spam_scored",
    "intermediate/int_mentions_spam_scored",
    "marts/fct_mentions",
    "marts/fct_mention_topics",
    "marts/dim_topics",
    "marts/mart_topic_daily",
    "marts/mart_share_of_voice",
    "marts/fct_corrections",
    "marts/dim_sentiment_models",
}


@pytest.fixture(scope="module")
def defs(warehouse_env):
    from ecoute.manifest import prepare_manifest

    prepare_manifest()
    from orchestration.definitions import defs

    return defs


@pytest.fixture(scope="module")
def asset_graph(defs):
    return defs.resolve_asset_graph()


def test_graph_snapshot(asset_graph):
    keys = {key.to_user_string() for key in asset_graph.get_all_asset_keys()}
    assert keys >= EXPECTED_ASSETS
    layers = {key.split("/")[0] for key in keys}
    assert layers == {"raw", "staging", "intermediate", "marts"}


def test_raw_tables_feed_the_staging_models(asset_graph):
    from dagster import AssetKey

    children = {
        k.to_user_string() for k in asset_graph.get(AssetKey(["raw", "demo_mentions"])).child_keys
    }
    assert "staging/stg_demo__mentions" in children
    # No stub upstream of a raw table: the graph starts at what dlt loads.
    parents = asset_graph.get(AssetKey(["raw", "demo_mentions"])).parent_keys
    assert not parents


def test_every_asset_is_described_owned_and_kinded(asset_graph):
    for key in asset_graph.get_all_asset_keys():
        node = asset_graph.get(key)
        if not node.is_materializable:
            continue
        name = key.to_user_string()
        assert node.description and node.description.strip(), f"{name} has no description"
        assert node.owners, f"{name} has no owner"
        assert node.kinds, f"{name} has no kind"


def test_checks_cover_the_marts(asset_graph):
    checked = {key.asset_key.to_user_string() for key in asset_graph.asset_check_keys}
    assert {
        "marts/fct_mentions",
        "marts/mart_share_of_voice",
        "marts/fct_mention_topics",
    } <= checked
    names = {key.name for key in asset_graph.asset_check_keys}
    assert "fct_mentions_expectations" in names


def test_job_and_daily_schedule(defs):
    job = defs.resolve_job_def("listening_job")
    assert job is not None
    schedule = defs.resolve_schedule_def("daily_listening")
    assert schedule.cron_schedule == "0 6 * * *"
    assert schedule.execution_timezone == "Europe/Paris"


def test_loading_the_code_location_does_not_parse_dbt(defs, warehouse_env):
    manifest = TRANSFORM_DIR / "target" / "manifest.json"
    before = manifest.stat().st_mtime_ns
    completed = subprocess.run(
        [sys.executable, "-c", "import orchestration.definitions"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert manifest.stat().st_mtime_ns == before


def test_dagster_validates_the_definitions(defs, warehouse_env):
    completed = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_corrections_retrain_through_their_own_job(defs, asset_graph):
    """The learned layer and the sentiment marts are downstream of the corrections the sensor watches."""
    job = defs.resolve_job_def("corrections_job")
    selected = {key.to_user_string() for key in job.asset_layer.selected_asset_keys}
    assert {
        "raw/corrections",
        "intermediate/int_sentiment_learned_weights",
        "intermediate/int_mentions_sentiment",
        "marts/fct_mentions",
        "marts/fct_mention_intents",
        "marts/fct_corrections",
    } <= selected
    assert "raw/demo_mentions" not in selected  # nothing is fetched again


def test_dropped_files_rebuild_everything_downstream_through_their_own_job(defs):
    """The files sensor's job loads the folder and rebuilds the marts, and fetches nothing else."""
    job = defs.resolve_job_def("files_job")
    selected = {key.to_user_string() for key in job.asset_layer.selected_asset_keys}
    assert {"raw/files_mentions", "marts/fct_mentions", "marts/mart_topic_daily"} <= selected
    assert "raw/demo_mentions" not in selected and "raw/rss_mentions" not in selected


def test_the_corrections_sensor_runs_once_per_change_of_the_folder(tmp_path, monkeypatch):
    import dagster as dg

    from ecoute.settings import CORRECTIONS_ENV

    monkeypatch.setenv(CORRECTIONS_ENV, str(tmp_path))
    from orchestration.defs.corrections import corrections_sensor as sensor

    assert isinstance(sensor(dg.build_sensor_context()), dg.SkipReason)
    (tmp_path / "2026-11.csv").write_text(
        "mention_id,sentiment,corrected_by\ndemo:1,negative,ana\n"
    )
    first = sensor(dg.build_sensor_context())
    assert len(first.run_requests) == 1
    assert isinstance(sensor(dg.build_sensor_context(cursor=first.cursor)), dg.SkipReason)
    (tmp_path / "2026-11.csv").write_text(
        "mention_id,sentiment,corrected_by\ndemo:1,positive,ana\n"
    )
    changed = sensor(dg.build_sensor_context(cursor=first.cursor))
    assert changed.cursor != first.cursor and len(changed.run_requests) == 1
