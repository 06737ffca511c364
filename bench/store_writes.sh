#!/usr/bin/env bash
# Store benchmark, printed as Markdown rows: 100 concurrent reporters
# (tokio tasks, each a reporter account of its party for the organisation
# that leads its action) submitting progress reports through the store's
# checked write path (`ProgressStore::add_reports`), on SQLite (a file in
# WAL mode, synchronous=NORMAL, the default, and FULL) and PostgreSQL.
# Each backend runs twice: back to back (the saturation rate; latency is
# then mostly queueing) and at 1,000 writes/s offered (latency from the
# moment each write was due). Every run ends by checking that each
# acknowledged write is in the store; a miss fails the script.
#
#   bench/store_writes.sh
#   WRITES=20 RATE=500 bench/store_writes.sh      a quicker run
#
# PostgreSQL: PG_URL (default postgres://postgres@127.0.0.1/postgres) must
# allow CREATE DATABASE; skipped when pg_isready fails.
set -euo pipefail
cd "$(dirname "$0")/.."

REPORTERS=${REPORTERS:-100}
WRITES=${WRITES:-50}
RATE=${RATE:-1000}
# At the offered rate, each reporter writes RATE_WRITES times (10 s at the defaults).
RATE_WRITES=${RATE_WRITES:-100}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1/postgres}
export REPORTERS

cargo build --release -p jointplan-store --benches >&2
run() { cargo bench -q -p jointplan-store --bench store_writes 2>&1 | grep -E '^\||FAILED|refused'; }

W=$(mktemp -d)
PG_DB="jp_bench_writes_$$"
cleanup() {
  rm -rf "$W"
  if [ -n "${PG_READY:-}" ]; then
    psql "$PG_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

echo "| backend | load | writes | time | accepted writes/s | p50 | p99 | max | check |"
echo "|---|---|---|---|---|---|---|---|---|"
for sync in normal full; do
  STORE_URL="sqlite://$W/back-$sync.db?synchronous=$sync" WRITES=$WRITES run | sed "s/^| SQLite |/| SQLite ($sync) |/"
  STORE_URL="sqlite://$W/rate-$sync.db?synchronous=$sync" WRITES=$RATE_WRITES RATE=$RATE run | sed "s/^| SQLite |/| SQLite ($sync) |/"
done

if pg_isready -d "$PG_URL" >/dev/null 2>&1; then
  PG_READY=1
  pg_db_url="${PG_URL%/*}/$PG_DB"
  for load in back rate; do
    psql "$PG_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
    psql "$PG_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
    if [ "$load" = back ]; then
      STORE_URL="$pg_db_url" WRITES=$WRITES run
    else
      STORE_URL="$pg_db_url" WRITES=$RATE_WRITES RATE=$RATE run
    fi
  done
else
  echo "PostgreSQL at $PG_URL not ready: skipped" >&2
fi
