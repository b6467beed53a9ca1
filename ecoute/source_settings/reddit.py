"""What `listening.yml` says about Reddit (`sources.reddit`): its queries and how politely to ask.

Reddit's public JSON endpoints need no credentials but do need a descriptive
User-Agent (Reddit blocks generic ones) and a low request rate: unauthenticated
clients get about ten requests a minute, hence the default below.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ecoute.source_settings import ConnectorSettings, Name, StrictSettings

# A subreddit name, or several joined by "+" (Reddit reads "a+b" as both at once).
SUBREDDIT = r"^[A-Za-z0-9][A-Za-z0-9_]{1,20}(\+[A-Za-z0-9][A-Za-z0-9_]{1,20})*$"


class RedditQuery(StrictSettings):
    """One thing to follow: a search (site-wide or in a subreddit), or a subreddit's new posts."""

    kind: Literal["search", "new"] = "search"
    # Reddit's search syntax (`"air aurore" OR airaurore`, `title:…`); 512 characters at most.
    q: str | None = Field(default=None, min_length=1, max_length=512)
    subreddit: str | None = Field(default=None, pattern=SUBREDDIT)
    # Also load the comment trees of the posts this query finds new (one request per post).
    comments: bool = False
    # Comments asked for per post, counting those fetched through `/api/morechildren`.
    comments_per_post: int = Field(default=100, ge=1, le=500)

    @model_validator(mode="after")
    def _kind_has_what_it_needs(self) -> RedditQuery:
        if self.kind == "search" and self.q is None:
            raise ValueError("a `search` query needs `q` (Reddit's search terms)")
        if self.kind == "new" and self.subreddit is None:
            raise ValueError("a `new` query needs `subreddit` (whose new posts to list)")
        if self.kind == "new" and self.q is not None:
            raise ValueError(
                "a `new` query lists every new post of its subreddit and takes no `q`;"
                " use `kind: search` with `subreddit` to search in one subreddit"
            )
        return self


class RedditSettings(ConnectorSettings):
    """`sources.reddit`: Reddit's public JSON endpoints (no account, no OAuth)."""

    base_url: str = Field(default="https://www.reddit.com", pattern=r"^https?://\S+$")
    requests_per_minute: float = Field(default=10.0, gt=0, le=60_000)
    user_agent: str = Field(default="ecoute/0.1 (social listening)", min_length=1, max_length=300)
    queries: dict[Name, RedditQuery] = Field(default_factory=dict)
