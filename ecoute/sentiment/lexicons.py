"""The sentiment lexicons, as tables: Écoute's own word lists plus VADER's, from the installed package.

Écoute authors its lexicons per language under `ecoute/sentiment/lexicons/<lang>/`:
`words.csv` (term, polarity on VADER's scale, -4 to +4) and `modifiers.csv`
(role, term, weight: negators, boosters, diminishers, contrast words). Language
`any` holds emoji and language-free tokens ("lol", "wtf").

English comes from vaderSentiment (MIT licence), read from the installed
package rather than copied: its single-word entries become `en` words, and its
emoji list, which maps each emoji to an English description, becomes `any`
words scored with VADER's own valences of the description's words ("😢 crying
face" → "crying", -2.1). Écoute's own entries win where both define a term.

The scorer itself is SQL (`transform/models/intermediate/mentions/int_mentions_scored.sql`);
this module only builds its reference tables, a few thousand rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import polars as pl

from ecoute.csv_files import ReferenceFileError, first_bad_line, read_reference_csv

LEXICON_DIR = Path(__file__).parent / "lexicons"
ROLES = ("negator", "booster", "diminisher", "contrast")
POLARITY_LIMIT = 4.0
# VADER's English modifiers, which its package keeps as Python constants.
_VADER_CONTRAST = ("but", "however", "although", "though", "yet")
_WORD = re.compile(r"[^\W\d_]+")
# Only emoji that show a feeling: faces, hearts and gestures. The others' descriptions
# judge nothing ("🔸 small orange diamond" would score +1.4 for "diamond").
_EXPRESSIVE = re.compile(r"\b(face|heart|hearts|thumbs|hands|fingers|sign of the horns)\b")


@dataclass(frozen=True)
class Lexicons:
    """`words` (lang, term, polarity, origin) and `modifiers` (lang, role, term, weight, origin)."""

    words: pl.DataFrame
    modifiers: pl.DataFrame


def load_lexicons(directory: Path = LEXICON_DIR) -> Lexicons:
    """Écoute's lexicons from `directory` plus VADER's English and emoji entries."""
    vader = vader_words()
    # The first definition of a (lang, term) wins: Écoute's own, then VADER's words, then emoji.
    words = pl.concat(
        [
            *(_read_words(path) for path in sorted(directory.glob("*/words.csv"))),
            vader,
            vader_emoji_words(vader),
        ],
        how="vertical",
    ).unique(subset=["lang", "term"], keep="first", maintain_order=True)
    modifiers = pl.concat(
        [
            *(_read_modifiers(path) for path in sorted(directory.glob("*/modifiers.csv"))),
            vader_modifiers(),
        ],
        how="vertical",
    ).unique(subset=["lang", "role", "term"], keep="first", maintain_order=True)
    return Lexicons(words=words, modifiers=modifiers)


def _read_words(path: Path) -> pl.DataFrame:
    frame = read_reference_csv(path, {"term": pl.String, "polarity": pl.Float64})
    line = first_bad_line(
        frame,
        pl.col("term").is_null()
        | pl.col("polarity").is_null()
        | (pl.col("polarity").abs() > POLARITY_LIMIT),
    )
    if line:
        raise ReferenceFileError(
            f"{path}:{line['line']}: expected a term and a polarity between "
            f"-{POLARITY_LIMIT:g} and {POLARITY_LIMIT:g}, found {line['term']!r}, {line['polarity']!r}"
        )
    return frame.select(
        pl.lit(path.parent.name).alias("lang"),
        pl.col("term").str.strip_chars(),
        "polarity",
        pl.lit("ecoute").alias("origin"),
    )


def _read_modifiers(path: Path) -> pl.DataFrame:
    frame = read_reference_csv(path, {"role": pl.String, "term": pl.String, "weight": pl.Float64})
    line = first_bad_line(frame, ~pl.col("role").is_in(ROLES) | pl.col("term").is_null())
    if line:
        raise ReferenceFileError(
            f"{path}:{line['line']}: expected a role among {', '.join(ROLES)} and a term, "
            f"found {line['role']!r}, {line['term']!r}"
        )
    return frame.select(
        pl.lit(path.parent.name).alias("lang"),
        "role",
        pl.col("term").str.strip_chars(),
        "weight",
        pl.lit("ecoute").alias("origin"),
    )


def _vader_file(name: str) -> str:
    return (files("vaderSentiment") / name).read_text(encoding="utf-8")


def vader_words() -> pl.DataFrame:
    """VADER's single-word English entries (emoticons such as ':)' are matched by the scorer's own patterns)."""
    rows = [line.split("\t")[:2] for line in _vader_file("vader_lexicon.txt").splitlines() if line]
    frame = pl.DataFrame(rows, schema=["term", "polarity"], orient="row")
    return frame.filter(pl.col("term").str.contains(r"^[a-z]{2,}$")).select(
        pl.lit("en").alias("lang"),
        "term",
        pl.col("polarity").cast(pl.Float64),
        pl.lit("vaderSentiment").alias("origin"),
    )


def vader_emoji_words(english: pl.DataFrame) -> pl.DataFrame:
    """Each single-character emoji of VADER's list that shows a feeling, scored by its description.

    The polarity is the sum of VADER's valences of the description's words, the
    way VADER reads an emoji ("😢 crying face" → -2.1). Skin-tone and other
    multi-character sequences are left out: the scorer drops the modifiers and
    reads the base emoji.
    """
    valence = dict(zip(english["term"], english["polarity"], strict=True))
    rows = []
    for line in _vader_file("emoji_utf8_lexicon.txt").splitlines():
        emoji, _, description = line.partition("\t")
        emoji = emoji.replace("\ufe0f", "")
        if len(emoji) != 1 or not _EXPRESSIVE.search(description):
            continue
        polarity = sum(valence.get(word, 0.0) for word in _WORD.findall(description.lower()))
        if emoji and polarity:
            rows.append((emoji, max(-POLARITY_LIMIT, min(POLARITY_LIMIT, polarity))))
    return pl.DataFrame(
        rows, schema={"term": pl.String, "polarity": pl.Float64}, orient="row"
    ).select(
        pl.lit("any").alias("lang"), "term", "polarity", pl.lit("vaderSentiment").alias("origin")
    )


def vader_modifiers() -> pl.DataFrame:
    """VADER's English negators, boosters and diminishers (Python constants of its module)."""
    from vaderSentiment import vaderSentiment as vader

    # "don't" is tokenised as "don", "t": the "t" left by every "n't" negates.
    rows = [
        ("negator", term, None)
        for term in (*vader.NEGATE, "t")
        if "'" not in term and "-" not in term
    ]
    rows += [
        ("booster" if weight > 0 else "diminisher", term, abs(weight) if weight > 0 else weight)
        for term, weight in vader.BOOSTER_DICT.items()
        if " " not in term and "-" not in term
    ]
    rows += [("contrast", term, None) for term in _VADER_CONTRAST]
    return pl.DataFrame(
        rows, schema={"role": pl.String, "term": pl.String, "weight": pl.Float64}, orient="row"
    ).select(
        pl.lit("en").alias("lang"),
        "role",
        "term",
        "weight",
        pl.lit("vaderSentiment").alias("origin"),
    )
