"""`ecoute preview`: what a query matches in the warehouse, before it goes into listening.yml.

One scan of `intermediate.int_mentions_matchable` with the compiled predicate
(`ecoute.query.sql.to_sql`, the same SQL the pipeline runs) fills a temporary
table of the matches; every figure is then an aggregation of that table:
volume, days, platforms, languages, samples, and the likely noise.

Samples are spread over the matches rather than the first rows: the ones with
the smallest md5 of their mention id, which is deterministic and unrelated to
date, platform or author. The words the query matched are marked with
`ecoute.query.reference.match_spans`.

Likely noise
------------
A query for a brand also catches other senses of its words: `aurore` finds the
airline, the northern lights, a first name and a TV series. Each sense brings
its own words, which (a) come with the query and with nothing else the
warehouse listens to, and (b) rarely meet the words of the bulk of the matches,
which speak the language of the project (flights, delays, prices) like the
rest of the warehouse. Every count is DuckDB SQL over the matches' plain text
(`unnest(string_split(...))`), never a loop over mentions:

1. Candidate terms: the distinct words of each match, without stop-words
   (`STOP_WORDS`: fr, en, it, es, de, pt, nl and pieces of links), the query's
   own words, words with a digit and words of one or two characters (emoji
   included), found in at least `MIN_TERM_SHARE` of the matches (and in
   `MIN_TERM_MENTIONS`). Words in more than `COMPANION_SHARE` of the matches
   (`air` for `aurore`) are treated as part of the query: they say what was
   searched for, not which sense a match is in.
2. Exclusivity of a term: the share of its mentions in the warehouse that the
   query matches, shrunk towards the share of all mentions it matches by
   `PRIOR_MENTIONS` pseudo-mentions (a rare word proves little), rescaled so
   that 0 is "no more often with the query than any word" and 1 "only ever
   with it".
3. Weight of a term, per language (Italian matches are compared with Italian
   ones): its share of the matches times `1 - exclusivity`, i.e. how common it
   is in the matches *and* in the rest of the warehouse, the project's own
   vocabulary. Centrality of a match: the sum of its terms' weights.
4. Affinity of a term: the mean centrality of the matches holding it, over the
   mean centrality of all matches of their language, both without the term's
   own weight. Near 1 the term lives among the project's vocabulary; near 0
   its mentions share none of it.
5. Noise terms: exclusivity at least `MIN_NOISE_EXCLUSIVITY` and affinity at
   most `MAX_NOISE_AFFINITY`, ranked by `mentions * exclusivity * (1 -
   affinity)`. Terms found in nearly the same mentions (one template, one
   story) are shown as one entry (`also`), with the number of matches holding
   the first term and its least central match as the example.

The method assumes the noise is a minority of the matches: when most of them
are noise, the samples say so more clearly than any statistic. Above
`MAX_ANALYSED_MATCHES` matches and `MAX_ANALYSED_CORPUS` mentions the term
statistics use a deterministic sample of each (by a hash of the mention id, and
every n-th row); the reported counts of noise terms stay exact.
"""

from __future__ import annotations

import math
import time
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
import duckdb

from ecoute.query import text
from ecoute.query.reference import match_spans
from ecoute.query.sql import to_sql, word_pattern
from ecoute.query.syntax import And, Near, Node, Not, Or, QuerySyntaxError, Raw, Words
from ecoute.warehouse import WarehouseMissingError, read_only

MATCHABLE = "intermediate.int_mentions_matchable"
MENTIONS = "marts.fct_mentions"

MIN_TERM_SHARE = 0.001
MIN_TERM_MENTIONS = 3
COMPANION_SHARE = 0.5
PRIOR_MENTIONS = 10
MIN_NOISE_EXCLUSIVITY = 0.6
MAX_NOISE_AFFINITY = 0.6
NOISE_LIMIT = 15
SAME_MENTIONS = 0.8
MAX_ANALYSED_MATCHES = 50_000
MAX_ANALYSED_CORPUS = 100_000
EXCERPT_LENGTH = 280

