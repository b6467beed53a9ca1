"""`ecoute bench sentiment`: score a file of labelled posts the way the warehouse does, and VADER beside it.

The posts go through the pipeline's own code path: the lexicons are loaded by
the real dlt source and the dbt models `stg_sentiment__*` and
`int_mentions_scored` run on them, in a scratch DuckDB file that is deleted
afterwards. VADER (vaderSentiment's `polarity_scores`, compound ±0.05, its
authors' thresholds) scores the same rows in the same run, one text at a time
as it is meant to be used, over as many passes as last a second (one pass over a
few thousand posts is too short to time).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from ecoute.corrections import CORRECTION_SCHEMA
from ecoute.manifest import dbt_argv
from ecoute.settings import TELEMETRY_OFF, WAREHOUSE_ENV

LABELS = ("negative", "neutral", "positive")
SCORING_MODELS = (
    "stg_sentiment__words",
    "stg_sentiment__modifiers",
    "stg_language__markers",
    "int_mentions_languages",
    "int_mentions_scored",
)
# With --train-file: the corrections, the learned layer's training and its scoring.
LEARNING_MODELS = (
    "stg_corrections__corrections",
    "int_mentions_corrected",
    "int_sentiment_training_examples",
    "int_sentiment_learned_weights",
    "int_mentions_learned_scored",
    "int_mentions_model_scored",  # empty unless $ECOUTE_SENTIMENT_MODEL names a model
    "int_mentions_sentiment",
)
# What throughput counts: identifying the language and scoring (staging views cost nothing).
TIMED_MODELS = ("int_mentions_languages", "int_mentions_scored")
# Scoring with the learned layer adds these; training is timed on its own.
LEARNED_TIMED_MODELS = ("int_mentions_learned_scored", "int_mentions_sentiment")
TRAINING_MODEL = "int_sentiment_learned_weights"
VADER_THRESHOLD = 0.05
# VADER is timed over passes on the posts until this many seconds have gone by:
# a single pass over a few thousand posts lasts a fraction of a second, too
# short to time steadily.
VADER_MIN_SECONDS = 1.0
# The warehouse's throughput is measured on at least this many texts (the posts repeated).
THROUGHPUT_TEXTS = 200_000


class BenchError(RuntimeError):
    """The data file cannot be benchmarked; the message says what to change."""


@dataclass(frozen=True)
class LabelledPosts:
    """Texts with a gold label and, when known, a language; `skipped` rows had another label."""

    frame: pl.DataFrame  # text, label, lang
    skipped: int


@dataclass(frozen=True)
class LanguageFigures:
    n: int
    macro_f1: float
    accuracy: float
    vader_macro_f1: float
    vader_accuracy: float


@dataclass
class BenchResult:
    languages: dict[str, LanguageFigures]
    texts: int
    scored_texts: int
    seconds: float
    vader_seconds: float
    vader_texts: int  # the posts times VADER's timed passes
    method: str
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    models: list[dict] = field(default_factory=list)  # the learned models, with --train-file
    training_examples: int = 0
    training_seconds: float = 0.0

    @property
    def texts_per_s(self) -> float:
        return self.scored_texts / self.seconds if self.seconds else float("inf")

    @property
    def vader_texts_per_s(self) -> float:
        return self.vader_texts / self.vader_seconds if self.vader_seconds else float("inf")

    def to_json(self) -> dict:
        return {
            "languages": {
                lang: {
                    "n": figures.n,
                    "macro_f1": round(figures.macro_f1, 4),
                    "accuracy": round(figures.accuracy, 4),
                    "vader_macro_f1": round(figures.vader_macro_f1, 4),
                    "vader_accuracy": round(figures.vader_accuracy, 4),
                }
                for lang, figures in self.languages.items()
            },
            "texts": self.texts,
            "scored_texts": self.scored_texts,
            "skipped": self.skipped,
            "method": self.method,
            "texts_per_s": round(self.texts_per_s, 1),
            "vader_texts_per_s": round(self.vader_texts_per_s, 1),
            **(
                {
                    "training_examples": self.training_examples,
                    "training_seconds": round(self.training_seconds, 2),
                    "learned_models": self.models,
                }
                if self.training_examples
                else {}
            ),
        }


def read_labelled_posts(
    path: Path, text_col: str, label_col: str, lang_col: str | None
) -> LabelledPosts:
    """The file's texts, labels and languages; other labels than negative/neutral/positive are skipped."""
    separator = "\t" if path.suffix.lower() in {".tsv", ".tab"} else ","
    try:
        raw = pl.read_csv(path, separator=separator, infer_schema=False, quote_char='"')
    except (OSError, pl.exceptions.PolarsError) as error:
        kind = "TSV" if separator == "\t" else "CSV"
        raise BenchError(f"{path}: cannot read it as {kind}: {error}") from error
    wanted = [column for column in (text_col, label_col, lang_col) if column]
    missing = [column for column in wanted if column not in raw.columns]
    if missing:
        raise BenchError(
            f"{path}: no column {', '.join(repr(c) for c in missing)}; "
            f"its columns are {', '.join(repr(c) for c in raw.columns)}"
        )
    frame = raw.select(
        pl.col(text_col).fill_null("").alias("text"),
        pl.col(label_col).str.strip_chars().str.to_lowercase().alias("label"),
        (
            pl.col(lang_col).str.strip_chars().str.to_lowercase()
            if lang_col
            else pl.lit(None, dtype=pl.String)
        ).alias("lang"),
    )
    kept = frame.filter(pl.col("label").is_in(LABELS))
    if kept.is_empty():
        found = frame["label"].unique().head(10).to_list()
        raise BenchError(
            f"{path}: no row of column {label_col!r} is one of {', '.join(LABELS)} (found {found})"
        )
    return LabelledPosts(frame=kept, skipped=frame.height - kept.height)


