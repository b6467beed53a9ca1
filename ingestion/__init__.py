"""Loaders that bring mentions into the warehouse's `raw` dataset, one dlt source per folder."""
