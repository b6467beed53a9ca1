"""The listening configuration (`listening.yml`): what we listen for, validated on load.

The file is code reviewed in git. Every error names the file, the line and the
column of the offending value, and the field, so that a typo is fixed in
seconds rather than discovered in a mart.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from ecoute.query.syntax import Node, QuerySyntaxError
from ecoute.query.topics import (
    CompiledTopic,
    Exclusion,
    QueryListError,
    compile_topic,
    exclusion_node,
)
from ecoute.settings import config_path
from ecoute.source_settings.bluesky import BlueskySettings
from ecoute.source_settings.files import FilesSettings
from ecoute.source_settings.hackernews import HackerNewsSettings
from ecoute.source_settings.mastodon import MastodonSettings
from ecoute.source_settings.reddit import RedditSettings
from ecoute.source_settings.rss import RssSettings
from ecoute.source_settings.x import XSettings
from ecoute.source_settings.youtube import YoutubeSettings

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


Listed = Annotated[str, Field(min_length=1, max_length=500)]
Slug = Annotated[str, Field(pattern=SLUG)]
Language = Annotated[str, Field(pattern=r"^[a-z]{2}$")]


class CompetitiveSet(StrictModel):
    """Topics compared against each other in share of voice."""

    description: str = ""


class Exclusions(StrictModel):
    """Mentions a topic leaves out even when its query matches them."""

    authors: list[Listed] = Field(default_factory=list)
    domains: list[Listed] = Field(default_factory=list)
    phrases: list[Listed] = Field(default_factory=list)


class ExclusionPreset(Exclusions):
    """A named exclusion list that topics switch on (`exclude_presets`)."""

    description: str = ""
    query: str | None = None


class Topic(StrictModel):
    """Something we listen for: a brand, a competitor, a product, a campaign or a theme.

    A mention belongs to the topic when it matches `query` (the query language of
    `ecoute.query`) and none of `exclude` nor of the presets in `exclude_presets`.
    """

    kind: TopicKind
    label: str = Field(min_length=1)
    description: str = ""
    competitive_sets: list[str] = Field(default_factory=list)
    query: str
    exclude: Exclusions = Field(default_factory=Exclusions)
    exclude_presets: list[Slug] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _keywords_became_a_query(cls, data: Any) -> Any:
        if isinstance(data, dict) and "keywords" in data:
            raise _LocatedError(
                ("keywords",),
                "`keywords` is now `query`: write the keywords as a query, "
                "e.g. query: '\"air aurore\" OR #AirAurore'",
            )
        return data


class IntentRule(StrictModel):
    """What a mention does (complains, asks, wants to buy…), recognised per language by a query.

    A mention has the intent when it is in one of the languages of `queries`
    (its identified language) and matches that language's query.
    """

    description: str = ""
    queries: dict[Language, str] = Field(default_factory=dict)


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


class Spam(StrictModel):
    """How the marts treat spam: mentions scoring at least the threshold are left out of volumes."""

    # A mention's spam score is its author's (`int_authors_spam_scored`: bare links,
    # pasted promotions, copies, bursts, few followers), raised for a bare link.
    # At 0.7 an account needs several signals, or one strong one, to be excluded.
    exclusion_threshold: float = Field(default=0.7, gt=0, le=1)

    @field_validator("exclusion_threshold", mode="before")
    @classmethod
    def _is_a_number(cls, value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError("expected a number between 0 (exclusive) and 1, e.g. 0.7")
        return value


class Sources(StrictModel):
    demo: DemoSource = Field(default_factory=DemoSource)
    mastodon: MastodonSettings = Field(default_factory=MastodonSettings)
    rss: RssSettings = Field(default_factory=RssSettings)
    hackernews: HackerNewsSettings = Field(default_factory=HackerNewsSettings)
    bluesky: BlueskySettings = Field(default_factory=BlueskySettings)
    reddit: RedditSettings = Field(default_factory=RedditSettings)
    x: XSettings = Field(default_factory=XSettings)
    youtube: YoutubeSettings = Field(default_factory=YoutubeSettings)
    files: FilesSettings = Field(default_factory=FilesSettings)


class ListeningConfig(StrictModel):
    version: int = Field(ge=1, le=1)
    name: str = Field(min_length=1)
    owner: str = "data-team"
    competitive_sets: dict[Annotated[str, Field(pattern=SLUG)], CompetitiveSet] = Field(
        default_factory=dict
    )
    topics: dict[Annotated[str, Field(pattern=SLUG)], Topic] = Field(min_length=1)
    exclusion_presets: dict[Slug, ExclusionPreset] = Field(default_factory=dict)
    intents: dict[Slug, IntentRule] = Field(default_factory=dict)
    reporting: Reporting = Field(default_factory=Reporting)
    spam: Spam = Field(default_factory=Spam)
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
        self.compiled_topics()  # every query, exclusion and preset parses, or a located error
        self.compiled_intents()
        return self

    @property
    def presets(self) -> dict[str, ExclusionPreset]:
        """The built-in exclusion presets, overridden or extended by this file's."""
        return {**builtin_presets(), **self.exclusion_presets}

    def compiled_topics(self) -> dict[str, CompiledTopic]:
        """Each topic's effective query, version and predicates; raises located errors."""
        presets = {name: self._preset_node(name, preset) for name, preset in self.presets.items()}
        compiled = {}
        for name, topic in self.topics.items():
            exclusions = []
            own = _exclusion_of(topic.exclude, ("topics", name, "exclude"), f'topic "{name}"')
            if own is not None:
                exclusions.append(own)
            for index, preset_name in enumerate(topic.exclude_presets):
                where = ("topics", name, "exclude_presets", index)
                if preset_name not in presets:
                    known = ", ".join(sorted(presets))
                    raise _LocatedError(
                        where, f"unknown exclusion preset {preset_name!r} ({known})"
                    )
                if presets[preset_name] is None:
                    raise _LocatedError(
                        where,
                        f"exclusion preset {preset_name!r} is empty: list what it excludes "
                        f"under exclusion_presets.{preset_name} (authors, domains, phrases or query)",
                    )
                exclusions.append(presets[preset_name])
            try:
                compiled[name] = compile_topic(name, topic.query, exclusions)
            except QuerySyntaxError as error:
                raise _LocatedError(
                    ("topics", name, "query"), error.message, error.position, f'topic "{name}"'
                ) from None
        return compiled

    @property
    def intent_rules(self) -> dict[str, IntentRule]:
        """The built-in intent rules; this file's add intents, or languages, or replace a query."""
        rules = dict(builtin_intents())
        for name, rule in self.intents.items():
            base = rules.get(name, IntentRule())
            rules[name] = IntentRule(
                description=rule.description or base.description,
                queries={**base.queries, **rule.queries},
            )
        return rules

    def compiled_intents(self) -> dict[tuple[str, str], CompiledTopic]:
        """Each (intent, language)'s compiled query; raises located errors for this file's."""
        compiled = {}
        for name, rule in self.intent_rules.items():
            for lang, query in rule.queries.items():
                try:
                    compiled[name, lang] = compile_topic(f"{name}:{lang}", query, [])
                except QuerySyntaxError as error:
                    if lang not in self.intents.get(name, IntentRule()).queries:
                        raise ValueError(
                            f"built-in intent {name!r} ({lang}) in ecoute/intent/intents.yml: "
                            f"{error.message}"
                        ) from None
                    raise _LocatedError(
                        ("intents", name, "queries", lang),
                        error.message,
                        error.position,
                        f'intent "{name}" ({lang})',
                    ) from None
        return compiled

    def _preset_node(self, name: str, preset: ExclusionPreset) -> Node | None:
        subject = f'exclusion preset "{name}"'
        return _exclusion_of(preset, ("exclusion_presets", name), subject, preset.query)


