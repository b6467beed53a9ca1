"""The dbt manifest that the Dagster code location loads: parsed ahead, never at load time.

`ecoute prepare` (run by the install), `ecoute run` and `dagster dev` call
`prepare_manifest()`; it runs `dbt parse` only when the manifest is missing or
older than a file of the dbt project, with the dbt installed beside this
interpreter (the virtualenv need not be on PATH).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ecoute.settings import DBT_EXECUTABLE, TRANSFORM_DIR

MANIFEST = TRANSFORM_DIR / "target" / "manifest.json"
# What `dbt parse` reads, besides dbt_project.yml and profiles.yml.
_PROJECT_FOLDERS = ("models", "macros", "seeds", "tests", "snapshots")


class ManifestError(RuntimeError):
    """`dbt parse` failed; the message carries dbt's own output."""


def prepare_manifest(force: bool = False) -> Path:
    """Parse the dbt project into `transform/target/manifest.json` if it is stale; returns its path."""
    if not force and MANIFEST.exists() and not _is_stale(MANIFEST):
        return MANIFEST
    completed = subprocess.run(
        dbt_argv("parse", "--quiet"),
        cwd=TRANSFORM_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise ManifestError(f"dbt parse failed:\n{completed.stdout}{completed.stderr}")
    return MANIFEST


def dbt_argv(verb: str, *options: str, work: Path | None = None) -> list[str]:
    """The command line of `dbt VERB` on Écoute's project, with the dbt beside this interpreter.

    With `work`, dbt writes its `target/` and `logs/` there instead of
    `transform/`, leaving alone the manifest that Dagster reads.
    """
    argv = [str(DBT_EXECUTABLE), verb, *options]
    argv += ["--project-dir", str(TRANSFORM_DIR), "--profiles-dir", str(TRANSFORM_DIR)]
    if work is not None:
        argv += ["--target-path", str(work / "target"), "--log-path", str(work / "logs")]
    return argv


def _is_stale(manifest: Path) -> bool:
    built = manifest.stat().st_mtime
    files = [
        TRANSFORM_DIR / "dbt_project.yml",
        TRANSFORM_DIR / "profiles.yml",
        *(path for folder in _PROJECT_FOLDERS for path in (TRANSFORM_DIR / folder).rglob("*")),
    ]
    return any(path.is_file() and path.stat().st_mtime > built for path in files)
