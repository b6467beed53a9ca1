"""What `listening.yml` says about each source connector (`sources.<service>`), validated on load.

Every connector's section shares `ConnectorSettings`: whether it runs, where
the service is (`base_url`: self-hosted instances, proxies, tests), how many
pages a query may read per run, and how hard and how fast to call the
service. Each service adds its queries in its own module here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class StrictSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConnectorSettings(StrictSettings):
    """Shared by every connector's section of `sources`."""

    enabled: bool = False
    base_url: str = Field(default="", pattern=r"^(https?://\S+)?$")
    # Pages one query reads per run at most; a backlog beyond is left (see its run row).
    max_pages: int = Field(default=10, ge=1, le=10_000)
    requests_per_minute: float = Field(default=60.0, gt=0, le=60_000)
    timeout_seconds: float = Field(default=30.0, gt=0, le=600)
    max_attempts: int = Field(default=5, ge=1, le=20)
    max_retry_delay_seconds: float = Field(default=300.0, ge=0, le=3_600)

    def http_settings(
        self,
    ):  # -> ingestion.common.http.HttpSettings (kept out of this module's imports)
        from ingestion.common.http import HttpSettings

        return HttpSettings(
            timeout_seconds=self.timeout_seconds,
            max_attempts=self.max_attempts,
            max_retry_delay_seconds=self.max_retry_delay_seconds,
            requests_per_minute=self.requests_per_minute,
        )
