#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600), two at a time, and prints
# each target's final libFuzzer status line (exec count, corpus, crashes).
# No sanitizer (-s none): the workspace forbids unsafe code, so the fuzzer
# hunts panics, hangs and memory blow-ups, and runs several times faster.
set -uo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none >/dev/null 2>&1 || { echo "cargo fuzz build failed"; exit 1; }
seeds() {
  case "$1" in
    import_text) echo ../examples ../crates/import/tests/fixtures/text;;
    import_markdown) echo ../crates/import/tests/fixtures/markdown;;
    import_html) echo ../crates/import/tests/fixtures/html;;
    import_docx) echo ../crates/import/tests/fixtures/docx;;
  esac
}
run() {
  mkdir -p "corpus/$1" artifacts
  cargo fuzz run -s none "$1" "corpus/$1" $(seeds "$1") -- \
    -max_total_time="$secs" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    >"artifacts/$1.log" 2>&1
  echo "$1: exit $? $(grep -E '^stat::number_of_executed_units' "artifacts/$1.log" | tail -1) $(grep -E '^#[0-9]+ *DONE' "artifacts/$1.log" | tail -1)"
}
for pair in "import_text import_markdown" "import_html import_docx"; do
  for t in $pair; do run "$t" & done
  wait
done
