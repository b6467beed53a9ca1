"""What dbt's own tests cannot check about the dbt project in `transform/`.

- The models stay adapter-neutral: engine-specific SQL lives in dispatched macros
  (the project must later build on Spark), which a DuckDB build cannot reveal.
- A changed listening query re-applies to mentions already stored, and
  `dim_topics` records the new version and when it took effect: the product's
  promise, which needs two loads of the configuration (the real dlt source)
  and two builds over the same raw mentions. So does a changed spam threshold.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import duckdb
import pytest

from ecoute.manifest import dbt_argv
from ecoute.settings import TRANSFORM_DIR

MODELS = TRANSFORM_DIR / "models"
MACROS = TRANSFORM_DIR / "macros"

# DuckDB functions and syntax with no portable equivalent under the same name.
ENGINE_SPECIFIC = {
    "strip_accents": r"\bstrip_accents\s*\(",
    "regexp_*": r"\bregexp_\w+\s*\(",
    "string_split": r"\bstring_split\w*\s*\(",
    "unnest": r"\bunnest\s*\(",
    "generate_subscripts": r"\bgenerate_subscripts\s*\(",
    "contains": r"\bcontains\s*\(",
    "timezone": r"\btimezone\s*\(",
    "to_timestamp": r"\bto_timestamp\s*\(",
    "list_*": r"\blist_\w+\s*\(",
    "string_agg": r"\bstring_agg\s*\(",
    "strftime": r"\bstrftime\s*\(",
    "date_trunc (use dbt.date_trunc)": r"(?<![.\w])date_trunc\s*\(",
    ":: cast": r"::",
    "group by all": r"\bgroup\s+by\s+all\b",
    "exclude": r"\*\s*exclude\b",
}


def _sql_without_comments(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
    return re.sub(r"--[^\n]*", "", text)


@pytest.mark.parametrize("model", sorted(MODELS.rglob("*.sql")), ids=lambda p: p.stem)
def test_models_use_no_engine_specific_sql(model: Path) -> None:
    sql = _sql_without_comments(model)
    found = [name for name, pattern in ENGINE_SPECIFIC.items() if re.search(pattern, sql, re.I)]
    assert not found, (
        f"{model.relative_to(TRANSFORM_DIR)}: {', '.join(found)} — move it into a macro in "
        "transform/macros/ dispatched with adapter.dispatch(..., 'ecoute'), with a default__ version"
    )


def test_every_dispatched_macro_has_a_portable_default() -> None:
    macros = "\n".join(p.read_text(encoding="utf-8") for p in MACROS.glob("*.sql"))
    dispatched = set(re.findall(r"adapter\.dispatch\(\s*'(\w+)'\s*,\s*'ecoute'\s*\)", macros))
    assert dispatched, "no dispatched macro found: did the macros move?"
    defined = set(re.findall(r"\{%-?\s*macro\s+(\w+)\s*\(", macros))
    missing = sorted(name for name in dispatched if f"default__{name}" not in defined)
    assert not missing, f"transform/macros: dispatched without a default__ version: {missing}"


# --- two builds over the same raw data ------------------------------------------------------

RAW = """
create schema raw;
create table raw.demo_mentions (
    post_id varchar, platform varchar, url varchar, created_at timestamptz, lang varchar,
    author_id varchar, author_handle varchar, author_name varchar, author_followers bigint,
    author_country varchar, title varchar, text varchar, like_count bigint, share_count bigint,
    comment_count bigint, reshare_of_post_id varchar, _dlt_load_id varchar, _dlt_id varchar
);
insert into raw.demo_mentions values
    ('p1', 'x', null, '2026-09-01 10:00:00+00', 'fr', 'a1', null, null, 10, 'FR', null,
     'Encore en retard avec #AirAurore 😡', 1, 0, 0, null, '1767225600.5', 'd1'),
    ('p2', 'forum', null, '2026-09-01 11:00:00+00', 'FR', 'a2', null, '', null, null, 'Aurores',
     'Une aurore boréale vue du vol Air Aurore, génial', 2, null, 1, null, '1767225600.5', 'd2'),
    ('p3', 'x', null, '2026-09-02 09:00:00+00', 'en-GB', 'a3', null, null, 5, 'GB', null,
     'Great crew on @volazur, cheap fares 👍', 3, 1, 1, null, '1767225600.5', 'd3');
