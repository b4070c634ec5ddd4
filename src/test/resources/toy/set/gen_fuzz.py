"""Writes a random set program (fixed seed) to stdout: python3 gen_fuzz.py SEED > fuzz_SEED.toy.

The program builds sets of ints, floats, bools, tuples and frozensets (deterministic hashes),
mutates them and combines them with every operator and method, printing each result, so that
the iteration order of Toy's sets can be compared with CPython 3.11's.
"""
import random, sys

def rint(r):
    k = r.random()
    if k < 0.35: return r.randint(0, 64)
    if k < 0.55: return r.randint(-300, 300)
    if k < 0.7: return r.randint(0, 5000)
    if k < 0.8: return r.choice([2**61-1, 2**61, 2**61+1, 2**62, 2**63-1, 2**63, 2**64, -2**61, -2**61+1, -2**63, 2**70+3]) + r.randint(-3, 3)
    if k < 0.9: return r.randint(-2**64, 2**64)
    return r.choice([0, 1, -1, -2, 8, 16, 32, 64, 128, 1024]) * r.randint(1, 40)

def rval(r, depth=0):
    k = r.random()
    if k < 0.75 or depth > 1: return repr(rint(r))
    if k < 0.82: return repr(r.choice([0.5, 1.0, 2.5, -0.0, 1e300, 3.25, float(r.randint(0, 100)), r.randint(0, 1000)/8]))
    if k < 0.86: return r.choice(["True", "False"])
    if k < 0.95:
        n = r.randint(0, 3)
        return "()" if n == 0 else "(" + ", ".join(rval(r, depth+1) for _ in range(n)) + ",)"
    return "frozenset([" + ", ".join(rval(r, depth+1) for _ in range(r.randint(0, 4))) + "])"

def rintlist(r):
    return '[' + ', '.join(repr(rint(r)) for _ in range(r.randint(0, 150))) + ']'

def rlist(r, n=None):
    if n is None: n = r.choice([0, 1, 3, 5, 8, 12, 20, 40, 80, 150, 200])
    n = r.randint(0, n)
    return "[" + ", ".join(rval(r) for _ in range(n)) + "]"

def gen(seed):
    r = random.Random(seed)
    out = []
    P = out.append
    P("def show(x):\n    print(x, len(x))")
    names = []
    for i in range(6):
        P(f"s{i} = set({rlist(r)})")
        P(f"show(s{i})")
        names.append(f"s{i}")
    P(f"f0 = frozenset({rlist(r)})")
    P("show(f0)")
    P("print(hash(f0))")
    names.append("f0")
    for step in range(40):
        k = r.randrange(22)
        a = r.choice(names); b = r.choice(names)
        m = r.choice(names[:-1])
        if k == 0: P(f"{m}.add({rval(r)}); show({m})")
        elif k == 1:
            v = rval(r)
            P(f"{m}.discard({v}); show({m})")
        elif k == 2:
            P(f"for _v in {rlist(r, 30)}:\n    {m}.add(_v)\nshow({m})")
        elif k == 3:
            P(f"for _v in list({m})[::{r.randint(1,4)}][:{r.randint(0,50)}]:\n    {m}.remove(_v)\nshow({m})")
        elif k == 4: P(f"show({a} | {b})")
        elif k == 5: P(f"show({a} & {b})")
        elif k == 6: P(f"show({a} - {b})")
        elif k == 7: P(f"show({a} ^ {b})")
        elif k == 8: P(f"{m} |= {b}; show({m})")
        elif k == 9: P(f"{m} &= {b}; show({m})")
        elif k == 10: P(f"{m} -= {b}; show({m})")
        elif k == 11: P(f"{m} ^= {b}; show({m})")
        elif k == 12: P(f"show({a}.union({rlist(r)}, {b}))")
        elif k == 13: P(f"show({a}.intersection({rlist(r)}))")
        elif k == 14: P(f"show({a}.difference({rlist(r)}, {b}))")
        elif k == 15: P(f"show({a}.symmetric_difference({rlist(r)}))")
        elif k == 16: P(f"{m}.update({rlist(r)}, dict.fromkeys({rlist(r)})); show({m})")
        elif k == 17: P(f"{m}.difference_update({rlist(r)}); show({m})")
        elif k == 18: P(f"{m}.intersection_update({rlist(r)}, {b}); show({m})")
        elif k == 19: P(f"{m}.symmetric_difference_update(dict.fromkeys({rlist(r)})); show({m})")
        elif k == 20: P(f"print([{m}.pop() for _ in range(min(len({m}), {r.randint(0, 10)}))]); show({m})")
        elif k == 21:
            P(f"print({a} <= {b}, {a} < {b}, {a} == {b}, {a} != {b}, {a} >= {b}, {a} > {b}, {a}.isdisjoint({b}), {a}.issubset({rlist(r)}), {a}.issuperset({rlist(r)}))")
        if r.random() < 0.2:
            P(f"show(frozenset({a}) | frozenset({rlist(r)}))")
            P(f"print(hash(frozenset({a})), hash(frozenset({rlist(r)})))")
        if r.random() < 0.1:
            P(f"print({{frozenset({a}), frozenset({b}), frozenset({rlist(r, 5)})}})")
    n = r.randint(0, 300)
    P(f"show(set(range({n})))")
    P(f"show(set(range({-n}, {n}, {r.randint(1, 7)})))")
    P(f"show({{x * {r.randint(1, 99)} for x in range({r.randint(0, 200)})}})")
    P(f"show({{x % {r.randint(1, 50)} - {r.randint(0, 30)} for x in {rintlist(r)}}})")
    P(f"show(set({{k: 1 for k in {rlist(r)}}}))")
    P(f"show({{(x, x * 2) for x in range({r.randint(0, 50)})}})")
    return "\n".join(out) + "\n"

if __name__ == "__main__":
    print(gen(int(sys.argv[1])), end="")
