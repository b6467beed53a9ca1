"""Reusable pieces free of Dagster context where possible, unit-tested directly."""
