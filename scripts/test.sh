#!/usr/bin/env bash
# `make test`: every tier of tests against real SQLite, Chroma, the embedding model and PostgreSQL,
# then the evaluation suite on the dev cases against the committed floor.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

if [ -z "${MMSSC_TEST_POSTGRES_URL:-}" ]; then
  MMSSC_TEST_POSTGRES_URL="$(bash scripts/postgres.sh start | tail -n 1)"
  export MMSSC_TEST_POSTGRES_URL
  trap 'bash scripts/postgres.sh stop' EXIT
fi
bash scripts/browser.sh >/dev/null || echo "warning: headless Chromium unavailable; the browser test will fail" >&2
export MMSSC_TEST_REQUIRE_BROWSER=1  # here the browser test must run; elsewhere it skips without Chromium

$BIN/pytest -q -p no:cacheprovider tests
$BIN/python -m evals.check_floor
