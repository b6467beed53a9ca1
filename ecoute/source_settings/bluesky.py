"""`sources.bluesky` of `listening.yml`: which Bluesky searches to follow, and where the AppView is."""

from __future__ import annotations

from pydantic import Field

from ecoute.source_settings import ConnectorSettings, Name, StrictSettings


class BlueskyQuery(StrictSettings):
    """One search of `app.bsky.feed.searchPosts`, newest posts first."""

    # Bluesky's search syntax: words, "phrases", #tags, from:handle, -exclusions…
    q: str = Field(min_length=1, pattern=r"\S")
    # Only posts their authors tagged with this language (BCP 47: fr, en, pt-BR…).
    lang: str | None = Field(default=None, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class BlueskySettings(ConnectorSettings):
    """The Bluesky connector: the public AppView by default (no account needed where it allows search)."""

    base_url: str = Field(default="https://public.api.bsky.app", pattern=r"^https?://\S+$")
    queries: dict[Name, BlueskyQuery] = Field(default_factory=dict)