@dataclass(frozen=True)
class WarehouseScores:
    labels: pl.Series  # of the posts, in order
    seconds: float  # of the timed models, on every copy
    method: str
    training_seconds: float = 0.0
    models: list[dict] = field(default_factory=list)


def score_in_warehouse(
    posts: pl.DataFrame, work: Path, copies: int = 1, training: pl.DataFrame | None = None
) -> WarehouseScores:
    """Labels of `posts` from the dbt models built on them, and the seconds the scoring took.

    The posts' own language plays the platform's: the language identifier
    keeps it unless the text clearly says another, as in the pipeline. With
    `copies` > 1 the warehouse holds that many copies of every post (the
    seconds are for all of them); the labels are the originals'. With
    `training` (labelled posts), those posts are loaded as mentions too and
    their labels as analysts' corrections, so the learned layer trains on them
    and the labels come from `int_mentions_sentiment`, as in the marts.
    """
    from ingestion.corrections import corrections
    from ingestion.pipeline import warehouse_pipeline
    from ingestion.reference_data import reference_data

    warehouse = work / "ecoute.duckdb"
    previous = os.environ.get(WAREHOUSE_ENV)
    os.environ[WAREHOUSE_ENV] = str(warehouse)
    try:
        warehouse_pipeline("reference_data").run(reference_data())
        if training is not None:
            warehouse_pipeline("corrections").run(corrections(training_corrections(training)))
    finally:
        if previous is None:
            os.environ.pop(WAREHOUSE_ENV, None)
        else:
            os.environ[WAREHOUSE_ENV] = previous

    originals = posts.select(
        pl.int_range(pl.len()).alias("row"),
        "lang",
        pl.lit(None, dtype=pl.String).alias("title"),
        "text",
    )
    mentions = pl.concat(
        originals.with_columns(mention_id=pl.format("{}~{}", "row", pl.lit(copy)))
        for copy in range(copies)
    ).select("mention_id", "lang", "title", "text", "row")
    if training is not None:
        mentions = pl.concat(
            [
                mentions,
                training.select(
                    pl.format("train~{}", pl.int_range(pl.len())).alias("mention_id"),
                    "lang",
                    pl.lit(None, dtype=pl.String).alias("title"),
                    "text",
                    pl.lit(-1, dtype=pl.Int64).alias("row"),
                ),
            ]
        )
    with duckdb.connect(str(warehouse)) as connection:
        connection.register("mentions", mentions.to_arrow())
        connection.execute("create schema if not exists intermediate")
        connection.execute(
            "create table intermediate.int_mentions_unioned as select * from mentions"
        )

    models = SCORING_MODELS + (LEARNING_MODELS if training is not None else ())
    completed = subprocess.run(
        dbt_argv("run", "--select", *models, "--quiet", work=work),
        capture_output=True,
        text=True,
        env={**os.environ, **TELEMETRY_OFF, WAREHOUSE_ENV: str(warehouse)},
        check=False,
    )
    if completed.returncode != 0:
        raise BenchError(f"dbt could not score the posts:\n{completed.stdout}{completed.stderr}")
    results = json.loads((work / "target" / "run_results.json").read_text(encoding="utf-8"))
    timings = {
        result["unique_id"].rsplit(".", 1)[-1]: result["execution_time"]
        for result in results["results"]
    }
    timed = TIMED_MODELS + (LEARNED_TIMED_MODELS if training is not None else ())
    scores = "int_mentions_sentiment" if training is not None else "int_mentions_scored"
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        scored = pl.from_arrow(
            connection.sql(
                "select scored.sentiment_label, scored.sentiment_method"
                f" from intermediate.{scores} as scored"
                " join intermediate.int_mentions_unioned as mentions using (mention_id)"
                " where mentions.row >= 0 and mention_id like '%~0' order by mentions.row"
            ).to_arrow_table()
        )
        learned = (
            connection.sql(
                "select lang, model_version, max(examples) as examples,"
                " max(cv_macro_f1) as cv_macro_f1, max(lexicon_macro_f1) as lexicon_macro_f1,"
                " bool_or(is_in_use) as is_in_use"
                " from intermediate.int_sentiment_learned_weights group by all order by lang"
            ).pl()
            if training is not None
            else pl.DataFrame()
        )
    methods = sorted(set(scored["sentiment_method"].to_list()))
    return WarehouseScores(
        labels=scored["sentiment_label"],
        seconds=sum(timings.get(model, 0.0) for model in timed),
        method=" + ".join(methods),
        training_seconds=timings.get(TRAINING_MODEL, 0.0),
        models=[
            {
                key: (round(value, 4) if isinstance(value, float) else value)
                for key, value in row.items()
            }
            for row in learned.iter_rows(named=True)
        ],
    )


