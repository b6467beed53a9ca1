"""The Hacker News connector through a real HTTP server, a real dlt pipeline and a real DuckDB file.

The front page plays the Firebase payloads recorded on 2024-08-14
(`shared/data/fixtures/hackernews/`). Algolia's search has no recorded payload:
the pages below follow its documented `search_by_date` answer.
"""

from __future__ import annotations

import json
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ecoute.config import ConfigError, load_config
from ecoute.source_settings.hackernews import HackerNewsSettings
from ingestion.hackernews import hackernews_source
from tests.ingestion.connector_testing import load, rows
from tests.ingestion.fixture_server import SHARED_FIXTURES, FixtureServer, Reply

FIXTURES = SHARED_FIXTURES / "hackernews"
TOP_STORIES = FIXTURES / "firebase_topstories_2024-08-14.json"
ITEMS = FIXTURES / "firebase_items_topstories_2024-08-14.part1.jsonl"

STORY_HIT = {
    "_highlightResult": {"title": {"matchLevel": "full", "value": "<em>DuckDB</em> 1.1"}},
    "_tags": ["story", "author_hfmuehleisen", "story_41250001"],
    "author": "hfmuehleisen",
    "children": [41250123],
    "created_at": "2024-08-14T18:05:09Z",
    "created_at_i": 1723658709,
    "num_comments": 12,
    "objectID": "41250001",
    "points": 57,
    "story_id": 41250001,
    "title": "DuckDB 1.1 released",
    "updated_at": "2024-08-14T19:00:00Z",
    "url": "https://duckdb.org/2024/09/09/announcing-duckdb-110",
}
COMMENT_HIT = {
    "_tags": ["comment", "author_jdoe", "story_41250001"],
    "author": "jdoe",
    "comment_text": (
        "We moved our reporting to DuckDB &ndash; it&#x27;s fast."
        '<p>Docs: <a href="https:&#x2F;&#x2F;duckdb.org&#x2F;docs">duckdb.org&#x2F;docs</a>'
    ),
    "created_at": "2024-08-14T18:02:41Z",
    "created_at_i": 1723658561,
    "objectID": "41250123",
    "parent_id": 41250001,
    "story_id": 41250001,
    "story_title": "DuckDB 1.1 released",
    "story_url": "https://duckdb.org/2024/09/09/announcing-duckdb-110",
    "updated_at": "2024-08-14T18:02:41Z",
}
REPLY_HIT = {
    "_tags": ["comment", "author_asmith", "story_41250001"],
    "author": "asmith",
    "comment_text": "Same here.",
    "created_at": "2024-08-14T17:59:00.000Z",  # no created_at_i: the ISO date is read
    "objectID": "41250200",
    "parent_id": 41250123,
    "story_id": 41250001,
}
NO_ID_HIT = {"_tags": ["comment"], "author": "ghost", "created_at_i": 1723658000}
BAD_DATE_HIT = {"_tags": ["comment"], "objectID": "41250300", "created_at": "yesterday"}


def search_body(hits: list[dict[str, Any]], page: int, pages: int) -> str:
    return json.dumps(
        {"hits": hits, "nbHits": 5, "nbPages": pages, "page": page, "hitsPerPage": 100}
    )


def settings(server: FixtureServer, **queries: dict[str, Any]) -> HackerNewsSettings:
    return HackerNewsSettings(
        enabled=True,
        base_url=server.url + "/api/v1",
        firebase_url=server.url + "/v0",
        requests_per_minute=60_000,
        timeout_seconds=2,
        max_attempts=1,
        max_pages=10,
        queries=queries,
    )


def run(warehouse: Path, source_settings: HackerNewsSettings) -> None:
    load(warehouse, hackernews_source(source_settings))


def runs(warehouse: Path) -> list[tuple]:
    """(query, fetched, loaded, quarantined, duplicates, pages, stopped_because), oldest first."""
    reconciled = rows(
        warehouse,
        "select count(*) from raw.hackernews_runs where fetched <> loaded + quarantined + duplicates",
    )
    assert reconciled == [(0,)]
    return rows(
        warehouse,
        "select query, fetched, loaded, quarantined, duplicates, pages, stopped_because"
        " from raw.hackernews_runs order by started_at",
    )


