#!/usr/bin/env bash
# Regenerates the expected output of the math/time/os/random scripts of this folder by running
# CPython 3.11, the oracle: NAME.out for every NAME.toy (each run in a fresh temp dir, stdin
# from /dev/null), and libm_cases.txt from gen_libm_cases.py. Run from anywhere: ./regen.sh
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python3 -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || exit 1
for f in "$here"/*.toy; do
    base=${f%.toy}
    tmp=$(mktemp -d)
    (cd "$tmp" && python3 "$f" > "$base.out" 2>/dev/null < /dev/null)
    code=$?
    rm -rf "$tmp"
    if [ "$code" -ne 0 ]; then echo "$base: exit status $code" >&2; fi
done
python3 "$here/gen_libm_cases.py" > "$here/libm_cases.txt"
