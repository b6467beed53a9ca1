"""The optional model backend with a real transformer: loading, batching, label mapping, reuse, dbt.

Runs where transformers and torch are installed (`pip install 'ecoute[model]'`),
skipped otherwise. Without a downloaded model, the tests save a small BERT
classifier of their own (random weights, a real tokenizer) and check the
mechanics; with `$ECOUTE_TEST_SENTIMENT_MODEL` naming a real sentiment model
directory, its verdicts on clear posts are checked as well.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
import pytest

pytest.importorskip(
    "torch", reason="the model backend's extra is not installed: pip install 'ecoute[model]'"
)
pytest.importorskip("transformers", reason="the model backend's extra is not installed")

from ecoute.sentiment.transformer import (
    ModelBackendError,
    ModelSettings,
    TransformerScorer,
    label_mapping,
    score_new_mentions,
)

POSTS = [
    "Vol annulé sans prévenir, service client injoignable 😡",
    "Franchement l'équipage était génial, merci !",
    "Worst airline ever, lost my bag and nobody cares",
    "Great crew and a smooth landing, love it :)",
    "Il volo parte alle dieci dal terminal uno",
    "ok",
    "Der Flug startet um neun Uhr in Terminal zwei, ohne Verspätung, mit freundlicher Crew und gutem Essen an Bord",
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """A 3-label BERT classifier saved with save_pretrained: what a user's model directory holds."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-sentiment")
    words = sorted({word for post in POSTS for word in post.lower().replace(",", " ").split()})
    vocab = folder / "vocab.txt"
    vocab.write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]), encoding="utf-8"
    )
    tokenizer = BertTokenizerFast(vocab_file=str(vocab))
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(words) + 5,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=37,
        num_labels=3,
        id2label={0: "negative", 1: "neutral", 2: "positive"},
        label2id={"negative": 0, "neutral": 1, "positive": 2},
    )
    BertForSequenceClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_probabilities_do_not_depend_on_the_batch(tiny_model: Path) -> None:
    one_by_one = TransformerScorer(ModelSettings(tiny_model, batch_size=1)).probabilities(POSTS)
    batched = TransformerScorer(ModelSettings(tiny_model, batch_size=4)).probabilities(POSTS)
    np.testing.assert_allclose(one_by_one, batched, atol=1e-5)  # padding is masked out
    np.testing.assert_allclose(batched.sum(axis=1), 1.0, atol=1e-6)


def test_scores_carry_labels_probabilities_and_the_model_version(tiny_model: Path) -> None:
    scorer = TransformerScorer(ModelSettings(tiny_model, batch_size=3))
    mentions = pl.DataFrame({"mention_id": [f"m:{i}" for i in range(len(POSTS))], "text": POSTS})
    scores = scorer.score(mentions)
    assert scores["mention_id"].to_list() == mentions["mention_id"].to_list()
    assert set(scores["sentiment_label"]) <= {"negative", "neutral", "positive"}
    total = (
        scores["negative_probability"]
        + scores["neutral_probability"]
        + scores["positive_probability"]
    )
    assert (total - 1).abs().max() < 1e-6
    assert (
        scores["sentiment_score"]
        - (scores["positive_probability"] - scores["negative_probability"])
    ).abs().max() < 1e-12
    assert scores["sentiment_model_version"].unique().to_list() == [scorer.version]
    assert scorer.version.startswith(f"model-{tiny_model.name}-")


def test_mentions_already_scored_by_the_same_model_are_not_scored_again(tiny_model: Path) -> None:
    settings = ModelSettings(tiny_model)
    mentions = pl.DataFrame({"mention_id": ["m:old", "m:new"], "text": POSTS[:2]})
    version = TransformerScorer(settings).version
    previous = pl.DataFrame(
        {
            "mention_id": ["m:old", "m:gone"],
            "sentiment_label": ["positive", "negative"],
            "negative_probability": [0.0, 1.0],
            "neutral_probability": [0.0, 0.0],
            "positive_probability": [1.0, 0.0],
            "sentiment_score": [1.0, -1.0],
            "sentiment_model_version": [version, version],
        }
    )
    scores = score_new_mentions(mentions, settings, previous).sort("mention_id")
    assert scores["mention_id"].to_list() == ["m:new", "m:old"]  # m:gone is no longer a mention
    assert scores.filter(pl.col("mention_id") == "m:old")["sentiment_score"][0] == 1.0  # kept
    other = previous.with_columns(sentiment_model_version=pl.lit("model-other-0"))
    rescored = score_new_mentions(mentions, settings, other)
    assert rescored.filter(pl.col("mention_id") == "m:old")["sentiment_score"][0] != 1.0