def serve_front_page(server: FixtureServer, ranking: list[Any], items: dict[str, str]) -> None:
    server.route("/v0/topstories.json", Reply.text(json.dumps(ranking)))
    for item_id, body in items.items():
        server.route(f"/v0/item/{item_id}.json", Reply.text(body))


@pytest.fixture(scope="module")
def recorded_items() -> dict[str, str]:
    if not FIXTURES.is_dir():
        pytest.skip(f"the recorded Hacker News payloads are not here: {FIXTURES}")
    lines = ITEMS.read_text(encoding="utf-8").splitlines()
    return {str(json.loads(line)["id"]): line for line in lines}


def test_the_recorded_front_page_loads_and_a_second_run_adds_nothing(
    tmp_path: Path, recorded_items: dict[str, str]
) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        serve_front_page(server, json.loads(TOP_STORIES.read_text()), recorded_items)
        front_page = settings(server, front={"kind": "topstories", "max_items": 60})
        run(warehouse, front_page)
        assert len(server.requests_to("/v0/topstories.json")) == 1
        assert len(server.requests) == 61  # the ranking, then one request per item
        run(warehouse, front_page)

    assert rows(
        warehouse, "select count(*), count(distinct post_id) from raw.hackernews_mentions"
    ) == [(60, 60)]
    story = rows(
        warehouse,
        "select platform, url, author_handle, title, likes, comments, published_at, thread_id,"
        " parent_post_id, json_extract_string(payload, '$.url')"
        " from raw.hackernews_mentions where post_id = '41243992'",
    )
    assert story == [
        (
            "hackernews",
            "https://news.ycombinator.com/item?id=41243992",
            "r4um",
            "Examples of Great URL Design (2023)",
            336,
            134,
            datetime(2024, 8, 14, 8, 42, 22, tzinfo=UTC),
            "41243992",
            None,
            "https://blog.jim-nielsen.com/2023/examples-of-great-urls/",
        )
    ]
    ((launch_text,),) = rows(
        warehouse, "select text from raw.hackernews_mentions where post_id = '41236273'"
    )
    assert launch_text.startswith(
        "Hey HN — We're Jacky and Mac from Trellis (https://runtrellis.com/). We’re building"
    )
    assert (
        "messy data.\n\nThere’s a demo video at https://www.youtube.com/watch?v=ib3mRh2tnSo"
        in launch_text
    )
    # The job ad is an item of the front page like the stories; it has no comment count.
    assert rows(
        warehouse,
        "select title, comments, thread_id from raw.hackernews_mentions where post_id = '41245073'",
    ) == [("Circle Medical (YC S15) Is Hiring Ruby/Rails Engineers in Montreal", None, "41245073")]
    # A ranking has no cursor: the second run merges the same 60 items again.
    assert runs(warehouse) == [
        ("front", 60, 60, 0, 0, 2, "last_page"),
        ("front", 60, 60, 0, 0, 2, "last_page"),
    ]


