"""`ecoute preview`: what a query matches in the warehouse, before it goes into listening.yml.

One scan of `intermediate.int_mentions_matchable` with the compiled predicate
(`ecoute.query.sql.to_sql`, the same SQL the pipeline runs) fills a temporary
table of the matches; every figure is then an aggregation of that table:
volume, days, platforms, languages, samples, and the likely noise.

`run` scans the warehouse and aggregates the matches, `noise` finds the likely
noise among them, ignoring the stop words of `ecoute.language.stop_words`, and `render` writes the
report for a reader.
"""

from ecoute.preview.noise import NoiseTerm
from ecoute.preview.render import describe_syntax_error
from ecoute.preview.run import Preview, Sample, run_preview

__all__ = ["NoiseTerm", "Preview", "Sample", "describe_syntax_error", "run_preview"]
