# The one interface between the tools. `make demo` and `make test` are all a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MENTIONS ?= 20000

export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export RUNTIME__DLTHUB_TELEMETRY := false
export GX_ANALYTICS_ENABLED := false
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home

.PHONY: help install demo test dev lint format lock clean bench-queries

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip sync --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --python $(BIN)/python --no-deps --editable .
	$(BIN)/ecoute prepare
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install Écoute with its test tools

demo: $(STAMP) ## build the whole warehouse from the demo feed and print the report
	$(BIN)/ecoute run --mentions $(MENTIONS)

test: $(STAMP) ## run the test suite
	$(BIN)/python -m pytest

dev: $(STAMP) ## open the Dagster UI with every asset, check and schedule
	@mkdir -p $(DAGSTER_HOME) && test -f $(DAGSTER_HOME)/dagster.yaml || printf 'telemetry:\n  enabled: false\n' > $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev

lint: $(STAMP) ## ruff on the Python code
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## format the Python code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lock: ## re-resolve requirements.lock from pyproject.toml (needs the package registry)
	@test -x $(BIN)/uv || ($(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet uv)
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 --quiet -o requirements.lock

bench-queries: ## time topic matching on a built warehouse (builds nothing): make bench-queries WAREHOUSE=path
	@test -f "$(WAREHOUSE)" || { echo "No warehouse at '$(WAREHOUSE)'. Build a 1M-mention one first (about 3 minutes on 2 cores):"; \
		echo "    ECOUTE_WAREHOUSE=$(or $(WAREHOUSE),/tmp/bench/w.duckdb) $(BIN)/ecoute run --mentions 1000000 --no-report"; \
		echo "then run: make bench-queries WAREHOUSE=$(or $(WAREHOUSE),/tmp/bench/w.duckdb)"; exit 1; }
	$(BIN)/python -m benchmarks.query_matching --warehouse "$(WAREHOUSE)"

clean: ## remove the warehouse, dbt artifacts and Dagster runs (keeps .venv)
	rm -rf warehouse transform/target transform/logs .dagster_home
