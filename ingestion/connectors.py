"""Every source connector Écoute has, for Dagster and `ecoute sources check`.

Adding a connector: its dlt source in `ingestion/<name>/`, its settings in
`ecoute/source_settings/<name>.py` (a field of `Sources` in `ecoute/config.py`),
its entry here, its name in the dbt var `connectors` and its dbt source in
`transform/models/staging/connectors/_connectors__sources.yml`.
"""

from __future__ import annotations

from ecoute.source_settings.bluesky import BlueskySettings
from ecoute.source_settings.files import FilesSettings
from ecoute.source_settings.hackernews import HackerNewsSettings
from ecoute.source_settings.mastodon import MastodonSettings
from ecoute.source_settings.reddit import RedditSettings
from ecoute.source_settings.rss import RssSettings
from ecoute.source_settings.x import XSettings
from ecoute.source_settings.youtube import YoutubeSettings
from ingestion import mastodon
from ingestion.bluesky import TOKEN as BLUESKY_TOKEN
from ingestion.bluesky import source_for as bluesky_source
from ingestion.common.connector import Connector
from ingestion.files import source_for as files_source
from ingestion.hackernews import hackernews_source
from ingestion.reddit import reddit
from ingestion.rss import rss_source
from ingestion.x import TOKEN as X_BEARER_TOKEN
from ingestion.x import source_for as x_source
from ingestion.youtube import API_KEY as YOUTUBE_API_KEY
from ingestion.youtube import youtube_source

