"""`ecoute`: build the listening warehouse and look at what it says."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import time
from pathlib import Path

import click

from ecoute.config import ConfigError, load_config
from ecoute.manifest import ManifestError, prepare_manifest
from ecoute.settings import (
    REPO_ROOT,
    TRANSFORM_DIR,
    config_path,
    prepare_environment,
)

DAGSTER_YAML = "telemetry:\n  enabled: false\n"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Écoute — warehouse-native social listening (dlt + dbt + Dagster on DuckDB).

    The warehouse is `$ECOUTE_WAREHOUSE` (default warehouse/ecoute.duckdb) and
    the listening configuration `$ECOUTE_CONFIG` (default listening.yml).
    """


@main.command()
@click.option(
    "--mentions",
    type=click.IntRange(1_000, 10_000_000),
    help="Demo feed size (default: listening.yml).",
)
@click.option("--start", help="First day of the demo window, YYYY-MM-DD (default: listening.yml).")
@click.option("--end", help="Last day of the demo window, YYYY-MM-DD (default: listening.yml).")
@click.option("--seed", type=int, help="Seed of the demo feed (default: listening.yml).")
@click.option(
    "--report/--no-report", default=True, show_default=True, help="Print the report after the run."
)
def run(
    mentions: int | None, start: str | None, end: str | None, seed: int | None, report: bool
) -> None:
    """Materialise the whole asset graph: load sources, build the dbt models, run every check."""
    _validated_config()
    warehouse = prepare_environment()
    _prepare_dagster_home()
    _prepared_manifest()
    import dagster as dg

    from orchestration.definitions import defs

    overrides = {
        k: v
        for k, v in {"mentions": mentions, "start": start, "end": end, "seed": seed}.items()
        if v is not None
    }
    click.echo(f"Building {warehouse}", err=True)
    tool_log = _tool_log_path(warehouse)
    started = time.monotonic()
    # The tools' own output (dbt's log lines) goes to a file; the terminal gets
    # one concise line per step and table instead of Dagster's debug log.
    with tool_log.open("w", encoding="utf-8") as log, contextlib.redirect_stdout(log):
        result = defs.resolve_job_def("listening_job").execute_in_process(
            run_config={
                "ops": {"demo_feed": {"config": overrides}},
                "loggers": {"progress": {}},
            },
            instance=dg.DagsterInstance.get(),
            raise_on_error=False,
        )
    elapsed = time.monotonic() - started
    if not result.success:
        raise click.ClickException(
            f"the run failed after {elapsed:.0f}s; see the failed step above and {tool_log}"
        )
    click.echo(f"Built in {elapsed:.1f}s (dbt output: {tool_log})", err=True)
    if report:
        _print_report(warehouse)
    failed_checks = [e for e in result.get_asset_check_evaluations() if not e.passed]
    if failed_checks:
        names = ", ".join(f"{e.asset_key.to_user_string()}:{e.check_name}" for e in failed_checks)
        raise click.ClickException(f"{len(failed_checks)} check(s) failed: {names}")


@main.group()
def bench() -> None:
    """Measure Écoute's scorers on labelled data."""


@bench.command("sentiment")
@click.option(
    "--data",
    "data_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV (or .tsv) of labelled posts.",
)
@click.option(
    "--text-col", default="text", show_default=True, help="Column holding the post's text."
)
@click.option(
    "--label-col",
    default="label",
    show_default=True,
    help="Column holding the gold label: negative, neutral or positive.",
)
@click.option(
    "--lang-col", help="Column holding the post's language (ISO 639-1); figures per language."
)
@click.option(
    "--throughput-texts",
    type=click.IntRange(0, 10_000_000),
    default=200_000,
    show_default=True,
    help="Repeat the posts up to this many texts to time the warehouse (0: score them once).",
)
@click.option(
    "--train-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Labelled posts (same columns) fed first as analysts' corrections: measures the learned layer.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def bench_sentiment(
    data_file: Path,
    text_col: str,
    label_col: str,
    lang_col: str | None,
    throughput_texts: int,
    train_file: Path | None,
    as_json: bool,
) -> None:
    """Score labelled posts with the warehouse's sentiment model and with VADER, in one run.

    The posts go through the pipeline's own code (the lexicons loaded by dlt,
    the dbt models) in a scratch DuckDB file; prints macro-F1 and accuracy per
    language, and texts per second of both scorers. DuckDB's fixed cost per
    query would dominate a small file, so the warehouse is timed on the posts
    repeated up to --throughput-texts; VADER's cost per text does not depend
    on the number of texts.
    """
    from ecoute.sentiment.bench import BenchError, read_labelled_posts, render, run_bench

    try:
        posts = read_labelled_posts(data_file, text_col, label_col, lang_col)
        training = (
            read_labelled_posts(train_file, text_col, label_col, lang_col) if train_file else None
        )
        if training is not None:
            click.echo(
                f"learning from {training.frame.height:,} labelled posts of {train_file} …",
                err=True,
            )
        click.echo(f"scoring {posts.frame.height:,} posts from {data_file} …", err=True)
        result = run_bench(posts, throughput_texts, training)
    except BenchError as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        click.echo(render(result, data_file))


