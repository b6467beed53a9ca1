"""Benchmarks of Écoute, run by hand on a built warehouse (see benchmarks/README.md)."""
