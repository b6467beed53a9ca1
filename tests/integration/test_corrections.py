"""Analysts' corrections end to end: loaded by the CLI, in force in every mart, teaching the learned layer.

On a copy of the session's demo warehouse, 300 French mentions get their true
label as corrections (enough for a French model), plus a few hand-made ones.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner

from ecoute.cli import main
from ecoute.settings import WAREHOUSE_ENV

pytestmark = pytest.mark.slow

FRENCH_CORRECTIONS = 300


@dataclass
class Corrected:
    path: Path
    corrections_file: Path
    imported: object  # the CLI result
    opposite: dict  # the non-French mention corrected against the lexicon
    silenced: str  # the mention whose intents were corrected to none

    def frame(self, sql: str, parameters: list[object] | None = None) -> pl.DataFrame:
        with duckdb.connect(str(self.path), read_only=True) as connection:
            return connection.sql(sql, params=parameters or None).pl()


@pytest.fixture(scope="module")
def corrected(built, demo_params, tmp_path_factory) -> Iterator[Corrected]:
    from ingestion.demo.generator import generate_days

    folder = tmp_path_factory.mktemp("corrected")
    path = folder / "ecoute.duckdb"
    shutil.copy(built.path, path)
    with duckdb.connect(str(path), read_only=True) as connection:
        mentions = connection.sql(
            "select mention_id, lang, sentiment_label from marts.fct_mentions"
        ).pl()
        silenced = connection.execute(
            "select min(mention_id) from marts.fct_mention_intents where intent = 'question'"
        ).fetchone()[0]
    truth = pl.concat(
        frame.select(pl.format("demo:{}", "post_id").alias("mention_id"), "truth_sentiment")
        for frame in generate_days(demo_params)
    )
    french = (
        mentions.filter(pl.col("lang") == "fr", pl.col("mention_id") != silenced)
        .join(truth, on="mention_id")
        .sort("mention_id")
        .head(FRENCH_CORRECTIONS)
    )
    opposite = (
        mentions.filter(pl.col("lang") == "de", pl.col("sentiment_label") == "positive")
        .sort("mention_id")
        .row(0, named=True)
    )
    corrections_file = folder / "corrections.csv"
    rows = [
        *(
            (row["mention_id"], row["truth_sentiment"], "", "ana", "2026-11-20T09:00:00Z", "")
            for row in french.iter_rows(named=True)
        ),
        (
            opposite["mention_id"],
            "négatif",
            "complaint;churn_threat",
            "léo",
            "2026-11-20T10:00:00Z",
            "ironie",
        ),
        (silenced, "", "none", "léo", "2026-11-20T10:00:00Z", "pas une question"),
        ("demo:demo-19990101-0000001", "positive", "", "ana", "2026-11-20T10:00:00Z", ""),
    ]
    pl.DataFrame(
        rows,
        schema=["mention_id", "sentiment", "intents", "corrected_by", "corrected_at", "reason"],
        orient="row",
    ).write_csv(corrections_file)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(WAREHOUSE_ENV, str(path))
        imported = CliRunner().invoke(main, ["corrections", "import", str(corrections_file)])
        yield Corrected(path, corrections_file, imported, opposite, silenced)


def test_the_import_loads_every_correction_and_warns_of_unknown_mentions(corrected) -> None:
    assert corrected.imported.exit_code == 0, corrected.imported.output
    assert f"{FRENCH_CORRECTIONS + 3:,} new correction(s)" in corrected.imported.output
    assert "1 correction(s) name mentions the warehouse does not hold" in corrected.imported.output
    audit = corrected.frame("select * from marts.fct_corrections")
    assert audit.height == FRENCH_CORRECTIONS + 3
    assert audit.filter(~pl.col("is_known_mention"))["mention_id"].to_list() == [
        "demo:demo-19990101-0000001"
    ]
    assert audit.filter(pl.col("is_known_mention"))["is_in_force"].all()


def test_a_corrected_sentiment_overrides_the_scorers_in_the_marts(corrected) -> None:
    [row] = corrected.frame(
        "select sentiment_label, sentiment_source, sentiment_score, sentiment_model_version,"
        " lexicon_sentiment_label from marts.fct_mentions where mention_id = ?",
        [corrected.opposite["mention_id"]],
    ).iter_rows(named=True)
    assert row["sentiment_label"] == "negative" and row["sentiment_source"] == "human"
    assert row["sentiment_score"] == -1.0
    assert row["lexicon_sentiment_label"] == "positive"
    [correction_id] = corrected.frame(
        "select correction_id from marts.fct_corrections where mention_id = ?",
        [corrected.opposite["mention_id"]],
    )["correction_id"]
    assert row["sentiment_model_version"] == f"correction-{correction_id}"
    # Every mart reading fct_mentions sees it, e.g. the intents mart.
    labels = corrected.frame(
        "select distinct sentiment_label from marts.fct_mention_intents where mention_id = ?",
        [corrected.opposite["mention_id"]],
    )["sentiment_label"]
    assert labels.to_list() == ["negative"]


def test_corrected_intents_replace_the_rules(corrected) -> None:
    intents = corrected.frame(
        "select intent, intent_source from marts.fct_mention_intents where mention_id = ?"
        " order by intent",
        [corrected.opposite["mention_id"]],
    )
    assert intents.rows() == [("churn_threat", "human"), ("complaint", "human")]
    assert corrected.frame(
        "select * from marts.fct_mention_intents where mention_id = ?", [corrected.silenced]
    ).is_empty()
    rules = corrected.frame(
        "select count(*) as n from marts.fct_mention_intents where intent_source = 'rule'"
    )["n"][0]
    assert rules > 1_000


def test_french_corrections_train_a_model_that_scores_the_other_french_mentions(
    corrected,
) -> None:
    [model] = corrected.frame("select * from marts.dim_sentiment_models").iter_rows(named=True)
    assert model["lang"] == "fr" and model["examples"] == FRENCH_CORRECTIONS
    assert model["model_version"].startswith("learned_v1-fr-")
    assert model["cv_macro_f1"] > model["lexicon_macro_f1"] and model["is_in_use"]
    sources = corrected.frame(
        "select lang, sentiment_source, count(*) as n, min(sentiment_model_version) as version,"
        " max(sentiment_model_version) as last_version"
        " from marts.fct_mentions group by all"
    )
    french = sources.filter(pl.col("lang") == "fr")
    assert (
        dict(zip(french["sentiment_source"], french["n"], strict=True))["human"]
        == FRENCH_CORRECTIONS
    )
    learned = french.filter(pl.col("sentiment_source") == "learned").row(0, named=True)
    assert learned["n"] > 1_000
    assert learned["version"] == learned["last_version"] == model["model_version"]
    # No German model (one correction): German mentions keep the lexicon, but the one corrected.
    german = sources.filter(pl.col("lang") == "de")
    assert set(german["sentiment_source"]) == {"lexicon", "human"}


def test_the_sql_scores_are_the_trained_models_probabilities(corrected) -> None:
    """The weights applied in polars to the training examples give the warehouse's probabilities."""
    from tests.sentiment.test_learning import probabilities_from_weights

    weights = corrected.frame("select * from intermediate.int_sentiment_learned_weights")
    examples = corrected.frame(
        "select * from intermediate.int_sentiment_training_examples"
        " where lang in (select lang from intermediate.int_sentiment_learned_weights)"
    )
    expected = probabilities_from_weights(weights, examples)
    warehouse = corrected.frame(
        "select mention_id, positive_probability, negative_probability"
        " from intermediate.int_mentions_learned_scored"
    )
    joined = expected.join(warehouse, on="mention_id")
    assert joined.height == examples.height
    assert (joined["positive"] - joined["positive_probability"]).abs().max() < 1e-9
    assert (joined["negative"] - joined["negative_probability"]).abs().max() < 1e-9


