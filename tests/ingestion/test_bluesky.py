"""The Bluesky connector on recorded AppView responses, through a real HTTP server, dlt and DuckDB.

The recordings are bskyr's test cassettes (2025): a `searchPosts` page of 25
posts with a cursor, and a home timeline whose post views (the same
`app.bsky.feed.defs#postView` as search results) serve as the search's last page.
"""

from __future__ import annotations

import copy
import json
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ecoute.config import ConfigError, load_config
from ecoute.source_settings.bluesky import BlueskySettings
from ingestion.bluesky import bluesky_source, source_for
from ingestion.connectors import CONNECTORS
from tests.ingestion.connector_testing import load, rows
from tests.ingestion.fixture_server import SHARED_FIXTURES, FixtureServer, Reply

FIXTURES = SHARED_FIXTURES / "bluesky"
SEARCH = "/xrpc/app.bsky.feed.searchPosts"
TOKEN = "bsky-t0ken-never-shown"

pytestmark = pytest.mark.skipif(
    not (FIXTURES / "bskyr__f_search__00.json").exists(),
    reason=f"the recorded Bluesky responses are not here ({FIXTURES})",
)


def recorded(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def search_page() -> dict[str, Any]:
    return recorded("bskyr__f_search__00.json")


def timeline_posts() -> list[dict[str, Any]]:
    return [item["post"] for item in recorded("bskyr__f_timeline__00.json")["feed"]]


def body(posts: list[Any], cursor: str | None = None) -> str:
    return json.dumps({"posts": posts} | ({"cursor": cursor} if cursor else {}))


def settings(
    base_url: str, max_pages: int = 10, queries: dict[str, Any] | None = None, **query: str
) -> BlueskySettings:
    return BlueskySettings(
        enabled=True,
        base_url=base_url,
        max_pages=max_pages,
        requests_per_minute=60_000,
        timeout_seconds=2,
        max_attempts=2,
        max_retry_delay_seconds=0.1,
        queries=queries or {"redistricting": {"q": "redistricting", **query}},
    )


def mention(warehouse: Path, rkey: str, columns: str) -> tuple:
    (row,) = rows(
        warehouse, f"select {columns} from raw.bluesky_mentions where post_id like '%/{rkey}'"
    )
    return row


def runs(warehouse: Path) -> list[tuple]:
    found = rows(
        warehouse,
        "select fetched, loaded, quarantined, duplicates, pages, stopped_because"
        " from raw.bluesky_runs order by started_at",
    )
    assert all(fetched == loaded + q + dup for fetched, loaded, q, dup, *_ in found)
    return found


def test_search_pages_load_every_field_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    last_page = timeline_posts()
    with FixtureServer() as server:
        server.route(SEARCH, Reply.file(FIXTURES / "bskyr__f_search__00.json"))
        server.route(SEARCH, Reply.text(body(last_page)), params={"cursor": "25"})
        load(warehouse, bluesky_source(settings(server.url)))
        first, second = server.requests_to(SEARCH)
        assert first.query == {"q": ["redistricting"], "sort": ["latest"], "limit": ["100"]}
        assert second.query["cursor"] == ["25"] and "Authorization" not in second.headers

        # 25 searched + 49 timeline posts, of which one is there twice (posted, then reposted).
        assert rows(
            warehouse, "select count(*), count(distinct post_id) from raw.bluesky_mentions"
        )[0] == (73, 73)
        assert runs(warehouse) == [(74, 73, 0, 1, 2, "last_page")]

        # The first page again: everything on it is already loaded.
        load(warehouse, bluesky_source(settings(server.url)))
        assert len(server.requests_to(SEARCH)) == 3
    assert runs(warehouse)[1] == (25, 0, 0, 25, 1, "caught_up")
    assert rows(warehouse, "select count(*) from raw.bluesky_mentions") == [(73,)]


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse after one search page: the recorded posts, and two written to test facets."""
    warehouse = tmp_path_factory.mktemp("searched") / "w.duckdb"
    posts = search_page()["posts"]
    written = copy.deepcopy(posts[0])
    written["uri"] = written["uri"].replace("3lpk2u6qo222m", "3written00001")
    written["record"]["text"] = WRITTEN_TEXT
    written["record"]["facets"] = [
        facet(WRITTEN_TEXT, "example.com/very…", "link", uri="https://example.com/very/long?id=7"),
        facet(WRITTEN_TEXT, "#écoute", "tag", tag="écoute"),
        facet(WRITTEN_TEXT, "@alice.example.com", "mention", did="did:plc:alice"),
    ]
    broken = copy.deepcopy(written)
    broken["uri"] = broken["uri"].replace("3written00001", "3written00002")
    # A span cutting "☕" in two, and one beyond the text: ignored, the text stays as written.
    cafe = len("Café ".encode())
    broken["record"]["facets"] = [
        {"index": {"byteStart": cafe + 1, "byteEnd": cafe + 5}, "features": [link("https://x")]},
        {"index": {"byteStart": 70, "byteEnd": 999}, "features": [link("https://y")]},
    ]
    with FixtureServer() as server:
        server.route(SEARCH, Reply.text(body([*posts, written, broken])))
        load(warehouse, bluesky_source(settings(server.url)))
    return warehouse


WRITTEN_TEXT = "Café ☕🎉 — voir example.com/very… et #écoute, merci @alice.example.com"


def test_a_post_view_maps_onto_the_mention_shape(searched: Path) -> None:
    columns = (
        "post_id, platform, query, url, lang, author_id, author_handle, author_name,"
        " author_followers, likes, shares, comments, published_at, parent_post_id, thread_id"
    )
    assert mention(searched, "3lpjy3eabqs2l", columns) == (
        "at://did:plc:7nagdvjqrzaquzk7mueohne5/app.bsky.feed.post/3lpjy3eabqs2l",
        "bluesky",
        "redistricting",
        "https://bsky.app/profile/mcpli.bsky.social/post/3lpjy3eabqs2l",
        "en",
        "did:plc:7nagdvjqrzaquzk7mueohne5",
        "mcpli.bsky.social",
        "Michael Li (李之樸)",
        None,
        13,
        6,
        1,
        datetime(2025, 5, 19, 16, 20, 29, 109000, tzinfo=UTC),
        None,
        "at://did:plc:7nagdvjqrzaquzk7mueohne5/app.bsky.feed.post/3lpjy3eabqs2l",
    )
    # A reply to the post above: its parent and the thread's root.
    assert mention(searched, "3lpjzka2pzc2l", "parent_post_id, thread_id") == (
        "at://did:plc:7nagdvjqrzaquzk7mueohne5/app.bsky.feed.post/3lpjzgltpa22l",
        "at://did:plc:7nagdvjqrzaquzk7mueohne5/app.bsky.feed.post/3lpjy3eabqs2l",
    )
    # No langs: null; microseconds and a "+00:00" offset are read as UTC.
    assert mention(searched, "3lpk2u6qo222m", "lang, published_at") == (
        None,
        datetime(2025, 5, 19, 17, 10, 9, 561858, tzinfo=UTC),
    )
    assert mention(searched, "3lpii6nwbyt2m", "published_at") == (
        datetime(2025, 5, 19, 2, 3, 20, 286393, tzinfo=UTC),
    )
    # Created 1.4 s after the AppView indexed it (a fast clock): indexedAt wins.
    assert mention(searched, "3lpikwarowc2o", "published_at") == (
        datetime(2025, 5, 19, 2, 52, 17, 916000, tzinfo=UTC),
    )
    (payload,) = mention(searched, "3lpjy3eabqs2l", "payload")
    assert json.loads(payload) == next(
        post for post in search_page()["posts"] if post["uri"].endswith("3lpjy3eabqs2l")
    )


def test_shortened_links_get_their_full_uri_even_after_multibyte_characters(
    searched: Path,
) -> None:
    # Recorded: a thread emoji (4 bytes) comes before the link facet.
    (recorded_text,) = mention(searched, "3lpjy3eabqs2l", "text")
    assert "🧵" in recorded_text.split("https://")[0]
    assert recorded_text.endswith(
        "https://drive.google.com/file/d/1PvWocH9A_Kn_cxRX8uDoMsfDwqbVGkGk/view?usp=sharing"
    )
    assert mention(searched, "3written00001", "text") == (
        "Café ☕🎉 — voir https://example.com/very/long?id=7 et #écoute, merci @alice.example.com",
    )
    assert mention(searched, "3written00002", "text") == (WRITTEN_TEXT,)


def facet(text: str, shown: str, kind: str, **feature: str) -> dict[str, Any]:
    """A facet over `shown` in `text`, at UTF-8 byte offsets as the lexicon defines them."""
    start = text.encode().index(shown.encode())
    return {
        "index": {"byteStart": start, "byteEnd": start + len(shown.encode())},
        "features": [{"$type": f"app.bsky.richtext.facet#{kind}", **feature}],
    }


def link(uri: str) -> dict[str, str]:
    return {"$type": "app.bsky.richtext.facet#link", "uri": uri}


def test_unreadable_posts_are_quarantined_and_renamed_fields_give_nulls(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    posts = search_page()["posts"][:5]
    posts[0].pop("uri")
    posts[1]["record"]["createdAt"] = "2025-05-19T16:46:41"  # no time zone
    posts[2]["uri"] = "at://did:plc:x/app.bsky.feed.like/3abc"
    posts[3]["likes"] = posts[3].pop("likeCount")  # renamed
    posts[3]["record"]["langs"] = "en"  # a string where a list was
    posts[3]["brandNewField"] = {"nested": [1, 2]}
    posts[4]["author"] = "not an object"
    with FixtureServer() as server:
        server.route(SEARCH, Reply.text(body([*posts, 42])))
        load(warehouse, bluesky_source(settings(server.url)))

    assert sorted(rows(warehouse, "select reason, record_id from raw.bluesky_quarantine")) == [
        ("no uri", None),
        ("not a post view: expected a JSON object", None),
        (
            "record.createdAt is not an RFC 3339 date-time with a time zone: 2025-05-19T16:46:41",
            posts[1]["uri"],
        ),
        (
            "uri is not a post's at://<did>/app.bsky.feed.post/<rkey>: "
            "at://did:plc:x/app.bsky.feed.like/3abc",
            "at://did:plc:x/app.bsky.feed.like/3abc",
        ),
    ]
    assert mention(warehouse, "3lpjy3eabqs2l", "likes, shares, lang") == (None, 6, None)
    # An author that is not an object: no author, but the post and its URL (by DID) stay.
    assert mention(warehouse, "3lpjraovchc2x", "author_handle, url") == (
        None,
        "https://bsky.app/profile/did:plc:t6z74efuxnhxkvuzxu24d3df/post/3lpjraovchc2x",
    )
    assert runs(warehouse) == [(6, 2, 4, 0, 1, "last_page")]


def test_a_page_without_posts_is_quarantined_and_a_truncated_one_too(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    renamed = json.dumps({"feed": search_page()["posts"][:1], "cursor": "25"})
    truncated = (FIXTURES / "bskyr__f_search__00.json").read_text(encoding="utf-8")[:5000]
    with FixtureServer() as server:
        server.route(SEARCH, Reply.text(renamed), params={"q": "renamed"})
        server.route(SEARCH, Reply.text(truncated), params={"q": "truncated"})
        queries = {"renamed": {"q": "renamed"}, "truncated": {"q": "truncated"}}
        load(warehouse, bluesky_source(settings(server.url, queries=queries)))
    reasons = dict(rows(warehouse, "select query, reason from raw.bluesky_quarantine"))
    assert "has no `posts` list (keys: cursor, feed)" in reasons["renamed"]
    assert "not valid JSON" in reasons["truncated"]
    assert [run[:5] for run in runs(warehouse)] == [(1, 0, 1, 0, 0), (1, 0, 1, 0, 0)]


def test_an_empty_page_ends_the_search_and_max_pages_caps_it(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        server.route(SEARCH, Reply.text(body([], cursor="more")))
        load(warehouse, bluesky_source(settings(server.url)))
        assert len(server.requests_to(SEARCH)) == 1

        server.route(SEARCH, Reply.file(FIXTURES / "bskyr__f_search__00.json"))
        load(warehouse, bluesky_source(settings(server.url, max_pages=1, lang="en")))
        (request,) = server.requests_to(SEARCH)[1:]
        assert request.query["lang"] == ["en"] and "cursor" not in request.query
    assert runs(warehouse) == [(0, 0, 0, 0, 1, "last_page"), (25, 25, 0, 0, 1, "max_pages")]


def test_the_token_is_sent_as_bearer_and_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "w.duckdb"
    monkeypatch.setenv("ECOUTE_BLUESKY_TOKEN", TOKEN)
    with FixtureServer() as server:
        server.route(SEARCH, Reply.text(f'{{"error": "ExpiredToken {TOKEN}"}}', status=401))
        load(warehouse, source_for(settings(server.url)))
        (request,) = server.requests_to(SEARCH)
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    ((stopped,),) = rows(warehouse, "select stopped_because from raw.bluesky_runs")
    assert stopped.startswith("error: bluesky:") and "HTTP 401" in stopped
    assert TOKEN not in stopped and "ExpiredToken ***" in stopped


def test_the_connector_is_registered_and_builds_without_queries() -> None:
    (connector,) = [c for c in CONNECTORS if c.name == "bluesky"]
    defaults = connector.settings(None)
    assert defaults.base_url == "https://public.api.bsky.app" and not defaults.queries
    assert not connector.is_configured(defaults)
    assert list(connector.source(defaults).resources) == ["bluesky_mentions"]
    assert [c.env_var for c in connector.credentials] == ["ECOUTE_BLUESKY_TOKEN"]


CONFIG = """\
version: 1
name: test
topics:
  brand:
    kind: brand
    label: Brand
    query: brand
sources:
  bluesky:
    enabled: true
    queries:
      brand_fr:
        q: '"air aurore" OR #airaurore'
        lang: fr
"""


def config_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "listening.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_settings_load_from_listening_yml(tmp_path: Path) -> None:
    bluesky = load_config(config_file(tmp_path, CONFIG)).sources.bluesky
    assert bluesky.enabled and bluesky.base_url == "https://public.api.bsky.app"
    assert bluesky.queries["brand_fr"].q == '"air aurore" OR #airaurore'
    assert bluesky.queries["brand_fr"].lang == "fr"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("        lang: fr", "        langs: [fr]"), "langs"),
        (("    enabled: true", "    enabled: true\n    base_url: public.api.bsky.app"), "base_url"),
        (("        lang: fr", "        lang: french!"), "lang"),
        (("      brand_fr:", "      Brand FR:"), "Brand FR"),
    ],
)
def test_bad_settings_are_config_errors(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(config_file(tmp_path, CONFIG.replace(*change)))
    assert expected in str(caught.value)