def test_deleted_dead_absent_and_unreadable_items_are_quarantined(
    tmp_path: Path, recorded_items: dict[str, str]
) -> None:
    warehouse = tmp_path / "w.duckdb"
    comment = {
        "by": "jdoe",
        "id": 41246000,
        "parent": 41243992,
        "text": "Cool URIs don&#x27;t change.",
        "time": 1723640000,
        "type": "comment",
    }
    items = {
        "41243992": recorded_items["41243992"],
        "41246000": json.dumps(comment),
        "41246001": json.dumps(
            {
                "deleted": True,
                "id": 41246001,
                "parent": 41243992,
                "time": 1723640100,
                "type": "comment",
            }
        ),
        "41246002": json.dumps({**comment, "id": 41246002, "dead": True, "text": "[flagged]"}),
        "41246003": "null",
        "41246004": recorded_items["41244648"][:-40],
        # A renamed field: `time` became `created`.
        "41246005": json.dumps({"by": "x", "id": 41246005, "created": 1723640500, "type": "story"}),
    }
    with FixtureServer() as server:
        serve_front_page(server, [int(item_id) for item_id in items], items)
        run(warehouse, settings(server, front={"kind": "topstories"}))
    assert rows(
        warehouse,
        "select post_id, parent_post_id, thread_id, text from raw.hackernews_mentions order by post_id",
    ) == [
        ("41243992", None, "41243992", None),
        # Firebase does not say which story a comment belongs to.
        ("41246000", "41243992", None, "Cool URIs don't change."),
    ]
    quarantined = rows(
        warehouse, "select record_id, reason from raw.hackernews_quarantine order by record_id"
    )
    assert quarantined[:3] == [
        ("41246001", "deleted"),
        ("41246002", "dead"),
        ("41246003", "no such item: Firebase answered null"),
    ]
    assert quarantined[3][0] == "41246004" and "not valid JSON" in quarantined[3][1]
    assert quarantined[4] == ("41246005", "no publication date")
    assert runs(warehouse) == [("front", 7, 2, 5, 0, 1, "last_page")]


