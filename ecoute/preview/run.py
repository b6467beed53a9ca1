"""Running a preview: one scan of the warehouse, then aggregations of its matches.

Samples are spread over the matches rather than the first rows: the ones with
the smallest md5 of their mention id, which is deterministic and unrelated to
date, platform or author. The words the query matched are marked with
`ecoute.query.reference.match_spans`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from ecoute.preview.noise import NoiseTerm, find_noise
from ecoute.preview.render import highlight, report_lines
from ecoute.query.reference import match_spans
from ecoute.query.sql import to_sql
from ecoute.query.syntax import Node, Or, Words
from ecoute.warehouse import WarehouseMissingError, read_only

MATCHABLE = "intermediate.int_mentions_matchable"
MENTIONS = "marts.fct_mentions"


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """A matched mention as shown to the analyst, with the spans the query matched."""

    mention_id: str
    published_at: datetime | None
    platform: str | None
    lang: str | None
    author_handle: str | None
    url: str | None
    sentiment_label: str | None
    text: str
    spans: tuple[tuple[int, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "mention_id": self.mention_id,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "platform": self.platform,
            "lang": self.lang,
            "author_handle": self.author_handle,
            "url": self.url,
            "sentiment_label": self.sentiment_label,
            "text": self.text,
            "highlighted": highlight(self.text, self.spans),
            "matched_words": list(dict.fromkeys(self.text[s:e] for s, e in self.spans)),
        }


@dataclass(frozen=True)
class Preview:
    query: str
    effective_query: str
    sql: str
    warehouse: Path
    mentions_in_warehouse: int
    total: int
    by_day: list[tuple[date | None, int]]
    by_platform: list[tuple[str | None, int]]
    by_lang: list[tuple[str | None, int]]
    samples: list[Sample]
    noise_terms: list[NoiseTerm]
    elapsed_s: float
    topic: str | None = None
    query_version: str | None = None

    @property
    def share(self) -> float:
        return self.total / self.mentions_in_warehouse if self.mentions_in_warehouse else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "effective_query": self.effective_query,
            "topic": self.topic,
            "query_version": self.query_version,
            "sql": self.sql,
            "warehouse": str(self.warehouse),
            "mentions_in_warehouse": self.mentions_in_warehouse,
            "total": self.total,
            "share": round(self.share, 6),
            "by_day": [
                {"day": day.isoformat() if day else None, "mentions": n} for day, n in self.by_day
            ],
            "by_platform": [{"platform": p, "mentions": n} for p, n in self.by_platform],
            "by_lang": [{"lang": lang, "mentions": n} for lang, n in self.by_lang],
            "samples": [sample.to_json() for sample in self.samples],
            "noise_terms": [term.to_json() for term in self.noise_terms],
            "elapsed_s": round(self.elapsed_s, 3),
        }

    def render(self, color: bool = False) -> str:
        """The report for a reader: terminal styles if `color`, else «marks» around matches."""
        return "\n".join(report_lines(self, color))


# --- the queries --------------------------------------------------------------------------

# `{predicate}` is compiled SQL, never text typed by the user: see `ecoute.query.sql`.
MATCHES = """
create or replace temp table preview_matches as
with matched as (
    select mention_id, plain_text, platform, lang
    from intermediate.int_mentions_matchable
    where {predicate}
)
select matched.*, mentions.published_date
from matched
left join marts.fct_mentions as mentions using (mention_id)
"""

# Text and attributes to show; the matchable text stands in for a mention missing from the mart.
MENTION_DETAILS = """
select
    matchable.mention_id,
    mentions.published_at,
    coalesce(mentions.platform, nullif(matchable.platform, '')),
    coalesce(mentions.lang, nullif(matchable.lang, '')),
    mentions.author_handle,
    mentions.url,
    mentions.sentiment_label,
    mentions.title,
    coalesce(mentions.text, matchable.raw_text)
