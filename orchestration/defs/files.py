"""Dropped files load at once: a sensor on the folder of `sources.files` runs the files asset and what it feeds."""

from __future__ import annotations

import hashlib

import dagster as dg

from ecoute.config import ConfigError, load_config
from ingestion.files import imports_in_folder
from orchestration.lib.dlt_translator import raw_table_key

FILES_KEY = raw_table_key("files_mentions")

files_job = dg.define_asset_job(
    name="files_job",
    selection=dg.AssetSelection.assets(FILES_KEY).downstream(),
    description="Load the dropped files of sources.files and rebuild every model downstream.",
)


def files_fingerprint(paths: list) -> str | None:
    """A hash of the names, sizes and modification times of the files; None if there are none."""
    if not paths:
        return None
    digest = hashlib.sha256()
    for path in sorted(paths):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@dg.sensor(
    job=files_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Runs files_job when a file matching an import of sources.files is added or changed.",
)
def files_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    try:
        settings = load_config().sources.files
    except ConfigError as error:
        return dg.SkipReason(f"listening.yml does not load: {error}")
    if not settings.enabled or settings.folder is None:
        return dg.SkipReason("sources.files is not enabled or has no folder")
    fingerprint = files_fingerprint([item.path for item in imports_in_folder(settings)])
    if fingerprint is None:
        return dg.SkipReason(f"no file matching an import in {settings.folder_path()}")
    if fingerprint == context.cursor:
        return dg.SkipReason(f"the files of {settings.folder_path()} have not changed")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)
