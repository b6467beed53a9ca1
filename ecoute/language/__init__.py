"""Language identification: the marker words the SQL identifier counts."""
