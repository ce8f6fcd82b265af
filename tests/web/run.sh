#!/usr/bin/env bash
# The web client's end-to-end test: starts a fresh peerobs-hub (a temporary data folder, two
# people on its roster: Ana Lopes, the teacher in the browser, and Bo Chen, the colleague she
# observes), serves the web client from it, drives Debian's headless chromium through e2e.mjs,
# checks with a peerobs-cli device of Bo's what reached him, and stops the hub. Exits non-zero
# with the failing step, what the app showed and a screenshot path on any failure.
#
# Usage: tests/web/run.sh [WEB_DIR [PEEROBS_HUB [PEEROBS_CLI]]] [--screenshots | --only-screenshots] [--verbose] [--keep]
#   WEB_DIR      the folder scripts/web-build.sh makes (default build-web/web)
#   PEEROBS_HUB  default build/server/peerobs-hub;  PEEROBS_CLI  default build/core/peerobs-cli
#   --screenshots  also writes docs/screenshots/web/<screen>_<W>x<H>.png and the keys screens'
#                  docs/screenshots/web_keys_<screen>_<W>x<H>.png (never in a normal run);
#   --only-screenshots  only those;  --only-keys-screenshots  only the keys screens';
#   --verbose  logs every tap and drag
#   --keep         keep the temporary folder (hub data, logs, the browser's store) even on success
# Needs node, Debian's chromium (PEEROBS_CHROMIUM for another path) and playwright-core in
# tests/web/node_modules (npm ci here when missing). About 1-2 minutes; never downloads a browser.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
positional=() flags=() keep=0
for a in "$@"; do
  case "$a" in
    --keep) keep=1 ;;
    --*) flags+=("$a") ;;
    *) positional+=("$a") ;;
  esac
done
web_dir=${positional[0]:-$root/build-web/web}
hub_bin=${positional[1]:-$root/build/server/peerobs-hub}
cli_bin=${positional[2]:-$root/build/core/peerobs-cli}

fail() { echo "FAIL (web client e2e): $*" >&2; exit 1; }
[ -f "$web_dir/index.html" ] && [ -f "$web_dir/peerobs.wasm" ] || fail "no web client in $web_dir (build it with scripts/web-build.sh)"
[ -x "$hub_bin" ] || fail "no hub binary at $hub_bin (cmake --build build --target peerobs-hub)"
[ -x "$cli_bin" ] || fail "no peerobs-cli at $cli_bin (cmake --build build --target peerobs-cli)"
command -v node >/dev/null || fail "node is missing (apt-get install -y nodejs npm)"
chromium=${PEEROBS_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || fail "no chromium at $chromium (apt-get install -y chromium; set PEEROBS_CHROMIUM for another path)"

if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "installing playwright-core into tests/web/node_modules (npm ci, from package-lock.json)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tests/web failed"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/peerobs-web-e2e.XXXXXX")
hub_pid=""
cleanup() {
  local code=$?
  if [ -n "$hub_pid" ] && kill -0 "$hub_pid" 2>/dev/null; then
    kill "$hub_pid" 2>/dev/null
    wait "$hub_pid" 2>/dev/null
  fi
  if [ "$code" = 0 ] && [ "$keep" = 0 ]; then
    rm -rf "$work"
  else
    echo "kept: $work (hub data and log, the browser's store copies, screenshots at failure)"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Serve a copy: a rebuild of WEB_DIR during the run must not mix two builds' files in one page.
cp -r "$web_dir" "$work/web" || fail "could not copy $web_dir"
hub_data=$work/hub
teacher=$("$hub_bin" add-person --data "$hub_data" --name "Ana Lopes") || fail "add-person Ana Lopes: $teacher"
colleague=$("$hub_bin" add-person --data "$hub_data" --name "Bo Chen") || fail "add-person Bo Chen: $colleague"
teacher_code=$("$hub_bin" issue-code --data "$hub_data" --person "$teacher") || fail "issue-code: $teacher_code"
colleague_code=$("$hub_bin" issue-code --data "$hub_data" --person "$colleague") || fail "issue-code: $colleague_code"

"$hub_bin" serve --data "$hub_data" --listen 127.0.0.1:0 --web "$work/web" >"$work/hub.log" 2>&1 &
hub_pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/hub.log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$hub_pid" 2>/dev/null || fail "the hub exited at start: $(cat "$work/hub.log")"
  sleep 0.1
done
[ -n "$port" ] || fail "the hub did not say where it listens within 10 s: $(cat "$work/hub.log")"
echo "hub on http://127.0.0.1:$port (data $hub_data), serving $web_dir"

PEEROBS_HUB_URL=http://127.0.0.1:$port \
PEEROBS_TEACHER_NAME="Ana Lopes" PEEROBS_TEACHER_ID=$teacher PEEROBS_TEACHER_CODE=$teacher_code \
PEEROBS_COLLEAGUE_NAME="Bo Chen" PEEROBS_COLLEAGUE_ID=$colleague PEEROBS_COLLEAGUE_CODE=$colleague_code \
PEEROBS_CLI=$cli_bin PEEROBS_CHROMIUM=$chromium PEEROBS_WORK_DIR=$work PEEROBS_ROOT=$root \
PEEROBS_HUB_BIN=$hub_bin PEEROBS_WEB_DIR=$work/web \
  node "$here/e2e.mjs" "${flags[@]}"
code=$?
if [ "$code" = 0 ] && [[ " ${flags[*]} " != *" --only-screenshots "* && " ${flags[*]} " != *" --only-keys-screenshots "* ]]; then
  PEEROBS_HUB_URL=http://127.0.0.1:$port PEEROBS_CHROMIUM=$chromium node "$here/storage_faults.mjs"
  code=$?
fi
if ! kill -0 "$hub_pid" 2>/dev/null; then
  echo "FAIL (web client e2e): the hub died during the run: $(tail -20 "$work/hub.log")" >&2
  exit 1
fi
if [ "$code" != 0 ]; then
  echo "--- hub log (last 20 lines) ---" >&2
  tail -20 "$work/hub.log" >&2
  exit "$code"
fi
exit 0
