#!/usr/bin/env bash
# Regenerates NAME.out (and NAME.code when the exit status is not 0) for every NAME.toy in
# this folder by running CPython 3.11, the oracle. Run from anywhere: ./regen.sh
set -u
cd "$(dirname "${BASH_SOURCE[0]}")"
python3 -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || exit 1
for f in *.toy; do
    base=${f%.toy}
    python3 "$f" > "$base.out" 2>/dev/null < /dev/null
    code=$?
    if [ "$code" -ne 0 ]; then echo "$code" > "$base.code"; else rm -f "$base.code"; fi
done
