"""A file's columns onto the raw mention shape (`records.MENTION_SCHEMA`), with every doubtful value reported.

The `--map` spec says which column holds what: `mention_id=Id,text=Review,
published_at=Date,author=User`. Conversions are vectorised (polars
expressions over the whole file) and strict where a silent guess would lie:

- **ids** are kept as the file writes them. One a spreadsheet rewrote in
  scientific notation (`1.23457E+18`) has lost its digits and cannot be told
  from its neighbours: the row is quarantined. A **count** in scientific
  notation (`1.2E+3`) is exact enough and becomes 1200; a count that is not a
  whole number quarantines the row.
- **dates**: ISO 8601 with a zone; ISO 8601 or `DD/MM/YYYY [HH:MM[:SS]]`
  without one, read in the import's time zone (default UTC); Unix epoch
  seconds (10 digits) or milliseconds (13 digits); and the relative dates of
  review sites and exports ("Il y a 15 heures", "il y a 2 jours", "hier",
  "15 hours ago", "yesterday"), counted back from the import's `as_of` (the
  file's modification time unless given). Anything else is quarantined with
  the value in the reason.

Ids are qualified by the platform (`<platform>:<file id>`, see the package
docstring), and so are parents, threads and authors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import polars as pl

from ingestion.common.records import MENTION_SCHEMA, conform, quarantine_rows
from ingestion.files.reader import LINE, FileImportError, FileTable

# `--map` target → raw mention column.
TARGETS: dict[str, str] = {
    "mention_id": "post_id",
    "text": "text",
    "published_at": "published_at",
    "author": "author_handle",
    "author_id": "author_id",
    "author_name": "author_name",
    "url": "url",
    "title": "title",
    "lang": "lang",
    "likes": "likes",
    "shares": "shares",
    "comments": "comments",
    "followers": "author_followers",
    "parent_id": "parent_post_id",
    "thread_id": "thread_id",
}
REQUIRED = ("mention_id", "text", "published_at")
COUNTS = ("likes", "shares", "comments", "followers")
# Kept exactly as written; other values (ids, dates, counts, urls) lose surrounding spaces.
_FREE_TEXT = {"text", "title", "author_name"}
DATE_FORMATS = (
    "ISO 8601, DD/MM/YYYY HH:MM, Unix seconds or milliseconds, 'il y a 3 heures', '3 hours ago'"
)

SCIENTIFIC = r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$"
_ZONED = ("%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z")
_NAIVE = ("%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M")
_DAYS = ("%Y-%m-%d", "%d/%m/%Y")
_MINUTE, _HOUR, _DAY = 60, 3_600, 86_400
# Spellings of a unit of a relative date, in seconds (a month is 30 days, a year 365: approximate, as the site's own text is).
_UNITS = {
    **dict.fromkeys(["s", "sec", "secs", "second", "seconds", "seconde", "secondes"], 1),
    **dict.fromkeys(["min", "mins", "mn", "minute", "minutes"], _MINUTE),
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours", "heure", "heures"], _HOUR),
    **dict.fromkeys(["d", "j", "day", "days", "jour", "jours"], _DAY),
    **dict.fromkeys(["w", "sem", "week", "weeks", "semaine", "semaines"], 7 * _DAY),
    **dict.fromkeys(["month", "months", "mois"], 30 * _DAY),
    **dict.fromkeys(
        ["y", "yr", "yrs", "year", "years", "an", "ans", "année", "années"], 365 * _DAY
    ),
}
_ONE = {"a": "1", "an": "1", "one": "1", "un": "1", "une": "1"}
_DAYS_BACK = {
    "now": 0,
    "just now": 0,
    "today": 0,
    "à l'instant": 0,
    "aujourd'hui": 0,
    "yesterday": 1,
    "hier": 1,
    "avant-hier": 2,
}


class MappingError(FileImportError):
    """A `--map` spec that does not fit the file; the message lists what would."""


@dataclass(frozen=True)
class MappedFile:
    """The rows of one file: mentions (MENTION_SCHEMA plus `_line`) and quarantine rows; together, every record."""

    mentions: pl.DataFrame
    quarantined: pl.DataFrame


def parse_map_spec(spec: str) -> dict[str, str]:
    """`mention_id=Id,text=Body,…` as {target: column}; checks the targets, not the columns."""
    mapping: dict[str, str] = {}
    for part in (piece.strip() for piece in spec.split(",")):
        if not part:
            continue
        target, equals, column = part.partition("=")
        target, column = target.strip(), column.strip()
        if not equals or not column:
            raise MappingError(f"--map: {part!r} is not target=COLUMN")
        if target not in TARGETS:
            raise MappingError(
                f"--map: unknown target {target!r}; targets are {', '.join(TARGETS)}"
            )
        if target in mapping:
            raise MappingError(f"--map: {target!r} is mapped twice")
        mapping[target] = column
    missing = [target for target in REQUIRED if target not in mapping]
    if missing:
        raise MappingError(
            f"--map: {', '.join(missing)} must be mapped (e.g. --map mention_id=id,text=body,published_at=date)"
        )
    return mapping


def check_columns(mapping: dict[str, str], table: FileTable) -> None:
    """Every mapped column is in the file; else the error lists the file's columns."""
    unknown = [
        f"{target}={column}" for target, column in mapping.items() if column not in table.columns
    ]
    if unknown:
        raise MappingError(
            f"{table.path}: no column {', '.join(repr(u.partition('=')[2]) for u in unknown)}"
            f" (--map {', '.join(unknown)}); the file's columns are: {', '.join(table.columns)}"
        )


