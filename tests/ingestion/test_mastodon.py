"""The Mastodon connector, on statuses recorded from mastodon.social (rtoot's test cassettes, 2025).

Four recorded pages of the #IchbinHanna timeline (40 statuses each, newest
first) are played by a real local server, chained by `Link` headers as
Mastodon sends them, and loaded by the real dlt pipeline into DuckDB.
"""

from __future__ import annotations

import copy
import json
import logging
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ecoute.config import ConfigError, load_config
from ecoute.source_settings.mastodon import MastodonQuery, MastodonSettings
from ingestion.connectors import CONNECTORS
from ingestion.mastodon import mastodon_source
from tests.ingestion.connector_testing import load, rows
from tests.ingestion.fixture_server import SHARED_FIXTURES, FixtureServer, Reply

FIXTURES = SHARED_FIXTURES / "mastodon"
TAG_PATH = "/api/v1/timelines/tag/IchbinHanna"
SEARCH_PATH = "/api/v2/search"
TOKEN = "mastodon-t0ken-never-shown"

pytestmark = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"recorded Mastodon payloads not available ({FIXTURES})"
)


def recorded_page(number: int) -> list[dict[str, Any]]:
    return json.loads((FIXTURES / f"rtoot__handle_params_max_id__0{number}.json").read_text())


def settings(base_url: str, max_pages: int = 10, **queries: MastodonQuery) -> MastodonSettings:
    return MastodonSettings(
        enabled=True,
        base_url=base_url,
        max_pages=max_pages,
        requests_per_minute=60_000,
        timeout_seconds=2,
        max_attempts=2,
        queries=queries or {"hanna": MastodonQuery(hashtag="#IchbinHanna")},
    )


def serve_timeline(server: FixtureServer, pages: list[list[dict[str, Any]]]) -> None:
    """The tag timeline as Mastodon pages it: each page links to the next by the `max_id` of its last status."""
    max_id = None
    for number, statuses in enumerate(pages):
        headers = {}
        if number + 1 < len(pages):
            next_url = f"{server.url}{TAG_PATH}?limit=40&max_id={statuses[-1]['id']}"
            headers["Link"] = f'<{next_url}>; rel="next", <{server.url}{TAG_PATH}>; rel="prev"'
        reply = Reply.text(json.dumps(statuses), **headers)
        server.route(TAG_PATH, reply, params={"max_id": max_id} if max_id else None)
        max_id = statuses[-1]["id"]


def assert_reconciled(warehouse: Path) -> None:
    assert not rows(
        warehouse,
        "select * from raw.mastodon_runs where fetched <> loaded + quarantined + duplicates",
    )


