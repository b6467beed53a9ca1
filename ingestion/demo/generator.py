"""A simulated social web about a fictional French airline, generated day by day, vectorised.

Each day is generated on its own from `np.random.default_rng([seed, day.toordinal()])`
and the day's number of posts, which is a deterministic share of `mentions`. So
the same day with the same count always gives the same rows (and post ids),
whatever window it is generated in; the loader merges on `post_id`.

A day is built in two passes:

1. the skeleton: who posts (platform, language, author), about what (brand,
   sentiment, theme, template), which ordinary posts are noise (lookalikes, job
   ads, giveaways), when, and which posts copy another (reshares, syndicated
   news). This is the ground truth; `injected_events` needs only it.
2. the rendering: text and title from the templates, URLs, engagement, and the
   dirt real APIs deliver (wrong language codes, HTML entities, missing fields).

Both passes are numpy/polars on whole columns: the only Python loops run over
days, languages, platforms and template slots, never over posts.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import polars as pl
import pyarrow as pa

from ingestion.demo import settings as s
from ingestion.demo import vocabulary as v

log = logging.getLogger(__name__)

# Random streams besides the per-day ones. Day ordinals stay below 4 million, so
# these can never collide with a day's `[seed, ordinal]`.
_AUTHORS_STREAM = 1_000_000_001
_SPAM_STREAM = 1_000_000_002
_DAY_NOISE_STREAM = 1_000_000_003
# Noise posts draw from `[seed, ordinal, _NOISE_POSTS_STREAM, step]`, never from the
# day's stream: adding them left every other post exactly as it was.
_NOISE_POSTS_STREAM = 1_000_000_004
_MAX_DAYS = 3_660

LANGS = s.LANGUAGES
PLATFORMS = s.PLATFORMS
N_LANG, N_PLATFORM, N_SENT, N_THEME = len(LANGS), len(PLATFORMS), len(s.SENTIMENTS), len(s.THEMES)
_P = {name: i for i, name in enumerate(PLATFORMS)}
_SENT = {name: i for i, name in enumerate(s.SENTIMENTS)}
_THEME = {name: i for i, name in enumerate(s.THEMES)}
_BRAND = {brand.label: i for i, brand in enumerate(s.BRANDS)}
_SOCIAL, _PRESS = 0, 1
_PERSON, _INFLUENCER, _MEDIA, _SPAM = 0, 1, 2, 3
_KINDS = ("person", "influencer", "media", "spam")
_NOISE = {name: i for i, name in enumerate(s.NOISE_KINDS)}
N_NOISE = len(s.NOISE_KINDS)
_NO_NOISE = -1


# --- parameters --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoParams:
    """What to generate: `mentions` posts over the days `start`..`end` (inclusive), from `seed`."""

    mentions: int
    start: date
    end: date
    seed: int = 42

    def __post_init__(self) -> None:
        # Config files and CLIs hand over ISO strings and datetimes; accept them once, here.
        for name in ("start", "end"):
            value = getattr(self, name)
            if isinstance(value, str):
                try:
                    value = date.fromisoformat(value)
                except ValueError:
                    raise ValueError(
                        f"demo feed: {name}={value!r} is not a date; write it as YYYY-MM-DD"
                    ) from None
            if isinstance(value, datetime):
                value = value.date()
            if not isinstance(value, date):
                raise TypeError(f"demo feed: {name} must be a date, got {type(value).__name__}")
            object.__setattr__(self, name, value)
        if isinstance(self.mentions, bool) or not isinstance(self.mentions, int):
            raise TypeError(f"demo feed: mentions must be an integer, got {self.mentions!r}")
        if not s.MIN_MENTIONS <= self.mentions <= s.MAX_MENTIONS:
            raise ValueError(
                f"demo feed: mentions={self.mentions:,} is out of range; choose between "
                f"{s.MIN_MENTIONS:,} and {s.MAX_MENTIONS:,}"
            )
        if self.end < self.start:
            raise ValueError(
                f"demo feed: end ({self.end}) is before start ({self.start}); swap them"
            )
        if self.n_days > _MAX_DAYS:
            raise ValueError(
                f"demo feed: the window {self.start}..{self.end} has {self.n_days} days; "
                f"keep it under {_MAX_DAYS} (ten years)"
            )
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise ValueError(f"demo feed: seed must be a non-negative integer, got {self.seed!r}")

    @property
    def n_days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.n_days)]


# --- small vectorised helpers ------------------------------------------------------------------


def _cumulative(probabilities: np.ndarray) -> np.ndarray:
    """Row-normalised cumulative probabilities, the last column forced to 1."""
    probabilities = np.asarray(probabilities, dtype=np.float64)
    cumulative = np.cumsum(probabilities / probabilities.sum(axis=-1, keepdims=True), axis=-1)
    cumulative[..., -1] = 1.0
    return cumulative


def _sample_rows(cumulative: np.ndarray, u: np.ndarray) -> np.ndarray:
    """One categorical draw per row, each row with its own cumulative distribution."""
    return (u[:, None] >= cumulative[:, :-1]).sum(axis=1)


def _sample(probabilities: Sequence[float], rng: np.random.Generator, n: int) -> np.ndarray:
    return np.searchsorted(_cumulative(np.asarray(probabilities)), rng.random(n), side="right")


def _largest_remainder(weights: np.ndarray, total: int) -> np.ndarray:
    """Split `total` into integers proportional to `weights` that sum exactly to `total`."""
    exact = weights / weights.sum() * total
    counts = np.floor(exact).astype(np.int64)
    # Ties broken by position (stable sort) so the split is fully deterministic.
    remainder_order = np.argsort(-(exact - counts), kind="stable")
    counts[remainder_order[: total - counts.sum()]] += 1
    return counts


_BASE36 = np.frombuffer(b"0123456789abcdefghijklmnopqrstuvwxyz", dtype=np.uint8)
_BASE32 = np.frombuffer(b"234567abcdefghijklmnopqrstuvwxyz", dtype=np.uint8)
_BASE64URL = np.frombuffer(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", dtype=np.uint8
)


def _tokens(rng: np.random.Generator, n: int, length: int, alphabet: np.ndarray) -> pl.Series:
    """`n` random strings of `length` characters of `alphabet` (ids in URLs)."""
    codes = alphabet[rng.integers(0, len(alphabet), (n, length))]
    return pl.Series(np.ascontiguousarray(codes).view(f"S{length}").ravel()).cast(pl.String)


def _ascii_slug(text: pl.Expr) -> pl.Expr:
    """Lower-case ASCII words joined by "-", as in the path of an article URL."""
    return (
        text.str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.to_lowercase()
        .str.replace_all(r"[^a-z0-9]+", "-")
        .str.slice(0, 60)
        .str.strip_chars("-")
    )


def _ascii_words(names: pl.Series) -> pl.Series:
    """ "Hélène" -> "helene", "de Jong" -> "dejong": names as they appear in handles."""
    return names.to_frame("name").select(_ascii_slug(pl.col("name")).str.replace_all("-", ""))[
        "name"
    ]


@dataclass(frozen=True)
class _Pool:
    """Strings in groups (one group per language, per sentiment, ...), drawn by group."""

    values: pl.Series
    offsets: np.ndarray
    sizes: np.ndarray

    @classmethod
    def of(cls, groups: Sequence[Sequence[str]]) -> _Pool:
        sizes = np.array([len(group) for group in groups], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        values = pl.Series([value for group in groups for value in group], dtype=pl.String)
        return cls(values, offsets, sizes)

    @classmethod
    def weighted(cls, groups: Sequence[dict[str, float]], resolution: int = 400) -> _Pool:
        """Each value repeated in proportion to its weight, so a uniform draw is weighted."""
        expanded = []
        for group in groups:
            total = sum(group.values())
            expanded.append(
                [
                    value
                    for value, weight in group.items()
                    for _ in range(max(1, round(weight / total * resolution)))
                ]
            )
        return cls.of(expanded)

    def index(self, group: np.ndarray, u: np.ndarray) -> np.ndarray:
        return self.offsets[group] + (u * self.sizes[group]).astype(np.int64)

    def draw(self, group: np.ndarray, rng: np.random.Generator) -> pl.Series:
        return self.values.gather(self.index(group, rng.random(len(group))))


# --- vocabulary, compiled once -----------------------------------------------------------------


@dataclass(frozen=True)
class _Vocabulary:
    templates: _Pool  # group: (lang, register, sentiment, theme, branded)
    available: np.ndarray  # bool [lang, register, sentiment, branded, theme]
    titles: _Pool  # group: (lang, sentiment, branded)
    topics: _Pool  # group: (lang, theme); "general" borrows the travel words
    brand_forms: _Pool  # group: brand
    brand_hashtags: pl.Series  # by brand
    cities: _Pool
    routes: _Pool
    emoji: _Pool  # group: sentiment
    hashtags: _Pool  # group: lang
    event_hashtags: _Pool  # group: event
    credits: _Pool  # group: lang
    dirty_lang: _Pool  # group: lang
    subreddits: _Pool
    sections: _Pool
    forum_sites: pl.Series
    review_sites: pl.Series
    noise_templates: _Pool  # group: (noise kind, lang, register)
    noise_sentiment: np.ndarray  # sentiment of each template, aligned with noise_templates.values
    noise_titles: _Pool  # group: (noise kind, lang)
    brand_handles: pl.Series  # by brand
    aurora_places: _Pool  # group: lang
    surnames: _Pool  # group: lang
    job_roles: _Pool  # group: lang
    job_bases: _Pool  # group: lang
    prizes: _Pool  # group: lang


def _template_key(lang: int, register: int, sentiment: int, theme: int, branded: int) -> int:
    return int(np.ravel_multi_index((lang, register, sentiment, theme, branded), _TEMPLATE_SHAPE))


_TEMPLATE_SHAPE = (N_LANG, 2, N_SENT, N_THEME, 2)


@functools.cache
def _vocabulary() -> _Vocabulary:
    groups: list[list[str]] = [[] for _ in range(int(np.prod(_TEMPLATE_SHAPE)))]
    specific_themes = [t for t in s.THEMES if t != s.NO_THEME]
    for li, lang in enumerate(LANGS):
        for ri, register in enumerate(("social", "press")):
            for si, sentiment in enumerate(s.SENTIMENTS):
                by_theme = v.TEXTS[lang][register][sentiment]
                for theme, texts in by_theme.items():
                    themes = specific_themes if theme == "*" else [theme]
                    for text in texts:
                        if (theme == "*") != ("{topic}" in text):
                            raise ValueError(f"vocabulary: {lang}/{theme}: {text!r} ({{topic}})")
                        branded = int("{brand}" in text)
                        for t in themes:
                            groups[_template_key(li, ri, si, _THEME[t], branded)].append(text)
    templates = _Pool.of(groups)
    available = (templates.sizes > 0).reshape(_TEMPLATE_SHAPE).transpose(0, 1, 2, 4, 3)
    empty = np.argwhere(~available.any(axis=-1))
    if len(empty):
        lang, register, sentiment, branded = empty[0]
        raise ValueError(
            f"vocabulary: no template for {LANGS[lang]}, register {register}, "
            f"{s.SENTIMENTS[sentiment]}, branded={bool(branded)}"
        )
    titles = _Pool.of(
        [
            list(v.TITLES[lang][sentiment][1 - branded])
            for lang in LANGS
            for sentiment in s.SENTIMENTS
            for branded in (0, 1)
        ]
    )
    topics = _Pool.of(
        [
            list(v.TOPIC_WORDS[lang]["travel" if theme == s.NO_THEME else theme])
            for lang in LANGS
            for theme in s.THEMES
        ]
    )
    noise_templates, noise_sentiment = _noise_templates()
    return _Vocabulary(
        templates=templates,
        available=available,
        titles=titles,
        topics=topics,
        brand_forms=_Pool.weighted([brand.surface_forms for brand in s.BRANDS]),
        brand_hashtags=pl.Series([brand.hashtag for brand in s.BRANDS]),
        cities=_Pool.of([v.CITIES[lang] for lang in LANGS]),
        routes=_Pool.of([v.ROUTES]),
        emoji=_Pool.of([v.EMOJI[sentiment] for sentiment in s.SENTIMENTS]),
        hashtags=_Pool.of([v.HASHTAGS[lang] for lang in LANGS]),
        event_hashtags=_Pool.of([event.hashtags for event in s.EVENTS]),
        credits=_Pool.of([v.AGENCY_CREDITS[lang] for lang in LANGS]),
        dirty_lang=_Pool.of([v.DIRTY_LANG_CODES[lang] for lang in LANGS]),
        subreddits=_Pool.of([v.SUBREDDITS[lang] for lang in LANGS]),
        sections=_Pool.of([v.NEWS_SECTIONS[lang] for lang in LANGS]),
        forum_sites=pl.Series([v.FORUM_SITES[lang] for lang in LANGS]),
        review_sites=pl.Series([v.REVIEW_SITES[lang] for lang in LANGS]),
        noise_templates=noise_templates,
        noise_sentiment=noise_sentiment,
        noise_titles=_Pool.of(
            [v.NOISE_TITLES[kind][lang] for kind in s.NOISE_KINDS for lang in LANGS]
        ),
        brand_handles=pl.Series([brand.handle for brand in s.BRANDS]),
        aurora_places=_Pool.of([v.AURORA_PLACES[lang] for lang in LANGS]),
        surnames=_Pool.of([v.LAST_NAMES[lang] for lang in LANGS]),
        job_roles=_Pool.of([v.JOB_ROLES[lang] for lang in LANGS]),
        job_bases=_Pool.of([v.JOB_BASES[lang] for lang in LANGS]),
        prizes=_Pool.of([v.PRIZES[lang] for lang in LANGS]),
    )


def _noise_templates() -> tuple[_Pool, np.ndarray]:
    """NOISE_TEXTS grouped by (kind, lang, register), with each template's sentiment.

    Checked here, once: every kind has templates wherever it is posted, in the
    sentiments settings allow it, with known slots, and names a brand exactly
    when it should.
    """
    texts: list[list[str]] = [[] for _ in range(N_NOISE * N_LANG * 2)]
    sentiments: list[list[int]] = [[] for _ in range(N_NOISE * N_LANG * 2)]
    for ki, kind in enumerate(s.NOISE_KINDS):
        registers = {int(p in s.PRESS_PLATFORMS) for p in s.NOISE_PLATFORMS[kind]}
        for li, lang in enumerate(LANGS):
            for ri, register in enumerate(("social", "press")):
                where = f"vocabulary: NOISE_TEXTS[{kind!r}][{lang!r}][{register!r}]"
                by_sentiment = v.NOISE_TEXTS[kind].get(lang, {}).get(register, {})
                if ri in registers and not any(by_sentiment.values()):
                    raise ValueError(
                        f"{where}: no template, yet {kind} posts appear on "
                        f"{', '.join(s.NOISE_PLATFORMS[kind])}; write one or drop the platform"
                    )
                for sentiment, templates in by_sentiment.items():
                    if sentiment not in s.NOISE_SENTIMENTS[kind]:
                        raise ValueError(
                            f"{where}[{sentiment!r}]: {kind} posts are "
                            f"{' or '.join(s.NOISE_SENTIMENTS[kind])} (settings.NOISE_SENTIMENTS)"
                        )
                    for text in templates:
                        unknown = set(re.findall(r"\{(\w+)\}", text)) - set(_NOISE_SLOTS)
                        names_brand = "{brand}" in text
                        if unknown or names_brand == (kind == "lookalike"):
                            raise ValueError(
                                f"{where}: {text!r}: "
                                + (
                                    f"unknown slot(s) {sorted(unknown)}"
                                    if unknown
                                    else "a lookalike names no {brand}, other noise always does"
                                )
                            )
                        group = (ki * N_LANG + li) * 2 + ri
                        texts[group].append(text)
                        sentiments[group].append(_SENT[sentiment])
    flat = [sentiment for group in sentiments for sentiment in group]
    return _Pool.of(texts), np.array(flat, dtype=np.int64)


# --- authors: one population per (seed, size), shared by every day ----------------------------


@dataclass(frozen=True)
class _Authors:
    platform: np.ndarray
    lang: np.ndarray
    kind: np.ndarray
    followers: np.ndarray
    activity_cumsum: np.ndarray  # authors are sorted by (platform, lang) group
    group_start: np.ndarray  # per group: index of its first author
    group_end: np.ndarray
    author_id: pl.Series
    handle: pl.Series  # as the platform shows it; null for newsrooms
    base_handle: pl.Series  # never null: what @mentions and URLs use
    name: pl.Series
    country: pl.Series
    site: pl.Series  # newsroom domain, blog host, Mastodon instance

    @property
    def size(self) -> int:
        return len(self.platform)

    def pick(self, platform: np.ndarray, lang: np.ndarray, u: np.ndarray) -> np.ndarray:
        """An author of each row's (platform, language), weighted by how much they post."""
        group = platform * N_LANG + lang
        start, end = self.group_start[group], self.group_end[group]
        before = np.where(start > 0, self.activity_cumsum[start - 1], 0.0)
        target = before + u * (self.activity_cumsum[end - 1] - before)
        chosen = np.searchsorted(self.activity_cumsum, target, side="right")
        return np.clip(chosen, start, end - 1)


