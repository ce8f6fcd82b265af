#!/bin/sh
# Side by side: 10,000 evidence notes pushed by one device and pulled by a second, through
# peerobs-hub (bench_sync) and through express-pouchdb (bench/pouchdb/replicate.js), both on
# loopback. Installs pouchdb + express-pouchdb with npm into bench/pouchdb/node_modules
# (gitignored) on first run. Not part of the test command.
# Usage: bench/pouchdb_compare.sh [BUILD_DIR] [NOTES]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
notes=${2:-10000}
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
"$build/bench/bench_sync" "$notes"
node "$here/pouchdb/replicate.js" "$notes"
