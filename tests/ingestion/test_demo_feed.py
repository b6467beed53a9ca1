"""The demo feed simulates what it claims: sizes, determinism, distributions, events, dirt.

Most tests share one generated window (`feed`, 60k posts over September and
October 2026) and compare it with the shares declared in
`ingestion/demo/settings.py`; tolerances are a few standard errors wide.
"""

from __future__ import annotations

import math
import os
import re
from datetime import date, timedelta
from pathlib import Path

import dlt
import duckdb
import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecoute.config import load_config
from ingestion.demo import demo
from ingestion.demo import settings as demo_settings
from ingestion.demo.generator import (
    DemoParams,
    daily_counts,
    generate_day,
    generate_days,
    injected_events,
    to_arrow,
)

os.environ["RUNTIME__DLTHUB_TELEMETRY"] = "false"

LISTENING_YML = Path(__file__).resolve().parents[2] / "listening.yml"
PARAMS = DemoParams(mentions=60_000, start=date(2026, 9, 1), end=date(2026, 10, 31), seed=42)
SOCIAL = ["x", "reddit", "mastodon", "bluesky", "youtube"]


@pytest.fixture(scope="module")
def feed() -> pl.DataFrame:
    return pl.concat(generate_days(PARAMS))


@pytest.fixture(scope="module")
def local_feed(feed: pl.DataFrame) -> pl.DataFrame:
    """The feed with Paris-local day and hour, the calendar the generator works in."""
    local = pl.col("created_at").dt.convert_time_zone(demo_settings.TIME_ZONE)
    return feed.with_columns(day=local.dt.date(), hour=local.dt.hour())


def small(seed: int = 42, **changes: object) -> DemoParams:
    base = {"mentions": 3_000, "start": date(2026, 9, 1), "end": date(2026, 9, 10), "seed": seed}
    return DemoParams(**{**base, **changes})


# --- parameters --------------------------------------------------------------------------------


@pytest.mark.parametrize("mentions", [999, 10_000_001, 0, -5])
def test_mentions_out_of_range_is_refused(mentions: int) -> None:
    with pytest.raises(ValueError, match=r"mentions=.* out of range; choose between 1,000 and"):
        DemoParams(mentions, date(2026, 9, 1), date(2026, 9, 30))


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match=r"end \(2026-08-31\) is before start \(2026-09-01\)"):
        DemoParams(1_000, date(2026, 9, 1), date(2026, 8, 31))


def test_source_validates_its_parameters() -> None:
    with pytest.raises(Exception, match="out of range"):
        demo(mentions=10, start=date(2026, 9, 1), end=date(2026, 9, 30))


def test_iso_strings_are_accepted_as_dates() -> None:
    assert DemoParams(1_000, "2026-09-01", "2026-09-30") == DemoParams(  # type: ignore[arg-type]
        1_000, date(2026, 9, 1), date(2026, 9, 30)
    )


# --- size, ids, schema -------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    mentions=st.integers(1_000, 10_000_000),
    start=st.dates(date(2000, 1, 1), date(2040, 1, 1)),
    n_days=st.integers(1, 800),
    seed=st.integers(0, 2**32),
)
def test_daily_counts_sum_exactly_to_mentions(
    mentions: int, start: date, n_days: int, seed: int
) -> None:
    params = DemoParams(mentions, start, start + timedelta(days=n_days - 1), seed)
    counts = daily_counts(params)
    assert list(counts) == params.days
    assert sum(counts.values()) == mentions
    assert min(counts.values()) >= 0


def test_total_is_exactly_mentions_and_ids_are_unique(feed: pl.DataFrame) -> None:
    assert feed.height == PARAMS.mentions
    assert feed["post_id"].n_unique() == feed.height
    assert feed["post_id"].str.contains(r"^demo-2026(09|10)\d{2}-\d{7}$").all()


def test_post_ids_name_the_paris_day_and_follow_time(local_feed: pl.DataFrame) -> None:
    id_day = local_feed["post_id"].str.slice(5, 8).str.to_date("%Y%m%d")
    assert (id_day == local_feed["day"]).all()
    per_day = local_feed.group_by("day").agg(
        ordered=(pl.col("created_at").sort_by("post_id").diff().dt.total_microseconds() >= 0)
        .drop_nulls()
        .all()
    )
    assert per_day["ordered"].all()


