"""A topic's whole matching rule: its query, its exclusions and presets, versioned.

The effective query of a topic is `query AND NOT (exclusions OR presets)`. Its
version is a hash of the effective query's canonical form, so rewording that
changes nothing (spacing, `AND` spelt out, accents) keeps the version, and any
change of what matches — in the query, an exclusion or a preset it uses —
gives a new one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ecoute.query.sql import DIALECTS, to_sql
from ecoute.query.syntax import And, Field, Node, Not, Or, field_value, parse, words_of


@dataclass(frozen=True)
class Exclusion:
    """What one exclusion list (a topic's own, or a preset) removes."""

    query: str | None = None
    authors: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()


def exclusion_node(exclusion: Exclusion) -> Node | None:
    """The exclusion as one query tree (an OR of everything it removes), or None if empty.

    Raises `QuerySyntaxError`; its `position` is the offset in `exclusion.query`
    for query errors and the index of the item for list errors (see `QueryListError`).
    """
    options: list[Node] = []
    if exclusion.query:
        options.append(parse(exclusion.query))
    for kind, values, field in (
        ("authors", exclusion.authors, "author"),
        ("domains", exclusion.domains, "site"),
    ):
        normalised = []
        for index, value in enumerate(values):
            try:
                normalised.append(field_value(field, value, 0))
            except ValueError as error:
                raise QueryListError(kind, index, str(getattr(error, "message", error))) from None
        if normalised:
            options.append(Field(field, tuple(dict.fromkeys(normalised))))
    for index, phrase in enumerate(exclusion.phrases):
        try:
            options.append(words_of(phrase, 0, quoted=True))
        except ValueError as error:
            raise QueryListError("phrases", index, str(getattr(error, "message", error))) from None
    if not options:
        return None
    return options[0] if len(options) == 1 else Or(tuple(options))


class QueryListError(ValueError):
    """An invalid item of an exclusion list (`authors`, `domains`, `phrases`)."""

    def __init__(self, kind: str, index: int, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.index = index
        self.message = message


def effective_query(query: Node, exclusions: list[Node]) -> Node:
    """`query AND NOT (e1 OR e2 …)`, or the query itself without exclusions."""
    if not exclusions:
        return query
    excluded = exclusions[0] if len(exclusions) == 1 else Or(tuple(exclusions))
    return And((query, Not(excluded)))


def query_version(node: Node) -> str:
    """12 hex digits identifying what `node` matches (its canonical form, hashed)."""
    return hashlib.sha256(node.to_query().encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class CompiledTopic:
    """A topic ready for the warehouse: its effective query, version and SQL predicates."""

    topic_id: str
    query: str
    effective: Node
    version: str

    def predicate(self, dialect: str = "duckdb") -> str:
        return to_sql(self.effective, DIALECTS[dialect])


def compile_topic(topic_id: str, query: str, exclusions: list[Node]) -> CompiledTopic:
    effective = effective_query(parse(query), exclusions)
    return CompiledTopic(topic_id, query, effective, query_version(effective))
