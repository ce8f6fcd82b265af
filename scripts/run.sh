#!/usr/bin/env bash
# Installs what is missing, builds, and starts peerobs.
#   scripts/run.sh [--data DIR] [--size WxH]   the desktop client on its default store
#                                               (~/.local/share/peerobs/peerobs.sqlite); extra
#                                               arguments go to the client
#   scripts/run.sh --web [--hub-data DIR]       builds the browser client and serves it from a
#                                               local hub on loopback; prints the address to open
# On first run the client asks who you are and offers demo data.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if [ "${1:-}" = "--web" ]; then
  shift
  hub_data="$root/build-web/hub-data"
  if [ "${1:-}" = "--hub-data" ] && [ -n "${2:-}" ]; then hub_data=$2; shift 2; fi
  scripts/web-build.sh
  cmake -S . -B build >/dev/null  # keeps the build type build/ has (scripts/test.sh: Release), so nothing rebuilds
  cmake --build build -j"$(nproc)" --target peerobs-hub peerobs-cli
  mkdir -p "$hub_data"
  log=$(mktemp)
  build/server/peerobs-hub serve --data "$hub_data" --listen 127.0.0.1:0 --web build-web/web >"$log" 2>&1 &
  hub=$!
  trap 'kill $hub 2>/dev/null || true; rm -f "$log"' EXIT INT TERM
  for _ in $(seq 1 100); do
    grep -q "listening on" "$log" && break
    kill -0 $hub 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  address=$(sed -n 's/^listening on \(.*\)$/\1/p' "$log" | head -1)
  [ -n "$address" ] || { cat "$log" >&2; echo "The hub did not start." >&2; exit 1; }
  cat <<TEXT

peerobs is served at:  http://$address/
(loopback counts as a secure address: offline use and "Add to Home Screen" work there; for
tablets on a school network the hub needs https: see docs/web_hosting.md)

To connect the browser to this hub, add a person and give them a one-time code:
  build/server/peerobs-hub add-person --data $hub_data --name "Your Name"
  build/server/peerobs-hub issue-code --data $hub_data --person <ID>
then in peerobs: Settings > Your school's hub > Enrollment code > Connect.
Ctrl+C stops the hub.
TEXT
  wait $hub
  exit $?
fi
scripts/install-deps.sh
cmake -S . -B build >/dev/null  # keeps the build type build/ has (scripts/test.sh: Release), so nothing rebuilds
cmake --build build -j"$(nproc)" --target peerobs peerobs-cli peerobs-hub
exec build/app/peerobs "$@"
