"""The listening job and when it runs."""

from __future__ import annotations

import dagster as dg

# Everything, in dependency order: config and feeds into raw, then dbt, then checks.
listening_job = dg.define_asset_job(
    name="listening_job",
    selection=dg.AssetSelection.all(),
    description="Load every configured source into `raw`, rebuild the dbt models and run every check.",
)

daily_listening_schedule = dg.ScheduleDefinition(
    name="daily_listening",
    job=listening_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Europe/Paris",
    description="Every morning at 06:00 Paris time, before the comms team's stand-up.",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)
