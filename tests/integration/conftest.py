"""One warehouse built end to end for the integration tests (the expensive part, done once).

The job runs on `listening.yml` as shipped, plus two source connectors (RSS/Atom
and Mastodon) pointed at a real local server that plays recorded real
responses, when `../shared` has them, and a review site's export dropped in
the watched folder of file drops: the marts hold the demo feed and those
mentions side by side, as a user's warehouse would.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest
from ruamel.yaml import YAML

from ecoute.settings import CONFIG_ENV, CORRECTIONS_ENV, DEFAULT_CONFIG, WAREHOUSE_ENV
from tests.ingestion.fixture_server import SHARED_FIXTURES, FixtureServer, Reply

DEMO = {"mentions": 8_000, "start": "2026-09-01", "end": "2026-09-30", "seed": 11}

# Recorded payloads the connectors of the built warehouse read (`../shared/data/fixtures`).
RECORDED_FEEDS = {"google_blog": "feed-google-blog.xml", "dcdate": "feed-dcdate.xml"}
RECORDED_TIMELINE = SHARED_FIXTURES / "mastodon" / "rtoot__handle_params_max_id__01.json"
MASTODON_TAG_PATH = "/api/v1/timelines/tag/IchbinHanna"
HAS_RECORDINGS = (SHARED_FIXTURES / "rss_atom").is_dir() and RECORDED_TIMELINE.is_file()

# A review site's export dropped in the watched folder (`sources.files`), as analysts do.
REVIEWS_CSV = (
    "\ufeffid;avis;date;auteur;note\n"
    "r-101;Vol Air Aurore annulé, aucune aide au comptoir;2026-09-12 18:40;Claire D.;1\n"
    '"r-102";"Équipage adorable, je revolerai avec Air Aurore";12/09/2026 20:05;Marc;5\n'
)


@dataclass
class BuiltWarehouse:
    path: Path
    first_run: object
    second_run: object

    def sql(self, statement: str, parameters: list[object] | None = None) -> list[tuple]:
        with duckdb.connect(str(self.path), read_only=True) as connection:
            return connection.execute(statement, parameters or []).fetchall()

    def scalar(self, statement: str, parameters: list[object] | None = None) -> object:
        return self.sql(statement, parameters)[0][0]


def run_listening_job(demo: dict[str, object]):
    """The job `ecoute run` executes, in this process, on an ephemeral Dagster instance."""
    import dagster as dg

    from ecoute.manifest import prepare_manifest
    from orchestration.definitions import defs

    prepare_manifest()
    return defs.resolve_job_def("listening_job").execute_in_process(
        run_config={"ops": {"demo_feed": {"config": demo}}},
        instance=dg.DagsterInstance.ephemeral(),
        raise_on_error=False,
    )


@pytest.fixture(scope="session")
def recorded_services() -> Iterator[FixtureServer | None]:
    """The local server playing the connectors' recorded responses (None without `../shared`)."""
    if not HAS_RECORDINGS:
        yield None
        return
    with FixtureServer() as server:
        for file in RECORDED_FEEDS.values():
            server.route(
                f"/feeds/{file}",
                Reply.file(SHARED_FIXTURES / "rss_atom" / file, content_type="application/rss+xml"),
            )
        server.route(MASTODON_TAG_PATH, Reply.file(RECORDED_TIMELINE))
        yield server


def listening_yml_with_connectors(path: Path, server: FixtureServer | None) -> Path:
    """`listening.yml` as shipped, with file drops, and RSS and Mastodon on `server` when there is one."""
    yaml = YAML()
    config = yaml.load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    drops = path.parent / "drops" / "avis"
    drops.mkdir(parents=True, exist_ok=True)
    (drops / "septembre.csv").write_text(REVIEWS_CSV, encoding="utf-8")
    config["sources"]["files"] = {
        "enabled": True,
        "folder": "drops",
        "imports": {
            "avis": {
                "pattern": "avis/*.csv",
                "platform": "avis_verifies",
                "map": "mention_id=id,text=avis,published_at=date,author=auteur",
                "timezone": "Europe/Paris",
            }
        },
    }
    if server is not None:
        config["sources"]["rss"] = {
            "enabled": True,
            "feeds": {
                name: {"url": f"{server.url}/feeds/{file}"} for name, file in RECORDED_FEEDS.items()
            },
        }
        config["sources"]["mastodon"] = {
            "enabled": True,
            "base_url": server.url,
            "requests_per_minute": 6000,
            "queries": {"hanna": {"hashtag": "IchbinHanna"}},
        }
    with path.open("w", encoding="utf-8") as file:
        yaml.dump(config, file)
    return path


@pytest.fixture(scope="session")
def warehouse_env(tmp_path_factory, recorded_services) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("warehouse") / "ecoute.duckdb"
    previous = {key: os.environ.get(key) for key in (WAREHOUSE_ENV, CONFIG_ENV, CORRECTIONS_ENV)}
    os.environ[WAREHOUSE_ENV] = str(path)
    os.environ[CONFIG_ENV] = str(
        listening_yml_with_connectors(path.parent / "listening.yml", recorded_services)
    )
    # No analyst's corrections unless a test makes some (tests/integration/test_corrections.py).
    os.environ[CORRECTIONS_ENV] = str(tmp_path_factory.mktemp("corrections"))
    yield path
    for key, value in previous.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def built(warehouse_env: Path) -> BuiltWarehouse:
    first = run_listening_job(DEMO)
    second = run_listening_job(DEMO)
    return BuiltWarehouse(path=warehouse_env, first_run=first, second_run=second)


@pytest.fixture(scope="session")
def demo_params():
    from ingestion.demo.generator import DemoParams

    return DemoParams(
        mentions=DEMO["mentions"],
        start=date.fromisoformat(DEMO["start"]),
        end=date.fromisoformat(DEMO["end"]),
        seed=DEMO["seed"],
    )