def test_arrow_schema_is_the_contract(feed: pl.DataFrame) -> None:
    table = to_arrow(feed.head(1_000))
    assert table.schema.equals(demo_settings.MENTION_SCHEMA)
    assert [f.name for f in table.schema] == [
        "post_id", "platform", "url", "created_at", "lang", "author_id", "author_handle",
        "author_name", "author_followers", "author_country", "title", "text", "like_count",
        "share_count", "comment_count", "reshare_of_post_id",
    ]  # fmt: skip
    assert set(demo_settings.TRUTH_COLUMNS) <= set(feed.columns)


def test_never_null_columns_have_no_nulls(feed: pl.DataFrame) -> None:
    for name in ("post_id", "platform", "created_at", "author_id", "text"):
        assert feed[name].null_count() == 0, name
    assert set(feed["platform"].unique()) == set(demo_settings.PLATFORMS)


# --- determinism -------------------------------------------------------------------------------


def test_same_parameters_give_identical_frames() -> None:
    first, second = list(generate_days(small())), list(generate_days(small()))
    assert len(first) == len(second) == 10
    assert all(a.equals(b) for a, b in zip(first, second, strict=True))


def test_another_seed_gives_another_feed() -> None:
    first = pl.concat(generate_days(small(seed=1)))
    second = pl.concat(generate_days(small(seed=2)))
    assert first.height == second.height
    assert not first["text"].equals(second["text"])
    assert not first["author_id"].equals(second["author_id"])


def test_a_day_is_the_same_in_overlapping_windows() -> None:
    september = DemoParams(30_000, date(2026, 9, 1), date(2026, 9, 30))
    shifted = DemoParams(30_000, date(2026, 9, 10), date(2026, 10, 9))
    day = date(2026, 9, 15)  # not an event day in either window
    assert generate_day(september, day, 400).equals(generate_day(shifted, day, 400))
    # ...and a window's own frame for that day is exactly that function of its count.
    own = next(f for f in generate_days(september) if f["post_id"][0].startswith("demo-20260915"))
    assert own.equals(generate_day(september, day, daily_counts(september)[day]))


# --- distributions -----------------------------------------------------------------------------


def shares(column: pl.Series) -> dict[str, float]:
    counts = column.value_counts(normalize=True)
    return dict(zip(counts[column.name], counts["proportion"], strict=True))


def test_language_shares(feed: pl.DataFrame) -> None:
    observed = shares(feed["truth_lang"])
    for lang, expected in demo_settings.LANGUAGE_SHARES.items():
        assert observed[lang] == pytest.approx(expected, abs=0.012), lang
    # The delivered codes, cleaned the way staging will, tell the same story.
    clean = (
        feed["lang"]
        .str.to_lowercase()
        .str.slice(0, 2)
        .filter(feed["lang"].str.contains(r"^[A-Za-z]{2}([-_][A-Za-z0-9]+)?$"))
    )
    assert shares(clean)["fr"] == pytest.approx(0.45, abs=0.015)


def test_platform_shares(feed: pl.DataFrame) -> None:
    observed = shares(feed["platform"])
    for platform, expected in demo_settings.PLATFORM_SHARES.items():
        assert observed[platform] == pytest.approx(expected, abs=0.012), platform
    assert max(observed, key=observed.get) == "x"


