"""Shared fixtures. Every test that touches a warehouse gets its own temporary DuckDB file."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

from ecoute.manifest import dbt_argv
from ecoute.query.reference import Mention
from ecoute.settings import TELEMETRY_OFF

for key, value in TELEMETRY_OFF.items():
    os.environ.setdefault(key, value)


@pytest.fixture(scope="session", autouse=True)
def dagster_home(tmp_path_factory: pytest.TempPathFactory):
    """Dagster's run history goes to a fresh folder, never the developer's `.dagster_home`."""
    home = tmp_path_factory.mktemp("dagster_home")
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    previous = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("DAGSTER_HOME", None)
    else:
        os.environ["DAGSTER_HOME"] = previous


# --- the real SQL of `int_mentions_matchable`, on test rows -----------------------------------
# Tests compare what the warehouse does (the dbt macros plus the compiled query
# predicates, executed by DuckDB) with the Python reference evaluator and with
# the demo's ground truth. Nothing is re-implemented for the test: the
# normalisation SQL is the model's own, compiled by dbt once per session.

MODEL = "int_mentions_matchable"
COLUMNS = (
    "mention_id",
    "title",
    "text",
    "platform",
    "lang",
    "author_handle",
    "url",
    "author_country",
)


@pytest.fixture(scope="session")
def matchable_sql(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The compiled select of `int_mentions_matchable`, reading `ecoute.intermediate.int_mentions_unioned`."""
    work = tmp_path_factory.mktemp("dbt_compile")
    completed = subprocess.run(
        dbt_argv("compile", "--select", MODEL, "--quiet", work=work),
        capture_output=True,
        text=True,
        env={**os.environ, **TELEMETRY_OFF, "ECOUTE_WAREHOUSE": str(work / "ecoute.duckdb")},
        check=False,
    )
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-2000:]
    [compiled] = (work / "target" / "compiled").rglob(f"models/**/{MODEL}.sql")
    return compiled.read_text(encoding="utf-8")


class Matchable:
    """A DuckDB database named like the warehouse, holding mentions and their matchable rows."""

    def __init__(self, path: Path, sql: str) -> None:
        self.connection = duckdb.connect(str(path))
        self.sql = sql
        self.connection.execute("create schema intermediate")
        self.mentions: dict[str, Mention] = {}

    def load(self, mentions: Iterable[Mention]) -> None:
        """Replace the stored mentions by `mentions` (ids m0, m1, …) and rebuild the matchable table."""
        self.mentions = {f"m{i}": mention for i, mention in enumerate(mentions)}
        rows = [
            (mid, None, m.text, m.platform, m.lang, m.author_handle, m.url, m.country)
            for mid, m in self.mentions.items()
        ]
        self.connection.execute(
            "create or replace table intermediate.int_mentions_unioned ("
            + ", ".join(f"{column} varchar" for column in COLUMNS)
            + ")"
        )
        if rows:
            self.connection.executemany(
                f"insert into intermediate.int_mentions_unioned values ({', '.join('?' * len(COLUMNS))})",
                rows,
            )
        self.connection.execute(f"create or replace table matchable as {self.sql}")

    def load_frame(self, frame: pl.DataFrame) -> None:
        """Replace the stored mentions by the rows of `frame` (the columns of `COLUMNS`)."""
        self.mentions = {}
        unioned = frame.select(COLUMNS).to_arrow()  # noqa: F841 - read by DuckDB below
        self.connection.execute(
            "create or replace table intermediate.int_mentions_unioned as select * from unioned"
        )
        self.connection.execute(f"create or replace table matchable as {self.sql}")

    def flags(self, predicate: str) -> pl.Series:
        """Whether each row of the last `load_frame` matches, in the frame's order."""
        table = self.connection.sql(
            f"select coalesce({predicate}, false) as hit from matchable"
            " join intermediate.int_mentions_unioned using (mention_id)"
            " order by intermediate.int_mentions_unioned.rowid"
        ).to_arrow_table()
        return pl.from_arrow(table)["hit"]

    def matching(self, predicate: str) -> set[str]:
        return {
            row[0]
            for row in self.connection.execute(
                f"select mention_id from matchable where {predicate}"
            ).fetchall()
        }

    def column(self, name: str) -> dict[str, str]:
        return dict(self.connection.execute(f"select mention_id, {name} from matchable").fetchall())


@pytest.fixture(scope="session")
def matchable(matchable_sql: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matchable]:
    database = Matchable(tmp_path_factory.mktemp("matchable") / "ecoute.duckdb", matchable_sql)
    yield database
    database.connection.close()
