"""A dropped file as a frame of strings, whatever tool wrote it: CSV, TSV, JSONL or Parquet.

Every value is read as text, exactly as the file writes it: converting is the
mapping's job (`mapping.py`), which can then tell a spreadsheet's
`1.23457E+18` from a real number instead of receiving a float that already
lost the digits.

CSV and TSV go through Python's `csv` module rather than polars' reader: it
keeps quoted newlines and bare carriage returns inside quoted fields as data,
tells a row with too many or too few fields from a good one (polars pads short
rows with nulls), and gives each record the line it starts on, which every
quarantine reason and error quotes. Lines are counted on `\\n`, as editors and
`sed -n` count them; a blank line is skipped, not a record.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

LINE = "_line"  # the line (CSV, JSONL) or row (Parquet) each record starts on
DELIMITERS = (",", ";", "\t", "|")
FORMATS = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
}
# Tried in order when the bytes are not UTF-8: Windows exports (Excel "CSV")
# are cp1252; latin-1 decodes any byte, so it is the last resort.
FALLBACK_ENCODINGS = ("cp1252", "latin-1")


class FileImportError(ValueError):
    """A file that cannot be imported as asked; the message says where and what to change."""


class FileReadError(FileImportError):
    """A file that cannot be read at all; the message names the file and, where known, the line."""


@dataclass(frozen=True)
class BadRecord:
    """A record the file holds but that cannot be a row (wrong number of fields, not a JSON object)."""

    line: int
    reason: str
    text: str


@dataclass(frozen=True)
class FileTable:
    """What a file holds: one string column per field plus `_line`, and how it was read."""

    path: Path
    frame: pl.DataFrame
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    bad_records: list[BadRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. the encoding fallback

    @property
    def columns(self) -> list[str]:
        return [column for column in self.frame.columns if column != LINE]

    @property
    def records(self) -> int:
        """Every record of the file, readable or not: a run's `fetched`."""
        return self.frame.height + len(self.bad_records)

    def where(self, line: int) -> str:
        """`file.csv:12`, or `file.parquet:row 12`: where an editor finds the record."""
        return (
            f"{self.path.name}:row {line}"
            if self.format == "parquet"
            else f"{self.path.name}:{line}"
        )


def file_format(path: Path) -> str:
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise FileReadError(
            f"{path}: unknown file type {path.suffix or '(no extension)'!r};"
            f" expected one of {', '.join(sorted(FORMATS))}"
        )
    return found


def read_file(path: Path, delimiter: str | None = None, encoding: str | None = None) -> FileTable:
    """The records of `path` as strings; the format comes from its extension."""
    kind = file_format(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FileReadError(f"{path}: cannot read it: {error.strerror or error}") from error
    if kind == "parquet":
        return _read_parquet(path, data)
    text, used, notes = decode(path, data, encoding)
    if kind == "jsonl":
        return _read_jsonl(path, text, used, notes)
    if kind == "tsv":
        delimiter = delimiter or "\t"
    return _read_delimited(path, kind, text, used, delimiter or sniff_delimiter(text), notes)


def decode(path: Path, data: bytes, encoding: str | None = None) -> tuple[str, str, list[str]]:
    """The text of `data` without its BOM, the encoding used, and a note when it was a guess."""
    if encoding:
        try:
            return data.decode(encoding).removeprefix("\ufeff"), encoding, []
        except (UnicodeDecodeError, LookupError) as error:
            raise FileReadError(f"{path}: cannot decode it as {encoding}: {error}") from error
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):  # Excel's "Unicode text" export
            try:
                return data[len(bom) :].decode(name), name, []
            except UnicodeDecodeError as error:
                raise FileReadError(f"{path}: starts as {name} but is not: {error}") from error
    # A UTF-8 BOM before text in another encoding happens (a tool prepending it blindly): drop it.
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        for fallback in FALLBACK_ENCODINGS:
            try:
                text = data.decode(fallback).removeprefix("\ufeff")
            except UnicodeDecodeError:
                continue
            note = (
                f"{path.name}:{line}: not UTF-8 (byte 0x{data[error.start]:02x});"
                f" read as {fallback}: check accented letters, or give the encoding"
            )
            return text, fallback, [note]
        raise AssertionError("latin-1 decodes every byte") from error


def sniff_delimiter(text: str) -> str:
    """The delimiter the header line uses most among `,` `;` tab `|` (`,` when none appears)."""
    header = next(csv.reader(io.StringIO(text, newline="\n"), delimiter="\x00"), [""])
    line = header[0] if header else ""
    counts = {candidate: line.count(candidate) for candidate in DELIMITERS}
    best = max(DELIMITERS, key=lambda candidate: counts[candidate])
    return best if counts[best] else ","


