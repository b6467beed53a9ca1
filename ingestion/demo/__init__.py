"""The built-in demo feed: a simulated social web talking about a fictional French airline.

Écoute needs mentions to show anything. This source invents them: posts about
"Air Aurore" and its competitors (VolAzur, EuroSky, Alpina Air) on nine
platforms in seven languages, with the seasonality, heavy tails, spam, copies
and dirty fields of real APIs, plus one injected crisis and one campaign whose
ground truth is loaded next to them. Same parameters, same rows: re-running a
window reproduces its post ids, and the loader merges on them.

    pipeline = dlt.pipeline("ecoute", destination="duckdb", dataset_name="raw")
    pipeline.run(demo(mentions=20_000, start=date(2026, 9, 1), end=date(2026, 10, 31)))
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import dlt
import pyarrow as pa
from dlt.sources import DltResource

from ingestion.demo.generator import DemoParams, generate_days, injected_events, to_arrow
from ingestion.demo.settings import INJECTION_COLUMNS, MAX_CHUNK_ROWS, MENTION_COLUMNS

__all__ = ["DemoParams", "demo", "demo_injections", "demo_mentions"]


@dlt.source(name="demo")
def demo(
    mentions: int = 20_000,
    start: date = date(2026, 9, 1),
    end: date = date(2026, 10, 31),
    seed: int = 42,
) -> tuple[DltResource, DltResource]:
    """Simulated mentions of Air Aurore and its competitors, and the events injected in them.

    Args:
        mentions: how many posts in the whole window, exactly (1,000 to 10,000,000).
        start: first day of the window (a Europe/Paris calendar day).
        end: last day of the window, inclusive.
        seed: the same seed gives the same posts; another seed, another feed.

    Returns:
        `demo_mentions` (merged on `post_id`) and `demo_injections` (replaced).

    Raises:
        ValueError: `mentions` out of range, or `end` before `start`.
    """
    params = DemoParams(mentions=mentions, start=start, end=end, seed=seed)
    return demo_mentions(params), demo_injections(params)


@dlt.resource(
    name="demo_mentions",
    write_disposition="merge",
    primary_key="post_id",
    columns=MENTION_COLUMNS,
)
def demo_mentions(params: DemoParams) -> Iterator[pa.Table]:
    """The simulated posts, one arrow table per day (split above 200k rows).

    Columns and arrow types are those of `settings.MENTION_SCHEMA`; the ground
    truth of the generator (`truth_*`) stays out of the warehouse. Post ids are
    `demo-YYYYMMDD-NNNNNNN`, stable across runs of the same parameters.

    Args:
        params: what to generate (size, window, seed).
    """
    for frame in generate_days(params):
        table = to_arrow(frame)
        for offset in range(0, table.num_rows, MAX_CHUNK_ROWS):
            yield table.slice(offset, MAX_CHUNK_ROWS)


@dlt.resource(name="demo_injections", write_disposition="replace", columns=INJECTION_COLUMNS)
def demo_injections(params: DemoParams) -> Iterator[dict[str, Any]]:
    """One row per event injected in the feed: what a good dashboard should reveal.

    Columns: `event_id`, `kind` ('crisis' | 'campaign'), `brand` (label), `day`,
    `sentiment` ('negative' | 'positive'), `mentions` (the brand's posts that day)
    and `baseline_mentions` (its median daily posts in the window). Empty when the
    window is too short for events (under a week).

    Args:
        params: what was generated (size, window, seed).
    """
    yield from injected_events(params)