@main.group()
def corrections() -> None:
    """Correct a mention's sentiment or intents; corrections override the scorers and teach them."""


_NO_BUILD = click.option(
    "--build/--no-build",
    default=True,
    show_default=True,
    help="Rebuild the models downstream of the corrections, so every mart shows them now.",
)


@corrections.command("add")
@click.argument("mention_id")
@click.option("--sentiment", help="negative, neutral or positive (or négatif, neutre, positif).")
@click.option("--intents", help="The mention's whole set of intents, comma-separated, or 'none'.")
@click.option("--by", "author", required=True, help="Who makes the correction.")
@click.option("--reason", help="Why (kept in the audit trail).")
@_NO_BUILD
def corrections_add(
    mention_id: str,
    sentiment: str | None,
    intents: str | None,
    author: str,
    reason: str | None,
    build: bool,
) -> None:
    """Correct one mention: ecoute corrections add demo:demo-20261011-0000042 --sentiment negative --by ana"""
    from ecoute.corrections import CorrectionsError, correction_from_command_line

    known = sorted(_validated_config().intent_rules)
    try:
        rows = correction_from_command_line(mention_id, sentiment, intents, author, reason, known)
    except CorrectionsError as error:
        raise click.ClickException(str(error)) from None
    _load_corrections(rows, build)


@corrections.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--by", "author", help="Who made the corrections without a corrected_by column.")
@_NO_BUILD
def corrections_import(path: Path, author: str | None, build: bool) -> None:
    """Load a CSV of corrections: mention_id, sentiment and/or intents, corrected_by, corrected_at, reason.

    Every line is checked first; a bad line stops the import with its line
    number and nothing loads. Importing the same file again adds nothing.
    """
    from ecoute.corrections import CorrectionsError, read_corrections_file

    known = sorted(_validated_config().intent_rules)
    try:
        rows = read_corrections_file(path, known, default_author=author)
    except CorrectionsError as error:
        raise click.ClickException(str(error)) from None
    _load_corrections(rows, build)


def _load_corrections(rows, build: bool) -> None:
    from ingestion.corrections import load_corrections

    warehouse = prepare_environment()
    added = load_corrections(rows)
    click.echo(
        f"{added:,} new correction(s) in {warehouse} ({rows.height - added:,} already there)",
        err=True,
    )
    if not build:
        click.echo("The marts show them after the next build (ecoute run).", err=True)
        return
    click.echo("rebuilding what the corrections change …", err=True)
    started = time.monotonic()
    _rebuild_downstream_of("corrections", warehouse)
    unknown = _unknown_mentions(rows, warehouse)
    if unknown:
        click.echo(
            f"warning: {len(unknown):,} correction(s) name mentions the warehouse does not hold, "
            f"e.g. {unknown[0]!r}; they change nothing (see marts.fct_corrections)",
            err=True,
        )
    click.echo(f"done in {time.monotonic() - started:.1f}s", err=True)


def _unknown_mentions(rows, warehouse: Path) -> list[str]:
    from ecoute.warehouse import query

    ids = rows["mention_id"].unique().to_list()
    known = query(
        "select mention_id from marts.fct_mentions where mention_id in (select unnest(?))",
        [ids],
        path=warehouse,
    )
    return sorted(set(ids) - set(known["mention_id"].to_list()))


