"""A plain-Python evaluator of query trees: the specification the SQL is tested against.

Slow on purpose (one mention at a time, no regular expression over the text),
so that it reads as the definition of what a query means. The pipeline never
uses it; the property tests compare it with the compiled SQL on generated
queries and texts, and the preview uses `match_spans` to highlight 20 samples.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ecoute.query import text
from ecoute.query.syntax import And, Field, Near, Node, Not, Or, Raw, Words

_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#@]*@)?([^/?#:]+)")


@dataclass(frozen=True)
class Mention:
    """The attributes of a mention a query can test, as the warehouse holds them."""

    text: str
    platform: str | None = None
    lang: str | None = None
    author_handle: str | None = None
    url: str | None = None
    country: str | None = None

    @property
    def fields(self) -> dict[str, str]:
        """The field columns of `int_mentions_matchable`, derived as its SQL does."""
        host = _URL_HOST.match(_lower(self.url or ""))
        site = re.sub(r"^www\.", "", host.group(2)) if host else ""
        return {
            "platform": _lower(self.platform or ""),
            "lang": _lower(self.lang or ""),
            "author": text.fold((self.author_handle or "").lstrip("@")),
            "site": site,
            "country": _lower((self.country or "").strip()),
        }


def _lower(value: str) -> str:
    return "".join(ch.lower() for ch in value)


def matches(node: Node, mention: Mention) -> bool:
    """Whether `mention` matches the query tree `node`."""
    return _Evaluator(mention).evaluate(node)


def match_spans(node: Node, original: str) -> list[tuple[int, int]]:
    """Spans of `original` holding the words that the positive terms of `node` match.

    For highlighting: excluded terms (under NOT) are not marked. Empty when the
    text's words cannot be located in it (see `text.word_spans`).
    """
    spans = text.word_spans(original)
    if [word for word, _, _ in spans] != text.words(original):
        return []
    words = [word for word, _, _ in spans]
    marked: set[int] = set()
    for positive in _positive_words(node):
        for start in _occurrences(positive, words):
            marked.update(range(start, start + len(positive.words)))
    return [(spans[i][1], spans[i][2]) for i in sorted(marked)]


def _positive_words(node: Node) -> list[Words]:
    if isinstance(node, Words):
        return [node]
    if isinstance(node, Near):
        return [*node.left, *node.right]
    if isinstance(node, (And, Or)):
        return [found for item in node.items for found in _positive_words(item)]
    return []


class _Evaluator:
    def __init__(self, mention: Mention) -> None:
        self.mention = mention
        self.words = text.words(mention.text)
        self.fields = mention.fields

    def evaluate(self, node: Node) -> bool:
        if isinstance(node, Words):
            return bool(_occurrences(node, self.words))
        if isinstance(node, Near):
            return self._near(node)
        if isinstance(node, Field):
            return self._field(node)
        if isinstance(node, Raw):
            return _raw(node.literal, unicodedata.normalize("NFC", self.mention.text))
        if isinstance(node, And):
            return all(self.evaluate(item) for item in node.items)
        if isinstance(node, Or):
            return any(self.evaluate(item) for item in node.items)
        if isinstance(node, Not):
            return not self.evaluate(node.item)
        raise TypeError(f"not a query node: {node!r}")  # pragma: no cover

    def _near(self, node: Near) -> bool:
        lefts = [(start, len(o.words)) for o in node.left for start in _occurrences(o, self.words)]
        rights = [
            (start, len(o.words)) for o in node.right for start in _occurrences(o, self.words)
        ]
        for left_start, left_length in lefts:
            for right_start, right_length in rights:
                gap_after_left = right_start - (left_start + left_length)
                if 0 <= gap_after_left <= node.distance:
                    return True
                gap_after_right = left_start - (right_start + right_length)
                if not node.ordered and 0 <= gap_after_right <= node.distance:
                    return True
        return False

    def _field(self, node: Field) -> bool:
        value = self.fields[node.name]
        if node.name == "site":
            return any(value == domain or value.endswith("." + domain) for domain in node.values)
        return value in node.values


def _occurrences(node: Words, words: list[str]) -> list[int]:
    """Start indexes in `words` where all of `node`'s words match, one after the other."""
    size = len(node.words)
    return [
        start
        for start in range(len(words) - size + 1)
        if all(_word_matches(node.words[k], words[start + k]) for k in range(size))
    ]


def _word_matches(pattern: str, word: str) -> bool:
    tag = pattern[0] if pattern[0] in "#@" else ""
    if tag:
        if not word.startswith(tag):
            return False
        word, pattern = word[1:], pattern[1:]
    else:
        word = word.lstrip("#@")
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return len(word) >= len(stem) and _same_letters(stem, word[: len(stem)])
    return len(word) == len(pattern) and _same_letters(pattern, word)


def _same_letters(pattern: str, word: str) -> bool:
    return all(p == "?" or p == w for p, w in zip(pattern, word, strict=True))


def _raw(literal: str, original: str) -> bool:
    start = original.find(literal)
    while start >= 0:
        end = start + len(literal)
        before_ok = start == 0 or not _is_word_part(original[start - 1])
        after_ok = end == len(original) or not _is_word_part(original[end])
        if before_ok and after_ok:
            return True
        start = original.find(literal, start + 1)
    return False


def _is_word_part(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM"
