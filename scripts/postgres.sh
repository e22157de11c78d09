#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL on 127.0.0.1 for the storage tests.
#   scripts/postgres.sh start   -> prints the database URL on the last line
#   scripts/postgres.sh stop
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PGDIR="$ROOT/.pg"
source "$ROOT/scripts/lib/quiet.sh"
PORT="${MMSSC_TEST_PG_PORT:-55432}"

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  echo "$found"
}

install_postgres() {
  if [ -z "$(find_bin)" ]; then
    local log="${TMPDIR:-/tmp}/mmssc-apt-postgresql.log"
    echo "Installing PostgreSQL (Debian package; apt-get output in $log)..." >&2
    apt_install "$log" postgresql
  fi
}

run_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-}" in
  start)
    install_postgres
    BIN="$(find_bin)"
    mkdir -p "$PGDIR"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$PGDIR"
    if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
      run_as_postgres "$BIN/initdb -D '$PGDIR/data' -U postgres --auth=trust >/dev/null"
    fi
    if ! run_as_postgres "$BIN/pg_ctl -D '$PGDIR/data' status" >/dev/null 2>&1; then
      run_as_postgres "$BIN/pg_ctl -D '$PGDIR/data' -l '$PGDIR/log' -w start -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$PGDIR'\"" >/dev/null
    fi
    run_as_postgres "$BIN/psql -h 127.0.0.1 -p $PORT -U postgres -tc \"SELECT 1 FROM pg_database WHERE datname='mmssc_test'\"" | grep -q 1 \
      || run_as_postgres "$BIN/createdb -h 127.0.0.1 -p $PORT -U postgres mmssc_test"
    echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/mmssc_test"
    ;;
  stop)
    BIN="$(find_bin)"
    if [ -n "$BIN" ] && [ -f "$PGDIR/data/PG_VERSION" ]; then
      run_as_postgres "$BIN/pg_ctl -D '$PGDIR/data' -m fast -w stop" >/dev/null 2>&1 || true
    fi
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
