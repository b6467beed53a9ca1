"""Reading the reference files the project authors (lexicons, language markers) with located errors."""

from __future__ import annotations

from pathlib import Path

import polars as pl


class ReferenceFileError(ValueError):
    """A reference file is malformed; the message names the file and line."""


def read_reference_csv(path: Path, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    """The columns of `schema` from a CSV with a header; lines starting with '#' are comments."""
    try:
        frame = pl.read_csv(path, schema_overrides=schema, comment_prefix="#")
    except (pl.exceptions.PolarsError, OSError) as error:
        raise ReferenceFileError(f"{path}: {error}") from error
    missing = [column for column in schema if column not in frame.columns]
    if missing:
        raise ReferenceFileError(f"{path}:1: missing column(s) {', '.join(missing)}")
    return frame.select(list(schema))


def first_bad_line(frame: pl.DataFrame, is_bad: pl.Expr) -> dict | None:
    """The first row matching `is_bad`, with its `line` number in the file (the header is line 1).

    Comment lines are not counted: files keep their comments above the data.
    """
    bad = frame.with_row_index("line", offset=2).filter(is_bad)
    return bad.row(0, named=True) if bad.height else None
