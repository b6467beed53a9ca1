"""The learned sentiment layer: one linear model per language, trained on analysts' corrections.

Each language with at least `min_examples` corrected mentions gets a
multinomial logistic regression (scikit-learn) over
  * the words of the mention, as the lexicon scorer tokenises them (a binary
    feature per distinct token), and
  * the lexicon's own verdict: its compound score and whether it said positive
    or negative (scaled by `LEXICON_FEATURE_SCALE`, so the regularisation
    spends less on trusting the lexicon than on any single word).
The lexicon is thus a feature of the model, which learns where to trust it
and which words the analysts' domain reads otherwise ("crash" in finance).

The model leaves Python as a table of weights — (language, feature, label) →
weight — that the warehouse joins to every mention's tokens and turns into
probabilities in SQL (`int_mentions_learned_scored`): scoring stays
vectorised, and training and scoring see the very same tokens, produced by
the same dbt macro.

A language's model is kept unless its training set changed: its version is a
hash of the examples (mention, label, tokens, lexicon verdict) and of the
settings, so re-running a build retrains nothing, and each scored mention
names the model that scored it. A model is put in use only if, in
cross-validation on the corrections, it beats the lexicon on them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import polars as pl

METHOD = "learned_v1"
LABELS = ("negative", "neutral", "positive")
LEXICON_FEATURE_SCALE = 3.0
# Weights this close to zero change no probability in the third decimal: not exported.
MIN_EXPORTED_WEIGHT = 1e-4

EXAMPLE_COLUMNS = ("mention_id", "lang", "label", "lexicon_score", "lexicon_label", "tokens")
WEIGHT_SCHEMA = {
    "lang": pl.String,
    "model_version": pl.String,
    "feature_kind": pl.String,  # intercept | lexicon_score | lexicon_positive | lexicon_negative | token
    "feature": pl.String,
    "label": pl.String,
    "weight": pl.Float64,
    "examples": pl.Int64,
    "cv_macro_f1": pl.Float64,
    "lexicon_macro_f1": pl.Float64,
    "is_in_use": pl.Boolean,
    "trained_at": pl.Datetime("us"),
}


@dataclass(frozen=True)
class LearningSettings:
    """What a language needs to get a model, and how hard the model is regularised."""

    min_examples: int = 200
    regularization: float = 0.3  # scikit-learn's C: smaller trusts single words less
    folds: int = 5


def train_models(
    examples: pl.DataFrame,
    settings: LearningSettings,
    previous: pl.DataFrame | None = None,
    now: datetime | None = None,
) -> pl.DataFrame:
    """The weights of every language's model (`WEIGHT_SCHEMA`), reusing `previous` where nothing changed."""
    trained_at = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    models = []
    for (lang,), unordered in sorted(examples.partition_by("lang", as_dict=True).items()):
        # The warehouse returns rows in no set order; the folds of cross-validation depend on it.
        group = unordered.sort("mention_id")
        if group.height < settings.min_examples or group["label"].n_unique() < 2:
            continue
        version = model_version(group, settings)
        kept = (
            previous.filter(pl.col("lang") == lang, pl.col("model_version") == version)
            if previous is not None and previous.height
            else None
        )
        if kept is not None and kept.height:
            models.append(kept.select(list(WEIGHT_SCHEMA)).cast(WEIGHT_SCHEMA))
        else:
            models.append(fit_language(group, settings, version, trained_at))
    if not models:
        return pl.DataFrame(schema=WEIGHT_SCHEMA)
    return pl.concat(models)


def model_version(examples: pl.DataFrame, settings: LearningSettings) -> str:
    """`learned_v1-<lang>-<hash>` of the examples and settings: the same data, the same version."""
    canonical = examples.sort("mention_id").select(
        "mention_id",
        "label",
        pl.col("lexicon_score").round(9).cast(pl.String),
        "lexicon_label",
        pl.col("tokens").list.join(" "),
    )
    digest = hashlib.sha256(canonical.write_csv().encode())
    digest.update(repr((METHOD, LEXICON_FEATURE_SCALE, settings)).encode())
    lang = examples["lang"][0]
    return f"{METHOD}-{lang}-{digest.hexdigest()[:12]}"


