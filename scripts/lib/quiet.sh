# Helpers for the set-up scripts: keep package managers quiet unless they fail.
# Source it: `source "$(dirname "$0")/lib/quiet.sh"`.

# run_logged LOG COMMAND...: append the command line and its output to LOG; return its exit status.
run_logged() {
  local log=$1
  shift
  echo "\$ $*" >>"$log"
  "$@" >>"$log" 2>&1
}

# fail_with_log LOG MESSAGE: say what failed, show the end of LOG on standard error, exit 1.
fail_with_log() {
  echo "$2. The last lines of $1:" >&2
  tail -n 60 "$1" >&2
  exit 1
}

# apt_install LOG PACKAGE...: install Debian packages with apt-get's output in LOG. The package lists
# are refreshed only when installing from the current ones fails (a fresh machine has none).
apt_install() {
  local log=$1
  shift
  if [ "$(id -u)" -ne 0 ]; then
    echo "$* is missing and installing it needs root (apt-get)" >&2
    exit 1
  fi
  : >"$log"
  export DEBIAN_FRONTEND=noninteractive
  run_logged "$log" apt-get install -y -q "$@" && return 0
  run_logged "$log" apt-get update -q && run_logged "$log" apt-get install -y -q "$@" && return 0
  fail_with_log "$log" "apt-get could not install $*"
}