def _lognormal(rng: np.random.Generator, kind: np.ndarray, table: dict[str, tuple]) -> np.ndarray:
    median = np.array([table[k][0] for k in _KINDS])[kind]
    sigma = np.array([table[k][1] for k in _KINDS])[kind]
    return median * np.exp(sigma * rng.standard_normal(len(kind)))


@functools.lru_cache(maxsize=4)
def _authors(seed: int, size: int) -> _Authors:
    rng = np.random.default_rng([seed, _AUTHORS_STREAM])
    weights = np.array(
        [
            s.PLATFORM_SHARES[p] * s.AUTHOR_DENSITY[p] * s.LANGUAGE_SHARES[lang]
            for p in PLATFORMS
            for lang in LANGS
        ]
    )
    # Every (platform, language) gets at least one author so that any post can be written.
    group_sizes = 1 + _largest_remainder(weights, size - len(weights))
    group = np.repeat(np.arange(len(weights)), group_sizes)
    platform, lang = group // N_LANG, group % N_LANG
    n = len(group)

    u = rng.random(n)
    on_spam_platform = np.isin(platform, [_P[p] for p in s.SPAM_PLATFORMS])
    on_social_or_blog = np.isin(platform, [_P[p] for p in (*s.SOCIAL_PLATFORMS, "blog")])
    kind = np.full(n, _PERSON, dtype=np.int64)
    kind[on_social_or_blog & (u < s.INFLUENCER_SHARE)] = _INFLUENCER
    kind[on_spam_platform & (u > 1 - s.SPAM_SHARE_ON_SPAM_PLATFORMS)] = _SPAM
    kind[platform == _P["news"]] = _MEDIA
    followers = np.round(_lognormal(rng, kind, s.FOLLOWERS)).astype(np.int64)
    activity = _lognormal(rng, kind, s.ACTIVITY)
    group_end = np.cumsum(group_sizes)

    first_names = _Pool.of([v.FIRST_NAMES[x] for x in LANGS])
    last_names = _Pool.of([v.LAST_NAMES[x] for x in LANGS])
    first = first_names.index(lang, rng.random(n))
    last = last_names.index(lang, rng.random(n))
    names = pl.DataFrame(
        {
            "first": first_names.values.gather(first),
            "last": last_names.values.gather(last),
            # Handles are ASCII; transliterate the few names once, not once per author.
            "ascii_first": _ascii_words(first_names.values).gather(first),
            "ascii_last": _ascii_words(last_names.values).gather(last),
            "word": _Pool.of([v.HANDLE_WORDS[x] for x in LANGS]).draw(lang, rng),
            "handle_style": rng.integers(0, 6, n),
            "name_style": _sample([55, 15, 10, 7, 8, 3, 2], rng, n),
            "number": rng.integers(0, 10_000, n),
            "outlet": rng.random(n),
            "platform": pl.Series(PLATFORMS).gather(platform),
            "country": _Pool.weighted([s.COUNTRY_SHARES[x] for x in LANGS]).draw(lang, rng),
            "no_country": rng.random(n) < s.NULL_COUNTRY_SHARE,
            "blog_host": _Pool.of([v.BLOG_HOSTS[x] for x in LANGS]).draw(lang, rng),
            "instance": _Pool.of([v.MASTODON_INSTANCES[x] for x in LANGS]).draw(lang, rng),
            # Multiplying by a number coprime with 10 permutes 0..10^11-1: unique, random-looking.
            "numeric_id": (np.arange(n, dtype=np.int64) * 7_654_321_987 + seed * 104_729) % 10**11,
        }
    )
    outlets = [outlet for x in LANGS for outlet in v.NEWS_OUTLETS[x]]
    outlet_offset = np.cumsum([0] + [len(v.NEWS_OUTLETS[x]) for x in LANGS])[:-1]
    outlet_size = np.array([len(v.NEWS_OUTLETS[x]) for x in LANGS])
    outlet_index = outlet_offset[lang] + (names["outlet"].to_numpy() * outlet_size[lang]).astype(
        int
    )
    ascii_first, ascii_last = pl.col("ascii_first"), pl.col("ascii_last")
    number = pl.col("number")
    style = pl.col("handle_style")
    raw_handle = (
        pl.when(style == 0)
        .then(pl.concat_str(ascii_first, pl.lit("_"), ascii_last))
        .when(style == 1)
        .then(pl.concat_str(ascii_first, ascii_last, (number % 100).cast(pl.String).str.zfill(2)))
        .when(style == 2)
        .then(pl.concat_str(ascii_first, pl.lit("_"), ascii_last.str.slice(0, 1), number % 100))
        .when(style == 3)
        .then(pl.concat_str(pl.col("word"), pl.lit("_"), ascii_first))
        .when(style == 4)
        .then(pl.concat_str(pl.col("first").str.slice(0, 1).str.to_uppercase(), ascii_last, number))
        .otherwise(pl.concat_str(pl.col("word"), number % 1000))
    )
    name_style = pl.col("name_style")
    display_name = (
        pl.when(pl.col("platform") == "reddit")
        .then(None)
        .when(pl.col("platform") == "news")
        .then(
            pl.when(pl.col("outlet") < 0.6)
            .then(pl.Series([o[0] for o in outlets]).gather(outlet_index))
            .otherwise(pl.concat_str(pl.col("first"), pl.lit(" "), pl.col("last")))
        )
        .when(name_style == 0)
        .then(pl.concat_str(pl.col("first"), pl.lit(" "), pl.col("last")))
        .when(name_style == 1)
        .then(pl.col("first"))
        .when(name_style == 2)
        .then(
            pl.concat_str(pl.col("first"), pl.lit(" "), pl.col("last").str.slice(0, 1), pl.lit("."))
        )
        .when(name_style == 3)
        .then(pl.concat_str(pl.col("first"), pl.lit(" ✈️")))
        .when(name_style == 4)
        .then(pl.col("handle"))
        .when(name_style == 5)
        .then(pl.lit(""))
        .otherwise(None)
    )
    platform_col = pl.col("platform")
    table = (
        names.with_columns(handle=raw_handle)
        # Handles are unique on a platform: a taken one gets a number, as sign-up forms do.
        .with_columns(taken=pl.int_range(pl.len()).over("handle"))
        .with_columns(
            handle=pl.when(pl.col("taken") > 0)
            .then(pl.concat_str("handle", pl.lit("_"), "taken"))
            .otherwise("handle")
        )
        .with_columns(
            author_id=pl.concat_str(platform_col, pl.lit(":"), pl.col("numeric_id")),
            name=display_name,
            country=pl.when(pl.col("no_country")).then(None).otherwise("country"),
            shown_handle=pl.when(platform_col == "news")
            .then(None)
            .when(platform_col == "bluesky")
            .then(pl.concat_str("handle", pl.lit(".bsky.social")))
            .when(platform_col == "mastodon")
            .then(pl.concat_str("handle", pl.lit("@"), "instance"))
            .otherwise("handle"),
            site=pl.when(platform_col == "news")
            .then(pl.Series([o[1] for o in outlets]).gather(outlet_index))
            .when(platform_col == "blog")
            .then(
                pl.concat_str(pl.col("handle").str.replace_all("_", "-"), pl.lit("."), "blog_host")
            )
            .when(platform_col == "mastodon")
            .then("instance")
            .otherwise(None),
        )
    )
    return _Authors(
        platform=platform,
        lang=lang,
        kind=kind,
        followers=followers,
        activity_cumsum=np.cumsum(activity),
        group_start=group_end - group_sizes,
        group_end=group_end,
        author_id=table["author_id"],
        handle=table["shown_handle"],
        base_handle=table["handle"],
        name=table["name"],
        country=table["country"],
        site=table["site"],
    )


