"""The language markers, as a table: frequent, distinctive words of each language we identify.

Authored per language under `ecoute/language/markers/<lang>.csv` (term, weight
from 0.2 for words shared with related languages to 1.0 for words only that
language uses). The identifier is SQL (`int_mentions_languages`): it sums the
weights of each language's markers found in a mention's words.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ecoute.csv_files import ReferenceFileError, first_bad_line, read_reference_csv

MARKER_DIR = Path(__file__).parent / "markers"


def load_markers(directory: Path = MARKER_DIR) -> pl.DataFrame:
    """lang, term, weight: one row per language and marker word."""
    frames = [_read_markers(path) for path in sorted(directory.glob("*.csv"))]
    if not frames:
        raise ReferenceFileError(f"{directory}: no language marker file (<lang>.csv)")
    return pl.concat(frames, how="vertical").unique(
        subset=["lang", "term"], keep="first", maintain_order=True
    )


def _read_markers(path: Path) -> pl.DataFrame:
    frame = read_reference_csv(path, {"term": pl.String, "weight": pl.Float64})
    line = first_bad_line(
        frame,
        pl.col("term").is_null() | ~pl.col("weight").is_between(0, 1, closed="right"),
    )
    if line:
        raise ReferenceFileError(
            f"{path}:{line['line']}: expected a term and a weight in (0, 1], "
            f"found {line['term']!r}, {line['weight']!r}"
        )
    return frame.select(
        pl.lit(path.stem).alias("lang"),
        pl.col("term").str.strip_chars().str.to_lowercase(),
        "weight",
    )
