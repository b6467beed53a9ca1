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
    query: '"air aurore" OR #AirAurore'
    exclude: {phrases: ["aurore boréale"]}
  volazur:
    kind: competitor
    label: VolAzur
    competitive_sets: [airlines]
    query: volazur
  delays:
    kind: theme
    label: Delays
    query: retard OR delay
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
    assert config.topics["air_aurore"].exclude.phrases == ["aurore boréale"]
    assert config.sources.demo.mentions == 20_000  # defaults apply when `sources` is absent


def test_unknown_field_names_line_column_and_field(tmp_path):
    text = VALID.replace("    query: volazur", "    query: volazur\n    keyword: [typo]")
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
            "competitive_sets: [airlines]\n    query: volazur",
            "competitive_sets: [airline]\n    query: volazur",
        ),
    )
    assert ":16:24:" in message, message
    assert "unknown competitive set 'airline'" in message
    assert "declared: airlines" in message


def test_competitive_set_needs_two_members(tmp_path):
    text = VALID.replace(
        "    competitive_sets: [airlines]\n    query: volazur", "    query: volazur"
    )
    message = error_of(tmp_path, text)
    assert "needs at least two topics, has 1" in message
    assert ":4:3:" in message, message


def test_keywords_of_the_old_format_say_how_to_migrate(tmp_path):
    message = error_of(
        tmp_path, VALID.replace("query: retard OR delay", "keywords: [retard, delay]")
    )
    assert "topics.delays.keywords: `keywords` is now `query`" in message
    assert ":21:5:" in message, message


@pytest.mark.parametrize(
    ("query", "column", "expected"),
    [
        ("retard AND", 22, "expected a term after AND, found the end of the query"),
        ("retard OR (delay", 28, "expected ) to close the ( at column 11"),
        ('retard OR "delay', 22, "unbalanced quote"),
        ("'\"retard'", 13, "unbalanced quote"),
        ("retard NEAR delay", 19, "NEAR needs a distance in words, as in NEAR/3"),
        ("colour:red", 12, "unknown field colour:"),
        ("'\"...\"'", 13, "has no letter, digit or emoji to match"),
        ("'  retard  OR  OR x'", 27, "expected a term after OR, found OR"),
    ],
)
def test_query_errors_point_inside_the_query(tmp_path, query, column, expected):
    message = error_of(tmp_path, VALID.replace("query: retard OR delay", f"query: {query}"))
    assert message.startswith(f'{tmp_path / "listening.yml"}:21:{column} topic "delays": '), message
    assert expected in message


def test_query_errors_in_folded_blocks_point_at_the_right_line(tmp_path):
    block = "query: >-\n      retard OR annulé\n      OR delay OR\n      AND cancelled"
    message = error_of(tmp_path, VALID.replace("query: retard OR delay", block))
    assert message.endswith(':24:7 topic "delays": expected a term after OR, found AND'), message


def test_empty_query(tmp_path):
    message = error_of(tmp_path, VALID.replace("query: retard OR delay", "query: '   '"))
    assert 'topic "delays": the query is empty' in message


def test_exclusions_are_validated_where_they_are_written(tmp_path):
    text = VALID.replace(
        'exclude: {phrases: ["aurore boréale"]}',
        'exclude: {phrases: ["aurore boréale", "!!"], authors: ["@ok"], domains: [lemonde.fr]}',
    )
    message = error_of(tmp_path, text)
    assert ':12:43 topic "air_aurore": "!!" has no letter, digit or emoji' in message, message
    text = VALID.replace('exclude: {phrases: ["aurore boréale"]}', "exclude: {domains: [nowhere]}")
    assert "expected a domain such as lemonde.fr" in error_of(tmp_path, text)


def test_presets_must_exist_and_not_be_empty(tmp_path):
    unknown = VALID.replace("    query: volazur", "    query: volazur\n    exclude_presets: [jobs]")
    message = error_of(tmp_path, unknown)
    assert "unknown exclusion preset 'jobs' (giveaways, job_ads, spam_accounts)" in message
    assert ":18:23:" in message, message
    empty = VALID.replace(
        "    query: volazur", "    query: volazur\n    exclude_presets: [spam_accounts]"
    )
    assert "exclusion preset 'spam_accounts' is empty" in error_of(tmp_path, empty)
    filled = empty + "exclusion_presets:\n  spam_accounts:\n    authors: [bot1, '@Bot2']\n"
    topic = load_config(write(tmp_path, filled)).compiled_topics()["volazur"]
    assert topic.effective.to_query() == "(volazur AND NOT author:(bot1 OR bot2))"


