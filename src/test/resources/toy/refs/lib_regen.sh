#!/usr/bin/env bash
# Regenerates the expected output of the lib_*.toy scripts with CPython 3.11, the oracle
# (never edit the .out files by hand). Run from anywhere; the scripts run in a temporary
# directory and must exit 0.
set -eu
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python3 -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "$here"/lib_*.toy; do
    (cd "$tmp" && python3 "$f" > "${f%.toy}.out" < /dev/null)
done
