"""Text as a listening query sees it: the Python twin of the `query_text` dbt macros.

A query matches whole words of the *normalised* text of a mention. Normalising
is the same in SQL (`transform/macros/query_text.sql`, run over the warehouse)
and here (run over the terms of a query, and by the reference evaluator and the
preview highlighter). The property tests hold the two to the same output.

The steps, in order:

1. lower case (per character, as DuckDB's `lower`), accents stripped (NFD, every
   combining mark dropped, NFC), and `œ`→`oe`, `æ`→`ae`, `ß`→`ss`;
2. emoji and other pictographs (Unicode "other symbol") and the letters of
   scripts written without spaces (Chinese, Japanese kana, Thai, Lao, Khmer,
   Myanmar) become words of one character each, since such scripts have no
   word boundary to respect;
3. every other character that is not a letter, a digit, `#` or `@` separates
   words: apostrophes (`l'avion` → `l avion`), hyphens, punctuation;
4. `#` and `@` survive only at the start of a word, where they mark a hashtag
   or a handle (`##Aurore!` → `#aurore`, `jean@air.fr` → `jean air fr`).

The result is *tagged text*: words separated by one space, padded with one
space at each end (` l avion #airaurore en retard 😡 `). *Plain text* is the same
with the tags removed (` l avion airaurore en retard 😡 `), so a plain word
matches `word`, `#word` and `@word`, while `#word` matches only the hashtag.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}

# Scripts written without spaces between words: each of their letters is a word.
UNSPACED_RANGES = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9D),  # half-width Katakana
    (0x20000, 0x2FA1F),  # CJK extensions B–F and supplement
)

TAGS = "#@"


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Step 1 for one character, for `word_spans` (which must know where words come from)."""
    return fold(ch)


def fold(text: str) -> str:
    """Step 1: as DuckDB's `strip_accents(lower(text))`, then ligatures spelt out."""
    lowered = "".join(ch.lower() for ch in text)
    decomposed = unicodedata.normalize("NFD", lowered)
    stripped = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    folded = unicodedata.normalize("NFC", stripped)
    for ligature, spelt in LIGATURES.items():
        folded = folded.replace(ligature, spelt)
    return folded


def is_own_word(ch: str) -> bool:
    """Whether `ch` is a word by itself: a pictograph or a letter of an unspaced script."""
    if unicodedata.category(ch) == "So":
        return True
    code = ord(ch)
    return any(low <= code <= high for low, high in UNSPACED_RANGES)


def is_word_char(ch: str) -> bool:
    """Letters and digits: what words are made of (after folding, no marks remain)."""
    return unicodedata.category(ch)[0] in "LN"


Located = tuple[str, int]  # a folded character and the index of the text character it comes from


def _words(chars: list[Located], keep: str) -> list[list[Located]]:
    """Steps 2 to 4 over folded characters: the words, each a list of located characters."""
    runs: list[list[Located]] = []
    current: list[Located] = []
    for located in chars:
        ch = located[0]
        if ch in TAGS or ch in keep or (is_word_char(ch) and not is_own_word(ch)):
            current.append(located)
            continue
        if current:
            runs.append(current)
            current = []
        if is_own_word(ch):
            runs.append([located])
    if current:
        runs.append(current)
    return [word for run in runs for word in _place_tags(run)]


def _place_tags(run: list[Located]) -> list[list[Located]]:
    """Step 4 on one run of word characters and tags: `##a#b` → `#a`, `b`."""
    leading = 0
    while leading < len(run) and run[leading][0] in TAGS:
        leading += 1
    if leading == len(run):
        return []
    words: list[list[Located]] = [run[leading - 1 : leading] if leading else []]
    for located in run[leading:]:
        if located[0] in TAGS:
            words.append([])
        else:
            words[-1].append(located)
    return [word for word in words if any(ch not in TAGS for ch, _ in word)]


def tagged_text(text: str, keep: str = "") -> str:
    """The tagged text of `text`, padded: ` l avion #airaurore 😡 `.

    Args:
        text: any text.
        keep: characters to keep as if they were letters (the query parser keeps
            its wildcards `*` and `?` this way).
    """
    found = _words([(ch, 0) for ch in fold(text)], keep)
    joined = " ".join("".join(ch for ch, _ in word) for word in found)
    return f" {joined} "  # two spaces for a text without words, as in SQL


def plain_text(tagged: str) -> str:
    """Tagged text without its tags: ` l avion airaurore 😡 `."""
    return tagged.replace("#", "").replace("@", "")


def words(text: str, keep: str = "") -> list[str]:
    """The words of `text`'s tagged text, tags included."""
    return tagged_text(text, keep).split()


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Each word of the tagged text with the span of `text` it comes from, for highlighting.

    Folded character by character, so it can differ from `words` where folding
    composes characters across a boundary (decomposed Hangul); callers compare
    the two and do without highlighting when they differ.
    """
    chars = [(folded, index) for index, ch in enumerate(text) for folded in _fold_char(ch)]
    return [
        ("".join(ch for ch, _ in word), word[0][1], word[-1][1] + 1)
        for word in _words(chars, keep="")
    ]
