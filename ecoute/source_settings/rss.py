"""`sources.rss` in `listening.yml`: the RSS, RDF and Atom feeds to read (news sites, blogs, Google Alerts).

Each feed is a query of its own: its cursor, its run row, its quarantine rows.
Feeds are absolute URLs, so the shared `base_url` stays empty.
"""

from __future__ import annotations

import codecs

from pydantic import Field, field_validator

from ecoute.source_settings import ConnectorSettings, Name, StrictSettings


class Feed(StrictSettings):
    """One feed: where it is, what kind of site publishes it, and how to read it if it does not say."""

    url: str = Field(pattern=r"^https?://\S+$")
    # The mentions' platform: "news" for a news site or an alert feed, "blog" for a blog…
    platform: Name = "news"
    # Used only when neither the feed's XML declaration nor the HTTP Content-Type
    # names a charset (e.g. an ISO-8859-1 feed served without either).
    encoding: str | None = None

    @field_validator("encoding")
    @classmethod
    def _encoding_exists(cls, value: str | None) -> str | None:
        if value is None:
            return value
        try:
            codecs.lookup(value)
        except LookupError:
            raise ValueError(
                f"unknown encoding {value!r} (a Python codec name such as 'iso-8859-1' or 'cp1252')"
            ) from None
        return value


class RssSettings(ConnectorSettings):
    feeds: dict[Name, Feed] = Field(default_factory=dict)
