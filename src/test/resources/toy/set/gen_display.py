"""Writes random set displays, some constant, to stdout: python3 gen_display.py SEED.

Constant displays of three or more items compile to a frozenset constant in CPython 3.11,
which changes the iteration order; so do for loops and comprehensions over them.
"""
import random, sys
r = random.Random(int(sys.argv[1]))
def atom():
    k = r.random()
    if k < 0.5: return str(r.randint(0, 70))
    if k < 0.6: return "-" + str(r.randint(0, 300))
    if k < 0.7: return r.choice(["2**61", "2**61 + 1", "2**62", "2**64", "2**65", "-2**63", "1 << 61", "1 << 100", "3 * 2**40", "~5", "not 0", "2**61 - 1", "(2**61 - 1) * 2", "7 // 2", "7 / 2", "2**-1", "-(2**61)"]) + ("" if r.random() < 0.5 else " + " + str(r.randint(0, 9)))
    if k < 0.8: return str(r.choice([0.5, 2.0, 16.0, 1e300, -0.0, 3.75]))
    if k < 0.85: return r.choice(["True", "False"])
    if k < 0.95: return "(" + ", ".join(atom() for _ in range(r.randint(1, 3))) + ",)"
    return "x"
for i in range(25):
    n = r.randint(0, 40)
    elts = ", ".join(atom() for _ in range(n))
    if n == 0: continue
    kind = r.randrange(4)
    if kind == 0: print(f"print({{{elts}}})")
    elif kind == 1: print(f"print([v for v in {{{elts}}}])")
    elif kind == 2: print(f"for v in {{{elts}}}:\n    print(v, end=' ')\nprint()")
    else: print(f"print({{v for v in {{{elts}}}}})")