from intermediate.int_mentions_matchable as matchable
left join marts.fct_mentions as mentions using (mention_id)
where matchable.mention_id in (select unnest($ids::varchar[]))
"""


# --- running a preview --------------------------------------------------------------------


def run_preview(
    node: Node,
    query: str,
    warehouse: Path,
    samples: int = 20,
    topic: str | None = None,
    query_version: str | None = None,
) -> Preview:
    """Match `node` against the warehouse and summarise the matches.

    Raises `WarehouseMissingError` when the warehouse or one of its tables is
    missing, with the command that builds it.
    """
    started = time.monotonic()
    predicate = to_sql(node)
    with read_only(warehouse) as connection:
        _require_tables(connection, warehouse)
        corpus = _rows(connection, f"select count(*) from {MATCHABLE}")[0][0]
        _rows(connection, MATCHES.replace("{predicate}", predicate))
        total = _rows(connection, "select count(*) from preview_matches")[0][0]
        by_day = _rows(
            connection,
            "select published_date, count(*) from preview_matches group by 1 order by 1",
        )
        by_platform = _counts(connection, "platform")
        by_lang = _counts(connection, "lang")
        sample_ids = [
            row[0]
            for row in _rows(
                connection,
                "select mention_id from preview_matches order by md5(mention_id) limit $n",
                {"n": samples},
            )
        ]
        noise = find_noise(connection, node, total, corpus)
        details = _mention_details(
            connection, [*sample_ids, *(found.example_id for found in noise)]
        )
    shown = sorted(
        (_sample(details[i], match_spans(node, _shown_text(details[i]))) for i in sample_ids),
        key=lambda sample: (sample.published_at or datetime.min, sample.mention_id),
    )
    noise_terms = [
        NoiseTerm(
            term=found.term,
            mentions=found.matches,
            share=found.matches / total,
            affinity=found.affinity,
            exclusivity=found.exclusivity,
            example=_sample(
                details[found.example_id],
                match_spans(
                    Or(tuple(Words((term,)) for term in (found.term, *found.also))),
                    _shown_text(details[found.example_id]),
                ),
            ),
            also=found.also,
        )
        for found in noise
    ]
    return Preview(
        query=query,
        effective_query=node.to_query(),
        sql=predicate,
        warehouse=warehouse,
        mentions_in_warehouse=corpus,
        total=total,
        by_day=_fill_days(by_day),
        by_platform=by_platform,
        by_lang=by_lang,
        samples=shown,
        noise_terms=noise_terms,
        elapsed_s=time.monotonic() - started,
        topic=topic,
        query_version=query_version,
    )


def _rows(
    connection: duckdb.DuckDBPyConnection, sql: str, parameters: dict[str, Any] | None = None
) -> list[tuple]:
    return connection.execute(sql, parameters or {}).fetchall()


def _require_tables(connection: duckdb.DuckDBPyConnection, warehouse: Path) -> None:
    present = {
        f"{schema}.{name}"
        for schema, name in _rows(
            connection, "select table_schema, table_name from information_schema.tables"
        )
    }
    missing = [table for table in (MATCHABLE, MENTIONS) if table not in present]
    if missing:
        raise WarehouseMissingError(
            f"{warehouse}: no table {', '.join(missing)} in this warehouse yet; "
            "build it with `ecoute run` (or `make demo`), then preview again"
        )


def _counts(connection: duckdb.DuckDBPyConnection, column: str) -> list[tuple[str | None, int]]:
    # `column` is one of two names chosen here; '' stands for unknown in the matchable table.
    rows = _rows(
        connection,
        f"select nullif({column}, ''), count(*) as n from preview_matches "
        "group by 1 order by n desc, 1 nulls last",
    )
    return [(value, n) for value, n in rows]


def _fill_days(rows: list[tuple[date | None, int]]) -> list[tuple[date | None, int]]:
    """Days between the first and the last match, with zeros, so that gaps show."""
    counts = dict(rows)
    days = sorted(day for day in counts if day is not None)
    if not days:
        return rows
    filled: list[tuple[date | None, int]] = []
    day = days[0]
    while day <= days[-1]:
        filled.append((day, counts.get(day, 0)))
        day = date.fromordinal(day.toordinal() + 1)
    if None in counts:
        filled.append((None, counts[None]))
    return filled


def _mention_details(
    connection: duckdb.DuckDBPyConnection, ids: list[str]
) -> dict[str, tuple[Any, ...]]:
    if not ids:
        return {}
    return {row[0]: row for row in _rows(connection, MENTION_DETAILS, {"ids": ids})}


def _shown_text(row: tuple[Any, ...]) -> str:
    """Title and text, as the predicate saw them (its words are those of title + ' ' + text)."""
    title, body = row[7], row[8] or ""
    return f"{title} — {body}" if title else body


def _sample(row: tuple[Any, ...], spans: list[tuple[int, int]]) -> Sample:
    mention_id, published_at, platform, lang, author_handle, url, sentiment_label = row[:7]
    return Sample(
        mention_id=mention_id,
        published_at=published_at,
        platform=platform,
        lang=lang,
        author_handle=author_handle,
        url=url,
        sentiment_label=sentiment_label,
        text=_shown_text(row),
        spans=tuple(spans),
    )