def fit_language(
    examples: pl.DataFrame, settings: LearningSettings, version: str, trained_at: datetime
) -> pl.DataFrame:
    """Cross-validate, then fit on all of `examples` (one language) and export the weights."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from threadpoolctl import threadpool_limits

    features, vocabulary = feature_matrix(examples)
    labels = examples["label"].to_numpy()
    classifier = LogisticRegression(C=settings.regularization, max_iter=2000)
    smallest_class = int(examples["label"].value_counts()["count"].min())
    folds = min(settings.folds, smallest_class)
    # BLAS threads fighting over two cores make a 0.3 s fit take 15 s: one thread.
    with threadpool_limits(1):
        cv_macro_f1 = None
        if folds >= 2:
            predicted = cross_val_predict(
                classifier,
                features,
                labels,
                cv=StratifiedKFold(folds, shuffle=True, random_state=0),
            )
            cv_macro_f1 = float(f1_score(labels, predicted, average="macro"))
        classifier.fit(features, labels)
    lexicon_macro_f1 = float(
        f1_score(labels, examples["lexicon_label"].to_numpy(), average="macro")
    )
    coefficients, intercepts, classes = _per_class(classifier)
    names = [
        ("lexicon_score", "lexicon_score"),
        ("lexicon_positive", "lexicon_positive"),
        ("lexicon_negative", "lexicon_negative"),
        *(("token", token) for token in vocabulary),
    ]
    kinds = pl.Series([kind for kind, _ in names], dtype=pl.String)
    feature_names = pl.Series([name for _, name in names], dtype=pl.String)
    frames = []
    for row, label in enumerate(classes):
        weights = coefficients[row].copy()
        weights[:3] *= LEXICON_FEATURE_SCALE  # exported per unit of the raw feature
        frames.append(
            pl.DataFrame({"feature_kind": kinds, "feature": feature_names, "weight": weights})
            .filter(pl.col("weight").abs() >= MIN_EXPORTED_WEIGHT)
            .vstack(
                pl.DataFrame(
                    {
                        "feature_kind": ["intercept"],
                        "feature": ["intercept"],
                        "weight": [float(intercepts[row])],
                    }
                )
            )
            .with_columns(label=pl.lit(label))
        )
    return (
        pl.concat(frames)
        .with_columns(
            lang=pl.lit(examples["lang"][0]),
            model_version=pl.lit(version),
            examples=pl.lit(examples.height, dtype=pl.Int64),
            cv_macro_f1=pl.lit(cv_macro_f1, dtype=pl.Float64),
            lexicon_macro_f1=pl.lit(lexicon_macro_f1),
            is_in_use=pl.lit(cv_macro_f1 is not None and cv_macro_f1 > lexicon_macro_f1),
            trained_at=pl.lit(trained_at, dtype=pl.Datetime("us")),
        )
        .select(list(WEIGHT_SCHEMA))
        .cast(WEIGHT_SCHEMA)
    )


def feature_matrix(examples: pl.DataFrame):
    """A sparse matrix: three lexicon columns, then one binary column per token seen; and the tokens."""
    from scipy.sparse import csr_matrix, hstack

    pairs = (
        examples.select(pl.int_range(pl.len()).alias("row"), pl.col("tokens"))
        .explode("tokens")
        .drop_nulls("tokens")
        .filter(pl.col("tokens") != "")
        .unique()
    )
    vocabulary = pairs["tokens"].unique().sort()
    columns = pairs.join(
        pl.DataFrame({"tokens": vocabulary, "column": np.arange(len(vocabulary))}),
        on="tokens",
    )
    words = csr_matrix(
        (np.ones(columns.height), (columns["row"].to_numpy(), columns["column"].to_numpy())),
        shape=(examples.height, len(vocabulary)),
    )
    lexicon = LEXICON_FEATURE_SCALE * np.column_stack(
        [
            examples["lexicon_score"].fill_null(0).to_numpy(),
            (examples["lexicon_label"] == "positive").to_numpy(),
            (examples["lexicon_label"] == "negative").to_numpy(),
        ]
    ).astype(float)
    return hstack([csr_matrix(lexicon), words]).tocsr(), vocabulary.to_list()


def _per_class(classifier) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Coefficients and intercepts with one row per class; a two-class model's first class gets zeros.

    scikit-learn keeps a single row for two classes (the second's log-odds):
    a softmax over (0, z) gives the same probabilities.
    """
    classes = [str(label) for label in classifier.classes_]
    coefficients, intercepts = classifier.coef_, classifier.intercept_
    if len(classes) == 2:
        coefficients = np.vstack([np.zeros_like(coefficients[0]), coefficients[0]])
        intercepts = np.array([0.0, intercepts[0]])
    return coefficients, intercepts, classes
