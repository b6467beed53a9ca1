"""File drops: CSV, TSV, JSONL and Parquet exports (listening tools, review sites) loaded as mentions.

One file is one "query": its run row, its quarantine rows and the mentions'
`query` are the file's name. A file comes from `ecoute import PATH` or from
the folder of `sources.files` (each run loads the files matching an import's
pattern; a Dagster sensor runs that when a file appears or changes).

**Ids.** Two tools can number their rows alike, so `post_id` is
`<platform>:<file id>` (e.g. `trustpilot:6571f0a2`), and `fct_mentions` shows
`mention_id = files:trustpilot:6571f0a2` with `source_post_id =
trustpilot:6571f0a2`: the file's own id is what follows the platform. Parent,
thread and author ids are qualified the same way.

**Counts.** Every record of a file is loaded, quarantined (with its line and
reason) or a duplicate: an id repeated in the file (the first row is kept),
or a row the warehouse already holds with the same content. Re-importing a
file therefore loads nothing; a file whose rows changed (new counts, an edited
text) loads those rows again, merged on `post_id`. The file is not paged and
has no cursor, so the shared collector's cursor logic does not apply: the
counting is done here, with the shared raw shapes and table hints.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import dlt
import polars as pl

from ecoute.source_settings.files import FilesSettings
from ingestion.common.collector import ReconciliationError, table_hints
from ingestion.common.records import MENTION_SCHEMA, RUN_SCHEMA, conform, dlt_columns
from ingestion.files.mapping import MappedFile, map_file, parse_map_spec
from ingestion.files.reader import FileImportError, FileTable, read_file

logger = logging.getLogger(__name__)

SERVICE = "files"
# What "the same content" means: every mapped column (not when or under which file name it was seen).
CONTENT_COLUMNS = [name for name in MENTION_SCHEMA if name not in {"query", "fetched_at"}]


@dataclass(frozen=True)
class FileImport:
    """One file to load and how to read it."""

    path: Path
    platform: str
    map_spec: str
    timezone: str = "UTC"
    as_of: datetime | None = None  # relative dates count back from it; default: the file's mtime
    delimiter: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class PreparedFile:
    """A file read and mapped, before it loads: what `ecoute import` shows and then loads."""

    table: FileTable
    mapped: MappedFile


def prepare(item: FileImport) -> PreparedFile:
    """Read and map one file; raises `FileImportError` (bad map, unreadable file) before anything loads."""
    mapping = parse_map_spec(item.map_spec)
    table = read_file(item.path, delimiter=item.delimiter, encoding=item.encoding)
    return PreparedFile(table, map_file(table, item.platform, mapping, item.timezone, item.as_of))


def imports_in_folder(settings: FilesSettings) -> list[FileImport]:
    """The folder's files matching an import's pattern; a file two patterns match goes to the first."""
    folder = settings.folder_path()
    if folder is None or not folder.is_dir():
        return []
    claimed: dict[Path, FileImport] = {}
    for spec in settings.imports.values():
        for path in sorted(folder.glob(spec.pattern)):
            if path.is_file() and path not in claimed:
                claimed[path] = FileImport(
                    path,
                    spec.platform,
                    spec.map,
                    spec.timezone,
                    None,
                    spec.delimiter,
                    spec.encoding,
                )
    return list(claimed.values())


def source_for(settings: FilesSettings) -> Any:
    """The registry's factory: the files of the configured folder (none with default settings)."""
    return files_source(imports_in_folder(settings))


@dlt.source(name=SERVICE)
def files_source(files: Sequence[FileImport | PreparedFile] = (), run_id: str | None = None) -> Any:
    """The given files, each read, mapped and counted on its own."""
    return files_mentions(list(files), run_id or uuid.uuid4().hex)


