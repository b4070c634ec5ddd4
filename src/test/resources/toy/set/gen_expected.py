"""Regenerates NAME.out for every NAME.toy here by running CPython 3.11 (the oracle).

Usage: python3 gen_expected.py   (run from any directory)
The fuzz_N.toy and display_random.toy programs come from gen_fuzz.py and gen_display.py.
"""
import pathlib
import subprocess
import sys

here = pathlib.Path(__file__).resolve().parent
assert sys.version_info[:2] == (3, 11), "expected outputs must come from CPython 3.11"
for src in sorted(here.glob("*.toy")):
    r = subprocess.run([sys.executable, src.name], cwd=here, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{src.name} failed under CPython:\n{r.stderr}")
    src.with_suffix(".out").write_text(r.stdout)
    print("wrote", src.with_suffix(".out").name)
