"""Every source connector Écoute has, for Dagster and `ecoute sources check`.

Adding a connector: its dlt source in `ingestion/<name>/`, its settings in
`ecoute/source_settings/<name>.py` (a field of `Sources` in `ecoute/config.py`),
its entry here, its name in the dbt var `connectors` and its dbt source in
`transform/models/staging/connectors/_connectors__sources.yml`.
"""

from __future__ import annotations

from ecoute.source_settings.rss import RssSettings
from ingestion.common.connector import Connector
from ingestion.rss import rss_source

CONNECTORS: tuple[Connector, ...] = (
    Connector(
        name="rss",
        label="RSS and Atom feeds",
        description=(
            "Reads every feed listed under sources.rss.feeds (RSS 2.0, RSS 1.0/RDF or Atom:"
            " news sites, blogs, Google Alerts), one request per feed, and loads each entry"
            " as a mention (title and text from HTML, author, link with Google redirects"
            " unwrapped, date in UTC). Incremental per feed: entries dated at or before the"
            " latest one already loaded are counted as duplicates, not loaded again. A feed"
            " that is not well-formed is quarantined with its URL and the reason, and the"
            " other feeds go on. No credentials."
        ),
        settings=lambda config: RssSettings() if config is None else config.sources.rss,
        source=rss_source,
        is_configured=lambda settings: bool(settings.feeds),
    ),
)