# Folded like the plain text (lower case, no accents); words of one or two
# characters are left out anyway.
STOP_WORDS_BY_LANGUAGE = {
    "fr": """les des une est sont pas que qui quoi dans pour par sur avec sans plus moins tres
        tout tous toute toutes mais donc car ete etre avoir avait fait faire comme cette ces ses
        son leur leurs nous vous ils elles elle lui moi toi mon ton notre votre nos vos aux encore
        deja aussi bien alors ici quand comment pourquoi rien chez entre vers depuis apres avant
        sous meme autre autres peu trop fois jamais toujours vraiment vais suis avez avons ont
        sera etait cela ceci celle celui dont quel quelle quelqu quelque quelques chaque juste
        voila oui non cet""",
    "en": """the and for are but not you your with this that these those have has had was were
        will would can could should from they them their there here what when where which who
        whom why how all any some just about into over than then too very also only our out its
        been being did does doing don she her his him yours ours more most such own same both
        each few other off again once because until while after before under above between
        through during get got""",
    "it": """che non per con una uno del della dei delle degli nel nella nei alla alle allo agli
        dal dalla sono sei era come anche piu questo questa questi quello quella gli loro suo sua
        suoi mio mia tuo tua noi voi essere stato fatto molto tutto tutti ancora gia dove perche
        cosa chi qui cui""",
    "es": """los las unos unas por para pero mas esta este esto estos estas ese esa eso sus muy
        todo todos cuando donde porque hay fue ser estar sobre tambien les hasta desde nada algo
        mucho""",
    "de": """der die das und ist nicht ein eine einen einem einer den dem des mit auf fur von
        aus bei nach wie was wer wenn aber auch noch schon nur sich sie wir ihr uns euch mein
        dein sein ihre sind war hat haben wird werden kann kein keine sehr mal dass doch oder als
        bis uber unter vor hier dort dann immer heute""",
    "pt": """nao com uma mais foi sao dos das nas pelo pela isso isto esse essa muito tudo ter
        tem sem tambem voce seu""",
    "nl": """het een van dat niet voor zijn maar ook bij nog wat naar dan wel uit door heb
        hebben geen wordt worden deze dit hun ons onze zij wij jij mijn jouw heel veel alle
        toch""",
    # pieces of links, which the text keeps as words (https t co xyz)
    "web": "http https www com org net html htm php amp utm bit tinyurl status",
}
STOP_WORDS = frozenset(word for words in STOP_WORDS_BY_LANGUAGE.values() for word in words.split())


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """A matched mention as shown to the analyst, with the spans the query matched."""

    mention_id: str
    published_at: datetime | None
    platform: str | None
    lang: str | None
    author_handle: str | None
    url: str | None
    sentiment_label: str | None
    text: str
    spans: tuple[tuple[int, int], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "mention_id": self.mention_id,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "platform": self.platform,
            "lang": self.lang,
            "author_handle": self.author_handle,
            "url": self.url,
            "sentiment_label": self.sentiment_label,
            "text": self.text,
            "highlighted": highlight(self.text, self.spans),
            "matched_words": list(dict.fromkeys(self.text[s:e] for s, e in self.spans)),
        }


@dataclass(frozen=True)
class NoiseTerm:
    """A word of the matches that rarely meets their core vocabulary."""

    term: str
    mentions: int
    share: float  # of the matches
    affinity: float  # 1: as central as the average match; 0: shares none of its vocabulary
    exclusivity: float  # 1: found only with the query; 0: no more than any word
    example: Sample
    also: tuple[str, ...] = ()  # terms found in nearly the same mentions

    def to_json(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "also": list(self.also),
            "mentions": self.mentions,
            "share": round(self.share, 4),
            "affinity": round(self.affinity, 3),
            "exclusivity": round(self.exclusivity, 3),
            "example": {
                "mention_id": self.example.mention_id,
                "text": self.example.text,
                "highlighted": highlight(self.example.text, self.example.spans),
            },
        }


