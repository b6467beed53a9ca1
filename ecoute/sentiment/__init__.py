"""Sentiment: the lexicons the SQL scorer reads, and the measurement of the scorer."""
