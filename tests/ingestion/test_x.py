"""The X connector through a real HTTP server, dlt and DuckDB.

There are no recorded X responses in the shared fixtures: the payloads below
are written by hand in the API v2 recent-search format as X documents it
(`data`, `includes.users`, `includes.tweets`, `meta.next_token`, partial
`errors`; ids as strings, `created_at` as "…T…:…:….000Z"). Their times are
set two hours before the test runs, because X accepts `since_id` only within
its seven-day search window and the connector checks that against the clock.
"""

from __future__ import annotations

import json
import logging
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ecoute.config import ConfigError, load_config
from ecoute.source_settings.x import XSettings
from ingestion.common.collector import QueryCursor
from ingestion.connectors import CONNECTORS
from ingestion.x import source_for, x_source
from ingestion.x.api import since_id
from tests.ingestion.connector_testing import load, rows
from tests.ingestion.fixture_server import FixtureServer, Reply

SEARCH = "/tweets/search/recent"
TOKEN = "AAAAAAAAAAAAAAAAAAAAAx-bearer-never-shown"
BASE = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)

ROOT = "1861234567890123455"
REPLY = "1861234567890123460"
RETWEET = "1861234567890123461"
QUOTE = "1861234567890123458"
ORIGINAL = "1861234567890123450"  # retweeted; also on the second page
OLDER = "1861234567890123440"
AIR_AURORE = "2244994945"
CLAIRE = "783214"
JEAN = "17874544"