@dataclass(frozen=True)
class Preview:
    query: str
    effective_query: str
    sql: str
    warehouse: Path
    mentions_in_warehouse: int
    total: int
    by_day: list[tuple[date | None, int]]
    by_platform: list[tuple[str | None, int]]
    by_lang: list[tuple[str | None, int]]
    samples: list[Sample]
    noise_terms: list[NoiseTerm]
    elapsed_s: float
    topic: str | None = None
    query_version: str | None = None

    @property
    def share(self) -> float:
        return self.total / self.mentions_in_warehouse if self.mentions_in_warehouse else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "effective_query": self.effective_query,
            "topic": self.topic,
            "query_version": self.query_version,
            "sql": self.sql,
            "warehouse": str(self.warehouse),
            "mentions_in_warehouse": self.mentions_in_warehouse,
            "total": self.total,
            "share": round(self.share, 6),
            "by_day": [
                {"day": day.isoformat() if day else None, "mentions": n} for day, n in self.by_day
            ],
            "by_platform": [{"platform": p, "mentions": n} for p, n in self.by_platform],
            "by_lang": [{"lang": lang, "mentions": n} for lang, n in self.by_lang],
            "samples": [sample.to_json() for sample in self.samples],
            "noise_terms": [term.to_json() for term in self.noise_terms],
            "elapsed_s": round(self.elapsed_s, 3),
        }

    def render(self, color: bool = False) -> str:
        """The report for a reader: terminal styles if `color`, else «marks» around matches."""
        return "\n".join(_render(self, color))


# --- the queries --------------------------------------------------------------------------

# `{predicate}` is compiled SQL, never text typed by the user: see `ecoute.query.sql`.
MATCHES = """
create or replace temp table preview_matches as
with matched as (
    select mention_id, plain_text, platform, lang
    from intermediate.int_mentions_matchable
    where {predicate}
)
select matched.*, mentions.published_date
from matched
left join marts.fct_mentions as mentions using (mention_id)
"""

# Distinct candidate words of each analysed match (step 1 of the module doc).
MATCH_TERMS = """
create or replace temp table preview_terms as
with analysed as (
    select mention_id, lang, plain_text
    from preview_matches
    where hash(mention_id) % $match_step = 0
),
words as (
    select mention_id, lang, unnest(list_distinct(string_split(trim(plain_text), ' '))) as term
    from analysed
),
kept as (
    select *
    from words
    where length(term) >= 3
        and not regexp_matches(term, '[0-9]')
        and not list_contains($stop_words, term)
        and not regexp_full_match(term, $query_words)
)
select *
from kept
qualify count(*) over (partition by term) >= $min_mentions
"""

# Document frequency of the candidate terms in (a systematic sample of) the corpus.
CORPUS_TERMS = """
create or replace temp table preview_corpus_terms as
with candidates as (
    select distinct term from preview_terms
),
words as (
    select lang, unnest(list_distinct(string_split(trim(plain_text), ' '))) as term
    from intermediate.int_mentions_matchable
    where rowid % $corpus_step = 0
)
select lang, term, count(*) as corpus_mentions
from words
semi join candidates using (term)
group by all
"""