def _exclusion_of(
    exclusions: Exclusions, where: tuple[Any, ...], subject: str, query: str | None = None
) -> Node | None:
    try:
        return exclusion_node(
            Exclusion(
                query=query,
                authors=tuple(exclusions.authors),
                domains=tuple(exclusions.domains),
                phrases=tuple(exclusions.phrases),
            )
        )
    except QueryListError as error:
        raise _LocatedError(
            (*where, error.kind, error.index), error.message, None, subject
        ) from None
    except QuerySyntaxError as error:
        raise _LocatedError((*where, "query"), error.message, error.position, subject) from None


@cache
def builtin_presets() -> dict[str, ExclusionPreset]:
    """The exclusion presets shipped with Écoute (`ecoute/query/exclusion_presets.yml`)."""
    text = files("ecoute.query").joinpath("exclusion_presets.yml").read_text(encoding="utf-8")
    loaded = YAML(typ="safe").load(text)
    return {name: ExclusionPreset.model_validate(value) for name, value in loaded.items()}


@cache
def builtin_intents() -> dict[str, IntentRule]:
    """The intent rules shipped with Écoute (`ecoute/intent/intents.yml`)."""
    text = files("ecoute.intent").joinpath("intents.yml").read_text(encoding="utf-8")
    loaded = YAML(typ="safe").load(text)
    return {name: IntentRule.model_validate(value) for name, value in loaded.items()}


