"""`ecoute preview` on the demo warehouse: counts, samples, likely noise and its errors."""

from __future__ import annotations

import json
import re

import duckdb
import pytest
from click.testing import CliRunner

from ecoute.cli import main
from ecoute.preview import describe_syntax_error
from ecoute.query import QuerySyntaxError, parse, to_sql
from ecoute.query.text import fold, words
from ecoute.settings import WAREHOUSE_ENV

pytestmark = pytest.mark.slow

KEYS = {"total", "by_day", "by_platform", "by_lang", "samples", "noise_terms"}
NORTHERN_LIGHTS = {"boreale", "borealis", "laponie", "tromsø", "norvege", "islande", "finlande"}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def preview_json(runner, built, monkeypatch):
    """Run `ecoute preview --json ARGS` on the test warehouse; the parsed object."""
    monkeypatch.setenv(WAREHOUSE_ENV, str(built.path))

    def run(*args: str) -> dict:
        result = runner.invoke(main, ["preview", *args, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    return run


@pytest.mark.parametrize(
    "query",
    [
        "aurore",
        '"air aurore" OR #airaurore',
        "(retard* OR annul*) NEAR/5 (vol OR avion)",
        "aurore lang:fr NOT boréale",
        'raw:"Air Aurore" platform:(x OR reddit)',
    ],
)
def test_counts_are_those_of_the_compiled_predicate(preview_json, built, query):
    found = preview_json(query)
    expected = built.scalar(
        f"select count(*) from intermediate.int_mentions_matchable where {to_sql(parse(query))}"
    )
    assert found["total"] == expected > 0
    assert found["mentions_in_warehouse"] == built.scalar("select count(*) from marts.fct_mentions")
    assert found["sql"] == to_sql(parse(query))
    for key, name in (("by_day", "day"), ("by_platform", "platform"), ("by_lang", "lang")):
        assert sum(row["mentions"] for row in found[key]) == expected
        assert all(set(row) == {name, "mentions"} for row in found[key])


def test_json_is_one_object_with_iso_days(preview_json):
    found = preview_json("aurore")
    assert set(found) >= KEYS
    days = [row["day"] for row in found["by_day"]]
    assert days == sorted(days) and days[0].startswith("2026-09-")
    assert found["effective_query"] == "aurore"
    assert found["elapsed_s"] >= 0


def test_samples_are_spread_out_and_show_the_matched_words(preview_json, runner):
    found = preview_json("aurore", "--samples", "12")
    samples = found["samples"]
    assert len(samples) == 12
    assert len({sample["mention_id"] for sample in samples}) == 12
    assert len({sample["published_at"][:10] for sample in samples}) >= 5
    for sample in samples:
        assert [fold(word) for word in sample["matched_words"]] == ["aurore"], sample
        assert "«" in sample["highlighted"]

    report = runner.invoke(main, ["preview", "aurore", "--samples", "12"])
    assert report.exit_code == 0, report.output
    shown = report.stdout.split("Samples (12 of")[1].split("Likely noise")[0]
    assert shown.count("«") >= 12
    assert {fold(word) for word in shown.split("«")[1:] for word in [word.split("»")[0]]} == {
        "aurore"
    }


def test_the_words_of_a_phrase_are_marked_as_one(preview_json):
    for sample in preview_json('"air aurore"', "--samples", "10")["samples"]:
        marked = re.findall("«(.*?)»", sample["highlighted"])
        assert ["air", "aurore"] in [words(span) for span in marked], sample


def test_the_word_alone_surfaces_northern_lights_as_noise(preview_json):
    found = preview_json("aurore")
    noise = found["noise_terms"]
    terms = {term for entry in noise for term in (entry["term"], *entry["also"])}
    assert terms & NORTHERN_LIGHTS, terms
    for entry in noise:
        assert set(entry) >= {"term", "mentions", "example"}
        assert 0 < entry["mentions"] <= found["total"]
        assert "«" in entry["example"]["highlighted"]
    assert "aurore" not in terms  # the query's own word is never noise


def test_the_topic_with_its_exclusions_has_no_northern_lights(preview_json):
    found = preview_json("--topic", "air_aurore")
    terms = {term for entry in found["noise_terms"] for term in (entry["term"], *entry["also"])}
    assert not terms & NORTHERN_LIGHTS


def test_a_topic_previews_its_effective_query(preview_json, built):
    found = preview_json("--topic", "air_aurore")
    assert found["total"] == built.scalar(
        "select count(*) from marts.fct_mention_topics where topic_id = 'air_aurore'"
    )
    assert found["query_version"] == built.scalar(
        "select query_version from marts.dim_topics where topic_id = 'air_aurore'"
    )
    assert "NOT" in found["effective_query"] and "boreale" in found["effective_query"]


def test_a_preview_is_deterministic(preview_json):
    first, second = preview_json("aurore"), preview_json("aurore")
    first.pop("elapsed_s"), second.pop("elapsed_s")
    assert first == second


def test_a_syntax_error_points_at_its_column(runner, built, monkeypatch):
    monkeypatch.setenv(WAREHOUSE_ENV, str(built.path))
    result = runner.invoke(main, ["preview", 'air "aurore'])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "column 5: unbalanced quote" in result.stderr
    assert '  air "aurore\n      ^' in result.stderr


def test_an_unknown_topic_lists_the_topics(runner, built, monkeypatch):
    monkeypatch.setenv(WAREHOUSE_ENV, str(built.path))
    result = runner.invoke(main, ["preview", "--topic", "air_aurora"])
    assert result.exit_code == 2
    assert "unknown topic 'air_aurora'" in result.stderr
    assert "air_aurore" in result.stderr and "volazur" in result.stderr


def test_a_query_or_a_topic_is_required(runner):
    assert runner.invoke(main, ["preview"]).exit_code == 2
    assert runner.invoke(main, ["preview", "aurore", "--topic", "air_aurore"]).exit_code == 2


def test_without_a_warehouse_says_to_build_it(runner, tmp_path, monkeypatch):
    monkeypatch.setenv(WAREHOUSE_ENV, str(tmp_path / "none.duckdb"))
    result = runner.invoke(main, ["preview", "aurore"])
    assert result.exit_code == 1
    assert "ecoute run" in result.stderr


def test_without_the_tables_says_to_build_them(runner, tmp_path, monkeypatch):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    monkeypatch.setenv(WAREHOUSE_ENV, str(empty))
    result = runner.invoke(main, ["preview", "aurore"])
    assert result.exit_code == 1
    assert "int_mentions_matchable" in result.stderr and "ecoute run" in result.stderr


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("(air OR aurore", "  (air OR aurore\n                ^"),
        ("東京 NEAR vol", "  東京 NEAR vol\n       ^"),
        ("retard\nOR NEAR/x vol", "line 2, column 4"),
    ],
)
def test_the_caret_stands_under_the_column(query, shown):
    with pytest.raises(QuerySyntaxError) as raised:
        parse(query)
    assert shown in describe_syntax_error(query, raised.value)
