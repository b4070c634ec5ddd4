#!/bin/sh
# Regenerates the expected outputs with CPython 3.11 (never edit the .out files by hand).
cd "$(dirname "$0")" && for f in *.toy; do python3 "$f" > "${f%.toy}.out"; done
