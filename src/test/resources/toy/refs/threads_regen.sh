#!/usr/bin/env bash
# Regenerates the expected output of the threads_*.toy scripts with CPython 3.11 (never edit
# the .out files by hand). Run from anywhere; the scripts run in a temporary directory.
set -eu
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$here"/threads_*.toy; do
    (cd "$tmp" && python3 "$f" > "${f%.toy}.out")
done
