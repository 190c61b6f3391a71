#!/usr/bin/env bash
# End-to-end `earshot analyze` benchmark: JSONL → SQLite on the demo set (5,000) and a generated
# 200,000-conversation set. Prints conversations per second and peak memory for each run and the
# median of RUNS runs (the machine is shared: read medians, not single runs).
#
#   scripts/bench-analyze.sh            # RUNS=3, sizes 5000 and 200000
#   RUNS=5 SIZES="5000" scripts/bench-analyze.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=${SIZES:-"5000 200000"}
THREADS=${THREADS:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/earshot
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
for n in $SIZES; do
  "$bin" demo --count "$n" --out "$work/set-$n.jsonl" --generate-only 2>/dev/null
  rates=(); mems=()
  for r in $(seq "$RUNS"); do
    rm -f "$work/b.db"*
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/mem" "$bin" analyze "$work/set-$n.jsonl" --db "$work/b.db" --top 0 ${THREADS:+--threads $THREADS} >/dev/null
    end=$(date +%s.%N)
    rate=$(awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN {printf "%.0f", n / (e - s)}')
    mem=$(awk '{printf "%.0f", $1 / 1024}' "$work/mem")
    echo "  n=$n run $r: $rate conversations/s, peak RSS $mem MiB"
    rates+=("$rate"); mems+=("$mem")
  done
  echo "n=$n median: $(printf '%s\n' "${rates[@]}" | median) conversations/s, peak RSS $(printf '%s\n' "${mems[@]}" | median) MiB"
done
