#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is missing, builds the browser client
# (emscripten, from Debian's source packages), builds with -Werror, runs every test with ctest
# (the browser tests drive Debian's chromium against a real hub serving that client), then does
# the same in an AddressSanitizer + UBSan build, and runs the tests that sync through threads (the
# sync worker, the pipelined pull and push, a hub answering devices at once) under ThreadSanitizer.
# Usage: scripts/test.sh        (from anywhere; builds in build-web/, build/, build-asan/, build-tsan/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/install-deps.sh --web
jobs=$(nproc)

echo "== browser client (emscripten) =="
scripts/web-build.sh build-web

echo "== release build (warnings are errors) =="
# Optimised as RelWithDebInfo but without debug information: a test run needs no debugger, and
# writing the debug information is a large part of compiling.
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DPEEROBS_SANITIZE=OFF -DPEEROBS_WEB_CLIENT_DIR="$root/build-web/web" >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure --timeout 600

echo "== ASan + UBSan build =="
# -g1: line tables are all a sanitizer's report needs to name file and line.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DCMAKE_C_FLAGS_DEBUG=-g1 \
  -DPEEROBS_SANITIZE=ON -DPEEROBS_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"
# tests/lsan.supp: the caches fontconfig, pango and glib keep for the process's life (the PDF renderer).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS="suppressions=$root/tests/lsan.supp" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --test-dir build-asan -j"$jobs" --output-on-failure --timeout 900

echo "== ThreadSanitizer: the tests that sync through threads =="
# The hub and the sync client only (no app, no benches): the sync worker's thread, the pull and
# push pipelines (a request on a second thread while the store works), and hubs answering several
# devices and replays at once. Every hub these tests start is the TSan build too.
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DPEEROBS_SANITIZE_THREAD=ON -DPEEROBS_BUILD_APP=OFF -DPEEROBS_BUILD_BENCH=OFF >/dev/null
cmake --build build-tsan -j"$jobs" --target hub_tests
threaded='^(sync worker|pull|push|hub push|hub faults|hub sync|hub refusals|held back|bad wifi: pushes)'
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$root/tests/tsan.supp" \
  ctest --test-dir build-tsan -j"$jobs" --output-on-failure --timeout 900 -R "$threaded" -E NOT_BUILT
echo "== all tests passed =="