def test_labels_must_say_what_they_mean() -> None:
    assert label_mapping({0: "NEG", 1: "Neutral", 2: "positive"}).tolist() == [
        "negative",
        "neutral",
        "positive",
    ]
    stars = label_mapping({i: f"{i + 1} star{'s' if i else ''}" for i in range(5)})
    assert stars.tolist() == ["negative", "negative", "neutral", "positive", "positive"]
    with pytest.raises(ModelBackendError, match=r"\['LABEL_0', 'LABEL_1'\] do not say"):
        label_mapping({0: "LABEL_0", 1: "LABEL_1"})


def test_a_directory_without_a_model_says_what_is_expected(tmp_path: Path) -> None:
    with pytest.raises(
        ModelBackendError, match=r"no config\.json; ECOUTE_SENTIMENT_MODEL must name"
    ):
        TransformerScorer(ModelSettings(tmp_path))


@pytest.mark.slow
def test_the_warehouse_scores_mentions_with_the_configured_model(
    tiny_model: Path, tmp_path: Path
) -> None:
    """dbt builds `int_mentions_model_scored` with the model; a second build scores only new mentions."""
    from ecoute.manifest import dbt_argv
    from ecoute.settings import TELEMETRY_OFF

    warehouse = tmp_path / "ecoute.duckdb"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create schema intermediate")
        connection.execute(
            "create table intermediate.int_mentions_unioned as"
            " select 'm:' || i as mention_id, null::varchar as title, text"
            " from (select unnest(?) as text, unnest(range(?)) as i)",
            [POSTS, len(POSTS)],
        )
    env = {
        **os.environ,
        **TELEMETRY_OFF,
        "ECOUTE_WAREHOUSE": str(warehouse),
        "ECOUTE_SENTIMENT_MODEL": str(tiny_model),
    }

    def build() -> pl.DataFrame:
        completed = subprocess.run(
            dbt_argv("run", "--select", "int_mentions_model_scored", "--quiet", work=tmp_path),
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            return connection.sql(
                "select * from intermediate.int_mentions_model_scored order by mention_id"
            ).pl()

    first = build()
    assert first.height == len(POSTS)
    assert first["sentiment_model_version"].str.starts_with("model-").all()
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(
            "insert into intermediate.int_mentions_unioned values ('m:new', null, 'Merci !')"
        )
        # A score no model would give: kept if and only if the mention is not scored again.
        connection.execute(
            "update intermediate.int_mentions_model_scored set sentiment_score = 0.123456"
            " where mention_id = 'm:0'"
        )
    second = build()
    assert second.height == len(POSTS) + 1
    assert second.filter(pl.col("mention_id") == "m:0")["sentiment_score"][0] == 0.123456


REAL_MODEL = os.environ.get("ECOUTE_TEST_SENTIMENT_MODEL")


@pytest.mark.skipif(not REAL_MODEL, reason="no real sentiment model ($ECOUTE_TEST_SENTIMENT_MODEL)")
def test_a_real_sentiment_model_reads_clear_posts_right() -> None:
    scorer = TransformerScorer(ModelSettings(Path(REAL_MODEL)))
    mentions = pl.DataFrame(
        {"mention_id": ["neg:fr", "pos:fr", "neg:en", "pos:en"], "text": POSTS[:4]}
    )
    scores = scorer.score(mentions)
    assert scores["sentiment_label"].to_list() == ["negative", "positive", "negative", "positive"]
