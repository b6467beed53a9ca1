"""The listening configuration (`listening.yml`): what we listen for, validated on load.

The file is code reviewed in git. Every error names the file, the line and the
column of the offending value, and the field, so that a typo is fixed in
seconds rather than discovered in a mart.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from ecoute.settings import config_path

SLUG = r"^[a-z][a-z0-9_]*$"


class ConfigError(ValueError):
    """A listening configuration that cannot be used, located as `file:line:column`."""


class TopicKind(StrEnum):
    brand = "brand"
    competitor = "competitor"
    product = "product"
    campaign = "campaign"
    theme = "theme"


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Keyword = Annotated[str, Field(min_length=1, max_length=200)]


class CompetitiveSet(StrictModel):
    """Topics compared against each other in share of voice."""

    description: str = ""


class Topic(StrictModel):
    """Something we listen for: a brand, a competitor, a product, a campaign or a theme.

    A mention matches when its text contains any of `keywords` as whole words
    (case- and accent-insensitive) and none of `exclude`.
    """

    kind: TopicKind
    label: str = Field(min_length=1)
    description: str = ""
    competitive_sets: list[str] = Field(default_factory=list)
    keywords: list[Keyword] = Field(min_length=1)
    exclude: list[Keyword] = Field(default_factory=list)

    @field_validator("keywords", "exclude")
    @classmethod
    def _keywords_have_a_word(cls, values: list[str]) -> list[str]:
        for value in values:
            if not re.search(r"\w", value):
                raise ValueError(f"keyword {value!r} has no letter or digit to match")
        return values


class DemoSource(StrictModel):
    """The built-in demo feed: a simulated social web, deterministic from `seed`."""

    enabled: bool = True
    mentions: int = Field(default=20_000, ge=1_000, le=10_000_000)
    start: date = date(2026, 9, 1)
    end: date = date(2026, 10, 31)
    seed: int = 42

    @model_validator(mode="after")
    def _range_is_ordered(self) -> DemoSource:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Reporting(StrictModel):
    """How the marts present time to their readers."""

    # Days, weeks and months of the marts are calendar periods of this IANA zone:
    # a French team's "Monday" starts at midnight in Paris, not in UTC.
    timezone: str = "Europe/Paris"

    @field_validator("timezone")
    @classmethod
    def _zone_exists(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (an IANA name such as 'Europe/Paris' or 'UTC')"
            ) from None
        return value


class Sources(StrictModel):
    demo: DemoSource = Field(default_factory=DemoSource)


class ListeningConfig(StrictModel):
    version: int = Field(ge=1, le=1)
    name: str = Field(min_length=1)
    owner: str = "data-team"
    competitive_sets: dict[Annotated[str, Field(pattern=SLUG)], CompetitiveSet] = Field(
        default_factory=dict
    )
    topics: dict[Annotated[str, Field(pattern=SLUG)], Topic] = Field(min_length=1)
    reporting: Reporting = Field(default_factory=Reporting)
    sources: Sources = Field(default_factory=Sources)

    @model_validator(mode="after")
    def _sets_are_declared(self) -> ListeningConfig:
        for name, topic in self.topics.items():
            for set_name in topic.competitive_sets:
                if set_name not in self.competitive_sets:
                    declared = ", ".join(sorted(self.competitive_sets)) or "none"
                    raise _LocatedError(
                        (
                            "topics",
                            name,
                            "competitive_sets",
                            topic.competitive_sets.index(set_name),
                        ),
                        f"unknown competitive set {set_name!r} (declared: {declared})",
                    )
        for set_name in self.competitive_sets:
            members = [n for n, t in self.topics.items() if set_name in t.competitive_sets]
            if len(members) < 2:
                raise _LocatedError(
                    ("competitive_sets", set_name),
                    f"competitive set {set_name!r} needs at least two topics, has {len(members)}",
                )
        return self


class _LocatedError(ValueError):
    """Raised inside validators that know the exact path of the offending value."""

    def __init__(self, loc: tuple[Any, ...], message: str) -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message


def load_config(path: Path | str | None = None) -> ListeningConfig:
    """Read and validate a listening configuration; raises `ConfigError` located at file:line:col."""
    path = Path(path) if path is not None else config_path()
    if not path.is_file():
        raise ConfigError(
            f"{path}: listening configuration not found "
            f"(set ECOUTE_CONFIG or create listening.yml at the repository root)"
        )
    text = path.read_text(encoding="utf-8")
    try:
        tree = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {error.problem or error.context}") from None
    if not isinstance(tree, CommentedMap):
        raise ConfigError(f"{path}:1:1: expected a mapping with `version`, `name` and `topics`")
    try:
        return ListeningConfig.model_validate(_plain(tree))
    except ValidationError as error:
        problems = []
        for item in error.errors():
            located = _located_cause(item)
            loc = located.loc if located else item["loc"]
            message = located.message if located else _without_prefix(item["msg"])
            line, column = _position(tree, loc)
            field = ".".join(str(part) for part in loc) or "(top level)"
            problems.append(f"{path}:{line}:{column}: {field}: {message}")
        raise ConfigError("\n".join(problems)) from None


def _located_cause(item: dict[str, Any]) -> _LocatedError | None:
    cause = item.get("ctx", {}).get("error")
    return cause if isinstance(cause, _LocatedError) else None


def _plain(node: Any) -> Any:
    """ruamel's round-trip tree as plain dicts and lists (it keeps positions, pydantic needs neither)."""
    if isinstance(node, CommentedMap):
        return {key: _plain(value) for key, value in node.items()}
    if isinstance(node, CommentedSeq):
        return [_plain(value) for value in node]
    return node


def _position(tree: CommentedMap, loc: tuple[Any, ...]) -> tuple[int, int]:
    """1-based line and column of the deepest node of `loc` that exists in the YAML tree."""
    node: Any = tree
    line, column = 0, 0
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line, column = node.lc.value(part) if _is_scalar(node[part]) else node.lc.key(part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line, column = node.lc.item(part)
            node = node[part]
        elif isinstance(node, CommentedMap):
            # A missing or unexpected field: point at its parent mapping.
            if node.lc.line is not None:
                line, column = node.lc.line, node.lc.col
            break
        else:
            break
    return line + 1, column + 1


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (CommentedMap, CommentedSeq))


def _without_prefix(message: str) -> str:
    """pydantic prefixes a validator's own message with 'Value error, '; the reader needs only ours."""
    return message.removeprefix("Value error, ")
