"""Dagster definitions of Écoute: every warehouse table is an asset."""
