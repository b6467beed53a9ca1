"""Every source connector Écoute has, for Dagster and `ecoute sources check`.

Adding a connector: its dlt source in `ingestion/<name>/`, its settings in
`ecoute/source_settings/<name>.py` (a field of `Sources` in `ecoute/config.py`),
its entry here, its name in the dbt var `connectors` and its dbt source in
`transform/models/staging/connectors/_connectors__sources.yml`.
"""

from __future__ import annotations

from ecoute.source_settings.hackernews import HackerNewsSettings
from ingestion.common.connector import Connector
from ingestion.hackernews import hackernews_source

CONNECTORS: tuple[Connector, ...] = (
    Connector(
        name="hackernews",
        label="Hacker News",
        description=(
            "Hacker News stories and comments, from two public APIs without credentials."
            " A `search` query asks Algolia's HN search (`search_by_date`) for the stories"
            " and/or comments matching its words, newest first, 100 a page; it is incremental:"
            " each run asks only for what was created since the query's cursor and stops there."
            " A `topstories` query reads the front-page ranking from the official Firebase API"
            " and fetches its first `max_items` items; a ranking has no cursor, so every run"
            " merges the listed stories again with their current scores and comment counts."
            " Deleted and dead items are quarantined with that reason."
        ),
        settings=lambda config: (
            HackerNewsSettings() if config is None else config.sources.hackernews
        ),
        source=hackernews_source,
        is_configured=lambda settings: bool(settings.queries),
    ),
)
