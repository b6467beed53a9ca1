"""Source connectors through the whole job: recorded payloads served on 127.0.0.1 → raw → marts.

`listening.yml` with the demo feed and two connectors enabled (RSS/Atom and
Mastodon), their `base_url` and feed URLs pointing at a real local server
that plays recorded real responses; the Dagster `listening_job` runs as
`ecoute run` does. Each connector's own tests cover its service in depth;
this one checks what joins them: the mention contract, the marts and the
asset metadata.
"""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from ruamel.yaml import YAML

from ecoute.settings import CONFIG_ENV, CORRECTIONS_ENV, DEFAULT_CONFIG, WAREHOUSE_ENV
from tests.ingestion.fixture_server import SHARED_FIXTURES, FixtureServer, Reply

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SHARED_FIXTURES / "rss_atom").is_dir() or not (SHARED_FIXTURES / "mastodon").is_dir(),
        reason=f"recorded RSS and Mastodon payloads not available ({SHARED_FIXTURES})",
    ),
]

TAG_PATH = "/api/v1/timelines/tag/IchbinHanna"
FEEDS = {"google_blog": "feed-google-blog.xml", "dcdate": "feed-dcdate.xml"}
DEMO = {"mentions": 1_000, "start": "2026-09-01", "end": "2026-09-14", "seed": 3}


def listening_yml(path: Path, server_url: str) -> None:
    yaml = YAML()
    config = yaml.load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    config["sources"]["rss"] = {
        "enabled": True,
        "feeds": {name: {"url": f"{server_url}/feeds/{file}"} for name, file in FEEDS.items()},
    }
    config["sources"]["mastodon"] = {
        "enabled": True,
        "base_url": server_url,
        "max_pages": 2,
        "requests_per_minute": 6000,
        "queries": {"hanna": {"hashtag": "IchbinHanna"}},
    }
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(config, file)


@pytest.fixture(scope="module")
def job_result(tmp_path_factory):
    from ecoute.manifest import prepare_manifest
    from orchestration.definitions import defs

    work = tmp_path_factory.mktemp("connectors")
    statuses = json.loads(
        (SHARED_FIXTURES / "mastodon" / "rtoot__handle_params_max_id__01.json").read_text()
    )
    with FixtureServer() as server, pytest.MonkeyPatch.context() as env:
        for file in FEEDS.values():
            server.route(
                f"/feeds/{file}",
                Reply.file(SHARED_FIXTURES / "rss_atom" / file, content_type="application/rss+xml"),
            )
        server.route(TAG_PATH, Reply.text(json.dumps(statuses)))
        listening_yml(work / "listening.yml", server.url)
        env.setenv(CONFIG_ENV, str(work / "listening.yml"))
        env.setenv(WAREHOUSE_ENV, str(work / "ecoute.duckdb"))
        env.setenv(CORRECTIONS_ENV, str(work / "corrections"))
        prepare_manifest()
        result = defs.resolve_job_def("listening_job").execute_in_process(
            run_config={"ops": {"demo_feed": {"config": DEMO}}},
            instance=dg.DagsterInstance.ephemeral(),
            raise_on_error=False,
        )
    return result, work / "ecoute.duckdb", len(statuses)


def sql(warehouse: Path, statement: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(statement).fetchall()


def test_the_job_succeeds_with_connectors_enabled(job_result) -> None:
    result, _, _ = job_result
    failed = [event.step_key for event in result.all_events if event.is_step_failure]
    assert result.success, f"failed steps: {failed}"


def test_every_loaded_record_reaches_fct_mentions_under_the_contract(job_result) -> None:
    _, warehouse, statuses = job_result
    for connector in ("rss", "mastodon"):
        (loaded,) = sql(warehouse, f"select count(*) from raw.{connector}_mentions")[0]
        marts = sql(
            warehouse,
            f"""select count(*), count(*) filter (where mention_id = source || ':' || source_post_id),
                       count(*) filter (where published_at is null or text is null or lang is null)
                from marts.fct_mentions where source = '{connector}'""",
        )
        assert loaded > 0 and marts == [(loaded, loaded, 0)], connector
    (mastodon,) = sql(warehouse, "select count(*) from raw.mastodon_mentions")[0]
    # The quarantine table exists once something was quarantined.
    quarantine = sql(
        warehouse,
        "select count(*) from information_schema.tables where table_name = 'mastodon_quarantine'",
    )
    quarantined = (
        sql(warehouse, "select count(*) from raw.mastodon_quarantine")[0][0]
        if quarantine[0][0]
        else 0
    )
    assert mastodon + quarantined == statuses
    # Replies point at the status they answer, as mention ids of the same source.
    replies = sql(
        warehouse,
        """select count(*), count(*) filter (where parent_mention_id like 'mastodon:%')
           from marts.fct_mentions as m join raw.mastodon_mentions as r
             on m.source_post_id = r.post_id and m.source = 'mastodon'
           where r.parent_post_id is not null""",
    )
    assert replies[0][0] > 0 and replies[0][0] == replies[0][1]
    # The demo is still all there beside them.
    assert sql(warehouse, "select count(*) from marts.fct_mentions where source = 'demo'") == [
        (1_000,)
    ]


def test_connector_assets_report_their_reconciled_counts(job_result) -> None:
    result, _, _ = job_result
    materialised = {
        event.asset_key.to_user_string(): event.materialization.metadata
        for event in result.get_asset_materialization_events()
        if event.asset_key.to_user_string() in {"raw/rss_mentions", "raw/mastodon_mentions"}
    }
    assert set(materialised) == {"raw/rss_mentions", "raw/mastodon_mentions"}
    for key, metadata in materialised.items():
        counts = {
            name: metadata[name].value
            for name in ("fetched", "loaded", "quarantined", "duplicates")
        }
        assert (
            counts["fetched"] == counts["loaded"] + counts["quarantined"] + counts["duplicates"]
        ), key
        assert counts["loaded"] > 0 and "queries" in metadata, key
