"""Every source connector Écoute has, for Dagster and `ecoute sources check`.

Adding a connector: its dlt source in `ingestion/<name>/`, its settings in
`ecoute/source_settings/<name>.py` (a field of `Sources` in `ecoute/config.py`),
its entry here, its name in the dbt var `connectors` and its dbt source in
`transform/models/staging/connectors/_connectors__sources.yml`.
"""

from __future__ import annotations

from ecoute.source_settings.mastodon import MastodonSettings
from ingestion import mastodon
from ingestion.common.connector import Connector

CONNECTORS: tuple[Connector, ...] = (
    Connector(
        name="mastodon",
        label="Mastodon",
        description=(
            "Statuses of one Mastodon instance (`base_url`, default mastodon.social): each query"
            " reads a hashtag's public timeline or, with ECOUTE_MASTODON_TOKEN, a full-text search"
            " of statuses, 40 a page, newest first, following the `Link` header (tags) or the"
            " offset (search). Incremental: a query stops at the first page that reaches what an"
            " earlier run loaded, or after `max_pages`. HTML becomes text, a reblog is a reshare of"
            " the status it boosts, the content warning is the title."
        ),
        settings=lambda config: MastodonSettings() if config is None else config.sources.mastodon,
        source=mastodon.mastodon_source,
        credentials=(mastodon.TOKEN,),
        is_configured=lambda settings: bool(settings.queries),
    ),
)