def map_file(
    table: FileTable,
    platform: str,
    mapping: dict[str, str],
    timezone: str = "UTC",
    as_of: datetime | None = None,
    fetched_at: datetime | None = None,
) -> MappedFile:
    """Every record of `table` as a mention or a quarantine row with its line and reason."""
    check_columns(mapping, table)
    fetched_at = fetched_at or datetime.now(UTC)
    as_of = as_of or datetime.fromtimestamp(table.path.stat().st_mtime, tz=UTC)
    query = table.path.name
    raw = table.frame.select(
        pl.col(LINE),
        pl.struct(table.columns).struct.json_encode().alias("payload")
        if table.columns
        else pl.lit("{}").alias("payload"),
        *(
            _blank_as_null(
                pl.col(column) if target in _FREE_TEXT else pl.col(column).str.strip_chars()
            ).alias(target)
            for target, column in mapping.items()
        ),
    )
    values = raw.with_columns(
        published=published_at(pl.col("published_at"), timezone, as_of),
        **{
            f"{target}_count": whole_number(pl.col(target))
            for target in COUNTS
            if target in mapping
        },
    )
    flagged = values.with_columns(reason=_reason(table, mapping))
    good = flagged.filter(pl.col("reason").is_null())
    bad = flagged.filter(pl.col("reason").is_not_null())
    quarantined = quarantine_rows(
        query,
        [*bad["payload"].to_list(), *(record.text for record in table.bad_records)],
        [*bad["reason"].to_list(), *(record.reason for record in table.bad_records)],
        [*_qualified(bad["mention_id"], platform), *([None] * len(table.bad_records))],
        fetched_at,
    )
    return MappedFile(_mentions(good, mapping, platform, query, fetched_at), quarantined)


def _mentions(
    rows: pl.DataFrame, mapping: dict[str, str], platform: str, query: str, fetched_at: datetime
) -> pl.DataFrame:
    def qualified(target: str) -> pl.Expr:
        return (
            pl.concat_str(pl.lit(f"{platform}:"), pl.col(target))
            if target in mapping
            else pl.lit(None)
        )

    def text(target: str) -> pl.Expr:
        return pl.col(target) if target in mapping else pl.lit(None)

    def count(target: str) -> pl.Expr:
        return pl.col(f"{target}_count") if target in mapping else pl.lit(None)

    frame = rows.select(
        pl.col(LINE),
        post_id=qualified("mention_id"),
        query=pl.lit(query),
        platform=pl.lit(platform),
        url=text("url"),
        lang=text("lang"),
        author_id=pl.concat_str(
            pl.lit(f"{platform}:"), pl.coalesce(text("author_id"), text("author"))
        ),
        author_handle=text("author"),
        author_name=text("author_name"),
        author_followers=count("followers"),
        title=text("title"),
        # Whitespace inside the text (newlines, carriage returns) is the author's: kept.
        text=pl.col("text").fill_null(""),
        likes=count("likes"),
        shares=count("shares"),
        comments=count("comments"),
        published_at=pl.col("published"),
        parent_post_id=qualified("parent_id"),
        thread_id=qualified("thread_id"),
        payload=pl.col("payload"),
        fetched_at=pl.lit(fetched_at),
    )
    return conform(frame, {LINE: pl.Int64(), **MENTION_SCHEMA})


def _qualified(ids: pl.Series, platform: str) -> list[str | None]:
    return [None if value is None else f"{platform}:{value}" for value in ids.to_list()]


