"""Analysts' corrections of a mention's sentiment or intents, read and checked before they load.

A correction says what a person read in one mention: its sentiment
(negative, neutral, positive) and/or the whole set of its intents
("complaint,churn_threat", or "none"). Corrections are never edited or deleted:
a later correction of the same mention supersedes an earlier one in the marts,
and the raw table keeps them all (the audit trail).

Each correction's id is a hash of what it says, who said it, when, and where it
came from (file and line, or the command line), so loading the same file twice
adds nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

SENTIMENTS = ("negative", "neutral", "positive")
# What analysts write, in English or French, and what it means.
SENTIMENT_SPELLINGS = {
    "negative": "negative",
    "neg": "negative",
    "-": "negative",
    "négatif": "negative",
    "negatif": "negative",
    "négative": "negative",
    "neutral": "neutral",
    "neu": "neutral",
    "0": "neutral",
    "neutre": "neutral",
    "positive": "positive",
    "pos": "positive",
    "+": "positive",
    "positif": "positive",
}
NO_INTENT = "none"
FILE_COLUMNS = ("mention_id", "sentiment", "intents", "corrected_by", "corrected_at", "reason")
CORRECTION_SCHEMA = {
    "correction_id": pl.String,
    "mention_id": pl.String,
    "sentiment": pl.String,
    "intents": pl.String,
    "corrected_by": pl.String,
    "corrected_at": pl.Datetime("us", "UTC"),
    "reason": pl.String,
    "origin": pl.String,
}


class CorrectionsError(ValueError):
    """Corrections that cannot load; the message names the file, the lines and what to change."""


def read_corrections_file(
    path: Path, known_intents: Iterable[str], default_author: str | None = None
) -> pl.DataFrame:
    """The corrections of a CSV (or .tsv) file, checked, in `CORRECTION_SCHEMA`.

    Columns: `mention_id`, then `sentiment` and/or `intents`, `corrected_by`
    (or `default_author`), optional `corrected_at` (ISO 8601; the file's
    modification time when absent) and `reason`. Every bad line is reported at
    once, and nothing loads until the file is fixed.
    """
    separator = "\t" if path.suffix.lower() in {".tsv", ".tab"} else ","
    try:
        raw = pl.read_csv(path, separator=separator, infer_schema=False, encoding="utf8-lossy")
    except (OSError, pl.exceptions.PolarsError) as error:
        raise CorrectionsError(f"{path}: cannot read it as CSV: {error}") from error
    raw = raw.rename({column: column.strip().lower() for column in raw.columns})
    unknown = [column for column in raw.columns if column not in FILE_COLUMNS]
    if "mention_id" not in raw.columns or not {"sentiment", "intents"} & set(raw.columns):
        raise CorrectionsError(
            f"{path}:1: the header needs mention_id and sentiment and/or intents "
            f"(found {', '.join(raw.columns) or 'nothing'}); optional: corrected_by, corrected_at, reason"
        )
    if unknown:
        raise CorrectionsError(
            f"{path}:1: unknown column(s) {', '.join(unknown)}; expected {', '.join(FILE_COLUMNS)}"
        )
    modified = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    frame = raw.select(
        pl.col(column) if column in raw.columns else pl.lit(None, dtype=pl.String).alias(column)
        for column in FILE_COLUMNS
    ).with_columns(
        origin=pl.format("{}:{}", pl.lit(path.name), pl.int_range(2, pl.len() + 2)),
        corrected_by=pl.col("corrected_by").fill_null(pl.lit(default_author, dtype=pl.String)),
    )
    return checked(frame, known_intents, default_time=modified, where=str(path))


def correction_from_command_line(
    mention_id: str,
    sentiment: str | None,
    intents: str | None,
    author: str,
    reason: str | None,
    known_intents: Iterable[str],
    now: datetime | None = None,
) -> pl.DataFrame:
    """One correction typed at the command line, checked like a file's."""
    frame = pl.DataFrame(
        {
            "mention_id": [mention_id],
            "sentiment": [sentiment],
            "intents": [intents],
            "corrected_by": [author],
            "corrected_at": [None],
            "reason": [reason],
            "origin": ["command line"],
        },
        schema={column: pl.String for column in [*FILE_COLUMNS, "origin"]},
    )
    return checked(
        frame, known_intents, default_time=now or datetime.now(UTC), where="command line"
    )


