"""Reading the warehouse from Python (reports, previews, quality checks)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import polars as pl

from ecoute.settings import warehouse_path


class WarehouseMissingError(FileNotFoundError):
    """The warehouse file does not exist yet."""


@contextmanager
def read_only(path: Path | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection: never takes the writer's lock away from a running build."""
    path = path or warehouse_path()
    if not path.exists():
        raise WarehouseMissingError(
            f"{path}: no warehouse here yet; build it first with `ecoute run` (or `make demo`)"
        )
    connection = duckdb.connect(str(path), read_only=True)
    try:
        yield connection
    finally:
        connection.close()


def query(
    sql: str, parameters: list[object] | None = None, path: Path | None = None
) -> pl.DataFrame:
    """Run one read-only query and return its rows as a polars DataFrame."""
    with read_only(path) as connection:
        return connection.sql(sql, params=parameters or None).pl()


def markdown_preview(frame: pl.DataFrame, max_width: int = 60) -> str:
    """A markdown table of `frame` for asset metadata, long values shortened."""

    def cell(value: object) -> str:
        text = "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    header = "| " + " | ".join(frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    rows = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.iter_rows()]
    return "\n".join([header, rule, *rows])


def relation_to_polars(relation: object) -> pl.DataFrame:
    """A table handed to a dbt Python model, as polars: DuckDB's relation or Spark's DataFrame."""
    if hasattr(relation, "pl"):  # DuckDB
        return relation.pl()
    if hasattr(relation, "toArrow"):  # Spark 4
        return pl.from_arrow(relation.toArrow())
    return pl.from_pandas(relation.toPandas())  # older Spark


def previous_build(session: object, relation: str) -> pl.DataFrame | None:
    """What a dbt Python model built last time (`dbt.this`), or None on its first build.

    Only "no such table" means a first build (DuckDB's CatalogException,
    Spark's AnalysisException); any other error is raised.
    """
    try:
        return relation_to_polars(session.sql(f"select * from {relation}"))
    except Exception as error:
        if type(error).__name__ in {"CatalogException", "AnalysisException"}:
            return None
        raise