# Steps 2 to 5 of the module doc.
NOISE = """
with corpus_sizes as (
    select lang, count(*) * $corpus_step as corpus_size
    from intermediate.int_mentions_matchable
    where rowid % $corpus_step = 0
    group by lang
),
match_sizes as (
    select lang, count(*) as match_size
    from preview_matches
    where hash(mention_id) % $match_step = 0
    group by lang
),
companions as (
    -- in most matches whatever their sense: part of what was searched for
    select term
    from preview_terms
    group by term
    having count(*) > $companion_share * (select sum(match_size) from match_sizes)
),
term_counts as (
    select lang, term, count(*) as matches
    from preview_terms
    anti join companions using (term)
    group by all
),
term_totals as (
    -- estimated over the whole warehouse from the analysed samples
    select
        t.term,
        sum(t.matches) * $match_step as in_matches,
        greatest(sum(coalesce(c.corpus_mentions, 0)) * $corpus_step, in_matches) as in_corpus
    from term_counts as t
    left join preview_corpus_terms as c on c.lang = t.lang and c.term = t.term
    group by t.term
),
exclusivity as (
    -- the share of the term's mentions that the query matches, shrunk towards the
    -- share of all mentions it matches, then rescaled: 0 for a word found with the
    -- query no more than any word, 1 for a word found only with it
    select
        term,
        (in_matches + $prior_mentions * $base_rate) / (in_corpus + $prior_mentions) as precision,
        greatest(0, least(1, (precision - $base_rate) / (1 - $base_rate))) as exclusivity
    from term_totals
),
weights as (
    select t.lang, t.term, t.matches / m.match_size as share, share * (1 - e.exclusivity) as weight
    from term_counts as t
    join match_sizes as m on m.lang = t.lang
    join exclusivity as e on e.term = t.term
),
centrality as (
    select t.mention_id, sum(w.weight) as centrality
    from preview_terms as t
    join weights as w on w.lang = t.lang and w.term = t.term
    group by t.mention_id
),
mean_centrality as (
    -- matches without any candidate term count, with a centrality of zero
    select m.lang, coalesce(sum(c.centrality), 0) / any_value(s.match_size) as mean_centrality
    from preview_matches as m
    join match_sizes as s on s.lang = m.lang
    left join centrality as c on c.mention_id = m.mention_id
    where hash(m.mention_id) % $match_step = 0
    group by m.lang
),
affinities as (
    -- the centrality of the term's matches over that of all matches, both without the term
    select
        t.term,
        count(*) as matches,
        least(1, avg(
            (c.centrality - w.weight) / nullif(l.mean_centrality - w.weight * w.share, 0)
        )) as affinity,
        arg_min(t.mention_id, (c.centrality - w.weight, hash(t.mention_id))) as example_id
    from preview_terms as t
    join weights as w on w.lang = t.lang and w.term = t.term
    join centrality as c on c.mention_id = t.mention_id
    join mean_centrality as l on l.lang = t.lang
    group by t.term
),
final as (
    select a.term, a.matches, a.affinity, e.exclusivity, a.example_id
    from affinities as a
    join exclusivity as e using (term)
)
select term, matches, affinity, exclusivity, example_id
from final
where exclusivity >= $min_exclusivity and affinity <= $max_affinity
-- rounded: sums of floats differ in their last digits from one run to the next
order by round(matches * exclusivity * (1 - affinity), 6) desc, term
limit $limit
"""

SHARED_MENTIONS = """
with chosen as (
    select mention_id, term
    from preview_terms
    where list_contains($terms::varchar[], term)
)
select a.term, b.term, count(*) as together
from chosen as a
join chosen as b on b.mention_id = a.mention_id and a.term < b.term
group by all
"""

EXACT_TERM_COUNTS = """
select term, count(*) as mentions
from preview_matches, unnest($terms::varchar[]) as candidates(term)
where contains(plain_text, ' ' || term || ' ')
group by term
"""

# Text and attributes to show; the matchable text stands in for a mention missing from the mart.
MENTION_DETAILS = """
select
    matchable.mention_id,
    mentions.published_at,
    coalesce(mentions.platform, nullif(matchable.platform, '')),
    coalesce(mentions.lang, nullif(matchable.lang, '')),
    mentions.author_handle,
    mentions.url,
    mentions.sentiment_label,
    mentions.title,
    coalesce(mentions.text, matchable.raw_text)
from intermediate.int_mentions_matchable as matchable
left join marts.fct_mentions as mentions using (mention_id)
where matchable.mention_id in (select unnest($ids::varchar[]))
"""


# --- running a preview --------------------------------------------------------------------


def run_preview(
    node: Node,
    query: str,
    warehouse: Path,
    samples: int = 20,
    topic: str | None = None,
    query_version: str | None = None,
) -> Preview:
    """Match `node` against the warehouse and summarise the matches.

    Raises `WarehouseMissingError` when the warehouse or one of its tables is
    missing, with the command that builds it.
    """
    started = time.monotonic()
    predicate = to_sql(node)
    with read_only(warehouse) as connection:
        _require_tables(connection, warehouse)
        corpus = _rows(connection, f"select count(*) from {MATCHABLE}")[0][0]
        _rows(connection, MATCHES.replace("{predicate}", predicate))
        total = _rows(connection, "select count(*) from preview_matches")[0][0]
        by_day = _rows(
            connection,
            "select published_date, count(*) from preview_matches group by 1 order by 1",
        )
        by_platform = _counts(connection, "platform")
        by_lang = _counts(connection, "lang")
        sample_ids = [
            row[0]
            for row in _rows(
                connection,
                "select mention_id from preview_matches order by md5(mention_id) limit $n",
                {"n": samples},
            )
        ]
        noise = _noise(connection, node, total, corpus)
        details = _mention_details(
            connection, [*sample_ids, *(found.example_id for found in noise)]
        )
    shown = sorted(
        (_sample(details[i], match_spans(node, _shown_text(details[i]))) for i in sample_ids),
        key=lambda sample: (sample.published_at or datetime.min, sample.mention_id),
    )
    noise_terms = [
        NoiseTerm(
            term=found.term,
            mentions=found.matches,
            share=found.matches / total,
            affinity=found.affinity,
            exclusivity=found.exclusivity,
            example=_sample(
                details[found.example_id],
                match_spans(
                    Or(tuple(Words((term,)) for term in (found.term, *found.also))),
                    _shown_text(details[found.example_id]),
                ),
            ),
            also=found.also,
        )
        for found in noise
    ]
    return Preview(
        query=query,
        effective_query=node.to_query(),
        sql=predicate,
        warehouse=warehouse,
        mentions_in_warehouse=corpus,
        total=total,
        by_day=_fill_days(by_day),
        by_platform=by_platform,
        by_lang=by_lang,
        samples=shown,
        noise_terms=noise_terms,
        elapsed_s=time.monotonic() - started,
        topic=topic,
        query_version=query_version,
    )


