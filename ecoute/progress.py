"""Concise progress of a Dagster run on the terminal: one line per step and per table."""

from __future__ import annotations

import logging
import sys
import time

import dagster as dg

_SHOWN = {
    "STEP_START": "started",
    "STEP_SUCCESS": "done",
    "STEP_FAILURE": "FAILED",
}


class ProgressHandler(logging.Handler):
    """Prints step starts and ends, materialised tables and failed checks; drops the rest."""

    def __init__(self, stream=sys.stderr) -> None:
        super().__init__(level=logging.DEBUG)
        self.stream = stream
        self.started = time.monotonic()

    def emit(self, record: logging.LogRecord) -> None:
        event = getattr(record, "dagster_event", None)
        if event is None:
            return
        elapsed = f"[{time.monotonic() - self.started:7.1f}s]"
        kind = event.event_type_value
        if kind in _SHOWN:
            print(f"{elapsed} step {event.step_key}: {_SHOWN[kind]}", file=self.stream, flush=True)
        elif kind == "ASSET_MATERIALIZATION":
            materialization = event.step_materialization_data.materialization
            count = _row_counts(materialization.metadata)
            print(
                f"{elapsed}   built {materialization.asset_key.to_user_string()}{count}",
                file=self.stream,
                flush=True,
            )
        elif kind == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            if not evaluation.passed:
                print(
                    f"{elapsed}   check failed: {evaluation.asset_key.to_user_string()}"
                    f" {evaluation.check_name}",
                    file=self.stream,
                    flush=True,
                )


def _row_counts(metadata) -> str:
    """' (20,000 rows, 1,000 loaded)': rows in the table, and those this run loaded if known."""
    parts = []
    if (rows := metadata.get("dagster/row_count")) is not None:
        parts.append(f"{rows.value:,} rows")
    if (loaded := metadata.get("rows_loaded")) is not None:
        parts.append(f"{loaded.value:,} loaded")
    return f" ({', '.join(parts)})" if parts else ""


@dg.logger(description="One line per step, table built and failed check, for the `ecoute` CLI.")
def progress_logger(_init_context: dg.InitLoggerContext) -> logging.Logger:
    logger = logging.getLogger("ecoute.progress")
    logger.handlers = [ProgressHandler()]
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger
