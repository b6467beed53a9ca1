"""The sentiment lexicons as the loader builds them: Écoute's files, VADER's package data, and errors."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from ecoute.csv_files import ReferenceFileError
from ecoute.sentiment.lexicons import LEXICON_DIR, load_lexicons

SCORED_LANGUAGES = {"en", "fr", "it", "es", "de", "pt"}


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons()


def polarity(words: pl.DataFrame, lang: str, term: str) -> float | None:
    found = words.filter((pl.col("lang") == lang) & (pl.col("term") == term))["polarity"]
    return found[0] if len(found) else None


def test_every_scored_language_has_words_and_negators(lexicons):
    languages = set(lexicons.words["lang"].unique())
    assert SCORED_LANGUAGES | {"any"} <= languages
    negators = lexicons.modifiers.filter(pl.col("role") == "negator")
    assert set(negators["lang"].unique()) >= SCORED_LANGUAGES
    contrast = lexicons.modifiers.filter(pl.col("role") == "contrast")
    assert set(contrast["lang"].unique()) >= SCORED_LANGUAGES


def test_english_comes_from_the_installed_vader_with_ecoute_overrides(lexicons):
    words = lexicons.words
    english = words.filter(pl.col("lang") == "en")
    assert english.filter(pl.col("origin") == "vaderSentiment").height > 7_000
    assert polarity(words, "en", "horrible") < -2 < 2 < polarity(words, "en", "excellent")
    # Écoute's own file wins: "like" is mostly a preposition in posts.
    assert polarity(words, "en", "like") == 0
    assert english.filter(pl.col("term") == "like")["origin"].to_list() == ["ecoute"]
    # "don't" tokenises as "don", "t": the "t" negates.
    assert {"not", "never", "t"} <= set(
        lexicons.modifiers.filter((pl.col("lang") == "en") & (pl.col("role") == "negator"))["term"]
    )


def test_emoji_are_language_free_and_signed_by_their_meaning(lexicons):
    words = lexicons.words
    for emoji in ("😡", "😭", "💔", "👎"):
        assert polarity(words, "any", emoji) < 0, emoji
    for emoji in ("😍", "❤", "👍", "🥰"):
        assert polarity(words, "any", emoji) > 0, emoji


def test_no_language_defines_a_term_twice(lexicons):
    assert lexicons.words.select("lang", "term").is_duplicated().sum() == 0
    assert lexicons.modifiers.select("lang", "role", "term").is_duplicated().sum() == 0


def test_polarities_stay_on_vaders_scale(lexicons):
    assert lexicons.words["polarity"].abs().max() <= 4


def copy_lexicons(target: Path) -> Path:
    for source in LEXICON_DIR.glob("*/*.csv"):
        destination = target / source.parent.name / source.name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(source.read_bytes())
    (target / "fr").mkdir(exist_ok=True)
    return target


def test_a_polarity_off_the_scale_names_file_and_line(tmp_path):
    directory = copy_lexicons(tmp_path)
    (directory / "fr" / "words.csv").write_text(
        "term,polarity\ngénial,3.1\nnul,-9\n", encoding="utf-8"
    )
    with pytest.raises(ReferenceFileError) as caught:
        load_lexicons(directory)
    assert f"{directory / 'fr' / 'words.csv'}:3:" in str(caught.value)
    assert "'nul'" in str(caught.value)


def test_an_unknown_modifier_role_names_file_and_line(tmp_path):
    directory = copy_lexicons(tmp_path)
    (directory / "fr" / "modifiers.csv").write_text(
        "role,term,weight\nnegator,pas,\namplifier,très,0.3\n", encoding="utf-8"
    )
    with pytest.raises(
        ReferenceFileError, match=r"modifiers\.csv:3: expected a role among negator"
    ):
        load_lexicons(directory)


def test_a_file_without_its_columns_is_refused(tmp_path):
    directory = copy_lexicons(tmp_path)
    (directory / "fr" / "words.csv").write_text("mot;score\ngénial;3\n", encoding="utf-8")
    with pytest.raises(
        ReferenceFileError, match=r"words\.csv:1: missing column\(s\) term, polarity"
    ):
        load_lexicons(directory)
