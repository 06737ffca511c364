#!/usr/bin/env bash
# Web speed with the 1,000-plan portfolio loaded: the portfolio page and a
# plan page under wrk (loopback, 32 connections), their p95, and the
# server's resident memory afterwards. bench/RESULTS.md keeps the figures.
#   bash bench/web_portfolio.sh [sqlite|postgres] [SECONDS]
#   PLANS=1000 REPORTS=1000000 (the defaults) set the portfolio's size.
# Needs: wrk, curl, python3; psql and a PostgreSQL allowing CREATE DATABASE
# for postgres (PG_URL, default postgres://postgres@127.0.0.1/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-sqlite}"
secs="${2:-20}"
PLANS=${PLANS:-1000}
REPORTS=${REPORTS:-1000000}
PG_URL=${PG_URL:-postgres://postgres@127.0.0.1/postgres}
for c in wrk curl python3; do command -v "$c" >/dev/null || { echo "needs $c"; exit 1; }; done
cargo build --release -q -p jointplan-cli -p xtask
jp="$PWD/target/release/jointplan"
t="$(mktemp -d)"
db=jp_bench_portfolio_$$
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
  [ "$backend" = postgres ] && psql "$PG_URL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$t"
}
trap cleanup EXIT
case "$backend" in
  sqlite) url="sqlite://$t/p.db" ;;
  postgres) psql "$PG_URL" -qc "CREATE DATABASE $db" >/dev/null; url="${PG_URL%/*}/$db" ;;
  *) echo "backend: sqlite or postgres"; exit 2 ;;
esac
# A new PostgreSQL database gets its schema first (SQLite is migrated on open).
"$jp" --database-url "$url" -q db migrate
echo "building the portfolio: $PLANS plans in force, $REPORTS reports ($backend)"
JOINTPLAN_DATABASE_URL="$url" cargo run -q --release -p xtask -- portfolio --plans "$PLANS" --reports "$REPORTS" --in-force --out "$t" 2>&1 | tail -1
# Each party's coordinator loads its party's half of the reports.
awk -F, -v out="$t/half" 'NR == 1 { print > (out "-DK.csv"); print > (out "-KR.csv"); next } { print > (out "-" toupper($4) ".csv") }' "$t/reports.csv"
for p in DK KR; do
  printf 'bench-Secret-1\n' | "$jp" --database-url "$url" -q user add "bench-$p" --role coordinator --party "$p" --password-stdin
  "$jp" --database-url "$url" -q --as "bench-$p" progress import "$t/half-$p.csv" >/dev/null
done
P=$(port)
"$jp" serve --addr "127.0.0.1:$P" --database-url "$url" >"$t/serve.log" 2>&1 & pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$P/healthz" >/dev/null && break; sleep 0.2; done
cat >"$t/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("P95 %.3f\n", latency:percentile(95) / 1000))
end
LUA
first=$(curl -s -o "$t/portfolio.html" -w '%{time_total}' "http://127.0.0.1:$P/")
echo "portfolio page: $(wc -c <"$t/portfolio.html") bytes, first render $(python3 -c "print(f'{$first*1000:.0f}')") ms; $(nproc) cores; wrk -t1 -c32 -d${secs}s"
for page in / /plans/portfolio-0500; do
  out=$(wrk -t1 -c32 -d"${secs}s" --latency -s "$t/p95.lua" "http://127.0.0.1:$P$page")
  python3 - "$page" "$out" <<'PY'
import re,sys
page,out=sys.argv[1],sys.argv[2]
rps=float(re.search(r"Requests/sec:\s+([\d.]+)",out).group(1))
p95=float(re.search(r"P95 ([\d.]+)",out).group(1))
non=re.search(r"Non-2xx or 3xx responses:\s+(\d+)",out)
print(f"{page:<24} {rps:>9,.0f} req/s  p95 {p95:.2f} ms (want < 50)" + (f"  NON-2xx: {non.group(1)}" if non else ""))
PY
done
echo "resident memory: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status") (want < 100 MB); peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")"
