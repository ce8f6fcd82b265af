#!/bin/sh
# Clear against sealed, alternated: N rounds (default 8) of bench_sync 10000 in clear, then sealed
# (BENCH_SEAL=1); prints the medians of each side: totals, push and pull, bytes on the wire, and the
# CPU time of the pushing device, the hub during the push and the pulling device. Not part of the
# test command (docs/encryption.md, "What sealing costs a sync").
# Usage: bench/seal_ab.sh [BUILD_DIR] [ROUNDS]
set -eu
build=${1:-"$(cd "$(dirname "$0")" && pwd)/../build"}
n=${2:-8}
for _ in $(seq "$n"); do
  "$build/bench/bench_sync" 10000
  BENCH_SEAL=1 "$build/bench/bench_sync" 10000
done | awk '
{ side = ($2 == "(sealed)") ? "sealed" : "clear";
  for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] ~ /^(push_ms|pull_ms|total_ms|bytes)$/) v[side, kv[1]] = v[side, kv[1]] " " kv[2] }
  match($0, /push device=[0-9]+/); pd = substr($0, RSTART+12, RLENGTH-12); v[side, "pushdev"] = v[side, "pushdev"] " " pd
  match($0, /pull device=[0-9]+/); ud = substr($0, RSTART+12, RLENGTH-12); v[side, "pulldev"] = v[side, "pulldev"] " " ud
  match($0, /device=[0-9]+ hub=[0-9]+, pull/); h = substr($0, RSTART, RLENGTH); sub(/.*hub=/, "", h); sub(/,.*/, "", h); v[side, "pushhub"] = v[side, "pushhub"] " " h
}
function median(list,   a, n, i, j, x) {
  n = split(list, a, " ")
  for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > x + 0; j--) a[j + 1] = a[j]; a[j + 1] = x }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
END { for (s = 0; s < 2; s++) { side = s ? "sealed" : "clear";
  printf "%-7s total %.1f  push %.1f  pull %.1f  bytes %d  cpu: push device %d, push hub %d, pull device %d\n", side,
    median(v[side,"total_ms"]), median(v[side,"push_ms"]), median(v[side,"pull_ms"]), median(v[side,"bytes"]),
    median(v[side,"pushdev"]), median(v[side,"pushhub"]), median(v[side,"pulldev"]) } }'