def test_importing_again_adds_nothing_and_a_later_correction_wins_without_retraining(
    corrected, monkeypatch
) -> None:
    monkeypatch.setenv(WAREHOUSE_ENV, str(corrected.path))
    before = corrected.frame("select model_version, trained_at from marts.dim_sentiment_models")
    again = CliRunner().invoke(
        main, ["corrections", "import", str(corrected.corrections_file), "--no-build"]
    )
    assert again.exit_code == 0, again.output
    assert (
        f"0 new correction(s) in {corrected.path} ({FRENCH_CORRECTIONS + 3:,} already there)"
        in again.output
    )

    mention = corrected.opposite["mention_id"]
    later = CliRunner().invoke(
        main,
        [
            "corrections",
            "add",
            mention,
            "--sentiment",
            "positive",
            "--by",
            "zoé",
            "--reason",
            "relu",
        ],
    )
    assert later.exit_code == 0, later.output
    assert corrected.frame(
        "select sentiment_label from marts.fct_mentions where mention_id = ?", [mention]
    )["sentiment_label"].to_list() == ["positive"]
    audit = corrected.frame(
        "select corrected_by, corrected_sentiment, corrected_intents, is_in_force"
        " from marts.fct_corrections where mention_id = ? order by corrected_at",
        [mention],
    )
    # The new sentiment is in force; the earlier correction still sets the intents.
    assert audit.rows() == [
        ("léo", "negative", "churn_threat,complaint", True),
        ("zoé", "positive", None, True),
    ]
    assert corrected.frame(
        "select model_version, trained_at from marts.dim_sentiment_models"
    ).equals(before)