@dlt.resource(
    name="files_mentions",
    write_disposition="merge",
    primary_key="post_id",
    columns=dlt_columns(MENTION_SCHEMA),
)
def files_mentions(files: list[FileImport | PreparedFile], run_id: str) -> Iterator[Any]:
    """One row per record of the dropped files, merged on `<platform>:<file id>`; `payload` is the row as JSON."""
    hints = table_hints(SERVICE)
    for item in files:
        started_at = datetime.now(UTC)
        try:
            prepared = item if isinstance(item, PreparedFile) else prepare(item)
        except FileImportError as error:
            logger.warning("%s", error)
            # Only a FileImport can fail: a PreparedFile is already read.
            yield _run_row(run_id, item.path.name, started_at, {}, f"error: {error}", hints)
            continue
        new, duplicates = _new_rows(prepared.mapped.mentions)
        quarantined = prepared.mapped.quarantined
        counts = {
            "fetched": prepared.table.records,
            "loaded": new.height,
            "quarantined": quarantined.height,
            "duplicates": duplicates,
        }
        if counts["loaded"] + counts["quarantined"] + counts["duplicates"] != counts["fetched"]:
            raise ReconciliationError(f"{prepared.table.path}: {counts} do not reconcile")
        if not new.is_empty():
            yield conform(new, MENTION_SCHEMA).to_arrow()
        if not quarantined.is_empty():
            yield dlt.mark.with_hints(
                quarantined.to_arrow(), hints["quarantine"], create_table_variant=True
            )
        yield _run_row(run_id, prepared.table.path.name, started_at, counts, "end_of_file", hints)


def _new_rows(mentions: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """The rows to load and the number of duplicates (repeated in the file, or stored unchanged)."""
    first = mentions.filter(pl.int_range(pl.len()).over("post_id") == 0)
    stored = _stored_rows(first["post_id"].to_list())
    if stored.is_empty():
        new = first
    else:
        unchanged = first.join(stored, on="post_id", how="inner", suffix="_stored").filter(
            pl.all_horizontal(
                pl.col(name).eq_missing(pl.col(f"{name}_stored"))
                for name in CONTENT_COLUMNS
                if name != "post_id"
            )
        )
        new = first.join(unchanged.select("post_id"), on="post_id", how="anti")
    return new, mentions.height - new.height


def _stored_rows(post_ids: list[str]) -> pl.DataFrame:
    """The stored content of these ids in `files_mentions`; empty before its first load."""
    schema = {name: MENTION_SCHEMA[name] for name in CONTENT_COLUMNS}
    if not post_ids:
        return pl.DataFrame(schema=schema)
    from dlt.common.destination.exceptions import DestinationUndefinedEntity

    columns = ", ".join(
        f"epoch_us({name}) as {name}" if name == "published_at" else name
        for name in CONTENT_COLUMNS
    )
    try:
        pipeline = dlt.current.pipeline()
        with pipeline.sql_client() as client:
            table = client.make_qualified_table_name("files_mentions")
            rows = client.execute_sql(
                f"select {columns} from {table} where post_id in (select unnest(?))", post_ids
            )
    except DestinationUndefinedEntity:
        return pl.DataFrame(schema=schema)
    frame = pl.DataFrame(rows, schema={**schema, "published_at": pl.Int64()}, orient="row")
    return frame.with_columns(
        pl.from_epoch("published_at", time_unit="us").dt.replace_time_zone("UTC")
    )


def _run_row(
    run_id: str,
    name: str,
    started_at: datetime,
    counts: dict[str, int],
    stopped_because: str,
    hints: dict[str, Any],
) -> Any:
    run = {
        "run_id": run_id,
        "query": name,
        "started_at": started_at,
        "finished_at": datetime.now(UTC),
        "requests": 0,
        "pages": 1 if counts else 0,
        "fetched": counts.get("fetched", 0),
        "loaded": counts.get("loaded", 0),
        "quarantined": counts.get("quarantined", 0),
        "duplicates": counts.get("duplicates", 0),
        "cursor_before": None,
        "cursor_after": None,
        "stopped_because": stopped_because,
    }
    return dlt.mark.with_hints(
        pl.DataFrame([run], schema=RUN_SCHEMA).to_arrow(), hints["runs"], create_table_variant=True
    )


def load_files(files: Sequence[FileImport | PreparedFile]) -> pl.DataFrame:
    """Load files into the warehouse of `$ECOUTE_WAREHOUSE`; returns this load's run rows, one per file."""
    from ingestion.pipeline import warehouse_pipeline

    pipeline = warehouse_pipeline(SERVICE)
    run_id = uuid.uuid4().hex
    pipeline.run(files_source(files, run_id))
    with pipeline.sql_client() as client:
        table = client.make_qualified_table_name("files_runs")
        rows = client.execute_sql(
            f"select {', '.join(RUN_SCHEMA)} from {table} where run_id = ? order by started_at",
            run_id,
        )
    return pl.DataFrame(rows, schema=RUN_SCHEMA, orient="row")
