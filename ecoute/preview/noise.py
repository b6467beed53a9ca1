"""Likely noise: frequent words of the matches that share little with the rest of them.

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
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import duckdb

from ecoute.language.stop_words import STOP_WORDS
from ecoute.preview.render import highlight
from ecoute.query import text
from ecoute.query.sql import word_pattern
from ecoute.query.syntax import And, Near, Node, Not, Or, Raw, Words

if TYPE_CHECKING:
    from ecoute.preview.run import Sample

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


@dataclass(frozen=True)
class _Found:
    term: str
    matches: int
    affinity: float
    exclusivity: float
    example_id: str
    also: tuple[str, ...] = ()


def find_noise(
    connection: duckdb.DuckDBPyConnection, node: Node, total: int, corpus: int
) -> list[_Found]:
    """The likely noise terms, noisiest first, each with the terms of the same mentions."""
    if total < MIN_TERM_MENTIONS:
        return []
    match_step = max(1, math.ceil(total / MAX_ANALYSED_MATCHES))
    corpus_step = max(1, math.ceil(corpus / MAX_ANALYSED_CORPUS))
    analysed = total / match_step
    connection.execute(
        MATCH_TERMS,
        {
            "match_step": match_step,
            "stop_words": sorted(STOP_WORDS),
            "query_words": query_words_pattern(node),
            "min_mentions": max(MIN_TERM_MENTIONS, math.ceil(analysed * MIN_TERM_SHARE)),
        },
    )
    connection.execute(CORPUS_TERMS, {"corpus_step": corpus_step})
    ranked = [
        _Found(*row)
        for row in connection.execute(
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
        ).fetchall()
    ]
    terms = [found.term for found in ranked]
    shared = connection.execute(SHARED_MENTIONS, {"terms": terms}).fetchall() if terms else []
    together = {(a, b): n for a, b, n in shared}
    grouped = group_same_mentions(ranked, together)[:NOISE_LIMIT]
    if match_step > 1 and grouped:
        exact = dict(
            connection.execute(EXACT_TERM_COUNTS, {"terms": [f.term for f in grouped]}).fetchall()
        )
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
