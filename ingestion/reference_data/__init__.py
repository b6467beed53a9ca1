"""Reference data as raw tables, reloaded on every run: sentiment lexicons, language markers, stop words.

They are reviewed in git (`ecoute/sentiment/lexicons/`, `ecoute/language/`)
or come from an installed package (vaderSentiment). Loading them into `raw`
with replace, like the listening configuration, means an edited word list
re-scores all stored mentions at the next build, with nothing re-fetched.
"""

from __future__ import annotations

from typing import Any

import dlt
import polars as pl

from ecoute.language.markers import load_markers
from ecoute.language.stop_words import STOP_WORDS_BY_LANGUAGE
from ecoute.sentiment.lexicons import Lexicons, load_lexicons

WORD_COLUMNS = {
    "lang": {"data_type": "text"},
    "term": {"data_type": "text"},
    "polarity": {"data_type": "double"},
    "origin": {"data_type": "text"},
}
MODIFIER_COLUMNS = {
    "lang": {"data_type": "text"},
    "role": {"data_type": "text"},
    "term": {"data_type": "text"},
    "weight": {"data_type": "double"},
    "origin": {"data_type": "text"},
}
MARKER_COLUMNS = {
    "lang": {"data_type": "text"},
    "term": {"data_type": "text"},
    "weight": {"data_type": "double"},
}


@dlt.source(name="reference_data")
def reference_data() -> Any:
    """Opinion words and modifiers per language, the marker words and the stop words of each language."""
    lexicons = load_lexicons()
    return (
        sentiment_words(lexicons),
        sentiment_modifiers(lexicons),
        language_markers(),
        stop_words(),
    )


@dlt.resource(write_disposition="replace", columns=WORD_COLUMNS)
def sentiment_words(lexicons: Lexicons) -> Any:
    """One row per language and opinion word (or emoji): its polarity from -4 to +4 and where it comes from."""
    yield lexicons.words.to_arrow()


@dlt.resource(write_disposition="replace", columns=MODIFIER_COLUMNS)
def sentiment_modifiers(lexicons: Lexicons) -> Any:
    """One row per language, role (negator, booster, diminisher, contrast) and word."""
    yield lexicons.modifiers.to_arrow()


@dlt.resource(write_disposition="replace", columns=MARKER_COLUMNS)
def language_markers() -> Any:
    """One row per language and marker word, weighted by how distinctive the word is."""
    yield load_markers().to_arrow()


@dlt.resource(write_disposition="replace", columns={"lang": {"data_type": "text"}})
def stop_words() -> Any:
    """One row per language and stop word (folded: lower case, no accents), left out of keywords.

    Language 'web' holds the pieces of links ("https", "www", "utm").
    """
    yield pl.DataFrame(
        [
            (lang, word)
            for lang, words in STOP_WORDS_BY_LANGUAGE.items()
            for word in sorted(set(words.split()))
        ],
        schema={"lang": pl.String, "term": pl.String},
        orient="row",
    ).to_arrow()
