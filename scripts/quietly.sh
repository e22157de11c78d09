#!/usr/bin/env bash
# quietly.sh LOG COMMAND...: run COMMAND with its output in LOG (appended); print nothing unless it
# fails, then show the end of LOG. Used by `make venv` for pip.
set -euo pipefail
source "$(dirname "$0")/lib/quiet.sh"
log=$1
shift
mkdir -p "$(dirname "$log")"
run_logged "$log" "$@" || fail_with_log "$log" "'$*' failed"
