"""Reddit: posts that match a search or appear in a subreddit, and optionally their comments.

Each query of `sources.reddit.queries` (`listening.yml`) reads its listing
newest first, page by page, until it reaches what the previous run loaded,
the last page, or `max_pages` (`ingestion.common.collector`). A query with
`comments: true` then fetches the comment tree of each post it found new
(`ingestion.reddit.api.comment_tree`) and collects those comments as the
query `<name>/comments`, with a cursor of its own: comments are newer than
their posts, and one shared cursor would make the next run take new posts
for old ones.

    pipeline.run(reddit(load_config().sources.reddit))
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from typing import Any

import dlt
import pyarrow as pa
from dlt.sources import DltResource

from ecoute.source_settings.reddit import RedditQuery, RedditSettings
from ingestion.common.collector import Page, collect
from ingestion.common.http import ServiceClient, SourceError
from ingestion.common.records import MENTION_SCHEMA, dlt_columns
from ingestion.reddit.api import comment_tree, listing_request, listing_things
from ingestion.reddit.mapping import comments_page, posts_page

__all__ = ["reddit"]

SERVICE = "reddit"
logger = logging.getLogger(__name__)


@dlt.source(name=SERVICE)
def reddit(settings: RedditSettings | None = None) -> DltResource:
    """Reddit's posts (and comments) for the queries of `settings` (none by default: nothing fetched).

    Returns:
        `reddit_mentions`, merged on `post_id`; the collector adds the
        `reddit_quarantine` and `reddit_runs` tables.
    """
    return reddit_mentions(settings or RedditSettings())


def reddit_mentions(settings: RedditSettings) -> DltResource:
    @dlt.resource(
        name=f"{SERVICE}_mentions",
        write_disposition="merge",
        primary_key="post_id",
        columns=dlt_columns(MENTION_SCHEMA),
    )
    def mentions() -> Iterator[Any]:
        client = ServiceClient(
            SERVICE,
            settings.base_url,
            settings.http_settings(),
            headers={"User-Agent": settings.user_agent},
        )
        run_id = uuid.uuid4().hex
        for name, query in settings.queries.items():
            new_posts: list[pa.Table] = []
            posts = post_pages(client, name, query)
            for item in collect(SERVICE, name, posts, client, settings.max_pages, run_id):
                # The collector yields the new mentions as plain Arrow tables
                # (quarantine and run rows come wrapped with their table hints).
                if isinstance(item, pa.Table) and "post_id" in item.column_names:
                    new_posts.append(item.select(["post_id", "payload"]))
                yield item
            if query.comments:
                comments_query = f"{name}/comments"
                trees = comment_pages(client, comments_query, new_posts, query.comments_per_post)
                yield from collect(SERVICE, comments_query, trees, client, 1, run_id)

    return mentions


def post_pages(client: ServiceClient, name: str, query: RedditQuery) -> Iterator[Page]:
    """The pages of `query`'s listing, lazily: the collector stops asking when it has enough."""
    path, params = listing_request(query)
    after: str | None = None
    while True:
        things, after = listing_things(
            client, path, {**params, **({"after": after} if after else {})}
        )
        # An empty page with an `after` would have the next one empty too.
        yield posts_page(name, things, is_last=after is None or not things)
        if after is None or not things:
            return


def comment_pages(
    client: ServiceClient, name: str, new_posts: list[pa.Table], comments_per_post: int
) -> Iterator[Page]:
    """One page: the comments of every new post's tree.

    One page, not one per post, because the collector ends a query at the first
    page holding anything older than its cursor, and a tree may hold a comment
    older than the newest one of the last run (a post that the search listed
    late): the other trees must still be read.

    A post whose tree cannot be fetched (HTTP or network failure) is
    quarantined with the reason and its post record, and so is every post after
    it: Reddit is then likely down, and each try would wait through retries.
    """
    posts = pa.concat_tables(new_posts).to_pylist() if new_posts else []
    if not posts:
        return
    things: list[Any] = []
    unreadable: list[tuple[str | None, str, str]] = []
    ids_not_fetched = threads_not_followed = 0
    for index, post in enumerate(posts):
        try:
            tree = comment_tree(client, post["post_id"], comments_per_post)
        except SourceError as error:
            logger.warning("%s (comment trees of %d posts not fetched)", error, len(posts) - index)
            reason = f"comment tree not fetched: {error}"
            unreadable += [(p["post_id"], p["payload"], reason) for p in posts[index:]]
            break
        things += tree.comments
        unreadable += [(post["post_id"], body, reason) for body, reason in tree.unreadable]
        ids_not_fetched += tree.ids_not_fetched
        threads_not_followed += tree.threads_not_followed
    logger.info(
        "reddit query %r: %d comments fetched from %d posts; not fetched: %d comment ids beyond"
        " comments_per_post (%d), %d deeper threads ('continue this thread')",
        name,
        len(things),
        len(posts),
        ids_not_fetched,
        comments_per_post,
        threads_not_followed,
    )
    yield comments_page(name, things, unreadable)
