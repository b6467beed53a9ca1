"""A feed's entries → a `Page`, converted for all entries at once with polars.

- `post_id`: the entry's `<guid>` (RSS 2.0), `<id>` (Atom) or `rdf:about`
  (RSS 1.0); else its link; else a SHA-256 of its title and date (a feed that
  gives neither id nor link still has entries that must not repeat).
  Root-relative ids and links (`/2024/12/post`) are made absolute with the
  feed's origin, so two blogs' `/about` do not collide.
- `url`: the link; a Google redirect (`https://www.google.com/url?…&url=REAL`,
  Google Alerts' links) is unwrapped to the real page.
- `published_at`: `pubDate` (RFC 822), `dc:date` or Atom `published`, else
  Atom `updated` (ISO 8601), in UTC. A date without an offset is read as UTC,
  the feed giving nothing better. An entry with no date, or a date in neither
  format, is quarantined with the reason (and the date as written).
- `title` and `text` (`content:encoded`, Atom `content`, else `description` /
  `summary`): HTML to plain text.
- `payload`: the entry's raw fields as the feed wrote them, the feed's name and
  URL, and the entry's XML (feeds send XML, not JSON).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from urllib.parse import unquote

import polars as pl

from ecoute.source_settings.rss import Feed
from ingestion.common.collector import Page
from ingestion.common.records import quarantine_rows
from ingestion.common.text import html_to_text
from ingestion.rss.feed import ENTRY_FIELDS

# RFC 822's zone names, and the few others that feeds write (BST, CET, CEST).
_ZONES = {
    "UT": "+0000",
    "UTC": "+0000",
    "GMT": "+0000",
    "Z": "+0000",
    "EST": "-0500",
    "EDT": "-0400",
    "CST": "-0600",
    "CDT": "-0500",
    "MST": "-0700",
    "MDT": "-0600",
    "PST": "-0800",
    "PDT": "-0700",
    "BST": "+0100",
    "CET": "+0100",
    "CEST": "+0200",
}
_RFC822_FORMATS = (
    "%d %b %Y %H:%M:%S %z",
    "%d %b %Y %H:%M %z",
    "%d %b %y %H:%M:%S %z",
    "%d %b %y %H:%M %z",
)
_ISO8601_FORMATS = ("%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%.f%z")
_ISO8601_LOCAL_FORMATS = ("%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f")
_GOOGLE_REDIRECT = r"^https?://(?:www\.)?google\.[a-z.]+/url\?(?:[^#]*&)?(?:url|q)=([^&#]+)"
_PERCENT_ESCAPES = r"(?:%[0-9A-Fa-f]{2})+"


def to_page(
    feed_name: str,
    feed: Feed,
    fields: list[dict[str, str | None]],
    xml: list[str],
    fetched_at: datetime,
) -> Page:
    """The mentions of one feed, and its entries that cannot be read (no date, unreadable date)."""
    payloads = [
        json.dumps({"feed": feed_name, "feed_url": feed.url, **entry, "xml": entry_xml})
        for entry, entry_xml in zip(fields, xml, strict=True)
    ]
    raw = pl.DataFrame(fields, schema=dict.fromkeys(ENTRY_FIELDS, pl.String)).with_columns(
        pl.Series("payload", payloads, dtype=pl.String)
    )
    origin = re.match(r"^https?://[^/?#]+", feed.url).group(0)
    frame = raw.with_columns(_blank_as_null(name) for name in ENTRY_FIELDS).with_columns(
        url=_absolute(pl.col("link"), origin),
        written_date=pl.coalesce("published", "updated"),
        published_at=pl.coalesce(_utc(pl.col("published")), _utc(pl.col("updated"))),
    )
    frame = frame.with_columns(
        url=_unwrap_google_redirects(frame["url"]),
        post_id=pl.coalesce(
            _absolute(pl.col("id"), origin),
            "url",
            pl.concat_str(["title", "written_date"], separator="\n", ignore_nulls=True)
            .replace("", None)
            .map_batches(_sha256, return_dtype=pl.String),
        ),
    )
    mentions = frame.select(
        "post_id",
        "url",
        "lang",
        "published_at",
        "payload",
        platform=pl.lit(feed.platform),
        author_name="author",
        # A title is one line, however the feed wrapped it.
        title=html_to_text(frame["title"]).str.replace_all(r"\s+", " "),
        text=html_to_text(frame["content"].fill_null(frame["summary"])),
        fetched_at=pl.lit(fetched_at),
    )
    readable = pl.col("post_id").is_not_null() & pl.col("published_at").is_not_null()
    unreadable = frame.filter(~readable).with_columns(
        reason=pl.when(pl.col("post_id").is_null())
        .then(pl.lit("no id: no guid, id or link, and no title or date to hash"))
        .when(pl.col("written_date").is_null())
        .then(pl.lit("no publication date: no pubDate, dc:date, published or updated"))
        .otherwise(
            pl.format(
                "unreadable publication date '{}' (RFC 822 or ISO 8601 expected)",
                "written_date",
            )
        )
    )
    quarantined = quarantine_rows(
        feed_name,
        unreadable["payload"].to_list(),
        unreadable["reason"].to_list(),
        unreadable["post_id"].to_list(),
        fetched_at,
    )
    return Page(mentions.filter(readable), quarantined, fetched=raw.height, is_last=True)


def _blank_as_null(name: str) -> pl.Expr:
    stripped = pl.col(name).str.strip_chars()
    return pl.when(stripped != "").then(stripped).alias(name)


def _absolute(column: pl.Expr, origin: str) -> pl.Expr:
    """Root-relative paths made absolute on the feed's site; anything else as it is."""
    relative = column.str.starts_with("/") & ~column.str.starts_with("//")
    return pl.when(relative).then(pl.lit(origin) + column).otherwise(column)


