"""The preview for a reader: matched words marked, excerpts, the report, query syntax errors."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import click

from ecoute.query import text
from ecoute.query.syntax import QuerySyntaxError

if TYPE_CHECKING:
    from ecoute.preview.run import Preview

EXCERPT_LENGTH = 280


def highlight(value: str, spans: tuple[tuple[int, int], ...], color: bool = False) -> str:
    """`value` with each span marked: «word» for files and pipes, bold yellow for terminals."""
    parts, position = [], 0
    for start, end in _merged(value, spans):
        parts.append(value[position:start])
        word = value[start:end]
        parts.append(click.style(word, bold=True, fg="yellow") if color else f"«{word}»")
        position = end
    parts.append(value[position:])
    return "".join(parts)


def _merged(value: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The words of a phrase as one span («Air-Aurore», «air, aurore»): no word between them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        gap = value[merged[-1][1] : start] if merged else "x"
        if len(gap) <= 3 and not any(text.is_word_char(ch) for ch in gap):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _excerpt(
    value: str, spans: tuple[tuple[int, int], ...]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most `EXCERPT_LENGTH` characters of one line, around the first match."""
    # One line: each line break becomes a space, so that the spans still apply.
    value = "".join(" " if ch.isspace() else ch for ch in value)
    if len(value) <= EXCERPT_LENGTH:
        return value, spans
    first = spans[0][0] if spans else 0
    start = max(0, min(first - EXCERPT_LENGTH // 4, len(value) - EXCERPT_LENGTH))
    end = start + EXCERPT_LENGTH
    kept = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
    prefix, suffix = ("…" if start else ""), ("…" if end < len(value) else "")
    shifted = tuple((s + len(prefix), e + len(prefix)) for s, e in kept)
    return prefix + value[start:end] + suffix, shifted


def report_lines(preview: Preview, color: bool) -> list[str]:
    """The lines of `Preview.render`."""

    def title(value: str) -> str:
        return click.style(value, bold=True) if color else value

    lines = [f"{title('Query')}      {preview.query}"]
    if preview.topic:
        lines.insert(
            0, f"{title('Topic')}      {preview.topic} (query version {preview.query_version})"
        )
        lines.append(f"{title('Effective')}  {preview.effective_query}")
    lines.append(
        f"{title('Matches')}    {preview.total:,} of {preview.mentions_in_warehouse:,} mentions "
        f"({preview.share:.1%}) in {preview.warehouse}, {preview.elapsed_s:.2f}s"
    )
    if not preview.total:
        return [*lines, "", "No mention matches this query."]

    def counts(rows: list[tuple[str | None, int]]) -> str:
        return "  ".join(
            f"{value or 'unknown'} {n:,} ({n / preview.total:.0%})" for value, n in rows
        )

    lines += [
        f"{title('Platforms')}  {counts(preview.by_platform)}",
        f"{title('Languages')}  {counts(preview.by_lang)}",
        "",
        title("Per day"),
    ]
    peak = max(n for _, n in preview.by_day)
    for day, n in preview.by_day:
        bar = "█" * max(1 if n else 0, round(40 * n / peak))
        lines.append(f"  {day.isoformat() if day else 'unknown   '}  {n:>7,}  {bar}")

    lines += ["", title(f"Samples ({len(preview.samples)} of {preview.total:,})")]
    for sample in preview.samples:
        when = sample.published_at.strftime("%Y-%m-%d %H:%M") if sample.published_at else ""
        author = f"@{sample.author_handle}" if sample.author_handle else ""
        shown, spans = _excerpt(sample.text, sample.spans)
        lines.append(f"  {when}  {sample.platform}  {sample.lang or 'unknown'}  {author}")
        lines.append(f"    {highlight(shown, spans, color)}")

    lines += ["", title("Likely noise")]
    if not preview.noise_terms:
        lines.append("  No term of the matches stands apart from the rest of them.")
    else:
        lines.append(
            "  Frequent words of the matches whose mentions share little vocabulary with the"
        )
        lines.append("  others (affinity 1: as typical as an average match; 0: nothing in common).")
        lines.append("  Exclude what is not your subject: query NOT (word OR word).")
        width = max(len(term.term) for term in preview.noise_terms)
        lines.append(f"  {'term':<{width}}  mentions  affinity  example")
        for term in preview.noise_terms:
            shown, spans = _excerpt(term.example.text, term.example.spans)
            lines.append(
                f"  {term.term:<{width}}  {term.mentions:>8,}  {term.affinity:>8.2f}  "
                f"{highlight(shown, spans, color)}"
            )
            if term.also:
                lines.append(f"  {'':<{width}}  {'':>8}  {'':>8}  with {', '.join(term.also)}")
    return lines


def describe_syntax_error(query: str, error: QuerySyntaxError) -> str:
    """The error, then the line of the query it is on with a caret under the position."""
    position = min(max(error.position, 0), len(query))
    line_start = query.rfind("\n", 0, position) + 1
    line_end = query.find("\n", position)
    line = query[line_start : line_end if line_end >= 0 else len(query)]
    before = query[line_start:position]
    # Wide characters (CJK, most emoji) take two columns of a terminal.
    pad = "".join(
        "\t" if ch == "\t" else "  " if unicodedata.east_asian_width(ch) in "WF" else " "
        for ch in before
    )
    column = position - line_start + 1
    where = f"line {query.count(chr(10), 0, position) + 1}, " if "\n" in query else ""
    return f"Error: invalid query at {where}column {column}: {error.message}\n  {line}\n  {pad}^"
