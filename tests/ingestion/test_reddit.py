"""The Reddit connector on Reddit's own recorded answers (praw's test cassettes, 2015-2016).

A real HTTP server plays the recorded bodies at the paths the connector asks
for, a real dlt pipeline loads them into a DuckDB file. Where a test needs a
page Reddit did not record (a second page, a search listing the posts whose
comment trees were recorded), the page is written here around recorded things.
"""

from __future__ import annotations

import json
import logging
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ecoute.config import ConfigError, load_config
from ecoute.source_settings.reddit import RedditSettings
from ingestion.common.http import HttpSettings, ServiceClient
from ingestion.reddit import reddit
from ingestion.reddit.api import comment_tree
from tests.ingestion.connector_testing import load, rows
from tests.ingestion.fixture_server import SHARED_FIXTURES, FixtureServer, Reply

FIXTURES = SHARED_FIXTURES / "reddit"
needs_fixtures = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"Reddit's recorded answers are not here ({FIXTURES})"
)


def recorded(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def listing(things: list[Any], after: str | None = None) -> str:
    return json.dumps({"kind": "Listing", "data": {"children": things, "after": after}})


def post_of(tree_fixture: str) -> dict[str, Any]:
    """The post (t3 thing) heading a recorded comment page."""
    return recorded(tree_fixture)[0]["data"]["children"][0]


def settings(base_url: str, **queries: dict[str, Any]) -> RedditSettings:
    return RedditSettings(
        enabled=True,
        base_url=base_url,
        requests_per_minute=60_000,
        timeout_seconds=2,
        max_attempts=1,
        queries=queries,
    )


def run(warehouse: Path, reddit_settings: RedditSettings) -> None:
    load(warehouse, reddit(reddit_settings))


def runs(warehouse: Path) -> list[tuple]:
    """Each run row, oldest first: query, pages, fetched, loaded, quarantined, duplicates, why it stopped."""
    bad = rows(
        warehouse,
        "select * from raw.reddit_runs where fetched <> loaded + quarantined + duplicates",
    )
    assert not bad, bad
    return rows(
        warehouse,
        "select query, pages, fetched, loaded, quarantined, duplicates, stopped_because"
        " from raw.reddit_runs order by started_at, query",
    )


ASKREDDIT = {"kind": "new", "subreddit": "AskReddit"}


def askreddit_second_page() -> str:
    """Posts older than the recorded first page of r/AskReddit/new, taken from its recorded hot page."""
    first = recorded("TestSubredditListings.test_new__01")["data"]["children"]
    oldest = min(thing["data"]["created_utc"] for thing in first)
    hot = recorded("TestSubredditListings.test_hot__01")["data"]["children"]
    older = [thing for thing in hot if thing["data"]["created_utc"] < oldest]
    return listing(sorted(older, key=lambda thing: -thing["data"]["created_utc"]))


@needs_fixtures
def test_a_subreddit_is_read_page_by_page_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    first_page = FIXTURES / "TestSubredditListings.test_new__01.json"
    second_page = askreddit_second_page()
    second_count = len(json.loads(second_page)["data"]["children"])
    with FixtureServer() as server:
        server.route("/r/AskReddit/new.json", Reply.file(first_page))
        server.route(
            "/r/AskReddit/new.json", Reply.text(second_page), params={"after": "t3_48f6io"}
        )
        run(warehouse, settings(server.url, askreddit=ASKREDDIT))
        first, second = server.requests_to("/r/AskReddit/new.json")
        assert first.query == {"limit": ["100"], "raw_json": ["1"]}
        assert second.query["after"] == ["t3_48f6io"]
        assert first.headers["User-Agent"] == "ecoute/0.1 (social listening)"

        assert rows(warehouse, "select count(*) from raw.reddit_mentions") == [
            (100 + second_count,)
        ]
        ((url, author, title, likes, comments, published_at, parent, thread),) = rows(
            warehouse,
            "select url, author_handle, title, likes, comments, published_at,"
            " parent_post_id, thread_id from raw.reddit_mentions where post_id = '48fbm9'",
        )
        assert url.startswith("https://www.reddit.com/r/AskReddit/comments/48fbm9/")
        assert author and title and likes is not None and comments is not None
        assert published_at == datetime(2016, 3, 1, 8, 37, 38, tzinfo=UTC)
        assert parent is None and thread is None
        assert runs(warehouse) == [
            ("askreddit", 2, 100 + second_count, 100 + second_count, 0, 0, "last_page")
        ]

        # Nothing new on top: the first page reaches what was loaded, and the query ends there.
        run(warehouse, settings(server.url, askreddit=ASKREDDIT))
        assert len(server.requests_to("/r/AskReddit/new.json")) == 3
    assert rows(warehouse, "select count(*) from raw.reddit_mentions") == [(100 + second_count,)]
    assert runs(warehouse)[1] == ("askreddit", 1, 100, 0, 0, 100, "caught_up")


COMMENT_TREES = {
    "54hhwl": "TestComment.test_refresh__02",
    "3hahrw": "TestMore.test_comments__02",
    "2gmzqe": "TestSubmission.test_comments__01",
}


def serve_search_with_trees(server: FixtureServer) -> None:
    """A search finding the three posts whose comment pages were recorded, newest first."""
    server.route(
        "/search.json", Reply.text(listing([post_of(name) for name in COMMENT_TREES.values()]))
    )
    for post_id, name in COMMENT_TREES.items():
        server.route(f"/comments/{post_id}.json", Reply.file(FIXTURES / f"{name}.json"))
    server.route("/api/morechildren.json", Reply.file(FIXTURES / "TestMore.test_comments__01.json"))


SEARCH = {"q": "praw OR drum", "comments": True, "comments_per_post": 500}


@needs_fixtures
def test_search_loads_the_posts_and_their_comment_trees(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        serve_search_with_trees(server)
        run(warehouse, settings(server.url, praw=SEARCH))
        (search,) = server.requests_to("/search.json")
        assert search.query == {
            "q": ["praw OR drum"],
            "sort": ["new"],
            "limit": ["100"],
            "raw_json": ["1"],
        }
        assert server.requests_to("/comments/3hahrw.json")[0].query == {
            "limit": ["500"],
            "raw_json": ["1"],
        }
        # The tree of 3hahrw lists 24 comment ids in `more` stubs (and 6 deeper threads).
        (more,) = server.requests_to("/api/morechildren.json")
        assert more.query["link_id"] == ["t3_3hahrw"] and more.query["api_type"] == ["json"]
        assert len(more.query["children"][0].split(",")) == 24
        assert "cu5tead" in more.query["children"][0].split(",")

        # 2 + 476 + 2 comments in the trees, and the 7 morechildren returned.
        assert runs(warehouse) == [
            ("praw", 1, 3, 3, 0, 0, "last_page"),
            ("praw/comments", 1, 487, 487, 0, 0, "last_page"),
        ]
        assert rows(
            warehouse,
            "select title, author_handle, comments, published_at from raw.reddit_mentions"
            " where post_id = '3hahrw'",
        ) == [
            (
                "Ba Dum Tsss",
                "your_local_librarian",
                543,
                datetime(2015, 8, 17, 7, 44, 40, tzinfo=UTC),
            )
        ]
        # A reply to a reply: its parent is a comment, its thread the post.
        assert rows(
            warehouse,
            "select parent_post_id, thread_id, author_handle, url, query from raw.reddit_mentions"
            " where post_id = 'd81w4vt'",
        ) == [
            (
                "d81vwef",
                "54hhwl",
                "OkRedditBot",
                "https://www.reddit.com/comments/54hhwl/_/d81w4vt/",
                "praw/comments",
            )
        ]
        # Entities decoded; a deleted author is null, the text kept; a deleted text is null.
        assert rows(
            warehouse, "select text from raw.reddit_mentions where post_id = 'cu5wwkd'"
        ) == [("https://www.youtube.com/watch?v=BdsQBqN7bCw&feature=youtu.be&t=15s",)]
        assert rows(
            warehouse,
            "select author_handle, text from raw.reddit_mentions where post_id in ('cu5ujk8', 'cu61rpx')"
            " order by post_id",
        ) == [(None, "A treadmill?"), (None, None)]
        # A comment returned by morechildren, and a payload kept without its replies.
        assert rows(
            warehouse,
            "select author_handle, likes, parent_post_id from raw.reddit_mentions where post_id = 'cu5tead'",
        ) == [("lava1o", -2, "3hahrw")]
        ((payload,),) = rows(
            warehouse, "select payload from raw.reddit_mentions where post_id = 'cklfmye'"
        )
        assert json.loads(payload)["kind"] == "t1" and "replies" not in json.loads(payload)["data"]

        # A second run: no new post, so no comment tree is fetched again.
        run(warehouse, settings(server.url, praw=SEARCH))
        assert len(server.requests_to("/comments/3hahrw.json")) == 1
    assert runs(warehouse)[2:] == [
        ("praw", 1, 3, 0, 0, 3, "caught_up"),
        ("praw/comments", 0, 0, 0, 0, 0, "last_page"),
    ]
    assert rows(warehouse, "select count(*) from raw.reddit_mentions") == [(490,)]


@needs_fixtures
def test_comments_per_post_caps_what_is_asked_and_counts_the_rest() -> None:
    with FixtureServer() as server:
        serve_search_with_trees(server)
        client = ServiceClient("reddit", server.url, HttpSettings(requests_per_minute=60_000))
        tree = comment_tree(client, "3hahrw", comments_per_post=480)
        (more,) = server.requests_to("/api/morechildren.json")
    assert len(more.query["children"][0].split(",")) == 4  # 476 were in the tree already
    assert len(tree.comments) == 476 + 7 and not tree.unreadable
    assert (tree.ids_not_fetched, tree.threads_not_followed) == (20, 6)


@needs_fixtures
def test_renamed_fields_give_nulls_or_quarantine(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    things = recorded("TestSubredditListings.test_new__01")["data"]["children"][:3]
    things[0]["data"]["points"] = things[0]["data"].pop("score")  # loaded, without likes
    things[1]["data"]["created_at"] = things[1]["data"].pop("created_utc")  # no date
    things[2]["data"]["created_utc"] = "a while ago"  # not a number
    with FixtureServer() as server:
        server.route("/r/AskReddit/new.json", Reply.text(listing(things)))
        run(warehouse, settings(server.url, askreddit=ASKREDDIT))
    assert rows(warehouse, "select post_id, likes from raw.reddit_mentions") == [
        (things[0]["data"]["id"], None)
    ]
    assert sorted(rows(warehouse, "select record_id, reason from raw.reddit_quarantine")) == sorted(
        [
            (things[1]["data"]["id"], "no publication date"),
            (things[2]["data"]["id"], "no publication date"),
        ]
    )
    assert runs(warehouse) == [("askreddit", 1, 3, 1, 2, 0, "last_page")]


@needs_fixtures
def test_unreadable_pages_are_quarantined_and_other_queries_go_on(
    tmp_path: Path,
) -> None:
    warehouse = tmp_path / "w.duckdb"
    body = (FIXTURES / "TestSubredditListings.test_new__01.json").read_text(encoding="utf-8")
    with FixtureServer() as server:
        server.route("/r/AskReddit/new.json", Reply.text(body[: len(body) // 2]))
        server.route("/r/redditdev/new.json", Reply.text('{"message": "Forbidden", "error": 403}'))
        server.route("/r/empty/new.json", Reply.text(listing([])))
        # Reddit redirects the listing of an unknown subreddit to a search of subreddits (t5).
        server.route(
            "/r/nosuchsub/search.json", Reply.file(FIXTURES / "TestSubreddits.test_search__01.json")
        )
        server.route(
            "/search.json", Reply.file(FIXTURES / "TestSubredditListings.test_new__01.json")
        )
        run(
            warehouse,
            settings(
                server.url,
                askreddit=ASKREDDIT,
                redditdev={"kind": "new", "subreddit": "redditdev"},
                empty={"kind": "new", "subreddit": "empty"},
                gone={"q": "praw", "subreddit": "nosuchsub"},
                backlog={"q": "ask"},
            ).model_copy(update={"max_pages": 1}),
        )
        assert server.requests_to("/r/nosuchsub/search.json")[0].query["restrict_sr"] == ["1"]
        assert len(server.requests_to("/search.json")) == 1
    reasons = dict(
        rows(warehouse, "select query, reason from raw.reddit_quarantine where query <> 'gone'")
    )
    assert "not valid JSON" in reasons["askreddit"]
    assert reasons["redditdev"] == (
        "reddit: /r/redditdev/new.json?limit=100&raw_json=1: not a listing (no `data.children` list)"
    )
    by_query = {row[0]: row[1:] for row in runs(warehouse)}
    assert by_query["askreddit"][1:5] == (1, 0, 1, 0)
    assert by_query["askreddit"][5].startswith("error: reddit:")
    assert by_query["empty"] == (1, 0, 0, 0, 0, "last_page")
    assert by_query["backlog"] == (1, 100, 100, 0, 0, "max_pages")
    assert by_query["gone"] == (1, 37, 0, 37, 0, "last_page")
    assert rows(
        warehouse, "select distinct reason from raw.reddit_quarantine where query = 'gone'"
    ) == [("a thing of kind t5 where a post (t3) was expected",)]


@needs_fixtures
def test_a_comment_tree_that_fails_quarantines_its_post_and_the_posts_after_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        serve_search_with_trees(server)
        truncated = (FIXTURES / "TestComment.test_refresh__02.json").read_text()[:-40]
        server.route("/comments/54hhwl.json", Reply.text(truncated))
        server.route("/comments/3hahrw.json", Reply.text("upstream down", status=503))
        with caplog.at_level(logging.WARNING):
            run(warehouse, settings(server.url, praw=SEARCH))
        assert not server.requests_to("/comments/2gmzqe.json")  # not tried once Reddit failed
    assert rows(warehouse, "select count(*) from raw.reddit_mentions") == [(3,)]  # the posts
    quarantined = rows(
        warehouse,
        "select record_id, reason from raw.reddit_quarantine where query = 'praw/comments'"
        " order by record_id",
    )
    assert [record_id for record_id, _ in quarantined] == ["2gmzqe", "3hahrw", "54hhwl"]
    reasons = dict(quarantined)
    assert "not valid JSON" in reasons["54hhwl"]
    assert (
        reasons["3hahrw"].startswith("comment tree not fetched: reddit:")
        and "HTTP 503" in reasons["3hahrw"]
    )
    assert reasons["2gmzqe"] == reasons["3hahrw"]
    assert runs(warehouse)[1] == ("praw/comments", 1, 3, 0, 3, 0, "last_page")
    assert "comment trees of 2 posts not fetched" in caplog.text


def write_config(tmp_path: Path, reddit_section: str) -> Path:
    path = tmp_path / "listening.yml"
    path.write_text(
        textwrap.dedent(
            """\
            version: 1
            name: test
            topics:
              air_aurore: {kind: brand, label: Air Aurore, query: aurore}
            sources:
              reddit:
            """
        )
        + textwrap.indent(textwrap.dedent(reddit_section), "    "),
        encoding="utf-8",
    )
    return path


def test_a_valid_section_loads(tmp_path: Path) -> None:
    config = load_config(
        write_config(
            tmp_path,
            """\
            enabled: true
            queries:
              brand: {q: '"air aurore"', comments: true, comments_per_post: 50}
              travel_new: {kind: new, subreddit: travel+flights}
            """,
        )
    )
    reddit_settings = config.sources.reddit
    assert reddit_settings.base_url == "https://www.reddit.com"
    assert reddit_settings.queries["brand"].comments_per_post == 50
    assert reddit_settings.queries["travel_new"].subreddit == "travel+flights"


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("queries: {brand: {q: aurore, sort: top}}", "sort"),
        ("base_url: www.reddit.com", "base_url"),
        ("queries: {brand: {kind: search}}", "needs `q`"),
        ("queries: {brand: {kind: new}}", "needs `subreddit`"),
        ("queries: {brand: {kind: new, subreddit: travel, q: aurore}}", "takes no `q`"),
        ("queries: {brand: {q: aurore, subreddit: r/travel}}", "subreddit"),
        ("queries: {brand: {q: aurore, comments_per_post: 5000}}", "comments_per_post"),
    ],
)
def test_a_bad_section_is_a_config_error(tmp_path: Path, section: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(write_config(tmp_path, section + "\n"))
