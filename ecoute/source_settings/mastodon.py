"""What `listening.yml` says about Mastodon (`sources.mastodon`): one instance, and what to read there.

A query reads either a hashtag's timeline (public: no token needed) or the
instance's full-text search of statuses (most instances answer it only with a
token, `ECOUTE_MASTODON_TOKEN`). Ids are the instance's own, so every query
reads the same instance: `base_url`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator, model_validator

from ecoute.source_settings import ConnectorSettings, Name, StrictSettings

# Mastodon's hashtags are letters, digits, underscores and a few joiners (·, ‧); the
# leading `#` is optional in the configuration, as people write it both ways.
Hashtag = Annotated[str, Field(pattern=r"^#?[\w·‧]+$", max_length=200)]


class MastodonQuery(StrictSettings):
    """One thing to listen for: a hashtag's timeline, or a full-text search."""

    hashtag: Hashtag | None = None
    search: str | None = Field(default=None, min_length=1, max_length=500)

    @field_validator("hashtag")
    @classmethod
    def _without_hash(cls, value: str | None) -> str | None:
        return value.removeprefix("#") if value is not None else None

    @model_validator(mode="after")
    def _exactly_one(self) -> MastodonQuery:
        if (self.hashtag is None) == (self.search is None):
            raise ValueError(
                "give exactly one of `hashtag` (a tag timeline, e.g. `hashtag: rstats`)"
                " or `search` (full-text search, needs ECOUTE_MASTODON_TOKEN)"
            )
        return self


class MastodonSettings(ConnectorSettings):
    base_url: str = Field(default="https://mastodon.social", pattern=r"^https?://\S+$")
    queries: dict[Name, MastodonQuery] = Field(default_factory=dict)
