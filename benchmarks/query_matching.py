"""How fast Écoute matches listening topics, against a plain ILIKE scan and a naive loop.

    python -m benchmarks.query_matching --warehouse /tmp/bench/w.duckdb [--topics 50] [--repeat 3]

One run, one DuckDB connection, the same rows for every method:

(a) Écoute: the compiled predicates of the topics in one `union all` statement
    over `intermediate.int_mentions_matchable`, as `int_mentions_matched_to_topics`
    runs them, materialised into a temp table;
(b) the floor: for each topic, `lower(title || ' ' || text) ILIKE '%term%'` OR-ed
    over its positive terms (no word boundaries, no exclusions, no fields; a
    missing title counts as ''), in one `union all` over
    `intermediate.int_mentions_unioned`;
(c) the one-time cost of building `int_mentions_matchable` (normalisation), with
    the SQL dbt compiles for that model, into a temp table;
(d) a naive baseline: the Python reference evaluator (`ecoute.query.reference`),
    one `matches(topic, mention)` call per mention and topic, on a sample,
    extrapolated to the whole warehouse.

Then each predicate of (a) alone (the 5 slowest are printed), the warehouse's
own topics (`listening.yml`, presets included) in the model's statement and
with each select reading the table, and whether (a) and the reference agree
on the sample: they must, pair for pair, or the run fails.

The warehouse is attached read-only; nothing in it changes. Every statement runs
once untimed first (warm DuckDB buffer pool and OS page cache), then `--repeat`
timed times. DuckDB keeps its default number of threads (printed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ecoute.query.reference import Mention, matches
from ecoute.query.sql import DuckDB
from ecoute.query.syntax import And, Near, Node, Or, Raw, Words
from ecoute.query.topics import compile_topic
from ecoute.settings import DBT_EXECUTABLE, TELEMETRY_OFF, TRANSFORM_DIR

# What analysts write for the demo feed's market (ingestion/demo/vocabulary.py):
# the four airlines, the listened themes in seven languages, the lookalikes and
# noise the feed plants, and every operator of the language at least once.
TOPICS: tuple[tuple[str, str], ...] = (
    # brands, as listening.yml and as analysts refine them
    ("air_aurore", '("air aurore" OR airaurore) NOT ("aurore boréale" OR "aurore borealis" OR "série aurore")'),
    ("volazur", 'volazur OR "vol azur"'),
    ("eurosky", 'eurosky OR "euro sky"'),
    ("alpina_air", '"alpina air" OR alpinaair'),
    ("air_aurore_owned", "@airaurore OR #airaurore OR author:airaurore"),
    ("brand_hashtags", "#airaurore OR #volazur OR #eurosky OR #alpinaair"),
    ("brand_handles", "@airaurore OR @volazur OR @eurosky OR @alpinaair"),
    ("competitors", 'volazur OR "vol azur" OR eurosky OR "euro sky" OR "alpina air" OR alpinaair'),
    ("air_aurore_clean", '("air aurore" OR airaurore) NOT (concours OR giveaway OR gewinnspiel OR recrut* OR hiring OR vacature OR "aurore boréale")'),
    ("volazur_not_riviera", '(volazur OR "vol azur") NOT ("côte d\'azur" OR "ciel d\'azur")'),
    ("eurosky_not_tv", '(eurosky OR "euro sky") NOT ("sky sports" OR "sky sport" OR "sky news")'),
    ("alpina_not_hiking", '("alpina air" OR alpinaair) NOT ("via alpina" OR "stella alpina")'),
    # themes, as listening.yml writes them
    ("delays", "retard OR retardé OR annulé OR annulation OR delay OR delayed OR cancelled OR canceled OR ritardo OR cancellato OR retraso OR cancelado OR verspätung OR verspätet OR annulliert OR atraso OR vertraging"),
    ("customer_service", '"service client" OR "customer service" OR hotline OR support OR "servizio clienti" OR "atención al cliente" OR kundenservice OR atendimento OR klantenservice'),
    ("prices", "prix OR tarif OR tarifs OR price OR prices OR fare OR fares OR prezzo OR prezzi OR precio OR precios OR preis OR preise OR preço OR prijs"),
    ("baggage", "bagage OR bagages OR valise OR baggage OR luggage OR suitcase OR bagaglio OR bagagli OR maleta OR equipaje OR gepäck OR koffer OR bagagem"),
    # themes with wildcards
    ("delays_stems", "retard* OR annul? OR annulation* OR delay* OR cancel* OR ritard* OR cancellat* OR retras* OR verspät* OR annulliert OR atras* OR vertraging*"),
    ("prices_stems", "prix OR tarif* OR price? OR fare? OR prezz? OR precio* OR preis* OR preço* OR prij?"),
    ("baggage_stems", "bagag* OR valise* OR luggage OR suitcase* OR malet* OR equipaj* OR gepäck OR koffer*"),
    ("customer_service_stems", '"service client" OR "customer service" OR hotline* OR support* OR kund?nservice OR klant?nservice OR atendiment?'),
    # brand and theme together
    ("air_aurore_delays", '("air aurore" OR airaurore) AND (retard* OR annul* OR delay* OR cancel* OR ritardo OR retraso OR verspätung OR atraso OR vertraging)'),
    ("air_aurore_delays_near", '("air aurore" OR airaurore) NEAR/8 (retard* OR annul* OR delay* OR cancel* OR ritardo OR retraso OR verspätung OR atraso OR vertraging)'),
    ("volazur_baggage", '(volazur OR "vol azur") (valise* OR bagag* OR luggage OR suitcase OR koffer OR maleta)'),
    ("eurosky_prices", '(eurosky OR "euro sky") AND (prix OR tarif* OR price* OR fare* OR preis* OR precio*)'),
    ("alpina_customer_service", '("alpina air" OR alpinaair) AND ("servizio clienti" OR "customer service" OR hotline OR support OR kundenservice)'),
    ("lost_luggage", '"valise perdue" OR "lost luggage" OR (perdu* NEAR/4 (valise OR bagage*)) OR (lost NEAR/3 (suitcase OR luggage OR baggage))'),
    ("cancelled_flight", "(vol OR flight OR volo OR vuelo OR flug) ONEAR/4 (annulé OR cancelled OR cancellato OR cancelado OR annulliert)"),
    ("hours_of_delay", '"de retard" OR "hour delay" OR "ore di ritardo" OR "horas de retraso" OR "stunden verspätung" OR "horas de atraso" OR "uur vertraging"'),
    ("hotline_waiting", '(hotline OR "service client" OR "customer service") NEAR/10 (attente OR attends OR waiting OR hold OR injoignable)'),
    ("seat_fees", '(siège OR seat*) NEAR/6 (payer OR extra OR "en plus")'),
    ("app_crash", "(appli OR app) NEAR/5 (plante OR crash*)"),
    ("rude_crew", '(équipage OR crew OR hôtesses) NEAR/6 (désagréable OR rude OR "pas un sourire" OR "not a single smile")'),
    ("strikes", "grève OR strike OR sciopero OR huelga OR fluglotsenstreik OR greve OR staking"),
    # fields
    ("french_delays", "lang:fr (retard* OR annul*)"),
    ("english_complaints_on_x", "lang:en platform:x (delay* OR cancel* OR lost OR rude OR useless)"),
    ("italian_alpina", 'lang:it ("alpina air" OR alpinaair)'),
    ("german_baggage", "lang:de (gepäck OR koffer*)"),
    ("iberian_delays", "lang:(es OR pt) (retraso OR cancelado OR atraso)"),
    ("dutch_themes", "lang:nl (vertraging OR klantenservice OR bagage OR koffer OR prijs)"),
    ("air_aurore_press", 'platform:news ("air aurore" OR airaurore)'),
    ("forums_and_reviews", 'platform:(forum OR review) (volazur OR eurosky OR "alpina air" OR "air aurore")'),
    ("reddit_airlines", "site:reddit.com (airline OR compagnie OR flight OR vol OR volazur OR eurosky)"),
    ("french_press", "site:(journal-du-ciel.fr OR quotidien-voyageurs.fr OR ouest-matin.fr OR depeche-air.fr OR info-aero.fr) (grève OR retard* OR tarifs)"),
    ("delays_not_press", "(retard* OR delay* OR verspät*) NOT platform:news NOT country:us"),
    # case-sensitive spellings
    ("air_aurore_spelling", 'raw:"Air Aurore" OR raw:AirAurore'),
    ("shouting", 'raw:RETARD OR raw:VOLAZUR OR raw:"AIR AURORE"'),
    # hashtags, lookalikes and noise
    ("travel_hashtags", "#voyage OR #travel OR #viaggio OR #viaje OR #reisen OR #viagem OR #reizen OR #avgeek"),
    ("northern_lights", '"aurore boréale" OR "aurora borealis" OR "aurora boreale" OR "aurora boreal" OR "northern lights" OR nordlicht*'),
    ("jobs_and_giveaways", 'recrut* OR hiring OR stellenangebot OR vacature OR concours OR giveaway OR gewinnspiel OR sorteo OR "à gagner" OR "win a"'),
    ("never_again", '"plus jamais" OR "never again" OR "mai più" OR "nunca más" OR "nie wieder" OR "nunca mais" OR "nooit meer"'),
)  # fmt: skip

SAMPLE_SIZE = 20_000
DISAGREEMENTS_SHOWN = 10
MATCHABLE = "ecoute.intermediate.int_mentions_matchable"
UNIONED = "ecoute.intermediate.int_mentions_unioned"
OWN_PREDICATES = "ecoute.staging.stg_listening__topic_predicates"
BUILD_HINT = (
    "build a 1M-mention warehouse first (about 3 minutes on 2 cores):\n"
    "    ECOUTE_WAREHOUSE={path} .venv/bin/ecoute run --mentions 1000000 --no-report"
)

_DUCKDB = DuckDB()


# --- the statements -----------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    name: str
    query: str
    tree: Node
    predicate: str


def load_topics(count: int) -> list[Topic]:
    topics = []
    for name, query in TOPICS[:count]:
        compiled = compile_topic(name, query, [])
        topics.append(Topic(name, query, compiled.effective, compiled.predicate()))
    return topics


def matching_sql(predicates: list[tuple[str, str]], through_cte: bool = False) -> str:
    """(a): one select per (topic, predicate) over the prepared columns.

    Each select reads the table itself, as `int_mentions_matched_to_topics`
    does; `through_cte` reads a shared `with matchable as (select * from …)`
    instead, as the model first did (DuckDB materialises that CTE).
    """
    source = "matchable" if through_cte else MATCHABLE
    selects = [
        f"select mention_id, {_DUCKDB.string(name)} as topic_id from {source} where {predicate}"
        for name, predicate in predicates
    ]
    statement = "\nunion all\n".join(selects)
    return (
        f"with matchable as (select * from {MATCHABLE})\n{statement}" if through_cte else statement
    )


def own_predicates(connection: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """The warehouse's own topics as the pipeline compiled them (presets included)."""
    try:
        return connection.execute(
            f"select topic_id, predicate from {OWN_PREDICATES} "
            "where dialect = 'duckdb' order by topic_id"
        ).fetchall()
    except duckdb.CatalogException:
        return []


