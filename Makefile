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

LOG := $(VENV)/install.log
QUIETLY := bash scripts/quietly.sh $(LOG)

# pip's output goes to .venv/install.log and is shown only when a step fails.
$(STAMP): pyproject.toml requirements.lock
	@echo "Installing into $(VENV): 3-6 minutes the first time on a 2-core machine with a warm pip cache (log: $(LOG))"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@: > $(LOG)
	@$(QUIETLY) $(BIN)/pip install --upgrade pip
	@echo "  torch (CPU build)..."
	@# torch first, pinned: the CPU wheel on local disk; an open range would pull a CUDA build.
	@$(QUIETLY) $(BIN)/pip install torch==2.13.0
	@echo "  the other packages (requirements.lock)..."
	@$(QUIETLY) $(BIN)/pip install -r requirements.lock
	@$(QUIETLY) $(BIN)/pip install --no-deps -e .
	@touch $(STAMP)
	@echo "Done. \`source $(VENV)/bin/activate\` puts mmssc on your PATH."

venv: $(STAMP) ## Create the virtual environment and install everything

run: $(STAMP) ## Run the product on its embedded defaults (terminal interview, SQLite, embedded Chroma)
	@bash scripts/run.sh

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
