#!/usr/bin/env bash
# Web speed: the reference plan's page against nginx serving the same bytes
# (wrk on loopback, 32 connections), its p99, and the server's CPU time while
# idle. Prints the figures; bench/RESULTS.md keeps them.
#   bash bench/web.sh [SECONDS]        (default 20 s per run)
# Needs: apt-get install -y wrk nginx-light curl
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
for c in wrk nginx curl python3; do command -v "$c" >/dev/null || { echo "needs $c"; exit 1; }; done
cargo build --release -q --bin jointplan
jp="$PWD/target/release/jointplan"
t="$(mktemp -d)"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; [ -f "$t/nginx.pid" ] && kill "$(cat "$t/nginx.pid")" 2>/dev/null; rm -rf "$t"; }
trap cleanup EXIT
P=$(port)
"$jp" serve --addr "127.0.0.1:$P" --database-url "sqlite://$t/w.db" >"$t/serve.log" 2>&1 & pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$P/healthz" >/dev/null && break; sleep 0.2; done
U="http://127.0.0.1:$P/plans/dk-kr-2021-2024"
mkdir -p "$t/www"; curl -sf "$U" -o "$t/www/plan.html"
NP=$(port)
cat > "$t/nginx.conf" <<NG
worker_processes 1; daemon on; pid $t/nginx.pid; error_log $t/nginx.err;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$NP; root $t/www; } }
NG
nginx -c "$t/nginx.conf"; sleep 0.5
ticks() { awk '{print $14+$15}' "/proc/$pid/stat"; }
echo "plan page: $(wc -c < "$t/www/plan.html") bytes; $(nproc) cores; wrk -t1 -c32 -d${secs}s"
ours=$(wrk -t1 -c32 -d"${secs}s" --latency "$U")
theirs=$(wrk -t1 -c32 -d"${secs}s" --latency "http://127.0.0.1:$NP/plan.html")
before=$(ticks); sleep 10; after=$(ticks)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
python3 - "$ours" "$theirs" "$((after-before))" "$(getconf CLK_TCK)" "$rss" <<'PY'
import re,sys
def rps(s): return float(re.search(r"Requests/sec:\s+([\d.]+)",s).group(1))
def pct(s,p):
    m=re.search(p+r"%\s+([\d.]+)(us|ms|s)\b",s); v=float(m.group(1))
    return v/1000 if m.group(2)=="us" else v*1000 if m.group(2)=="s" else v
o,n=rps(sys.argv[1]),rps(sys.argv[2])
print(f"jointplan: {o:,.0f} req/s, p50 {pct(sys.argv[1],'50'):.2f} ms, p99 {pct(sys.argv[1],'99'):.2f} ms")
print(f"nginx:     {n:,.0f} req/s, p50 {pct(sys.argv[2],'50'):.2f} ms, p99 {pct(sys.argv[2],'99'):.2f} ms")
print(f"ratio {o/n:.2f} (want >= 0.5); p99 want < 20 ms")
print(f"idle: {int(sys.argv[3])/int(sys.argv[4])*1000:.0f} ms of CPU in 10 s with no request; resident {int(sys.argv[5])/1024:.0f} MB")
PY