def test_search_pages_load_then_the_next_run_asks_from_the_cursor(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    search = "/api/v1/search_by_date"
    with FixtureServer() as server:
        server.route(
            search, Reply.text(search_body([STORY_HIT, COMMENT_HIT], 0, 2)), params={"page": "0"}
        )
        server.route(
            search,
            Reply.text(search_body([REPLY_HIT, NO_ID_HIT, BAD_DATE_HIT], 1, 2)),
            params={"page": "1"},
        )
        source_settings = settings(server, duckdb={"q": "duckdb"})
        run(warehouse, source_settings)
        first, second = server.requests_to(search)
        assert first.query == {
            "query": ["duckdb"],
            "tags": ["(story,comment)"],
            "hitsPerPage": ["100"],
            "page": ["0"],
        }
        assert second.query["page"] == ["1"]

        # Nothing new since: Algolia answers the newest hit already loaded, alone.
        server.route(search, Reply.text(search_body([STORY_HIT], 0, 1)), params={"page": "0"})
        run(warehouse, source_settings)
        assert server.requests_to(search)[2].query["numericFilters"] == ["created_at_i>=1723658709"]

    assert rows(
        warehouse,
        "select post_id, author_handle, title, text, likes, comments, published_at,"
        " parent_post_id, thread_id, url from raw.hackernews_mentions order by post_id",
    ) == [
        (
            "41250001",
            "hfmuehleisen",
            "DuckDB 1.1 released",
            None,
            57,
            12,
            datetime(2024, 8, 14, 18, 5, 9, tzinfo=UTC),
            None,
            "41250001",
            "https://news.ycombinator.com/item?id=41250001",
        ),
        (
            "41250123",
            "jdoe",
            None,
            "We moved our reporting to DuckDB – it's fast.\n\nDocs: duckdb.org/docs",
            None,
            None,
            datetime(2024, 8, 14, 18, 2, 41, tzinfo=UTC),
            "41250001",
            "41250001",
            "https://news.ycombinator.com/item?id=41250123",
        ),
        (
            "41250200",
            "asmith",
            None,
            "Same here.",
            None,
            None,
            datetime(2024, 8, 14, 17, 59, tzinfo=UTC),
            "41250123",
            "41250001",
            "https://news.ycombinator.com/item?id=41250200",
        ),
    ]
    assert rows(
        warehouse, "select record_id, reason from raw.hackernews_quarantine order by record_id"
    ) == [
        ("41250300", "no publication date"),
        (None, "no id"),
    ]
    assert runs(warehouse) == [
        ("duckdb", 5, 3, 2, 0, 2, "last_page"),
        ("duckdb", 1, 0, 0, 1, 1, "caught_up"),
    ]


def test_tags_an_empty_answer_and_the_page_cap(
    tmp_path: Path, recorded_items: dict[str, str]
) -> None:
    warehouse = tmp_path / "w.duckdb"
    search = "/api/v1/search_by_date"
    with FixtureServer() as server:
        server.route(search, Reply.text(search_body([], 0, 0)), params={"query": "nothing"})
        server.route(
            search, Reply.text(search_body([COMMENT_HIT], 0, 50)), params={"query": "endless"}
        )
        serve_front_page(server, json.loads(TOP_STORIES.read_text()), recorded_items)
        source_settings = settings(
            server,
            nothing={"q": "nothing", "tags": "story"},
            endless={"q": "endless", "tags": "comment"},
            front={"kind": "topstories", "max_items": 500},
        ).model_copy(update={"max_pages": 3})
        run(warehouse, source_settings)
        tags = {r.query["query"][0]: r.query["tags"] for r in server.requests_to(search)}
        assert tags == {"nothing": ["story"], "endless": ["comment"]}
        assert len(server.requests_to(search)) == 4  # one, then three pages
        assert len(server.requests) == 4 + 1 + 90  # and the ranking, then 3 pages of 30 items
    assert runs(warehouse) == [
        ("nothing", 0, 0, 0, 0, 1, "last_page"),
        # The same hit on every page: loaded once, then counted as a duplicate.
        ("endless", 3, 1, 0, 2, 3, "max_pages"),
        ("front", 90, 90, 0, 0, 3, "max_pages"),
    ]


def test_a_malformed_search_answer_is_quarantined_whole(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    truncated = '{"hits": [{"objectID": "1"}'
    renamed = '{"results": [], "nbPages": 0}'
    with FixtureServer() as server:
        server.route("/api/v1/search_by_date", Reply.text(truncated), params={"query": "cut"})
        server.route("/api/v1/search_by_date", Reply.text(renamed), params={"query": "renamed"})
        run(warehouse, settings(server, cut={"q": "cut"}, renamed={"q": "renamed"}))
    quarantined = dict(
        rows(warehouse, "select query, reason || ' | ' || payload from raw.hackernews_quarantine")
    )
    assert "the body is not valid JSON" in quarantined["cut"]
    assert quarantined["cut"].endswith(truncated)
    assert "has no `hits` list | " + json.dumps(json.loads(renamed)) in quarantined["renamed"]
    for _, fetched, loaded, quarantined_count, _, _, stopped in runs(warehouse):
        assert (fetched, loaded, quarantined_count) == (1, 0, 1)
        assert stopped.startswith("error: hackernews: ")


LISTENING = """\
version: 1
name: test project
topics:
  duckdb:
    kind: theme
    label: DuckDB
    query: duckdb
sources:
  hackernews:
"""


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("    queries: {q1: {q: duckdb, sort: new}}", "sort"),
        ("    firebase_url: hacker-news.firebaseio.com", "firebase_url"),
        ("    queries: {q1: {kind: search}}", "needs `q`"),
        ("    queries: {front: {kind: topstories, q: duckdb}}", "remove q"),
        ("    queries: {q1: {q: duckdb, max_items: 10}}", "max_pages"),
        ("    queries: {q1: {q: duckdb, tags: poll}}", "tags"),
    ],
)
def test_a_bad_section_is_a_located_config_error(
    tmp_path: Path, section: str, message: str
) -> None:
    path = tmp_path / "listening.yml"
    path.write_text(LISTENING + section + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in str(caught.value) and "listening.yml:" in str(caught.value)


def test_a_good_section_loads(tmp_path: Path) -> None:
    path = tmp_path / "listening.yml"
    section = textwrap.indent(
        "enabled: true\nqueries:\n  brand: {q: duckdb, tags: comment}\n"
        "  front: {kind: topstories, max_items: 100}\n",
        "    ",
    )
    path.write_text(LISTENING + section, encoding="utf-8")
    hackernews = load_config(path).sources.hackernews
    assert hackernews.base_url == "https://hn.algolia.com/api/v1"
    assert hackernews.queries["front"].max_items == 100
    assert hackernews.queries["brand"].tags == "comment"
