"""Reddit's public JSON endpoints: which listing a query reads, its pages, and comment trees.

Listings (`/search.json`, `/r/<sub>/search.json`, `/r/<sub>/new.json`) are
newest first, 100 things a page, the next page asked with `after` = the
fullname in `data.after` (null on the last page). `raw_json=1` asks for text
as typed, without the HTML escaping Reddit otherwise adds.

A comment tree (`/comments/<id>.json`) is an array of two listings: the post,
then its comments, each nesting its answers in `replies` (a listing, or ""
when there are none). Where Reddit cuts a tree short it leaves a `more` stub:
either ids of comments not included, which `/api/morechildren.json` returns
(up to `comments_per_post` comments in all per post), or no ids at all
("continue this thread": a reply chain deeper than the page), which is not
followed. Both are counted (`CommentTree`), never dropped silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from ecoute.source_settings.reddit import RedditQuery
from ingestion.common.http import MalformedPayload, ServiceClient

LISTING_LIMIT = 100  # Reddit's maximum page size
MORECHILDREN_BATCH = 100  # ids one `/api/morechildren` call may ask for


def listing_request(query: RedditQuery) -> tuple[str, dict[str, str]]:
    """The path and parameters of the first page of `query`'s listing."""
    common = {"limit": str(LISTING_LIMIT), "raw_json": "1"}
    if query.kind == "new":
        return f"/r/{query.subreddit}/new.json", common
    search = {"q": query.q or "", "sort": "new", **common}
    if query.subreddit:
        return f"/r/{query.subreddit}/search.json", {**search, "restrict_sr": "1"}
    return "/search.json", search


def listing_things(
    client: ServiceClient, path: str, params: dict[str, str]
) -> tuple[list[Any], str | None]:
    """The things of one listing page and the `after` of the next page (None on the last)."""
    body = client.get_json(path, params)
    data = body.get("data") if isinstance(body, dict) else None
    children = data.get("children") if isinstance(data, dict) else None
    if not isinstance(children, list):
        raise MalformedPayload(
            f"reddit: {path}?{urlencode(params)}: not a listing (no `data.children` list)",
            json.dumps(body, ensure_ascii=False),
        )
    after = data.get("after")
    return children, after if isinstance(after, str) and after else None


@dataclass
class CommentTree:
    """The comments of one post as fetched, and what Reddit listed but was not fetched."""

    comments: list[Any] = field(default_factory=list)  # things, each without its `replies`
    # (body, reason) of each response that was not what it should be.
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    ids_not_fetched: int = 0  # listed in `more` stubs, beyond `comments_per_post`
    threads_not_followed: int = 0  # "continue this thread" stubs


def comment_tree(client: ServiceClient, post_id: str, comments_per_post: int) -> CommentTree:
    """The comments of post `post_id` (without prefix), completed through `/api/morechildren`.

    A response that is not what it should be is kept in `unreadable` and ends
    the post's fetching; an HTTP or network failure raises `SourceError`.
    """
    tree = CommentTree()
    path = f"/comments/{post_id}.json"
    params = {"limit": str(comments_per_post), "raw_json": "1"}
    try:
        body = client.get_json(path, params)
    except MalformedPayload as error:
        tree.unreadable.append((error.body, str(error)))
        return tree
    children = _comment_listing(body)
    if children is None:
        tree.unreadable.append(
            (
                json.dumps(body, ensure_ascii=False),
                f"reddit: {path}?{urlencode(params)}: not a comment page"
                " (an array of two listings: the post, then its comments)",
            )
        )
        return tree
    pending = _gather(tree, children)
    asked: set[str] = set()
    while pending:
        room = comments_per_post - len(tree.comments)
        if room <= 0:
            break
        batch = pending[: min(MORECHILDREN_BATCH, room)]
        pending = pending[len(batch) :]
        asked.update(batch)
        things = _more_children(client, tree, post_id, batch)
        if things is None:
            break
        pending += [i for i in _gather(tree, things) if i not in asked and i not in pending]
    tree.ids_not_fetched = len(pending)
    return tree


def _comment_listing(body: Any) -> list[Any] | None:
    """The top-level comments of a comment page, or None when the page is not one."""
    if not (isinstance(body, list) and len(body) == 2 and isinstance(body[1], dict)):
        return None
    data = body[1].get("data")
    children = data.get("children") if isinstance(data, dict) else None
    return children if isinstance(children, list) else None


def _more_children(
    client: ServiceClient, tree: CommentTree, post_id: str, ids: list[str]
) -> list[Any] | None:
    """The things `/api/morechildren` returns for `ids`; None (and an unreadable entry) if unreadable."""
    path = "/api/morechildren.json"
    params = {
        "api_type": "json",
        "link_id": f"t3_{post_id}",
        "children": ",".join(ids),
        "limit_children": "false",
        "raw_json": "1",
    }
    try:
        body = client.get_json(path, params)
    except MalformedPayload as error:
        tree.unreadable.append((error.body, str(error)))
        return None
    answer = body.get("json") if isinstance(body, dict) else None
    data = answer.get("data") if isinstance(answer, dict) else None
    things = data.get("things") if isinstance(data, dict) else None
    if not isinstance(things, list):
        tree.unreadable.append(
            (
                json.dumps(body, ensure_ascii=False),
                f"reddit: {path} for post {post_id}: no `json.data.things` list"
                f" (errors: {answer.get('errors') if isinstance(answer, dict) else None})",
            )
        )
        return None
    return things


def _gather(tree: CommentTree, things: list[Any]) -> list[str]:
    """Adds the comments of `things` and of all their replies to `tree`; the ids their `more` stubs list.

    Each comment is kept without `replies`: its answers are records of their
    own (linked by `parent_id`), and keeping them would copy every subtree into
    each of its ancestors.
    """
    listed: list[str] = []
    stack = list(reversed(things))
    while stack:
        thing = stack.pop()
        data = thing.get("data") if isinstance(thing, dict) else None
        if isinstance(thing, dict) and thing.get("kind") == "more":
            ids = data.get("children") if isinstance(data, dict) else None
            ids = [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
            listed += ids
            tree.threads_not_followed += not ids
            continue
        if isinstance(data, dict) and "replies" in data:
            replies = data["replies"]
            listing = replies.get("data") if isinstance(replies, dict) else None
            nested = listing.get("children") if isinstance(listing, dict) else None
            if isinstance(nested, list):
                stack.extend(reversed(nested))
            thing = {**thing, "data": {k: v for k, v in data.items() if k != "replies"}}
        tree.comments.append(thing)
    return listed
