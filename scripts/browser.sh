#!/usr/bin/env bash
# Make sure Debian's Chromium is installed, for the test that opens the HTML report in a real browser.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then command -v chromium; exit 0; fi
if [ "$(id -u)" -ne 0 ]; then echo "chromium is missing and installing it needs root" >&2; exit 1; fi
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
command -v chromium