def test_followers_are_heavy_tailed(feed: pl.DataFrame) -> None:
    authors = feed.group_by("author_id").agg(pl.col("author_followers").max()).drop_nulls()
    followers = np.sort(authors["author_followers"].to_numpy())[::-1]
    top_one_percent = followers[: len(followers) // 100].sum() / followers.sum()
    assert top_one_percent > 0.30
    assert np.median(followers) < 1_000
    assert (followers < 500).mean() > 0.6
    assert followers.max() > 1_000_000


def test_authors_come_from_a_population_of_the_announced_size(feed: pl.DataFrame) -> None:
    population = demo_settings.author_count(PARAMS.mentions)
    assert 0.3 * population < feed["author_id"].n_unique() <= population


def test_weekends_are_social_and_weekdays_are_press(local_feed: pl.DataFrame) -> None:
    daily = (
        local_feed.with_columns(
            weekend=pl.col("day").dt.weekday() >= 6,
            kind=pl.when(pl.col("platform").is_in(["news", "blog"]))
            .then(pl.lit("press"))
            .when(pl.col("platform").is_in(SOCIAL))
            .then(pl.lit("social")),
        )
        .filter(pl.col("kind").is_not_null(), pl.col("truth_brand").is_null())
        .group_by("kind", "weekend", "day")
        .len()
        .group_by("kind", "weekend")
        .agg(pl.col("len").median())
    )
    volume = {(k, w): n for k, w, n in daily.iter_rows()}
    assert volume["press", True] < 0.75 * volume["press", False]
    assert volume["social", True] > 1.08 * volume["social", False]


def test_night_trough_and_lunch_and_evening_peaks(local_feed: pl.DataFrame) -> None:
    hours = local_feed.group_by("hour").len().sort("hour")["len"].to_numpy()
    assert hours.sum() == local_feed.height
    assert hours[2:6].sum() / hours.sum() < 0.04
    assert hours[12:14].mean() > hours[9:11].mean()
    assert hours[19:22].mean() > hours[15:17].mean()
    assert hours.argmin() in (3, 4)


def test_timestamps_are_utc(feed: pl.DataFrame) -> None:
    assert feed.schema["created_at"] == pl.Datetime("us", "UTC")


# --- injected events ---------------------------------------------------------------------------


def test_injected_events_are_placed_in_the_window() -> None:
    events = {e["kind"]: e for e in injected_events(PARAMS)}
    assert set(events) == {"crisis", "campaign"}
    assert events["crisis"]["day"] == PARAMS.start + timedelta(days=40)  # 2/3 into 61 days
    assert events["crisis"]["brand"] == "Air Aurore"
    assert events["crisis"]["sentiment"] == "negative"
    assert events["campaign"]["brand"] in {"VolAzur", "EuroSky", "Alpina Air"}
    assert events["campaign"]["sentiment"] == "positive"
    assert events["campaign"]["day"] != events["crisis"]["day"]


@pytest.mark.parametrize("kind", ["crisis", "campaign"])
def test_event_day_spikes_with_the_announced_sentiment(local_feed: pl.DataFrame, kind: str) -> None:
    event = next(e for e in injected_events(PARAMS) if e["kind"] == kind)
    brand_daily = (
        local_feed.filter(pl.col("truth_brand") == event["brand"]).group_by("day").len().sort("day")
    )
    baseline = brand_daily["len"].median()
    that_day = local_feed.filter(
        pl.col("day") == event["day"], pl.col("truth_brand") == event["brand"]
    )
    assert that_day.height == event["mentions"]
    assert event["baseline_mentions"] == round(baseline)
    assert that_day.height >= 5 * baseline
    assert (that_day["truth_sentiment"] == event["sentiment"]).mean() >= 0.70


def test_short_windows_have_no_events() -> None:
    params = DemoParams(1_000, date(2026, 9, 1), date(2026, 9, 5))
    assert injected_events(params) == []
    assert sum(f.height for f in generate_days(params)) == 1_000


# --- dirty data, as real APIs deliver it -------------------------------------------------------


def test_language_codes_are_dirty_in_the_claimed_proportions(feed: pl.DataFrame) -> None:
    assert feed["lang"].is_null().mean() == pytest.approx(demo_settings.NULL_LANG_SHARE, abs=0.006)
    known = set(demo_settings.LANGUAGES)
    dirty = feed["lang"].drop_nulls().filter(~feed["lang"].drop_nulls().is_in(known))
    assert len(dirty) / feed.height == pytest.approx(demo_settings.DIRTY_LANG_SHARE, abs=0.006)
    assert {"FR", "fr-FR", "en-GB", "und", ""} <= set(dirty)


def test_html_entities_in_news_blogs_and_forums_only(feed: pl.DataFrame) -> None:
    html = feed["text"].str.contains(r"&(amp|#39|quot);|<br>|<p>")
    on_html_platforms = feed["platform"].is_in(demo_settings.HTML_PLATFORMS)
    share = html.filter(on_html_platforms).mean()
    assert share == pytest.approx(demo_settings.HTML_SHARE, abs=0.012)
    assert not html.filter(~on_html_platforms).any()
    assert feed["text"].str.contains("&#39;").any() and feed["text"].str.contains("<br>").any()


def test_missing_author_fields(feed: pl.DataFrame) -> None:
    assert feed["author_followers"].is_null().mean() == pytest.approx(0.04, abs=0.005)
    assert (feed["author_name"] == "").any()
    assert feed["author_name"].is_null().any()
    assert feed["author_country"].is_null().mean() == pytest.approx(0.10, abs=0.03)
    news = feed.filter(pl.col("platform") == "news")
    assert news["author_handle"].is_null().all()
    assert feed.filter(pl.col("platform") != "news")["author_handle"].null_count() == 0
    assert feed["author_country"].drop_nulls().str.contains(r"^[A-Z]{2}$").all()


def test_titles_only_where_platforms_have_them(feed: pl.DataFrame) -> None:
    titled = feed["platform"].is_in(demo_settings.TITLED_PLATFORMS)
    assert feed["title"].filter(titled).null_count() == 0
    assert feed["title"].filter(~titled).is_null().all()


def test_engagement_is_null_where_the_platform_has_no_such_metric(feed: pl.DataFrame) -> None:
    for metric, column in enumerate(("like_count", "share_count", "comment_count")):
        for platform, reported in demo_settings.METRICS.items():
            values = feed.filter(pl.col("platform") == platform)[column]
            if reported[metric]:
                assert values.null_count() == 0 and values.min() >= 0, (platform, column)
            else:
                assert values.is_null().all(), (platform, column)
    assert feed.filter(pl.col("platform") == "news")["like_count"].is_null().all()


def test_engagement_is_heavy_tailed_and_follows_audience(feed: pl.DataFrame) -> None:
    likes = feed.filter(
        pl.col("like_count").is_not_null(), pl.col("author_followers").is_not_null()
    )
    assert likes["like_count"].median() <= 5
    assert likes["like_count"].max() > 1_000
    big = likes.filter(pl.col("author_followers") > 10_000)["like_count"].mean()
    small_ = likes.filter(pl.col("author_followers") < 200)["like_count"].mean()
    assert big > 10 * small_


def test_reshares_point_at_earlier_posts_and_repeat_them(feed: pl.DataFrame) -> None:
    reshares = feed.filter("truth_is_reshare")
    assert 0.03 < reshares.height / feed.height < 0.08
    assert reshares["reshare_of_post_id"].null_count() == 0
    assert feed.filter(~pl.col("truth_is_reshare"))["reshare_of_post_id"].is_null().all()
    joined = reshares.join(
        feed.select(
            reshare_of_post_id="post_id", original_text="text", original_at="created_at",
            original_platform="platform", original_is_reshare="truth_is_reshare",
        ),
        on="reshare_of_post_id",
        how="left",
    )  # fmt: skip
    assert joined["original_text"].null_count() == 0  # every pointer resolves
    assert (joined["original_at"] <= joined["created_at"]).all()
    assert (joined["original_platform"] == joined["platform"]).all()
    assert not joined["original_is_reshare"].any()
    same = joined["text"] == joined["original_text"]
    retweet = joined["text"] == "RT " + joined["original_text"]
    assert (same | retweet).all()
    assert retweet.any() and same.any()


def test_spam_bots_repeat_promos_and_bare_links(feed: pl.DataFrame) -> None:
    authors = feed.unique("author_id")
    assert 0.015 < authors["truth_is_spam"].mean() < 0.04
    spam = feed.filter("truth_is_spam")
    assert spam["text"].value_counts()["count"].max() >= 20  # exact duplicates
    link_only = spam["text"].str.contains(r"^https://\S+$")
    assert 0.3 < link_only.mean() < 0.6
    assert spam.filter(link_only)["truth_brand"].is_null().all()


def test_syndicated_news_are_near_duplicates(feed: pl.DataFrame) -> None:
    news = feed.filter(pl.col("platform") == "news")
    credited = news.filter(pl.col("text").str.contains(r"\((AFP|Reuters|ANSA|EFE|dpa|Lusa|ANP)\)"))
    assert credited.height > 0.05 * news.height
    # The credit aside, a syndicated copy repeats an article of the same day and title.
    stem = credited.with_columns(
        stem=pl.col("text").str.replace(r"\.?\s*\((AFP|Reuters|ANSA|EFE|dpa|Lusa|ANP)\)$", "")
    )
    matched = stem.join(news, on="title", suffix="_original").filter(
        pl.col("text_original").str.starts_with(pl.col("stem")),
        pl.col("post_id") != pl.col("post_id_original"),
    )
    assert matched["post_id"].n_unique() > 0.5 * credited.height


# --- text --------------------------------------------------------------------------------------


def test_no_slot_is_left_unfilled(feed: pl.DataFrame) -> None:
    assert not feed["text"].str.contains(r"\{[a-z]+\}").any()
    assert not feed["title"].drop_nulls().str.contains(r"\{[a-z]+\}").any()


def test_text_reads_like_posts(feed: pl.DataFrame) -> None:
    text = feed["text"]
    for pattern in (
        r"pas du tout satisfait", r"(?i)not happy", r"nicht gut", r"non è male",
        r"\b(mdr|ptdr|lol|wtf|grave)\b", r"trooop", r"!!!", r"[😡🤬😍❤️]",
        r"#\w+", r"@\w+", r"^[^a-z]*[A-Z]{4,}[^a-z]*$",
    ):  # fmt: skip
        assert text.str.contains(pattern).any(), pattern
    assert (text.str.to_lowercase() == text).mean() > 0.05  # people who never press shift


def test_urls_look_like_the_platforms(feed: pl.DataFrame) -> None:
    shapes = {
        "x": r"^https://x\.com/\w+/status/\d{18,19}$",
        "reddit": r"^https://www\.reddit\.com/r/\w+/comments/[a-z0-9]{7}/comment/[a-z0-9]{7}/$",
        "mastodon": r"^https://[\w.]+/@\w+/\d+$",
        "bluesky": r"^https://bsky\.app/profile/[\w-]+\.bsky\.social/post/3l[a-z2-7]{11}$",
        "youtube": r"^https://www\.youtube\.com/watch\?v=[\w-]{11}&lc=Ugx[\w-]{21}$",
        "news": r"^https://www\.[a-z.-]+/[a-z]+/2026/\d{2}/\d{2}/[a-z0-9-]+_\d+\.html$",
        "blog": r"^https://[\w.-]+/2026/\d{2}/[a-z0-9-]+/$",
        "forum": r"^https://www\.[a-z.-]+/t/[a-z0-9-]+/\d+$",
        "review": r"^https://www\.[a-z.-]+/[a-z]+/\d+$",
    }
    for platform, shape in shapes.items():
        urls = feed.filter(pl.col("platform") == platform)["url"]
        assert urls.drop_nulls().str.contains(shape).all(), platform
        assert urls.null_count() < 0.04 * len(urls)


# --- the text agrees with the ground truth, as listening.yml reads it --------------------------
# The topics' queries are compiled and run by the warehouse's own SQL (see tests/conftest.py).

NOISE_PRESETS = {"job_ad": "job_ads", "giveaway": "giveaways"}


def normalised(text: pl.Expr) -> pl.Expr:
    """Lower case, no accents, ASCII words separated by single spaces, padded."""
    words = (
        text.str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.to_lowercase()
        .str.replace_all(r"[^a-z0-9]+", " ")
        .str.strip_chars()
    )
    return pl.concat_str(pl.lit(" "), words, pl.lit(" "))


def normalised_keyword(keyword: str) -> str:
    return pl.select(normalised(pl.lit(keyword))).item()


@pytest.fixture(scope="module")
def matches(feed: pl.DataFrame, matchable) -> pl.DataFrame:
    """One boolean column per topic of listening.yml: its effective query matches the post."""
    topics = load_config(LISTENING_YML).compiled_topics()
    matchable.load_frame(
        feed.with_row_index("row").select(
            mention_id=pl.col("row").cast(pl.String),
            title="title",
            text="text",
            platform="platform",
            lang="lang",
            author_handle="author_handle",
            url="url",
            author_country="author_country",
        )
    )
    checks = {name: matchable.flags(topic.predicate()) for name, topic in topics.items()}
    return feed.select(
        "truth_lang",
        "truth_brand",
        "truth_theme",
        "truth_is_spam",
        "truth_noise",
        "text",
        handle=pl.col("author_handle").str.to_lowercase(),
    ).with_columns(**checks)


def test_brands_are_named_in_every_language(matches: pl.DataFrame) -> None:
    brands = {"air_aurore", "volazur", "eurosky", "alpina_air"}
    per_language = matches.group_by("truth_lang").agg(pl.col(sorted(brands)).any())
    assert per_language.height == len(demo_settings.LANGUAGES)
    assert per_language.select(pl.all_horizontal(sorted(brands))).to_series().all()


def test_queries_find_exactly_the_true_brand_and_theme(matches: pl.DataFrame) -> None:
    """Every query matches exactly the true brand or theme on posts that are not noise.

    Posts of handles listed as spam accounts are left out: in this feed (another
    seed than the demo's) an ordinary author may share a listed bot's handle.
    """
    config = load_config(LISTENING_YML)
    topics = config.topics
    themes = [name for name, t in topics.items() if t.kind == "theme"]
    assert set(themes) == set(demo_settings.LISTENED_THEMES)
    listed = [handle.lower() for handle in config.presets["spam_accounts"].authors]
    ordinary = matches.filter(
        ~pl.col("truth_is_spam"), pl.col("truth_noise").is_null(), ~pl.col("handle").is_in(listed)
    )
    for name, topic in topics.items():
        truth = ordinary["truth_theme"] == name if topic.kind == "theme" else None
        if truth is None:
            truth = ordinary["truth_brand"] == topic.label
        wrong = ordinary.filter(ordinary[name] != truth.fill_null(False))
        assert wrong.is_empty(), (name, wrong.select(name, "text").head(5).rows())


@pytest.mark.parametrize(("kind", "preset"), sorted(NOISE_PRESETS.items()))
def test_exclusion_presets_remove_most_of_their_noise(
    matches: pl.DataFrame, kind: str, preset: str
) -> None:
    """Presets are heuristics: they remove at least 90% of their kind of noise, in every language."""
    topics = load_config(LISTENING_YML).topics
    brands = {name: t.label for name, t in topics.items() if preset in t.exclude_presets}
    assert brands, f"no topic of listening.yml uses {preset}"
    noise = matches.filter(
        pl.col("truth_noise") == kind, pl.col("truth_brand").is_in(brands.values())
    )
    kept = pl.any_horizontal(
        (pl.col(name) & (pl.col("truth_brand") == label)) for name, label in brands.items()
    )
    per_language = noise.group_by("truth_lang").agg(removed=1 - kept.mean(), posts=pl.len())
    assert per_language["posts"].sum() > 50
    assert (per_language["removed"] >= 0.9).all(), per_language.sort("truth_lang").rows()


def test_exclusions_and_non_matches_are_exercised(feed: pl.DataFrame) -> None:
    text = normalised(pl.col("text"))
    brandless = feed.filter(pl.col("truth_brand").is_null(), ~pl.col("truth_is_spam"))
    assert 0.07 < brandless.height / feed.height < 0.13
    flags = brandless.select(
        excluded=text.str.contains(" air aurore ") & text.str.contains(" aurore boreale "),
        aurore=text.str.contains(" aurore "),
    )
    assert flags["excluded"].sum() > 10  # a keyword hit that the exclusion must drop
    assert flags["aurore"].sum() > flags["excluded"].sum()  # "Aurore" the name, the TV series


# --- noise: lookalikes, job ads, giveaways ------------------------------------------------------


def brand_pattern(brand: demo_settings.Brand) -> str:
    """Every way the feed writes `brand`, normalised, as one regular expression."""
    forms = {*brand.surface_forms, brand.handle, brand.hashtag}
    return "|".join(sorted(re.escape(normalised_keyword(form)) for form in forms))


def test_noise_shares_are_the_announced_ones(local_feed: pl.DataFrame) -> None:
    event_days = [event["day"] for event in injected_events(PARAMS)]
    ordinary = local_feed.filter(~pl.col("truth_is_spam"), ~pl.col("day").is_in(event_days))
    for kind, share in demo_settings.NOISE_SHARES.items():
        is_kind = (ordinary["truth_noise"] == kind).fill_null(False)
        tolerance = 5 * math.sqrt(share * (1 - share) / ordinary.height)
        assert is_kind.mean() == pytest.approx(share, abs=tolerance), kind
        elsewhere = ~ordinary["platform"].is_in(demo_settings.NOISE_PLATFORMS[kind])
        assert not is_kind.filter(elsewhere).any(), kind
    total = sum(demo_settings.NOISE_SHARES.values())
    assert ordinary["truth_noise"].is_not_null().mean() == pytest.approx(total, abs=0.005)
    assert local_feed.filter("truth_is_spam")["truth_noise"].is_null().all()
    assert set(local_feed["truth_noise"].drop_nulls()) == set(demo_settings.NOISE_KINDS)


def test_every_noise_kind_is_written_in_french_and_english(feed: pl.DataFrame) -> None:
    # A word of each kind's genre, so the texts are what the truth says they are.
    markers = {
        ("lookalike", "fr"): r"aurore|azur|alpina",
        ("lookalike", "en"): r"aurora|aurore|azur|sky",
        ("job_ad", "fr"): r"recrut|emploi",
        ("job_ad", "en"): r"hir(e|ing)|recruit|job",
        ("giveaway", "fr"): r"concours|gagne",
        ("giveaway", "en"): r"giveaway|competition|win",
    }
    for (kind, lang), marker in markers.items():
        text = feed.filter(pl.col("truth_noise") == kind, pl.col("truth_lang") == lang)["text"]
        assert len(text) > 20, (kind, lang)
        assert text.str.to_lowercase().str.contains(marker).all(), (kind, lang)
    languages = feed.filter(pl.col("truth_noise").is_not_null())["truth_lang"]
    assert set(languages) == set(demo_settings.LANGUAGES)


def test_lookalikes_borrow_the_brands_words_but_name_no_brand(feed: pl.DataFrame) -> None:
    lookalikes = feed.filter(pl.col("truth_noise") == "lookalike")
    assert lookalikes["truth_brand"].is_null().all()
    words = lookalikes.select(normalised(pl.col("text")).alias("words"))["words"]
    assert words.str.contains(r"aurore|aurora|azur|sky|alpina").all()
    for brand in demo_settings.BRANDS:
        assert not words.str.contains(brand_pattern(brand)).any(), brand.label
    # The northern lights in several languages, the first name, the series, the coast, the TV.
    for phrase in (
        " aurore boreale ", " aurora borealis ", " aurora boreale ", " aurora boreal ",
        " northern lights ", " nordlicht", " ma fille aurore ", " serie aurore ",
        " cote d azur ", " sky sports ",
    ):  # fmt: skip
        assert words.str.contains(phrase, literal=True).any(), phrase


@pytest.mark.parametrize("kind", ["job_ad", "giveaway"])
def test_job_ads_and_giveaways_name_their_brand(feed: pl.DataFrame, kind: str) -> None:
    posts = feed.filter(pl.col("truth_noise") == kind)
    words = posts.select(normalised(pl.col("text")).alias("words"))["words"]
    assert posts["truth_brand"].null_count() == 0
    assert set(posts["truth_brand"]) == set(demo_settings.BRAND_LABELS)
    for brand in demo_settings.BRANDS:
        named = words.str.contains(brand_pattern(brand))
        assert (named == (posts["truth_brand"] == brand.label)).all(), brand.label
    # Hashtag and @handle forms, as in any branded post.
    assert words.str.contains(" airaurore ", literal=True).any()
    assert posts["text"].str.contains("@airaurore", literal=True).any()
    assert posts["text"].str.contains("#AirAurore", literal=True).any()
    assert set(posts["truth_sentiment"]) == set(demo_settings.NOISE_SENTIMENTS[kind])
    assert set(posts["truth_theme"]) == {demo_settings.NOISE_THEMES[kind]}


def test_giveaways_collect_more_engagement(feed: pl.DataFrame) -> None:
    originals = feed.filter(
        pl.col("platform").is_in(["x", "bluesky", "mastodon"]),
        ~pl.col("truth_is_spam"),
        ~pl.col("truth_is_reshare"),
    )
    giveaway = (originals["truth_noise"] == "giveaway").fill_null(False)
    ordinary = originals["truth_noise"].is_null()
    likes = originals["like_count"]
    assert likes.filter(giveaway).median() > 1.5 * likes.filter(ordinary).median()


def test_noise_is_deterministic_and_moves_no_other_post(monkeypatch: pytest.MonkeyPatch) -> None:
    noisy = pl.concat(generate_days(small()))
    assert noisy.equals(pl.concat(generate_days(small())))
    assert noisy["truth_noise"].is_not_null().sum() > 0
    # Noise draws from a stream of its own: without it, every other post is the same.
    monkeypatch.setattr(
        demo_settings, "NOISE_SHARES", dict.fromkeys(demo_settings.NOISE_KINDS, 0.0)
    )
    quiet = pl.concat(generate_days(small()))
    assert quiet["truth_noise"].is_null().all()
    ordinary = noisy["truth_noise"].is_null()
    assert noisy.filter(ordinary).equals(quiet.filter(ordinary))
    assert quiet.height == noisy.height


# --- loading with dlt --------------------------------------------------------------------------


def test_load_into_duckdb_twice_adds_nothing(tmp_path: Path) -> None:
    database = tmp_path / "w.duckdb"
    pipeline = dlt.pipeline(
        pipeline_name="demo_feed_test",
        destination=dlt.destinations.duckdb(str(database)),
        dataset_name="raw",
        pipelines_dir=str(tmp_path / "dlt"),
    )
    source_args = {"mentions": 2_000, "start": date(2026, 9, 1), "end": date(2026, 9, 14)}
    pipeline.run(demo(**source_args))
    pipeline.run(demo(**source_args))

    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute(
            "select count(*), count(distinct post_id) from raw.demo_mentions"
        ).fetchone() == (
            2_000,
            2_000,
        )
        types = dict(
            con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'raw' and table_name = 'demo_mentions'"
            ).fetchall()
        )
        events = con.execute(
            "select kind, brand, day, mentions from raw.demo_injections"
        ).fetchall()
        injection_types = dict(
            con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'raw' and table_name = 'demo_injections'"
            ).fetchall()
        )
    expected = {
        "post_id": "VARCHAR", "platform": "VARCHAR", "url": "VARCHAR",
        "created_at": "TIMESTAMP WITH TIME ZONE", "lang": "VARCHAR", "author_id": "VARCHAR",
        "author_handle": "VARCHAR", "author_name": "VARCHAR", "author_followers": "BIGINT",
        "author_country": "VARCHAR", "title": "VARCHAR", "text": "VARCHAR",
        "like_count": "BIGINT", "share_count": "BIGINT", "comment_count": "BIGINT",
        "reshare_of_post_id": "VARCHAR",
    }  # fmt: skip
    assert {k: v for k, v in types.items() if not k.startswith("_dlt")} == expected
    assert sorted(kind for kind, *_ in events) == ["campaign", "crisis"]
    assert injection_types["day"] == "DATE" and injection_types["mentions"] == "BIGINT"
    crisis = next(e for e in events if e[0] == "crisis")
    assert crisis[1] == "Air Aurore" and crisis[2] == date(2026, 9, 10)


def test_chunks_stay_under_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from ingestion import demo as demo_module

    monkeypatch.setattr(demo_module, "MAX_CHUNK_ROWS", 100)
    tables = list(demo_module.demo_mentions(small(mentions=1_000, end=date(2026, 9, 2))))
    assert sum(t.num_rows for t in tables) == 1_000
    assert max(t.num_rows for t in tables) == 100
    assert all(t.schema.equals(demo_settings.MENTION_SCHEMA) for t in tables)
    assert re.fullmatch(r"demo-20260901-\d{7}", tables[0]["post_id"][0].as_py())
