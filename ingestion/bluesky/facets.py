"""Rich-text facets of Bluesky posts: links shown shortened get their full URI back in the text.

A post's text carries facets (`app.bsky.richtext.facet`): a span of the text
and what it is — a link (`#link`, with its `uri`), a mention (`#mention`, a
DID) or a hashtag (`#tag`). Spans are UTF-8 *byte* offsets (`byteStart`,
`byteEnd`), not character offsets: an emoji or an accent before a span moves
its characters but not its bytes, so the text is sliced as bytes here.

Bluesky's app shows long links shortened ("example.com/very…"), so the text
alone loses the address. Where a link facet's span shows a shortened form of
its URI (no scheme, cut with "…" or "..."), the span is replaced by the full
URI. A span showing other words (an anchor text written by a third-party
client) is kept as written. Mentions (`@handle`) and hashtags (`#tag`) already
read as such in the text; they stay as written.

A facet that cannot be applied — span outside the text, inverted, cutting a
character in two, overlapping an earlier one — is ignored: the text stays as
the author wrote it, and the payload keeps the facets as received.
"""

from __future__ import annotations

import polars as pl

LINK = "app.bsky.richtext.facet#link"

# The part of `record.facets` the expansion reads (other fields are ignored).
FACETS = pl.List(
    pl.Struct(
        {
            "index": pl.Struct({"byteStart": pl.Int64, "byteEnd": pl.Int64}),
            "features": pl.List(pl.Struct({"$type": pl.String, "uri": pl.String})),
        }
    )
)

_SCHEME = r"^[A-Za-z][A-Za-z0-9+.-]*://"
_ELLIPSIS = r"(?:\.\.\.|…)$"


def expand_links(texts: pl.Series, facets: pl.Series) -> pl.Series:
    """Each text with its shortened link spans replaced by their full URI (`facets`: `FACETS`)."""
    frame = pl.DataFrame({"text": texts, "facet": facets}).with_row_index("row")
    links = _applicable_links(frame)
    expanded = (
        links.with_columns(
            previous_end=pl.col("end").shift(1).over("row").fill_null(0),
        )
        .with_columns(
            before=_slice(pl.col("bytes"), pl.col("previous_end"), pl.col("start")),
        )
        .group_by("row")
        .agg(
            pl.concat_str("before", "uri").str.join("").alias("body"),
            _slice(pl.col("bytes").last(), pl.col("end").last(), None).alias("tail"),
        )
        .select("row", expanded=pl.concat_str("body", "tail"))
    )
    return (
        frame.join(expanded, on="row", how="left")
        .sort("row")
        .select(pl.coalesce("expanded", "text").alias(texts.name))
        .to_series()
    )


def _applicable_links(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per link span to expand: row, bytes of the text, start, end, uri; sorted, none overlapping."""
    index = pl.col("facet").struct.field("index")
    feature = pl.col("feature")
    return (
        frame.filter(pl.col("text").is_not_null())
        .explode("facet")
        .select(
            "row",
            bytes=pl.col("text").cast(pl.Binary),
            start=index.struct.field("byteStart"),
            end=index.struct.field("byteEnd"),
            feature=pl.col("facet").struct.field("features"),
        )
        .explode("feature")
        .filter(
            (feature.struct.field("$type") == LINK)
            & feature.struct.field("uri").is_not_null()
            & (pl.col("start") >= 0)
            & (pl.col("start") < pl.col("end"))
            & (pl.col("end") <= pl.col("bytes").bin.size())
        )
        .filter(_starts_a_character("start") & _starts_a_character("end"))
        .with_columns(
            uri=feature.struct.field("uri"),
            shown=_slice(pl.col("bytes"), pl.col("start"), pl.col("end")),
        )
        .filter(_is_shortened(pl.col("shown"), pl.col("uri")))
        .sort("row", "start", "end")
        .filter(pl.col("start") >= pl.col("end").shift(1).over("row").fill_null(0))
        .select("row", "bytes", "start", "end", "uri")
    )


def _starts_a_character(offset: str) -> pl.Expr:
    """Whether the byte offset falls between two UTF-8 characters (the end of the text does)."""
    byte = pl.col("bytes").bin.get(pl.col(offset), null_on_oob=True)
    # A UTF-8 continuation byte is 10xxxxxx.
    return byte.is_null() | ((byte.cast(pl.Int32) & 0xC0) != 0x80)


def _slice(data: pl.Expr, start: pl.Expr, end: pl.Expr | None) -> pl.Expr:
    """The text of bytes start..end (to the end when `end` is None); both must start a character."""
    length = None if end is None else end - start
    return data.bin.slice(start, length).cast(pl.String)


def _is_shortened(shown: pl.Expr, uri: pl.Expr) -> pl.Expr:
    """Whether `shown` is `uri` without its scheme and/or cut short, rather than other words."""
    shown_core = shown.str.replace(_SCHEME, "").str.replace(_ELLIPSIS, "")
    uri_core = uri.str.replace(_SCHEME, "")
    return (shown != uri) & (shown_core.str.len_bytes() > 0) & uri_core.str.starts_with(shown_core)
