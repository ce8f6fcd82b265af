#!/usr/bin/env bash
# Figures for the browser client, each beside its budget: bytes of a first load as sent, time to
# the first frame (cold, and warm from the service worker), capture until kept in IndexedDB, and
# Observe's frame time with 2,000 items. Starts a hub on loopback (a temporary data folder) that
# serves WEB_DIR, drives Debian's headless chromium through bench_web.mjs, stops the hub. WebGL
# is SwiftShader (CPU only): frame figures describe this machine's CPU, not a tablet's GPU.
# Installs playwright-core into bench/web/node_modules (npm ci) on first run. Not a test.
# Usage: bench/web/bench_web.sh [WEB_DIR] [HUB_BIN] [--only=1,3,4]   (1: bytes and first frame,
#        3: captures, 4: Observe with 2,000 items; all by default)
#   WEB_DIR  default build-web/web (scripts/web-build.sh);  HUB_BIN  default build/server/peerobs-hub
#   PEEROBS_MAKE_STORE  default build/bench/make_observe_store (the 2,000-item store for figure 4)
#   PEEROBS_CHROMIUM    default /usr/bin/chromium
#   PEEROBS_BENCH_TALLIES  tally captures for figure 3, default 200 (about 1 s each on a busy 2-core machine)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
positional=() flags=()
for a in "$@"; do
  case "$a" in
    --*) flags+=("$a") ;;
    *) positional+=("$a") ;;
  esac
done
web_dir=${positional[0]:-$root/build-web/web}
hub_bin=${positional[1]:-$root/build/server/peerobs-hub}
make_store=${PEEROBS_MAKE_STORE:-$root/build/bench/make_observe_store}
chromium=${PEEROBS_CHROMIUM:-/usr/bin/chromium}

fail() { echo "bench_web: $*" >&2; exit 2; }
[ -f "$web_dir/index.html" ] && [ -f "$web_dir/peerobs.wasm" ] || fail "no web client in $web_dir (scripts/web-build.sh)"
[ -x "$hub_bin" ] || fail "no hub at $hub_bin (cmake --build build --target peerobs-hub)"
[ -x "$make_store" ] || fail "no $make_store (cmake --build build --target make_observe_store)"
[ -x "$chromium" ] || fail "no chromium at $chromium (apt-get install -y chromium)"
command -v node >/dev/null || fail "needs node (apt-get install -y nodejs npm)"
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "installing playwright-core into bench/web/node_modules (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in bench/web failed"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/peerobs-bench-web.XXXXXX")
hub_pid=""
cleanup() {
  if [ -n "$hub_pid" ] && kill -0 "$hub_pid" 2>/dev/null; then
    kill "$hub_pid" 2>/dev/null
    wait "$hub_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$make_store" "$work/store/peerobs.sqlite" >/dev/null || fail "$make_store failed"

"$hub_bin" serve --data "$work/hub" --listen 127.0.0.1:0 --web "$web_dir" >"$work/hub.log" 2>&1 &
hub_pid=$!
addr=""
for _ in $(seq 1 100); do
  addr=$(sed -n 's/^listening on \([0-9.]*:[0-9]*\).*/\1/p' "$work/hub.log" | head -1)
  [ -n "$addr" ] && break
  kill -0 "$hub_pid" 2>/dev/null || fail "the hub exited at start: $(cat "$work/hub.log")"
  sleep 0.1
done
[ -n "$addr" ] || fail "the hub did not say where it listens within 10 s: $(cat "$work/hub.log")"

PEEROBS_CHROMIUM=$chromium node "$here/bench_web.mjs" "http://$addr" "$work/store/peerobs.sqlite" "${flags[@]}"
code=$?
kill -0 "$hub_pid" 2>/dev/null || { echo "bench_web: the hub died during the run: $(tail -20 "$work/hub.log")" >&2; exit 1; }
exit "$code"
