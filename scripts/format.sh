#!/usr/bin/env bash
# Formats every C++ file of the project (tracked, or new and not ignored) with the repo's
# .clang-format. --check changes nothing: it names each file that differs and exits 1 if any do
# (the test command runs it as a ctest entry).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/install-deps.sh installs it)"; exit 1; }
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.h')
if [ "${1:-}" = "--check" ]; then
  # One clang-format run for all files; each difference is reported as "file:line:col: error: ...".
  mapfile -t differ < <(clang-format --dry-run -Werror "${files[@]}" 2>&1 | grep -o '^[^:]*:[0-9]*:[0-9]*: error' |
    cut -d: -f1 | sort -u || true)
  if [ ${#differ[@]} -gt 0 ]; then
    echo "${#differ[@]} file(s) differ from .clang-format (run scripts/format.sh):"
    printf '  %s\n' "${differ[@]}"
    exit 1
  fi
  echo "${#files[@]} C++ files follow .clang-format"
else
  printf '%s\n' "${files[@]}" | xargs -r clang-format -i
fi
