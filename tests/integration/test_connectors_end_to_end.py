"""Source connectors through the whole job: recorded payloads served on 127.0.0.1 → raw → marts.

The session's warehouse (`conftest.py`) is built by the Dagster `listening_job`
twice, with the demo feed and two connectors enabled (RSS/Atom and Mastodon)
on a real local server playing recorded real responses. Each connector's own
tests cover its service in depth; these check what joins them: the mention
contract, the marts, the assets' metadata, and that the second run adds nothing.
"""

from __future__ import annotations

import json

import pytest

from tests.integration.conftest import DEMO, HAS_RECORDINGS, RECORDED_TIMELINE

pytestmark = pytest.mark.slow
needs_recordings = pytest.mark.skipif(
    not HAS_RECORDINGS, reason="recorded RSS and Mastodon payloads not available"
)
CONNECTORS = ("rss", "mastodon")


@needs_recordings
def test_every_loaded_record_reaches_fct_mentions_under_the_contract(built) -> None:
    for connector in CONNECTORS:
        loaded = built.scalar(f"select count(*) from raw.{connector}_mentions")
        marts = built.sql(
            f"""select count(*), count(*) filter (where mention_id = source || ':' || source_post_id),
                       count(*) filter (where published_at is null or text is null or lang is null)
                from marts.fct_mentions where source = '{connector}'"""
        )
        assert loaded > 0 and marts == [(loaded, loaded, 0)], connector
    statuses = len(json.loads(RECORDED_TIMELINE.read_text()))
    quarantined = built.scalar("select count(*) from raw.mastodon_quarantine")
    assert built.scalar("select count(*) from raw.mastodon_mentions") + quarantined == statuses
    # Replies point at the status they answer, as mention ids of the same source.
    replies = built.sql(
        """select count(*), count(*) filter (where parent_mention_id like 'mastodon:%')
           from marts.fct_mentions as m join raw.mastodon_mentions as r
             on m.source_post_id = r.post_id and m.source = 'mastodon'
           where r.parent_post_id is not null"""
    )
    assert replies[0][0] > 0 and replies[0][0] == replies[0][1]
    assert (
        built.scalar("select count(*) from marts.fct_mentions where source = 'demo'")
        == DEMO["mentions"]
    )


@needs_recordings
def test_the_second_run_fetches_again_and_loads_nothing(built) -> None:
    for connector in CONNECTORS:
        runs = built.sql(
            f"""select loaded, quarantined, duplicates, fetched from raw.{connector}_runs
                where _dlt_load_id = (select max(_dlt_load_id) from raw.{connector}_runs)"""
        )
        assert runs, connector
        for loaded, quarantined, duplicates, fetched in runs:
            assert loaded == 0 and duplicates > 0 and fetched == quarantined + duplicates, connector


def test_a_dropped_export_reaches_the_marts_with_its_own_ids(built) -> None:
    # Independent of the recorded payloads: the file is written by the session's fixture.
    reviews = built.sql(
        """select source_post_id, platform, author_handle, text, published_at from marts.fct_mentions
           where source = 'files' order by source_post_id"""
    )
    assert [row[:3] for row in reviews] == [
        ("avis_verifies:r-101", "avis_verifies", "Claire D."),
        ("avis_verifies:r-102", "avis_verifies", "Marc"),
    ]
    assert (
        reviews[1][3] == "Équipage adorable, je revolerai avec Air Aurore"
    )  # BOM dropped, accents kept
    # 18:40 and 20:05 in Paris (summer time) are 16:40 and 18:05 UTC.
    assert [row[4].strftime("%d %H:%M") for row in reviews] == ["12 16:40", "12 18:05"]
    runs = built.sql(
        "select fetched, loaded, quarantined, duplicates from raw.files_runs order by finished_at"
    )
    assert runs == [(2, 2, 0, 0), (2, 0, 0, 2)]  # the second run of the job loads nothing new


@needs_recordings
def test_connector_assets_report_their_reconciled_counts(built) -> None:
    materialised = {
        event.asset_key.to_user_string(): event.materialization.metadata
        for event in built.first_run.get_asset_materialization_events()
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
