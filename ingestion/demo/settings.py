"""Constants of the demo feed: who talks, where, in which language, about whom, and how dirty.

Every share below is a probability used by the generator, and every test in
`tests/ingestion/test_demo_feed.py` checks the generated data against these
numbers, so a change here is a change of what the demo claims to simulate.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

# --- size limits -------------------------------------------------------------------------------

MIN_MENTIONS = 1_000
MAX_MENTIONS = 10_000_000
# dlt buffers each yielded table in memory; bounded chunks keep a 10M-row run flat.
MAX_CHUNK_ROWS = 200_000
# Post ids carry a 7-digit per-day counter; the day can never exceed it.
MAX_ROWS_PER_DAY = 10_000_000
TIME_ZONE = "Europe/Paris"
POST_ID_PREFIX = "demo"

# --- brands ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Brand:
    """A fictional airline, with the ways people write its name and their weights."""

    label: str
    handle: str
    hashtag: str
    surface_forms: dict[str, float]


BRANDS: tuple[Brand, ...] = (
    Brand(
        label="Air Aurore",
        handle="@airaurore",
        hashtag="#AirAurore",
        surface_forms={
            "Air Aurore": 0.56,
            "air aurore": 0.08,
            "AIR AURORE": 0.03,
            "Air-Aurore": 0.03,
            "AirAurore": 0.04,
            "#AirAurore": 0.12,
            "@airaurore": 0.14,
        },
    ),
    Brand(
        label="VolAzur",
        handle="@volazur",
        hashtag="#VolAzur",
        surface_forms={
            "VolAzur": 0.46,
            "Vol Azur": 0.18,
            "volazur": 0.07,
            "VOLAZUR": 0.03,
            "#VolAzur": 0.12,
            "@volazur": 0.14,
        },
    ),
    Brand(
        label="EuroSky",
        handle="@eurosky",
        hashtag="#EuroSky",
        surface_forms={
            "EuroSky": 0.55,
            "Eurosky": 0.14,
            "Euro Sky": 0.04,
            "#EuroSky": 0.12,
            "@eurosky": 0.15,
        },
    ),
    Brand(
        label="Alpina Air",
        handle="@alpinaair",
        hashtag="#AlpinaAir",
        surface_forms={
            "Alpina Air": 0.6,
            "alpina air": 0.07,
            "AlpinaAir": 0.05,
            "#AlpinaAir": 0.13,
            "@alpinaair": 0.15,
        },
    ),
)
BRAND_LABELS: tuple[str, ...] = tuple(brand.label for brand in BRANDS)

# Share of posts that name no brand at all: travel chatter, "aurore boréale" photos, ...
BRANDLESS_SHARE = 0.10

# Which airline a branded post talks about, by language: the Italian carrier is
# talked about in Italian, the French one everywhere.
BRAND_SHARES: dict[str, dict[str, float]] = {
    "fr": {"Air Aurore": 0.50, "VolAzur": 0.25, "EuroSky": 0.15, "Alpina Air": 0.10},
    "en": {"Air Aurore": 0.35, "VolAzur": 0.20, "EuroSky": 0.30, "Alpina Air": 0.15},
    "it": {"Air Aurore": 0.25, "VolAzur": 0.15, "EuroSky": 0.15, "Alpina Air": 0.45},
    "es": {"Air Aurore": 0.35, "VolAzur": 0.25, "EuroSky": 0.25, "Alpina Air": 0.15},
    "de": {"Air Aurore": 0.30, "VolAzur": 0.15, "EuroSky": 0.35, "Alpina Air": 0.20},
    "pt": {"Air Aurore": 0.40, "VolAzur": 0.25, "EuroSky": 0.25, "Alpina Air": 0.10},
    "nl": {"Air Aurore": 0.35, "VolAzur": 0.20, "EuroSky": 0.35, "Alpina Air": 0.10},
}

# --- sentiment and themes ----------------------------------------------------------------------

SENTIMENTS: tuple[str, ...] = ("negative", "neutral", "positive")

# Intended sentiment of a post, by brand; the brand under study has the worst reputation.
SENTIMENT_SHARES: dict[str | None, dict[str, float]] = {
    "Air Aurore": {"negative": 0.34, "neutral": 0.40, "positive": 0.26},
    "VolAzur": {"negative": 0.25, "neutral": 0.40, "positive": 0.35},
    "EuroSky": {"negative": 0.28, "neutral": 0.42, "positive": 0.30},
    "Alpina Air": {"negative": 0.22, "neutral": 0.43, "positive": 0.35},
    None: {"negative": 0.25, "neutral": 0.50, "positive": 0.25},
}

# The four listened themes carry the names of their topics in listening.yml; the
# others are context that no topic listens for. "general" posts have no theme (null).
LISTENED_THEMES: tuple[str, ...] = ("delays", "customer_service", "prices", "baggage")
THEMES: tuple[str, ...] = (*LISTENED_THEMES, "crew", "food", "app", "travel", "general")
NO_THEME = "general"

THEME_SHARES: dict[str, dict[str, float]] = {
    "negative": {
        "delays": 0.28,
        "customer_service": 0.20,
        "prices": 0.10,
        "baggage": 0.14,
        "crew": 0.04,
        "food": 0.04,
        "app": 0.06,
        "travel": 0.03,
        "general": 0.11,
    },
    "neutral": {
        "delays": 0.07,
        "customer_service": 0.05,
        "prices": 0.18,
        "baggage": 0.08,
        "crew": 0.05,
        "food": 0.05,
        "app": 0.09,
        "travel": 0.28,
        "general": 0.15,
    },
    "positive": {
        "delays": 0.03,
        "customer_service": 0.06,
        "prices": 0.12,
        "baggage": 0.03,
        "crew": 0.18,
        "food": 0.10,
        "app": 0.07,
        "travel": 0.16,
        "general": 0.25,
    },
}

# --- injected events ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EventSpec:
    """A spike of one brand's volume on one day, with its own sentiment and themes.

    `extra_volume` is the spike in multiples of the brand's usual daily volume:
    the brand's volume that day is about (1 + extra_volume) times its usual one.
    `position` places the day in the window (0 = first day, 1 = last day).
    `first_hour` is when the story breaks (Paris time); its posts decay after it.
    """

    event_id: str
    kind: str
    brand: str
    sentiment: str
    position: float
    extra_volume: float
    first_hour: float
    sentiment_shares: dict[str, float]
    theme_shares: dict[str, float]
    hashtags: tuple[str, ...]


EVENTS: tuple[EventSpec, ...] = (
    EventSpec(
        event_id="crisis-air-aurore",
        kind="crisis",
        brand="Air Aurore",
        sentiment="negative",
        position=2 / 3,
        extra_volume=7.0,
        first_hour=7.0,
        sentiment_shares={"negative": 0.93, "neutral": 0.06, "positive": 0.01},
        theme_shares={"delays": 0.6, "customer_service": 0.3, "baggage": 0.1},
        hashtags=("#panne", "#chaos", "#AirAuroreGate", "#CDG", ""),
    ),
    EventSpec(
        event_id="campaign-volazur",
        kind="campaign",
        brand="VolAzur",
        sentiment="positive",
        position=1 / 3,
        extra_volume=7.0,
        first_hour=9.0,
        sentiment_shares={"negative": 0.02, "neutral": 0.08, "positive": 0.90},
        theme_shares={"prices": 0.45, "travel": 0.3, "general": 0.25},
        hashtags=("#AzurDays", "#AzurDays", "#promo", ""),
    ),
)
# Below this many days a median baseline means little and a spike has nowhere to
# stand out from: the events are skipped (and `demo_injections` is empty).
MIN_DAYS_FOR_EVENTS = 7

# --- platforms ---------------------------------------------------------------------------------

PLATFORMS: tuple[str, ...] = (
    "x",
    "reddit",
    "mastodon",
    "bluesky",
    "youtube",
    "news",
    "blog",
    "forum",
    "review",
)
PLATFORM_SHARES: dict[str, float] = {
    "x": 0.36,
    "reddit": 0.11,
    "mastodon": 0.05,
    "bluesky": 0.07,
    "youtube": 0.10,
    "news": 0.10,
    "blog": 0.05,
    "forum": 0.08,
    "review": 0.08,
}
SOCIAL_PLATFORMS: tuple[str, ...] = ("x", "reddit", "mastodon", "bluesky", "youtube")
# Platforms whose posts carry a title (the others have none: null).
TITLED_PLATFORMS: tuple[str, ...] = ("news", "blog", "forum", "review")
# Platforms written in the press register (ledes rather than posts).
PRESS_PLATFORMS: tuple[str, ...] = ("news",)
# Platforms where a repost is a post of its own with a pointer to the original.
RESHARE_PLATFORMS: tuple[str, ...] = ("x", "mastodon", "bluesky")
# Platforms where spam bots live.
SPAM_PLATFORMS: tuple[str, ...] = ("x", "bluesky", "youtube", "mastodon")

# Volume by weekday (Monday first) relative to the platform's average day: people
# post more on weekends, newsrooms and bloggers publish less.
SOCIAL_WEEK = (0.94, 0.93, 0.94, 0.96, 1.03, 1.12, 1.08)
PRESS_WEEK = (1.12, 1.14, 1.14, 1.12, 1.05, 0.66, 0.57)
FLAT_WEEK = (1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
WEEKDAY_FACTORS: dict[str, tuple[float, ...]] = {
    "x": SOCIAL_WEEK,
    "reddit": SOCIAL_WEEK,
    "mastodon": SOCIAL_WEEK,
    "bluesky": SOCIAL_WEEK,
    "youtube": SOCIAL_WEEK,
    "news": PRESS_WEEK,
    "blog": PRESS_WEEK,
    "forum": FLAT_WEEK,
    "review": FLAT_WEEK,
}
# Day-to-day noise on top of the weekly pattern (log-normal sigma).
DAILY_NOISE = 0.06

# Authors per post, relative: a newsroom publishes many articles, a reviewer one review.
AUTHOR_DENSITY: dict[str, float] = {
    "x": 1.0,
    "reddit": 1.0,
    "mastodon": 1.0,
    "bluesky": 1.0,
    "youtube": 1.2,
    "news": 0.05,
    "blog": 0.4,
    "forum": 0.8,
    "review": 1.6,
}

# Which engagement counts a platform's API reports: (likes, shares, comments).
METRICS: dict[str, tuple[bool, bool, bool]] = {
    "x": (True, True, True),
    "reddit": (True, False, True),
    "mastodon": (True, True, True),
    "bluesky": (True, True, True),
    "youtube": (True, False, True),
    "news": (False, False, True),
    "blog": (False, False, True),
    "forum": (True, False, True),
    "review": (True, False, False),
}

# Posts per hour of the day, Paris time (0h first): a night trough from 2 to 6 am,
# peaks at lunch and in the evening; newsrooms publish in the morning.
SOCIAL_HOURS = (
    3.0, 1.8, 0.8, 0.45, 0.35, 0.55, 1.4, 3.2, 4.8, 5.2, 5.3, 5.8,
    7.0, 7.2, 5.6, 5.0, 5.0, 5.6, 6.6, 7.3, 7.8, 7.6, 6.2, 4.6,
)  # fmt: skip
PRESS_HOURS = (
    0.6, 0.3, 0.2, 0.2, 0.3, 0.9, 3.5, 6.5, 7.5, 7.0, 6.0, 5.5,
    5.5, 4.5, 4.5, 4.8, 4.8, 5.0, 5.0, 4.0, 3.0, 2.5, 1.8, 1.2,
)  # fmt: skip

# --- languages and authors ---------------------------------------------------------------------

LANGUAGES: tuple[str, ...] = ("fr", "en", "it", "es", "de", "pt", "nl")
LANGUAGE_SHARES: dict[str, float] = {
    "fr": 0.45,
    "en": 0.25,
    "it": 0.08,
    "es": 0.08,
    "de": 0.08,
    "pt": 0.03,
    "nl": 0.03,
}
# Where the authors of a language live (ISO 3166-1 alpha-2).
COUNTRY_SHARES: dict[str, dict[str, float]] = {
    "fr": {"FR": 0.86, "BE": 0.06, "CH": 0.04, "CA": 0.04},
    "en": {"GB": 0.45, "US": 0.35, "IE": 0.1, "FR": 0.1},
    "it": {"IT": 0.92, "CH": 0.05, "FR": 0.03},
    "es": {"ES": 0.75, "MX": 0.12, "AR": 0.08, "FR": 0.05},
    "de": {"DE": 0.78, "AT": 0.12, "CH": 0.10},
    "pt": {"PT": 0.6, "BR": 0.35, "FR": 0.05},
    "nl": {"NL": 0.75, "BE": 0.25},
}


def author_count(mentions: int) -> int:
    """Size of the author population for a feed of `mentions` posts."""
    return max(500, mentions // 6)


# Author kinds and their share of the authors of a social platform.
INFLUENCER_SHARE = 0.006
SPAM_SHARE_ON_SPAM_PLATFORMS = 0.04  # about 2.5% of all authors
# Followers are log-normal per kind: (median, sigma). The mix gives a heavy tail:
# most people below 500, media and influencers above a million.
FOLLOWERS: dict[str, tuple[float, float]] = {
    "person": (170.0, 1.5),
    "influencer": (140_000.0, 1.3),
    "media": (60_000.0, 1.4),
    "spam": (25.0, 1.0),
}
# How often an author posts, relative; log-normal sigma gives a few very active people.
ACTIVITY: dict[str, tuple[float, float]] = {
    "person": (1.0, 1.0),
    "influencer": (3.0, 0.5),
    "media": (1.0, 0.6),
    "spam": (1.2, 0.3),
}

# --- copies ------------------------------------------------------------------------------------

RESHARE_SHARE = 0.10  # of the posts on RESHARE_PLATFORMS
RT_PREFIX_PLATFORMS: tuple[str, ...] = ("x",)  # others repeat the text as is
SYNDICATED_SHARE = 0.18  # of news articles: agency copy with small edits
SPAM_LINK_ONLY_SHARE = 0.45  # of spam posts; the others are duplicated promos

# --- noise: posts that fool a keyword search -----------------------------------------------------

# Some ordinary posts (neither spam, copies nor part of an event's spike) are
# replaced by noise that a listening query has to get right:
#   lookalike  the brands' words without an airline: the northern lights ("aurore
#              boréale", "aurora borealis"), people named Aurore or Aurora, the TV
#              series "Aurore", the Côte d'Azur, Sky TV, the Via Alpina (no brand);
#   job_ad     a brand or a recruiter hiring crew (names the brand);
#   giveaway   "RT + follow to win 2 tickets" contests (names the brand).
# Copies of a noise post are noise of the same kind.
NOISE_KINDS: tuple[str, ...] = ("lookalike", "job_ad", "giveaway")
# Share of all ordinary posts: 4% in all.
NOISE_SHARES: dict[str, float] = {"lookalike": 0.02, "job_ad": 0.01, "giveaway": 0.01}
# Where each kind is posted (only there, so more often than its share there): no
# review site carries a job ad, no newsroom runs a contest.
NOISE_PLATFORMS: dict[str, tuple[str, ...]] = {
    "lookalike": ("x", "reddit", "mastodon", "bluesky", "youtube", "news", "blog", "forum"),
    "job_ad": ("x", "reddit", "mastodon", "bluesky", "news", "blog", "forum"),
    "giveaway": ("x", "mastodon", "bluesky", "youtube", "blog"),
}
# The sentiments a kind's templates may carry (each template has its own): job ads
# inform, contests cheer, lookalikes say anything.
NOISE_SENTIMENTS: dict[str, tuple[str, ...]] = {
    "lookalike": SENTIMENTS,
    "job_ad": ("neutral",),
    "giveaway": ("positive",),
}
# The theme of each kind: no listened theme, so a theme topic never matches noise.
NOISE_THEMES: dict[str, str] = {"lookalike": "general", "job_ad": "crew", "giveaway": "travel"}
# "Like & retweet to enter": contests collect far more engagement than their authors' audience.
GIVEAWAY_ENGAGEMENT_BOOST = 4.0

# --- dirty data, as real APIs deliver it -------------------------------------------------------

NULL_LANG_SHARE = 0.05
DIRTY_LANG_SHARE = 0.04  # wrong case, regional code, "und" or empty
NULL_FOLLOWERS_SHARE = 0.04
NULL_URL_SHARE = 0.015
HTML_SHARE = 0.05  # of posts on HTML_PLATFORMS
HTML_PLATFORMS: tuple[str, ...] = ("news", "blog", "forum")
NULL_COUNTRY_SHARE = 0.10
EMPTY_NAME_SHARE = 0.03
NULL_NAME_SHARE = 0.02
SHOUTING_SHARE = 0.05  # of negative social posts, written in capitals
LOWERCASE_SHARE = 0.08  # of social posts, written all in lower case

# --- output contract ---------------------------------------------------------------------------

MENTION_SCHEMA = pa.schema(
    [
        pa.field("post_id", pa.string(), nullable=False),
        pa.field("platform", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("created_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("lang", pa.string()),
        pa.field("author_id", pa.string(), nullable=False),
        pa.field("author_handle", pa.string()),
        pa.field("author_name", pa.string()),
        pa.field("author_followers", pa.int64()),
        pa.field("author_country", pa.string()),
        pa.field("title", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("like_count", pa.int64()),
        pa.field("share_count", pa.int64()),
        pa.field("comment_count", pa.int64()),
        pa.field("reshare_of_post_id", pa.string()),
    ]
)
TRUTH_COLUMNS: tuple[str, ...] = (
    "truth_lang",
    "truth_sentiment",
    "truth_brand",
    "truth_theme",
    "truth_is_spam",
    "truth_is_reshare",
    "truth_is_syndicated",
    "truth_copy_of_post_id",
    "truth_noise",
)


def _dlt_type(arrow_type: pa.DataType) -> dict[str, object]:
    if pa.types.is_timestamp(arrow_type):
        return {"data_type": "timestamp", "timezone": True, "precision": 6}
    if pa.types.is_int64(arrow_type):
        return {"data_type": "bigint"}
    return {"data_type": "text"}


# dlt column hints derived from the arrow schema, so the two can never disagree.
MENTION_COLUMNS: dict[str, dict[str, object]] = {
    field.name: {**_dlt_type(field.type), "nullable": field.nullable} for field in MENTION_SCHEMA
}
INJECTION_COLUMNS: dict[str, dict[str, object]] = {
    "event_id": {"data_type": "text", "nullable": False},
    "kind": {"data_type": "text", "nullable": False},
    "brand": {"data_type": "text", "nullable": False},
    "day": {"data_type": "date", "nullable": False},
    "sentiment": {"data_type": "text", "nullable": False},
    "mentions": {"data_type": "bigint", "nullable": False},
    "baseline_mentions": {"data_type": "bigint", "nullable": False},
}
