"""The listening query language: a query string parsed into a tree, or a precise error.

    "air aurore" OR #AirAurore OR @airaurore
    (retard* OR annul*) NEAR/5 (vol OR avion) lang:fr NOT "aurore boréale"

Operators are upper case (`AND`, `OR`, `NOT`, `NEAR/n`, `ONEAR/n`); lower-case
`and`, `or`, `not` are words like any other. Binding, loosest first: `OR`, then
`AND` (also implied between neighbours), then `NOT`, then `NEAR/n`/`ONEAR/n`.
The README's "Query language" section is the user's reference.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ecoute.query import text

WILDCARDS = "*?"
MAX_NEAR_DISTANCE = 100
MAX_DEPTH = 100
MAX_LENGTH = 20_000
FIELDS = ("platform", "lang", "author", "site", "country", "raw")
QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}


class QuerySyntaxError(ValueError):
    """A query that cannot be parsed; `position` is the 0-based offset of the problem."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return f"column {self.position + 1}: {self.message}"


# --- the tree ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """Consecutive words of the text: a term (one word or more) or an exact phrase.

    Each word is normalised like the text (`ecoute.query.text`); it may start with
    `#` or `@`, hold `?` (any one character) and end with `*` (any ending).
    """

    words: tuple[str, ...]

    def to_query(self) -> str:
        if len(self.words) == 1:
            return self.words[0]
        return '"' + " ".join(self.words) + '"'


@dataclass(frozen=True)
class Near:
    """One of `left` within `distance` words of one of `right` (in that order if `ordered`)."""

    left: tuple[Words, ...]
    right: tuple[Words, ...]
    distance: int
    ordered: bool

    def to_query(self) -> str:
        operator = f"{'ONEAR' if self.ordered else 'NEAR'}/{self.distance}"
        return f"{_alternatives(self.left)} {operator} {_alternatives(self.right)}"


@dataclass(frozen=True)
class Field:
    """A mention attribute equal to one of `values` (normalised: lower case, no `@`, no `www.`)."""

    name: str
    values: tuple[str, ...]

    def to_query(self) -> str:
        if len(self.values) == 1:
            return f"{self.name}:{self.values[0]}"
        return f"{self.name}:({' OR '.join(self.values)})"


@dataclass(frozen=True)
class Raw:
    """A literal, case- and accent-sensitive, between word boundaries of the original text."""

    literal: str

    def to_query(self) -> str:
        return f'raw:"{self.literal}"'


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]

    def to_query(self) -> str:
        return "(" + " AND ".join(item.to_query() for item in self.items) + ")"


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]

    def to_query(self) -> str:
        return "(" + " OR ".join(item.to_query() for item in self.items) + ")"


@dataclass(frozen=True)
class Not:
    item: Node

    def to_query(self) -> str:
        return f"NOT {self.item.to_query()}"


Node = Words | Near | Field | Raw | And | Or | Not


def _alternatives(options: tuple[Words, ...]) -> str:
    if len(options) == 1:
        return options[0].to_query()
    return "(" + " OR ".join(option.to_query() for option in options) + ")"


def matches_something(node: Node) -> bool:
    """Whether `node` asks for something, rather than only excluding (`NOT a` alone)."""
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(matches_something(item) for item in node.items)
    if isinstance(node, Or):
        return all(matches_something(item) for item in node.items)
    return True


# --- tokens -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # term, phrase, field, and, or, not, near, (, ), end
    value: str
    position: int
    distance: int = 0
    ordered: bool = False


_NEAR = re.compile(r"(O?)NEAR/(\d+)")
_FIELD = re.compile(r"([A-Za-z_]+):(.*)", re.DOTALL)
_BARE_END = set("()") | set(QUOTES)


def _tokens(query: str) -> list[_Token]:
    for i, ch in enumerate(query):
        if unicodedata.category(ch) in ("Cc", "Cs") and not ch.isspace():
            raise QuerySyntaxError(f"character U+{ord(ch):04X} is not allowed in a query", i)
    tokens: list[_Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            tokens.append(_Token(ch, ch, i))
            i += 1
        elif ch in QUOTES:
            close = query.find(QUOTES[ch], i + 1)
            if close < 0:
                raise QuerySyntaxError(
                    f"unbalanced quote: the phrase opened here is never closed with {QUOTES[ch]}", i
                )
            tokens.append(_Token("phrase", query[i + 1 : close], i))
            i = close + 1
        else:
            start = i
            while i < n and not query[i].isspace() and query[i] not in _BARE_END:
                i += 1
            tokens.extend(_bare_tokens(query[start:i], start))
    tokens.append(_Token("end", "", n))
    return tokens


def _bare_tokens(word: str, position: int) -> list[_Token]:
    if word in ("AND", "OR", "NOT"):
        return [_Token(word.lower(), word, position)]
    near = _NEAR.fullmatch(word)
    if near:
        distance = int(near.group(2))
        if distance > MAX_NEAR_DISTANCE:
            raise QuerySyntaxError(
                f"{word}: the distance is at most {MAX_NEAR_DISTANCE} words", position
            )
        return [_Token("near", word, position, distance=distance, ordered=bool(near.group(1)))]
    if re.fullmatch(r"O?NEAR(/.*)?", word):
        operator = "ONEAR" if word.startswith("O") else "NEAR"
        raise QuerySyntaxError(
            f"{operator} needs a distance in words, as in {operator}/3", position
        )
    if re.fullmatch(r"o?near/\d+", word, re.IGNORECASE):
        raise QuerySyntaxError(f"operators are upper case: write {word.upper()}", position)
    field = _FIELD.fullmatch(word)
    if field:
        name, rest = field.group(1).lower(), field.group(2)
        if name not in FIELDS:
            raise QuerySyntaxError(
                f"unknown field {field.group(1)}: (fields are {', '.join(f + ':' for f in FIELDS)};"
                f' put the text in quotes to search for it: "{word}")',
                position,
            )
        tokens = [_Token("field", name, position)]
        if rest:
            tokens.append(_Token("term", rest, position + len(field.group(1)) + 1))
        return tokens
    return [_Token("term", word, position)]


# --- the parser -------------------------------------------------------------------------


_OPERAND_STARTS = {"term", "phrase", "field", "(", "not"}


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.index = 0
        self.depth = 0

    @property
    def peek(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect_operand(self, after: _Token) -> None:
        if self.peek.kind not in _OPERAND_STARTS:
            raise QuerySyntaxError(
                f"expected a term after {after.value}{self._found()}", self.peek.position
            )

    def _found(self) -> str:
        token = self.peek
        if token.kind == "end":
            return ", found the end of the query"
        return f", found {token.value}" if token.kind in ("and", "or", "near", ")") else ""

    def parse(self) -> Node:
        if self.peek.kind == "end":
            raise QuerySyntaxError("the query is empty", 0)
        node = self.parse_or()
        if self.peek.kind == ")":
            raise QuerySyntaxError(
                "unbalanced parenthesis: this ) closes nothing", self.peek.position
            )
        if self.peek.kind != "end":  # pragma: no cover - every other token starts an operand
            raise QuerySyntaxError(f"unexpected {self.peek.value}", self.peek.position)
        if not matches_something(node):
            raise QuerySyntaxError(
                "the query only excludes: say what to match before NOT (brand NOT noise)", 0
            )
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while self.peek.kind == "or":
            self.expect_operand(self.advance())
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while True:
            if self.peek.kind == "and":
                self.expect_operand(self.advance())
            elif self.peek.kind not in _OPERAND_STARTS:
                break
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        negations = 0
        while self.peek.kind == "not":  # a loop, not recursion: NOT NOT … NOT x stays shallow
            self.expect_operand(self.advance())
            negations += 1
        node = self.parse_near()
        for _ in range(negations):
            node = Not(node)
        return node

    def parse_near(self) -> Node:
        left_token = self.peek
        left = self.parse_primary()
        if self.peek.kind != "near":
            return left
        operator = self.advance()
        if self.peek.kind not in ("term", "phrase", "("):
            raise QuerySyntaxError(
                f"expected a term or a phrase after {operator.value}{self._found()}",
                self.peek.position,
            )
        right_token = self.peek
        right = self.parse_primary()
        if self.peek.kind == "near":
            raise QuerySyntaxError(
                f"{self.peek.value} cannot follow another proximity: "
                "write (a NEAR/3 b) AND (b NEAR/3 c)",
                self.peek.position,
            )
        return Near(
            _near_operand(left, left_token, operator),
            _near_operand(right, right_token, operator),
            operator.distance,
            operator.ordered,
        )

    def parse_primary(self) -> Node:
        token = self.peek
        if token.kind == "(":
            self.advance()
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise QuerySyntaxError(
                    f"the query nests parentheses more than {MAX_DEPTH} deep", token.position
                )
            if self.peek.kind == ")":
                raise QuerySyntaxError("empty parentheses: expected a term", self.peek.position)
            self.expect_operand(token)
            node = self.parse_or()
            if self.peek.kind != ")":
                raise QuerySyntaxError(
                    f"unbalanced parenthesis: expected ) to close the ( at column {token.position + 1}",
                    self.peek.position,
                )
            self.advance()
            self.depth -= 1
            return node
        if token.kind == "field":
            self.advance()
            return self.parse_field(token)
        if token.kind in ("term", "phrase"):
            self.advance()
            return words_of(token.value, token.position, quoted=token.kind == "phrase")
        # An operator where an operand should be: AND, OR, NEAR or ) first.
        if token.kind == ")":
            raise QuerySyntaxError("unbalanced parenthesis: this ) closes nothing", token.position)
        raise QuerySyntaxError(f"expected a term before {token.value}", token.position)

    def parse_field(self, field: _Token) -> Node:
        values: list[tuple[str, int, bool]] = []
        if self.peek.kind in ("term", "phrase"):
            token = self.advance()
            values.append((token.value, token.position, token.kind == "phrase"))
        elif self.peek.kind == "(":
            opening = self.advance()
            while True:
                if self.peek.kind not in ("term", "phrase"):
                    raise QuerySyntaxError(
                        f"expected a value for {field.value}:{self._found()}", self.peek.position
                    )
                token = self.advance()
                values.append((token.value, token.position, token.kind == "phrase"))
                if self.peek.kind == ")":
                    self.advance()
                    break
                if self.peek.kind != "or":
                    raise QuerySyntaxError(
                        f"{field.value}:( … ) lists values joined by OR, closed by the ) "
                        f"of the ( at column {opening.position + 1}",
                        self.peek.position,
                    )
                self.advance()
        else:
            raise QuerySyntaxError(
                f"expected a value after {field.value}:{self._found()}",
                self.peek.position,
            )
        if field.value == "raw":
            options = [raw_of(value, position, quoted) for value, position, quoted in values]
            return options[0] if len(options) == 1 else Or(tuple(options))
        normalised = tuple(
            dict.fromkeys(
                field_value(field.value, value, position) for value, position, _ in values
            )
        )
        return Field(field.value, normalised)


def _near_operand(node: Node, token: _Token, operator: _Token) -> tuple[Words, ...]:
    if isinstance(node, Words):
        return (node,)
    if isinstance(node, Or) and all(isinstance(item, Words) for item in node.items):
        return tuple(item for item in node.items if isinstance(item, Words))
    raise QuerySyntaxError(
        f"{operator.value} joins terms, phrases or (a OR b) groups of them", token.position
    )


# --- operands ---------------------------------------------------------------------------


def words_of(value: str, position: int, quoted: bool = False) -> Words:
    """A term or a phrase as it is matched; wildcards only outside quotes."""
    found = text.words(value, keep="" if quoted else WILDCARDS)
    if not found:
        shown = f'"{value}"' if quoted else value
        raise QuerySyntaxError(f"{shown} has no letter, digit or emoji to match", position)
    for word in found:
        core = word.lstrip("#@")
        if "*" in core[:-1]:
            raise QuerySyntaxError(f"{value}: a wildcard * can only end a word (voyag*)", position)
        if not core.strip(WILDCARDS):
            raise QuerySyntaxError(f"{value}: a wildcard needs letters around it", position)
        if core.endswith("*") and len(core.rstrip("*").replace("?", "")) < 2:
            raise QuerySyntaxError(
                f"{value}: a wildcard * needs at least two letters before it (voyag*)", position
            )
    return Words(tuple(found))


def raw_of(value: str, position: int, quoted: bool) -> Raw:
    """`raw:` text: kept as written (in NFC), matched between word boundaries."""
    if not quoted and any(ch in value for ch in WILDCARDS):
        raise QuerySyntaxError(f"raw:{value}: wildcards are not supported in raw:", position)
    literal = unicodedata.normalize("NFC", value.strip())
    if not any(text.is_word_char(ch) or text.is_own_word(ch) for ch in literal):
        raise QuerySyntaxError(f"raw:{value} has no letter, digit or emoji to match", position)
    return Raw(literal)


_FIELD_VALUES = {
    "platform": (re.compile(r"[a-z0-9][a-z0-9_.-]*"), "a platform name such as reddit or news"),
    "lang": (re.compile(r"[a-z]{2}"), "a two-letter language code such as fr, en or pt"),
    "country": (re.compile(r"[a-z]{2}"), "a two-letter country code such as FR"),
    "author": (re.compile(r"[^\s/:]+"), "a handle such as @airaurore"),
    "site": (
        re.compile(r"[^\s/:@?#]+\.[^\s/:@?#.]+"),
        "a domain such as lemonde.fr (it matches its subdomains too)",
    ),
}


def field_value(name: str, value: str, position: int) -> str:
    """A field value as stored in the matchable columns, or an error saying what is expected."""
    normalised = value.strip()
    if name == "author":
        normalised = text.fold(normalised.lstrip("@"))
    elif name == "site":
        normalised = re.sub(r"^[a-z][a-z0-9+.-]*://", "", normalised.lower())
        normalised = re.sub(r"^www\.", "", normalised).rstrip("/")
    else:
        normalised = normalised.lower()
    pattern, expected = _FIELD_VALUES[name]
    if not pattern.fullmatch(normalised):
        raise QuerySyntaxError(f"{name}:{value}: expected {expected}", position)
    return normalised


def parse(query: str) -> Node:
    """The tree of `query`; raises `QuerySyntaxError` with the offset of the problem."""
    if len(query) > MAX_LENGTH:
        raise QuerySyntaxError(f"the query is longer than {MAX_LENGTH:,} characters", MAX_LENGTH)
    return _Parser(query).parse()
