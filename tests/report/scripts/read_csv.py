#!/usr/bin/env python3
"""Reads a peerobs CSV with Python's csv module, as a spreadsheet user's script would.

Usage: read_csv.py FILE.csv EXPECTED_TEXT_FILE
Prints: "columns N" (header width), "rows N", "same-width yes|no", "found yes|no" (whether the
exact text of EXPECTED_TEXT_FILE is one row's `text` field), then one line per observer and
counter key with its number of taps: "count <observer>\t<key>\t<n>".
"""
import collections
import csv
import sys

with open(sys.argv[2], encoding="utf-8", newline="") as f:
    expected = f.read()
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
    f.seek(0)
    widths = {len(r) for r in csv.reader(f)}
print("columns", len(rows[0]) if rows else 0)
print("rows", len(rows))
print("same-width", "yes" if len(widths) == 1 else "no")
print("found", "yes" if any(r["text"] == expected for r in rows) else "no")
counts = collections.Counter((r["observer"], r["key"]) for r in rows if r["kind"] == "count")
for (observer, key), n in sorted(counts.items()):
    print(f"count {observer}\t{key}\t{n}")
