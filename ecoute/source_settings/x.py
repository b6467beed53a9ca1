"""`sources.x` of `listening.yml`: which X (Twitter) recent searches to follow, through the API v2."""

from __future__ import annotations

from pydantic import Field

from ecoute.source_settings import ConnectorSettings, Name, StrictSettings

# X's limit on a recent-search query on the self-serve plans (Basic, Pro); Enterprise allows more.
MAX_QUERY_LENGTH = 512


class XQuery(StrictSettings):
    """One recent search (`GET /tweets/search/recent`): the last seven days, newest first."""

    # X's search syntax: words, "phrases", #tags, @mentions, from:, lang:, -is:retweet, OR, ( )…
    query: str = Field(min_length=1, max_length=MAX_QUERY_LENGTH, pattern=r"\S")


class XSettings(ConnectorSettings):
    """The X connector: the API v2 with an app's bearer token (`ECOUTE_X_BEARER_TOKEN`).

    The defaults suit the Basic plan, whose recent search allows 60 requests per
    15 minutes (4 a minute); a 429 waits until X's `x-rate-limit-reset`, which
    is at most one 15-minute window away, so a retry may wait that long.
    """

    base_url: str = Field(default="https://api.x.com/2", pattern=r"^https?://\S+$")
    requests_per_minute: float = Field(default=4.0, gt=0, le=60_000)
    max_retry_delay_seconds: float = Field(default=900.0, ge=0, le=3_600)
    queries: dict[Name, XQuery] = Field(default_factory=dict)