class _LocatedError(ValueError):
    """Raised inside validators that know the exact path of the offending value.

    `offset` points inside a string value (a query), `subject` names what the
    message is about when the dotted path would say it less clearly.
    """

    def __init__(
        self,
        loc: tuple[Any, ...],
        message: str,
        offset: int | None = None,
        subject: str | None = None,
    ) -> None:
        super().__init__(message)
        self.loc = loc
        self.message = message
        self.offset = offset
        self.subject = subject


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
            if located and item["loc"] and located.loc[: len(item["loc"])] != item["loc"]:
                loc = (*item["loc"], *located.loc)  # raised by a nested model about itself
            message = located.message if located else _without_prefix(item["msg"])
            line, column = _position(tree, loc)
            value = _value_at(tree, loc)
            if located and located.offset is not None and value is not None:
                line, column = _inside_scalar(text, line, column, value, located.offset)
            if located and located.subject:
                problems.append(f"{path}:{line}:{column} {located.subject}: {message}")
            else:
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
    for index, part in enumerate(loc):
        if isinstance(node, CommentedMap) and part in node:
            about_the_key = loc[index + 1 : index + 2] == ("[key]",)
            scalar = _is_scalar(node[part]) and not about_the_key
            line, column = node.lc.value(part) if scalar else node.lc.key(part)
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


def _value_at(tree: CommentedMap, loc: tuple[Any, ...]) -> str | None:
    """The string at `loc` in the YAML tree, if there is one (built-in presets are not)."""
    node: Any = tree
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node if isinstance(node, str) else None


def _inside_scalar(source: str, line: int, column: int, value: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `value[offset]`, for a scalar that starts at `line:column`.

    The non-blank characters of a scalar appear in the file in the same order,
    whatever its style (plain, quoted, folded `>` or literal `|`): count them.
    """
    lines = source.splitlines()
    row, col = line - 1, column - 1
    style = lines[row][col] if row < len(lines) and col < len(lines[row]) else ""
    if style in "|>" and style:
        row, col = row + 1, 0
    elif style in "'\"" and style:
        col += 1
    wanted = sum(1 for ch in value[:offset] if not ch.isspace())
    at_end = not value[offset:].strip()
    counted, after_last = 0, (row, col)
    while row < len(lines):
        text_line = lines[row]
        while col < len(text_line):
            ch = text_line[col]
            if ch.isspace():
                col += 1
                continue
            if counted == wanted and not at_end:
                return row + 1, col + 1
            if counted == wanted:
                break
            pair = style == "'" and text_line[col : col + 2] == "''"
            escape = style == '"' and ch == "\\"
            col += 2 if pair or escape else 1
            counted += 1
            after_last = (row, col)
        else:
            row, col = row + 1, 0
            continue
        break
    return after_last[0] + 1, after_last[1] + 1


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (CommentedMap, CommentedSeq))


def _without_prefix(message: str) -> str:
    """pydantic prefixes a validator's own message with 'Value error, '; the reader needs only ours."""
    return message.removeprefix("Value error, ")
