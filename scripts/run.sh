#!/usr/bin/env bash
# `make run`: the terminal interview for MMSSC_ASSESSMENT (default "Demo community 2026") as
# MMSSC_STAKEHOLDER, else the login name ($USER, $LOGNAME or `id -un`); asks for a name when there
# is none and a person is at the terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
MMSSC="${MMSSC_RUN_COMMAND:-.venv/bin/mmssc}"  # tests point this elsewhere

name="${MMSSC_STAKEHOLDER:-${USER:-${LOGNAME:-}}}"
[ -n "$name" ] || name="$(id -un 2>/dev/null || true)"
if [ -z "$name" ] && [ -t 0 ]; then
  read -r -p "Your name (the stakeholder answering the interview): " name
fi
if [ -z "$name" ]; then
  echo "No name for the stakeholder: set MMSSC_STAKEHOLDER, e.g. MMSSC_STAKEHOLDER=ana make run" >&2
  exit 2
fi
exec $MMSSC chat --assessment "${MMSSC_ASSESSMENT:-Demo community 2026}" --stakeholder "$name"