def _rebuild_downstream_of(source: str, warehouse: Path) -> None:
    """`dbt build` of every model downstream of the dbt source `source`; a failure says the load stands."""
    from ecoute.manifest import dbt_argv

    completed = subprocess.run(
        dbt_argv(
            "build",
            "--select",
            f"source:{source}+",
            "--quiet",
            work=warehouse.parent / ".dbt" / source,
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise click.ClickException(
            f"the rebuild failed (the {source} rows are loaded; the next run applies them):\n"
            + completed.stdout[-4000:]
            + completed.stderr[-2000:]
        )


@main.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--platform",
    required=True,
    help="Where the rows come from: trustpilot, brandwatch, google_reviews…",
)
@click.option(
    "--map",
    "map_spec",
    required=True,
    metavar="SPEC",
    help="target=COLUMN,…: mention_id, text and published_at, optionally author, author_id, author_name,"
    " url, title, lang, likes, shares, comments, followers, parent_id, thread_id.",
)
@click.option(
    "--timezone", default="UTC", show_default=True, help="The zone of dates written without one."
)
@click.option(
    "--as-of",
    "as_of",
    metavar="ISO",
    help="When the file was exported: relative dates ('il y a 15 heures') count back from it"
    " (default: the file's modification time).",
)
@click.option("--delimiter", help="The CSV delimiter (default: sniffed among , ; tab |).")
@click.option("--encoding", help="The file's encoding (default: UTF-8, else cp1252, reported).")
@click.option(
    "--build/--no-build",
    default=True,
    show_default=True,
    help="Rebuild the models downstream of the file drops, so every mart shows the rows now.",
)
def import_file(
    path: Path,
    platform: str,
    map_spec: str,
    timezone: str,
    as_of: str | None,
    delimiter: str | None,
    encoding: str | None,
    build: bool,
) -> None:
    """Load one export (CSV, TSV, JSONL, Parquet) as mentions of PLATFORM.

    e.g. ecoute import reviews.csv --platform trustpilot --map mention_id=id,text=body,published_at=date

    Ids become PLATFORM:ID; rows that cannot be read (an id a spreadsheet wrote
    in scientific notation, an unreadable date) are quarantined with their line.
    Importing the same file again adds nothing.
    """
    from pydantic import ValidationError

    from ecoute.source_settings.files import FileImportSettings
    from ingestion.files import FileImport, load_files, prepare
    from ingestion.files.mapping import parse_map_spec
    from ingestion.files.reader import FileImportError

    try:
        parse_map_spec(map_spec)
        FileImportSettings(pattern=path.name, platform=platform, map=map_spec, timezone=timezone)
        when = _instant(as_of) if as_of else None
        prepared = prepare(
            FileImport(path, platform, map_spec, timezone, when, delimiter, encoding)
        )
    except FileImportError as error:
        raise click.ClickException(str(error)) from None
    except ValidationError as error:  # a platform that is not a name, an unknown zone
        problems = "; ".join(f"--{e['loc'][0]}: {e['msg']}" for e in error.errors())
        raise click.ClickException(problems) from None
    table, quarantined = prepared.table, prepared.mapped.quarantined
    how = ", ".join(
        part
        for part in (
            table.format,
            table.encoding and f"encoding {table.encoding}",
            table.delimiter and f"delimiter {table.delimiter!r}",
        )
        if part
    )
    click.echo(f"read {table.records:,} record(s) from {path} ({how})", err=True)
    for note in table.notes:
        click.echo(f"warning: {note}", err=True)
    warehouse = prepare_environment()
    click.echo(f"loading into {warehouse} …", err=True)
    run = load_files([prepared]).row(0, named=True)
    click.echo(
        f"{run['loaded']:,} loaded, {run['quarantined']:,} quarantined,"
        f" {run['duplicates']:,} duplicate(s) (repeated in the file or already loaded)",
        err=True,
    )
    for reason in quarantined["reason"].head(5).to_list():
        click.echo(f"  quarantined: {reason}", err=True)
    if quarantined.height > 5:
        click.echo(f"  … and {quarantined.height - 5:,} more: see raw.files_quarantine", err=True)
    if not build:
        click.echo("The marts show them after the next build (ecoute run).", err=True)
        return
    click.echo("rebuilding what the file drops feed …", err=True)
    started = time.monotonic()
    _rebuild_downstream_of("files", warehouse)
    click.echo(f"done in {time.monotonic() - started:.1f}s", err=True)


def _instant(text: str):
    """An ISO 8601 instant; one without a zone is UTC."""
    from datetime import UTC, datetime

    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(
            f"{text!r} is not ISO 8601 (e.g. 2026-11-20T18:00:00+01:00)", param_hint="--as-of"
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@main.command()
def report() -> None:
    """Print mentions per topic, share of voice and the biggest spikes from the warehouse."""
    _print_report(prepare_environment())


@main.command()
@click.argument("query", required=False)
@click.option(
    "--topic",
    metavar="NAME",
    help="Preview a topic of the configuration: its query with its exclusions and presets.",
)
@click.option(
    "--samples",
    type=click.IntRange(0, 1_000),
    default=20,
    show_default=True,
    help="Matched mentions to show.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a report.")
@click.pass_context
def preview(
    ctx: click.Context, query: str | None, topic: str | None, samples: int, as_json: bool
) -> None:
    """Try a query on the warehouse before committing it to listening.yml.

    Shows how many mentions QUERY matches, per day, platform and language,
    samples with the matched words marked, and the likely noise: frequent words
    of the matches that share little with the rest of them. Quote the query
    for the shell: ecoute preview '"air aurore" OR airaurore NOT boréale'.
    """
    import json

    from ecoute.preview import describe_syntax_error, run_preview
    from ecoute.query import QuerySyntaxError, parse
    from ecoute.settings import warehouse_path
    from ecoute.warehouse import WarehouseMissingError

    if (query is None) == (topic is None):
        raise click.UsageError("give a QUERY or --topic NAME (one of them)")
    version = None
    if topic is not None:
        compiled = _validated_config().compiled_topics()
        if topic not in compiled:
            raise click.BadParameter(
                f"unknown topic {topic!r} in {config_path()} (topics: {', '.join(compiled)})",
                param_hint="--topic",
            )
        query, node, version = (
            compiled[topic].query,
            compiled[topic].effective,
            compiled[topic].version,
        )
    else:
        try:
            node = parse(query)
        except QuerySyntaxError as error:
            click.echo(describe_syntax_error(query, error), err=True)
            ctx.exit(2)
    try:
        result = run_preview(
            node, query, warehouse_path(), samples=samples, topic=topic, query_version=version
        )
    except WarehouseMissingError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.render(color=click.get_text_stream("stdout").isatty()))


@main.command("check-config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="Also print each topic's effective query.")
def check_config(path: Path | None, verbose: bool) -> None:
    """Validate a listening configuration (default: $ECOUTE_CONFIG or listening.yml).

    Lists each topic with the version of its query: a version that changes in a
    review means the topic will match differently, and history will be re-matched.
    """
    config = _validated_config(path)
    sets = ", ".join(config.competitive_sets) or "none"
    click.echo(
        f"{path or config_path()}: ok — {len(config.topics)} topics, competitive sets: {sets}"
    )
    width = max(len(name) for name in config.topics)
    for name, compiled in config.compiled_topics().items():
        topic = config.topics[name]
        click.echo(f"  {name:<{width}}  {topic.kind.value:<10}  {compiled.version}  {topic.query}")
        if verbose:
            click.echo(f"  {'':<{width}}  effective: {compiled.effective.to_query()}")


@main.group()
def sources() -> None:
    """The source connectors configured in listening.yml (sources.<name>)."""


@sources.command("check")
@click.argument("path", required=False, type=click.Path(path_type=Path))
def sources_check(path: Path | None) -> None:
    """List every connector, what it needs (settings, credentials) and whether it is ready.

    Exits 1 when an enabled connector is not ready. Secrets are never printed:
    only whether each environment variable is set.
    """
    from ingestion.connectors import CONNECTORS

    config = _validated_config(path)
    demo = "enabled" if config.sources.demo.enabled else "disabled"
    click.echo(f"{path or config_path()}: sources")
    click.echo(
        f"  {'demo':<11} {demo:<9} ready: built in, no network ({config.sources.demo.mentions:,} mentions)"
    )
    not_ready = []
    for connector in CONNECTORS:
        settings = connector.settings(config)
        problems = []
        if not connector.is_configured(settings):
            problems.append(f"nothing to fetch under sources.{connector.name}")
        problems += [
            f"${credential.env_var} not set ({credential.description})"
            for credential in connector.missing_credentials()
        ]
        state = "enabled" if settings.enabled else "disabled"
        verdict = "ready" if not problems else "not ready: " + "; ".join(problems)
        where = f" · {settings.base_url}" if settings.base_url else ""
        click.echo(f"  {connector.name:<11} {state:<9} {verdict}{where}")
        if settings.enabled and problems:
            not_ready.append(connector.name)
    if not_ready:
        raise click.ClickException(f"enabled but not ready: {', '.join(not_ready)}")


@main.command()
def prepare() -> None:
    """Parse the dbt project into target/manifest.json (what loading the code location reads)."""
    prepare_environment()
    _prepared_manifest(force=True)
    click.echo(f"{TRANSFORM_DIR / 'target' / 'manifest.json'}: ready")


def _tool_log_path(warehouse: Path) -> Path:
    """A new log file beside the warehouse for one run's tool output."""
    logs = warehouse.parent / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    return logs / f"run-{time.strftime('%Y%m%d-%H%M%S')}.log"


def _prepared_manifest(force: bool = False) -> Path:
    try:
        return prepare_manifest(force=force)
    except ManifestError as error:
        raise click.ClickException(str(error)) from None


def _validated_config(path: Path | None = None):
    try:
        return load_config(path)
    except ConfigError as error:
        raise click.ClickException(str(error)) from None


def _prepare_dagster_home() -> None:
    """Runs of the CLI are recorded where `make dev` looks, so they show in the Dagster UI."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(REPO_ROOT / ".dagster_home")))
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists():
        settings.write_text(DAGSTER_YAML, encoding="utf-8")


def _print_report(warehouse: Path) -> None:
    from ecoute.report import build_report
    from ecoute.warehouse import WarehouseMissingError

    try:
        click.echo(build_report(warehouse).render())
    except WarehouseMissingError as error:
        raise click.ClickException(str(error)) from None
