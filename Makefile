# Everything runs inside .venv, created on first use. `make run` and `make test` are the quick start.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: help venv run test test-unit check lint typecheck eval eval-baseline bench index clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' Makefile | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: the CPU wheel on local disk; an open range would pull a CUDA build.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

venv: $(STAMP) ## Create the virtual environment and install everything

run: $(STAMP) ## Run the product on its embedded defaults (terminal interview, SQLite, embedded Chroma)
	$(BIN)/mmssc chat --assessment "$${MMSSC_ASSESSMENT:-Demo community 2026}" --stakeholder "$${MMSSC_STAKEHOLDER:-$${USER:-you}}"

test: $(STAMP) ## Run every test tier (starts and stops a local PostgreSQL) and the eval floor check
	bash scripts/test.sh

test-unit: $(STAMP) ## Only the fast unit tests
	$(BIN)/pytest -q tests/unit

check: lint typecheck test ## ruff, mypy on bot/, then the tests

lint: $(STAMP)
	$(BIN)/ruff check bot tests evals benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy bot

eval: $(STAMP) ## Run the evaluation suite on the dev and test cases and refresh evals/results/
	$(BIN)/mmssc eval --cases evals/cases/dev --out evals/results/dev.json
	$(BIN)/mmssc eval --cases evals/cases/test --out evals/results/test.json

bench: $(STAMP) ## Benchmarks: retrieval, suggestion, storage/scoring, reports, Slack
	$(BIN)/mmssc bench all

index: $(STAMP) ## Build or refresh the retrieval index under the data directory
	$(BIN)/mmssc index

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
