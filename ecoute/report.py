"""The short report printed after a run: what the marts say, in three tables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ecoute.warehouse import query

# Read as the volume marts count: spam left out, each duplicate cluster once in `unique_mentions`.
MENTIONS_PER_TOPIC = """
    select t.label as topic, t.kind, count(*) as mentions,
           count(*) filter (where m.is_first_in_cluster) as unique_mentions
    from marts.fct_mention_topics as m
    join marts.dim_topics as t using (topic_id)
    where not m.is_spam
    group by all
    order by mentions desc
"""


BIGGEST_SPIKE = """
    with daily as (
        select topic_id, day, sum(mentions) as mentions,
               sum(negative) as negative, sum(positive) + sum(neutral) + sum(negative) as scored
        from marts.mart_topic_daily
        group by all
    ),
    baselines as (
        select topic_id, median(mentions) as baseline from daily group by all
    )
    select t.label as topic, d.day, d.mentions, b.baseline,
           round(d.mentions / nullif(b.baseline, 0), 1) as times_baseline,
           round(d.negative / nullif(d.scored, 0), 2) as negative_share
    from daily as d
    join baselines as b using (topic_id)
    join marts.dim_topics as t using (topic_id)
    where t.kind in ('brand', 'competitor')
    order by times_baseline desc nulls last
    limit 3
"""


@dataclass(frozen=True)
class RunReport:
    warehouse: Path
    mentions: int
    window: tuple[object, object]
    unique_mentions: int
    spam: int
    per_topic: pl.DataFrame
    share_of_voice: pl.DataFrame
    spikes: pl.DataFrame

    def render(self) -> str:
        with pl.Config(
            tbl_hide_dataframe_shape=True,
            tbl_hide_column_data_types=True,
            tbl_rows=50,
            fmt_str_lengths=40,
            tbl_formatting="ASCII_MARKDOWN",
        ):
            return "\n".join(
                [
                    f"Warehouse: {self.warehouse}",
                    f"Mentions: {self.mentions:,} from {self.window[0]} to {self.window[1]}",
                    f"  {self.unique_mentions:,} pieces of content (reshares and copies counted once); "
                    f"{self.spam:,} spam, left out of the volumes below",
                    "",
                    "Mentions per topic",
                    str(self.per_topic),
                    "",
                    "Share of voice by month (per competitive set)",
                    str(self.share_of_voice),
                    "",
                    "Biggest daily spikes (brands and competitors, vs. their median day)",
                    str(self.spikes),
                ]
            )


def share_of_voice_by_month(warehouse: Path) -> pl.DataFrame:
    """Monthly share of voice, read as the mart defines it (one definition of every metric)."""
    return query(
        """
        select s.competitive_set, s.period_start as month, t.label as topic, s.mentions,
               round(s.share_of_voice, 3) as share_of_voice,
               round(s.net_sentiment, 3) as net_sentiment, s.rank
        from marts.mart_share_of_voice as s
        join marts.dim_topics as t using (topic_id)
        where s.period_grain = 'month'
        order by s.competitive_set, s.period_start, s.rank
        """,
        path=warehouse,
    )


def build_report(warehouse: Path) -> RunReport:
    """Read the report from the marts of `warehouse`."""
    totals = query(
        "select count(*) as n, min(published_date) as first, max(published_date) as last, "
        "count(*) filter (where is_canonical) as unique_mentions, "
        "count(*) filter (where is_spam) as spam "
        "from marts.fct_mentions",
        path=warehouse,
    ).row(0)
    return RunReport(
        warehouse=warehouse,
        mentions=totals[0],
        window=(totals[1], totals[2]),
        unique_mentions=totals[3],
        spam=totals[4],
        per_topic=query(MENTIONS_PER_TOPIC, path=warehouse),
        share_of_voice=share_of_voice_by_month(warehouse),
        spikes=query(BIGGEST_SPIKE, path=warehouse),
    )
