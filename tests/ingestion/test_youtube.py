"""The YouTube connector on recorded Data API v3 pages, through a real HTTP server, dlt and DuckDB.

The recordings are python-youtube's test data (2019): a video's comment
threads on two pages joined by `nextPageToken` (the second page repeats the
first's threads, as recorded), a channel's threads, and a single thread.
None of them carries replies, so the replies below are written in the API's
`comment` resource shape, on a recorded thread that counts two replies.
"""

from __future__ import annotations

import json
import logging
import textwrap
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ecoute.config import ConfigError, load_config
from ecoute.source_settings.youtube import YoutubeSettings
from ingestion.connectors import CONNECTORS
from ingestion.youtube import youtube_source
from tests.ingestion.connector_testing import load, rows
from tests.ingestion.fixture_server import SHARED_FIXTURES, FixtureServer, Reply

FIXTURES = SHARED_FIXTURES / "youtube"
API = "/youtube/v3"
THREADS = f"{API}/commentThreads"
API_KEY = "AIzaFAKE-never-shown-0123456789"
VIDEO = "F1UP7wRCPH8"
CHANNEL = "UC_x5XG1OV2P6uZZ5FSM9Ttw"

pytestmark = pytest.mark.skipif(
    not (FIXTURES / "comment_threads_by_video_paged_1.json").exists(),
    reason=f"the recorded YouTube Data API pages are not here ({FIXTURES})",
)