@dataclass(frozen=True)
class _SpamPool:
    """The few texts spam bots repeat: promos per language (with their brand) and bare links."""

    promos: _Pool  # group: lang
    promo_brand: np.ndarray  # brand of each promo, aligned with promos.values
    links: pl.Series


@functools.lru_cache(maxsize=4)
def _spam_pool(seed: int) -> _SpamPool:
    rng = np.random.default_rng([seed, _SPAM_STREAM])
    links = [
        host
        + "".join(rng.choice(list("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"), 7))
        for host in v.SHORT_LINK_HOSTS
        for _ in range(6)
    ]
    groups, brands = [], []
    for lang in LANGS:
        texts = []
        for template in v.SPAM_TEXTS[lang]:
            for _ in range(3):
                brand = int(rng.integers(len(s.BRANDS)))
                texts.append(
                    template.replace("{brand}", s.BRANDS[brand].hashtag)
                    .replace("{n}", str(rng.integers(3, 8)))
                    .replace("{price}", str(int(rng.integers(1, 9)) * 10 - 1))
                    .replace("{link}", links[int(rng.integers(len(links)))])
                )
                brands.append(brand)
        groups.append(texts)
    return _SpamPool(_Pool.of(groups), np.array(brands), pl.Series(links))


# --- the calendar: how many posts each day, and the injected events ----------------------------


