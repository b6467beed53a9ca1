"""HTML to plain text, for a whole column at once (RSS/Atom content, Mastodon statuses, YouTube comments).

Line breaks and block ends (`<br>`, `</p>`, `</div>`, `</li>`, headings)
become new lines; scripts, styles and comments go with their content; other
tags are removed; entities are decoded, named or numeric. Whitespace runs are
squeezed, line breaks kept. Vectorised: the only Python loop is over the
*distinct* entities of the column, never over its rows.
"""

from __future__ import annotations

import html

import polars as pl

_BLOCK_END = r"(?i)<br\s*/?>|</(?:p|div|li|h[1-6]|blockquote|tr|pre)\s*>"
_INVISIBLE = r"(?is)<(script|style)\b.*?</(?:script|style)\s*>|<!--.*?-->"
_TAG = r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"


def html_to_text(column: pl.Series) -> pl.Series:
    """The text of each HTML fragment of `column` (null stays null)."""
    stripped = (
        column.cast(pl.String)
        .str.replace_all(_INVISIBLE, "")
        .str.replace_all(_BLOCK_END, "\n")
        .str.replace_all(_TAG, "")
    )
    entities = stripped.str.extract_all(_ENTITY).explode().drop_nulls().unique().to_list()
    if entities:
        stripped = stripped.str.replace_many(entities, [html.unescape(e) for e in entities])
    return (
        stripped.str.replace_all("\u00a0", " ")
        .str.replace_all(r"[ \t\r\f\v]+", " ")
        .str.replace_all(r" ?\n ?", "\n")
        .str.replace_all(r"\n{3,}", "\n\n")
        .str.strip_chars()
        .alias(column.name)
    )
