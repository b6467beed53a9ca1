"""One row per (language, feature, label): the weights of each language's learned sentiment model.

Trained with scikit-learn on `int_sentiment_training_examples` (the analysts'
corrections) by `ecoute.sentiment.learning`, which documents the model. A
language's model is retrained only when its examples or the settings changed;
otherwise the previous build's weights are kept, version and all.
"""

from ecoute.sentiment.learning import LearningSettings, train_models
from ecoute.warehouse import previous_build, relation_to_polars


def model(dbt, session):
    dbt.config(materialized="table")
    settings = LearningSettings(
        min_examples=int(dbt.config.get("min_examples")),
        regularization=float(dbt.config.get("regularization")),
    )
    examples = relation_to_polars(dbt.ref("int_sentiment_training_examples"))
    previous = previous_build(session, str(dbt.this))
    return train_models(examples, settings, previous).to_arrow()