def checked(
    frame: pl.DataFrame, known_intents: Iterable[str], default_time: datetime, where: str
) -> pl.DataFrame:
    """`frame` (all strings, `origin` = file:line) normalised and validated, with correction ids."""
    known = sorted(set(known_intents))
    cleaned = frame.with_columns(
        pl.col(column).str.strip_chars().replace("", None)
        for column in (
            "mention_id",
            "sentiment",
            "intents",
            "corrected_by",
            "corrected_at",
            "reason",
        )
    ).with_columns(
        sentiment=pl.when(pl.col("sentiment").is_not_null()).then(
            pl.col("sentiment")
            .str.to_lowercase()
            .replace_strict(SENTIMENT_SPELLINGS, default="?", return_dtype=pl.String)
        ),
        raw_sentiment=pl.col("sentiment"),
        intents=_normalised_intents(pl.col("intents")),
        corrected_at=pl.coalesce(
            pl.col("corrected_at").str.to_datetime(time_zone="UTC", strict=False, time_unit="us"),
            pl.col("corrected_at")
            .str.to_date(strict=False)
            .cast(pl.Datetime("us"))
            .dt.replace_time_zone("UTC"),
        ),
        raw_corrected_at=pl.col("corrected_at"),
    )
    problems = cleaned.select(
        "origin",
        pl.concat_list(
            pl.when(pl.col("mention_id").is_null()).then(pl.lit("no mention_id")),
            pl.when(pl.col("sentiment").is_null() & pl.col("intents").is_null()).then(
                pl.lit("neither sentiment nor intents is given")
            ),
            pl.when(pl.col("sentiment") == "?").then(
                pl.format(
                    "sentiment '{}': expected negative, neutral or positive",
                    pl.col("raw_sentiment"),
                )
            ),
            pl.when(pl.col("corrected_by").is_null()).then(
                pl.lit("no corrected_by (who made the correction)")
            ),
            pl.when(
                pl.col("raw_corrected_at").is_not_null() & pl.col("corrected_at").is_null()
            ).then(
                pl.format("corrected_at '{}' is not an ISO 8601 date", pl.col("raw_corrected_at"))
            ),
            _unknown_intents(pl.col("intents"), known),
        )
        .list.drop_nulls()
        .alias("problems"),
    ).filter(pl.col("problems").list.len() > 0)
    if problems.height:
        shown = [
            f"{row['origin']}: {'; '.join(row['problems'])}"
            for row in problems.head(20).iter_rows(named=True)
        ]
        more = f"\n… and {problems.height - 20} more" if problems.height > 20 else ""
        raise CorrectionsError(
            f"{problems.height} correction(s) in {where} cannot load; fix them and retry "
            "(nothing was loaded):\n" + "\n".join(shown) + more
        )
    corrections = cleaned.with_columns(
        corrected_at=pl.col("corrected_at").fill_null(default_time.astimezone(UTC))
    ).select([column for column in CORRECTION_SCHEMA if column != "correction_id"])
    return corrections.with_columns(correction_id=_correction_ids(corrections)).select(
        list(CORRECTION_SCHEMA)
    )


def _normalised_intents(column: pl.Expr) -> pl.Expr:
    """'Complaint; churn_threat' → 'churn_threat,complaint'; 'none' stays 'none'; null stays null."""
    return (
        column.str.to_lowercase()
        .str.replace_all(";", ",")
        .str.split(",")
        .list.eval(pl.element().str.strip_chars())
        .list.eval(pl.element().filter(pl.element() != ""))
        .list.unique()
        .list.sort()
        .list.join(",")
        .replace("", None)
    )


def _unknown_intents(intents: pl.Expr, known: list[str]) -> pl.Expr:
    unknown = (
        intents.str.split(",")
        .list.eval(pl.element().filter(~pl.element().is_in([*known, NO_INTENT])))
        .list.join(", ")
    )
    return pl.when(unknown != "").then(
        pl.format("unknown intent(s) {}; known: {}", unknown, pl.lit(", ".join(known)))
    )


def _correction_ids(corrections: pl.DataFrame) -> pl.Series:
    """A stable hash of each correction's content and origin (sha256; polars' own hash is not stable)."""
    keys = corrections.select(
        pl.concat_str(
            [pl.col(column).cast(pl.String).fill_null("") for column in corrections.columns],
            separator="\x1f",
        )
    ).to_series()
    return pl.Series(
        "correction_id", [hashlib.sha256(key.encode()).hexdigest()[:32] for key in keys]
    )