def positive_terms(node: Node) -> list[str]:
    """The text a topic asks for, without what it excludes.

    As the parser normalised it (lower case, accents stripped): the floor's
    ILIKE then misses accented spellings, which only lowers its pair count.
    """
    if isinstance(node, Words):
        return [" ".join(node.words)]
    if isinstance(node, Raw):
        return [node.literal]
    if isinstance(node, Near):
        return [" ".join(option.words) for option in (*node.left, *node.right)]
    if isinstance(node, (And, Or)):
        return [term for item in node.items for term in positive_terms(item)]
    return []  # NOT excludes; fields test attributes, not text


def ilike_pattern(term: str) -> str:
    body = term.lower().replace("*", "%").replace("?", "_")
    return _DUCKDB.string(f"%{body}%")


def ilike_sql(topics: list[Topic]) -> str:
    """(b): the floor; the text is built as int_mentions_matchable builds it (nulls as '')."""
    text = "lower(concat(coalesce(title, ''), ' ', coalesce(text, '')))"
    selects = []
    for topic in topics:
        terms = dict.fromkeys(positive_terms(topic.tree))
        tests = " or ".join(f"{text} ilike {ilike_pattern(term)}" for term in terms)
        selects.append(
            f"select mention_id, {_DUCKDB.string(topic.name)} as topic_id "
            f"from {UNIONED} where {tests}"
        )
    return "\nunion all\n".join(selects)


