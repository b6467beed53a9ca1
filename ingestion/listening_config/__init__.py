"""The listening configuration as raw tables, so dbt applies it to all stored history.

`listening.yml` is reviewed in git; loading it into `raw` on every run (replace)
means a changed keyword, a new topic or a moved competitor re-matches every
stored mention on the next build, with nothing re-fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlt

from ecoute.config import ListeningConfig, load_config

TOPIC_COLUMNS = {
    "topic_id": {"data_type": "text", "nullable": False},
    "label": {"data_type": "text", "nullable": False},
    "kind": {"data_type": "text", "nullable": False},
    "description": {"data_type": "text", "nullable": True},
}


@dlt.source(name="listening_config")
def listening_config(config_file: str | None = None) -> Any:
    """Topics, their keywords, the competitive sets and the reporting settings of a configuration.

    Args:
        config_file: path of the YAML file; defaults to `$ECOUTE_CONFIG` or `listening.yml`.
            It is validated before anything loads: an invalid file loads nothing.
    """
    config = load_config(Path(config_file) if config_file else None)
    return (
        listening_topics(config),
        listening_topic_keywords(config),
        listening_competitive_sets(config),
        listening_topic_competitive_sets(config),
        listening_reporting(config),
    )


@dlt.resource(write_disposition="replace", primary_key="topic_id", columns=TOPIC_COLUMNS)
def listening_topics(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row per topic: its id (the key in `listening.yml`), label, kind and description."""
    for topic_id, topic in config.topics.items():
        yield {
            "topic_id": topic_id,
            "label": topic.label,
            "kind": topic.kind.value,
            "description": topic.description or None,
        }


@dlt.resource(
    write_disposition="replace",
    primary_key=("topic_id", "keyword", "is_exclusion"),
    columns={"is_exclusion": {"data_type": "bool", "nullable": False}},
)
def listening_topic_keywords(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row per keyword of a topic, as written; `is_exclusion` marks the `exclude` list."""
    for topic_id, topic in config.topics.items():
        for keyword in dict.fromkeys(topic.keywords):
            yield {"topic_id": topic_id, "keyword": keyword, "is_exclusion": False}
        for keyword in dict.fromkeys(topic.exclude):
            yield {"topic_id": topic_id, "keyword": keyword, "is_exclusion": True}


@dlt.resource(write_disposition="replace", primary_key="competitive_set")
def listening_competitive_sets(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row per competitive set: topics compared with each other in share of voice."""
    for name, competitive_set in config.competitive_sets.items():
        yield {"competitive_set": name, "description": competitive_set.description or None}


@dlt.resource(write_disposition="replace", primary_key=("topic_id", "competitive_set"))
def listening_topic_competitive_sets(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row per (topic, competitive set) membership."""
    for topic_id, topic in config.topics.items():
        for name in topic.competitive_sets:
            yield {"topic_id": topic_id, "competitive_set": name}


@dlt.resource(
    write_disposition="replace",
    columns={"timezone": {"data_type": "text", "nullable": False}},
)
def listening_reporting(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row: how the marts present time (the IANA zone of their days, weeks and months)."""
    yield {"timezone": config.reporting.timezone}
