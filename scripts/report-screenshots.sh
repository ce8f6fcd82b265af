#!/usr/bin/env bash
# Renders the demo data's reports with peerobs-cli and turns their pages into the PNGs under
# docs/screenshots/reports/ (what a school would print): the visit summary as the observed
# teacher's copy, the cycle report, both on A4. Needs a built peerobs-cli and poppler-utils.
# Usage: scripts/report-screenshots.sh [PEEROBS_CLI]   (default build/core/peerobs-cli)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-$root/build/core/peerobs-cli}
out=$root/docs/screenshots/reports
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" --data "$work/data" init --name "Sam Okafor" --demo >"$work/ids.txt"
visit=$(awk '/its debriefed visit/ { print $2 }' "$work/ids.txt")
cycle=$(awk '/the questioning cycle you lead/ { print $2 }' "$work/ids.txt")
"$cli" --data "$work/data" report --visit "$visit" --for "Amira Haddad" --out "$work/visit.pdf"
"$cli" --data "$work/data" report --cycle "$cycle" --for "Amira Haddad" --out "$work/cycle.pdf"
mkdir -p "$out"
rm -f "$out"/*.png
pdftoppm -r 72 -png "$work/visit.pdf" "$work/visit"
pdftoppm -r 72 -png "$work/cycle.pdf" "$work/cycle"
for f in "$work"/visit-*.png; do n=${f##*-}; mv "$f" "$out/visit_summary_page${n#0}"; done
for f in "$work"/cycle-*.png; do n=${f##*-}; mv "$f" "$out/cycle_report_page${n#0}"; done
ls "$out"
