"""The whole asset graph materialised into a temporary DuckDB, checked against the demo's ground truth."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

MEMBERS = {"air_aurore", "volazur", "eurosky", "alpina_air"}


def test_both_runs_succeed_with_every_check_passing(built):
    for result in (built.first_run, built.second_run):
        assert result.success
        evaluations = result.get_asset_check_evaluations()
        failed = [
            f"{e.asset_key.to_user_string()}:{e.check_name}" for e in evaluations if not e.passed
        ]
        assert not failed
        names = {e.check_name for e in evaluations}
        assert "fct_mentions_expectations" in names  # the GX suite
        assert len(names) > 20  # and the dbt tests


def test_every_raw_mention_reaches_fct_mentions_exactly_once(built):
    raw = built.scalar("select count(*) from raw.demo_mentions")
    assert raw == 8_000
    # The connectors' mentions sit beside them (tests/integration/test_connectors_end_to_end.py).
    demo = "from marts.fct_mentions where source = 'demo'"
    assert built.scalar(f"select count(*) {demo}") == raw
    assert built.scalar(f"select count(distinct mention_id) {demo}") == raw


def test_second_run_adds_no_rows(built):
    # Both fixture runs loaded the same window: merge on post_id keeps one copy.
    # Every row knows the load that wrote it, arrow batches included.
    assert built.scalar("select count(*) from raw.demo_mentions where _dlt_load_id is null") == 0
    assert built.scalar("select count(*) from marts.fct_mentions where loaded_at is null") == 0
    assert built.scalar("select count(*) from raw.demo_mentions") == 8_000
    per_topic = built.sql("select count(*) from marts.fct_mention_topics")[0][0]
    assert per_topic == built.scalar(
        "select count(*) from (select distinct mention_id, topic_id from marts.fct_mention_topics)"
    )


def test_days_are_days_of_the_reporting_time_zone(built):
    # Demo post ids name the Paris day they were posted on (demo-YYYYMMDD-…), and
    # listening.yml reports in Europe/Paris: late-evening UTC posts move to the next day.
    rows = built.sql("""
        select
            count(*) filter (where strftime(published_date, '%Y%m%d') <> split_part(source_post_id, '-', 2)),
            count(*) filter (where published_date <> cast(published_at as date))
        from marts.fct_mentions
        where source = 'demo'
    """)
    wrong_day, shifted_from_utc = rows[0]
    assert wrong_day == 0
    assert shifted_from_utc > 0


def test_topic_counts_reconcile_between_marts(built):
    # The volume marts leave spam out; the fact keeps it, flagged.
    from_facts = dict(
        built.sql(
            "select topic_id, count(*) from marts.fct_mention_topics where not is_spam group by 1"
        )
    )
    from_daily = dict(
        built.sql("select topic_id, sum(mentions) from marts.mart_topic_daily group by 1")
    )
    assert from_facts == from_daily
    assert set(from_facts) >= MEMBERS | {"delays", "customer_service", "prices", "baggage"}


def test_exclusions_apply(built):
    leaked = built.scalar("""
        select count(*) from marts.fct_mention_topics as t
        join marts.fct_mentions as m using (mention_id)
        where t.topic_id = 'air_aurore' and lower(strip_accents(m.text)) like '%aurore boreale%'
    """)
    assert leaked == 0
    mentioned = built.scalar(
        "select count(*) from marts.fct_mentions where lower(strip_accents(text)) like '%aurore boreale%'"
    )
    assert mentioned > 0, "the demo feed talks about the northern lights too"


def test_shares_of_voice_sum_to_one(built):
    sums = built.sql("""
        select competitive_set, period_grain, period_start, sum(share_of_voice)
        from marts.mart_share_of_voice
        group by all
        having sum(mentions) > 0
    """)
    assert sums
    assert all(abs(total - 1) < 1e-9 for *_, total in sums)
    grains = {grain for _, grain, _, _ in sums}
    assert grains == {"day", "week", "month"}


def test_crisis_is_the_biggest_spike_on_the_right_brand_and_day(built, demo_params):
    from ingestion.demo.generator import injected_events

    crisis = next(e for e in injected_events(demo_params) if e["kind"] == "crisis")
    spikes = built.sql("""
        with daily as (
            select topic_id, day, sum(mentions) as mentions, sum(positive) as positive,
                   sum(negative) as negative
            from marts.mart_topic_daily group by all
        ),
        ranked as (
            select *, mentions / median(mentions) over (partition by topic_id) as ratio
            from daily
        )
        select t.label, r.day, r.ratio, r.positive, r.negative
        from ranked as r join marts.dim_topics as t using (topic_id)
        where t.kind in ('brand', 'competitor')
        order by r.ratio desc
        limit 1
    """)
    label, day, ratio, positive, negative = spikes[0]
    assert (label, day) == (crisis["brand"], crisis["day"])
    assert ratio >= 3
    assert negative > 2 * positive, "the crisis day reads negative in the marts"


def test_share_of_voice_ranks_follow_mentions(built):
    rows = built.sql("""
        select competitive_set, period_start, topic_id, mentions, rank
        from marts.mart_share_of_voice where period_grain = 'month'
        order by competitive_set, period_start, rank
    """)
    assert {topic for _, _, topic, _, _ in rows} == MEMBERS
    by_period: dict[tuple, list[int]] = {}
    for competitive_set, period, _, mentions, _ in rows:
        by_period.setdefault((competitive_set, period), []).append(mentions)
    assert all(counts == sorted(counts, reverse=True) for counts in by_period.values())


def test_scorer_agrees_with_the_intent_of_the_demo_templates(built, demo_params):
    """A floor, not a benchmark: the real multilingual scorer is measured on labelled data."""
    import polars as pl

    from ingestion.demo.generator import generate_days

    truth = pl.concat(
        frame.select("post_id", "truth_sentiment") for frame in generate_days(demo_params)
    )
    scored = pl.DataFrame(
        built.sql("select source_post_id, sentiment_label from marts.fct_mentions"),
        schema=["post_id", "sentiment_label"],
        orient="row",
    )
    joined = truth.join(scored, on="post_id", how="inner")
    assert joined.height == 8_000
    polar = joined.filter(pl.col("truth_sentiment") != "neutral")
    agreement = (polar["truth_sentiment"] == polar["sentiment_label"]).mean()
    assert agreement > 0.6, agreement


def test_marts_are_documented_for_analysts(built):
    """Every mart column carries its dbt description into the warehouse catalogue."""
    import json

    from ecoute.settings import TRANSFORM_DIR

    manifest = json.loads((TRANSFORM_DIR / "target" / "manifest.json").read_text())
    marts = [
        n
        for n in manifest["nodes"].values()
        if n["resource_type"] == "model" and n["schema"] == "marts"
    ]
    assert {n["name"] for n in marts} >= {
        "fct_mentions",
        "fct_mention_topics",
        "dim_topics",
        "mart_topic_daily",
        "mart_share_of_voice",
    }
    for node in marts:
        assert node["description"], node["name"]
        assert node["config"]["contract"]["enforced"], node["name"]
        columns = {
            c
            for (c,) in built.sql(
                "select column_name from information_schema.columns where table_schema = 'marts' and table_name = ?",
                [node["name"]],
            )
        }
        undocumented = columns - {c for c, v in node["columns"].items() if v.get("description")}
        assert not undocumented, (node["name"], undocumented)


def test_language_is_recovered_where_the_platform_gave_none(built, demo_params):
    """The demo leaves out or mangles the platform's tag on some posts; the identifier reads the text."""
    import polars as pl

    from ingestion.demo.generator import generate_days

    truth = pl.concat(frame.select("post_id", "truth_lang") for frame in generate_days(demo_params))
    marts = pl.DataFrame(
        built.sql(
            "select source_post_id, lang, lang_source, platform_lang from marts.fct_mentions"
        ),
        schema=["post_id", "lang", "lang_source", "platform_lang"],
        orient="row",
    )
    joined = truth.join(marts, on="post_id", how="inner")
    untagged = joined.filter(pl.col("platform_lang").is_null())
    assert untagged.height > 200
    recovered = (untagged["lang"] == untagged["truth_lang"]).mean()
    assert recovered > 0.8, recovered
    assert (joined["lang"] == joined["truth_lang"]).mean() > 0.97
    assert set(joined["lang_source"].unique()) == {"platform", "detected", "undetermined"}