CONNECTORS: tuple[Connector, ...] = (
    Connector(
        name="mastodon",
        label="Mastodon",
        description=(
            "Statuses of one Mastodon instance (`base_url`, default mastodon.social): each query"
            " reads a hashtag's public timeline or, with ECOUTE_MASTODON_TOKEN, a full-text search"
            " of statuses, 40 a page, newest first, following the `Link` header (tags) or the"
            " offset (search). Incremental: a query stops at the first page that reaches what an"
            " earlier run loaded, or after `max_pages`. HTML becomes text, a reblog is a reshare of"
            " the status it boosts, the content warning is the title."
        ),
        settings=lambda config: MastodonSettings() if config is None else config.sources.mastodon,
        source=mastodon.mastodon_source,
        credentials=(mastodon.TOKEN,),
        is_configured=lambda settings: bool(settings.queries),
    ),
    Connector(
        name="rss",
        label="RSS and Atom feeds",
        description=(
            "Reads every feed listed under sources.rss.feeds (RSS 2.0, RSS 1.0/RDF or Atom:"
            " news sites, blogs, Google Alerts), one request per feed, and loads each entry"
            " as a mention (title and text from HTML, author, link with Google redirects"
            " unwrapped, date in UTC). Incremental per feed: entries dated at or before the"
            " latest one already loaded are counted as duplicates, not loaded again. A feed"
            " that is not well-formed is quarantined with its URL and the reason, and the"
            " other feeds go on. No credentials."
        ),
        settings=lambda config: RssSettings() if config is None else config.sources.rss,
        source=rss_source,
        is_configured=lambda settings: bool(settings.feeds),
    ),
    Connector(
        name="hackernews",
        label="Hacker News",
        description=(
            "Hacker News stories and comments, from two public APIs without credentials."
            " A `search` query asks Algolia's HN search (`search_by_date`) for the stories"
            " and/or comments matching its words, newest first, 100 a page; it is incremental:"
            " each run asks only for what was created since the query's cursor and stops there."
            " A `topstories` query reads the front-page ranking from the official Firebase API"
            " and fetches its first `max_items` items; a ranking has no cursor, so every run"
            " merges the listed stories again with their current scores and comment counts."
            " Deleted and dead items are quarantined with that reason."
        ),
        settings=lambda config: (
            HackerNewsSettings() if config is None else config.sources.hackernews
        ),
        source=hackernews_source,
        is_configured=lambda settings: bool(settings.queries),
    ),
    Connector(
        name="bluesky",
        label="Bluesky",
        description=(
            "Bluesky posts matching each query of `sources.bluesky.queries`, searched with"
            " the AppView's app.bsky.feed.searchPosts (public AppView by default), newest"
            " first, 100 a page, following the service's cursor. Incremental: each query"
            " stops at the first page reaching what an earlier run loaded (at most"
            " `max_pages` pages a run). Counts are the AppView's at fetch time; a post"
            " found by two queries is kept once (merged on its at:// URI)."
        ),
        settings=lambda config: BlueskySettings() if config is None else config.sources.bluesky,
        source=bluesky_source,
        credentials=(BLUESKY_TOKEN,),
        is_configured=lambda settings: bool(settings.queries),
    ),
    Connector(
        name="reddit",
        label="Reddit",
        description=(
            "Posts from Reddit's public JSON endpoints: searches (site-wide or in one"
            " subreddit) and subreddits' new posts, each query read newest first until it"
            " reaches what the previous run loaded, its last page or `max_pages`; with"
            " `comments: true`, the comment tree of every post a run finds new, completed"
            " through `/api/morechildren` up to `comments_per_post`, collected as the query"
            " `<name>/comments` with its own cursor. No credentials; a descriptive"
            " User-Agent (`user_agent`) and about ten requests a minute."
        ),
        settings=lambda config: RedditSettings() if config is None else config.sources.reddit,
        source=reddit,
        is_configured=lambda settings: bool(settings.queries),
    ),
    Connector(
        name="x",
        label="X (Twitter)",
        description=(
            "Tweets matching each query of `sources.x.queries` (X search syntax), from the"
            " API v2 recent search (the last seven days) with an app's bearer token"
            " (ECOUTE_X_BEARER_TOKEN): newest first, 100 a page with their authors, following"
            " `next_token`. Incremental: from the second run each query sends `since_id` (the"
            " newest tweet loaded) and stops at the first page reaching what an earlier run"
            " loaded, or after `max_pages`. A retweet is a reshare of the tweet it retweets,"
            " a reply names its parent and conversation; a 429 waits until X's rate-limit"
            " window reopens."
        ),
        settings=lambda config: XSettings() if config is None else config.sources.x,
        source=x_source,
        credentials=(X_BEARER_TOKEN,),
        is_configured=lambda settings: bool(settings.queries),
    ),
    Connector(
        name="youtube",
        label="YouTube",
        description=(
            "Comments on YouTube videos, from the Data API v3 with an API key"
            " (ECOUTE_YOUTUBE_API_KEY): each query lists the comment threads of one video or of"
            " every video of one channel, newest first, 100 threads a page, following"
            " `nextPageToken`, and loads each top-level comment and each reply the thread carries"
            " as a mention (replies point at their parent and thread). Incremental: a query stops"
            " at the first page reaching what an earlier run loaded, or after `max_pages`. Each"
            " page costs one unit of the key's daily quota; an exhausted quota or comments turned"
            " off end the query with a run-row error that says so."
        ),
        settings=lambda config: YoutubeSettings() if config is None else config.sources.youtube,
        source=youtube_source,
        credentials=(YOUTUBE_API_KEY,),
        is_configured=lambda settings: bool(settings.queries),
    ),
    Connector(
        name="files",
        label="File drops (CSV, TSV, JSONL, Parquet)",
        description=(
            "Exports dropped in the folder of `sources.files` (other listening tools, review"
            " sites): every run reads the files matching each import's `pattern` with its"
            " column `map`, and loads each row as a mention whose id is `<platform>:<file id>`."
            " Delimiter, BOM and encoding are detected; ids a spreadsheet wrote in scientific"
            " notation and unreadable dates are quarantined with file:line and the reason."
            " A row already loaded with the same content is a duplicate, so re-reading a file"
            " adds nothing. A sensor (files_sensor, stopped by default) runs this when a file"
            " appears or changes; `ecoute import PATH` loads one file by hand."
        ),
        settings=lambda config: FilesSettings() if config is None else config.sources.files,
        source=files_source,
        is_configured=lambda settings: settings.folder is not None and bool(settings.imports),
    ),
)