def at(minutes: int) -> str:
    """A created_at as X writes it, `minutes` after BASE."""
    return (BASE + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def counts(likes: int, retweets: int, replies: int, quotes: int) -> dict[str, int]:
    return {
        "retweet_count": retweets,
        "reply_count": replies,
        "like_count": likes,
        "quote_count": quotes,
        "bookmark_count": 0,
        "impression_count": 10 * likes + 7,
    }


def tweet(tweet_id: str, author: str, minutes: int, text: str, **fields: Any) -> dict[str, Any]:
    return {
        "id": tweet_id,
        "text": text,
        "created_at": at(minutes),
        "lang": "fr",
        "author_id": author,
        "conversation_id": tweet_id,
        "edit_history_tweet_ids": [tweet_id],
        "public_metrics": counts(0, 0, 0, 0),
    } | fields


def user(user_id: str, username: str, name: str, followers: int) -> dict[str, Any]:
    return {
        "id": user_id,
        "username": username,
        "name": name,
        "verified": False,
        "public_metrics": {
            "followers_count": followers,
            "following_count": 120,
            "tweet_count": 5120,
            "listed_count": 33,
            "like_count": 800,
        },
    }


ORIGINAL_TEXT = (
    "Nouvelle ligne Paris – Montréal dès le 1er mars ! Réservez dès aujourd'hui sur notre"
    " site &amp; profitez de -20 % jusqu'à dimanche. Bagage cabine inclus, repas à bord,"
    " et le wifi gratuit pour tous 🎉"
)


def first_page() -> dict[str, Any]:
    """The newest page: a retweet, a reply, a quote by an author X did not include, a root."""
    return {
        "data": [
            tweet(
                RETWEET,
                CLAIRE,
                50,
                "RT @airaurore: Nouvelle ligne Paris – Montréal dès le 1er mars ! Réservez dès"
                " aujourd'hui sur notre site &amp; profitez de -20 % jusqu'à dimanche. Bag…",
                public_metrics=counts(0, 41, 0, 0),
                referenced_tweets=[{"type": "retweeted", "id": ORIGINAL}],
            ),
            tweet(
                REPLY,
                CLAIRE,
                40,
                "@airaurore Vol AZ123 encore en retard &gt; 2h… &lt;3 quand même l'équipage",
                conversation_id=ROOT,
                in_reply_to_user_id=AIR_AURORE,
                public_metrics=counts(3, 0, 1, 0),
                referenced_tweets=[{"type": "replied_to", "id": ROOT}],
                entities={"mentions": [{"start": 0, "end": 10, "username": "airaurore"}]},
            ),
            tweet(
                QUOTE,
                JEAN,
                30,
                "😂😂 https://t.co/Qz7xK2mPwe",
                lang="und",
                public_metrics=counts(2, 0, 0, 1),
                referenced_tweets=[{"type": "quoted", "id": ROOT}],
            ),
            tweet(
                ROOT,
                AIR_AURORE,
                20,
                "Our winter schedule is out: 14 new routes from Paris-CDG ✈️",
                lang="en",
                public_metrics=counts(120, 18, 9, 4),
            ),
        ],
        "includes": {
            "users": [
                user(CLAIRE, "claire_voyage", "Claire D.", 1532),
                user(AIR_AURORE, "airaurore", "Air Aurore ✈️", 250013),
                user(CLAIRE, "claire_voyage", "Claire D.", 1532),  # X repeats an author
            ],
            "tweets": [
                tweet(
                    ORIGINAL,
                    AIR_AURORE,
                    10,
                    ORIGINAL_TEXT,
                    public_metrics=counts(640, 41, 12, 3),
                ),
                tweet(ROOT, AIR_AURORE, 20, "Our winter schedule is out", lang="en"),
            ],
        },
        "meta": {
            "newest_id": RETWEET,
            "oldest_id": ROOT,
            "result_count": 4,
            "next_token": "b26v89c19zqg8o3fpdsw8x0dobvxr8xb8mo6wcpbk6hj1",
        },
    }


def second_page() -> dict[str, Any]:
    """The last page: the retweeted original, and a tweet whose quoted tweet was deleted."""
    return {
        "data": [
            tweet(ORIGINAL, AIR_AURORE, 10, ORIGINAL_TEXT, public_metrics=counts(640, 41, 12, 3)),
            tweet(
                OLDER,
                AIR_AURORE,
                5,
                "Retour sur notre annonce d'hier",
                referenced_tweets=[{"type": "quoted", "id": "1861000000000000001"}],
            ),
        ],
        "includes": {"users": [user(AIR_AURORE, "airaurore", "Air Aurore ✈️", 250013)]},
        "errors": [
            {
                "value": "1861000000000000001",
                "detail": "Could not find tweet with referenced_tweets.id: [1861000000000000001].",
                "title": "Not Found Error",
                "resource_type": "tweet",
                "parameter": "referenced_tweets.id",
                "resource_id": "1861000000000000001",
                "type": "https://api.twitter.com/2/problems/resource-not-found",
            }
        ],
        "meta": {"newest_id": ORIGINAL, "oldest_id": OLDER, "result_count": 2},
    }


NO_RESULTS = {"meta": {"result_count": 0}}
NEXT = {"next_token": "b26v89c19zqg8o3fpdsw8x0dobvxr8xb8mo6wcpbk6hj1"}


def settings(base_url: str, max_pages: int = 10, **queries: str) -> XSettings:
    return XSettings(
        enabled=True,
        base_url=base_url,
        max_pages=max_pages,
        requests_per_minute=60_000,
        timeout_seconds=2,
        max_attempts=2,
        max_retry_delay_seconds=0.1,
        queries={
            name: {"query": q} for name, q in (queries or {"air_aurore": "airaurore"}).items()
        },
    )


def reply(body: Any) -> Reply:
    return Reply.text(json.dumps(body, ensure_ascii=False))


def mention(warehouse: Path, post_id: str, columns: str) -> tuple:
    (row,) = rows(warehouse, f"select {columns} from raw.x_mentions where post_id = '{post_id}'")
    return row


def runs(warehouse: Path) -> list[tuple]:
    found = rows(
        warehouse,
        "select fetched, loaded, quarantined, duplicates, pages, stopped_because"
        " from raw.x_runs order by started_at",
    )
    assert all(fetched == loaded + q + dup for fetched, loaded, q, dup, *_ in found)
    return found


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FixtureServer]:
    """The warehouse after two runs: both pages, then a run asking only for newer tweets."""
    warehouse = tmp_path_factory.mktemp("searched") / "w.duckdb"
    with FixtureServer() as server:
        server.route(SEARCH, reply(first_page()))
        server.route(SEARCH, reply(second_page()), params=NEXT)
        server.route(SEARCH, reply(NO_RESULTS), params={"since_id": RETWEET})
        load(warehouse, x_source(settings(server.url), TOKEN))
        load(warehouse, x_source(settings(server.url), TOKEN))
    return warehouse, server


