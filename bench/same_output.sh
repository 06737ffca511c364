#!/usr/bin/env bash
# Checks that two builds of `jointplan` import and lint a corpus identically:
# the guard for speed work, which must not change a single byte of output.
#
#   bench/same_output.sh OLD_BINARY NEW_BINARY
#
# The corpus: every import fixture, the examples, the reference plan scaled
# 10 and 100 times, and MUTANTS (default 100) randomly damaged copies of the
# reference plan (line endings, Latin-1, odd Unicode letters, spaces, cut
# and shuffled lines), made with a fixed seed so runs are comparable.
# Prints each difference and exits 1 if there is any.
set -euo pipefail

old=${1:?usage: same_output.sh OLD_BINARY NEW_BINARY}
new=${2:?usage: same_output.sh OLD_BINARY NEW_BINARY}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/in"
for f in "$root"/crates/import/tests/fixtures/*/* "$root"/examples/*.txt; do
    case "$f" in *.py) continue ;; esac
    cp "$f" "$work/in/$(basename "$(dirname "$f")")-$(basename "$f")"
done

python3 - "$root/examples/dk-kr-joint-action-plan-2021-2024.txt" "$work/in" "${MUTANTS:-100}" <<'EOF'
import random, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding="utf-8").read()
lines = text.split("\n")
for times in (10, 100):
    scaled = []
    for line in lines:
        t = line.strip()
        copies = times if t.startswith("- ") and not t.endswith("**") else 1
        scaled.extend([line] * copies)
    open(f"{out}/scaled-{times}.txt", "w", encoding="utf-8").write("\n".join(scaled))
rng = random.Random(20261128)
odd = ["\u017f", "\u212a", "\u00a0", "\u2013", "\u2014", "\u2019", "é", "(", ")", " - ", "%", "SDG 7", "annual ", "TBC", "Ministry of X (MX)"]
for i in range(n):
    ls = list(lines)
    for _ in range(rng.randint(1, 40)):
        k = rng.randrange(len(ls))
        op = rng.randrange(6)
        if op == 0:
            del ls[k]
        elif op == 1:
            ls.insert(k, ls[rng.randrange(len(ls))])
        elif op == 2 and ls[k]:
            p = rng.randrange(len(ls[k]) + 1)
            ls[k] = ls[k][:p] + rng.choice(odd) + ls[k][p:]
        elif op == 3:
            ls[k] = ls[k].upper()
        elif op == 4 and ls[k]:
            p = rng.randrange(len(ls[k]) + 1)
            ls[k] = ls[k][:p]
        else:
            ls[k] = "  " + ls[k] + "  "
    body = ("\r\n" if i % 5 == 0 else "\n").join(ls)
    data = body.encode("latin-1", "replace") if i % 7 == 0 else body.encode("utf-8")
    open(f"{out}/mutant-{i:03}.txt", "wb").write(data)
EOF

differ=0
count=0
for f in "$work"/in/*; do
    count=$((count + 1))
    for cmd in "import" "lint --format json"; do
        # shellcheck disable=SC2086
        a=$("$old" $cmd "$f" 2>&1; echo "exit $?")
        # shellcheck disable=SC2086
        b=$("$new" $cmd "$f" 2>&1; echo "exit $?")
        if [ "$a" != "$b" ]; then
            differ=$((differ + 1))
            echo "DIFFERS: jointplan $cmd $(basename "$f")"
            diff <(echo "$a") <(echo "$b") | head -20 || true
        fi
    done
done
echo "$count inputs, $((count * 2)) runs, $differ differences"
[ "$differ" -eq 0 ]
