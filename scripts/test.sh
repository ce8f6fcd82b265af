#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, builds the browser client
# (emscripten, from Debian's source packages), builds with -Werror, runs every test with ctest
# (the browser tests drive Debian's chromium against a real hub serving that client), then does
# the same in an AddressSanitizer + UBSan build.
# Usage: scripts/test.sh        (from anywhere; builds in build-web/, build/ and build-asan/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/install-deps.sh --web
jobs=$(nproc)

echo "== browser client (emscripten) =="
scripts/web-build.sh build-web

echo "== release build (warnings are errors) =="
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPEEROBS_SANITIZE=OFF \
  -DPEEROBS_WEB_CLIENT_DIR="$root/build-web/web" >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure --timeout 600

echo "== ASan + UBSan build =="
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPEEROBS_SANITIZE=ON -DPEEROBS_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j"$jobs" --output-on-failure --timeout 900
echo "== all tests passed =="