def test_pages_are_followed_and_a_second_run_asks_only_for_newer_tweets(
    searched: tuple[Path, FixtureServer],
) -> None:
    warehouse, server = searched
    first, second, third = server.requests_to(SEARCH)
    assert first.query == {
        "query": ["airaurore"],
        "max_results": ["100"],
        "tweet.fields": [
            "created_at,lang,public_metrics,conversation_id,in_reply_to_user_id,"
            "referenced_tweets,author_id,entities"
        ],
        "expansions": ["author_id,referenced_tweets.id"],
        "user.fields": ["username,name,public_metrics,verified"],
    }
    assert first.headers["Authorization"] == f"Bearer {TOKEN}"
    assert second.query["next_token"] == [NEXT["next_token"]] and "since_id" not in second.query
    # The newest tweet loaded, and no next_token: the second run starts a new search.
    assert third.query["since_id"] == [RETWEET] and "next_token" not in third.query

    assert rows(warehouse, "select count(*), count(distinct post_id) from raw.x_mentions") == [
        (6, 6)
    ]
    assert runs(warehouse) == [(6, 6, 0, 0, 2, "last_page"), (0, 0, 0, 0, 1, "last_page")]


def test_a_tweet_maps_onto_the_mention_shape(searched: tuple[Path, FixtureServer]) -> None:
    warehouse, _ = searched
    columns = (
        "platform, query, url, lang, author_id, author_handle, author_name, author_followers,"
        " title, text, likes, shares, comments, published_at, parent_post_id, thread_id,"
        " reshare_of_post_id"
    )
    assert mention(warehouse, ROOT, columns) == (
        "x",
        "air_aurore",
        f"https://x.com/airaurore/status/{ROOT}",
        "en",
        AIR_AURORE,
        "airaurore",
        "Air Aurore ✈️",
        250013,
        None,
        "Our winter schedule is out: 14 new routes from Paris-CDG ✈️",
        120,
        18,  # retweets only: the 4 quotes stay in the payload
        9,
        BASE + timedelta(minutes=20),
        None,
        None,  # the root of its own conversation
        None,
    )
    (published_at,) = mention(warehouse, ROOT, "published_at")
    assert published_at.utcoffset() == timedelta(0)
    (payload,) = mention(warehouse, ROOT, "payload")
    assert json.loads(payload) == first_page()["data"][3]


def test_replies_retweets_and_quotes(searched: tuple[Path, FixtureServer]) -> None:
    warehouse, _ = searched
    assert mention(warehouse, REPLY, "text, parent_post_id, thread_id, reshare_of_post_id") == (
        "@airaurore Vol AZ123 encore en retard > 2h… <3 quand même l'équipage",
        ROOT,
        ROOT,
        None,
    )
    # A retweet: the full text of what it retweets (X cuts its own "RT @…" copy), its own counts.
    assert mention(
        warehouse, RETWEET, "text, reshare_of_post_id, author_handle, author_followers, shares"
    ) == (html_unescaped(ORIGINAL_TEXT), ORIGINAL, "claire_voyage", 1532, 41)
    # An author X did not include: X's author-less URL; "und" names no language.
    assert mention(warehouse, QUOTE, "url, author_id, author_handle, lang, shares") == (
        f"https://x.com/i/web/status/{QUOTE}",
        JEAN,
        None,
        None,
        0,
    )


def html_unescaped(text: str) -> str:
    return text.replace("&amp;", "&")


