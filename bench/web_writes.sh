#!/usr/bin/env bash
# Web writes: 100 reporters, each with an account and an API token of its
# own, submitting progress reports through `POST /api/plans/{slug}/reports`
# at once (wrk on loopback, 100 connections). Prints accepted writes per
# second, the latency percentiles, and whether every acknowledged write is
# in the store afterwards. bench/RESULTS.md keeps the figures.
#   bash bench/web_writes.sh [sqlite|postgres] [SECONDS]   (default: sqlite, 20 s)
# Needs: apt-get install -y wrk curl sqlite3 (and psql for postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-sqlite}"
secs="${2:-20}"
reporters=100
for c in wrk curl python3; do command -v "$c" >/dev/null || { echo "needs $c"; exit 1; }; done
cargo build --release -q --bin jointplan
jp="$PWD/target/release/jointplan"
t="$(mktemp -d)"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$t"; }
trap cleanup EXIT
case "$backend" in
  sqlite) url="sqlite://$t/w.db"; count() { sqlite3 "$t/w.db" 'SELECT count(*) FROM progress_reports'; } ;;
  postgres)
    db=jointplan_bench_writes
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    url="postgres://postgres@127.0.0.1/$db"
    count() { psql -tA -h 127.0.0.1 -U postgres -d "$db" -c 'SELECT count(*) FROM progress_reports'; } ;;
  *) echo "backend: sqlite or postgres"; exit 2 ;;
esac
P=$(port)
"$jp" serve --addr "127.0.0.1:$P" --database-url "$url" >"$t/serve.log" 2>&1 & pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$P/healthz" >/dev/null && break; sleep 0.2; done
# Denmark's coordinator, MHES leading action 1.1.2, and the reporters of MHES.
cli() { "$jp" --database-url "$url" -q "$@"; }
printf 'bench-Secret-1\n' | cli user add mette --role coordinator --party DK --password-stdin
cli --as mette lead set 1.1.2 --party DK --lead MHES
echo "creating $reporters reporters with a token each..."
for i in $(seq 1 "$reporters"); do
  printf 'bench-Secret-1\n' | cli --as mette user add "r$i" --role reporter --party DK --organisation MHES --password-stdin
  cli --as "r$i" token create --label bench | grep -Eo '[0-9a-f]{64}' | head -1 >>"$t/tokens"
done
[ "$(wc -l <"$t/tokens")" -eq "$reporters" ] || { echo "could not create the tokens"; exit 1; }
cat >"$t/post.lua" <<'LUA'
-- Each request is one report, sent with the next reporter's token.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do tokens[#tokens + 1] = line end
local i = 0
local body = '{"action":"1.1.2","date":"2024-06-30","status":"on_track","level":"limited","narrative":"Sent by the write benchmark."}'
request = function()
  i = i + 1
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] }
  return wrk.format("POST", "/api/plans/dk-kr-2021-2024/reports", headers, body)
end
LUA
before=$(count)
echo "backend $backend; $(nproc) cores; wrk -t1 -c$reporters -d${secs}s"
out=$(TOKENS="$t/tokens" wrk -t1 -c"$reporters" -d"${secs}s" --timeout 10s --latency -s "$t/post.lua" "http://127.0.0.1:$P")
after=$(count)
python3 - "$out" "$before" "$after" "$secs" <<'PY'
import re,sys
out,before,after,secs=sys.argv[1],int(sys.argv[2]),int(sys.argv[3]),float(sys.argv[4])
total=int(re.search(r"(\d+) requests in",out).group(1))
non2xx=int(m.group(1)) if (m:=re.search(r"Non-2xx or 3xx responses:\s+(\d+)",out)) else 0
errors=sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)",out))
def pct(p):
    m=re.search(p+r"%\s+([\d.]+)(us|ms|s)\b",out); v=float(m.group(1))
    return v/1000 if m.group(2)=="us" else v*1000 if m.group(2)=="s" else v
acked=total-non2xx
stored=after-before
print(f"accepted: {acked:,} writes in {secs:.0f} s = {acked/secs:,.0f} writes/s (want >= 1,000 on SQLite); refused {non2xx}, socket errors {errors}")
print(f"latency: p50 {pct('50'):.1f} ms, p90 {pct('90'):.1f} ms, p99 {pct('99'):.1f} ms (want p99 < 50 ms)")
print(f"in the store afterwards: {stored:,} of {acked:,} acknowledged" + (" - every acknowledged write is there" if stored>=acked else " - WRITES LOST"))
sys.exit(0 if stored>=acked else 1)
PY
