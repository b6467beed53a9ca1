"""One row per mention scored by the optional local transformer model (none when no model is configured).

`$ECOUTE_SENTIMENT_MODEL` names the model directory (see
`ecoute/sentiment/transformer.py`). Mentions already scored by the same model
in the previous build keep their scores: only new mentions go through it.
"""

from pathlib import Path

import polars as pl

from ecoute.sentiment.transformer import ModelSettings, score_new_mentions
from ecoute.warehouse import previous_build, relation_to_polars


def model(dbt, session):
    dbt.config(materialized="table")
    model_dir = dbt.config.get("model_dir")
    model_dir = (model_dir or "").strip()
    settings = (
        ModelSettings(
            model_dir=Path(model_dir).expanduser(),
            batch_size=int(dbt.config.get("batch_size")),
            max_length=int(dbt.config.get("max_length")),
        )
        if model_dir
        else None
    )
    if settings is None:  # no model configured: read nothing
        return score_new_mentions(None, None, None).to_arrow()
    mentions = relation_to_polars(dbt.ref("int_mentions_unioned")).select(
        "mention_id",
        pl.concat_str(
            pl.col("title").fill_null(""), pl.col("text").fill_null(""), separator=" "
        ).alias("text"),
    )
    previous = previous_build(session, str(dbt.this))
    return score_new_mentions(mentions, settings, previous).to_arrow()