def _read_delimited(
    path: Path, kind: str, text: str, encoding: str, delimiter: str, notes: list[str]
) -> FileTable:
    # newline="\n": a bare CR is not a line break, so inside quotes it stays data.
    reader = csv.reader(io.StringIO(text, newline="\n"), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    bad: list[BadRecord] = []
    header: list[str] | None = None
    header_line = 1
    start = 1
    try:
        for record in reader:
            if not record:  # a blank line
                start = reader.line_num + 1
                continue
            if header is None:
                header, header_line = [name.strip() for name in record], start
            elif len(record) == len(header):
                rows.append(record)
                lines.append(start)
            else:
                bad.append(
                    BadRecord(
                        start,
                        f"{path.name}:{start}: {len(record)} fields where the header"
                        f" (line {header_line}) has {len(header)}",
                        json.dumps(record, ensure_ascii=False),
                    )
                )
            start = reader.line_num + 1
    except csv.Error as error:
        raise FileReadError(
            f"{path}:{start}: not valid CSV from this line ({error}); check its quotes"
        ) from error
    if header is None:
        raise FileReadError(f"{path}: empty file: no header line")
    _check_header(path, header, header_line)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(header)
    frame = pl.DataFrame(
        {
            name: pl.Series(name, values, dtype=pl.String)
            for name, values in zip(header, columns, strict=True)
        }
    ).with_columns(pl.Series(LINE, lines, dtype=pl.Int64))
    return FileTable(path, frame, kind, encoding, delimiter, bad, notes)


def _check_header(path: Path, header: list[str], line: int) -> None:
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if not name:
            raise FileReadError(f"{path}:{line}: column {position} of the header has no name")
        if name in seen:
            raise FileReadError(f"{path}:{line}: column {name!r} appears twice in the header")
        seen.add(name)


def _read_jsonl(path: Path, text: str, encoding: str, notes: list[str]) -> FileTable:
    records: list[dict[str, str | None]] = []
    lines: list[int] = []
    bad: list[BadRecord] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            # Numbers kept as written: an id the exporter wrote as 1.23e+18 must stay visible.
            value = json.loads(line, parse_int=str, parse_float=str)
        except json.JSONDecodeError as error:
            bad.append(BadRecord(number, f"{path.name}:{number}: not JSON ({error.msg})", line))
            continue
        if not isinstance(value, dict):
            bad.append(
                BadRecord(
                    number,
                    f"{path.name}:{number}: a JSON {type(value).__name__}, not an object",
                    line,
                )
            )
            continue
        if any(isinstance(item, dict | list) for item in value.values()):
            # Nested values are kept as JSON with their numbers as numbers.
            nested = json.loads(line)
            value = {
                key: nested[key] if isinstance(item, dict | list) else item
                for key, item in value.items()
            }
        records.append({key: _as_text(item) for key, item in value.items()})
        lines.append(number)
    columns = list(dict.fromkeys(key for record in records for key in record))
    frame = pl.DataFrame(
        {name: [record.get(name) for record in records] for name in columns},
        schema={name: pl.String for name in columns},
    ).with_columns(pl.Series(LINE, lines, dtype=pl.Int64))
    return FileTable(path, frame, "jsonl", encoding, None, bad, notes)


def _as_text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)  # a nested object or list, as JSON


def _read_parquet(path: Path, data: bytes) -> FileTable:
    try:
        raw = pl.read_parquet(io.BytesIO(data))
    except (pl.exceptions.PolarsError, OSError) as error:
        raise FileReadError(f"{path}: not a readable Parquet file: {error}") from error
    frame = raw.select(_parquet_text(name, dtype) for name, dtype in raw.schema.items())
    frame = frame.with_columns(pl.int_range(1, pl.len() + 1, dtype=pl.Int64).alias(LINE))
    return FileTable(path, frame, "parquet")


def _parquet_text(name: str, dtype: pl.DataType) -> pl.Expr:
    """A Parquet column as the text a CSV export would hold; instants as ISO 8601."""
    column = pl.col(name)
    if isinstance(dtype, pl.Datetime):
        if dtype.time_zone:
            return column.dt.convert_time_zone("UTC").dt.to_string("%Y-%m-%dT%H:%M:%S%.fZ")
        return column.dt.to_string("%Y-%m-%dT%H:%M:%S%.f")
    if isinstance(dtype, pl.Struct):
        return column.struct.json_encode()
    if isinstance(dtype, pl.List | pl.Array):
        return pl.struct(column).struct.json_encode().str.json_path_match(f"$.{name}").alias(name)
    return column.cast(pl.String)
