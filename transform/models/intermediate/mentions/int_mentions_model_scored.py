"""One row per mention scored by the optional local transformer model (none when no model is configured).

`$ECOUTE_SENTIMENT_MODEL` names the model directory (see
`ecoute/sentiment/transformer.py`). Mentions already scored by the same model
in the previous build keep their scores: only new mentions go through it.
"""

from pathlib import Path

import polars as pl

from ecoute.sentiment.transformer import ModelSettings, score_new_mentions
from ecoute.warehouse import relation_to_polars


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
    previous = previous_scores(session, str(dbt.this))
    return score_new_mentions(mentions, settings, previous).to_arrow()


def previous_scores(session, relation):
    """The scores of the previous build, if this model was built before in this warehouse."""
    try:
        return relation_to_polars(session.sql(f"select * from {relation}"))
    except Exception:  # first build: the table does not exist yet
        return None
