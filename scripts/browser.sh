#!/usr/bin/env bash
# Make sure a Chromium is installed, for the test that opens the HTML report in a real browser.
# Installs Debian's package only when none is on PATH; apt-get's output goes to a log shown on failure.
# Prints the browser's path.
set -euo pipefail
source "$(dirname "$0")/lib/quiet.sh"
for name in chromium chromium-browser; do
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; exit 0; fi
done
LOG="${TMPDIR:-/tmp}/mmssc-apt-chromium.log"
echo "Installing Chromium for the browser test (about 2 minutes; apt-get output in $LOG)..." >&2
apt_install "$LOG" chromium
command -v chromium
