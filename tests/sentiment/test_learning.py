"""The learned layer's training (`ecoute.sentiment.learning`) on demo posts labelled by their truth."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import numpy as np
import polars as pl
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from ecoute.sentiment.learning import (
    LEXICON_FEATURE_SCALE,
    LearningSettings,
    feature_matrix,
    train_models,
)

SETTINGS = LearningSettings(min_examples=200, regularization=0.3)


@pytest.fixture(scope="module")
def examples() -> pl.DataFrame:
    """French and English demo posts with their true label; VADER plays the lexicon."""
    from ingestion.demo.generator import DemoParams, generate_days

    params = DemoParams(mentions=3_000, start=date(2026, 9, 1), end=date(2026, 9, 30), seed=5)
    posts = pl.concat(generate_days(params)).filter(pl.col("truth_lang").is_in(["fr", "en"]))
    vader = SentimentIntensityAnalyzer()
    scores = [vader.polarity_scores(text)["compound"] for text in posts["text"]]
    return posts.select(
        pl.format("demo:{}", "post_id").alias("mention_id"),
        pl.col("truth_lang").alias("lang"),
        pl.col("truth_sentiment").alias("label"),
        pl.Series("lexicon_score", scores),
        pl.when(pl.Series(scores) >= 0.05)
        .then(pl.lit("positive"))
        .when(pl.Series(scores) <= -0.05)
        .then(pl.lit("negative"))
        .otherwise(pl.lit("neutral"))
        .alias("lexicon_label"),
        pl.Series("tokens", [re.findall(r"\w+", text.lower()) for text in posts["text"]]),
    )


def probabilities_from_weights(weights: pl.DataFrame, examples: pl.DataFrame) -> pl.DataFrame:
    """What the SQL model does, in polars: logits from the exported weights, then softmax."""
    tokens = (
        examples.select("mention_id", "lang", "tokens")
        .explode("tokens")
        .unique()
        .join(
            weights.filter(pl.col("feature_kind") == "token"),
            left_on=["lang", "tokens"],
            right_on=["lang", "feature"],
        )
        .group_by("mention_id", "label")
        .agg(token_logit=pl.col("weight").sum())
    )
    base = (
        examples.drop("label")
        .join(weights.filter(pl.col("feature_kind") != "token"), on="lang")
        .with_columns(
            part=pl.when(pl.col("feature_kind") == "intercept")
            .then(pl.col("weight"))
            .when(pl.col("feature_kind") == "lexicon_score")
            .then(pl.col("weight") * pl.col("lexicon_score"))
            .when(pl.col("feature_kind") == "lexicon_positive")
            .then(pl.col("weight") * (pl.col("lexicon_label") == "positive"))
            .otherwise(pl.col("weight") * (pl.col("lexicon_label") == "negative"))
        )
        .group_by("mention_id", "label")
        .agg(logit=pl.col("part").sum())
    )
    return (
        base.join(tokens, on=["mention_id", "label"], how="left")
        .with_columns(logit=pl.col("logit") + pl.col("token_logit").fill_null(0))
        .with_columns(odds=(pl.col("logit") - pl.col("logit").max().over("mention_id")).exp())
        .with_columns(probability=pl.col("odds") / pl.col("odds").sum().over("mention_id"))
        .pivot(on="label", index="mention_id", values="probability")
    )


def test_the_exported_weights_give_scikit_learns_probabilities(examples: pl.DataFrame) -> None:
    from sklearn.linear_model import LogisticRegression

    french = examples.filter(pl.col("lang") == "fr")
    weights = train_models(french, SETTINGS)
    features, _ = feature_matrix(french)
    reference = LogisticRegression(C=SETTINGS.regularization, max_iter=2000).fit(
        features, french["label"].to_numpy()
    )
    expected = reference.predict_proba(features)
    ours = (
        probabilities_from_weights(weights, french)
        .join(french.select("mention_id").with_row_index(), on="mention_id")
        .sort("index")
    )
    for column, label in enumerate(reference.classes_):
        # Weights under 1e-4 are not exported: probabilities agree to well under a percent.
        assert np.abs(ours[label].to_numpy() - expected[:, column]).max() < 5e-3, label


def test_two_labels_make_a_two_class_softmax(examples: pl.DataFrame) -> None:
    from sklearn.linear_model import LogisticRegression

    polar = examples.filter(pl.col("lang") == "fr", pl.col("label") != "neutral")
    weights = train_models(polar, SETTINGS)
    assert set(weights["label"]) == {"negative", "positive"}
    features, _ = feature_matrix(polar)
    reference = LogisticRegression(C=SETTINGS.regularization, max_iter=2000).fit(
        features, polar["label"].to_numpy()
    )
    ours = (
        probabilities_from_weights(weights, polar)
        .join(polar.select("mention_id").with_row_index(), on="mention_id")
        .sort("index")
    )
    assert (
        np.abs(ours["positive"].to_numpy() - reference.predict_proba(features)[:, 1]).max() < 5e-3
    )


def test_one_model_per_language_with_enough_corrections(examples: pl.DataFrame) -> None:
    english = examples.filter(pl.col("lang") == "en").head(150)
    french = examples.filter(pl.col("lang") == "fr")
    weights = train_models(pl.concat([english, french]), SETTINGS)
    assert weights["lang"].unique().to_list() == ["fr"]  # 150 English corrections are too few
    model = weights.row(0, named=True)
    assert model["model_version"].startswith("learned_v1-fr-")
    assert model["examples"] == french.height
    # The demo's words are learnable: the model beats VADER on French in cross-validation.
    assert model["cv_macro_f1"] > model["lexicon_macro_f1"] and model["is_in_use"]
    lexicon_weights = weights.filter(pl.col("feature_kind") == "lexicon_score")
    assert lexicon_weights.height == 3  # one per label, exported per unit of the score
    assert LEXICON_FEATURE_SCALE != 1


def test_an_unchanged_training_set_keeps_its_model_and_a_new_correction_retrains(
    examples: pl.DataFrame,
) -> None:
    french = examples.filter(pl.col("lang") == "fr")
    first = train_models(french, SETTINGS, now=datetime(2026, 11, 1, tzinfo=UTC))
    again = train_models(
        french.reverse(), SETTINGS, previous=first, now=datetime(2026, 11, 2, tzinfo=UTC)
    )
    assert again.equals(first)  # same version, same weights, same trained_at: not refitted
    corrected = french.with_columns(
        label=pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("positive")).otherwise("label")
    )
    retrained = train_models(
        corrected, SETTINGS, previous=first, now=datetime(2026, 11, 2, tzinfo=UTC)
    )
    assert retrained["model_version"][0] != first["model_version"][0]
    assert retrained["trained_at"][0] == datetime(2026, 11, 2)
    stricter = train_models(french, LearningSettings(regularization=0.1), previous=first)
    assert stricter["model_version"][0] != first["model_version"][0]


def test_the_order_of_the_examples_changes_nothing(examples: pl.DataFrame) -> None:
    # The warehouse returns rows in no set order: a refit must give the same model and figures.
    french = examples.filter(pl.col("lang") == "fr")
    now = datetime(2026, 11, 1, tzinfo=UTC)
    in_order = train_models(french, SETTINGS, now=now)
    shuffled = train_models(french.sample(fraction=1.0, shuffle=True, seed=3), SETTINGS, now=now)
    assert shuffled.equals(in_order)


def test_a_model_that_cannot_beat_the_lexicon_is_not_used(examples: pl.DataFrame) -> None:
    # Analysts who always agree with the lexicon: it is perfect on them, nothing to learn.
    french = examples.filter(pl.col("lang") == "fr").with_columns(label=pl.col("lexicon_label"))
    weights = train_models(french, SETTINGS)
    assert weights["lexicon_macro_f1"][0] == 1.0
    assert not weights["is_in_use"][0]


def test_no_corrections_no_models() -> None:
    empty = pl.DataFrame(
        schema={
            "mention_id": pl.String,
            "lang": pl.String,
            "label": pl.String,
            "lexicon_score": pl.Float64,
            "lexicon_label": pl.String,
            "tokens": pl.List(pl.String),
        }
    )
    assert train_models(empty, SETTINGS).is_empty()