def _reason(table: FileTable, mapping: dict[str, str]) -> pl.Expr:
    """The first reason a row cannot load, prefixed with where it is; null when it can."""
    where = (
        pl.format(f"{table.path.name}:row {{}}: ", pl.col(LINE))
        if table.format == "parquet"
        else pl.format(f"{table.path.name}:{{}}: ", pl.col(LINE))
    )
    id_column, date_column = mapping["mention_id"], mapping["published_at"]
    mention_id, date = pl.col("mention_id"), pl.col("published_at")
    reason = (
        pl.when(mention_id.is_null())
        .then(pl.lit(f"no id (column {id_column!r} is empty)"))
        .when(mention_id.str.contains(SCIENTIFIC))
        .then(
            pl.format(
                f"id in scientific notation: digits lost ({{}} in column {id_column!r});"
                " export the column as text",
                mention_id,
            )
        )
        .when(date.is_null())
        .then(pl.lit(f"no publication date (column {date_column!r} is empty)"))
        .when(pl.col("published").is_null())
        .then(
            pl.format(
                f"unreadable date {{}} in column {date_column!r} (expected {DATE_FORMATS})",
                _quoted(date),
            )
        )
    )
    for target in COUNTS:
        if target in mapping:
            reason = reason.when(
                pl.col(target).is_not_null() & pl.col(f"{target}_count").is_null()
            ).then(
                pl.format(
                    f"{{}} in column {mapping[target]!r} ({target}) is not a whole number",
                    _quoted(pl.col(target)),
                )
            )
    return pl.concat_str(where, reason.otherwise(pl.lit(None, dtype=pl.String)))


def _quoted(value: pl.Expr) -> pl.Expr:
    return pl.concat_str(pl.lit("'"), value, pl.lit("'"))


def _blank_as_null(value: pl.Expr) -> pl.Expr:
    return pl.when(value.str.strip_chars() == "").then(None).otherwise(value)


def whole_number(raw: pl.Expr) -> pl.Expr:
    """A count as Int64: `1 234`, `1,234`, `12.0` and `1.2E+3` are read; null if it is not a whole number."""
    cleaned = raw.str.strip_chars().str.replace_all(r"[\s\u00a0\u202f']", "")
    # `1,234` is a thousands separator; any other comma is a decimal one (`1,2E+3` from a French spreadsheet).
    cleaned = (
        pl.when(cleaned.str.contains(r"^[+-]?\d{1,3}(,\d{3})+$"))
        .then(cleaned.str.replace_all(",", ""))
        .otherwise(cleaned.str.replace(",", "."))
    )
    as_float = cleaned.cast(pl.Float64, strict=False)
    from_float = pl.when(
        as_float.is_finite() & (as_float == as_float.round()) & (as_float.abs() < 2.0**53)
    ).then(as_float.cast(pl.Int64))
    return pl.coalesce(cleaned.cast(pl.Int64, strict=False), from_float)


def published_at(raw: pl.Expr, timezone: str, as_of: datetime) -> pl.Expr:
    """A UTC instant from any of the accepted date spellings (see the module docstring); null if none fits."""
    text = raw.str.strip_chars()
    iso = text.str.replace(r"^(\d{4}-\d{2}-\d{2})[ T]", "${1}T").str.replace(r"[Zz]$", "+00:00")
    zoned = [iso.str.to_datetime(f, strict=False, time_unit="us") for f in _ZONED]
    naive = [
        *(iso.str.to_datetime(f, strict=False, time_unit="us") for f in _NAIVE),
        *(text.str.to_date(f, strict=False).cast(pl.Datetime("us")) for f in _DAYS),
    ]
    local = (
        pl.coalesce(naive)
        .dt.replace_time_zone(timezone, ambiguous="earliest", non_existent="null")
        .dt.convert_time_zone("UTC")
    )
    digits = text.str.contains(r"^\d+$")
    epoch = (
        pl.when(digits & (text.str.len_chars() == 10))
        .then(pl.from_epoch(text.cast(pl.Int64, strict=False), time_unit="s"))
        .when(digits & (text.str.len_chars() == 13))
        .then(pl.from_epoch(text.cast(pl.Int64, strict=False), time_unit="ms"))
        .dt.cast_time_unit("us")
        .dt.replace_time_zone("UTC")
    )
    return pl.coalesce(
        *(value.dt.convert_time_zone("UTC") for value in zoned),
        local,
        epoch,
        relative_date(text, as_of),
    )


def relative_date(text: pl.Expr, as_of: datetime) -> pl.Expr:
    """'il y a 15 heures', '2 days ago', 'hier', 'yesterday' counted back from `as_of` (UTC)."""
    spoken = (
        text.str.to_lowercase()
        .str.replace_all(r"[\u00a0\u202f\s]+", " ")
        .str.replace_all("’", "'")
        .str.strip_chars()
    )
    french = spoken.str.extract_groups(r"^il y a (\S+?) ?([a-zé]+)\.?$")
    english = spoken.str.extract_groups(r"^(\S+?) ?([a-z]+)\.? ago$")
    number = pl.coalesce(french.struct.field("1"), english.struct.field("1"))
    count = number.replace(_ONE).cast(pl.Int64, strict=False)
    unit = pl.coalesce(french.struct.field("2"), english.struct.field("2")).replace_strict(
        _UNITS, default=None, return_dtype=pl.Int64
    )
    days_back = spoken.replace_strict(_DAYS_BACK, default=None, return_dtype=pl.Int64)
    seconds_back = pl.coalesce(count * unit, days_back * _DAY)
    anchor = pl.lit(as_of.astimezone(UTC)).dt.cast_time_unit("us")
    return anchor - pl.duration(seconds=seconds_back)