def recorded(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def settings(base_url: str, queries: dict[str, Any], max_pages: int = 10) -> YoutubeSettings:
    return YoutubeSettings(
        enabled=True,
        base_url=base_url + API,
        max_pages=max_pages,
        requests_per_minute=60_000,
        timeout_seconds=2,
        max_attempts=2,
        max_retry_delay_seconds=0.1,
        queries=queries,
    )


def mention(warehouse: Path, post_id: str, columns: str) -> tuple:
    (row,) = rows(
        warehouse, f"select {columns} from raw.youtube_mentions where post_id = '{post_id}'"
    )
    return row


def runs(warehouse: Path) -> list[tuple]:
    found = rows(
        warehouse,
        "select query, fetched, loaded, quarantined, duplicates, pages, stopped_because"
        " from raw.youtube_runs order by started_at, query",
    )
    assert all(fetched == loaded + q + dup for _, fetched, loaded, q, dup, *_ in found)
    return found


def test_pages_follow_next_page_token_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    first_page = recorded("comment_threads_by_video_paged_1.json")
    queries = {"chrome_dev_summit": {"video_id": VIDEO}}
    with FixtureServer() as server:
        server.route(THREADS, Reply.file(FIXTURES / "comment_threads_by_video_paged_1.json"))
        server.route(
            THREADS,
            Reply.file(FIXTURES / "comment_threads_by_video_paged_2.json"),
            params={"pageToken": first_page["nextPageToken"]},
        )
        load(warehouse, youtube_source(settings(server.url, queries), api_key=API_KEY))
        first, second = server.requests_to(THREADS)
        assert first.query == {
            "part": ["snippet,replies"],
            "videoId": [VIDEO],
            "maxResults": ["100"],
            "order": ["time"],
            "textFormat": ["html"],
            "key": [API_KEY],
        }
        assert second.query["pageToken"] == [first_page["nextPageToken"]]

        # The recorded second page holds the first page's five threads again.
        assert runs(warehouse) == [("chrome_dev_summit", 10, 5, 0, 5, 2, "last_page")]
        load(warehouse, youtube_source(settings(server.url, queries), api_key=API_KEY))
        assert len(server.requests_to(THREADS)) == 3
    assert runs(warehouse)[1] == ("chrome_dev_summit", 5, 0, 0, 5, 1, "caught_up")
    assert rows(warehouse, "select count(*) from raw.youtube_mentions") == [(5,)]

    columns = (
        "platform, query, url, lang, author_id, author_handle, author_name, author_followers,"
        " title, text, likes, shares, comments, published_at, parent_post_id, thread_id"
    )
    assert mention(warehouse, "UgyZ1jqkHKYvi1-ruOZ4AaABAg", columns) == (
        "youtube",
        "chrome_dev_summit",
        f"https://www.youtube.com/watch?v={VIDEO}&lc=UgyZ1jqkHKYvi1-ruOZ4AaABAg",
        None,
        "UCzj-CjKYmGlZ7vTL-vOe57A",
        None,
        "himani agarwal",
        None,
        None,
        # textOriginal, not the HTML link of textDisplay.
        "Google.com",
        0,
        None,
        0,
        datetime(2019, 11, 26, 15, 51, 44, tzinfo=UTC),
        None,
        None,
    )
    assert mention(warehouse, "UgwI_ylXVnzPS8Q-oAV4AaABAg", "comments, published_at") == (
        2,
        datetime(2019, 11, 14, 23, 31, 33, tzinfo=UTC),
    )
    (payload,) = mention(warehouse, "UgyZ1jqkHKYvi1-ruOZ4AaABAg", "payload")
    assert json.loads(payload) == first_page["items"][0]


THREAD_WITH_REPLIES = "UgwI_ylXVnzPS8Q-oAV4AaABAg"
REPLY_WITH_ORIGINAL = f"{THREAD_WITH_REPLIES}.91Ta0WzOe2B91TbXk3ZkYp"
REPLY_HTML_ONLY = f"{THREAD_WITH_REPLIES}.91TdD0a6tVq91TdQm1kLxE"


def reply(reply_id: str, published_at: str, **snippet: Any) -> dict[str, Any]:
    """A reply as `commentThreads?part=replies` gives it (the API's `comment` resource)."""
    return {
        "kind": "youtube#comment",
        "etag": '"written"',
        "id": reply_id,
        "snippet": {
            "authorChannelUrl": "http://www.youtube.com/channel/UCnUYZLuoy1rq1aVMwx4aTzw",
            "authorChannelId": {"value": "UCnUYZLuoy1rq1aVMwx4aTzw"},
            "videoId": VIDEO,
            "parentId": THREAD_WITH_REPLIES,
            "canRate": True,
            "viewerRating": "none",
            "publishedAt": published_at,
            "updatedAt": published_at,
            **snippet,
        },
    }


def page_with_replies() -> dict[str, Any]:
    page = recorded("comment_threads_by_video_paged_1.json")
    del page["nextPageToken"]
    thread = next(item for item in page["items"] if item["id"] == THREAD_WITH_REPLIES)
    thread["replies"] = {
        "comments": [
            reply(
                REPLY_WITH_ORIGINAL,
                "2019-11-15T08:02:11Z",
                authorDisplayName="@ChromiumDev",
                textDisplay="Thanks &amp; see you next year!",
                textOriginal="Thanks & see you next year!",
                likeCount=12,
            ),
            reply(
                REPLY_HTML_ONLY,
                "2019-11-16T10:00:00.000Z",
                authorDisplayName="Rosa Lind",
                textDisplay=(
                    "Agreed &#39;100%&#39;<br>"
                    f'<a href="https://www.youtube.com/watch?v={VIDEO}&amp;t=90">1:30</a>'
                    " is the best part"
                ),
                likeCount=0,
            ),
        ]
    }
    return page


def single_without_original() -> dict[str, Any]:
    page = recorded("comment_thread_single.json")
    del page["items"][0]["snippet"]["topLevelComment"]["snippet"]["textOriginal"]
    return page


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The warehouse after one run of three queries: a video with replies, a channel, a single thread."""
    warehouse = tmp_path_factory.mktemp("loaded") / "w.duckdb"
    queries = {
        "with_replies": {"video_id": VIDEO},
        "google_developers": {"channel_id": CHANNEL},
        "single": {"video_id": "D-lhorsDlUQ"},
    }
    with FixtureServer() as server:
        server.route(
            THREADS, Reply.text(json.dumps(page_with_replies())), params={"videoId": VIDEO}
        )
        server.route(
            THREADS,
            Reply.file(FIXTURES / "comment_threads_by_channel.json"),
            params={"allThreadsRelatedToChannelId": CHANNEL},
        )
        server.route(
            THREADS,
            Reply.text(json.dumps(single_without_original())),
            params={"videoId": "D-lhorsDlUQ"},
        )
        load(warehouse, youtube_source(settings(server.url, queries), api_key=API_KEY))
    return warehouse


def test_replies_are_mentions_of_their_own_with_parent_and_thread(loaded: Path) -> None:
    assert ("with_replies", 7, 7, 0, 0, 1, "last_page") in runs(loaded)
    columns = (
        "author_id, author_handle, author_name, text, likes, comments, published_at,"
        " parent_post_id, thread_id, url"
    )
    assert mention(loaded, REPLY_WITH_ORIGINAL, columns) == (
        "UCnUYZLuoy1rq1aVMwx4aTzw",
        "ChromiumDev",
        "@ChromiumDev",
        "Thanks & see you next year!",
        12,
        None,
        datetime(2019, 11, 15, 8, 2, 11, tzinfo=UTC),
        THREAD_WITH_REPLIES,
        THREAD_WITH_REPLIES,
        f"https://www.youtube.com/watch?v={VIDEO}&lc={REPLY_WITH_ORIGINAL}",
    )
    # No textOriginal: textDisplay's HTML as text (entities decoded, <br> a new line).
    assert mention(loaded, REPLY_HTML_ONLY, "text, author_handle, published_at") == (
        "Agreed '100%'\n1:30 is the best part",
        None,
        datetime(2019, 11, 16, 10, 0, tzinfo=UTC),
    )
    # The top-level comment starts its thread; its payload is the thread without the replies.
    root = mention(loaded, THREAD_WITH_REPLIES, "parent_post_id, thread_id, comments, payload")
    assert root[:3] == (None, None, 2)
    assert "replies" not in json.loads(root[3])
    (reply_payload,) = mention(loaded, REPLY_HTML_ONLY, "payload")
    assert json.loads(reply_payload)["id"] == REPLY_HTML_ONLY


def test_channel_threads_and_html_only_comments(loaded: Path) -> None:
    assert ("google_developers", 2, 2, 0, 0, 1, "last_page") in runs(loaded)
    # Threads on the channel itself (2019's channel discussions) name no video: no link to give.
    assert mention(loaded, "Ugzi3lkqDPfIOirGFLh4AaABAg", "query, url, author_name, text") == (
        "google_developers",
        None,
        "EclipZe Muzik",
        "exceptional content!",
    )
    assert mention(loaded, "UgxKREWxIgDrw8w2e_Z4AaABAg", "text, published_at") == (
        "Super video !!!\nWith full power skil thank a lot ...\nVery nice , coupe\n"
        "can i give Luke Davit and JESSICA EARl- CHA some tea and tall a more ...",
        datetime(2019, 4, 20, 1, 3, 39, tzinfo=UTC),
    )


def test_unreadable_comments_are_quarantined_and_renamed_fields_give_nulls(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    page = recorded("comment_threads_by_video_paged_1.json")
    del page["nextPageToken"]
    threads = page["items"]
    del threads[0]["snippet"]["topLevelComment"]["id"]
    threads[1]["snippet"]["topLevelComment"]["snippet"]["publishedAt"] = "2019-11-21 19:18:39"
    comment = threads[2]["snippet"]["topLevelComment"]["snippet"]
    comment["likes"] = comment.pop("likeCount")  # renamed
    comment["authorChannelId"] = "UCzZ87J8wYVpOADFviqyFKhw"  # a string where an object was
    comment["brandNewField"] = {"nested": [1, 2]}
    del threads[3]["snippet"]["topLevelComment"]["snippet"]["publishedAt"]
    threads[4]["replies"] = {"comments": ["not a comment", reply(REPLY_WITH_ORIGINAL, "soon")]}
    page["items"].append(42)
    with FixtureServer() as server:
        server.route(THREADS, Reply.text(json.dumps(page)))
        load(warehouse, youtube_source(settings(server.url, {"v": {"video_id": VIDEO}}), API_KEY))

    assert sorted(rows(warehouse, "select reason, record_id from raw.youtube_quarantine")) == [
        ("no snippet.publishedAt", "UgyKv8ziPYFJDGytM_J4AaABAg"),
        ("not a comment thread: expected a JSON object", None),
        ("not a reply: expected a JSON object", None),
        (
            "snippet.publishedAt is not an RFC 3339 date-time with a time zone: 2019-11-21 19:18:39",
            "Ugy4OzAuz5uJuFt3FH54AaABAg",
        ),
        (
            "snippet.publishedAt is not an RFC 3339 date-time with a time zone: soon",
            REPLY_WITH_ORIGINAL,
        ),
        ("thread without snippet.topLevelComment.id", None),
    ]
    assert mention(warehouse, "UgysQP-vp089eFP0Stl4AaABAg", "likes, author_id, author_name") == (
        None,
        None,
        "Andres Jorquera",
    )
    assert runs(warehouse) == [("v", 8, 2, 6, 0, 1, "last_page")]


def test_a_page_without_items_is_quarantined_and_a_truncated_one_too(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    renamed = json.dumps({"threads": recorded("comment_thread_single.json")["items"]})
    truncated = (FIXTURES / "comment_threads_by_channel.json").read_text(encoding="utf-8")[:2000]
    with FixtureServer() as server:
        server.route(THREADS, Reply.text(renamed), params={"videoId": VIDEO})
        server.route(
            THREADS, Reply.text(truncated), params={"allThreadsRelatedToChannelId": CHANNEL}
        )
        queries = {"renamed": {"video_id": VIDEO}, "truncated": {"channel_id": CHANNEL}}
        load(warehouse, youtube_source(settings(server.url, queries), api_key=API_KEY))
    reasons = dict(rows(warehouse, "select query, reason from raw.youtube_quarantine"))
    assert "has no `items` list (keys: threads)" in reasons["renamed"]
    assert "not valid JSON" in reasons["truncated"]
    assert API_KEY not in str(reasons) and "key=***" in reasons["truncated"]
    assert [run[:6] for run in runs(warehouse)] == [
        ("renamed", 1, 0, 1, 0, 0),
        ("truncated", 1, 0, 1, 0, 0),
    ]


def test_an_empty_page_ends_the_listing_and_max_pages_caps_it(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        server.route(THREADS, Reply.text('{"items": [], "nextPageToken": "more"}'))
        load(
            warehouse, youtube_source(settings(server.url, {"empty": {"video_id": VIDEO}}), API_KEY)
        )
        assert len(server.requests_to(THREADS)) == 1

        server.route(THREADS, Reply.file(FIXTURES / "comment_threads_by_video_paged_1.json"))
        capped = settings(server.url, {"capped": {"video_id": VIDEO}}, max_pages=1)
        load(warehouse, youtube_source(capped, api_key=API_KEY))
        assert len(server.requests_to(THREADS)) == 2
    assert runs(warehouse) == [
        ("empty", 0, 0, 0, 0, 1, "last_page"),
        ("capped", 5, 5, 0, 0, 1, "max_pages"),
    ]


def google_error(status: int, reason: str, message: str, detail: str | None = None) -> str:
    """An error body as Google APIs send it (here echoing the key, to prove it is redacted)."""
    error: dict[str, Any] = {
        "code": status,
        "message": message,
        "errors": [{"message": message, "domain": "youtube.quota", "reason": reason}],
    }
    if detail:
        error["details"] = [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": detail}]
    return json.dumps({"error": error}, indent=2)


def test_refusals_say_why_are_not_retried_and_never_show_the_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    warehouse = tmp_path / "w.duckdb"
    quota = google_error(
        403,
        "quotaExceeded",
        "The request cannot be completed because you have exceeded your"
        f' <a href="/youtube/v3/getting-started#quota">quota</a> (key {API_KEY}).',
    )
    invalid_key = google_error(
        400, "badRequest", f"API key not valid: {API_KEY}", detail="API_KEY_INVALID"
    )
    disabled = google_error(
        403, "commentsDisabled", "The video has disabled comments (videoId: aaaaaaaaaaa)."
    )
    queries = {
        "over_quota": {"video_id": "aaaaaaaaaaa"},
        "bad_key": {"video_id": "bbbbbbbbbbb"},
        "no_comments": {"video_id": "ccccccccccc"},
        "down": {"video_id": "ddddddddddd"},
        "fine": {"channel_id": CHANNEL},
    }
    with FixtureServer() as server:
        server.route(THREADS, Reply.file(FIXTURES / "comment_threads_by_channel.json"))
        for video, status, body in [
            ("aaaaaaaaaaa", 403, quota),
            ("bbbbbbbbbbb", 400, invalid_key),
            ("ccccccccccc", 403, disabled),
            ("ddddddddddd", 500, f'{{"error": "backend error for key={API_KEY}"}}'),
        ]:
            server.route(THREADS, Reply.text(body, status=status), params={"videoId": video})
        with caplog.at_level(logging.DEBUG):
            load(warehouse, youtube_source(settings(server.url, queries), api_key=API_KEY))
        asked = [request.query.get("videoId", ["channel"])[0] for request in server.requests]
    # 4xx are answers, not accidents: asked once; the 500 twice (max_attempts).
    assert Counter(asked) == {
        "aaaaaaaaaaa": 1,
        "bbbbbbbbbbb": 1,
        "ccccccccccc": 1,
        "ddddddddddd": 2,
        "channel": 1,
    }
    stopped = {query: stop for query, *_, stop in runs(warehouse)}
    assert stopped["over_quota"].startswith(
        "error: youtube: query 'over_quota': the API key's daily YouTube Data API quota is used up"
        " (quotaExceeded); it resets at midnight Pacific Time."
    )
    assert "HTTP 403" in stopped["over_quota"]
    assert stopped["bad_key"].startswith(
        "error: youtube: query 'bad_key': the API key is not valid (API_KEY_INVALID):"
        " check ECOUTE_YOUTUBE_API_KEY"
    )
    assert "comments are turned off on this video (commentsDisabled)" in stopped["no_comments"]
    assert stopped["down"].startswith("error: youtube: http://127.0.0.1")
    assert "HTTP 500" in stopped["down"] and "key=***" in stopped["down"]
    assert stopped["fine"] == "last_page"

    everything = rows(
        warehouse,
        "select * from raw.youtube_runs union all by name select * from raw.youtube_mentions",
    )
    assert "quotaExceeded" in caplog.text and "***" in caplog.text
    assert API_KEY not in caplog.text and API_KEY not in str(everything)


def test_without_a_key_no_request_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warehouse = tmp_path / "w.duckdb"
    monkeypatch.delenv("ECOUTE_YOUTUBE_API_KEY", raising=False)
    (connector,) = [c for c in CONNECTORS if c.name == "youtube"]
    with FixtureServer() as server:
        load(warehouse, connector.source(settings(server.url, {"v": {"video_id": VIDEO}})))
        assert server.requests == []
    ((stopped,),) = rows(warehouse, "select stopped_because from raw.youtube_runs")
    assert stopped == (
        "error: youtube: query 'v': the YouTube Data API needs a key: set ECOUTE_YOUTUBE_API_KEY"
    )


def test_the_key_comes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "w.duckdb"
    monkeypatch.setenv("ECOUTE_YOUTUBE_API_KEY", API_KEY)
    (connector,) = [c for c in CONNECTORS if c.name == "youtube"]
    with FixtureServer() as server:
        server.route(THREADS, Reply.file(FIXTURES / "comment_thread_single.json"))
        load(warehouse, connector.source(settings(server.url, {"v": {"video_id": "D-lhorsDlUQ"}})))
        (request,) = server.requests_to(THREADS)
    assert request.query["key"] == [API_KEY]
    assert rows(warehouse, "select count(*) from raw.youtube_mentions") == [(1,)]


def test_the_connector_is_registered_and_builds_without_queries() -> None:
    (connector,) = [c for c in CONNECTORS if c.name == "youtube"]
    defaults = connector.settings(None)
    assert defaults.base_url == "https://www.googleapis.com/youtube/v3" and not defaults.queries
    assert not connector.is_configured(defaults)
    assert list(connector.source(defaults).resources) == ["youtube_mentions"]
    assert [(c.env_var, c.required) for c in connector.credentials] == [
        ("ECOUTE_YOUTUBE_API_KEY", True)
    ]


CONFIG = """\
version: 1
name: test
topics:
  brand:
    kind: brand
    label: Brand
    query: brand
sources:
  youtube:
    enabled: true
    max_pages: 3
    queries:
      launch_video:
        video_id: F1UP7wRCPH8
      our_channel:
        channel_id: UC_x5XG1OV2P6uZZ5FSM9Ttw
"""


def config_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "listening.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_settings_load_from_listening_yml(tmp_path: Path) -> None:
    youtube = load_config(config_file(tmp_path, CONFIG)).sources.youtube
    assert youtube.enabled and youtube.max_pages == 3
    assert youtube.base_url == "https://www.googleapis.com/youtube/v3"
    assert youtube.queries["launch_video"].video_id == "F1UP7wRCPH8"
    assert youtube.queries["our_channel"].channel_id == CHANNEL


VIDEO_LINE = "        video_id: F1UP7wRCPH8"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ((VIDEO_LINE, "        video: F1UP7wRCPH8"), "video"),
        ((VIDEO_LINE, f"{VIDEO_LINE}\n        channel_id: x"), "channel_id"),
        ((VIDEO_LINE, f"{VIDEO_LINE}\n        channel_id: {CHANNEL}"), "exactly one of `video_id`"),
        ((VIDEO_LINE, "        {}"), "exactly one of `video_id`"),
        ((VIDEO_LINE, "        video_id: https://youtu.be/F1UP7wRCPH8"), "video_id"),
        (("    max_pages: 3", "    max_pages: 3\n    base_url: googleapis.com"), "base_url"),
        (("    max_pages: 3", "    max_pages: 3\n    api_key: AIza"), "api_key"),
    ],
)
def test_bad_settings_are_config_errors(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(config_file(tmp_path, CONFIG.replace(*change)))
    assert expected in str(caught.value)
