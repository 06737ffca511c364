#!/usr/bin/env bash
# Store benchmark, printed as Markdown: bulk import of progress reports
# (`jointplan progress import`) against the sqlite3 shell's `.import` and
# `psql \copy` of the same CSV; the portfolio roll-up on both backends; and
# the import's peak memory at 100k, 500k and 1M rows.
#
#   bench/progress_import.sh                  1,000 plans, 1,000,000 reports
#   PLANS=100 REPORTS=100000 bench/progress_import.sh     a quick run
#
# PostgreSQL: PG_URL (default postgres://postgres@127.0.0.1/postgres) must
# allow CREATE DATABASE; skipped when pg_isready fails. Needs sqlite3, psql
# and GNU time (/usr/bin/time); installs sqlite3 and time with apt if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PLANS=${PLANS:-1000}
REPORTS=${REPORTS:-1000000}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1/postgres}
RUNS=${RUNS:-2}

command -v sqlite3 >/dev/null || apt-get install -y sqlite3 >/dev/null
[ -x /usr/bin/time ] || apt-get install -y time >/dev/null

cargo build --release -p jointplan-cli -p xtask >&2
JP="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/jointplan"
# Benchmark data comes from the developer tasks, not the user's binary.
XTASK=(cargo run -q --release -p xtask --)

W=$(mktemp -d)
PG_DB="jp_bench_$$"
cleanup() {
  rm -rf "$W"
  if [ -n "${PG_READY:-}" ]; then
    psql "$PG_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# Runs a command under GNU time; sets SECS (wall) and RSS_MB (peak resident).
timed() {
  /usr/bin/time -v -o "$W/time" "$@" >/dev/null 2>"$W/err" || { cat "$W/err" >&2; return 1; }
  SECS=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$W/time")
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$W/time")
}
rate() { python3 -c "print(f'{$1/$2:,.0f}')"; }
ratio() { python3 -c "print(f'{($1/$2)/($3/$4):.2f}')"; }
best() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }

echo "building the portfolio: $PLANS plans, $REPORTS reports" >&2
JOINTPLAN_DATABASE_URL="sqlite://$W/template.db" "${XTASK[@]}" portfolio --plans "$PLANS" --reports "$REPORTS" --out "$W" 2>&1 | tail -1 >&2
CSV="$W/reports.csv"
CSV_MB=$(python3 -c "import os; print(f'{os.path.getsize(\"$CSV\")/1e6:.0f}')")

# A party's reports are loaded by that party's people only: each party's
# coordinator (created by the operator) loads its half of the CSV, and the
# import's time is the two loads' sum.
add_coordinators() {
  for p in DK KR; do
    printf 'bench-Secret-1\n' | JOINTPLAN_DATABASE_URL="$1" "$JP" user add "bench-$p" --role coordinator --party "$p" --password-stdin >/dev/null 2>&1
  done
}
split_by_party() {
  awk -F, -v out="$2" 'NR == 1 { print > (out "-DK.csv"); print > (out "-KR.csv"); next } { print > (out "-" toupper($4) ".csv") }' "$1"
}
# timed_import URL CSV: both parties' loads; SECS is their sum, RSS_MB the larger peak.
timed_import() {
  split_by_party "$2" "$W/half"
  timed env JOINTPLAN_DATABASE_URL="$1" "$JP" --as bench-DK progress import "$W/half-DK.csv"
  local s1=$SECS r1=$RSS_MB
  timed env JOINTPLAN_DATABASE_URL="$1" "$JP" --as bench-KR progress import "$W/half-KR.csv"
  SECS=$(python3 -c "print($s1 + $SECS)"); RSS_MB=$(python3 -c "print(max($r1, $RSS_MB))")
}
add_coordinators "sqlite://$W/template.db"

# Fresh copy of the template store (plans, no reports) for each import.
fresh_store() { rm -f "$W"/run.db*; for f in "$W"/template.db*; do cp "$f" "${f/template/run}"; done; }

# The baselines' table: the CSV's columns and the store's index on
# (plan, action, party); SQLite also gets the store's durability settings
# (WAL, FULL).
REPORTS_TABLE="CREATE TABLE reports (plan TEXT NOT NULL, action TEXT NOT NULL, date TEXT NOT NULL, party TEXT NOT NULL,
  status TEXT NOT NULL, level TEXT NOT NULL, note TEXT NOT NULL, evidence TEXT NOT NULL);
CREATE INDEX reports_plan ON reports (plan, action, party);"
SQLITE_SHAPE="PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
$REPORTS_TABLE"

echo "SQLite: import vs sqlite3 .import, $RUNS runs each" >&2
jp_s=(); sh_s=(); jp_rss=""
for _ in $(seq "$RUNS"); do
  fresh_store
  timed_import "sqlite://$W/run.db" "$CSV"
  jp_s+=("$SECS"); jp_rss=$RSS_MB
  rm -f "$W"/shell.db*
  sqlite3 "$W/shell.db" "$SQLITE_SHAPE" >/dev/null
  timed sqlite3 "$W/shell.db" ".import --csv --skip 1 $CSV reports"
  sh_s+=("$SECS")
