#!/usr/bin/env bash
# Installs what is missing, builds, and starts the peerobs client on its default store
# (~/.local/share/peerobs/peerobs.sqlite). On first run it asks who you are and offers demo data.
# Extra arguments go to the client, e.g. scripts/run.sh --data /tmp/peerobs-try
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target peerobs peerobs-cli peerobs-hub
exec build/app/peerobs "$@"