@dataclass(frozen=True)
class _Calendar:
    days: tuple[date, ...]
    counts: np.ndarray
    events: dict[date, int]  # day -> index in settings.EVENTS


def _brand_share(label: str) -> float:
    """Expected share of all posts naming `label` on an ordinary day."""
    return sum(
        s.LANGUAGE_SHARES[lang] * (1 - s.BRANDLESS_SHARE) * s.BRAND_SHARES[lang][label]
        for lang in LANGS
    )


def _event_fraction(event: s.EventSpec) -> float:
    """Share of an event day's posts that belong to the event's spike."""
    spike = event.extra_volume * _brand_share(event.brand)
    return spike / (1 + spike)


def _platform_weights(day: date) -> np.ndarray:
    return np.array([s.PLATFORM_SHARES[p] * s.WEEKDAY_FACTORS[p][day.weekday()] for p in PLATFORMS])


def _event_days(params: DemoParams) -> dict[date, int]:
    if params.n_days < s.MIN_DAYS_FOR_EVENTS:
        log.warning(
            "demo feed: a window of %d day(s) is too short for injected events (need %d); none injected",
            params.n_days,
            s.MIN_DAYS_FOR_EVENTS,
        )
        return {}
    return {
        params.start + timedelta(days=round(event.position * (params.n_days - 1))): i
        for i, event in enumerate(s.EVENTS)
    }


@functools.lru_cache(maxsize=8)
def _calendar(params: DemoParams) -> _Calendar:
    days = tuple(params.days)
    events = _event_days(params)
    weights = np.empty(len(days))
    for i, day in enumerate(days):
        noise = np.random.default_rng([params.seed, day.toordinal(), _DAY_NOISE_STREAM])
        weights[i] = _platform_weights(day).sum() * np.exp(s.DAILY_NOISE * noise.standard_normal())
        if day in events:
            weights[i] /= 1 - _event_fraction(s.EVENTS[events[day]])
    counts = _largest_remainder(weights, params.mentions)
    if counts.max() > s.MAX_ROWS_PER_DAY:
        raise ValueError(
            f"demo feed: {counts.max():,} posts on one day exceed the {s.MAX_ROWS_PER_DAY:,} "
            "post ids a day can carry; widen the window"
        )
    return _Calendar(days, counts, events)


def daily_counts(params: DemoParams) -> dict[date, int]:
    """How many posts each day of the window gets; the values sum to `params.mentions`."""
    calendar = _calendar(params)
    return dict(zip(calendar.days, calendar.counts.tolist(), strict=True))


# --- pass 1: the skeleton (ground truth) -------------------------------------------------------


@dataclass
class _Skeleton:
    day: date
    n: int
    event: int | None  # index in settings.EVENTS
    is_event: np.ndarray
    platform: np.ndarray
    lang: np.ndarray
    author: np.ndarray
    is_spam: np.ndarray
    link_only: np.ndarray
    spam_text: np.ndarray  # index into the promo pool or the links
    brand: np.ndarray  # -1: no brand
    sentiment: np.ndarray
    theme: np.ndarray
    register: np.ndarray
    template: np.ndarray
    noise: np.ndarray  # index in settings.NOISE_KINDS; -1: an ordinary post
    noise_template: np.ndarray  # index into the noise templates (noise rows only)
    # The sentiment drawn before noise replaced the post: the day's stream draws the
    # engagement with it, so that adding noise changed no other post's numbers.
    ordinary_sentiment: np.ndarray
    created_us: np.ndarray
    source: np.ndarray  # row copied by a reshare or syndication; itself otherwise
    is_reshare: np.ndarray
    is_syndicated: np.ndarray

    def reorder(self, order: np.ndarray) -> None:
        for name, value in vars(self).items():
            if isinstance(value, np.ndarray):
                setattr(self, name, value[order])


