"""Every source connector Écoute has, for Dagster and `ecoute sources check`.

Adding a connector: its dlt source in `ingestion/<name>/`, its settings in
`ecoute/source_settings/<name>.py` (a field of `Sources` in `ecoute/config.py`),
its entry here, its name in the dbt var `connectors` and its dbt source in
`transform/models/staging/connectors/_connectors__sources.yml`.
"""

from __future__ import annotations

from ingestion.common.connector import Connector

CONNECTORS: tuple[Connector, ...] = ()
