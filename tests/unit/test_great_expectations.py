"""The GX 1.x suite kept in `expectations/` passes good rows and names what is wrong in bad ones."""

from __future__ import annotations

import pandas as pd
import pytest

from orchestration.lib.great_expectations import columns_of, load_suite, validate


@pytest.fixture(scope="module")
def suite():
    return load_suite("fct_mentions")


def good_rows(n: int = 40) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "mention_id": [f"demo:{i}" for i in range(n)],
            "published_at": pd.date_range("2026-09-01", periods=n, freq="h", tz="UTC"),
            "platform": ["x", "news", "hackernews", "avis_verifies"] * (n // 4),
            "lang": ["fr", "en", "und", "it"] * (n // 4),
            "lang_source": ["platform", "detected", "undetermined", "platform"] * (n // 4),
            "sentiment_score": [-0.8, 0.0, 0.3, 1.0] * (n // 4),
            "sentiment_label": ["negative", "neutral", "positive", "positive"] * (n // 4),
            "engagement": [0, 3, 120, 7] * (n // 4),
            "potential_reach": [10, 0, 2_000_000, 35] * (n // 4),
            "author_id": [f"demo:a{i % 9}" for i in range(n)],
            "text": ["Retard de 3h avec @airaurore, c'est nul & cher"] * n,
        }
    )


def test_suite_reads_only_the_columns_it_checks(suite):
    assert "text" in columns_of(suite)
    assert "mention_id" in columns_of(suite)
    assert len(columns_of(suite)) < 15


def test_good_rows_pass(suite):
    outcome = validate(good_rows(), suite)
    assert outcome.success, outcome.failures
    assert outcome.evaluated == len(suite["expectations"])


def test_bad_rows_are_named(suite):
    bad = good_rows()
    bad.loc[3, "mention_id"] = bad.loc[2, "mention_id"]  # a duplicated mention
    bad.loc[5, "sentiment_score"] = 1.7  # out of range
    bad.loc[6, "lang"] = "fr-FR"  # not normalised
    bad.loc[7, "text"] = "Vol annul&eacute; &amp; pas de rembourse"  # entity left in
    bad.loc[8, "platform"] = "Trust Pilot"  # not a lower-case name
    outcome = validate(bad, suite)
    assert not outcome.success
    failed = {(f["expectation"], f["column"]) for f in outcome.failures}
    assert failed == {
        ("expect_column_values_to_be_unique", "mention_id"),
        ("expect_column_values_to_be_between", "sentiment_score"),
        ("expect_column_values_to_match_regex", "lang"),
        ("expect_column_values_to_not_match_regex", "text"),
        ("expect_column_values_to_match_regex", "platform"),
    }
    by_column = {f["column"]: f for f in outcome.failures}
    assert by_column["lang"]["unexpected_sample"] == ["fr-FR"]
    assert by_column["sentiment_score"]["unexpected_count"] == 1


def test_broken_suite_file_is_located(tmp_path, monkeypatch):
    import orchestration.lib.great_expectations as module

    (tmp_path / "broken.json").write_text(
        '{"name": "broken",\n "expectations": [,]}', encoding="utf-8"
    )
    monkeypatch.setattr(module, "EXPECTATIONS_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"broken\.json:2:19: invalid JSON"):
        load_suite("broken")
