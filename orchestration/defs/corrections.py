"""New corrections files re-apply at once: a sensor on the corrections folder runs what they change."""

from __future__ import annotations

import hashlib
from pathlib import Path

import dagster as dg

from ecoute.settings import corrections_folder

CORRECTIONS_KEY = dg.AssetKey(["raw", "corrections"])

# The corrections, then every model they change: the intents and sentiment
# marts, and the learned layer, which retrains when its examples changed.
corrections_job = dg.define_asset_job(
    name="corrections_job",
    selection=dg.AssetSelection.assets(CORRECTIONS_KEY).downstream(),
    description="Load the corrections files and rebuild what they change: sentiment, intents, the learned layer.",
)


def folder_fingerprint(folder: Path) -> str | None:
    """A hash of the names, sizes and modification times of the folder's CSV/TSV files; None if none."""
    if not folder.is_dir():
        return None
    files = sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in {".csv", ".tsv"}
    )
    if not files:
        return None
    digest = hashlib.sha256()
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@dg.sensor(
    job=corrections_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description="Runs corrections_job when a corrections file is added or changed "
    "($ECOUTE_CORRECTIONS, default corrections/).",
)
def corrections_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    folder = corrections_folder()
    fingerprint = folder_fingerprint(folder)
    if fingerprint is None:
        return dg.SkipReason(f"no corrections file in {folder}")
    if fingerprint == context.cursor:
        return dg.SkipReason(f"the corrections files of {folder} have not changed")
    return dg.SensorResult(run_requests=[dg.RunRequest(run_key=fingerprint)], cursor=fingerprint)