def _rows(
    connection: duckdb.DuckDBPyConnection, sql: str, parameters: dict[str, Any] | None = None
) -> list[tuple]:
    return connection.execute(sql, parameters or {}).fetchall()


def _require_tables(connection: duckdb.DuckDBPyConnection, warehouse: Path) -> None:
    present = {
        f"{schema}.{name}"
        for schema, name in _rows(
            connection, "select table_schema, table_name from information_schema.tables"
        )
    }
    missing = [table for table in (MATCHABLE, MENTIONS) if table not in present]
    if missing:
        raise WarehouseMissingError(
            f"{warehouse}: no table {', '.join(missing)} in this warehouse yet; "
            "build it with `ecoute run` (or `make demo`), then preview again"
        )


def _counts(connection: duckdb.DuckDBPyConnection, column: str) -> list[tuple[str | None, int]]:
    # `column` is one of two names chosen here; '' stands for unknown in the matchable table.
    rows = _rows(
        connection,
        f"select nullif({column}, ''), count(*) as n from preview_matches "
        "group by 1 order by n desc, 1 nulls last",
    )
    return [(value, n) for value, n in rows]


def _fill_days(rows: list[tuple[date | None, int]]) -> list[tuple[date | None, int]]:
    """Days between the first and the last match, with zeros, so that gaps show."""
    counts = dict(rows)
    days = sorted(day for day in counts if day is not None)
    if not days:
        return rows
    filled: list[tuple[date | None, int]] = []
    day = days[0]
    while day <= days[-1]:
        filled.append((day, counts.get(day, 0)))
        day = date.fromordinal(day.toordinal() + 1)
    if None in counts:
        filled.append((None, counts[None]))
    return filled


@dataclass(frozen=True)
class _Found:
    term: str
    matches: int
    affinity: float
    exclusivity: float
    example_id: str
    also: tuple[str, ...] = ()


def _noise(
    connection: duckdb.DuckDBPyConnection, node: Node, total: int, corpus: int
) -> list[_Found]:
    """The likely noise terms, noisiest first, each with the terms of the same mentions."""
    if total < MIN_TERM_MENTIONS:
        return []
    match_step = max(1, math.ceil(total / MAX_ANALYSED_MATCHES))
    corpus_step = max(1, math.ceil(corpus / MAX_ANALYSED_CORPUS))
    analysed = total / match_step
    _rows(
        connection,
        MATCH_TERMS,
        {
            "match_step": match_step,
            "stop_words": sorted(STOP_WORDS),
            "query_words": query_words_pattern(node),
            "min_mentions": max(MIN_TERM_MENTIONS, math.ceil(analysed * MIN_TERM_SHARE)),
        },
    )
    _rows(connection, CORPUS_TERMS, {"corpus_step": corpus_step})
    ranked = [
        _Found(*row)
        for row in _rows(
            connection,
            NOISE,
            {
                "match_step": match_step,
                "corpus_step": corpus_step,
                "companion_share": COMPANION_SHARE,
                "base_rate": total / corpus,
                "prior_mentions": PRIOR_MENTIONS,
                "min_exclusivity": MIN_NOISE_EXCLUSIVITY,
                "max_affinity": MAX_NOISE_AFFINITY,
                # room for the terms that join another's group
                "limit": 3 * NOISE_LIMIT,
            },
        )
    ]
    terms = [found.term for found in ranked]
    shared = _rows(connection, SHARED_MENTIONS, {"terms": terms}) if terms else []
    together = {(a, b): n for a, b, n in shared}
    grouped = group_same_mentions(ranked, together)[:NOISE_LIMIT]
    if match_step > 1 and grouped:
        exact = dict(_rows(connection, EXACT_TERM_COUNTS, {"terms": [f.term for f in grouped]}))
        grouped = [replace(found, matches=exact.get(found.term, 0)) for found in grouped]
    return grouped


