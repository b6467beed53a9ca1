"""The listening configuration: the shipped file is valid, and every error is located."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ecoute.config import ConfigError, TopicKind, load_config
from ecoute.settings import DEFAULT_CONFIG

VALID = """\
version: 1
name: test project
competitive_sets:
  airlines:
    description: carriers
topics:
  air_aurore:
    kind: brand
    label: Air Aurore
    competitive_sets: [airlines]
    keywords: ["air aurore", "#AirAurore"]
    exclude: ["aurore boréale"]
  volazur:
    kind: competitor
    label: VolAzur
    competitive_sets: [airlines]
    keywords: [volazur]
  delays:
    kind: theme
    label: Delays
    keywords: [retard, delay]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "listening.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(write(tmp_path, text))
    return str(caught.value)


def test_shipped_configuration_is_valid():
    config = load_config(DEFAULT_CONFIG)
    kinds = {topic.kind for topic in config.topics.values()}
    assert {TopicKind.brand, TopicKind.competitor, TopicKind.theme} <= kinds
    brand_sets = [t.competitive_sets for t in config.topics.values() if t.kind is TopicKind.brand]
    assert brand_sets and all(brand_sets), "the brand takes part in a competitive set"


def test_valid_file_loads_every_field(tmp_path):
    config = load_config(write(tmp_path, VALID))
    assert list(config.topics) == ["air_aurore", "volazur", "delays"]
    assert config.topics["air_aurore"].exclude == ["aurore boréale"]
    assert config.sources.demo.mentions == 20_000  # defaults apply when `sources` is absent


def test_unknown_field_names_line_column_and_field(tmp_path):
    text = VALID.replace("    keywords: [volazur]", "    keywords: [volazur]\n    keyword: [typo]")
    message = error_of(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'listening.yml'}:")
    assert ":18:" in message, message  # the line of `keyword:`
    assert "topics.volazur.keyword" in message
    assert "Extra inputs are not permitted" in message


def test_wrong_kind_points_at_the_value(tmp_path):
    message = error_of(tmp_path, VALID.replace("kind: competitor", "kind: competition"))
    assert ":14:11:" in message, message
    assert "topics.volazur.kind" in message
    assert "brand" in message  # the allowed values are listed


def test_unknown_competitive_set_is_located_on_the_list_item(tmp_path):
    message = error_of(
        tmp_path,
        VALID.replace(
            "competitive_sets: [airlines]\n    keywords: [volazur]",
            "competitive_sets: [airline]\n    keywords: [volazur]",
        ),
    )
    assert ":16:24:" in message, message
    assert "unknown competitive set 'airline'" in message
    assert "declared: airlines" in message


def test_competitive_set_needs_two_members(tmp_path):
    text = VALID.replace(
        "    competitive_sets: [airlines]\n    keywords: [volazur]", "    keywords: [volazur]"
    )
    message = error_of(tmp_path, text)
    assert "needs at least two topics, has 1" in message
    assert ":4:3:" in message, message


def test_empty_keywords_and_punctuation_only_keyword(tmp_path):
    assert "topics.delays.keywords" in error_of(tmp_path, VALID.replace("[retard, delay]", "[]"))
    message = error_of(tmp_path, VALID.replace("[retard, delay]", '[retard, "#!"]'))
    assert "has no letter or digit" in message and "topics.delays.keywords" in message


def test_topic_names_are_slugs(tmp_path):
    message = error_of(tmp_path, VALID.replace("  delays:", "  Delays And Co:"))
    assert "String should match pattern" in message


def test_duplicate_topic_is_a_yaml_error_with_position(tmp_path):
    message = error_of(
        tmp_path, VALID + "  delays:\n    kind: theme\n    label: x\n    keywords: [y]\n"
    )
    assert "invalid YAML" in message and "duplicate key" in message
    assert ":22:3:" in message, message  # the second `delays:`


def test_broken_yaml_is_located(tmp_path):
    message = error_of(
        tmp_path, VALID.replace('["air aurore", "#AirAurore"]', '["air aurore", "#AirAurore"')
    )
    assert "invalid YAML" in message
    assert message.split(":")[1].isdigit()


def test_demo_window_must_be_ordered(tmp_path):
    text = VALID + "sources:\n  demo:\n    start: 2026-10-01\n    end: 2026-09-01\n"
    assert "is before start" in error_of(tmp_path, text)


def test_missing_file_says_how_to_fix(tmp_path):
    with pytest.raises(ConfigError, match="ECOUTE_CONFIG"):
        load_config(tmp_path / "nope.yml")


def test_reporting_time_zone_defaults_to_paris_and_must_exist(tmp_path):
    assert load_config(write(tmp_path, VALID)).reporting.timezone == "Europe/Paris"
    message = error_of(tmp_path, VALID + "reporting:\n  timezone: Europe/Lutece\n")
    assert "listening.yml:23:13: reporting.timezone: unknown time zone" in message
    assert "unknown time zone 'Europe/Lutece'" in message