def compiled_matchable_sql(scratch: Path) -> str:
    """(c): the SQL of `int_mentions_matchable` as dbt compiles it, from the project's macros.

    Compiled against a scratch DuckDB file, so dbt never opens the warehouse
    being measured; the relation names do not depend on the file (profiles.yml
    attaches it as `ecoute`).
    """
    environment = {**os.environ, **TELEMETRY_OFF, "ECOUTE_WAREHOUSE": str(scratch / "dbt.duckdb")}
    target = scratch / "target"
    completed = subprocess.run(
        [
            str(DBT_EXECUTABLE),
            "compile",
            "--quiet",
            "--select",
            "int_mentions_matchable",
            "--project-dir",
            str(TRANSFORM_DIR),
            "--profiles-dir",
            str(TRANSFORM_DIR),
            "--target-path",
            str(target),
            "--log-path",
            str(scratch / "logs"),
        ],
        cwd=TRANSFORM_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    found = sorted(target.glob("compiled/*/models/**/int_mentions_matchable.sql"))
    if completed.returncode != 0 or not found:
        raise SystemExit(
            f"dbt compile --select int_mentions_matchable failed (exit {completed.returncode}):\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return found[0].read_text(encoding="utf-8")


# --- timing -------------------------------------------------------------------------------


@dataclass
class Timing:
    method: str
    seconds: list[float]
    rows: int
    pairs: int | None
    note: str = ""

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def timed(run: Callable[[], object], repeat: int, warm_up: bool = True) -> list[float]:
    """Seconds of `repeat` runs of `run`, after one untimed run."""
    if warm_up:
        run()
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return seconds


def materialise(connection: duckdb.DuckDBPyConnection, table: str, sql: str) -> Callable[[], None]:
    def run() -> None:
        connection.execute(f"create or replace temp table {table} as {sql}")

    return run


def count(connection: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = connection.execute(sql).fetchone()
    assert row is not None
    return int(row[0])


# --- the naive baseline and the agreement check ----------------------------------------


Sampled = list[tuple[str, Mention]]


def sample_mentions(connection: duckdb.DuckDBPyConnection, size: int) -> Sampled:
    """A deterministic sample (by hash of the id), with the attributes a query can test."""
    connection.execute(
        f"""
        create or replace temp table bench_sample as
        select mention_id,
               concat(coalesce(title, ''), ' ', coalesce(text, '')) as full_text,
               platform, lang, author_handle, url, author_country
        from {UNIONED}
        order by hash(mention_id), mention_id
        limit {int(size)}
        """
    )
    rows = connection.execute("select * from bench_sample order by mention_id").fetchall()
    return [(row[0], Mention(*row[1:])) for row in rows]


def reference_pairs(topics: list[Topic], sample: Sampled) -> set[tuple[str, str]]:
    """(d): one reference `matches` call per mention and topic, as a naive loop would."""
    return {
        (mention_id, topic.name)
        for mention_id, mention in sample
        for topic in topics
        if matches(topic.tree, mention)
    }


def check_agreement(
    connection: duckdb.DuckDBPyConnection,
    expected: set[tuple[str, str]],
    sample: Sampled,
    topics: list[Topic],
) -> str:
    """Compare (a)'s pairs on the sample with the reference's; raise SystemExit if they differ."""
    found = set(
        connection.execute(
            "select m.mention_id, m.topic_id from bench_matched m "
            "join bench_sample s using (mention_id)"
        ).fetchall()
    )
    if found == expected:
        return (
            f"Agreement on the {len(sample):,}-mention sample: (a) and the reference evaluator "
            f"give the same {len(found):,} (mention, topic) pairs."
        )
    texts = {mention_id: mention.text for mention_id, mention in sample}
    queries = {topic.name: topic.query for topic in topics}
    lines = [
        f"DISAGREEMENT on the {len(sample):,}-mention sample: "
        f"{len(found - expected):,} pairs only in SQL (a), "
        f"{len(expected - found):,} only in the reference evaluator. First ones:"
    ]
    for side, pairs in (("only SQL", found - expected), ("only reference", expected - found)):
        for mention_id, topic in sorted(pairs)[:DISAGREEMENTS_SHOWN]:
            lines.append(
                f"  {side}: {mention_id} topic {topic} ({queries[topic]})\n"
                f"      text: {texts[mention_id]!r}"
            )
    lines.append(
        "The compiled SQL (ecoute/query/sql.py, transform/macros/query_text.sql) and the "
        "reference (ecoute/query/reference.py, text.py) must mean the same: fix the one that "
        "is wrong and add the mention above to the property tests."
    )
    raise SystemExit("\n".join(lines))


# --- the report ---------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return f"{cpu}, {os.cpu_count()} logical cores, {platform.system()} {platform.release()}"


def _tests(predicates: list[tuple[str, str]]) -> str:
    text = " ".join(predicate for _, predicate in predicates)
    return f"{text.count('contains(')} contains and {text.count('regexp_matches(')} regexp tests"


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def table(timings: list[Timing], floor: Timing, naive: Timing) -> str:
    header = (
        "method",
        "min s",
        "median s",
        "mentions/s",
        "matched pairs",
        "time ÷ ILIKE",
        "naive ÷ time",
    )
    rows = [header]
    for timing in timings:
        pairs = "—" if timing.pairs is None else f"{timing.pairs:,}"
        rows.append(
            (
                timing.method,
                f"{timing.best:.2f}",
                f"{timing.median:.2f}",
                f"{timing.rows / timing.median:,.0f}",
                pairs + timing.note,
                f"{timing.median / floor.median:.2f}×",
                f"{naive.median / timing.median:,.0f}×",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(rows):
        cells = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.query_matching", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--warehouse", type=Path, required=True, help="a built DuckDB warehouse")
    parser.add_argument("--topics", type=int, default=len(TOPICS), help="topics to match (1–50)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each method")
    parser.add_argument("--sample", type=int, default=SAMPLE_SIZE, help="mentions for (d)")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    if not 1 <= args.topics <= len(TOPICS):
        parser.error(f"--topics must be between 1 and {len(TOPICS)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    warehouse = args.warehouse.expanduser().resolve()
    if not warehouse.is_file():
        raise SystemExit(f"{warehouse}: no warehouse here; " + BUILD_HINT.format(path=warehouse))

    topics = load_topics(args.topics)
    predicates = [(topic.name, topic.predicate) for topic in topics]
    floor_terms = sum(len(dict.fromkeys(positive_terms(topic.tree))) for topic in topics)
    with tempfile.TemporaryDirectory(prefix="ecoute-bench-") as scratch:
        normalisation_sql = compiled_matchable_sql(Path(scratch))

    connection = duckdb.connect()
    connection.execute(f"attach {_DUCKDB.string(str(warehouse))} as ecoute (read_only)")
    mentions_count = count(connection, f"select count(*) from {UNIONED}")
    matchable_count = count(connection, f"select count(*) from {MATCHABLE}")
    if mentions_count != matchable_count:
        raise SystemExit(
            f"{warehouse}: {mentions_count:,} mentions but {matchable_count:,} matchable rows; "
            "the warehouse is half-built: " + BUILD_HINT.format(path=warehouse)
        )
    threads = connection.execute("select current_setting('threads')").fetchone()[0]  # type: ignore[index]
    print(
        f"{dt.date.today().isoformat()} · {machine()}\n"
        f"DuckDB {duckdb.__version__}, {threads} threads (its default) · Python "
        f"{platform.python_version()}\n"
        f"{warehouse}: {mentions_count:,} mentions · {len(topics)} topics "
        f"({_tests(predicates)} in (a), {floor_terms} ILIKE terms in (b)) · "
        f"each method once untimed (warm cache), then {args.repeat} timed runs\n"
        f"load average before: {load_average()} (other processes share the cores)\n"
    )

    def progress(message: str) -> None:
        print(f"  … {message}", file=sys.stderr, flush=True)

    progress("(b) ILIKE floor")
    floor_seconds = timed(materialise(connection, "bench_floor", ilike_sql(topics)), args.repeat)
    floor = Timing(
        "(b) ILIKE floor, int_mentions_unioned",
        floor_seconds,
        mentions_count,
        count(connection, "select count(*) from bench_floor"),
    )
    progress("(a) Écoute matching")
    matching_seconds = timed(
        materialise(connection, "bench_matched", matching_sql(predicates)), args.repeat
    )
    matching = Timing(
        "(a) Écoute, union all over int_mentions_matchable",
        matching_seconds,
        mentions_count,
        count(connection, "select count(*) from bench_matched"),
    )
    progress("(c) normalisation")
    normalisation = Timing(
        "(c) normalisation: build int_mentions_matchable",
        timed(materialise(connection, "bench_matchable", normalisation_sql), args.repeat),
        mentions_count,
        None,
    )
    connection.execute("drop table bench_matchable")
    both = Timing(
        "(c)+(a) Écoute from unioned mentions",
        [c + a for c, a in zip(normalisation.seconds, matching.seconds, strict=True)],
        mentions_count,
        matching.pairs,
    )

    progress(f"(d) reference evaluator on {args.sample:,} mentions (slow)")
    sample = sample_mentions(connection, args.sample)
    expected: set[tuple[str, str]] = set()

    def run_reference() -> None:
        nonlocal expected
        expected = reference_pairs(topics, sample)

    sample_seconds = timed(run_reference, args.repeat, warm_up=False)
    scale = mentions_count / len(sample)
    naive = Timing(
        f"(d) naive Python reference, EXTRAPOLATED ×{scale:,.0f} from {len(sample):,}",
        [seconds * scale for seconds in sample_seconds],
        mentions_count,
        len(expected),
        " in sample",
    )

    progress("each predicate alone")
    alone = {
        topic.name: statistics.median(
            timed(
                lambda topic=topic: count(
                    connection, f"select count(*) from {MATCHABLE} where {topic.predicate}"
                ),
                args.repeat,
            )
        )
        for topic in topics
    }

    print(table([floor, matching, normalisation, both, naive], floor, naive))
    print(
        "\nmentions/s and ratios use the medians. (c) runs once per build, not per topic; "
        "(c)+(a) is what a build costs from the unioned mentions.\n(d) ran without a warm-up, "
        f"over {len(sample):,} mentions sampled by hash of mention_id; its seconds are "
        f"the sample's × {scale:,.0f}."
    )
    total_alone = sum(alone.values())
    print(
        f"\nThe 5 slowest predicates, each timed alone (median of {args.repeat}, "
        f"count(*) over {MATCHABLE}); all {len(topics)} alone sum to {total_alone:.2f}s:"
    )
    queries = {topic.name: topic.query for topic in topics}
    for name, seconds in sorted(alone.items(), key=lambda item: -item[1])[:5]:
        print(f"  {seconds:6.3f}s {seconds / total_alone:5.1%}  {name}: {queries[name]}")
    own = own_predicates(connection)
    if own:
        progress(f"the warehouse's own {len(own)} topics")
        print(
            f"\nThe warehouse's own {len(own)} topics ({OWN_PREDICATES}, presets included; "
            f"{_tests(own)}), min/median of {args.repeat}:"
        )
        for label, through_cte in (
            ("as int_mentions_matched_to_topics writes it (each select reads the table)", False),
            ("through one shared CTE (with matchable as …), as the model first did", True),
        ):
            seconds = timed(
                materialise(connection, "bench_own", matching_sql(own, through_cte)), args.repeat
            )
            print(f"  {min(seconds):6.2f}s / {statistics.median(seconds):6.2f}s  {label}")
    print(f"\nload average after: {load_average()}\n")
    print(check_agreement(connection, expected, sample, topics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
