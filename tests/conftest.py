"""Shared fixtures. Every test that touches a warehouse gets its own temporary DuckDB file."""

from __future__ import annotations

import os

from ecoute.settings import TELEMETRY_OFF

for key, value in TELEMETRY_OFF.items():
    os.environ.setdefault(key, value)
