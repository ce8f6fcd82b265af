#!/usr/bin/env bash
# Builds the browser client into build-web/web (the folder `peerobs-hub serve --web` serves).
# Installs what is missing (Debian's emscripten, dpkg-dev and tcl for the source packages), fetches
# the third-party sources it compiles from Debian's source packages into build-web/sources (once),
# and builds with emscripten. Usage: scripts/web-build.sh [BUILD_DIR]   (default build-web)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${1:-build-web}
scripts/install-deps.sh --web
# Debian's emcc looks for Debian's JavaScript modules (acorn) here when `node` is not Debian's own.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# Emscripten's cache in the package is prebuilt and frozen; nothing is downloaded.
scripts/fetch-web-sources.sh "$build/sources"
# Ninja: about a third faster than make on this build (emcc's start-up per file dominates).
if [ -f "$build/CMakeCache.txt" ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=Ninja" "$build/CMakeCache.txt"; then
  rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"  # configured by make before; the sources stay
fi
# Unity build of our own code (about twelve files per compile; see scripts/test.sh). ccache, when
# installed, is on the compiler launcher (platform/web/third_party.cmake); CCACHE_BASEDIR lets a
# fresh clone reuse the objects of another.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=1
emcmake cmake -G Ninja -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DPEEROBS_WEB_SOURCES="$root/$build/sources" \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=12 >/dev/null
cmake --build "$build" -j"$(nproc)" --target peerobs
echo "Web client: $root/$build/web"
