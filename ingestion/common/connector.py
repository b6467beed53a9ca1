"""What the rest of Écoute needs to know about a connector: its name, its settings, its credentials, its dlt source.

`ingestion/connectors.py` lists them; Dagster makes one asset per connector
(`orchestration/defs/connectors.py`) and `ecoute sources check` reports on
each from the same list.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ecoute.source_settings import ConnectorSettings


@dataclass(frozen=True)
class Credential:
    """A secret read from an environment variable (or dlt's secrets.toml under the same name, lower case)."""

    env_var: str
    description: str
    required: bool = True

    def value(self) -> str | None:
        """The secret, from the environment, else from dlt's secrets; never logged."""
        found = os.environ.get(self.env_var)
        if found:
            return found
        import dlt

        try:
            return dlt.secrets.get(self.env_var.lower())
        except Exception:  # dlt raises its own errors for an absent or unreadable secrets file
            return None


@dataclass(frozen=True)
class Connector:
    name: str  # the raw tables are `<name>_mentions`, `<name>_quarantine`, `<name>_runs`
    label: str
    description: str
    settings: Callable[[Any], ConnectorSettings]  # the section of a ListeningConfig
    source: Callable[[ConnectorSettings], Any]  # the dlt source for those settings
    credentials: tuple[Credential, ...] = ()
    # What a configured section must have to do anything (e.g. "at least one query").
    is_configured: Callable[[ConnectorSettings], bool] = lambda settings: True

    def missing_credentials(self) -> list[Credential]:
        return [c for c in self.credentials if c.required and not c.value()]