def group_same_mentions(ranked: list[_Found], together: dict[tuple[str, str], int]) -> list[_Found]:
    """Terms found in nearly the same mentions (one template, one story) as one entry.

    `together[(a, b)]` (a < b) counts the mentions holding both. A term joins the
    first better-ranked term when they share `SAME_MENTIONS` of the mentions of
    each; the list then shows more distinct stories in as many lines.
    """
    heads: list[_Found] = []
    for found in ranked:
        for index, head in enumerate(heads):
            shared = together.get((min(head.term, found.term), max(head.term, found.term)), 0)
            if shared >= SAME_MENTIONS * max(head.matches, found.matches):
                heads[index] = replace(head, also=(*head.also, found.term))
                break
        else:
            heads.append(found)
    return heads


def query_words_pattern(node: Node) -> str:
    """A regular expression matching any plain word of the query (never a word with a space)."""
    patterns = sorted(
        {word_pattern(word.lstrip("#@")) for word in _query_words(node) if word.lstrip("#@")}
    )
    return "(?:" + "|".join(patterns) + ")" if patterns else " "


def _query_words(node: Node) -> list[str]:
    if isinstance(node, Words):
        return list(node.words)
    if isinstance(node, Near):
        return [word for option in (*node.left, *node.right) for word in option.words]
    if isinstance(node, Raw):
        return text.words(node.literal)
    if isinstance(node, (And, Or)):
        return [word for item in node.items for word in _query_words(item)]
    if isinstance(node, Not):
        return _query_words(node.item)
    return []


def _mention_details(
    connection: duckdb.DuckDBPyConnection, ids: list[str]
) -> dict[str, tuple[Any, ...]]:
    if not ids:
        return {}
    return {row[0]: row for row in _rows(connection, MENTION_DETAILS, {"ids": ids})}


def _shown_text(row: tuple[Any, ...]) -> str:
    """Title and text, as the predicate saw them (its words are those of title + ' ' + text)."""
    title, body = row[7], row[8] or ""
    return f"{title} — {body}" if title else body


def _sample(row: tuple[Any, ...], spans: list[tuple[int, int]]) -> Sample:
    mention_id, published_at, platform, lang, author_handle, url, sentiment_label = row[:7]
    return Sample(
        mention_id=mention_id,
        published_at=published_at,
        platform=platform,
        lang=lang,
        author_handle=author_handle,
        url=url,
        sentiment_label=sentiment_label,
        text=_shown_text(row),
        spans=tuple(spans),
    )


# --- showing it ---------------------------------------------------------------------------


def highlight(value: str, spans: tuple[tuple[int, int], ...], color: bool = False) -> str:
    """`value` with each span marked: «word» for files and pipes, bold yellow for terminals."""
    parts, position = [], 0
    for start, end in _merged(value, spans):
        parts.append(value[position:start])
        word = value[start:end]
        parts.append(click.style(word, bold=True, fg="yellow") if color else f"«{word}»")
        position = end
    parts.append(value[position:])
    return "".join(parts)


