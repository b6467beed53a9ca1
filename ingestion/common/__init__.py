"""What every source connector shares: the HTTP client, the raw record shapes, the collector.

A connector (`ingestion/<service>/`) only knows its service: which URLs to call,
how to page, and how its payload maps onto the raw mention shape
(`records.MENTION_SCHEMA`). This package does the rest the same way for all:

- `http.ServiceClient`: retries on 429 and 5xx honouring `Retry-After`,
  timeouts, a request rate per service, and errors that never show a secret;
- `records`: the three raw tables of a connector (`<service>_mentions`,
  `<service>_quarantine`, `<service>_runs`) and their dlt column hints;
- `collector.collect`: per configured query, keeps only what is new since the
  query's cursor, quarantines what cannot be parsed (with the raw payload and
  the reason), and records the run's counts, which always reconcile:
  fetched = loaded + quarantined + duplicates.
"""
