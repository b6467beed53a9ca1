"""`ecoute bench sentiment` as a user runs it: the warehouse's scorer and VADER on a labelled file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ecoute.cli import main

pytestmark = pytest.mark.slow

SHARED_SENTIMENT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "sentiment"
UMSAB = SHARED_SENTIMENT / "umsab_multilingual_train_val.csv"

# Clear-cut posts about an airline, written for this test, in the languages we score.
POSTS = [
    ("fr", "Vol annulé sans prévenir, service client injoignable 😡", "negative"),
    ("fr", "Franchement l'équipage était génial, merci !", "positive"),
    ("fr", "Ce n'est pas terrible, je suis déçu", "negative"),
    ("fr", "Pas mal du tout ce nouveau salon 👍", "positive"),
    ("fr", "Le vol AA123 part de la porte 12 à 14h", "neutral"),
    ("fr", "Le siège était correct mais le retard était horrible", "negative"),
    ("en", "Worst airline ever, lost my bag and nobody cares", "negative"),
    ("en", "Great crew and a smooth landing, love it :)", "positive"),
    ("en", "The flight leaves at 9 from terminal 2", "neutral"),
    ("en", "Not bad at all, really comfortable seats", "positive"),
    ("it", "Volo in ritardo di tre ore, che schifo", "negative"),
    ("it", "Personale gentilissimo, esperienza fantastica", "positive"),
    ("it", "Il volo parte alle dieci dal terminal uno", "neutral"),
    ("es", "Pésimo servicio, nunca más vuelo con ellos", "negative"),
    ("es", "Todo perfecto, el personal muy amable", "positive"),
    ("es", "El vuelo sale a las nueve de la terminal dos", "neutral"),
    ("de", "Flug gestrichen, absolut enttäuschend", "negative"),
    ("de", "Super Service, sehr freundliche Crew", "positive"),
    ("de", "Der Flug startet um neun Uhr in Terminal zwei", "neutral"),
    ("pt", "Péssimo atendimento, voo atrasado de novo", "negative"),
    ("pt", "Adorei o voo, tripulação muito simpática", "positive"),
    ("pt", "O voo sai às nove do terminal dois", "neutral"),
]


@pytest.fixture
def labelled_file(tmp_path: Path) -> Path:
    path = tmp_path / "posts.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "language", "post", "gold"])
        for index, (lang, text, label) in enumerate(POSTS):
            writer.writerow([index, lang, text, label.upper() if index % 5 == 0 else label])
        writer.writerow([len(POSTS), "fr", 'Un "avis" mitigé,\nsur deux lignes', "mixed"])
    return path


def bench(data: Path, *options: str):
    """`ecoute bench sentiment` on the test file's columns, timed on 20,000 texts (enough here)."""
    return CliRunner().invoke(
        main,
        [
            "bench",
            "sentiment",
            "--data",
            str(data),
            "--text-col",
            "post",
            "--label-col",
            "gold",
            "--throughput-texts",
            "20000",
            *options,
        ],
    )


def test_scores_every_language_and_compares_with_vader(labelled_file: Path) -> None:
    result = bench(labelled_file, "--lang-col", "language", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["texts"] == len(POSTS)
    assert figures["skipped"] == 1  # "mixed" is not a label we score
    assert figures["method"] == "lexicon_v2"
    assert {lang: f["n"] for lang, f in figures["languages"].items() if lang != "all"} == {
        "fr": 6,
        "en": 4,
        "it": 3,
        "es": 3,
        "de": 3,
        "pt": 3,
    }
    assert figures["languages"]["all"]["accuracy"] >= 0.8
    # VADER knows English only: on the other languages it mostly says neutral.
    assert figures["languages"]["all"]["accuracy"] > figures["languages"]["all"]["vader_accuracy"]
    assert figures["texts_per_s"] > 0 and figures["vader_texts_per_s"] > 0


def test_the_table_names_the_scorer_and_the_throughput(labelled_file: Path) -> None:
    result = bench(labelled_file)
    assert result.exit_code == 0, result.output
    assert "scorer: lexicon_v2" in result.output
    assert "1 skipped" in result.output
    lines = result.output.splitlines()
    [warehouse] = [line for line in lines if line.startswith("warehouse:")]
    [vader] = [line for line in lines if line.startswith("VADER:")]
    assert "texts/s" in warehouse and "the posts repeated" in warehouse
    assert "texts/s" in vader and "× faster" in vader


def test_a_missing_column_lists_the_file_columns(labelled_file: Path) -> None:
    result = CliRunner().invoke(
        main, ["bench", "sentiment", "--data", str(labelled_file), "--text-col", "text"]
    )
    assert result.exit_code == 1
    assert "no column 'text'" in result.output
    assert "'post'" in result.output and "'gold'" in result.output


@pytest.mark.skipif(not UMSAB.exists(), reason=f"shared sentiment data absent ({UMSAB})")
def test_on_real_tweets_the_scorer_beats_vader_outside_english(tmp_path: Path) -> None:
    import polars as pl

    validation = tmp_path / "umsab_val.csv"
    pl.read_csv(UMSAB).filter(
        (pl.col("split") == "val") & pl.col("lang").is_in(["en", "fr", "it", "es", "de", "pt"])
    ).write_csv(validation)
    result = CliRunner().invoke(
        main,
        [
            "bench", "sentiment", "--data", str(validation), "--lang-col", "lang",
            "--throughput-texts", "0", "--json",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    languages = json.loads(result.stdout.strip().splitlines()[-1])["languages"]
    assert languages["en"]["macro_f1"] >= 0.55
    for lang in ("fr", "it", "es", "pt"):
        assert languages[lang]["macro_f1"] > languages[lang]["vader_macro_f1"], lang


def test_a_training_file_too_small_for_a_model_says_so(labelled_file: Path) -> None:
    result = bench(labelled_file, "--lang-col", "language", "--train-file", str(labelled_file))
    assert result.exit_code == 0, result.output
    assert "learned layer: trained on 22 corrections" in result.output
    assert "no language had enough corrections for a model" in result.output
    assert "scorer: lexicon_v2" in result.output


@pytest.mark.skipif(not UMSAB.exists(), reason=f"shared sentiment data absent ({UMSAB})")
def test_learning_from_umsab_train_lifts_its_validation_split(tmp_path: Path) -> None:
    """The issue's target: ≥ 0.62 macro-F1 averaged over six languages after learning from train."""
    import polars as pl

    tweets = pl.read_csv(UMSAB).filter(pl.col("lang").is_in(["en", "fr", "it", "es", "de", "pt"]))
    train, validation = tmp_path / "train.csv", tmp_path / "val.csv"
    tweets.filter(pl.col("split") == "train").write_csv(train)
    tweets.filter(pl.col("split") == "val").write_csv(validation)
    result = CliRunner().invoke(
        main,
        [
            "bench", "sentiment", "--data", str(validation), "--lang-col", "lang",
            "--train-file", str(train), "--throughput-texts", "0", "--json",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    languages = figures["languages"]
    average = sum(languages[lang]["macro_f1"] for lang in ("en", "fr", "it", "es", "de", "pt")) / 6
    assert average >= 0.62, languages
    assert figures["training_examples"] == 11_034
    in_use = {model["lang"] for model in figures["learned_models"] if model["is_in_use"]}
    assert {"fr", "it", "de"} <= in_use