done
JP_SQLITE=$(best "${jp_s[@]}"); SHELL_SQLITE=$(best "${sh_s[@]}")
rollups=()
for _ in 1 2 3; do
  JOINTPLAN_DATABASE_URL="sqlite://$W/run.db" "$JP" progress portfolio >/dev/null 2>"$W/roll"
  rollups+=("$(sed -n 's/.* in \([0-9.]*\) ms/\1/p' "$W/roll")")
done
ROLL_SQLITE="${rollups[*]}"
ROLL_LINE_SQLITE=$(grep 'rolled up' "$W/roll")

echo "SQLite: import memory at 100k, 500k, $REPORTS rows" >&2
mem=()
for n in 100000 500000; do
  if [ "$n" -lt "$REPORTS" ]; then
    head -n $((n + 1)) "$CSV" >"$W/part.csv"
    fresh_store
    timed_import "sqlite://$W/run.db" "$W/part.csv"
    mem+=("| $n | $RSS_MB MB |")
  fi
done
mem+=("| $REPORTS | $jp_rss MB |")

PG_READY=""
if pg_isready -q -d "$PG_URL" 2>/dev/null; then
  PG_READY=1
  echo "PostgreSQL: building the portfolio in $PG_DB" >&2
  psql "$PG_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
  DB_URL="${PG_URL%/*}/$PG_DB"
  JOINTPLAN_DATABASE_URL="$DB_URL" "$JP" db migrate >/dev/null 2>&1
  JOINTPLAN_DATABASE_URL="$DB_URL" "${XTASK[@]}" portfolio --plans "$PLANS" --reports 0 --out "$W/pg" 2>&1 | grep saved >&2
  add_coordinators "$DB_URL"
  psql "$DB_URL" -qc "$REPORTS_TABLE" >/dev/null
  echo "PostgreSQL: import vs psql \\copy, $RUNS runs each" >&2
  jp_p=(); cp_p=(); pg_rss=""
  for i in $(seq "$RUNS"); do
    # Later runs append to the same table: the index grows, as in real use.
    timed_import "$DB_URL" "$CSV"
    jp_p+=("$SECS"); pg_rss=$RSS_MB
    psql "$DB_URL" -qc "TRUNCATE reports" >/dev/null
    timed psql "$DB_URL" -qc "\\copy reports FROM '$CSV' WITH (FORMAT csv, HEADER true)"
    cp_p+=("$SECS")
    [ "$i" -lt "$RUNS" ] && psql "$DB_URL" -qc "TRUNCATE reports" >/dev/null
  done
  JP_PG=$(best "${jp_p[@]}"); COPY_PG=$(best "${cp_p[@]}")
  psql "$DB_URL" -qc "VACUUM ANALYZE" >/dev/null
  rollups=()
  for _ in 1 2 3; do
    JOINTPLAN_DATABASE_URL="$DB_URL" "$JP" progress portfolio >/dev/null 2>"$W/roll"
    rollups+=("$(sed -n 's/.* in \([0-9.]*\) ms/\1/p' "$W/roll")")
  done
  ROLL_PG="${rollups[*]}"
  PG_REPORTS=$(psql "$DB_URL" -tAc "SELECT COUNT(*) FROM progress_reports")
fi

cat <<EOF
Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) CPUs; $PLANS plans of $(sqlite3 "$W/template.db" "SELECT COUNT(*) / COUNT(DISTINCT version_id) FROM actions") actions, CSV of $REPORTS reports ($CSV_MB MB). Best of $RUNS runs, wall clock including process start.

| import of $REPORTS reports | seconds | rows/s | ratio to the baseline |
|---|---|---|---|
| \`jointplan progress import\`, SQLite | $JP_SQLITE | $(rate "$REPORTS" "$JP_SQLITE") | $(ratio "$REPORTS" "$JP_SQLITE" "$REPORTS" "$SHELL_SQLITE") |
| sqlite3 \`.import\` (baseline) | $SHELL_SQLITE | $(rate "$REPORTS" "$SHELL_SQLITE") | 1.00 |
EOF
if [ -n "$PG_READY" ]; then
cat <<EOF
| \`jointplan progress import\`, PostgreSQL | $JP_PG | $(rate "$REPORTS" "$JP_PG") | $(ratio "$REPORTS" "$JP_PG" "$REPORTS" "$COPY_PG") |
| psql \`\\copy\` (baseline) | $COPY_PG | $(rate "$REPORTS" "$COPY_PG") | 1.00 |
EOF
fi
cat <<EOF

Portfolio roll-up (\`jointplan progress portfolio\`: completion per line and party of every plan; query time, 3 runs):
- SQLite: $ROLL_SQLITE ms ($ROLL_LINE_SQLITE)
EOF
[ -n "$PG_READY" ] && echo "- PostgreSQL: $ROLL_PG ms (over $PG_REPORTS reports)"
cat <<EOF

Peak resident memory of \`jointplan progress import\` (SQLite), by CSV size:

| rows | max RSS |
|---|---|
EOF
printf '%s\n' "${mem[@]}"
[ -n "$PG_READY" ] && echo "| $REPORTS (PostgreSQL) | $pg_rss MB |"
exit 0
