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

# Build speed, without which the suite runs past its 25 minutes on a 2-core machine:
# - unity builds: our libraries and programs compile as a few files that each join about twelve
#   of ours, so the heavy headers (the standard library, cereal, CLI11, cpp-httplib, ImGui) are
#   read once per twelve files, not once per file. Measured: 149 s of CPU instead of 368 s for
#   the libraries and programs. Test executables stay one file per object (tests/CMakeLists.txt).
# - ninja rather than make;
# - ccache when it is there: CI builds a fresh clone each time, so CCACHE_BASEDIR lets one clone's
#   objects serve the next (paths inside the clone are cached as relative ones) and the sloppiness
#   lets precompiled headers and just-generated files be cached.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
speed=(-G Ninja -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=12)
if command -v ccache >/dev/null; then
  speed+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
# A build folder configured by make before (a developer's) is reconfigured for ninja; its sources stay.
configure() {
  local dir=$1; shift
  if [ -f "$dir/CMakeCache.txt" ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=Ninja" "$dir/CMakeCache.txt"; then
    rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
  fi
  cmake -S . -B "$dir" "${speed[@]}" "$@" >/dev/null
}

echo "== browser client (emscripten) =="
scripts/web-build.sh build-web

echo "== release build (warnings are errors) =="
# Optimised as RelWithDebInfo but without debug information: a test run needs no debugger, and
# writing the debug information is a large part of compiling.
configure build -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DPEEROBS_SANITIZE=OFF -DPEEROBS_WEB_CLIENT_DIR="$root/build-web/web"
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure --timeout 600

echo "== ASan + UBSan build =="
# -g1: line tables are all a sanitizer's report needs to name file and line.
configure build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DCMAKE_C_FLAGS_DEBUG=-g1 \
  -DPEEROBS_SANITIZE=ON -DPEEROBS_BUILD_BENCH=OFF
cmake --build build-asan -j"$jobs"
# tests/lsan.supp: the caches fontconfig, pango and glib keep for the process's life (the PDF renderer).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS="suppressions=$root/tests/lsan.supp" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --test-dir build-asan -j"$jobs" --output-on-failure --timeout 900

echo "== ThreadSanitizer: the tests that sync through threads =="
# The hub and the sync client only (no app, no benches): the sync worker's thread, the pull and
# push pipelines (a request on a second thread while the store works), and hubs answering several
# devices and replays at once, the hub's group commit and its readers beside the writer. Every hub
# these tests start is the TSan build too.
configure build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  -DPEEROBS_SANITIZE_THREAD=ON -DPEEROBS_BUILD_APP=OFF -DPEEROBS_BUILD_BENCH=OFF
cmake --build build-tsan -j"$jobs" --target hub_tests
threaded='^(sync worker|pull|push|hub push|hub faults|hub sync|hub refusals|held back|bad wifi: pushes|group commit|hub reads|hub: a pull is answered while a push waits)'
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$root/tests/tsan.supp" \
  ctest --test-dir build-tsan -j"$jobs" --output-on-failure --timeout 900 -R "$threaded" -E NOT_BUILT
echo "== all tests passed =="