def test_a_tag_timeline_follows_the_link_header_and_maps_each_status(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    pages = [recorded_page(n) for n in range(4)]
    with FixtureServer() as server:
        serve_timeline(server, pages)
        load(warehouse, mastodon_source(settings(server.url), token=""))
        requests = server.requests_to(TAG_PATH)
    assert [request.query.get("max_id") for request in requests] == [
        None,
        [pages[0][-1]["id"]],
        [pages[1][-1]["id"]],
        [pages[2][-1]["id"]],
    ]
    assert all(request.query["limit"] == ["40"] for request in requests)
    assert all("Authorization" not in request.headers for request in requests)
    assert rows(
        warehouse, "select count(*), count(distinct post_id) from raw.mastodon_mentions"
    ) == [(160, 160)]
    assert rows(
        warehouse,
        "select query, pages, fetched, loaded, quarantined, duplicates, stopped_because"
        " from raw.mastodon_runs",
    ) == [("hanna", 4, 160, 160, 0, 0, "last_page")]
    assert_reconciled(warehouse)

    newest = rows(
        warehouse,
        "select platform, url, lang, author_id, author_handle, author_name, author_followers,"
        " likes, shares, comments, published_at, parent_post_id, reshare_of_post_id, title"
        " from raw.mastodon_mentions where post_id = '114856169736898681'",
    )
    assert newest == [
        (
            "mastodon",
            "https://mstdn.science/@laborjournal/114856169522394793",
            "de",
            "109292285345820172",
            "laborjournal@mstdn.science",
            "Laborjournal",
            785,
            1,
            2,
            0,
            datetime(2025, 7, 15, 7, 54, 23, tzinfo=UTC),
            None,
            None,
            None,
        )
    ]
    # HTML decoded: tags gone, `&amp;` an ampersand, paragraphs on their own lines.
    ((text,),) = rows(
        warehouse, "select text from raw.mastodon_mentions where post_id = '114240212515827252'"
    )
    assert text.startswith(
        "#IchBinHanna & der 🐘 senden 1 Botschaft in die Koalitionsverhandlungen!\n#WissZeitVG"
    )
    assert "<" not in text and "&amp;" not in text
    # A reply behind a content warning: the warning is the title, the parent is its in_reply_to_id.
    assert rows(
        warehouse,
        "select title, parent_post_id, published_at from raw.mastodon_mentions"
        " where post_id = '114176839256957936'",
    ) == [
        (
            "Machtmissbrauch Academia",
            "114176833911377672",
            datetime(2025, 3, 17, 8, 31, 44, tzinfo=UTC),
        )
    ]
    # Mastodon often gives no language: it stays null.
    assert rows(
        warehouse,
        "select lang, parent_post_id from raw.mastodon_mentions where post_id = '114634955575313666'",
    ) == [(None, "114634951822474127")]
    # The payload is the status as received.
    ((payload,),) = rows(
        warehouse, "select payload from raw.mastodon_mentions where post_id = '114856169736898681'"
    )
    assert json.loads(payload) == pages[0][0]


def test_a_second_run_stops_at_the_first_page_that_reaches_the_cursor(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    pages = [recorded_page(n) for n in range(4)]
    with FixtureServer() as server:
        serve_timeline(server, pages[1:])
        load(warehouse, mastodon_source(settings(server.url), token=""))
        # Since then, the 40 statuses of page 0 were posted on top.
        serve_timeline(server, [pages[0], *pages[1:]])
        load(warehouse, mastodon_source(settings(server.url), token=""))
        assert len(server.requests_to(TAG_PATH)) == 3 + 2  # the second run reads two pages
    assert rows(
        warehouse,
        "select fetched, loaded, duplicates, stopped_because from raw.mastodon_runs"
        " order by started_at",
    ) == [(120, 120, 0, "last_page"), (80, 40, 40, "caught_up")]
    assert rows(warehouse, "select count(*) from raw.mastodon_mentions") == [(160,)]
    assert_reconciled(warehouse)


def test_max_pages_stops_a_long_timeline(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        serve_timeline(server, [recorded_page(n) for n in range(4)])
        load(warehouse, mastodon_source(settings(server.url, max_pages=2), token=""))
        assert len(server.requests_to(TAG_PATH)) == 2
    assert rows(warehouse, "select loaded, pages, stopped_because from raw.mastodon_runs") == [
        (80, 2, "max_pages")
    ]


def test_a_reblog_is_a_reshare_with_the_text_of_the_status_it_boosts(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    original, booster = recorded_page(2)[0], recorded_page(0)[0]
    # A reblog as Mastodon serves it: its own id, time and account; no url, no content.
    reblog = {
        **copy.deepcopy(booster),
        "id": "114900000000000001",
        "created_at": "2025-07-20T10:00:00.000Z",
        "url": None,
        "uri": "https://mstdn.science/users/laborjournal/statuses/1/activity",
        "content": "",
        "language": None,
        "favourites_count": 0,
        "reblogs_count": 0,
        "replies_count": 0,
        "reblog": original,
    }
    with FixtureServer() as server:
        server.route(TAG_PATH, Reply.text(json.dumps([reblog])))
        load(warehouse, mastodon_source(settings(server.url), token=""))
    ((post_id, reshare_of, author, text, url, lang, likes, published_at),) = rows(
        warehouse,
        "select post_id, reshare_of_post_id, author_handle, text, url, lang, likes, published_at"
        " from raw.mastodon_mentions",
    )
    assert (post_id, reshare_of, author) == (
        "114900000000000001",
        original["id"],
        "laborjournal@mstdn.science",
    )
    assert text.startswith("🔍 Netzwerktreffen:") and url == original["url"] and lang == "de"
    assert likes == 0 and published_at == datetime(2025, 7, 20, 10, tzinfo=UTC)


def test_unreadable_statuses_are_quarantined_and_changed_fields_become_nulls(
    tmp_path: Path,
) -> None:
    warehouse = tmp_path / "w.duckdb"
    statuses = copy.deepcopy(recorded_page(3)[:6])
    del statuses[0]["id"]
    statuses[1]["created_at"] = "17/07/2025"
    statuses[2] = "a status went missing"
    statuses[3]["id"] = {"snowflake": 1}
    # A renamed count, a count of another type, and a field Mastodon may add one day.
    statuses[4]["favorites_count"] = statuses[4].pop("favourites_count")
    statuses[4]["reblogs_count"] = "many"
    statuses[4]["quote_approval"] = {"automatic": ["public"]}
    statuses[5]["account"] = None
    with FixtureServer() as server:
        server.route(TAG_PATH, Reply.text(json.dumps(statuses)))
        load(warehouse, mastodon_source(settings(server.url), token=""))
    assert sorted(rows(warehouse, "select reason, record_id from raw.mastodon_quarantine")) == [
        ("created_at 17/07/2025 is not an ISO 8601 time", statuses[1]["id"]),
        ('id {"snowflake":1} is not a status id', None),
        ("no id", None),
        ('not a status object: "a status went missing"', None),
    ]
    assert rows(
        warehouse,
        "select post_id, likes, shares, comments, author_handle, text is not null"
        " from raw.mastodon_mentions order by post_id desc",
    ) == [
        (statuses[4]["id"], None, None, 1, "realscientists.de@bsky.brid.gy", True),
        (statuses[5]["id"], 11, 15, 0, None, True),
    ]
    assert rows(warehouse, "select fetched, loaded, quarantined from raw.mastodon_runs") == [
        (6, 2, 4)
    ]
    assert_reconciled(warehouse)


def test_a_malformed_page_an_empty_page_or_a_foreign_link_ends_only_its_query(
    tmp_path: Path,
) -> None:
    warehouse = tmp_path / "w.duckdb"
    truncated = '[{"id": "1", "created_at": "2025-07-'
    not_a_list = '{"error": "This action is not allowed"}'
    elsewhere = '<https://elsewhere.example/api/v1/timelines/tag/a?max_id=1>; rel="next"'
    queries = {
        name: MastodonQuery(hashtag=name) for name in ("truncated", "not_a_list", "empty", "link")
    }
    with FixtureServer() as server:
        server.route("/api/v1/timelines/tag/truncated", Reply.text(truncated))
        server.route("/api/v1/timelines/tag/not_a_list", Reply.text(not_a_list))
        server.route("/api/v1/timelines/tag/empty", Reply.text("[]"))
        server.route(
            "/api/v1/timelines/tag/link", Reply.text(json.dumps(recorded_page(0)), Link=elsewhere)
        )
        load(warehouse, mastodon_source(settings(server.url, **queries), token=TOKEN))
    quarantined = dict(rows(warehouse, "select payload, reason from raw.mastodon_quarantine"))
    assert quarantined.keys() == {truncated, not_a_list}
    assert "/tag/truncated?limit=40: the body is not valid JSON" in quarantined[truncated]
    assert "expected a list of statuses, got dict" in quarantined[not_a_list]
    runs = {
        query: rest
        for query, *rest in rows(
            warehouse,
            "select query, fetched, loaded, quarantined, stopped_because from raw.mastodon_runs",
        )
    }
    assert runs["truncated"][:3] == [1, 0, 1] and runs["truncated"][3].startswith(
        "error: mastodon:"
    )
    assert runs["not_a_list"][:3] == [1, 0, 1]
    assert runs["empty"] == [0, 0, 0, "last_page"]
    # The page was loaded; the token was not sent to the other host.
    assert runs["link"][:3] == [40, 40, 0]
    assert "another host (https://elsewhere.example)" in runs["link"][3]
    assert_reconciled(warehouse)


def test_a_search_sends_the_token_and_pages_by_offset(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"

    def results(statuses: list[Any]) -> Reply:
        return Reply.text(json.dumps({"accounts": [], "statuses": statuses, "hashtags": []}))

    query = MastodonQuery(search="wisszeitvg befristung")
    with FixtureServer() as server:
        server.route(SEARCH_PATH, results(recorded_page(0)), params={"offset": "0"})
        # Mastodon filters statuses out after paging: a short page is not the end.
        server.route(SEARCH_PATH, results(recorded_page(1)[:35]), params={"offset": "40"})
        server.route(SEARCH_PATH, results([]), params={"offset": "80"})
        load(warehouse, mastodon_source(settings(server.url, wisszeitvg=query), token=TOKEN))
        requests = server.requests_to(SEARCH_PATH)
    assert [request.query["offset"] for request in requests] == [["0"], ["40"], ["80"]]
    assert requests[0].query["q"] == ["wisszeitvg befristung"]
    assert requests[0].query["type"] == ["statuses"] and requests[0].query["limit"] == ["40"]
    assert all(request.headers["Authorization"] == f"Bearer {TOKEN}" for request in requests)
    assert rows(
        warehouse, "select query, pages, fetched, loaded, stopped_because from raw.mastodon_runs"
    ) == [("wisszeitvg", 3, 75, 75, "last_page")]


def test_a_search_without_a_token_says_so_and_asks_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    query = MastodonQuery(search="wisszeitvg")
    with FixtureServer() as server:
        load(warehouse, mastodon_source(settings(server.url, wisszeitvg=query), token=""))
        assert server.requests == []
    ((stopped,),) = rows(warehouse, "select stopped_because from raw.mastodon_runs")
    assert "ECOUTE_MASTODON_TOKEN" in stopped


def test_a_refused_token_is_reported_without_the_token(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    warehouse = tmp_path / "w.duckdb"
    query = MastodonQuery(search="wisszeitvg")
    with FixtureServer() as server:
        server.route(
            SEARCH_PATH, Reply.text(f'{{"error": "The access token {TOKEN} is invalid"}}', 401)
        )
        with caplog.at_level(logging.WARNING):
            load(warehouse, mastodon_source(settings(server.url, wisszeitvg=query), token=TOKEN))
    ((stopped,),) = rows(warehouse, "select stopped_because from raw.mastodon_runs")
    assert "HTTP 401" in stopped and "The access token *** is invalid" in stopped
    assert TOKEN not in stopped and TOKEN not in caplog.text


def test_the_registered_connector_builds_with_no_configuration() -> None:
    (connector,) = [c for c in CONNECTORS if c.name == "mastodon"]
    default = connector.settings(None)
    assert default.base_url == "https://mastodon.social" and not connector.is_configured(default)
    source = connector.source(default)
    assert list(source.resources) == ["mastodon_mentions"]
    assert [c.env_var for c in connector.credentials] == ["ECOUTE_MASTODON_TOKEN"]
    assert connector.missing_credentials() == []  # optional: hashtags need none


CONFIG = """\
version: 1
name: test project
topics:
  delays:
    kind: theme
    label: Delays
    query: retard OR delay
sources:
  mastodon:
{section}
"""


def load_settings(tmp_path: Path, section: str) -> Any:
    path = tmp_path / "listening.yml"
    path.write_text(CONFIG.format(section=textwrap.indent(textwrap.dedent(section), "    ")))
    return load_config(path)


def test_settings_load_from_listening_yml(tmp_path: Path) -> None:
    config = load_settings(
        tmp_path,
        """\
        enabled: true
        base_url: https://fosstodon.org
        queries:
          hanna: {hashtag: "#IchbinHanna"}
          wisszeitvg: {search: wisszeitvg}
        """,
    )
    mastodon = config.sources.mastodon
    assert mastodon.base_url == "https://fosstodon.org"
    assert mastodon.queries["hanna"].hashtag == "IchbinHanna"
    assert mastodon.queries["wisszeitvg"].search == "wisszeitvg"


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("base_url: mastodon.social\n", "sources.mastodon.base_url"),
        ("queries: {hanna: {hashtag: rstats, tags: [x]}}\n", "sources.mastodon.queries.hanna.tags"),
        ("queries: {hanna: {hashtag: rstats, search: r}}\n", "exactly one of `hashtag`"),
        ("queries: {hanna: {}}\n", "exactly one of `hashtag`"),
        ("queries: {hanna: {hashtag: 'two words'}}\n", "sources.mastodon.queries.hanna.hashtag"),
        ("queries: {Hanna: {hashtag: rstats}}\n", "sources.mastodon.queries.Hanna"),
        ("instance: https://mastodon.social\n", "sources.mastodon.instance"),
    ],
)
def test_a_bad_mastodon_section_is_a_located_config_error(
    tmp_path: Path, section: str, message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(tmp_path, section)
    assert message in str(caught.value) and "listening.yml:" in str(caught.value)