def _merged(value: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The words of a phrase as one span («Air-Aurore», «air, aurore»): no word between them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        gap = value[merged[-1][1] : start] if merged else "x"
        if len(gap) <= 3 and not any(text.is_word_char(ch) for ch in gap):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _excerpt(
    value: str, spans: tuple[tuple[int, int], ...]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most `EXCERPT_LENGTH` characters of one line, around the first match."""
    # One line: each line break becomes a space, so that the spans still apply.
    value = "".join(" " if ch.isspace() else ch for ch in value)
    if len(value) <= EXCERPT_LENGTH:
        return value, spans
    first = spans[0][0] if spans else 0
    start = max(0, min(first - EXCERPT_LENGTH // 4, len(value) - EXCERPT_LENGTH))
    end = start + EXCERPT_LENGTH
    kept = tuple((s - start, e - start) for s, e in spans if s >= start and e <= end)
    prefix, suffix = ("…" if start else ""), ("…" if end < len(value) else "")
    shifted = tuple((s + len(prefix), e + len(prefix)) for s, e in kept)
    return prefix + value[start:end] + suffix, shifted


def _render(preview: Preview, color: bool) -> list[str]:
    def title(value: str) -> str:
        return click.style(value, bold=True) if color else value

    lines = [f"{title('Query')}      {preview.query}"]
    if preview.topic:
        lines.insert(
            0, f"{title('Topic')}      {preview.topic} (query version {preview.query_version})"
        )
        lines.append(f"{title('Effective')}  {preview.effective_query}")
    lines.append(
        f"{title('Matches')}    {preview.total:,} of {preview.mentions_in_warehouse:,} mentions "
        f"({preview.share:.1%}) in {preview.warehouse}, {preview.elapsed_s:.2f}s"
    )
    if not preview.total:
        return [*lines, "", "No mention matches this query."]

    def counts(rows: list[tuple[str | None, int]]) -> str:
        return "  ".join(
            f"{value or 'unknown'} {n:,} ({n / preview.total:.0%})" for value, n in rows
        )

    lines += [
        f"{title('Platforms')}  {counts(preview.by_platform)}",
        f"{title('Languages')}  {counts(preview.by_lang)}",
        "",
        title("Per day"),
    ]
    peak = max(n for _, n in preview.by_day)
    for day, n in preview.by_day:
        bar = "█" * max(1 if n else 0, round(40 * n / peak))
        lines.append(f"  {day.isoformat() if day else 'unknown   '}  {n:>7,}  {bar}")

    lines += ["", title(f"Samples ({len(preview.samples)} of {preview.total:,})")]
    for sample in preview.samples:
        when = sample.published_at.strftime("%Y-%m-%d %H:%M") if sample.published_at else ""
        author = f"@{sample.author_handle}" if sample.author_handle else ""
        shown, spans = _excerpt(sample.text, sample.spans)
        lines.append(f"  {when}  {sample.platform}  {sample.lang or 'unknown'}  {author}")
        lines.append(f"    {highlight(shown, spans, color)}")

    lines += ["", title("Likely noise")]
    if not preview.noise_terms:
        lines.append("  No term of the matches stands apart from the rest of them.")
    else:
        lines.append(
            "  Frequent words of the matches whose mentions share little vocabulary with the"
        )
        lines.append("  others (affinity 1: as typical as an average match; 0: nothing in common).")
        lines.append("  Exclude what is not your subject: query NOT (word OR word).")
        width = max(len(term.term) for term in preview.noise_terms)
        lines.append(f"  {'term':<{width}}  mentions  affinity  example")
        for term in preview.noise_terms:
            shown, spans = _excerpt(term.example.text, term.example.spans)
            lines.append(
                f"  {term.term:<{width}}  {term.mentions:>8,}  {term.affinity:>8.2f}  "
                f"{highlight(shown, spans, color)}"
            )
            if term.also:
                lines.append(f"  {'':<{width}}  {'':>8}  {'':>8}  with {', '.join(term.also)}")
    return lines


def describe_syntax_error(query: str, error: QuerySyntaxError) -> str:
    """The error, then the line of the query it is on with a caret under the position."""
    position = min(max(error.position, 0), len(query))
    line_start = query.rfind("\n", 0, position) + 1
    line_end = query.find("\n", position)
    line = query[line_start : line_end if line_end >= 0 else len(query)]
    before = query[line_start:position]
    # Wide characters (CJK, most emoji) take two columns of a terminal.
    pad = "".join(
        "\t" if ch == "\t" else "  " if unicodedata.east_asian_width(ch) in "WF" else " "
        for ch in before
    )
    column = position - line_start + 1
    where = f"line {query.count(chr(10), 0, position) + 1}, " if "\n" in query else ""
    return f"Error: invalid query at {where}column {column}: {error.message}\n  {line}\n  {pad}^"
