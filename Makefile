# The two commands of the README (`make demo`, `make test`) and `make check` each
# create or reuse .venv themselves: a fresh machine needs only Python 3.11+ and make.
SHELL := /bin/bash
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.bakat-installed
DEMO_DIR ?= demo
PYTEST_ARGS ?=

.PHONY: help venv demo batch test check format lint types contract lock bench-deps clean

help:
	@echo "make demo   - set up, generate the demo agency, run the pipeline, serve the web app"
	@echo "make batch  - the demo agency through every batch step, without the web app"
	@echo "make test   - the full test suite"
	@echo "make check  - format, lint, types, import-layer contract, tests"

$(STAMP): requirements/dev.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3.11+ on PATH)." >&2; exit 2; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

venv: $(STAMP)

# The demo agency as of the BKN review of 17 October 2025: generated, loaded into the web
# app, every batch step with the report (demo/hasil/laporan.html), then served.
AS_OF ?= 2025-10-17
PORT ?= 8000
demo: venv
	$(BIN)/bakat demo --port $(PORT) --folder $(DEMO_DIR)

# The same batch steps without the web app: generate, then `bakat run`.
batch: venv
	$(BIN)/bakat generate $(DEMO_DIR)/data --seed 17 --as-of $(AS_OF) --force
	$(BIN)/bakat run $(DEMO_DIR)/data --out $(DEMO_DIR)/hasil --as-of $(AS_OF)

test: venv
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

format: venv
	$(BIN)/ruff format src tests benchmarks

lint: venv
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks

types: venv
	$(BIN)/mypy

contract: venv
	$(BIN)/lint-imports

check: lint types contract test

# Benchmark-only comparisons (Splink with DuckDB), not needed to run or test bakat.
bench-deps: venv
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/bench.lock

# Regenerate the hashed lock after changing dependencies in pyproject.toml.
lock: venv
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --universal \
		--python-version 3.11 -o requirements/dev.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra bench --generate-hashes --universal \
		--python-version 3.11 -o requirements/bench.lock

clean:
	rm -rf $(VENV) $(DEMO_DIR) .pytest_cache .mypy_cache .ruff_cache .hypothesis
