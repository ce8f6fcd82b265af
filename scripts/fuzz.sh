#!/usr/bin/env bash
# The long fuzzing runs (issue 13): builds the harnesses in tests/fuzz/ with clang, libFuzzer and
# ASan + UBSan into build-fuzz/, seeds each with the real inputs its replay build writes, and runs
# each for SECONDS (default 60) with memory bounded, printing the executions and anything found
# (crash files land in build-fuzz/findings/<name>/; each becomes a file under
# tests/fuzz/corpus/<name>/, which the test command replays from then on). The harnesses that read
# a sync envelope get tests/fuzz/dict/envelope.dict; each run's whole output is kept in
# build-fuzz/logs/<name>.log (the figures for docs/hardening.md: executions, edges, peak RSS).
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   (needs clang; the release build/ for the seeds)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
cd "$root"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPEEROBS_SANITIZE=ON -DCMAKE_CXX_FLAGS= \
  -DPEEROBS_FUZZ=ON -DPEEROBS_BUILD_APP=OFF \
  -DPEEROBS_BUILD_BENCH=OFF >/dev/null
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=($(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//'))
cmake --build build-fuzz -j"$(nproc)" --target "${harnesses[@]}"
cmake --build build -j"$(nproc)" --target "${harnesses[@]}" >/dev/null  # the replay builds write the seeds
# The dictionary a harness's input format fits ("" = none).
dict_for() {
  case $1 in
    envelope | hub_push | pull_apply) echo "tests/fuzz/dict/envelope.dict" ;;
    *) echo "" ;;
  esac
}
mkdir -p build-fuzz/logs
for h in "${harnesses[@]}"; do
  name=${h#fuzz_}
  corpus=build-fuzz/corpus/$name findings=build-fuzz/findings/$name log=build-fuzz/logs/$name.log
  mkdir -p "$corpus" "$findings"
  "build/tests/fuzz/$h" --seconds 0 --write-seeds "$corpus" >/dev/null
  [ -d "tests/fuzz/corpus/$name" ] && cp -rn tests/fuzz/corpus/"$name"/. "$corpus"/ 2>/dev/null || true
  dict=$(dict_for "$name")
  echo "== $h: $seconds s${dict:+, dictionary $dict}, log $log"
  ASAN_OPTIONS=detect_leaks=0 "build-fuzz/tests/fuzz/$h" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -max_len=1048576 -artifact_prefix="$findings/" -print_final_stats=1 ${dict:+-dict="$dict"} >"$log" 2>&1 || true
  grep -E "^#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|Test unit written" "$log" || true
done
