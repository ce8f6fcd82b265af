#!/bin/sh
# Side by side: 10,000 evidence notes pushed by one device and pulled by a second, through
# peerobs-hub (bench_sync) and through express-pouchdb (bench/pouchdb/replicate.js), both on
# loopback. Installs pouchdb + express-pouchdb with npm into bench/pouchdb/node_modules
# (gitignored) on first run. Not part of the test command.
# Usage: bench/pouchdb_compare.sh [BUILD_DIR] [NOTES] [ROUNDS]
# BENCH_SEAL=1 in the environment seals peerobs's bodies end to end, as devices do by default
# (bench_sync reads it; docs/encryption.md, "What sealing costs a sync").
# ROUNDS (default 3) alternates the two, so a busy spell of the machine falls on both; the last
# lines give each side's median total and the ratio of the medians.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
notes=${2:-10000}
rounds=${3:-3}
if [ ! -x "$build/bench/bench_sync" ]; then
  echo "pouchdb_compare: build bench_sync first: cmake --build $build --target bench_sync" >&2
  exit 2
fi
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || {
  echo "pouchdb_compare: needs node and npm (apt install nodejs npm)" >&2
  exit 2
}
if [ ! -d "$here/pouchdb/node_modules/express-pouchdb" ]; then
  (cd "$here/pouchdb" && npm install --no-audit --no-fund --loglevel=error)
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# Each run starts after `sync`: otherwise one side's fsyncs wait behind the other's unwritten
# files (peerobs ran 30-50 % slower right after PouchDB's LevelDB writes than before them).
for _ in $(seq "$rounds"); do
  sync
  "$build/bench/bench_sync" "$notes" | tee -a "$out"
  sync
  node "$here/pouchdb/replicate.js" "$notes" | tee -a "$out"
done
# Medians of total_ms and bytes per side, then the ratios.
awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "total_ms") t[$1] = t[$1] " " kv[2]; if (kv[1] == "bytes") b[$1] = kv[2] } }
  function median(list,   a, n, i, j, x) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > x + 0; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    p = median(t["peerobs"]); q = median(t["pouchdb"])
    printf "median total: peerobs %.1f ms, pouchdb %.1f ms: peerobs %.1fx faster\n", p, q, q / p
    printf "bytes: peerobs %d, pouchdb %d: %.0f%% of PouchDB\n", b["peerobs"], b["pouchdb"], 100 * b["peerobs"] / b["pouchdb"]
  }' "$out"