def _utc(written: pl.Expr) -> pl.Expr:
    """An RFC 822 or ISO 8601 date, in UTC; null when it is neither.

    A date wrapped in HTML `<time datetime="…">` (some CMS templates) is read
    from its `datetime` attribute.
    """
    written = pl.coalesce(written.str.extract(r'datetime="([^"]+)"'), written)
    rfc822 = written.str.replace(r"^[A-Za-z]+,\s*", "").str.replace_all(r"\s+", " ")
    zone_name = rfc822.str.extract(r" ([A-Za-z]+)$").str.to_uppercase()
    rfc822 = (
        pl.when(zone_name.is_null())
        .then(rfc822)
        .otherwise(
            rfc822.str.replace(r"[A-Za-z]+$", "")
            + zone_name.replace_strict(_ZONES, default=None, return_dtype=pl.String)
        )
    )
    iso8601 = written.str.replace(r"[Zz]$", "+00:00")
    return pl.coalesce(
        *(
            rfc822.str.to_datetime(f, strict=False, time_unit="us", time_zone="UTC")
            for f in _RFC822_FORMATS
        ),
        *(
            iso8601.str.to_datetime(f, strict=False, time_unit="us", time_zone="UTC")
            for f in _ISO8601_FORMATS
        ),
        *(
            iso8601.str.to_datetime(f, strict=False, time_unit="us").dt.replace_time_zone("UTC")
            for f in _ISO8601_LOCAL_FORMATS
        ),
        written.str.to_date("%Y-%m-%d", strict=False)
        .cast(pl.Datetime("us"))
        .dt.replace_time_zone("UTC"),
    )


def _unwrap_google_redirects(urls: pl.Series) -> pl.Series:
    """`https://www.google.com/url?…&url=REAL…` → REAL, its percent-escapes decoded.

    Only the distinct runs of escapes are decoded in Python (a run is one
    UTF-8 character or more), never row by row.
    """
    targets = urls.str.extract(_GOOGLE_REDIRECT, 1)
    # Longest first: a run that begins another must not be replaced inside it.
    runs = sorted(
        targets.str.extract_all(_PERCENT_ESCAPES).explode().drop_nulls().unique().to_list(),
        key=len,
        reverse=True,
    )
    if runs:
        targets = targets.str.replace_many(runs, [unquote(run) for run in runs])
    return targets.fill_null(urls).alias(urls.name)


def _sha256(values: pl.Series) -> pl.Series:
    return pl.Series(
        [None if v is None else hashlib.sha256(v.encode()).hexdigest() for v in values.to_list()],
        dtype=pl.String,
    )
