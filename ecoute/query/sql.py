"""Query trees compiled to SQL predicates over the columns of `int_mentions_matchable`.

Nothing of a query reaches the SQL except through `Dialect.string` (a quoted,
escaped literal) and integers: a query can change what the predicate matches,
never the shape of the statement around it. Words and phrases are substring
tests on padded, normalised text (`contains`), which DuckDB runs without a
regular expression; only `?`, tags inside phrases, proximity and `raw:` need one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ecoute.query.syntax import And, Field, Near, Node, Not, Or, Raw, Words

# The columns of `int_mentions_matchable` that predicates read (see its docs).
FIELD_COLUMNS = {
    "platform": "platform",
    "lang": "lang",
    "author": "author",
    "site": "site",
    "country": "country",
}
TAGGED_TEXT = "tagged_text"
PLAIN_TEXT = "plain_text"
RAW_TEXT = "raw_text"

_NOT_A_WORD_CHAR = r"[^\p{L}\p{N}\p{M}]"
# From this many words or phrases on one column, an OR becomes one regular expression.
MERGED_ALTERNATIVES = 3


@dataclass(frozen=True)
class DuckDB:
    """SQL for DuckDB: standard string literals, RE2 regular expressions."""

    name: str = "duckdb"

    def string(self, value: str) -> str:
        if "\x00" in value:
            raise ValueError("a NUL character cannot be part of a SQL literal")
        return "'" + value.replace("'", "''") + "'"

    def contains(self, column: str, needle: str) -> str:
        return f"contains({column}, {self.string(needle)})"

    def matches(self, column: str, pattern: str) -> str:
        return f"regexp_matches({column}, {self.string(pattern)})"

    def ends_with(self, column: str, suffix: str) -> str:
        return f"suffix({column}, {self.string(suffix)})"


DIALECTS = {"duckdb": DuckDB()}


def to_sql(node: Node, dialect: DuckDB | None = None) -> str:
    """A boolean SQL expression true for the mentions `node` matches."""
    dialect = dialect or DIALECTS["duckdb"]
    if isinstance(node, Words):
        return _words(node, dialect)
    if isinstance(node, Near):
        return dialect.matches(TAGGED_TEXT, near_pattern(node))
    if isinstance(node, Field):
        return _field(node, dialect)
    if isinstance(node, Raw):
        pattern = f"(?:^|{_NOT_A_WORD_CHAR}){escape(node.literal)}(?:$|{_NOT_A_WORD_CHAR})"
        return dialect.matches(RAW_TEXT, pattern)
    if isinstance(node, And):
        return "(" + " and ".join(to_sql(item, dialect) for item in node.items) + ")"
    if isinstance(node, Or):
        return _or(node, dialect)
    if isinstance(node, Not):
        return f"(not {to_sql(node.item, dialect)})"
    raise TypeError(f"not a query node: {node!r}")  # pragma: no cover


def _words(node: Words, dialect: DuckDB) -> str:
    substring = _substring(node)
    if substring:
        return dialect.contains(*substring)
    return dialect.matches(TAGGED_TEXT, f" {words_pattern(node)} ")


def _substring(node: Node) -> tuple[str, str] | None:
    """(column, needle) when `node` is a plain substring test, as most words and phrases are.

    ' air aurore ' in ' … air aurore … '; a trailing * drops the closing space.
    """
    if not isinstance(node, Words):
        return None
    words = node.words
    tagged = [word[0] in "#@" for word in words]
    if any("?" in word for word in words) or any("*" in word for word in words[:-1]):
        return None
    if any(tagged) and not all(tagged):
        return None
    needle = " " + " ".join(words)
    needle = needle[:-1] if needle.endswith("*") else needle + " "
    return (TAGGED_TEXT if all(tagged) else PLAIN_TEXT), needle


def _or(node: Or, dialect: DuckDB) -> str:
    """Alternatives, with the substring tests on one column merged into one regular expression.

    Long OR-lists of words are what topics are made of; one RE2 alternation
    scans the text once instead of once per word (5× faster on a 17-word list,
    benchmarks/README.md).
    """
    needles: dict[str, list[str]] = {}
    tests = []
    for item in node.items:
        substring = _substring(item)
        if substring:
            needles.setdefault(substring[0], []).append(substring[1])
        else:
            tests.append(to_sql(item, dialect))
    for column, found in needles.items():
        if len(found) < MERGED_ALTERNATIVES:
            tests.extend(dialect.contains(column, needle) for needle in found)
            continue
        alternatives = (
            escape(needle.strip()) + ("" if needle.endswith(" ") else "[^ ]*") for needle in found
        )
        tests.append(dialect.matches(column, f" (?:{'|'.join(alternatives)}) "))
    return tests[0] if len(tests) == 1 else "(" + " or ".join(tests) + ")"


def _field(node: Field, dialect: DuckDB) -> str:
    column = FIELD_COLUMNS[node.name]
    if node.name == "site":
        tests = [
            f"({column} = {dialect.string(value)} or {dialect.ends_with(column, '.' + value)})"
            for value in node.values
        ]
        return tests[0] if len(tests) == 1 else "(" + " or ".join(tests) + ")"
    if len(node.values) == 1:
        return f"({column} = {dialect.string(node.values[0])})"
    return f"({column} in ({', '.join(dialect.string(value) for value in node.values)}))"


def escape(literal: str) -> str:
    """`literal` as a regular expression matching itself (RE2 and Java alike)."""
    return "".join(
        f"\\x{{{ord(ch):02X}}}" if ch.isascii() and not ch.isalnum() else ch for ch in literal
    )


def word_pattern(word: str) -> str:
    """One normalised query word as a pattern over one word of tagged text."""
    tag = word[0] if word[0] in "#@" else ""
    core = word[len(tag) :]
    body = "".join("[^ #@]" if ch == "?" else "[^ ]*" if ch == "*" else escape(ch) for ch in core)
    # A plain word also matches the hashtag or handle spelt the same.
    return (escape(tag) if tag else "[#@]?") + body


def words_pattern(node: Words) -> str:
    return " ".join(word_pattern(word) for word in node.words)


def near_pattern(node: Near) -> str:
    """` A (?:w ){0,n}B ` over tagged text, in both orders unless ordered."""
    left = "(?:" + "|".join(words_pattern(option) for option in node.left) + ")"
    right = "(?:" + "|".join(words_pattern(option) for option in node.right) + ")"
    gap = f" (?:[^ ]+ ){{0,{node.distance}}}"
    forward = f"{left}{gap}{right}"
    if node.ordered:
        return f" {forward} "
    return f" (?:{forward}|{right}{gap}{left}) "
