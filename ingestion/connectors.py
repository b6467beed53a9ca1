"""Every source connector Écoute has, for Dagster and `ecoute sources check`.

Adding a connector: its dlt source in `ingestion/<name>/`, its settings in
`ecoute/source_settings/<name>.py` (a field of `Sources` in `ecoute/config.py`),
its entry here, its name in the dbt var `connectors` and its dbt source in
`transform/models/staging/connectors/_connectors__sources.yml`.
"""

from __future__ import annotations

from ecoute.source_settings.reddit import RedditSettings
from ingestion.common.connector import Connector
from ingestion.reddit import reddit

CONNECTORS: tuple[Connector, ...] = (
    Connector(
        name="reddit",
        label="Reddit",
        description=(
            "Posts from Reddit's public JSON endpoints: searches (site-wide or in one"
            " subreddit) and subreddits' new posts, each query read newest first until it"
            " reaches what the previous run loaded, its last page or `max_pages`; with"
            " `comments: true`, the comment tree of every post a run finds new, completed"
            " through `/api/morechildren` up to `comments_per_post`, collected as the query"
            " `<name>/comments` with its own cursor. No credentials; a descriptive"
            " User-Agent (`user_agent`) and about ten requests a minute."
        ),
        settings=lambda config: RedditSettings() if config is None else config.sources.reddit,
        source=reddit,
        is_configured=lambda settings: bool(settings.queries),
    ),
)
