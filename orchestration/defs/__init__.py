"""Assets, checks, jobs and schedules, one module per integration."""