def test_a_broken_preset_query_is_located_in_the_file(tmp_path):
    text = VALID + "exclusion_presets:\n  giveaways:\n    query: concours OR\n"
    message = error_of(tmp_path, text)
    assert ':24:23 exclusion preset "giveaways": expected a term after OR' in message, message


def test_versions_follow_what_matches(tmp_path):
    def version(text: str) -> str:
        return load_config(write(tmp_path, text)).compiled_topics()["air_aurore"].version

    base = version(VALID)
    assert version(VALID.replace("OR #AirAurore", "OR   #AIRAURORE")) == base
    assert version(VALID.replace("OR #AirAurore", "OR @AirAurore")) != base
    assert version(VALID.replace('"aurore boréale"', '"aurore borealis"')) != base
    assert version(VALID.replace("label: Air Aurore", "label: AIR AURORE")) == base


def test_topic_names_are_slugs(tmp_path):
    message = error_of(tmp_path, VALID.replace("  delays:", "  Delays And Co:"))
    assert "String should match pattern" in message


def test_duplicate_topic_is_a_yaml_error_with_position(tmp_path):
    message = error_of(tmp_path, VALID + "  delays:\n    kind: theme\n    label: x\n    query: y\n")
    assert "invalid YAML" in message and "duplicate key" in message
    assert ":22:3:" in message, message  # the second `delays:`


def test_broken_yaml_is_located(tmp_path):
    message = error_of(tmp_path, VALID.replace('["aurore boréale"]}', '["aurore boréale"}'))
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


def test_spam_threshold_defaults_to_0_7_and_is_a_score(tmp_path):
    assert load_config(write(tmp_path, VALID)).spam.exclusion_threshold == 0.7
    assert load_config(DEFAULT_CONFIG).spam.exclusion_threshold == 0.7
    lowered = VALID + "spam:\n  exclusion_threshold: 0.5\n"
    assert load_config(write(tmp_path, lowered)).spam.exclusion_threshold == 0.5
    where = "listening.yml:23:24: spam.exclusion_threshold: "
    for value, problem in (
        ("1.5", "less than or equal to 1"),
        ("0", "greater than 0"),
        ("high", "valid number"),
        ("true", "expected a number between 0 (exclusive) and 1"),
    ):
        message = error_of(tmp_path, VALID + f"spam:\n  exclusion_threshold: {value}\n")
        assert where in message and problem in message, message
    message = error_of(tmp_path, VALID + "spam:\n  threshold: 0.5\n")
    assert "listening.yml:23:14: spam.threshold: Extra inputs are not permitted" in message


BUILTIN_INTENTS = {
    "complaint",
    "question",
    "purchase_intent",
    "praise",
    "recommendation_request",
    "churn_threat",
}


def test_builtin_intents_cover_every_language_and_compile(tmp_path):
    config = load_config(write(tmp_path, VALID))
    assert set(config.intent_rules) == BUILTIN_INTENTS
    for rule in config.intent_rules.values():
        assert rule.description
        assert set(rule.queries) == {"fr", "en", "it", "es", "de", "pt", "nl"}
    assert len(config.compiled_intents()) == 6 * 7


def test_listening_yml_replaces_a_language_and_adds_intents(tmp_path):
    text = VALID + (
        "intents:\n"
        "  complaint:\n"
        "    queries:\n"
        "      fr: arnaque OR escroquerie\n"
        "  delivery_issue:\n"
        "    description: Parcels that never came.\n"
        "    queries:\n"
        '      en: \'"never arrived" OR "not delivered"\'\n'
    )
    config = load_config(write(tmp_path, text))
    rules = config.intent_rules
    assert rules["complaint"].queries["fr"] == "arnaque OR escroquerie"
    assert rules["complaint"].queries["en"]  # the built-in English rule stays
    assert rules["complaint"].description  # and its description
    assert rules["delivery_issue"].queries == {"en": '"never arrived" OR "not delivered"'}
    assert ("delivery_issue", "en") in config.compiled_intents()


def test_an_intent_query_error_points_inside_the_query(tmp_path):
    text = VALID + "intents:\n  complaint:\n    queries:\n      fr: rembours* AND\n"
    message = error_of(tmp_path, text)
    assert message.startswith(f'{tmp_path / "listening.yml"}:25:24 intent "complaint" (fr): ')
    assert "expected a term after AND" in message


def test_intent_languages_are_two_letter_codes(tmp_path):
    text = VALID + "intents:\n  complaint:\n    queries:\n      french: arnaque\n"
    message = error_of(tmp_path, text)
    assert "intents.complaint.queries.french" in message
    assert ":25:7:" in message, message  # the key
