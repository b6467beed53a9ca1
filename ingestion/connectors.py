"""Every source connector Écoute has, for Dagster and `ecoute sources check`.

Adding a connector: its dlt source in `ingestion/<name>/`, its settings in
`ecoute/source_settings/<name>.py` (a field of `Sources` in `ecoute/config.py`),
its entry here, its name in the dbt var `connectors` and its dbt source in
`transform/models/staging/connectors/_connectors__sources.yml`.
"""

from __future__ import annotations

from ecoute.source_settings.bluesky import BlueskySettings
from ingestion.bluesky import TOKEN as BLUESKY_TOKEN
from ingestion.bluesky import source_for as bluesky_source
from ingestion.common.connector import Connector

CONNECTORS: tuple[Connector, ...] = (
    Connector(
        name="bluesky",
        label="Bluesky",
        description=(
            "Bluesky posts matching each query of `sources.bluesky.queries`, searched with"
            " the AppView's app.bsky.feed.searchPosts (public AppView by default), newest"
            " first, 100 a page, following the service's cursor. Incremental: each query"
            " stops at the first page reaching what an earlier run loaded (at most"
            " `max_pages` pages a run). Counts are the AppView's at fetch time; a post"
            " found by two queries is kept once (merged on its at:// URI)."
        ),
        settings=lambda config: BlueskySettings() if config is None else config.sources.bluesky,
        source=bluesky_source,
        credentials=(BLUESKY_TOKEN,),
        is_configured=lambda settings: bool(settings.queries),
    ),
)