def test_intents_follow_what_the_posts_say(built, demo_params):
    """Complaints are the demo's negative posts, praise its positive ones; configured intents apply."""
    import polars as pl

    from ingestion.demo.generator import generate_days

    truth = pl.concat(
        frame.select("post_id", "truth_sentiment") for frame in generate_days(demo_params)
    )
    intents = pl.DataFrame(
        built.sql("""
            select mentions.source_post_id, intents.intent
            from marts.fct_mention_intents as intents
            inner join marts.fct_mentions as mentions using (mention_id)
        """),
        schema=["post_id", "intent"],
        orient="row",
    ).join(truth, on="post_id", how="inner")
    by_intent = {
        intent: group["truth_sentiment"] for (intent,), group in intents.group_by("intent")
    }
    assert {"complaint", "praise"} <= set(by_intent)
    assert len(by_intent["complaint"]) > 100
    assert (by_intent["complaint"] == "negative").mean() > 0.7
    assert (by_intent["praise"] == "positive").mean() > 0.7
    rules = built.sql("select distinct intent from staging.stg_listening__intent_rules")
    assert ("compensation_claim",) in rules  # added by listening.yml


def test_terms_give_a_word_cloud_without_stop_words(built):
    top_hashtags = {
        term
        for (term,) in built.sql("""
            select term from marts.fct_mention_terms where term_kind = 'hashtag'
            group by term order by count(*) desc limit 10
        """)
    }
    assert {"#airaurore", "#volazur", "#eurosky"} <= top_hashtags
    stop_words_kept = built.scalar("""
        select count(*) from marts.fct_mention_terms as terms
        inner join raw.stop_words as stop_words using (term)
        where terms.term_kind = 'keyword'
    """)
    assert stop_words_kept == 0
    bigrams = {
        t
        for (t,) in built.sql("select term from marts.fct_mention_terms where term_kind = 'bigram'")
    }
    assert "air aurore" in bigrams
