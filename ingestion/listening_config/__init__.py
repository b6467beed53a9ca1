"""The listening configuration as raw tables, so dbt applies it to all stored history.

`listening.yml` is reviewed in git; loading it into `raw` on every run (replace)
means a changed query, a new topic or a moved competitor re-matches every
stored mention on the next build, with nothing re-fetched. Queries arrive
compiled: one SQL predicate per topic and SQL dialect, which the matching model
inlines, and a version whose history (`listening_topic_versions`, kept as a
slowly changing dimension) says when each topic's matching last changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dlt

from ecoute.config import ListeningConfig, load_config
from ecoute.query.sql import DIALECTS

TOPIC_COLUMNS = {
    "topic_id": {"data_type": "text", "nullable": False},
    "label": {"data_type": "text", "nullable": False},
    "kind": {"data_type": "text", "nullable": False},
    "description": {"data_type": "text", "nullable": True},
    "query": {"data_type": "text", "nullable": False},
    "effective_query": {"data_type": "text", "nullable": False},
    "query_version": {"data_type": "text", "nullable": False},
    "exclude_presets": {"data_type": "text", "nullable": True},
}


@dlt.source(name="listening_config")
def listening_config(config_file: str | None = None) -> Any:
    """Topics, their compiled queries, the competitive sets, the intent rules, the reporting and spam settings.

    Args:
        config_file: path of the YAML file; defaults to `$ECOUTE_CONFIG` or `listening.yml`.
            It is validated before anything loads: an invalid file loads nothing.
    """
    config = load_config(Path(config_file) if config_file else None)
    return (
        listening_topics(config),
        listening_topic_predicates(config),
        listening_topic_versions(config),
        listening_competitive_sets(config),
        listening_topic_competitive_sets(config),
        listening_reporting(config),
        listening_spam(config),
        listening_intent_rules(config),
    )


@dlt.resource(write_disposition="replace", primary_key="topic_id", columns=TOPIC_COLUMNS)
def listening_topics(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row per topic: its id (the key in `listening.yml`), label, kind, query and version.

    `query` is as written; `effective_query` is its canonical form with the
    exclusions and presets applied, which `query_version` hashes.
    """
    compiled = config.compiled_topics()
    for topic_id, topic in config.topics.items():
        yield {
            "topic_id": topic_id,
            "label": topic.label,
            "kind": topic.kind.value,
            "description": topic.description or None,
            "query": topic.query,
            "effective_query": compiled[topic_id].effective.to_query(),
            "query_version": compiled[topic_id].version,
            "exclude_presets": ",".join(topic.exclude_presets) or None,
        }


@dlt.resource(write_disposition="replace", primary_key=("topic_id", "dialect"))
def listening_topic_predicates(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row per topic and SQL dialect: the predicate over `int_mentions_matchable`."""
    for topic_id, compiled in config.compiled_topics().items():
        for dialect in DIALECTS:
            yield {
                "topic_id": topic_id,
                "dialect": dialect,
                "query_version": compiled.version,
                "predicate": compiled.predicate(dialect),
            }


@dlt.resource(
    write_disposition={"disposition": "merge", "strategy": "scd2"},
    columns={"topic_id": {"nullable": False}, "query_version": {"nullable": False}},
)
def listening_topic_versions(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """The history of each topic's query version (`_dlt_valid_from`, `_dlt_valid_to`).

    A new version opens a row and closes the previous one; a removed topic's row
    is closed. Only the version is tracked, so relabelling a topic is no change.
    """
    for topic_id, compiled in config.compiled_topics().items():
        yield {"topic_id": topic_id, "query_version": compiled.version}


@dlt.resource(
    write_disposition="replace",
    primary_key="competitive_set",
    # Declared so the column exists even when no set has a description.
    columns={"description": {"data_type": "text", "nullable": True}},
)
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


@dlt.resource(write_disposition="replace", primary_key=("intent", "lang", "dialect"))
def listening_intent_rules(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row per intent, language and SQL dialect: the query and its predicate over `int_mentions_matchable`.

    The built-in rules (`ecoute/intent/intents.yml`) with this file's `intents` applied.
    """
    rules = config.intent_rules
    for (intent, lang), compiled in config.compiled_intents().items():
        for dialect in DIALECTS:
            yield {
                "intent": intent,
                "lang": lang,
                "dialect": dialect,
                "description": rules[intent].description or None,
                "query": rules[intent].queries[lang],
                "predicate": compiled.predicate(dialect),
            }


@dlt.resource(
    write_disposition="replace",
    columns={"timezone": {"data_type": "text", "nullable": False}},
)
def listening_reporting(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row: how the marts present time (the IANA zone of their days, weeks and months)."""
    yield {"timezone": config.reporting.timezone}


@dlt.resource(
    write_disposition="replace",
    columns={"exclusion_threshold": {"data_type": "double", "nullable": False}},
)
def listening_spam(config: ListeningConfig) -> Iterator[dict[str, Any]]:
    """One row: the spam score from which mentions are left out of the volume marts."""
    yield {"exclusion_threshold": config.spam.exclusion_threshold}