_BRAND_CUMULATIVE = _cumulative(
    np.array([[s.BRAND_SHARES[lang][b.label] for b in s.BRANDS] for lang in LANGS])
)
# Sentiment by profile: one per brand, then "no brand", then one per event.
_SENTIMENT_CUMULATIVE = _cumulative(
    np.array(
        [[s.SENTIMENT_SHARES[b.label][x] for x in s.SENTIMENTS] for b in s.BRANDS]
        + [[s.SENTIMENT_SHARES[None][x] for x in s.SENTIMENTS]]
        + [[e.sentiment_shares.get(x, 0.0) for x in s.SENTIMENTS] for e in s.EVENTS]
    )
)
# Themes by profile: one per sentiment, then one per event.
_THEME_WEIGHTS = np.array(
    [[s.THEME_SHARES[x][t] for t in s.THEMES] for x in s.SENTIMENTS]
    + [[e.theme_shares.get(t, 0.0) for t in s.THEMES] for e in s.EVENTS]
)
_HOURS = _cumulative(np.array([s.SOCIAL_HOURS, s.PRESS_HOURS]))
_US_PER_HOUR = 3_600_000_000


def _local_midnight_and_offsets(day: date) -> tuple[int, np.ndarray]:
    """The day's midnight as naive epoch microseconds, and Paris' UTC offset for each hour."""
    zone = ZoneInfo(s.TIME_ZONE)
    midnight = (day - date(1970, 1, 1)).days * 86_400 * 1_000_000
    offsets = np.array(
        [
            datetime(day.year, day.month, day.day, hour, tzinfo=zone).utcoffset()
            // timedelta(microseconds=1)
            for hour in range(24)
        ],
        dtype=np.int64,
    )
    return midnight, offsets


def _copies(
    rng: np.random.Generator, eligible: np.ndarray, share: float
) -> tuple[np.ndarray, np.ndarray]:
    """Flag about `share` of the `eligible` rows (in time order) as copies of an earlier one.

    Returns the copying rows and, for each, the row it copies: a uniformly chosen
    earlier eligible row that is not itself a copy.
    """
    rows = np.flatnonzero(eligible)
    flagged = rng.random(len(rows)) < share
    u = rng.random(len(rows))
    if len(rows):
        flagged[0] = False  # the first post has nothing earlier to copy
    originals = rows[~flagged]
    earlier = np.cumsum(~flagged)[flagged]  # originals strictly before each copy
    return rows[flagged], originals[(u[flagged] * earlier).astype(np.int64)]


def _noise_rng(seed: int, day: date, step: int) -> np.random.Generator:
    return np.random.default_rng([seed, day.toordinal(), _NOISE_POSTS_STREAM, step])


def _noise_cumulative() -> np.ndarray:
    """[platform, kind]: cumulative probability of each noise kind, then of none (1).

    A kind lives on its platforms only, where it is proportionally more frequent,
    so that its share of all ordinary posts is the one settings announce.
    """
    reach = {k: sum(s.PLATFORM_SHARES[p] for p in s.NOISE_PLATFORMS[k]) for k in s.NOISE_KINDS}
    shares = np.array(
        [
            [
                s.NOISE_SHARES[kind] / reach[kind] * (p in s.NOISE_PLATFORMS[kind])
                for kind in s.NOISE_KINDS
            ]
            for p in PLATFORMS
        ]
    )
    return np.concatenate([np.cumsum(shares, axis=1), np.ones((N_PLATFORM, 1))], axis=1)