def test_partial_errors_keep_the_tweets_and_are_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server, caplog.at_level(logging.WARNING, logger="ingestion.x"):
        server.route(SEARCH, reply(second_page()))
        load(warehouse, x_source(settings(server.url), TOKEN))
    assert mention(warehouse, OLDER, "text, published_at") == (
        "Retour sur notre annonce d'hier",
        BASE + timedelta(minutes=5),
    )
    (logged,) = [r.getMessage() for r in caplog.records if r.name == "ingestion.x"]
    assert "1 partial error(s)" in logged and "Not Found Error Could not find tweet" in logged
    assert runs(warehouse) == [(2, 2, 0, 0, 1, "last_page")]


def test_unreadable_tweets_are_quarantined_and_renamed_fields_give_nulls(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    page = first_page()
    retweet, reply_, quote, root = page["data"]
    retweet.pop("id")
    reply_["createdAt"] = reply_.pop("created_at")  # renamed: no date, no mention
    quote["created_at"] = "2026-11-20 14:03:11"  # no time zone
    root["public_metrics"]["likes"] = root["public_metrics"].pop("like_count")  # renamed
    root["public_metrics"]["retweet_count"] = "eighteen"  # mistyped
    root["author_id"] = "999"  # not in includes.users
    root["brand_new_field"] = {"nested": [1, 2]}
    page["data"] += ["not a tweet", tweet("12ab", JEAN, 1, "bad id")]
    del page["meta"]["next_token"]
    with FixtureServer() as server:
        server.route(SEARCH, reply(page))
        load(warehouse, x_source(settings(server.url), TOKEN))

    assert sorted(rows(warehouse, "select reason, record_id from raw.x_quarantine")) == [
        (f"created_at is not an ISO 8601 date-time with a time zone: {quote['created_at']}", QUOTE),
        ("id is not a tweet id (digits): 12ab", None),
        ("no created_at (is tweet.fields=created_at still asked for?)", REPLY),
        ("no id", None),
        ("not a tweet: expected a JSON object", None),
    ]
    assert mention(warehouse, ROOT, "likes, shares, comments, author_handle, url") == (
        None,
        None,
        9,
        None,
        f"https://x.com/i/web/status/{ROOT}",
    )
    assert runs(warehouse) == [(6, 1, 5, 0, 1, "last_page")]


def test_errors_only_a_truncated_body_and_no_data_are_quarantined(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    errors_only = {
        "errors": [
            {
                "title": "Invalid Request",
                "detail": "One or more parameters to your request was invalid.",
                "type": "https://api.twitter.com/2/problems/invalid-request",
            }
        ]
    }
    renamed = {"tweets": first_page()["data"], "result_count": 4}
    queries = {"errors": "errors", "truncated": "truncated", "renamed": "renamed"}
    with FixtureServer() as server:
        server.route(SEARCH, reply(errors_only), params={"query": "errors"})
        server.route(
            SEARCH, Reply.text(json.dumps(first_page())[:900]), params={"query": "truncated"}
        )
        server.route(SEARCH, reply(renamed), params={"query": "renamed"})
        load(warehouse, x_source(settings(server.url, **queries), TOKEN))
    reasons = dict(rows(warehouse, "select query, reason from raw.x_quarantine"))
    assert reasons["errors"].endswith(
        "X answered only errors: Invalid Request One or more parameters to your request was invalid."
    )
    assert "not valid JSON" in reasons["truncated"]
    assert "no `data` list and no `meta` (keys: result_count, tweets)" in reasons["renamed"]
    assert [run[:5] for run in runs(warehouse)] == [(1, 0, 1, 0, 0)] * 3


def test_no_results_end_the_search_and_max_pages_caps_it(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    with FixtureServer() as server:
        server.route(SEARCH, reply(NO_RESULTS))
        load(warehouse, x_source(settings(server.url), TOKEN))
        server.route(SEARCH, reply(first_page()))
        load(warehouse, x_source(settings(server.url, max_pages=1), TOKEN))
        assert len(server.requests_to(SEARCH)) == 2
    assert runs(warehouse) == [(0, 0, 0, 0, 1, "last_page"), (4, 4, 0, 0, 1, "max_pages")]


def test_a_429_waits_until_x_rate_limit_reset(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    too_many = {"title": "Too Many Requests", "detail": "Too Many Requests", "status": 429}
    with FixtureServer() as server:
        limited = settings(server.url).model_copy(update={"max_retry_delay_seconds": 10.0})
        reset = str(int(time.time()) + 3)
        server.route(
            SEARCH,
            Reply.text(json.dumps(too_many), status=429, **{"x-rate-limit-reset": reset}),
            reply(NO_RESULTS),
        )
        started = time.monotonic()
        load(warehouse, x_source(limited, TOKEN))
        waited = time.monotonic() - started
        assert len(server.requests_to(SEARCH)) == 2
    # The backoff alone would wait 1 s; X asked for the rest of its window (2 to 4 s here).
    assert waited >= 2.0
    assert runs(warehouse) == [(0, 0, 0, 0, 1, "last_page")]


def test_the_token_comes_from_the_environment_and_is_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "w.duckdb"
    monkeypatch.setenv("ECOUTE_X_BEARER_TOKEN", TOKEN)
    unauthorized = {"title": "Unauthorized", "detail": f"Invalid token {TOKEN}", "status": 401}
    with FixtureServer() as server:
        server.route(SEARCH, Reply.text(json.dumps(unauthorized), status=401))
        load(warehouse, source_for(settings(server.url)))
        (request,) = server.requests_to(SEARCH)
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    ((stopped,),) = rows(warehouse, "select stopped_because from raw.x_runs")
    assert stopped.startswith("error: x:") and "HTTP 401" in stopped
    assert TOKEN not in stopped and "Invalid token ***" in stopped


def test_since_id_is_the_newest_id_loaded_while_x_accepts_it() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    cursor = QueryCursor(now - timedelta(days=2), ("998", "1000", "999"))
    assert since_id(cursor, now) == "1000"  # compared as numbers, not text
    assert since_id(QueryCursor(now - timedelta(days=6, minutes=1), ("1000",)), now) is None
    assert since_id(QueryCursor(), now) is None


def test_the_connector_is_registered_and_builds_without_queries() -> None:
    (connector,) = [c for c in CONNECTORS if c.name == "x"]
    defaults = connector.settings(None)
    assert defaults.base_url == "https://api.x.com/2" and not defaults.queries
    assert not connector.is_configured(defaults)
    assert list(connector.source(defaults).resources) == ["x_mentions"]
    assert [(c.env_var, c.required) for c in connector.credentials] == [
        ("ECOUTE_X_BEARER_TOKEN", True)
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
  x:
    enabled: true
    queries:
      brand_fr:
        query: '("air aurore" OR #airaurore) lang:fr -is:retweet'
"""


def config_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "listening.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_settings_load_from_listening_yml(tmp_path: Path) -> None:
    x = load_config(config_file(tmp_path, CONFIG)).sources.x
    assert x.enabled and x.base_url == "https://api.x.com/2"
    assert x.queries["brand_fr"].query == '("air aurore" OR #airaurore) lang:fr -is:retweet'
    assert x.requests_per_minute == 4 and x.max_retry_delay_seconds == 900


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("        query: '", "        q: '"), "q"),
        (("    enabled: true", "    enabled: true\n    base_url: api.x.com/2"), "base_url"),
        (('\'("air aurore"', f'\'{"a" * 500} ("air aurore"'), "512"),
        (("      brand_fr:", "      Brand FR:"), "Brand FR"),
    ],
)
def test_bad_settings_are_config_errors(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    text = CONFIG.replace(*change)
    assert text != CONFIG
    with pytest.raises(ConfigError) as caught:
        load_config(config_file(tmp_path, text))
    assert expected in str(caught.value)