def training_corrections(training: pl.DataFrame) -> pl.DataFrame:
    """The labelled training posts as analysts' corrections of the mentions `train~<row>`."""
    return training.select(
        pl.format("bench-{}", pl.int_range(pl.len())).alias("correction_id"),
        pl.format("train~{}", pl.int_range(pl.len())).alias("mention_id"),
        pl.col("label").alias("sentiment"),
        pl.lit(None, dtype=pl.String).alias("intents"),
        pl.lit("ecoute bench").alias("corrected_by"),
        pl.lit(datetime.now(UTC)).dt.cast_time_unit("us").alias("corrected_at"),
        pl.lit(None, dtype=pl.String).alias("reason"),
        pl.lit("ecoute bench --train-file").alias("origin"),
    ).cast(CORRECTION_SCHEMA)


@dataclass(frozen=True)
class VaderScores:
    labels: pl.Series  # compound ≥ 0.05 positive, ≤ -0.05 negative
    texts: int  # scored in `seconds`: the posts times the passes
    seconds: float


def score_with_vader(texts: pl.Series, min_seconds: float = VADER_MIN_SECONDS) -> VaderScores:
    """VADER's labels, and its time over as many passes as last `min_seconds`."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    started = time.perf_counter()
    compounds = [analyzer.polarity_scores(text)["compound"] for text in texts]
    passes = 1
    while texts.len() and time.perf_counter() - started < min_seconds:
        for text in texts:
            analyzer.polarity_scores(text)
        passes += 1
    seconds = time.perf_counter() - started
    labels = (
        pl.select(compound=pl.Series(compounds, dtype=pl.Float64))
        .select(
            pl.when(pl.col("compound") >= VADER_THRESHOLD)
            .then(pl.lit("positive"))
            .when(pl.col("compound") <= -VADER_THRESHOLD)
            .then(pl.lit("negative"))
            .otherwise(pl.lit("neutral"))
        )
        .to_series()
    )
    return VaderScores(labels=labels, texts=texts.len() * passes, seconds=seconds)


def macro_f1(gold: pl.Series, predicted: pl.Series) -> float:
    """Mean over the three labels of F1 (a label never predicted nor present scores 0)."""
    frame = pl.DataFrame({"gold": gold, "predicted": predicted})
    scores = []
    for label in LABELS:
        true_positive = frame.filter(
            (pl.col("gold") == label) & (pl.col("predicted") == label)
        ).height
        predicted_count = frame.filter(pl.col("predicted") == label).height
        gold_count = frame.filter(pl.col("gold") == label).height
        denominator = predicted_count + gold_count
        scores.append(2 * true_positive / denominator if denominator else 0.0)
    return sum(scores) / len(scores)


def accuracy(gold: pl.Series, predicted: pl.Series) -> float:
    return float((gold == predicted).mean()) if len(gold) else 0.0


def run_bench(
    posts: LabelledPosts,
    throughput_texts: int = THROUGHPUT_TEXTS,
    training: LabelledPosts | None = None,
) -> BenchResult:
    """Score `posts` with the warehouse's scorer and with VADER; figures per language and overall.

    DuckDB pays a fixed cost per query that would dominate a file of a few
    thousand posts, while VADER's cost per text is the same at any size: the
    warehouse scores the posts repeated up to `throughput_texts`, and its
    throughput is measured on all of them. Accuracy is measured on the originals.
    With `training`, its posts first become analysts' corrections, and the
    learned layer trained on them scores `posts` (where it beats the lexicon).
    """
    frame = posts.frame
    copies = max(1, -(-throughput_texts // max(frame.height, 1)))
    with tempfile.TemporaryDirectory(prefix="ecoute-bench-") as scratch:
        warehouse = score_in_warehouse(
            frame, Path(scratch), copies, training.frame if training is not None else None
        )
    vader = score_with_vader(frame["text"])
    scored = frame.with_columns(
        predicted=warehouse.labels, vader=vader.labels, lang=pl.col("lang").fill_null("und")
    )
    languages: dict[str, LanguageFigures] = {}
    groups = sorted(scored["lang"].unique().to_list())
    for lang in [*groups, "all"] if len(groups) > 1 else groups:
        subset = scored if lang == "all" else scored.filter(pl.col("lang") == lang)
        languages[lang] = LanguageFigures(
            n=subset.height,
            macro_f1=macro_f1(subset["label"], subset["predicted"]),
            accuracy=accuracy(subset["label"], subset["predicted"]),
            vader_macro_f1=macro_f1(subset["label"], subset["vader"]),
            vader_accuracy=accuracy(subset["label"], subset["vader"]),
        )
    return BenchResult(
        languages=languages,
        texts=frame.height,
        scored_texts=frame.height * copies,
        seconds=warehouse.seconds,
        vader_seconds=vader.seconds,
        vader_texts=vader.texts,
        method=warehouse.method,
        skipped=posts.skipped,
        models=warehouse.models,
        training_examples=training.frame.height if training is not None else 0,
        training_seconds=warehouse.training_seconds,
    )


def render(result: BenchResult, source: Path) -> str:
    """The figures as a table, one line per language, then throughput."""
    lines = [
        f"{source}: {result.texts:,} labelled posts"
        + (
            f" ({result.skipped:,} skipped: label not negative/neutral/positive)"
            if result.skipped
            else ""
        ),
        f"scorer: {result.method} (built by dbt); baseline: VADER (compound ±{VADER_THRESHOLD})",
        *_learned_lines(result),
        "",
        f"{'lang':<5} {'n':>7}  {'macro-F1':>8} {'accuracy':>8}  {'VADER F1':>8} {'VADER acc':>9}",
    ]
    for lang, figures in result.languages.items():
        lines.append(
            f"{lang:<5} {figures.n:>7,}  {figures.macro_f1:>8.3f} {figures.accuracy:>8.3f}"
            f"  {figures.vader_macro_f1:>8.3f} {figures.vader_accuracy:>9.3f}"
        )
    ratio = (
        result.texts_per_s / result.vader_texts_per_s if result.vader_texts_per_s else float("inf")
    )
    lines += [
        "",
        f"warehouse: {result.texts_per_s:>9,.0f} texts/s ({result.scored_texts:,} texts, the posts"
        f" repeated {result.scored_texts // result.texts}×, in {result.seconds:.2f}s of"
        f" {', '.join(TIMED_MODELS + (LEARNED_TIMED_MODELS if result.training_examples else ()))})",
        f"VADER:     {result.vader_texts_per_s:>9,.0f} texts/s ({result.vader_texts:,} texts, the"
        f" posts {result.vader_texts // result.texts}× over, in {result.vader_seconds:.2f}s,"
        f" one by one) · the warehouse is {ratio:.1f}× faster",
    ]
    return "\n".join(lines)


def _learned_lines(result: BenchResult) -> list[str]:
    """With --train-file: what was learned, per language, and whether it is in use."""
    if not result.training_examples:
        return []
    lines = [
        f"learned layer: trained on {result.training_examples:,} corrections in"
        f" {result.training_seconds:.1f}s (int_sentiment_learned_weights)"
    ]
    for model in result.models:
        cv = f"{model['cv_macro_f1']:.3f}" if model["cv_macro_f1"] is not None else "n/a"
        lines.append(
            f"  {model['lang']:<4} {model['model_version']}: {model['examples']:,} examples,"
            f" cross-validated macro-F1 {cv} vs lexicon {model['lexicon_macro_f1']:.3f}"
            f" → {'in use' if model['is_in_use'] else 'not used'}"
        )
    if not result.models:
        lines.append("  no language had enough corrections for a model")
    return lines
