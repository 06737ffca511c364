#!/usr/bin/env bash
# One-shot `jointplan import` of the reference plan, process start included
# (issue 12's budget: under 50 ms). Uses hyperfine when installed, else a
# loop timed with `date +%s%N`. JOINTPLAN_BIN picks the binary (default: the
# release build in $CARGO_TARGET_DIR or ./target); RUNS sets the loop count.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${JOINTPLAN_BIN:-$target/release/jointplan}"
if [ ! -x "$bin" ]; then
    cargo build --release -p jointplan-cli --manifest-path "$root/Cargo.toml"
fi
plan="$root/examples/dk-kr-joint-action-plan-2021-2024.txt"
runs="${RUNS:-50}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs "$runs" "$bin import $plan -o $out"
    exit 0
fi
"$bin" import "$plan" -o "$out" >/dev/null 2>&1 # warm the page cache
times=()
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" import "$plan" -o "$out" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" '
    { t[NR] = $1; sum += $1 }
    END {
        printf "one-shot import of the reference plan, %d runs: min %.1f ms, median %.1f ms, mean %.1f ms, max %.1f ms\n",
            runs, t[1] / 1000, t[int((NR + 1) / 2)] / 1000, sum / NR / 1000, t[NR] / 1000
    }'