create table raw.demo_injections (
    event_id varchar, kind varchar, brand varchar, day date, sentiment varchar, mentions bigint,
    baseline_mentions bigint, _dlt_load_id varchar, _dlt_id varchar
);
"""


def _dbt_run(warehouse: Path, work: Path, *options: str) -> None:
    """`dbt run` (models only: dbt's data tests run in the integration build) with `options`."""
    env = {
        **os.environ,
        "ECOUTE_WAREHOUSE": str(warehouse),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    completed = subprocess.run(
        # Never touch transform/target: Dagster reads its manifest.
        dbt_argv("run", "--no-partial-parse", *options, work=work),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]


CONFIG = """\
version: 1
name: re-matching test
competitive_sets:
  airlines: {}
topics:
  air_aurore:
    kind: brand
    label: Air Aurore
    competitive_sets: [airlines]
    query: '"air aurore" OR #AirAurore'
  volazur:
    kind: competitor
    label: VolAzur
    competitive_sets: [airlines]
    query: '@volazur'
"""


def _load_configuration(warehouse: Path, config: Path, text: str) -> None:
    """What `ecoute run` does first: load listening.yml, the lexicons and the (no) corrections into `raw`."""
    import polars as pl

    from ecoute.corrections import CORRECTION_SCHEMA
    from ingestion.corrections import corrections
    from ingestion.listening_config import listening_config
    from ingestion.pipeline import warehouse_pipeline
    from ingestion.reference_data import reference_data

    config.write_text(text, encoding="utf-8")
    previous = os.environ.get("ECOUTE_WAREHOUSE")
    os.environ["ECOUTE_WAREHOUSE"] = str(warehouse)
    try:
        warehouse_pipeline("listening_config").run(listening_config(str(config)))
        warehouse_pipeline("reference_data").run(reference_data())
        warehouse_pipeline("corrections").run(corrections(pl.DataFrame(schema=CORRECTION_SCHEMA)))
    finally:
        if previous is None:
            os.environ.pop("ECOUTE_WAREHOUSE")
        else:
            os.environ["ECOUTE_WAREHOUSE"] = previous


def _topics(warehouse: Path) -> dict[str, tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute(
            "select topic_id, query_version, query_versions, query_version_since from marts.dim_topics"
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def _matches(warehouse: Path) -> set[tuple[str, str]]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return set(
            connection.execute(
                "select mention_id, topic_id from marts.fct_mention_topics"
            ).fetchall()
        )


# What the re-matching test reads, and what they are built from.
REMATCH_MODELS = ("--select", "+dim_topics", "+fct_mention_topics", "+mart_share_of_voice")


@pytest.mark.slow
def test_a_changed_query_rematches_stored_mentions_and_is_versioned(tmp_path: Path) -> None:
    warehouse = tmp_path / "ecoute.duckdb"
    config = tmp_path / "listening.yml"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(RAW)

    _load_configuration(warehouse, config, CONFIG)
    _dbt_run(warehouse, tmp_path, *REMATCH_MODELS)
    assert _matches(warehouse) == {
        ("demo:p1", "air_aurore"),
        ("demo:p2", "air_aurore"),
        ("demo:p3", "volazur"),
    }
    first = _topics(warehouse)
    assert first["air_aurore"][1] == 1  # one version so far

    # The data team excludes northern-lights posts; nothing is re-fetched.
    _load_configuration(
        warehouse,
        config,
        CONFIG.replace(
            "OR #AirAurore'", "OR #AirAurore'\n    exclude: {phrases: [aurore boréale]}"
        ),
    )
    _dbt_run(warehouse, tmp_path, *REMATCH_MODELS)
    assert _matches(warehouse) == {("demo:p1", "air_aurore"), ("demo:p3", "volazur")}
    second = _topics(warehouse)
    assert second["air_aurore"][0] != first["air_aurore"][0]
    assert second["air_aurore"][1] == 2
    assert second["air_aurore"][2] > first["air_aurore"][2]
    assert second["volazur"] == first["volazur"], "an unchanged topic keeps its version and date"

    with duckdb.connect(str(warehouse), read_only=True) as connection:
        shares = connection.execute("""
            select topic_id, mentions, share_of_voice from marts.mart_share_of_voice
            where period_grain = 'month' order by topic_id
        """).fetchall()
    assert shares == [("air_aurore", 1, 0.5), ("volazur", 1, 0.5)]

    # Loading the same configuration again changes nothing.
    _load_configuration(warehouse, config, config.read_text(encoding="utf-8"))
    _dbt_run(warehouse, tmp_path, *REMATCH_MODELS)
    assert _topics(warehouse) == second


# A bot of the demo's kind: bare links naming the brand, few followers.
BOT_POSTS = """
insert into raw.demo_mentions values
    ('b1', 'x', null, '2026-09-01 12:00:00+00', 'fr', 'bot', null, null, 3, null, null,
     '#AirAurore 👉 https://bit.ly/aB1', 0, 0, 0, null, '1767225600.5', 'd4'),
    ('b2', 'x', null, '2026-09-02 12:00:00+00', 'fr', 'bot', null, null, 3, null, null,
     '#AirAurore 👉 https://bit.ly/cD2', 0, 0, 0, null, '1767225600.5', 'd5'),
    ('b3', 'x', null, '2026-09-03 12:00:00+00', 'fr', 'bot', null, null, 3, null, null,
     '#AirAurore 👉 https://bit.ly/eF3', 0, 0, 0, null, '1767225600.5', 'd6');
"""


def _spam(warehouse: Path) -> tuple[set[str], int]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        spam = connection.execute("select mention_id from marts.fct_mentions where is_spam")
        flagged = {mention_id for (mention_id,) in spam.fetchall()}
        (mentions,) = connection.execute(
            "select sum(mentions) from marts.mart_topic_daily where topic_id = 'air_aurore'"
        ).fetchone()
    return flagged, mentions


@pytest.mark.slow
def test_a_changed_spam_threshold_reapplies_to_stored_mentions(tmp_path: Path) -> None:
    warehouse = tmp_path / "ecoute.duckdb"
    config = tmp_path / "listening.yml"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(RAW + BOT_POSTS)
    only_marts = ("--select", "+mart_topic_daily", "+fct_mentions")

    # The bot scores 0.73, each of its bare links 0.87: under a threshold of 0.9.
    _load_configuration(warehouse, config, CONFIG + "spam:\n  exclusion_threshold: 0.9\n")
    _dbt_run(warehouse, tmp_path, *only_marts)
    assert _spam(warehouse) == (set(), 5)

    _load_configuration(warehouse, config, CONFIG + "spam:\n  exclusion_threshold: 0.8\n")
    _dbt_run(warehouse, tmp_path, *only_marts)
    assert _spam(warehouse) == ({"demo:b1", "demo:b2", "demo:b3"}, 2)