def _noise(
    platform: np.ndarray,
    lang: np.ndarray,
    register: np.ndarray,
    ordinary: np.ndarray,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which `ordinary` rows become noise: kind (-1: none), template and brand of each row.

    The brand, which job ads and giveaways name, follows the language's brand
    shares like any branded post's.
    """
    n = len(platform)
    u, template_u, brand_u = rng.random(n), rng.random(n), rng.random(n)
    kind = _sample_rows(_noise_cumulative()[platform], u)
    kind = np.where(ordinary & (kind < N_NOISE), kind, _NO_NOISE)
    group = (np.maximum(kind, 0) * N_LANG + lang) * 2 + register
    template = np.where(kind >= 0, _vocabulary().noise_templates.index(group, template_u), 0)
    brand = _sample_rows(_BRAND_CUMULATIVE[lang], brand_u)
    return kind, template, brand


def _skeleton(params: DemoParams, day: date, count: int, rng: np.random.Generator) -> _Skeleton:
    vocab, authors = _vocabulary(), _authors(params.seed, s.author_count(params.mentions))
    spam_pool = _spam_pool(params.seed)
    event = _calendar(params).events.get(day)
    n = count
    is_event = np.zeros(n, dtype=bool)
    if event is not None:
        is_event[: round(n * _event_fraction(s.EVENTS[event]))] = True

    platform = _sample(_platform_weights(day), rng, n)
    lang = _sample([s.LANGUAGE_SHARES[x] for x in LANGS], rng, n)
    author = authors.pick(platform, lang, rng.random(n))
    is_spam = authors.kind[author] == _SPAM

    brand = _sample_rows(_BRAND_CUMULATIVE[lang], rng.random(n))
    brand[rng.random(n) < s.BRANDLESS_SHARE] = -1
    sentiment_profile = np.where(brand >= 0, brand, len(s.BRANDS))
    if event is not None:
        brand[is_event] = _BRAND[s.EVENTS[event].brand]
        sentiment_profile[is_event] = len(s.BRANDS) + 1 + event
    sentiment = _sample_rows(_SENTIMENT_CUMULATIVE[sentiment_profile], rng.random(n))

    register = (platform == _P["news"]).astype(np.int64)
    branded = (brand >= 0).astype(np.int64)
    available = vocab.available[lang, register, sentiment, branded]
    theme_profile = sentiment.copy()
    if event is not None:
        theme_profile[is_event] = N_SENT + event
    theme_weights = _THEME_WEIGHTS[theme_profile] * available
    # An event theme without a template in the row's language falls back to the usual ones.
    fallback = theme_weights.sum(axis=1) == 0
    theme_weights[fallback] = _THEME_WEIGHTS[sentiment[fallback]] * available[fallback]
    theme = _sample_rows(_cumulative(theme_weights), rng.random(n))
    group = np.ravel_multi_index((lang, register, sentiment, theme, branded), _TEMPLATE_SHAPE)
    template = vocab.templates.index(group, rng.random(n))

    # Spam replaces the template: a bare link, or one of a few promos naming a brand.
    link_only = is_spam & (rng.random(n) < s.SPAM_LINK_ONLY_SHARE)
    spam_draw = rng.random(n)
    promo = spam_pool.promos.index(lang, spam_draw)
    spam_text = np.where(link_only, (spam_draw * len(spam_pool.links)).astype(np.int64), promo)
    brand = np.where(is_spam, np.where(link_only, -1, spam_pool.promo_brand[promo]), brand)
    sentiment = np.where(is_spam, _SENT["neutral"], sentiment)
    theme = np.where(is_spam, np.where(link_only, _THEME["general"], _THEME["prices"]), theme)

    # Noise replaces ordinary posts (not spam, not an event's spike): its brand, if
    # any, its sentiment from its template and the kind's theme, none listened.
    noise, noise_template, noise_brand = _noise(
        platform, lang, register, ~is_spam & ~is_event, _noise_rng(params.seed, day, 0)
    )
    noisy = noise >= 0
    brand = np.where(noisy, np.where(noise == _NOISE["lookalike"], -1, noise_brand), brand)
    ordinary_sentiment = sentiment
    sentiment = np.where(noisy, vocab.noise_sentiment[noise_template], sentiment)
    kind_theme = np.array([_THEME[s.NOISE_THEMES[kind]] for kind in s.NOISE_KINDS])
    theme = np.where(noisy, kind_theme[np.maximum(noise, 0)], theme)

    # Times: Paris hours with a night trough; an event breaks at its hour and decays.
    hour_us = (_sample_rows(_HOURS[register], rng.random(n)) * _US_PER_HOUR).astype(np.int64)
    local_us = hour_us + rng.integers(0, _US_PER_HOUR, n)
    if event is not None:
        first = s.EVENTS[event].first_hour
        hours = first + rng.exponential(4.0, n)
        hours = np.where(hours < 24, hours, first + rng.random(n) * (24 - first))
        local_us = np.where(is_event, (hours * _US_PER_HOUR).astype(np.int64), local_us)
    midnight, offsets = _local_midnight_and_offsets(day)
    created_us = midnight + local_us - offsets[local_us // _US_PER_HOUR]

    skeleton = _Skeleton(
        day=day,
        n=n,
        event=event,
        is_event=is_event,
        platform=platform,
        lang=lang,
        author=author,
        is_spam=is_spam,
        link_only=link_only,
        spam_text=spam_text,
        brand=brand,
        sentiment=sentiment,
        theme=theme,
        register=register,
        template=template,
        noise=noise,
        noise_template=noise_template,
        ordinary_sentiment=ordinary_sentiment,
        created_us=created_us,
        source=np.arange(n),
        is_reshare=np.zeros(n, dtype=bool),
        is_syndicated=np.zeros(n, dtype=bool),
    )
    # Post ids follow time, so a copy always points at an earlier id.
    skeleton.reorder(np.argsort(created_us, kind="stable"))
    skeleton.source = np.arange(n)

    for name in s.RESHARE_PLATFORMS:
        rows, originals = _copies(
            rng, (skeleton.platform == _P[name]) & ~skeleton.is_spam, s.RESHARE_SHARE
        )
        skeleton.source[rows] = originals
        skeleton.is_reshare[rows] = True
    rows, originals = _copies(
        rng, (skeleton.platform == _P["news"]) & ~skeleton.is_spam, s.SYNDICATED_SHARE
    )
    skeleton.source[rows] = originals
    skeleton.is_syndicated[rows] = True
    # A copy says what its original says.
    copied = ("lang", "brand", "sentiment", "theme", "template", "noise", "noise_template")
    for name in (*copied, "ordinary_sentiment"):
        setattr(skeleton, name, getattr(skeleton, name)[skeleton.source])
    return skeleton


# --- pass 2: rendering -------------------------------------------------------------------------

_SLOTS = ("brand", "topic", "city", "route", "n", "price", "emoji", "hashtag", "mention")
_NOISE_SLOTS = (*_SLOTS, "handle", "place", "surname", "role", "base", "prize")


def _nulls(n: int) -> pl.Series:
    return pl.repeat(None, n, dtype=pl.String, eager=True)


def _rewrite(
    series: pl.Series, mask: np.ndarray, rewrite: Callable[[pl.Series], pl.Series]
) -> pl.Series:
    """`series` with `rewrite` applied to the rows of `mask` only (cheap when they are few)."""
    rows = np.flatnonzero(mask)
    if len(rows) == 0:
        return series
    return series.clone().scatter(rows, rewrite(series.gather(rows)))


def _fill(frame: pl.DataFrame, template: str, slots: Sequence[str]) -> pl.Series:
    """Each row's `template` column with its `{slot}`s replaced by the row's slot columns."""
    text = pl.col(template)
    for slot in slots:
        text = text.str.replace_all("{" + slot + "}", pl.col(slot), literal=True)
    return frame.select(text.str.replace_all(r"\s{2,}", " ").str.strip_chars())[template]


def _texts(
    sk: _Skeleton, rng: np.random.Generator, params: DemoParams
) -> tuple[pl.Series, pl.Series]:
    """Text and title of every row: templates filled, then spam, copies, case and HTML."""
    vocab, authors = _vocabulary(), _authors(params.seed, s.author_count(params.mentions))
    spam_pool = _spam_pool(params.seed)
    n = sk.n
    brand_group = np.maximum(sk.brand, 0)
    # A branded post often carries its brand's hashtag; an event post, the event's.
    hashtag = vocab.hashtags.draw(sk.lang, rng)
    brand_tag = (sk.brand >= 0) & (rng.random(n) < 0.35)
    hashtag = _rewrite(
        hashtag, brand_tag, lambda _: vocab.brand_hashtags.gather(sk.brand[brand_tag])
    )
    if sk.event is not None:
        event_tag = sk.is_event & (rng.random(n) < 0.5)
        hashtag = _rewrite(
            hashtag,
            event_tag,
            lambda _: vocab.event_hashtags.draw(np.full(event_tag.sum(), sk.event), rng),
        )
    slots = pl.DataFrame(
        {
            "template": vocab.templates.values.gather(sk.template),
            "brand": vocab.brand_forms.draw(brand_group, rng),
            "topic": vocab.topics.draw(sk.lang * N_THEME + sk.theme, rng),
            "city": vocab.cities.draw(sk.lang, rng),
            "route": vocab.routes.draw(np.zeros(n, dtype=np.int64), rng),
            "n": pl.Series(rng.integers(2, 10, n)).cast(pl.String),
            "price": pl.Series(rng.integers(2, 50, n) * 10 - 1).cast(pl.String),
            "emoji": vocab.emoji.draw(sk.sentiment, rng),
            "hashtag": hashtag,
            "mention": "@" + authors.base_handle.gather(rng.integers(0, authors.size, n)),
            "title_template": vocab.titles.values.gather(
                vocab.titles.index(
                    (sk.lang * N_SENT + sk.sentiment) * 2 + (sk.brand >= 0), rng.random(n)
                )
            ),
        }
    )
    text = _fill(slots, "template", _SLOTS)
    titled = np.isin(sk.platform, [_P[p] for p in s.TITLED_PLATFORMS])
    title = _nulls(n).scatter(
        np.flatnonzero(titled), _fill(slots.filter(titled), "title_template", ("brand", "city"))
    )
    noisy = np.flatnonzero(sk.noise >= 0)
    if len(noisy):
        text, title = _noise_texts(sk, noisy, slots, titled, text, title, params)

    # Spam replaces the template: a bare link, or one of a few promos.
    promo = sk.is_spam & ~sk.link_only
    text = _rewrite(text, promo, lambda _: spam_pool.promos.values.gather(sk.spam_text[promo]))
    text = _rewrite(
        text, sk.link_only, lambda _: spam_pool.links.gather(sk.spam_text[sk.link_only])
    )
    # Some people shout when angry; many never touch the shift key.
    social = (sk.register == _SOCIAL) & ~sk.is_spam
    shout = social & (sk.sentiment == _SENT["negative"]) & (rng.random(n) < s.SHOUTING_SHARE)
    lower = social & ~shout & (rng.random(n) < s.LOWERCASE_SHARE)
    text = _rewrite(text, shout, lambda t: t.str.to_uppercase())
    text = _rewrite(text, lower, lambda t: t.str.to_lowercase())

    # Copies repeat their original's final text: reshares on X with "RT ", syndicated
    # news with an agency credit, and sometimes without the final period.
    copy = sk.source != np.arange(n)
    text = _rewrite(text, copy, lambda _: text.gather(sk.source[copy]))
    title = _rewrite(title, copy, lambda _: title.gather(sk.source[copy]))
    text = _rewrite(text, sk.is_reshare & (sk.platform == _P["x"]), lambda t: "RT " + t)
    credit = vocab.credits.draw(sk.lang, rng)
    drop_period = rng.random(n) < 0.5
    text = _rewrite(text, sk.is_syndicated & drop_period, lambda t: t.str.strip_chars_end("."))
    text = _rewrite(
        text, sk.is_syndicated, lambda t: t + credit.gather(np.flatnonzero(sk.is_syndicated))
    )
    # Feeds scraped from HTML keep their entities and line breaks.
    html = np.isin(sk.platform, [_P[p] for p in s.HTML_PLATFORMS]) & (rng.random(n) < s.HTML_SHARE)
    text = _rewrite(
        text,
        html,
        lambda t: (
            "<p>"
            + t.str.replace_all("&", "&amp;", literal=True)
            .str.replace_all("'", "&#39;", literal=True)
            .str.replace_all('"', "&quot;", literal=True)
            .str.replace_all(". ", ".<br>", literal=True)
            + "</p>"
        ),
    )
    return text, title


def _noise_texts(
    sk: _Skeleton,
    rows: np.ndarray,
    slots: pl.DataFrame,
    titled: np.ndarray,
    text: pl.Series,
    title: pl.Series,
    params: DemoParams,
) -> tuple[pl.Series, pl.Series]:
    """`text` and `title` with the noise `rows` written from their own templates and slots."""
    vocab = _vocabulary()
    rng = _noise_rng(params.seed, sk.day, 1)
    kind, lang = sk.noise[rows], sk.lang[rows]
    frame = slots.select(pl.all().gather(rows)).with_columns(
        template=vocab.noise_templates.values.gather(sk.noise_template[rows]),
        title_template=vocab.noise_titles.draw(kind * N_LANG + lang, rng),
        handle=vocab.brand_handles.gather(np.maximum(sk.brand[rows], 0)),
        place=vocab.aurora_places.draw(lang, rng),
        surname=vocab.surnames.draw(lang, rng),
        role=vocab.job_roles.draw(lang, rng),
        base=vocab.job_bases.draw(lang, rng),
        prize=vocab.prizes.draw(lang, rng),
    )
    text = text.scatter(rows, _fill(frame, "template", _NOISE_SLOTS))
    in_title = titled[rows]
    if in_title.any():
        titles = _fill(frame.filter(in_title), "title_template", ("brand", "city"))
        title = title.scatter(rows[in_title], titles)
    return text, title


def _platform_urls(
    name: str,
    rows: np.ndarray,
    sk: _Skeleton,
    rng: np.random.Generator,
    params: DemoParams,
    title: pl.Series,
) -> pl.Series:
    """URLs of the platform's real shape for the posts `rows`, all on platform `name`."""
    vocab, authors = _vocabulary(), _authors(params.seed, s.author_count(params.mentions))
    n = len(rows)
    author, lang = sk.author[rows], sk.lang[rows]
    ms = sk.created_us[rows] // 1000
    columns: dict[str, object] = {
        "handle": authors.base_handle.gather(author),
        "site": authors.site.gather(author),
        "number": rng.integers(100_000, 9_999_999, n),
    }
    if name == "x":
        # X ids are "snowflakes": milliseconds since X's epoch, then random bits.
        columns["id"] = ((ms - 1_288_834_974_657) << 22) | rng.integers(0, 1 << 22, n)
        pattern, args = "https://x.com/{}/status/{}", ("handle", "id")
    elif name == "mastodon":
        columns["id"] = (ms << 16) | rng.integers(0, 1 << 16, n)
        pattern, args = "https://{}/@{}/{}", ("site", "handle", "id")
    elif name == "reddit":
        columns["sub"] = vocab.subreddits.draw(lang, rng)
        columns["post"] = _tokens(rng, n, 7, _BASE36)
        columns["comment"] = _tokens(rng, n, 7, _BASE36)
        pattern = "https://www.reddit.com/r/{}/comments/{}/comment/{}/"
        args = ("sub", "post", "comment")
    elif name == "bluesky":
        columns["rkey"] = _tokens(rng, n, 11, _BASE32)
        pattern, args = "https://bsky.app/profile/{}.bsky.social/post/3l{}", ("handle", "rkey")
    elif name == "youtube":
        # Comments gather under a few videos a day.
        videos = _tokens(rng, 40, 11, _BASE64URL)
        columns["video"] = videos.gather(rng.integers(0, len(videos), n))
        columns["comment"] = _tokens(rng, n, 21, _BASE64URL)
        pattern, args = "https://www.youtube.com/watch?v={}&lc=Ugx{}", ("video", "comment")
    elif name == "news":
        columns["section"] = vocab.sections.draw(lang, rng)
        columns["slug"] = title.gather(rows)
        pattern = "https://www.{}/{}/" + sk.day.strftime("%Y/%m/%d") + "/{}_{}.html"
        args = ("site", "section", "slug", "number")
    elif name == "blog":
        columns["slug"] = title.gather(rows)
        pattern, args = "https://{}/" + sk.day.strftime("%Y/%m") + "/{}/", ("site", "slug")
    elif name == "forum":
        columns["forum"] = vocab.forum_sites.gather(lang)
        columns["slug"] = title.gather(rows)
        pattern, args = "https://{}/t/{}/{}", ("forum", "slug", "number")
    else:
        columns["review"] = vocab.review_sites.gather(lang)
        pattern, args = "https://{}/{}", ("review", "number")
    frame = pl.DataFrame(columns)
    if "slug" in columns:
        frame = frame.with_columns(slug=_ascii_slug(pl.col("slug")))
    return frame.select(url=pl.format(pattern, *args))["url"]


def _urls(
    sk: _Skeleton, rng: np.random.Generator, params: DemoParams, title: pl.Series
) -> pl.Series:
    """A URL of the platform's real shape for every row (some missing, as in real APIs)."""
    url = _nulls(sk.n)
    for name in PLATFORMS:
        rows = np.flatnonzero(sk.platform == _P[name])
        if len(rows):
            url = url.scatter(rows, _platform_urls(name, rows, sk, rng, params, title))
    return url.set(pl.Series(rng.random(sk.n) < s.NULL_URL_SHARE), None)


def _engagement_boost(sk: _Skeleton, sentiment: np.ndarray) -> np.ndarray:
    boost = np.ones(sk.n)
    boost[sentiment == _SENT["negative"]] = 1.4  # outrage travels
    boost[sk.is_event] *= 2.5
    boost[sk.is_reshare] *= 0.1
    boost[sk.is_spam] *= 0.03
    return boost


def _engagement_counts(
    rng: np.random.Generator, followers: np.ndarray, boost: np.ndarray
) -> dict[str, np.ndarray]:
    n = len(followers)
    expected = 0.02 * (followers + 20.0) ** 0.8 * boost * np.exp(1.1 * rng.standard_normal(n))
    expected = np.minimum(expected, 5e6)
    return {
        "like_count": rng.poisson(expected),
        "share_count": rng.poisson(expected * 0.18 * np.exp(0.5 * rng.standard_normal(n))),
        "comment_count": rng.poisson(expected * 0.1 * np.exp(0.5 * rng.standard_normal(n))),
    }


def _engagement(
    sk: _Skeleton, rng: np.random.Generator, followers: np.ndarray, params: DemoParams
) -> dict[str, pl.Series]:
    """Likes, shares and comments: heavy-tailed, growing with the author's audience."""
    # How many numbers a Poisson draw takes from the stream depends on its mean, so
    # the day's stream draws every row as if no post were noise...
    counts = _engagement_counts(rng, followers, _engagement_boost(sk, sk.ordinary_sentiment))
    # ...and noise posts are drawn again from their own stream, with their own means.
    rows = np.flatnonzero(sk.noise >= 0)
    if len(rows):
        boost = _engagement_boost(sk, sk.sentiment)[rows]
        boost[sk.noise[rows] == _NOISE["giveaway"]] *= s.GIVEAWAY_ENGAGEMENT_BOOST
        noise_counts = _engagement_counts(
            _noise_rng(params.seed, sk.day, 2), followers[rows], boost
        )
        for name, values in noise_counts.items():
            counts[name][rows] = values
    result = {}
    for metric, (name, values) in enumerate(counts.items()):
        # Platforms that do not report a metric give null, not zero.
        reported = np.array([s.METRICS[p][metric] for p in PLATFORMS])[sk.platform]
        result[name] = pl.Series(name, values, dtype=pl.Int64).set(pl.Series(~reported), None)
    return result


def _render(sk: _Skeleton, rng: np.random.Generator, params: DemoParams) -> pl.DataFrame:
    vocab, authors = _vocabulary(), _authors(params.seed, s.author_count(params.mentions))
    n = sk.n
    text, title = _texts(sk, rng, params)
    url = _urls(sk, rng, params, title)
    followers = authors.followers[sk.author]
    engagement = _engagement(sk, rng, followers, params)

    # Language codes as APIs deliver them: mostly right, sometimes missing or misspelt.
    truth_lang = pl.Series(LANGS).gather(sk.lang)
    lang_draw = rng.random(n)
    dirty = lang_draw < s.NULL_LANG_SHARE + s.DIRTY_LANG_SHARE
    lang = _rewrite(truth_lang, dirty, lambda _: vocab.dirty_lang.draw(sk.lang[dirty], rng))
    lang = lang.set(pl.Series(lang_draw < s.NULL_LANG_SHARE), None)
    no_followers = pl.Series(rng.random(n) < s.NULL_FOLLOWERS_SHARE)

    day_prefix = f"{s.POST_ID_PREFIX}-{sk.day.strftime('%Y%m%d')}-"
    post_id = day_prefix + pl.Series(np.arange(n)).cast(pl.String).str.zfill(7)
    brand_labels = pl.Series([None, *s.BRAND_LABELS], dtype=pl.String)
    theme_labels = pl.Series([None if t == s.NO_THEME else t for t in s.THEMES], dtype=pl.String)
    return pl.DataFrame(
        {
            "post_id": post_id,
            "platform": pl.Series(PLATFORMS).gather(sk.platform),
            "url": url,
            "created_at": pl.Series(sk.created_us).cast(pl.Datetime("us", "UTC")),
            "lang": lang,
            "author_id": authors.author_id.gather(sk.author),
            "author_handle": authors.handle.gather(sk.author),
            "author_name": authors.name.gather(sk.author),
            "author_followers": pl.Series(followers, dtype=pl.Int64).set(no_followers, None),
            "author_country": authors.country.gather(sk.author),
            "title": title,
            "text": text,
            **engagement,
            "reshare_of_post_id": post_id.gather(sk.source).set(pl.Series(~sk.is_reshare), None),
            "truth_lang": truth_lang,
            "truth_sentiment": pl.Series(s.SENTIMENTS).gather(sk.sentiment),
            "truth_brand": brand_labels.gather(sk.brand + 1),
            "truth_theme": theme_labels.gather(sk.theme),
            "truth_is_spam": sk.is_spam,
            "truth_is_reshare": sk.is_reshare,
            "truth_is_syndicated": sk.is_syndicated,
            # The post a reshare or a syndicated copy repeats (reshares also say it
            # in `reshare_of_post_id`; a syndicated copy names no source).
            "truth_copy_of_post_id": post_id.gather(sk.source).set(
                pl.Series(~(sk.is_reshare | sk.is_syndicated)), None
            ),
            "truth_noise": pl.Series([None, *s.NOISE_KINDS], dtype=pl.String).gather(sk.noise + 1),
        }
    )


# --- public API --------------------------------------------------------------------------------


def generate_day(params: DemoParams, day: date, count: int) -> pl.DataFrame:
    """The `count` posts of `day`, with the ground-truth `truth_*` columns.

    Depends only on the seed, the author population (sized by `params.mentions`),
    the day, the count and whether an event falls on the day: the same day with
    the same count gives the same rows in any window.
    """
    rng = np.random.default_rng([params.seed, day.toordinal()])
    return _render(_skeleton(params, day, count, rng), rng, params)


def generate_days(params: DemoParams) -> Iterator[pl.DataFrame]:
    """One frame per day of the window (days without posts skipped), in date order.

    Columns: those of `settings.MENTION_SCHEMA`, then the ground truth
    `truth_lang`, `truth_sentiment` (positive/neutral/negative intent of the
    template), `truth_brand` (label or null), `truth_theme` (or null),
    `truth_is_spam`, `truth_is_reshare`, `truth_is_syndicated` (a news article
    copied from an earlier one with an agency credit), `truth_copy_of_post_id`
    (the post a reshare or a syndicated copy repeats, else null) and
    `truth_noise` ('lookalike', 'job_ad', 'giveaway' or null for an ordinary
    post; see `settings.NOISE_KINDS`).
    """
    for day, count in daily_counts(params).items():
        if count:
            yield generate_day(params, day, count)


def to_arrow(frame: pl.DataFrame) -> pa.Table:
    """The loadable part of a generated frame: the contract's columns and arrow types."""
    return frame.select(s.MENTION_SCHEMA.names).to_arrow().cast(s.MENTION_SCHEMA)


@functools.lru_cache(maxsize=8)
def _brand_volumes(params: DemoParams) -> dict[date, np.ndarray]:
    """Posts per brand per day (ground truth, reshares and spam included)."""
    volumes = {}
    for day, count in daily_counts(params).items():
        sk = _skeleton(params, day, count, np.random.default_rng([params.seed, day.toordinal()]))
        volumes[day] = np.bincount(sk.brand[sk.brand >= 0], minlength=len(s.BRANDS))
    return volumes


def injected_events(params: DemoParams) -> list[dict]:
    """The crisis and campaign injected in the window, with the volumes they produced.

    One dict per event: `event_id`, `kind` ('crisis' | 'campaign'), `brand` (label),
    `day`, `sentiment` ('negative' | 'positive'), `mentions` (the brand's posts that
    day) and `baseline_mentions` (the brand's median daily posts over the window).
    Empty for windows shorter than `settings.MIN_DAYS_FOR_EVENTS` days.
    """
    calendar = _calendar(params)
    if not calendar.events:
        return []
    volumes = _brand_volumes(params)
    daily = np.array([volumes[day] for day in calendar.days])
    events = []
    for day, index in sorted(calendar.events.items()):
        event = s.EVENTS[index]
        brand = _BRAND[event.brand]
        events.append(
            {
                "event_id": event.event_id,
                "kind": event.kind,
                "brand": event.brand,
                "day": day,
                "sentiment": event.sentiment,
                "mentions": int(volumes[day][brand]),
                "baseline_mentions": round(float(np.median(daily[:, brand]))),
            }
        )
    return events
