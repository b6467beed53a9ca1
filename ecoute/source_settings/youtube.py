"""What `listening.yml` says about YouTube (`sources.youtube`): whose comments to read.

A query follows the comment threads of one video (`video_id`) or of every
video of one channel (`channel_id`), through the YouTube Data API v3 with an
API key (`ECOUTE_YOUTUBE_API_KEY`). Ids, not URLs or handles: they are what the
API takes, and a channel's handle can change while its id cannot.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from ecoute.source_settings import ConnectorSettings, Name, StrictSettings

# The 11-character id after `watch?v=`, and the 24-character channel id ("UC" + 22).
VIDEO_ID = r"^[A-Za-z0-9_-]{11}$"
CHANNEL_ID = r"^UC[A-Za-z0-9_-]{22}$"


class YoutubeQuery(StrictSettings):
    """The comment threads of one video, or of all the videos of one channel."""

    video_id: str | None = Field(default=None, pattern=VIDEO_ID)
    channel_id: str | None = Field(default=None, pattern=CHANNEL_ID)

    @model_validator(mode="after")
    def _exactly_one(self) -> YoutubeQuery:
        if (self.video_id is None) == (self.channel_id is None):
            raise ValueError(
                "give exactly one of `video_id` (the 11 characters after `watch?v=`, e.g."
                " `video_id: F1UP7wRCPH8`) or `channel_id` (the channel's 24-character id"
                " starting with UC, e.g. `channel_id: UC_x5XG1OV2P6uZZ5FSM9Ttw`)"
            )
        return self


class YoutubeSettings(ConnectorSettings):
    """`sources.youtube`: the Data API v3 (10,000 quota units a day by default; a page costs 1)."""

    base_url: str = Field(
        default="https://www.googleapis.com/youtube/v3", pattern=r"^https?://\S+$"
    )
    queries: dict[Name, YoutubeQuery] = Field(default_factory=dict)
